"""Claims are assertions: questions, the session's running order and discourse markers are not;
each claim is typed by what it asserts.  Sentences written for these tests."""
from __future__ import annotations

import pytest

from talkgraph.extract import document_from_text, extract, parse_transcript


def claims(text: str):
    return extract(parse_transcript(document_from_text(text, doc_id="t"))).claims


PANEL = ("王小明：欢迎两位嘉宾。一会儿听李华介绍一下他们的新平台。你们觉得开源模型会赢吗？\n\n"
         "李华：我先说第二点，数据的质量比数量更重要。你同意数据最重要吗？我认为明年开源模型一定会追上闭源模型。\n\n"
         "赵强：我建议大家把评测集公开出来。我当时以为这个方向没有机会。\n\n"
         "王小明：好的。\n\n李华：嗯。\n\n赵强：对。\n")


def test_questions_and_logistics_are_no_claims():
    texts = [c.text for c in claims(PANEL)]
    assert not any(t.endswith(("？", "?", "吗")) for t in texts)
    assert not any("介绍一下" in t for t in texts)


def test_a_discourse_marker_is_cut_from_the_claim():
    texts = [c.text for c in claims(PANEL)]
    assert "数据的质量比数量更重要。" in texts
    assert not any(t.startswith("我先说") for t in texts)


def test_types_follow_what_the_sentence_asserts():
    kinds = {c.text: c.kind.value for c in claims(PANEL)}
    assert kinds["我认为明年开源模型一定会追上闭源模型。"] == "prediction"
    assert kinds["我建议大家把评测集公开出来。"] == "recommendation"
    assert kinds.get("我当时以为这个方向没有机会。", "judgement") != "prediction"  # the past predicts nothing


def test_what_the_speaker_lived_is_an_experience_and_what_they_think_of_it_a_judgement():
    text = ("王小明：请讲讲您的经历。\n\n"
            "韩立：1996年我从大学毕业，被分到了一家拖拉机厂。我在厂里一待就是十二年，最后当了总工程师。"
            "之前我提到的那个方案，其实是最重要的。我当时就认为这个方向一定有机会。\n\n王小明：好的。\n")
    kinds = {c.text: c.kind.value for c in claims(text)}
    assert kinds.get("1996年我从大学毕业，被分到了一家拖拉机厂。", "experience") == "experience"
    assert kinds["我在厂里一待就是十二年，最后当了总工程师。"] == "experience"
    assert kinds.get("之前我提到的那个方案，其实是最重要的。", "judgement") == "judgement"  # what they said, not lived
    assert kinds.get("我当时就认为这个方向一定有机会。", "judgement") == "judgement"  # a stance


def test_a_tag_question_still_asserts():
    found = claims("李华：我不认为只会有一个通用的大模型，对吧？\n\n赵强：对。\n\n李华：嗯。\n")
    assert [c.text for c in found] == ["我不认为只会有一个通用的大模型，对吧？"]


def test_english_turns_give_english_claims_sentence_by_sentence():
    text = ("王小明：Welcome back. What do you think about open models?\n\n"
            "李华：I think open models will win in the long run. The cost of training keeps falling. Thanks.\n\n"
            "王小明：Okay.\n")
    texts = [c.text for c in claims(text)]
    assert "I think open models will win in the long run." in texts
    assert not any(t.endswith("?") for t in texts)
    assert all(t.count(". ") == 0 for t in texts)


def test_english_sentences_are_typed_as_chinese_ones_are():
    text = ("王小明：Where are open models going?\n\n李华：We should publish every benchmark we run!\n\n"
            "赵强：Open models will overtake the closed ones next year!\n\n"
            "李华：Back then the cost of training was the main problem!\n\n王小明：Okay.\n")
    kinds = {c.text: c.kind.value for c in claims(text)}
    assert kinds["We should publish every benchmark we run!"] == "recommendation"
    assert kinds["Open models will overtake the closed ones next year!"] == "prediction"
    assert kinds.get("Back then the cost of training was the main problem!", "judgement") == "judgement"


def test_a_short_answer_may_give_a_claim_of_each_sentence():
    """A turn may give at most about two thirds of its sentences as claims, rounded up: both
    sentences of a two-sentence answer may be assertions; the transcript's budget still caps them."""
    text = ("王小明：你怎么看开源？\n\n"
            "李华：我认为开源模型一定会追上闭源模型。数据的质量比数量更重要。\n\n"
            "王小明：为什么？\n\n"
            "李华：我觉得评测集应该公开。公开以后大家都会进步。\n\n"
            "王小明：最后一个问题，明年呢？\n\n"
            "李华：我相信明年会有更大的突破。算力也会更便宜。\n\n"
            "王小明：好的，谢谢李华，今天就聊到这里，大家再见。\n\n王小明：下期再见，感谢收看本期节目。\n")
    said = [c.text for c in claims(text) if c.speaker == "李华"]
    assert "我认为开源模型一定会追上闭源模型。" in said and "数据的质量比数量更重要。" in said


def test_an_assent_opening_a_sentence_is_cut_not_the_sentence():
    text = ("王小明：开源会追上闭源吗？\n\n李华：是的，我的意思是，我认为明年开源模型一定会追上闭源模型。\n\n"
            "王小明：好的。\n\n李华：对。\n")
    texts = [c.text for c in claims(text)]
    assert "我认为明年开源模型一定会追上闭源模型。" in texts
    assert not any(t.startswith(("是的", "对")) for t in texts)


PRESS = ("陈敏：今天的发布会就到这里。下面进入提问环节，请各位记者举手。\n\n"
         "周立：我预测到2030年，国产芯片会占到一半的市场。我们预计2027年底前完成第二期工程。"
         "我坚持认为，两年之内大模型会进入每一家工厂。2019年我们只有十个人。\n\n"
         "吴昊：这个判断我不完全认同，成本还是太高了。我和周总的看法不太一样，芯片不是关键。\n\n"
         "陈敏：好，今天就到这儿，大家再见。\n")


