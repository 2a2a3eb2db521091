"""``talkgraph load`` into real SPARQL stores over the Graph Store Protocol: Oxigraph and Virtuoso.

The canned queries give the same rows from each store as in process, and loading twice replaces
rather than duplicates.
"""
from __future__ import annotations

import pytest

from talkgraph.extract.errors import OutputError
from talkgraph.graph import export_graph
from talkgraph.graph.datasets import ENTITIES_GRAPH
from talkgraph.graph.load import load_to_endpoint
from talkgraph.graph.query import canned_queries, run_query
from tests.conftest import run_cli
from tests.servers import OXIGRAPH, VIRTUOSO, free_port, oxigraph_server, select, virtuoso_server

QUERIES = ("affiliations", "agreements", "models", "former-affiliations")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
ENTITY_COUNT = COUNT.replace("GRAPH ?g", f"GRAPH <{ENTITIES_GRAPH}>")


@pytest.fixture(scope="module")
def built(tmp_path_factory, built_sample):
    out = tmp_path_factory.mktemp("load")
    export_graph(built_sample, out, ["turtle"])
    return out


def in_process(graph_ttl, name: str) -> list[tuple[str, ...]]:
    rows = run_query([graph_ttl], canned_queries()[name].text).rows
    return sorted(tuple("" if v is None else str(v) for v in row) for row in rows)


@pytest.mark.skipif(OXIGRAPH is None, reason="the oxigraph server is not installed (pip install oxigraph)")
def test_load_into_oxigraph_server(built, tmp_path):
    with oxigraph_server(tmp_path / "db") as base:
        result = run_cli("load", str(built), "--endpoint", f"{base}/store")
        assert result.returncode == 0, result.stderr
        count = select(f"{base}/query", COUNT)
        load_to_endpoint([built], f"{base}/store")
        assert select(f"{base}/query", COUNT) == count, "loading again must not duplicate"
        for name in QUERIES:
            assert select(f"{base}/query", canned_queries()[name].text) == in_process(built / "graph.ttl", name), name


@pytest.mark.skipif(VIRTUOSO is None, reason="Virtuoso is not installed (apt-get install virtuoso-opensource)")
def test_load_into_virtuoso(built, tmp_path):
    with virtuoso_server(tmp_path) as base:
        endpoint = f"{base}/sparql-graph-crud-auth"
        report = load_to_endpoint([built], endpoint, user="dba", password="dba")
        assert report.graphs == 2
        count = select(f"{base}/sparql", ENTITY_COUNT)
        load_to_endpoint([built], endpoint, user="dba", password="dba")
        assert select(f"{base}/sparql", ENTITY_COUNT) == count
        rows = select(f"{base}/sparql", canned_queries()["affiliations"].text)
        assert rows == in_process(built / "graph.ttl", "affiliations")
        with pytest.raises(OutputError, match="refused"):
            load_to_endpoint([built], endpoint, user="dba", password="wrong")


def test_an_unreachable_store_is_one_clear_error(built):
    result = run_cli("load", str(built), "--endpoint", f"http://127.0.0.1:{free_port()}/store")
    assert result.returncode == 1 and result.stderr.startswith("error:") and "cannot reach" in result.stderr
