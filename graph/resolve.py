"""Resolving mentions to entities: one node per real person, organisation, model or place.

Forms of address resolve to the person they address (田老师, 田奇老师 → 田奇; 海龙总 → 张海龙), but
only when exactly one person fits; lexicon names resolve to their preferred name (阿里 → 阿里巴巴);
short and long forms of one name meet (封神榜 / 封神榜大模型).  Two different people who share a
surname or a given name are never merged.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from talkgraph.extract.model import Extraction, Kind, Mention
from talkgraph.extract.persons import is_han_name, strip_honorific, surname_of
from talkgraph.ontology import lexicon

_ORG_TAILS = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|公司|集团)$")
_MODEL_TAILS = re.compile(r"(?:深度学习框架|大模型|模型|框架)$")
_ROLE_LABELS = frozenset("主持人 主持 记者 编辑 嘉宾 观众 提问 问 答 Q A 旁白 听众 网友 现场 男 女 甲 乙".split())


@dataclass(frozen=True, slots=True)
class Entity:
    key: str  # "<kind>/<label>": stable across runs and documents, the IRI's tail
    kind: Kind
    label: str
    aliases: tuple[str, ...]
    mention_count: int
    is_role_label: bool = False  # a speaker known only as 主持人, Q, ...


@dataclass(frozen=True, slots=True)
class ResolvedDocument:
    extraction: Extraction
    entity_of: Mapping[Mention, str]  # kept mention → entity key
    speaker_of: Mapping[str, str]  # speaker name as written → entity key

    def key(self, mention: Mention | None) -> str | None:
        return None if mention is None else self.entity_of.get(mention)


@dataclass(frozen=True, slots=True)
class ResolvedCorpus:
    """What the build stage turns into RDF and NetworkX."""

    documents: tuple[ResolvedDocument, ...]
    entities: Mapping[str, Entity]


def entity_key(kind: Kind, label: str) -> str:
    return f"{kind.value.lower()}/{label}"


def resolve_aliases(extractions: Iterable[Extraction]) -> ResolvedCorpus:
    """Resolve every mention of every transcript; the same name across transcripts is one node."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[str, Kind] = {}
    role_labels: set[str] = set()
    documents = []
    for extraction in extractions:
        entity_of, speaker_of = _resolve_document(extraction)
        for mention, key in entity_of.items():
            forms[key][mention.text] += 1
            kinds[key] = mention.kind
        for name, key in speaker_of.items():
            forms[key][name] += 0
            kinds[key] = Kind.PERSON
            if name in _ROLE_LABELS:
                role_labels.add(key)
        for alias, mention in extraction.aliases:
            key = entity_of.get(mention)
            if key:
                forms[key][alias] += 0
        documents.append(ResolvedDocument(extraction, entity_of, speaker_of))
    entities = {}
    for key in sorted(forms):
        label = key.split("/", 1)[1]
        aliases = set(forms[key]) | _lexicon_aliases(kinds[key], label)
        aliases.discard(label)
        entities[key] = Entity(key, kinds[key], label, tuple(sorted(aliases)), sum(forms[key].values()),
                               key in role_labels)
    return ResolvedCorpus(tuple(documents), entities)


def _resolve_document(extraction: Extraction) -> tuple[dict[Mention, str], dict[str, str]]:
    speakers = extraction.transcript.speakers
    people = _people(speakers, extraction.mentions)
    speaker_of = {name: entity_key(Kind.PERSON, name) for name in speakers}
    entity_of: dict[Mention, str] = {}
    short_forms = _short_forms(extraction.mentions)
    for mention in extraction.mentions:
        if mention.kind is Kind.PERSON:
            person = _person_for(strip_honorific(mention.text), people)
            if person:
                entity_of[mention] = entity_key(Kind.PERSON, person)
        else:
            name = mention.canonical or short_forms.get(mention.text, mention.text)
            entity_of[mention] = entity_key(mention.kind, name)
    return entity_of, speaker_of


def _people(speakers: tuple[str, ...], mentions: tuple[Mention, ...]) -> tuple[str, ...]:
    """The full names of this document's people: speakers, then names that stand on their own."""
    names = dict.fromkeys(speakers)
    for mention in mentions:
        if mention.kind is Kind.PERSON:
            base = strip_honorific(mention.text)
            if (is_han_name(base) or base.isascii() and " " in base) and _person_for(base, tuple(names)) is None:
                names.setdefault(base)
    return tuple(names)


def _person_for(base: str, people: tuple[str, ...]) -> str | None:
    """The one person ``base`` names: the full name, the given name, or a surname unique here."""
    if base in people:
        return base
    by_given = [p for p in people if len(base) >= 2 and p.endswith(base) and surname_of(p)
                and p[len(surname_of(p)):] == base]
    if len(by_given) == 1:
        return by_given[0]
    if base in lexicon.surnames():
        by_surname = [p for p in people if surname_of(p) == base and len(p) > len(base)]
        if len(by_surname) == 1:
            return by_surname[0]
    return None


def _short_forms(mentions: tuple[Mention, ...]) -> dict[str, str]:
    """``封神榜大模型`` → ``封神榜``, ``X公司`` → ``X``: a long form meets its short form in one document."""
    texts = {m.text for m in mentions if m.kind is not Kind.PERSON and not m.canonical}
    out = {}
    for text in texts:
        for tail in (_MODEL_TAILS, _ORG_TAILS):
            stem = tail.sub("", text)
            if stem != text and stem in texts:
                out[text] = stem
    return out


def _lexicon_aliases(kind: Kind, label: str) -> set[str]:
    source = {Kind.ORGANIZATION: lexicon.organizations, Kind.MODEL: lexicon.models,
              Kind.PLACE: lexicon.places}.get(kind)
    if source is None:
        return set()
    for entry in source():
        if entry.name == label:
            return set(entry.aliases)
    return set()
