"""``outputs/`` holds the build of the example made by the README's first command; stale fails."""
from __future__ import annotations

from pathlib import Path

from talkgraph.graph import build_graph, export_graph

ROOT = Path(__file__).resolve().parent.parent


def test_outputs_are_the_current_build_of_the_example(tmp_path, sample_path):
    committed = sorted(p.name for p in (ROOT / "outputs").iterdir() if p.is_file())
    assert "graph.ttl" in committed and "ontology.ttl" in committed
    from talkgraph.graph.commands.build import DEFAULT_FORMATS
    export_graph(build_graph([sample_path]), tmp_path, DEFAULT_FORMATS)
    for name in committed:
        assert (tmp_path / name).read_bytes() == (ROOT / "outputs" / name).read_bytes(), (
            f"outputs/{name} is stale: run 'make sample' and commit it")
