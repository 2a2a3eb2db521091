"""The SPARQL endpoint of ``talkgraph serve``, over real HTTP on 127.0.0.1."""
from __future__ import annotations

import json
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest

from talkgraph.extract.errors import OutputError
from talkgraph.graph import export_graph
from talkgraph.graph.server import start_server

WHO = ("PREFIX schema: <https://schema.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
       "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name")


@pytest.fixture(scope="module")
def server(tmp_path_factory, built_sample):
    out = tmp_path_factory.mktemp("serve")
    export_graph(built_sample, out, ["turtle"])
    srv, runner = start_server([out / "graph.ttl"], b"<html>view</html>", port=0, timeout=3)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()
    runner.close()


def fetch(url, data=None, headers=None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type"), response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type"), exc.read().decode("utf-8")


def test_get_returns_sparql_json(server):
    status, ctype, body = fetch(f"{server}/sparql?" + urllib.parse.urlencode({"query": WHO}))
    assert status == 200 and ctype.startswith("application/sparql-results+json")
    names = [b["name"]["value"] for b in json.loads(body)["results"]["bindings"]]
    assert names == sorted(["张家兴", "田奇", "林伟", "袁进辉"])


def test_post_with_csv_and_tsv_by_accept(server):
    status, ctype, body = fetch(f"{server}/sparql", WHO.encode(), {"Content-Type": "application/sparql-query",
                                                                    "Accept": "text/csv"})
    assert status == 200 and ctype.startswith("text/csv") and "田奇" in body
    form = urllib.parse.urlencode({"query": WHO}).encode()
    status, ctype, body = fetch(f"{server}/sparql", form, {"Content-Type": "application/x-www-form-urlencoded",
                                                           "Accept": "text/tab-separated-values"})
    assert status == 200 and ctype.startswith("text/tab-separated-values") and "林伟" in body


def test_updates_are_refused(server):
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    status, _, body = fetch(f"{server}/sparql", update.encode(), {"Content-Type": "application/sparql-update"})
    assert status == 403 and "read-only" in body
    status, _, _ = fetch(f"{server}/sparql", update.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 400
    status, _, body = fetch(f"{server}/sparql?" + urllib.parse.urlencode({"query": "ASK { <urn:a> ?p ?o }"}))
    assert status == 200 and '"boolean":false' in body.replace(" ", "")


def test_a_long_query_is_stopped_and_the_server_goes_on(server):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    status, _, body = fetch(f"{server}/sparql?" + urllib.parse.urlencode({"query": slow}))
    assert status == 503 and "stopped" in body
    status, _, _ = fetch(f"{server}/sparql?" + urllib.parse.urlencode({"query": WHO}))
    assert status == 200


def test_the_view_is_served(server):
    status, ctype, body = fetch(f"{server}/")
    assert status == 200 and ctype.startswith("text/html") and "view" in body


def test_a_port_in_use_is_a_clear_error(tmp_path, built_sample):
    export_graph(built_sample, tmp_path, ["turtle"])
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        with pytest.raises(OutputError, match="in use"):
            start_server([tmp_path / "graph.ttl"], b"", port=busy.getsockname()[1])
