"""``talkgraph build``: transcripts in, graph files out."""
from __future__ import annotations

import argparse
import sys

from . import add_command


def configure(subparsers) -> None:
    parser = add_command(
        subparsers, "build", "build the knowledge graph of transcripts",
        "Read transcripts (files or directories), extract and resolve entities, relations and claims,\n"
        "and write the graph: graph.ttl, ontology.ttl and graph.html by default.",
        ["talkgraph build panel.txt -o out/",
         "talkgraph build transcripts/ -o out/ --format turtle --format nquads",
         "talkgraph build panel.txt -o out/ --format all"])
    parser.add_argument("inputs", nargs="+", metavar="TRANSCRIPT", help="transcript files or directories of them")
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="output directory")
    parser.add_argument("--format", action="append", metavar="NAME",
                        help="output format, repeatable; 'all' for every one (default: turtle and html; "
                             "see 'talkgraph formats')")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from talkgraph.graph.exporters import get_exporter, load_exporters
    from talkgraph.graph.pipeline import build_graph, export_graph

    names = args.format or ["turtle"]
    if "all" in names:
        names = sorted(load_exporters())
    for name in names:
        get_exporter(name)  # an unknown format fails before any work is done
    built = build_graph(args.inputs)
    for line in built.summaries():
        print(line, file=sys.stderr)
    for path in export_graph(built, args.output, names):
        print(f"wrote {path}", file=sys.stderr)
    return 0
