"""Short names a text declares for an organisation (以下简称“X”).  Sentences written for these tests."""
from __future__ import annotations

from talkgraph.extract import document_from_text, extract, parse_transcript


def mentions_and_aliases(text: str):
    extraction = extract(parse_transcript(document_from_text(text, doc_id="t")))
    return extraction.mentions, dict(extraction.aliases)


def test_a_declared_short_name_is_the_organisation_wherever_the_text_uses_it():
    mentions, aliases = mentions_and_aliases(
        "主持人：欢迎参加杭州明川智造科技股份有限公司（以下简称\"明川智造\"或\"公司\"）的业绩说明会。\n\n"
        "投资者：请问明川智造今年的毛利率怎么样？\n\n主持人：请董秘回答。\n")
    shorts = [m for m in mentions if m.text == "明川智造"]
    assert len(shorts) == 2 and all(m.kind.value == "Organization" for m in shorts)
    assert aliases["明川智造"].text == "杭州明川智造科技股份有限公司"


def test_a_short_name_declared_for_what_is_no_organisation_is_none():
    mentions, aliases = mentions_and_aliases(
        "主持人：《个人信息保护条例》（以下简称“保护条例”）对你们有影响吗？\n\n嘉宾：保护条例影响不大。\n")
    assert not any(m.text == "保护条例" for m in mentions) and "保护条例" not in aliases
