"""The Turtle loads into an Oxigraph server over the Graph Store Protocol, and the canned queries
answer over HTTP exactly as they do in process."""
from __future__ import annotations

import json
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from talkgraph.graph.query import canned_queries, run_query, with_name
from talkgraph.ontology.namespace import TGR
from tests.servers import OXIGRAPH, oxigraph_server

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "rdf"))
import samples  # noqa: E402

pytestmark = pytest.mark.skipif(OXIGRAPH is None, reason="the oxigraph server is not installed (pip install oxigraph)")
UPLOAD_GRAPH = TGR["upload/example"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """An Oxigraph server on a free port, answering queries over the union of its named graphs."""
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as base:
        yield base


def put_turtle(base: str, path: Path, graph: str) -> int:
    url = f"{base}/store?{urllib.parse.urlencode({'graph': graph})}"
    request = urllib.request.Request(url, data=path.read_bytes(), method="PUT",
                                     headers={"Content-Type": "text/turtle"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status


def http_query(base: str, query: str) -> dict:
    request = urllib.request.Request(f"{base}/query", data=query.encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/sparql-query",
                                              "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read().decode("utf-8"))


def canonical(bindings: list[dict]) -> list[str]:
    """Bindings in a comparable form: ORDER BY may leave ties in any order."""
    return sorted(json.dumps(b, sort_keys=True, ensure_ascii=False) for b in bindings)


@pytest.mark.parametrize("sample", samples.SAMPLES)
def test_canned_queries_over_http_match_in_process(server, sample):
    ttl = samples.sample_ttl(sample)
    assert put_turtle(server, ttl, str(UPLOAD_GRAPH)) in (200, 201, 204)
    for name, query in canned_queries().items():
        text = with_name(query, "田奇" if query.needs_name else None)
        local = json.loads(run_query([ttl], text).to_json())
        remote = http_query(server, text)
        assert remote["head"]["vars"] == local["head"]["vars"], name
        assert canonical(remote["results"]["bindings"]) == canonical(local["results"]["bindings"]), name
        assert local["results"]["bindings"] or name in ("claims-about",), f"{name} found nothing"
