"""Nicknames the text introduces: ``在微博上的名字叫“老师木”，这就是…袁进辉`` → 老师木 names 袁进辉."""
from __future__ import annotations

import re
from collections.abc import Iterator

from .model import Kind, Mention, Transcript

_NICKNAME = re.compile(r"(?:名字|网名|昵称|外号|绰号|花名|笔名|人称|艺名|ID)(?:就)?(?:叫做?|是)?\s?[“\"「](?P<alias>[^”\"」]{1,12})[”\"」]")
_WINDOW = 40


def introduced_aliases(transcript: Transcript, mentions: tuple[Mention, ...]) -> Iterator[tuple[str, Mention]]:
    """Each nickname with the person it names: the nearest person mention after it, else before it."""
    text = transcript.document.text
    people = [m for m in mentions if m.kind is Kind.PERSON]
    for match in _NICKNAME.finditer(text):
        after = [m for m in people if match.end() <= m.start <= match.end() + _WINDOW]
        before = [m for m in people if match.start() - _WINDOW <= m.end <= match.start()]
        person = after[0] if after else (before[-1] if before else None)
        if person is not None:
            yield match["alias"], person
