"""``talkgraph load`` into real SPARQL stores over the Graph Store Protocol: Oxigraph and Virtuoso.

The canned queries give the same rows from each store as in process, loading twice replaces
rather than duplicates, and a second build merges its entities with the first's (issue 13 item 4);
the URL, the password and a failure part way are handled as item 9 asks.  Each store's test skips
when its server is not installed: ``pip install oxigraph`` and ``apt-get install virtuoso-opensource``.
"""
from __future__ import annotations

import argparse
import http.server
import os
import subprocess
import sys
import threading

import pytest

from talkgraph.extract.errors import InputError, OutputError
from talkgraph.graph import export_graph
from talkgraph.graph.commands import load as load_command
from talkgraph.graph.datasets import ENTITIES_GRAPH
from talkgraph.graph.graph_files import graph_sources, read_triples
from talkgraph.graph.load import Endpoint, LoadFailed, load_to_endpoint, split_triples
from talkgraph.graph.query import canned_queries, run_query
from talkgraph.ontology.namespace import TGR
from tests.helpers import run_cli
from tests.servers import OXIGRAPH, VIRTUOSO, free_port, oxigraph_server, select, virtuoso_server

QUERIES = ("affiliations", "agreements", "models", "former-affiliations", "speakers", "topics")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
ENTITY_COUNT = COUNT.replace("GRAPH ?g", f"GRAPH <{ENTITIES_GRAPH}>")
ONE_GRAPH = TGR["all"]
needs_oxigraph = pytest.mark.skipif(OXIGRAPH is None, reason="the oxigraph server is not installed "
                                                             "(pip install oxigraph)")
needs_virtuoso = pytest.mark.skipif(VIRTUOSO is None, reason="Virtuoso is not installed "
                                                             "(apt-get install -y virtuoso-opensource)")


@pytest.fixture(scope="module")
def built(tmp_path_factory, built_sample):
    out = tmp_path_factory.mktemp("load")
    export_graph(built_sample, out, ["turtle"])
    return out


def in_process(graph_ttl, name: str) -> list[tuple[str, ...]]:
    rows = run_query([graph_ttl], canned_queries()[name].text).rows
    return sorted(tuple("" if v is None else str(v) for v in row) for row in rows)


def test_a_build_splits_into_the_transcript_and_the_entities(built, built_sample):
    parts = split_triples(read_triples(built))
    assert sorted(parts) == sorted([str(ENTITIES_GRAPH), str(TGR["doc/idea-2021-panel"])])
    assert sum(map(len, parts.values())) == len(built_sample.rdf)


def test_an_n_quads_build_loads_as_turtle_does(built, built_sample, tmp_path):
    export_graph(built_sample, tmp_path, ["nquads"])
    assert [s.path for s in graph_sources(tmp_path)] == [tmp_path / "graph.nq"]
    assert set(read_triples([tmp_path / "graph.nq"])) == set(read_triples([built / "graph.ttl"]))


def test_a_directory_without_a_graph_is_one_clear_error(tmp_path):
    with pytest.raises(InputError, match="no built graph here"):
        graph_sources(tmp_path)


@needs_oxigraph
def test_load_into_oxigraph_server(built, tmp_path):
    with oxigraph_server(tmp_path / "db") as base:
        result = run_cli("load", str(built), "--endpoint", f"{base}/store")
        assert result.returncode == 0, result.stderr
        assert "in 2 named graph(s)" in result.stderr
        count = select(f"{base}/query", COUNT)
        load_to_endpoint(built, f"{base}/store")
        assert select(f"{base}/query", COUNT) == count, "loading again must not duplicate"
        for name in QUERIES:
            assert select(f"{base}/query", canned_queries()[name].text) == in_process(built / "graph.ttl", name), name


@needs_oxigraph
def test_load_into_one_named_graph(built, built_sample, tmp_path):
    with oxigraph_server(tmp_path / "db") as base:
        args = argparse.Namespace(inputs=[str(built)], endpoint=f"{base}/store", graph=str(ONE_GRAPH),
                                  user=None, password=None, password_file=None)
        assert load_command.run(args) == 0
        assert load_command.run(args) == 0
        assert select(f"{base}/query", GRAPHS) == [(str(ONE_GRAPH),)]
        assert select(f"{base}/query", COUNT) == [(str(len(built_sample.rdf)),)]


@needs_oxigraph
def test_a_refusing_store_names_the_endpoint_and_status(built, tmp_path):
    with oxigraph_server(tmp_path / "db") as base:
        with pytest.raises(OutputError, match=rf"^{base}/query: the store refused graph .* \(HTTP 4\d\d"):
            load_to_endpoint(built, f"{base}/query")


