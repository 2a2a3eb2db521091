"""``talkgraph evaluate``: score built graphs against a hand-made gold file of the same transcript."""
from __future__ import annotations

import argparse
import json

from . import add_command

_MINIMA = ("entity-f1", "entity-precision", "entity-recall", "relation-recall", "relation-precision",
           "claim-recall", "turn-accuracy")


def configure(subparsers) -> None:
    parser = add_command(
        subparsers, "evaluate", "score built graphs against a gold file of the transcript",
        "Compare a built graph with a hand annotation of its transcript (the gold format is in\n"
        "docs/evaluation.md): turns in order, entities per type (precision, recall, duplicates),\n"
        "relations, titles and parameter counts, claims and offsets.  One line per area, then a\n"
        "summary; exit status 1 when a --min/--max threshold falls short.",
        ["talkgraph evaluate panel.gold.json outputs/graph.ttl",
         "talkgraph evaluate panel.gold.json outputs/graph.ttl --min-entity-f1 0.9 --max-duplicates 0"])
    parser.add_argument("gold", metavar="GOLD.json", help="the hand annotation")
    parser.add_argument("graphs", nargs="+", metavar="GRAPH", help="built graph files (talkgraph's ontology is read too)")
    parser.add_argument("--json", action="store_true", help="print everything as JSON")
    for name in _MINIMA:
        parser.add_argument(f"--min-{name}", type=float, metavar="X")
    parser.add_argument("--max-duplicates", type=int, metavar="N")
    parser.add_argument("--max-claims-per-sentence", type=float, metavar="X")
    parser.add_argument("--require-offsets", action="store_true", help="fail when an offset is wrong")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from talkgraph.graph.evaluation import evaluate
    from talkgraph.graph.evaluation_report import Threshold, as_dict, report_lines, shortfalls, summary
    from talkgraph.graph.gold import read_gold
    from talkgraph.graph.graph_files import load_graphs
    from talkgraph.ontology.namespace import ONTOLOGY_FILE

    gold = read_gold(args.gold)
    graph = load_graphs([*args.graphs, ONTOLOGY_FILE])
    result = evaluate(graph, gold)
    thresholds = [Threshold(n, getattr(args, "min_" + n.replace("-", "_"))) for n in _MINIMA
                  if getattr(args, "min_" + n.replace("-", "_")) is not None]
    if args.max_duplicates is not None:
        thresholds.append(Threshold("duplicates", args.max_duplicates, at_most=True))
    if args.max_claims_per_sentence is not None:
        thresholds.append(Threshold("claims-per-sentence", args.max_claims_per_sentence, at_most=True))
    if args.require_offsets:
        thresholds.append(Threshold("wrong-offsets", 0, at_most=True))
    print(json.dumps(as_dict(result), ensure_ascii=False, indent=1) if args.json else "\n".join(report_lines(result)))
    short = shortfalls(result, thresholds)
    print(("FALLS SHORT: " + "; ".join(short) + " | " if short else "OK | ") + summary(result))
    return 1 if short else 0
