#!/usr/bin/env python3
"""The whole mention pipeline measured on held-out folds of the training corpora.

The shipped model was trained on every training sentence, so the pipeline's output there flatters
it.  Here each corpus is split by sentence index (``i % K``); fold ``k``'s model is trained by
``train()`` of ``scripts/train_mention_model.py`` (its parameters, its corpus mix) without fold
``k`` of any corpus, and ``talkgraph mentions --lines`` (rules, model, refusals, merge) runs with
that model (``mention_model.model_in_use``) on fold ``k``.  Scored as ``ner_score.py`` scores:
PER and ORG, exact spans; pooled over the folds and per fold.

    .venv/bin/python scripts/heldout_ner.py --models /tmp/folds [--folds 0,1] [--json out.json]

A fold's model is ``MODELS/foldK.npz`` (or ``.crfsuite``); one that is missing is trained first
(a few minutes each).  Never run on a dev split: that is what the dev splits are kept for.
"""
from __future__ import annotations

import argparse
import importlib.util
import io
import json
import sys
from pathlib import Path

from talkgraph.extract.mention_model import model_in_use
from talkgraph.graph.mentions_cli import print_line_mentions

K = 5
GOLD_TYPES = {"PER", "ORG"}
PRINTED_TYPES = {"Person": "PER", "Organization": "ORG"}
HERE = Path(__file__).resolve().parent


def _training_script():
    spec = importlib.util.spec_from_file_location("train_mention_model", HERE / "train_mention_model.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def split(sentences: list, k: int, folds: int = K) -> tuple[list, list]:
    """(the sentences outside fold ``k``, those in it): by index modulo ``folds``."""
    return ([s for i, s in enumerate(sentences) if i % folds != k],
            [s for i, s in enumerate(sentences) if i % folds == k])


def fold_model(trainer, corpora: Path, models: Path, k: int, folds: int) -> Path:
    """Fold ``k``'s model file, trained (without fold ``k`` of every corpus) when missing."""
    for suffix in (".npz", ".crfsuite"):
        if (models / f"fold{k}{suffix}").is_file():
            return models / f"fold{k}{suffix}"
    sentences = []
    for name, repeat in trainer.CORPORA.items():
        sentences += split(trainer.read_corpus(corpora / name), k, folds)[0] * repeat
    out = models / f"fold{k}.crfsuite"
    print(f"training fold {k} on {len(sentences)} sentences", file=sys.stderr)
    trainer.train(sentences, out, trainer.PARAMS)
    return trainer.write_tables(out)


def predicted(texts: list[str]) -> list[set[tuple[int, int, str]]]:
    """What ``talkgraph mentions --lines`` prints for each text: (start, end, PER|ORG)."""
    out = io.StringIO()
    print_line_mentions(io.StringIO("".join(t.replace("\n", " ") + "\n" for t in texts)), out)
    found: list[set[tuple[int, int, str]]] = [set() for _ in texts]
    for line in out.getvalue().splitlines():
        record = json.loads(line)
        if record["type"] in PRINTED_TYPES:
            found[record["line"]].add((record["start"], record["end"], PRINTED_TYPES[record["type"]]))
    return found


def counts(sentences: list, found: list[set]) -> dict[str, list[int]]:
    """tp, fp, fn by type (PER, ORG)."""
    result = {t: [0, 0, 0] for t in sorted(GOLD_TYPES)}
    for (_, spans), predicted_spans in zip(sentences, found):
        gold = {(s, e, t) for s, e, t in spans if t in GOLD_TYPES}
        for t in GOLD_TYPES:
            g = {x for x in gold if x[2] == t}
            p = {x for x in predicted_spans if x[2] == t}
            result[t][0] += len(g & p)
            result[t][1] += len(p - g)
            result[t][2] += len(g - p)
    return result


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def both(c: dict[str, list[int]]) -> tuple[float, float, float]:
    return prf(*(sum(c[t][i] for t in c) for i in range(3)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--models", required=True, type=Path, help="folder of foldK.npz models (trained when missing)")
    parser.add_argument("--corpora", type=Path, default=HERE.parent.parent / "shared" / "ner-train",
                        help="the training corpora (../shared/ner-train)")
    parser.add_argument("--folds", default=None, help="which folds to run, e.g. 0,1 (default: all)")
    parser.add_argument("-k", type=int, default=K, help=f"how many folds (default {K})")
    parser.add_argument("--json", type=Path, help="write the counts per corpus and fold here")
    args = parser.parse_args(argv)
    trainer = _training_script()
    folds = [int(f) for f in args.folds.split(",")] if args.folds else list(range(args.k))
    table: dict[str, dict[int, dict[str, list[int]]]] = {name: {} for name in trainer.CORPORA}
    for k in folds:
        model = fold_model(trainer, args.corpora, args.models, k, args.k)
        with model_in_use(str(model)):
            for name in trainer.CORPORA:
                held = split(trainer.read_corpus(args.corpora / name), k, args.k)[1]
                table[name][k] = counts(held, predicted([text for text, _ in held]))
    for name, by_fold in table.items():
        pooled = {t: [sum(c[t][i] for c in by_fold.values()) for i in range(3)] for t in sorted(GOLD_TYPES)}
        per = " ".join(f"P/R/F1 {t} " + "/".join(f"{x:.3f}" for x in prf(*pooled[t])) for t in sorted(pooled, reverse=True))
        tp, fp, fn = (sum(pooled[t][i] for t in pooled) for i in range(3))
        print(f"{name}: both F1 {both(pooled)[2]:.3f} (tp {tp} fp {fp} fn {fn})  {per}  folds "
              + " ".join(f"{both(by_fold[k])[2]:.3f}" for k in folds))
    if args.json:
        args.json.write_text(json.dumps(table, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
