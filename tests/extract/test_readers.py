"""Every reader on small transcripts written for these tests: turns, speakers, offsets, time codes."""
from __future__ import annotations

from itertools import takewhile

from pathlib import Path

import pytest

from talkgraph.extract import document_from_text, extract
from talkgraph.extract.errors import UsageError
from talkgraph.extract.model import BlockRole, SpeakerKind
from talkgraph.extract.readers import detect_reader, load_readers, parse_speaker_overrides
from talkgraph.extract.transcript import parse_transcript


def parse(text: str, input_format: str | None = None, speakers=None):
    return parse_transcript(document_from_text(text, doc_id="t"), input_format, speakers)


def turns(t):
    return [(turn.speakers, turn.text(t.document)) for turn in t.turns]


def assert_offsets_exact(t):
    text = t.document.text
    for turn in t.turns:
        for s, e in turn.spans:
            assert 0 <= s < e <= len(text)
            assert text[s:e] == text[s:e].strip()
            assert "**" not in text[s:e]
        for s, e in turn.labels:
            assert text[s:e].strip() == text[s:e] and text[s:e]
    for record in t.speaker_records:
        for s, e in record.labels:
            assert text[s:e] in (record.name, *record.aliases)


# one conversation, five formats
CONVERSATION = [("周婷", "好，我们开始吧。今天聊聊开源模型。"), ("吴昊", "我认为开源会赢。"),
                ("周婷", "为什么这么说？"), ("吴昊", "因为成本更低，生态更大。")]

MARKDOWN = """# 开源模型对谈

**周婷：**好，我们开始吧。今天聊聊开源模型。

**吴昊：**我认为开源会赢。

**周婷：**为什么这么说？

**吴昊：**因为成本更低，生态更大。
"""

SRT = """1
00:00:00,500 --> 00:00:02,000
周婷：好，我们开始吧。

2
00:00:02,000 --> 00:00:04,800
今天聊聊开源模型。

3
00:00:05,000 --> 00:00:07,000
吴昊：我认为开源会赢。

4
00:00:07,500 --> 00:00:09,000
周婷：为什么这么说？

5
00:00:09,500 --> 00:00:11,000
吴昊：因为成本更低，

6
00:00:11,000 --> 00:00:12,500
吴昊：生态更大。
"""

VTT = """WEBVTT

NOTE 这是测试用的字幕

00:00.500 --> 00:02.000
<v 周婷>好，我们开始吧。</v>

00:02.000 --> 00:04.800
<v 周婷>今天聊聊开源模型。</v>

intro-3
00:05.000 --> 00:07.000
<v 吴昊>我认为开源会赢。

00:07.500 --> 00:09.000
<v.loud 周婷>为什么这么说？

00:09.500 --> 00:12.500
<v 吴昊>因为成本更低，生态更大。
"""

FEISHU = """开源模型对谈
2024年6月1日 下午 3:00 | 13秒

关键词：
开源、模型

文字记录：

周婷  00:00:00
好，我们开始吧。
今天聊聊开源模型。

吴昊  00:00:05
我认为开源会赢。

周婷  00:00:07
为什么这么说？

吴昊  00:00:09
因为成本更低，生态更大。
"""

TENCENT_MEETING = """周婷(00:00:00): 好，我们开始吧。
周婷(00:00:02): 今天聊聊开源模型。
吴昊(00:00:05): 我认为开源会赢。
周婷(00:00:07): 为什么这么说？
吴昊(00:00:09): 因为成本更低，生态更大。
"""


@pytest.mark.parametrize("text,fmt", [(MARKDOWN, "dialogue"), (SRT, "srt"), (VTT, "vtt"), (FEISHU, "meeting"),
                                      (TENCENT_MEETING, "meeting")])
def test_one_conversation_in_five_formats_gives_the_same_turns(text, fmt):
    t = parse(text)
    assert t.input_format == fmt
    assert [(speakers, "".join(body.split())) for speakers, body in turns(t)] == [
        ((speaker,), body.replace(" ", "")) for speaker, body in CONVERSATION]
    assert t.speakers == ("周婷", "吴昊")
    assert_offsets_exact(t)


def test_subtitle_time_codes_span_the_merged_cues():
    t = parse(SRT)
    assert [(turn.start_time, turn.end_time) for turn in t.turns] == [
        (0.5, 4.8), (5.0, 7.0), (7.5, 9.0), (9.5, 12.5)]
    v = parse(VTT)
    assert [(turn.start_time, turn.end_time) for turn in v.turns][0] == (0.5, 4.8)
    # the voice tag's name is the label, in the source
    first = v.turns[0]
    assert v.document.text[slice(*first.labels[0])] == "周婷"
    assert "<v" not in first.text(v.document)


def test_meeting_exports_keep_segment_times():
    t = parse(FEISHU)
    assert [turn.start_time for turn in t.turns] == [0.0, 5.0, 7.0, 9.0]
    assert [turn.end_time for turn in t.turns] == [5.0, 7.0, 9.0, None]  # until the next speaker
    assert parse(TENCENT_MEETING).turns[0].end_time == 5.0


@pytest.mark.parametrize("text", [
    "[00:00:01] 李明: 大家好。\n[00:00:04] 王芳: 你好。\n[00:00:06] 李明: 开始吧。\n",
    "李明 00:00:01\n大家好。\n\n王芳 00:00:04\n你好。\n\n李明 00:00:06\n开始吧。\n",
    "李明 (00:00:01)：大家好。\n王芳 (00:00:04)：你好。\n李明 (00:00:06)：开始吧。\n",
])
def test_timestamps_before_or_after_the_label(text):
    t = parse(text)
    assert t.input_format == "meeting"
    assert turns(t) == [(("李明",), "大家好。"), (("王芳",), "你好。"), (("李明",), "开始吧。")]
    assert [turn.start_time for turn in t.turns] == [1.0, 4.0, 6.0]
    assert_offsets_exact(t)


def test_otter_style_speaker_numbers_and_latin_names():
    text = "Speaker 1  0:01\nHello everyone, welcome.\n\nJane Smith  0:05\nThanks for having me.\n\nSpeaker 1  0:09\nLet's start.\n"
    t = parse(text)
    assert [turn.speaker for turn in t.turns] == ["Speaker 1", "Jane Smith", "Speaker 1"]
    record = t.speaker_record("Speaker 1")
    assert record.kind is SpeakerKind.UNNAMED
    assert t.speaker_record("Jane Smith").kind is SpeakerKind.PERSON


@pytest.mark.parametrize("text", [
    "张涛：大家好。\n\n李宏玮：你好。\n\n张涛：开始吧。\n",                     # plain, full-width colon
    "张涛: 大家好。\n\n李宏玮: 你好。\n\n张涛: 开始吧。\n",                      # half-width colon
    "**张涛：**大家好。\n\n**李宏玮：**你好。\n\n**张涛：**开始吧。\n",          # bold label and colon
    "**张涛**：大家好。\n\n**李宏玮**：你好。\n\n**张涛**：开始吧。\n",          # bold name only
    "**张涛:**\n\n大家好。\n\n**李宏玮:**\n\n你好。\n\n**张涛:**\n\n开始吧。\n",   # label on its own line
    "张涛：\n大家好。\n李宏玮：\n你好。\n张涛：\n开始吧。\n",
    "> **张涛：** 大家好。\n>\n> **李宏玮：** 你好。\n>\n> **张涛：** 开始吧。\n",  # a block quote
])
def test_every_label_shape(text):
    t = parse(text)
    assert turns(t) == [(("张涛",), "大家好。"), (("李宏玮",), "你好。"), (("张涛",), "开始吧。")]
    assert [t.document.text[slice(*turn.labels[0])] for turn in t.turns] == ["张涛", "李宏玮", "张涛"]
    assert_offsets_exact(t)


def test_markup_inside_a_turn_is_left_out_of_its_spans():
    t = parse("**王芳：**我认为**开源**一定会赢。\n\n**李明：**同意。\n\n**王芳：**好。\n")
    assert t.turns[0].text(t.document) == "我认为开源一定会赢。"
    assert len(t.turns[0].spans) == 3
    assert_offsets_exact(t)


def test_short_exchange_of_three_speakers_one_turn_each():
    t = parse("主持人：请问怎么看？\n嘉宾A：我认为会涨。\n嘉宾B：我认为会跌。\n")
    assert turns(t) == [(("主持人",), "请问怎么看？"), (("嘉宾A",), "我认为会涨。"), (("嘉宾B",), "我认为会跌。")]
    assert all(r.kind is SpeakerKind.UNNAMED for r in t.speaker_records)


def test_numbered_speakers_with_digits_are_speakers():
    t = parse("说话人1：大家好，我是吴昊，做数据库的。\n\n说话人2：你好。\n\n说话人1：我们开始。\n\n说话人2：好的。\n")
    assert t.speakers == ("吴昊", "说话人2")
    assert t.speaker_record("吴昊").aliases == ("说话人1",)
    assert t.speaker_record("说话人2").kind is SpeakerKind.UNNAMED
    assert_offsets_exact(t)


def test_quotations_headings_and_lists_are_not_turns():
    text = ("## 第一部分：背景\n\n嘉宾名单：\n\n- 李开元（零一科技 技术副总裁）\n- 王雪梅（星河大学 教授）\n\n"
            "**李开元：**我先说。李斌说：\"呵呵，苹果造不出车来。\"这句话很有名。\n\n"
            "**王雪梅：**我补充。\n\n李斌说：\"这是引用。\"\n\n**李开元：**好。\n")
    t = parse(text)
    assert [turn.speaker for turn in t.turns] == ["李开元", "王雪梅", "李开元"]
    assert "李斌说" not in t.speakers
    assert "这是引用" in t.turns[1].text(t.document)


def test_a_label_fused_to_the_end_of_a_paragraph_opens_the_next_turn():
    text = ("张涛:\n\n大家好，我是张涛。现在我在做投资。Lily:\n\n您最近在做什么？\n\n张涛:\n\n投资。\n\nLily:\n\n"
            "书名叫什么？ 张涛:\n\n没什么。\n")
    t = parse(text)
    assert turns(t) == [(("张涛",), "大家好，我是张涛。现在我在做投资。"), (("Lily",), "您最近在做什么？"),
                        (("张涛",), "投资。"), (("Lily",), "书名叫什么？"), (("张涛",), "没什么。")]
    assert_offsets_exact(t)


def test_role_labels_resolve_to_the_people_the_text_names():
    text = ("专访｜星河科技陈家豪：开源的下一步\n\n作者：林晓\n\n本期我们对话星河科技创始人陈家豪（英文名 Kevin）。\n\n"
            "问：你为什么创业？\n\n答：因为想做自己的产品。\n\n问：后来呢？\n\n答：后来就做了。\n")
    t = parse(text)
    assert t.input_format == "interview"
    assert [turn.speaker for turn in t.turns] == ["林晓", "陈家豪", "林晓", "陈家豪"]
    assert t.speaker_record("陈家豪").aliases == ("答",)
    assert t.speaker_record("林晓").aliases == ("问",)
    assert_offsets_exact(t)


def test_bold_question_plain_answer_interview():
    text = ("**Q：你为什么创业？**\n\nA：因为想做自己的产品。\n\n**Q：后来呢？**\n\nA：后来就做了。\n")
    t = parse(text)
    assert turns(t) == [(("Q",), "你为什么创业？"), (("A",), "因为想做自己的产品。"),
                        (("Q",), "后来呢？"), (("A",), "后来就做了。")]


def test_bold_questions_without_labels():
    text = ("星河科技创始人陈家豪谈开源。\n\n**你为什么创业？**\n\n因为想做自己的产品。\n\n还想多做一点事情。\n\n"
            "**后来呢？**\n\n后来就做了。\n\n**现在呢？**\n\n现在很好。\n")
    t = parse(text)
    assert t.input_format == "interview"
    assert [turn.speaker for turn in t.turns] == ["问", "陈家豪", "问", "陈家豪", "问", "陈家豪"]
    assert t.turns[1].text(t.document) == "因为想做自己的产品。\n还想多做一点事情。"


def test_an_outlet_asking_is_an_organisation():
    text = "作者：林晓\n\n星河日报：你好。\n\n陈家豪：你好。\n\n星河日报：再见。\n\n陈家豪：再见。\n"
    t = parse(text)
    assert t.speaker_record("星河日报").kind is SpeakerKind.ORGANIZATION


def test_host_introduces_himself_and_forms_of_address_meet_the_full_name():
    text = ("本期嘉宾：星河科技创始人李明远、星河大学教授王雪梅。\n\n"
            "主持人：大家好，我是主持人泓君。\n\n李总：大家好。\n\n王老师：你好。\n\n主持人：开始。\n\n"
            "李明远：我补充一点。\n")
    t = parse(text)
    assert [turn.speaker for turn in t.turns] == ["泓君", "李明远", "王雪梅", "泓君", "李明远"]
    assert set(t.speaker_record("李明远").aliases) == {"李总"}
    assert t.speaker_record("王雪梅").aliases == ("王老师",)


def test_a_nickname_is_the_one_person_the_introduction_names():
    text = ("王小川邀请了星河集团创始人赵一凡来对话。\n\n王小川：你好。\n\n铁面大侠：你好你好。\n\n王小川：开始吧。\n\n"
            "铁面大侠：好的。\n")
    t = parse(text)
    assert t.speakers == ("王小川", "赵一凡")
    assert t.speaker_record("赵一凡").aliases == ("铁面大侠",)


def test_speakers_given_by_hand_win():
    t = parse("A：你好。\n\nQ：你好。\n\nA：再见。\n\nQ：再见。\n", speakers={"A": "王小川", "Q": "张小珺"})
    assert t.speakers == ("王小川", "张小珺")
    assert parse_speaker_overrides("A=王小川，Q=张小珺") == {"A": "王小川", "Q": "张小珺"}
    with pytest.raises(UsageError):
        parse_speaker_overrides("A王小川")


def test_a_format_can_be_forced_and_unknown_names_are_refused():
    t = parse(TENCENT_MEETING, input_format="dialogue")
    assert t.input_format == "dialogue"
    with pytest.raises(UsageError, match="known input formats"):
        parse(MARKDOWN, input_format="docx")
    assert set(load_readers()) == {"dialogue", "interview", "srt", "vtt", "meeting", "json"}
    assert detect_reader("没有发言人的一段话。").name == "dialogue"


def test_a_label_inside_another_turn_is_a_warning_with_its_line():
    t = parse("王芳：我认为会涨。李明：我认为会跌。\n\n李明：对。\n\n王芳：好。\n")
    assert any("line 1" in note and "李明" in note for note in t.notes)


def test_many_label_lines_left_unread_are_a_warning():
    text = "\n\n".join(f"- 嘉宾{i}：这是第{i}条很长的发言内容。" for i in range(5)) + "\n"
    t = parse(text)
    assert not t.turns
    assert any("list items" in note for note in t.notes)


def test_bold_labelled_questions_with_unlabelled_answers():
    text = "**Q：你为什么创业？**\n\n因为想做自己的产品。\n\n**Q：后来呢？**\n\n后来就做了。\n\n也很顺利。\n"
    t = parse(text)
    assert t.input_format == "interview"
    assert turns(t) == [(("Q",), "你为什么创业？"), (("A",), "因为想做自己的产品。"),
                        (("Q",), "后来呢？"), (("A",), "后来就做了。\n也很顺利。")]


def test_numbered_questions_and_answers_are_the_two_roles():
    t = parse("Q1：你好吗？\n\nA1：很好。\n\nQ2：为什么？\n\nA2：因为天气好。\n")
    assert t.speakers == ("Q", "A")
    assert set(t.speaker_record("Q").aliases) == {"Q1", "Q2"}


def test_a_note_in_brackets_after_the_label():
    text = "主持人（李明）：欢迎。\n\n张三（星河科技 CEO）：谢谢。\n\n主持人（李明）：开始吧。\n\n张三：好。\n"
    t = parse(text)
    assert [turn.speaker for turn in t.turns] == ["李明", "张三", "李明", "张三"]
    assert t.document.text[slice(*t.turns[0].labels[0])] == "李明"
    assert_offsets_exact(t)


def test_a_name_with_a_title_is_the_person():
    t = parse("李开复博士：你好。\n\n王小川：你好。\n\n李开复博士：再见。\n\n王小川：再见。\n")
    assert t.speakers == ("李开复", "王小川")
    assert t.speaker_record("李开复").aliases == ("李开复博士",)


def test_a_role_word_before_the_name():
    t = parse("主持人 李明：欢迎。\n\n张三：谢谢。\n\n主持人李明：开始吧。\n\n张三：好。\n")
    assert [turn.speaker for turn in t.turns] == ["李明", "张三", "李明", "张三"]
    assert [t.document.text[slice(*turn.labels[0])] for turn in t.turns][:3] == ["李明", "张三", "李明"]


def test_part_of_a_transliterated_name_is_the_same_person():
    t = parse("山姆·奥特曼：你好。\n\n主持人：欢迎。\n\n奥特曼：谢谢。\n\nSam Altman: Hi.\n\nAltman: Bye.\n\n主持人：再见。\n")
    assert t.speakers == ("山姆·奥特曼", "主持人", "Sam Altman")
    assert t.speaker_record("山姆·奥特曼").aliases == ("奥特曼",)
    assert t.speaker_record("Sam Altman").aliases == ("Altman",)


def test_markdown_images_links_and_rules_are_not_text():
    text = ("**王芳：**我推荐[这篇文章](https://example.com/a)，写得好。\n\n![](https://example.com/p.png)\n\n"
            "还有一点。\n\n---\n\n**李明：**同意。\n\n**王芳：**好。\n")
    t = parse(text)
    assert t.turns[0].text(t.document) == "我推荐这篇文章，写得好。\n还有一点。"
    assert_offsets_exact(t)


def test_the_interviewee_of_a_long_title_line():
    text = ("专访｜星河科技陈家豪：我们为什么坚持做开源模型，以及接下来三年要做的三件事情\n\n"
            "问：你好。\n\n答：你好。\n\n问：再见。\n\n答：再见。\n")
    t = parse(text)
    assert t.speakers == ("问", "陈家豪")
    assert t.speaker_record("问").kind is SpeakerKind.UNNAMED


def test_a_title_word_that_ends_in_a_name_shaped_run_names_no_interviewee():
    text = ("老工程师口述史｜陈家豪：从拖拉机厂到研究院的四十年\n\n"
            "问：你好。\n\n答：你好。\n\n问：再见。\n\n答：再见。\n")
    assert parse(text).speakers == ("问", "陈家豪")  # not 师口述, begun inside 工程师


def test_labels_in_square_brackets_open_the_turns_of_a_dialogue():
    t = parse("【主持人】欢迎来到节目。\n\n【吴昊】谢谢邀请。\n\n【主持人】先聊聊开源。\n\n【吴昊】我认为开源会赢。\n")
    assert t.input_format == "dialogue"
    assert turns(t) == [(("主持人",), "欢迎来到节目。"), (("吴昊",), "谢谢邀请。"), (("主持人",), "先聊聊开源。"),
                        (("吴昊",), "我认为开源会赢。")]
    assert_offsets_exact(t)


def test_a_role_in_round_brackets_opens_a_subtitle_turn_and_a_stage_direction_does_not():
    srt = ("1\n00:00:00,000 --> 00:00:02,000\n（主持人）欢迎收听。\n\n2\n00:00:02,000 --> 00:00:04,000\n"
           "(嘉宾)谢谢。（笑）\n\n3\n00:00:04,000 --> 00:00:06,000\n（笑）很高兴来。\n")
    t = parse(srt)
    assert turns(t) == [(("主持人",), "欢迎收听。"), (("嘉宾",), "谢谢。（笑）\n（笑）很高兴来。")]
    assert_offsets_exact(t)


