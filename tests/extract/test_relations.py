"""Relation, role, quantity and claim patterns on sentences written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from talkgraph.extract import SpeakerRef, document_from_text, extract, parse_transcript, relations


def name(party) -> str:
    return party.name if isinstance(party, SpeakerRef) else party.canonical or party.text


def facts(text: str):
    x = extract(parse_transcript(document_from_text(text, doc_id="t")))
    relations = {(name(r.subject), r.predicate, name(r.object)) for r in x.relations}
    roles = {(name(r.person), r.title, r.organization and name(r.organization)) for r in x.roles}
    return x, relations, roles


def test_organisation_title_name():
    _, relations, roles = facts("主持人王小明：欢迎腾讯云首席科学家李明远和字节跳动技术负责人赵一凡。\n")
    assert ("李明远", "首席科学家", "腾讯云") in roles
    assert ("赵一凡", "技术负责人", "字节跳动") in roles
    assert ("李明远", "worksFor", "腾讯云") in relations


def test_founder_title_gives_a_founder_relation():
    _, relations, _ = facts("据介绍，星河科技创始人周子航表示，公司会继续投入。\n")
    assert ("星河科技", "founder", "周子航") in relations
    _, relations, _ = facts("据介绍，星河智能创始人周子航表示，公司会继续投入。\n")  # a trade word and a title
    assert ("星河智能", "founder", "周子航") in relations
    _, relations, _ = facts("据介绍，人工智能创始人周子航表示，公司会继续投入。\n")
    assert not any(p == "founder" for _, p, _ in relations)


def test_a_speaker_who_founded_and_leads_their_firm_says_both_in_one_title():
    _, relations, roles = facts("主持人：请介绍一下自己。\n\n周子航：我是栖禾医数的创始人兼CEO，我们做医疗软件。\n\n主持人：好。\n")
    assert ("周子航", "创始人兼CEO", "栖禾医数") in roles
    assert {("栖禾医数", "founder", "周子航"), ("周子航", "worksFor", "栖禾医数")} <= relations


def test_an_organisation_the_speaker_says_they_founded_has_them_as_founder():
    _, relations, _ = facts("主持人：介绍一下。\n\n郑立衡：栖川数智是我2008年在杭州创立的，最开始只做实施。\n\n主持人：好。\n")
    assert ("栖川数智", "founder", "郑立衡") in relations


def test_their_title_is_held_at_the_organisation_the_sentence_named():
    _, relations, roles = facts("主持人：电池谁供？\n\n嘉宾：宁德时代那边对接的是他们的副总裁吴凯，人很好。\n")
    assert ("吴凯", "副总裁", "宁德时代") in roles


def test_a_person_of_an_organisation_works_for_it():
    _, relations, _ = facts("主持人：你怎么看？\n\n嘉宾：vivo的陈向东总说过，腾讯的张小龙也这么看。\n")
    assert ("张小龙", "worksFor", "腾讯") in relations
    _, relations, _ = facts("主持人：团队呢？\n\n嘉宾：我和前阿里达摩院的宋雨桐一起创业，目前腾讯的张小龙也很支持。\n")
    assert ("宋雨桐", "formerlyAt", "达摩院") in relations and ("张小龙", "worksFor", "腾讯") in relations


def test_person_is_title_of_organisation():
    _, relations, roles = facts("目前陈立是百度搜索平台的负责人，陈立很忙。\n")
    assert ("陈立", "负责人", "百度") in roles


def test_former_affiliation_with_year_and_from_to():
    x, relations, _ = facts("王小明：2010年我刚刚加入腾讯，后来从腾讯到百度。\n\n李华：好。\n\n王小明：嗯。\n")
    assert ("王小明", "formerlyAt", "腾讯") in relations
    years = {r.since for r in x.relations if r.predicate == "formerlyAt"}
    assert "2010" in years


@pytest.mark.parametrize("said", [
    "2008年底我离开云杉网络，后加入了星河科技。", "我1999年毕业于东岭大学新闻系。", "我1999年从武汉大学毕业，去了南方。",
])
def test_the_year_a_stay_ended_is_no_start_year(said):
    x, relations, _ = facts(f"主持人：讲讲经历。\n\n王小明：{said}\n\n主持人：好。\n")
    assert [r.since for r in x.relations if r.predicate == "formerlyAt"] == [None]


def test_a_post_at_a_periodical_named_in_title_marks():
    _, relations, roles = facts("主持人：讲讲经历。\n\n王小明：我曾任《青岚》杂志小说编辑，陈立担任《北岸》副主编。\n\n主持人：好。\n")
    assert ("王小明", "编辑", "青岚") in roles
    assert ("陈立", "副主编", "北岸") in roles


def test_a_post_a_person_held_said_with_shi_and_de_is_a_former_one():
    _, relations, roles = facts("主持人：讲讲。\n\n王小明：周立德原来是青岚氟业的副总，他很懂材料。\n\n主持人：好。\n")
    assert ("周立德", "formerlyAt", "青岚氟业") in relations
    assert ("周立德", "副总", "青岚氟业") in roles


def test_a_datelines_outlet_is_an_organisation_and_each_reporter_its_reporter():
    text = ("东岭网江州3月14日电（记者吴晓峰、程思远）3月14日上午，江州市政府举行新闻发布会。\n\n"
            "主持人：请张局长介绍。\n\n张立群：好的，今年投入十亿元。\n\n主持人：谢谢。\n")
    _, relations, roles = facts(text)
    assert {("吴晓峰", "记者", "东岭网"), ("程思远", "记者", "东岭网")} <= roles
    assert ("程思远", "worksFor", "东岭网") in relations
    _, _, roles = facts("本报江州3月5日电（记者王芳）今天举行发布会。\n\n主持人：请讲。\n\n张立群：好。\n")
    assert not any(org == "本报" for _, _, org in roles)  # the paper itself


def test_creator_of_a_model():
    _, relations, _ = facts("去年腾讯出了一个混元大模型，效果不错。\n")
    assert ("混元", "creator", "腾讯") in relations
    _, relations, _ = facts("大家都知道 OpenAI 的 GPT-4o 很强。\n")
    assert ("GPT-4o", "creator", "OpenAI") in relations


def test_part_of_by_name():
    _, relations, _ = facts("他在百度智能云工作，之前在百度总部。\n")
    assert ("百度智能云", "parentOrganization", "百度") in relations


def test_agreement_names_the_other_speaker():
    text = ("王小明：我认为开源会赢。\n\n李华：我很同意王小明的观点，开源会赢。\n\n"
            "赵强：我不太同意李华的说法。\n\n王小明：好。\n\n李华：嗯。\n\n赵强：对。\n")
    x, relations, _ = facts(text)
    assert ("李华", "agreesWith", "王小明") in relations
    assert not any(s == "赵强" and p == "agreesWith" for s, p, _ in relations)


def test_parameter_scale_on_the_model():
    x, _, _ = facts("华为发布了盘古大模型，千亿规模，还有“十万亿参数规模的大模型”。\n")
    values = {(q.subject.canonical or q.subject.text, q.value) for q in x.quantities}
    assert ("盘古大模型", 1e11) in values
    assert ("十万亿参数规模的大模型", 1e13) in values


def test_misspelt_model_name_reads_as_the_known_one():
    x, _, _ = facts("比如GTP-4出现以后，大家都在追赶。\n")
    assert any(m.canonical == "GPT-4" and m.text == "GTP-4" for m in x.mentions)


def test_nickname_becomes_an_alias():
    x, _, _ = facts("王小明：我们请到一位大V，他在微博上的名字叫“算法哥”，这就是嘉宾赵一凡。\n\n赵一凡：谢谢。\n\n王小明：好。\n\n赵一凡：嗯。\n")
    assert [(alias, m.text) for alias, m in x.aliases] == [("算法哥", "赵一凡")]


def test_claims_and_questions():
    text = ("王小明：大家觉得模型会越来越大吗？\n\n李华：我认为模型一定会越来越大。今天天气不错。好的。\n\n"
            "王小明：为什么？\n\n李华：因为成本会下降50%以上。\n")
    x = extract(parse_transcript(document_from_text(text, doc_id="t")))
    claims = [(c.speaker, c.text) for c in x.claims]
    assert ("李华", "我认为模型一定会越来越大。") in claims
    assert all(c.speaker != "王小明" for c in x.claims)
    assert x.questions and x.questions[0].answered_by == (2,)
    for c in x.claims:
        assert x.transcript.document.text[c.start:c.end] == c.text


def test_a_speaker_and_a_name_at_the_same_place_are_two_parties():
    """林伟 opens his turn, where the turn's speaker also stands: both were at 微软, neither fact is lost."""
    x, relations, _ = facts("王小明：你们认识吗？\n\n林伟：李华是我的同事，当时我在微软。\n\n李华：对。\n\n林伟：嗯。\n")
    assert ("林伟", "formerlyAt", "微软") in relations
    assert ("李华", "formerlyAt", "微软") in relations
    speaker_facts = [r for r in x.relations if isinstance(r.subject, SpeakerRef)]
    assert speaker_facts and all(r.subject.turn_index == 2 for r in speaker_facts)


def test_agreement_refers_to_the_speaker_agreed_with():
    x, _, _ = facts("王小明：大家怎么看？\n\n李华：模型会越来越大。\n\n赵一凡：我同意前面的观点，模型肯定会越来越大。\n\n"
                    "王小明：好。\n")
    agreeing = [c for c in x.claims if c.agrees_with]
    assert [c.agrees_with for c in agreeing] == [(SpeakerRef("李华", 2),)]


def test_you_is_the_person_spoken_to_never_the_speaker():
    text = ("周明：你开源了FlowNet，是什么促使你创建了星河科技有限公司？\n\n李华：因为我想做。\n\n"
            "周明：好。\n\n李华：嗯。\n")
    _, relations, _ = facts(text)
    assert ("星河科技有限公司", "founder", "李华") in relations
    assert not any(o == "周明" for _, p, o in relations if p in ("creator", "founder"))


def test_you_names_the_speaker_the_question_addresses():
    text = ("主持人：李华，你本科是清华大学吗？不，我问赵强。赵强，你毕业于北京大学？\n\n李华：是。\n\n赵强：对。\n\n"
            "主持人：好。\n")
    _, relations, _ = facts(text)
    assert ("赵强", "formerlyAt", "北京大学") in relations
    assert not any(s == "主持人" for s, p, _ in relations if p == "formerlyAt")


def test_founder_with_joined_title_also_works_for():
    _, relations, roles = facts("据介绍，星河科技创始人兼CEO周子航表示，公司会继续投入。\n")
    assert ("周子航", "创始人兼CEO", "星河科技") in roles
    assert ("星河科技", "founder", "周子航") in relations
    assert ("周子航", "worksFor", "星河科技") in relations


def test_former_title_is_a_former_affiliation():
    _, relations, roles = facts("今天请到前字节跳动算法工程师刘洋，聊聊推荐。\n")
    assert ("刘洋", "formerlyAt", "字节跳动") in relations
    assert ("刘洋", "worksFor", "字节跳动") not in relations
    assert any(r[0] == "刘洋" and r[1] == "算法工程师" for r in roles)


def test_title_keeps_its_scope():
    x, relations, _ = facts("欢迎腾讯机器学习平台负责人赵一凡。\n")
    role = next(r for r in x.roles if name(r.person) == "赵一凡")
    assert (role.title, role.scope, name(role.organization)) == ("负责人", "机器学习平台", "腾讯")
    assert ("赵一凡", "worksFor", "腾讯") in relations


def test_titles_after_a_name_in_apposition_and_parentheses():
    _, relations, _ = facts("嘉宾：周子航，星河科技创始人，北京大学MBA。\n")
    assert ("星河科技", "founder", "周子航") in relations
    assert ("周子航", "formerlyAt", "北京大学") in relations
    _, relations, _ = facts("你怎么看百度的陈立？陈立（百度副总裁、前腾讯总监）说过这个。\n")
    assert ("陈立", "worksFor", "百度") in relations
    assert ("陈立", "formerlyAt", "腾讯") in relations
    assert ("陈立", "worksFor", "腾讯") not in relations


def test_makers_from_relative_clauses_and_naming_shapes():
    _, relations, _ = facts("大家都在看 OpenAI 2 月发的 GPT-4o 报告。\n")
    assert ("GPT-4o", "creator", "OpenAI") in relations
    _, relations, _ = facts("再说 Anthropic，它有 Claude 3 这样的模型。\n")
    assert ("Claude 3", "creator", "Anthropic") in relations
    _, relations, _ = facts("ChatGPT是OpenAI的产品，用的人很多。\n")
    assert ("ChatGPT", "creator", "OpenAI") in relations


@pytest.mark.parametrize("text, relation", [
    ("主持人：你怎么看？\n\n陶然：Claude Code 是在终端里跑的 agent，Anthropic 做的。\n", ("Claude Code", "creator", "Anthropic")),
    ("主持人：你怎么看？\n\n陶然：Devin，那个是 Cognition 做的。\n", ("Devin", "creator", "Cognition")),
    ("主持人：你怎么看？\n\n陶然：Cursor 背后的公司 Anysphere 融了很多钱。\n", ("Cursor", "creator", "Anysphere")),
])
def test_a_maker_glossed_after_the_product(text, relation):
    _, relations, _ = facts(text)
    assert relation in relations


