"""Alias resolution and the rule that different people are never merged."""
from __future__ import annotations

import dataclasses

from talkgraph.extract import document_from_text, extract, parse_transcript
from talkgraph.extract.resolve import resolve_aliases


def resolve(*texts: str):
    return resolve_aliases([extract(parse_transcript(document_from_text(t, doc_id=f"d{i}")))
                            for i, t in enumerate(texts)])


def labels(corpus, kind):
    return {e.label: e for e in corpus.entities.values() if e.kind.value == kind}


def assert_goes_by(corpus, alias, name):
    """``alias`` is one of the person ``name``'s names, no person of its own."""
    people = labels(corpus, "Person")
    assert alias not in people and alias in people[name].aliases


def agreements(document):
    """Who agrees with whom in a resolved document, as entity keys."""
    return {(document.key(r.subject), document.key(r.object)) for r in document.extraction.relations
            if r.predicate.name == "AGREES_WITH"}


def test_forms_of_address_resolve_to_the_one_person():
    corpus = resolve("王小明：欢迎赵一凡。\n\n赵一凡：谢谢。\n\n王小明：赵老师，你怎么看？一凡老师请讲。\n\n赵一凡：好。\n")
    people = labels(corpus, "Person")
    assert set(people) == {"王小明", "赵一凡"}
    assert {"赵老师", "一凡老师"} <= set(people["赵一凡"].aliases)


def test_a_surname_and_a_post_resolve_to_the_one_person_of_that_surname():
    corpus = resolve("主持人：欢迎工业和信息化部副部长辛国斌和经济学院副院长韩立新。\n\n辛国斌：谢谢。\n\n"
                     "韩立新：谢谢辛部长。韩院长这个称呼我不敢当。周总也来了。\n\n主持人：好。\n")
    people = labels(corpus, "Person")
    assert "辛部长" in people["辛国斌"].aliases and "韩院长" in people["韩立新"].aliases
    assert not any(name.endswith(("部长", "院长")) for name in people)


def test_a_surname_shared_by_two_people_resolves_to_neither():
    corpus = resolve("王小明：欢迎王大力。\n\n王大力：谢谢。\n\n王小明：王老师，你怎么看？\n\n王大力：好。\n")
    people = labels(corpus, "Person")
    assert set(people) == {"王小明", "王大力"}
    assert not any("王老师" in p.aliases for p in people.values())


def test_a_form_of_address_spoken_to_a_participant_is_theirs_and_not_a_namesake_spoken_of():
    corpus = resolve("主持人：请韩振宇老师提问。\n\n韩振宇：你引用的是MIT韩松老师组的工作吗？\n\n"
                     "刘思远：谢谢韩老师。韩老师刚才的问题很好。\n\n韩振宇：我还跟韩老师吃过饭。\n")
    people = labels(corpus, "Person")
    assert {"韩振宇", "韩松"} <= set(people)
    document = corpus.documents[0]
    addressed = sorted((m for m in document.extraction.mentions if m.text == "韩老师"), key=lambda m: m.start)
    keys = [document.key(m) for m in addressed]
    assert len(keys) == 3 and keys[0] == keys[1] == people["韩振宇"].key
    assert keys[2] is None  # 跟韩老师吃过饭 speaks of one of them, which the text does not say
    corpus = resolve("主持人：请韩振宇老师先说。\n\n韩振宇：平台能力最重要，韩松老师也这么看。\n\n"
                     "刘思远：韩老师说的平台能力我完全同意。\n")
    document = corpus.documents[0]
    said = next(m for m in document.extraction.mentions if m.text == "韩老师")
    assert document.key(said) == labels(corpus, "Person")["韩振宇"].key


def test_lexicon_short_forms_resolve_to_the_preferred_name():
    corpus = resolve("王小明：阿里和阿里巴巴是一家，谷歌就是Google。\n\n李华：对。\n\n王小明：好。\n\n李华：嗯。\n")
    orgs = labels(corpus, "Organization")
    assert set(orgs) == {"阿里巴巴", "Google"}
    assert "阿里" in orgs["阿里巴巴"].aliases and "谷歌" in orgs["Google"].aliases


