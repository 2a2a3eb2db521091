"""Finding a lexicon's names in text: one compiled pattern per lexicon, longest name first.

Latin-script names match only as whole words and tolerate the spellings people type
(``GPT4``, ``GPT 4``, ``GPT-4``); names with digits also match in any letter case (``o1 pro``).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby

from talkgraph.ontology import lexicon
from talkgraph.ontology.lexicon import LexiconEntry

from .model import Kind

_WORD_EDGE_BEFORE = r"(?<![A-Za-z0-9_])"
_WORD_EDGE_AFTER = r"(?![A-Za-z0-9_]|\.\d|-[A-Za-z0-9])"  # Ray is not in Ray-Ban, GPT-4 not in GPT-4.5


@dataclass(frozen=True)
class LexiconMatcher:
    """Finds what one alternation of all the lexicon's names, longest first, would find.

    The names are split over ``patterns`` that can never match at the same position (see
    ``build_matcher``); the leftmost match of any of them is the alternation's match there.
    """

    patterns: tuple[re.Pattern[str], ...]
    canonical: dict[str, str]  # folded alias -> preferred name

    def finditer(self, text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
        for match in _leftmost_matches(self.patterns, text, start, end):
            yield match.start(), match.end(), self.canonical[fold(match.group())]


def _leftmost_matches(patterns: tuple[re.Pattern[str], ...], text: str, start: int,
                      end: int) -> Iterator[re.Match[str]]:
    """Non-overlapping matches in text order, as ``finditer`` of the patterns' alternation gives.

    Each pattern's next match is kept until the text before it has been consumed, so every
    pattern is searched about once per match found.
    """
    if len(patterns) == 1:
        yield from patterns[0].finditer(text, start, end)
        return
    upcoming = [pattern.search(text, start, end) for pattern in patterns]
    while True:
        found = [m for m in upcoming if m is not None]
        if not found:
            return
        first = min(found, key=lambda m: m.start())
        yield first
        pos = first.end()
        upcoming = [m if m is None or m.start() >= pos else pattern.search(text, pos, end)
                    for pattern, m in zip(patterns, upcoming)]


_FOLDED_AWAY = re.compile(r"[\s\-_·]")


def fold(name: str) -> str:
    """The key two spellings of one name share: case, spaces and hyphens removed."""
    return _FOLDED_AWAY.sub("", name).casefold()


def _alias_regex(alias: str, after_first: bool = False) -> str:
    """The pattern of one name; with ``after_first``, of what follows its first character (which
    the caller matches, a character without case: see ``_by_first_character``)."""
    parts = [p for p in re.split(r"([\s\-])", alias) if p != ""]
    if after_first:
        parts[0] = parts[0][1:]
    body = "".join(r"[\s\-]?" if p in (" ", "-") else re.escape(p) for p in parts if p != "")
    if not after_first and _STARTS_LATIN.match(alias):
        body = _WORD_EDGE_BEFORE + body
    if re.search(r"[A-Za-z0-9]", alias[-1:]):
        body = body + _WORD_EDGE_AFTER
    if re.search(r"\d", alias) and re.search(r"[A-Za-z]", alias):
        body = "(?i:" + body + ")"
    return body


def typed_forms(entry: LexiconEntry) -> tuple[str, ...]:
    """The names of an entry as people type them: each listed name, and a CamelCase name also in
    lower case (``deepseek``, ``openai``), which is no English word as the plain ones may be."""
    names = entry.names
    return names + tuple(n.lower() for n in names if re.search(r"[a-z][A-Z]", n))


def build_matcher(entries: tuple[LexiconEntry, ...]) -> LexiconMatcher:
    canonical: dict[str, str] = {}
    for entry in entries:
        for alias in typed_forms(entry):
            canonical.setdefault(fold(alias), entry.name)
    aliases = sorted({a for e in entries for a in typed_forms(e)}, key=lambda a: (-len(a), a))
    return LexiconMatcher(tuple(re.compile(pattern) for pattern in _alternations(aliases)), canonical)


def _alternation(regexes: list[str]) -> str:
    """``"|".join(regexes)``, with what a run of them shares written once: the word-edge look-ahead
    they end with, and a case-folding group's opening (with its look-behind) if they are in one.

    ``(?:a|b)(?!x)`` tries a, then b, each followed by the look-ahead, as ``a(?!x)|b(?!x)`` does,
    so it finds what that finds (and a look-behind before them looks at the same place for each);
    but Python compiles each copy of the look-ahead's character classes anew, which made up most of
    a lexicon pattern's compile time at every start.
    """
    out: list[str] = []
    for form, run in groupby(regexes, key=_edge_form):
        run = list(run)
        if form is None or len(run) == 1:
            out.extend(run)
        else:
            head, tail = form
            out.append(head + "(?:" + "|".join(regex[len(head):-len(tail)] for regex in run) + ")" + tail)
    return "|".join(out)


def _edge_form(regex: str) -> tuple[str, str] | None:
    """What ``regex`` has around its name if it ends with the word-edge look-ahead (bare, or
    closing a case-folding group): the text before the name and the text after it; else None."""
    if regex.endswith(_WORD_EDGE_AFTER + ")"):
        return regex[:regex.index("(?i:") + len("(?i:")], _WORD_EDGE_AFTER + ")"
    if regex.endswith(_WORD_EDGE_AFTER):
        return "", _WORD_EDGE_AFTER
    return None


def _first_class(aliases: list[str]) -> str:
    """A look-ahead on the names' possible first characters: the engine skips most positions at once."""
    firsts = sorted({ch for a in aliases for ch in (a[0], a[0].lower(), a[0].upper())})
    return "(?=[" + "".join(re.escape(ch) for ch in firsts) + "])"


