"""jieba-rs (through ``rjieba``) against jieba, as talkgraph segments: the same tokens, and how much faster?

talkgraph segments each paragraph with its own ``jieba.Tokenizer`` (``extract/tokens.py``):
jieba's default dictionary plus the lexicons' names (``add_word``, frequency 2000), in jieba's
default mode with the HMM for unknown words.  This benchmark gives ``rjieba.Jieba`` (the same
dictionary and algorithm, in Rust) exactly the words talkgraph adds — recorded by running
talkgraph's own ``vocabulary()`` against a recorder — segments every paragraph of a benchmark
corpus with both, and reports whether the ``(word, start, end)`` tokens are identical, the first
differences when not, and the time of each on one core.

    .venv/bin/python benchmarks/segmenter_benchmark.py [--mb 1] [--corpus DIR]

``rjieba`` is not a dependency of talkgraph: ``pip install rjieba`` to run this.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import make_corpus, read_sources  # noqa: E402

from talkgraph.extract import tokens  # noqa: E402

_PARAGRAPHS = re.compile(r"\n\s*\n")


class _WordsAdded:
    """Stands in for ``jieba.Tokenizer`` while talkgraph sets one up, and records the words added."""

    def __init__(self, *args, **kwargs) -> None:
        self.words: list[tuple[str, int | None]] = []

    def initialize(self) -> None:
        pass

    def add_word(self, word: str, freq: int | None = None, tag: str | None = None) -> None:
        self.words.append((word, freq))


def talkgraph_words() -> list[tuple[str, int | None]]:
    with mock.patch.object(tokens.jieba, "Tokenizer", _WordsAdded), \
            mock.patch.object(tokens, "_dictionary_tags", lambda tokenizer: {}):
        return tokens.vocabulary.__wrapped__().tokenizer.words


def rust_tokenizer():
    import rjieba

    segmenter = rjieba.Jieba()
    for word, freq in talkgraph_words():
        segmenter.add_word(word, freq, None)
    return segmenter


def paragraphs(corpus: Path) -> list[str]:
    return [p for path in sorted(corpus.glob("*.txt"))
            for p in _PARAGRAPHS.split(path.read_text(encoding="utf-8")) if p.strip()]


def compare(texts: list[str]) -> dict:
    python = tokens.vocabulary().tokenizer
    rust = rust_tokenizer()
    start = time.perf_counter()
    jieba_tokens = [tuple(python.tokenize(text)) for text in texts]
    jieba_seconds = time.perf_counter() - start
    start = time.perf_counter()
    rust_tokens = [tuple(rust.tokenize(text)) for text in texts]
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
    print(f"jieba  (talkgraph's Tokenizer.tokenize): {result['jieba_s']:.2f} s, "
          f"{result['characters'] / result['jieba_s']:,.0f} chars/s")
    print(f"rjieba (same words added)            : {result['rjieba_s']:.2f} s, "
          f"{result['characters'] / result['rjieba_s']:,.0f} chars/s, "
          f"{result['jieba_s'] / result['rjieba_s']:.1f}× faster")
    print(f"paragraphs whose tokens differ: {len(differing):,} of {result['paragraphs']:,}")
    for text, a, b in differing[:5]:
        print(f"  {first_difference(a, b)}  in  {text[:60]!r}")


if __name__ == "__main__":
    main()
