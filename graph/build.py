"""The build stage: one resolved corpus in, RDF quads out (the NetworkX view is read off them,
``networkx_view``).  The RDF keeps the contract of schema.org + PROV-O + NIF that ``shared/eval`` reads.
Its quads are plain tuples of terms written as N-Triples writes them (``oxigraph_writer.WrittenQuad``),
made straight from the model: strings cost a third of pyoxigraph terms, which cost a fifth of
rdflib's; pyoxigraph quads are made from them where a writer or store needs them
(``pipeline.BuiltGraph.quads``), and ``pipeline.BuiltGraph.rdf`` gives the rdflib graph.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from rdflib import URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from talkgraph.extract.model import Predicate, Turn
from talkgraph.extract.resolve import ResolvedCorpus, ResolvedDocument
from talkgraph.ontology.namespace import CLAIM_TYPES, ENTITY_CLASSES, ITSRDF, NIF, RELATIONS, SDO, TG

from .datasets import ENTITIES_GRAPH
from .iris import document_iri, document_part_iris, entity_iri
from .oxigraph_writer import WrittenNamespace, WrittenQuad, written_iri, written_literal

LANG = "zh"
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")

@dataclass(frozen=True, slots=True)
class Fact:
    """A relation between two resolved entities, with its evidence span in one transcript."""

    subject: str
    predicate: Predicate
    object: str
    doc_id: str  # the transcript that states it: each that does has its own Fact
    start: int
    end: int
    evidence: str  # the words between start and end
    turn_index: int | None
    since: str | None = None
    source: str | None = None  # a lexicon that states it, when the evidence's words do not


def resolved_facts(documents: Iterable[ResolvedDocument]) -> list[Fact]:
    """Every relation whose ends resolved, once per transcript that states it, in text order
    (``stated_facts`` of each transcript, then ``corpus_facts``)."""
    return corpus_facts(fact for doc in documents for fact in stated_facts(doc))


def stated_facts(doc: ResolvedDocument) -> list[Fact]:
    """The relations of one transcript whose ends resolved, each once, in text order: what
    ``corpus_facts`` needs of it, small enough to keep while the transcript itself is put away."""
    transcript = doc.extraction.transcript
    doc_id, text = transcript.document.doc_id, transcript.document.text
    facts: dict[tuple[str, Predicate, str], Fact] = {}
    ended = _joins_told_over(doc)
    for r in doc.extraction.relations:
        s, o = doc.key(r.subject), doc.key(r.object)
        predicate = Predicate.FORMERLY_AT if (r.predicate is Predicate.WORKS_FOR and r.since and (s, o) in ended) \
            else r.predicate
        if s is None or o is None or s == o or (s, predicate, o) in facts:
            continue
        turn = transcript.turn_at(r.start)
        facts[s, predicate, o] = Fact(s, predicate, o, doc_id, r.start, r.end, text[r.start:r.end],
                                      turn.index if turn else None, r.since, r.source)
    return list(facts.values())


def _joins_told_over(doc: ResolvedDocument) -> set[tuple[str | None, str | None]]:
    """The (person, organisation) pairs whose joining in a year (``2016年我去了星巴克中国``) began a
    stay the transcript also tells as over (``曾任星巴克中国区域运营副总裁`` in the lead, ``2019年离开``)
    and nowhere as still going on (a post held now, a current affiliation without a start year)."""
    relations = doc.extraction.relations
    over = {(doc.key(r.subject), doc.key(r.object)) for r in relations if r.predicate is Predicate.FORMERLY_AT}
    if not over:
        return set()
    joined = {(doc.key(r.subject), doc.key(r.object)) for r in relations if r.predicate is Predicate.WORKS_FOR and r.since}
    held = {(doc.key(r.subject), doc.key(r.object)) for r in relations if r.predicate is Predicate.WORKS_FOR and not r.since}
    return (joined & over) - held


def corpus_facts(stated: Iterable[Fact]) -> list[Fact]:
    """The facts the graph states, from what each transcript states (``stated_facts``, in input order).

    Once per transcript, not once for the corpus: which transcript came first must not decide
    where a fact is said to be stated, or the graph (and its statements' IRIs) would depend on
    the order of the inputs.

    A former affiliation with the organisation a person works for now, or with its parent, is
    dropped: 2018年加入华为 said by someone now at 华为云 is no former job.
    """
    facts: dict[tuple[str, str, Predicate, str], Fact] = {}
    for f in stated:
        facts.setdefault((f.doc_id, f.subject, f.predicate, f.object), f)
    parents = {(f.subject, f.object) for f in facts.values() if f.predicate is Predicate.PARENT_ORGANIZATION}
    current = {(f.subject, f.object) for f in facts.values() if f.predicate is Predicate.WORKS_FOR}
    current |= {(f.object, f.subject) for f in facts.values() if f.predicate is Predicate.FOUNDER}

    def still_there(person: str, org: str) -> bool:
        return any(p == person and (o == org or (o, org) in parents) for p, o in current)

    return [f for f in facts.values()
            if not (f.predicate is Predicate.FORMERLY_AT and still_there(f.subject, f.object))]


@dataclass(frozen=True, slots=True)
class RdfPart:
    """One piece of the graph: a transcript's quads, all in its named graph, and what the
    transcript states about shared entities (titles, relations), in the entities' graph."""

    graph: str | None  # the named graph's IRI as N-Triples writes it; None for the entities alone
    quads: list[WrittenQuad]
    shared: list[WrittenQuad]


def rdf_parts(corpus: ResolvedCorpus, facts: list[Fact] | None = None) -> Iterator[RdfPart]:
    """The graph one piece at a time — the entities, then each transcript with its facts — in the
    named graphs of ``datasets``' rule, so that a store can take a large corpus without the whole
    graph ever being in memory.  A piece holds each quad once, in the order made: each subject's
    triples together, so a Turtle writer states each subject once.  ``facts`` are the corpus's
    ``resolved_facts`` when already made: a corpus on disk is read once less."""
    entities = _Quads()
    _add_entities(entities, corpus)
    yield RdfPart(None, [], list(entities.shared))
    for doc, facts in _documents_with_facts(corpus, resolved_facts(corpus.documents) if facts is None else facts):
        quads = _Quads(written_iri(document_iri(doc.extraction.transcript.document.doc_id)))
        _add_document(quads, doc, facts)
        yield RdfPart(quads.graph, list(quads.own), list(quads.shared))


def _documents_with_facts(corpus: ResolvedCorpus, facts: list[Fact]) -> Iterator[tuple[ResolvedDocument, list[Fact]]]:
    facts_of: dict[str, list[Fact]] = {}
    for fact in facts:
        facts_of.setdefault(fact.doc_id, []).append(fact)
    for doc in corpus.documents:
        yield doc, facts_of.get(doc.extraction.transcript.document.doc_id, [])


_RDF, _RDFS, _XSD, _SKOS, _PROV = (WrittenNamespace(ns) for ns in (RDF, RDFS, XSD, SKOS, PROV))
_TG, _SDO, _NIF, _ITSRDF = (WrittenNamespace(ns) for ns in (TG, SDO, NIF, ITSRDF))
_ENTITIES = written_iri(str(ENTITIES_GRAPH))
_BEGIN, _END, _ANCHOR, _CONTEXT = _NIF.beginIndex, _NIF.endIndex, _NIF.anchorOf, _NIF.referenceContext


@lru_cache(maxsize=None)
def _iri(uri: URIRef) -> str:
    """A term of the vocabulary (a class, a relation, a claim type): few and repeated, so kept."""
    return written_iri(str(uri))


@lru_cache(maxsize=65536)
def _entity(key: str) -> str:
    return written_iri(entity_iri(key))


def _text(text: str) -> str:
    """A literal tagged with the language its script says: ``@en`` for Latin-script text
    (Sam Altman, an English claim), ``@zh`` for the rest."""
    return written_literal(text, _language(text))


def _language(text: str) -> str:
    if _HAN.search(text) is None and _LATIN.search(text) is not None:
        return "en"
    return LANG


def _typed(value: object, datatype: str) -> str:
    return written_literal(str(value), datatype=datatype)


@lru_cache(maxsize=65536)
def _offset(value: int) -> str:
    """Offsets repeat across mentions, claims and statements: one term each."""
    return written_literal(str(value), datatype=_XSD.nonNegativeInteger)


class _Quads:
    """Two ordered sets of quads: ``add`` puts a triple in this piece's named graph, ``share`` in
    the entities' graph (a subject several transcripts may describe: a person's job title, a relation)."""

    def __init__(self, graph: str = _ENTITIES):
        self.graph = graph
        self.own: dict[WrittenQuad, None] = {}
        self.shared: dict[WrittenQuad, None] = {}

    def add(self, s: str, p: str, o: str) -> None:
        self.own[s, p, o, self.graph] = None

    def share(self, s: str, p: str, o: str) -> None:
        self.shared[s, p, o, _ENTITIES] = None


def _add_entities(quads: _Quads, corpus: ResolvedCorpus) -> None:
    for key, entity in corpus.entities.items():
        node = _entity(key)
        quads.share(node, _RDF.type, _TG.Speaker if entity.is_role_label else _iri(ENTITY_CLASSES[entity.kind]))
        quads.share(node, _RDFS.label, _text(entity.label))
        quads.share(node, _SDO.name, _text(entity.label))
        for alias in entity.aliases:
            quads.share(node, _SKOS.altLabel, _text(alias))
        quads.share(node, _TG.mentionCount, _typed(entity.mention_count, _XSD.integer))


def _add_document(quads: _Quads, doc: ResolvedDocument, facts: list[Fact]) -> None:
    writer = _DocumentWriter(quads, doc)
    writer.transcript()
    writer.turns()
    writer.mentions()
    writer.claims()
    writer.questions()
    writer.excerpts()
    writer.roles()
    writer.quantities()
    for n, fact in enumerate(facts, 1):  # numbered within their transcript
        writer.fact(fact, n)


class _DocumentWriter:
    """The triples of one transcript: its text, turns, mentions, claims, questions, excerpts, roles, facts."""

    def __init__(self, quads: _Quads, doc: ResolvedDocument):
        self.quads, self.doc = quads, doc
        self.add = quads.add
        self.extraction = doc.extraction
        self.transcript_ = doc.extraction.transcript
        self.document = self.transcript_.document
        self.node = quads.graph
        self.part_iri = document_part_iris(self.document.doc_id)
        self.context = self.part("text", "context")
        self.turn_nodes: dict[int, str] = {}

    def part(self, kind: str, local: str | int) -> str:
        return written_iri(self.part_iri(kind, local))

    def turn(self, index: int) -> str:
        node = self.turn_nodes.get(index)
        if node is None:
            node = self.turn_nodes[index] = self.part("turn", index)
        return node

    def speaker(self, name: str) -> str:
        return _entity(self.doc.speaker_of[name])

    def transcript(self) -> None:
        t, node, context = self.transcript_, self.node, self.context
        self.add(node, _RDF.type, _TG.Transcript)
        self.add(node, _TG.textContext, context)
        if t.title:
            self.add(node, _SDO.name, _text(t.title))
        if t.date:
            self.add(node, _SDO.dateCreated, _typed(t.date, _XSD.date))
        if self.document.source:
            name = self.document.source.rsplit("/", 1)[-1]  # bytes that are not UTF-8 as U+FFFD
            self.add(node, _TG.sourceFile, written_literal(os.fsencode(name).decode("utf-8", "replace")))
        if t.moderator:
            self.add(node, _TG.moderator, self.speaker(t.moderator))
        for name in t.speakers:
            self.add(node, _SDO.contributor, self.speaker(name))
        self.add(context, _RDF.type, _NIF.Context)
        self.add(context, _NIF.isString, written_literal(self.document.text))
        self.add(context, _NIF.beginIndex, _offset(0))
        self.add(context, _NIF.endIndex, _offset(len(self.document.text)))

    def _said(self, turn: Turn) -> str:
        """A turn's text: in subtitles what was said, its cues' lines run on as speech does (the
        claims' text reads the same); elsewhere its paragraphs on their own lines."""
        if self.transcript_.subtitles and turn.spans:
            return turn.said(self.document, turn.spans[0][0], turn.spans[-1][1])
        return turn.text(self.document)

    def turns(self) -> None:
        mentioned: dict[int, dict[str, None]] = {}
        for mention in self.extraction.mentions:
            key = self.doc.key(mention)
            if key and mention.turn_index:
                mentioned.setdefault(mention.turn_index, {})[key] = None
        for turn in self.transcript_.turns:
            node = self.turn(turn.index)
            self.add(node, _RDF.type, _TG.Turn)
            self.add(node, _SDO.position, _typed(turn.index, _XSD.integer))
            self.add(node, _SDO.isPartOf, self.node)
            self.add(node, _SDO.text, _text(self._said(turn)))
            for name in turn.speakers:
                self.add(node, _SDO.sender, self.speaker(name))
            if turn.start_time is not None:
                self.add(node, _TG.startsAt, _typed(_duration(turn.start_time), _XSD.duration))
            if turn.end_time is not None:
                self.add(node, _TG.endsAt, _typed(_duration(turn.end_time), _XSD.duration))
            for key in mentioned.get(turn.index, ()):
                self.add(node, _SDO.mentions, _entity(key))

    def mentions(self) -> None:
        for mention in self.extraction.mentions:
            key = self.doc.key(mention)
            if key is None:
                continue
            node = self.part("mention", f"{mention.start}-{mention.end}")
            self.add(node, _RDF.type, _TG.Mention)
            self.span(node, mention.start, mention.end)
            self.add(node, _ITSRDF.taIdentRef, _entity(key))
            self.add(node, _TG.extractor, written_literal(mention.source))
            if mention.turn_index:
                self.add(node, _TG.inTurn, self.turn(mention.turn_index))

    def said(self, node: str, cls: str, speaker: str, start: int, end: int, turn_index: int | None,
             words: str) -> None:
        """What claims, questions and excerpts share: who said which words, where.  The words are
        the anchor's but for what a subtitle puts between the lines of a sentence (cue numbers,
        time lines).  The canned ``speakers`` query counts claims as what has an author less the
        other classes said here."""
        self.add(node, _RDF.type, cls)
        self.add(node, _SDO.author, self.speaker(speaker))
        self.add(node, _SDO.text, _text(words))
        self.span(node, start, end)
        if turn_index:
            self.add(node, _TG.quotes if cls == _TG.Excerpt else _PROV.wasDerivedFrom, self.turn(turn_index))

    def claims(self) -> None:
        for n, claim in enumerate(self.extraction.claims, 1):
            node = self.part("claim", n)
            self.said(node, _TG.Claim, claim.speaker, claim.start, claim.end, claim.turn_index, claim.text)
            self.add(node, _TG.claimType, _iri(CLAIM_TYPES[claim.kind]))
            if claim.cue:
                self.add(node, _TG.cue, _text(claim.cue))
            for amount in claim.amounts:
                self.add(node, _TG.quantity, _typed(_decimal(amount), _XSD.decimal))
            for mention in claim.about:
                if self.doc.key(mention):
                    self.add(node, _SDO.about, _entity(self.doc.key(mention)))
            for party in claim.agrees_with:
                person = self.doc.key(party)
                if person:
                    self.add(node, _TG.agreesWithSpeaker, _entity(person))

    def questions(self) -> None:
        for n, question in enumerate(self.extraction.questions, 1):
            node = self.part("question", n)
            self.said(node, _TG.Question, question.speaker, question.start, question.end, question.turn_index,
                      question.text)
            for index in question.answered_by:
                self.add(node, _TG.answeredBy, self.turn(index))

    def excerpts(self) -> None:
        for n, excerpt in enumerate(self.transcript_.excerpts, 1):
            self.said(self.part("excerpt", n), _TG.Excerpt, excerpt.speaker, excerpt.start, excerpt.end,
                      excerpt.turn_index, self.document.text[excerpt.start:excerpt.end])

    def roles(self) -> None:
        """Each post a person holds, at its organisation when the text says one: a post the text also
        states without one (我叫X，是Y的联合创始人, read twice) is that same post, not another."""
        share = self.quads.share
        placed = {(self.doc.key(role.person), role.former, role.title) for role in self.extraction.roles
                  if self.doc.key(role.organization)}
        for role in self.extraction.roles:
            person = self.doc.key(role.person)
            if person is None or not role.title:
                continue
            org = self.doc.key(role.organization)
            if org is None and (person, role.former, role.title) in placed:
                continue
            person_node = _entity(person)
            scope = f"{role.scope}/" if role.scope else ""
            former = "former/" if role.former else ""
            role_node = _entity(f"role/{person.split('/', 1)[1]}/{former}{scope}{role.title}/"
                                f"{org.split('/', 1)[1] if org else ''}")
            if not role.former:
                share(person_node, _SDO.jobTitle, _text(role.title))
            share(person_node, _TG.holdsRole, role_node)
            share(role_node, _RDF.type, _SDO.EmployeeRole)
            share(role_node, _SDO.roleName, _text(role.title))
            if role.scope:
                share(role_node, _TG.scope, _text(role.scope))
            if org:
                share(role_node, _TG.formerlyAtOrganization if role.former else _TG.atOrganization, _entity(org))

    def quantities(self) -> None:
        for quantity in self.extraction.quantities:
            subject = self.doc.key(quantity.subject)
            if subject and quantity.attribute == "parameterCount":
                self.quads.share(_entity(subject), _TG.parameterCount, _typed(_decimal(quantity.value), _XSD.decimal))

    def fact(self, fact: Fact, n: int) -> None:
        """The relation between the entities, and the statement saying where this transcript states it."""
        subject, obj, predicate = _entity(fact.subject), _entity(fact.object), _iri(RELATIONS[fact.predicate])
        self.quads.share(subject, predicate, obj)
        node = self.part("statement", n)
        self.add(node, _RDF.type, _TG.RelationStatement)
        self.add(node, _RDF.subject, subject)
        self.add(node, _RDF.predicate, predicate)
        self.add(node, _RDF.object, obj)
        self.span(node, fact.start, fact.end)
        if fact.turn_index:
            self.add(node, _TG.inTurn, self.turn(fact.turn_index))
        if fact.since:
            self.add(node, _TG.since, _typed(fact.since, _XSD.gYear))
        if fact.source:
            self.add(node, _TG.extractor, written_literal(fact.source))

    def span(self, node: str, start: int, end: int) -> None:
        own, graph = self.quads.own, self.node  # what four ``add``s do, without the calls: a span a passage
        own[node, _BEGIN, _offset(start), graph] = None
        own[node, _END, _offset(end), graph] = None
        own[node, _ANCHOR, written_literal(self.document.text[start:end]), graph] = None
        own[node, _CONTEXT, self.context, graph] = None


def _duration(seconds: float) -> str:
    """An offset into a recording as ``xsd:duration``: 3723.5 → ``PT1H2M3.5S``."""
    hours, rest = divmod(round(seconds * 1000), 3_600_000)
    minutes, millis = divmod(rest, 60_000)
    parts = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    return parts + f"{_decimal(millis / 1000)}S"


def _decimal(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)
