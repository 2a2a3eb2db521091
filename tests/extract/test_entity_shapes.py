"""Which shapes become entities: everyday words, descriptions and jargon do not; supported names do,
at every occurrence.  Sentences written for these tests, none taken from a transcript."""
from __future__ import annotations

import pytest

from talkgraph.extract.doc import Doc
from talkgraph.extract.model import Kind, Mention
from talkgraph.extract.pipeline import default_pipeline
from talkgraph.extract.reading import document_from_text
from talkgraph.extract.resolve import _short_forms, resolve_aliases
from talkgraph.extract.transcript import parse_transcript


def found(text: str, kind: Kind) -> list[str]:
    transcript = parse_transcript(document_from_text(text, doc_id="t"))
    return [m.text for m in default_pipeline().find_mentions(Doc(transcript)) if m.kind is kind]


def entity_labels(text: str, kind: Kind) -> dict[str, str]:
    """Each mention of ``kind`` by its text, to the label of the entity it resolves to."""
    extraction = default_pipeline().run(parse_transcript(document_from_text(text, doc_id="t"))).extraction
    corpus = resolve_aliases([extraction])
    return {m.text: corpus.entities[corpus.documents[0].entity_of[m]].label
            for m in extraction.mentions if m.kind is kind}


@pytest.mark.parametrize("text", [
    "很多团队选择闭源，也有团队坚持闭源。",      # surname + one character, recurring, no cue
    "这两年钱多，项目也多；钱多了以后估值更高。",  # a closed-class character after the surname
    "我先向大家汇报一下进展。",                  # surname + an everyday two-character word
    "不要去管别人说什么。",
    "他读过哈利波特的书。",                      # the name goes on past the segmenter's cut
    "我想问一下钱副市长。谢谢钱副市长。",        # the surname and the word a post opens with
    "普通公司员工状态：老板请客；二逼公司员工状态：加班。",  # 工 opens a word (员工), no address
    "比亚迪在泰国罗勇的工厂已经投产了。",  # a place inside the country named before it
    "我们学院跟禾丰数科、还有气象中心一起办的。禾丰数科是2019年成立的。",  # a surname before a firm's trade
])
def test_everyday_words_are_no_people(text):
    assert found(text, Kind.PERSON) == []


@pytest.mark.parametrize("text, name", [
    ("去年夏海涛讲的那个方案很好。", "夏海涛"),          # surname | dictionary word, speech verb after
    ("我们采访了郑宇航（某某资本创始合伙人）。", "郑宇航"),
    ("我和韩冰之间聊过这件事。", "韩冰"),                # the speaker's pronoun joined to the name
])
def test_cued_names_are_people(text, name):
    assert name in found(text, Kind.PERSON)


def test_a_cued_name_is_found_at_every_occurrence():
    people = found("我请教过邹海涛老师。后来邹海涛去了南方，我和邹海涛一直有联系。", Kind.PERSON)
    assert people.count("邹海涛") == 2 and "邹海涛老师" in people


def test_a_part_of_a_full_name_alone_is_that_person():
    text = "王小明：Quentin Marlowe说模型还不够好。我不完全同意Quentin的判断，Marlowe太悲观了。\n\n李华：嗯。\n"
    people = {name: label for name, label in entity_labels(text, Kind.PERSON).items() if name[0].isascii()}
    assert people == {"Quentin Marlowe": "Quentin Marlowe", "Quentin": "Quentin Marlowe", "Marlowe": "Quentin Marlowe"}


def test_a_part_of_a_speakers_name_alone_is_that_speaker():
    text = "Quentin Marlowe：欢迎。\n\nDara Okafor：谢谢Quentin，很高兴来。\n\nQuentin Marlowe：Dara，你先说。\n"
    assert entity_labels(text, Kind.PERSON) == {"Quentin": "Quentin Marlowe", "Dara": "Dara Okafor"}


def test_an_english_title_before_a_speakers_name_is_no_person_and_the_name_is_the_speaker():
    text = ("Panelists:\n- Prof. Wei Han (韩伟), Chair Professor, Northgate University\n\n"
            "MODERATOR (Dr. Grace Su): To my left, Professor Wei Han, who leads the lab.\n\nProf. Wei Han: Thank you.\n")
    people = entity_labels(text, Kind.PERSON)
    assert people.get("Wei Han") == "韩伟" and "Professor" not in people and "Professor Wei Han" not in people


