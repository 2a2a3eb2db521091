"""Subtitles: SRT and WebVTT cues, the speaker from a label (``主持人：…``, ``[主持人] …``, ``【周婷】…``)
or a voice tag (``<v 周婷>``).  A cue of two speakers writes each line after a dash (``- 周婷：你好``).

A cue without a label goes on with the speaker before it; consecutive cues of one speaker are one
turn, timed from the first cue's start to the last one's end.  Cue numbers, time lines, the WEBVTT
header and NOTE blocks are structure, not text.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace

from ..chinese_names import is_han_name
from ..interpreting import INTERPRETER_LABELS
from ..model import Document, Transcript
from . import reader
from .dialogue import called_last, speaker_shaped, supported_speakers
from .speakers import GROUP_LABELS, HOST_LABELS, INTERVIEWER_LABELS, self_introduced
from .labels import TIME, Label, match_bracketed_label, match_label, name_in_display, seconds
from .lines import Line, split_lines
from .structure import HANDS_OVER, Cue, assemble, is_stage_direction

_TIMING = re.compile(rf"^(?P<start>{TIME})\s*-->\s*(?P<end>{TIME})(?:\s+.*)?$")
_CUE_NUMBER = re.compile(r"^\d+$")
_VTT_TAGS = re.compile(r"<[^>\n]*>")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+(?P<name>[^>\n]+?)\s*>")
_DASH = re.compile(r"[-–]\s*")  # - 你好 / - 你好啊: one cue, two speakers
_ROLE_NOTE = re.compile(r"\s*[（(](?P<note>[^（()）]{1,20})[)）]$")
_VTT_BLOCK = re.compile(r"^(?:WEBVTT|NOTE|STYLE|REGION)\b")


def detect_srt(text: str) -> float:
    head = text[:100_000]
    if head.lstrip().startswith("WEBVTT") or "-->" not in head:
        return 0.0
    timings = [m for line in head.splitlines() if (m := _TIMING.match(line.strip()))]
    if any("," in m["start"] for m in timings):  # SRT writes milliseconds after a comma
        return 0.95
    return 0.7 if len(timings) >= 2 else 0.0


def detect_vtt(text: str) -> float:
    head = text[:100_000]
    if head.lstrip().startswith("WEBVTT"):
        return 1.0
    return 0.8 if "-->" in head and _VOICE.search(head) and any(_TIMING.match(line.strip()) for line in head.splitlines()) else 0.0


def subtitle_cues(text: str, markup: re.Pattern[str] | None) -> tuple[list[Cue], list[str]]:
    """The cues, and a note for each cue of two speakers' dash lines that labels do not name."""
    lines = split_lines(text, markup) if markup else split_lines(text)
    cues: list[Cue] = []
    timing: tuple[float, float] | None = None
    in_block: str | bool = False  # inside a NOTE/STYLE/REGION block of WebVTT: which
    for i, line in enumerate(lines):
        raw = text[line.start:line.end]
        m = _TIMING.match(raw)
        if m:
            timing = (seconds(m["start"]), seconds(m["end"]))
            in_block = False
            cues.append(Cue(line, structural=True))
            continue
        next_is_timing = i + 1 < len(lines) and _TIMING.match(text[lines[i + 1].start:lines[i + 1].end])
        if in_block == "NOTE" and not (next_is_timing and "\n\n" not in text[line.end:lines[i + 1].start]):
            cues.append(Cue(line))  # a note's text (the event, the cast), not a cue's id: read as the page's
            continue
        if _VTT_BLOCK.match(raw) or in_block or next_is_timing and (_CUE_NUMBER.match(raw) or timing is None or
                                                                    _blank_before(text, line)):
            if not in_block and _VTT_BLOCK.match(raw) and not raw.startswith("WEBVTT"):
                in_block = raw.split(None, 1)[0]
            cues.append(Cue(line, structural=True))
            continue
        if timing is None:  # before the first cue: a header
            cues.append(Cue(line, structural=True))
            continue
        label = _voice(text, line) or _label(line)
        cues.append(Cue(line, label, timing[0], timing[1], continues=not is_stage_direction(line.visible)))
    cues = _voice_introduced(_foreign_guests_lines(_answers_of_the_asked(_supported(text, cues))))
    return cues, _unnamed_dash_lines(text, cues)