def test_a_maker_doing_something_else_after_a_product_made_nothing():
    _, relations, _ = facts("主持人：你怎么看？\n\n陶然：GPT-4很强，OpenAI做的事情很多。\n")
    assert not [r for r in relations if r[1] == "creator"]


def test_part_of_from_subsidiary_shape():
    _, relations, _ = facts("腾讯旗下的微信团队很低调。\n")
    assert any(p == "parentOrganization" and o == "腾讯" for _, p, o in relations)


def test_no_agreement_from_questions_or_partial_assent():
    text = ("王小明：我认为开源会赢。\n\n李华：我不完全认同王小明的判断。\n\n"
            "赵强：你同意王小明吗？\n\n王小明：好。\n")
    _, relations, _ = facts(text)
    assert not any(p == "agreesWith" for _, p, _ in relations)
    assert ("李华", "differsFrom", "王小明") in relations


def test_assent_opening_a_turn_agrees_with_the_statement_before_it():
    text = ("王小明：开源模型一定会赢。\n\n李华：是的，完全正确。\n\n王小明：你觉得闭源会赢吗？\n\n李华：没错，不会。\n")
    _, relations, _ = facts(text)
    assert ("李华", "agreesWith", "王小明") in relations
    x, _, _ = facts(text)
    assert len([r for r in x.relations if r.predicate == "agreesWith"]) == 1


def test_mentor_is_someone_one_knows():
    _, relations, _ = facts("王小明：你的博士导师是陈立，对吗？\n\n李华：对，我的导师是陈立和周子航。\n")
    assert ("李华", "knows", "陈立") in relations
    assert ("李华", "knows", "周子航") in relations


def test_bare_assent_agrees_in_a_two_person_conversation_only():
    two = "王小明：开源模型一定会赢。\n\n李华：对。\n\n王小明：好。\n\n李华：是的。\n"
    _, relations, _ = facts(two)
    assert ("李华", "agreesWith", "王小明") in relations
    panel = ("主持人：请谈谈。\n\n李华：开源会赢。\n\n主持人：对的。\n\n赵强：成本会降。\n\n主持人：好。\n\n"
             "李华：嗯。\n\n赵强：嗯。\n")
    _, relations, _ = facts(panel)
    assert not any(s == "主持人" and p == "agreesWith" for s, p, _ in relations)


def test_name_right_after_its_organisation_and_fellow_alumni():
    _, relations, _ = facts("刚才腾讯陈立讲的，我很认同。\n")
    assert ("陈立", "worksFor", "腾讯") in relations
    _, relations, _ = facts("你的北京大学校友陈立也这么说过。\n")
    assert ("陈立", "formerlyAt", "北京大学") in relations
    assert ("陈立", "worksFor", "北京大学") not in relations


def test_my_colleague_and_your_colleague():
    text = "王小明：我的同事陈立也在做这个。你的老同事赵强呢？\n\n李华：他也在做。\n\n王小明：好。\n\n李华：嗯。\n"
    _, relations, _ = facts(text)
    assert ("王小明", "colleague", "陈立") in relations
    assert ("李华", "colleague", "赵强") in relations


def test_a_degree_after_a_school_but_not_a_level_after_a_company():
    _, relations, _ = facts("嘉宾陈立，北京大学博士，现在做投资。\n")
    assert ("陈立", "formerlyAt", "北京大学") in relations
    _, relations, _ = facts("陈立说OpenAI博士级别的模型很快会来。\n")
    assert not any(p == "formerlyAt" for _, p, _ in relations)


def test_studying_at_a_school_is_studying_at_its_university():
    text = "王小明：你博士是北京大学计算机系吧。北京大学很有名。\n\n李华：对。\n\n王小明：好。\n\n李华：嗯。\n"
    _, relations, _ = facts(text)
    assert ("北京大学计算机系", "parentOrganization", "北京大学") in relations
    assert ("李华", "formerlyAt", "北京大学") in relations


def test_indeed_opening_a_panel_turn_agrees_with_the_statement_before_it():
    text = ("主持人：请谈谈融资。\n\n李华：有可比公司的时候融资比较容易。\n\n赵强：确实是比较容易的，但没有可比就难了。\n\n"
            "主持人：好。\n\n李华：嗯。\n")
    _, relations, _ = facts(text)
    assert ("赵强", "agreesWith", "李华") in relations


def two_person(*turns: str) -> set:
    """Relations of a talk between 周明 and 李华, turns alternating, 周明 first."""
    lines = [f"{('周明', '李华')[i % 2]}：{said}" for i, said in enumerate(turns + ("好。", "嗯。"))]
    return facts("\n\n".join(lines) + "\n")[1]


def test_you_as_maker_is_the_company_spoken_for_never_the_person_alone():
    relations = two_person("腾讯，你们今年很忙。你开源了FlowNet，大家都在用。", "是的，我们很忙。")
    assert {("李华", "worksFor", "腾讯"), ("FlowNet", "creator", "腾讯")} <= relations
    assert ("FlowNet", "creator", "李华") not in relations
    relations = two_person("你开源了FlowNet，大家都在用。", "是的，我们很忙。")
    assert not any(p == "creator" for _, p, _ in relations)  # no company given: no maker


def test_organisations_listed_as_peers_are_not_parts_of_each_other():
    _, relations, _ = facts("很多公司如迪士尼、皮克斯、Adobe都来了。\n")
    assert not any(p == "parentOrganization" for _, p, _ in relations)
    _, relations, _ = facts("迪士尼旗下的皮克斯做了很多电影。\n")
    assert ("皮克斯", "parentOrganization", "迪士尼") in relations


_ENGLISH_INTERVIEW = (
    "Host: I work at Tencent. Today we have Sam Altman, the CEO of OpenAI, and Demis Hassabis, co-founder of DeepMind.\n\n"
    "Sam Altman: Thanks. I worked at Microsoft before, and I studied at Stanford University.\n\n"
    "Demis Hassabis: I was a researcher at Google for years. "
    "OpenAI released GPT-4 last year. Google's Gemini is good too.\n\n"
    "Sam Altman: Demis Hassabis, you created PyTorch with your team, right?\n\nDemis Hassabis: Yes.\n")


@pytest.mark.parametrize("fact, held", [
    (("Sam Altman", "worksFor", "OpenAI"), True),  # X, the CEO of Y
    (("Google DeepMind", "founder", "Demis Hassabis"), True),  # X, co-founder of Y
    (("Sam Altman", "formerlyAt", "微软"), True),  # I worked at Y
    (("Sam Altman", "formerlyAt", "斯坦福大学"), True),  # I studied at Y
    (("Demis Hassabis", "formerlyAt", "Google"), True),  # I was a researcher at Y: a former title
    (("Demis Hassabis", "worksFor", "Google"), False),
    (("Host", "worksFor", "腾讯"), True),  # I work at Y
    (("GPT-4", "creator", "OpenAI"), True),  # Y released M
    (("Gemini", "creator", "Google"), True),  # Y's M
    (("PyTorch", "creator", "Google DeepMind"), True),  # you made M → the addressee's company
    (("PyTorch", "creator", "Demis Hassabis"), False),
])
def test_english_relation_shapes(fact, held):
    _, relations, _ = facts(_ENGLISH_INTERVIEW)
    assert (fact in relations) is held


def test_leading_or_running_something_at_an_organisation_is_working_there():
    _, relations, _ = facts("Host: David Kim leads developer relations at Anthropic.\n\nDavid Kim: Thanks.\n\nHost: Good.\n")
    assert ("David Kim", "worksFor", "Anthropic") in relations


def test_a_founder_title_without_organisation_founds_the_employer():
    relations = two_person("腾讯，你们今年很忙。", "是的。我们俩都是创始人，所以很忙。", "我现在在百度工作。",
                           "在创建这家公司之后，我一直很忙。")
    assert {("腾讯", "founder", "李华"), ("百度", "founder", "周明")} <= relations
    relations = two_person("我们俩都是创始人。", "是的。")
    assert not any(p == "founder" for _, p, _ in relations)  # no employer given: no founder relation


def test_a_kind_word_between_making_verb_and_model():
    _, relations, _ = facts("昨天百度宣布开源模型Orion-7B，反响不错。\n")
    assert ("Orion-7B", "creator", "百度") in relations


def test_what_we_offer_is_the_speakers_organisations():
    text = "周明：我现在在百度工作。我们确实提供了Orion-7B给大家用。\n\n李华：好的。\n"
    _, relations, _ = facts(text)
    assert ("Orion-7B", "creator", "百度") in relations


def test_we_setting_up_a_unit_of_another_organisation_is_no_founding():
    _, relations, _ = facts("王小明：在我们成立达摩院之前，就在做这件事了。\n\n李华：对。\n")
    assert not {r for r in relations if r[1] == "founder"}
    _, relations, _ = facts("王小明：在我们成立Horizon Labs之前，就在做这件事了。\n\n李华：对。\n")
    assert not {r for r in relations if r[1] == "founder"}  # a lab is a unit whatever its name
    _, relations, _ = facts("王小明：2015年我们成立了星河科技。\n\n李华：对。\n")
    assert ("星河科技", "founder", "王小明") in relations


@pytest.mark.parametrize("text, expected", [
    ("王小明：我在腾讯工作，做推荐系统。\n\n李华：好。\n", "worksFor"),
    ("王小明：我之前在腾讯工作。\n\n李华：好。\n", "formerlyAt"),
    ("王小明：我在腾讯工作的时候认识了他。\n\n李华：好。\n", "formerlyAt"),
    ("王小明：我在腾讯工作过三年。\n\n李华：好。\n", None),
])
def test_working_at_says_the_present_unless_the_clause_says_the_past(text, expected):
    _, relations, _ = facts(text)
    found = {p for s, p, o in relations if s == "王小明" and o == "腾讯"}
    assert ("worksFor" in found) is (expected == "worksFor")
    if expected == "formerlyAt":
        assert "formerlyAt" in found


# sentences made of the words the cues are made of, and a few others between them
_CUE_TEXT = st.lists(st.sampled_from(["我", "我们", "是", "来自", "创办", "成立", "了", "这家", "的", "公司", "创始人",
                                      "联合创始人", "俩", "都", "很", "非常", "完全", "也", "不太", "不", "并不", "无法",
                                      "同意", "赞同", "认同", "反对", "观点", "其实", "和", "跟", "他", "，", "。", " "]),
                     max_size=12).map("".join)


@given(_CUE_TEXT)
@settings(max_examples=400, deadline=None)
def test_a_sentence_without_the_precheck_words_holds_no_agreement_cue(text):
    """``extract_relations`` reads a sentence that names no one for agreement only where
    ``_AGREEMENT_WORD`` matches: every agreement cue must hold one of its words."""
    if any(p.search(text) for p in (relations._AGREE, relations._DISAGREE, relations._SIMILAR_VIEW)):
        assert relations._AGREEMENT_WORD.search(text)


@given(_CUE_TEXT)
@settings(max_examples=400, deadline=None)
def test_a_sentence_without_the_precheck_words_holds_no_own_role_cue(text):
    """... and for the speakers' own roles only where ``_OWN_ROLE_WORD`` matches."""
    if any(p.search(text) for p in (relations._INTRO, relations._WE_FOUNDERS, relations._FOUNDED_OWN)):
        assert relations._OWN_ROLE_WORD.search(text)


def test_a_post_held_at_the_organisation_one_is_at():
    _, relations, roles = facts("李明远在阿里巴巴做副总裁。赵一凡曾在百度当产品经理，后来去了腾讯。\n")
    assert ("李明远", "副总裁", "阿里巴巴") in roles and ("李明远", "worksFor", "阿里巴巴") in relations
    assert ("赵一凡", "产品经理", "百度") in roles and ("赵一凡", "formerlyAt", "百度") in relations
    _, _, roles = facts("李明远在阿里巴巴做了很多事情。\n")
    assert not any(org == "阿里巴巴" for _, _, org in roles)
    _, relations, _ = facts("主持人：团队呢？\n\n周岚：韩峤是我们CTO，之前在百度做高级架构师。\n\n韩峤：对。\n")  # our CTO: no 我
    assert ("韩峤", "formerlyAt", "百度") in relations and ("周岚", "formerlyAt", "百度") not in relations
    _, relations, roles = facts("主持人：您好。\n\n周岚：我在青云科技做产品副总裁。\n")  # the post's field first
    assert ("周岚", "产品副总裁", "青云科技") in roles and ("周岚", "worksFor", "青云科技") in relations


def test_he_stands_for_the_one_person_the_sentence_before_names():
    _, relations, _ = facts("王小明：李明远最近很忙。他在阿里巴巴做副总裁。\n\n赵一凡：好。\n")
    assert ("李明远", "worksFor", "阿里巴巴") in relations
    _, relations, _ = facts("王小明：李明远和赵一凡最近很忙。他在阿里巴巴做副总裁。\n\n赵一凡：好。\n")
    assert not any(org == "阿里巴巴" for _, predicate, org in relations if predicate == "worksFor")