def test_a_stated_prediction_is_typed_so_and_a_year_alone_is_not_the_past():
    kinds = {c.text: c.kind.value for c in claims(PRESS)}
    assert kinds["我预测到2030年，国产芯片会占到一半的市场。"] == "prediction"
    assert kinds["我们预计2027年底前完成第二期工程。"] == "prediction"
    assert kinds["我坚持认为，两年之内大模型会进入每一家工厂。"] == "prediction"
    assert {c.text: c.kind.value for c in claims("李华：你怎么看？\n\n赵强：我个人的预测是，2025年会出现第一批收入过亿的公司。\n\n"
                                                 "李华：好。\n")}["我个人的预测是，2025年会出现第一批收入过亿的公司。"] == "prediction"
    assert kinds.get("2019年我们只有十个人。", "figure") != "prediction"
    forecast = claims("李华：你怎么看？\n\n赵强：我预测2027年，企业的调用量会比今年增长十倍以上。\n\n李华：好。\n")
    assert [c.kind.value for c in forecast] == ["prediction"]  # 我预测 forecasts whatever year it names


def test_the_hui_ending_a_meetings_name_is_no_will():
    kinds = {c.text: c.kind.value for c in claims(
        "主持人：您怎么看？\n\n陶然：今年几乎每一场发布会都在讲智能体，可真正落地的很少，这是最关键的问题。"
        "2024年第三季度董事会上大家吵得很厉害，结论是必须降本。我判断2025年会更激烈。\n\n主持人：好。\n\n陶然：谢谢。\n")}
    assert kinds["今年几乎每一场发布会都在讲智能体，可真正落地的很少，这是最关键的问题。"] != "prediction"
    assert kinds.get("2024年第三季度董事会上大家吵得很厉害，结论是必须降本。", "recommendation") != "prediction"
    assert kinds["我判断2025年会更激烈。"] == "prediction"


def test_the_next_half_year_or_quarter_with_what_will_happen_in_it_is_a_prediction():
    kinds = {c.text: c.kind.value for c in claims(
        "主持人：您怎么看？\n\n陶然：我的判断是，下半年科技板块的表现会好于大盘。上半年大家谈估值更多，下半年开始谈业绩，这是最关键的变化。"
        "\n\n主持人：好。\n\n陶然：谢谢。\n")}
    assert kinds["我的判断是，下半年科技板块的表现会好于大盘。"] == "prediction"
    assert kinds.get("上半年大家谈估值更多，下半年开始谈业绩，这是最关键的变化。", "judgement") != "prediction"


def test_a_partial_or_different_view_is_a_disagreement():
    kinds = {c.text: c.kind.value for c in claims(PRESS)}
    assert kinds["这个判断我不完全认同，成本还是太高了。"] == "disagreement"
    assert kinds["我和周总的看法不太一样，芯片不是关键。"] == "disagreement"


def test_not_opposing_is_no_disagreement():
    kinds = {c.text: c.kind.value for c in claims("主持人：多加一个裁判呢？\n\n陈思源：当然多一个裁判更好，这个我不反对。"
                                                 "但是我反对把它写成硬伤。\n\n主持人：好。\n")}
    assert kinds["当然多一个裁判更好，这个我不反对。"] != "disagreement"
    assert kinds["但是我反对把它写成硬伤。"] == "disagreement"
    tally = {c.text: c.kind.value for c in claims("主持人：请宣读结果。\n\n刘畅：无记名投票：同意5票，不同意0票，弃权0票。"
                                                 "我不同意这个流程。\n\n主持人：好。\n")}
    assert tally.get("无记名投票：同意5票，不同意0票，弃权0票。") != "disagreement"
    assert tally["我不同意这个流程。"] == "disagreement"


def test_should_of_likelihood_recommends_nothing():
    kinds = {c.text: c.kind.value for c in claims("主持人：那边几点了？\n\n宁思源：那边应该已经挺晚了，大家辛苦。"
                                                 "我们应该先把一个学科做透。\n\n主持人：好。\n")}
    assert kinds.get("那边应该已经挺晚了，大家辛苦。") != "recommendation"
    assert kinds["我们应该先把一个学科做透。"] == "recommendation"


def test_no_difference_between_views_is_an_agreement():
    kinds = {c.text: c.kind.value for c in claims("主持人：你们怎么看？\n\n韩立：开源会赢。\n\n"
                                                  "陶然：这一点我们没有分歧，开源会赢。这一点我和韩立的看法是一致的。\n")}
    assert kinds == {"这一点我们没有分歧，开源会赢。": "agreement", "这一点我和韩立的看法是一致的。": "agreement"}


def test_closing_and_running_order_lines_are_no_claims():
    order = claims("许文博：首先请梁总介绍业绩，然后进入问答环节。下一位是中信证券的分析师。\n\n梁书蕾：营收增长了百分之三十。\n")
    assert [c.text for c in order] == ["营收增长了百分之三十。"]
    texts = [c.text for c in claims(PRESS)]
    assert not any("到这" in t or "提问环节" in t or "再见" in t for t in texts)


def questions(text: str):
    return extract(parse_transcript(document_from_text(text, doc_id="t"))).questions


def test_an_interviewers_questions_are_questions_whoever_speaks_most():
    found = questions("李华：大模型今年很热。那你们怎么定价？\n\n赵强：按调用量收费。谁会吃亏呢？我觉得没有人。\n\n"
                      "周明：我同意。\n\n赵强：成本降得很快。对吧？\n\n李华：那明年呢？\n\n赵强：还会降。\n")
    assert [(q.speaker, q.text) for q in found] == [("李华", "那你们怎么定价？"), ("李华", "那明年呢？")]
    assert found[0].answered_by == (2, 3, 4)  # 赵强 speaks most and asks only rhetorically: no questions


def test_reporters_questions_are_questions():
    found = questions("陶青：下面进入提问环节。\n\n新华社记者：请问标准什么时候发布？\n\n辛国斌：预计年底前发布。\n\n"
                      "第一财经记者：请问华为有哪些实践？\n\n汪涛：很多。\n")
    assert [(q.speaker, q.text) for q in found] == [("新华社记者", "请问标准什么时候发布？"),
                                                  ("第一财经记者", "请问华为有哪些实践？")]
    assert [q.answered_by for q in found] == [(3,), (5,)]  # the next reporter's question answers nothing


def test_what_another_person_said_is_reported_not_claimed_unless_the_speaker_takes_it_up():
    texts = [c.text for c in claims(
        "李华：你怎么看出海？\n\n赵强：黄一孟建议我们先做好国内社区，再考虑出海。他说海外市场一定会更大。"
        "就像黄一孟说的，海外用户一定更愿意付费。我听到他说成本会降，但我觉得成本一定会涨。\n\n李华：好。\n\n赵强：嗯。\n")]
    assert not any(t.startswith(("黄一孟建议", "他说")) for t in texts)
    assert "就像黄一孟说的，海外用户一定更愿意付费。" in texts
    assert "我听到他说成本会降，但我觉得成本一定会涨。" in texts


