"""The SPARQL endpoint of ``talkgraph serve``, over real HTTP on 127.0.0.1 only.

Covers issue 13's serve items (2: no outbound request, Host check, no CORS by default; 7: a slow
query holds only its worker; 8: bounded bodies, socket timeouts) and issue 14's (HEAD, the query
page at /sparql, a bad query's message).  Signals and logs of a real process: test_serve_process.py.
"""
from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from talkgraph.extract.errors import OutputError
from talkgraph.graph import export_graph
from talkgraph.graph.read_only_sparql import RefusedQuery, check_read_only
from talkgraph.graph.server import ServerOptions, start_server

WHO = ("PREFIX schema: <https://schema.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
       "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name")
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@contextlib.contextmanager
def serving(graph, **options):
    srv, pool = start_server([graph], b"<html>view</html>", b"<html>query page</html>",
                             ServerOptions(port=0, **options))
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}", pool
    finally:
        srv.shutdown()
        srv.server_close()
        pool.close()


@pytest.fixture(scope="module")
def graph_ttl(tmp_path_factory, built_sample):
    out = tmp_path_factory.mktemp("serve")
    export_graph(built_sample, out, ["turtle"])
    return out / "graph.ttl"


@pytest.fixture(scope="module")
def server(graph_ttl):
    with serving(graph_ttl, timeout=3, workers=2, socket_timeout=1.5) as (base, _):
        yield base


@pytest.fixture()
def listener():
    """A socket on 127.0.0.1 that records every connection made to it."""
    connections: list[bytes] = []
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    sock.settimeout(0.2)
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1)
                with contextlib.suppress(OSError):
                    connections.append(conn.recv(200))
    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield sock.getsockname()[1], connections
    stop.set()
    thread.join()
    sock.close()


def fetch(url, data=None, headers=None, method=None):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read().decode("utf-8")


def ask(base, query, accept="application/sparql-results+json"):
    return fetch(f"{base}/sparql?" + urllib.parse.urlencode({"query": query}), headers={"Accept": accept})