def test_posts_listed_before_the_name_they_describe():
    _, relations, roles = facts("本期嘉宾是前谷歌工程总监、现任深言科技CTO的刘启明。\n")
    assert ("刘启明", "CTO", "深言科技") in roles and ("刘启明", "worksFor", "深言科技") in relations
    assert ("刘启明", "formerlyAt", "Google") in relations
    _, relations, roles = facts("这是深言科技的刘启明。\n")
    assert not any(title for _, title, _ in roles)


def test_a_product_said_to_be_the_makers_own_kind_of_work():
    _, relations, _ = facts("王小明：Veo 3是谷歌的视频生成模型。Zephyr 2是谷歌的竞争对手的模型。\n\n李华：嗯。\n")
    assert ("Veo 3", "creator", "Google") in relations
    assert not any(subject == "Zephyr 2" for subject, predicate, _ in relations if predicate == "creator")
    _, relations, _ = facts("王小明：我在谷歌工作。Veo 3是我们的视频生成模型。\n\n李华：嗯。\n")
    assert ("Veo 3", "creator", "Google") in relations


def test_expert_and_adviser_grades_and_professions_are_titles():
    _, relations, roles = facts("赵立新，前阿里巴巴算法专家，现为独立顾问。投资人钱明远也来了。\n")
    assert ("赵立新", "算法专家", "阿里巴巴") in roles and ("赵立新", "formerlyAt", "阿里巴巴") in relations
    assert ("钱明远", "投资人", None) in roles


def test_an_unknown_company_named_by_an_english_post_or_founding():
    text = ("Clara Jennings: I spent six years at DeepMind before co-founding Northwind AI with Marcus Lee.\n\n"
            "Host: Marcus Lee, the CTO of Quillbridge Labs, agrees. Our main product is called Tern.\n")
    x, relations, roles = facts(text)
    assert {("Northwind AI", "founder", "Clara Jennings"), ("Clara Jennings", "worksFor", "Northwind AI"),
            ("Clara Jennings", "formerlyAt", "Google DeepMind")} <= relations
    assert ("Northwind AI", "founder", "Google DeepMind") not in relations
    assert ("Marcus Lee", "CTO", "Quillbridge Labs") in roles
    assert "Tern" in {m.text for m in x.mentions if m.kind.value == "Model"}


def test_english_agreement_and_disagreement():
    text = ("Clara Jennings: Open models will win.\n\nMarcus Lee: I don't fully agree with Clara Jennings. Costs matter.\n\n"
            "Clara Jennings: Fair. I agree with Marcus Lee that costs matter.\n\nMarcus Lee: Good.\n")
    _, relations, _ = facts(text)
    assert ("Marcus Lee", "differsFrom", "Clara Jennings") in relations
    assert ("Clara Jennings", "agreesWith", "Marcus Lee") in relations
    assert ("Marcus Lee", "agreesWith", "Clara Jennings") not in relations


def test_an_english_he_opening_a_sentence_is_the_one_person_the_sentence_before_names():
    _, relations, _ = facts("Grace Lin: To my left, Professor Wei Zhang, Chair Professor at Northfield University. "
                            "Before that he spent eight years at Greystone Labs.\n\nWei Zhang: Thanks.\n")
    assert ("Wei Zhang", "formerlyAt", "Greystone Labs") in relations


def test_agreed_alone_and_actually_agree_in_english_agree():
    _, relations, _ = facts("Clara Jennings: Open models will win.\n\nMarcus Lee: Agreed. And they are cheap.\n\n"
                            "Dana Wu: I actually agree with Clara Jennings on cost.\n\nMarcus Lee: Good.\n")
    assert ("Marcus Lee", "agreesWith", "Clara Jennings") in relations
    assert ("Dana Wu", "agreesWith", "Clara Jennings") in relations


def test_taking_someones_side_in_english_agrees_with_them():
    text = ("Clara Jennings: Open models will win.\n\nMarcus Lee: Costs matter more.\n\n"
            "Dana Wu: I'm with Clara Jennings on this. Open weights spread faster.\n\nMarcus Lee: Fair enough.\n")
    _, relations, _ = facts(text)
    assert ("Dana Wu", "agreesWith", "Clara Jennings") in relations


def test_titles_listed_before_a_name_share_the_organisation():
    _, relations, roles = facts("星河科技创始人、董事长周明远在上海接受了专访。\n")
    assert ("周明远", "创始人、董事长", "星河科技") in roles
    assert {("星河科技", "founder", "周明远"), ("周明远", "worksFor", "星河科技")} <= relations


def test_a_model_right_after_its_makers_name():
    _, relations, _ = facts("小米SU7卖得很好，阿里通义千问也进步很快。\n")
    assert {("SU7", "creator", "小米"), ("通义千问", "creator", "阿里巴巴")} <= relations


def test_agreeing_with_his_view_is_agreeing_with_the_one_person_just_named():
    relations = two_person("宁德时代的曾毓群说电池会越来越便宜，你同意吗？", "我同意他的判断。明年成本还会降。")
    assert ("李华", "agreesWith", "曾毓群") in relations
    assert ("李华", "agreesWith", "周明") not in relations


def test_a_title_opening_the_sentence_after_a_company_is_described_is_that_companys():
    _, relations, roles = facts("导语：驰远汽车是一家新势力车企，总部在合肥。创始人兼CEO周岩此前在蔚来负责用户运营。\n\n"
                                "晚点：你好。\n\n周岩：你好。\n")
    assert ("周岩", "创始人兼CEO", "驰远汽车") in roles
    assert ("驰远汽车", "founder", "周岩") in relations
    assert ("周岩", "formerlyAt", "蔚来") in relations  # 此前: before
    assert ("周岩", "worksFor", "蔚来") not in relations


def test_each_post_listed_before_a_name_keeps_its_own_organisation():
    _, relations, roles = facts("主持人：欢迎清华大学计算机系教授、智能生物计算实验室主任张立衡，"
                                "以及北京大学物理学院研究员、定量生物学中心副主任吴静怡。\n\n张立衡：谢谢。\n\n吴静怡：谢谢。\n")
    assert ("张立衡", "教授", "清华大学计算机系") in roles
    assert ("张立衡", "worksFor", "清华大学计算机系") in relations
    assert ("吴静怡", "研究员", "北京大学物理学院") in roles
    assert ("吴静怡", "worksFor", "北京大学物理学院") in relations
    assert ("张立衡", "worksFor", "北京大学物理学院") not in relations


def test_a_post_at_our_company_is_held_there_by_the_one_named():
    _, relations, roles = facts("主持人：欢迎启明星科技联合创始人兼CEO林卓然。\n\n"
                                "林卓然：谢谢。我们CTO叫周明轩，我们公司的首席科学家是王浩然。\n\n主持人：好。\n")
    assert ("周明轩", "CTO", "启明星科技") in roles and ("王浩然", "首席科学家", "启明星科技") in roles
    assert ("周明轩", "worksFor", "启明星科技") in relations
    assert ("林卓然", "colleague", "周明轩") in relations
    _, relations, roles = facts("主持人：欢迎星衍科技创始人兼CEO韩启明。\n\n"
                                "韩启明：谢谢。我们的联合创始人兼CTO赵一帆也来了。\n\n主持人：好。\n")
    assert ("赵一帆", "联合创始人兼CTO", "星衍科技") in roles and ("星衍科技", "founder", "赵一帆") in relations
    _, relations, roles = facts("主持人：谁在做？\n\n林卓然：腾讯，创始人是马化腾。百度的CTO叫周立。\n\n主持人：好。\n")
    assert ("马化腾", "创始人", "腾讯") in roles and ("腾讯", "founder", "马化腾") in relations
    assert ("周立", "CTO", "百度") in roles


def test_a_view_said_to_differ_from_someones_is_a_difference():
    _, relations, _ = facts("林可：你会投哪个平台？\n\n王芳：我肯定投抖音。\n\n赵明远：我可能跟王芳的看法不太一样。\n\n"
                            "王芳：我的看法跟你不一样。\n\n林可：好。\n")
    assert ("赵明远", "differsFrom", "王芳") in relations
    assert ("王芳", "differsFrom", "赵明远") in relations  # 你 opening the reply: the previous speaker
    assert not any(p == "agreesWith" for _, p, _ in relations)


def test_a_possessive_pronoun_is_no_subject_of_what_follows():
    _, relations, _ = facts("韩立新：我介绍一下周启明老师：周老师是我们的校友，后来在世界银行工作。\n\n周启明：谢谢。\n\n韩立新：好。\n")
    assert ("韩立新", "worksFor", "世界银行") not in relations
    assert any(s in ("周启明", "周老师") and o == "世界银行" for s, _, o in relations)


def test_english_push_back_differs_and_a_bare_agree_agrees_with_the_previous_speaker():
    _, relations, _ = facts("Host: What do you think?\n\nWei Zhang: Open models will win.\n\n"
                            "David Kim: I'd push back a bit on Wei. Cost matters more.\n\n"
                            "Li Na: Totally agree with that.\n\nHost: Good.\n")
    assert ("David Kim", "differsFrom", "Wei") in relations  # Wei, the part of Wei Zhang: resolved to him later
    assert ("Li Na", "agreesWith", "David Kim") in relations


def test_taking_someones_side_agrees_and_rebutting_differs():
    _, relations, _ = facts("林一帆：欢迎远澜资本合伙人周启明和Grace。\n\n周启明：Agent现在有很大的泡沫。\n\n"
                            "Grace：我要反驳一下，成本在降。\n\n林一帆：我站周启明这边。\n\nGrace：好吧。\n")
    assert ("Grace", "differsFrom", "周启明") in relations
    assert ("林一帆", "agreesWith", "周启明") in relations


def test_differing_with_a_view_others_hold_is_not_differing_with_who_put_it_forward():
    _, relations, _ = facts("林可：有投资人觉得做硬件的公司长不大。\n\n王芳：我不同意这个观点，硬件的壁垒更高。\n\n"
                            "林可：我觉得硬件利润太薄。\n\n赵明远：我不同意，利润会上来。\n")
    assert ("王芳", "differsFrom", "林可") not in relations
    assert ("赵明远", "differsFrom", "林可") in relations  # a view of her own


def test_saying_someone_is_right_or_backing_them_agrees_with_them_however_the_address_is_cut():
    _, relations, _ = facts("主持人：请三位谈谈。\n\n唐屹：明年量产会翻倍。\n\n方晓峰：我不完全认同唐总的判断，供应链跟不上。\n\n"
                            "郭思琪：方总说得对，供应链是瓶颈。\n\n唐屹：这个我不同意。\n\n郭思琪：我支持唐总，成本会降。\n\n"
                            "方晓峰：郭总说的有道理，但是还早。\n")
    assert {("郭思琪", "agreesWith", "方总"), ("郭思琪", "agreesWith", "唐总"),  # resolved to the speakers later
            ("方晓峰", "agreesWith", "郭总"), ("方晓峰", "differsFrom", "唐总")} <= relations
    assert not any(s == "支持唐" or o == "支持唐" for s, _, o in relations)


def test_a_title_keeps_the_words_it_opens_with_and_its_field():
    _, _, roles = facts("主持人：欢迎溪谷食品董事会秘书邵明远、星图科技研发副总裁李华和翰林医药首席医学官郑博文。\n\n邵明远：谢谢。\n")
    assert {("邵明远", "董事会秘书", "溪谷食品"), ("李华", "研发副总裁", "星图科技"),
            ("郑博文", "首席医学官", "翰林医药")} <= roles


def test_a_career_told_clause_by_clause_gives_each_post_and_the_last_place_joined():
    _, relations, roles = facts("主持人：请介绍。\n\n孙志远：我之前是英特尔资深架构师，曾任华为海思技术总监，后来加入地平线做芯片。\n\n"
                                "主持人：好。2018年加入东海三院的时候，你想过吗？\n\n孙志远：没有。\n")
    assert {("孙志远", "资深架构师", "英特尔"), ("孙志远", "技术总监", "海思")} <= roles
    assert {("孙志远", "formerlyAt", "英特尔"), ("孙志远", "formerlyAt", "海思"), ("孙志远", "worksFor", "地平线")} <= relations
    _, relations, _ = facts("主持人：孙志远毕业于浙江大学，2018年加入东海三院，现任信息中心主任。\n\n孙志远：谢谢。\n")
    assert ("孙志远", "worksFor", "东海三院") in relations and ("孙志远", "formerlyAt", "东海三院") not in relations


def test_a_bold_name_in_a_guest_list_takes_the_posts_after_it():
    _, relations, roles = facts("嘉宾介绍\n\n**郑博文**，翰林医药首席医学官，曾任百济神州全球临床运营副总裁\n\n"
                                "**沈若琳**，澜海生物创始人兼CEO\n\n**陆晓峰**：欢迎两位。\n\n**沈若琳**：谢谢。\n\n**郑博文**：谢谢。\n")
    assert {("郑博文", "首席医学官", "翰林医药"), ("沈若琳", "创始人兼CEO", "澜海生物")} <= roles
    assert ("郑博文", "formerlyAt", "百济神州") in relations


