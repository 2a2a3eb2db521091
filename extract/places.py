"""Places: the lexicon's places, each under its preferred name; not a place's clock (北京时间, 东京时间),
which tells the time, not where anything is."""
from __future__ import annotations

import re

from collections.abc import Iterator, Sequence

from talkgraph.ontology import lexicon

from .component import Candidate
from .doc import Doc, Paragraph
from .lexicon_match import LexiconMatcher, build_matcher
from .model import Kind


@lexicon.derived
def _places() -> LexiconMatcher:
    return build_matcher(lexicon.places())


@lexicon.derived
def place_names() -> frozenset[str]:
    """Every name and alias the places lexicon gives."""
    return frozenset(n for entry in lexicon.places() for n in entry.names)


_CLOCK = re.compile(r"时间")


def lexicon_places(doc: Doc, paragraphs: Sequence[Paragraph]) -> Iterator[Candidate]:
    for para in paragraphs:
        for s, e, name in _places().finditer(doc.text, para.start, para.end):
            if not _CLOCK.match(doc.text, e):
                yield Candidate(s, e, Kind.PLACE, para.turn_index, name)
