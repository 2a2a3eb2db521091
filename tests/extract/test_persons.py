"""Person mentions on small hand-written sentences (none taken from any sample or benchmark)."""
from __future__ import annotations

import pytest

from talkgraph.extract.chinese_names import is_han_name, strip_honorific
from talkgraph.extract.doc import Doc
from talkgraph.extract.model import Kind
from talkgraph.extract.persons import titled_names
from talkgraph.extract.pipeline import default_pipeline
from talkgraph.extract.reading import document_from_text
from talkgraph.extract.transcript import parse_transcript


def people(text: str) -> list[str]:
    transcript = parse_transcript(document_from_text(text, doc_id="t"))
    return [m.text for m in default_pipeline().find_mentions(Doc(transcript)) if m.kind is Kind.PERSON]


def names(text: str) -> list[str]:
    """What ``mentions --lines`` prints: the name without its form of address, two characters or more."""
    return [n for n in (strip_honorific(p) for p in people(text)) if len(n) >= 2]


@pytest.mark.parametrize("text, name", [
    ("公司请来了首席科学家周明远，讲了一下午。", "周明远"),
    ("这次分享的是创始人钱志平。", "钱志平"),
    ("以及翰林医药首席执行官郑文博。", "郑文博"),  # 博 in a given name
    ("今天的主持人是许博涛。", "许博涛"),
])
def test_title_then_name(text, name):
    assert name in people(text)


def test_a_doctor_addressed_by_surname_is_no_name_ending_in_bo():
    assert not any(n.startswith("张博") for n in names("张博士表示同意，王博士也来了。"))


@pytest.mark.parametrize("text, name", [
    ("昨天邹海涛老师来学校做了报告。", "邹海涛"),
    ("我们去拜访了钟立新教授。", "钟立新"),
    ("会后沈建华先生回答了提问。", "沈建华"),
])
def test_name_then_honorific(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text, name", [
    ("董事会提名俞孟林先生为独立董事。", "俞孟林"),  # cut 俞孟|林先生
    ("蒋林先生，中国国籍，无境外居留权。", "蒋林"),  # cut 蒋|林先生
])
def test_a_name_whose_last_character_the_segmenter_glued_to_the_address(text, name):
    assert name in names(text)


def test_surname_alone_with_address_is_no_name():
    assert names("我下午要去找王老师交作业。") == []


def test_a_frequent_word_before_a_glued_address_is_no_part_of_the_name():
    assert people("非常感谢。谢谢张老师。") == ["张老师"]  # not 谢谢张老师: 谢谢 is no name's start


def test_a_verb_after_a_name_is_no_part_of_it():
    assert "陈默" in people("首席技术官陈默带着一个八十人的团队。")
    assert "陈默带" not in people("首席技术官陈默带着一个八十人的团队。")


def test_a_surname_and_zong_cut_as_one_word_is_a_form_of_address():
    assert people("周总有点乐观了。") == ["周总"]
    assert people("总的来说，总体是好的。") == []


@pytest.mark.parametrize("text", ["谢谢大家今天过来。", "系统的安全性非常重要。", "我们于心不忍。"])
def test_dictionary_words_are_no_names(text):
    assert people(text) == []


@pytest.mark.parametrize("text, name", [
    ("我叫潘子龙，今年二十岁。", "潘子龙"),
    ("段思远，男，1975年出生，硕士学历。", "段思远"),
    ("姓名：孔令辉性别：男", "孔令辉"),
])
def test_introduced_names(text, name):
    assert name in people(text)


def test_unknown_word_with_surname_and_given_name_characters():
    assert "韩雪婷" in people("周末和韩雪婷一起去看了展览。")


def unknown_words(text: str) -> list[str]:
    from talkgraph.extract.persons import unknown_word_names

    doc = Doc(parse_transcript(document_from_text(text, doc_id="t")))
    return [doc.text[c.start:c.end] for c in unknown_word_names(doc, doc.paragraphs)]


@pytest.mark.parametrize("text, word", [
    ("他家就在吉华路555号。", "吉华路"),
    ("最近看了《韩雪婷》这部电影。", "韩雪婷"),
    ("最近看了电影《理发师陶德》。", "陶德"),
])
def test_a_road_or_a_title_shaped_like_a_name_is_no_one(text, word):
    assert word not in unknown_words(text)
    assert "韩雪婷" in unknown_words("周末和韩雪婷一起去看了展览。")


def test_a_name_after_a_title_whose_first_two_characters_the_segmenter_read_as_a_word_is_whole():
    doc = Doc(parse_transcript(document_from_text("俱乐部负责人魏国安这样说。", doc_id="t")))  # 魏国|安
    assert [doc.text[c.start:c.end] for c in titled_names(doc, doc.paragraphs)] == ["魏国安"]



