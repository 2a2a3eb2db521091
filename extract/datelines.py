"""A news story's dateline: ``新华社北京3月14日电（记者张立新、程思远）``, ``人民网合肥3月14日电``.

The outlet that filed the story opens its first paragraph, then where and when it was filed, and the
reporters who filed it in brackets: the outlet is an organisation, and each reporter its 记者.  The
paper's own ``本报`` names none.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .component import Candidate
from .doc import Doc, Paragraph
from .model import Kind, RoleStatement, Sentence

_DATELINE = re.compile(r"(?:^|(?<=[\s。！？，、（(【】]))(?:据)?(?P<outlet>[\u4e00-\u9fff]{1,8}?(?:社|网|报|台))[\u4e00-\u9fff]{0,6}?"
                       r"\d{1,2}\s?月\s?\d{1,2}\s?日\s?(?:电|讯)\s*(?:[（(]\s*记者\s*(?P<reporters>[^（()）\n]{2,40})[）)])?",
                       re.MULTILINE)
_THE_PAPER_ITSELF = frozenset({"本报", "本社", "本网", "本台"})
_REPORTER = "记者"


def has_dateline(text: str) -> bool:
    """The precheck of ``dateline_outlets``."""
    return "电" in text or "讯" in text


def _datelines(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    if _FILED.search(text, start, end) is None:
        return iter(())  # what every dateline says (3月14日电): the pattern, opening with a look-behind, is tried at every place
    return (m for m in _DATELINE.finditer(text, start, end) if m["outlet"] not in _THE_PAPER_ITSELF)


_FILED = re.compile(r"日\s?(?:电|讯)")


def dateline_outlets(doc: Doc, paragraphs: Sequence[Paragraph]) -> Iterator[Candidate]:
    for para in paragraphs:
        for match in _datelines(doc.text, para.start, para.end):
            yield Candidate(*match.span("outlet"), Kind.ORGANIZATION, para.turn_index)


def dateline_roles(text: str, sentences: Sequence[Sentence]) -> Iterator[RoleStatement]:
    """Each reporter a dateline names, the outlet's 记者."""
    for sentence in sentences:
        for match in _datelines(text, sentence.start, sentence.end):
            if not match["reporters"]:
                continue
            outlet = next((m for m in sentence.mentions if m.kind is Kind.ORGANIZATION
                           and (m.start, m.end) == match.span("outlet")), None)
            reporters = [m for m in sentence.mentions if m.kind is Kind.PERSON
                         and match.start("reporters") <= m.start and m.end <= match.end("reporters")]
            for reporter in reporters if outlet is not None else ():
                yield RoleStatement(reporter, _REPORTER, outlet, sentence.start, sentence.end)
