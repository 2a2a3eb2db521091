"""Hard-wrapped text: lines broken at the page's width mid-sentence, joined again before reading.

Text copied out of a PDF, or saved by a tool that wraps at a fixed width, breaks each long paragraph
into lines of one width wherever the width runs out: inside a sentence, inside a name (``李宏`` /
``玮``).  Read line by line, a sentence would be two claims' halves, a short half-line a heading, a
name two fragments.  A text is hard-wrapped when at least three lines, and a fifth of all, end
mid-sentence with a line right below, and most of those are about as wide as the widest: a heading
above its paragraph ends mid-sentence too, but headings are short and of any width.  Each such line
is joined with the one below (Chinese with nothing between, Latin words with a space) unless that
one opens a speaker's turn, a heading, a list item or a quotation; a sentence goes on across a
printed page's end, its page number and running header dropped.  The transcript is then read
from the joined text, which the graph records: its offsets are those of the text as it reads.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from ..model import Document
from .labels import TIME, match_bracketed_label, match_label
from .lines import Line, split_lines

_MIN_BREAKS = 3
_MIN_WRAP_COLUMNS = 24  # twelve Chinese characters
_SLACK = 0.8  # a word that would not fit moves down whole: a line may stop this far short of the width
_PAGE_NUMBER = re.compile(r"第\s*\d{1,4}\s*页(?:\s*[，,/、]?\s*共\s*\d{1,4}\s*页)?|[-—–]\s*\d{1,4}\s*[-—–]|"
                          r"\d{1,4}\s*/\s*\d{1,4}|(?:Page|页码)\s*[:：]?\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?", re.IGNORECASE)
_MIN_PAGES = 2  # page numbers, and copies of a running header, that show a printed page
_HEADER_REACH = 2  # lines between a page number and the running header beside it
_LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,'’-]*")
# 00:03:12  嘉宾介绍：…, [00:01] …: a line opening with a time code opens a chapter, a cue or a segment
_TIMED_START = re.compile(rf"\s*\[?{TIME}[\]\s]")
# what a sentence, a label or a heading's colon ends with: a line ending so ends where its author ended it
_ENDS_ITSELF = frozenset("。！？!?…；;」”\"'）)》.~～:：")


@dataclass(frozen=True, slots=True)
class Unwrapped:
    document: Document
    joined: int  # how many line breaks were joined


def unwrap(document: Document) -> Unwrapped:
    """The document with its hard-wrapped lines joined; itself when it is not hard-wrapped."""
    text = document.text
    lines = split_lines(text)
    breaks = _breaks(lines)
    if not breaks:
        return Unwrapped(document, 0)
    pieces, pos = [], 0
    for line, below in breaks:
        pieces.append(text[pos:line.end])
        pieces.append(" " if _ends_latin_word(text[line.end - 1]) and _latin(text[below.start]) else "")
        pos = below.start
    pieces.append(text[pos:])
    return Unwrapped(Document(document.doc_id, "".join(pieces), document.source), len(breaks))


def _breaks(lines: list[Line]) -> list[tuple[Line, Line]]:
    """The lines broken off at the text's width, each with the line going on below it: those that
    stop mid-sentence, and, once those show the text hard-wrapped, those filled to the very width
    that happen to end a sentence there (the paragraph goes on below)."""
    furniture = _page_furniture(lines)
    content = [(i, line) for i, line in enumerate(lines) if i not in furniture]
    adjacent = [(line, below) for (i, line), (j, below) in zip(content, content[1:])
                if (below.number == line.number + 1 or j > i + 1)  # right below, or across a page's end
                and line.visible and below.visible and not line.heading]
    stopped = [(line, below) for line, below in adjacent if _stops_mid_sentence(line)]
    if len(stopped) < _MIN_BREAKS or 5 * len(stopped) < len(content):  # most texts: no label need be read
        return []
    labels = Counter(name for line in lines for name in _label_names(line.visible))
    candidates = [(line, below, _columns(line.visible)) for line, below in stopped
                  if _opens_nothing(below, labels) and not _is_header(line)]
    if len(candidates) < _MIN_BREAKS or 5 * len(candidates) < len(content):
        return []
    widths = sorted(width for _, _, width in candidates)
    widest = widths[(len(widths) - 1) * 9 // 10]  # the width, robust to a stray longer line
    at_width = [(line, below) for line, below, width in candidates if _SLACK * widest <= width <= widest + 2]
    if widest < _MIN_WRAP_COLUMNS or 10 * len(at_width) < 7 * len(candidates):
        return []
    full = [(line, below) for line, below in adjacent
            if not _stops_mid_sentence(line) and _opens_nothing(below, labels)
            and _columns(line.visible) <= widest + 2 < _columns(line.visible) + _moved_down(line, below) + 2]
    return sorted(at_width + full, key=lambda pair: pair[0].start)


def _page_furniture(lines: list[Line]) -> frozenset[int]:
    """The lines a printed page adds (第 3 页 共 12 页, - 3 -, a running header repeated beside them):
    where a page ends, a sentence goes on past them."""
    numbers = [i for i, line in enumerate(lines) if _PAGE_NUMBER.fullmatch(line.visible.strip())]
    if len(numbers) < _MIN_PAGES:
        return frozenset()
    repeated = Counter(line.visible for line in lines)
    headers = [i for i, line in enumerate(lines) if repeated[line.visible] >= _MIN_PAGES
               and any(0 < abs(i - j) <= _HEADER_REACH for j in numbers)]
    return frozenset(numbers + headers)


def _stops_mid_sentence(line: Line) -> bool:
    return line.visible[-1] not in _ENDS_ITSELF


def _opens_nothing(line: Line, labels: Counter[str]) -> bool:
    """A line that opens no turn, heading, list item, quotation or timed line of its own.  A line below one
    broken off may open with a word and a colon (…平台的 / 运作方式：未来…) as a label does: it opens a
    turn when its label opens others too."""
    return not (line.heading or line.list_item or line.quote or _TIMED_START.match(line.visible)) \
        and all(labels[n] < 2 for n in _label_names(line.visible))


def _is_header(line: Line) -> bool:
    """A speaker's label alone on its line, with a time code or not (``陈立(CEO) 00:00:05``): the
    words below are theirs, not the rest of a sentence."""
    label = match_label(line.visible) or match_bracketed_label(line.visible)
    return label is not None and (label.header or not line.visible[label.content:].strip())


def _label_names(visible: str) -> tuple[str, ...]:
    label = match_label(visible) or match_bracketed_label(visible)
    return label.names if label is not None else ()


def _moved_down(line: Line, below: Line) -> int:
    """The columns the first word of ``below`` would have taken at the end of ``line`` (with the
    space between Latin words): a line-breaker moves it down when they would not fit."""
    word = _LATIN_WORD.match(below.visible)
    if word is None:
        return _columns(below.visible[:1])
    return len(word.group()) + (1 if line.visible[-1].isascii() and not line.visible[-1].isspace() else 0)


def _columns(text: str) -> int:
    """How wide a line is printed: a Chinese character takes two columns, a Latin letter one."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _ends_latin_word(char: str) -> bool:
    """A line ending in a Latin word or its punctuation (``W.``, ``models,``), not a hyphen that joins."""
    return char.isascii() and not char.isspace() and char != "-"