def test_the_same_name_in_two_transcripts_is_one_node():
    corpus = resolve("王小明：欢迎张鹏。\n\n张鹏：谢谢。\n\n王小明：好。\n",
                     "李华：欢迎张鹏。\n\n张鹏：你好。\n\n李华：好。\n")
    assert sum(1 for e in corpus.entities.values() if e.label == "张鹏") == 1


def test_namesakes_with_different_organisations_stay_apart():
    corpus = resolve("王小明：今天请到极客公园创始人张鹏。\n\n张鹏：谢谢。\n\n王小明：好的。\n",
                     "李华：今天请到招商银行行长张鹏。\n\n张鹏：大家好。\n\n李华：谢谢张鹏。\n")
    assert sum(1 for e in corpus.entities.values() if e.label == "张鹏") == 2


def test_a_latin_family_name_meets_the_one_full_name_it_ends():
    from talkgraph.extract import Extraction, Kind, Mention

    transcript = parse_transcript(document_from_text("王小明：Sam Altman来了。\n\n李华：Altman 好。\n\n王小明：好。\n",
                                                     doc_id="a"))
    text = transcript.document.text
    spans = [(text.index("Sam Altman"), "Sam Altman"), (text.index("Altman 好"), "Altman")]
    mentions = tuple(Mention(start, start + len(name), name, Kind.PERSON, "test") for start, name in spans)
    corpus = resolve_aliases([Extraction(transcript, mentions)])
    assert_goes_by(corpus, "Altman", "Sam Altman")


def test_a_reference_that_fits_no_one_is_kept_as_unresolved():
    corpus = resolve("王小明：欢迎王大力。\n\n王大力：谢谢。\n\n王小明：王老师，你怎么看？\n\n王大力：好。\n")
    unresolved = corpus.documents[0].unresolved
    assert [m.text for m in unresolved] == ["王老师"]
    assert all(m not in corpus.documents[0].entity_of for m in unresolved)


def test_references_and_names_in_their_own_right():
    from talkgraph.extract.resolve import is_person_reference

    for reference in ("王老师", "王", "一凡", "一凡老师"):
        assert is_person_reference(reference), reference
    for name in ("王小明", "田奇老师", "Altman", "Sam Altman", "迪丽热巴·迪力木拉提", "欧阳娜娜"):
        assert not is_person_reference(name), name


def test_a_name_in_the_other_script_in_brackets_is_the_same_person():
    corpus = resolve("周雷：今天请到声谷资本的合伙人Emily Zhang（张雨桐），还有启明星的CEO林卓然（Jason Lin）。\n\n"
                     "张雨桐：谢谢。我同意Jason的判断。\n\n林卓然：我也同意Emily说的。\n\n周雷：好。\n")
    people = labels(corpus, "Person")
    assert set(people) == {"周雷", "张雨桐", "林卓然"}
    assert {"Emily Zhang", "Emily"} <= set(people["张雨桐"].aliases)
    assert {"Jason Lin", "Jason"} <= set(people["林卓然"].aliases)


def test_the_last_part_of_a_dotted_name_is_that_person():
    corpus = resolve("周雷：有请主教练卡洛斯·马丁内斯先生。大家都知道马丁内斯很严格。\n\n刘洋：是的。\n\n周雷：好。\n")
    assert_goes_by(corpus, "马丁内斯", "卡洛斯·马丁内斯")


def test_an_english_given_name_beside_a_name_is_that_person_wherever_it_is_used():
    corpus = resolve("节目时长：58 分钟\n主播：阿肯（Ken），节目主理人\n嘉宾：前字节跳动产品经理 Kevin 郭一鸣\n\n"
                     "阿肯：欢迎。Kevin 先说说？\n\n郭一鸣：好的。Ken 你之前也做过产品吧？\n\n阿肯：对。\n")
    people = labels(corpus, "Person")
    assert set(people) == {"阿肯", "郭一鸣"}
    assert "Ken" in people["阿肯"].aliases and "Kevin" in people["郭一鸣"].aliases
    assert people["阿肯"].mention_count >= 2 and people["郭一鸣"].mention_count >= 2


