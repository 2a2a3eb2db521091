"""Sentences of a transcript's readable text, with the turn each belongs to."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .model import Mention, Transcript

_END = re.compile(r"[。！？!?；;]+|\n")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    turn_index: int | None
    mentions: tuple[Mention, ...]

    def text(self, transcript: Transcript) -> str:
        return transcript.document.text[self.start:self.end]


def split_sentences(transcript: Transcript, mentions: tuple[Mention, ...]) -> Iterator[Sentence]:
    """Sentences ending with their punctuation, leading spaces trimmed, with their mentions."""
    text = transcript.document.text
    turn_of = {span: t.index for t in transcript.turns for span in t.spans}
    ordered = sorted(mentions, key=lambda m: m.start)
    for start, end in transcript.content_spans():
        pos = start
        for match in _END.finditer(text, start, end):
            yield from _sentence(text, pos, match.end(), turn_of.get((start, end)), ordered)
            pos = match.end()
        if pos < end:
            yield from _sentence(text, pos, end, turn_of.get((start, end)), ordered)


def _sentence(text, start, end, turn, mentions) -> Iterator[Sentence]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start >= 2:
        inside = tuple(m for m in mentions if m.start >= start and m.end <= end)
        yield Sentence(start, end, turn, inside)
