"""Organisations an appointment names, on small hand-written sentences (none taken from any sample or benchmark)."""
from __future__ import annotations

import pytest

from talkgraph.extract.appointments import appointment_spans
from talkgraph.extract.doc import Doc
from talkgraph.extract.model import Kind
from talkgraph.extract.pipeline import default_pipeline
from talkgraph.extract.reading import document_from_text
from talkgraph.extract.tokens import vocabulary
from talkgraph.extract.transcript import parse_transcript


def spans(text: str) -> list[str]:
    return [text[s:e] for s, e in appointment_spans(text, 0, len(text), vocabulary().segment(text))]


def orgs(text: str) -> list[str]:
    transcript = parse_transcript(document_from_text(text, doc_id="t"))
    return [m.text for m in default_pipeline().find_mentions(Doc(transcript)) if m.kind is Kind.ORGANIZATION]


@pytest.mark.parametrize("text, name", [
    ("她现任青禾光标总经理。", "青禾光标"),
    ("2011年3月，任泰和远审计部经理。", "泰和远"),
    ("2003年加入恒盛制药，历任副总经理。", "恒盛制药"),
    ("他现任万川电梯副总裁兼董事。", "万川电梯"),
    ("曾任嘉禾远航党委副书记。", "嘉禾远航"),
    ("现任青禾光标审计部经理。", "青禾光标"),  # 光标 is no everyday word: no department begins there
    ("曾任锐思智能算法总监。", "锐思智能"),  # a name ending in its industry, then the post's field
])
def test_the_name_between_cue_and_title(text, name):
    assert spans(text) == [name]


def test_a_list_before_one_title_names_each_item():
    assert spans("现任嘉禾远航、泰和远、恒盛制药独立董事。") == ["嘉禾远航", "泰和远", "恒盛制药"]


def test_a_gloss_after_a_name_names_the_organisation_of_each_post():
    assert spans("我们请来了周明远（青禾光标创始人），聊聊出海。") == ["青禾光标"]
    assert spans("韩雪婷（嘉禾远航联合创始人、泰和远首席执行官）也在场。") == ["嘉禾远航", "泰和远"]
    assert spans("Alice Chen（Hexlet首席执行官）说。") == ["Hexlet"]
    assert spans("本报讯（通讯员嘉禾远航记者）今天。") == []  # a gloss after no name


@pytest.mark.parametrize("text", [
    "历任财务部经理、副总经理。",  # a department, not an organisation
    "现任本公司董事长。",  # the company itself, a function word inside
    "曾任党委副书记。",  # a body of an organisation
    "历任质量技术保证部部长。",  # a phrase of everyday words
    "曾任北京市副市长。",  # a place alone
    "现任主任助理。",  # 任 inside 主任
    "他任职于上海某某有限公司。",  # a suffix shows it: the suffix rule's
])
def test_what_contradicts_a_name_is_not_taken(text):
    assert spans(text) == []


def test_the_pipeline_keeps_the_appointed_organisation():
    assert "青禾光标" in orgs("她现任青禾光标总经理。")


def relations(text: str) -> set[tuple[str, str, str]]:
    transcript = parse_transcript(document_from_text(text, doc_id="t"))
    extraction = default_pipeline().run(transcript).extraction
    return {(r.subject.text, r.predicate.name, r.object.text) for r in extraction.relations}


@pytest.mark.parametrize("text, relation", [
    ("李强2003年加入恒盛制药，历任副总经理。", ("李强", "WORKS_FOR", "恒盛制药")),  # joined, and no move since
    ("李强2003年加入恒盛制药，2010年离开后创办了星图科技。", ("李强", "FORMERLY_AT", "恒盛制药")),
    ("刘洋现任青禾光标审计部经理。", ("刘洋", "WORKS_FOR", "青禾光标")),
])
def test_appointed_organisations_reach_the_affiliations(text, relation):
    assert relation in relations(text)


def test_a_guest_list_names_the_organisation_before_each_post_and_name():
    text = "今天请到了寒武纪副总裁王宁，摩尔线程联合创始人张建国，还有无问芯穹CEO夏立雪。"
    assert spans(text) == ["无问芯穹"]  # 寒武纪 and 摩尔线程 are the lexicon's


def test_a_known_organisation_and_the_posts_scope_name_no_new_one():
    assert spans("邀请了华为云人工智能领域首席科学家田奇。") == []


@pytest.mark.parametrize("text, name", [
    ("澜图视觉的CTO赵明轩昨天发言了。", "澜图视觉"),
    ("他说青屿文旅的董事长孙立平很看好。", "青屿文旅"),  # the name opens after the verb
])
def test_whose_post_a_person_holds_said_with_de_names_the_organisation(text, name):
    assert orgs(text) == [name]


@pytest.mark.parametrize("text", ["我们的CTO赵明轩也来了。", "北京的市长王磊来了。", "新产品的负责人张三说。"])
def test_a_pronoun_a_place_or_a_thing_before_de_is_no_organisation(text):
    assert orgs(text) == []