def test_a_surname_with_an_officials_post_is_the_one_person_of_that_surname():
    corpus = resolve("主持人：欢迎省工业和信息化厅副厅长陈立群、宁川市副市长许家明。\n\n陈立群：谢谢。\n\n"
                     "记者：请问陈厅长，补贴怎么发？\n\n陈立群：分三年发。\n\n记者：许副市长怎么看？\n\n许家明：我同意陈厅长的看法。\n")
    people = labels(corpus, "Person")
    assert set(people) == {"陈立群", "许家明", "主持人", "记者"}  # the two roles speak unnamed
    assert "陈厅长" in people["陈立群"].aliases and "许副市长" in people["许家明"].aliases


def test_an_english_name_in_brackets_after_a_name_inside_a_longer_run_of_characters():
    corpus = resolve("主持人：今天的嘉宾是许安然（Annie）。Annie 先说说？\n\n许安然：好的。\n\n主持人：谢谢。\n")
    people = labels(corpus, "Person")
    assert "Annie" in people["许安然"].aliases and people["许安然"].mention_count >= 3


def test_a_doctor_or_a_director_addressed_by_surname_is_the_one_person_of_that_surname():
    corpus = resolve("陶然：今天的嘉宾是北方医院神经内科副主任医师沈奕辰和导演邓岚。\n\n沈奕辰：大家好。\n\n"
                     "陶然：感谢沈医生。邓导演怎么看？\n\n邓岚：我同意。\n")
    people = labels(corpus, "Person")
    assert "沈医生" in people["沈奕辰"].aliases and "邓导演" in people["邓岚"].aliases


def test_a_senior_fellow_student_addressed_by_surname_is_that_person_and_the_bare_form_no_one():
    corpus = resolve("主持人：今天请到了校友邓奕辰。\n\n邓奕辰：谢谢。\n\n沈悦：邓师兄说得对，我同意师兄的看法。\n\n邓奕辰：谢谢。\n")
    people = labels(corpus, "Person")
    assert_goes_by(corpus, "邓师兄", "邓奕辰")
    assert "师兄" not in people


def test_a_form_of_address_a_label_resolves_is_that_person_in_the_text_among_namesakes():
    document = resolve("【嘉宾】\n孟岚，江南大学副教授（主持）\n郝建峰，安和医院放射科主任\n郝蕾，栖禾医数创始人\n\n"
                       "孟老师：先请郝老师。\n\n郝老师：谢谢孟老师，我是安和医院的郝建峰。\n\n郝总：我是栖禾医数的郝蕾。我同意郝老师说的。\n\n"
                       "郝老师：郝总说得有道理。\n").documents[0]
    assert not document.unresolved
    assert {("person/郝蕾", "person/郝建峰"), ("person/郝建峰", "person/郝蕾")} <= agreements(document)


def test_an_organisations_latin_name_in_brackets_names_the_same_organisation():
    corpus = resolve("主持人：介绍一下公司。\n\n贺文韬：澜溪医药（Lanxi Therapeutics）成立于2018年。"
                     "Lanxi Therapeutics的海外团队在波士顿。\n\n主持人：好。\n")
    organisations = labels(corpus, "Organization")
    assert "Lanxi Therapeutics" not in organisations and "Lanxi Therapeutics" in organisations["澜溪医药"].aliases


def test_an_organisations_latin_name_in_brackets_follows_its_name_to_the_short_form_said():
    corpus = resolve("主持人：今天请到了澜动科技（Tinker Dynamics）联合创始人兼CEO刘佳。\n\n"
                     "刘佳：谢谢。澜动做的是桌面级的机械臂。2021年我们俩创立了澜动。\n\n主持人：好。\n")
    organisations = labels(corpus, "Organization")
    assert set(organisations) == {"澜动"}
    assert {"澜动科技", "Tinker Dynamics"} <= set(organisations["澜动"].aliases)
    fund = resolve("主持人：欢迎启岚资本（Kailan Capital）创始合伙人陈伟达。\n\n陈伟达：2021年我出来创办了启岚。启岚是澜动的领投方。\n\n"
                   "主持人：好。\n")
    assert set(labels(fund, "Organization")) >= {"启岚"} and "启岚资本" not in labels(fund, "Organization")