def test_a_speaker_saying_who_they_are_or_welcoming_a_guest_makes_no_claim():
    texts = [c.text for c in claims("韩立新：今天非常荣幸请到周启明老师，他一定会讲得很好。\n\n"
                                    "王梓涵：周老师好，我是经济学院的博士生王梓涵。平台一定会改变劳动力市场。\n\n"
                                    "周启明：是的，会改变很多。\n")]
    assert not any("荣幸" in t or "我是经济学院" in t for t in texts)
    assert "平台一定会改变劳动力市场。" in texts


def test_a_sentence_saying_it_asks_is_a_question_and_ends_the_answers_before_it():
    call = ("主持人：各位投资者下午好，欢迎参加本次交流会。\n\n投资者1：想问一下渠道费用的变化？\n\n"
            "刘建明：渠道费用率下降了两个点。\n\n投资者：我是远望资本的，想问一下海外业务的进展。\n\n"
            "刘建明：海外我们明年会在越南建厂。\n\n主持人：好的。\n")
    found = questions(call)
    assert [(q.speaker, q.text) for q in found] == [("投资者1", "想问一下渠道费用的变化？"),
                                                  ("投资者", "我是远望资本的，想问一下海外业务的进展。")]
    assert [q.answered_by for q in found] == [(3,), (5,)]
    texts = [c.text for c in claims(call)]
    assert not any("下午好" in t or "想问" in t for t in texts)
    assert "海外我们明年会在越南建厂。" in texts


def test_what_likely_happens_is_no_recommendation_and_a_time_after_an_event_no_future():
    def kind(sentence: str) -> str:
        return {c.text: c.kind.value for c in claims(f"李华：你怎么看？\n\n赵强：{sentence}\n\n李华：好。\n")}.get(sentence, "none")

    assert kind("我预计这个项目应该能在三月底前验收，回款应该会很快。") == "prediction"
    assert kind("三到五年之后，硬件一定会便宜很多。") == "prediction"
    assert kind("毕业以后她去了一家大厂做产品经理，做得非常好。") not in ("prediction", "none")
    assert kind("我们应该把数据公开出来。") == "recommendation"
    assert kind("这对我们来说就是最好的回报，我认为非常值得。") not in ("recommendation", "none")  # the best, not had better
    assert kind("我的观点比较保守，通用助手至少还要三年。") == "prediction"  # how long until it happens
    assert kind("融资环境很好，但2027年之前一定会有一波洗牌。") == "prediction"  # a year it will happen before
    assert kind("仓位控制，别上一百倍杠杆。") == "recommendation"  # don't
    assert kind("别人怎么做我们管不了，我觉得专注最重要。") != "recommendation"  # 别人: others


def test_a_view_others_hold_or_a_named_persons_view_is_reported_not_claimed():
    texts = [c.text for c in claims(
        "李华：很多人说这种交易就是贱卖，首付款只占百分之六。你怎么看？\n\n"
        "赵强：OpenAI的山姆·奥特曼说过，最重要的能力是决定做什么。王芳的看法是，估值一定会回落。"
        "我觉得估值一定会回落。\n\n李华：好。\n")]
    assert not any(t.startswith(("很多人说", "OpenAI的山姆", "王芳的看法")) for t in texts)
    assert "我觉得估值一定会回落。" in texts


def test_the_hosts_prompts_are_no_claims():
    texts = [c.text for c in claims("主持人：最后，请两位用一句话展望一下未来。首先请陈立群副厅长介绍有关情况。"
                                    "下面让我们以热烈的掌声欢迎林老师。\n\n陈立群：我认为明年的增长一定会超过百分之十。\n\n主持人：好。\n")]
    assert texts == ["我认为明年的增长一定会超过百分之十。"]


def test_a_self_introduction_going_on_and_a_quotation_introduced_with_when_are_no_claims():
    texts = [c.text for c in claims(
        "主持人：请介绍一下。\n\n韩立峰：我是网易游戏的韩立峰，目前负责海外发行业务。李想之前在一次访谈里说，家庭用户只在乎空间。"
        "对他来说，这一定是最重要的事。我认为明年出海一定会更难。\n\n主持人：好。\n")]
    assert not any(t.startswith(("我是网易游戏", "李想之前")) for t in texts)
    assert "我认为明年出海一定会更难。" in texts


def test_asking_someone_to_speak_is_a_question_and_acknowledging_the_answer_asks_nothing():
    call = ("主持人：下面进入提问环节。\n\n分析师（远山证券 邓一凡）：恭喜取得好的业绩。想请韩总介绍一下越南工厂的进度。\n\n"
            "韩立：越南工厂明年三月投产，产能会翻一倍。\n\n分析师（远山证券 邓一凡）：明白，谢谢。\n\n"
            "主持人：下一位。\n\n分析师（青松资本 魏琳）：先聊聊你们为什么放弃欧洲市场。\n\n"
            "韩立：欧洲的认证周期太长，我们算过账，不划算。\n")
    found = questions(call)
    assert [(q.speaker, q.text, q.answered_by) for q in found] == [
        ("邓一凡", "想请韩总介绍一下越南工厂的进度。", (3,)), ("魏琳", "先聊聊你们为什么放弃欧洲市场。", (7,))]
    texts = [c.text for c in claims(call)]
    assert not any("介绍一下" in t or "先聊聊" in t for t in texts)
    own = [c.text for c in claims("李华：你们怎么做的？\n\n赵强：我们给客户一些建议，客户都很满意。\n\n李华：好。\n")]
    assert own == ["我们给客户一些建议，客户都很满意。"]  # giving advice is no asking for it


def test_the_asker_calling_on_a_guest_to_set_up_a_question_claims_nothing():
    texts = [c.text for c in claims("主持人：韩总，您是做硬件出身的。您怎么看这个问题？\n\n"
                                    "韩立：我认为硬件的窗口期还有三年，这一点很确定。\n\n"
                                    "主持人：陶老师，你们做研究的人应该感受更直接。你们怎么看？\n\n"
                                    "陶然：我同意韩总，学校里的设备更新得太慢了。\n")]
    assert not any(t.startswith(("韩总，", "陶老师，")) for t in texts)
    assert "我认为硬件的窗口期还有三年，这一点很确定。" in texts


