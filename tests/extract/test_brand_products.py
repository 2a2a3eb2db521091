"""Products named after the organisation that makes them, on hand-written sentences."""
from __future__ import annotations

from talkgraph.extract.model import Kind, Predicate
from talkgraph.extract.pipeline import default_pipeline
from talkgraph.extract.reading import document_from_text
from talkgraph.extract.transcript import parse_transcript


def extracted(text: str):
    return default_pipeline().run(parse_transcript(document_from_text(text, doc_id="t"))).extraction


def found(text: str) -> dict[str, tuple[Kind, str]]:
    return {m.text: (m.kind, m.source) for m in extracted(text).mentions}


def made_by(text: str) -> set[tuple[str, str]]:
    return {(r.subject.text, r.object.text) for r in extracted(text).relations if r.predicate is Predicate.CREATOR}


def test_an_organisations_stem_before_a_product_word_is_its_product():
    text = "星衡集团创始人王立说，我们先把它集成到星衡浏览器里，星衡AI浏览器也在做。"
    mentions = found(text)
    assert mentions["星衡浏览器"] == (Kind.MODEL, "brand_products")
    assert mentions["星衡AI浏览器"] == (Kind.MODEL, "brand_products")
    assert made_by(text) >= {("星衡浏览器", "星衡集团"), ("星衡AI浏览器", "星衡集团")}


def test_a_named_organisation_before_a_product_word_makes_the_product():
    text = "腾讯这几年很顺，我们平时都看腾讯视频。"
    mentions = found(text)
    assert mentions["腾讯"][0] is Kind.ORGANIZATION
    assert mentions["腾讯视频"][0] is Kind.MODEL
    assert ("腾讯视频", "腾讯") in made_by(text)


def test_an_organisation_named_nowhere_else_keeps_its_mention():
    mentions = found("我昨天看了一下Xenolab地图。")
    assert "Xenolab地图" not in mentions


def test_a_product_word_that_goes_on_into_another_word_makes_no_product():
    assert "星衡音乐" not in found("星衡集团很大，星衡音乐节办得不错。")


def test_an_english_name_the_document_glosses_a_person_with_is_no_product_of_their_firm():
    text = ("主持人：下面请瑞银证券的分析师提问。\n\n瑞银证券 何家声（Jason Ho）：Thank you. 瑞银的Jason。关税的影响有多大？\n\n"
            "顾一帆：影响有限。\n")
    assert "Jason" not in found(text)
    assert made_by("主持人：请介绍。\n\n陈昊：微软的Teams和苹果的Keynote我们都用。\n") >= {("Teams", "微软")}