def test_a_known_companys_name_with_its_legal_form_is_that_company():
    corpus = resolve("主持人：介绍一下。\n\n雷军：小米集团今年营收很好。小米的汽车业务也在增长。\n\n主持人：好。\n")
    organisations = labels(corpus, "Organization")
    assert "小米集团" not in organisations and "小米集团" in organisations["小米"].aliases


def test_an_institutions_name_without_its_parent_is_the_longer_name_it_ends():
    corpus = resolve("主持人：欢迎。\n\n韩立新：我之前在北辰大学附属中山医院工作。中山医院的心内科很强。\n\n主持人：好。\n")
    orgs = labels(corpus, "Organization")
    assert set(orgs) == {"北辰大学附属中山医院"} and "中山医院" in orgs["北辰大学附属中山医院"].aliases


def test_the_bare_word_for_a_company_is_the_company_the_paragraph_named_last():
    corpus = resolve("周立新2022年和韩立群一起创办了澄川智能。韩立群现在担任公司CTO。\n\n"
                     "主持人：公司发展得怎么样？\n\n周立新：还不错。\n\n主持人：好。\n")
    orgs = labels(corpus, "Organization")
    assert "公司" not in orgs and "公司" in orgs["澄川智能"].aliases
    [document] = corpus.documents
    assert [m.text for m in document.unresolved] == []
    posts = {(document.key(r.person), r.title, document.key(r.organization)) for r in document.extraction.roles}
    assert ("person/韩立群", "CTO", "organization/澄川智能") in posts


def test_the_bare_word_for_a_company_is_never_a_school_named_after_it():
    corpus = resolve("主持人：请介绍一下。\n\n钱明远：我是江南大学管理学院的教授，担任公司独立董事两年了。\n\n主持人：好。\n")
    [document] = corpus.documents
    assert [m.text for m in document.unresolved] == ["公司"]
    assert "公司" not in labels(corpus, "Organization")["江南大学管理学院"].aliases


def test_a_chairman_and_a_board_secretary_addressed_by_surname_resolve_to_them():
    corpus = resolve("主持人：欢迎董事长陆振华、董事会秘书张晓岚。\n\n投资者：张董秘你好，请问陆董，今年业绩怎么样？古董生意呢？\n\n"
                     "陆振华：今年营收增长了两成。\n\n张晓岚：补充一下。\n")
    people = labels(corpus, "Person")
    assert "陆董" in people["陆振华"].aliases and "张董秘" in people["张晓岚"].aliases
    assert not {"陆董", "张董秘", "古董"} & set(people)


def test_a_name_a_speaker_also_goes_by_is_that_speaker_wherever_the_others_use_it():
    corpus = resolve("主持人：今天请到苏米娅和罗一鸣。\n\nMia（苏米娅）：大家好。\n\n罗一鸣：我觉得华为会赢。\n\n"
                     "孔令杰：我站Mia这边。Mia你开过了吧？\n\nMia：开过了。\n")
    assert_goes_by(corpus, "Mia", "苏米娅")
    [document] = corpus.documents
    agreeing = agreements(document)
    assert ("person/孔令杰", "person/苏米娅") in agreeing


def test_a_persons_id_in_brackets_names_them_in_the_text():
    corpus = resolve("记者：今天赛后请到主教练陈志宏（ID：Aspen）。\n\n陈志宏：谢谢。Aspen这个名字用了十年。\n\n记者：好。\n")
    assert_goes_by(corpus, "Aspen", "陈志宏")


def test_a_sentence_opening_with_the_company_then_another_founder_is_that_founder_of_the_company_named_last():
    corpus = resolve("主持人：介绍一下。\n\n记者：周立新2022年和韩立群一起创办了澄川智能。公司另一位联合创始人唐立蔚，此前是麦肯锡的项目经理。\n\n"
                     "周立新：对。\n")
    [document] = corpus.documents
    posts = {(document.key(r.person), r.title, document.key(r.organization), r.scope) for r in document.extraction.roles}
    assert ("person/唐立蔚", "联合创始人", "organization/澄川智能", None) in posts


