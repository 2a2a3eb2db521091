"""The ``talkgraph`` command: a thin layer over the Python API.

Results go to stdout, progress and summaries to stderr.  Exit codes: 0 ok, 1 bad input or data,
2 usage, 130 interrupted.  Every error talkgraph expects is one line ``error: …``;
``--traceback`` shows the rest.
"""
from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from talkgraph.extract.errors import TalkgraphError, UsageError

from .commands import COMMAND_MODULES, formatter


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's usage errors: one line, exit 2
        self.print_usage(sys.stderr)
        raise UsageError(message)


class _Version(argparse.Action):
    """``--version``: the installed distribution's version, looked up only when asked for."""

    def __init__(self, option_strings, dest, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from importlib.metadata import version

        print(f"talkgraph {version('talkgraph')}")
        parser.exit()


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="talkgraph", formatter_class=formatter,
                     description="Turn Chinese (and mixed Chinese/English) multi-speaker transcripts into "
                                 "knowledge graphs.",
                     epilog="example:\n  talkgraph build examples/idea-2021-panel.txt -o outputs/\n\n"
                            "'talkgraph COMMAND -h' shows a command's options and examples.")
    parser.add_argument("--version", action=_Version, help="print talkgraph's version and exit")
    parser.add_argument("--traceback", action="store_true", help="show the full traceback of an error")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__package__}.commands.{name}").configure(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    show_traceback = "--traceback" in argv
    try:
        parser = make_parser()
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


def command() -> NoReturn:
    """The ``talkgraph`` process (the console script, ``python -m talkgraph.graph``): ``main``, with
    Python's cyclic garbage collector paused throughout, then exit with its status.

    A command runs and the process ends: the collector would only spend time over objects that
    live until then, a hundred times over what the imports make, once more over what a build
    leaves when it resumes (``graph.pipeline.cyclic_gc_paused``), and again at exit: 40 ms of
    every build.  ``serve``, which runs until stopped, resumes it.  Python still collects once as
    it exits, paused or not: over everything a build leaves, 50 ms more; the objects alive when the
    command returns are set aside from it (``gc.freeze``), as nothing they hold needs collecting."""
    gc.disable()
    status = main()
    gc.freeze()
    sys.exit(status)


if __name__ == "__main__":
    command()
