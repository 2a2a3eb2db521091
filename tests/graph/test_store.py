"""The persistent store: one named graph per transcript, rebuilds replace, repeats change nothing."""
from __future__ import annotations

import shutil

import pyoxigraph as ox

from talkgraph.graph import build_graph
from talkgraph.graph.store import query_store, save_to_store
from tests.conftest import run_cli

PEOPLE = ("SELECT ?n WHERE { ?p a <https://schema.org/Person> ; "
          "<http://www.w3.org/2000/01/rdf-schema#label> ?n } ORDER BY ?n")
PANEL_B = ("王小明：今天请到星河科技创始人赵一凡。\n\n赵一凡：谢谢。我认为开源模型一定会赢。\n\n"
           "王小明：好的。\n\n赵一凡：再见。\n")


def graph_contents(path) -> dict[str, list[str]]:
    store = ox.Store(str(path))
    return {g.value: sorted(str(q) for q in store.quads_for_pattern(None, None, None, g)) for g in store.named_graphs()}


def test_saving_twice_changes_nothing(tmp_path, sample_path):
    built = build_graph([sample_path])
    first = save_to_store(built.rdf_parts(), tmp_path / "db")
    second = save_to_store(built.rdf_parts(), tmp_path / "db")
    assert first.quads == second.quads == len(built.rdf)
    assert [row[0] for row in query_store(tmp_path / "db", PEOPLE)] == ["张家兴", "林伟", "田奇", "袁进辉"]


def test_a_changed_transcript_replaces_its_graph_only(tmp_path, sample_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(sample_path, corpus / "panel.txt")
    (corpus / "b.txt").write_text(PANEL_B, encoding="utf-8")
    save_to_store(build_graph([corpus]).rdf_parts(), tmp_path / "db")
    before = graph_contents(tmp_path / "db")
    (corpus / "b.txt").write_text(PANEL_B.replace("再见。", "再见，谢谢大家，下次再聊。"), encoding="utf-8")
    save_to_store(build_graph([corpus]).rdf_parts(), tmp_path / "db")
    after = graph_contents(tmp_path / "db")
    panel = next(g for g in before if g.endswith("/doc/panel"))
    changed = next(g for g in before if g.endswith("/doc/b"))
    assert after[panel] == before[panel]
    assert after[changed] != before[changed]
    assert set(after) == set(before)


def test_build_with_store_option(tmp_path, sample_path):
    result = run_cli("build", str(sample_path), "-o", str(tmp_path / "out"), "--store", str(tmp_path / "db"))
    assert result.returncode == 0, result.stderr
    assert "stored 1 transcript graph" in result.stderr
    assert not (tmp_path / "out" / "graph.ttl").exists()
    assert len(query_store(tmp_path / "db", PEOPLE)) == 4
