"""Newspapers and magazines named in title marks where someone holds a post there:
``曾任《芒种》杂志小说编辑``, ``担任《青岚》副主编``, ``在《北岸》周刊做记者``.

A name in ``《》`` is most often a work's (a novel, a film, a report), and news corpora tag even a
periodical's name there as a work's title (``据《广州日报》报道``, ``《华夏时报》记者``: on the held-out
news sentences, every periodical before a post without such a verb was tagged so); it names an
organisation that people work for where a verb of holding a post opens it and an editorial post
follows the marks.  The mention is the name inside the marks, as the outlet is called.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .component import Candidate
from .doc import Doc, Paragraph
from .model import Kind

_PERIODICAL_WORD = r"杂志社?|周刊|月刊|双月刊|半月刊|季刊|期刊|日报|晚报|报社|编辑部"
_EDITORIAL_POST = r"(?:副|执行|常务|特约|首席)?(?:主编|总编辑|总编|编辑|记者|社长|撰稿人|专栏作者|专栏作家)"
# what stands between a periodical's name and a post there: 《芒种》杂志小说编辑 is 编辑 of 小说 at 芒种
CLOSING = re.compile(rf"^》\s?(?:{_PERIODICAL_WORD})?")
_HELD_AT = r"(?:曾任|曾担任|担任|现任|出任|任职于|就职于|供职于|进入|加入|在)"
_PERIODICAL = re.compile(rf"{_HELD_AT}《(?P<name>[^《》\n]{{1,16}})》(?=\s?(?:{_PERIODICAL_WORD})?[\u4e00-\u9fff]{{0,4}}?{_EDITORIAL_POST})")


def has_title_marks(text: str) -> bool:
    """The precheck of ``periodical_names``."""
    return "《" in text


def periodical_names(doc: Doc, paragraphs: Sequence[Paragraph]) -> Iterator[Candidate]:
    for para in paragraphs:
        for match in _PERIODICAL.finditer(doc.text, para.start, para.end):
            yield Candidate(*match.span("name"), Kind.ORGANIZATION, para.turn_index)
