"""Latin-script product names with versions, and their spellings, on sentences written for these tests."""
from __future__ import annotations

import pytest

from talkgraph.extract import document_from_text, extract, parse_transcript
from talkgraph.extract.doc import Doc
from talkgraph.extract.model import Kind
from talkgraph.extract.pipeline import default_pipeline
from talkgraph.extract.resolve import resolve_aliases, spelling_key


def models(text: str) -> list[str]:
    transcript = parse_transcript(document_from_text(text, doc_id="t"))
    return [m.text for m in default_pipeline().find_mentions(Doc(transcript)) if m.kind is Kind.MODEL]


@pytest.mark.parametrize("text, name", [
    ("我们试了Gemma 9，效果不错。", "Gemma 9"),              # a known family and a version
    ("听说Qwen-9马上要来了。", "Qwen-9"),                   # Name-N
    ("新出的Midjourney V7画得更细。", "Midjourney V7"),      # a known name with a version word
    ("他们开源了Segment Anything 3，大家都在用。", "Segment Anything 3"),
])
def test_a_name_with_a_version_is_the_versioned_name(text, name):
    assert name in models(text)


def test_a_known_name_is_not_found_inside_a_longer_version():
    found = models("先有GPT-4，后来大家期待GPT-4.5。再说一次GPT-4.5。")
    assert found.count("GPT-4.5") == 2 and found.count("GPT-4") == 1


@pytest.mark.parametrize("text, name, word", [
    ("我觉得这个模型是follow Claude-7的思路。", "Claude-7", "follow Claude-7"),
    ("they built FlowNet from scratch，后来大家都用。", "FlowNet", "built FlowNet"),
])
def test_a_lowercase_english_word_does_not_lead_a_name(text, name, word):
    found = models(text)
    assert name in found and word not in found


def test_spellings_of_one_version_are_one_node():
    assert spelling_key("GPT4.0") == spelling_key("GPT-4") == spelling_key("gpt 4")
    assert spelling_key("Llama3.1") == spelling_key("Llama 3.1") != spelling_key("Llama 3")
    text = "甲：GPT4.0和GPT-4是一回事，Nova2.0也就是Nova 2。\n\n乙：对，Nova 2很快。\n"
    corpus = resolve_aliases([extract(parse_transcript(document_from_text(text, doc_id="t")))])
    labels = {e.label: e for e in corpus.entities.values() if e.kind is Kind.MODEL}
    assert "GPT-4" in labels and "GPT4.0" in labels["GPT-4"].aliases and "GPT4.0" not in labels
    assert "Nova 2" in labels and "Nova2.0" in labels["Nova 2"].aliases


def test_a_camel_case_name_typed_in_lower_case_is_the_name():
    found = [m for m in default_pipeline().find_mentions(Doc(parse_transcript(document_from_text(
        "最后让deepseek来润色，再用openai的接口。", doc_id="t"))))]
    assert {(m.text, m.canonical) for m in found} >= {("deepseek", "DeepSeek"), ("openai", "OpenAI")}


def test_a_number_after_a_company_or_before_a_unit_is_no_version():
    assert "OpenAI 2" not in models("大家都在看 OpenAI 2 月发的报告。")
    assert "Gemma 3" not in models("我们试了Gemma 3 个版本。")


def test_a_name_a_company_is_called_by_is_an_organisation():
    transcript = parse_transcript(document_from_text("国外有个公司叫 Quorlux，做得不错；我们用了 Tidewell 平台。",
                                                     doc_id="t"))
    found = {(m.text, m.kind) for m in default_pipeline().find_mentions(Doc(transcript))}
    assert ("Quorlux", Kind.ORGANIZATION) in found and ("Tidewell", Kind.MODEL) in found


@pytest.mark.parametrize("text, name", [
    ("我们和眼镜制造商Zentrix合作，做了新一代眼镜。", "Zentrix"),
    ("后来找了云服务商Brightwave Cloud托管。", "Brightwave Cloud"),
    ("听说初创公司Quorlux又融资了。", "Quorlux"),
])
def test_a_name_after_a_kind_of_company_is_an_organisation(text, name):
    transcript = parse_transcript(document_from_text(text, doc_id="t"))
    found = {(m.text, m.kind) for m in default_pipeline().find_mentions(Doc(transcript))}
    assert (name, Kind.ORGANIZATION) in found


def test_a_name_a_cue_makes_an_organisation_is_one_where_only_its_shape_speaks():
    transcript = parse_transcript(document_from_text("我们和眼镜制造商LensCraft合作，LensCraft的眼镜很多人戴。", doc_id="t"))
    kinds = {m.kind for m in default_pipeline().find_mentions(Doc(transcript)) if m.text == "LensCraft"}
    assert kinds == {Kind.ORGANIZATION}


def test_a_known_name_is_not_found_inside_a_hyphenated_compound():
    found = models("我们用 Ray 做分布式训练，还戴着 Ray-Ban 眼镜。")
    assert found.count("Ray") == 1


def test_words_of_an_english_phrase_are_no_name():
    assert not [m for m in models("发明了一个词叫 Nice Try for Fun，大家都懂。") if "Nice" in m]


@pytest.mark.parametrize("text", ["我们是Top 10的公司。", "Day 1就定了目标。", "COVID-19之后大家都变了。",
                                  "进入Industry 4.0时代。", "Phase 3试验结束了。"])
def test_an_english_word_that_takes_a_number_is_no_product(text):
    assert models(text) == []


@pytest.mark.parametrize("text, name", [
    ("今天我要发布的第一个产品，是星衍-3 Pro。", "星衍-3 Pro"),
    ("去年我们发布了星衍-2，当时是三百亿参数。", "星衍-2"),
    ("我们的运动模型叫青岭-Motion 1.5。", "青岭-Motion 1.5"),
])
def test_a_chinese_brand_a_hyphen_and_a_version_is_a_model(text, name):
    assert name in models(text)


@pytest.mark.parametrize("text", ["计划端侧部署自研星衍-3B。", "我们用开源星衍-3B做的。", "新款星衍-3B下个月上车。"])
def test_a_word_saying_what_kind_of_model_is_no_part_of_its_name(text):
    assert models(text) == ["星衍-3B"]


def test_an_episode_number_is_no_model():
    assert models("本期是EP 87，我们聊聊新模型。") == []


def test_a_range_of_years_is_no_model():
    assert models("这是2020-2021年的数据，北京-上海的高铁。") == []


def _model_labels(text: str) -> dict[str, set[str]]:
    corpus = resolve_aliases([extract(parse_transcript(document_from_text(text, doc_id="t")))])
    return {e.label: set(e.aliases) for e in corpus.entities.values() if e.kind is Kind.MODEL}


def test_a_version_said_without_its_family_is_the_longer_name():
    labels = _model_labels("甲：Nebula-X7出来以后，X7的推理很强。\n\n乙：对，Orbit K5也不错，K5便宜。\n")
    assert set(labels) == {"Nebula-X7", "Orbit K5"}
    assert "X7" in labels["Nebula-X7"] and "K5" in labels["Orbit K5"]


def test_a_version_two_families_end_with_stays_apart():
    labels = _model_labels("甲：Nebula-X7和Orbit-X7都出了，X7到底指哪个？\n\n乙：不知道。\n")
    assert {"Nebula-X7", "Orbit-X7", "X7"} <= set(labels)
