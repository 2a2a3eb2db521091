"""The view's page for what ``build`` made (``talkgraph view`` and ``talkgraph serve``): graph files,
output folders and ``--store`` folders, read by pyoxigraph straight into the view, no rdflib graph."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .graph_files import read_triples


def page_for(inputs: str | Path | Iterable[str | Path], top_n: int | None = None) -> bytes:
    from talkgraph.graph.exporters.html import render_html

    return render_html(read_triples(inputs), top_n=top_n).encode("utf-8")