def raw(base, request: bytes, wait: float = 10) -> bytes:
    """Send bytes as they are; the reply (until the server closes the connection)."""
    port = int(base.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as sock:
        sock.sendall(request)
        chunks = []
        with contextlib.suppress(TimeoutError, ConnectionResetError):
            while chunk := sock.recv(65536):
                chunks.append(chunk)
    return b"".join(chunks)


# ------------------------------------------------------------------ answers


def test_get_returns_sparql_json(server):
    status, headers, body = ask(server, WHO)
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    names = [b["name"]["value"] for b in json.loads(body)["results"]["bindings"]]
    assert names == sorted(["张家兴", "田奇", "林伟", "袁进辉"])


def test_post_with_csv_and_tsv_by_accept(server):
    status, headers, body = fetch(f"{server}/sparql", WHO.encode(), {"Content-Type": "application/sparql-query",
                                                                      "Accept": "text/csv"})
    assert status == 200 and headers["Content-Type"].startswith("text/csv") and "田奇" in body
    form = urllib.parse.urlencode({"query": WHO}).encode()
    status, headers, body = fetch(f"{server}/sparql", form, {"Content-Type": "application/x-www-form-urlencoded",
                                                             "Accept": "text/tab-separated-values"})
    assert status == 200 and headers["Content-Type"].startswith("text/tab-separated-values") and "林伟" in body


def test_updates_are_refused(server):
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    status, _, body = fetch(f"{server}/sparql", update.encode(), {"Content-Type": "application/sparql-update"})
    assert status == 403 and "read-only" in body
    status, _, body = fetch(f"{server}/sparql", update.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 403 and "read-only" in body
    status, _, body = ask(server, "ASK { <urn:a> ?p ?o }")
    assert status == 200 and '"boolean":false' in body.replace(" ", "")


def test_a_bad_query_says_what_is_wrong(server):
    status, _, body = ask(server, "SELEC ?s WHERE { ?s ?p ?o }")
    assert status == 400
    assert body.startswith("not a valid SPARQL query: ") and "1:" in body and "update" not in body


def test_head_is_answered_without_a_body(server):
    for path in ("/", "/sparql"):
        status, headers, body = fetch(f"{server}{path}", method="HEAD")
        assert status == 200 and headers["Content-Type"].startswith("text/html") and body == ""
        assert int(headers["Content-Length"]) > 0


def test_a_browser_gets_the_query_page_and_a_client_a_hint(server):
    status, headers, body = fetch(f"{server}/sparql", headers={"Accept": "text/html,*/*;q=0.8"})
    assert status == 200 and "query page" in body
    status, _, body = fetch(f"{server}/sparql")
    assert status == 400 and "missing 'query'" in body and "browser" in body


def test_the_view_is_served(server):
    status, headers, body = fetch(f"{server}/")
    assert status == 200 and headers["Content-Type"].startswith("text/html") and "view" in body


# ------------------------------------------------------------------ item 2: nothing leaves the server


SERVICE_FORMS = [
    "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE SILENT <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
    "select * where {{ sErViCe   silent\n<http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ # a comment\n SERVICE ?where {{ ?s ?p ?o }} VALUES ?where {{ <http://127.0.0.1:{port}/> }} }}",
    "PREFIX x: <http://127.0.0.1:{port}/> SELECT * WHERE {{ SERVICE x:sparql {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE<http://127.0.0.1:{port}/>{{?s ?p ?o}} }} }} }}",
    "SELECT * WHERE {{ \\u0053ERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
]


@pytest.mark.parametrize("form", SERVICE_FORMS)
def test_service_is_refused_and_no_connection_is_made(server, listener, form):
    port, connections = listener
    status, _, body = ask(server, form.format(port=port))
    assert status in (400, 403), body
    status, _, body = fetch(f"{server}/sparql", form.format(port=port).encode(),
                            {"Content-Type": "application/sparql-query"})
    assert status in (400, 403)
    time.sleep(0.3)
    assert connections == [], "the server made an outbound connection"


def test_load_and_from_make_no_connection(server, listener):
    port, connections = listener
    status, _, _ = fetch(f"{server}/sparql", f"LOAD <http://127.0.0.1:{port}/data.ttl>".encode(),
                         {"Content-Type": "application/sparql-update"})
    assert status == 403
    status, _, _ = ask(server, f"LOAD <http://127.0.0.1:{port}/data.ttl>")
    assert status == 403
    status, _, _ = ask(server, f"SELECT * FROM <http://127.0.0.1:{port}/g> WHERE {{ ?s ?p ?o }} LIMIT 1")
    assert status == 200
    time.sleep(0.3)
    assert connections == []


def test_service_as_data_is_not_refused(server):
    """The word in a string, an IRI, a variable or a prefixed name is no keyword."""
    query = ('PREFIX service: <urn:service:> SELECT ?service WHERE { ?service ?p "SERVICE <x> { }" '
             'FILTER(?p != service:SERVICE && ?p != <urn:SERVICE>) } # SERVICE')
    status, _, body = ask(server, query)
    assert status == 200, body
    check_read_only(query)
    with pytest.raises(RefusedQuery, match="SERVICE"):
        check_read_only(query.replace("# SERVICE", "SERVICE <urn:x> { }"))


def test_a_foreign_host_header_is_refused(server):
    port = server.rsplit(":", 1)[1]
    for host in ("attacker.example", f"attacker.example:{port}", "127.0.0.1.attacker.example", "localhost.evil"):
        status, _, body = fetch(f"{server}/sparql?" + urllib.parse.urlencode({"query": WHO}), headers={"Host": host})
        assert status == 403 and "田奇" not in body, host
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "LOCALHOST", f"[::1]:{port}"):
        status, _, body = fetch(f"{server}/sparql?" + urllib.parse.urlencode({"query": WHO}), headers={"Host": host})
        assert status == 200 and "田奇" in body, host


def test_no_cors_header_unless_asked(server, graph_ttl):
    _, headers, _ = ask(server, WHO)
    assert "Access-Control-Allow-Origin" not in headers
    status, _, _ = fetch(f"{server}/sparql", method="OPTIONS", headers={"Origin": "http://evil.example"})
    assert status == 403
    with serving(graph_ttl, workers=1, cors_origin="http://localhost:3000") as (base, _):
        _, headers, _ = ask(base, WHO)
        assert headers["Access-Control-Allow-Origin"] == "http://localhost:3000"
        status, headers, _ = fetch(f"{base}/sparql", method="OPTIONS", headers={"Origin": "http://localhost:3000"})
        assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]


# ------------------------------------------------------------------ item 7: a pool of workers


