"""Reading built graph files back (any RDF syntax rdflib knows by extension)."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from talkgraph.extract.errors import InputError


def load_graphs(paths: list[str | Path]) -> Graph:
    """Built graph files merged into one graph; a missing or unreadable file is one clear error."""
    graph = Graph()
    for path in paths:
        if not Path(path).is_file():
            raise InputError(f"{path}: no such graph file")
        try:
            graph.parse(path)
        except Exception as exc:  # noqa: BLE001 - rdflib raises many kinds for a bad file
            raise InputError(f"{path}: not a readable RDF graph ({str(exc).splitlines()[0][:120]})") from None
    return graph