@pytest.mark.parametrize("text, name", [
    ("董事长陆景行昨天表示会继续投入。", "陆景行"),  # 陆景|行: 陆景 a word hardly ever said
    ("星遥的 CEO 王晓东今天也在现场。", "王晓东"),  # a space after a Latin title
    ("前实验室负责人林沐川一起来了。", "林沐川"),  # 林|沐川: an ambiguous surname, then a county's name hardly said
])
def test_a_name_after_a_title_the_segmenter_cut_or_a_space_set_off(text, name):
    doc = Doc(parse_transcript(document_from_text(text, doc_id="t")))
    assert [doc.text[c.start:c.end] for c in titled_names(doc, doc.paragraphs)] == [name]


def test_unknown_word_before_a_firm_word_is_no_name():
    assert people("他在程宏酒店工作了三年。") == []


def test_handle_is_a_name_without_the_at_sign():
    text = "说得好//@柳青青:我也这么觉得"
    found = people(text)
    assert found == ["柳青青"]


def test_handle_naming_a_kind_of_content_is_no_one():
    assert people("转发//@每日电影:推荐一部老片") == []


@pytest.mark.parametrize("text", ["转发//@爱喝奶茶的小熊:太可爱了", "哈哈@追风少年二号 你也来", "//@周末去哪儿玩:新店开了"])
def test_handle_chosen_as_a_nickname_is_no_one(text):
    assert people(text) == []


@pytest.mark.parametrize("text, name", [("谢谢@小王 帮忙", "小王"), ("//@韩立新:收到", "韩立新")])
def test_handle_shaped_as_a_name_is_a_person(text, name):
    assert people(text) == [name]


def test_handle_of_a_news_outlet_is_an_organisation():
    transcript = parse_transcript(document_from_text("转发自@晨光晚报 的消息", doc_id="t"))
    found = default_pipeline().find_mentions(Doc(transcript))
    assert [(m.text, m.kind) for m in found] == [("晨光晚报", Kind.ORGANIZATION)]


def test_handle_mixing_scripts_gives_the_chinese_name():
    assert people("哈哈//@吕明轩Leo:好久不见") == ["吕明轩"]


def test_quoted_plausible_name():
    assert "苏婉婷" in people("我投给了“苏婉婷”，你呢？")


def test_a_title_before_a_preposition_and_a_common_word_names_no_one():
    assert people("业内分析师向媒体表示，价格会涨。") == []
    assert people("教授向志远表示同意。") == ["向志远"]


@pytest.mark.parametrize("text", ["基恩乐观地认为他会回来。", "一位组织部官员却认为此言不妥。"])
def test_a_clause_adverb_or_conjunction_ends_no_name(text):
    assert people(text) == []


def test_a_given_name_may_hold_zhong():
    assert "张建中" in people("摩尔线程联合创始人张建中说，硬件差距在缩小。")
    assert is_han_name("张建中") and is_han_name("王中军")  # 中 is no word after the name


def test_a_given_name_may_open_with_yi_unless_the_two_make_a_word():
    assert is_han_name("周以宁") and is_han_name("陈以琳")
    assert not any(is_han_name(n) for n in ("李以为", "张以后", "王以前", "王以"))
    assert "周以宁" in people("财务副总裁周以宁说，毛利率会改善。")


def test_a_name_said_to_be_a_kind_of_person_is_a_person():
    assert "李想" in people("理想做得很好，李想是一个很专注的人。")


def test_a_speakers_name_cut_into_surname_and_given_name_before_an_address_stays_whole():
    text = "主持人：讲座由信息学院院长韩立新教授主持。\n\n韩立新：谢谢。\n\n主持人：好。\n"
    assert "韩立新教授" in people(text) and "立新教授" not in people(text)


def test_a_role_a_speaker_is_labelled_by_is_no_name_in_the_text():
    text = "问：您是哪年进厂的？\n\n答：1963年。每一个尺寸都要问为什么。\n\n问：后来呢？\n\n答：后来面对的问题不一样。\n"
    assert people(text) == []


def test_a_form_of_address_the_segmenter_glued_to_the_next_word_is_the_speakers_address():
    text = "主持人：好，韩总请说。\n\n韩立：我先说两句。\n\n主持人：谢谢韩总。\n"
    assert people(text) == ["韩总", "韩总"]


def test_a_numeral_opening_a_phrase_after_a_titled_name_is_not_its_last_character():
    doc = Doc(parse_transcript(document_from_text("我们CFO何静一开始是反对的。", doc_id="t")))  # 何静|一|开始
    assert [doc.text[c.start:c.end] for c in titled_names(doc, doc.paragraphs)] == ["何静"]


def test_a_names_last_character_the_segmenter_split_off_into_a_word_it_broke_is_the_names():
    assert people("我的学生韩思远去年去了蓝箭航天。") == ["韩思远"]  # 韩思|远去|年: 去年 broken


def test_a_name_cut_short_where_the_text_goes_on_into_a_full_name_found_elsewhere_is_that_name():
    assert people("主持人：你好。\n\n韩立：我们的CEO是何立群。\n\n主持人：好。\n\n韩立：不过我的合伙人何立群比我更激进。\n") \
        == ["何立群", "何立群"]


