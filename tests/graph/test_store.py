"""The persistent store: one named graph per transcript, rebuilds replace, repeats change nothing."""
from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from collections import Counter

import pyoxigraph as ox
import pytest

from talkgraph.extract.errors import InputError
from talkgraph.graph import build_graph
from talkgraph.graph.datasets import ENTITIES_GRAPH
from talkgraph.graph.query import canned_queries, run_query
from talkgraph.graph.store import save_to_store
from talkgraph.ontology.namespace import RDFS, SDO, TG
from tests.helpers import run_cli

PANEL_SPEAKERS = ["张家兴", "林伟", "田奇", "袁进辉"]
PEOPLE = f"SELECT ?n WHERE {{ ?p a <{SDO.Person}> ; <{RDFS.label}> ?n }} ORDER BY ?n"
MENTION_COUNTS = (f"SELECT ?count WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?p <{RDFS.label}> \"赵一凡\"@zh ; "
                  f"<{TG.mentionCount}> ?count }} }}")
PANEL_B = ("王小明：今天请到星河科技创始人赵一凡。\n\n赵一凡：谢谢。我认为开源模型一定会赢。\n\n"
           "王小明：赵一凡说得好。\n\n赵一凡：再见。\n")


def graph_contents(path) -> dict[str, list[str]]:
    """Every named graph of the store and its quads, as sorted strings."""
    store = ox.Store.read_only(str(path))
    return {g.value: sorted(str(q) for q in store.quads_for_pattern(None, None, None, g)) for g in store.named_graphs()}


def speakers(path) -> list[str]:
    rows = run_query([path], canned_queries()["speakers"].text).rows
    return sorted({row[0] for row in rows})


@pytest.fixture
def corpus(tmp_path, sample_path):
    """Two transcripts: the sample panel and a short one of its own people."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(sample_path, folder / "panel.txt")
    (folder / "b.txt").write_text(PANEL_B, encoding="utf-8")
    return folder


def test_saving_twice_changes_nothing(tmp_path, built_sample):
    first = save_to_store(built_sample.rdf_parts(), tmp_path / "db")
    contents = graph_contents(tmp_path / "db")
    second = save_to_store(built_sample.rdf_parts(), tmp_path / "db")
    assert first.quads == second.quads == len(built_sample.rdf)
    assert (first.graphs_replaced, second.graphs_replaced, second.graphs_unchanged) == (1, 0, 1)
    assert graph_contents(tmp_path / "db") == contents
    assert speakers(tmp_path / "db") == PANEL_SPEAKERS


def test_the_store_holds_every_quad_of_the_build_in_its_named_graph(tmp_path, built_sample):
    save_to_store(built_sample.rdf_parts(), tmp_path / "db")
    built = Counter(q.graph_name.value for q in built_sample.quads)
    assert {name: len(quads) for name, quads in graph_contents(tmp_path / "db").items()} == built
    assert [row[0] for row in run_query([tmp_path / "db"], PEOPLE).rows] == PANEL_SPEAKERS


def test_a_changed_transcript_replaces_its_graph_only(tmp_path, corpus):
    save_to_store(build_graph([corpus], on_disk=True).rdf_parts(), tmp_path / "db")
    before = graph_contents(tmp_path / "db")
    (corpus / "b.txt").write_text(PANEL_B.replace("王小明：赵一凡说得好。\n\n", ""), encoding="utf-8")  # one turn fewer
    report = save_to_store(build_graph([corpus]).rdf_parts(), tmp_path / "db")
    after = graph_contents(tmp_path / "db")
    panel = next(g for g in before if g.endswith("/doc/panel"))
    changed = next(g for g in before if g.endswith("/doc/b"))
    assert (report.graphs_replaced, report.graphs_unchanged) == (1, 1)
    assert after[panel] == before[panel]
    assert after[changed] != before[changed]
    assert set(after) == set(before)
    assert report.quads == sum(map(len, after.values()))


def test_an_entity_keeps_one_description(tmp_path, corpus):
    """A mention count changes with the transcripts; the store holds the new one, not both."""
    save_to_store(build_graph([corpus]).rdf_parts(), tmp_path / "db")
    [(before,)] = run_query([tmp_path / "db"], MENTION_COUNTS).rows
    (corpus / "b.txt").write_text(PANEL_B.replace("赵一凡说得好", "说得好"), encoding="utf-8")
    report = save_to_store(build_graph([corpus]).rdf_parts(), tmp_path / "db")
    [(after,)] = run_query([tmp_path / "db"], MENTION_COUNTS).rows
    assert int(after) == int(before) - 1
    assert report.entity_triples_removed >= 1


def test_querying_where_there_is_no_store(tmp_path):
    with pytest.raises(InputError, match="no such graph file or folder"):
        run_query([tmp_path / "missing"], PEOPLE).rows
    assert not (tmp_path / "missing").exists()


def test_build_with_store_option(tmp_path, sample_path):
    result = run_cli("build", str(sample_path), "-o", str(tmp_path / "out"), "--store", str(tmp_path / "db"))
    assert result.returncode == 0, result.stderr
    assert "1 transcript graph(s) written" in result.stderr
    assert not (tmp_path / "out" / "graph.ttl").exists()
    assert speakers(tmp_path / "db") == PANEL_SPEAKERS


def test_a_second_build_on_a_store_in_use_fails_before_reading_anything(tmp_path, sample_path):
    held = ox.Store(str(tmp_path / "db"))  # another process holds the store
    result = run_cli("build", str(sample_path), "-o", str(tmp_path / "out"), "--store", str(tmp_path / "db"))
    del held
    assert result.returncode == 1
    assert result.stderr == f"error: {tmp_path / 'db'}: the graph store is in use by another process (a build, " \
                            "a query or a server); try again when it is done\n"  # no summary: nothing was read


DIE_AFTER_WRITES = """
import os, signal, sys
from talkgraph.graph import store
from talkgraph.graph.cli import main

