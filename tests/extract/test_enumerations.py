"""Names an enumeration lists beside organisations or products, on hand-written sentences."""
from __future__ import annotations

from talkgraph.extract.doc import Doc
from talkgraph.extract.model import Kind
from talkgraph.extract.pipeline import default_pipeline
from talkgraph.extract.reading import document_from_text
from talkgraph.extract.transcript import parse_transcript


def found(text: str) -> dict[str, tuple[Kind, str]]:
    doc = Doc(parse_transcript(document_from_text(text, doc_id="t")))
    return {m.text: (m.kind, m.source) for m in default_pipeline().find_mentions(doc)}


def test_an_unknown_item_of_a_list_of_organisations_is_one():
    mentions = found("我们和腾讯、阿里巴巴、Quillmark Nova都谈过合作。")
    assert mentions["Quillmark Nova"] == (Kind.ORGANIZATION, "enumerations")
    mentions = found("Hexfield、腾讯、阿里巴巴都在做。")
    assert mentions["Hexfield"] == (Kind.ORGANIZATION, "enumerations")


def test_an_unknown_item_after_and_joins_the_list():
    mentions = found("投资人里有腾讯、阿里巴巴和Quillmark。")
    assert mentions["Quillmark"] == (Kind.ORGANIZATION, "enumerations")


def test_one_named_item_makes_no_list_and_a_phrase_is_no_item():
    assert "Quillmark" not in found("我们和腾讯、Quillmark都谈过。")
    assert not any(source == "enumerations" for _, source in found("我们和腾讯、阿里巴巴、很多小公司都谈过。").values())