@pytest.mark.parametrize("label", ["编辑手记", "编者按", "记者手记"])
def test_an_editors_note_after_the_last_turn_is_not_the_speakers(label):
    t = parse("主持人：欢迎吴昊。\n\n吴昊：谢谢。我觉得开源会赢。\n\n主持人：好的，谢谢。\n\n吴昊：不客气。\n\n"
              f"**{label}：**从被拒绝到被认可，这部片子走了六年。（林晓）\n")
    assert turns(t)[-1] == (("吴昊",), "不客气。")
    assert_offsets_exact(t)


def test_zoom_and_teams_header_lines():
    zoom = "[Jane Smith] 10:01:02\nGood morning.\n\n[Bob Lee] 10:01:09\nMorning.\n\n[Jane Smith] 10:01:15\nLet's start.\n"
    t = parse(zoom)
    assert t.input_format == "meeting"
    assert turns(t) == [(("Jane Smith",), "Good morning."), (("Bob Lee",), "Morning."), (("Jane Smith",), "Let's start.")]
    assert t.turns[0].start_time == 36062.0
    teams = "Jane Smith   0:0:3.450\nGood morning.\n\nBob Lee   0:0:9.120\nMorning.\n"
    t = parse(teams)
    assert [(turn.speaker, turn.start_time) for turn in t.turns] == [("Jane Smith", 3.45), ("Bob Lee", 9.12)]
    assert_offsets_exact(t)


def test_the_interviewee_is_not_the_one_asking():
    text = ("本文记者林晓采访了星河科技创始人陈家豪，谈开源的未来。\n\n"
            "问：你好。\n\n答：你好。\n\n问：再见。\n\n答：再见。\n")
    t = parse(text)
    assert [turn.speaker for turn in t.turns][:2] == ["林晓", "陈家豪"]  # the reporter asks


def test_a_colon_at_a_cue_start_is_speech_unless_the_document_supports_a_speaker():
    text = ("1\n00:00:01,000 --> 00:00:03,000\n周婷：我举个例子。\n\n2\n00:00:03,000 --> 00:00:05,000\n"
            "譬如：你要做一个翻译。\n\n3\n00:00:05,000 --> 00:00:07,000\n吴昊：明白了。\n\n"
            "4\n00:00:07,000 --> 00:00:09,000\n周婷：好。\n")
    t = parse(text)
    assert turns(t) == [(("周婷",), "我举个例子。\n譬如：你要做一个翻译。"), (("吴昊",), "明白了。"), (("周婷",), "好。")]


def test_formats_command_lists_every_input_format_with_an_example_it_reads():
    from tests.helpers import call_cli

    result = call_cli("formats")
    assert result.returncode == 0, result.stderr
    listed = result.stdout.split("input formats", 1)[1]
    for name, reader in load_readers().items():
        assert f"  {name} " in listed and reader.description in listed
        below = listed.split(f"  {name} ", 1)[1].splitlines()[1:]
        example = "\n".join(line.split("| ", 1)[1]
                            for line in takewhile(lambda line: line.strip().startswith("|"), below))
        assert example == reader.example
        transcript = parse(example, name)
        assert transcript.turns and transcript.input_format == name


@pytest.mark.parametrize("intro, asker", [
    ("本文记者林晓近日专访了星河科技创始人陈家豪。", "林晓"),
    ("星河科技创始人陈家豪接受本报记者周一鸣专访。", "周一鸣"),
    ("专访陈家豪 文｜林晓 编辑｜王芳", "林晓"),
    ("记者 | 林晓\n\n星河科技创始人陈家豪谈开源。", "林晓"),
    ("星河科技创始人陈家豪谈开源。采访/撰文：林晓。编辑：王芳", "林晓"),
    ("采访、整理：林晓\n\n星河科技创始人陈家豪谈开源。", "林晓"),
    ("新华网杭州5月8日电（记者林晓）星河科技创始人陈家豪近日谈开源。", "林晓"),
])
def test_the_asker_is_the_byline_in_running_text(intro, asker):
    t = parse(intro + "\n\n问：为什么开源？\n\n答：因为生态更大。\n\n问：难吗？\n\n答：很难。\n")
    assert [turn.speakers for turn in t.turns] == [(asker,), ("陈家豪",)] * 2
    records = {r.name: r for r in t.speaker_records}
    assert records[asker].kind is SpeakerKind.PERSON and records[asker].aliases == ("问",)
    assert_offsets_exact(t)


def test_a_word_after_a_reporter_that_is_no_name_names_no_asker():
    t = parse("记者问他为什么开源，星河科技创始人陈家豪笑了。\n\n问：为什么开源？\n\n答：因为生态更大。\n\n"
              "问：难吗？\n\n答：很难。\n")
    assert t.turns[0].speakers == ("问",)


def test_words_that_open_list_paragraphs_are_not_speakers():
    text = ("周婷：我们先说结论，再说原因。\n\n"
            "吴昊：好。\n\n原因：成本更低。\n\n原因：生态更大。\n\n原因：社区更活跃。\n\n"
            "结论：开源会赢。\n\n结论：闭源会收缩。\n\n"
            "周婷：明白了。\n\n吴昊：谢谢。\n")
    t = parse(text)
    assert [turn.speaker for turn in t.turns] == ["周婷", "吴昊", "周婷", "吴昊"]
    assert "原因：社区更活跃。" in t.turns[1].text(t.document) and "结论：闭源会收缩。" in t.turns[1].text(t.document)
    assert_offsets_exact(t)


def test_a_list_of_words_alone_is_no_dialogue():
    t = parse("原因：成本更低。\n办法：降低价格。\n")
    assert not t.turns


def test_nicknames_and_given_names_opening_paragraphs_stay_speakers():
    text = ("老狼：今天聊开源。\n\n小雨：好啊。\n\n老狼：你怎么看？\n\n小雨：我看好。\n")
    assert [turn.speaker for turn in parse(text).turns] == ["老狼", "小雨", "老狼", "小雨"]


DASHED_SRT = """1
00:00:00,500 --> 00:00:02,000
周婷：好，我们开始吧。

2
00:00:02,000 --> 00:00:04,000
- 周婷：你来说？
- 吴昊：好的。

3
00:00:04,000 --> 00:00:06,000
- 你确定？
- 确定。

4
00:00:06,000 --> 00:00:08,000
周婷：那就这样。
"""


def test_dash_lines_of_one_cue_are_two_turns_when_labels_say_who():
    t = parse(DASHED_SRT)
    assert t.input_format == "srt"
    assert [turn.speakers for turn in t.turns][:2] == [("周婷",), ("吴昊",)]
    assert t.turns[0].text(t.document) == "好，我们开始吧。\n你来说？"
    assert t.turns[1].text(t.document).startswith("好的。")
    assert (t.turns[1].start_time, t.turns[0].end_time) == (2.0, 4.0)
    assert_offsets_exact(t)


def test_dash_lines_without_labels_stay_in_the_turn_with_a_warning_and_their_line():
    t = parse(DASHED_SRT)
    assert "你确定？\n确定。" in t.turns[1].text(t.document)
    assert any(note.startswith("line 12: a cue of 2 speakers' lines") for note in t.notes)
    labelled = parse(DASHED_SRT.replace("- 你确定？\n- 确定。", "- 周婷：你确定？\n- 吴昊：确定。"))
    assert [turn.speaker for turn in labelled.turns] == ["周婷", "吴昊", "周婷", "吴昊", "周婷"]
    assert not labelled.notes


def test_dash_lines_with_voice_tags():
    vtt = ("WEBVTT\n\n00:00.000 --> 00:02.000\n- <v 周婷>你来说？\n- <v 吴昊>好的。\n\n"
           "00:02.000 --> 00:04.000\n<v 周婷>那就这样。\n")
    t = parse(vtt)
    assert [(turn.speaker, turn.text(t.document)) for turn in t.turns] == [
        ("周婷", "你来说？"), ("吴昊", "好的。"), ("周婷", "那就这样。")]
    assert t.turns[2].start_time == 2.0
    assert_offsets_exact(t)


@pytest.mark.parametrize("fmt, text", [
    ("srt", "1\n00:00:00,500 --> 00:00:02,000\n[主持人] 欢迎收听。\n\n2\n00:00:02,000 --> 00:00:04,000\n"
            "[音乐] 今天的嘉宾是吴昊。\n\n3\n00:00:04,000 --> 00:00:06,000\n【吴昊】大家好。\n"),
    ("vtt", "WEBVTT\n\n00:00.500 --> 00:02.000\n【主持人】欢迎收听。\n\n00:02.000 --> 00:04.000\n"
            "[音乐] 今天的嘉宾是吴昊。\n\n00:04.000 --> 00:06.000\n[吴昊] 大家好。\n"),
    ("meeting", "[00:00:00] [主持人] 欢迎收听。\n[音乐] 今天的嘉宾是吴昊。\n[00:00:04] 【吴昊】大家好。\n"),
])
def test_bracketed_labels_in_subtitles_and_exports_and_sounds_are_no_speakers(fmt, text):
    t = parse(text)
    assert t.input_format == fmt
    assert [(turn.speaker, turn.text(t.document)) for turn in t.turns] == [
        ("主持人", "欢迎收听。\n[音乐] 今天的嘉宾是吴昊。"), ("吴昊", "大家好。")]
    assert t.turns[1].start_time == 4.0
    assert_offsets_exact(t)


def test_a_segment_holding_other_speakers_lines_is_a_warning_with_their_lines():
    text = ("李明 00:00:01\n大家好，我们开始。\n高峰 00:00:05\n好的。\n李明：第一点是成本。\n高峰：同意。\n"
            "李明：第二点是生态。\n")
    t = parse(text)
    assert t.input_format == "meeting" and [turn.speaker for turn in t.turns] == ["李明", "高峰"]
    assert "2 lines in turns of 高峰 open with another speaker's label (lines 5, 7)" in " ".join(t.notes)


def test_one_speaker_with_most_of_the_text_and_label_shaped_lines_is_a_warning():
    text = ("周婷：我来念一下大家的留言，一共三条。\n\n- 小王：开源好，因为便宜。\n- 小李：闭源好，因为稳定。\n"
            "- 小张：都好，看场景。\n\n吴昊：谢谢。\n\n周婷：不客气。\n\n吴昊：再见。\n")
    t = parse(text)
    assert [turn.speaker for turn in t.turns] == ["周婷", "吴昊", "周婷", "吴昊"]
    assert any(note.startswith("周婷 has most of the text and 3 lines") and "(lines 3, 4, 5)" in note
               for note in t.notes)


def test_a_dialogue_read_right_has_no_held_lines_warning():
    t = parse(MARKDOWN)
    assert not [note for note in t.notes if "holding others' lines" in note]


CAST_AND_NAMED_TURNS = """对话王雪

嘉宾：王雪，栖云科技CEO
**主持人**：黄磊，《硅谷101》主理人

黄磊：王雪你好，先聊聊你在微软的经历吧。

王雪：我在微软待了八年。

黄磊：后来为什么去了字节？

王雪：字节当时在做飞书。
"""


def test_cast_lines_above_the_turns_are_the_introduction_not_turns():
    t = parse(CAST_AND_NAMED_TURNS)
    assert [speakers for speakers, _ in turns(t)] == [("黄磊",), ("王雪",), ("黄磊",), ("王雪",)]
    assert {r.name for r in t.speaker_records} == {"黄磊", "王雪"}
    roles = {t.document.text[b.start:b.end]: b.role.value for b in t.blocks}
    assert roles["嘉宾：王雪，栖云科技CEO"] == "intro"


def test_a_cast_line_of_any_role_naming_one_person_and_a_note_is_no_turn():
    t = parse("【编者按】5月24日下午，学院举行了刘思远的博士学位论文答辩会，问答经答辩秘书整理如下。\n\n"
              "答辩委员会组成：\n主席：陈文博（江淮大学教授）\n答辩秘书：王静怡（本院博士后）\n\n"
              "王静怡：各位老师，下午好，我先说明程序。\n\n陈文博：谢谢王老师，我们开始。\n\n王静怡：好的。\n")
    assert [speakers for speakers, _ in turns(t)] == [("王静怡",), ("陈文博",), ("王静怡",)]


def test_a_role_label_is_the_person_the_cast_names_for_it():
    t = parse("主持人：黄磊\n嘉宾：王雪，栖云科技CEO\n\n主持人：王雪你好，先聊聊吧。\n\n嘉宾：好的，我在微软待了八年。\n\n"
              "主持人：后来呢？\n\n嘉宾：后来去了字节。\n")
    assert [speakers for speakers, _ in turns(t)] == [("黄磊",), ("王雪",), ("黄磊",), ("王雪",)]
    assert_offsets_exact(t)


@pytest.mark.parametrize("line", ["主持人：大家好，欢迎收听本期节目。", "主持人：王雪，你先介绍一下自己吧。"])
def test_a_role_speaking_first_is_a_turn_not_a_cast_line(line):
    t = parse(f"{line}\n\n王雪：好的，我在微软待了八年。\n\n主持人：后来呢？\n\n王雪：后来去了字节。\n")
    assert turns(t)[0] == (("主持人",), line.split("：", 1)[1])


def test_a_numbered_speaker_who_gives_a_post_or_team_before_the_name_is_that_person():
    t = parse("说话人 1  00:00:03\n好，我们开始吧。我是产品负责人陈静，今天对一下上线计划。\n\n"
              "说话人 2  00:00:15\n我是运维的周海，我补充一下。\n\n说话人 1  00:00:41\n好的。\n\n"
              "说话人 3  00:00:50\n我是说这个计划挺好。\n")
    assert [speakers for speakers, _ in turns(t)] == [("陈静",), ("周海",), ("陈静",), ("说话人 3",)]


def test_a_speaker_introducing_himself_by_his_label_keeps_the_whole_name():
    t = parse("主持人：请介绍一下。\n\n张建中：我是张建中，之前在英伟达工作。\n\n主持人：好。\n\n张建中：谢谢。\n")
    assert [speakers for speakers, _ in turns(t)][1] == ("张建中",)


PRESS_CONFERENCE = ("陶青：下面进入提问环节。\n\n"
                    "新华社记者：请问辛部长，中小企业用不起大模型怎么办？\n\n"
                    "辛国斌：我们会安排专项资金。\n\n"
                    "第一财经记者：请问汪总，华为有哪些实践？\n\n"
                    "汪涛：我们在钢铁行业做了很多。\n\n"
                    "中央广播电视总台央视记者：请问标准什么时候发布？\n\n"
                    "辛国斌：预计年底前发布。\n\n"
                    "记者（体坛周报 郑浩）：请问教练怎么看？\n\n"
                    "汪涛：谢谢。\n")


def test_an_outlets_reporter_is_a_speaker_known_by_the_outlet():
    t = parse(PRESS_CONFERENCE)
    assert [s for (s,), _ in turns(t)] == ["陶青", "新华社记者", "辛国斌", "第一财经记者", "汪涛", "中央广播电视总台央视记者",
                                        "辛国斌", "郑浩", "汪涛"]
    assert t.speaker_record("新华社记者").kind is SpeakerKind.UNNAMED
    assert t.speaker_record("郑浩").kind is SpeakerKind.PERSON


WEB_INTERVIEW = ("专访驰远汽车周岩：价格战不是终点\n\n文丨陈思远  编辑丨王蕾\n\n"
                 "来源：晚点LatePost\n\n以下是《晚点》与周岩的对话。\n\n"
                 "晚点：去年交付了多少辆车？\n\n周岩：四万七千辆。\n\n晚点：满意吗？\n\n周岩：差了一截。\n")


def test_the_publication_the_introduction_names_as_source_is_an_organisation_asking():
    t = parse(WEB_INTERVIEW)
    assert t.speaker_record("晚点").kind is SpeakerKind.ORGANIZATION
    assert [s for (s,), _ in turns(t)] == ["晚点", "周岩", "晚点", "周岩"]


def test_a_name_in_the_title_does_not_begin_inside_the_word_before_it():
    t = parse("专访驰远汽车周岩：价格战不是终点\n\n问：去年交付了多少辆车？\n\n答：四万七千辆。\n\n"
              "问：满意吗？\n\n答：差了一截。\n")  # 驰远汽车周岩: 车 belongs to 汽车
    assert [s for (s,), _ in turns(t)][1] == "周岩"


def test_a_filings_securities_code_line_is_metadata_and_no_title():
    t = parse("证券代码：688001        证券简称：栖川数智        公告编号：2025-031\n\n"
              "栖川数智2024年度业绩说明会文字记录\n\n主持人：欢迎各位。\n\n郑立衡：谢谢。\n\n主持人：请提问。\n")
    assert t.title == "栖川数智2024年度业绩说明会文字记录"


def test_markdown_headings_that_are_names_open_the_turns_below_them():
    text = ("# 圆桌实录｜货架电商还有未来吗\n\n主持人是主编林可。\n\n### 林可\n\n先问一个问题：你会投哪个平台？\n\n"
            "### 王芳\n\n我肯定投抖音。\n\n第二段还是王芳。\n\n### 赵明远\n\n我不太认同。\n\n### 林可\n\n谢谢两位。\n\n"
            "## 一、平台之争\n\n### 王芳\n\n我补充一句。\n")
    t = parse(text)
    assert [s for (s,), _ in turns(t)] == ["林可", "王芳", "赵明远", "林可", "王芳"]
    assert turns(t)[1][1] == "我肯定投抖音。\n第二段还是王芳。"
    assert t.title == "圆桌实录｜货架电商还有未来吗"


def test_a_latin_label_with_an_honorific_is_the_person_without_it():
    t = parse("Dr. Li Na: Hello everyone.\n\nWei Zhang: Thanks, Dr. Li.\n\nDr. Li Na: I agree with Wei.\n\nWei Zhang: Good.\n")
    assert [s for (s,), _ in turns(t)] == ["Li Na", "Wei Zhang", "Li Na", "Wei Zhang"]
    assert "Dr. Li Na" in t.speaker_record("Li Na").aliases


def test_the_speaker_the_introduction_names_as_host_moderates():
    t = parse("今晚的讲座由经济学院副院长韩立新教授主持。\n\n韩立新：欢迎周老师。\n\n周启明：谢谢。我先讲三点。\n\n"
              "赵一鸣：请问周老师，平台怎么定价？\n\n周启明：按单。\n\n李浩然：那骑手呢？\n\n周启明：也按单。\n")
    assert t.moderator == "韩立新"  # the guest speaks most, the host is named
    assert t.speaker_record("韩立新").hosts


def test_the_host_the_opening_speaker_hands_the_session_to_moderates():
    t = parse("周明轩：上午的报告就到这里。我现在把话筒交给本场主持人——东岭大学的沈佳怡老师。\n\n"
              "沈佳怡：谢谢周老师。先请罗启航讲。\n\n罗启航：好。我讲三点。\n\n李卓远：我补充。\n\n罗启航：还有一点。\n\n"
              "李卓远：同意。\n\n罗启航：最后一点。\n")
    assert t.moderator == "沈佳怡"


def test_an_experts_label_stays_a_role_and_a_team_line_names_no_one():
    t = parse("【黄河电新｜专家电话会纪要】2025年电池供需展望——某头部电池厂前采购总监\n\n黄河证券研究所 电力设备与新能源团队\n\n"
              "主持人（陆铭远）：欢迎参加电话会。下面有请专家。\n\n"
              "专家：好的，谢谢陆总。我先讲需求。\n\n主持人（陆铭远）：请讲。\n\n专家：需求很强。\n")
    assert [turn.speaker for turn in t.turns] == ["陆铭远", "专家", "陆铭远", "专家"]


