"""Build throughput, memory and scaling, measured in one run; prints a Markdown table.

Compares talkgraph's whole build (a subprocess, end to end, outputs written) with jieba's
part-of-speech tagging alone on the same text, at several corpus sizes, with one and two worker
processes, and into the persistent store.

    python benchmarks/build_benchmark.py              # 1, 5 and 10 MB
    python benchmarks/build_benchmark.py --quick      # 1 MB only
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import make_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TALKGRAPH = [sys.executable, "-m", "talkgraph.graph"]


def characters(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8")) for p in folder.glob("*.txt"))


def jieba_posseg_rate(folder: Path) -> float:
    """Characters per second of jieba.posseg over the corpus, dictionary loading excluded."""
    code = ("import sys, time, pathlib, jieba, jieba.posseg as ps; jieba.initialize(); "
            "texts=[p.read_text(encoding='utf-8') for p in sorted(pathlib.Path(sys.argv[1]).glob('*.txt'))]; "
            "t=time.perf_counter(); [list(ps.cut(x)) for x in texts]; "
            "print(sum(map(len, texts)) / (time.perf_counter() - t))")
    out = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def timed_build(args: list[str]) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of one ``talkgraph`` run (GNU time's %M)."""
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *TALKGRAPH, *args], check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    return seconds, int(done.stderr.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 10], help="corpus sizes in MB")
    parser.add_argument("--quick", action="store_true", help="1 MB only")
    parser.add_argument("--source", type=Path, action="append", help="transcripts to recombine")
    args = parser.parse_args()
    sizes = [1.0] if args.quick else args.sizes
    sources = args.source or [ROOT / "examples" / "idea-2021-panel.txt"]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for mb in sizes:
            corpus = tmp / f"corpus-{mb:g}"
            make_corpus(sources, mb, corpus)
            chars = characters(corpus)
            baseline = jieba_posseg_rate(corpus)
            runs = [("1 process", ["--no-validate", "--format", "turtle"]),
                    ("--jobs 2", ["--no-validate", "--format", "turtle", "--jobs", "2"]),
                    ("--store", ["--store", str(tmp / f"store-{mb:g}")])]
            for label, extra in runs:
                out = tmp / f"out-{mb:g}-{label}"
                seconds, peak = timed_build(["build", str(corpus), "-o", str(out), *extra])
                rate = chars / seconds
                rows.append((f"{mb:g} MB", f"{chars:,}", label, f"{seconds:.1f}", f"{rate:,.0f}",
                             f"{rate / baseline:.1f}×", f"{baseline:,.0f}", f"{peak:,.0f}"))
                shutil.rmtree(out, ignore_errors=True)
    header = ("corpus", "characters", "build", "seconds", "chars/s", "vs jieba POS", "jieba POS chars/s",
              "peak MB")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(f"\n{os.cpu_count()} cores; build = `talkgraph build DIR -o OUT` end to end, outputs written "
          "(Turtle; shapes check off; --store writes the store only).")


if __name__ == "__main__":
    main()
