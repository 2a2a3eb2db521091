"""``talkgraph serve``: the view, a query page and a read-only SPARQL 1.1 Protocol endpoint.

Safe to leave running on a laptop while browsing: the endpoint only reads (updates refused) and
never reaches out (``SERVICE`` refused, see ``read_only_sparql``); a ``Host`` header naming any
other site is refused, so a page whose name resolves to 127.0.0.1 (DNS rebinding) gets nothing;
no CORS header is sent unless ``--cors ORIGIN`` asks for one.  Safe to feed anything: every
socket has a timeout, a body must state its length and stay under ``MAX_QUERY_BYTES``, an
answer must stay under ``MAX_ANSWER_BYTES``, the number of open connections is bounded, and a client that goes away is not an error worth a line.
Queries run in ``query_workers.QueryPool``: a slow one holds one worker only.
"""
from __future__ import annotations

import errno
import ipaddress
import socket
import sys
import threading
import urllib.parse
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from talkgraph.extract.errors import OutputError

from .graph_files import graph_sources
from .query_workers import (GRAPH_TYPES, MAX_ANSWER_BYTES, RESULT_TYPES, AnswerTooLarge, PoolBusy, QueryPool,
                            QueryRejected, QueryTimeout)
from .read_only_sparql import RefusedQuery, check_read_only

MAX_QUERY_BYTES = 1 << 20
SOCKET_TIMEOUT = 30.0  # seconds a client may stay silent while sending a request or reading a reply
MAX_CONNECTIONS = 512
LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "localhost.localdomain"})
_WILDCARDS = frozenset({"", "0.0.0.0", "::"})
_DISCONNECTS = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)


@dataclass(frozen=True)
class ServerOptions:
    host: str = "127.0.0.1"
    port: int = 8000
    timeout: float = 10.0
    workers: int = 4
    cors_origin: str | None = None
    socket_timeout: float = SOCKET_TIMEOUT
    max_answer_bytes: int = MAX_ANSWER_BYTES


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def allowed_host_names(bound_host: str) -> frozenset[str] | None:
    """The names a request's ``Host`` may give: localhost's and the bound one's (for a server
    bound to every address, the machine's own names; any IP literal is allowed there too)."""
    names = set(LOCAL_NAMES) | {bound_host.lower()}
    if bound_host in _WILDCARDS:
        names |= {socket.gethostname().lower(), socket.getfqdn().lower()}
    return frozenset(names)


