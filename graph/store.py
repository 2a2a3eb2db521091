"""A persistent graph store on disk (pyoxigraph), one named graph per transcript.

Saving replaces each transcript's named graph whole, so building again after a transcript changed
replaces that transcript's triples and nothing else, and saving the same build twice changes
nothing.  The shared ``entities`` graph is updated subject by subject: every entity this build
describes is replaced by its new description (so a mention count never appears twice), and
entities only earlier builds described stay as they were.

pyoxigraph rather than rdflib for this: on 910k triples it writes about 40× faster and answers a
GROUP BY about 20× faster than rdflib's memory store.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from talkgraph.extract.errors import OutputError

from .datasets import ENTITIES_GRAPH, split_by_transcript
from .oxigraph_writer import oxigraph_triples, sorted_triples


@dataclass(frozen=True, slots=True)
class StoreReport:
    path: Path
    graphs_replaced: int
    quads: int  # in the whole store after saving


def open_store(path: str | Path) -> ox.Store:
    try:
        Path(path).mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as exc:
        raise OutputError(f"{path}: cannot open a graph store here ({exc})") from None


def save_to_store(parts: Iterable[Graph], path: str | Path) -> StoreReport:
    """Write graph pieces (``build.rdf_parts``, or one whole graph) into the store at ``path``."""
    store = open_store(path)
    replaced = 0
    entities = Graph(store="SimpleMemory")  # small beside the transcripts; written last, whole
    for part in parts:
        for name, graph in split_by_transcript(part).items():
            if name == ENTITIES_GRAPH:
                entities += graph
                continue
            store.remove_graph(ox.NamedNode(str(name)))
            _write(store, ox.NamedNode(str(name)), graph)
            replaced += 1
    target = ox.NamedNode(str(ENTITIES_GRAPH))
    _replace_subjects(store, target, entities)
    _write(store, target, entities)
    store.flush()
    return StoreReport(Path(path), replaced, len(store))


def _write(store: ox.Store, target: ox.NamedNode, graph: Graph) -> None:
    store.extend(ox.Quad(t.subject, t.predicate, t.object, target) for t in oxigraph_triples(sorted_triples(graph)))


def _replace_subjects(store: ox.Store, target: ox.NamedNode, graph: Graph) -> None:
    for subject in sorted({str(s) for s in graph.subjects()}):
        node = ox.NamedNode(subject)
        for quad in list(store.quads_for_pattern(node, None, None, target)):
            store.remove(quad)


def query_store(path: str | Path, sparql: str) -> list[tuple]:
    """Rows of a SELECT over the union of the store's graphs, as strings (None where unbound)."""
    results = open_store(path).query(sparql, use_default_graph_as_union=True)
    variables = results.variables
    return [tuple(None if row[v] is None else row[v].value for v in variables) for row in results]