# 哈喽大家好 我是老钟, 大家好 我叫范思远: a voice greeting the audience, then giving its name
_GREETING = re.compile(r"(?:大家好|各位好|各位观众(?:朋友)?们?好|观众朋友们?好|(?:哈喽|哈啰|[Hh]ello|[Hh]i)(?=\s|大家|各位|$))")


def _voice_introduced(cues: list[Cue]) -> list[Cue]:
    """Captions that label no one (a video's automatic captions) where one voice greets the audience
    and gives its name (``哈喽大家好 我是老钟``): a monologue, that person's words from that cue on.
    Where a second voice introduces itself too (``大家好 我叫范思远``), the captions do not say who
    speaks which cue, and none is labelled."""
    if any(cue.label for cue in cues):
        return cues
    introduced = []
    for i, cue in enumerate(cues):
        greeting = None if cue.structural else _GREETING.search(cue.line.visible)
        name = greeting and self_introduced(cue.line.visible[greeting.end():], {})
        if name:
            introduced.append((i, name))
    if len({name for _, name in introduced}) != 1:
        return cues
    at, name = introduced[0]
    return cues[:at] + [replace(cues[at], label=Label((name,), (), 0))] + cues[at + 1:]


def _answers_of_the_asked(cues: list[Cue]) -> list[Cue]:
    """Subtitles that mark the host and the audience (``（主持人）你为什么…？``, ``观众：…？``), and the
    guests only now and then: the unlabelled cue after a question, or after the host hands over the
    stage (``有请沈博士！``), opens the words of the guest asked (the one labelled guest the question's
    lines call by name or surname and form of address, ``周老师，你们实验室…？``; or the only guest
    labelled at all, or an interviewee's role, which the speakers' reading names where it can); the
    cues after it go on with the guest until a label returns.  A sound between (``（掌声）``) is no one's."""
    labelled = Counter(name for c in cues if c.label is not None for name in c.label.names)
    named = set(labelled)
    guests = sorted(n for n in named - HOST_LABELS - GROUP_LABELS - INTERVIEWER_LABELS - INTERPRETER_LABELS
                    if labelled[n] > 1)
    if not named & HOST_LABELS:
        return cues
    only = (Label((guests[0],), (), 0) if guests else _GUEST) if len(guests) <= 1 else None
    out = list(cues)
    holding = handed = False  # a labelled speaker has the floor; their last line asked or handed it over
    lines: list[str] = []  # what the labelled speaker has said since their label
    for i, cue in enumerate(cues):
        if cue.structural or not cue.line.visible.strip() or is_stage_direction(cue.line.visible):
            continue
        if cue.label is not None:
            holding, lines = True, []
        elif holding and handed:
            asked = called_last(" ".join(lines), guests) if len(guests) > 1 else None
            if asked or only:
                out[i] = replace(cue, label=Label((asked,), (), 0) if asked else only)
            holding = False
        line = cue.line.visible.rstrip()
        lines.append(line)
        handed = holding and (line.endswith(("？", "?")) or HANDS_OVER.search(line) is not None)
    return out


def _foreign_guests_lines(cues: list[Cue]) -> list[Cue]:
    """At an interpreted session (an interpreter's label among the cues), the language says who
    speaks: an unlabelled cue in the other script than the cue before it holds the words of the one
    labelled speaker who speaks only that script (the English guest's lines between the interpreter's
    Chinese ones); while the host has the floor, only once the host has asked or handed it over (the
    host may turn to the guest in English)."""
    if not any(c.label is not None and set(c.label.names) & INTERPRETER_LABELS for c in cues):
        return cues
    scripts: dict[str, set[str]] = {}
    for cue in cues:
        if cue.label is not None and not cue.structural and not set(cue.label.names) & INTERPRETER_LABELS:
            for name in cue.label.names:
                scripts.setdefault(name, set()).add(_script(cue.line.visible[cue.label.content:]))
    speaking = {}
    for name, used in scripts.items():
        if len(used) == 1 and None not in used:
            speaking.setdefault(used.pop(), []).append(name)
    out = list(cues)
    before: str | None = None  # the script of the cue before
    host = handed = False  # whether the host holds the floor; whether their last line asked or handed it over
    for i, cue in enumerate(cues):
        if cue.structural or not cue.line.visible.strip() or is_stage_direction(cue.line.visible):
            continue
        script = _script(cue.line.visible)
        line = cue.line.visible.rstrip()
        if cue.label is not None:
            host = bool(set(cue.label.names) & HOST_LABELS)
        elif script and before and script != before and len(speaking.get(script, ())) == 1 and (not host or handed):
            out[i] = replace(cue, label=Label((speaking[script][0],), (), 0))
            host = False
        handed = host and (line.endswith(("？", "?")) or HANDS_OVER.search(line) is not None)
        before = script or before
    return out


