"""The build stage: one resolved corpus in, an rdflib ``Graph`` and a NetworkX ``MultiDiGraph`` out.

Both graphs come from the same ``ResolvedCorpus`` and the same list of ``Fact``s, so they cannot
disagree.  The RDF keeps the contract of schema.org + PROV-O + NIF that ``shared/eval`` reads.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from talkgraph.extract.model import Kind, Mention
from talkgraph.ontology.namespace import (CLAIM_TYPES, ENTITY_CLASSES, ITSRDF, NIF, PREFIXES, RELATIONS, SDO,
                                          TG)

from .iris import document_iri, document_part_iri, entity_iri
from .resolve import ResolvedCorpus, ResolvedDocument

LANG = "zh"


@dataclass(frozen=True, slots=True)
class Fact:
    """A relation between two resolved entities, with its evidence span in one transcript."""

    subject: str
    predicate: str
    object: str
    doc: ResolvedDocument
    start: int
    end: int
    turn_index: int | None
    since: str | None = None


def resolved_facts(corpus: ResolvedCorpus) -> list[Fact]:
    """Every relation whose ends resolved, once per (subject, predicate, object), in text order.

    A former affiliation with the organisation a person works for now, or with its parent, is
    dropped: 2018年加入华为 said by someone now at 华为云 is no former job.
    """
    facts: dict[tuple[str, str, str], Fact] = {}
    for doc in corpus.documents:
        transcript = doc.extraction.transcript
        for r in doc.extraction.relations:
            s, o = _end_key(doc, r.subject), _end_key(doc, r.object)
            if s is None or o is None or s == o:
                continue
            turn = transcript.turn_at(r.start)
            facts.setdefault((s, r.predicate, o), Fact(s, r.predicate, o, doc, r.start, r.end,
                                                       turn.index if turn else None, r.since))
    parents = {(f.subject, f.object) for f in facts.values() if f.predicate == "parentOrganization"}
    current = {(f.subject, f.object) for f in facts.values() if f.predicate == "worksFor"}
    current |= {(f.object, f.subject) for f in facts.values() if f.predicate == "founder"}

    def still_there(person: str, org: str) -> bool:
        return any(p == person and (o == org or (o, org) in parents) for p, o in current)

    return [f for f in facts.values() if not (f.predicate == "formerlyAt" and still_there(f.subject, f.object))]


def _end_key(doc: ResolvedDocument, mention: Mention) -> str | None:
    if mention.start == mention.end and mention.kind is Kind.PERSON:  # a speaker stand-in
        return doc.speaker_of.get(mention.canonical or "")
    return doc.key(mention)


def build_rdf(corpus: ResolvedCorpus) -> Graph:
    """The whole corpus as one rdflib graph."""
    graph = _new_graph()
    _add_entities(graph, corpus)
    for doc, facts in _documents_with_facts(corpus):
        _add_document(graph, doc, facts)
    return graph


def rdf_parts(corpus: ResolvedCorpus) -> Iterator[Graph]:
    """The graph one piece at a time — the entities, then each transcript with its facts — so that a
    store can take a large corpus without the whole graph ever being in memory."""
    entities = _new_graph()
    _add_entities(entities, corpus)
    yield entities
    for doc, facts in _documents_with_facts(corpus):
        graph = _new_graph()
        _add_document(graph, doc, facts)
        yield graph


def _documents_with_facts(corpus: ResolvedCorpus) -> Iterator[tuple[ResolvedDocument, list[Fact]]]:
    facts_of: dict[int, list[Fact]] = {}
    for fact in resolved_facts(corpus):
        facts_of.setdefault(id(fact.doc), []).append(fact)
    for doc in corpus.documents:
        yield doc, facts_of.get(id(doc), [])


def _new_graph() -> Graph:
    # rdflib's SimpleMemory store: no per-context bookkeeping, about 1.7x faster to fill
    graph = Graph(store="SimpleMemory")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def _add_entities(graph: Graph, corpus: ResolvedCorpus) -> None:
    for key, entity in corpus.entities.items():
        node = entity_iri(key)
        graph.add((node, RDF.type, TG.Speaker if entity.is_role_label else ENTITY_CLASSES[entity.kind.value]))
        graph.add((node, RDFS.label, Literal(entity.label, lang=LANG)))
        graph.add((node, SDO.name, Literal(entity.label, lang=LANG)))
        for alias in entity.aliases:
            graph.add((node, SKOS.altLabel, Literal(alias, lang=LANG)))
        graph.add((node, TG.mentionCount, Literal(entity.mention_count)))


def _add_document(graph: Graph, doc: ResolvedDocument, facts: list[Fact]) -> None:
    writer = _DocumentWriter(graph, doc)
    writer.transcript()
    writer.turns()
    writer.mentions()
    writer.claims()
    writer.questions()
    writer.excerpts()
    writer.roles()
    writer.quantities()
    for n, fact in enumerate(facts, 1):  # numbered within their transcript
        _add_fact(graph, fact, n)


class _DocumentWriter:
    """The triples of one transcript: its text, turns, mentions, claims, questions, excerpts, roles."""

    def __init__(self, graph: Graph, doc: ResolvedDocument):
        self.graph, self.doc = graph, doc
        self.extraction = doc.extraction
        self.transcript_ = doc.extraction.transcript
        self.document = self.transcript_.document
        self.node = document_iri(self.document.doc_id)
        self.context = self.part("text", "context")

    def part(self, kind: str, local: str | int) -> URIRef:
        return document_part_iri(self.document.doc_id, kind, local)

    def turn(self, index: int) -> URIRef:
        return self.part("turn", index)

    def speaker(self, name: str) -> URIRef:
        return entity_iri(self.doc.speaker_of[name])

    def add(self, s, p, o) -> None:
        self.graph.add((s, p, o))

    def transcript(self) -> None:
        t, node = self.transcript_, self.node
        self.add(node, RDF.type, TG.Transcript)
        self.add(node, TG.textContext, self.context)
        self.add(self.context, RDF.type, NIF.Context)
        self.add(self.context, NIF.isString, Literal(self.document.text))
        self.add(self.context, NIF.beginIndex, _offset(0))
        self.add(self.context, NIF.endIndex, _offset(len(self.document.text)))
        if t.title:
            self.add(node, SDO.name, Literal(t.title, lang=LANG))
        if t.date:
            self.add(node, SDO.dateCreated, Literal(t.date, datatype=XSD.date))
        if self.document.source:
            self.add(node, TG.sourceFile, Literal(self.document.source.rsplit("/", 1)[-1]))
        if t.moderator:
            self.add(node, TG.moderator, self.speaker(t.moderator))
        for name in t.speakers:
            self.add(node, SDO.contributor, self.speaker(name))

    def turns(self) -> None:
        for turn in self.transcript_.turns:
            node = self.turn(turn.index)
            self.add(node, RDF.type, TG.Turn)
            self.add(node, SDO.position, Literal(turn.index))
            self.add(node, SDO.isPartOf, self.node)
            self.add(node, SDO.text, Literal(turn.text(self.document), lang=LANG))
            for name in turn.speakers:
                self.add(node, SDO.sender, self.speaker(name))

    def mentions(self) -> None:
        for mention in self.extraction.mentions:
            key = self.doc.key(mention)
            if key is None:
                continue
            node = self.part("mention", f"{mention.start}-{mention.end}")
            self.add(node, RDF.type, TG.Mention)
            self.span(node, mention.start, mention.end, mention.text)
            self.add(node, ITSRDF.taIdentRef, entity_iri(key))
            self.add(node, TG.extractor, Literal(mention.source))
            if mention.turn_index:
                self.add(node, TG.inTurn, self.turn(mention.turn_index))
                self.add(self.turn(mention.turn_index), SDO.mentions, entity_iri(key))

    def said(self, node: URIRef, cls: URIRef, speaker: str, start: int, end: int, turn_index: int | None) -> None:
        """What claims, questions and excerpts share: who said which words, where."""
        text = self.document.text[start:end]
        self.add(node, RDF.type, cls)
        self.add(node, SDO.author, self.speaker(speaker))
        self.add(node, SDO.text, Literal(text, lang=LANG))
        self.span(node, start, end, text)
        if turn_index:
            self.add(node, TG.quotes if cls == TG.Excerpt else PROV.wasDerivedFrom, self.turn(turn_index))

    def claims(self) -> None:
        for n, claim in enumerate(self.extraction.claims, 1):
            node = self.part("claim", n)
            self.said(node, TG.Claim, claim.speaker, claim.start, claim.end, claim.turn_index)
            self.add(node, TG.claimType, CLAIM_TYPES[claim.kind])
            if claim.cue:
                self.add(node, TG.cue, Literal(claim.cue, lang=LANG))
            for amount in claim.amounts:
                self.add(node, TG.quantity, Literal(_decimal(amount), datatype=XSD.decimal))
            for mention in claim.about:
                if self.doc.key(mention):
                    self.add(node, SDO.about, entity_iri(self.doc.key(mention)))
            for name in claim.agrees_with:
                person = _person_key(self.doc, name)
                if person:
                    self.add(node, TG.agreesWithSpeaker, entity_iri(person))

    def questions(self) -> None:
        for n, question in enumerate(self.extraction.questions, 1):
            node = self.part("question", n)
            self.said(node, TG.Question, question.speaker, question.start, question.end, question.turn_index)
            for index in question.answered_by:
                self.add(node, TG.answeredBy, self.turn(index))

    def excerpts(self) -> None:
        for n, excerpt in enumerate(self.transcript_.excerpts, 1):
            self.said(self.part("excerpt", n), TG.Excerpt, excerpt.speaker, excerpt.start, excerpt.end,
                      excerpt.turn_index)

    def roles(self) -> None:
        for role in self.extraction.roles:
            person = _end_key(self.doc, role.person)
            if person is None or not role.title:
                continue
            org = self.doc.key(role.organization)
            person_node = entity_iri(person)
            role_node = entity_iri(f"role/{person.split('/', 1)[1]}/{role.title}/{org.split('/', 1)[1] if org else ''}")
            self.add(person_node, SDO.jobTitle, Literal(role.title, lang=LANG))
            self.add(person_node, TG.holdsRole, role_node)
            self.add(role_node, RDF.type, SDO.EmployeeRole)
            self.add(role_node, SDO.roleName, Literal(role.title, lang=LANG))
            if org:
                self.add(role_node, TG.atOrganization, entity_iri(org))

    def quantities(self) -> None:
        for quantity in self.extraction.quantities:
            subject = self.doc.key(quantity.subject)
            if subject and quantity.attribute == "parameterCount":
                self.add(entity_iri(subject), TG.parameterCount, Literal(_decimal(quantity.value), datatype=XSD.decimal))

    def span(self, node: URIRef, start: int, end: int, text: str) -> None:
        _add_span(self.graph, node, self.context, start, end, text)


def _person_key(doc: ResolvedDocument, name: str) -> str | None:
    return doc.speaker_of.get(name) or next(
        (k for m, k in doc.entity_of.items() if m.kind is Kind.PERSON and m.text == name), None)


def _decimal(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


@lru_cache(maxsize=65536)
def _offset(value: int) -> Literal:
    """Offsets repeat across mentions, claims and statements: one Literal each (rdflib's are costly)."""
    return Literal(value, datatype=XSD.nonNegativeInteger)


def _add_span(graph: Graph, node: URIRef, context: URIRef, start: int, end: int, text: str) -> None:
    graph.add((node, NIF.beginIndex, _offset(start)))
    graph.add((node, NIF.endIndex, _offset(end)))
    graph.add((node, NIF.anchorOf, Literal(text)))
    graph.add((node, NIF.referenceContext, context))


def _add_fact(graph: Graph, fact: Fact, n: int) -> None:
    subject, obj = entity_iri(fact.subject), entity_iri(fact.object)
    predicate = RELATIONS[fact.predicate]
    graph.add((subject, predicate, obj))
    doc_id = fact.doc.extraction.transcript.document.doc_id
    node = document_part_iri(doc_id, "statement", n)
    context = document_part_iri(doc_id, "text", "context")
    graph.add((node, RDF.type, TG.RelationStatement))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, RDF.object, obj))
    text = fact.doc.extraction.transcript.document.text[fact.start:fact.end]
    _add_span(graph, node, context, fact.start, fact.end, text)
    if fact.turn_index:
        graph.add((node, TG.inTurn, document_part_iri(doc_id, "turn", fact.turn_index)))
    if fact.since:
        graph.add((node, TG.since, Literal(fact.since, datatype=XSD.gYear)))


def build_networkx(corpus: ResolvedCorpus) -> nx.MultiDiGraph:
    """Entities as nodes (label, kind, aliases, mentions); relations and claims' speakers as edges."""
    g = nx.MultiDiGraph()
    for key, entity in corpus.entities.items():
        g.add_node(key, label=entity.label, kind=entity.kind.value, aliases=list(entity.aliases),
                   mentions=entity.mention_count)
    for fact in resolved_facts(corpus):
        text = fact.doc.extraction.transcript.document.text[fact.start:fact.end]
        g.add_edge(fact.subject, fact.object, key=fact.predicate, relation=fact.predicate, evidence=text,
                   turn=fact.turn_index, since=fact.since)
    for doc in corpus.documents:
        doc_id = doc.extraction.transcript.document.doc_id
        for n, claim in enumerate(doc.extraction.claims, 1):
            claim_key = f"claim/{doc_id}/{n}"
            g.add_node(claim_key, label=claim.text, kind="Claim", turn=claim.turn_index, claim_type=claim.kind)
            g.add_edge(doc.speaker_of[claim.speaker], claim_key, key="said", relation="said")
    return g

