"""Hard-wrapped text (a PDF's copy): lines broken at one width mid-sentence are joined before reading."""
from __future__ import annotations

import re
import unicodedata

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from talkgraph.extract import document_from_text, extract
from talkgraph.extract.model import Kind
from talkgraph.extract.readers.wrapping import unwrap
from talkgraph.extract.transcript import parse_transcript

TURNS = [
    ("主持人", "欢迎各位来到今天的圆桌。我们先请王建国介绍一下他们公司最近在储能方面的进展，然后再请陈思远谈谈海外市场。"),
    ("王建国", "谢谢主持人。我们在过去一年里把电池的循环寿命提升到了八千次，成本下降了百分之二十。"
               "我认为明年储能市场会迎来真正的爆发，特别是在工商业储能这个领域，这一点我非常有信心。"
               "我们的首席科学家刘振华带着团队在固态电池上也有了新的进展。"),
    ("陈思远", "我同意王总的判断。海外市场的需求增长可能比国内更快，尤其是欧洲和中东，那里的电价更高。"),
    ("主持人", "谢谢两位。最后请每个人用一句话总结一下自己对未来三年行业格局的看法，我们就结束今天的讨论。"),
]


def columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(paragraph: str, width: int) -> str:
    """Break a paragraph as a page does: a line takes words (a Chinese character, a Latin word) while
    they fit the width; the space before a word moved down goes."""
    lines, line = [], ""
    for word in re.findall(r"[A-Za-z0-9.]+|.", paragraph):
        if line and columns(line + word) > width:
            lines.append(line.rstrip())
            line = word.lstrip()
        else:
            line += word
    return "\n".join(lines + [line])


def dialogue(width: int | None) -> str:
    paragraphs = [f"{name}：{words}" for name, words in TURNS]
    return "\n".join(wrap(p, width) if width else p for p in paragraphs) + "\n"


def read(text: str):
    return parse_transcript(document_from_text(text, doc_id="t"))


def test_a_hard_wrapped_dialogue_reads_as_the_same_dialogue_unwrapped():
    flat, wrapped = read(dialogue(None)), read(dialogue(36))
    assert wrapped.document.text == flat.document.text
    assert [(t.speakers, t.text(wrapped.document)) for t in wrapped.turns] == \
        [(t.speakers, t.text(flat.document)) for t in flat.turns]
    assert any("line breaks were joined" in note for note in wrapped.notes)
    assert not any("joined" in note for note in flat.notes)


def test_claims_of_a_hard_wrapped_dialogue_are_whole_sentences():
    claims = {c.text for c in extract(read(dialogue(30))).claims}
    assert "我认为明年储能市场会迎来真正的爆发，特别是在工商业储能这个领域，这一点我非常有信心。" in claims


def test_a_name_broken_across_two_lines_is_found():
    width = next(w for w in range(30, 80) if "刘振\n华" in dialogue(w) or "刘\n振华" in dialogue(w))
    names = {m.text for m in extract(read(dialogue(width))).mentions if m.kind is Kind.PERSON}
    assert "刘振华" in names


def test_a_line_below_a_break_that_opens_like_a_label_goes_on_with_the_sentence():
    text = ("王建国：我们认为这一轮的技术变化会改变整个行业里每一家公司的\n"
            "运作方式：从研发到生产，再到销售和售后服务，每个环节都会被重新设计一遍，\n"
            "而且这个过程会比大多数人预想的更快一些，也许三年，也许五年就能看得很清楚\n"
            "了。\n"
            "陈思远：我同意。这个变化不会只发生在一个行业里，制造业和服务业都会受到影\n"
            "响，而且越是流程复杂的行业，变化越大，越需要提前准备好相应的人才和组织。\n"
            "王建国：对，这也是我们今年招聘的重点方向之一，我们会继续在这个方向上投入\n"
            "更多的资源和时间。\n")
    t = read(text)
    assert [t_.speakers for t_ in t.turns] == [("王建国",), ("陈思远",), ("王建国",)]
    assert "每一家公司的运作方式：从研发到生产" in t.turns[0].text(t.document)


