"""Products and companies named by what they are said to be called, on hand-written sentences."""
from __future__ import annotations

import pytest

from talkgraph.extract.doc import Doc
from talkgraph.extract.called_names import called_names
from talkgraph.extract.model import Kind
from talkgraph.extract.reading import document_from_text
from talkgraph.extract.transcript import parse_transcript


def called(text: str, kind: Kind = Kind.MODEL) -> list[str]:
    doc = Doc(parse_transcript(document_from_text(text, doc_id="t")))
    return [doc.text[c.start:c.end] for c in called_names(doc, doc.paragraphs) if c.kind is kind]


@pytest.mark.parametrize("text, name", [
    ("我们主要做企业知识库，产品叫深言问答。", "深言问答"),
    ("这个模型名为星火问答，下个月发布。", "星火问答"),
    ("我们做了一个App叫栗栗圈，很好用。", "栗栗圈"),
    ("这个工具叫Notion AI。", "Notion AI"),
])
def test_what_a_product_is_called_is_its_name(text, name):
    assert called(text) == [name]


@pytest.mark.parametrize("text", [
    "你们的产品叫什么？",
    "这个产品叫这个名字是有原因的。",
    "我们的产品叫得很响，但是没人用。",
])
def test_a_question_a_pronoun_or_a_clause_that_goes_on_names_no_product(text):
    assert called(text) == []


@pytest.mark.parametrize("text, name", [
    ("今年我们领投了一家做具身智能的，叫星尘智能。", "星尘智能"),
    ("有个公司叫栖云科技，做法律文书。", "栖云科技"),
    ("另一家做AI编程，叫Tabby Labs。", "Tabby Labs"),
])
def test_what_a_company_is_called_is_its_name(text, name):
    assert called(text, Kind.ORGANIZATION) == [name]
