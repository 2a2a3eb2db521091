"""Transliterated and Latin-script person names on hand-written sentences."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from talkgraph.extract import extract
from talkgraph.extract.doc import Doc
from talkgraph.extract.foreign_names import latin_person_names, latin_persons, transliterated_names, transliteration_score
from talkgraph.extract.model import Kind
from talkgraph.extract.reading import document_from_text
from talkgraph.extract.transcript import parse_transcript


def foreign(text: str) -> list[str]:
    return [text[s.start:s.end] for s in transliterated_names(text)]


def latin(text: str) -> list[str]:
    return [text[s.start:s.end] for s in latin_person_names(text)]


def latin_component(text: str) -> list[str]:
    """What the ``persons.latin`` component finds: full names, and given names where the text says so."""
    doc = Doc(parse_transcript(document_from_text(text, doc_id="t")))
    return [doc.text[c.start:c.end] for c in latin_persons(doc, doc.paragraphs)]


@pytest.mark.parametrize("text, name", [
    ("比尔盖茨说过软件会改变一切。", "比尔盖茨"),
    ("那天弗雷德里克表示不会再投资了。", "弗雷德里克"),
    ("山姆·奥特曼宣布了新的计划。", "山姆·奥特曼"),
    ("前任CEO鲍尔默离开以后。", "鲍尔默"),
    ("纳德拉接任以后，公司变了。", "纳德拉"),
])
def test_a_cued_transliterated_name_is_a_person(text, name):
    assert name in foreign(text)


def test_a_name_inside_a_works_title_is_the_works():
    assert foreign("孩子们都爱读《哈利·波特与魔法石》。") == []
    assert "山姆·奥特曼" in foreign("《对话》节目里，山姆·奥特曼宣布了新的计划。")


def test_only_the_cued_occurrence_is_proposed():
    text = "我们请到了作家博尔赫斯。后来博尔赫斯的书卖得很好。"
    assert foreign(text) == ["博尔赫斯"]


@pytest.mark.parametrize("text", [
    "黄仁勋说芯片还不够。",           # a Chinese name: its surname is no transliteration
    "我们下周去西雅图出差。",          # a place of the lexicon
    "他拿了诺贝尔奖。",               # a name lending itself to a prize
    "阿森纳昨晚赢了比赛。",            # a foreign name, but nothing says it is a person's
    "这是一个克服困难的过程。",         # ordinary words
    "比如说我们做了很多尝试。",
    "导演是阿方索·卡隆，他说过这部电影。",  # 阿方 holds no transliteration character: 索·卡隆 is a cut name
])
def test_no_person_without_the_shape_and_a_cue(text):
    assert foreign(text) == []


def test_scores_and_offsets():
    text = "记者问：哈萨比斯认为呢？"
    (span,) = transliterated_names(text)
    assert (text[span.start:span.end], span.kind) == ("哈萨比斯", Kind.PERSON)
    assert 0 < span.score <= 1
    assert transliteration_score("扎克伯格") > transliteration_score("我们今天")


@pytest.mark.parametrize("text, name", [
    ("Sam Altman 说 AGI 会很快到来。", "Sam Altman"),
    ("Yann LeCun 认为现在的模型还不够。", "Yann LeCun"),
    ("首席科学家 Ilya Sutskever 离开了。", "Ilya Sutskever"),
    ("我读过 Jeff Dean 的论文，后来 Jeff Dean 说过这事。", "Jeff Dean"),
    ("博士在斯坦福，导师是Christopher Manning。", "Christopher Manning"),
    ("本期嘉宾是 Jane Doe。", "Jane Doe"),
    ("I started the company with my co-founder Kevin Wu in 2021.", "Kevin Wu"),
    ("我的直接老板是 Oriol Vinyals，人很好。", "Oriol Vinyals"),
    ("我的 mentor 是 Jan Leike。", "Jan Leike"),
    ("这个概念是Linda Moore提出来的。", "Linda Moore"),  # what people do: propose, invent
    ("Welcome back, I'm Ethan Brooks.", "Ethan Brooks"),  # who introduces themself, who is welcomed
    ("Shen Ruoxi, welcome to the show.", "Shen Ruoxi"),
    ("My guest today is Rui Ma.", "Rui Ma"),
    ("创始人是Aditya Menon和钱芷若。", "Aditya Menon"),  # who founded a firm
])
def test_latin_person_names(text, name):
    assert name in latin(text)


@pytest.mark.parametrize("text", [
    "我们试了 Llama Guard，Llama Guard 还行。",
    "Epic Games 说要起诉。",
    "The Verge 报道了。",
    "Google Cloud 表示会降价。",
    "Hello World 是第一个程序。",
    "他在 Open Source 社区很活跃。",
    "主持人是 Founder Talk 的 host。",  # a show's name
])
def test_latin_product_and_company_shapes_are_no_person(text):
    assert latin(text) == []


@pytest.mark.parametrize("text, name", [("我们的产品经理Kevin说这个功能要砍掉。", "Kevin"), ("我和同事 Lisa 聊过这件事。", "Lisa")])
def test_an_english_given_name_alone_after_a_title_or_a_role_is_a_person(text, name):
    assert latin_component(text) == [name]


@pytest.mark.parametrize("text", ["国外有个公司叫 Poe。", "首席技术官Python写得好。", "CEO Max 版本很贵。",
                                  "然后特斯拉的Optimus 马斯克说今年要造几千台。"])  # a known person's names are their own
def test_a_latin_word_after_a_naming_verb_or_no_given_name_is_no_person(text):
    assert latin_component(text) == []


def test_a_latin_name_without_a_cue_is_left_alone_however_often_it_recurs():
    assert latin("这本书 Thinking Fast 挺好。") == []
    assert latin("我喜欢 Pale Harbor 的歌，Pale Harbor 很经典。") == []


def test_only_the_cued_latin_occurrence_is_proposed():
    text = "我读过 Jeff Dean 的论文，后来 Jeff Dean 说过这事。"
    assert [s.start for s in latin_person_names(text)] == [text.rindex("Jeff Dean")]


def test_a_joined_name_in_a_list_of_brands_needs_another_cue():
    assert foreign("比如雷朋、奥克利、奥利弗·皮普尔斯，以及其他品牌。") == []
    assert foreign("山姆·奥特曼、德米斯·哈萨比斯都来了。") == []


@given(st.text(alphabet=st.sampled_from(list("斯尔克特拉奥·说是的 SamAltmn我他")), max_size=40))
def test_spans_lie_inside_the_text(text):
    for span in (*transliterated_names(text), *latin_person_names(text)):
        assert 0 <= span.start < span.end <= len(text)
        assert span.kind is Kind.PERSON and 0 < span.score <= 1


def test_latin_names_glossed_as_people_and_those_listed_beside_them():
    from talkgraph.extract.foreign_names import latin_person_names
    text = ("她和Jane Whitfield（简·惠特菲尔德）、Tom Okafor合写过论文。"
            "你怎么看Ruth Calloway（强化学习之父）的说法？我们用了Epic Games（游戏引擎）。Ann Lee和Bob Ray来了。")
    found = [text[c.start:c.end] for c in latin_person_names(text)]
    assert found == ["Jane Whitfield", "Tom Okafor", "Ruth Calloway"]


def test_a_word_doubling_its_character_opens_no_transliteration():
    assert foreign("记者：谢谢谢总。") == []


@pytest.mark.parametrize("text, name", [
    ("斯坦福的Percy Lang组认为，足够规模的强化学习可以学到新能力。", "Percy Lang"),
    ("来自印度的Priya Ramen，她现在在斯坦福大学当助理教授。", "Priya Ramen"),
    ("Jason Wey说过，思维链很重要。", "Jason Wey"),
])
def test_a_latin_name_said_to_hold_a_view_lead_a_group_or_go_on_as_she_is_a_person(text, name):
    assert name in [text[c.start:c.end] for c in latin_person_names(text)]


def test_a_products_latin_name_with_a_verb_of_saying_is_no_person():
    text = "我们用Visual Studio写代码，Google Cloud说今年增长。"
    assert [text[c.start:c.end] for c in latin_person_names(text)] == []


def test_a_name_set_off_by_commas_after_our_post_is_a_person():
    text = "Our CTO, Magnus Bergh, prefers we keep everything in one region."
    assert [text[c.start:c.end] for c in latin_person_names(text)] == ["Magnus Bergh"]


@pytest.mark.parametrize("text", [
    "他先在IBM托马斯·沃森研究中心做了三年博士后。",
    "后来去了约翰·霍普金斯大学读博。",
    "这就是摩尔定律说的事情。",
])
def test_a_name_that_names_an_institution_a_prize_or_a_law_is_no_person(text):
    assert foreign(text) == []


@pytest.mark.parametrize("text, name", [
    ("法国导演让-马克·杜瓦尔说，这部片子拍了三年。", "让-马克·杜瓦尔"),        # Jean, the one-character given name
    ("印象派画家皮埃尔-奥古斯特·勒菲弗的作品很贵。", "皮埃尔-奥古斯特·勒菲弗"),  # a given name of the table's characters
    ("我们请到了玛丽-安托瓦内特·杜邦女士。", "玛丽-安托瓦内特·杜邦"),            # one the dictionary holds
])
def test_a_given_name_joined_by_a_hyphen_is_part_of_the_name(text, name):
    people = [m.text for m in extract(parse_transcript(document_from_text(text))).mentions if m.kind is Kind.PERSON]
    assert people == [name]


def test_a_hyphen_between_places_joins_no_name():
    assert foreign("中国-东盟博览会在南宁开幕。") == []