def test_a_date_with_its_time_glued_on_dates_the_page():
    t = parse("安徽发布人工智能产业新政\n\n2025年03月14日16:22　来源：东岭网\n\n"
              "主持人：请张厅长介绍。\n\n张立群：好。今年投入十亿元。\n\n主持人：谢谢。\n\n张立群：不客气。\n")
    assert t.date == "2025-03-14"


def test_show_notes_chapters_and_notices_in_a_timed_export_are_no_turns():
    text = ("时间轴\n03:10 为什么离开红杉\n18:40 Agent赛道的估值泡沫\n41:05 具身智能：知行机器人的故事\n"
            "本文字稿由通义听悟自动生成，仅供参考\n\n"
            "00:00:05 林一帆：欢迎收听，我是一帆。\n00:00:09 周启明：大家好，我是周启明。\n"
            "00:00:25 林一帆：为什么离开红杉？\n00:00:31 周启明：想自己做早期。\n本节目不构成任何投资建议。\n")
    t = parse(text)
    assert [s for (s,), _ in turns(t)] == ["林一帆", "周启明", "林一帆", "周启明"]
    assert turns(t)[-1][1] == "想自己做早期。"


def test_a_chapter_list_holds_titles_with_colons_far_from_any_title_alone():
    text = ("【时间轴】\n00:01:20  开场：一次翻车\n00:03:12  嘉宾介绍：从上海到深圳\n00:09:45  创业：第一间办公室\n"
            "00:15:30  为什么要自己训练模型\n00:24:10  彩蛋：下期预告\n\n"
            "[00:00:05] 主播A：欢迎收听。\n[00:00:08] 嘉宾：大家好。\n[00:01:20] 主播A：好，开始。\n"
            "[00:01:25] 嘉宾：好的。\n")
    t = parse(text)
    assert [s for (s,), _ in turns(t)] == ["主播A", "嘉宾", "主播A", "嘉宾"]


def test_a_host_who_introduces_themself_by_a_familiar_name_is_the_person_the_show_notes_gloss_with_it():
    text = ("【主播】\n周一鸣（老周）｜节目主理人\n沈佳禾（禾苗）｜临床研究员\n\n"
            "[00:00:05] 主播A：欢迎收听，我是老周。\n[00:00:08] 主播B：我是禾苗。\n"
            "[00:00:10] 主播A：今天聊新药。\n[00:00:14] 主播B：好。\n")
    t = parse(text)
    assert [s for (s,), _ in turns(t)] == ["周一鸣", "沈佳禾", "周一鸣", "沈佳禾"]


def test_a_foreign_name_of_seven_characters_between_dots_labels_turns():
    t = parse("主持人：请霍夫曼女士回答。\n\n卡特琳·霍夫曼（英文）：\nThank you for the question.\n\n"
              "翻译：\n谢谢您的提问。\n\n卡特琳·霍夫曼：\n我可以用中文说一点点。\n")
    assert [s for (s,), _ in turns(t)] == ["主持人", "卡特琳·霍夫曼", "翻译", "卡特琳·霍夫曼"]


def test_a_hosts_bare_label_is_the_person_a_note_named_on_the_first_one():
    t = parse("主持人（市政府新闻办副主任 郑立群）：\n各位记者朋友，上午好。\n\n方振宇：谢谢主持人。\n\n"
              "主持人：\n下面请记者提问。\n\n方振宇：好的。\n")
    assert [s for (s,), _ in turns(t)] == ["郑立群", "方振宇", "郑立群", "方振宇"]


def test_an_unlabelled_lecture_is_the_lecturer_a_bio_introduces_and_numbered_askers_are_the_names_in_their_notes():
    t = parse("【名师讲堂】沈嘉禾：固态电池的最后一公里\n\n编者按：本期讲堂由材料学院沈嘉禾教授作主讲。\n\n"
              "主讲人简介：沈嘉禾，清源大学材料学院教授。\n\n"
              "——————\n\n各位老师、同学，下午好。今天讲固态电池。\n\n"
              "韩立峰（主持人）：谢谢沈老师。下面进入提问环节。\n\n"
              "提问1（北辰大学博士生）：沈老师您好，卤化物怎么看？\n\n沈教授：谢谢，这个我同意。\n\n"
              "提问2（本院硕士生 刘畅）：以后做合成的会被替代吗？\n\n沈教授：不会。\n\n"
              "提问3（化学学院 吴敬之副教授）：想补充一个观点。\n\n沈教授：同意，吴老师这个办法更好。\n")
    assert [s for (s,), _ in turns(t)] == ["沈嘉禾", "韩立峰", "提问1（北辰大学博士生）", "沈嘉禾", "刘畅", "沈嘉禾",
                                           "吴敬之", "沈嘉禾"]


def test_an_oral_history_labels_only_its_prompts_and_the_paragraphs_below_answer_them():
    t = parse("口述者：贺振山（1950年生，高级工程师）\n访谈/整理：林语川\n\n---\n\n我是1950年生的，常州人。\n\n"
              "问：在学校里印象最深的老师是谁？\n\n是黄老师。他讲课从来不看讲义。\n\n后来他去了北京。\n\n"
              "问：刚到所里做什么？\n\n做技术员，跟着师傅拉单晶。\n")
    assert [s for (s,), _ in turns(t)] == ["林语川", "贺振山", "林语川", "贺振山"]
    assert turns(t)[1][1].endswith("后来他去了北京。")


def test_a_key_to_the_labels_names_the_speakers_its_fields_name():
    t = parse("访谈人：刘珂（社会学系博士生）\n协助/记录：Ana Souza（访问学者）\n受访者编号：P07\n"
              "转写说明：I=访谈人，I2=Ana，R=受访者。\n\n---\n\nI：先讲讲你是怎么开始的？\n\nR：2019年来的。\n\n"
              "I2：Why this city?\n\nR：单子多。\n\nI：好的。\n")
    assert [s for (s,), _ in turns(t)] == ["刘珂", "R", "Ana Souza", "R", "刘珂"]
    assert t.speaker_record("R").kind is SpeakerKind.UNNAMED  # a code letter, no one's name


def test_a_focus_groups_moderator_is_the_one_its_field_names_and_participants_who_give_their_names_are_them():
    t = parse("# 焦点小组逐字稿：电动车用户补能方式（充电 / 换电）认知与体验\n\n> **主持人**：谢雨彤（知行洞察 研究经理）\n\n---\n\n"
              "**主持人**：好，各位晚上好，我是今天的主持人，叫我小谢就行。\n\n"
              "**参与者A**：我叫郝建民，跑网约车的。\n\n**参与者C**：我姓常，常青，做物业的。\n\n"
              "**主持人**：好的，谢谢。\n\n**参与者A**：不客气。\n\n**参与者C**：对。\n")
    assert [s for (s,), _ in turns(t)] == ["谢雨彤", "郝建民", "常青", "谢雨彤", "郝建民", "常青"]


def test_a_records_header_fields_without_a_rule_are_no_turns_and_introduce_the_committee():
    t = parse("博士学位论文答辩记录\n\n论文题目：长文档问答方法研究\n答辩人：许嘉明（2020级直博生）\n指导教师：冯立群 教授\n"
              "答辩时间：2025年5月23日下午\n记录人：刘畅（研究生秘书）\n\n一、答辩委员会组成\n\n"
              "主席：王振国，南屿大学人工智能研究院院长、教授\n委员：李晓兰，中国科学院自动化研究所研究员\n"
              "委员：陈思源，深蓝智算首席科学家\n\n二、答辩过程\n\n"
              "王振国（主席）：好，我们开始。\n李老师（线上）：能听到。\n答辩人：谢谢各位老师。\n"
              "陈总（企业专家）：我说一点不同的看法。\n王教授：好。\n")
    assert [s for (s,), _ in turns(t)] == ["王振国", "李晓兰", "许嘉明", "陈思源", "王振国"]


def test_a_guests_label_is_the_one_person_the_host_introduces_as_the_guest():
    t = parse("HOST (Sarah Kim): Welcome back. I'm Sarah Kim.\n\nHOST (Dev Malhotra): Our guest today is Zhao Yifan, "
              "co-founder of a Hangzhou startup.\n\nGUEST: Thanks for having me.\n\nHOST (Sarah Kim): Great.\n\n"
              "GUEST: Happy to be here.\n")
    assert [s for (s,), _ in turns(t)] == ["Sarah Kim", "Dev Malhotra", "Zhao Yifan", "Sarah Kim", "Zhao Yifan"]
    t = parse("主播：好，正式开始。今天我们请到的嘉宾是衡序生物的联合创始人，林思源。\n\n嘉宾：大家好。\n\n主播：欢迎。\n")
    assert [s for (s,), _ in turns(t)][1] == "林思源"


def test_a_directorys_display_name_with_the_family_name_first_is_the_person_in_reading_order():
    t = parse("WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Zhang, Wei>大家好，我们开始。</v>\n\n"
              "2\n00:00:05.000 --> 00:00:08.000\n<v Okafor, Daniel>Thanks, happy to join.</v>\n\n"
              "3\n00:00:09.000 --> 00:00:12.000\n<v Zhang, Wei>好的。</v>\n")
    assert [s for (s,), _ in turns(t)] == ["Wei Zhang", "Daniel Okafor", "Wei Zhang"]


def test_a_chats_owner_and_a_member_who_gives_their_name_before_their_nickname():
    t = parse("2025-06-12 20:52 群主Ada-北京-AgentClub：欢迎大家。\n"
              "2025-06-12 21:03 老K-杭州-SGLang：顺便说一下我自己，柯俊，大家叫我老K，原来在阿里云做推理。\n"
              "2025-06-12 21:05 群主Ada-北京-AgentClub：欢迎欢迎。\n"
              "2025-06-12 21:06 老K-杭州-SGLang：谢谢群主。\n")
    assert [s for (s,), _ in turns(t)] == ["Ada", "柯俊", "Ada", "柯俊"]


def test_a_label_that_gives_the_speakers_organisation_before_the_name_is_that_person():
    t = parse("今晚的饭局请到了宇树科技创始人王兴兴、北辰智造董事长周一鸣。\n\n陈露：先聊量产。\n\n"
              "宇树王兴兴：量产最难。\n\n北辰智造周一鸣：我同意。\n\n国泰君安 方若琳：请问毛利率呢？\n\n"
              "说话人 2：很好。\n\n陈露：谢谢。\n")
    assert [s for (s,), _ in turns(t)] == ["陈露", "王兴兴", "周一鸣", "方若琳", "说话人 2", "陈露"]
    assert "宇树王兴兴" in t.speaker_record("王兴兴").aliases


def test_a_self_introduction_whose_words_open_with_a_common_word_names_no_one_by_them():
    t = parse("许文博：大家好，我是公司董事会秘书许文博。\n\n梁书蕾：谢谢许总。\n\n许文博：下面进入问答环节。\n")
    assert [s for (s,), _ in turns(t)] == ["许文博", "梁书蕾", "许文博"]


def test_a_sentence_with_a_comma_before_a_colon_is_no_joint_label_of_organisations_and_names():
    from talkgraph.extract.readers.labels import match_label

    assert match_label("唉马靖昊说会计厚林兄弟，真的对不起李厚林：我想我要看一个月的新闻。") is None
    assert match_label("国泰君安 方若琳：请问毛利率呢？").names == ("方若琳",)


def test_a_videos_uploader_label_is_a_speaker_and_the_pages_line_of_fields_is_none():
    t = parse("【科技访谈】对话栖云芯片创始人\nUP主：硬核小林 · 2025-03-08 发布 · 38.6万播放\n\n"
              "UP主：大家好，欢迎来到本期节目。\n\n韩立远：大家好。\n\nUP主：估值呢？\n\n韩立远：不方便说。\n")
    assert [s for (s,), _ in turns(t)] == ["UP主", "韩立远", "UP主", "韩立远"]
    assert_offsets_exact(t)


def test_the_apps_recording_notices_are_no_ones_words():
    t = parse("00:00:04 周晓岚: 欢迎来到第三场，我们开始。\n\n00:31:35 韦婉清: 谢谢大家，下次见。\n\n[Recording stopped]\n")
    assert "Recording" not in t.turns[-1].text(t.document)


def test_a_meeting_line_of_time_display_name_and_colon_is_the_persons_turn():
    t = parse("00:00:04 周晓岚 (Staff): 欢迎来到第三场。\n\n00:00:31 韦婉清: 谢谢。我们请到了上海人工智能实验室的张浩然博士。\n\n"
              "00:12:41 Zhang Haoran-上海AI Lab: 谢谢韦老师，我补充一点。\n\n00:20:10 韦婉清: 好。\n\n"
              "00:25:58 Kevin Huang's iPad: 喂，能听到吗？我是智谱 AI 安全团队的黄凯文。\n\n00:26:30 韦婉清: 可以听到。\n")
    speakers = [s for (s,), _ in turns(t)]
    assert speakers[2] not in ("韦婉清", "周晓岚") and speakers[4] == "黄凯文"
    assert len(speakers) == 6
    assert_offsets_exact(t)


def test_a_prompt_stated_in_bold_among_bold_questions_is_the_interviewers():
    t = parse("# 专访经济学家韦立衡\n\n文｜记者 陶晓雯\n\n**您怎么看明年的利率？**\n\n我认为还有下降空间。\n\n"
              "**地方债务呢？**\n\n化债是一个长期过程。\n\n**有人担心房地产下行会拖累中小银行的资产质量。**\n\n"
              "这个担心有道理，但风险总体可控。\n\n**最后一个问题，您对年轻人有什么建议？**\n\n多读书。\n")
    speakers = [s for (s,), _ in turns(t)]
    assert len(speakers) == 8 and len(set(speakers[0::2])) == 1 and len(set(speakers[1::2])) == 1
    assert speakers[0] != speakers[1]


def test_a_numbered_speaker_who_gives_the_short_form_of_a_post_before_the_name_is_that_person():
    t = parse("谢立群：开始吧，你先汇报。\n\n发言人2：好的。各位老师好，我是住院总韩一帆，汇报的是12床。\n\n谢立群：好。\n")
    assert [s for (s,), _ in turns(t)] == ["谢立群", "韩一帆", "谢立群"]


def test_askers_named_in_the_notes_of_an_asking_label_are_each_that_person():
    t = parse("主持人：下面是提问环节。\n\n同学提问（2021级微电子专业 王浩然）：请问怎么选方向？\n\n许安宁：去一线。\n\n"
              "同学提问（2022级生物医学工程专业 李思琪）：请问要读博吗？\n\n许安宁：看兴趣。\n")
    assert [s for (s,), _ in turns(t)] == ["主持人", "王浩然", "许安宁", "李思琪", "许安宁"]
    assert_offsets_exact(t)


def test_the_live_streams_comments_are_a_group_not_a_person():
    from talkgraph.extract.model import SpeakerKind

    t = parse("主播：家人们晚上好。\n\n弹幕：茉莉花有没有！\n\n主播：有的有的。\n\n弹幕：多少钱？\n\n主播：九十九。\n")
    assert t.speaker_record("弹幕").kind is SpeakerKind.UNNAMED


def test_a_programmes_film_insert_is_an_unnamed_speaker_not_a_person():
    from talkgraph.extract.model import SpeakerKind

    t = parse("1\n00:00:01,000 --> 00:00:03,000\n（主持人）欢迎收看，我是沈一鸣。\n\n2\n00:00:03,000 --> 00:00:06,000\n"
              "【VCR】远川精密成立于1998年。\n\n3\n00:00:06,000 --> 00:00:09,000\n（主持人）我们继续。\n")
    assert [s for (s,), _ in turns(t)] == ["沈一鸣", "VCR", "沈一鸣"]
    assert t.speaker_record("VCR").kind is SpeakerKind.UNNAMED


def test_forms_of_address_as_labels_are_the_guests_the_hosts_opening_words_introduce():
    t = parse("主持人：今天请来了两位嘉宾，一位是远川精密董事长韦国栋先生，另一位是栖云智能的联合创始人兼首席执行官"
              "柯思远女士。\n\n韦总：谢谢。\n\n柯总：大家好。\n\n主持人：韦总怎么看？\n\n韦总：先转人。\n")
    assert [s for (s,), _ in turns(t)] == ["主持人", "韦国栋", "柯思远", "主持人", "韦国栋"]
    two = parse("主持人：今天请来了远川精密董事长韦国栋先生和韦立群教授。\n\n韦总：谢谢。\n\n主持人：好。\n")
    assert [s for (s,), _ in turns(two)] == ["主持人", "韦总", "主持人"]  # two of that surname: which, unsaid


def test_posts_joined_before_a_name_label_that_one_person_and_joint_names_stay_two_speakers():
    t = parse("主持人：欢迎参加业绩说明会。\n\n董事长、总经理许定川：今年收入增长了两成。\n\n投资者：明年呢？\n\n"
              "副总经理、董事会秘书蒋沐秋：预计继续增长。\n\n国家统计局新闻司副司长、新闻发言人钟立文：请继续提问。\n\n"
              "总经理许定川：补充一点。\n\n韩梅、李雷：谢谢。\n")
    assert [s for s, _ in turns(t)] == [("主持人",), ("许定川",), ("投资者",), ("蒋沐秋",), ("钟立文",), ("许定川",),
                                        ("韩梅", "李雷")]
    assert_offsets_exact(t)


def test_a_group_label_with_a_name_in_brackets_is_that_person_and_group_labels_are_speakers():
    t = parse("主持人：各位投资者下午好。\n\n管理层（刘建明）：营收增长了18%。\n\n投资者1：想问一下费用？\n\n"
              "管理层（王小红）：费用下降了。\n\n投资者：我是远望资本的，想问一下海外进展。\n\n"
              "管理层（刘建明）：明年去越南。\n\n观众：刘总您好，我想问一下分红。\n")
    assert [s for (s,), _ in turns(t)] == ["主持人", "刘建明", "投资者1", "王小红", "投资者", "刘建明", "观众"]
    assert_offsets_exact(t)
    assert not any(m.text == "投资者" for m in extract(t).mentions)  # 各位投资者: the group, not who spoke as 投资者


def test_a_speaker_saying_where_they_are_from_gives_no_name():
    t = parse("主持人：请提问。\n\n投资者2：谢谢，我是高毅资产的，想问一下开店计划？\n\n林海涛：明年开两百家。\n\n"
              "投资者2：我是张涛的助理，再问一个。\n")
    assert [s for (s,), _ in turns(t)] == ["主持人", "投资者2", "林海涛", "投资者2"]


def test_disclaimers_lead_ins_and_sounds_are_no_ones_words_but_bracketed_headings_stay():
    t = parse("主持人：欢迎。\n\n林海涛：毛利率会稳中有升。\n\n（掌声）\n\n主持人：谢谢。\n\n以下为会议纪要全文：\n\n"
              "免责声明：本纪要根据会议内容整理，不构成投资建议。市场有风险，投资需谨慎。\n")
    assert turns(t) == [(("主持人",), "欢迎。"), (("林海涛",), "毛利率会稳中有升。"), (("主持人",), "谢谢。")]
    srt = ("1\n00:00:01,000 --> 00:00:03,000\n陈默：我觉得短期内不会。\n\n"
           "2\n00:00:03,000 --> 00:00:05,000\n[音乐]\n")
    assert turns(parse(srt)) == [(("陈默",), "我觉得短期内不会。")]
    heading = parse("(田奇谈大模型与碳中和)\n\n田奇：大模型要节能。\n\n林伟：同意。\n\n田奇：谢谢。\n")
    assert [b.role for b in heading.blocks if heading.document.text[b.start:b.end].startswith("(")] == [BlockRole.HEADING]


