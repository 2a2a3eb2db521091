"""``talkgraph mentions``: the names found in a transcript, or in stdin one text per line."""
from __future__ import annotations

import argparse
import sys

from talkgraph.extract.errors import UsageError

from . import add_command


def configure(subparsers) -> None:
    parser = add_command(
        subparsers, "mentions", "print the names found in a transcript as JSON lines",
        "Print mentions (people, organisations, AI models and software, places) as JSON lines with\n"
        "character offsets; for a file also the turn and the entity each resolves to.",
        ["talkgraph mentions panel.txt", "echo '华为云首席科学家田奇' | talkgraph mentions --lines"])
    parser.add_argument("file", nargs="?", metavar="FILE", help="a transcript")
    parser.add_argument("--lines", action="store_true",
                        help="read texts from stdin, one per line; offsets count in each line")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from talkgraph.graph.mentions_cli import print_file_mentions, print_line_mentions

    if args.lines:
        return print_line_mentions(sys.stdin, sys.stdout)
    if not args.file:
        raise UsageError("give a transcript FILE, or --lines to read texts from stdin")
    return print_file_mentions(args.file, sys.stdout)
