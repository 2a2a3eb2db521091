"""The lexicon matcher finds exactly what one alternation of all names, longest first, finds.

``build_matcher`` splits a lexicon's names over two patterns for speed; these tests hold the split
to the plain alternation on texts made of the names themselves, glued and cut in many ways.
"""
from __future__ import annotations

import random
import re

import pytest

from talkgraph.extract.lexicon_match import _alias_regex, build_matcher, typed_forms
from talkgraph.ontology import lexicon
from talkgraph.ontology.lexicon import LexiconEntry


def plain_alternation(entries: tuple[LexiconEntry, ...]) -> re.Pattern[str]:
    aliases = sorted({a for e in entries for a in typed_forms(e)}, key=lambda a: (-len(a), a))
    firsts = sorted({ch for a in aliases for ch in (a[0], a[0].lower(), a[0].upper())})
    first_class = "".join(re.escape(ch) for ch in firsts)
    return re.compile(f"(?=[{first_class}])(?:" + "|".join(_alias_regex(a) for a in aliases) + ")")


def texts(entries: tuple[LexiconEntry, ...], count: int, seed: int) -> list[str]:
    """Names, pieces of names, their case variants and separators, glued together at random."""
    rng = random.Random(seed)
    names = [a for e in entries for a in (e.name, *e.aliases)]
    glue = ["", " ", "-", "和", "的", "a", "1", ".5", "_", "，", "\n", "K", "\u212a", "\u017f"]  # the Kelvin sign and long s fold to Latin letters
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 8)):
            name = rng.choice(names)
            cut = rng.randint(0, len(name))
            piece = rng.choice([name, name[:cut], name[cut:], name.lower(), name.upper(), name.replace(" ", "")])
            parts += [piece, rng.choice(glue)]
        out.append("".join(parts))
    return out


@pytest.mark.parametrize("entries", [lexicon.organizations(), lexicon.models(), lexicon.places()],
                         ids=["organizations", "models", "places"])
def test_matches_equal_one_alternation(entries):
    matcher = build_matcher(entries)
    reference = plain_alternation(entries)
    for text in texts(entries, 3000, seed=len(entries)):
        for start, end in ((0, len(text)), (1, len(text) - 1)):
            expected = [m.span() for m in reference.finditer(text, start, end)]
            assert [(s, e) for s, e, _ in matcher.finditer(text, start, end)] == expected, text


def test_latin_and_chinese_names_alternate():
    entries = (LexiconEntry(name="OpenAI", aliases=("Open AI",)), LexiconEntry(name="百度", aliases=("百度AI",)),
               LexiconEntry(name="AI研究院", aliases=()))
    matcher = build_matcher(entries)
    text = "百度AI研究院和OpenAI，AI研究院"
    assert [text[s:e] for s, e, _ in matcher.finditer(text, 0, len(text))] == ["百度AI", "OpenAI", "AI研究院"]