def test_a_given_name_called_familiarly_is_the_one_person_who_has_it():
    corpus = resolve("孟凡：我建议选绿的谐波。\n\n艾丽丝：我觉得还要再看看。\n\n周启航：凡哥说的有道理。晚秋姐怎么看？\n\n林晚秋：我同意凡哥。\n")
    people = labels(corpus, "Person")
    assert "凡哥" in people["孟凡"].aliases and "晚秋姐" in people["林晚秋"].aliases
    [document] = corpus.documents
    agreeing = agreements(document)
    assert {("person/周启航", "person/孟凡"), ("person/林晚秋", "person/孟凡")} <= agreeing


def test_a_company_said_with_and_without_its_trade_word_is_one_organisation():
    corpus = resolve("主持人：介绍一下。\n\n赵凯文：我是深瞳医疗科技的创始人。深瞳医疗现在有一百人。\n\n主持人：好。\n")
    orgs = labels(corpus, "Organization")
    assert set(orgs) == {"深瞳医疗"} and "深瞳医疗科技" in orgs["深瞳医疗"].aliases


def test_a_lexicon_name_another_finder_found_resolves_to_the_lexicons_entry():
    """The model (or a context rule) finds 谷歌 without the lexicon's preferred name: it is still Google."""
    x = extract(parse_transcript(document_from_text("我们和谷歌合作了三年。谷歌很强。\n", doc_id="d0")))
    found_elsewhere = tuple(dataclasses.replace(m, canonical=None) if m.start == 3 else m for m in x.mentions)
    assert [m.text for m in found_elsewhere if m.canonical is None] == ["谷歌"]
    corpus = resolve_aliases([dataclasses.replace(x, mentions=found_elsewhere)])
    assert set(labels(corpus, "Organization")) == {"Google"}


def test_a_callers_familiar_name_is_the_one_a_form_of_address_speaks_to_not_a_namesake_spoken_of():
    corpus = resolve("主持人：今天连线了星岚科技，创始人是何启东何总。下面接听众小何的电话。\n\n"
                     "听众小何：我觉得明年端侧模型会翻倍。\n\n周启明：何同学说得对，我说的是现在。\n\n"
                     "听众小何：谢谢周老师。\n")
    people = labels(corpus, "Person")
    assert {"小何", "何启东", "周启明"} <= set(people)
    assert "何同学" in people["小何"].aliases and "何同学" not in people["何启东"].aliases
    assert (people["周启明"].key, people["小何"].key) in agreements(corpus.documents[0])


def test_a_companys_registered_name_is_the_short_name_the_text_calls_it_by():
    corpus = resolve("审判长：原告北京岚栈智能科技有限公司，被告深圳墨川数据技术有限公司。\n\n"
                     "证人：2019年贺总邀请我加入岚栈，任CTO，2023年加入墨川，任院长。\n\n审判长：继续。\n")
    orgs = labels(corpus, "Organization")
    assert {"岚栈", "墨川"} <= set(orgs) and not any(o.endswith("有限公司") for o in orgs)
    assert "北京岚栈智能科技有限公司" in orgs["岚栈"].aliases
    corpus = resolve("主持人：宁德时代新能源科技股份有限公司的代表来了。\n\n沈嘉禾：我在宁德时代工作过。\n")
    assert "宁德时代新能源科技股份有限公司" in labels(corpus, "Organization")["宁德时代"].aliases


def test_a_subsidiarys_registered_name_with_a_word_of_its_own_stays_its_own():
    corpus = resolve("主持人：华为终端有限公司的代表来了。\n\n沈嘉禾：我在华为工作过。\n")
    assert {"华为", "华为终端有限公司"} <= set(labels(corpus, "Organization"))


def test_an_english_name_and_the_chinese_name_in_pinyin_after_it_are_one_person():
    corpus = resolve("Rebecca Hollis  0:05\nTo my left is Grace Wang, Wang Jing Yi, founder and CEO of Lanting AI. "
                     "Next to her is Michael Zhang.\n\nGrace Wang  0:30\nThanks, Rebecca.\n\n"
                     "Michael Zhang  0:41\nThank you.\n")
    people = labels(corpus, "Person")
    assert "Wang Jing Yi" not in people and "Wang Jing Yi" in people["Grace Wang"].aliases
