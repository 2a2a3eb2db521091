"""How fast the canned queries run on a big graph, with Oxigraph and with rdflib's own SPARQL.

The graph: the example panel's graph, copied until it holds about a million triples, each copy's
IRIs moved under their own path (``…/id/copy17/person/田奇``), so every copy is a distinct set of
transcripts and entities with the same shape.  Every canned query runs on Oxigraph; rdflib runs
only the ones named with ``--rdflib`` (by default one with GROUP BY and one plain join), as it is
slow at this size.  ``--graph FILE`` times them on a graph a build made instead (the benchmark
corpus's: ``talkgraph build benchmarks/data/corpus-5mb -o OUT``, then ``--graph OUT/graph.ttl``),
best of three, the queries that need a name with the speaker who made most claims and the entity
most claims are about.  Not run by the tests:

    .venv/bin/python benchmarks/query_benchmark.py [--triples 1000000] [--rdflib agreements,models]
    .venv/bin/python benchmarks/query_benchmark.py --graph OUT/graph.ttl
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from talkgraph.graph import build_graph
from talkgraph.graph.query import canned_queries, with_name
from talkgraph.ontology.namespace import DATA_BASE

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "idea-2021-panel.txt"


def replicated_ntriples(target: int) -> tuple[str, int]:
    """N-Triples of enough renamed copies of the example graph to reach ``target`` triples."""
    sample = build_graph([EXAMPLE]).rdf
    text = sample.serialize(format="nt")
    copies = max(1, round(target / len(sample)))
    parts = [text.replace(f"<{DATA_BASE}", f"<{DATA_BASE}copy{n}/") for n in range(copies)]
    return "".join(parts), copies * len(sample)


def timed(func):
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def count_oxigraph(store: ox.Store, query: str) -> int:
    return sum(1 for _ in store.query(query))


def count_rdflib(graph: Graph, query: str) -> int:
    return sum(1 for _ in graph.query(query))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--rdflib", default="agreements,models", help="canned queries to time with rdflib too")
    parser.add_argument("--graph", type=Path, help="time the queries on this graph file (Turtle) instead")
    args = parser.parse_args()
    if args.graph:
        time_built_graph(args.graph)
        return
    rdflib_names = [n for n in args.rdflib.split(",") if n]

    data, triples = replicated_ntriples(args.triples)
    store = ox.Store()
    load_ox, _ = timed(lambda: store.bulk_load(data.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
    rows = [("oxigraph", triples, "(load)", load_ox, None, "")]
    graph = Graph()
    if rdflib_names:
        load_rdf, _ = timed(lambda: graph.parse(data=data, format="nt"))
        rows.append(("rdflib", len(graph), "(load)", load_rdf, None, ""))

    for name, query in canned_queries().items():
        seconds, count = timed(lambda: count_oxigraph(store, query.text))
        rows.append(("oxigraph", triples, name, seconds, count, ""))
        if name in rdflib_names:
            slow, slow_count = timed(lambda: count_rdflib(graph, query.text))
            rows.append(("rdflib", len(graph), name, slow, slow_count, f"{slow / seconds:,.0f}× oxigraph"))
    print_table(rows)


def time_built_graph(path: Path) -> None:
    """The canned queries on a built graph, best of three, each needing a name given the first row
    of the overview that lists such names."""
    store = ox.Store()
    load, _ = timed(lambda: store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE))
    queries = canned_queries()
    first = {overview: next(iter(store.query(queries[overview].text)))[0].value for overview in ("speakers", "topics")}
    names = {"claims-by-speaker": first["speakers"], "claims-about": first["topics"], "entity": first["speakers"]}
    rows = [("oxigraph", len(store), "(load)", load, None, "")]
    for name, query in queries.items():
        text = with_name(query, names.get(name) if query.needs_name else None)
        best = min((timed(lambda: count_oxigraph(store, text)) for _ in range(3)), key=lambda r: r[0])
        label = f"{name} --name {names[name]}" if query.needs_name else name
        rows.append(("oxigraph", len(store), label, best[0], best[1], ""))
    print_table(rows)


def print_table(rows) -> None:
    header = ("engine", "triples", "query", "seconds", "rows", "ratio")
    cells = [header] + [(e, f"{t:,}", q, f"{s:.3f}", "" if c is None else f"{c:,}", r) for e, t, q, s, c, r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    for n, row in enumerate(cells):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


if __name__ == "__main__":
    main()
