"""Reading transcript files: encodings, line ends, and bad input."""
from __future__ import annotations

import random

import pytest

from talkgraph.extract import InputError, read_document
from talkgraph.extract.reading import document_from_text

TEXT = "王小明：大家好，今天聊聊大模型。\n\n李华：我认为模型会越来越大。\n\n王小明：谢谢。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "gbk"])
def test_encodings_give_the_same_text(tmp_path, encoding):
    path = tmp_path / "t.txt"
    path.write_bytes(TEXT.encode(encoding))
    assert read_document(path).text == TEXT


def test_crlf_line_ends_give_the_same_text(tmp_path):
    path = tmp_path / "t.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("utf-8"))
    assert read_document(path).text == TEXT


def test_traditional_chinese_is_read_as_is(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("王小明：這是繁體中文。\n\n李華：對。\n", encoding="utf-8")
    assert "繁體" in read_document(path).text


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (b"\x00\x01\x02binary\x00data", "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(7).randbytes(4000), "binary"),
    (bytes(range(256)) * 8, "binary"),
    (bytes(range(128, 256)) * 4, "not text"),
])
def test_bad_files_raise_one_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        read_document(path)
    assert str(path) in str(info.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        read_document(tmp_path)


def test_too_large_file_stops_with_a_message(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2048)
    with pytest.raises(InputError, match="larger than"):
        read_document(path, max_bytes=1024)


def test_document_ids_are_stable_and_iri_safe():
    a = document_from_text("王小明：你好。")
    assert a.doc_id == document_from_text("王小明：你好。").doc_id
    assert document_from_text("x", doc_id="my panel/2021 #1").doc_id == "my-panel-2021-1"


@pytest.mark.parametrize("control", ["\x01", "\x0b", "\x1b", "\x7f", "\x85", "\x9f"])
def test_text_full_of_control_characters_is_not_a_transcript(tmp_path, control):
    """More than one control character in a hundred (a C0 or C1 control, other than a tab, a line's
    or a page's end) is binary data, in UTF-8 as in the legacy encodings; fewer is a transcript."""
    body = "王小明：大家好。" * 20  # 160 characters
    path = tmp_path / "t.txt"
    path.write_bytes((body + control).encode("utf-8"))
    assert read_document(path).text == body + control
    path.write_bytes((body + control * 3).encode("utf-8"))
    with pytest.raises(InputError, match="not text"):
        read_document(path)
    path.write_bytes((body + "\t\f" * 10).encode("utf-8"))
    assert read_document(path).text.startswith(body)