def test_a_conference_calls_operator_hosts_and_ends_the_answers():
    call = ("Operator：欢迎参加本次业绩说明会，现在进入问答环节。\n\n分析师（远山证券 邓一凡）：毛利率明年会改善吗？\n\n"
            "韩立：会，原材料价格在回落。\n\nOperator：下一位提问的是青松资本的魏琳。\n\n"
            "分析师（青松资本 魏琳）：海外收入占比多少？\n\n韩立：三成左右。\n\nOperator：本次说明会到此结束。\n")
    assert [q.answered_by for q in questions(call)] == [(3,), (6,)]


def test_an_estimate_of_what_comes_and_what_is_hoped_for_predict_and_a_stated_pick_recommends():
    def kind(sentence: str) -> str:
        return {c.text: c.kind.value for c in claims(f"李华：你怎么看？\n\n赵强：{sentence}\n\n李华：好。\n")}.get(sentence, "none")

    assert kind("我估计2028年营收能过20亿元，利润会翻倍。") == "prediction"
    assert kind("到2027年底，园区的年产值有望突破50亿元。") == "prediction"
    assert kind("我推荐的是两条线：储能和半导体设备。") == "recommendation"
    assert kind("2018年我估计了一下成本，大概是两亿元。") not in ("prediction", "none")


def test_what_a_colleague_or_a_boss_said_is_reported_not_claimed():
    texts = [c.text for c in claims("李华：价格怎么谈的？\n\n赵强：我记得他们的销售老周上次说过，年付可以打八折。"
                                    "我觉得这个价格我们可以接受。\n\n李华：好。\n")]
    assert texts == ["我觉得这个价格我们可以接受。"]


def test_what_someone_unnamed_told_the_speaker_or_what_is_rumoured_is_reported_not_claimed():
    texts = [c.text for c in claims(
        "主持人：您怎么看？\n\n陶然：有一家大公司的制片人跟我说，这种讲工人的故事现在没人看。"
        "我听到一个说法，说那边对合作方管得很严。现在流行的说法是，小模型做强化学习没有用。"
        "我的老同事韩立新，他有一次跟我讲，团队最缺的是系统工程师。我觉得真实的故事最打动人。\n\n主持人：好。\n\n陶然：谢谢。\n")]
    assert texts == ["我觉得真实的故事最打动人。"]


def test_what_a_named_person_told_the_speaker_is_reported_wherever_the_sentence_says_so():
    texts = [c.text for c in claims(
        "主持人：您怎么看今年？\n\n陶然：补充一句，我以前在远山的同事、现在在青柚做招商的何静跟我说过，青柚今年对自播扶持很大。"
        "北辰云副总裁黎川（化名）跟我说过一句话：客户不买模型，客户买结果。"
        "我去年采访过仁和医院的王院长，他的说法是医生不会信任机器写的报告。"
        "我跟他说过，这个市场明年会翻倍。\n\n主持人：好。\n\n陶然：谢谢。\n")]
    assert texts == ["我跟他说过，这个市场明年会翻倍。"]


def test_what_the_asker_tells_the_one_asked_about_themselves_or_a_rumour_is_no_claim():
    texts = [c.text for c in claims(
        "晚点：你在远山待了五年，现在青柚既是你的供应商，也是你的竞争对手。怎么处理这种关系？\n\n"
        "陶然：我觉得合作大于竞争，明年我们会加深合作。\n\n"
        "晚点：外界传是十二亿美元。这个数字准吗？\n\n陶然：不方便透露。\n\n晚点：好的，谢谢。\n")]
    assert texts == ["我觉得合作大于竞争，明年我们会加深合作。"]


def test_a_saying_the_speaker_quotes_and_takes_up_or_says_to_others_is_the_speakers():
    texts = [c.text for c in claims(
        "主持人：您怎么看？\n\n陶然：我在远山的导师周立群老师以前常说，创业公司一定要在第一天就算清楚每一个token的成本。"
        "那时候韩立新就讲过，价格可以低，但不能低于成本线，这个我是认同的。"
        "我常跟他们说，做电池是一场马拉松，不是百米冲刺。\n\n主持人：好。\n\n陶然：谢谢。\n")]
    assert texts == ["那时候韩立新就讲过，价格可以低，但不能低于成本线，这个我是认同的。",
                     "我常跟他们说，做电池是一场马拉松，不是百米冲刺。"]


def test_a_meetings_agenda_and_action_items_are_no_claims():
    texts = [c.text for c in claims(
        "陈立：今天主要过一下三季度的数据，这非常重要。最后总结一下：第一，抖音自播是最重要的，必须继续加码，晓婷牵头；"
        "第二，预售非常关键，一定要做，周浩会后再对一下；第三，我认为双11的增长一定来自自播。\n\n周浩：好的。\n")]
    assert texts == ["第三，我认为双11的增长一定来自自播。"]


def test_a_talk_pointing_at_its_slide_is_no_claim():
    texts = [c.text for c in claims(
        "主持人：请韩总分享。\n\n韩立：但是大家看这张图。卡已经不稀缺了，稀缺的是把卡用好的能力。\n\n主持人：谢谢。\n")]
    assert texts == ["卡已经不稀缺了，稀缺的是把卡用好的能力。"]


def test_a_count_stated_in_chinese_numerals_is_a_figure():
    kinds = {c.text: c.kind.value for c in claims(
        "主持人：进展如何？\n\n陶然：我们一共交付了三百二十台，这是最关键的一步。团队现在有一百五十人，明年还会扩大。"
        "我觉得有三个原因让客户满意。\n\n主持人：好。\n\n陶然：谢谢。\n")}
    assert kinds["我们一共交付了三百二十台，这是最关键的一步。"] == "figure"
    assert kinds.get("我觉得有三个原因让客户满意。", "judgement") == "judgement"  # a stance, whatever it counts
    more = {c.text: c.kind.value for c in claims(
        "主持人：算力怎么解决？\n\n陶然：我们的训练集群是两千张A800，去年花了将近三个亿。\n\n主持人：好。\n")}
    assert more["我们的训练集群是两千张A800，去年花了将近三个亿。"] == "figure"  # cards counted, 三个亿 an amount


