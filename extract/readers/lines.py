"""The source as lines a reader sees: markdown markup set aside, offsets into the unchanged text.

A line's ``visible`` text is what a reader of the rendered page sees (``**张涛：**你好`` → ``张涛：你好``);
``offset(i)`` is the source offset of ``visible[i]``, so any match on the visible text maps back to
exact spans of the source.  Nothing here rewrites the text the graph records.  The mapping is kept
as the runs of visible text between markup, not a number per character: a plain line is one run.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_HEADING_MARK = re.compile(r"#{1,6}(?=\s)")
_QUOTE_MARK = re.compile(r">\s?")
_LIST_MARK = re.compile(r"(?:[-*+•·]|\d{1,3}[.)、])\s+")
# emphasis marks, and a link's brackets and address: [文字](https://…) reads as 文字; stars between digits
# mask them (139****5821), no emphasis
MARKDOWN_EMPHASIS = re.compile(r"(?<![\d*])\*\*|(?<=\d)\*\*(?![*\d])|__|~~|!?\[(?=[^\]\n]*\]\([^)\n]*\))|\]\([^)\n]*\)")


_MAY_OPEN_WITH_MARK = frozenset("#>-*+•·0123456789")
_MAY_HOLD_MARKUP = re.compile(r"[*_~\[<]")


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line of the source."""

    number: int  # 1-based, for messages
    start: int  # the stripped line's extent in the source
    end: int
    visible: str  # the text without markup, as rendered
    runs: tuple[tuple[int, int], ...]  # (visible index, source offset) where each unbroken run starts
    heading: bool = False  # a markdown heading (# …)
    quote: bool = False  # a markdown block quote (> …)
    list_item: bool = False  # - item, * item, 1. item
    bold: bool = False  # the whole visible text is emphasised

    def offset(self, index: int) -> int:
        """The source offset of ``visible[index]``."""
        k = bisect_right(self.runs, (index, float("inf"))) - 1
        run_start, source = self.runs[k]
        return source + index - run_start

    def source_spans(self, begin: int = 0, stop: int | None = None) -> tuple[tuple[int, int], ...]:
        """The source spans of ``visible[begin:stop]``, markup between them left out, ends trimmed."""
        stop = len(self.visible) if stop is None else stop
        while begin < stop and self.visible[begin].isspace():
            begin += 1
        while stop > begin and self.visible[stop - 1].isspace():
            stop -= 1
        if len(self.runs) == 1:  # a plain line: one run, no markup to leave out
            source = self.runs[0][1]
            return ((source + begin, source + stop),) if begin < stop else ()
        spans = []
        bounds = [r[0] for r in self.runs[1:]] + [len(self.visible)]
        for (run_start, source), run_end in zip(self.runs, bounds):
            lo, hi = max(begin, run_start), min(stop, run_end)
            if lo < hi:
                spans.append((source + lo - run_start, source + hi - run_start))
        return tuple(spans)

    def span_of(self, begin: int, stop: int) -> tuple[int, int]:
        """The one source span from ``visible[begin]`` to ``visible[stop - 1]`` (a label)."""
        return self.offset(begin), self.offset(stop - 1) + 1


def split_lines(text: str, markup: re.Pattern[str] = MARKDOWN_EMPHASIS) -> list[Line]:
    """Every non-blank line of ``text`` with its markup set aside."""
    lines = []
    pos = 0
    for number, raw in enumerate(text.split("\n"), 1):
        stripped = raw.strip()
        if stripped:
            start = pos + len(raw) - len(raw.lstrip())
            lines.append(read_line(text, number, start, start + len(stripped), markup))
        pos += len(raw) + 1
    return lines


def read_line(text: str, number: int, start: int, end: int,
              markup: re.Pattern[str] = MARKDOWN_EMPHASIS) -> Line:
    """One line: block marks at its start (``#``, ``>``, list marks), ``markup`` anywhere."""
    if text[start] not in _MAY_OPEN_WITH_MARK and not _MAY_HOLD_MARKUP.search(text, start, end):
        return Line(number, start, end, text[start:end], ((0, start),))  # most lines: plain text
    pos = start
    heading = quote = list_item = False
    while True:
        if m := _QUOTE_MARK.match(text, pos, end):
            quote, pos = True, m.end()
        elif not heading and (m := _HEADING_MARK.match(text, pos, end)):
            heading, pos = True, m.end()
        else:
            break
        while pos < end and text[pos].isspace():
            pos += 1
    if m := _LIST_MARK.match(text, pos, end):
        # "1. " before a heading-length line is a numbered heading, not a list; emphasis marks are
        # not list marks ("**Q：…**")
        if not text.startswith("**", pos):
            list_item, pos = True, m.end()
    pieces: list[str] = []
    runs: list[tuple[int, int]] = []
    length = 0
    emphasis_chars = 0
    for m in markup.finditer(text, pos, end):
        if m.start() > pos:
            runs.append((length, pos))
            pieces.append(text[pos:m.start()])
            length += m.start() - pos
        emphasis_chars += m.end() - m.start()
        pos = m.end()
    if end > pos:
        runs.append((length, pos))
        pieces.append(text[pos:end])
    visible = "".join(pieces)
    bold = emphasis_chars >= 4 and _wholly_emphasised(text, start, end)
    return Line(number, start, end, visible, tuple(runs) or ((0, end),), heading, quote, list_item, bold)


def _wholly_emphasised(text: str, start: int, end: int) -> bool:
    """``**…**`` around the whole line (after block marks), not only a label inside it."""
    inner = text[start:end].lstrip("#> \t")
    return (inner.startswith(("**", "__")) and inner.endswith(("**", "__"))
            and inner.count("**") + inner.count("__") == 2 and len(inner) > 4)
