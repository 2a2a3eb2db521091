"""The lexicons shipped in ``ontology/lexicon/``: general lists of well-known names and titles.

Standard library only, so that ``extract`` can use them without pulling in rdflib.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).parent / "lexicon"


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """A preferred name, its aliases and (for organisations) the organisation it belongs to."""

    name: str
    aliases: tuple[str, ...]
    parent: str | None = None


def _lines(filename: str):
    for raw in (LEXICON_DIR / filename).read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            yield raw


def lines(filename: str) -> tuple[str, ...]:
    """The lines of ``lexicon/FILENAME`` that are neither blank nor comments."""
    return tuple(_lines(filename))


def _entries(filename: str) -> tuple[LexiconEntry, ...]:
    out = []
    for line in _lines(filename):
        cols = line.split("\t") + ["", ""]
        aliases = tuple(a.strip() for a in cols[1].split("|") if a.strip())
        out.append(LexiconEntry(cols[0].strip(), aliases, cols[2].strip() or None))
    return tuple(out)


@cache
def organizations() -> tuple[LexiconEntry, ...]:
    return _entries("organizations.tsv")


@cache
def models() -> tuple[LexiconEntry, ...]:
    return _entries("models.tsv")


@cache
def places() -> tuple[LexiconEntry, ...]:
    return _entries("places.tsv")


@cache
def titles() -> tuple[str, ...]:
    """Job titles and honours, longest first so that a pattern prefers ``首席科学家`` to ``科学家``."""
    return tuple(sorted({line.strip() for line in _lines("titles.txt")}, key=len, reverse=True))


@cache
def words(name: str) -> frozenset[str]:
    """The words of ``lexicon/NAME.txt``, separated by spaces or new lines."""
    return frozenset(w for line in _lines(f"{name}.txt") for w in line.split())


@cache
def characters(name: str) -> frozenset[str]:
    """The characters of ``lexicon/NAME.txt``, each one an entry."""
    return frozenset(ch for line in _lines(f"{name}.txt") for ch in line.strip())


def surnames() -> frozenset[str]:
    return words("surnames")


@cache
def frequent_surnames(count: int = 100) -> frozenset[str]:
    """The ``count`` most frequent single surnames (``surnames.txt`` lists them in frequency order)."""
    single = [w for line in _lines("surnames.txt") for w in line.split() if len(w) == 1]
    return frozenset(single[:count])


def not_names() -> frozenset[str]:
    return words("not_names")


def given_name_chars() -> frozenset[str]:
    """Characters frequent in Chinese given names."""
    return characters("given_name_chars")