def test_a_stage_direction_opening_a_sentence_is_no_part_of_the_claim_and_not_recommending_is_a_recommendation():
    found = {c.text: c.kind.value for c in claims(
        "主持人：您怎么看？\n\n陶然：（笑）现在还没想好，但这个方向是最重要的。\n\n主持人：手腕式的呢？\n\n"
        "陶然：我不太推荐手腕式的血压计，误差比较大，这是最关键的问题。\n")}
    assert "现在还没想好，但这个方向是最重要的。" in found and not any(t.startswith("（") for t in found)
    assert found["我不太推荐手腕式的血压计，误差比较大，这是最关键的问题。"] == "recommendation"


def test_a_calls_handing_over_and_closing_notices_are_no_claims():
    texts = [c.text for c in claims(
        "Operator：欢迎参加本次业绩说明会。现在我将会议交给投资者关系总监陶然。\n\n陶然：谢谢。今年收入增长了百分之二十，这是最关键的。\n\n"
        "Operator：时间差不多了，最后请管理层做总结。如有更多问题，欢迎会后联系我们的投资者关系团队。\n\n陶然：谢谢大家。\n")]
    assert texts == ["今年收入增长了百分之二十，这是最关键的。"]


def test_a_sessions_length_contacts_hiring_arrangements_formal_thanks_and_an_english_hand_over_are_no_claims():
    texts = [c.text for c in claims(
        "主持人：今天会议大概一个小时，后面留给提问。后续有问题可以联系我或者陈立。晚宴在会议中心二楼，凭胸牌入场。\n\n"
        "陶然：我代表星河科技对大家表示衷心感谢！简历可以投到官网。具身智能的底层趋势是真实的，这是最关键的。\n\n"
        "主持人：Priya, the floor is yours.\n\n陶然：谢谢。\n")]
    assert texts == ["具身智能的底层趋势是真实的，这是最关键的。"]


def test_the_next_topic_or_question_the_room_and_the_language_of_the_session_are_no_claims():
    texts = [c.text for c in claims(
        "主持人：好，那最后说一下明年的节奏。那接下来一个很多人关心的问题：安全和标准。\n\n"
        "小孟：不好意思打断一下，下周的复盘会议室要改到B座12楼。具身智能的底层趋势是真实的，这是最关键的。\n\n"
        "主持人：Marcus will speak in English, and we have simultaneous interpretation. 现场提供同声传译。\n\n陶然：谢谢。\n")]
    assert texts == ["具身智能的底层趋势是真实的，这是最关键的。"]


def test_a_repost_chains_words_are_no_claims_of_the_one_who_posts():
    texts = [c.text for c in claims(
        "问：@小王同学：家用机器人什么时候普及？\n\n邵嘉禾：@星河机器人邵嘉禾：我认为十年内进不了家庭，成本降不下来。\n"
        "//@科技评论员陈默：这个判断我不同意，苹果进来了小公司会很难受 //@老周：邵总心态挺好\n\n问：@老周：谢谢。\n")]
    assert texts == ["我认为十年内进不了家庭，成本降不下来。"]


def test_an_english_sentence_ending_in_an_acronym_ends_there():
    texts = [c.text for c in claims(
        "Host: Tell us.\n\nPriya Raman: We built the benchmark with colleagues at the Allen Institute for AI. "
        "When the problems are stated in plain English, the models look strong.\n\nHost: Thanks.\n")]
    assert "When the problems are stated in plain English, the models look strong." in texts


def test_a_debates_running_order_and_a_disclaimer_are_no_claims():
    texts = [c.text for c in claims("主持人：好，接下来是自由辩论环节，双方各有四分钟。\n\n陶然：先声明，我不提供个人投资建议。"
                                    "具身智能的底层趋势是真实的，这是最关键的。\n\n主持人：好。\n\n陶然：谢谢。\n")]
    assert texts == ["具身智能的底层趋势是真实的，这是最关键的。"]


def test_a_year_with_what_is_expected_in_it_is_a_prediction():
    kinds = {c.text: c.kind.value for c in claims("主持人：房价呢？\n\n陶然：我认为一线城市的房价在2027年上半年有望企稳。\n\n"
                                                  "主持人：好。\n\n陶然：谢谢。\n")}
    assert kinds["我认为一线城市的房价在2027年上半年有望企稳。"] == "prediction"


def test_agreeing_in_part_is_a_disagreement():
    kinds = {c.text: c.kind.value for c in claims("主持人：您怎么看韩总的判断？\n\n陶然：他说的方向我赞同，但幅度我不赞同。\n\n"
                                                  "主持人：好。\n\n陶然：谢谢。\n")}
    assert kinds["他说的方向我赞同，但幅度我不赞同。"] == "disagreement"


def test_a_meetings_opening_and_its_agenda_items_are_no_claims():
    texts = [c.text for c in claims("韩立：好，那我们开始吧，陶然今天在客户那边，可能晚点进来。上周的续费率是百分之八十七，比预期高。"
                                    "然后第二件事是适配那边。最后一个事情是招聘。\n\n陶然：好的。\n\n韩立：散会。\n")]
    assert texts == ["上周的续费率是百分之八十七，比预期高。"]


def test_announcing_what_one_will_say_introducing_guests_and_thanks_are_no_claims():
    texts = [c.text for c in claims("主持人：今天的嘉宾是星河科技的韩立新。坐在我旁边的还有老朋友陶然。大家各自先讲一下。\n\n"
                                    "韩立新：首先感谢大家长期以来的关注和支持。最后我说一下整体策略。我认为明年的利润会翻倍。\n\n"
                                    "陶然：但是我想说两件事。我觉得成本会先涨后跌，这个判断很确定。\n")]
    assert texts == ["我认为明年的利润会翻倍。", "我觉得成本会先涨后跌，这个判断很确定。"]


def test_another_persons_view_said_later_in_the_sentence_is_reported():
    texts = [c.text for c in claims("主持人：团队怎么看？\n\n韩立：郑凯在这件事上比我还激进，他觉得渗透率会到70%。"
                                    "我跟他聊过，他认为会到七成，但我认为五成更现实。\n\n主持人：好。\n")]
    assert "郑凯在这件事上比我还激进，他觉得渗透率会到70%。" not in texts
    assert "我跟他聊过，他认为会到七成，但我认为五成更现实。" in texts


