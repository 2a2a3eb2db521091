"""Listed people (a user's ``--lexicon`` people, then ``ontology/lexicon/persons.tsv``): found
wherever they stand as a name.  A Chinese name must not begin inside a word nor end inside a
dictionary word (王兴 is not in 王兴奋, 马云 not in 司马云飞) nor in a longer name (王兴兴); the segmenter may glue a rare name to
the next character (程维说), so a word that is no dictionary word may run on past its end."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from talkgraph.ontology import lexicon

from .chinese_names import is_han_name
from .component import Candidate
from .doc import Doc, Paragraph
from .lexicon_match import LexiconMatcher, build_matcher
from .model import Kind
from .tokens import in_dictionary

_HAN = re.compile(r"[\u3400-\u9fff]")


@lexicon.derived
def _matcher() -> LexiconMatcher:
    return build_matcher(lexicon.persons())


def lexicon_persons(doc: Doc, paragraphs: Sequence[Paragraph]) -> Iterator[Candidate]:
    """The listed people, each under their preferred name."""
    entries = lexicon.persons()
    if not entries:
        return
    matcher = _matcher()
    for para in paragraphs:
        for s, e, name in matcher.finditer(doc.text, para.start, para.end):
            if _HAN.match(doc.text, s) and not _stands_as_word(para, s, e):
                continue
            yield Candidate(s, e, Kind.PERSON, para.turn_index, name)


def _stands_as_word(para: Paragraph, s: int, e: int) -> bool:
    for word, start, end in para.tokens:
        if start < s < end:
            return False
        if start < e < end and (in_dictionary(word) or _longer_name(word, start, e)):
            return False
    return True


def _longer_name(word: str, start: int, e: int) -> bool:
    """``王兴兴`` past the listed 王兴: the word goes on with one character of a given name, a name
    of its own (程维说 goes on with a verb)."""
    rest = word[e - start:]
    return len(rest) == 1 and rest in lexicon.given_name_chars() and is_han_name(word)
