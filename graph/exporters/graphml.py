"""GraphML export for Gephi, yEd, Cytoscape and Neo4j APOC (``apoc.import.graphml``).

GraphML has no lists, so aliases and job titles are joined with ``|``, a character Chinese names
do not contain.  The nodes and edges are the one NetworkX view (``networkx_view``), already sorted,
and networkx writes them in insertion order, so the same graph always gives the same file.
"""
from __future__ import annotations

import io
from pathlib import Path

from talkgraph.graph.networkx_view import to_networkx

from . import BuiltRdf, atomic_write, exporter

LIST_SEPARATOR = "|"


@exporter("graphml", "graph.graphml", "GraphML for Gephi, yEd and APOC: entities, relations with evidence, claims")
def write_graphml(built: BuiltRdf, path: Path) -> None:
    import networkx as nx

    view = to_networkx(built.rdf)
    for attributes in [a for _, a in view.nodes(data=True)] + [a for *_, a in view.edges(keys=True, data=True)]:
        _flatten(attributes)
    buffer = io.BytesIO()
    nx.write_graphml(view, buffer, encoding="utf-8", prettyprint=True)
    with atomic_write(path, "wb") as handle:
        handle.write(buffer.getvalue())


def _flatten(attributes: dict) -> None:
    """GraphML takes scalars only: lists joined with ``LIST_SEPARATOR``."""
    for name, value in attributes.items():
        if isinstance(value, tuple):
            attributes[name] = LIST_SEPARATOR.join(value)
