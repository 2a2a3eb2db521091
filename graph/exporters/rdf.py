"""RDF exporters: Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML.

Every format but Turtle goes through ``_ordered``: a copy of the graph whose triples were added in
sorted order, with talkgraph's prefixes bound.  rdflib's memory store iterates in insertion order,
so the same graph always gives the same bytes, whatever order the build added its triples in.
The line-based formats (N-Triples, N-Quads) are sorted line by line on top of that.  The build
mints no blank nodes, which is what makes byte-for-byte determinism possible at all.

The quad formats (TriG, N-Quads) put each triple in a named graph by the rule of
``talkgraph.graph.datasets``: one graph per transcript, one shared graph for the entities.
Turtle and N-Triples are written by pyoxigraph (``graph/oxigraph_writer.py``), several times
faster than rdflib's writers on large graphs.
"""
from __future__ import annotations

import json
from pathlib import Path

from rdflib import Graph

from talkgraph.ontology.namespace import PREFIXES

from ..datasets import to_dataset
from ..oxigraph_writer import serialize
from . import atomic_write, exporter


@exporter("turtle", "graph.ttl", "RDF Turtle (the default): the whole graph, readable")
def write_turtle(graph: Graph, path: Path) -> None:
    with atomic_write(path, "wb") as handle:
        handle.write(serialize(graph, "turtle"))


@exporter("nt", "graph.nt", "N-Triples: one triple a line, sorted; for bulk loaders and diffs")
def write_ntriples(graph: Graph, path: Path) -> None:
    _write_text(path, _sorted_lines(serialize(graph, "nt").decode("utf-8")))


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