def test_prompts_a_questions_origin_a_chairs_summary_and_the_days_topics_are_no_claims_and_a_plan_predicts():
    call = ("主持人：今天我们想讨论两个问题：第一，补贴给谁；第二，补多少。第一个问题来自北方证券的分析师。\n\n"
            "韩立：总结一下，大家普遍认为补贴应该给需求侧。我们计划明年二季度启动试点，2028年全面推开。\n\n"
            "主持人：那最后请韩总给大家一个最实用的建议吧。陶老师，你们做研究的，正好也说说现在的进展。\n\n"
            "陶然：最后每人给一个预测吧，我先来：明年补贴会减半。\n")
    found = claims(call)
    texts = [c.text for c in found]
    assert not any(t.startswith(("今天我们想讨论", "第一个问题来自", "总结一下", "那最后请", "陶老师")) for t in texts)
    assert {c.text: c.kind.value for c in found}.get("我们计划明年二季度启动试点，2028年全面推开。") == "prediction"


def test_what_someone_called_by_surname_and_address_meant_is_reported():
    texts = [c.text for c in claims("陶然：对方的意见？\n\n邹宏：钱总的意思是，如果设备修好，我们可以先付200万。"
                                    "我认为这个方案对双方都公平，应该尽快签。\n\n陶然：好。\n")]
    assert texts == ["我认为这个方案对双方都公平，应该尽快签。"]


def test_an_events_running_a_livestreams_calls_and_a_topic_switch_are_no_claims_and_a_year_then_会_predicts():
    texts = [c.text for c in claims("主持人：第一排那位女士。接下来聊交易所。\n\n韩立：家人们，宝宝们扣个1，马上上链接！"
                                    "以上内容不构成任何投资建议。明年我们有两件事。2027 年比特币会突破二十万美元。\n\n"
                                    "主持人：今天的发布会到这里就结束了，感谢各位媒体朋友！\n")]
    assert texts == ["2027 年比特币会突破二十万美元。"]
    kinds = {c.text: c.kind.value for c in claims("李华：明年呢？\n\n赵强：2027 年比特币会突破二十万美元。\n\n李华：好。\n")}
    assert kinds == {"2027 年比特币会突破二十万美元。": "prediction"}


def test_what_some_analysts_suggest_is_reported():
    texts = [c.text for c in claims("主持人：怎么看？\n\n陆振华：有些分析师建议我们把分红率一下子提到40%。我认为30%更稳妥。\n\n主持人：好。\n")]
    assert texts == ["我认为30%更稳妥。"]


def test_a_question_put_to_one_speaker_by_name_is_answered_by_that_speaker():
    text = ("陶然：今天三位都在。韩总先来？\n\n韩立新：我先说。\n\n周航：我补充。\n\n沈岚：我也说一句。\n\n"
            "陶然：刚才韩总提到出海，大家怎么看？\n\n周航：不急。\n\n沈岚：要急。\n")
    found = {q.text: q.answered_by for q in extract(parse_transcript(document_from_text(text, doc_id="t"))).questions}
    assert found["韩总先来？"] == (2,)
    assert found["刚才韩总提到出海，大家怎么看？"] == (6, 7)  # spoken about, not called on


def test_by_all_means_dont_recommends_and_states_no_figure():
    found = {c.text: c for c in claims("主持人：有什么建议？\n\n林晚秋：我们千万别学别人，一上来就砸钱投流。\n")}
    claim = found["我们千万别学别人，一上来就砸钱投流。"]
    assert claim.kind.value == "recommendation" and claim.amounts == ()


def test_what_someone_said_at_a_time_or_a_place_is_reported():
    texts = [c.text for c in claims("主持人：你怎么看？\n\n孔令杰：何总今年在发布会上说新系统要全国都能开。"
                                    "雷军去年又说小米要做汽车。我觉得小米能做成。\n\n主持人：好。\n")]
    assert texts == ["我觉得小米能做成。"]


def test_what_will_have_happened_by_a_year_or_is_likely_in_one_is_a_prediction():
    said = ["我们的判断是，到2028年，推理的算力会超过训练。", "我个人判断，毛利率有望在2027年下半年回升到四成。",
            "到2020年，我们已经做到了盈亏平衡，我认为这很关键。"]
    kinds = {c.text: c.kind.value for s in said for c in claims(f"主持人：你怎么看？\n\n郑一凡：{s}\n\n主持人：好。\n")}
    assert kinds[said[0]] == kinds[said[1]] == "prediction"
    assert kinds[said[2]] != "prediction"


def test_the_last_topic_the_first_question_and_a_meetings_end_are_no_claims():
    texts = [c.text for c in claims("主持人：先问一个大家最关心的问题。最后聊一下无人出租车。你们觉得谁先盈利？\n\n"
                                    "孟凡：最后说一下融资。我认为估值一定会翻倍。好，今天就到这，纪要我会发在群里。\n\n主持人：好。\n")]
    assert texts == ["我认为估值一定会翻倍。"]


def test_a_sessions_calls_agenda_thanks_and_goodbyes_are_no_claims():
    texts = [c.text for c in claims(
        "主持人：现在宣布听证会开始。3号陈述人裴雨桐女士，你是消费者代表，请讲。今天主要三个议题。\n\n"
        "裴雨桐：这是一个非常好的问题。我认为必须单独告知。非常感谢主办方的邀请。大家假期好好休息，8号见。\n\n主持人：好。\n")]
    assert texts == ["我认为必须单独告知。"]


def test_next_week_or_month_then_will_predicts_and_should_then_what_followed_recommends_nothing():
    said = ["我觉得我们下周还会赢。", "如果没中的话我们应该就输了，我认为也有运气的成分。"]
    kinds = {c.text: c.kind.value for s in said for c in claims(f"主持人：怎么看？\n\n陈志远：{s}\n\n主持人：好。\n")}
    assert kinds[said[0]] == "prediction" and kinds[said[1]] != "recommendation"


def test_a_reporter_whose_question_goes_on_after_its_mark_asks_and_is_answered():
    extraction = extract(parse_transcript(document_from_text(
        "主持人：请提问。\n\n新华社记者：请问下一步怎么办？\n\n韩振东：我们会加快推进。\n\n"
        "第一财经记者：请问安全方面有哪些考虑？特别是生成式人工智能在工业领域的应用。\n\n韩振东：安全是发展的前提。\n",
        doc_id="t")))
    asked = {q.text: (q.speaker, q.answered_by) for q in extraction.questions}
    assert asked["请问安全方面有哪些考虑？"] == ("第一财经记者", (5,))
    assert asked["请问下一步怎么办？"] == ("新华社记者", (3,))


