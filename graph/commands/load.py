"""``talkgraph load``: push built graphs into a SPARQL store (Graph Store Protocol)."""
from __future__ import annotations

import argparse
import sys

from . import add_command


def configure(subparsers) -> None:
    parser = add_command(
        subparsers, "load", "push built graphs into a SPARQL 1.1 store",
        "Push built graphs into any SPARQL 1.1 store through the Graph Store HTTP Protocol: one PUT per\n"
        "transcript's named graph (plus one for the shared entities), so loading again replaces, never\n"
        "duplicates. With --graph everything goes into that one named graph.",
        ["talkgraph load outputs/ --endpoint http://127.0.0.1:7878/store",
         "talkgraph load out/graph.ttl --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth "
         "--user dba --password dba"])
    parser.add_argument("inputs", nargs="+", metavar="OUT_OR_GRAPH", help="build output directories or graph files")
    parser.add_argument("--endpoint", required=True, metavar="URL", help="the store's Graph Store Protocol URL")
    parser.add_argument("--graph", metavar="IRI", help="put everything into this one named graph")
    parser.add_argument("--user", help="user name, for stores that ask (digest or basic authentication)")
    parser.add_argument("--password", help="password for --user")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from talkgraph.graph.load import load_to_endpoint

    report = load_to_endpoint(args.inputs, args.endpoint, args.graph, args.user, args.password)
    print(f"loaded {report.triples} triples in {report.graphs} named graph(s) into {report.endpoint}",
          file=sys.stderr)
    return 0
