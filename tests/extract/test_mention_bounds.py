"""Where a mention begins and ends when a rule and the model disagree (own sentences)."""
from __future__ import annotations

import pytest

from talkgraph.extract.doc import Doc
from talkgraph.extract.model import Kind
from talkgraph.extract.pipeline import default_pipeline
from talkgraph.extract.reading import document_from_text
from talkgraph.extract.transcript import parse_transcript


def people(text: str) -> list[str]:
    transcript = parse_transcript(document_from_text(text, doc_id="t"))
    return [m.text for m in default_pipeline().find_mentions(Doc(transcript)) if m.kind is Kind.PERSON]


def test_a_dot_joined_name_is_taken_whole_when_the_model_is_surer_of_its_bounds():
    # the transliteration rule starts at 特 (玛格丽 are common characters); the model spans the whole name
    assert people("作家玛格丽特·阿特伍德昨天说了。") == ["玛格丽特·阿特伍德"]


def test_the_rules_span_stays_where_the_model_sees_no_longer_name():
    assert people("导演弗朗西斯·科波拉表示很开心。") == ["弗朗西斯·科波拉"]


def test_a_surname_before_an_everyday_noun_and_a_speech_verb_is_no_name():
    assert people("一位工作人员向记者表示，明天照常营业。") == []


@pytest.mark.parametrize("text, name", [("会上李大海说，明年还要扩产。", "李大海"), ("会上王局长说，明年还要扩产。", "王局长")])
def test_a_surname_before_a_rarer_word_or_a_post_and_a_speech_verb_stays_a_name(text, name):
    assert people(text) == [name]
