"""Tagging speed of the trained mention model on one core, in characters per second.

Times, over the paragraphs of the given transcripts (default: the example), the feature extraction
alone, the CRF tagging with features (``tagged_spans``) and the whole call with the post-filter
(``model_mentions``), each the best of three passes after one warm-up pass.  Time is this process's CPU time, so the
rate is that of one core even on a machine other work shares.

    .venv/bin/python benchmarks/mention_model_benchmark.py [FILE...]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from talkgraph.extract.mention_model import char_features, model_mentions, tagged_spans

ROOT = Path(__file__).resolve().parent.parent


def best_rate(func, paragraphs: list[str], chars: int) -> float:
    for p in paragraphs:  # warm-up: loads the model, fills the character cache
        func(p)
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for p in paragraphs:
            func(p)
        best = min(best, time.process_time() - start)
    return chars / best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path, default=[ROOT / "examples" / "idea-2021-panel.txt"])
    args = parser.parse_args(argv)
    paragraphs = [line for f in args.files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    chars = sum(map(len, paragraphs))
    print(f"{len(paragraphs)} paragraphs, {chars:,} characters")
    for name, func in (("features only", char_features), ("features + CRF tagging", tagged_spans),
                       ("model_mentions (with the post-filter)", model_mentions)):
        print(f"{name:40} {best_rate(func, paragraphs, chars):>12,.0f} chars/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
