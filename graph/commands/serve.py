"""``talkgraph serve``: the interactive view and a read-only SPARQL endpoint on this machine."""
from __future__ import annotations

import argparse
import sys

from . import add_command


def configure(subparsers) -> None:
    parser = add_command(
        subparsers, "serve", "serve the view and a read-only SPARQL endpoint",
        "Serve the interactive view at / and a SPARQL 1.1 Protocol endpoint at /sparql (GET and POST;\n"
        "results as SPARQL JSON, CSV or TSV by the Accept header), on 127.0.0.1 unless told otherwise.\n"
        "Updates are refused; a query running longer than --timeout seconds is stopped.",
        ["talkgraph serve outputs/graph.ttl --port 8000",
         "curl -H 'Accept: text/csv' 'http://127.0.0.1:8000/sparql?query=SELECT+*+WHERE+{?s+?p+?o}+LIMIT+5'"])
    parser.add_argument("graphs", nargs="+", metavar="GRAPH", help="built graph files (graph.ttl, .nt, .nq, .trig)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds a query may run (default 10)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from talkgraph.graph.server import start_server
    from talkgraph.graph.view import page_for

    server, runner = start_server(args.graphs, page_for(args.graphs), args.host, args.port, args.timeout)
    print(f"serving http://{args.host}:{server.server_address[1]}/ (view) and /sparql; Ctrl-C stops",
          file=sys.stderr)
    try:
        server.serve_forever()
    finally:
        server.server_close()
        runner.close()
    return 0
