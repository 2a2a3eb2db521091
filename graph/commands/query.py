"""``talkgraph query``: SPARQL 1.1 over built graphs, or one of the canned queries."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import GRAPH_INPUTS_HELP, add_command

_FORMATTERS = {"table": "to_table", "csv": "to_csv", "tsv": "to_tsv", "json": "to_json"}


def configure(subparsers) -> None:
    parser = add_command(
        subparsers, "query", "run SPARQL over built graphs",
        "Run a SPARQL 1.1 query over what 'talkgraph build' made (Oxigraph): a graph file, an output\n"
        "folder or a --store folder. SELECT and ASK print a table (IRIs as prefixed names), CONSTRUCT\n"
        "and DESCRIBE print Turtle. Give the query as the last argument, or a canned one with -q NAME,\n"
        "or a file with -f. 'talkgraph query --list' shows the canned queries.",
        ["talkgraph query outputs/ -q affiliations",
         "talkgraph query outputs/ -q entity --name 田奇 --format csv",
         "talkgraph query outputs/ 'SELECT ?n WHERE { ?p a schema:Person ; rdfs:label ?n }'",
         "talkgraph query outputs/ 'DESCRIBE ?p WHERE { ?p rdfs:label \"田奇\"@zh }'"])
    parser.add_argument("args", nargs="*", metavar="GRAPH [QUERY]", help=GRAPH_INPUTS_HELP + ", then the query text")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("-q", "--canned", metavar="NAME", help="a canned query from ontology/queries (see --list)")
    source.add_argument("-f", "--file", metavar="FILE.rq", help="a file holding the query")
    parser.add_argument("--name", help="the name for canned queries that need one (entity, claims-by-speaker, "
                                       "claims-about; see --list)")
    parser.add_argument("--format", choices=sorted(_FORMATTERS), default="table",
                        help="how SELECT results are printed (default table)")
    parser.add_argument("--full-iris", action="store_true", help="print full IRIs in the table, not prefixed names")
    parser.add_argument("--list", action="store_true", help="list the canned queries")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from talkgraph.extract.errors import InputError, UsageError
    from talkgraph.graph.query import GraphResult, canned_queries, run_query, with_name

    queries = canned_queries()
    if args.list:
        for query in queries.values():
            name_use = " (needs --name)" if query.needs_name else " (--name optional)" if query.takes_name else ""
            print(f"{query.name:20} {query.description}{name_use}")
        return 0
    graphs = list(args.args)
    if args.canned:
        if args.canned not in queries:
            raise UsageError(f"unknown canned query {args.canned!r}; known: {', '.join(queries)}")
        text = with_name(queries[args.canned], args.name)
    elif args.file:
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{args.file}: cannot read ({exc.strerror or exc})") from None
    elif len(graphs) >= 2:
        text = graphs.pop()
        if text in queries:  # talkgraph query out/ speakers: a canned query's name where the text goes
            raise UsageError(f"{text!r} is a canned query: run it with -q {text}")
    else:
        raise UsageError("give a graph (file, build output folder or --store folder) and a query "
                         "(text, -q NAME or -f FILE.rq)")
    if not graphs:
        raise UsageError("give at least one graph: a graph file, a build output folder or a --store folder")
    result = run_query(graphs, _with_talkgraph_prefixes(text))
    if isinstance(result, GraphResult):
        if args.format != "table":
            raise UsageError(f"a CONSTRUCT or DESCRIBE query gives a graph, printed as Turtle; "
                             f"--format {args.format} is for SELECT and ASK")
        sys.stdout.write(result.to_turtle())
    elif args.format == "table":
        sys.stdout.write(result.to_table(full_iris=args.full_iris))
    else:
        sys.stdout.write(getattr(result, _FORMATTERS[args.format])())
    return 0


def _with_talkgraph_prefixes(query: str) -> str:
    """A query typed on the command line may use talkgraph's prefixes (schema:, rdfs:, tg: …)
    without declaring them; the ones it declares itself win."""
    from talkgraph.graph.query import TALKGRAPH_PREFIXES, declared_prefixes

    declared = declared_prefixes(query)
    missing = [f"PREFIX {name}: <{iri}>" for name, iri in TALKGRAPH_PREFIXES.items() if name not in declared]
    return "\n".join(missing + [query])