def test_latin_words_broken_across_lines_are_joined_with_a_space():
    paragraphs = ["主持人：今天我们请到了两位嘉宾，他们都在做大模型的应用落地，其中一位之前在Google DeepMind工作了"
                  "五年，负责多模态模型的训练和评测，另一位则来自国内的一家创业公司，做企业服务。",
                  "李雷：谢谢主持人，也谢谢各位今天到场。我之前确实在DeepMind，主要和William W. Cohen一起做检索增强的研究，后来回国"
                  "创业，现在专注于企业知识库和客服场景，客户主要是银行和保险公司。",
                  "韩梅：我这边主要做医疗方向，我们的产品已经在二十多家医院上线，每天处理的问诊量超过一万次，"
                  "医生的平均接诊时间缩短了大约三分之一，反馈整体上是比较正面的。"]
    wrapped = "\n".join(wrap(p, 80) for p in paragraphs)
    assert "Google\nDeepMind" in wrapped and "W.\nCohen" in wrapped
    assert read(wrapped).document.text == "\n".join(paragraphs)


def test_a_text_whose_short_lines_are_headings_is_left_as_it_is():
    text = ("一、关于储能市场的判断\n"
            "王建国：我认为明年储能市场会迎来真正的爆发。\n"
            "二、海外市场的机会在哪里\n"
            "陈思远：海外市场的需求增长可能比国内更快。\n"
            "三、供应链\n"
            "王建国：供应链的成本还会继续下降，这是确定的。\n"
            "结语\n"
            "主持人：谢谢两位。\n")
    document = document_from_text(text, doc_id="t")
    assert unwrap(document).document is document


def test_subtitles_are_never_unwrapped():
    cues = "".join(f"{i}\n00:00:{i:02d},000 --> 00:00:{i + 1:02d},000\n主持人：这是第{i}条字幕，它在这一行里\n"
                   f"说到一半，下一行接着说完。\n\n" for i in range(1, 9))
    t = read(cues)
    assert t.input_format == "srt" and t.document.text == document_from_text(cues, doc_id="t").text


han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
sentences = st.builds(lambda words, stop: words + stop, st.text(han, min_size=6, max_size=40), st.sampled_from("。！？，"))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(sentences, min_size=4, max_size=8).map("".join), min_size=4, max_size=8),
       st.integers(min_value=28, max_value=80))
def test_unwrapping_a_wrapped_dialogue_gives_back_its_paragraphs(paragraphs, width):
    labelled = [f"{'甲乙'[i % 2]}：{p}" for i, p in enumerate(paragraphs)]
    wrapped = [wrap(p, width).split("\n") for p in labelled]
    broken = sum(1 for lines in wrapped for line in lines[:-1] if line[-1] not in "。！？")
    lines = sum(map(len, wrapped))
    assume(broken >= 3 and 5 * broken >= lines)  # what makes a text hard-wrapped, by the module's definition
    text = "\n".join("\n".join(lines) for lines in wrapped)
    assert unwrap(document_from_text(text, doc_id="t")).document.text == "\n".join(labelled)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(sentences, min_size=1, max_size=8).map("".join), min_size=1, max_size=8))
def test_a_text_whose_lines_end_its_sentences_is_left_as_it_is(paragraphs):
    document = document_from_text("\n".join(f"甲：{p[:-1]}。" for p in paragraphs), doc_id="t")
    assert unwrap(document).document is document


def test_a_sentence_goes_on_across_a_printed_pages_end():
    lines = wrap(dialogue(None).split("\n")[1], 36).split("\n")
    page_end = ["", "第 1 页 共 3 页", "", "星河储能 圆桌实录", ""]
    pages = "\n".join(lines[:2] + page_end + lines[2:])
    text = dialogue(36).replace("\n".join(lines), pages) + "\n".join(["", "第 2 页 共 3 页", "", "星河储能 圆桌实录", ""])
    joined = read(text).document.text
    assert TURNS[1][1] in joined and "第 1 页" not in joined
