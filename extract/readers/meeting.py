"""Meeting and speech-recognition exports: segments of speech, each with a speaker and a time code.

飞书妙记 and Otter/Zoom/Teams put the speaker and time on a line of their own, the text below
(``说话人 1  00:00:05`` / ``Jane Smith  0:01``); 腾讯会议 and many tools put them before the text
(``高峰(00:00:12): 人都到齐了吧？``, ``[00:00:01] 李明: …``).  Consecutive segments of one speaker are
one turn; a header line's text is the speaker's whatever its shape.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from ..model import Document, Transcript
from . import reader
from .dialogue import dashed_turns
from .labels import TIME, Label, match_bracketed_label, match_label
from .lines import Line, split_lines
from .structure import RECORD_SECTION, Cue, assemble, is_notice, is_section_heading, is_stage_direction


def _timed_label(visible: str) -> Label | None:
    """A label with a time code, written ``李明 00:01：``, ``说话人 1  00:00:05`` or ``[00:01] [李明] …``."""
    label = match_label(visible)
    if label is None or label.time is None:
        label = match_bracketed_label(visible)
    return label if label is not None and label.time is not None else None


def _timed_labels(text: str) -> list[Label | None]:
    return [_timed_label(line.visible) for line in split_lines(text)]


# a digit, a colon and a digit: in every time code (``TIME``), and one itself, so a text holds a time code
# where it holds one; the engine skips to the digits (with ``TIME`` it tried every position)
_ANY_TIME = re.compile(r"\d:\d")


def detect(text: str) -> float:
    head = text[:100_000]
    if not _ANY_TIME.search(head):  # no time code anywhere: no line needs reading
        return 0.0
    labels = _timed_labels(head)
    found = sum(1 for label in labels if label)
    return 0.9 if found >= 2 and found * 8 >= len(labels) else 0.0


# 03:10 为什么离开红杉: a chapter of the episode in the show notes, a time code and a title
_CHAPTER = re.compile(rf"^\s*{TIME}\s+[^：:]+$")
_TIMED_LINE = re.compile(rf"^\s*{TIME}\s")


def meeting_cues(text: str) -> list[Cue]:
    cues: list[Cue] = []
    in_segment = spoken_inline = False
    lines = split_lines(text)
    labels = [_timed_label(line.visible) for line in lines]
    opened = Counter(name for label in labels if label for name in label.names)
    in_chapters = _chapter_lists(lines, labels, opened)
    for i, (line, label) in enumerate(zip(lines, labels)):
        if label is not None and in_chapters[i]:
            label = None  # 41:05 具身智能：知行机器人的故事 among the chapters is one, not a speaker's segment
            in_segment = False
        if label is not None:
            cues.append(Cue(line, label, None if label.clock else label.time))
            in_segment = True
            spoken_inline = label.content < len(line.visible)
        else:
            if RECORD_SECTION.match(line.visible) or spoken_inline and is_section_heading(line):
                in_segment = False  # 待办事项：, 二、技术方案: the record's own section below, no one's speech
            aside = is_notice(line.visible) or is_stage_direction(line.visible)
            cues.append(Cue(line, continues=in_segment and not aside))
    return cues


def _chapter_lists(lines: list[Line], labels: list[Label | None], opened: Counter) -> list[bool]:
    """Per line, whether it stands in a list of chapters: a run of lines each opening with a time code,
    one at least a title alone (``03:10 为什么离开红杉``), none with a label that opens another segment too
    (``41:05 具身智能：知行机器人的故事`` is a title with a colon, its 具身智能 opens nothing else)."""
    out = [False] * len(lines)
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and _TIMED_LINE.match(lines[end].visible):
            end += 1
        run = range(start, end)
        if any(_CHAPTER.match(lines[i].visible) for i in run) and \
                not any(labels[i] and any(opened[n] > 1 for n in labels[i].names) for i in run):
            out[start:end] = [True] * (end - start)
        start = end + 1
    return out


@reader("meeting", "meeting and speech-recognition exports (飞书妙记, 腾讯会议, Zoom, Teams, Otter)",
        "说话人 1  00:00:05\n大家好，我们开始。", detect)
def parse(document: Document, speakers: Mapping[str, str] | None = None) -> Transcript:
    return assemble(document, dashed_turns(meeting_cues(document.text)), "meeting", merge_runs=True, overrides=speakers)
