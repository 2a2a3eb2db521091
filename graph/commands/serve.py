"""``talkgraph serve``: the interactive view, a query page and a read-only SPARQL endpoint."""
from __future__ import annotations

import argparse
import gc
import math
import re
import signal
import sys

from . import GRAPH_INPUTS_HELP, add_command

_ORIGIN = re.compile(r"^https?://[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:]+\](:\d{1,5})?$")


def _port(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0-65535; 0 picks a free one)")
    return int(text)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not 0 < value <= 86400:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds (more than 0, at most 86400)")
    return value


def _workers(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 64:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of workers (1-64)")
    return int(text)


def _origin(text: str) -> str:
    if text != "*" and not _ORIGIN.match(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not an origin (like http://localhost:3000, or *)")
    return text


def configure(subparsers) -> None:
    parser = add_command(
        subparsers, "serve", "serve the view, a query page and a read-only SPARQL endpoint",
        "Serve the interactive view at /, a query page at /sparql in a browser, and a SPARQL 1.1\n"
        "Protocol endpoint at /sparql (GET and POST; results as SPARQL JSON, CSV or TSV by the Accept\n"
        "header), on 127.0.0.1 unless told otherwise. The endpoint only reads and never contacts\n"
        "another server (updates and SERVICE are refused). Queries run in --workers processes, so a\n"
        "slow query holds only its own; one running longer than --timeout seconds is stopped.\n"
        "SIGTERM or Ctrl-C stops the server and its workers.",
        ["talkgraph serve outputs/graph.ttl --port 8000",
         "curl -H 'Accept: text/csv' 'http://127.0.0.1:8000/sparql?query=SELECT+*+WHERE+{?s+?p+?o}+LIMIT+5'"])
    parser.add_argument("graphs", nargs="+", metavar="GRAPH", help=GRAPH_INPUTS_HELP)
    parser.add_argument("--port", type=_port, default=8000, help="port (default 8000; 0 picks a free one)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1; anything else is reachable by others)")
    parser.add_argument("--timeout", type=_seconds, default=10.0, help="seconds a query may run (default 10)")
    parser.add_argument("--workers", type=_workers, default=4,
                        help="queries answered at once, one process each holding the graph (default 4)")
    parser.add_argument("--cors", type=_origin, metavar="ORIGIN",
                        help="let pages of this origin read answers (no CORS header without it)")
    parser.set_defaults(run=run)


class _Stopped(BaseException):
    """SIGTERM arrived: stop as Ctrl-C does.

    A ``BaseException``, as ``KeyboardInterrupt`` is: raised wherever the main thread happens to be,
    an ``Exception`` could land inside socketserver's ``except Exception`` around a request and be
    swallowed there, leaving the server running after SIGTERM."""


def _stop(signum, frame) -> None:
    raise _Stopped


def run(args: argparse.Namespace) -> int:
    from talkgraph.graph.query_page import render_query_page
    from talkgraph.graph.server import ServerOptions, is_loopback, start_server
    from talkgraph.graph.view import page_for

    gc.enable()  # the ``talkgraph`` process pauses the cyclic collector (``cli.command``); a server runs until stopped

    options = ServerOptions(args.host, args.port, args.timeout, args.workers, args.cors)
    if not is_loopback(args.host):
        print(f"warning: listening on {args.host}: anyone who can reach this machine can read the graph",
              file=sys.stderr)
    previous = signal.signal(signal.SIGTERM, _stop)
    previous_int = signal.signal(signal.SIGINT, _stop)  # even where the parent left SIGINT ignored (as nohup and CI runners may)
    if hasattr(signal, "pthread_sigmask"):  # or blocked: a server must hear its stop signals
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    server = pool = None
    try:
        server, pool = start_server(args.graphs, page_for(args.graphs), render_query_page(), options)
        host, port = server.server_address[:2]
        shown = f"[{host}]" if ":" in host else host
        print(f"serving http://{shown}:{port}/ (view) and /sparql (queries) with {args.workers} worker(s); "
              "Ctrl-C stops", file=sys.stderr, flush=True)
        server.serve_forever()
    except (KeyboardInterrupt, _Stopped):
        pass
    finally:
        for stop_signal in (signal.SIGINT, signal.SIGTERM):  # a second one must not cut the clean-up short
            signal.signal(stop_signal, signal.SIG_IGN)
        if server is not None:
            server.server_close()
        if pool is not None:
            pool.close()
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, previous_int)
    print("stopped", file=sys.stderr)
    return 0