WRITES = {"add", "add_graph", "bulk_extend", "bulk_load", "clear", "clear_graph", "extend", "load", "remove",
          "remove_graph", "update"}


class DiesAfterWrites:
    '''The real store, with the process killed (SIGKILL, nothing cleaned up) after its n-th write.'''

    def __init__(self, real, n):
        self.real, self.left = real, n

    def __getattr__(self, name):
        attribute = getattr(self.real, name)
        if name not in WRITES:
            return attribute

        def write(*args, **kwargs):
            result = attribute(*args, **kwargs)
            self.left -= 1
            if self.left == 0:
                os.kill(os.getpid(), signal.SIGKILL)
            return result
        return write

    def __len__(self):
        return len(self.real)


opened = store.open_store
store.open_store = lambda path: DiesAfterWrites(opened(path), int(sys.argv[1]))
sys.exit(main(sys.argv[2:]))
"""


def test_a_build_killed_between_any_two_writes_leaves_every_graph_whole(tmp_path, corpus):
    """Killed after its first, second, ... write to the store, a build leaves each transcript's
    graph as it was or as the build made it: never missing, never half replaced."""
    db = tmp_path / "db"
    assert run_cli("build", str(corpus), "-o", str(tmp_path / "out"), "--store", str(db)).returncode == 0
    before = graph_contents(db)
    (corpus / "b.txt").write_text(PANEL_B.replace("王小明：赵一凡说得好。\n\n", ""), encoding="utf-8")
    panel = corpus / "panel.txt"
    panel.write_text("开场白。\n" + panel.read_text(encoding="utf-8"), encoding="utf-8")  # every offset moves
    fresh = tmp_path / "fresh"
    assert run_cli("build", str(corpus), "-o", str(tmp_path / "out"), "--store", str(fresh)).returncode == 0
    after = graph_contents(fresh)
    transcripts = [name for name in before if "/doc/" in name]
    assert len(transcripts) == 2 and all(before[name] != after[name] for name in transcripts)
    for writes in range(1, 10):
        shutil.copytree(db, tmp_path / f"db{writes}")
        result = subprocess.run([sys.executable, "-c", DIE_AFTER_WRITES, str(writes), "build", str(corpus), "-o",
                                 str(tmp_path / "out"), "--store", str(tmp_path / f"db{writes}")],
                                capture_output=True, text=True, timeout=300)
        killed = graph_contents(tmp_path / f"db{writes}")
        for name in transcripts:
            assert killed.get(name) in (before[name], after[name]), (writes, name)
        assert killed[str(ENTITIES_GRAPH)], writes
        if result.returncode == 0:
            break
        assert result.returncode == -signal.SIGKILL, result.stderr
    else:
        pytest.fail("the build still wrote after 9 writes")
    assert writes > 1  # it was killed at least once
