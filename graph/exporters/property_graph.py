"""The RDF graph seen as a labelled property graph: the one view the GraphML and Neo4j exports share.

Property-graph tools want nodes with a label and flat properties and edges with a type, not
triples.  ``property_graph`` reads that view off the RDF once, so GraphML and Neo4j cannot disagree
on what a node is or which properties it has:

* entities (people, organisations, models, places, role-label speakers) with their label, aliases,
  mention count, job titles and parameter count;
* their relations (the ``RELATIONS`` properties), each with the sentence it was read from
  (``tg:RelationStatement``'s ``nif:anchorOf``) and the year the text gives;
* roles (``tg:holdsRole`` → ``schema:roleName``, ``tg:atOrganization``);
* claims, linked from their author (``said``) and to the entities they are about (``about``).

This module registers no exporter.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import PROV
from rdflib.term import Node

from talkgraph.ontology.namespace import CLAIM_TYPES, ENTITY_CLASSES, NIF, RELATIONS, SDO, TG

# a node label → its properties and their types, in neo4j-admin's vocabulary ("string[]", "int"…)
_ENTITY_PROPERTIES = (("label", "string"), ("aliases", "string[]"), ("mentionCount", "int"))
SCHEMA: dict[str, tuple[tuple[str, str], ...]] = {
    "Person": _ENTITY_PROPERTIES + (("jobTitles", "string[]"),),
    "Organization": _ENTITY_PROPERTIES,
    "Model": _ENTITY_PROPERTIES + (("parameterCount", "double"),),
    "Place": _ENTITY_PROPERTIES,
    "Speaker": _ENTITY_PROPERTIES,
    "Role": (("label", "string"), ("roleName", "string")),
    "Claim": (("label", "string"), ("text", "string"), ("claimType", "string"), ("document", "string")),
}
EDGE_PROPERTIES: tuple[tuple[str, str], ...] = (("evidence", "string"), ("since", "string"))

_KIND_OF_CLASS = {cls: kind.value for kind, cls in ENTITY_CLASSES.items()} | {TG.Speaker: "Speaker"}
_CLAIM_TYPE_NAME = {cls: claim_type.value for claim_type, cls in CLAIM_TYPES.items()}
_RELATION_NAME = {prop: predicate.value for predicate, prop in RELATIONS.items()}

Value = str | int | float | tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class PGNode:
    id: str  # the node's IRI
    label: str  # a key of SCHEMA
    properties: dict[str, Value] = field(hash=False)


@dataclass(frozen=True, slots=True)
class PGEdge:
    source: str
    target: str
    type: str  # a key of RELATIONS, or "said", "about", "holdsRole", "atOrganization"
    properties: dict[str, Value] = field(hash=False)


@dataclass(frozen=True, slots=True)
class PropertyGraph:
    nodes: list[PGNode]  # sorted by label, then id
    edges: list[PGEdge]  # sorted by type, source, target


def property_graph(graph: Graph) -> PropertyGraph:
    nodes = _entity_nodes(graph) + _role_nodes(graph) + _claim_nodes(graph)
    known = {node.id for node in nodes}
    edges = [e for e in _relation_edges(graph) + _role_edges(graph) + _claim_edges(graph)
             if e.source in known and e.target in known]
    return PropertyGraph(sorted(nodes, key=lambda n: (n.label, n.id)),
                         sorted(edges, key=lambda e: (e.type, e.source, e.target)))


def _entity_nodes(graph: Graph) -> list[PGNode]:
    nodes = []
    for cls, kind in _KIND_OF_CLASS.items():
        for entity in graph.subjects(RDF.type, cls):
            properties: dict[str, Value] = {
                "label": _text(graph.value(entity, RDFS.label)) or _local_name(entity),
                "aliases": _texts(graph.objects(entity, SKOS.altLabel)),
                "mentionCount": _number(graph.value(entity, TG.mentionCount), int),
            }
            if kind == "Person":
                properties["jobTitles"] = _texts(graph.objects(entity, SDO.jobTitle))
            if kind == "Model":
                properties["parameterCount"] = _number(graph.value(entity, TG.parameterCount), float)
            nodes.append(PGNode(str(entity), kind, properties))
    return nodes


def _role_nodes(graph: Graph) -> list[PGNode]:
    nodes = []
    for role in set(graph.objects(None, TG.holdsRole)):
        name = _text(graph.value(role, SDO.roleName))
        nodes.append(PGNode(str(role), "Role", {"label": name, "roleName": name}))
    return nodes


def _claim_nodes(graph: Graph) -> list[PGNode]:
    nodes = []
    for claim in graph.subjects(RDF.type, TG.Claim):
        text = _text(graph.value(claim, SDO.text))
        turn = graph.value(claim, PROV.wasDerivedFrom)
        document = graph.value(turn, SDO.isPartOf) if turn is not None else None
        nodes.append(PGNode(str(claim), "Claim", {
            "label": text, "text": text,
            "claimType": _CLAIM_TYPE_NAME.get(graph.value(claim, TG.claimType), ""),
            "document": str(document) if document is not None else "",
        }))
    return nodes


def _relation_edges(graph: Graph) -> list[PGEdge]:
    evidence = _relation_evidence(graph)
    edges = []
    for prop, name in _RELATION_NAME.items():
        for s, o in graph.subject_objects(prop):
            sentence, since = evidence.get((s, prop, o), ("", ""))
            edges.append(PGEdge(str(s), str(o), name, {"evidence": sentence, "since": since}))
    return edges


def _relation_evidence(graph: Graph) -> dict[tuple[Node, Node, Node], tuple[str, str]]:
    """(subject, predicate, object) → (sentence, year) from the first statement that gives it."""
    evidence: dict[tuple[Node, Node, Node], tuple[str, str]] = {}
    for statement in sorted(graph.subjects(RDF.type, TG.RelationStatement)):
        triple = (graph.value(statement, RDF.subject), graph.value(statement, RDF.predicate),
                  graph.value(statement, RDF.object))
        evidence.setdefault(triple, (_text(graph.value(statement, NIF.anchorOf)),
                                     _text(graph.value(statement, TG.since))))
    return evidence


def _role_edges(graph: Graph) -> list[PGEdge]:
    return ([PGEdge(str(p), str(r), "holdsRole", {}) for p, r in graph.subject_objects(TG.holdsRole)]
            + [PGEdge(str(r), str(o), "atOrganization", {}) for r, o in graph.subject_objects(TG.atOrganization)])


def _claim_edges(graph: Graph) -> list[PGEdge]:
    claims = set(graph.subjects(RDF.type, TG.Claim))
    said = [PGEdge(str(a), str(c), "said", {}) for c, a in graph.subject_objects(SDO.author) if c in claims]
    about = [PGEdge(str(c), str(e), "about", {}) for c, e in graph.subject_objects(SDO.about) if c in claims]
    return said + about


def _text(term: Node | None) -> str:
    return str(term) if term is not None else ""


def _texts(terms) -> tuple[str, ...]:
    return tuple(sorted({str(t) for t in terms}))


def _number(term: Node | None, kind: type[int] | type[float]) -> int | float | None:
    """An RDF number as the one Python type its column has, or None if it is not a number."""
    if not isinstance(term, Literal):
        return None
    value = term.toPython()
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return None
    return kind(value)


def _local_name(iri: URIRef) -> str:
    return str(iri).rstrip("/").rsplit("/", 1)[-1]
