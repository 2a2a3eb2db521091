"""The CLI's subcommands: one module each, with ``configure(subparsers)`` that adds its parser.

Adding a command is a new module here plus its name in ``COMMAND_MODULES``; ``cli.py`` knows none
of them by name.  A command's ``run(args) -> int`` is set with ``parser.set_defaults(run=...)``.
"""
from __future__ import annotations

import argparse

COMMAND_MODULES = ("build", "mentions", "query", "validate", "view", "serve", "load", "formats", "ontology",
                   "evaluate")


def formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.RawDescriptionHelpFormatter(prog, max_help_position=30)


def add_command(subparsers, name: str, help: str, description: str, examples: list[str]) -> argparse.ArgumentParser:
    """A subcommand parser with its description and examples in ``--help``."""
    epilog = "example" + ("s" if len(examples) > 1 else "") + ":\n" + "\n".join(f"  {e}" for e in examples)
    return subparsers.add_parser(name, help=help, description=description, epilog=epilog, formatter_class=formatter)


GRAPH_INPUTS_HELP = "graph files (.ttl, .nt, .nq, .trig …), 'talkgraph build -o' folders or --store folders"
