"""Mention extractors: a registry of named callables and the runner that merges what they find.

An extractor is ``(Transcript) -> Iterable[Mention]``.  Adding one is a module with a function
decorated by ``@mention_extractor("name")``; the runner calls every registered extractor, names
the extractor in any error, and keeps the best of overlapping mentions.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from .errors import TalkgraphError
from .model import Kind, Mention, Transcript

MentionExtractor = Callable[[Transcript], Iterable[Mention]]
EXTRACTORS: dict[str, MentionExtractor] = {}
# when two mentions overlap, the longer wins; at equal length, the more trusted source
SOURCE_RANK = {"speaker": 0, "lexicon": 1, "title": 2, "address": 3, "quoted": 4, "suffix": 5,
               "product": 6, "surname": 7}


def mention_extractor(name: str) -> Callable[[MentionExtractor], MentionExtractor]:
    def register(func: MentionExtractor) -> MentionExtractor:
        EXTRACTORS[name] = func
        return func
    return register


def extract_mentions(transcript: Transcript, names: Iterable[str] | None = None) -> tuple[Mention, ...]:
    """Run the named (default: all) extractors and keep non-overlapping mentions in text order."""
    from . import organizations, persons, products  # noqa: F401  (they register themselves)

    found: list[Mention] = []
    for name in names or sorted(EXTRACTORS):
        try:
            found.extend(EXTRACTORS[name](transcript))
        except TalkgraphError:
            raise
        except Exception as exc:  # one broken extractor is named, not a bare traceback
            raise TalkgraphError(f"extractor {name!r} failed on {transcript.document.doc_id}: {exc}") from exc
    return tuple(sorted(_without_overlaps(found), key=lambda m: (m.start, m.end)))


def _without_overlaps(mentions: list[Mention]) -> Iterator[Mention]:
    taken: list[tuple[int, int]] = []
    order = sorted(mentions, key=lambda m: (-(m.end - m.start), SOURCE_RANK.get(m.source, 9), m.start))
    for m in order:
        if any(m.start < e and s < m.end for s, e in taken):
            continue
        taken.append((m.start, m.end))
        yield m


def in_content(transcript: Transcript) -> Iterator[tuple[int, int, int | None]]:
    """``(start, end, turn_index)`` for each span of text worth reading for names."""
    turn_of = {span: t.index for t in transcript.turns for span in t.spans}
    for start, end in transcript.content_spans():
        yield start, end, turn_of.get((start, end))


def make_mention(transcript: Transcript, start: int, end: int, kind: Kind, source: str,
                 turn_index: int | None, canonical: str | None = None) -> Mention:
    return Mention(start, end, transcript.document.text[start:end], kind, source, turn_index, canonical)
