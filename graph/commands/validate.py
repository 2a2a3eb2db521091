"""``talkgraph validate``: check built graphs against talkgraph's SHACL shapes."""
from __future__ import annotations

import argparse
import sys

from . import GRAPH_INPUTS_HELP, add_command

def configure(subparsers) -> None:
    parser = add_command(
        subparsers, "validate", "check built graphs against the SHACL shapes",
        "Validate built graphs, each on its own, against ontology/shapes.ttl (SHACL, checked as SPARQL\n"
        "queries in Oxigraph):\n"
        "every claim has an author, text, turn and offsets; every turn a sender and position; labels\n"
        "are language-tagged; …\n"
        "Exit status 1 when a shape is broken, with one line per violation, or when the input holds\n"
        "nothing the shapes apply to (ontology.ttl, for one, is the ontology, not graph data).",
        ["talkgraph validate outputs/", "talkgraph validate outputs/graph.ttl", "talkgraph validate store/"])
    parser.add_argument("graphs", nargs="+", metavar="GRAPH", help=GRAPH_INPUTS_HELP)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Each GRAPH on its own: separate builds each count their entities' mentions, so two graphs'
    ``tg:mentionCount`` for one organisation differ without either breaking a shape."""
    from talkgraph.extract.errors import InputError
    from talkgraph.graph.graph_files import open_store
    from talkgraph.graph.validate import compile_shapes, validate_store

    stores = [(path, open_store([path])) for path in args.graphs]
    for path, store in stores:
        if not any(store.query(f"ASK {{ {check.targets} }}", use_default_graph_as_union=True) for check in compile_shapes()):
            raise InputError(f"{path}: no graph data to check (nothing any shape applies to); give "
                             "the graph that 'talkgraph build' wrote (graph.ttl or its output folder), not ontology.ttl")
    broken = 0
    for path, store in stores:
        report = validate_store(store)
        if report.conforms:
            print(f"conforms: {path} keeps every shape of talkgraph's ontology")
            continue
        broken += 1
        print(f"does not conform: {path}: {len(report.results)} violation(s)", file=sys.stderr)
        for line in report.results:
            print(line)
    return 1 if broken else 0
