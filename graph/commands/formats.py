"""``talkgraph formats``: the output formats ``build --format`` accepts."""
from __future__ import annotations

import argparse

from . import add_command


def configure(subparsers) -> None:
    parser = add_command(subparsers, "formats", "list the output formats",
                         "List the formats 'build --format' accepts (by name or by the suffix of the file each writes).",
                         ["talkgraph formats"])
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from talkgraph.graph.exporters import load_exporters

    for exporter in sorted(load_exporters().values(), key=lambda e: e.name):
        names = exporter.name + (f", {exporter.suffix_name}" if exporter.suffix_name else "")
        print(f"{names:14} {exporter.filename:14} {exporter.description}")
    return 0
