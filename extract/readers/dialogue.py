"""Plain and markdown dialogue: paragraphs that open with a speaker label.

``张涛：…``, ``**杨植麟：**…``, ``**张涛:**`` alone on a line with the text below, ``主持人王小明：…``,
``Speaker 1: …``.  A word before a colon is a speaker only when the document supports it: it opens
two or more paragraphs, the text names it elsewhere, it is a full name or a role label beside other
speakers, or labelled paragraphs make up most of a short text; and a word of the language
(``原因：``, ``结论：``) needs a name's or a role's shape or to take turns with other speakers, however
many paragraphs it opens.  Quotations (``李斌说："…"``), headings
and list items are never labels, and nor are cast lines above the first turn
(``主持人：黄磊，《硅谷101》主理人``: who takes a role, said by no one).
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from functools import lru_cache
from collections.abc import Iterator, Mapping, Sequence

from ..chinese_names import forms_after_a_name, is_han_name, surname_of
from ..model import BlockRole, Document, Transcript
from . import reader
from .labels import (NOTED_QUESTION, NUMBERED_SPEAKER, Label, is_common_word, is_reporter, match_act_heading, match_bracketed_label,
                     match_dashed_label, match_label, match_numbered_heading)
from .lines import Line, read_line, split_lines
from .speakers import CLIP_LABELS, GROUP_LABELS, HOST_LABELS, INTERVIEWER_LABELS, LECTURER_LABELS, ROLE_LABELS, cast_line, looks_like_a_name, self_introduced
from .structure import DIVIDER_HEADING, HANDS_OVER, RULE, Cue, assemble, is_stage_direction, shape_role

_SHORT_EXCHANGE_LINES = 30
_LISTED_LABEL = re.compile(r"\s*[问答QA]\s*[：:（(]")
_SENTENCE_END = "。！？!?…~～」”\"）)."
_FUSED_LABEL = re.compile(r"(?<=[。！？!?…”」）)])\s*(?P<label>[^\s。！？!?…：:]{1,12}?)\s*[:：]\s*$")


def candidate_labels(lines: Sequence[Line]) -> list[Label | None]:
    """The label shape each line opens with; a list item only as a record's numbered question or answer
    (``1. 问：…``), a heading only when it is a name and nothing else (``### 王芳`` over what she says) or
    a record's numbered post and name, a plain line alone also as a call's ``Name -- post``."""
    out: list[Label | None] = []
    dashed: list[int] = []
    for line in lines:
        if line.heading or line.bold and ":" not in line.visible and "：" not in line.visible:
            out.append(_heading_label(line))
            continue
        if is_stage_direction(line.visible):
            label = None
        elif line.list_item:
            label = _asked_or_answered(line.visible)
        else:
            label = match_label(line.visible) or match_act_heading(line.visible) or _bracketed_speaker(line.visible)
            if label is None and (label := match_dashed_label(line.visible)) is not None:
                dashed.append(len(out))
        out.append(label if label is not None and not label.header else None)
    return _front_matter_unlabelled(lines, _roster_unlabelled(lines, out, dashed))


_FRONT_MATTER_MAX_LINES = 30


def _front_matter_unlabelled(lines: Sequence[Line], labels: list[Label | None]) -> list[Label | None]:
    """A markdown file's front matter (``---`` / ``date: 2024-11-08 14:00`` / ``---`` opening the file)
    holds the file's fields, no one's words."""
    shown = [i for i, line in enumerate(lines) if line.visible.strip()]
    if not shown or lines[shown[0]].visible.strip() != "---":
        return labels
    close = next((i for i in shown[1:_FRONT_MATTER_MAX_LINES] if lines[i].visible.strip() == "---"), None)
    if close is not None:
        labels[shown[0]:close] = [None] * (close - shown[0])
    return labels


def _asked_or_answered(visible: str) -> Label | None:
    """A list item opens a turn only as a record's numbered question or answer (``1. 问：…``)."""
    return match_label(visible) if _LISTED_LABEL.match(visible) else None


def _roster_unlabelled(lines: Sequence[Line], labels: list[Label | None], dashed: Sequence[int]) -> list[Label | None]:
    """A name alone on its line over no words (``Kevin Luo -- Morgan Stanley`` in a call's list of
    participants, the next line another such name, or nothing) opens no turn."""
    for i in dashed:
        below = next((j for j in range(i + 1, len(lines)) if lines[j].visible.strip()), None)
        if below is None or labels[below] is not None or lines[below].heading:
            labels[i] = None
    return labels


def _bracketed_speaker(visible: str) -> Label | None:
    """``【周婷】好。``: a label in brackets, when it is shaped as a speaker (brackets in running text
    hold emoticons and headlines too: ``[哈哈]``, ``【快讯】``)."""
    label = match_bracketed_label(visible)
    return label if label is not None and all(speaker_shaped(name) for name in label.names) else None


# 郑可欣（瑞柏生物 联合创始人兼CEO）: a name, and a note in brackets on who the person is
_NOTED_NAME = re.compile(r"\s*(?P<name>[^（()）\n]+?)\s*(?:[（(][^（()）\n]{1,30}[)）])?\s*")


def _heading_label(line: Line) -> Label | None:
    """A heading or a bold line that is a name alone (``### 王芳``, ``**王芳（瑞柏生物 CEO）**``) over
    what the person says; the note in brackets stays in the text, where the label's note is read."""
    match = _NOTED_NAME.fullmatch(line.visible)
    name = match["name"] if match else ""
    if not (looks_like_a_name(name) or name in ROLE_LABELS):
        return match_numbered_heading(line.visible)
    at = line.visible.index(name)
    return Label((name,), ((at, at + len(name)),), len(line.visible))


def speaker_shaped(name: str) -> bool:
    """A label that names a speaker by its shape alone: a person's name, a role word, a numbered role,
    a handle (Q（@图灵的猫）：), an asker known by a note (Q（中金公司分析师）：)."""
    return bool(looks_like_a_name(name) or name in ROLE_LABELS or NUMBERED_SPEAKER.match(name) or is_reporter(name)
                or len(name) > 1 and name[0] == "@" or NOTED_QUESTION.fullmatch(name))


def supported_speakers(text: str, lines: Sequence[Line], labels: Sequence[Label | None]) -> set[str]:
    """Names the document supports as speakers (see the module's docstring)."""
    opened = Counter(name for label in labels if label for name in label.names)
    folded = Counter(name.casefold() for name in opened.elements() if name.isascii())  # Kelvin and KELVIN: one label
    supported = {name for name, count in opened.items() if count >= 2 or text.count(name) > count
                 or name.isascii() and folded[name.casefold()] >= 2 or _named_elsewhere(name, text)}
    if supported or len(opened) >= 2:
        supported |= {name for name in opened if speaker_shaped(name)}
    speaking = [label for line, label in zip(lines, labels) if label and label.content < len(line.visible)]
    # names over a sentence: a title (圆桌：开源模型的未来) has no sentence end
    names = {name for line, label in zip(lines, labels)
             if label and label.content < len(line.visible) and line.visible[-1] in _SENTENCE_END
             for name in label.names}
    if len(names) >= 2 and len(speaking) * 2 >= len(lines) and len(lines) <= _SHORT_EXCHANGE_LINES \
            and max(opened.values()) < 2:
        # a short exchange where everyone speaks once: most lines are labelled
        supported |= names
    # a word of the language (原因：, 结论：) opening paragraphs is a list, not a speaker, unless it takes
    # turns with others as a speaker does (a nickname: 老狼：…  小雨：…  老狼：…)
    order = [label.names for label in labels if label]
    supported -= {name for name in supported
                  if not speaker_shaped(name) and is_common_word(name) and not _takes_turns(name, order)}
    # a whole bold line ending in a colon, or a heading, is a heading unless the name is supported twice over
    for line, label in zip(lines, labels):
        if label and (line.bold or line.heading) and label.content >= len(line.visible):
            supported -= {n for n in label.names if opened[n] < 2 and not looks_like_a_name(n)}
    return supported


def _named_elsewhere(label: str, text: str) -> bool:
    """``宇树王兴兴`` where the text names 王兴兴 on his own too: an organisation, then the speaker's name
    (not ``路演平台``, whose 平台 is a word, not a name)."""
    return len(label) > 3 and any(is_han_name(label[-size:]) and not is_common_word(label[-size:])
                                  and text.count(label[-size:]) > text.count(label) for size in (3, 2))


def _takes_turns(name: str, order: Sequence[tuple[str, ...]]) -> bool:
    """Most of the paragraphs ``name`` opens, and two at least, stand between others' labels."""
    opened = [i for i, names in enumerate(order) if name in names]
    between = sum(1 for i in opened
                  if (i == 0 or name not in order[i - 1]) and (i + 1 == len(order) or name not in order[i + 1]))
    return between >= 2 and between * 2 >= len(opened)


def split_fused_labels(text: str, lines: list[Line], labels: list[Label | None],
                       speakers: set[str]) -> tuple[list[Line], list[Label | None]]:
    """``…的事。Lily:`` at a paragraph's end: the label opens the next turn (a copy-paste seam)."""
    out_lines: list[Line] = []
    out_labels: list[Label | None] = []
    for line, label in zip(lines, labels):
        m = _FUSED_LABEL.search(line.visible) if line.visible.endswith((":", "：")) else None
        if m and m["label"] in speakers and m.start("label") > 0:
            cut = line.offset(m.start("label"))
            parts = [read_line(text, line.number, line.start, _rstrip(text, line.start, cut)),
                     read_line(text, line.number, cut, line.end)]
            out_lines += parts
            out_labels += candidate_labels(parts)
        else:
            out_lines.append(line)
            out_labels.append(label)
    return out_lines, out_labels


def _headline_unlabelled(lines: Sequence[Line], labels: list[Label | None]) -> list[Label | None]:
    """``远见智驾贺志强：端到端不是终点`` atop a page, its date or byline below: a headline quoting the
    person, no turn of theirs (a turn says a sentence; a headline ends without one, or asks); an
    event's name may stand above it."""
    shown = [i for i, line in enumerate(lines) if line.visible.strip()]
    while shown and labels[shown[0]] is None and shape_role(lines[shown[0]]) is BlockRole.FURNITURE:
        shown = shown[1:]  # a breadcrumb above it (一席 > 演讲 > 科学)
    if len(shown) > 1 and labels[shown[0]] is None and labels[shown[1]] is not None:
        shown = shown[1:]  # the event's name above it (亚洲人工智能前沿峰会 / Panel 3：从大模型到智能体)
    if not shown or labels[shown[0]] is None:
        return labels
    first = lines[shown[0]]
    said = first.visible[labels[shown[0]].content:].strip()
    dated = any(shape_role(lines[i]) is BlockRole.METADATA for i in shown[1:3])
    if not (said and (not _ends_a_sentence(said) or said[-1] in "？?") and dated):  # a title may ask
        return labels
    out = list(labels)
    out[shown[0]] = None
    return out


def _ends_a_sentence(said: str) -> bool:
    """Whether ``said`` ends as a sentence does: a quotation closing a sentence (``…。”``) does, one
    closing a phrase (``先学会说“我不知道”``, a headline's) does not."""
    bare = said.rstrip("」”\"’'）)")
    return bool(bare) and bare[-1] in _SENTENCE_END


_FIELD = re.compile(r"^[^：:\s]{1,10}\s*[：:]")


def _header_fields_unlabelled(lines: Sequence[Line], labels: list[Label | None]) -> list[Label | None]:
    """``访谈人：产品经理 许嘉宁`` / ``受访者：…负责人`` / ``项目：…`` on lines of their own above a rule
    (``---``), with the questions and answers below it: the record's header fields, no turns.  A field
    block is lines one below the other with no blank line between, three of them at least.  Without a
    rule, the blocks from the top that hold no sentence, one of them naming when or where
    (``答辩人：许嘉铭（…）`` / ``指导教师：冯立新 教授`` / ``答辩时间：…``, then ``主席：王振华，…院长``), are the header."""
    rule = next((i for i, line in enumerate(lines) if RULE.match(line.visible)), None)
    end = len(lines) if rule is None else rule
    if not any(labels[:end]) or rule is not None and not any(labels[rule + 1:]):
        return labels
    fields = [i for i in range(end) if _FIELD.match(lines[i].visible)]
    adjacent = {i for i in fields if any(j in fields and abs(lines[j].number - lines[i].number) == 1 for j in (i - 1, i + 1))}
    if rule is None:
        adjacent = _leading_field_blocks(lines, sorted(adjacent))
        if not any(_DATED_FIELD.match(lines[i].visible) for i in adjacent):
            return labels
    if len(adjacent) < 3:
        return labels
    return [None if i in adjacent else label for i, label in enumerate(labels)]


def _leading_field_blocks(lines: Sequence[Line], adjacent: list[int]) -> set[int]:
    """The blocks of field lines from the top down to the first holding a sentence (the talk's own
    lines, one below the other, begin there)."""
    blocks: list[list[int]] = []
    for i in adjacent:
        if blocks and lines[i].number == lines[blocks[-1][-1]].number + 1:
            blocks[-1].append(i)
        else:
            blocks.append([i])
    header: set[int] = set()
    for block in blocks:
        if any(_ends_a_sentence(lines[i].visible) for i in block):
            break
        header.update(block)
    return header


_DATED_FIELD = re.compile(r"^[^：:\s]{0,8}(?:时间|日期|地点|题目|主题)\s*[：:]")

def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


@lru_cache(maxsize=4)  # detection by two readers and the parse read the same text
def dialogue_cues(text: str) -> tuple[tuple[Cue, ...], frozenset[str]]:
    lines = split_lines(text)
    labels = _header_fields_unlabelled(lines, _headline_unlabelled(lines, candidate_labels(lines)))
    speakers = supported_speakers(text, lines, labels)
    if speakers:
        lines, labels = split_fused_labels(text, lines, labels, speakers)
    labels = _cast_lines_unlabelled(lines, labels)
    cues = tuple(Cue(line, label if label and all(n in speakers for n in label.names) else None,
                     label.time if label else None)
                 for line, label in zip(lines, labels))
    cues = _announced_askers(_captioned_guests(cues))
    return _lecturer_unlabelled(text, dashed_turns(_questions_in_bold(cues))), frozenset(speakers)


# [00:26] ——你在小鹏待了多久？: a dash that hands the word to the other of two speakers
_DASH_TURN = re.compile(r"^\s*(?:[\[(（【]\s*\d{1,2}(?::\d{2}){1,2}\s*[\])）】]\s*)?(?:——|--)(?![-—])\s*(?=\S)")


def dashed_turns(cues: Sequence[Cue]) -> tuple[Cue, ...]:
    """Between two speakers, a line opening with a dash (``——说实话，…``) is the turn of the one who
    did not speak last: an interview's transcript marks the change of speaker so, names left out."""
    names = {n for c in cues if c.label for n in c.label.names}
    if len(names) != 2:
        return tuple(cues)
    out = list(cues)
    last: str | None = None
    for i, cue in enumerate(cues):
        if cue.label and len(cue.label.names) == 1:
            last = cue.label.names[0]
        elif cue.label is None and last is not None:
            dash = _DASH_TURN.match(cue.line.visible)
            if dash and not DIVIDER_HEADING.match(cue.line.visible):  # —— 新书推荐 ——: a heading, no one's turn
                last = next(n for n in names if n != last)
                out[i] = dataclasses.replace(cue, label=Label((last,), (), dash.end()))
    return tuple(out)


# 你怎么看现在的价格战？电芯已经跌到0.4元一瓦时了。: a question, then the fact it rests on
_ASKS_THEN_STATES = re.compile(r"[？?][^？?]{1,60}[。！!]$")
# 《硅基周刊》：, 晚点：: the asker's own label inside a bold question
_ASKER_PREFIX = re.compile(r"^\s*(?:《[^》]{1,20}》|[^\s：:？?]{1,12})\s*[：:]")
_INTERVIEWER = "问"  # the one who asks, as the text names them (the byline's author, an outlet)


def asks_in_bold(cue: Cue) -> bool:
    """An unlabelled line set in bold that asks, or asks and then states what the question rests on."""
    visible = cue.line.visible.strip()
    return (cue.label is None and cue.line.bold
            and (visible.endswith(("？", "?")) or _ASKS_THEN_STATES.search(visible) is not None))


def _questions_in_bold(cues: tuple[Cue, ...]) -> tuple[Cue, ...]:
    """A bold question (``**从H100到B200，国产芯片追得上吗？**``) among labelled answers is the
    interviewer's, not the end of the answer before it; one the interviewer's labelled question
    follows (``**为什么下调销量目标？**`` over ``晚点：今年1月你们…？``) heads a section."""
    if not any(c.label for c in cues):
        return cues
    out = list(cues)
    shown = [i for i, cue in enumerate(cues) if cue.line.visible.strip()]
    after = {i: cues[j] for i, j in zip(shown, shown[1:]) if cues[j].label is not None}
    # the labels that ask right under a bold question: the interviewer's, which the article also prints
    asking = {after[i].label.names for i, cue in enumerate(cues)
              if asks_in_bold(cue) and i in after and _QUESTION_MARK.search(after[i].line.visible)}
    for i, cue in enumerate(cues):
        if asks_in_bold(cue) and i in after and after[i].label.names in asking:
            out[i] = dataclasses.replace(cue, line=dataclasses.replace(cue.line, heading=True))
        elif asks_in_bold(cue):
            asker = _ASKER_PREFIX.match(cue.line.visible)
            out[i] = dataclasses.replace(cue, label=Label((_INTERVIEWER,), (), asker.end() if asker else 0))
    return tuple(out)


# 【字幕：蒋立鸣 江苏恒曜储能科技有限公司董事长】, 字幕：寻乌县澄江镇 无人机飞手 钟磊: a broadcast's caption
# naming who speaks, before or after their post
_CAPTION = re.compile(r"^\s*[【\[（(]?\s*字幕\s*[:：]\s*(?P<words>[^】\]）)]*)")
_CAPTION_WORD_SEPARATOR = re.compile(r"[\s，,、]+")
_CAPTIONED_LABELS = frozenset({"嘉宾", "受访者", "被访者", "受访人"})
# the programme's voice-over and its host in the studio: the report turns to other people
_SCENE_CHANGES = CLIP_LABELS | HOST_LABELS


def _caption_name(visible: str) -> str | None:
    """The person a caption line names, its last word or its first (字幕：脐橙种植户 钟桂兰 names 钟桂兰)."""
    caption = _CAPTION.match(visible)
    words = _CAPTION_WORD_SEPARATOR.split(caption["words"].strip()) if caption else []
    return next((w for w in (words[-1], words[0]) if 2 <= len(w) <= 4 and is_han_name(w)), None) if words else None


def _captioned_guests(cues: tuple[Cue, ...]) -> tuple[Cue, ...]:
    """A guest's or interviewee's label in a scene whose captions name someone is that person's: a
    broadcast names each guest on screen as they speak (``【字幕：蒋立鸣 …董事长】`` then ``嘉宾：…``, or
    ``受访者：…`` then ``字幕：…飞手 钟磊``).  A scene runs from one voice-over or host's turn to the next;
    the label takes the caption before it in the scene, else the first after it; but the question just
    put, if it calls someone captioned in the report by name or surname and post (``刘厅长，…？``), says
    who answers, in any scene."""
    names = [_caption_name(cue.line.visible) for cue in cues]
    captioned = sorted({n for n in names if n})
    if not captioned:
        return cues
    out = list(cues)
    start = 0
    for end in [i for i, cue in enumerate(cues) if cue.label and set(cue.label.names) & _SCENE_CHANGES] + [len(cues)]:
        scene = [n for n in names[start:end] if n]
        asked = None
        for i in range(start, end):
            cue = cues[i]
            if cue.label is None:
                continue
            if set(cue.label.names) <= INTERVIEWER_LABELS:
                asked = called_last(cue.line.visible[cue.label.content:], captioned)
            elif set(cue.label.names) <= _CAPTIONED_LABELS and (asked or scene):
                before = [n for n in names[start:i] if n]
                name = asked or (before[-1] if before else scene[0])
                out[i] = dataclasses.replace(cue, label=dataclasses.replace(cue.label, names=(name,)))
        start = end
    return tuple(out)


# 第二位是国泰海通证券的刘嘉欣。, 下一位，华泰证券蔡峻。, 我们再接最后一位。摩根士丹利的何家俊。: the
# moderator gives the floor to the next one to ask
_NEXT_ASKER = re.compile(r"(?:第[一二三四五六七八九十\d]+位|下一位|最后一位|接下来一位|再接一位|有请)[^？?]{0,40}$")
_ASKER_LABELS = frozenset({"问", "Q", "提问", "提问者", "提问人"}) | GROUP_LABELS


def _announced_askers(cues: tuple[Cue, ...]) -> tuple[Cue, ...]:
    """A bare asker's label (``问：``, ``分析师：``) right after the moderator gives the floor to someone
    by name who asks under their own name elsewhere (``下一位，华泰证券蔡峻。`` … ``问（蔡峻）：``), or
    whose first words say that name (``东吴证券曾一帆。我就问一个问题``), is that person's: a results
    call's or a press conference's record labels one asker so, the next not."""
    named = sorted({n for c in cues if c.label for n in c.label.names if is_han_name(n)})
    out = list(cues)
    before: Cue | None = None
    for i, cue in enumerate(cues):
        if cue.label is None:
            continue
        if before is not None and set(cue.label.names) <= _ASKER_LABELS:
            said = before.line.visible[before.label.content:]
            floor = _NEXT_ASKER.search(said)
            asked = called_last(said[floor.start():], [n for n in named if n not in before.label.names]) if floor else None
            asked = asked or _self_named(cue.line.visible[cue.label.content:], named)
            if asked:
                out[i] = dataclasses.replace(cue, label=dataclasses.replace(cue.label, names=(asked,)))
        before = cue
    return tuple(out)


_SELF_NAMING_REACH = 40  # 在的在的，不好意思刚才静音了。东吴证券曾一帆。: how far into the turn an asker says who they are


def _self_named(said: str, named: Sequence[str]) -> str | None:
    """The one full name of those labelling turns elsewhere that an asker's first words say, not to
    call someone (``东吴证券曾一帆。``, ``我是刘嘉欣，…``; not ``邱振邦总``, nor ``曾一帆，你好`` opening it)."""
    opening = said[:_SELF_NAMING_REACH]
    forms = forms_after_a_name()
    said_names = [n for n in named if not n.endswith(forms) and (at := opening.find(n)) >= 0
                  and not opening.startswith(forms, at + len(n)) and not (at == 0 and _VOCATIVE.match(opening, len(n)))]
    return said_names[0] if len(said_names) == 1 else None


_VOCATIVE = re.compile(r"\s?(?:[，,]|你好|您好)")  # 刘嘉欣，你们… opening a turn: the one spoken to


def called_last(said: str, names: Sequence[str]) -> str | None:
    """The one of ``names`` that ``said`` calls last, by name or by surname and a form of address
    (周老师, 宋总, 刘厅长); None when it calls none, or two at once."""
    forms = forms_after_a_name()
    called = {}
    for name in names:
        surname = surname_of(name) if is_han_name(name) else None
        at = max([said.rfind(name)] + [said.rfind(surname + form) for form in forms if surname])
        if at >= 0:
            called[name] = at
    if not called:
        return None
    last = max(called.values())
    asked = [n for n, at in called.items() if at == last]
    return asked[0] if len(asked) == 1 else None


# 主讲人韩博文, 主讲嘉宾：周启明: the introduction names the one who gives the talk
_LECTURER = re.compile(rf"(?:{'|'.join(LECTURER_LABELS)})\s*[:：｜|丨]?\s*[\u3400-\u9fff]{{2,4}}")
# 以下为雷总演讲实录：, 以下是李彦宏的主题演讲全文, 以下为演讲实录，经本人审定, 以下为魏明哲主旨演讲实录（有删节）:
# the one whose speech the unlabelled paragraphs below are
_SPEECH_LEAD_IN = re.compile(r"(?:以下|下面)(?:为|是)(?P<name>[\u3400-\u9fff]{2,4}?)?(?:的)?(?:主题|主旨|开幕|闭幕|特邀|专题)?"
                             r"(?:演讲|讲话|致辞|发言|分享)[^。！？!?\n]{0,10}(?:[，,][^。！？!?\n]{1,12})?[:：]?\s*$")
# 口述：周牧之　整理：许安然: an oral history's byline, naming the one whose story the text tells
_DICTATED = re.compile(r"^\s*口述\s*[:：｜|]\s*(?P<name>[\u3400-\u9fff·]{2,5}?)(?=[\s\u3000|｜/，,]|$)")
# 贺志强发表了题为《…》的主题演讲: whose speech the introduction says it is, when the lead-in does not
_GAVE_SPEECH = re.compile(r"(?P<name>[\u3400-\u9fff]{2,3})(?:在[^，,。！？!?\n]{1,24}?)?(?:发表了?|作了|做了)"
                          r"[^。！？!?\n]{0,40}?(?:演讲|讲话|致辞)")
# 谢谢苏老师的介绍, 大家好, 各位同学: the talk's first words, after an introduction in the third person
_TALK_OPENING = re.compile(r"^(?:谢谢|感谢|大家好|各位|同学们|尊敬的|我今天)")
_ASKS = re.compile(r"[？?]|问")
_QUESTION_MARK = re.compile(r"[？?]")
_LECTURE_LABEL = Label((LECTURER_LABELS[0],), (), 0)
# who asks after a talk: the audience (观众提问), or a question's label (提问：, 问：)
_ASKING_LABELS = GROUP_LABELS | frozenset({"提问", "提问者", "问", "Q", "Question"})


def _lecturer_unlabelled(text: str, cues: tuple[Cue, ...]) -> tuple[Cue, ...]:
    """A talk whose speaker has no label: the unlabelled paragraphs after a lead-in (``_speech_after_lead_in``)
    are that speaker's; with the audience's questions labelled (``观众提问：…``), those that open the
    talk or answer a question are the lecturer's, whom the introduction names (主讲人韩博文) or the
    lead-in gave, and so with the questions labelled ``提问：``.  Otherwise, or with the lecturer
    labelled, the cues stay as they are."""
    labelled = [c for c in cues if c.label]
    first = next((i for i, c in enumerate(cues) if c.label), len(cues))
    out = list(_talks_handed_over(cues))
    at, speaker = _speech_after_lead_in(cues, first)
    if at is not None and speaker:
        out[at] = Cue(cues[at].line, Label((speaker,), (), 0))
    named = next((i for i, c in enumerate(cues[:first]) if _LECTURER.search(c.line.visible)), None)
    if named is None and speaker is None or not labelled or not any(_asking(n) for c in labelled for n in c.label.names):
        return tuple(out)
    lecturer = _LECTURE_LABEL if named is not None else Label((speaker,), (), 0)
    opening = next((i for i in range(named + 1, first) if _TALK_OPENING.match(cues[i].line.visible)), None) \
        if named is not None else None
    if opening is not None:
        out[opening] = Cue(cues[opening].line, lecturer)
    for i in range(1, len(cues)):
        asked = cues[i - 1].label
        if (cues[i].label is None and asked and all(_asking(n) for n in asked.names)
                and _ASKS.search(cues[i - 1].line.visible) and not cues[i].line.heading
                and not is_stage_direction(cues[i].line.visible)):
            out[i] = Cue(cues[i].line, lecturer)
    return tuple(out)


def _talks_handed_over(cues: Sequence[Cue]) -> Iterator[Cue]:
    """``主持人：……让我们用掌声欢迎方昊学长！`` then, unlabelled, ``谢谢杨老师的介绍……``: the talk the host
    handed the stage over to is the one welcomed's (their name or form of address, or the lecturer's role
    when a host's label names no one), from its first words until the next label.  The hand-over may
    close any paragraph of the turn (a host who introduces the speaker at length first)."""
    handed: Label | None = None
    turn: Label | None = None
    for cue in cues:
        if cue.label is None and handed is not None and not cue.line.heading and _TALK_OPENING.match(cue.line.visible):
            yield Cue(cue.line, handed)
            handed, turn = None, handed
            continue
        yield cue
        if cue.label is not None:
            turn = cue.label
        if is_stage_direction(cue.line.visible):
            continue
        over = HANDS_OVER.search(cue.line.visible.rstrip()) if turn is not None else None
        welcomed = _welcomed(over["whom"]) if over else None
        if welcomed and welcomed not in turn.names:
            handed = Label((welcomed,), (), 0)
        elif over and all(name in HOST_LABELS for name in turn.names):
            handed = _LECTURE_LABEL
        else:
            handed = None


def _welcomed(whom: str) -> str | None:
    """The one welcomed (方昊学长, 沈博士上台): the name alone, if it is one, or the form of address
    (唐老师), which names the speaker of that surname."""
    name = _WELCOME_TAIL.sub("", whom.strip())
    if is_han_name(name):
        return name
    address = _WELCOME_ACTION.sub("", whom.strip())
    return address if address != name and surname_of(name) == name else None


_WELCOMED_TO = r"(?:上台|登台)?(?:的分享|分享|演讲)?$"  # 上台, 的分享: what the one welcomed comes to do
_WELCOME_ACTION = re.compile(_WELCOMED_TO)
_WELCOME_TAIL = re.compile(r"(?:学长|学姐|老师|先生|女士|博士|教授|院士|总)?" + _WELCOMED_TO)


def _speech_after_lead_in(cues: Sequence[Cue], first: int) -> tuple[int | None, str | None]:
    """Where a speech told unlabelled begins and whose it is: after a lead-in (以下为雷总演讲实录：,
    a title line 陆知秋：… may stand above it), the lead-in's name, else the one the introduction says
    gave the speech, else the one its first words introduce (大家好，我是陆知秋).  Without a lead-in,
    in an oral history with no labels at all, the one its byline says dictated it (口述：周牧之), and
    below a cast line naming the one who speaks (演讲人：沈知远 …) with no label after it, that person:
    from the first paragraph of running text (after the date and the editor's note); else a talk
    before anyone's label that opens by saying who speaks (大家好，我是沈知远。)."""
    lead_in = next(((i, m) for i, c in enumerate(cues) if c.label is None and (m := _SPEECH_LEAD_IN.search(c.line.visible))),
                   None)
    if lead_in is not None:
        until = next((i for i in range(lead_in[0] + 1, len(cues)) if cues[i].label), len(cues))
        at = next((i for i in range(lead_in[0] + 1, until) if not cues[i].line.heading), None)
        return at, (lead_in[1]["name"] or _speech_giver(cues[:lead_in[0] + 1])
                    or (self_introduced(cues[at].line.visible[:200], {}) if at is not None else None))
    named = _dictated_or_cast(cues, first)
    if named is None:
        return _opened_by_self_introduction(cues, first)
    at = next((i for i in range(named[0] + 1, len(cues)) if not cues[i].line.heading and not cues[i].line.quote
               and shape_role(cues[i].line) is None), None)
    return at, named[1]


def _dictated_or_cast(cues: Sequence[Cue], first: int) -> tuple[int, str] | None:
    """The line naming the one whose unlabelled speech follows, and that name: an oral history's byline
    (口述：周牧之) where nothing is labelled, or a lecturer's cast line with no label after it."""
    if first == len(cues):
        dictated = next(((i, m["name"]) for i, c in enumerate(cues) if (m := _DICTATED.match(c.line.visible))), None)
        if dictated is not None:
            return dictated
    last = max((i for i, c in enumerate(cues) if c.label), default=-1)
    return next(((i, cast[1][0]) for i, c in enumerate(cues) if i > last and c.label is None
                 and (cast := cast_line(c.line.visible)) and cast[0] in LECTURER_LABELS and len(cast[1]) == 1), None)


def _opened_by_self_introduction(cues: Sequence[Cue], first: int) -> tuple[int | None, str | None]:
    """A talk told unlabelled before anyone's label, opening with a greeting that says who speaks
    (大家好，我是沈知远。): where it begins, and that name."""
    for i in range(first):
        visible = cues[i].line.visible
        if cues[i].label is None and _TALK_OPENING.match(visible) and (name := self_introduced(visible[:200], {})):
            return i, name
    return None, None


def _asking(label: str) -> bool:
    """A label of those who ask after a talk: 观众, 提问, numbered or lettered ones (观众A, 提问1), and
    one known by a note (提问者（北方大学学生）)."""
    bare = label.split("（")[0].split("(")[0]
    return bare in _ASKING_LABELS or bare.rstrip("ABCDEFGHIJ0123456789") in _ASKING_LABELS


def _speech_giver(cues: Sequence[Cue]) -> str | None:
    """The one person the introduction says gave the speech (贺志强发表了题为《…》的主题演讲)."""
    givers = {m["name"][-3:] if is_han_name(m["name"][-3:]) else m["name"][-2:]
              for c in cues for m in _GAVE_SPEECH.finditer(c.line.visible)}
    named = [g for g in givers if is_han_name(g)]
    return named[0] if len(named) == 1 else None


# 参会人员：, 与会人员（9人）：, 【嘉宾】, Panelists: the heading of a list of who came, one a line below it
_ATTENDEES = re.compile(r"^(?:(?:参会人员|与会人员|出席人员|参会人|与会人|出席人|参会嘉宾|出席嘉宾|参会单位|嘉宾名单|嘉宾介绍|"
                        r"本期嘉宾|对话嘉宾|演讲嘉宾|圆桌嘉宾)(?:\s*[（(]\d{1,3}人[)）])?\s*[:：]?|[【\[](?:嘉宾|与会嘉宾|出席嘉宾|"
                        r"参会嘉宾|嘉宾名单|嘉宾介绍|本期嘉宾|对话嘉宾|圆桌嘉宾)[】\]]|(?:Panelists|Speakers|Participants|Attendees)\s*:?)\s*$")


def _cast_lines_unlabelled(lines: Sequence[Line], labels: list[Label | None]) -> list[Label | None]:
    """``主持人：黄磊，《硅谷101》主理人`` above the first turn says who takes a role: no turn, nor are the
    lines right below an attendees' field (参会人员： / 公司方：…).  A label of no speaker's shape above
    them (``节目时长：58 分钟``) is the page's, and passed over."""
    out = list(labels)
    attendees = None  # the line number of an attendees' field (参会人员：), whose lines below list who came
    for i, (line, label) in enumerate(zip(lines, labels)):
        if _ATTENDEES.match(line.visible):
            attendees = line.number
            continue
        if attendees is not None and line.number == attendees + 1 and label is not None:
            attendees = line.number  # 公司方：董事长兼总经理宋怀远；…, 机构方：…: who came, no turn
            out[i] = None
            continue
        attendees = None
        if label is None:
            continue
        if cast_line(line.visible) is None and not _one_named(line.visible[label.content:]):
            if all(speaker_shaped(name) for name in label.names):
                break
            continue
        out[i] = None
    return out


def _one_named(content: str) -> bool:
    """``王静怡（本院博士后）`` after ``答辩秘书：``: a person's name and a note on them, all the line says."""
    match = _NAME_AND_NOTE.fullmatch(content.strip())
    return match is not None and looks_like_a_name(match["name"])


_NAME_AND_NOTE = re.compile(r"(?P<name>[\u3400-\u9fff·]{2,4})\s*(?:[（(][^（()）]{1,40}[)）])?")


def detect(text: str) -> float:
    cues, _ = dialogue_cues(text)
    turns = sum(1 for c in cues if c.label)
    return 0.5 if turns >= 2 else 0.1


@reader("dialogue", "paragraphs opening with a speaker label, plain text or markdown",
        "**张涛：**大家好，我是张涛。\n李宏玮：我补充一点。", detect)
def parse(document: Document, speakers: Mapping[str, str] | None = None) -> Transcript:
    cues, _ = dialogue_cues(document.text)
    return assemble(document, cues, "dialogue", overrides=speakers)
