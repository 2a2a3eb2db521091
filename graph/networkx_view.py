"""The graph as a NetworkX ``MultiDiGraph``: the one NetworkX view, ``BuiltGraph.networkx`` and GraphML alike.

It is the property-graph view (``exporters/property_graph.py``) that the Neo4j export shares, so a
node has the same key (its IRI), label and properties in NetworkX, GraphML and Neo4j: entities,
roles and claims as nodes; relations, ``said``, ``about`` and role links as edges keyed by their type.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .exporters.property_graph import property_graph

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Graph


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Nodes in ``property_graph``'s order with ``type`` (the node's label) and its properties;
    missing values are left out, lists stay tuples."""
    import networkx as nx

    g = nx.MultiDiGraph()
    pg = property_graph(graph)
    for node in pg.nodes:
        g.add_node(node.id, type=node.label, **_present(node.properties))
    for edge in pg.edges:
        g.add_edge(edge.source, edge.target, key=edge.type, type=edge.type, **_present(edge.properties))
    return g


def _present(properties: dict) -> dict:
    return {name: value for name, value in properties.items() if value is not None}