def host_name(header: str) -> str:
    """``Host`` without its port, lower-cased, brackets and trailing dot removed."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    name = header.rsplit(":", 1)[0] if header.count(":") == 1 else header
    return name.rstrip(".")


def _host_allowed(header: str | None, names: frozenset[str], any_ip: bool) -> bool:
    if header is None:  # HTTP/1.0 clients; every browser sends Host
        return True
    name = host_name(header)
    if name in names:
        return True
    if any_ip:
        try:
            ipaddress.ip_address(name)
            return True
        except ValueError:
            return False
    return False


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024  # the listen backlog: the standard library's 5 drops bursts (a dropped SYN costs 1 s)

    def __init__(self, address, handler, address_family=socket.AF_INET) -> None:
        self.address_family = address_family
        self._connections = threading.BoundedSemaphore(MAX_CONNECTIONS)
        super().__init__(address, handler)

    def process_request(self, request, client_address):
        if not self._connections.acquire(blocking=False):  # too many open: refuse at once, hold nothing
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._connections.release()

    def handle_error(self, request, client_address):
        """One line for what a client did wrong or the network dropped; a traceback only for a bug."""
        error = sys.exc_info()[1]
        if isinstance(error, _DISCONNECTS + (ConnectionError,)):
            return
        print(f"talkgraph serve: error answering {client_address[0]}: {type(error).__name__}: {error}",
              file=sys.stderr)


def make_handler(pool: QueryPool, view_page: bytes, query_page: bytes, options: ServerOptions):
    names = allowed_host_names(options.host)
    any_ip = options.host in _WILDCARDS

    class Handler(BaseHTTPRequestHandler):
        server_version = "talkgraph"
        timeout = options.socket_timeout
        _head_only = False

        def log_message(self, format, *args):  # noqa: A002 - quiet: no line per request or per bad client
            pass

        def handle_one_request(self):
            try:
                super().handle_one_request()
            except _DISCONNECTS:
                self.close_connection = True

        def do_HEAD(self):
            self._head_only = True
            self.do_GET()

        def do_OPTIONS(self):
            if not self._checked_host():
                return
            if not options.cors_origin:
                return self._send_error(HTTPStatus.FORBIDDEN, "cross-origin requests are not allowed "
                                                              "(start the server with --cors ORIGIN)")
            self.send_response(HTTPStatus.NO_CONTENT)
            self.send_header("Access-Control-Allow-Methods", "GET, POST, HEAD, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
            self.send_header("Access-Control-Max-Age", "600")
            self._cors_headers()
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_GET(self):
            if not self._checked_host():
                return
            url = urllib.parse.urlsplit(self.path)
            if url.path in ("/", "/index.html"):
                return self._send(HTTPStatus.OK, view_page, "text/html; charset=utf-8")
            if url.path != "/sparql":
                return self._send_error(HTTPStatus.NOT_FOUND, "not found: try / (the view) or /sparql (queries)")
            params = urllib.parse.parse_qs(url.query)
            if "update" in params:
                return self._refuse_update()
            if "query" in params:
                return self._answer(params["query"][0])
            if "text/html" in self.headers.get("Accept", "") or self._head_only:
                return self._send(HTTPStatus.OK, query_page, "text/html; charset=utf-8")
            self._send_error(HTTPStatus.BAD_REQUEST, "missing 'query' parameter; open /sparql in a browser "
                                                     "for the query page")

        def do_POST(self):
            if not self._checked_host():
                return
            if urllib.parse.urlsplit(self.path).path != "/sparql":
                return self._send_error(HTTPStatus.NOT_FOUND, "not found: POST queries to /sparql")
            body = self._body()
            if body is None:
                return
            content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if content_type == "application/sparql-update":
                return self._refuse_update()
            if content_type == "application/x-www-form-urlencoded":
                params = urllib.parse.parse_qs(body)
                if "update" in params:
                    return self._refuse_update()
                if "query" not in params:
                    return self._send_error(HTTPStatus.BAD_REQUEST, "missing 'query' field in the form")
                body = params["query"][0]
            self._answer(body)

        def _body(self) -> str | None:
            """The request body, or ``None`` once a 4xx has been sent for a missing, malformed,
            too large or short body (the connection is then closed)."""
            self.close_connection = True
            length = self.headers.get("Content-Length")
            if length is None:
                self._send_error(HTTPStatus.LENGTH_REQUIRED, "a POST needs a Content-Length")
                return None
            if not length.strip().isdigit():
                self._send_error(HTTPStatus.BAD_REQUEST, f"bad Content-Length: {length[:40]!r}")
                return None
            if int(length) > MAX_QUERY_BYTES:
                self._send_error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                                 f"the body is larger than {MAX_QUERY_BYTES} bytes")
                return None
            try:
                data = self.rfile.read(int(length))
            except TimeoutError:
                data = b""
            if len(data) < int(length):
                self._send_error(HTTPStatus.BAD_REQUEST, "the body is shorter than its Content-Length")
                return None
            return data.decode("utf-8", "replace")

        def _answer(self, query: str):
            try:
                check_read_only(query)
            except RefusedQuery as exc:
                return self._send_error(HTTPStatus.FORBIDDEN, str(exc))
            try:
                data, content_type = pool.run(query, _preferred(self.headers.get("Accept", "")))
            except (QueryTimeout, PoolBusy) as exc:
                return self._send_error(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
            except QueryRejected as exc:
                return self._send_error(HTTPStatus.BAD_REQUEST, f"not a valid SPARQL query: {exc}")
            except AnswerTooLarge as exc:
                return self._send_error(HTTPStatus.BAD_REQUEST, str(exc))
            self._send(HTTPStatus.OK, data, content_type)

        def _checked_host(self) -> bool:
            if _host_allowed(self.headers.get("Host"), names, any_ip):
                return True
            self.close_connection = True
            self._send_error(HTTPStatus.FORBIDDEN, "this server answers only requests addressed to "
                                                   f"{options.host} or localhost")
            return False

        def _refuse_update(self):
            self._send_error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")

        def _send_error(self, status: HTTPStatus, message: str):
            self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

        def _cors_headers(self):
            if options.cors_origin:
                self.send_header("Access-Control-Allow-Origin", options.cors_origin)
                self.send_header("Vary", "Origin")

        def _send(self, status: HTTPStatus, data: bytes, content_type: str):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("X-Content-Type-Options", "nosniff")
            self._cors_headers()
            self.end_headers()
            if not self._head_only:
                self.wfile.write(data)

    return Handler


def _preferred(accept: str) -> str:
    for part in accept.split(","):
        kind = part.split(";")[0].strip().lower()
        if kind in RESULT_TYPES or kind in GRAPH_TYPES:
            return kind
    return "application/sparql-results+json"


def start_server(graph_files: list[str | Path], view_page: bytes, query_page: bytes,
                 options: ServerOptions = ServerOptions()) -> tuple[ThreadingHTTPServer, QueryPool]:
    """A listening server (run it with ``serve_forever``) and its query pool; close both.

    The inputs are checked and the port taken before the workers load the graph, so a wrong
    path or a port in use is said at once."""
    graph_sources(graph_files)
    family = socket.AF_INET6 if ":" in options.host else socket.AF_INET
    try:
        server = _Server((options.host, options.port), BaseHTTPRequestHandler, family)
    except OSError as exc:
        hint = " (the port is in use: choose another with --port)" if exc.errno == errno.EADDRINUSE else ""
        raise OutputError(f"cannot listen on {options.host}:{options.port}: {exc.strerror or exc}{hint}") from None
    try:
        pool = QueryPool([str(p) for p in graph_files], options.workers, options.timeout,
                         max_answer_bytes=options.max_answer_bytes)
    except BaseException:
        server.server_close()
        raise
    server.RequestHandlerClass = make_handler(pool, view_page, query_page, options)
    return server, pool