def test_numbered_speakers_are_named_by_a_long_self_introduction_or_by_answering_when_called():
    t = parse("发言人1 00:00:05\n大家好，我是青橙科技的项目总监高建国。\n\n"
              "发言人2 00:01:10\n我是华为云昇腾生态的解决方案架构师王磊。授权费没有调整。\n\n"
              "发言人1 00:02:30\n陈晓，你是跟客户对接的，你觉得合同能改吗？\n\n"
              "发言人3 00:02:45\n能改，但是要下周。\n\n发言人4 00:03:00\n我补充一点。\n")
    assert [s for (s,), _ in turns(t)] == ["高建国", "王磊", "高建国", "陈晓", "发言人4"]


def test_a_role_label_with_an_english_given_name_and_a_surname_in_brackets_is_that_person():
    t = parse("主持人：请管理层回答。\n\n管理层（Kevin 韩）：电商增长很快。\n\n投资者1：谢谢。\n\n管理层（邵明远）：好的。\n")
    assert [s for (s,), _ in turns(t)] == ["主持人", "Kevin 韩", "投资者1", "邵明远"]


def test_cast_lines_that_describe_people_by_their_posts_are_no_turns_even_below_a_page_label():
    t = parse("节目时长：58 分钟\n主播：Tina（陶婧），前淘宝直播运营负责人；Leo（梁越），播客主理人\n"
              "嘉宾：前字节跳动产品经理 Kevin 郭一鸣\n\nLeo：欢迎收听。\n\nTina：大家好。\n\n郭一鸣：谢谢。\n\nLeo：开始吧。\n")
    assert [s for (s,), _ in turns(t)] == ["梁越", "陶婧", "郭一鸣", "梁越"]


def test_meeting_headers_with_a_name_in_brackets_as_tencent_meeting_writes_them():
    t = parse("陈思远(Leo) 00:00:08\n大家好，今天评审3.0。\n\nAmanda Zhou(Amanda Zhou) 00:04:05\n上周我聊过了。\n\n"
              "老郑(郑国栋) 00:05:02\n我觉得要推迟两周。\n\n陈思远（Leo）  00:06:00\n好，那就推迟。\n")
    assert [s for (s,), _ in turns(t)] == ["陈思远", "Amanda Zhou", "郑国栋", "陈思远"]
    assert t.turns[1].start_time == 245.0
    assert_offsets_exact(t)


def test_meeting_headers_whose_display_names_hold_a_team_an_english_name_or_a_masked_number():
    t = parse("祁远航  00:00:03\n我们开始。\n\n钟立-风控中心  00:01:10\n我先说风控。\n\n"
              "邵明 | AI Lab  00:02:02\n我说模型。\n\nGrace Lin 林可欣  00:03:36\n我说海外。\n\n"
              "蒋一帆 Evan  00:04:00\n我说财务。\n\n138****6621  00:05:47\n不好意思，我刚才掉线了。\n\n"
              "祁远航  00:06:30\n好，散会。\n\n以上内容由会议助手智能转写生成，仅供参考。\n")
    assert [s for (s,), _ in turns(t)] == ["祁远航", "钟立", "邵明", "林可欣", "蒋一帆", "138****6621", "祁远航"]
    assert turns(t)[-1][1] == "好，散会。"
    assert [t.document.text[s:e] for s, e in t.turns[5].labels] == ["138****6621"]
    assert {r.name: r.kind for r in t.speaker_records}["138****6621"] is SpeakerKind.UNNAMED
    assert_offsets_exact(t)


def test_a_reporter_of_an_outlet_with_an_english_name_is_a_speaker():
    t = parse("主持人：下面提问。\n\nDot Esports 记者：Coach Kim, congratulations. 你们怎么逆转的？\n\n金泰勋：我们调整了战术。\n\n"
              "新华社记者：请问明年的目标？\n\n金泰勋：拿冠军。\n")
    assert [s for (s,), _ in turns(t)] == ["主持人", "Dot Esports 记者", "金泰勋", "新华社记者", "金泰勋"]


def test_a_transliterated_full_name_as_a_label_stays_whole_when_the_introduction_gives_it():
    t = parse("## 嘉宾\n\n| 姓名 | 公司 |\n| --- | --- |\n| 何悦 | 零售前哨 |\n| 马克·费舍尔（Mark Fisher） | 麦肯锡 |\n\n"
              "**何悦：** 欢迎。\n\n**马克·费舍尔：** 谢谢。\n\n**何悦：** 好。\n\n**马克·费舍尔：** 再见。\n")
    assert [s for (s,), _ in turns(t)] == ["何悦", "马克·费舍尔", "何悦", "马克·费舍尔"]


def test_a_webvtt_notes_text_is_read_as_the_pages_and_its_cast_introduces_the_speakers():
    vtt = ("WEBVTT\n\nNOTE\n决赛路演第三场\n主持人：高远；评委：王建国（红杉中国合伙人）\n\n"
           "00:00:01.000 --> 00:00:03.000\n<v 高远>欢迎。\n\n00:00:03.000 --> 00:00:06.000\n<v 王建国>谢谢。\n\n"
           "STYLE\n::cue { color: white }\n")
    t = parse(vtt)
    assert [s for (s,), _ in turns(t)] == ["高远", "王建国"]
    from talkgraph.extract import extract
    roles = {(r.person.text, r.title, r.organization and r.organization.text) for r in extract(t).roles}
    assert ("王建国", "合伙人", "红杉中国") in roles
    read = {BlockRole.TURN, BlockRole.INTRO, BlockRole.HEADING, BlockRole.CONTINUATION}
    assert "color" not in " ".join(t.document.text[b.start:b.end] for b in t.blocks if b.role in read)  # a style is no text


def test_a_familiar_form_is_a_speakers_label_even_after_where_they_are_from():
    t = parse("主持人：下面是提问环节。\n\n林振华：好的。\n\n经管学院的小王：林老师好，我想问一个问题？\n\n"
              "林振华：这个问题很好。\n\n老周：我补充一句。\n")
    assert [s for (s,), _ in turns(t)] == ["主持人", "林振华", "小王", "林振华", "老周"]


def test_a_post_or_role_before_a_name_in_latin_letters_is_that_person():
    t = parse("**主持人 高原**：今天聊芯片。\n\n**联合主持 Ryan**：大家好。\n\n**高原**：先说结论。\n\n"
              "首席技术官 Marcus Lee：我来回答。\n\n**Ryan**：好的。\n")
    assert [s for (s,), _ in turns(t)] == ["高原", "Ryan", "高原", "Marcus Lee", "Ryan"]
    assert_offsets_exact(t)


def test_an_outlet_whose_name_opens_with_a_number_asks_as_the_interviewer():
    t = parse("36氪：为什么做机器人？\n\n蒋：因为需求很大。\n\n36氪：下一步呢？\n\n蒋：出海。\n")
    assert [s for (s,), _ in turns(t)] == ["36氪", "蒋", "36氪", "蒋"]
    timeline = parse("2019年：加入腾讯。\n\n2021年：离开腾讯。\n\n2023年：创业。\n")
    assert not timeline.turns


def test_a_surname_alone_or_with_a_form_of_address_is_the_one_person_introduced_with_it():
    t = parse("本期我们采访了凌霄科技创始人蒋一鸣和导演陶冉。\n\n记者：先聊公司。\n\n蒋：我们做传感器。\n\n"
              "记者：陶导呢？\n\n陶导：我拍纪录片。\n")
    assert [s for (s,), _ in turns(t)] == ["记者", "蒋一鸣", "记者", "陶冉"]


def test_the_title_is_the_pages_first_level_heading_or_the_headline_above_its_byline_or_date():
    zhihu = parse("首页\n\n发现\n\n# 从大厂到乡村学校：一位校长的十年\n\n作者的主页\n\n问：为什么回乡？\n\n答：因为孩子。\n\n"
                  "问：难吗？\n\n答：很难。\n")
    assert zhihu.title == "从大厂到乡村学校：一位校长的十年"
    paper = parse("财新网 > 科技 > 正文\n\n机器人进工厂：三位厂长的账本\n\n财新记者 陶然 实习生 梁越\n\n2025-03-02 09:15 来源：财新网\n\n"
                  "陶然：先说成本。\n\n韩立：成本降了三成。\n\n陶然：人呢？\n\n韩立：转岗了。\n")
    assert paper.title == "机器人进工厂：三位厂长的账本"
    byline = parse("晚点首发｜凌霄机器人完成5亿元C轮融资\n\n文｜陶然\n\n凌霄机器人近日完成融资。\n\n"
                   "晚点：为什么现在融资？\n\n韩立：窗口期到了。\n\n晚点：下一步？\n\n韩立：出海。\n")
    assert byline.title == "晚点首发｜凌霄机器人完成5亿元C轮融资"
    wechat = parse("对话凌霄韩立：机器人的下一个十年\n\n原创 陶然 硬核观察 2026年11月12日 08:30 上海\n\n图片\n\n"
                   "Q：为什么做机器人？\n\nA：需求太大。\n\nQ：难吗？\n\nA：难。\n")
    assert wechat.title == "对话凌霄韩立：机器人的下一个十年" and wechat.date == "2026-11-12"
    meeting = parse("腾讯会议 智能录制转写\n会议主题：Q3直播复盘\n会议时间：2024-08-27 14:00\n\n"
                    "陈立(CEO) 00:00:05\n我们开始吧。\n\n林晓婷 00:00:31\n好的。\n")
    assert meeting.title == "Q3直播复盘"
    show = parse("硅基医声 EP.47｜陶然：把肺结节AI做到三类证之后，真正的难题在医院里面\n\n【时间轴】\n00:01:10 公司是怎么开始的\n"
                 "00:08:45 拿证的那两年\n\n00:01:10 孟川：欢迎。\n00:01:20 陶然：谢谢。\n00:02:00 孟川：说说吧。\n")
    assert show.title == "硅基医声 EP.47｜陶然：把肺结节AI做到三类证之后，真正的难题在医院里面"
    posted = parse("对话凌霄韩立：机器人的下一个十年\n\n原创 2026-11-12 08:30 发表于上海 硬核观察\n\n"
                   "Q：为什么做机器人？\n\nA：需求太大。\n\nQ：难吗？\n\nA：难。\n")
    assert posted.title == "对话凌霄韩立：机器人的下一个十年" and posted.date == "2026-11-12"
    seconds = parse("专访凌霄韩立：机器人的下一个十年\n\n硬核财经 2026-11-12 19:42:15 听新闻\n\n"
                    "记者：为什么做机器人？\n\n韩立：需求太大。\n\n记者：难吗？\n\n韩立：难。\n")
    assert seconds.title == "专访凌霄韩立：机器人的下一个十年" and seconds.date == "2026-11-12"
    minutes = parse("远山证券研究所 2026年度策略会（内部纪要）\n会议时间：2026年1月5日 14:00-15:30\n地点：上海\n\n"
                    "00:01:02 韩立：先说结论。\n00:02:10 陶然：我同意。\n00:03:00 韩立：好。\n")
    assert minutes.title == "远山证券研究所 2026年度策略会（内部纪要）"


def test_an_online_interviews_askers_by_handle_its_editor_and_its_notes_are_told_apart():
    t = parse("编者按：本期访谈邀请到澜岳资本创始合伙人韩立新。\n\n风险提示：本文仅代表嘉宾个人观点，不构成投资建议。\n\n"
              "【小编】各位晚上好！今晚的嘉宾韩总已经到位。\n\n韩立新：大家好，我是韩立新。\n\n"
              "@价值投资老王 问：韩总好，算力还能买吗？\n\n答：我不认为现在是泡沫顶点。\n\n"
              "【小编注】球友可在站内搜索查看财报。\n\n@科技股猎手 问：您怎么看国产芯片？\n\n答：方向确定，但要挑公司。\n")
    said = turns(t)
    assert [s for (s,), _ in said] == ["小编", "韩立新", "@价值投资老王", "韩立新", "@科技股猎手", "韩立新"]
    assert said[3][1] == "我不认为现在是泡沫顶点。"
    assert_offsets_exact(t)


def test_a_panels_guest_list_title_and_askers_known_by_their_notes_are_told_apart():
    t = parse("亚洲前沿峰会 2025\nPanel 3：从大模型到智能体，机会在哪里？\n地点：新加坡\n时间：2025年5月21日 14:30\n\n"
              "【嘉宾】\nModerator (Jane Lee)：李静文，Managing Editor at North Media\n韩立新（北方大学教授）：北方大学计算机学院教授\n\n"
              "Moderator (Jane Lee): Good afternoon, 我是Jane。\n\n韩立新（北方大学教授）：谢谢Jane。\n\n"
              "观众提问（北方大学学生）：韩老师，智能体什么时候成熟？\n\n韩立新（北方大学教授）：三到五年。\n\n"
              "观众提问（某保险公司）：出错谁负责？\n\n韩立新（北方大学教授）：人负责。\n\n"
              "观众提问（陶然，澜岳科技联合创始人）：开源够用吗？\n\n韩立新（北方大学教授）：够用。\n")
    assert [s for (s,), _ in turns(t)] == ["Jane Lee", "韩立新", "观众提问（北方大学学生）", "韩立新",
                                           "观众提问（某保险公司）", "韩立新", "陶然", "韩立新"]
    assert_offsets_exact(t)


def test_a_pages_buttons_footers_and_generated_notes_are_no_part_of_the_last_turn():
    t = parse("陶然：先说成本。\n\n韩立：成本降了三成。\n\n陶然：好，今天就到这儿。\n\n智能纪要由妙记生成，仅供参考\n\n"
              "赞同 1284 \u200b 添加评论 \u200b 分享 \u200b 收藏\n\n【打印本页】【关闭窗口】\n"
              "主办单位：某市人民政府办公室　　网站标识码：3300000001\n")
    assert turns(t)[-1][1] == "好，今天就到这儿。"
    timed = parse("00:01:02 韩立：先说结论。\n00:02:10 陶然：我同意。\n\n（会议结束）\n")
    assert turns(timed)[-1][1] == "我同意。"
    broadcast = parse("陶然：欢迎收看。\n\n韩立：谢谢。\n\n陶然：我们下周再见。\n\n本节目文字实录仅供参考，以播出版本为准。\n"
                      "更多精彩内容，请关注晨光财经客户端。\n")
    assert turns(broadcast)[-1][1] == "我们下周再见。"
    ended = parse("Moderator: Welcome.\n\n韩立：谢谢。\n\nModerator: Thank you all.\n\n[15:47] 本场结束\n\n"
                  "Asia Frontier Forum is organised by North Media.\n")
    assert turns(ended)[-1][1] == "Thank you all."


def test_a_lecturers_unlabelled_talk_and_answers_are_the_lecturer_the_introduction_names():
    t = parse("讲座由经济学院陶然教授主持。主讲人韩立新，北方大学经济学院教授。\n\n"
              "谢谢陶老师的介绍。我今天讲三个观点。\n\n第一个观点是平台会分化。\n\n"
              "观众提问：韩老师，平台会垄断吗？\n\n不会，竞争一直都在。\n\n"
              "提问者（北方大学学生）：那骑手怎么办？\n\n骑手的议价能力会变强。\n\n陶然：谢谢韩老师。\n")
    assert [s for (s,), _ in turns(t)] == ["韩立新", "观众提问", "韩立新", "提问者（北方大学学生）", "韩立新", "陶然"]
    assert turns(t)[0][1] == "谢谢陶老师的介绍。我今天讲三个观点。\n第一个观点是平台会分化。"
    quoted = parse("主持人：请讲。\n\n韩立新：平台会分化。\n\n观众：会垄断吗？\n\n韩立新：不会。\n")
    assert [s for (s,), _ in turns(quoted)] == ["主持人", "韩立新", "观众", "韩立新"]


def test_a_talks_questions_and_answers_labelled_as_such_are_the_audiences_and_the_lecturers():
    t = parse("主讲人：韩立新，北方大学经济学院教授\n主持人：陶然\n\n"
              "谢谢陶老师的介绍。我今天讲三个观点。\n\n第一个观点是平台会分化。\n\n"
              "提问：韩老师，平台会垄断吗？\n\n回答：不会，竞争一直都在。\n\n"
              "提问：那骑手怎么办？\n\n回答：骑手的议价能力会变强。\n")
    assert [s for (s,), _ in turns(t)] == ["韩立新", "提问", "韩立新", "提问", "韩立新"]
    assert_offsets_exact(t)


def test_a_subtitle_line_whose_colon_follows_a_word_opens_no_turn():
    vtt = ("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v 周婷>我们做机器人。\n\n00:00:03.000 --> 00:00:05.000\n"
           "<v 吴昊>好。\n\n00:00:05.000 --> 00:00:08.000\n<v 周婷>活下来的公司一定有订单。\n\n"
           "00:00:08.000 --> 00:00:10.000\n能活下来的，一定是有订单的公司。\n我们的策略很简单：不做演示。\n")
    assert turns(parse(vtt))[-1] == (("周婷",), "活下来的公司一定有订单。\n能活下来的，一定是有订单的公司。\n"
                                              "我们的策略很简单：不做演示。")


def test_handles_label_a_spaces_speakers_whom_the_cast_names():
    t = parse("时间：2024年3月21日\nHost：@lin_eth（Lin Qiao，远山资本 研究合伙人）\n"
              "嘉宾：@0xKevin（韩立新，星链交易所 联合创始人）、@tao_defi（陶然，北辰研究院 研究员）\n\n"
              "@lin_eth: OK we're live. 欢迎大家。\n\n@0xKevin: 我先说，这波是真钱。\n\n"
              "@tao_defi: 我部分同意。\n\n@lin_eth: 好，下一个问题。\n")
    assert [s for (s,), _ in turns(t)] == ["Lin Qiao", "韩立新", "陶然", "Lin Qiao"]
    assert turns(t)[0][1] == "OK we're live. 欢迎大家。"
    assert_offsets_exact(t)


def test_a_reporters_narration_below_a_picture_and_the_related_news_are_no_speakers_words():
    t = parse("主持人：最后请两位各用一句话给个建议。\n\n郝建峰：先把数据管起来。\n\n主持人：好，谢谢两位。\n\n"
              "▲ 圆桌对话现场。左起：主持人、郝建峰。\n\n据了解，本次论坛期间共有8家企业签署了合作协议。\n\n"
              "相关新闻：\n\n· 合肥：人工智能产业规模突破270亿元\n\n【广告】产业园二期招商火热进行中\n")
    assert turns(t)[-1] == (("主持人",), "好，谢谢两位。")


def test_a_meeting_apps_summary_after_the_transcript_is_no_ones_turn():
    t = parse("韩立 00:00:03\n好，我们开始。\n\n陶然 00:00:10\n我同意先做适配。\n\n韩立 00:01:02\n好的，散会。\n\n"
              "智能纪要\n总结\n本次会议讨论了适配方案。\n\n待办\n- 陶然：下周一前给出方案\n")
    assert turns(t)[-1] == (("韩立",), "好的，散会。")


def test_a_speech_after_an_introduction_that_says_who_gave_it_is_theirs_and_the_headline_is_no_turn():
    t = parse("北辰智造韩立新：制造业的下一个十年\n\n2024-09-12 18:42　来源：产业观察　文｜陶然\n\n"
              "9月12日，北辰智造创始人韩立新在产业大会上发表了题为《下一个十年》的主题演讲。以下为演讲实录：\n\n"
              "各位同行，大家下午好。今天讲三点。\n\n第一，制造业会越来越智能。\n")
    assert [s for (s,), _ in turns(t)] == ["韩立新"]
    assert turns(t)[0][1] == "各位同行，大家下午好。今天讲三点。\n第一，制造业会越来越智能。"
    assert t.title == "北辰智造韩立新：制造业的下一个十年"