def _script(line: str) -> str | None:
    """``han`` for a line with Chinese characters, ``latin`` for one of Latin letters alone."""
    if _HAN.search(line):
        return "han"
    return "latin" if _LATIN.search(line) else None


_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]{2}")


_GUEST = Label(("受访者",), (), 0)  # a role the speakers' reading resolves like 答 (INTERVIEWEE_LABELS)


def _unnamed_dash_lines(text: str, cues: list[Cue]) -> list[str]:
    """``- 你好`` / ``- 你好啊`` in one cue are two speakers; without a label each, who says the second
    is unknown: the lines stay in the turn they continue, and the build says where."""
    notes = []
    group: list[Cue] = []
    for cue in [*cues, None]:
        if cue is not None and not cue.structural:
            group.append(cue)
            continue
        dashed = [c for c in group if _DASH.match(text, c.line.start)]
        if len(dashed) >= 2 and any(c.label is None for c in dashed):
            notes.append(f"line {dashed[0].line.number}: a cue of {len(dashed)} speakers' lines ('- …') "
                         "without a label for each; kept in the turn they continue")
        group = []
    return notes


def _supported(text: str, cues: list[Cue]) -> list[Cue]:
    """A colon in a cue's text names a speaker when the document supports it, as in a dialogue
    (``譬如：…`` at a cue's start is speech), or when the label has a speaker's shape (a name, a role
    word, ``说话人 1``) even in a file of one cue; a voice tag always does."""
    written = [(c.line, c.label) for c in cues if c.label is not None and not c.label.source_spans]
    speakers = supported_speakers(text, [line for line, _ in written], [label for _, label in written])
    return [c if c.label is None or c.label.source_spans
            or all(n in speakers or speaker_shaped(n) for n in c.label.names)
            else replace(c, label=None) for c in cues]


def _blank_before(text: str, line: Line) -> bool:
    """A cue identifier stands after a blank line, right before its time line."""
    return line.start < 2 or text[max(0, line.start - 64):line.start].rstrip(" \t").endswith("\n\n")


def _label(line: Line) -> Label | None:
    label = match_label(line.visible) or match_bracketed_label(line.visible)
    return label if label is not None and not label.header else None


def _voice(text: str, line: Line) -> Label | None:
    """``<v 周婷>好。`` → a label spanning ``周婷`` in the source; the text after the tag."""
    dash = _DASH.match(text, line.start, line.end)
    m = _VOICE.match(text, dash.end() if dash else line.start, line.end)
    if not m:
        return None
    name_start, name_end = m.start("name"), m.end("name")
    role = _ROLE_NOTE.search(m["name"])
    display = name_in_display(m["name"])  # <v 顾晓峰-欧美事业部>, <v Rachel Chen 陈慧玲>: a meeting's display name
    if display is not None:
        name_start, name_end = name_start + display[0], name_start + display[1]
    elif role and not is_han_name(role["note"]):  # <v 陈立 (算法负责人)>: 陈立, his role aside
        name_end = name_start + role.start()
    # the visible text has no tags: the spoken text starts at the first visible char after the tag
    content = next((k for k in range(len(line.visible)) if line.offset(k) >= m.end()), len(line.visible))
    return Label((text[name_start:name_end],), (), content, source_spans=((name_start, name_end),))


@reader("srt", "SubRip subtitles: numbered cues with time lines",
        "1\n00:00:00,500 --> 00:00:04,800\n主持人：欢迎收听。", detect_srt, running_text=False)
def parse_srt(document: Document, speakers: Mapping[str, str] | None = None) -> Transcript:
    cues, notes = subtitle_cues(document.text, None)
    return assemble(document, cues, "srt", merge_runs=True, overrides=speakers, notes=notes)


@reader("vtt", "WebVTT subtitles: voice tags (<v Name>) or labels in the cue text",
        "00:00:00.000 --> 00:00:03.000\n<v 周婷>好，我们开始吧。", detect_vtt, running_text=False)
def parse_vtt(document: Document, speakers: Mapping[str, str] | None = None) -> Transcript:
    cues, notes = subtitle_cues(document.text, _VTT_TAGS)
    return assemble(document, cues, "vtt", merge_runs=True, overrides=speakers, notes=notes)
