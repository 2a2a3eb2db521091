"""One NetworkX view: ``BuiltGraph.networkx`` is what GraphML writes, node for node and edge for edge."""
from __future__ import annotations

import networkx as nx

from talkgraph.graph import export_graph
from talkgraph.ontology.namespace import TGR


def test_the_api_view_and_graphml_are_one_view(built_sample, tmp_path):
    view = built_sample.networkx
    export_graph(built_sample, tmp_path, ["graphml"])
    written = nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True)
    assert list(view.nodes) == list(written.nodes)
    assert sorted((s, t, k) for s, t, k in view.edges(keys=True)) == sorted(
        (s, t, d["type"]) for s, t, d in written.edges(data=True))
    tian = str(TGR["person/田奇"])
    assert view.nodes[tian]["type"] == "Person" and "田老师" in view.nodes[tian]["aliases"]
    assert written.nodes[tian]["aliases"] == "|".join(view.nodes[tian]["aliases"])