def test_a_talk_opening_with_a_self_introduction_before_the_labelled_questions_is_the_speakers():
    t = parse("韩立新：工厂里的机器人，先学会说“停”\n\n原创 产业观察 2024年10月08日 19:30 上海\n\n作者｜韩立新\n\n"
              "演讲\n\n大家好，我是韩立新。我在一家机床厂工作。\n\n我先讲一个故事。去年我们的机器人停了三次。\n\n"
              "主持人（陶然）：谢谢韩老师。现在提问。\n\n观众1：机器人会取代工人吗？\n\n韩立新：不会，至少十年内不会。\n")
    assert [s for (s,), _ in turns(t)] == ["韩立新", "陶然", "观众1", "韩立新"]
    assert turns(t)[0][1] == "大家好，我是韩立新。我在一家机床厂工作。\n我先讲一个故事。去年我们的机器人停了三次。"
    assert t.title == "韩立新：工厂里的机器人，先学会说“停”"
    assert_offsets_exact(t)


def test_a_role_label_whose_note_gives_a_posts_acronym_before_the_name_is_that_person():
    t = parse("Operator：欢迎参加。\n\n管理层（IR Kevin Zhao）：谢谢Operator。\n\n管理层（CFO 韩立新）：大家好。\n\n"
              "分析师（远山证券 陶然）：毛利率呢？\n\n管理层（CFO 韩立新）：会改善。\n")
    assert [s for (s,), _ in turns(t)] == ["Operator", "Kevin Zhao", "韩立新", "陶然", "韩立新"]


def test_the_reporters_of_several_outlets_are_several_speakers_not_the_byline():
    t = parse("文｜陶然\n\n主持人：欢迎各位。\n\n韩立新：谢谢。我们赢了。\n\n记者（体坛周报）：您怎么看对手？\n\n"
              "韩立新：很强。\n\n记者（晨光晚报）：伤病情况呢？\n\n韩立新：还好。\n")
    asked = [s for (s,), _ in turns(t) if s.startswith("记者")]
    assert asked == ["记者（体坛周报）", "记者（晨光晚报）"]
    assert_offsets_exact(t)


def test_an_addressed_label_and_a_hosts_role_are_the_people_the_introduction_names():
    t = parse("本次直播由健康时报编辑陶然主持，邀请了第六人民医院心血管内科副主任医师韩立新。\n\n主持人：欢迎韩医生。\n\n"
              "韩医生：大家好。\n\n网友提问：韩医生，要吃一辈子药吗？\n\n韩医生：不一定。\n")
    assert [s for (s,), _ in turns(t)] == ["陶然", "韩立新", "网友提问", "韩立新"]


def test_a_nickname_label_is_the_name_the_introduction_gives_it_in_brackets():
    t = parse("节目由主持人大北（陶然）主持。\n\n**大北：**欢迎。\n\n**韩立新：**谢谢大北。\n\n**大北：**开始吧。\n")
    assert [s for (s,), _ in turns(t)] == ["陶然", "韩立新", "陶然"]


def test_a_headline_that_asks_above_the_date_is_the_title():
    t = parse("小宇宙 · 播客\n《育儿周刊》 EP87｜AI进课堂以后，孩子还需要刷题吗？\n\n2024年11月18日 · 时长 58:42\n\n"
              "陶然：欢迎。\n\n韩立：谢谢。\n\n陶然：开始吧。\n")
    assert t.title == "《育儿周刊》 EP87｜AI进课堂以后，孩子还需要刷题吗？"


@pytest.mark.parametrize("text, speakers", [
    ("主持人：欢迎。\n\n韩立新 教授：谢谢。\n\n陶然主任：我补充。\n\n韩立新 教授：好。\n\n陶然主任：对。\n",
     ["主持人", "韩立新", "陶然", "韩立新", "陶然"]),  # a name, then a title or form of address
    ("阿May：大家好。\n\n老周：我同意。\n\n阿May：好。\n\n老周：嗯。\n", ["阿May", "老周", "阿May", "老周"]),
    ("专访韩立新：明年增速预计在5%左右\n\n记者：您好。\n\n韩立新：你好。\n\n记者：明年呢？\n\n韩立新：会好。\n",
     ["记者", "韩立新", "记者", "韩立新"]),  # a headline's 专访 opens no label
    ("本期嘉宾是 Replyloop 的 co-founder Emily Zhang（陶然）。\n\n**Host:** 欢迎。\n\n**Emily:** 谢谢。\n\n"
     "**Host:** 开始吧。\n\n**Emily:** 好。\n", ["Host", "陶然", "Host", "陶然"]),
])
def test_labels_of_a_name_and_title_a_familiar_latin_name_and_a_given_name_glossed_in_the_introduction(text, speakers):
    assert [s for (s,), _ in turns(parse(text))] == speakers


def test_a_voice_tags_role_in_brackets_is_no_part_of_the_name_and_an_exports_stamp_no_part_of_a_turn():
    vtt = ("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v 陶然 (算法负责人)>我们先对一下时间。\n\n"
           "00:00:03.000 --> 00:00:05.000\n<v 韩立>好的。\n\n00:00:05.000 --> 00:00:08.000\n<v 陶然 (算法负责人)>那就这样。\n")
    assert [s for (s,), _ in turns(parse(vtt))] == ["陶然", "韩立", "陶然"]
    otter = "陶然  0:03\n我们开始吧。\n\n韩立  0:10\n好的，拜拜。\n\nTranscribed by https://otter.ai\n"
    assert turns(parse(otter))[-1] == (("韩立",), "好的，拜拜。")


def test_a_voice_tags_meeting_display_name_gives_the_persons_name():
    vtt = ("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v 陶然-算法中心>我们先对一下时间。\n\n"
           "00:00:03.000 --> 00:00:05.000\n<v 韩立 | 财务部>好的。\n\n"
           "00:00:05.000 --> 00:00:08.000\n<v Grace Su 苏雅>我补充一点。\n\n"
           "00:00:08.000 --> 00:00:10.000\n<v 陶然-算法中心>那就这样。\n")
    assert [s for (s,), _ in turns(parse(vtt))] == ["陶然", "韩立", "苏雅", "陶然"]


def test_a_debates_motion_is_no_speaker():
    t = parse("辩题：人工智能利大于弊\n\n主持人：欢迎。今天的辩题是人工智能。\n\n正方一辩 陶然：我方认为利大于弊。\n\n"
              "主持人：好。\n\n正方一辩 陶然：谢谢。\n")
    assert "辩题" not in [s for (s,), _ in turns(t)]


def test_a_bold_question_followed_by_the_fact_it_rests_on_is_a_question():
    t = parse("专访韩立新：固态电池还要多久\n\n**你们为什么做固态电池？**\n\n因为能量密度更高。\n\n"
              "**你怎么看价格战？电芯已经跌到0.4元一瓦时了。**\n\n价格战是一把双刃剑。\n\n**明年呢？**\n\n会更好。\n")
    assert [s for (s,), _ in turns(t)] == ["问", "韩立新", "问", "韩立新", "问", "韩立新"]


def test_subtitles_that_mark_the_host_alone_give_the_answers_after_his_questions_to_the_guest_he_introduces():
    srt = ("1\n00:00:00,000 --> 00:00:03,000\n（主持人）大家好，我是陶然。\n\n"
           "2\n00:00:03,000 --> 00:00:06,000\n今天的嘉宾是星河科技的创始人韩立新。\n\n"
           "3\n00:00:06,000 --> 00:00:08,000\n（主持人）你为什么创业？\n\n"
           "4\n00:00:08,000 --> 00:00:10,000\n因为想做自己的产品。\n\n"
           "5\n00:00:10,000 --> 00:00:12,000\n而且时机很好。\n\n"
           "6\n00:00:12,000 --> 00:00:14,000\n（主持人）明年呢？\n\n"
           "7\n00:00:14,000 --> 00:00:16,000\n明年会更好。\n")
    t = parse(srt)
    assert turns(t) == [(("陶然",), "大家好，我是陶然。\n今天的嘉宾是星河科技的创始人韩立新。\n你为什么创业？"),
                        (("韩立新",), "因为想做自己的产品。\n而且时机很好。"), (("陶然",), "明年呢？"),
                        (("韩立新",), "明年会更好。")]
    assert_offsets_exact(t)


def test_subtitles_of_a_talk_give_the_cues_after_the_hosts_hand_over_and_the_audiences_questions_to_the_lecturer():
    lines = ["主持人：下面这一位嘉宾", "是星河科技的联合创始人兼首席科学家韩立新博士。", "她主要做模型压缩和高效推理。",
             "有请韩博士！", "（掌声）", "谢谢大家。", "今天讲三件事。", "观众：韩博士你好，端侧模型多大合适？",
             "三十亿参数左右。", "Audience: What about latency?", "Latency is the real bottleneck.", "主持人：谢谢韩博士。"]
    srt = "".join(f"{i}\n00:00:{i:02d},000 --> 00:00:{i + 1:02d},000\n{line}\n\n" for i, line in enumerate(lines, 1))
    t = parse(srt)
    assert [(s, text.replace("\n", " ")) for (s, *_), text in turns(t)] == [
        ("主持人", "下面这一位嘉宾 是星河科技的联合创始人兼首席科学家韩立新博士。 她主要做模型压缩和高效推理。 有请韩博士！"),
        ("韩立新", "谢谢大家。 今天讲三件事。"), ("观众", "韩博士你好，端侧模型多大合适？"), ("韩立新", "三十亿参数左右。"),
        ("Audience", "What about latency?"), ("韩立新", "Latency is the real bottleneck."), ("主持人", "谢谢韩博士。")]


def test_subtitles_that_mark_the_guest_only_now_and_then_give_the_answers_after_the_hosts_questions_to_the_guest():
    lines = ["【访谈】第12期", "主持人：欢迎韩立新。", "嘉宾：谢谢。", "主持人：你为什么创业？", "因为想做自己的产品。",
             "主持人：明年呢？", "明年会更好。", "嘉宾：我们会扩张。"]
    srt = "".join(f"{i}\n00:00:{i:02d},000 --> 00:00:{i + 1:02d},000\n{line}\n\n" for i, line in enumerate(lines, 1))
    t = parse(srt)
    assert [(s, text.replace("\n", " ")) for (s, *_), text in turns(t)][-4:] == [
        ("主持人", "你为什么创业？"), ("嘉宾", "因为想做自己的产品。"), ("主持人", "明年呢？"), ("嘉宾", "明年会更好。 我们会扩张。")]


def test_subtitles_of_several_guests_labelled_now_and_then_give_the_answer_to_the_guest_the_question_calls():
    lines = ["主持人：欢迎周蔓和宋知远。", "周蔓：谢谢。", "宋知远：谢谢主持人。", "周蔓：我们做灵巧手。", "宋知远：我们做整机。",
             "主持人：说到数据，周老师，", "你们实验室是什么路线？", "我们两条腿走路。", "主持人：宋总，你们呢？", "我们买数据。",
             "主持人：大家怎么看？", "都很难。"]
    srt = "".join(f"{i}\n00:00:{i:02d},000 --> 00:00:{i + 1:02d},000\n{line}\n\n" for i, line in enumerate(lines, 1))
    t = parse(srt)
    assert [(s, text.replace("\n", " ")) for (s, *_), text in turns(t)][-5:] == [
        ("主持人", "说到数据，周老师， 你们实验室是什么路线？"), ("周蔓", "我们两条腿走路。"), ("主持人", "宋总，你们呢？"),
        ("宋知远", "我们买数据。"), ("主持人", "大家怎么看？ 都很难。")]  # a question calling no one: whose answer, unknown


def test_a_speaker_who_says_where_they_are_from_before_their_name_is_that_person():
    t = parse("说话人 1  00:00:01\n好，我们开始，大家都到了吗？\n\n说话人 6  00:00:05\n我这边是发行部的孙蕾，能听到。\n\n"
              "说话人 1  00:00:09\n好的，你先说一下渠道的情况。\n\n说话人 6  00:00:15\n渠道那边的反馈还不错。\n")
    assert [s for (s,), _ in turns(t)] == ["说话人 1", "孙蕾", "说话人 1", "孙蕾"]
    t = parse("主持人：各位下午好！我是今天的主持人，极客公园的何嘉。\n\n韩立新：谢谢何嘉。\n\n主持人：我们开始吧。\n")
    assert [s for (s,), _ in turns(t)] == ["何嘉", "韩立新", "何嘉"]


def test_an_audience_member_who_introduces_themselves_names_no_other_audience_turn():
    t = parse("主持人：下面是提问环节。\n\n观众：韩老师好，我是星河科技的王工。端侧模型多大合适？\n\n韩立新：三十亿参数左右。\n\n"
              "观众：我是远帆资本的林婉清，想问一下成本。\n\n韩立新：成本在下降。\n")
    assert [s for (s,), _ in turns(t)] == ["主持人", "观众", "韩立新", "观众", "韩立新"]
    assert "王工" not in t.speakers and "林婉清" not in t.speakers


def test_show_notes_above_the_lead_in_are_no_turns_and_name_the_people_behind_the_labels():
    t = parse("出海夜谈 EP12\n\n【本期嘉宾】\n老K：柯文博，栖木家居联合创始人。\nSarah：沈佳音，远帆物流副总裁。\n\n"
              "【主播】\n阿岚：林澜，节目主理人。\n\n【时间轴】\n02:10 老K：为什么做家具\n09:45 Sarah：海外仓怎么建\n\n"
              "以下为本期文字稿，由编辑部整理，有删节。\n\n" + "".join(f"{label}：{said}\n\n" for label, said in [
                  ("阿岚", "大家好，欢迎收听。"), ("老K", "大家好，我是老K。"), ("Sarah", "大家好。"), ("阿岚", "先聊家具。"),
                  ("老K", "家具是重货。"), ("Sarah", "海外仓很关键。"), ("阿岚", "那关税呢？"), ("老K", "关税在涨。"),
                  ("Sarah", "我们在墨西哥建仓。"), ("阿岚", "今天就到这里。")]))
    assert [s for (s,), _ in turns(t)] == ["林澜", "柯文博", "沈佳音"] * 3 + ["林澜"]
    assert_offsets_exact(t)


def test_an_english_audience_label_opens_the_audiences_turn():
    t = parse("**王蕾：** 我们开放提问。\n\n**Audience member:** How do you evaluate agents?\n\n"
              "**James Carter:** We use task suites.\n\n**王蕾：** 好，下一个。\n")
    assert [s for (s,), _ in turns(t)] == ["王蕾", "Audience member", "James Carter", "王蕾"]
    assert "Audience member" not in [r.name for r in t.speaker_records if r.kind is SpeakerKind.PERSON]


def test_a_markdown_image_alone_on_its_line_is_a_caption_whatever_its_words():
    t = parse("![圆桌现场，左起：唐晓晴、王蕾](https://img.example.com/panel.jpg)\n\n**王蕾：** 欢迎。\n\n"
              "**唐晓晴：** 谢谢。\n\n**王蕾：** 开始吧。\n")
    assert [s for (s,), _ in turns(t)] == ["王蕾", "唐晓晴", "王蕾"]
    assert t.blocks[0].role is BlockRole.CAPTION


def test_a_chats_notices_and_its_end_are_no_ones_words():
    t = parse("陶宇 2024-05-01 10:00\n估值口径有变吗？\n\n[撤回了一条消息]\n\n梁静 2024-05-01 10:02\n没有变。\n\n"
              "陶宇 2024-05-01 10:03\n好的。\n\n以上为全部聊天记录\n")
    assert turns(t) == [(("陶宇",), "估值口径有变吗？"), (("梁静",), "没有变。"), (("陶宇",), "好的。")]


def test_the_account_an_articles_header_names_asks_as_an_organisation():
    t = parse("原创　2024-10-15 09:12　青石前沿　北京\n\n青石前沿：你为什么出来创业？\n\n许嘉木：时机到了。\n\n"
              "青石前沿：下一步呢？\n\n许嘉木：出海。\n")
    kinds = {r.name: r.kind for r in t.speaker_records}
    assert kinds["青石前沿"] is SpeakerKind.ORGANIZATION and kinds["许嘉木"] is SpeakerKind.PERSON
    t = parse("原创 吴晗宁 青石Frontier 2025年06月18日 08:02 北京\n\n青石：你为什么出来创业？\n\n许嘉木：时机到了。\n\n"
              "青石：下一步呢？\n\n许嘉木：出海。\n")
    assert t.speaker_record("青石").kind is SpeakerKind.ORGANIZATION
    t = parse("点击上方蓝字「青石前沿」关注我们\n\n原创 吴晗宁 [青石前沿](https://mp.weixin.qq.com/s/qsqy) *2025年06月18日*\n\n"
              "**青石前沿：** 你为什么出来创业？\n\n**许嘉木：** 时机到了。\n\n**青石前沿：** 下一步呢？\n\n**许嘉木：** 出海。\n")
    assert t.speaker_record("青石前沿").kind is SpeakerKind.ORGANIZATION
    for header in ("点击上方蓝字「青石前沿」关注我们", "原创 吴晗宁 [青石前沿](https://mp.weixin.qq.com/s/qsqy)"):
        t = parse(header + "\n\n青石前沿：为什么创业？\n\n许嘉木：时机到了。\n\n青石前沿：下一步？\n\n许嘉木：出海。\n")
        assert t.speaker_record("青石前沿").kind is SpeakerKind.ORGANIZATION, header


def test_a_calls_operator_labelled_in_chinese_hosts():
    t = parse("操作员：欢迎参加本次业绩电话会。\n\n韩立新：大家好。\n\n操作员：下一个问题来自中金公司的汪浩。\n\n"
              "汪浩：请问毛利率？\n\n韩立新：会改善。\n")
    assert t.moderator == "操作员"
    assert t.speaker_record("操作员").kind is SpeakerKind.UNNAMED


def test_a_sound_between_a_speakers_lines_and_a_line_broken_at_a_comma_keep_the_turn_going():
    t = parse("主持人：各位观众晚上好！\n（掌声）\n今天我们聊聊AI老师。\n齐文澜：谢谢主持人。\n我觉得AI老师有用，\n"
              "但不能替代真人老师。\n主持人：为什么？\n齐文澜：因为教育是人的事。\n")
    assert turns(t) == [(("主持人",), "各位观众晚上好！\n今天我们聊聊AI老师。"),
                        (("齐文澜",), "谢谢主持人。\n我觉得AI老师有用，\n但不能替代真人老师。"),
                        (("主持人",), "为什么？"), (("齐文澜",), "因为教育是人的事。")]


def test_a_short_line_ending_with_a_comma_above_a_blank_line_may_still_be_a_heading():
    t = parse("王小明：我们先谈开源。\n\n模型不会一家独大，\n\n从小到大都有场景\n\n王小明：对。\n\n李华：是的。\n")
    assert [b.role for b in t.blocks if t.document.text[b.start:b.end].startswith("模型")] == [BlockRole.HEADING]


def test_a_host_who_gives_their_label_then_their_full_name_is_that_person():
    t = parse("**老周：** 大家好，我是老周，周启然。今天聊AI手机。\n\n**小鹿：** 我是小鹿，陆思琪。\n\n**老周：** 先说芯片。\n\n"
              "**小鹿：** 好。\n")
    assert [s for (s,), _ in turns(t)] == ["周启然", "陆思琪", "周启然", "陆思琪"]


def test_research_minutes_name_the_asker_in_brackets_after_the_roles_colon():
    t = parse("主持人：欢迎。\n\n问：（中金公司 分析师 贺一鸣）毛利率为何下降？\n\n答（财务总监 邱晓燕）：主要是成本上升。\n\n"
              "问：（高毅资产 研究员 吴畅）液冷需求被高估了吗？\n\n答（宋怀远）：没有。\n\n宋怀远：（笑）我们很有信心。\n")
    assert turns(t) == [(("主持人",), "欢迎。"), (("贺一鸣",), "毛利率为何下降？"), (("邱晓燕",), "主要是成本上升。"),
                        (("吴畅",), "液冷需求被高估了吗？"), (("宋怀远",), "没有。"), (("宋怀远",), "（笑）我们很有信心。")]
    assert_offsets_exact(t)


