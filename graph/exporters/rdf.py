"""RDF exporters; rdflib does the serialising."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from . import atomic_write, exporter


@exporter("turtle", "graph.ttl", "RDF Turtle (the default): the whole graph, readable")
def write_turtle(graph: Graph, path: Path) -> None:
    data = graph.serialize(format="turtle")
    with atomic_write(path) as handle:
        handle.write(data)