@needs_virtuoso
def test_load_into_virtuoso(built, tmp_path):
    with virtuoso_server(tmp_path) as base:
        endpoint = Endpoint.parse(f"{base}/sparql-graph-crud-auth", "dba", "dba")
        report = load_to_endpoint([built], endpoint)
        assert report.graphs == 2
        count = select(f"{base}/sparql", ENTITY_COUNT)
        load_to_endpoint([built], endpoint)
        assert select(f"{base}/sparql", ENTITY_COUNT) == count, "loading again must not duplicate"
        for name in QUERIES:
            assert select(f"{base}/sparql", canned_queries()[name].text) == in_process(built / "graph.ttl", name), name
        with pytest.raises(OutputError, match=r"refused .* \(HTTP 401"):
            load_to_endpoint([built], Endpoint.parse(f"{base}/sparql-graph-crud-auth", "dba", "wrong"))


@needs_virtuoso
def test_a_graph_of_several_mb_goes_into_virtuosos_authenticated_store(tmp_path):
    """Uploads go out signed: an unsigned one of a few MB is cut off by the store's 401 ("Broken pipe")."""
    graph = tmp_path / "big.ttl"
    with graph.open("w", encoding="utf-8") as out:
        for i in range(40_000):
            out.write(f'<http://example.org/turn/{i}> <https://schema.org/text> "第{i}句：我们今天谈谈大模型和开源。" .\n')
    assert graph.stat().st_size > 4_000_000
    (tmp_path / "db").mkdir()
    with virtuoso_server(tmp_path / "db") as base:
        endpoint = Endpoint.parse(f"{base}/sparql-graph-crud-auth", "dba", "dba")
        report = load_to_endpoint([graph], endpoint, graph_iri="http://example.org/big")
        assert report.triples == 40_000
        count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/big> { ?s ?p ?o } }"
        assert select(f"{base}/sparql", count) == [("40000",)]


def test_an_unreachable_store_is_one_clear_error(built):
    result = run_cli("load", str(built), "--endpoint", f"http://127.0.0.1:{free_port()}/store")
    assert result.returncode == 1 and result.stderr.startswith("error:") and "cannot reach" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


# ------------------------------------------------------------------ issue 13 items 4 and 9

OTHER_TALK = """百度访谈

主持人：今天我们请到了百度创始人李彦宏，聊聊文心一言。

李彦宏：谢谢。我认为大模型会改变每一个行业，百度会继续投入。

主持人：田奇老师之前也谈过类似的看法。

李彦宏：是的，我同意他的观点。
"""
ABOUT = "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ <{iri}> ?p ?o }} }}"


@pytest.fixture(scope="module")
def other_build(tmp_path_factory):
    """A second build, of a transcript of my own, sharing some entities with the sample."""
    directory = tmp_path_factory.mktemp("other")
    (directory / "other-talk.txt").write_text(OTHER_TALK, encoding="utf-8")
    result = run_cli("build", str(directory / "other-talk.txt"), "-o", str(directory / "out"), "--format", "turtle")
    assert result.returncode == 0, result.stderr
    return directory / "out"