def test_a_model_said_to_be_made_by_a_company_ending_the_clause_is_its_work():
    _, relations, _ = facts("主持人：你们用什么？\n\n王磊：豆包是字节跳动做的，盘古是华为开发的。\n\n主持人：好。\n")
    assert {("豆包", "creator", "字节跳动"), ("盘古大模型", "creator", "华为")} <= relations  # the lexicon's name


def test_a_model_said_to_be_open_sourced_by_a_company_is_its_work():
    _, relations, _ = facts("主持人：你们用什么？\n\n王磊：CosyVoice是阿里巴巴开源的语音模型，Nova 2是英伟达开源的。\n\n主持人：好。\n")
    assert {("CosyVoice", "creator", "阿里巴巴"), ("Nova 2", "creator", "英伟达")} <= relations


def test_calling_someones_view_one_sided_or_taking_the_other_side_differs_from_them():
    _, relations, _ = facts("阿肯：你们怎么看？\n\n罗启明：AI批改一定会普及。\n\n刘小满：我同意。\n\n"
                            "周建华：我倒是觉得小满说得有点理想化。\n\n郑子衡：这个我要和罗启明唱个反调。\n\n阿肯：好。\n")
    assert {("周建华", "differsFrom", "小满"), ("郑子衡", "differsFrom", "罗启明")} <= relations


def test_officials_listed_with_their_bodies_and_posts_each_hold_theirs():
    _, _, roles = facts("主持人：我们邀请到省工业和信息化厅副厅长陈立群，省发展和改革委员会总经济师赵蔓，"
                        "宁川市人民政府副市长许家明。\n\n陈立群：谢谢。\n")
    assert {("陈立群", "副厅长", "省工业和信息化厅"), ("赵蔓", "总经济师", "省发展和改革委员会"),
            ("许家明", "副市长", "宁川市人民政府")} <= roles


def test_agreement_with_someone_named_before_the_cue_by_a_pronoun_or_by_being_of_one_mind():
    _, relations, _ = facts("主持人：请介绍。\n\n周屹：立川一直主张做纯视觉，我不同意。这一点我和韩立川是一致的。\n\n"
                            "韩立川：这个观点很有道理。\n\n孙志远：钱慧主任提过数据治理，这一点我同意她。\n\n主持人：好。\n")
    assert {("周屹", "differsFrom", "立川"), ("周屹", "agreesWith", "韩立川"), ("韩立川", "agreesWith", "周屹"),
            ("孙志远", "agreesWith", "钱慧主任")} <= relations
    assert ("周屹", "differsFrom", "主持人") not in relations and ("孙志远", "agreesWith", "韩立川") not in relations


def test_i_mean_and_i_feel_stress_what_follows_and_give_the_speaker_no_post():
    _, _, roles = facts("主持人：怎么看？\n\n李华：我是说CEO应该更懂技术，我是觉得董事长要放权。我是星河科技的CTO。\n\n主持人：好。\n")
    assert {title for person, title, _ in roles if person == "李华"} == {"CTO"}


def test_founding_with_a_partner_makes_both_founders_and_a_founded_kind_then_its_name_is_founded():
    _, relations, _ = facts("主持人：你怎么创业的？\n\n陶然：我离开腾讯以后，和前同事周启明一起创办了星河科技。\n\n主持人：好。\n")
    assert {("星河科技", "founder", "陶然"), ("星河科技", "founder", "周启明")} <= relations
    _, relations, _ = facts("主持人：后来呢？\n\n陶然：后来我和导演梁越一起成立了一个小公司，叫青禾影业。\n\n主持人：好。\n")
    assert {("青禾影业", "founder", "陶然"), ("青禾影业", "founder", "梁越")} <= relations
    _, relations, _ = facts("主持人：后来呢？\n\n陶然：我介绍了韩立新和梁越，后来他们成立了星河科技。\n\n主持人：好。\n")
    assert ("星河科技", "founder", "陶然") not in relations
    _, relations, _ = facts("主持人：后来呢？\n\n陶然：2018年出来，和老同事周启明一起创办了星河科技。\n\n主持人：好。\n")
    assert {("星河科技", "founder", "陶然"), ("星河科技", "founder", "周启明")} <= relations  # the turn's own 我 left out
    _, relations, _ = facts("主持人：2018年出来，和老同事周启明一起创办了星河科技？\n\n陶然：对。\n")
    assert ("星河科技", "founder", "主持人") not in relations  # the host recounts someone else's


def test_a_note_after_the_title_and_a_post_held_before_are_read_in_an_introduction():
    _, relations, roles = facts("主持人：今天的嘉宾是：陶然，北方大学经济学院副院长（主持）；韩立，星河科技创始人兼CEO，"
                                "此前曾任腾讯产品副总裁。\n\n陶然：欢迎。\n")
    assert ("陶然", "副院长", "北方大学经济学院") in roles
    assert ("韩立", "formerlyAt", "腾讯") in relations and ("韩立", "产品副总裁", "腾讯") in roles
    _, _, roles = facts("主持人：欢迎谷歌研究科学家李明远。\n\n李明远：谢谢。\n")
    assert ("李明远", "研究科学家", "Google") in roles


def test_disagreeing_with_words_quoted_back_or_called_yours_differs_from_who_said_them():
    _, relations, _ = facts("主持人：今天聊医疗。\n\n宋立言：医院的AI基本都在做影像，两成的医生会转岗。\n\n"
                            "常一鸣：先说一句。但我不完全认同“医院的AI都在做影像”这个说法。另外，我不太同意您说的两成医生会转岗。\n\n"
                            "梁慧芳：我补充一下，可能跟宋主任有一些不同的看法。\n\n主持人：好。\n")
    assert {("常一鸣", "differsFrom", "宋立言"), ("梁慧芳", "differsFrom", "宋主任")} <= relations


def test_a_biographys_sentences_with_no_subject_are_about_the_person_it_opens_with():
    _, relations, _ = facts("韩立，凌霄机器人联合创始人。本科毕业于浙江大学。2016年至2020年在北辰科技担任工程师。\n\n"
                            "主持人：欢迎。\n\n韩立：谢谢。\n\n主持人：开始吧。\n")
    assert {("韩立", "formerlyAt", "浙江大学"), ("韩立", "formerlyAt", "北辰科技")} <= relations


def test_his_in_a_biography_is_its_person_and_a_cofounder_with_him_founds_too():
    _, relations, _ = facts("李若川，芯曜科技董事长。他做了十三年芯片设计。2021年，他与前寒武纪工程师赵明远共同创办了芯曜科技。\n\n"
                            "主持人：欢迎。\n\n李若川：谢谢。\n\n主持人：开始吧。\n")
    assert {("芯曜科技", "founder", "李若川"), ("芯曜科技", "founder", "赵明远")} <= relations


def test_a_job_joined_is_former_when_the_paragraph_tells_of_leaving_it_later():
    _, relations, _ = facts("陆斯年，1984年生于湖南。2014年加入百度，担任技术总监；2019年离开百度，出任快手负责人。\n\n"
                            "主持人：欢迎。\n\n陆斯年：谢谢。\n\n主持人：开始吧。\n")
    assert ("陆斯年", "formerlyAt", "百度") in relations and ("陆斯年", "worksFor", "百度") not in relations


def test_a_founders_title_without_its_organisation_is_not_given_an_employer_the_text_says_they_did_not_found():
    _, relations, _ = facts("主持人：今天专访联合创始人兼CTO张建华。张建华2017年加入百度，担任技术总监。"
                            "2019年，他和梁思淼一起创办了驰远科技。\n\n张建华：谢谢。\n\n主持人：开始吧。\n")
    assert ("驰远科技", "founder", "张建华") in relations and ("百度", "founder", "张建华") not in relations


def test_agreeing_in_part_is_differing_as_not_agreeing_fully_is():
    x, relations, _ = facts("主持人：欢迎二位。\n\n陈立：平台会赢。\n\n主持人：你怎么看？\n\n"
                            "陶然：我部分同意陈立的判断，但我觉得他低估了平台的粘性。\n")
    assert ("陶然", "differsFrom", "陈立") in relations and ("陶然", "agreesWith", "陈立") not in relations
    assert [c.kind.value for c in x.claims if c.text.startswith("我部分同意")] == ["disagreement"]


def test_a_view_said_to_differ_after_the_one_it_differs_from():
    _, relations, _ = facts("主持人：欢迎二位。\n\n陈立：估值太高了。\n\n主持人：你怎么看？\n\n陶然：我和陈立的看法有点不同。\n")
    assert ("陶然", "differsFrom", "陈立") in relations


def test_disagreeing_with_a_view_quoted_that_no_one_here_said_differs_from_no_one():
    _, relations, _ = facts("主持人：这对药企意味着什么？林总？\n\n林嘉禾：我个人不太同意“医保会扼杀创新药”这种说法。"
                            "进了目录不等于进了医院。\n\n主持人：好。\n")
    assert not [r for r in relations if r[1] == "differsFrom"]


def test_a_bare_disagreement_answering_a_question_about_someones_view_differs_from_them():
    _, relations, _ = facts("主持人：请谈谈。\n\n宋立言：两成的医生会转岗。\n\n主持人：常老师，您怎么看宋老师这个判断？\n\n"
                            "常一鸣：我不完全认同。转岗没那么快。\n\n主持人：好。\n")
    assert ("常一鸣", "differsFrom", "宋老师") in relations
    assert ("常一鸣", "differsFrom", "主持人") not in relations


def test_his_view_is_that_of_the_person_the_turn_named_last_sentences_before():
    _, relations, _ = facts("主持人：请谈谈。\n\n宋立言：两成的医生会转岗。\n\n"
                            "常一鸣：老宋比我激进。他觉得明年就会普及。我不完全同意他的看法。\n\n主持人：好。\n")
    assert ("常一鸣", "differsFrom", "老宋") in relations


def test_a_given_name_with_a_view_called_sound_or_alike_agrees():
    _, relations, _ = facts("主持人：请谈谈。\n\n宋晓川：两成的医生会转岗。\n\n常一鸣：晓川这个提醒有道理。\n\n"
                            "梁慧芳：我的看法和宋晓川差不多。\n\n主持人：好。\n")
    assert {("常一鸣", "agreesWith", "晓川"), ("梁慧芳", "agreesWith", "宋晓川")} <= relations


def test_answering_a_question_with_indeed_agrees_with_no_one():
    _, relations, _ = facts("主持人：门诊和住院有什么不同？我们先请常老师。\n\n常一鸣：确实不太一样，住院更复杂。\n\n"
                            "主持人：那病人的体验呢？大家说说。\n\n宋立言：确实方便多了。\n\n主持人：好。\n")
    assert not any(p == "agreesWith" for _, p, _ in relations)


def test_pushing_back_after_calling_words_the_addressees_differs_from_the_one_addressed():
    _, relations, _ = facts("主持人：各位好。\n\n宋晓川：腾讯去年的流水涨了三成，小厂会越来越难。\n\n"
                            "常一鸣：晓川，你说的那个流水是前年的，今年变了。我觉得不能简单类比。\n\n"
                            "梁慧芳：两个市场不能简单类比。\n\n主持人：好。\n")
    assert ("常一鸣", "differsFrom", "晓川") in relations
    assert not any(s == "梁慧芳" for s, p, _ in relations if p == "differsFrom")  # no one's words called theirs


def test_a_founding_to_come_founds_nothing_yet():
    _, relations, _ = facts("主持人：有什么安排？\n\n韩立：我打算在年底前成立北方人工智能研究院。\n\n主持人：好。\n")
    assert not any(p in ("founder", "worksFor") for _, p, _ in relations)
    _, relations, _ = facts("主持人：后来呢？\n\n韩立：我去年成立了北方人工智能研究院。\n\n主持人：好。\n")
    assert ("北方人工智能研究院", "founder", "韩立") in relations


def test_a_title_right_after_a_name_is_held_at_the_organisation_before_it():
    _, _, roles = facts("主持人：你见过谁？\n\n韩立：我见过腾讯的邵明远董事长，也见过百度张晓峰总裁。\n\n主持人：好。\n")
    assert {("邵明远", "董事长", "腾讯"), ("张晓峰", "总裁", "百度")} <= roles
    _, _, roles = facts("主持人：谁上课？\n\n韩立：陶然教授了一门课。\n\n主持人：好。\n")
    assert not any(person == "陶然" for person, _, _ in roles)


def test_the_heads_of_museums_and_broadcasters_and_curators_are_titles():
    _, _, roles = facts("主持人：馆里怎么看？\n\n何文静：我们馆长郑国栋也同意，江州电视台台长韩立也来看过。\n\n主持人：好。\n")
    assert ("郑国栋", "馆长", None) in roles and ("韩立", "台长", "江州电视台") in roles


