"""``talkgraph view``: the interactive offline HTML view of built graphs."""
from __future__ import annotations

import argparse
import sys

from . import GRAPH_INPUTS_HELP, add_command


def configure(subparsers) -> None:
    parser = add_command(
        subparsers, "view", "write the interactive offline HTML view of built graphs",
        "Write one self-contained HTML file (no network needed) showing the entities, relations and\n"
        "claims of one or more built graphs.",
        ["talkgraph view outputs/ -o panel.html", "talkgraph view a.ttl b.ttl -o both.html --top 200",
         "talkgraph view store/ -o corpus.html"])
    parser.add_argument("graphs", nargs="+", metavar="GRAPH", help=GRAPH_INPUTS_HELP)
    parser.add_argument("-o", "--output", required=True, metavar="FILE.html", help="the HTML file to write")
    parser.add_argument("--top", type=int, metavar="N", help="show only the N most mentioned entities")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from talkgraph.graph.exporters import atomic_write
    from talkgraph.graph.view import page_for

    page = page_for(args.graphs, args.top)
    with atomic_write(args.output, "wb") as handle:
        handle.write(page)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0
