"""The ``talkgraph`` command: a thin layer over the Python API.

Results go to stdout, progress and summaries to stderr.  Exit codes: 0 ok, 1 bad input or data,
2 usage, 130 interrupted.  Every error talkgraph expects is one line ``error: …``;
``--traceback`` shows the rest.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from talkgraph.extract.errors import TalkgraphError, UsageError

Command = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, Command] = {}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's usage errors: one line, exit 2
        self.print_usage(sys.stderr)
        raise UsageError(message)


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.RawDescriptionHelpFormatter(prog, max_help_position=30)


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="talkgraph", formatter_class=_formatter,
                     description="Turn Chinese (and mixed Chinese/English) multi-speaker transcripts into knowledge graphs.",
                     epilog="example:\n  talkgraph build examples/idea-2021-panel.txt -o outputs/")
    parser.add_argument("--traceback", action="store_true", help="show the full traceback of an error")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    build = sub.add_parser("build", help="build the knowledge graph of transcripts", formatter_class=_formatter,
                           description="Read transcripts (files or directories), extract and resolve entities, "
                                       "relations and claims, and write the graph.",
                           epilog="example:\n  talkgraph build panel.txt -o out/\n"
                                  "  talkgraph build transcripts/ -o out/ --format turtle --format html")
    build.add_argument("inputs", nargs="+", metavar="TRANSCRIPT", help="transcript files or directories of them")
    build.add_argument("-o", "--output", required=True, metavar="DIR", help="output directory")
    build.add_argument("--format", action="append", metavar="NAME",
                       help="output format, repeatable (default: turtle and html; see 'talkgraph formats')")
    build.set_defaults(run=_build)

    mentions = sub.add_parser("mentions", help="print the names found in a transcript as JSON lines",
                              formatter_class=_formatter,
                              description="Print mentions (people, organisations, models, places) with offsets.",
                              epilog="examples:\n  talkgraph mentions panel.txt\n"
                                     "  echo '华为云首席科学家田奇' | talkgraph mentions --lines")
    mentions.add_argument("file", nargs="?", metavar="FILE", help="a transcript")
    mentions.add_argument("--lines", action="store_true",
                          help="read texts from stdin, one per line; offsets count in each line")
    mentions.set_defaults(run=_mentions)

    formats = sub.add_parser("formats", help="list the output formats", formatter_class=_formatter,
                             description="List the formats 'build --format' accepts.",
                             epilog="example:\n  talkgraph formats")
    formats.set_defaults(run=_formats)
    return parser


def _build(args: argparse.Namespace) -> int:
    from .exporters import get_exporter, load_exporters
    from .pipeline import build_graph, export_graph

    names = args.format or ["turtle", "html"]
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


def _mentions(args: argparse.Namespace) -> int:
    from .mentions_cli import print_file_mentions, print_line_mentions

    if args.lines:
        return print_line_mentions(sys.stdin, sys.stdout)
    if not args.file:
        raise UsageError("give a transcript FILE, or --lines to read texts from stdin")
    return print_file_mentions(args.file, sys.stdout)


def _formats(args: argparse.Namespace) -> int:
    from .exporters import load_exporters

    for exporter in sorted(load_exporters().values(), key=lambda e: e.name):
        print(f"{exporter.name:10} {exporter.filename:14} {exporter.description}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = make_parser()
    show_traceback = "--traceback" in argv
    try:
        args = parser.parse_args(argv)
        if not getattr(args, "run", None):
            parser.print_help(sys.stderr)
            return 2
        return args.run(args)
    except TalkgraphError as exc:
        if show_traceback:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("error: interrupted; no partial output was left behind", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
