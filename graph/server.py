"""``talkgraph serve``: the view and a read-only SPARQL 1.1 Protocol endpoint on 127.0.0.1.

Queries run in a worker process that holds the graph in an in-memory pyoxigraph store; a query
that runs past the time limit is stopped by ending that process (a thread cannot be stopped) and
a fresh worker takes its place.  Updates are refused: the endpoint only reads.
"""
from __future__ import annotations

import concurrent.futures as cf
import threading
import urllib.parse
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from talkgraph.extract.errors import OutputError

from .graph_files import graph_sources, union_store

RESULT_TYPES = {  # Accept header → (pyoxigraph format name, content type)
    "application/sparql-results+json": ("JSON", "application/sparql-results+json"),
    "application/json": ("JSON", "application/sparql-results+json"),
    "text/csv": ("CSV", "text/csv; charset=utf-8"),
    "text/tab-separated-values": ("TSV", "text/tab-separated-values; charset=utf-8"),
    "application/sparql-results+xml": ("XML", "application/sparql-results+xml"),
}
GRAPH_TYPES = {"text/turtle": "TURTLE", "application/n-triples": "N_TRIPLES"}
MAX_QUERY_BYTES = 1 << 20

_STORE = None


def _load_store(graph_files: list[str]) -> None:
    """Worker start-up: the graph files into an in-memory store."""
    global _STORE
    _STORE = union_store(graph_files)


def _run_query(query: str, accept: str) -> tuple[bytes, str]:
    import pyoxigraph as ox

    results = _STORE.query(query)
    if isinstance(results, ox.QuerySolutions) or isinstance(results, ox.QueryBoolean):
        name, content_type = RESULT_TYPES.get(accept, RESULT_TYPES["application/sparql-results+json"])
        return results.serialize(format=getattr(ox.QueryResultsFormat, name)), content_type
    fmt = GRAPH_TYPES.get(accept, "TURTLE")
    return ox.serialize(results, format=getattr(ox.RdfFormat, fmt)), accept if accept in GRAPH_TYPES else "text/turtle"


@dataclass
class QueryRunner:
    """Runs queries in one worker process; ends and replaces it when a query takes too long."""

    graph_files: list[str]
    timeout: float

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._pool = self._new_pool()

    def _new_pool(self) -> cf.ProcessPoolExecutor:
        pool = cf.ProcessPoolExecutor(max_workers=1, initializer=_load_store, initargs=(self.graph_files,))
        pool.submit(int).result()  # wait until the store is loaded, so errors surface now
        return pool

    def run(self, query: str, accept: str) -> tuple[bytes, str]:
        with self._lock:
            future = self._pool.submit(_run_query, query, accept)
            try:
                return future.result(timeout=self.timeout)
            except cf.TimeoutError:
                for process in list(self._pool._processes.values()):
                    process.kill()
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._new_pool()
                raise TimeoutError(f"the query ran longer than {self.timeout:g} s and was stopped") from None

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def make_handler(runner: QueryRunner, page: bytes):
    class Handler(BaseHTTPRequestHandler):
        server_version = "talkgraph"

        def log_message(self, format, *args):  # noqa: A002 - quiet: no line per request
            pass

        def do_GET(self):
            url = urllib.parse.urlsplit(self.path)
            if url.path in ("/", "/index.html"):
                self._send(HTTPStatus.OK, page, "text/html; charset=utf-8")
            elif url.path == "/sparql":
                params = urllib.parse.parse_qs(url.query)
                if "update" in params:
                    return self._refuse_update()
                if "query" not in params:
                    return self._send_error(HTTPStatus.BAD_REQUEST, "missing 'query' parameter")
                self._answer(params["query"][0])
            else:
                self._send_error(HTTPStatus.NOT_FOUND, "not found: try / or /sparql")

        def do_POST(self):
            if urllib.parse.urlsplit(self.path).path != "/sparql":
                return self._send_error(HTTPStatus.NOT_FOUND, "not found: try /sparql")
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_QUERY_BYTES:
                return self._send_error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "query too large")
            body = self.rfile.read(length).decode("utf-8", "replace")
            content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip()
            if content_type == "application/sparql-update":
                return self._refuse_update()
            if content_type == "application/x-www-form-urlencoded":
                params = urllib.parse.parse_qs(body)
                if "update" in params:
                    return self._refuse_update()
                body = params.get("query", [""])[0]
            self._answer(body)

        def _answer(self, query: str):
            accept = _preferred(self.headers.get("Accept", ""))
            try:
                data, content_type = runner.run(query, accept)
            except TimeoutError as exc:
                return self._send_error(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
            except SyntaxError as exc:
                return self._send_error(HTTPStatus.BAD_REQUEST, f"not a SPARQL query (updates are refused): {exc}")
            except Exception as exc:  # noqa: BLE001 - any engine error is the client's answer, not a crash
                return self._send_error(HTTPStatus.BAD_REQUEST, str(exc))
            self._send(HTTPStatus.OK, data, content_type)

        def _refuse_update(self):
            self._send_error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")

        def _send_error(self, status: HTTPStatus, message: str):
            self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

        def _send(self, status: HTTPStatus, data: bytes, content_type: str):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            self.wfile.write(data)

    return Handler


def _preferred(accept: str) -> str:
    for part in accept.split(","):
        kind = part.split(";")[0].strip()
        if kind in RESULT_TYPES or kind in GRAPH_TYPES:
            return kind
    return "application/sparql-results+json"


def start_server(graph_files: list[Path], page: bytes, host: str = "127.0.0.1", port: int = 8000,
                 timeout: float = 10.0) -> tuple[ThreadingHTTPServer, QueryRunner]:
    """A running server (serve it with ``serve_forever``) and its query runner."""
    graph_sources(graph_files)  # files, output folders and --store folders; anything else is one clear error
    runner = QueryRunner([str(p) for p in graph_files], timeout)
    try:
        server = ThreadingHTTPServer((host, port), make_handler(runner, page))
    except OSError as exc:
        runner.close()
        raise OutputError(f"cannot listen on {host}:{port}: {exc.strerror or exc} (is the port in use? "
                          "choose another with --port)") from None
    return server, runner
