"""``talkgraph validate``: check built graphs against talkgraph's SHACL shapes."""
from __future__ import annotations

import argparse
import sys

from . import add_command


def configure(subparsers) -> None:
    parser = add_command(
        subparsers, "validate", "check built graphs against the SHACL shapes",
        "Validate built graphs against ontology/shapes.ttl (SHACL, checked as SPARQL queries in Oxigraph):\n"
        "every claim has an author, text, turn and offsets; every turn a sender and position; labels\n"
        "are language-tagged; …\n"
        "Exit status 1 when a shape is broken, with one line per violation.",
        ["talkgraph validate outputs/graph.ttl"])
    parser.add_argument("graphs", nargs="+", metavar="GRAPH", help="built graph files")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from talkgraph.graph.graph_files import load_graphs
    from talkgraph.graph.validate import validate_graph

    report = validate_graph(load_graphs(args.graphs))
    if report.conforms:
        print(f"conforms: {', '.join(args.graphs)} keeps every shape of talkgraph's ontology")
        return 0
    print(f"does not conform: {len(report.results)} violation(s)", file=sys.stderr)
    for line in report.results:
        print(line)
    return 1
