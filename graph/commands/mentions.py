"""``talkgraph mentions``: the names found in a transcript, or in stdin one text per line."""
from __future__ import annotations

import argparse
import sys

from . import add_command


def configure(subparsers) -> None:
    parser = add_command(
        subparsers, "mentions", "print the names found in a transcript as JSON lines",
        "Print mentions (people, organisations, AI models and software, places) as JSON lines with\n"
        "character offsets; for a file also the turn and the entity each resolves to.",
        ["talkgraph mentions panel.txt", "echo '华为云首席科学家田奇' | talkgraph mentions --lines",
         "talkgraph mentions --lines sentences.txt"])
    parser.add_argument("file", nargs="?", metavar="FILE", help="a transcript (with --lines: a text file, one text a line)")
    parser.add_argument("--lines", action="store_true",
                        help="read texts one per line from FILE, or from stdin without FILE; offsets count in each line")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from talkgraph.extract.errors import UsageError
    from talkgraph.graph.mentions_cli import print_file_mentions, print_line_mentions

    if args.lines:
        if args.file is None:
            return print_line_mentions(sys.stdin, sys.stdout)
        with _text_lines(args.file) as lines:
            return print_line_mentions(lines, sys.stdout)
    if not args.file:
        raise UsageError("give a transcript FILE, or --lines to read texts from stdin")
    return print_file_mentions(args.file, sys.stdout)


def _text_lines(path: str):
    """The file, decoded as a transcript is (UTF-8, GB18030, UTF-16 …), as an iterable of lines."""
    import io

    from talkgraph.extract.reading import read_document

    return io.StringIO(read_document(path).text)
