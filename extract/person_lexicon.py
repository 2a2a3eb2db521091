"""Listed people (a user's `--lexicon` people, then `ontology/lexicon/persons.tsv`): found wherever they appear."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache

from talkgraph.ontology import lexicon
from talkgraph.ontology.lexicon import LexiconEntry

from .component import Candidate
from .doc import Doc, Paragraph
from .lexicon_match import LexiconMatcher, build_matcher
from .model import Kind


@cache
def _matcher(entries: tuple[LexiconEntry, ...]) -> LexiconMatcher:
    return build_matcher(entries)


def lexicon_persons(doc: Doc, paragraphs: Sequence[Paragraph]) -> Iterator[Candidate]:
    """The listed people, each under their preferred name."""
    entries = lexicon.persons()
    if not entries:
        return
    matcher = _matcher(entries)
    for para in paragraphs:
        for s, e, name in matcher.finditer(doc.text, para.start, para.end):
            yield Candidate(s, e, Kind.PERSON, para.turn_index, name)
