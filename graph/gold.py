"""A gold file: a person's hand annotation of one transcript, read and checked (docs/evaluation.md).

The JSON holds the turns in order, the entities with their aliases, the relations, attributes and
key claims; ``required: false`` marks an item that is neither needed for recall nor counted against
precision.  Reading checks the shape once, so that scoring can trust it and a user's typo is one
clear error instead of a traceback.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from talkgraph.extract.errors import InputError

ENTITY_KINDS = ("Person", "Organization", "Model", "Place")
RELATIONS = ("worksFor", "formerlyAt", "founder", "parentOrganization", "creator", "colleague", "knows",
             "agreesWith")
ATTRIBUTES = ("parameterCount", "jobTitle", "award")
_IGNORED = re.compile(r"[\s\"'“”‘’「」《》]")


def normalized(text: str) -> str:
    """How names and phrases are compared: NFKC, case-folded, without spaces and quotation marks."""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", str(text)).casefold())


@dataclass(frozen=True, slots=True)
class GoldTurn:
    speaker: str
    starts: str  # the turn's first words


@dataclass(frozen=True, slots=True)
class GoldEntity:
    id: str
    kind: str  # one of ENTITY_KINDS
    name: str
    aliases: tuple[str, ...]
    required: bool

    @property
    def names(self) -> frozenset[str]:
        return frozenset(normalized(n) for n in (self.name, *self.aliases))


@dataclass(frozen=True, slots=True)
class GoldRelation:
    subject: str
    relation: str  # one of RELATIONS
    object: str
    required: bool


@dataclass(frozen=True, slots=True)
class GoldAttribute:
    subject: str
    attribute: str  # one of ATTRIBUTES
    value: float | None  # parameterCount
    contains: str | None  # jobTitle, award: a phrase the value holds
    required: bool


@dataclass(frozen=True, slots=True)
class GoldClaim:
    speaker: str
    key: str  # an exact phrase of the claim


@dataclass(frozen=True, slots=True)
class Gold:
    turns: tuple[GoldTurn, ...]
    turn_contains: tuple[tuple[int, str], ...]  # (1-based gold turn, a phrase that turn holds)
    not_turns: tuple[str, ...]  # beginnings of headings or metadata that must not become turns
    entities: tuple[GoldEntity, ...]
    not_entities: tuple[tuple[str, frozenset[str]], ...]  # (kind, names that must not be that kind)
    relations: tuple[GoldRelation, ...]
    attributes: tuple[GoldAttribute, ...]
    claims: tuple[GoldClaim, ...]

    by_name: dict[str, GoldEntity] = field(repr=False, compare=False, hash=False, default_factory=dict)

    def entity_named(self, name: str) -> GoldEntity | None:
        """The entity with this name or alias (of any kind); the later one in the file when two share it."""
        return self.by_name.get(normalized(name))


def read_gold(path: str | Path) -> Gold:
    """The gold file at ``path``; ``InputError`` naming the first thing that is wrong with it."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such gold file")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a JSON gold file ({exc})") from None
    try:
        return _gold(data)
    except _Bad as exc:
        raise InputError(f"{path}: {exc}") from None


class _Bad(Exception):
    pass


def _gold(data) -> Gold:
    if not isinstance(data, dict):
        raise _Bad("a gold file is a JSON object")
    entities = tuple(_entity(e, i) for i, e in enumerate(_list(data, "entities")))
    return Gold(
        turns=tuple(GoldTurn(_text(t, "speaker", f"turns[{i}]"), _text(t, "starts", f"turns[{i}]"))
                    for i, t in enumerate(_list(data, "turns"))),
        turn_contains=tuple((_int(c, "turn", f"turn_contains[{i}]"), _text(c, "text", f"turn_contains[{i}]"))
                            for i, c in enumerate(_list(data, "turn_contains"))),
        not_turns=tuple(_string(t, f"not_turns[{i}]") for i, t in enumerate(_list(data, "not_turns"))),
        entities=entities,
        not_entities=tuple((_kind(b, f"not_entities[{i}]"),
                            frozenset(normalized(_string(n, f"not_entities[{i}]")) for n in _list(b, "names")))
                           for i, b in enumerate(_list(data, "not_entities"))),
        relations=tuple(_relation(r, i) for i, r in enumerate(_list(data, "relations"))),
        attributes=tuple(_attribute(a, i) for i, a in enumerate(_list(data, "attributes"))),
        claims=tuple(GoldClaim(_text(c, "speaker", f"claims[{i}]"), _text(c, "key", f"claims[{i}]"))
                     for i, c in enumerate(_list(data, "claims"))),
        by_name={n: e for e in entities for n in e.names},
    )


def _entity(e, i: int) -> GoldEntity:
    where = f"entities[{i}]"
    return GoldEntity(_text(e, "id", where), _kind(e, where), _text(e, "name", where),
                      tuple(_string(a, where) for a in _list(e, "aliases")), _required(e, where))


def _relation(r, i: int) -> GoldRelation:
    where = f"relations[{i}]"
    rel = _text(r, "rel", where)
    if rel not in RELATIONS:
        raise _Bad(f"{where}: rel {rel!r} is none of {', '.join(RELATIONS)}")
    return GoldRelation(_text(r, "s", where), rel, _text(r, "o", where), _required(r, where))


def _attribute(a, i: int) -> GoldAttribute:
    where = f"attributes[{i}]"
    attr = _text(a, "attr", where)
    if attr not in ATTRIBUTES:
        raise _Bad(f"{where}: attr {attr!r} is none of {', '.join(ATTRIBUTES)}")
    value = a.get("value")
    if attr == "parameterCount" and (isinstance(value, bool) or not isinstance(value, (int, float))):
        raise _Bad(f"{where}: a parameterCount needs a number as value")
    contains = _text(a, "contains", where) if attr != "parameterCount" else None
    return GoldAttribute(_text(a, "s", where), attr, float(value) if value is not None else None, contains,
                         _required(a, where))


def _list(obj, key: str) -> list:
    value = obj.get(key, []) if isinstance(obj, dict) else None
    if not isinstance(value, list):
        raise _Bad(f"{key} must be a list")
    return value


def _text(obj, key: str, where: str) -> str:
    if not isinstance(obj, dict) or not isinstance(obj.get(key), str) or not obj[key].strip():
        raise _Bad(f"{where}: needs a non-empty string {key!r}")
    return obj[key]


def _string(value, where: str) -> str:
    if not isinstance(value, str):
        raise _Bad(f"{where}: names must be strings")
    return value


def _int(obj, key: str, where: str) -> int:
    value = obj.get(key) if isinstance(obj, dict) else None
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Bad(f"{where}: needs a whole number {key!r}")
    return value


def _kind(obj, where: str) -> str:
    kind = _text(obj, "type", where)
    if kind not in ENTITY_KINDS:
        raise _Bad(f"{where}: type {kind!r} is none of {', '.join(ENTITY_KINDS)}")
    return kind


def _required(obj, where: str) -> bool:
    value = obj.get("required", True)
    if not isinstance(value, bool):
        raise _Bad(f"{where}: required must be true or false")
    return value
