"""GraphML export for Gephi, yEd, Cytoscape and Neo4j APOC (``apoc.import.graphml``).

GraphML has no lists, so aliases and job titles are joined with ``|``, a character Chinese names
do not contain.  Nodes and edges come from ``property_graph`` already sorted, and networkx writes
them in insertion order, so the same graph always gives the same file.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph

from . import BuiltRdf, atomic_write, exporter
from .property_graph import PGEdge, PGNode, property_graph

if TYPE_CHECKING:  # imported where used: every build loads the exporter registry, few write GraphML
    import networkx as nx

LIST_SEPARATOR = "|"


@exporter("graphml", "graph.graphml", "GraphML for Gephi, yEd and APOC: entities, relations with evidence, claims")
def write_graphml(built: BuiltRdf, path: Path) -> None:
    import networkx as nx

    buffer = io.BytesIO()
    nx.write_graphml(to_networkx(built.rdf), buffer, encoding="utf-8", prettyprint=True)
    with atomic_write(path, "wb") as handle:
        handle.write(buffer.getvalue())


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Entities, roles and claims as nodes; relations, ``said``, ``about`` and role links as edges."""
    import networkx as nx

    g = nx.MultiDiGraph()
    pg = property_graph(graph)
    for node in pg.nodes:
        g.add_node(node.id, **_node_attributes(node))
    for edge in pg.edges:
        g.add_edge(edge.source, edge.target, key=edge.type, **_edge_attributes(edge))
    return g


def _node_attributes(node: PGNode) -> dict[str, str | int | float]:
    return {"type": node.label} | _flat(node.properties)


def _edge_attributes(edge: PGEdge) -> dict[str, str | int | float]:
    return {"type": edge.type} | _flat(edge.properties)


def _flat(properties: dict) -> dict[str, str | int | float]:
    """GraphML takes scalars only: lists joined, missing values left out."""
    flat = {}
    for name, value in properties.items():
        if isinstance(value, tuple):
            value = LIST_SEPARATOR.join(value)
        if value is not None:
            flat[name] = value
    return flat
