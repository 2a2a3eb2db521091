"""RDF exporters: Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML.

Turtle, N-Triples, N-Quads and TriG are written by pyoxigraph from the build's quads
(``graph/oxigraph_writer.py``), about 40× faster than rdflib's writers: Turtle in the build's order,
which states each subject once (``BuiltGraph.quads``); the line formats sorted line by line; TriG
one named graph after another.  The build's order is fixed, so the same input always gives the same bytes, and the build
mints no blank nodes, which is what makes byte-for-byte determinism possible at all.

JSON-LD and RDF/XML go through rdflib, from ``_ordered``: a copy of the graph whose triples were
added in sorted order, with talkgraph's prefixes bound.

The quad formats put each triple in a named graph by the rule of ``talkgraph.graph.datasets``:
one graph per transcript, one shared graph for the entities.
"""
from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from talkgraph.ontology.namespace import PREFIXES

from ..oxigraph_writer import serialize
from . import BuiltRdf, atomic_write, exporter


@exporter("turtle", "graph.ttl", "RDF Turtle (the default): the whole graph, readable")
def write_turtle(built: BuiltRdf, path: Path) -> None:
    with atomic_write(path, "wb") as handle:
        handle.write(serialize((q.triple for q in built.quads), ox.RdfFormat.TURTLE))


@exporter("nt", "graph.nt", "N-Triples: one triple a line, sorted; for bulk loaders and diffs")
def write_ntriples(built: BuiltRdf, path: Path) -> None:
    _write_text(path, _sorted_lines(serialize((q.triple for q in built.quads), ox.RdfFormat.N_TRIPLES)))


@exporter("nquads", "graph.nq", "N-Quads: one named graph per transcript plus one for shared entities")
def write_nquads(built: BuiltRdf, path: Path) -> None:
    _write_text(path, _sorted_lines(serialize(built.quads, ox.RdfFormat.N_QUADS)))


@exporter("trig", "graph.trig", "TriG: Turtle with one named graph per transcript plus one for entities")
def write_trig(built: BuiltRdf, path: Path) -> None:
    graphs: dict[ox.NamedNode, list[ox.Quad]] = {}
    for quad in built.quads:
        graphs.setdefault(quad.graph_name, []).append(quad)
    with atomic_write(path, "wb") as handle:
        handle.write(serialize((q for graph in graphs.values() for q in graph), ox.RdfFormat.TRIG))


@exporter("jsonld", "graph.jsonld", "JSON-LD with a compact @context of talkgraph's prefixes")
def write_jsonld(built: BuiltRdf, path: Path) -> None:
    data = json.loads(_ordered(built.rdf).serialize(format="json-ld", context=jsonld_context(), auto_compact=True))
    # rdflib keeps the order of its own dicts and sets: sort the nodes and the keys ourselves
    if isinstance(data.get("@graph"), list):
        data["@graph"].sort(key=lambda node: node.get("@id", ""))
    _write_text(path, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


@exporter("xml", "graph.rdf", "RDF/XML, for tools that read nothing else (Protégé, older triple stores)")
def write_rdfxml(built: BuiltRdf, path: Path) -> None:
    _write_text(path, _ordered(built.rdf).serialize(format="xml"))


def jsonld_context() -> dict[str, str]:
    """The ``@context`` of the JSON-LD export: each prefix of ``PREFIXES`` to its namespace."""
    return {prefix: str(namespace) for prefix, namespace in sorted(PREFIXES.items())}


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


def _sorted_lines(data: bytes) -> str:
    lines = sorted(line for line in data.decode("utf-8").splitlines() if line.strip())
    return "\n".join(lines) + "\n" if lines else ""


def _write_text(path: Path, text: str) -> None:
    with atomic_write(path) as handle:
        handle.write(text)