def entity_iris(build_dir, label: str) -> list[str]:
    rows = in_process_rows(build_dir / "graph.ttl", "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                           f'SELECT DISTINCT ?e WHERE {{ ?e rdfs:label ?l FILTER(STR(?l) = "{label}") }}')
    assert rows, f"the build has no entity labelled {label}"
    return [row[0] for row in rows]


def in_process_rows(graph_ttl, query: str) -> list[tuple[str, ...]]:
    return sorted(tuple(str(v) for v in row) for row in run_query([graph_ttl], query).rows)


@needs_oxigraph
def test_a_second_build_merges_the_entities_instead_of_wiping_them(built, other_build, tmp_path):
    li = entity_iris(other_build, "李彦宏")[0]
    shared = entity_iris(built, "田奇")[0]
    with oxigraph_server(tmp_path / "db") as base:
        assert run_cli("load", str(other_build), "--endpoint", f"{base}/store").returncode == 0
        before = int(select(f"{base}/query", ABOUT.format(iri=li))[0][0])
        assert before > 0
        assert run_cli("load", str(built), "--endpoint", f"{base}/store").returncode == 0
        assert int(select(f"{base}/query", ABOUT.format(iri=li))[0][0]) == before, "the other build's entity was wiped"
        both = int(select(f"{base}/query", ABOUT.format(iri=shared))[0][0])
        assert run_cli("load", str(other_build), "--endpoint", f"{base}/store").returncode == 0
        assert run_cli("load", str(built), "--endpoint", f"{base}/store").returncode == 0
        assert int(select(f"{base}/query", ABOUT.format(iri=li))[0][0]) == before, "loading again duplicated"
        assert int(select(f"{base}/query", ABOUT.format(iri=shared))[0][0]) == both
        graphs = {row[0] for row in select(f"{base}/query", GRAPHS)}
        assert graphs == {str(ENTITIES_GRAPH), str(TGR["doc/idea-2021-panel"]), str(TGR["doc/other-talk"])}
        # the shared entity is described once: the union of the graphs repeats no row
        people = "PREFIX schema: <https://schema.org/> SELECT ?p WHERE { ?p a schema:Person }"
        rows = select(f"{base}/query", people)
        assert len(rows) == len(set(rows))


class RecordingStore(http.server.BaseHTTPRequestHandler):
    """A Graph Store stand-in on 127.0.0.1 that takes ``accept`` requests, then fails: a store
    cannot be made to fail part way on demand, this can."""

    accept = 2
    seen: list[tuple[str, str]] = []

    def _handle(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        graph = self.path.split("graph=", 1)[1]
        type(self).seen.append((self.command, graph))
        ok = len(type(self).seen) <= type(self).accept
        self.send_response(204 if ok else 500)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PUT = do_POST = _handle

    def log_message(self, *args):
        pass


def test_entities_go_first_and_a_failure_says_what_went_in(built, other_build):
    RecordingStore.seen = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RecordingStore)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/store"
        with pytest.raises(LoadFailed) as failure:
            load_to_endpoint([built, other_build], url)
    finally:
        server.shutdown()
        server.server_close()
    methods = [method for method, _ in RecordingStore.seen]
    assert methods == ["POST", "PUT", "PUT"] and "entities" in RecordingStore.seen[0][1]
    message = str(failure.value)
    assert "HTTP 500" in message and "went in: entities, doc/idea-2021-panel" in message
    assert "not loaded: 1 graph(s)" in message and "loading again is safe" in message
    assert failure.value.missing == [str(TGR["doc/other-talk"])]


@pytest.mark.parametrize("url, says", [
    ("notaurl", "not an http:// or https:// URL"),
    ("127.0.0.1:7878/store", "did you mean http://127.0.0.1:7878/store"),
    ("ftp://127.0.0.1/store", "not an http:// or https:// URL"),
    ("http://127.0.0.1:99999/store", "bad port"),
])
def test_a_bad_endpoint_is_one_line(built, url, says):
    result = run_cli("load", str(built), "--endpoint", url)
    assert result.returncode == 2 and says in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_password_is_never_printed(built):
    secret = "s3cret-Pa55"
    url = f"http://dba:{secret}@127.0.0.1:{free_port()}/store"
    result = run_cli("load", str(built), "--endpoint", url)
    assert result.returncode == 1 and "cannot reach" in result.stderr and secret not in result.stderr
    result = run_cli("load", str(built), "--endpoint", url.replace("127.0.0.1", "127.0.0.1:bad"))
    assert result.returncode == 2 and secret not in result.stderr and "dba:***@" in result.stderr


@needs_virtuoso
def test_virtuoso_credentials_from_the_url_a_file_or_the_environment(built, other_build, tmp_path):
    with virtuoso_server(tmp_path) as base:
        endpoint = f"{base}/sparql-graph-crud-auth"
        host = base.removeprefix("http://")
        result = run_cli("load", str(built), "--endpoint", f"http://dba:dba@{host}/sparql-graph-crud-auth")
        assert result.returncode == 0, result.stderr
        assert "dba:" not in result.stderr
        li = entity_iris(other_build, "李彦宏")[0]
        password_file = tmp_path / "password"
        password_file.write_text("dba\n", encoding="utf-8")
        result = run_cli("load", str(other_build), "--endpoint", endpoint, "--user", "dba",
                         "--password-file", str(password_file))
        assert result.returncode == 0, result.stderr
        before = select(f"{base}/sparql", ABOUT.format(iri=li))
        env = dict(os.environ, TALKGRAPH_PASSWORD="dba")
        result = subprocess.run([sys.executable, "-m", "talkgraph.graph", "load", str(built), "--endpoint", endpoint,
                                 "--user", "dba"], env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        assert select(f"{base}/sparql", ABOUT.format(iri=li)) == before, "the entities were wiped"
        wrong = run_cli("load", str(built), "--endpoint", f"http://dba:wr0ngpass@{host}/sparql-graph-crud-auth")
        assert wrong.returncode == 1 and "HTTP 401" in wrong.stderr and "wr0ngpass" not in wrong.stderr
        warned = run_cli("load", str(built), "--endpoint", endpoint, "--user", "dba", "--password", "dba")
        assert warned.returncode == 0 and "warning: --password is visible" in warned.stderr
