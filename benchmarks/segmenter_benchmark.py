"""talkgraph's segmenter (jieba-rs through ``rjieba``) against Python's jieba: the same tokens, and how much faster?

talkgraph segments each paragraph with ``extract.tokens.Segmenter``: jieba-rs with the
lexicons' names added, its output cut as Python's jieba cuts it.  The reference is Python's
``jieba.Tokenizer`` with the same words added (``tokens.reference_tokenizer``), as talkgraph
segmented before.  This benchmark segments every paragraph of a benchmark corpus with both, and
reports whether the ``(word, start, end)`` tokens are identical, the first differences when not,
and the time of each on one core.

    .venv/bin/python benchmarks/segmenter_benchmark.py [--mb 1] [--corpus DIR]
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import make_corpus, read_sources  # noqa: E402

from talkgraph.extract import tokens  # noqa: E402

_PARAGRAPHS = re.compile(r"\n\s*\n")


def paragraphs(corpus: Path) -> list[str]:
    return [p for path in sorted(corpus.glob("*.txt"))
            for p in _PARAGRAPHS.split(path.read_text(encoding="utf-8")) if p.strip()]


def compare(texts: list[str]) -> dict:
    segmenter = tokens.vocabulary().segmenter
    python = tokens.reference_tokenizer()
    start = time.perf_counter()
    jieba_tokens = [tuple(python.tokenize(text)) for text in texts]
    jieba_seconds = time.perf_counter() - start
    start = time.perf_counter()
    rust_tokens = [segmenter.tokenize(text) for text in texts]
    rust_seconds = time.perf_counter() - start
    differences = [(text, a, b) for text, a, b in zip(texts, jieba_tokens, rust_tokens) if a != b]
    return {"paragraphs": len(texts), "characters": sum(map(len, texts)), "jieba_s": jieba_seconds,
            "rjieba_s": rust_seconds, "differences": differences}


def first_difference(a: tuple, b: tuple) -> str:
    for x, y in zip(a, b):
        if x != y:
            return f"jieba {x} / rjieba {y}"
    return f"jieba {len(a)} tokens / rjieba {len(b)} tokens"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=1, help="corpus size in MB (default 1)")
    parser.add_argument("--corpus", type=Path, metavar="DIR", help="transcripts to draw sentences from")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="talkgraph-seg-") as tmp:
        corpus = Path(tmp) / "corpus"
        make_corpus(corpus, args.mb, sources=read_sources(args.corpus))
        result = compare(paragraphs(corpus))
    differing = result["differences"]
    print(f"{result['paragraphs']:,} paragraphs, {result['characters']:,} characters")
    print(f"Python jieba (same words added)  : {result['jieba_s']:.2f} s, "
          f"{result['characters'] / result['jieba_s']:,.0f} chars/s")
    print(f"talkgraph Segmenter (jieba-rs)   : {result['rjieba_s']:.2f} s, "
          f"{result['characters'] / result['rjieba_s']:,.0f} chars/s, "
          f"{result['jieba_s'] / result['rjieba_s']:.1f}× faster")
    print(f"paragraphs whose tokens differ: {len(differing):,} of {result['paragraphs']:,}")
    for text, a, b in differing[:5]:
        print(f"  {first_difference(a, b)}  in  {text[:60]!r}")


if __name__ == "__main__":
    main()
