"""Finding a lexicon's names in text: one compiled pattern per lexicon, longest name first.

Latin-script names match only as whole words and tolerate the spellings people type
(``GPT4``, ``GPT 4``, ``GPT-4``); names with digits also match in any letter case (``o1 pro``).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from talkgraph.ontology.lexicon import LexiconEntry

_WORD_EDGE_BEFORE = r"(?<![A-Za-z0-9_])"
_WORD_EDGE_AFTER = r"(?![A-Za-z0-9_]|\.\d)"


@dataclass(frozen=True)
class LexiconMatcher:
    pattern: re.Pattern[str]
    canonical: dict[str, str]  # folded alias -> preferred name

    def finditer(self, text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
        for match in self.pattern.finditer(text, start, end):
            yield match.start(), match.end(), self.canonical[fold(match.group())]


def fold(name: str) -> str:
    """The key two spellings of one name share: case, spaces and hyphens removed."""
    return re.sub(r"[\s\-_·]", "", name).casefold()


def _alias_regex(alias: str) -> str:
    parts = re.split(r"([\s\-])", alias)
    body = "".join(r"[\s\-]?" if p in (" ", "-") else re.escape(p) for p in parts if p != "")
    if re.search(r"[A-Za-z0-9]", alias[:1]):
        body = _WORD_EDGE_BEFORE + body
    if re.search(r"[A-Za-z0-9]", alias[-1:]):
        body = body + _WORD_EDGE_AFTER
    if re.search(r"\d", alias) and re.search(r"[A-Za-z]", alias):
        body = "(?i:" + body + ")"
    return body


def build_matcher(entries: tuple[LexiconEntry, ...]) -> LexiconMatcher:
    canonical: dict[str, str] = {}
    for entry in entries:
        for alias in (entry.name, *entry.aliases):
            canonical.setdefault(fold(alias), entry.name)
    aliases = sorted({a for e in entries for a in (e.name, *e.aliases)}, key=lambda a: (-len(a), a))
    # a look-ahead on the possible first characters lets the engine skip most positions at once
    firsts = sorted({ch for a in aliases for ch in (a[0], a[0].lower(), a[0].upper())})
    first_class = "".join(re.escape(ch) for ch in firsts)
    pattern = re.compile(f"(?=[{first_class}])(?:" + "|".join(_alias_regex(a) for a in aliases) + ")")
    return LexiconMatcher(pattern, canonical)
