"""The view's page for built graph files (``talkgraph view`` and ``talkgraph serve``)."""
from __future__ import annotations

from pathlib import Path

from .graph_files import load_graphs


def page_for(paths: list[str | Path], top_n: int | None = None) -> bytes:
    from talkgraph.graph.exporters.html import render_html
    from talkgraph.graph.oxigraph_writer import oxigraph_triples

    return render_html(oxigraph_triples(load_graphs(paths)), top_n=top_n).encode("utf-8")
