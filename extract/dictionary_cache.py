"""jieba's default dictionary as counts and tags, kept in the user's cache directory once read.

Reading the dictionary's 350,000 lines takes most of half a second, which every build would pay
before reading a line.  The counts and tags made from it
are written once, in ``marshal`` form, to a file whose name carries the digest of the dictionary
file, this module's format version and Python's: a new jieba, a new talkgraph or a new Python
reads the dictionary again.  A file that cannot be read or is not what it should be is read again
from the dictionary and replaced; a cache directory that cannot be written is simply not used.
The result is the same either way, so the cache never changes what a build writes.
"""
from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
import sys
import tempfile
from functools import cache
from pathlib import Path

_FORMAT = 1  # raise when what the file holds changes
Dictionary = tuple[dict[str, int], dict[str, str], int]  # counts, tags, total (every line's count, as jieba sums them)


@cache
def default_dictionary() -> Dictionary:
    """Counts, tags and total of jieba's default dictionary (from the cache when it holds them)."""
    source = _dictionary_file()
    raw = source.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    cached = _cache_file(digest)
    if cached is not None:
        found = _read(cached, digest)
        if found is not None:
            return found
    dictionary = _parse(raw)
    if cached is not None:
        _write(cached, digest, dictionary)
    return dictionary


def _dictionary_file() -> Path:
    """jieba's ``dict.txt``, where ``jieba.Tokenizer().get_dict_file()`` reads it (found without importing jieba)."""
    spec = importlib.util.find_spec("jieba")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


def _parse(raw: bytes) -> Dictionary:
    """As jieba reads its dictionary: a word's last line gives its count, every line adds to the total."""
    frequencies, tags, total = {}, {}, 0
    for line in raw.decode("utf-8").split("\n"):
        parts = line.split()
        if len(parts) >= 2:
            frequencies[parts[0]] = count = int(parts[1])
            total += count
        if len(parts) == 3:
            tags[parts[0]] = parts[2]
    return frequencies, tags, total


def _cache_file(digest: str) -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache" if Path.home().is_dir() else None)
    if base is None:
        return None
    version = f"{sys.implementation.cache_tag}-m{marshal.version}"
    return Path(base) / "talkgraph" / f"jieba-dictionary-{digest[:24]}-v{_FORMAT}-{version}.marshal"


def _read(path: Path, digest: str) -> Dictionary | None:
    """The counts and tags the file holds, or None if it is missing or not a whole one of this digest."""
    try:
        held = marshal.loads(path.read_bytes())
        form, held_digest, words, counts, tagged, tags, total = held
        if form != _FORMAT or held_digest != digest:
            return None
        word_list = words.split("\n")
        tagged_list = word_list if tagged is None else tagged.split("\n")
        if len(word_list) != len(counts) or len(tagged_list) != len(tags) or not isinstance(total, int):
            return None
        return dict(zip(word_list, counts)), dict(zip(tagged_list, tags)), total
    except (OSError, ValueError, EOFError, TypeError, AttributeError):
        return None


def _write(path: Path, digest: str, dictionary: Dictionary) -> None:
    """Write the file whole or not at all (a temporary file renamed), so a reader never sees half of one."""
    frequencies, tags, total = dictionary
    words = list(frequencies)
    tagged = None if list(tags) == words else "\n".join(tags)
    held = (_FORMAT, digest, "\n".join(words), list(frequencies.values()), tagged, list(tags.values()), total)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(marshal.dumps(held))
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