def test_a_chat_messages_handles_are_no_part_of_its_claim():
    texts = [c.text for c in claims("周启航：@赵磊 @林雪 我认为这个价格压不下去，成本占了一半以上。\n\n赵磊：好。\n")]
    assert texts == ["我认为这个价格压不下去，成本占了一半以上。"]


def test_an_english_expectation_is_a_predicting_claim():
    said = ("Regulators are consulting on the rules, and I expect the final version by mid-2025. "
            "I think the market is big. I think banks are slow. I think staff are busy. I think costs are high.")
    found = {c.text: c.kind.value for c in claims(f"主持人：What do you expect?\n\n陈立言：{said}\n\n主持人：Thanks.\n")}
    assert found.get("Regulators are consulting on the rules, and I expect the final version by mid-2025.") == "prediction"


def test_a_prediction_may_say_when_without_naming_the_future():
    said = ["我觉得电池的成本不会早于2030年降到一半。", "我们的新工厂今年三季度会开始小批量交付。",
            "这个格局长期看一定会变，而且变化会很大。", "我判断技术差距在六个月内就会被抹平。", "我觉得至少要七八年才能真正普及。"]
    text = "".join(f"{'李华' if i % 2 else '赵强'}：{s}\n\n王小明：好的，谢谢您的分享。\n\n" for i, s in enumerate(said))
    kinds = {c.text: c.kind.value for c in claims(text)}
    assert [kinds.get(s) for s in said] == ["prediction"] * len(said)
    past = "赵强：2019年我们做了第一代产品，那时候没有人相信我们。\n\n王小明：好的。\n"
    assert [c.kind.value for c in claims(past)] != ["prediction"]  # a year past predicts nothing


def test_an_askers_closing_thanks_leaves_their_questions_questions():
    text = ("操作员：下一个问题来自中金公司的汪浩。\n\n汪浩：谢谢管理层。第一，价格战对毛利率有什么影响？第二，海外市场的节奏如何？谢谢。\n\n"
            "韩立新：毛利率明年会改善，海外我们会稳步推进。\n\n操作员：下一个问题来自高盛的侯嘉宁。\n\n"
            "侯嘉宁：请问明年的销量指引是多少？谢谢！\n\n梁思敏：我们预计明年销量会增长三成。\n")
    x = extract(parse_transcript(document_from_text(text, doc_id="t")))
    assert [(q.speaker, q.text) for q in x.questions] == [
        ("汪浩", "第一，价格战对毛利率有什么影响？"), ("汪浩", "第二，海外市场的节奏如何？"), ("侯嘉宁", "请问明年的销量指引是多少？")]


def test_a_sentence_a_speaker_breaks_off_at_a_comma_goes_on_in_the_next_line():
    text = "主持人：齐老师怎么看？\n齐文澜：我觉得AI老师有用，\n但不能替代真人老师。\n主持人：好的，谢谢您的分享。\n"
    assert "我觉得AI老师有用，但不能替代真人老师。" in [c.text for c in claims(text)]


def test_the_items_of_an_announced_list_of_advice_are_each_a_recommendation():
    found = claims("主持人：您有什么建议？\n\n林子航：我的建议有三条。第一，先做一个小而完整的产品；第二，早点找到付费用户；"
                   "第三，商业模式要在两年内跑通。\n\n主持人：好。\n")
    assert [(c.text, c.kind.value) for c in found] == [
        ("第一，先做一个小而完整的产品；", "recommendation"), ("第二，早点找到付费用户；", "recommendation"),
        ("第三，商业模式要在两年内跑通。", "recommendation")]


def test_a_qr_code_an_agenda_items_presenter_and_a_last_word_announced_assert_nothing():
    found = claims("王晓：今天三件事。第二部分是模型这一块，一鸣讲；第三是上线评估，启航来讲。扫描屏幕上的二维码可以提问。\n\n"
                   "一鸣：我最后也说一句。我觉得模型要先上线再说，这样讲不太对。\n")
    assert [c.text for c in found] == ["我觉得模型要先上线再说，这样讲不太对。"]


def test_a_question_closing_anyones_turn_is_one_when_another_speaker_answers_it():
    text = ("主持人：欢迎两位。\n\n韩立：先说资产质量。逾期率这块你用的是多少？谢谢。\n\n郭佳：我用的是百分之二点五，按去年的数据。\n\n"
            "韩立：为什么？因为新客户在恶化。我觉得明年逾期率还会更高。\n\n郭佳：他问我：“你们真的能做到吗？”\n\n"
            "韩立：我觉得能做到，只是要时间。你们是不是太乐观了？\n\n主持人：好，我们换个话题，聊聊出海的节奏和预算。\n\n"
            "韩立：出海我觉得要慢一点，先把国内做稳。\n")
    x = extract(parse_transcript(document_from_text(text, doc_id="t")))
    asked = [(q.speaker, q.text, q.answered_by) for q in x.questions if q.speaker != "主持人"]
    assert asked == [("韩立", "逾期率这块你用的是多少？", (3,))]


def test_a_forecast_the_speaker_announces_or_by_a_year_spaced_or_before_it_is_a_prediction():
    said = ["我做一个预测，可能会被打脸：到 2026 年底，开源模型会追平闭源模型。", "我个人的一个预测是，到 2027 年，一半的卖家会用智能体。",
            "我认为2030年以前，钠电的份额不会超过百分之十。"]
    text = "".join(f"郝岚：{s}\n\n主持人：好的，谢谢您的分享。\n\n" for s in said)
    kinds = {c.text: c.kind.value for c in claims(text)}
    assert [kinds.get(s) for s in said] == ["prediction"] * len(said)


def test_should_be_about_the_same_judges_what_is_likely_and_recommends_nothing():
    text = "主持人：怎么看？\n\n宋岚：等合并了以后应该差不多了，成本也降下来了。\n\n主持人：好。\n\n宋岚：这个版本应该没问题，上线就行。\n\n主持人：好。\n"
    kinds = [c.kind.value for c in claims(text)]
    assert kinds and set(kinds) == {"judgement"}