def _alternations(aliases: list[str]) -> list[str]:
    """The names as one alternation, or as two whose matches never start at the same position.

    Names starting with a Latin letter or digit begin with the word-edge look-behind, which keeps
    the engine from skipping them quickly at a position where they cannot match: every one of them
    would be tried at every candidate position, also before Chinese text. Their own alternation
    checks the look-behind once, up front, after a look-ahead on their own first characters only,
    then each name only under its first character (``_latin_by_first_character``); their order
    among themselves is kept, so the longest name still wins. A name of the other part
    never begins with a Latin letter or digit, nor (under case folding) with a character that
    matches one; if some name did, one alternation is kept.
    """
    latin = [a for a in aliases if _STARTS_LATIN.match(a)]
    other = [a for a in aliases if not _STARTS_LATIN.match(a)]
    if not latin or not other or any(_folds_to_latin(a[0]) for a in other):
        return [_first_class(aliases) + "(?:" + _alternation([_alias_regex(a) for a in aliases]) + ")"]
    return [_first_class(latin) + _WORD_EDGE_BEFORE + _latin_by_first_character(latin), _by_first_character(other)]


def _by_first_character(aliases: list[str]) -> str:
    """The alternation of ``aliases`` as one branch per first character, each holding the names
    that begin with it in their order.

    Names beginning with different characters without case never match at the same position, so
    this finds what the plain alternation finds; but a regular expression whose branches all begin
    with a literal character lets the engine skip every other position in one scan, and tries
    each name only where its first character stands.  If some name begins with a character that
    has case or that the pattern makes optional (a space, a hyphen), the plain alternation is kept.
    """
    if not all(_caseless(a[0]) and a[0] not in " -" for a in aliases):
        return _first_class(aliases) + "(?:" + _alternation([_alias_regex(a) for a in aliases]) + ")"
    by_first: dict[str, list[str]] = {}
    for alias in aliases:
        by_first.setdefault(alias[0], []).append(_alias_regex(alias, after_first=True))
    return "(?:" + "|".join(re.escape(first) + "(?:" + _alternation(rests) + ")"
                            for first, rests in sorted(by_first.items())) + ")"


def _latin_by_first_character(aliases: list[str]) -> str:
    """The alternation of Latin-script ``aliases`` (after the caller's word-edge look-behind) as one
    branch per character a name may begin with, each holding those names in their order.

    As for the other names, the engine then tries each name only where its first character stands,
    not every name at every word start.  A name matched in any letter case (``o1 pro``) goes under
    its first letter in both cases; it also keeps the rest of its look-behind, which under case
    folding refuses the characters that match a Latin letter too (İ, ı, ſ, K) before the name.
    """
    by_first: dict[str, list[str]] = {}
    for alias in aliases:
        rest = _alias_regex(alias, after_first=True)
        folded = rest.startswith("(?i:")
        if folded:
            rest = _NOT_AFTER_FOLDED_LETTER + rest
        for first in {alias[0].lower(), alias[0].upper()} if folded else {alias[0]}:
            by_first.setdefault(first, []).append(rest)
    return "(?:" + "|".join(re.escape(first) + "(?:" + _alternation(rests) + ")"
                            for first, rests in sorted(by_first.items())) + ")"


# before a name's first character (which the look-behind steps over), none of the non-ASCII
# characters that case folding matches with a Latin letter; the Kelvin sign apart, as a class of more
# than two runs of characters beyond Latin-1 costs Python's compiler a table of 65,536, in every copy
_NOT_AFTER_FOLDED_LETTER = "(?<![\u0130\u0131\u017f].)(?<!\u212a.)"


def _caseless(ch: str) -> bool:
    return ch.lower() == ch.upper() == ch.casefold() == ch


_STARTS_LATIN = re.compile(r"[A-Za-z0-9]")


def _folds_to_latin(ch: str) -> bool:
    """``K`` (the Kelvin sign) and ``ſ`` match Latin letters when case is ignored."""
    return any(_STARTS_LATIN.match(variant) for variant in (ch.lower(), ch.upper(), ch.casefold()))


def preferred_names(kind: Kind) -> dict[str, str]:
    """Each folded name of the lexicon's entries of a kind (organisations, models, places), to the
    preferred name of its entry; empty for another kind."""
    return _preferred_names().get(kind, {})


@lexicon.derived
def _preferred_names() -> dict[Kind, dict[str, str]]:
    kinds = {Kind.ORGANIZATION: lexicon.organizations(), Kind.MODEL: lexicon.models(), Kind.PLACE: lexicon.places()}
    return {kind: {fold(name): entry.name for entry in entries for name in entry.names} for kind, entries in kinds.items()}
