"""People and organisations a markdown table lists by column: ``| 姓名 | 公司 | 职务 |`` over a
panel's guests.

The header says what each column holds: a cell under 公司, 单位 or 机构 names an organisation
whatever its words (拾光美妆, 良仓便利店), one under 姓名 or 嘉宾 a person when it is shaped as a
name (``马克·费舍尔（Mark Fisher）`` is 马克·费舍尔), one under 职务 or 职位 the person's post at
that organisation (``relations`` reads each row as a role).
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from enum import Enum
from typing import NamedTuple

from .component import Candidate
from .doc import Doc, Paragraph
from .model import Kind
from .readers.speakers import looks_like_a_name


class Column(str, Enum):
    PERSON = "person"
    ORGANIZATION = "organization"
    TITLE = "title"


_HEADS = {
    Column.PERSON: frozenset("姓名 嘉宾 名字 发言人 讲者 name speaker guest".split()),
    Column.ORGANIZATION: frozenset("公司 单位 机构 企业 所属机构 所在单位 所属公司 company organization organisation "
                                   "affiliation".split()),
    Column.TITLE: frozenset("职务 职位 头衔 身份 title position role".split()),
}
_ROW = re.compile(r"[ \t]*\|(?P<cells>[^\n]*)\|[ \t]*$", re.MULTILINE)
_RULE_CELL = re.compile(r"\s*:?-{3,}:?\s*")
# the name before a gloss in brackets: 马克·费舍尔（Mark Fisher）
_NAME_CELL = re.compile(r"(?P<name>[^（(]+?)\s*(?:[（(][^）)]*[）)])?\s*$")


class Cell(NamedTuple):
    column: Column
    start: int
    end: int


def table_cells(text: str) -> dict[int, tuple[Cell, ...]]:
    """Each table row's typed cells (their text stripped), by the row's start."""
    out: dict[int, tuple[Cell, ...]] = {}
    if "|" not in text:
        return out
    rows = list(_ROW.finditer(text))
    columns: list[Column | None] | None = None
    for k, row in enumerate(rows):
        spans = _cell_spans(text, row)
        if all(_RULE_CELL.fullmatch(text, s, e) for s, e in spans):
            continue  # the rule under the header
        following = rows[k + 1] if k + 1 < len(rows) else None
        if following is not None and text.count("\n", row.end(), following.start()) <= 1 and all(
                _RULE_CELL.fullmatch(text, s, e) for s, e in _cell_spans(text, following)):
            columns = [_column(text[s:e]) for s, e in spans]  # a header: the next row is its rule
            continue
        if k and text.count("\n", rows[k - 1].end(), row.start()) > 1:
            columns = None  # a blank line ends a table
        typed = tuple(Cell(c, *_stripped(text, s, e)) for c, (s, e) in zip(columns or (), spans) if c)
        if typed:
            out[row.start()] = typed
    return out


def _cell_spans(text: str, row: re.Match[str]) -> list[tuple[int, int]]:
    spans, at = [], row.start("cells")
    for piece in row["cells"].split("|"):
        spans.append((at, at + len(piece)))
        at += len(piece) + 1
    return spans


def _column(head: str) -> Column | None:
    word = head.strip().strip("*").strip().lower()
    return next((column for column, heads in _HEADS.items() if word in heads), None)


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def table_names(doc: Doc, paragraphs: Sequence[Paragraph]) -> Iterator[Candidate]:
    """The people and organisations the tables list, where the paragraphs hold their cells."""
    key = (table_cells, "rows")
    if key not in doc.shared:
        doc.shared[key] = table_cells(doc.text)
    cells = doc.shared[key]
    if not cells:
        return
    for para in paragraphs:
        for row_start, row in cells.items():
            if not para.start <= row_start < para.end:
                continue
            for cell in row:
                candidate = _candidate(doc.text, cell)
                if candidate is not None:
                    yield candidate._replace(turn_index=para.turn_index)


def _candidate(text: str, cell: Cell) -> Candidate | None:
    if cell.end <= cell.start:
        return None
    if cell.column is Column.ORGANIZATION:
        return Candidate(cell.start, cell.end, Kind.ORGANIZATION)
    if cell.column is Column.PERSON:
        name = _NAME_CELL.match(text, cell.start, cell.end)
        if name is not None and looks_like_a_name(name["name"]):
            return Candidate(name.start("name"), name.end("name"), Kind.PERSON)
    return None


def has_table(text: str) -> bool:
    """The precheck: no row of cells, no table."""
    return "|" in text