def test_a_records_lead_line_and_a_name_with_the_verb_of_its_turn_open_that_persons_turns():
    t = parse("主持人：欢迎。\n\n董事长宋怀远介绍：\n\n2024年公司增长很快。\n\n问：（中金公司 分析师 贺一鸣）毛利率为何下降？\n\n"
              "答（财务总监 邱晓燕）：成本上升。\n\n宋怀远补充：我同意邱总的判断。\n\n李斌说：这是引用。\n")
    assert [s for (s,), _ in turns(t)] == ["主持人", "宋怀远", "贺一鸣", "邱晓燕", "宋怀远"]
    assert_offsets_exact(t)


def test_the_lines_below_an_attendees_field_are_no_turns():
    t = parse("交流会纪要\n\n参会人员：\n公司方：董事长宋怀远；财务总监邱晓燕\n机构方：中金公司、中信证券\n主持人：顾佳宁\n\n"
              "问：（中金公司 分析师 贺一鸣）毛利率为何下降？\n\n答（财务总监 邱晓燕）：成本上升。\n\n"
              "问：（中信证券 分析师 吴畅）明年呢？\n\n答（宋怀远）：会好转。\n")
    assert [s for (s,), _ in turns(t)] == ["贺一鸣", "邱晓燕", "吴畅", "宋怀远"]


def test_a_markdown_cast_list_names_the_people_behind_nicknames_and_familiar_forms():
    t = parse("# E9 电池与机器人\n\n## 本期嘉宾与主播\n\n- **老K**：柯文博，本节目主理人\n"
              "- **钱博**：钱立伟，星轨动力创始人兼CEO\n\n" + "".join(f"**{label}**：{said}\n\n" for label, said in [
                  ("老K", "欢迎收听。"), ("钱博", "大家好。"), ("老K", "先聊电池。"), ("钱博", "电池在变。"),
                  ("老K", "那机器人呢？"), ("钱博", "机器人很难。")]))
    assert [s for (s,), _ in turns(t)] == ["柯文博", "钱立伟"] * 3


def test_a_guest_list_of_names_spaced_from_their_posts_names_who_the_surname_labels_are():
    t = parse("【圆桌嘉宾】\n孟岚 江南大学医学院副教授（主持）\n郝建峰 安和医院放射科主任\n\n"
              + "".join(f"{label}：{said}\n\n" for label, said in [
                  ("孟老师", "各位好，先请郝老师。"), ("郝老师", "谢谢孟老师。"), ("孟老师", "影像怎么样？"),
                  ("郝老师", "影像用得多。")]))
    assert [s for (s,), _ in turns(t)] == ["孟岚", "郝建峰"] * 2


def test_a_list_of_who_attends_above_the_turns_is_no_turn():
    t = parse("出席管理层：\n首席财务官 韩立新\n投资者关系总监 Kevin Zhao（赵凯文）\n\nOperator：欢迎参加。\n\n"
              "管理层（CFO 韩立新）：大家好。\n\nOperator：下一位。\n\n管理层（CFO 韩立新）：谢谢。\n")
    assert [s for (s,), _ in turns(t)] == ["Operator", "韩立新", "Operator", "韩立新"]


def test_an_end_mark_closes_the_conversation_and_what_follows_is_the_pages():
    t = parse("陶然：今天就聊到这里。\n\n韩立：谢谢，再见。\n\n陶然：好的，大家再见。\n\n—— 本期完 ——\n"
              "喜欢本期节目，欢迎订阅、评论、转发。\n")
    assert turns(t)[-1] == (("陶然",), "好的，大家再见。")


def test_a_hearings_record_names_its_parts_at_the_top_and_their_labels_stand_for_them():
    t = parse("审判长：韩立新\n书记员：陶然\n\n审判长：现在开庭。原告陈述诉讼请求。\n\n"
              "原告代理人（北方律师事务所 律师 梁越）：请求判令被告支付货款。\n\n被告：我们不认可。\n\n"
              "审判长：休庭。\n\n原告代理人签名：梁越\n")
    assert [s for (s,), _ in turns(t)] == ["韩立新", "梁越", "被告", "韩立新"]


def test_a_markdown_heading_of_an_english_given_name_and_a_surname_opens_a_turn():
    t = parse("### 陶然\n\n先请各位谈谈。\n\n### Kevin 林\n\n我补充一点。\n\n### 陶然\n\n好。\n")
    assert [s for (s,), _ in turns(t)] == ["陶然", "Kevin 林", "陶然"]


def test_a_nicknames_true_name_in_brackets_and_a_reporter_who_says_who_they_are_name_the_speaker():
    t = parse("本期嘉宾：老K（本名柯文杰，前体育记者）。\n\n**主持人**：欢迎老K。\n\n**老K**：谢谢。\n\n"
              "**主持人**：怎么看？\n\n**老K**：我押海港。\n")
    assert [s for (s,), _ in turns(t)] == ["主持人", "柯文杰", "主持人", "柯文杰"]
    t = parse("主持人：下面提问。\n\n北方日报记者：宋老师好，我是北方日报的记者林小鹿。想问一下难点？\n\n"
              "宋一帆：夜戏。\n\n南方周刊记者：请问预期？\n\n宋一帆：不好说。\n")
    assert [s for (s,), _ in turns(t)] == ["主持人", "林小鹿", "宋一帆", "南方周刊记者", "宋一帆"]


def test_a_chat_exports_headers_give_the_day_before_the_time_and_its_day_dividers_are_no_text():
    t = parse("群聊记录导出\n\n————— 2024-05-01 —————\n\n陶然 2024-05-01 10:00\n大家看一下进度。\n\n"
              "韩立 2024-05-01 10:03\n前端完成八成。\n\n————— 2024-05-02 —————\n\n陶然 2024-05-02 09:00\n好，周五提测。\n")
    assert [(s, text) for (s,), text in turns(t)] == [("陶然", "大家看一下进度。"), ("韩立", "前端完成八成。"),
                                                      ("陶然", "好，周五提测。")]
    assert t.turns[1].start_time is None  # a clock time, no offset into a recording


def test_a_chat_export_with_the_time_before_the_sender_and_display_names_with_teams():
    t = parse("群聊：推理部署交流群\n导出工具：留痕 v2.1\n\n2025-01-20 19:58:12 周宁｜开源社区\n各位，新模型发了，今晚大家有测的同步一下\n\n"
              "2025-01-20 19:59:03 鱼丸粗面\n真发了\n\n2025-01-20 20:00:21 老K-杭州-推理\n看了下配置，跟上一代同一个底座\n\n"
              "2025-01-20 20:01:47 Jason Wu 吴嘉森\n技术报告里最有意思的是冷启动那部分\n\n2025-01-20 20:02:10 王硕@衡川科技\n我们明天上线\n")
    assert [s for (s,), _ in turns(t)] == ["周宁", "鱼丸粗面", "老K", "吴嘉森", "王硕"]
    assert turns(t)[2][1] == "看了下配置，跟上一代同一个底座"
    assert t.turns[1].start_time is None
    assert_offsets_exact(t)


def test_a_chat_export_with_the_day_time_and_sender_before_each_message():
    t = parse("微信聊天记录导出\n群聊名称：推理小组\n\n2024-05-12 20:50 周宁-CEO：@全体成员 新模型发了，大家看看。\n"
              "2024-05-12 20:51 Leo韩-Infra：看了，价格很低。\n2024-05-12 20:52 Leo韩-Infra：[图片]\n"
              "2024-05-12 20:53 “许青”通过“周宁-CEO”的邀请二维码加入了群聊\n"
              "2024-05-12 20:54 许青：大家好，我是许青。\n2024-05-12 20:55 王博（顾问）：欢迎。\n")
    assert [(s, text) for (s,), text in turns(t)] == [
        ("周宁", "@全体成员 新模型发了，大家看看。"), ("Leo韩", "看了，价格很低。"), ("许青", "大家好，我是许青。"),
        ("王博", "欢迎。")]
    assert t.turns[0].start_time is None
    assert_offsets_exact(t)


def test_minutes_answers_labelled_by_post_or_post_and_name_and_askers_known_by_firm_and_post():
    t = parse("澜舟汽车三季度业绩电话会纪要\n\n出席管理层：创始人、董事长兼CEO 宋远航；CFO 韩立新；智能驾驶副总裁 Eric Tang（唐一帆）\n\n"
              "Q（中金公司分析师）：请问毛利率怎么看？\n\nA（CFO）：四季度毛利率指引是17%。\n\n"
              "A（CEO）：我补充一点。\n\nQ（远山证券分析师）：资本开支是多少？\n\nA（CFO）：85亿元。\n\n"
              "Q（匿名用户）：智驾怎么选芯片？\n\nA（智驾副总裁唐一帆）：选地平线。\n")
    assert [s for (s,), _ in turns(t)] == ["Q（中金公司分析师）", "韩立新", "宋远航", "Q（远山证券分析师）", "韩立新", "Q",
                                          "唐一帆"]
    kinds = {r.name: r.kind for r in t.speaker_records}
    assert kinds["Q（中金公司分析师）"] is SpeakerKind.UNNAMED and kinds["韩立新"] is SpeakerKind.PERSON
    assert_offsets_exact(t)


def test_askers_known_by_handles_and_an_answerer_named_only_in_some_labels():
    t = parse("> 本文整理自知乎 Live，主讲人 @孟书航。\n\n**主讲人简介**\n\n孟书航，栖禾智能联合创始人。\n\n**特邀嘉宾**\n\n"
              "郝岚，栖禾智能数据平台负责人。\n\n**Q（@深夜调参侠）：** 怎么选算法？\n\n**A：** 先看奖励能不能验证。\n\n"
              "**Q（@深夜调参侠）追问：** 那旧算法还要吗？\n\n**A：** 还要，长轨迹更稳。\n\n**Q（@图灵的猫）：** 数据怎么做？\n\n"
              "**A（郝岚）：** 合成数据要过滤。\n\n**Q（匿名用户）：** 为什么回国？\n\n**A：** 想做自己的模型。\n")
    assert [s for (s,), _ in turns(t)] == ["@深夜调参侠", "孟书航", "@深夜调参侠", "孟书航", "@图灵的猫", "郝岚", "Q", "孟书航"]
    assert_offsets_exact(t)


def test_role_headings_over_the_lines_naming_the_people_resolve_role_labels_in_either_language():
    t = parse("# EP12 | 跨境电商的下一站\n\n## 本期嘉宾\n\n**孟岚**，栖禾科技联合创始人兼 CTO。\n\n## 主持\n\n"
              "**Ethan Brooks**，前驻上海科技记者。\n\n---\n\n**Host:** Welcome to the show.\n\n**嘉宾：** 谢谢邀请。\n\n"
              "**Host:** How did you start?\n\n**嘉宾：** 我在深圳做卖家工具。\n")
    assert [s for (s,), _ in turns(t)] == ["Ethan Brooks", "孟岚", "Ethan Brooks", "孟岚"]


def test_a_speech_after_a_lead_in_naming_its_speaker_is_that_speakers_turn():
    t = parse("> 北辰科技创始人、董事长韩立新发布了新品。\n\n以下为韩总演讲实录：\n\n大家晚上好！今天我们发布三款新品。\n\n"
              "第一款是扫地机器人。\n\n**主持人：**感谢韩总。下面提问。\n\n**韩立新：**谢谢大家。\n")
    assert [s for (s,), _ in turns(t)] == ["韩立新", "主持人", "韩立新"]
    assert turns(t)[0][1] == "大家晚上好！今天我们发布三款新品。\n第一款是扫地机器人。"


def test_a_speech_lead_in_with_a_note_on_its_editing_still_names_the_speaker():
    t = parse("北辰科技举办了发布会。\n\n以下为韩立新演讲实录，经本人审定：\n\n大家晚上好！今天我们发布三款新品。\n\n"
              "第一款是扫地机器人。\n")
    assert [s for (s,), _ in turns(t)] == ["韩立新"]
    t = parse("北辰科技举办了发布会。\n\n以下为韩立新主旨演讲实录（有删节）：\n\n大家晚上好！今天我们发布三款新品。\n")
    assert [s for (s,), _ in turns(t)] == ["韩立新"]


def test_the_people_a_minutes_fields_name_after_their_organisations_and_posts():
    t = parse("# 远川证券 路演纪要｜2027年度策略会\n\n**主讲人**：远川证券研究所 首席分析师 孟书航\n"
              "**主持**：远川证券机构销售部 董事总经理 黄莉\n\n---\n\nQ：储能明年怎么看？\n\nA：增速放缓。\n\n"
              "Q：AI呢？\n\nA：还在加速。\n")
    assert [s for (s,), _ in turns(t)] == ["Q", "孟书航", "Q", "孟书航"]


def test_a_talk_whose_speaker_a_caption_names_and_lettered_audience_questions():
    t = parse("主讲｜顾承泽，云杉智能创始人兼董事长\n\n谢谢吴老师的介绍。我今天讲三个弯路。\n\n第一个弯路是太相信技术。\n\n"
              "吴佳宁：非常感谢顾总的分享。下面请同学们提问。\n\n观众A：想问一下，现在创业还来得及吗？\n\n"
              "来得及，但是窗口在变窄。\n\n观众B：您怎么看大模型？\n\n它是基础设施。\n")
    assert [s for (s,), _ in turns(t)] == ["顾承泽", "吴佳宁", "观众A", "顾承泽", "观众B", "顾承泽"]


def test_a_guests_label_after_a_caption_naming_someone_is_that_persons():
    t = parse("主持人：今天请来了两位嘉宾。首先有请第一位。\n\n【字幕：蒋立鸣 恒曜储能董事长】\n\n嘉宾：主持人好。\n\n"
              "主持人：蒋总，说说创业？\n\n蒋立鸣：2016年创办了恒曜。\n\n主持人：再请第二位。\n\n"
              "（字幕：许文涛 蓝湾资本合伙人）\n\n嘉宾：谢谢主持人。\n\n主持人：许总好。\n")
    assert [s for (s,), _ in turns(t)] == ["主持人", "蒋立鸣", "主持人", "蒋立鸣", "主持人", "许文涛", "主持人"]


def test_a_broadcasts_voice_over_is_its_own_turn_and_captions_name_the_interviewees_of_their_scene():
    t = parse("主持人（演播室）：观众朋友晚上好。\n\n解说：清晨，茶园里已经有人在忙了。\n\n"
              "受访者：以前全靠手摘，一天摘不了几斤。\n\n字幕：松溪县茶农 吴春梅\n\n记者：现在呢？\n\n"
              "受访者：（方言）现在机器帮我们摘，轻松多了。\n\n字幕：现在机器帮我们摘\n\n"
              "解说：帮她摘茶的机器，来自县里的一家小公司。\n\n字幕：青岚农机总经理 方远航\n\n"
              "记者：方总，这台机器卖多少钱？\n\n受访者：三万多一台。\n\n"
              "解说：傍晚，记者又回到了茶园。\n\n记者：（画外）吴春梅，明年还种吗？\n\n受访者：种，当然种。\n")
    assert [(s, text) for (s,), text in turns(t)] == [
        ("主持人", "观众朋友晚上好。"), ("解说", "清晨，茶园里已经有人在忙了。"),
        ("吴春梅", "以前全靠手摘，一天摘不了几斤。"), ("记者", "现在呢？"),
        ("吴春梅", "（方言）现在机器帮我们摘，轻松多了。"), ("解说", "帮她摘茶的机器，来自县里的一家小公司。"),
        ("记者", "方总，这台机器卖多少钱？"), ("方远航", "三万多一台。"), ("解说", "傍晚，记者又回到了茶园。"),
        ("记者", "（画外）吴春梅，明年还种吗？"), ("吴春梅", "种，当然种。")]


def test_a_roles_bare_label_is_the_person_one_label_gave_the_role_to():
    t = parse("主持人 韩若溪（未来医疗主编）：我们开始吧。\n\n骆一鸣：大家好，我是骆一鸣。\n\n"
              "主持人：骆院长，先谈谈数据？\n\n骆一鸣：数据是最大的难题。\n\n主持人：谢谢。\n")
    assert [s for (s,), _ in turns(t)] == ["韩若溪", "骆一鸣", "韩若溪", "骆一鸣", "韩若溪"]


def test_a_bare_askers_label_is_the_one_the_moderator_announces_or_who_says_their_name():
    t = parse("方敏：下面进入问答环节。第一位是海川证券的罗一鸣。\n\n问（海川证券 罗一鸣）：请问毛利率怎么看？\n\n"
              "董岚：会稳中有升。\n\n方敏：好，下一位，北岸证券许文。\n\n问：许总好……不对，董总好。我想问海外订单？\n\n"
              "董岚：海外占三成。\n\n问（许文）：谢谢。\n\n方敏：下一位是东岭证券的……在线吗？\n\n"
              "问：在的在的。东岭证券钟毅。我问一下研发投入？\n\n董岚：四个亿。\n\n问（钟毅）：好的。\n\n"
              "方敏：最后一位。\n\n问：罗一鸣，你刚才问过了吧？我是何川。\n\n董岚：好。\n")
    assert [s for (s,), _ in turns(t)] == ["方敏", "罗一鸣", "董岚", "方敏", "许文", "董岚", "许文", "方敏",
                                          "钟毅", "董岚", "钟毅", "方敏", "问", "董岚"]


def test_a_familiar_label_is_the_name_the_cast_list_glosses_with_it():
    t = parse("本期三位：\n康哲（阿康）——小圆桌App产品负责人\n林晓棠——青杉创投副总裁\n\n阿康：大家好。\n\n晓棠：好。\n")
    assert [s for (s,), _ in turns(t)] == ["康哲", "林晓棠"]


def test_a_magazines_issue_line_is_no_title_and_a_surname_label_is_the_one_interviewed():
    t = parse("对话芯曜科技李若川：国产AI芯片的窗口期只有三年\n\n《硅基周刊》2025年第9期\n文｜林静怡　编辑｜许晨\n\n"
              "近日，《硅基周刊》在上海专访了李若川。\n\n**你在英伟达待过七年，怎么看它的地位？**\n\n李：CUDA是护城河。\n\n"
              "**国产芯片追得上吗？**\n\n李：推理上有机会。\n")
    assert t.title == "对话芯曜科技李若川：国产AI芯片的窗口期只有三年"
    assert "李若川" in t.speakers and "李" not in t.speakers


def test_an_unlabelled_bold_question_between_labelled_answers_is_the_interviewers():
    t = parse("文｜林静怡\n\n近日专访了李若川。\n\n**《硅基周刊》：你在英伟达待过七年，怎么看它的地位？**\n\n"
              "李若川：CUDA是护城河。\n\n**国产芯片追得上吗？**\n\n李若川：推理上有机会。\n\n"
              "**制造环节呢？台积电已经不能代工了。**\n\n李若川：中芯在追。\n")
    assert [(s, text) for (s,), text in turns(t)] == [
        ("林静怡", "你在英伟达待过七年，怎么看它的地位？"), ("李若川", "CUDA是护城河。"),
        ("林静怡", "国产芯片追得上吗？"), ("李若川", "推理上有机会。"),
        ("林静怡", "制造环节呢？台积电已经不能代工了。"), ("李若川", "中芯在追。")]  # a question, then what it rests on