def test_lao_or_xiao_and_a_surname_is_the_one_person_of_that_surname():
    def people(text: str) -> dict[str, str]:
        extraction = default_pipeline().run(parse_transcript(document_from_text(text, doc_id="t"))).extraction
        corpus = resolve_aliases([extraction])
        return {m.text: corpus.entities[corpus.documents[0].entity_of[m]].label
                for m in extraction.mentions if m.kind is Kind.PERSON}
    text = "陈静：运维那边老周说要扩容。\n\n周海：是的。\n\n陈静：好，小周你来说。\n"
    assert people(text) == {"老周": "周海", "小周": "周海"}
    assert "老周" not in people("陈静：老周说要扩容，周海和周立都同意。\n\n周海：是的。\n")
    # 马斯克 is Elon Musk written in Chinese: 马 opens no surname there, and 小马 is someone else
    assert "小马" not in people("陈静：马斯克说他们删了很多代码。我们从小马那边挖来了两个人。\n\n周海：是的。\n")


def test_a_part_two_people_share_or_a_part_of_another_full_name_is_no_mention():
    assert "Quentin" not in found("Quentin Marlowe和Quentin Ashby都说过。Quentin来了。", Kind.PERSON)
    assert "Quentin" not in found("Quentin Marlowe说过。后来Quentin Smith也来了。", Kind.PERSON)


def test_recurrence_is_whole_words_only():
    assert "林伟明" not in found("林伟说了很多。林伟明天来。", Kind.PERSON)


@pytest.mark.parametrize("text", [
    "每家医疗公司都在做这个。", "一个移动互联网公司的打法。", "包括中国团队在内。", "国外有个公司做得不错。",
    "筹备这件事，找人组团队，很快就起来了。", "开放的系统将会胜出。", "我们公司只会做产品。", "xx公司的老板来了。",
    "在这件事上，中美会走向不同。",
])
def test_descriptions_are_no_organisations(text):
    assert found(text, Kind.ORGANIZATION) == []


@pytest.mark.parametrize("text, name", [
    ("他加入了字节跳动团队。", "字节跳动团队"), ("他创办了深圳智谱公司。", "深圳智谱公司"),
    ("他在江苏远帆精密机械有限公司工作。", "江苏远帆精密机械有限公司"),
])
def test_named_organisations_stay(text, name):
    assert name in found(text, Kind.ORGANIZATION)


@pytest.mark.parametrize("text", [
    "我们用H100训练，也试了A800。", "先做SFT再做RL，PPO也试过，CoT有帮助。", "从L2做到L4，软件到了v12。",
    "做toB还是toC，O2O和C2C都不一样。", "今年Q3出货翻倍，H1一共两千台，Q3 2026上新品，INT8算力够了，FP16也行。",
    "北辰SU7和Y7卖得好，北辰G1机器人也火了，用的是RK3588芯片。",  # cars', robots' and chips' codes
    "我们在 Summit 2025 的 Plenary Panel 3 见过，会后去 Hall 5E。",  # an event, a session, a room
    "分析师：王芳（执业证书编号：S0860519080002）。我们在Slide 3和Fig 2里讲过。",  # a certificate's number, slides
    "今天是Q3产品复盘，Q4产品规划下周定，FY25产品线不变。",  # a period before a product word is still a period
    "座舱的OTA 6.2下周推，上次OTA 5.8出过问题，Sprint 12要修。",  # an update's or a sprint's number
    "片尾音乐：Kevin MacLeod —《Carefree》（CC BY 4.0），代码以 GPL-3.0 发布。",  # a composer, licences
    "Recorded March 2025 | Transcript auto-generated.",  # an English date
])
def test_jargon_and_hardware_are_no_models(text):
    assert found(text, Kind.MODEL) == []


@pytest.mark.parametrize("text, name", [
    ("我们发布了QwenLM，也用PyTorch。", "PyTorch"), ("我们开源了RWKV模型。", "RWKV"), ("他们推出了Zeta9大模型。", "Zeta9"),
    ("这款游戏是用UE5做的。", "UE5"),  # the lexicon's engine, though shaped as a code
])
def test_product_names_stay_models(text, name):
    assert name in found(text, Kind.MODEL)


