"""jieba's dictionary counts and tags, cached in the user's cache directory: the same whether the
cache is missing, whole, corrupt, from another dictionary, or cannot be written."""
from __future__ import annotations

import hashlib
import marshal
import os

import pytest

from talkgraph.extract import dictionary_cache


@pytest.fixture()
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    dictionary_cache.default_dictionary.cache_clear()
    yield tmp_path
    dictionary_cache.default_dictionary.cache_clear()


@pytest.fixture(scope="module")
def read_from_jieba():
    """The counts and tags read straight from the dictionary file, as jieba reads it."""
    return dictionary_cache._parse(dictionary_cache._dictionary_file().read_bytes())


def _cached_files(home):
    return sorted((home / "talkgraph").glob("jieba-dictionary-*.marshal"))


def test_the_first_read_writes_the_cache_and_the_second_reads_it(cache_home, read_from_jieba):
    assert dictionary_cache.default_dictionary() == read_from_jieba
    [written] = _cached_files(cache_home)
    dictionary_cache.default_dictionary.cache_clear()
    before = written.stat().st_mtime_ns
    assert dictionary_cache.default_dictionary() == read_from_jieba
    assert written.stat().st_mtime_ns == before  # read, not written again
    assert read_from_jieba.count("北京") > 0 and read_from_jieba.tag("北京") == "ns"
    assert read_from_jieba.count("没有这个词") == 0 and read_from_jieba.tag("没有这个词") is None
    assert read_from_jieba.total >= read_from_jieba.word_total


@pytest.mark.parametrize("damage", [b"", b"not marshal at all", marshal.dumps((1, "x")),
                                    marshal.dumps((2, "0" * 64, "a\nb", [1], (None,), 1, 1))])
def test_a_corrupt_cache_is_read_again_from_the_dictionary_and_replaced(cache_home, read_from_jieba, damage):
    dictionary_cache.default_dictionary()
    [written] = _cached_files(cache_home)
    written.write_bytes(damage)
    dictionary_cache.default_dictionary.cache_clear()
    assert dictionary_cache.default_dictionary() == read_from_jieba
    digest = hashlib.sha256(dictionary_cache._dictionary_file().read_bytes()).hexdigest()
    assert dictionary_cache._read(written, digest) == read_from_jieba  # replaced by a whole one


def test_a_cache_of_another_dictionary_is_not_used(cache_home, read_from_jieba):
    dictionary_cache.default_dictionary()
    [written] = _cached_files(cache_home)
    held = list(marshal.loads(written.read_bytes()))
    held[1] = "f" * 64  # another dictionary's counts, under this one's name
    held[3] = [1] * len(held[3])
    written.write_bytes(marshal.dumps(tuple(held)))
    dictionary_cache.default_dictionary.cache_clear()
    assert dictionary_cache.default_dictionary() == read_from_jieba


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only directory")
def test_a_cache_directory_that_cannot_be_written_is_not_used(cache_home, read_from_jieba):
    cache_home.chmod(0o500)
    try:
        assert dictionary_cache.default_dictionary() == read_from_jieba
        assert not (cache_home / "talkgraph").exists()
    finally:
        cache_home.chmod(0o700)


def test_a_cache_path_that_is_a_file_is_not_used(cache_home, read_from_jieba):
    (cache_home / "talkgraph").write_text("in the way")
    assert dictionary_cache.default_dictionary() == read_from_jieba
