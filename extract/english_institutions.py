"""English names of institutions that run over joining words.

``Massachusetts Institute of Technology``, ``Hong Kong University of Science and Technology``,
``London School of Economics``, ``Ministry of Education``, ``University of California, Berkeley``:
capitalised words joined by ``of``, ``for``, ``and`` or ``&``, one of them the head word of an
institution.  A title before the name is none of it (``CEO of Bank of America``), and after the
name's own words ``and`` starts the next name (``Stanford University and Google``) unless it joins
the words after ``of`` or ``for`` (``of Science and Technology``).  A name whose initials are a known
organisation's (``Hong Kong University of Science and Technology``, HKUST) is that organisation.
"""
from __future__ import annotations

import re
from collections.abc import Callable

HEADS = frozenset("""University Institute College School Academy Bank Ministry Department Agency Council
Association Society Foundation Hospital Laboratory Laboratories Museum Federation Organization
Organisation Commission Bureau Authority Conservatory Observatory Polytechnic""".split())
_WORD = r"[A-Z][A-Za-z'\-]*"
_JOIN = r"(?:of|for|and|&)(?: the)?"
_RUN = re.compile(rf"{_WORD}(?: (?:{_JOIN} )?{_WORD}){{1,11}}(?![A-Za-z0-9])")
_JOINED = re.compile(rf" ({_JOIN}) ")
# University of California, Berkeley: the campus after a comma
_CAMPUS = re.compile(rf", {_WORD}(?: {_WORD})?(?![A-Za-z0-9])")


def institution_at(text: str, start: int, end: int, known: Callable[[str], bool]) -> tuple[int, int] | None:
    """The span of an institution's name whose words begin at ``start``, when it joins words with
    ``of``, ``for``, ``and`` or ``&``; else None.  ``known`` says whether a name is another one's
    (a campus after a comma must not be ``Google`` of ``University of Michigan, Google``)."""
    run = _RUN.match(text, start, end)
    if run is None:
        return None
    parts: list[tuple[int, int, str]] = []  # each run of capitalised words, and the word joining it to the last
    joiner, pos = "", start
    for join in _JOINED.finditer(text, start, run.end()):
        parts.append((pos, join.start(), joiner))
        joiner, pos = join.group(1).split(" ")[0], join.end()
    parts.append((pos, run.end(), joiner))
    first = next((i for i, (s, e, _) in enumerate(parts) if HEADS.intersection(text[s:e].split(" "))), None)
    if first is None:
        return None
    last, complement = first, False
    for i in range(first + 1, len(parts)):
        joiner = parts[i][2]
        if joiner in ("of", "for"):
            complement = True
        elif not complement:
            break
        last = i
    if last == first:
        return None
    name_start, name_end = parts[first][0], parts[last][1]
    if text[parts[first][0]:parts[first][1]] == "University" and parts[first + 1][2] == "of":
        campus = _CAMPUS.match(text, name_end, end)
        if campus and not known(campus.group()[2:]):
            name_end = campus.end()
    return name_start, name_end


_JOINING_WORDS = frozenset({"of", "for", "and", "the", "The", "at"})
_MIN_INITIALS = 3


def initials(name: str) -> str:
    """The name's acronym, its capitalised words' first letters (``HKUST``, ``MIT``); "" when shorter
    than three letters, which would name too many things."""
    letters = "".join(word[0] for word in re.findall(r"[A-Za-z][A-Za-z'\-]*", name)
                      if word not in _JOINING_WORDS and word[0].isupper())
    return letters if len(letters) >= _MIN_INITIALS else ""