def test_a_person_who_is_our_post_holds_it_at_the_speakers_organisation():
    _, relations, roles = facts("主持人：团队呢？\n\n蒋一帆：我现在在腾讯工作。郑凯现在是我们的课程总监。\n\n主持人：好。\n")
    assert ("郑凯", "总监", "腾讯") in roles
    assert {("郑凯", "worksFor", "腾讯"), ("蒋一帆", "colleague", "郑凯")} <= relations


def test_a_title_before_a_name_in_markdown_bold_and_a_physicians_grade_are_read():
    _, _, roles = facts("本期由北方医院呼吸科主任医师**宋立言**教授主持。\n\n### 宋立言\n\n开始吧。\n\n### 陶然\n\n好。\n")
    assert ("宋立言", "主任医师", "北方医院") in roles


def test_a_colleague_named_after_where_or_after_a_post_is_the_speakers_colleague():
    _, relations, _ = facts("陶然：怎么看？\n\n周佩珊：我的同事、南方医院放疗科主任梁越也同意。我以前在北方医院的同事韩立新说过这个问题。\n\n"
                            "陶然：好。\n")
    assert {("周佩珊", "colleague", "梁越"), ("周佩珊", "colleague", "韩立新")} <= relations


def test_a_host_welcoming_our_guest_makes_no_colleague():
    _, relations, _ = facts("主持人：首先有请我们的导演邓岚。\n\n邓岚：大家好。我们的制片人梁越也来了。\n\n主持人：好。\n")
    assert ("邓岚", "colleague", "梁越") in relations
    assert not any(s == "主持人" and p == "colleague" for s, p, _ in relations)


@pytest.mark.parametrize("said, predicate", [
    ("我跟宋立言老师的看法比较接近，需求侧更重要。", "agreesWith"),
    ("这一点我和宋立言可能有分歧，供给侧也重要。", "differsFrom"),
    ("宋立言教授跟我在这个问题上的看法一致。", "agreesWith"),
    ("至于宋立言刚才说的需求侧，我觉得说得对。", "agreesWith"),
    ("我跟宋立言一样，我也押需求侧。", "agreesWith"),
    ("对立言总的观点，我可能有一些不同的看法。", "differsFrom"),
])
def test_views_said_close_to_or_apart_from_someones_name_them(said, predicate):
    _, relations, _ = facts(f"主持人：说说。\n\n宋立言：补贴应该给需求侧。\n\n常一鸣：{said}\n\n主持人：好。\n")
    assert any(s == "常一鸣" and p == predicate and o.startswith("宋立言") for s, p, o in relations)  # 宋立言老师 too


def test_a_different_view_opening_a_turn_differs_from_the_previous_speaker():
    x, relations, _ = facts("主持人：说说。\n\n宋立言：海港会夺冠。\n\n常一鸣：我有不同的看法，申花的阵容更好。\n\n主持人：好。\n")
    assert ("常一鸣", "differsFrom", "宋立言") in relations
    assert any(c.kind.value == "disagreement" for c in x.claims)


def test_an_organisations_officers_listed_after_its_first_hold_their_posts_there():
    _, _, roles = facts("主持人：出席今天会议的有：北辰银行董事长韩立新，行长周启明，首席风险官林哲，作家梁越。\n\n韩立新：谢谢。\n")
    assert {("韩立新", "董事长", "北辰银行"), ("周启明", "行长", "北辰银行"), ("林哲", "首席风险官", "北辰银行")} <= roles
    assert ("梁越", "作家", None) in roles  # a profession, no post of the bank's


@pytest.mark.parametrize("said", ["这个建议很好，我们局里其实也在研究。", "宋立言说的缓存方案我赞成，短期最稳。",
                                  "我倾向于宋立言的意见，换模型更好。"])
def test_praising_a_proposal_approving_of_what_was_said_or_leaning_to_someones_view_agrees(said):
    x, relations, _ = facts(f"主持人：说说。\n\n宋立言：先用缓存方案。\n\n常一鸣：{said}\n\n主持人：好。\n")
    assert ("常一鸣", "agreesWith", "宋立言") in relations
    assert said in [c.text for c in x.claims]


def test_posts_listed_after_a_role_verb_are_each_held_at_their_organisation():
    _, _, roles = facts("记者：请介绍一下。\n\n韩立：我现任星河人寿党委副书记、总经理，曾任中国平安产品部总经理、"
                        "泰康人寿精算部副总经理。\n\n记者：好。\n")
    assert {("韩立", "总经理", "星河人寿"), ("韩立", "总经理", "中国平安"), ("韩立", "副总经理", "泰康人寿精算部")} <= roles
    assert not any("、" in (title or "") for _, title, _ in roles)


def test_a_speaker_who_gives_their_name_then_their_post_holds_it_at_the_organisation_named():
    _, relations, roles = facts("主持人：请介绍一下。\n\n沈岚：我叫沈岚，是竹石科技的联合创始人。\n\n主持人：好。\n")
    assert ("沈岚", "联合创始人", "竹石科技") in roles
    assert {("竹石科技", "founder", "沈岚"), ("沈岚", "worksFor", "竹石科技")} <= relations


def test_a_former_post_at_an_organisation_glossed_in_brackets_is_former():
    _, relations, roles = facts("主持人：前字节跳动（ByteDance）工程师沈岚也在现场。\n\n沈岚：大家好。\n\n主持人：好。\n")
    assert ("沈岚", "formerlyAt", "字节跳动") in relations
    assert ("沈岚", "worksFor", "字节跳动") not in relations


@pytest.mark.parametrize("text, person, org", [
    ("主持人：请介绍一下。\n\n沈岚：顾明远此前曾任竹石资本董事总经理。\n\n主持人：好。\n", "顾明远", "竹石资本"),
    ("主持人：请介绍一下。\n\n沈岚：澜舟科技原CTO梁启航也加入了。\n\n主持人：好。\n", "梁启航", "澜舟科技"),
])
def test_a_post_held_before_is_a_former_affiliation(text, person, org):
    _, relations, _ = facts(text)
    assert (person, "formerlyAt", org) in relations
    assert (person, "worksFor", org) not in relations


def test_a_stint_told_as_done_is_a_former_affiliation_and_one_still_going_on_is_not():
    _, relations, _ = facts("主持人：请讲。\n\n沈岚：在创业之前，我在微软亚洲研究院待了四年。我年轻时在北京大学做过两年博士后。"
                            "我已经在华为做了九年。我在网易一共干了十一年，在京东前后待了八个月。\n\n主持人：好。\n")
    assert {("沈岚", "formerlyAt", "微软亚洲研究院"), ("沈岚", "formerlyAt", "北京大学"),
            ("沈岚", "formerlyAt", "网易"), ("沈岚", "formerlyAt", "京东")} <= relations
    assert ("沈岚", "formerlyAt", "华为") not in relations


def test_a_career_told_year_by_year_leaves_only_its_last_place_current():
    _, relations, _ = facts("主持人：欢迎。\n\n韩立新2008年加入远山证券研究部，2015年加入澜岳基金，2020年创立北辰资本。\n\n"
                            "韩立新：谢谢。\n")
    assert {("韩立新", "formerlyAt", "远山证券"), ("韩立新", "formerlyAt", "澜岳基金"),
            ("韩立新", "worksFor", "北辰资本")} <= relations
    assert not {("韩立新", "worksFor", "远山证券"), ("韩立新", "worksFor", "澜岳基金")} & relations


def test_a_meeting_labels_note_gives_a_title_held_in_a_field_and_no_organisation_from_a_word():
    x, _, _ = facts("陈立(CEO) 00:00:05\n好，我们开始吧。\n\n林晓婷(直播运营总监) 00:00:31\n好的陈总。\n\n"
                    "周浩(供应链负责人) 00:02:03\n我补充一下。\n\n马国栋(外部顾问) 00:03:00\n我说两句。\n")
    posts = {(name(r.person), r.title, r.scope, r.organization) for r in x.roles}
    assert {("陈立", "CEO", None, None), ("林晓婷", "运营总监", "直播", None),
            ("周浩", "负责人", "供应链", None)} <= posts
    assert not [m for m in x.mentions if m.text == "外部"]


def test_a_title_given_after_a_name_glossed_in_brackets():
    _, relations, roles = facts("本期嘉宾：\nMaya Chen（陈美雅），远帆资本董事总经理，专注 AI 应用。\n\n"
                                "主持人：欢迎。\n\n陈美雅：谢谢。\n\n主持人：开始吧。\n")
    assert ("陈美雅", "董事总经理", "远帆资本") in roles and ("陈美雅", "worksFor", "远帆资本") in relations


def test_posts_told_before_a_move_or_in_a_closed_span_of_years_are_former():
    x, relations, roles = facts(
        "主持人：请讲。\n\n沈岚：加入北辰之前，我在上汽集团做了九年，后来在蔚来担任用户运营副总裁。"
        "2016年至2020年我在阿里巴巴担任高级研发工程师。2021年我离开腾讯，自己出来做。"
        "我现在在华为担任总监。2026年至2028年我们会在京东投入更多。\n\n主持人：好。\n")
    assert {("沈岚", "formerlyAt", "上汽集团"), ("沈岚", "formerlyAt", "蔚来"), ("沈岚", "formerlyAt", "阿里巴巴"),
            ("沈岚", "formerlyAt", "腾讯"), ("沈岚", "worksFor", "华为")} <= relations
    assert not {("沈岚", "worksFor", "蔚来"), ("沈岚", "worksFor", "阿里巴巴"), ("沈岚", "formerlyAt", "京东")} & relations
    former = {(r.title, name(r.organization)) for r in x.roles if r.former}
    assert {("运营副总裁", "蔚来"), ("高级研发工程师", "阿里巴巴")} <= former


@pytest.mark.parametrize("text, expected", [
    ("记者：赛前韩立新说你们踢得很保守。\n\n陶然：我尊重他，但是我不同意他的说法。\n\n记者：好。\n",
     ("陶然", "differsFrom", "韩立新")),
    ("主持人：导演韩立新说你演得很好。\n\n陶然：她对我要求很严。不过我完全认同她的方法。\n\n主持人：好。\n",
     ("陶然", "agreesWith", "韩立新")),
])
def test_his_view_in_a_reply_is_the_person_the_turn_before_named_never_the_one_asking(text, expected):
    _, relations, _ = facts(text)
    assert expected in relations
    assert not any(r[2] in ("记者", "主持人") for r in relations)


def test_our_institutes_post_is_held_at_the_speakers_organisation():
    _, relations, roles = facts("主持人：欢迎。\n\n韩立新：我是北辰经济研究院院长韩立新。我们研究院的首席经济学家陶然也在。\n\n主持人：好。\n")
    assert ("陶然", "首席经济学家", "北辰经济研究院") in roles
    assert ("韩立新", "colleague", "陶然") in relations


def test_a_notes_word_before_its_posts_is_the_organisation_whatever_its_ending():
    _, relations, roles = facts("主持人：请两位谈谈。\n\n沈岚（云溪基金 副总经理、投资总监）：我先说。\n\n"
                                "周航（竹石资产 创始合伙人）：我补充。\n\n沈岚：云溪基金今年减持了。\n")
    assert {("沈岚", "副总经理", "云溪基金"), ("周航", "创始合伙人", "竹石资产")} <= roles
    assert {("沈岚", "worksFor", "云溪基金"), ("周航", "worksFor", "竹石资产")} <= relations


@pytest.mark.parametrize("text, org, person", [
    ("启明芯创始人兼CEO宋佳宁认为，这是机会。\n", "启明芯", "宋佳宁"),
    ("主持人：有请澄芯微创始人何立新谈谈。\n", "澄芯微", "何立新"),
])
def test_a_guest_lists_item_may_end_in_a_speech_verb_and_hold_joined_posts(text, org, person):
    _, relations, _ = facts(text)
    assert (org, "founder", person) in relations


def test_an_office_and_post_a_label_gives_before_the_name_are_the_speakers():
    _, relations, roles = facts("主持人：欢迎。\n\n市发改委副主任 韩立新：我介绍一下。\n\n"
                                "市工业和信息化局局长 陶然：我补充。\n\n市发改委副主任 韩立新：好。\n")
    assert {("韩立新", "副主任", "市发改委"), ("陶然", "局长", "市工业和信息化局")} <= roles
    assert {("韩立新", "worksFor", "市发改委"), ("陶然", "worksFor", "市工业和信息化局")} <= relations


def test_a_long_organisation_and_post_run_into_the_name_of_a_government_news_label():
    x, relations, roles = facts(
        "座谈会上，企业负责人先后发言。\n\n市工信局党组成员、副局长钱晓梅：各位好。\n\n"
        "澜岳数据科技有限公司首席执行官吴婧：谢谢钱局。\n\n"
        "恒丰纺织集团有限公司总经理邱建明：我接着说两句。\n\n"
        "华东移动通信临安分公司政企客户部总经理孙浩：我补充。\n\n钱晓梅：谢谢各位。\n")
    assert [t.speaker for t in x.transcript.turns] == ["钱晓梅", "吴婧", "邱建明", "孙浩", "钱晓梅"]
    assert {("钱晓梅", "党组成员", "市工信局"), ("吴婧", "首席执行官", "澜岳数据科技有限公司"),
            ("邱建明", "总经理", "恒丰纺织集团有限公司"), ("孙浩", "总经理", "华东移动通信临安分公司")} <= roles
    assert ("孙浩", "worksFor", "华东移动通信临安分公司") in relations
    assert next(r.scope for r in x.roles if name(r.person) == "孙浩") == "政企客户部"


