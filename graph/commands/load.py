"""``talkgraph load``: push built graphs into a SPARQL store (Graph Store Protocol)."""
from __future__ import annotations

import argparse
import dataclasses
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from talkgraph.extract.errors import InputError

from . import GRAPH_INPUTS_HELP, add_command

if TYPE_CHECKING:
    from talkgraph.graph.load import Endpoint

PASSWORD_VARIABLE = "TALKGRAPH_PASSWORD"


def configure(subparsers) -> None:
    parser = add_command(
        subparsers, "load", "push built graphs into a SPARQL 1.1 store",
        "Push built graphs into any SPARQL 1.1 store through the Graph Store HTTP Protocol. The shared\n"
        "entities go first and are merged (POST) with what other builds loaded, never wiped; then each\n"
        "transcript's named graph is replaced (PUT), so loading again never duplicates. With --graph\n"
        "everything replaces that one named graph. The password comes from --password-file, the\n"
        f"{PASSWORD_VARIABLE} environment variable, the URL (http://user:password@host/...) or a prompt.",
        ["talkgraph load outputs/ --endpoint http://127.0.0.1:7878/store",
         f"{PASSWORD_VARIABLE}=dba talkgraph load out/ --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth "
         "--user dba"])
    parser.add_argument("inputs", nargs="+", metavar="GRAPH", help=GRAPH_INPUTS_HELP)
    parser.add_argument("--endpoint", required=True, metavar="URL", help="the store's Graph Store Protocol URL")
    parser.add_argument("--graph", metavar="IRI", help="put everything into this one named graph, replacing it")
    parser.add_argument("--user", help="user name, for stores that ask (digest or basic authentication)")
    parser.add_argument("--password-file", metavar="FILE", type=Path,
                        help=f"read the password from the first line of FILE (or set {PASSWORD_VARIABLE})")
    parser.add_argument("--password", help=argparse.SUPPRESS)  # visible in `ps`: still accepted, with a warning
    parser.set_defaults(run=run)


def password(args: argparse.Namespace, asked_by: Endpoint) -> str | None:
    """From a file, the environment, the command line (warned about), or a prompt on a terminal;
    ``None`` leaves it to the URL."""
    if args.password_file:
        try:
            lines = args.password_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{args.password_file}: cannot read the password file "
                             f"({getattr(exc, 'strerror', None) or exc})") from None
        return lines[0] if lines else ""
    if os.environ.get(PASSWORD_VARIABLE) is not None:
        return os.environ[PASSWORD_VARIABLE]
    if args.password is not None:
        print(f"warning: --password is visible to every user of this machine (ps); use --password-file "
              f"or {PASSWORD_VARIABLE}", file=sys.stderr)
        return args.password
    if asked_by.user and asked_by.password is None and sys.stdin.isatty():
        return getpass.getpass(f"password for {asked_by.user} at {asked_by.url}: ")
    return None


def run(args: argparse.Namespace) -> int:
    from talkgraph.graph.load import Endpoint, load_to_endpoint

    endpoint = Endpoint.parse(args.endpoint, args.user)
    secret = password(args, endpoint)
    if secret is not None:
        endpoint = dataclasses.replace(endpoint, password=secret)
    report = load_to_endpoint(args.inputs, endpoint, args.graph)
    print(f"loaded {report.triples} triples in {report.graphs} named graph(s) into {report.endpoint}",
          file=sys.stderr)
    return 0