def test_what_a_number_measures_is_no_name_however_often_it_recurs():
    text = ("主持人：装机多少？\n\n陶然：项目里装了1.2吉瓦时。明年至少会有五个吉瓦时。"
            "到2030年会超过一千五百吉瓦时。\n\n主持人：好。\n")
    assert "吉瓦时" not in people(text)


def test_a_recurring_word_with_a_nouns_ending_after_a_surname_is_no_name():
    from talkgraph.extract import document_from_text, extract, parse_transcript
    text = ("主持人：请各位陈述人发言。3号陈述人请讲。\n\n裴雨桐：我们做车规级芯片，车规级产品要求很高。陈述人的意见很重要。\n\n"
            "主持人：好。\n")
    people = {m.text for m in extract(parse_transcript(document_from_text(text, doc_id="t"))).mentions
              if m.kind.value == "Person"}
    assert not people & {"陈述人", "车规级"}


def test_a_law_firms_name_before_its_lawyers_word_is_no_one_addressed():
    from talkgraph.extract import document_from_text, extract, parse_transcript
    text = "主持人：请介绍一下。\n\n裴雨桐：他是北京市金朗律师事务所律师，这是我的同事王律师。\n\n主持人：好。\n"
    people = {m.text for m in extract(parse_transcript(document_from_text(text, doc_id="t"))).mentions
              if m.kind.value == "Person"}
    assert "王律师" in people and "金朗" not in people and "金朗律师" not in people


def test_a_departments_last_character_before_its_heads_post_is_no_surname():
    from talkgraph.extract import document_from_text, extract, parse_transcript
    text = "主持人：今天出席的有信息技术发展司司长庞立栋先生，科技司副司长苏婉晴女士。辛部长也来了。\n"
    people = {m.text for m in extract(parse_transcript(document_from_text(text, doc_id="t"))).mentions
              if m.kind.value == "Person"}
    assert "辛部长" in people and not any(p.startswith(("司司", "司副")) for p in people)


def test_a_preposition_that_is_also_a_surname_is_no_part_of_the_name_addressed_after_it():
    from talkgraph.extract import document_from_text, extract, parse_transcript
    text = "顾晨阳：当时我们向林总汇报过。\n\n林子墨：对。\n"
    people = {m.text for m in extract(parse_transcript(document_from_text(text, doc_id="t"))).mentions
              if m.kind.value == "Person"}
    assert "向林总" not in people and "林总" in people


def test_a_full_name_then_its_surname_with_a_form_of_address_is_the_name_and_the_address():
    from talkgraph.extract import document_from_text, extract, parse_transcript
    x = extract(parse_transcript(document_from_text(
        "主播：今天有请苏蔓苏老师和林知远林总，还有张建国张总。\n\n苏蔓：大家好。\n\n主播：苏老师，您先说。\n", doc_id="t")))
    people = [m.text for m in x.mentions if m.kind.value == "Person"]
    assert "苏蔓苏" not in people and not any(p.startswith("苏蔓苏") for p in people)
    assert {"林知远", "林总", "张建国", "张总"} <= set(people)
    found = [p for p in people_in_turns("陈立：到会的有总经理韩峤韩总，财务总监杜敏杜总列席。\n\n韩峤：好。\n")]
    assert {"韩峤", "韩总", "杜敏", "杜总"} <= set(found) and not {"韩峤韩", "杜敏杜"} & set(found)


def people_in_turns(text: str) -> list[str]:
    from talkgraph.extract import document_from_text, extract, parse_transcript
    return [m.text for m in extract(parse_transcript(document_from_text(text, doc_id="t"))).mentions
            if m.kind is Kind.PERSON]


def test_a_short_name_glossed_by_an_english_given_name_is_a_person():
    assert "孟可" in people("主持人：团队呢？\n\n嘉宾：孟可（Kevin）是我们的 CEO，负责融资。\n")
    assert "钱多" not in people("主持人：团队呢？\n\n嘉宾：钱多（不是人名）不一定好。\n")


@pytest.mark.parametrize("text", ["记者：潘明远董事长是怎么说服你加入的？", "潘明远院长说，明年扩招。"])
def test_a_surname_and_a_word_before_a_heads_post_is_the_person_called_by_it(text):
    assert "潘明远" in people(text)


def test_a_heads_post_after_a_name_of_no_surname_or_in_a_list_of_posts_is_an_organisations_head():
    assert people("阿森纳主席说，球队会补强。") == []
    assert not any("海兰" in p for p in people("他现任香港海兰信董事长、江苏海兰董事长。"))


def test_a_negation_or_pronoun_after_a_name_is_no_part_of_it():
    assert names("审判长：证人只陈述其亲身知道的事实。") == []
    assert names("许蕾不同意行动方案中的提法。") == ["许蕾"]


def test_a_greeting_of_a_name_is_no_name_ending_in_it():
    text = "主持人：欢迎收听，我是阿杰。\n\n周启明：阿杰好，各位听众晚上好。\n\n唐佳音：阿杰好，大家好！\n"
    assert "阿杰好" not in names(text)