def test_an_english_institutions_full_name_whose_initials_are_a_known_name_is_that_organisation():
    labels = entity_labels("来自Massachusetts Institute of Technology的李明，和MIT的王芳是同事。", Kind.ORGANIZATION)
    assert labels == {"Massachusetts Institute of Technology": "麻省理工学院", "MIT": "麻省理工学院"}


def test_provinces_and_countries_are_places_and_a_government_named_after_one_is_an_organisation():
    text = "我去了一趟贵州，跑了云南和湖南的县城，明年去挪威、匈牙利和阿根廷。内蒙古人民政府也来了。"
    assert found(text, Kind.PLACE) == ["贵州", "云南", "湖南", "挪威", "匈牙利", "阿根廷"]
    assert found(text, Kind.ORGANIZATION) == ["内蒙古人民政府"]


@pytest.mark.parametrize("text, name", [
    ("我在盒马做了三年，之前在宝洁。", "盒马"), ("我在盒马做了三年，之前在宝洁。", "宝洁"),
    ("交个朋友和东方甄选都在抖音上。", "东方甄选"), ("问界的车是赛力斯造的。", "赛力斯"),
    ("莉莉丝游戏和鹰角都在做出海。", "莉莉丝游戏"), ("迈瑞的供应链很强。", "迈瑞医疗"),
])
def test_widely_known_consumer_auto_game_and_medical_companies_are_organisations(text, name):
    transcript = parse_transcript(document_from_text(text, doc_id="t"))
    found_names = [m.canonical or m.text for m in default_pipeline().find_mentions(Doc(transcript)) if m.kind is Kind.ORGANIZATION]
    assert name in found_names


def test_a_research_institutes_number_and_a_person_named_like_a_company_are_not_it():
    assert "711" not in found("他曾任711所人事教育处副处长。", Kind.ORGANIZATION)
    assert "苏宁" not in found("央行副行长苏宁昨天上午强调。", Kind.ORGANIZATION)


def test_two_organisations_joined_by_a_verb_of_working_together_are_two():
    assert found("星海研究院联合北辰大学发布报告。", Kind.ORGANIZATION) == ["星海研究院", "北辰大学"]


def test_a_places_clock_is_no_place():
    assert found("北京时间4月20日晚，比赛开始。", Kind.PLACE) == []
    assert found("北京的时间很紧。", Kind.PLACE) == ["北京"]


@pytest.mark.parametrize("text", ["《育儿不焦虑》 EP87｜AI进课堂以后", "这是Web2.0时代的打法。", "本期Vol3讲的是开源。"])
def test_a_word_that_takes_a_number_with_its_number_is_no_model(text):
    assert found(text, Kind.MODEL) == []


def test_a_months_day_and_an_exports_numbered_speaker_are_no_models():
    assert found("Mon, Mar 10, 2025 8:02PM\nSPEAKERS: Speaker 3\n", Kind.MODEL) == []


@pytest.mark.parametrize("text, person", [
    ("主持人：谢谢嘉宁。我们请下一位。\n\n周嘉宁：好的。\n", "谢谢嘉宁"),   # thanks, then the given name
    ("甲：我们和李群自动化合作了三年，李群自动化的机械臂很好用。\n\n乙：好的。\n", "李群"),  # the firm's industry after
    ("甲：泰国罗勇工厂下个月投产，罗勇工厂的产能很大。\n\n乙：好的。\n", "罗勇"),  # the works after
])
def test_a_name_with_a_greeting_before_or_a_firms_word_after_is_no_person(text, person):
    assert person not in found(text, Kind.PERSON)


@pytest.mark.parametrize("text", ["甲：如有问题请与我们投资者关系部联系。\n\n乙：好的。\n",
                                  "甲：我们和华为一直保持联系，关系也维系得很好。\n\n乙：好的。\n"])
def test_a_verb_ending_as_a_unit_does_is_no_part_of_an_organisation(text):
    assert not [o for o in found(text, Kind.ORGANIZATION) if o.endswith(("联系", "维系"))]


def test_a_companys_brand_found_by_a_rule_and_its_name_with_the_trade_word_are_one_company():
    text = ("主持人：欢迎澜岳汽车的几位。\n\n周若溪：澜岳汽车今年交付了两万辆。聂天乐先生已于11月正式加入澜岳，担任智能驾驶副总裁。"
            "澜岳的新车也卖得很好。\n\n主持人：好。\n")
    # one company, named as the text names it most briefly (深瞳医疗科技 is 深瞳医疗)
    assert set(entity_labels(text, Kind.ORGANIZATION).values()) == {"澜岳"}