def test_a_meetings_breaks_agenda_follow_ups_and_a_calls_sound_are_no_claims_and_praise_is_cut():
    said = [c.text for c in claims(
        "主持人：我们开始吧。\n\n韩立平：我认为开源一定会赢，明年就能追上。\n\n"
        "主持人：接下来我们留一点时间给现场的观众。接下来是茶歇时间，三点半在B厅继续。第二项议程是梁总讲一下研发进展。"
        "欢迎大家在小宇宙订阅我们的节目。录屏和纪要会后发给大家，请不要外传。现在是两点半，人员已经到齐。请陆航同学回到会场。\n\n"
        "周敏：下面，我简要介绍一下有关情况。我插一句我的看法啊。你好像是静音了。我会在群里发通知。"
        "这个问题非常好，我认为关键在数据。我们的订阅收入占了三成，静音技术是核心。\n\n主持人：好。\n")]
    assert said == ["我认为开源一定会赢，明年就能追上。", "我认为关键在数据。", "我们的订阅收入占了三成，静音技术是核心。"]


def test_a_rooms_arrangements_apologies_and_items_put_off_are_no_claims():
    said = [c.text for c in claims(
        "主持人：我们还有十分钟，留给现场观众。请举手，工作人员会把话筒递给您。同传耳机在座位下面。\n\n"
        "韩立平：不好意思各位，刚才那个会拖了。我认为开源一定会赢。这个很关键，我们后面展开。\n\n"
        "周敏：好，这个我记下了。最后过一下待办。可以，会后我在侧台。我觉得数据比模型更重要。\n\n主持人：好。\n")]
    assert said == ["我认为开源一定会赢。", "我觉得数据比模型更重要。"]


def test_a_surname_and_zong_before_zhiqian_is_no_in_short():
    from talkgraph.extract.claims import _score
    assert _score("林总之前在元气森林做产品，燃茶那个系列就是他带的团队。")[2] != "总之"


def test_a_short_turn_asking_after_the_first_answer_ends_the_answers_to_the_question_before():
    asked = questions("主持人：先请三位各说一句。\n\n陆川：我是做编译器的，用AI写代码已经两年了。\n\n陶然：我做前端。\n\n"
                      "韦一凡：我做数据库。\n\n主持人：所以您是说，AI 理解需求本身是一个伪需求？\n\n"
                      "陶然：对，我认同这点。现在的模型受限于上下文窗口，也没有记忆能力，但分解之后的模块级需求它能很好地实现。\n\n"
                      "陆川：欸，我有个好奇的问题，如果要很详细地告诉它改哪里，为什么不直接改呢？\n\n"
                      "韦一凡：因为它一次能改十几处，跨文件也行。\n\n主持人：好。\n")
    pseudo = next(q for q in asked if q.text.endswith("伪需求？"))
    assert pseudo.answered_by == (6,)


@pytest.mark.parametrize("said, kind", [
    ("我认为2026年是固态电池元年。", "prediction"),
    ("我认为大规模商业化至少要到2028年以后。", "prediction"),
    ("我觉得2024年是行业的转折点。", "judgement"),  # a year gone by when the page was dated
])
def test_a_year_later_than_the_documents_date_is_a_future_reference(said, kind):
    conversation = f"主持人：你怎么看？\n\n韩立新：{said}\n\n主持人：好。\n"
    assert [c.kind.value for c in claims("发布时间：2025-11-19\n\n" + conversation)] == [kind]
    assert [c.kind.value for c in claims(conversation)] == ["judgement"]  # no date, no telling which years are to come


def test_what_comes_next_in_the_session_is_no_future():
    said = {c.text: c.kind.value for c in claims(
        "主持人：我们开始吧。\n\n韩立平：我认为开源一定会赢，明年就能追上。\n\n"
        "主持人：好，接下来进入讨论。接下来是过程奖励和结果奖励之争。\n\n"
        "周敏：我觉得接下来两年推理成本会下降十倍。\n\n主持人：好。\n")}
    assert "接下来进入讨论。" not in said and "接下来是过程奖励和结果奖励之争。" not in said
    assert said["我觉得接下来两年推理成本会下降十倍。"] == "prediction"


def test_thanks_and_the_sessions_time_are_no_claims():
    said = [c.text for c in claims("主持人：非常感谢四位嘉宾的精彩分享，也感谢现场的各位。好，今天非常感谢一帆。"
                                   "我们今天的圆桌只有四十分钟。\n\n嘉宾：我很感谢团队，没有他们就没有今天的产品。"
                                   "我认为大模型的竞争已经从参数之争进入到了应用之争。\n")]
    assert said == ["我很感谢团队，没有他们就没有今天的产品。", "我认为大模型的竞争已经从参数之争进入到了应用之争。"]


def test_an_agendas_items_are_questions_to_take_up_not_claims():
    text = ("王小明：今天议程有三块：第一，上季度的数据复盘；第二，新平台要不要继续加码；第三，下半年怎么调整预算。\n\n"
            "李华：我认为新平台应该继续加码，因为它的增长最快。\n")
    texts = [c.text for c in claims(text)]
    assert not any("要不要" in t or "怎么调整" in t for t in texts)
    assert any(t.startswith("我认为新平台应该继续加码") for t in texts)


def test_how_long_from_now_or_what_is_expected_makes_a_prediction():
    text = ("王小明：您怎么看这个行业？\n\n"
            "李华：我判断，再过三年，低价直播会慢慢退潮，品质会成为主流。我们内部对首年流水的预期是二十五亿元左右。\n")
    kinds = {c.text: c.kind.value for c in claims(text)}
    assert kinds["我判断，再过三年，低价直播会慢慢退潮，品质会成为主流。"] == "prediction"
    assert kinds["我们内部对首年流水的预期是二十五亿元左右。"] == "prediction"


def test_the_will_cue_is_the_word_not_a_words_last_character():
    text = "王小明：您怎么看？\n\n李华：社会上做这一行的年轻人越来越多了。\n"
    assert [c.cue for c in claims(text)] == ["越来越"]


def test_an_askers_introduction_of_themselves_is_no_claim():
    text = ("主持人：下面提问。\n\n问：我是来自北辰资管的王先生。邵总您好，您怎么看算力？\n\n"
            "邵明远：谢谢王总。我认为算力不是过剩，需求还在增长。\n\n问：我是南方养老的李女士。光模块还能涨吗？\n\n"
            "邵明远：我判断至少能持续到明年。\n")
    assert [c.speaker for c in claims(text)] == ["邵明远", "邵明远"]