def test_a_dash_hands_the_word_to_the_other_of_two_speakers():
    t = parse("[00:12] **韩默**：欢迎郑总。\n\n[00:20] **郑嘉禾**：大家好。\n\n[00:26] ——你在小鹏待了多久？\n\n"
              "[00:31] ——差不多五年。\n\n[01:48] **韩默**：那华为呢？\n\n[01:55] **郑嘉禾**：工程能力很强。\n")
    assert [(s, text) for (s,), text in turns(t)] == [
        ("韩默", "欢迎郑总。"), ("郑嘉禾", "大家好。"), ("韩默", "你在小鹏待了多久？"), ("郑嘉禾", "差不多五年。"),
        ("韩默", "那华为呢？"), ("郑嘉禾", "工程能力很强。")]


def test_a_form_of_address_two_introduced_people_share_is_no_one_of_them():
    t = parse("本期邀请到：店匠CEO王立群，帆迅科技创始人王思雨，教授陈国栋。\n\n周牧：先请王总聊一聊？\n\n"
              "王总：谢谢。\n\n周牧：陈教授呢？\n\n陈国栋：我补充。\n")
    assert t.speaker_record("王总").kind is SpeakerKind.UNNAMED
    one = parse("本期邀请到：店匠CEO王立群，教授陈国栋。\n\n周牧：先请王总聊一聊？\n\n王总：谢谢。\n\n周牧：陈教授呢？\n\n"
                "陈国栋：我补充。\n")
    assert [s for (s,), _ in turns(one)][1] == "王立群"


def test_the_answers_are_of_the_one_a_biography_opens_with_not_of_a_cofounder_it_names_later():
    t = parse("机器人的下一个十年\n\n作者：陶然\n\n嘉宾简介：\n韩立，凌霄机器人联合创始人兼CEO。2022年与前小米工程师周启明"
              "共同创立凌霄。\n\nQ1：为什么做机器人？\n\nA1：需求太大。\n\nQ2：难吗？\n\nA2：难。\n")
    assert [s for (s,), _ in turns(t)] == ["陶然", "韩立", "陶然", "韩立"]


def test_a_note_naming_someone_by_surname_and_address_a_hotline_caller_and_a_pages_platform_line():
    t = parse("主持人：下面提问。\n\n问（远山证券 投资者 李女士）：想问一下分红？\n\n答：会提高。\n\n主持人：下一位。\n\n"
              "热线听众：医生您好，我咳嗽。\n\n嘉宾：多喝水。\n")
    assert [s for (s,), _ in turns(t)][1] == "李女士"
    assert t.speaker_record("热线听众").kind is SpeakerKind.UNNAMED
    live = parse("双11预售第一场｜面霜专场\n直播时间：2026年10月20日 19:30\n平台：抖音 @青柚严选\n\n主播：晚上好！\n\n副播：来了。\n")
    assert [s for (s,), _ in turns(live)] == ["主播", "副播"] and live.title == "双11预售第一场｜面霜专场"


def test_a_bold_latin_name_or_familiar_form_with_the_full_name_and_a_description_in_brackets_is_that_person():
    t = parse("本期主播 **Alex**（陈昊，节目主理人）和 **小林**（林思远，前研究员）。\n\n**Alex**：欢迎。\n\n"
              "**小林**：你好。\n\n**Alex**：开始吧。\n\n嘉宾（北方医院 医生）：大家好。\n")
    assert [s for (s,), _ in turns(t)] == ["陈昊", "林思远", "陈昊", "嘉宾"]  # 医生 in the note is a post, no name


def test_a_whole_name_said_in_a_self_introduction_names_the_speaker_even_when_it_opens_as_a_word():
    t = parse("主持人：今天请到了北方医院医生方志远。\n\n嘉宾（北方医院 医生）：主持人好，我是方志远。\n\n"
              "主持人：咳嗽怎么办？\n\n嘉宾（北方医院 医生）：多喝水。\n")
    assert [s for (s,), _ in turns(t)] == ["主持人", "方志远", "主持人", "方志远"]  # 方志 is a word (a gazetteer)


def test_a_notes_latin_full_name_after_an_organisation_stays_whole():
    t = parse("主持人：下面提问。\n\n分析师（远山证券 Eric Zhang）：毛利率呢？\n\n韩立：会改善。\n\n"
              "分析师（远山证券 首席分析师 Tony Liu）：海外呢？\n\n韩立：三成。\n")
    assert [s for (s,), _ in turns(t)] == ["主持人", "Eric Zhang", "韩立", "Tony Liu", "韩立"]


def test_numbered_questions_and_a_students_label_after_a_lecture_are_turns_of_their_own():
    t = parse("王立新：今天讲强化学习。我们实验室做了不少工作。\n\n主持人：感谢王老师。下面是提问环节。\n\n"
              "提问1：王老师您好，强化学习能创造新能力吗？\n\n王立新：我认为主要是激发已有能力。\n\n"
              "同学：老师，实验室还招实习生吗？\n\n王立新：招的。\n\n提问2：您怎么看Scaling Law？\n\n王立新：没有失效。\n")
    assert [s for (s,), _ in turns(t)] == ["王立新", "主持人", "提问1", "王立新", "同学", "王立新", "提问2", "王立新"]


def test_a_name_alone_on_a_bold_line_or_a_heading_with_a_note_on_who_it_is_opens_a_turn():
    bold = parse("## 圆桌实录\n\n**陈思远**\n\n请各位谈谈ADC。\n\n**胡蔚然（启明创投 合伙人）**\n\n我认为ADC还有空间。\n\n"
                 "**郑可欣 (瑞柏生物 CEO)**\n\n我们公司做双抗ADC。\n\n**陈思远**\n\n谢谢。\n")
    headed = parse("### 陈思远\n\n请各位谈谈ADC。\n\n### Kevin Zhao\n\n我认为ADC还有空间。\n\n"
                   "### 郑可欣（瑞柏生物 联合创始人兼CEO）\n\n我们公司做双抗ADC。\n\n### 陈思远\n\n谢谢。\n")
    assert [s for (s,), _ in turns(bold)] == ["陈思远", "胡蔚然", "郑可欣", "陈思远"]
    assert [s for (s,), _ in turns(headed)] == ["陈思远", "Kevin Zhao", "郑可欣", "陈思远"]
    assert turns(bold)[2][1] == "我们公司做双抗ADC。"


def test_a_label_the_introduction_declares_for_a_person_is_that_persons():
    t = parse("本期邀请到中金公司首席经济学家邵立远（以下简称“嘉宾A”）和基金经理贺晴（以下简称\"嘉宾B\"）。\n\n"
              "主持人：今年经济怎么看？\n\n嘉宾A：我认为会稳中向好。\n\n嘉宾B：我同意。\n")
    assert [s for (s,), _ in turns(t)] == ["主持人", "邵立远", "贺晴"]


def test_a_hearings_role_label_with_the_name_in_brackets_is_that_persons_in_any_script():
    t = parse("主持人：现在宣布听证会开始。\n\n专家（邝明远）：我认为草案总体可行。\n\n"
              "专家（Linda Zhao）：谢谢。我从技术角度讲一点。\n\n陈述人（裴雨桐）：我补充一点。\n\n主持人：好。\n")
    assert [s for (s,), _ in turns(t)] == ["主持人", "邝明远", "Linda Zhao", "裴雨桐", "主持人"]


def test_a_talk_whose_lead_in_names_no_one_is_the_speakers_who_introduces_himself_and_answers_the_audience():
    t = parse("科学 > 演讲\n\n韩知远：我在一条鱼身上看了十年\n\n韩知远，东湖实验室研究员。\n\n以下为演讲实录：\n\n"
              "大家好，我是韩知远，我是研究衰老的。\n\n我们发现了一个基因。\n\n观众提问：您会后悔吗？\n\n不后悔。科学家最重要的是信誉。\n")
    said = turns(t)
    assert [s for (s,), _ in said][-3:] == ["韩知远", "观众提问", "韩知远"]
    assert said[-3][1].startswith("大家好，我是韩知远") and said[-1][1].startswith("不后悔")


def test_a_records_header_fields_above_a_rule_are_no_turns_and_name_the_interviewer():
    t = parse("用户访谈纪要 #03\n\n项目：会员系统需求调研\n访谈人：产品经理 陶嘉言\n记录：梁晨\n"
              "受访者：华东某连锁咖啡品牌数字化负责人\n受访者所在公司：沐川咖啡\n\n---\n\n"
              "Q: 先介绍一下您负责哪些工作？\n\nA: 我负责整个数字化中心。\n\nQ: 为什么选择我们？\n\nA: 价格合适。\n")
    assert [s for (s,), _ in turns(t)] == ["陶嘉言", "A", "陶嘉言", "A"]


def test_a_meetings_action_items_after_the_last_turn_are_the_records_not_the_speakers():
    for text in ("周启航 00:00:01\n大家好，今天讨论供应商。\n\n孟凡 00:01:10\n我觉得绿的谐波更好。\n\n"
                 "周启航 00:02:00\n好，今天就到这。\n\n待办事项：\n1. 孟凡：评估来料检验\n2. 王磊：联系顺丰\n",
                 "周启航：大家好，今天讨论供应商。\n\n孟凡：我觉得绿的谐波更好。\n\n周启航：好，今天就到这。\n\n"
                 "Action items:\n- 孟凡：评估来料检验\n- 王磊：联系顺丰\n"):
        said = turns(parse(text))
        assert [s for (s,), _ in said] == ["周启航", "孟凡", "周启航"] and said[-1][1] == "好，今天就到这。"


def test_a_numbered_or_bracketed_record_section_after_the_last_turn_is_the_records():
    for heading in ("四、待办事项", "【会议决议】", "## 3. 行动项", "四、答辩委员会决议", "董事会决议："):
        said = turns(parse("周启航 00:00:01\n大家好，今天讨论供应商。\n\n孟凡 00:01:10\n我觉得绿的谐波更好。\n\n"
                           f"{heading}\n\n1. 评估来料检验，负责人：孟凡\n2. 联系顺丰，负责人：王磊\n"))
        assert said[-1] == (("孟凡",), "我觉得绿的谐波更好。"), heading


def test_a_records_note_on_a_stretch_of_time_ends_the_turn_before_it():
    said = turns(parse("王振国：好，你有四十分钟陈述。\n\n[14:05—14:47 答辩人陈述，以下为摘要，非逐字]\n\n"
                       "答辩人介绍了论文四项主要工作。\n\n王振国：好，下面提问。\n\n李晓兰：我先问。\n"))
    assert said[0] == (("王振国",), "好，你有四十分钟陈述。")


def test_a_heading_between_dashes_after_the_last_turn_ends_it():
    said = turns(parse("陈曦：今天的分享会就到这里。\n\n苏启明：谢谢大家。\n\n—— 新书推荐 ——\n\n《雾中的图书馆》\n\n"
                       "一部关于阅读与遗忘的小说，在AI时代提醒我们记住。\n"))
    assert said[-1] == (("苏启明",), "谢谢大家。")


def test_a_minutes_section_headings_and_join_notices_between_timed_lines_are_no_ones_words():
    said = turns(parse("会议文字记录\n\n一、进度\n\n00:00:30 周启航：好，人齐了。\n00:01:10 孟凡：进度延后四天。\n\n"
                       "二、技术：性能与移动端方案\n\n00:09:49 王磊：我先说性能。\n\n（14:20 陶然 加入会议）\n\n"
                       "00:20:03 陶然：不好意思，刚才的会拖了。\n00:20:15 孟凡：刚讲完技术。\n"))
    assert [s for (s,), _ in said] == ["周启航", "孟凡", "王磊", "陶然", "孟凡"]
    assert said[1][1] == "进度延后四天。" and said[2][1] == "我先说性能。"


def test_a_label_of_a_name_and_a_title_is_that_person_in_chinese_or_latin_letters():
    t = parse("主持人：请几位谈谈。\n\n邵建华研究员：我先说。\n\nMartin Keller教授：Thanks. I agree.\n\n"
              "Keller教授：One more point.\n\n葛文涛教授：我补充。\n")
    assert [s for (s,), _ in turns(t)] == ["主持人", "邵建华", "Martin Keller", "Martin Keller", "葛文涛"]


def test_an_english_panels_title_and_surname_label_and_its_moderator_are_the_people_the_introduction_names():
    t = parse("The panel was moderated by Kelvin Chan, editor of Asia Review. Panelists were Dr. Lim Wei Ming, "
              "Chief Data Officer of OCBC Bank, and Jane Wong of HSBC.\n\n"
              "Moderator: Good afternoon. Dr. Lim, let's begin with you.\n\nDr. Lim: Thank you, Kelvin. We use AI daily.\n\n"
              "Jane Wong: I agree with Dr. Lim.\n\nModerator: Thank you both.\n")
    assert [s for (s,), _ in turns(t)] == ["Kelvin Chan", "Lim Wei Ming", "Jane Wong", "Kelvin Chan"]


def test_an_oral_history_is_the_story_of_the_one_its_byline_says_dictated_it():
    t = parse("# 从大厂到地下室：我的七年\n\n口述：周立言　整理：许安然\n\n2025-03-18 09:30　来源：深潮财经\n\n"
              "> 编者按：周立言，青禾医疗创始人兼CEO。\n\n我是2009年从浙江大学毕业的。\n\n后来我去了百度。\n")
    said = turns(t)
    assert [s for (s,), _ in said] == ["周立言"]
    assert said[0][1].startswith("我是2009年") and said[0][1].endswith("后来我去了百度。")


@pytest.mark.parametrize("text", [
    "周启航 2024-05-01 09:10\n大家早。\n\nKevin陈 2024-05-01 09:11\n这个价格我觉得压不下去。\n\n林雪 2024-05-01 09:12\n我同意。\n",
    "周启航：大家早。\n\nKevin陈：这个价格我觉得压不下去。\n\n林雪：我同意。\n\nKevin陈：好。\n",
])
def test_an_english_given_name_glued_to_a_chinese_surname_is_a_speakers_label(text):
    assert "Kevin陈" in [s for (s,), _ in turns(parse(text))]


def test_a_participants_note_after_a_latin_full_name_names_no_one_else():
    t = parse("Participants: 郑昊然 (云帆智联 产品副总裁), Erik Lind (Nordhem Home, Head of Product), "
              "Sarah Oka (Nordhem Home, Compliance Lead)\n\n郑昊然  00:00:04\n大家好。\n\nErik Lind  00:00:30\nGood morning.\n\n"
              "Sarah Oka  00:01:00\nHello.\n\nErik Lind  00:01:30\nLet us start.\n")
    assert [s for (s,), _ in turns(t)] == ["郑昊然", "Erik Lind", "Sarah Oka", "Erik Lind"]


def test_a_players_id_in_brackets_after_the_name_is_that_players_label():
    t = parse("SRF主教练陈志宏（ID：Aspen）、打野选手李昊然（ID：Tiger，粉丝都叫他“小虎”）接受了采访。\n\n"
              "记者：赢了怎么看？\n\nAspen：BP赢了一半。\n\n记者：小虎呢？\n\nTiger：我觉得下周还会赢。\n")
    assert [s for (s,), _ in turns(t)][1::2] == ["陈志宏", "李昊然"]


def test_a_shareholders_question_label_is_a_group_not_a_person():
    from talkgraph.extract.model import SpeakerKind
    t = parse("股东提问：今年怎么看？\n\n方立宇：会好转。\n\n股东提问：海外呢？\n\n孙立言：在恢复。\n")
    assert t.speaker_record("股东提问").kind is SpeakerKind.UNNAMED


def test_a_call_centres_role_labels_and_lettered_students_are_the_transcripts_own_speakers():
    from talkgraph.extract.model import SpeakerKind
    call = parse("坐席 10:02:11\n您好，请问怎么称呼您？\n\n客户 10:02:15\n我姓陈。\n\n坐席 10:02:31\n好的陈先生。\n")
    lesson = parse("老师：今天讲注意力机制。\n\n学生A：老师，为什么要多头？\n\n老师：因为表达力更强。\n\n学生B：那计算量呢？\n")
    assert {call.speaker_record(n).kind for n in ("坐席", "客户")} == {SpeakerKind.UNNAMED}
    assert {lesson.speaker_record(n).kind for n in ("学生A", "学生B")} == {SpeakerKind.UNNAMED}


def test_a_speaker_labelled_by_the_given_name_beside_the_full_name_is_one_person():
    t = parse("何文川：欢迎两位。\n\n梁晓光：谢谢。\n\n文川：晓光你怎么看？\n\n梁晓光：我觉得还好。\n\n晓光：补充一句。\n")
    assert [s for (s,), _ in turns(t)] == ["何文川", "梁晓光", "何文川", "梁晓光", "梁晓光"]


def test_a_talk_below_a_cast_line_naming_its_speaker_is_that_speakers():
    t = parse("2025 青岚人工智能大会\n\n演讲人：沈知言 北辰人工智能研究院院长\n\n整理：组委会\n\n"
              "各位来宾，大家上午好。今天讲从规模到效率。\n\n一、Scaling Law 还成立吗\n\n我认为还成立。\n")
    said = turns(t)
    assert [s for (s,), _ in said] == ["沈知言"] and said[0][1].startswith("各位来宾")


def test_what_follows_a_calls_or_a_records_end_is_no_ones_turn():
    for end in ("—— 通话结束 ——", "（以下无正文）"):
        t = parse(f"坐席：请问还有别的问题吗？\n\n客户：没有了。\n\n坐席：感谢您的来电，再见。\n\n{end}\n\n"
                  "关键词命中：退款、投诉。\n\n本记录由系统自动生成。\n")
        assert turns(t)[-1] == (("坐席",), "感谢您的来电，再见。")


def test_a_chats_attachments_are_no_ones_words():
    t = parse("周启航 2024-05-01 09:10\n大家看一下这个案例。\n[文件] 宁安博格_质检案例.pptx\n[图片]\n\n"
              "林雪 2024-05-01 09:12\n收到。\n")
    assert turns(t) == [(("周启航",), "大家看一下这个案例。"), (("林雪",), "收到。")]


def test_the_talk_a_host_hands_the_stage_over_to_is_the_welcomed_speakers():
    t = parse("主持人：各位好。今天请到的是北辰大学的校友韩立新。下面让我们用热烈的掌声欢迎韩立新学长！\n\n（掌声）\n\n"
              "谢谢陶老师的介绍。我毕业十年了。\n\n先讲讲我自己。我在一家机床厂工作。\n\n"
              "主持人：谢谢学长。现在提问。\n\n提问（机械学院大三）：机器人会取代工人吗？\n\n韩立新：不会。\n\n"
              "提问（管理学院研二）：工厂缺什么人？\n\n韩立新：懂行业的人。\n\n提问（机械学院大三）：我再追问一个。\n\n韩立新：请讲。\n")
    assert [s for (s,), _ in turns(t)] == ["主持人", "韩立新", "主持人", "提问（机械学院大三）", "韩立新",
                                           "提问（管理学院研二）", "韩立新", "提问（机械学院大三）", "韩立新"]
    assert turns(t)[1][1] == "谢谢陶老师的介绍。我毕业十年了。\n先讲讲我自己。我在一家机床厂工作。"
    assert_offsets_exact(t)
    kept = parse("主持人：下面有请韩立新！\n\n韩立新：谢谢。\n\n主持人：好。\n\n谢谢大家收看。\n")
    assert [s for (s,), _ in turns(kept)] == ["主持人", "韩立新", "主持人"]


