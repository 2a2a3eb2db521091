"""Tagging speed of the trained mention model on one core, in characters per second.

Times, over the paragraphs of the given transcripts (default: the example), segmented beforehand
as a ``Doc`` segments them once for all components, the feature extraction alone, the CRF tagging with features (``tagged_spans``) and the whole call with the post-filter
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
from talkgraph.extract.tokens import vocabulary

ROOT = Path(__file__).resolve().parent.parent


def best_rate(func, paragraphs: list[tuple[str, list]], chars: int) -> float:
    for p, words in paragraphs:  # warm-up: loads the model, fills the character cache
        func(p, words)
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for p, words in paragraphs:
            func(p, words)
        best = min(best, time.process_time() - start)
    return chars / best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path, default=[ROOT / "examples" / "idea-2021-panel.txt"])
    args = parser.parse_args(argv)
    lines = [line for f in args.files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    paragraphs = [(line, [(t.word, t.start, t.end) for t in vocabulary().segment(line)]) for line in lines]
    chars = sum(map(len, lines))
    print(f"{len(paragraphs)} paragraphs, {chars:,} characters")
    for name, func in (("features only", char_features),
                       ("features + CRF tagging", lambda p, words: tagged_spans(p, None, words)),
                       ("model_mentions (with the post-filter)", lambda p, words: model_mentions(p, None, words))):
        print(f"{name:40} {best_rate(func, paragraphs, chars):>12,.0f} chars/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
