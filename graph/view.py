"""Loading built graph files for the view and the server."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from talkgraph.extract.errors import InputError


def load_graphs(paths: list[str | Path]) -> Graph:
    """Built graph files (any RDF syntax rdflib reads by extension) merged into one graph."""
    graph = Graph()
    for path in paths:
        if not Path(path).is_file():
            raise InputError(f"{path}: no such graph file")
        try:
            graph.parse(path)
        except Exception as exc:  # noqa: BLE001 - rdflib raises many kinds for a bad file
            raise InputError(f"{path}: not a readable RDF graph ({str(exc).splitlines()[0][:120]})") from None
    return graph


def page_for(paths: list[str | Path], top_n: int | None = None) -> bytes:
    from talkgraph.graph.exporters.html import render_html

    return render_html(load_graphs(paths), top_n=top_n).encode("utf-8")