def test_a_records_heading_naming_the_part_and_who_takes_it_opens_their_speech_with_their_post():
    x, relations, roles = facts(
        "【主持】协会秘书长 韩立新\n\n各位代表，下午好。首先请陶然局长发言。\n\n"
        "【发言】市农业农村局局长 陶然\n\n谢谢立新秘书长。我讲两点。\n\n第一，数据要统一。\n\n"
        "【发言】澜岳农机专业合作社理事长 周一鸣\n\n我同意陶局长。\n\n【自由讨论】\n\n陶然：我再补充一句。\n")
    assert [t.speaker for t in x.transcript.turns] == ["韩立新", "陶然", "周一鸣", "陶然"]
    assert {("陶然", "局长", "市农业农村局"), ("周一鸣", "理事长", "澜岳农机专业合作社")} <= roles
    assert ("陶然", "worksFor", "市农业农村局") in relations


def test_a_speaker_labels_note_gives_the_speakers_post_and_organisation():
    _, relations, roles = facts("主持人：下面提问。\n\n分析师（远山证券 首席分析师 邓一凡）：毛利率呢？\n\n"
                                "韩立（首席财务官）：会改善。\n\n分析师（远山证券 邓一凡）：谢谢。\n\n"
                                "分析师（北辰资本 梁越）：分红呢？\n\n韩立：会提高。\n")
    assert {("邓一凡", "首席分析师", "远山证券"), ("韩立", "首席财务官", None), ("梁越", "分析师", "北辰资本")} <= roles
    assert sum(1 for person, _, _ in roles if person == "邓一凡") == 1  # once, though two labels say it
    assert {("邓一凡", "worksFor", "远山证券"), ("梁越", "worksFor", "北辰资本")} <= relations


def test_an_audience_askers_note_gives_their_firm_unless_it_leaves_the_firm_unnamed():
    _, _, roles = facts("主持人：下面提问。\n\n观众提问（远山证券分析师）：毛利率呢？\n\n韩立：会改善。\n\n"
                        "观众提问（某保险公司）：出错谁负责？\n\n韩立：人负责。\n")
    assert ("观众提问（远山证券分析师）", "分析师", "远山证券") in roles
    assert not any(org and org.startswith("某") for _, _, org in roles)


def test_a_lawyer_called_by_surname_is_agreed_with_and_consent_asked_for_is_no_agreement():
    from talkgraph.extract.model import Predicate
    _, relations, _ = facts("主持人：草案规定要告知用户。\n\n鲁一鸣：我认为人脸信息必须取得用户的单独同意。\n\n"
                            "裴雨桐：我同意鲁律师的看法。\n\n宋晓棠：我觉得学习机有用。\n\n许大宇：这个我不太同意哈宋老师。\n")
    agreeing = {(s, p.name, o) for s, p, o in relations if p in (Predicate.AGREES_WITH, Predicate.DIFFERS_FROM)}
    assert agreeing == {("裴雨桐", "AGREES_WITH", "鲁律师"), ("许大宇", "DIFFERS_FROM", "宋老师")}


@pytest.mark.parametrize("reply, predicate", [
    ("宋总说的有道理，但是海外的情况不一样，所以我还是坚持先做国内。", "DIFFERS_FROM"),
    ("我同意宋总的看法，不过我仍然觉得先做国内更稳。", "DIFFERS_FROM"),
    ("宋总说得对，但我想补充一点数据。", "AGREES_WITH"),  # adding to a view is no differing from it
])
def test_a_point_conceded_before_holding_ones_own_view_differs(reply, predicate):
    from talkgraph.extract.model import Predicate
    _, relations, _ = facts(f"主持人：请宋总先说。\n\n宋立言：我认为出海是今年的重点。\n\n韩振宇：{reply}\n")
    stances = {(s, p.name, o) for s, p, o in relations if p in (Predicate.AGREES_WITH, Predicate.DIFFERS_FROM)}
    assert stances == {("韩振宇", predicate, "宋总")}


def test_a_post_at_an_organisation_after_qian_is_a_former_one_said_by_oneself_or_of_him():
    _, relations, roles = facts("主持人：欢迎。\n\n陈思宁：我是前字节跳动的产品总监。我的合伙人叫欧阳骏，他是前北辰科技的技术总监。"
                                "周睿也在，他是江淮大学的博士。\n\n主持人：好。\n")
    assert {("陈思宁", "产品总监", "字节跳动"), ("欧阳骏", "技术总监", "北辰科技")} <= roles
    assert {("陈思宁", "formerlyAt", "字节跳动"), ("欧阳骏", "formerlyAt", "北辰科技")} <= relations
    assert not any(p == "worksFor" for _, p, _ in relations)  # 他是…的博士: studied there, no post held
    assert ("欧阳骏", "技术总监", None) not in roles  # the post once, at its organisation


def test_a_post_told_as_held_or_held_before_leaving_is_a_former_one():
    _, relations, roles = facts("主持人：介绍一下。\n\n许言：李明之前在英伟达做了七年架构师，后来在华为海思负责过芯片，"
                                "2021年创办了燧芯科技。周嘉禾2016年加入字节跳动，离职前是百度的产品副总裁。\n\n李明：对。\n")
    former = {(s, o) for s, p, o in relations if p.name == "FORMERLY_AT"}
    assert {("李明", "英伟达"), ("李明", "海思"), ("周嘉禾", "百度")} <= former
    assert ("李明", "海思") not in {(s, o) for s, p, o in relations if p.name == "WORKS_FOR"}
    assert ("周嘉禾", "产品副总裁", "百度") in roles


@pytest.mark.parametrize("gap", [" ", ""])
def test_in_a_list_of_guests_each_is_at_their_own_organisation_not_the_one_before(gap):
    _, relations, roles = facts(f"主持人：今天的嘉宾是北京协和医院放射科主任{gap}金立新教授、复旦大学附属中山医院心内科主任{gap}许慧琴教授、"
                                f"四川大学华西医院病理科副主任{gap}罗振宇教授。\n\n金立新：谢谢。\n\n许慧琴：谢谢。\n")
    works_for = {(s.removesuffix("教授"), o) for s, p, o in relations if p.name == "WORKS_FOR"}
    assert works_for == {("金立新", "北京协和医院"), ("许慧琴", "复旦大学附属中山医院"), ("罗振宇", "四川大学华西医院")}


def test_at_a_companys_own_meeting_a_post_that_names_no_organisation_is_held_at_that_company():
    _, relations, roles = facts("远航光能科技股份有限公司\n2024年年度股东大会投资者问答纪要\n\n"
                                "出席人员：董事长方立宇，总裁孙立言，独立董事郑启年（南京大学教授）\n\n"
                                "股东提问：今年怎么看？\n\n董事长 方立宇：我认为会好转。\n\n股东提问：海外呢？\n\n总裁 孙立言：在恢复。\n")
    works_for = {(s, o) for s, p, o in relations if p.name == "WORKS_FOR"}
    assert {("方立宇", "远航光能科技股份有限公司"), ("孙立言", "远航光能科技股份有限公司")} <= works_for
    assert ("郑启年", "教授", "远航光能科技股份有限公司") not in roles


def test_agreeing_with_this_view_meets_the_one_whose_saying_the_sentence_before_told():
    from talkgraph.extract.model import Predicate
    _, said, _ = facts("主持人：怎么看？\n\n陈一帆：梁文涛也说过，中国公司不能永远做跟随者。我非常认同这个观点。\n\n主持人：好。\n")
    _, described, _ = facts("主持人：怎么看？\n\n陈一帆：梁文涛是个很低调的人。我非常认同这个观点。\n\n主持人：好。\n")
    assert ("陈一帆", Predicate.AGREES_WITH, "梁文涛") in said
    assert not any(p is Predicate.AGREES_WITH for _, p, _ in described)


def test_a_clause_with_a_subject_of_its_own_takes_no_maker_from_the_clause_before():
    from talkgraph.extract.model import Predicate
    _, relations, _ = facts("主持人：怎么看？\n\n郑一凡：后来OpenAI在2024年发布了o1，DeepSeek在2025年初开源了DeepSeek-R1。\n\n主持人：好。\n")
    creators = {(s, o) for s, p, o in relations if p is Predicate.CREATOR}
    assert ("o1", "OpenAI") in creators and ("DeepSeek-R1", "OpenAI") not in creators


def test_telling_the_one_spoken_to_they_are_right_agrees_with_them():
    from talkgraph.extract.model import Predicate
    _, relations, _ = facts("陈建国：你们必须按首次报修的时间来算。\n\n刘思雨：您说得有道理，确实应该按首次报修的时间来算。\n\n陈建国：好。\n")
    assert ("刘思雨", Predicate.AGREES_WITH, "陈建国") in relations


def test_a_person_described_by_degree_holds_no_post_but_one_introduced_so_does():
    _, _, described = facts("主持人：怎么看？\n\n苏眉：马化云是一个很内敛的工程师。\n\n主持人：好。\n")
    _, _, introduced = facts("主持人：介绍。\n\n苏眉：我是一名资深的产品经理。\n\n主持人：好。\n")
    assert not any(title == "工程师" for _, title, _ in described)
    assert ("苏眉", "产品经理", None) in introduced


def test_the_field_a_post_is_held_in_is_its_scope_where_no_organisation_is_named():
    x, _, _ = facts("主持人：好。\n\n周若溪：聂天乐先生上个月正式加入，担任智能驾驶副总裁。他之前担任公司副总裁。\n\n主持人：好。\n")
    posts = {(name(r.person), r.title, r.scope) for r in x.roles}
    assert ("聂天乐先生", "副总裁", "智能驾驶") in posts
    assert not [p for p in posts if p[2] in ("公司", "我们")]


def test_a_one_word_latin_name_a_known_company_has_is_its_product_and_the_company_its_maker():
    from talkgraph.extract.model import Predicate
    _, relations, _ = facts("主持人：你们用什么？\n\n何一舟：开会用的是微软的Teams，排期用甲骨文的Primavera。\n\n主持人：好。\n")
    creators = {(s, o) for s, p, o in relations if p is Predicate.CREATOR}
    assert {("Teams", "微软"), ("Primavera", "Oracle")} <= creators  # 甲骨文 by its lexicon name


def test_titles_joined_by_jian_with_spaces_around_a_latin_title_are_held_together():
    from talkgraph.extract.model import Predicate
    _, relations, roles = facts("主持人：欢迎岚峰科技联合创始人兼 CTO 陶一川。\n\n陶一川：谢谢。\n")
    assert ("岚峰科技", Predicate.FOUNDER, "陶一川") in relations
    assert ("陶一川", "联合创始人兼 CTO", "岚峰科技") in roles


def test_reserving_judgement_dampening_or_a_view_agreed_on_meets_the_previous_speaker():
    from talkgraph.extract.model import Predicate

    def stance(reply: str) -> set:
        _, relations, _ = facts(f"主持人：怎么看？\n\n韩立平：我认为开源一定会赢，明年就能追上。\n\n周敏：{reply}\n\n主持人：好。\n")
        return {p for s, p, o in relations if (s, o) == ("周敏", "韩立平")}

    for reply in ("我还是持保留意见，风险太大。", "我稍微泼一点冷水，这个太乐观了。", "我想唱个反调，开源未必会赢。",
                  "我说一下不同的看法，闭源还有优势。", "我不赞成这么早下结论。", "我同意一半。", "韩总，我对明年这个判断有点保留。"):
        assert stance(reply) == {Predicate.DIFFERS_FROM}, reply
    assert stance("这一点我们看法一致，数据最重要。") == {Predicate.AGREES_WITH}
    assert stance("这些功能我们都有一些保留，后面再说。") == set()  # kept, not reserved about


def test_a_title_after_a_name_and_a_space_as_a_caption_or_guest_list_writes_it():
    _, relations, roles = facts("那时候做灵巧手的团队很少。\n——韦立明 江淮大学机器人研究所所长\n人的一只手有二十七块骨头。\n"
                                "——陶一卓 灵犀动力科技有限公司创始人、CEO\n")
    assert ("韦立明", "所长", "江淮大学机器人研究所") in roles
    assert ("陶一卓", "创始人、CEO", "灵犀动力科技有限公司") in roles
    _, _, spoken = facts("主持人：韦立明 说得对，我们继续。\n\n韦立明：好。\n")
    assert not any(person == "韦立明" for person, _, _ in spoken)


def test_a_post_at_an_organisation_in_a_clause_describing_someone_is_theirs_not_the_speakers():
    _, relations, roles = facts("主持人：您怎么看？\n\n韦立衡：我的老同事、现在在华泰证券做首席宏观分析师的陶一远，"
                                "他认为货币政策应该更激进。\n\n主持人：好。\n")
    assert not any(person == "韦立衡" and org == "华泰证券" for person, _, org in roles)
    assert ("陶一远", "worksFor", "华泰证券") in {(s, p.value, o) for s, p, o in relations}


