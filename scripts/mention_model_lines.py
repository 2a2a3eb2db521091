#!/usr/bin/env python3
"""The mention model alone on texts from stdin, one per line, as the JSON lines ner_score.py reads.

    python ../shared/eval/ner_score.py ../shared/eval/ner/weibo.dev.txt -- \\
        .venv/bin/python scripts/mention_model_lines.py [--model FILE] [--unfiltered]

Measures the trained model without the rules (``talkgraph mentions --lines`` gives the combination).
"""
from __future__ import annotations

import argparse
import json
import sys

from talkgraph.extract.mention_model import model_mentions, tagged_spans


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", help="a model file other than the shipped one")
    parser.add_argument("--unfiltered", action="store_true", help="skip the post-filter")
    args = parser.parse_args(argv)
    find = tagged_spans if args.unfiltered else model_mentions
    for number, line in enumerate(sys.stdin):
        line = line.rstrip("\n")
        for span in find(line, args.model):
            print(json.dumps({"line": number, "start": span.start, "end": span.end, "type": span.kind.value,
                              "text": line[span.start:span.end], "score": span.score}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
