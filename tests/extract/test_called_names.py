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
    ("我们做了一个App叫栗栗圈吧，很好用。", "栗栗圈"),  # a hedge after the name one is unsure of
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
    ("东莞一家叫精研传动的小厂在做。", "精研传动"),
    ("另一家做AI编程，叫Tabby Labs。", "Tabby Labs"),
])
def test_what_a_company_is_called_is_its_name(text, name):
    assert called(text, Kind.ORGANIZATION) == [name]


@pytest.mark.parametrize("text, name", [
    ("导语：驰远汽车是一家成立于2019年的新势力车企，总部在合肥。", "驰远汽车"),
    ("其实云帆智联是一家很小的创业公司。", "云帆智联"),
    ("我觉得Mobileye是一家很务实的公司。", "Mobileye"),
    ("山海互娱也是一家独立游戏工作室。", "山海互娱"),
])
def test_the_subject_of_is_a_company_is_a_company(text, name):
    assert called(text, Kind.ORGANIZATION) == [name]


@pytest.mark.parametrize("text", [
    "我们的主要对手是一家美国公司。",
    "最大股东是一家国企。",
    "它是一家做财税的公司。",
    "星河动力是一家做火箭的公司。",  # common words only, said once: could as well be a description
])
def test_a_role_a_pronoun_or_common_words_said_once_are_no_company(text):
    assert called(text, Kind.ORGANIZATION) == []


def test_common_words_that_recur_as_the_subject_are_a_company():
    assert called("星河动力是一家做火箭的公司。星河动力去年发射了三次。", Kind.ORGANIZATION) == ["星河动力"]


def test_a_quoted_name_after_the_cue_is_the_name():
    assert called("我们的产品叫“灵犀视检”，已经在工厂用了。") == ["灵犀视检"]


@pytest.mark.parametrize("text, name, kind", [
    ('他在成都办了一所学校"青松书院"。', "青松书院", Kind.ORGANIZATION),
    ("他在上海开了一家设计工作室「半山」。", "半山", Kind.ORGANIZATION),  # a word of the language closing the clause
    ("我们上线了一款App「晨跑日记」，用户很多。", "晨跑日记", Kind.MODEL),
])
def test_a_quoted_name_after_a_kind_of_thing_is_named_by_that_kind(text, name, kind):
    assert called(text, kind) == [name]


def test_a_quoted_slogan_after_a_company_names_nothing():
    assert called("公司“降本增效”的目标没有完成。", Kind.ORGANIZATION) == []


@pytest.mark.parametrize("text, name", [
    ("我们三个人在2016年一起创办了衡芯，衡芯现在有三百人。", "衡芯"),
    ("他2019年创立了澜岳，后来又做了投资。", "澜岳"),
    ("澜岳成立于2019年，总部在上海。", "澜岳"),
    ("2018年我离开，回到合肥创立了庐州锂能。", "庐州锂能"),  # the segmenter leaves 能 alone at the end
])
def test_what_someone_founded_or_what_was_founded_in_a_year_is_an_organisation(text, name):
    assert name in called(text, Kind.ORGANIZATION)


@pytest.mark.parametrize("text", ["他创办了一家公司，后来创立了很多项目。", "张三创办了李四的公司。", "我们创建了一个社区。",
                                  "他们创立了公司吗？"])
def test_a_founding_verb_before_a_description_or_a_possessor_names_nothing(text):
    assert called(text, Kind.ORGANIZATION) == []


def test_a_hedge_after_a_companys_name_is_no_part_of_it():
    assert called("有一家做 driver monitoring 的公司，叫 Lumisense 好像？", Kind.ORGANIZATION) == ["Lumisense"]