def test_calling_someone_right_or_of_one_view_with_them_agrees_with_them():
    from talkgraph.extract.model import Predicate

    def stance(reply: str) -> set:
        _, relations, _ = facts(f"主持人：怎么看？\n\n周启川：我认为储能明年会继续降价，价格战还会打一年。\n\n林伟成：{reply}\n\n主持人：好。\n")
        return {p for s, p, o in relations if s == "林伟成" and o == "周启川"}

    assert stance("我觉得周启川是对的。") == {Predicate.AGREES_WITH}
    assert stance("这一点我跟周启川看法一致，出海是机会。") == {Predicate.AGREES_WITH}
    assert stance("周启川是对的吗？") == set()


def test_calling_the_one_just_named_right_by_a_pronoun_agrees_with_them():
    from talkgraph.extract.model import Predicate
    _, relations, _ = facts("主持人：你的老领导怎么看？\n\n林伟成：我在松下时候的老领导韦国栋专门打电话劝我。"
                            "我觉得他说得对，但供应链已经成熟了。\n\n主持人：好。\n")
    assert ("林伟成", Predicate.AGREES_WITH, "韦国栋") in relations
    _, alone, _ = facts("主持人：怎么看？\n\n林伟成：他说得对。\n\n主持人：好。\n")
    assert not any(p is Predicate.AGREES_WITH for _, p, _ in alone)  # no one named: whom 他 means, unsaid


def test_every_partner_listed_in_a_founding_together_founded_it_and_no_organisation_does():
    from talkgraph.extract.model import Predicate
    _, relations, _ = facts("主持人：介绍一下？\n\n韩立峰：2021年，我和蒋若澜、韦一飞一起在上海创立了极栈能源。\n\n主持人：好。\n")
    founders = {o for s, p, o in relations if p is Predicate.FOUNDER and s == "极栈能源"}
    assert founders == {"韩立峰", "蒋若澜", "韦一飞"}
    _, earlier, _ = facts("主持人：介绍一下？\n\n柯建明：2012年加入安克创新，做过渠道负责人，2019年和室友蒋一帆在深圳创立栖木家居。\n\n主持人：好。\n")
    assert not any(p is Predicate.FOUNDER and o in ("安克", "安克创新") for s, p, o in earlier)


def test_a_host_introducing_guests_one_clause_each_gives_each_their_own_posts():
    _, relations, roles = facts(
        "主持人：欢迎三位嘉宾：曾在澄观汽车工作八年、现任远帆集团副总裁的孟立川先生，曾任北辰研究院研究员、"
        "现任青禾电池首席科学家的韩书遥女士，以及先后供职于澄观汽车和岭川医疗、现任海岳资本合伙人的陆明哲先生。\n"
        "孟立川：谢谢。\n韩书遥：谢谢。\n陆明哲：谢谢。\n")
    relations = {(person.removesuffix("先生").removesuffix("女士"), predicate, org) for person, predicate, org in relations}
    roles = {(person.removesuffix("先生").removesuffix("女士"), title, org) for person, title, org in roles}
    assert ("孟立川", "formerlyAt", "澄观汽车") in relations
    assert ("韩书遥", "formerlyAt", "北辰研究院") in relations and ("韩书遥", "worksFor", "青禾电池") in relations
    assert ("韩书遥", "首席科学家", "青禾电池") in roles
    assert {("陆明哲", "formerlyAt", "澄观汽车"), ("陆明哲", "formerlyAt", "岭川医疗")} <= relations
    assert not {r for r in relations if r[0] == "孟立川" and r[2] in ("北辰研究院", "青禾电池")}
    assert not {r for r in relations if r[0] == "韩书遥" and r[2] in ("澄观汽车", "岭川医疗")}


def test_a_post_said_now_after_posts_once_held_is_current():
    _, relations, roles = facts("张三：我曾任北辰研究院研究员、现任青禾电池首席科学家。\n李四：好。\n")
    assert ("张三", "formerlyAt", "北辰研究院") in relations
    assert ("张三", "worksFor", "青禾电池") in relations and ("张三", "formerlyAt", "青禾电池") not in relations


def test_having_worked_somewhere_once_or_in_turn_is_a_former_affiliation():
    _, relations, _ = facts("张三：我曾供职于远帆集团，后来自己创业。\n李四：好。\n")
    assert ("张三", "formerlyAt", "远帆集团") in relations and ("张三", "worksFor", "远帆集团") not in relations
    _, relations, _ = facts("张三：我之前在远帆集团和青禾电池工作过。\n李四：好。\n")
    assert {("张三", "formerlyAt", "远帆集团"), ("张三", "formerlyAt", "青禾电池")} <= relations


def test_a_council_member_holds_a_post_at_the_council():
    _, relations, roles = facts("主持人：欢迎北辰汽车工程学会理事孟立川。\n孟立川：谢谢。\n")
    assert ("孟立川", "理事", "北辰汽车工程学会") in roles


def test_agreeing_with_the_two_who_spoke_before_names_both():
    _, relations, _ = facts("主持人：两位怎么看？\n王海涛：我觉得三年内会落地。\n主持人：李总？\n李明：我觉得五年。\n"
                            "主持人：赵总呢？\n赵刚：我同意两位老师的判断，时间不会太久。\n")
    assert {("赵刚", "agreesWith", "王海涛"), ("赵刚", "agreesWith", "李明")} <= relations
    assert ("赵刚", "agreesWith", "主持人") not in relations


def test_a_place_said_to_be_today_s_after_one_of_the_past_is_no_former_affiliation():
    _, relations, _ = facts("方昊：我跟以前在远帆集团的同事、现在在北辰研究院做招聘负责人的罗一鸣聊过。\n杨帆：好。\n")
    assert ("罗一鸣", "worksFor", "北辰研究院") in relations
    assert not {r for r in relations if r[2] == "北辰研究院" and r[1] == "formerlyAt"}


def test_we_before_the_body_it_belongs_to_is_no_subject():
    _, relations, _ = facts("方昊：我们的产品经理莫婉清是我们学校毕业的，之前在远帆集团做了五年。\n杨帆：好。\n")
    assert ("莫婉清", "formerlyAt", "远帆集团") in relations and ("方昊", "formerlyAt", "远帆集团") not in relations


def test_the_people_a_colon_lists_as_an_organisations_team_hold_their_posts_there():
    _, relations, roles = facts("北辰汽车的管理层大多有头部公司的背景：联合创始人、总裁韩斌，前蔚来汽车用户发展副总裁；"
                                "智能驾驶负责人唐一鸣，前小鹏汽车高级总监；CFO 许蔓，前高盛董事总经理。今天请来了主持人王芳。\n")
    assert {("韩斌", "worksFor", "北辰汽车"), ("唐一鸣", "worksFor", "北辰汽车"), ("许蔓", "worksFor", "北辰汽车"),
            ("北辰汽车", "founder", "韩斌")} <= relations
    assert ("许蔓", "CFO", "北辰汽车") in roles and ("韩斌", "formerlyAt", "蔚来") in relations
    assert not {r for r in relations if r[0] == "王芳" and r[2] == "北辰汽车"}


def test_a_former_post_opening_a_guests_list_of_posts_stays_former():
    _, relations, roles = facts("主持人：欢迎前远帆集团产品负责人、现任青禾电池副总裁杜若琳。\n杜若琳：谢谢。\n")
    assert ("杜若琳", "formerlyAt", "远帆集团") in relations and ("杜若琳", "worksFor", "远帆集团") not in relations
    _, relations, _ = facts("主持人：好。\n孟立川：还有前远帆集团产品负责人、现青禾电池副总裁杜若琳。\n")
    assert ("杜若琳", "formerlyAt", "远帆集团") in relations and ("杜若琳", "worksFor", "青禾电池") in relations


def test_posts_listed_after_a_name_are_held_at_the_first_ones_organisation_and_no_post_is_passed_over():
    x, relations, roles = facts("出席嘉宾：\n严思哲，中国科学院声学研究所研究员、语音交互团队负责人\n"
                                "钱明澈，中国科学院海洋研究所研究员、博士生导师\n\n主持人：欢迎。\n\n严思哲：谢谢。\n")
    assert ("严思哲", "研究员", "中国科学院声学研究所") in roles and ("严思哲", "负责人", "中国科学院声学研究所") in roles
    assert next(r.scope for r in x.roles if r.title == "负责人") == "语音交互团队"
    assert ("钱明澈", "worksFor", "中国科学院海洋研究所") in relations


def test_posts_that_end_in_the_next_ones_name_are_not_the_one_named_before():
    _, relations, roles = facts("今天我们邀请到省数据局局长严思哲先生，省科学技术厅党组成员、副厅长钱明澈女士。\n")
    assert not any(person == "严思哲" and org == "省科学技术厅" for person, _, org in roles)
    assert ("钱明澈", "worksFor", "省科学技术厅") in relations or ("钱明澈女士", "worksFor", "省科学技术厅") in relations


def test_a_founders_bare_title_is_of_the_company_the_clauses_before_describe():
    _, relations, _ = facts("主持人：投了什么？\n\n孟一凡：我们去年领投了蓝澄科技的B轮，这是一家做泳池机器人的公司，创始人严思哲之前在大疆。\n")
    assert {("蓝澄科技", "founder", "严思哲"), ("严思哲", "worksFor", "蓝澄科技")} <= relations
    _, relations, _ = facts("主持人：投了什么？\n\n孟一凡：我们投了蓝澄科技，钱明澈说创始人严思哲很能干。\n")
    assert not any(p == "founder" for _, p, _ in relations)


def test_agreeing_after_a_bare_reply_agrees_with_the_view_before_it():
    _, relations, _ = facts("周屹 00:49:35\n我的结论是二测不接大模型，先做预研。大家有没有不同意见？\n\n韩东来 00:49:58\n没有。\n\n"
                            "沈妙妙 00:50:00\n同意。\n\n韩东来 00:50:10\n那我先去改排期。\n\n周屹 00:50:20\n好。\n")
    assert ("沈妙妙", "agreesWith", "周屹") in relations and ("沈妙妙", "agreesWith", "韩东来") not in relations


def test_a_clause_after_the_speakers_phrase_naming_a_colleague_is_about_the_colleague():
    _, relations, _ = facts("主持人：你怎么看？\n\n严思哲：我在百度的一位老同事，后来去了月之暗面，他说还差得远。\n")
    assert not any(s == "严思哲" and o == "月之暗面" for s, _, o in relations)
    _, relations, _ = facts("主持人：你怎么看？\n\n严思哲：我后来去了月之暗面，做了两年。\n")
    assert any(s == "严思哲" and o == "月之暗面" for s, _, o in relations)


def test_a_person_after_a_preposition_or_named_as_a_teacher_is_no_subject_of_the_clauses_after():
    _, relations, roles = facts("主持人：介绍一下。\n\n严思哲：2018年我被钱明澈挖到蔚来，曾任蔚来汽车产品负责人。\n\n主持人：好。\n")
    assert ("严思哲", "formerlyAt", "蔚来") in relations and not any(p == "钱明澈" for p, _, _ in roles)
    _, relations, _ = facts("主持人：他读博时导师是钱明澈老师，博士期间在波士顿动力实习过半年。\n\n严思哲：对。\n")
    assert not any(s.startswith("钱明澈") and o == "波士顿动力" for s, _, o in relations)
    _, relations, _ = facts("主持人：介绍一下。\n\n严思哲：对。2018 年我被钱明澈挖到蔚来。\n\n主持人：2021 年，他离开蔚来，在合肥创办曜驰汽车。\n\n严思哲：对。\n")
    assert not any(s == "钱明澈" for s, _, _ in relations)


def test_a_cast_list_above_a_rule_gives_each_persons_posts_and_no_turns():
    x, relations, roles = facts("出场人员：\n主持人：罗文（北辰互娱品牌中心）\n韩立新：北辰互娱联合创始人、《夜航》制作人\n"
                                "陶然：高通公司中国区产品市场总监\n\n——————————\n\n罗文：大家晚上好。\n\n"
                                "韩立新：谢谢罗文。我们做了三年。\n\n陶然：恭喜。\n")
    assert [t.speaker for t in x.transcript.turns] == ["罗文", "韩立新", "陶然"]
    assert ("韩立新", "联合创始人", "北辰互娱") in roles and ("陶然", "产品市场总监", "高通公司") in roles
    assert ("北辰互娱", "founder", "韩立新") in relations


def test_a_company_the_speaker_says_was_founded_by_them_and_a_partner_has_both_as_founders():
    _, relations, _ = facts("主持人：介绍一下公司。\n\n周立：北辰互娱是 2019 年我和陈昊一起在成都创立的，现在有两百人。\n")
    assert {("北辰互娱", "founder", "周立"), ("北辰互娱", "founder", "陈昊")} <= relations


