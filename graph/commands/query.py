"""``talkgraph query``: SPARQL 1.1 over built graphs, or one of the canned queries."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from talkgraph.extract.errors import InputError, UsageError

from . import add_command

_FORMATTERS = {"table": "to_table", "csv": "to_csv", "tsv": "to_tsv", "json": "to_json"}


def configure(subparsers) -> None:
    parser = add_command(
        subparsers, "query", "run SPARQL over built graphs",
        "Run a SPARQL 1.1 SELECT or ASK query over one or more built graphs (Oxigraph in memory).\n"
        "Give the query as the last argument, or a canned one with -q NAME, or a file with -f.\n"
        "'talkgraph query --list' shows the canned queries.",
        ["talkgraph query outputs/graph.ttl -q affiliations",
         "talkgraph query outputs/graph.ttl -q entity --name 田奇 --format csv",
         "talkgraph query outputs/graph.ttl 'SELECT ?n WHERE { ?p a <https://schema.org/Person> ; "
         "<http://www.w3.org/2000/01/rdf-schema#label> ?n }'"])
    parser.add_argument("args", nargs="*", metavar="GRAPH [QUERY]", help="graph files, then the query text")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("-q", "--canned", metavar="NAME", help="a canned query from ontology/queries")
    source.add_argument("-f", "--file", metavar="FILE.rq", help="a file holding the query")
    parser.add_argument("--name", help="for canned queries with a name placeholder (entity, claims-about)")
    parser.add_argument("--format", choices=sorted(_FORMATTERS), default="table", help="result format")
    parser.add_argument("--list", action="store_true", help="list the canned queries")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from talkgraph.graph.query import canned_queries, run_query, with_name

    queries = canned_queries()
    if args.list:
        for query in queries.values():
            print(f"{query.name:20} {query.description}")
        return 0
    graphs = list(args.args)
    if args.canned:
        if args.canned not in queries:
            raise UsageError(f"unknown canned query {args.canned!r}; known: {', '.join(queries)}")
        text = with_name(queries[args.canned], args.name) if args.name else queries[args.canned].text
    elif args.file:
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{args.file}: cannot read ({exc.strerror or exc})") from None
    elif len(graphs) >= 2:
        text = graphs.pop()
    else:
        raise UsageError("give graph files and a query (text, -q NAME or -f FILE.rq)")
    if not graphs:
        raise UsageError("give at least one graph file")
    result = run_query([Path(g) for g in graphs], text)
    sys.stdout.write(getattr(result, _FORMATTERS[args.format])())
    return 0
