"""RDF exporters; rdflib does the serialising.

Every format but Turtle goes through ``_ordered``: a copy of the graph whose triples were added in
sorted order, with talkgraph's prefixes bound.  rdflib's memory store iterates in insertion order,
so the same graph always gives the same bytes, whatever order the build added its triples in.
The line-based formats (N-Triples, N-Quads) are sorted line by line on top of that.  The build
mints no blank nodes, which is what makes byte-for-byte determinism possible at all.

The quad formats (TriG, N-Quads) put each triple in a named graph chosen by ``named_graph_of``:
one graph per transcript, and one shared graph for the entities the transcripts have in common.
"""
from __future__ import annotations

import json
from pathlib import Path

from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.term import Node

from talkgraph.ontology.namespace import PREFIXES, TG, TGR

from . import atomic_write, exporter

ENTITIES_GRAPH = TGR["entities"]


@exporter("turtle", "graph.ttl", "RDF Turtle (the default): the whole graph, readable")
def write_turtle(graph: Graph, path: Path) -> None:
    data = graph.serialize(format="turtle")
    with atomic_write(path) as handle:
        handle.write(data)


@exporter("nt", "graph.nt", "N-Triples: one triple a line, sorted; for bulk loaders and diffs")
def write_ntriples(graph: Graph, path: Path) -> None:
    _write_text(path, _sorted_lines(_ordered(graph).serialize(format="nt")))


@exporter("nquads", "graph.nq", "N-Quads: one named graph per transcript plus one for shared entities")
def write_nquads(graph: Graph, path: Path) -> None:
    _write_text(path, _sorted_lines(to_dataset(graph).serialize(format="nquads")))


@exporter("trig", "graph.trig", "TriG: Turtle with one named graph per transcript plus one for entities")
def write_trig(graph: Graph, path: Path) -> None:
    _write_text(path, to_dataset(graph).serialize(format="trig"))


@exporter("jsonld", "graph.jsonld", "JSON-LD with a compact @context of talkgraph's prefixes")
def write_jsonld(graph: Graph, path: Path) -> None:
    data = json.loads(_ordered(graph).serialize(format="json-ld", context=jsonld_context(), auto_compact=True))
    # rdflib keeps the order of its own dicts and sets: sort the nodes and the keys ourselves
    if isinstance(data.get("@graph"), list):
        data["@graph"].sort(key=lambda node: node.get("@id", ""))
    _write_text(path, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


@exporter("xml", "graph.rdf", "RDF/XML, for tools that read nothing else (Protégé, older triple stores)")
def write_rdfxml(graph: Graph, path: Path) -> None:
    _write_text(path, _ordered(graph).serialize(format="xml"))


def jsonld_context() -> dict[str, str]:
    """The ``@context`` of the JSON-LD export: each prefix of ``PREFIXES`` to its namespace."""
    return {prefix: str(namespace) for prefix, namespace in sorted(PREFIXES.items())}


def transcripts_of(graph: Graph) -> frozenset[URIRef]:
    return frozenset(s for s in graph.subjects(RDF.type, TG.Transcript) if isinstance(s, URIRef))


def named_graph_of(subject: Node, transcripts: frozenset[URIRef]) -> URIRef:
    """The named graph a triple about ``subject`` belongs in: its transcript's, or the entities'.

    A transcript owns itself and every node whose IRI continues it after a ``/`` (its turns,
    claims, mentions, statements, text context).  Everything else — people, organisations, models,
    roles — may be shared by several transcripts and goes to ``ENTITIES_GRAPH``.  Checking each
    ``/`` boundary of the subject keeps this linear in the number of triples, however many
    transcripts there are.
    """
    if not isinstance(subject, URIRef):
        return ENTITIES_GRAPH
    iri = str(subject)
    if subject in transcripts:
        return subject
    position = iri.find("/", len(str(TGR)))
    while position != -1:
        prefix = URIRef(iri[:position])
        if prefix in transcripts:
            return prefix
        position = iri.find("/", position + 1)
    return ENTITIES_GRAPH


def to_dataset(graph: Graph) -> Dataset:
    """The graph split into named graphs by ``named_graph_of``; the one rule TriG and N-Quads share."""
    transcripts = transcripts_of(graph)
    dataset = _OrderedDataset()
    _bind_prefixes(dataset)
    for s, p, o in sorted(graph):
        dataset.add((s, p, o, named_graph_of(s, transcripts)))
    return dataset


class _OrderedDataset(Dataset):
    """A ``Dataset`` that lists its named graphs sorted: rdflib's memory store keeps them in a set."""

    def contexts(self, triple=None):
        return iter(sorted(super().contexts(triple), key=lambda context: context.identifier))


def _ordered(graph: Graph) -> Graph:
    """A copy with the triples added in sorted order and talkgraph's prefixes bound.

    The copy lives in rdflib's ``SimpleMemory`` store, which keeps insertion order; the default
    ``Memory`` store iterates over sets, whose order changes from one run to the next.
    """
    copy = Graph(store="SimpleMemory")
    _bind_prefixes(copy)
    for triple in sorted(graph):
        copy.add(triple)
    return copy


def _bind_prefixes(graph: Graph) -> None:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)


def _sorted_lines(text: str) -> str:
    lines = sorted(line for line in text.splitlines() if line.strip())
    return "\n".join(lines) + "\n" if lines else ""


def _write_text(path: Path, text: str) -> None:
    with atomic_write(path) as handle:
        handle.write(text)

