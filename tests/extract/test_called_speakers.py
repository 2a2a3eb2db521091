"""Numbered speakers of meeting exports named by how the others call them (readers/called_speakers.py)."""
from __future__ import annotations

from talkgraph.extract import document_from_text
from talkgraph.extract.transcript import parse_transcript


def speakers_of_turns(text: str) -> list[str]:
    t = parse_transcript(document_from_text(text, doc_id="t"))
    return [turn.speakers[0] for turn in t.turns]


def test_the_floor_handed_over_and_the_thanks_after_name_the_numbered_speaker():
    text = ("许晴 00:00:05\n好，我们开始。先请信息科韩主任汇报一下进度。\n\n"
            "发言人2 00:00:20\n好的。系统上周已经上线，目前运行平稳。\n\n"
            "许晴 00:01:10\n谢谢韩主任。大家还有问题吗？\n")
    assert speakers_of_turns(text) == ["许晴", "韩主任", "许晴"]


def test_a_form_of_address_is_the_one_attendee_of_that_surname():
    text = ("参会人（3）：许晴、韩立东、马可\n\n"
            "许晴 00:00:05\n好，我们开始。先请信息科韩主任汇报一下进度。\n\n"
            "发言人2 00:00:20\n好的。系统上周已经上线，目前运行平稳。\n\n"
            "许晴 00:01:10\n好的，谢谢韩主任。\n")
    assert speakers_of_turns(text)[1] == "韩立东"


def test_a_form_of_address_is_the_one_full_name_said_with_the_same_form():
    text = ("许晴：韩立东主任刚从外地回来，韩主任，你先说吧。\n\n"
            "发言人2：好。系统上周已经上线。\n\n"
            "许晴：明白，韩主任。\n")
    assert speakers_of_turns(text)[1] == "韩立东"


def test_replies_that_call_the_one_who_spoke_before_agree_over_the_turns():
    text = ("说话人 1：今天先过一下进度。\n\n说话人 2：好的邵老师。我这边数据已经跑完了。\n\n"
            "说话人 1：结果怎么样？\n\n说话人 2：明白，邵老师。结果还不错。\n")
    assert speakers_of_turns(text) == ["邵老师", "说话人 2", "邵老师", "说话人 2"]


def test_a_name_opening_a_question_calls_the_next_speaker_not_the_one_before():
    text = ("周涛：我们先看病例。\n\n发言人A：病例我看过了，问题不大。\n\n"
            "周涛：林晓雯，药学部这边怎么看？\n\n发言人C：我建议减量。\n")
    assert speakers_of_turns(text) == ["周涛", "发言人A", "周涛", "林晓雯"]


def test_a_task_given_by_name_does_not_hand_over_the_floor():
    text = ("周涛：周五做撤机试验，超声科请陈蕾来做床旁。\n\n发言人B：护理这边人手不够。\n\n周涛：好。\n")
    assert speakers_of_turns(text)[1] == "发言人B"


def test_calls_that_disagree_name_no_one():
    text = ("周涛：先请马主任说一下。\n\n发言人B：好的，我说一下。\n\n"
            "何倩：谢谢黄主任。\n")
    assert speakers_of_turns(text)[1] == "发言人B"


def test_a_name_some_speaker_already_goes_by_is_not_given_again():
    text = ("周涛：先请马主任说一下。\n\n发言人B：好的，我说一下。\n\n马建国：我补充一点。\n\n周涛：好的。\n")
    assert speakers_of_turns(text)[1] == "发言人B"


def test_a_numbered_voice_called_by_a_speakers_address_before_the_tool_names_them_is_that_speaker():
    text = ("林晓峰 00:01:00\n今天评审冷库版。\n\n"
            "说话人 3 00:01:20\n加热膜要加成本的呀，一台加多少？\n\n"
            "林晓峰 00:01:40\n贺工你先别急，我们先把账算清楚。蕾蕾，这个单子多大？\n\n"
            "陶蕾 00:02:00\n两百台。\n\n"
            "贺建国 00:02:30\n那结构也要改。\n\n"
            "林晓峰 00:02:50\n好，贺工牵头。\n")
    assert speakers_of_turns(text) == ["林晓峰", "贺建国", "林晓峰", "陶蕾", "贺建国", "林晓峰"]


def test_a_numbered_voice_that_takes_turns_with_the_named_speaker_is_someone_else():
    text = ("林晓峰 00:01:00\n今天评审冷库版。\n\n"
            "贺建国 00:01:10\n我先说结构。\n\n"
            "说话人 3 00:01:20\n加热膜要加成本的呀，一台加多少？\n\n"
            "林晓峰 00:01:40\n贺工你先别急，我们先把账算清楚。这个单子多大？\n\n"
            "贺建国 00:02:30\n那结构也要改。\n")
    assert speakers_of_turns(text)[2] == "说话人 3"


def test_a_numbered_voice_that_gives_its_name_after_where_it_works_is_that_person():
    text = ("林晓峰 00:01:00\n今天评审调度助手。\n\n"
            "说话人 7 00:01:20\n我补充一下，我是测试这边的，方琪。库位编码经常拆错。\n\n"
            "林晓峰 00:01:40\n这个点很关键。\n\n"
            "方琪 00:02:00\n我们测了三百条。\n")
    assert speakers_of_turns(text) == ["林晓峰", "方琪", "林晓峰", "方琪"]


def test_an_unpunctuated_greeting_before_a_self_introduction_still_names_the_speaker():
    text = ("说话人1 00:00:05\n欢迎 今天请到两位嘉宾\n\n"
            "说话人3 00:00:10\n喂 能听到吗\n\n说话人1 00:00:12\n能听到\n\n"
            "说话人3 00:00:15\n好的 大家好我是韩冰 呃其实流片也不多\n")
    assert speakers_of_turns(text)[1] == "韩冰"


def test_a_host_known_by_a_nickname_who_gives_their_real_name_is_that_person():
    text = ("说话人1 00:00:05\n直播间的家人们晚上好 我是老猫 新来的朋友可能不知道 我本名叫毛睿 以前做宏观研究\n\n"
            "说话人2 00:00:20\n大家好\n\n说话人1 00:00:25\n好 我们开始\n")
    assert speakers_of_turns(text)[0] == "毛睿"


def test_a_caller_who_gives_a_familiar_form_without_shi_goes_by_it():
    text = ("WEBVTT\n\n1\n00:00:05.000 --> 00:00:08.000\n<v 张伟>人都到了吧？</v>\n\n"
            "2\n00:00:10.000 --> 00:00:14.000\n<v +86 139 2614 0841>喂，张总，我老罗，我在仓里，信号不太好。</v>\n\n"
            "3\n00:00:20.000 --> 00:00:22.000\n<v 张伟>好，你说。</v>\n\n"
            "4\n00:00:30.000 --> 00:00:33.000\n<v +86 139 2614 0841>仓里压着两万件货。</v>\n")
    assert speakers_of_turns(text)[1] == "老罗"


def test_my_wife_or_my_boss_is_no_familiar_name():
    text = ("说话人 1 00:00:05\n开始吧。\n\n说话人 2 00:00:10\n我老婆说这个不行。\n\n说话人 1 00:00:20\n好。\n")
    assert speakers_of_turns(text)[1] == "说话人 2"