def test_a_slow_query_blocks_only_itself(server):
    slow: list[int] = []
    thread = threading.Thread(target=lambda: slow.append(ask(server, SLOW)[0]))
    thread.start()
    time.sleep(0.5)
    for _ in range(5):
        status, _, _ = ask(server, WHO)
        assert status == 200
    assert thread.is_alive(), "the trivial queries waited for the slow one"
    thread.join()
    assert slow == [503]


def test_a_long_query_is_stopped_and_the_server_goes_on(server):
    status, _, body = ask(server, SLOW)
    assert status == 503 and "stopped" in body
    for _ in range(4):  # every worker answers again, the replaced one included
        status, _, _ = ask(server, WHO)
        assert status == 200


def test_the_timed_out_worker_process_is_ended(graph_ttl):
    with serving(graph_ttl, timeout=1, workers=1) as (base, pool):
        before = pool.worker_pids()
        assert ask(base, SLOW)[0] == 503
        assert ask(base, WHO)[0] == 200
        after = pool.worker_pids()
        assert len(after) == 1 and after != before
        with pytest.raises(ProcessLookupError):
            import os
            os.kill(before[0], 0)


# ------------------------------------------------------------------ item 8: bounded bodies, timeouts


@pytest.mark.parametrize("length, body, status", [
    ("-1", b"", b"400"), ("abc", b"x", b"400"), ("99999999999", b"", b"413"), (None, b"SELECT", b"411"),
    ("100", b"SELECT * WHERE { ?s ?p ?o }", b"400"),  # shorter than said: answered once the socket times out
])
def test_bad_bodies_get_a_4xx(server, length, body, status):
    head = b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
    if length is not None:
        head += b"Content-Length: " + length.encode() + b"\r\n"
    reply = raw(server, head + b"\r\n" + body)
    assert reply.split(b"\r\n")[0].split(b" ")[1] == status, reply[:200]


def test_silent_clients_do_not_hold_the_server(server):
    """Half-open connections are dropped after the socket timeout; the server keeps answering."""
    port = int(server.rsplit(":", 1)[1])
    threads_before = threading.active_count()
    idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(40)]
    for sock in idle[:20]:
        sock.sendall(b"POST /sparql HTTP/1.1\r\nContent-Length: 50\r\n\r\nSELECT")
    try:
        assert ask(server, WHO)[0] == 200
        time.sleep(3)  # twice the socket timeout
        for sock in idle:
            sock.settimeout(5)
            data = b"".join(iter(lambda: sock.recv(4096), b""))  # the server closed it: recv gives b""
            assert data == b"" or data.startswith(b"HTTP/1.0 4"), data[:80]
    finally:
        for sock in idle:
            sock.close()
    time.sleep(0.2)
    assert threading.active_count() <= threads_before, "connection threads were left behind"


def test_a_port_in_use_is_a_clear_error(graph_ttl):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        with pytest.raises(OutputError, match="in use"):
            start_server([graph_ttl], b"", b"", ServerOptions(port=busy.getsockname()[1], workers=1))


def test_a_store_folder_is_served_by_every_worker(tmp_path, sample_path):
    """A --store folder can be opened by one process at a time: the workers load it in turn."""
    from tests.helpers import run_cli

    result = run_cli("build", str(sample_path), "-o", str(tmp_path / "out"), "--store", str(tmp_path / "store"))
    assert result.returncode == 0, result.stderr
    with serving(tmp_path / "store", workers=3) as (base, pool):
        assert len(pool.worker_pids()) == 3
        answers = [ask(base, WHO) for _ in range(6)]
        assert all(status == 200 and "田奇" in body for status, _, body in answers)


def test_an_answer_past_the_size_limit_is_refused_and_the_worker_goes_on(graph_ttl):
    with serving(graph_ttl, workers=1, max_answer_bytes=20_000) as (base, pool):
        pids = pool.worker_pids()
        for accept in ("application/sparql-results+json", "text/csv", "text/turtle"):
            query = "SELECT * WHERE { ?s ?p ?o }" if accept != "text/turtle" else "CONSTRUCT WHERE { ?s ?p ?o }"
            status, _, body = ask(base, query, accept)
            assert status == 400 and "larger than 20000 bytes" in body and "LIMIT" in body, accept
        status, _, body = ask(base, "SELECT * WHERE { ?s ?p ?o } LIMIT 5", "text/csv")
        assert status == 200 and len(body.splitlines()) == 6
        assert pool.worker_pids() == pids