def test_a_company_joined_with_jin_in_a_year_and_left_later_is_a_former_one():
    _, relations, _ = facts("主持人：说说经历。\n\n周立：我2008年进华为，在无线部门做了十年。2018年我出来创办了青枫影业。\n")
    assert ("周立", "formerlyAt", "华为") in relations
    _, relations, _ = facts("主持人：说说经历。\n\n周立：我们2019年引进华为的设备，后来又扩了产线。\n")
    assert not any(r[1] == "formerlyAt" for r in relations)


def test_being_admitted_to_a_school_is_no_job_there():
    _, relations, _ = facts("主持人：说说经历。\n\n周立：我1978年考进成都医学院，毕业后一直当医生。\n")
    assert not any(r[0] == "周立" and r[2] == "成都医学院" and r[1] == "worksFor" for r in relations)


def test_posts_listed_before_a_name_stop_at_the_person_named_before():
    _, relations, roles = facts("（图）北辰县委常委、副县长韩晓燕（中）、合作社理事长杨立明（左）在直播间。\n\n"
                                "主持人：欢迎。\n\n韩晓燕：谢谢。\n\n杨立明：谢谢。\n")
    assert ("韩晓燕", "常委、副县长", "北辰县委") in roles
    assert not any(person == "杨立明" and title == "常委" for person, title, _ in roles)


def test_coming_back_to_china_after_joining_a_lab_abroad_makes_the_lab_a_former_one():
    _, relations, _ = facts("主持人：我介绍一下韩立新。他2017年加入北辰量子实验室，担任研究科学家。"
                            "2020年底他回国，全职加入南方大学。\n\n韩立新：谢谢。\n")
    assert ("韩立新", "formerlyAt", "北辰量子实验室") in relations
    assert ("韩立新", "worksFor", "北辰量子实验室") not in relations


@pytest.mark.parametrize("answer", ["我2011年去了云帆科技，待了六年，然后出来创业。",
                                    "我2011年加入云帆科技，在那里干了六年。",
                                    "我2011年加入云帆科技，在供应链部门做了六年，最后是总监。"])
def test_a_stint_told_after_joining_makes_the_joined_place_a_former_one(answer):
    _, relations, _ = facts(f"主持人：讲讲你的经历。\n\n韩立：{answer}\n")
    assert ("韩立", "formerlyAt", "云帆科技") in relations
    assert ("韩立", "worksFor", "云帆科技") not in relations


def test_a_stint_still_going_on_after_joining_is_the_current_one():
    _, relations, _ = facts("主持人：讲讲你的经历。\n\n韩立：我2011年加入云帆科技，在杭州已经干了六年。\n")
    assert ("韩立", "worksFor", "云帆科技") in relations


def test_a_clause_saying_what_the_speaker_is_now_gives_the_current_post():
    _, relations, roles = facts("主持人：讲讲你的经历。\n\n韩立：我在云帆科技干了八年，现在是澜海生物的董事长。\n")
    assert ("韩立", "formerlyAt", "云帆科技") in relations
    assert ("韩立", "worksFor", "澜海生物") in relations and ("韩立", "董事长", "澜海生物") in roles
    _, relations, _ = facts("主持人：讲讲你的经历。\n\n韩立：我们去年融了一轮，现在是公司最好的时候。\n")
    assert not relations


def test_posts_listed_after_cengren_are_all_former_up_to_another_mark():
    _, relations, _ = facts("主持人：曾任云帆科技副总裁、澜海生物首席科学家的韩立来了。\n")
    assert {("韩立", "formerlyAt", "云帆科技"), ("韩立", "formerlyAt", "澜海生物")} <= relations
    _, relations, _ = facts("主持人：曾任云帆科技副总裁、现任澜海生物首席科学家的韩立来了。\n")
    assert ("韩立", "worksFor", "澜海生物") in relations
    _, relations, _ = facts("主持人：曾任云帆科技副总裁、现兼任澜海生物顾问的韩立来了。\n")
    assert ("韩立", "worksFor", "澜海生物") in relations


def test_the_past_of_a_description_is_not_the_joinings():
    _, relations, _ = facts("主持人：曾经在云帆科技工作的韩立加入了澜海生物。\n")
    assert ("韩立", "formerlyAt", "澜海生物") not in relations


def test_the_year_of_joining_is_when_the_current_affiliation_began():
    x, relations, _ = facts("主持人：讲讲你的经历。\n\n韩立：我2019年加入了澜海生物，现在负责研发。\n")
    assert [(name(r.object), r.since) for r in x.relations if r.predicate == "worksFor"] == [("澜海生物", "2019")]


def test_our_post_is_at_the_company_the_speaker_is_at_now_not_one_joined_before():
    _, _, roles = facts("主持人：介绍一下团队。\n\n韩立：我2016年加入了云帆科技，负责供应链。\n\n"
                        "主持人：现在呢？\n\n韩立：现在我是澜海生物的CEO。我们的CFO周宁之前在普华永道。\n")
    assert ("周宁", "CFO", "澜海生物") in roles


def test_the_founders_named_after_the_organisation_founded_it_in_the_year_said():
    x, relations, _ = facts("主持人：云帆科技由张立群于2015年在杭州创办，澜海生物是周宁和李明一起创立的。\n")
    assert {("云帆科技", "founder", "张立群"), ("澜海生物", "founder", "周宁"), ("澜海生物", "founder", "李明")} <= relations
    assert {r.since for r in x.relations if name(r.subject) == "云帆科技"} == {"2015"}
    for text in ("主持人：云帆科技由张立群领投。\n", "主持人：云帆科技是张立群最看好的公司，成立于2015年。\n"):
        assert not any(p == "founder" for _, p, _ in facts(text)[1])


def test_a_show_notes_dash_between_a_name_and_the_post():
    _, relations, roles = facts("本期嘉宾：\n林晓棠——青杉创投副总裁，早年在饿了么战略部\n许文 - 岚序资本合伙人\n\n"
                                "晓棠：大家好。\n\n许文：好。\n")
    assert ("林晓棠", "副总裁", "青杉创投") in roles and ("林晓棠", "worksFor", "青杉创投") in relations
    assert ("许文", "worksFor", "岚序资本") in relations


def test_a_cofounder_titled_alone_cofounded_the_one_company_the_text_gives_founders():
    text = ("编者按：栖禾医数是一家做医疗软件的公司。2019年周子航在杭州创立了栖禾医数。我们在办公室聊了三个小时，"
            "期间联合创始人兼CTO许放也加入了讨论。\n\n"
            "主持人：许放是怎么加入的？\n\n周子航：许放是我大学的师弟，他后来去了百度，在那里做技术负责人。\n")
    _, relations, _ = facts(text)
    assert ("栖禾医数", "founder", "周子航") in relations
    assert ("栖禾医数", "founder", "许放") in relations
    assert ("百度", "founder", "许放") not in relations


def test_a_guest_who_leaves_out_their_i_joined_where_the_clause_says_and_a_stint_told_after_makes_it_former():
    _, relations, _ = facts("主持人：先讲讲你的经历吧。\n\n林思远：2014 年回国，加入星河药业的计算化学部，一待就是五年，"
                            "走的时候是高级总监。\n\n主持人：然后呢？\n")
    assert ("林思远", "formerlyAt", "星河药业") in relations
    assert ("林思远", "worksFor", "星河药业") not in relations


def test_a_join_whose_clause_holds_more_than_a_time_is_no_guests_own():
    _, relations, _ = facts("主持人：为什么？\n\n沈思远：带我的黄启明博士跟我说了一句话。黄博士后来2018年去了蔚来，"
                            "现在在做储能。\n\n主持人：好。\n")
    assert not any(s == "沈思远" and o == "蔚来" for s, _, o in relations)


def test_founders_said_with_shi_and_listed_after_one_title_are_each_a_founder():
    _, relations, _ = facts("主持人：介绍一下。\n\n嘉宾：我们投了曜芯科技，创始人是孟凡和许朗，两个人都是中芯出来的。\n\n主持人：好。\n")
    assert {("曜芯科技", "founder", "孟凡"), ("曜芯科技", "founder", "许朗")} <= relations
    _, relations, _ = facts("主持人：介绍一下。\n\n嘉宾：曜芯科技的创始人是孟凡。\n\n主持人：好。\n")
    assert ("曜芯科技", "founder", "孟凡") in relations


def test_a_person_after_a_founder_and_he_meaning_with_is_no_founder():
    _, relations, _ = facts("主持人：介绍一下。\n\n嘉宾：曜芯科技创始人孟凡和许朗聊过这件事。\n\n主持人：好。\n")
    assert ("曜芯科技", "founder", "孟凡") in relations and ("曜芯科技", "founder", "许朗") not in relations


def test_a_firm_one_is_at_said_first_by_what_it_is_and_then_by_name():
    _, relations, _ = facts("主持人：介绍一下。\n\n宁思源：我之前在宁德时代做电池系统工程师，现在在一家储能创业公司，叫启衡储能，做BMS。\n\n主持人：好。\n")
    assert ("宁思源", "worksFor", "启衡储能") in relations
    _, relations, _ = facts("主持人：介绍一下。\n\n宁思源：我以前在一家做芯片的公司，叫澜芯微，做了三年。\n\n主持人：好。\n")
    assert ("宁思源", "formerlyAt", "澜芯微") in relations


def test_a_post_after_a_name_is_read_past_a_bracketed_note_holding_a_comma():
    _, relations, roles = facts("一、答辩委员会组成\n\n委员：李晓兰，北辰大学人工智能研究院研究员（外校专家，线上）\n\n"
                                "王振国：好，开始。\n李老师：好。\n")
    assert ("李晓兰", "worksFor", "北辰大学人工智能研究院") in relations


def test_an_organisations_post_a_comma_and_the_name_of_who_holds_it():
    _, relations, roles = facts("主持人：我们今天连线了岚川科技的产品副总裁，宋雨桐宋总。宋总您好？\n\n宋雨桐：主持人好。\n")
    assert ("宋雨桐", "产品副总裁", "岚川科技") in roles and ("宋雨桐", "worksFor", "岚川科技") in relations
    _, _, roles = facts("主持人：今天的嘉宾是衡川生物的联合创始人兼 CTO，周思齐，周博士。\n\n周思齐：大家好。\n")
    assert ("周思齐", "联合创始人兼 CTO", "衡川生物") in roles


def test_a_post_before_a_comma_is_not_of_a_name_the_next_clause_says_something_of():
    _, _, roles = facts("主持人：他是岚川科技的产品副总裁，宋雨桐挖他过去的。\n\n宋雨桐：对。\n")
    assert not any(person == "宋雨桐" for person, _, _ in roles)
    _, _, roles = facts("主持人：我以前是产品经理，宋雨桐是我的老板。\n\n宋雨桐：对。\n")
    assert not any(person == "宋雨桐" and title == "产品经理" for person, title, _ in roles)


def test_the_firm_after_the_dash_of_a_calls_label_is_the_speakers():
    call = Path(__file__).resolve().parents[1] / "fixtures" / "transcripts" / "earnings_call.txt"
    _, relations, _ = facts(call.read_text(encoding="utf-8"))
    assert ("Paul Adeyemi", "worksFor", "高盛") in relations


def test_a_firm_founded_when_the_story_is_told_from_is_the_founders_and_no_former_one():
    _, relations, _ = facts("主持人：请陈睿介绍一下。\n\n陈睿：2021年我在深圳创立帆迹的时候，只有五个人。\n\n主持人：好。\n")
    assert {("帆迹", "founder", "陈睿"), ("陈睿", "worksFor", "帆迹")} <= relations
    assert ("陈睿", "formerlyAt", "帆迹") not in relations


def test_coming_out_of_a_firm_is_having_left_it():
    _, relations, _ = facts("主持人：请介绍一下。\n\n陈思远：我2022年从百度出来，加入了深蓝智算。\n\n主持人：好。\n")
    assert ("陈思远", "formerlyAt", "百度") in relations and ("陈思远", "worksFor", "百度") not in relations


def test_a_board_secretary_in_a_labels_note_is_no_post_at_a_board():
    _, relations, roles = facts("主持人：请董秘介绍。\n\n答：（董事会秘书 宋佳怡）岚川传动今年订单增长三成。\n\n主持人：好。\n")
    assert not any(org == "董事会" for _, _, org in roles)


def test_a_person_said_to_be_new_in_our_team_is_who_the_clause_after_is_about():
    _, relations, _ = facts("何思远：大家好，我是栖木资本的何思远。\n\n"
                            "林晓雯：何思远是我们组新来的VP，之前在中金做了四年研究，大家多关照。\n\n何思远：谢谢。\n")
    assert ("何思远", "formerlyAt", "中金公司") in relations
    assert not any(s == "林晓雯" and p == "formerlyAt" for s, p, _ in relations)


def test_a_founder_named_after_the_firms_founding_is_told():
    _, relations, _ = facts("主持人：请介绍一下。\n\n唐佳音：星岚科技是2019年在深圳成立的，创始人是何启东，他以前是魅族的。\n\n主持人：好。\n")
    assert ("星岚科技", "founder", "何启东") in relations
    _, relations, _ = facts("主持人：请介绍一下。\n\n唐佳音：星岚科技是我们的客户，创始人是何启东。\n\n主持人：好。\n")
    assert ("星岚科技", "founder", "何启东") not in relations
