"""``talkgraph load`` into real SPARQL stores over the Graph Store Protocol: Oxigraph and Virtuoso.

The canned queries give the same rows from each store as in process, and loading twice replaces
rather than duplicates.  Each store's test skips when its server is not installed:
``pip install oxigraph`` and ``apt-get install virtuoso-opensource``.
"""
from __future__ import annotations

import argparse

import pytest

from talkgraph.extract.errors import InputError, OutputError
from talkgraph.graph import export_graph
from talkgraph.graph.commands import load as load_command
from talkgraph.graph.datasets import ENTITIES_GRAPH
from talkgraph.graph.load import graph_files, load_to_endpoint, read_triples, split_triples
from talkgraph.graph.query import canned_queries, run_query
from talkgraph.ontology.namespace import TGR
from tests.conftest import run_cli
from tests.servers import OXIGRAPH, VIRTUOSO, free_port, oxigraph_server, select, virtuoso_server

QUERIES = ("affiliations", "agreements", "models", "former-affiliations", "claims-by-speaker")
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
    parts = split_triples(read_triples(graph_files(built)))
    assert sorted(parts) == sorted([str(ENTITIES_GRAPH), str(TGR["doc/idea-2021-panel"])])
    assert sum(map(len, parts.values())) == len(built_sample.rdf)


def test_an_n_quads_build_loads_as_turtle_does(built, built_sample, tmp_path):
    export_graph(built_sample, tmp_path, ["nquads"])
    assert graph_files(tmp_path) == [tmp_path / "graph.nq"]
    assert set(read_triples([tmp_path / "graph.nq"])) == set(read_triples([built / "graph.ttl"]))


def test_a_directory_without_a_graph_is_one_clear_error(tmp_path):
    with pytest.raises(InputError, match="no built graph here"):
        graph_files(tmp_path)


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
                                  user=None, password=None)
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
        endpoint = f"{base}/sparql-graph-crud-auth"
        report = load_to_endpoint([built], endpoint, user="dba", password="dba")
        assert report.graphs == 2
        count = select(f"{base}/sparql", ENTITY_COUNT)
        load_to_endpoint([built], endpoint, user="dba", password="dba")
        assert select(f"{base}/sparql", ENTITY_COUNT) == count, "loading again must not duplicate"
        for name in QUERIES:
            assert select(f"{base}/sparql", canned_queries()[name].text) == in_process(built / "graph.ttl", name), name
        with pytest.raises(OutputError, match=r"refused .* \(HTTP 401"):
            load_to_endpoint([built], endpoint, user="dba", password="wrong")


def test_an_unreachable_store_is_one_clear_error(built):
    result = run_cli("load", str(built), "--endpoint", f"http://127.0.0.1:{free_port()}/store")
    assert result.returncode == 1 and result.stderr.startswith("error:") and "cannot reach" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