def test_a_reporters_label_in_the_text_is_no_person():
    text = "主持人：下面请提问。\n\n南方都市报记者：请问安全怎么保障？\n\n宋立峰：感谢南方都市报记者的提问。我们有三道防线。\n\n主持人：下一位。\n"
    assert "南方都市报记者" not in found(text, Kind.PERSON)



def test_a_sites_name_and_its_brand_are_one_organisation():
    mentions = tuple(Mention(0, len(t), t, Kind.ORGANIZATION, "test", 1) for t in ("澜岳点评网", "澜岳点评", "新网"))
    assert _short_forms(mentions) == {"澜岳点评网": "澜岳点评"}  # 新网 is a name of its own, no 新 + 网


def test_a_companys_registered_name_its_name_with_the_trade_word_and_its_brand_are_one():
    mentions = tuple(Mention(0, len(t), t, Kind.ORGANIZATION, "test", 1) for t in ("澜岳汽车有限公司", "澜岳汽车", "澜岳"))
    assert _short_forms(mentions) == {"澜岳汽车有限公司": "澜岳", "澜岳汽车": "澜岳"}


def test_an_anonymised_party_takes_no_character_after_it():
    text = "主持人：请讲。\n\n许嘉禾：在李某诉刘某案中，法院支持了原告。李某诉刘某案很有代表性。\n\n主持人：好。\n"
    assert not {"李某诉", "刘某案"} & set(found(text, Kind.PERSON))


def test_a_prefecture_level_city_is_a_place():
    text = "甲：我们在常州市和乌兰察布都有工厂，常州的产能最大。\n\n乙：好的。\n"
    assert {"常州市", "常州", "乌兰察布"} <= set(found(text, Kind.PLACE))


def test_a_surname_and_a_post_address_the_one_person_of_that_surname_who_holds_it():
    text = ("主持人：先请宋秉钧庭长和罗澄宇总监。\n\n宋秉钧：谢谢。\n\n罗澄宇：谢谢。\n\n"
            "易然：我同意宋庭长的看法，也基本同意罗总监的建议。\n\n主持人：好。\n")
    people = entity_labels(text, Kind.PERSON)
    assert people["宋庭长"] == "宋秉钧" and people["罗总监"] == "罗澄宇"


def test_a_persons_name_part_before_a_firms_word_is_no_occurrence_of_them():
    text = "甲：可汗学院的创始人萨尔·可汗说过，AI会让每个孩子都有私人导师。\n\n乙：好的。\n"
    assert "可汗" not in found(text, Kind.PERSON)


def test_an_engineer_called_by_surname_and_gong_is_the_one_speaker_of_that_surname():
    labels = entity_labels("贺建国：结构还要改。\n\n林晓峰：贺工说得对，这个让贺工牵头。\n", Kind.PERSON)
    assert labels["贺工"] == "贺建国"


def test_a_name_then_its_surname_again_with_a_form_of_address_is_the_name():
    people = found("禾丰那边的产品负责人马骏马总，堵在高架上了。马骏马总一会儿到。", Kind.PERSON)
    assert "马骏马" not in people and "马骏" in people


def test_a_name_glossed_in_the_other_script_between_dashes_is_one_person():
    labels = entity_labels("主持人：Our guest today is Zhao Yifan — 赵一帆 — co-founder of 青峰智能.\n\n"
                           "嘉宾：谢谢。赵一帆就是我。\n", Kind.PERSON)
    assert labels["赵一帆"] == labels["Zhao Yifan"]


def test_the_english_name_a_person_is_said_to_go_by_is_that_person():
    labels = entity_labels("主持人：讲讲上级。\n\n贺振山：有个叫许立诚的，英文名叫Richard，是我的直接上级。"
                           "Richard这个人很好。\n", Kind.PERSON)
    assert labels["Richard"] == "许立诚"
    assert found("英文名叫Richard，是我的直接上级。", Kind.MODEL) == []


def test_the_models_guess_that_stops_inside_a_names_last_word_gives_way_to_the_name_found_elsewhere():
    text = "采访当天，米歇尔·勒菲弗正好从实验室过来。\n\n米歇尔·勒菲弗认为不对。\n"
    assert found(text, Kind.PERSON) == ["米歇尔·勒菲弗", "米歇尔·勒菲弗"]