@pytest.mark.parametrize("text", ["张敏（非银首席）认为利率会下行。", "刘洋（转债首席）认为。", "陈晨（社服首席）认为。"])
def test_a_desk_before_a_bare_chief_is_no_organisation(text):
    assert orgs(text) == []


def test_a_known_organisation_then_the_posts_field_names_no_new_organisation():
    assert orgs("他曾任中芯国际工艺研发总监。") == ["中芯国际"]  # the lexicon's; 工艺 is the field


@pytest.mark.parametrize("text, name", [
    ("今天我们请到了云栖视界创始人林晓峰。", "云栖视界"),
    ("今天的嘉宾是澜桥智算首席科学家韩立新。", "澜桥智算"),
    ("欢迎来自青禾光标的朋友，也欢迎澜桥智算合伙人周凯。", "澜桥智算"),
])
def test_an_invitation_inside_a_sentence_opens_the_guests_organisation_and_post(text, name):
    assert name in spans(text)


def test_a_biography_opening_with_the_name_names_the_organisation_before_the_post():
    assert set(spans("陶然，澜桥智算创始人兼CEO，曾任星海芯片架构师。\n")) == {"澜桥智算", "星海芯片"}
    assert spans("会上，澜桥智算的人也来了。") == []


def test_a_guest_lists_biography_names_a_company_of_common_words_before_the_post_and_its_field():
    assert orgs("嘉宾：\n罗澄宇，深言科技法务总监\n\n主持人：欢迎。\n\n罗澄宇：谢谢。\n") == ["深言科技"]


@pytest.mark.parametrize("text, name", [
    ("大家好，我是栖禾医数的创始人。", "栖禾医数"),
    ("我是栖禾医数创始人兼CEO。", "栖禾医数"),
    ("我是岚序智造的周立衡。", "岚序智造"),
    ("我们是栖禾医数的CTO团队。", "栖禾医数"),
])
def test_a_self_introduction_names_the_organisation_before_its_post_or_the_speakers_name(text, name):
    assert spans(text) == [name]


@pytest.mark.parametrize("text", [
    "我们是专门做大模型的公司。",  # what is done, no name
    "我是北京的周立衡。",  # a place
    "来自江北省临县的周立衡已经入学。",
    "我是团队的负责人。",
    "我是这个项目的创始人。",
    "我是技术负责人。",
])
def test_a_self_introduction_names_no_organisation_where_the_words_describe(text):
    assert spans(text) == []


@pytest.mark.parametrize("text, found", [
    ("栖川数智是我2008年在杭州创立的，最开始只做实施。", ["栖川数智"]),
    ("好，星岚科技是我和老周一起创办的。", ["星岚科技"]),
    ("这家公司是我2015年创立的。", []),  # which company, the words do not name
    ("周立衡是我带出来的。", []),
])
def test_what_the_speaker_says_they_founded_is_an_organisation(text, found):
    assert spans(text) == found


def test_a_guests_posts_marked_before_and_now_name_the_organisations_without_the_marks():
    found = orgs("欢迎前理想汽车智能空间产品负责人、现曜驰汽车智能座舱副总裁杜若琳，和前远帆集团产品负责人韩立。")
    assert "曜驰汽车" in found and "远帆集团" in found
    assert not any(name.startswith(("现", "前")) or name.endswith("智能") for name in found)


@pytest.mark.parametrize("text, found", [
    ("周立德原来是青岚氟业的副总，现在是江淮氟源的董事长。", ["青岚氟业", "江淮氟源"]),
    ("他之前是青禾股份的技术副总。", ["青禾股份"]),
    ("陈立是多氟多的副总裁。", ["多氟多"]),  # a brand the segmenter cuts into characters
])
def test_a_post_said_of_a_person_with_shi_and_de_names_its_organisation(text, found):
    assert spans(text) == found


@pytest.mark.parametrize("text", ["问题是成本的负责人。", "关键是团队的负责人要懂技术。", "他是我们的负责人。",
                                  "当年他是城市大脑交通调度算法的负责人。"])  # a project has its lead too
def test_a_post_after_shi_and_de_names_no_organisation_where_no_one_is_described(text):
    assert spans(text) == []


@pytest.mark.parametrize("text, found", [
    ("我在岚序担任副总裁。", ["岚序"]),
    ("他之前在岚序做了三年产品总监。", ["岚序"]),
    ("他在会上担任主持人，我在北京做销售总监。", []),  # a meeting and a place: where, not whom for
])
def test_where_someone_holds_a_post_between_zai_and_a_verb_of_holding_it(text, found):
    assert spans(text) == found


def test_a_posts_field_after_the_cue_is_no_organisation():
    assert spans("2017年加入恒盛制药，任研发副总裁。") == ["恒盛制药"]
