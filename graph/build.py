"""The build stage: one resolved corpus in, an rdflib ``Graph`` and a NetworkX ``MultiDiGraph`` out.

Both graphs come from the same ``ResolvedCorpus`` and the same list of ``Fact``s, so they cannot
disagree.  The RDF keeps the contract of schema.org + PROV-O + NIF that ``shared/eval`` reads.
"""
from __future__ import annotations

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
    # rdflib's SimpleMemory store: no per-context bookkeeping, about 1.7x faster to fill
    graph = Graph(store="SimpleMemory")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    _add_entities(graph, corpus)
    for doc in corpus.documents:
        _add_document(graph, doc)
    for n, fact in enumerate(resolved_facts(corpus), 1):
        _add_fact(graph, fact, n)
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


def _add_document(graph: Graph, doc: ResolvedDocument) -> None:
    extraction = doc.extraction
    transcript = extraction.transcript
    document = transcript.document
    doc_node = document_iri(document.doc_id)
    context = document_part_iri(document.doc_id, "text", "context")
    graph.add((doc_node, RDF.type, TG.Transcript))
    graph.add((doc_node, TG.textContext, context))
    graph.add((context, RDF.type, NIF.Context))
    graph.add((context, NIF.isString, Literal(document.text)))
    graph.add((context, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
    graph.add((context, NIF.endIndex, Literal(len(document.text), datatype=XSD.nonNegativeInteger)))
    if transcript.title:
        graph.add((doc_node, SDO.name, Literal(transcript.title, lang=LANG)))
    if transcript.date:
        graph.add((doc_node, SDO.dateCreated, Literal(transcript.date, datatype=XSD.date)))
    if document.source:
        graph.add((doc_node, TG.sourceFile, Literal(document.source.rsplit("/", 1)[-1])))
    if transcript.moderator:
        graph.add((doc_node, TG.moderator, entity_iri(doc.speaker_of[transcript.moderator])))
    for name in transcript.speakers:
        graph.add((doc_node, SDO.contributor, entity_iri(doc.speaker_of[name])))

    def turn_node(index: int) -> URIRef:
        return document_part_iri(document.doc_id, "turn", index)

    for turn in transcript.turns:
        node = turn_node(turn.index)
        graph.add((node, RDF.type, TG.Turn))
        graph.add((node, SDO.position, Literal(turn.index)))
        graph.add((node, SDO.isPartOf, doc_node))
        graph.add((node, SDO.text, Literal(turn.text(document), lang=LANG)))
        for name in turn.speakers:
            graph.add((node, SDO.sender, entity_iri(doc.speaker_of[name])))
    for mention in extraction.mentions:
        key = doc.key(mention)
        if key is None:
            continue
        node = document_part_iri(document.doc_id, "mention", f"{mention.start}-{mention.end}")
        graph.add((node, RDF.type, TG.Mention))
        _add_span(graph, node, context, mention.start, mention.end, mention.text)
        graph.add((node, ITSRDF.taIdentRef, entity_iri(key)))
        graph.add((node, TG.extractor, Literal(mention.source)))
        if mention.turn_index:
            graph.add((node, TG.inTurn, turn_node(mention.turn_index)))
            graph.add((turn_node(mention.turn_index), SDO.mentions, entity_iri(key)))
    for n, claim in enumerate(extraction.claims, 1):
        node = document_part_iri(document.doc_id, "claim", n)
        graph.add((node, RDF.type, TG.Claim))
        graph.add((node, SDO.author, entity_iri(doc.speaker_of[claim.speaker])))
        graph.add((node, SDO.text, Literal(claim.text, lang=LANG)))
        graph.add((node, PROV.wasDerivedFrom, turn_node(claim.turn_index)))
        graph.add((node, TG.claimType, CLAIM_TYPES[claim.kind]))
        if claim.cue:
            graph.add((node, TG.cue, Literal(claim.cue, lang=LANG)))
        for amount in claim.amounts:
            graph.add((node, TG.quantity, Literal(_decimal(amount), datatype=XSD.decimal)))
        _add_span(graph, node, context, claim.start, claim.end, claim.text)
        for mention in claim.about:
            if doc.key(mention):
                graph.add((node, SDO.about, entity_iri(doc.key(mention))))
        for name in claim.agrees_with:
            person = _person_key(doc, name)
            if person:
                graph.add((node, TG.agreesWithSpeaker, entity_iri(person)))
    for n, question in enumerate(extraction.questions, 1):
        node = document_part_iri(document.doc_id, "question", n)
        graph.add((node, RDF.type, TG.Question))
        graph.add((node, SDO.author, entity_iri(doc.speaker_of[question.speaker])))
        graph.add((node, SDO.text, Literal(question.text, lang=LANG)))
        graph.add((node, PROV.wasDerivedFrom, turn_node(question.turn_index)))
        for index in question.answered_by:
            graph.add((node, TG.answeredBy, turn_node(index)))
    for n, excerpt in enumerate(transcript.excerpts, 1):
        node = document_part_iri(document.doc_id, "excerpt", n)
        text = document.text[excerpt.start:excerpt.end]
        graph.add((node, RDF.type, TG.Excerpt))
        graph.add((node, SDO.text, Literal(text, lang=LANG)))
        graph.add((node, SDO.author, entity_iri(doc.speaker_of[excerpt.speaker])))
        _add_span(graph, node, context, excerpt.start, excerpt.end, text)
        if excerpt.turn_index:
            graph.add((node, TG.quotes, turn_node(excerpt.turn_index)))
    for role in extraction.roles:
        person = _end_key(doc, role.person)
        if person is None or not role.title:
            continue
        graph.add((entity_iri(person), SDO.jobTitle, Literal(role.title, lang=LANG)))
        org = doc.key(role.organization)
        role_node = entity_iri(f"role/{person.split('/', 1)[1]}/{role.title}/{org.split('/', 1)[1] if org else ''}")
        graph.add((entity_iri(person), TG.holdsRole, role_node))
        graph.add((role_node, RDF.type, SDO.EmployeeRole))
        graph.add((role_node, SDO.roleName, Literal(role.title, lang=LANG)))
        if org:
            graph.add((role_node, TG.atOrganization, entity_iri(org)))
    for quantity in extraction.quantities:
        subject = doc.key(quantity.subject)
        if subject and quantity.attribute == "parameterCount":
            graph.add((entity_iri(subject), TG.parameterCount, Literal(_decimal(quantity.value), datatype=XSD.decimal)))


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

