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

    @property
    def names(self) -> tuple[str, ...]:
        """The preferred name, then the aliases."""
        return (self.name, *self.aliases)


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


# a user's own entries (``--lexicon FILE``) by kind; they come first, so their preferred names win
_USER: dict[str, tuple[LexiconEntry, ...]] = {}
_DERIVED: list = []  # the caches of what other modules make from the lexicons


def derived(function):
    """``functools.cache`` for what is made from the names the lexicons hold (a matcher, the
    tokenizer's words): made once, and made again after ``use_user_lexicon`` changes them."""
    cached = cache(function)
    _DERIVED.append(cached)
    return cached


@cache
def organizations() -> tuple[LexiconEntry, ...]:
    return _USER.get("organization", ()) + _entries("organizations.tsv")


@cache
def models() -> tuple[LexiconEntry, ...]:
    return _USER.get("model", ()) + _entries("models.tsv")


@cache
def places() -> tuple[LexiconEntry, ...]:
    return _USER.get("place", ()) + _entries("places.tsv")


@cache
def persons() -> tuple[LexiconEntry, ...]:
    """A user's people, then the widely known ones the shipped list holds."""
    return _USER.get("person", ()) + _entries("persons.tsv")


@dataclass(frozen=True, slots=True)
class PersonOrganization:
    """A listed person's founding or present leading of a listed organisation (preferred names)."""

    person: str
    organization: str
    founded: bool
    leads: bool


@cache
def person_organizations() -> tuple[PersonOrganization, ...]:
    out = []
    for line in _lines("person_organizations.tsv"):
        person, how, organization = (col.strip() for col in (line.split("\t") + ["", ""])[:3])
        ways = set(how.split("|"))
        out.append(PersonOrganization(person, organization, "founded" in ways, "leads" in ways))
    return tuple(out)


@cache
def persons_by_name() -> dict[str, LexiconEntry]:
    """Every name of a listed person → their entry (a user's first, then the first that lists it)."""
    out: dict[str, LexiconEntry] = {}
    for entry in persons():
        for name in entry.names:
            out.setdefault(name, entry)
    return out


def person_named(name: str) -> LexiconEntry | None:
    """The listed person that ``name`` is one of the names of."""
    return persons_by_name().get(name)


@cache
def listed_names() -> frozenset[str]:
    """Every name and alias the organisation, model and place lexicons hold."""
    return frozenset(n for entry in organizations() + models() + places() for n in entry.names)


class LexiconFileError(ValueError):
    """A user's lexicon file that cannot be read; the message names the file and line."""


_KIND_WORDS = {"organization": "organization", "organisation": "organization", "org": "organization",
               "model": "model", "product": "model", "software": "model", "app": "model",
               "place": "place", "location": "place", "person": "person", "people": "person"}


def read_user_lexicon(path: Path | str) -> dict[str, tuple[LexiconEntry, ...]]:
    """A user's TSV of names, in the shape of ``lexicon/organizations.tsv`` with a kind column.

    Each line: preferred name, ``|``-separated aliases, parent organisation, kind (organization,
    model, place or person); empty columns may be left off.  ``# type: KIND`` sets the kind of the
    lines that follow and leave theirs empty (the default is organization), so a copy of
    ``models.tsv`` under ``# type: model`` reads as it is.  Other ``#`` lines are comments.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise LexiconFileError(f"{path}: not UTF-8 text") from None
    kind_now = "organization"
    found: dict[str, list[LexiconEntry]] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip("\ufeff")
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            if key.strip().lower() == "type":
                kind_now = _kind(value, path, number)
            continue
        if not line.strip():
            continue
        cols = [c.strip() for c in line.split("\t")] + ["", "", ""]
        if not cols[0]:
            raise LexiconFileError(f"{path}:{number}: the first column (the preferred name) is empty")
        aliases = tuple(a.strip() for a in cols[1].split("|") if a.strip())
        kind = _kind(cols[3], path, number) if cols[3] else kind_now
        found.setdefault(kind, []).append(LexiconEntry(cols[0], aliases, cols[2] or None))
    if not found:
        raise LexiconFileError(f"{path}: no names in it")
    return {kind: tuple(entries) for kind, entries in found.items()}


def _kind(word: str, path: Path, number: int) -> str:
    kind = _KIND_WORDS.get(word.strip().lower())
    if kind is None:
        raise LexiconFileError(f"{path}:{number}: unknown kind {word.strip()!r} "
                               f"(expected organization, model, place or person)")
    return kind


def use_user_lexicon(entries: dict[str, tuple[LexiconEntry, ...]]) -> None:
    """Make a user's entries part of the lexicons for this process (and the workers it forks);
    what the extract stage made from the lexicons (``derived``) is made again on its next use."""
    if entries == _USER:
        return
    _USER.clear()
    _USER.update(entries)
    for accessor in (organizations, models, places, persons, persons_by_name, listed_names, *_DERIVED):
        accessor.cache_clear()


def user_entries() -> dict[str, tuple[LexiconEntry, ...]]:
    """The user's entries in force in this process, as ``use_user_lexicon`` takes them."""
    return dict(_USER)


@cache
def titles() -> tuple[str, ...]:
    """Job titles and honours, longest first so that a pattern prefers ``首席科学家`` to ``科学家``."""
    return tuple(sorted({line.strip() for line in _lines("titles.txt")}, key=lambda t: (-len(t), t)))


@cache
def posts() -> tuple[str, ...]:
    """The titles and the posts held on a board or a council (理事, 监事, 委员), longest first: what a
    person's post at an organisation may be called."""
    return tuple(sorted(set(titles()) | words("board_posts"), key=lambda t: (-len(t), t)))


@cache
def title_openers() -> tuple[str, ...]:
    """What a title may open with (副, 首席, 董事会) and the fields posts are in (财务, 研发), longest first:
    ``董事会秘书``, ``研发副总裁`` are titles of these and a title."""
    return tuple(sorted(words("title_prefixes") | words("post_fields"), key=lambda w: (-len(w), w)))


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