def test_a_named_hosts_long_introduction_hands_the_stage_to_the_speaker_called_by_a_form_of_address():
    t = parse("罗文：各位下午好，欢迎来到物理讲堂。\n\n我简单介绍一下韩老师。韩老师2014年博士毕业，后来回国任教。\n\n"
              "下面让我们以热烈的掌声欢迎韩老师！\n\n（掌声）\n\n谢谢罗老师的介绍。今天讲量子纠错。\n\n纠错是有用的。\n\n"
              "罗文：谢谢韩老师。现在提问。\n\n观众：韩老师，纠错还要多久？\n\n（现场笑声）\n\n韩立新：十年吧。\n")
    assert [s for (s,), _ in turns(t)] == ["罗文", "韩立新", "罗文", "观众", "韩立新"]
    assert turns(t)[1][1] == "谢谢罗老师的介绍。今天讲量子纠错。\n纠错是有用的。"


def test_a_label_of_a_surname_and_a_post_is_the_labelled_speaker_of_that_surname():
    t = parse("林晓：欢迎两位。\n\n王静怡：大家好。\n\n赵启明：大家好。\n\n林晓：王主任怎么看？\n\n"
              "王主任：我补充一点。\n\n赵院长：我同意。\n")
    assert [s for (s,), _ in turns(t)] == ["林晓", "王静怡", "赵启明", "林晓", "王静怡", "赵启明"]


def test_a_header_field_whose_last_word_is_no_name_is_no_speaker():
    t = parse("北辰研选 | 路演纪要\n\n路演平台：北辰证券研究所小程序\n主持人：罗文 北辰证券首席分析师\n\n"
              "主持人：欢迎。下面有请嘉宾。\n\n韩立新：谢谢罗老师。我们的平台很稳定。\n\n主持人：谢谢。\n")
    assert [s for (s,), _ in turns(t)] == ["罗文", "韩立新", "罗文"]


def test_a_reporter_of_an_outlet_in_title_marks_asks_in_a_turn_of_their_own():
    t = parse("主持人：下面提问。\n\n韩立新：我先说。电影要好看。\n\n《北辰晚报》记者：韩导，票房怎么看？\n\n"
              "韩立新：看观众。\n\n主持人：谢谢。\n")
    assert [s for (s,), _ in turns(t)] == ["主持人", "韩立新", "《北辰晚报》记者", "韩立新", "主持人"]


def test_a_host_named_on_the_line_below_a_bracketed_role_heading_is_the_hosts_label():
    t = parse("【访谈嘉宾】\n韩立新 北辰县副县长\n【主持人】\n罗文 北辰网主持人\n\n"
              "主持人：各位网友好。\n\n韩立新：大家好。\n\n主持人：谢谢。\n")
    assert [s for (s,), _ in turns(t)] == ["罗文", "韩立新", "罗文"]


def test_english_role_labels_with_the_askers_name_and_organisation_in_brackets():
    t = parse("Panelists:\n- Dr. Grace Su (苏雅), Director, Northgate University\n- Prof. Wei Han (韩伟), Chair Professor\n\n"
              "MODERATOR (Dr. Grace Su): Welcome. Wei, you first.\n\nProf. Wei Han: Thank you.\n\n"
              "AUDIENCE (Dr. Samuel Tse, Harbour View Hospital): A question for Wei.\n\nProf. Wei Han: Sure.\n")
    assert [s for (s,), _ in turns(t)] == ["苏雅", "韩伟", "Samuel Tse", "韩伟"]


def test_askers_known_by_a_note_ending_in_their_form_of_address_are_told_apart():
    t = parse("主持人：现在提问。\n\n提问（北方大学博士生 张同学）：开源够用吗？\n\n韩立新：够用。\n\n"
              "提问（南方大学硕士生 陈同学）：出错谁负责？\n\n韩立新：人负责。\n")
    assert [s for (s,), _ in turns(t)] == ["主持人", "张同学", "韩立新", "陈同学", "韩立新"]


def test_a_bold_question_over_the_interviewers_labelled_question_heads_a_section():
    t = parse("晚点对话韩立：不想做第二个谁\n\n文丨陶然\n\n题图来源：北辰汽车\n\n北辰汽车是一家新势力车企。\n\n"
              "**为什么下调销量目标？**\n\n晚点：你们把目标从35万下调到30万，为什么？\n\n韩立：因为市场变了。\n\n"
              "**钱够花吗？**\n\n晚点：很多人说你们现金紧张。\n\n韩立：够花两年。\n")
    assert [s for (s,), _ in turns(t)] == ["晚点", "韩立", "晚点", "韩立"]
    assert turns(t)[1][1] == "因为市场变了。"


def test_an_image_credit_is_no_speaker():
    t = parse("晚点对话韩立\n\n题图来源：北辰汽车\n\n4月18日，车展开幕前五天，北辰汽车在总部的一间会议室里发布了新车。\n\n"
              "这是一家成立于2019年的公司。\n\n晚点：你们把目标下调了，为什么？\n\n韩立：因为市场变了。\n\n晚点：现金还有多少？\n\n韩立：够花两年。\n\n"
              "题图来源：北辰汽车\n")
    assert [s for (s,), _ in turns(t)] == ["晚点", "韩立", "晚点", "韩立"]


def test_a_chat_display_name_opening_with_the_groups_role_is_the_name_after_it():
    t = parse("群聊记录导出\n\n群主-大白 2025-01-20 21:02:13\n今晚读R1的论文。\n\n鱼丸粗面 2025-01-20 21:03:01\n好的。\n\n"
              "管理员｜阿喵 2025-01-20 21:04:40\n我来记笔记。\n\n群主-大白 2025-01-20 21:05:02\n开始吧。\n")
    assert [s for (s,), _ in turns(t)] == ["大白", "鱼丸粗面", "阿喵", "大白"]
    assert_offsets_exact(t)


def test_a_host_who_introduces_herself_in_english_is_the_person_the_text_glosses_with_that_name():
    t = parse("编者按：本场炉边对话由远帆资本合伙人韩立心（Emily Han）主持。\n\n"
              "Host: 大家下午好，I'm Emily，远帆的partner。第一个问题先给陶然。\n\n陶然：谢谢Emily。冷是真的冷。\n\n"
              "Host: 好，下一个问题。\n\n陶然：我觉得会好起来。\n")
    assert [s for (s,), _ in turns(t)] == ["韩立心", "陶然", "韩立心", "陶然"]
    plain = parse("Host: 大家好，I'm Emily。今天聊硬件。\n\n陶然：谢谢Emily。\n\nHost: 好。\n\n陶然：嗯。\n")
    assert [s for (s,), _ in turns(plain)][0] == "Emily"


def test_a_pull_quote_set_apart_between_the_turns_is_an_excerpt_not_words_of_the_turn():
    t = parse("韩立：我基本同意陶总的方向。推理需要的是带宽。\n\n> 「真正卡脖子的不是算力，而是带宽。」\n\n"
              "而且带宽的差距在拉大。\n\n陶然：国内谁在做？\n\n韩立：有几家。\n")
    assert turns(t)[0] == (("韩立",), "我基本同意陶总的方向。推理需要的是带宽。\n而且带宽的差距在拉大。")
    assert_offsets_exact(t)


def test_a_label_that_is_a_given_name_alone_is_the_one_full_name_the_text_gives_with_it():
    t = parse("阿K：今天的嘉宾是灵枢机器人的联合创始人兼CTO沈一帆。一帆本科是浙大的。\n\n一帆：大家好。\n\n阿K：好。\n\n一帆：对。\n")
    assert [s for (s,), _ in turns(t)] == ["阿K", "沈一帆", "阿K", "沈一帆"]
    t = parse("阿K：今天请到沈一帆，他的师兄韩一帆也在。\n\n一帆：大家好。\n\n阿K：好。\n\n一帆：对。\n")
    assert [s for (s,), _ in turns(t)][1] == "一帆"
    t = parse("主持人：谢谢宝玉老师。接着请宝玉分享。\n\n宝玉：大家好。\n\n主持人：好。\n\n宝玉：对。\n")
    assert [s for (s,), _ in turns(t)][1] == "宝玉"


def test_viewers_comments_over_a_stream_are_no_ones_turns():
    t = parse("罗文：欢迎来到发布会直播！\n\n[弹幕] 阿橘不是橘：来了来了！！\n[弹幕] 无名小卒233：终于定档了吗\n\n"
              "罗文：我看到弹幕了，放心，今天全程实机。\n\n韩立新：谢谢罗文。\n")
    assert [s for (s,), _ in turns(t)] == ["罗文", "罗文", "韩立新"]
    assert not any("来了来了" in text for _, text in turns(t))


def test_a_meeting_display_name_of_a_team_a_hyphen_and_the_name_is_that_person():
    vtt = ("WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\n运营-宋佳怡: 大家好，我们开始。\n\n"
           "2\n00:00:04.500 --> 00:00:07.000\n运营-宋佳怡: 先请周总讲一下。\n\n"
           "3\n00:00:07.500 --> 00:00:11.000\n周启东: 好，谢谢佳怡。\n\n"
           "4\n00:00:11.500 --> 00:00:14.000\nHR-方琳: 我补充一下招聘的情况。\n\n"
           "5\n00:00:14.500 --> 00:00:17.000\nHR-方琳: 下个月再招五个人。\n")
    t = parse(vtt)
    assert [s for (s,), _ in turns(t)] == ["宋佳怡", "周启东", "方琳"]
    assert not any("not read as turns" in note for note in t.notes)  # the repeated labels were read
    assert_offsets_exact(t)



def test_a_speakers_label_repeated_on_each_of_her_cues_is_read_not_reported_as_missed():
    cues = [("周婷", "我们先对一下时间。"), ("周婷", "下周二交付。"), ("周婷", "周三验收。"), ("吴昊", "好的。"),
            ("周婷", "那就这样。"), ("周婷", "散会。")]
    vtt = "WEBVTT\n\n" + "".join(f"{i + 1}\n00:00:0{i}.000 --> 00:00:0{i}.900\n{name}: {words}\n\n"
                                 for i, (name, words) in enumerate(cues))
    t = parse(vtt)
    assert [s for (s,), _ in turns(t)] == ["周婷", "吴昊", "周婷"]
    assert not any("not read as turns" in note for note in t.notes)


def test_a_caller_known_by_where_from_and_a_form_of_address_labels_her_turns():
    t = parse("主持人：下一位，来自成都的李女士，您好。\n\n来自成都的李女士：主持人好，我是初中老师。\n\n"
              "主持人：您想聊什么？\n\n来自成都的李女士：作文都让AI写了。\n")
    assert [s for (s,), _ in turns(t)] == ["主持人", "李女士", "主持人", "李女士"]


EARNINGS_CALL = (Path(__file__).resolve().parents[1] / "fixtures" / "transcripts" / "earnings_call.txt").read_text(encoding="utf-8")


def test_an_earnings_calls_names_alone_on_a_line_over_their_words_with_a_dash_and_a_post():
    t = parse(EARNINGS_CALL)
    assert [s for (s,), _ in turns(t)] == ["Operator", "Lena Xu", "Zhao Ming", "Operator", "Paul Adeyemi", "Zhao Ming"]
    assert "Revenue grew" in turns(t)[2][1] and "We expect margins" in turns(t)[2][1]  # the note in brackets is no speaker
    assert not any("Goldman Sachs" == s for (s,), _ in turns(t))  # the participants' list opens no turn
    assert_offsets_exact(t)


def test_a_language_note_in_brackets_is_no_speaker():
    t = parse("[主持人] 欢迎沈总。\n\n[沈浩天] 谢谢。我先说中文。\n\n[In English] We will not chase volume.\n\n"
              "[主持人] 好的。\n\n[沈浩天] [英文] Thank you.\n")
    assert [s for (s,), _ in turns(t)] == ["主持人", "沈浩天", "主持人", "沈浩天"]
    assert "We will not chase volume" in turns(t)[1][1]


def test_a_latin_label_written_once_in_capitals_is_the_speaker_of_the_usual_label():
    t = parse("Kelvin: 我哋入正題先。\n\nWing: 好。\n\nKelvin: 你點睇？\n\nKELVIN：咁實際效果點呀？\n\nWing: 幾好。\n")
    assert [s for (s,), _ in turns(t)] == ["Kelvin", "Wing", "Kelvin", "Kelvin", "Wing"]
    assert t.speakers == ("Kelvin", "Wing")


def test_a_records_numbered_heading_of_a_post_and_name_opens_that_persons_remarks_until_the_next_section():
    t = parse("# 座谈会纪要\n\n### （二）企业发言\n\n**1. 岚川航空科技有限公司董事长宋启明**\n\n"
              "宋启明介绍，公司于2018年创立。宋启明认为，空域审批周期过长。\n\n"
              "**2. 澄湖智能华南区域总经理林雨桐**\n\n林雨桐表示，同意宋启明的判断，建议先从景区起步。\n\n"
              "### （三）部门回应\n\n市应急管理局表示，安全是底线。\n")
    assert [s for (s,), _ in turns(t)] == ["宋启明", "林雨桐"]
    assert "安全是底线" not in turns(t)[-1][1]
    assert_offsets_exact(t)


def _captions(*lines: str) -> str:
    return "".join(f"{i + 1}\n00:00:{i:02d},000 --> 00:00:{i:02d},900\n{line}\n\n" for i, line in enumerate(lines))


def test_captions_that_label_no_one_are_the_monologue_of_the_one_voice_that_introduces_itself():
    t = parse(_captions("[音乐]", "哈喽大家好 我是老钟", "欢迎回到钟意数码", "今天我们聊AI眼镜", "我觉得明年会普及"))
    assert [s for (s,), _ in turns(t)] == ["老钟"]
    assert "我觉得明年会普及" in turns(t)[0][1]


def test_captions_where_two_voices_introduce_themselves_label_neither():
    t = parse(_captions("哈喽大家好 我是老钟", "今天我们去了工厂", "大家好 我叫范思远", "我负责光学", "好 聊完回来"))
    assert t.turns == ()


def test_a_records_numbered_questions_and_its_page_header_fields():
    t = parse("证券代码：688001        证券简称：岚川传动\n\n投资者关系活动记录表\n\n"
              "1、问：公司今年的订单情况如何？\n答：（董事会秘书 宋佳怡）订单同比增长三成。\n"
              "证券代码：688001        证券简称：岚川传动\n"
              "2、问：海外工厂进展如何？\n答：（董事长 周启东）泰国工厂明年投产。\n"
              "3. 问：回购还会继续吗？\n答：（董事会秘书 宋佳怡）请以公告为准。\n")
    assert [s for (s,), _ in turns(t)] == ["问", "宋佳怡", "问", "周启东", "问", "宋佳怡"]
    assert "证券代码" not in t.speakers
    assert_offsets_exact(t)


def test_a_chat_exports_message_kind_and_a_team_after_a_space_are_no_part_of_the_senders_name():
    t = parse("2025-03-14 20:43:12  [语音转文字] 赵一鸣(砺石智算): 大家好 我是砺石智算的赵一鸣\n\n"
              "2025-03-14 20:43:40  张伟(星海机器人): 欢迎一鸣！\n\n"
              "2025-03-14 20:47:58  马骁 听澜语音: 恭喜张总！\n\n"
              "2025-03-14 20:48:20  [语音转文字] 张伟(星海机器人): 谢谢谢谢 我们下个月量产\n")
    assert [s for (s,), _ in turns(t)] == ["赵一鸣", "张伟", "马骁", "张伟"]


def test_a_markdown_files_front_matter_is_no_ones_words():
    t = parse("---\ntitle: 组会记录\ndate: 2024-11-08 14:00\nlocation: B楼 402\n---\n\n"
              "**Prof. Wang:** 我们开始。\n\n**Siyuan:** 好的，我先 update 一下 candidate 材料的进度。\n\n"
              "**Prof. Wang:** 好。\n")
    assert "date" not in t.speakers and "location" not in t.speakers
    assert t.title == "组会记录"


def test_an_unknown_speaker_is_unnamed():
    t = parse("Rebecca Hollis  0:05\nWelcome everyone.\n\nUnknown Speaker  0:12\nCan you hear me?\n\n"
              "Rebecca Hollis  0:15\nYes, go ahead.\n")
    assert t.speaker_record("Unknown Speaker").kind is SpeakerKind.UNNAMED


def test_a_meeting_apps_summary_above_the_transcripts_heading_opens_no_turns():
    t = parse("# 慢半拍 E87\n\n## 章节速览\n\n**06:41 从天美到创业：为什么做AI NPC**\n韩东回顾离开腾讯的原因。\n\n"
              "**44:18 听众提问：策划会不会失业**\n韩东认为不会。\n\n## 发言总结\n\n**苏苒**\n苏苒引导讨论。\n\n"
              "## 转写原文\n\n苏苒 00:00:05\n欢迎收听。\n\n韩东 00:00:12\n大家好，我是韩东。\n\n苏苒 00:00:20\n聊聊AI NPC。\n\n"
              "韩东 00:00:31\n好的。\n")
    assert [s for (s,), _ in turns(t)] == ["苏苒", "韩东", "苏苒", "韩东"]


def test_an_outlets_reporter_whose_outlet_is_shaped_as_a_name_is_no_person():
    t = parse("主持人：请提问。\n\n彭博社记者：\n  谢谢。想问一下出口管制。\n\n管建平：\n  谢谢。开放的大门只会越开越大。\n\n"
              "主持人：下一位。\n\n张伟记者：请问产能？\n\n管建平：稳步提升。\n")
    kinds = {r.name: r.kind for r in t.speaker_records}
    assert kinds["彭博社记者"] is SpeakerKind.UNNAMED and "彭博社" not in kinds


def test_an_expert_calls_numbered_investors_are_unnamed():
    t = parse("主持人：专家已经接入。\n\n投资人：请问价格？\n\n专家：明年还会降。\n\n投资人2：插一个问题，二线厂呢？\n\n"
              "专家：份额会涨。\n\n投资人3：喂？能听到吗？\n\n专家：能。\n")
    kinds = {r.name: r.kind for r in t.speaker_records}
    assert kinds["投资人2"] is SpeakerKind.UNNAMED and kinds["投资人3"] is SpeakerKind.UNNAMED


def test_an_exit_interviews_form_fields_name_its_hr_and_its_employee():
    t = parse("员工离职面谈记录表\n\n一、基本信息\n员工姓名\t顾明远\t工号\tXH0193\n面谈人\t周蕾（研发中心HRBP）\n"
              "面谈时间\t2024年9月23日\n\n二、面谈记录\n\nHR：明远，谢谢你过来。\n\n员工：应该的。\n\n"
              "HR：为什么决定离开？\n\n员工：新机会更合适。\n")
    assert [s for (s,), _ in turns(t)] == ["周蕾", "顾明远", "周蕾", "顾明远"]


def test_a_numbered_judge_named_in_a_note_once_is_that_person_under_the_bare_label_too():
    t = parse("主持人：下面请评委提问。\n\n**评委2（高瓴创投 执行董事 Eleanor Tang）**：许总你好，我担心竞争。\n\n"
              "许蔓：我们有专利。\n\n**评委2**：但是十年以后呢？\n\n**评委1（红杉中国 合伙人 周启元）**：我接着问。\n\n"
              "许蔓：好的。\n\n**评委1**：谢谢。\n")
    assert [s for (s,), _ in turns(t)] == ["主持人", "Eleanor Tang", "许蔓", "Eleanor Tang", "周启元", "许蔓", "周启元"]


def test_a_cantonese_self_introduction_names_the_speaker_of_an_english_label():
    t = parse("[00:00:07] Kelvin: 哈囉大家好，我係 Kelvin。\n[00:00:10] Wing: 我係詠欣，Wing。今集請到一位嘉賓。\n"
              "[00:00:15] Kelvin: 歡迎！\n[00:00:18] 詠欣: 咁我哋開始啦。\n[00:00:20] Wing: 好。\n")
    assert [s for (s,), _ in turns(t)] == ["Kelvin", "詠欣", "Kelvin", "詠欣", "詠欣"]
