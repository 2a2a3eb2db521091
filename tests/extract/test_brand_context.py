"""Apps named by a software frame, and everyday words that are brands only in a brand context."""
from __future__ import annotations

import pytest

from talkgraph.extract.brand_context import apps_in_context, in_brand_context
from talkgraph.extract.model import Kind
from talkgraph.extract.doc import Doc
from talkgraph.extract.reading import document_from_text
from talkgraph.extract.transcript import parse_transcript


def apps_found(text: str):
    doc = Doc(parse_transcript(document_from_text(text, doc_id="t")))
    return [c for para in doc.paragraphs for c in apps_in_context(doc.text, para)]


def apps(text: str) -> list[str]:
    return [text[s.start:s.end] for s in apps_found(text)]


@pytest.mark.parametrize("text, name", [
    ("我平时在栗栗圈上发帖。", "栗栗圈"),
    ("下载了莓果记的App以后", "莓果记"),
    ("你打开栗栗圈看看", "栗栗圈"),
    ("我们用Wazzle写文档。", "Wazzle"),
    ("在Quokkaly上面找的", "Quokkaly"),
    ("莓果记这个软件很好", "莓果记"),
])
def test_an_unknown_name_in_a_software_frame_is_an_app(text, name):
    assert name in apps(text)


def test_only_the_framed_occurrence_is_proposed():
    text = "我在栗栗圈上认识了他。后来栗栗圈改版了。"
    assert apps(text) == ["栗栗圈"]
    assert all(s.kind is Kind.MODEL and 0 < s.score <= 1 for s in apps_found(text))


@pytest.mark.parametrize("text", [
    "我们用心做事。",
    "在网上买了一本书。",
    "打开窗户透透气。",
    "用手机拍一下。",
    "在家上网。",
    "我用张伟写的代码。",     # a person's name
    "栗栗圈改版了。",         # no frame at all
    "用Python写脚本。",       # a word of the not-names list
])
def test_ordinary_words_and_unframed_names_are_no_app(text):
    assert apps(text) == []


def brand(text: str) -> bool:
    s = text.index("苹果")
    return in_brand_context(text, s, s + 2)


@pytest.mark.parametrize("text", [
    "苹果公司今年的利润很高。",
    "苹果发布了新的芯片。",
    "他用的是苹果手机。",
    "谷歌、苹果和微软都在做。",
    "微软和苹果的关系。",
])
def test_apple_in_a_brand_context(text):
    assert brand(text)


@pytest.mark.parametrize("text", [
    "我早上吃了一个苹果。",
    "苹果和香蕉都很便宜。",
    "这棵苹果树结了很多果子。",
])
def test_apple_the_fruit(text):
    assert not brand(text)
