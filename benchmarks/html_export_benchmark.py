"""Time and memory of the HTML view's export alone, on a built corpus.

Builds the corpus once, makes its quads (every file exporter shares them), then writes
``graph.html`` twice from a fresh ``BuiltGraph`` of the same corpus: once timed, once under
``tracemalloc`` for the peak of memory Python allocated during the export.  CPU time is printed
beside the wall clock: it holds steady on a busy machine.  Run it with the
code before and after a change to compare them on the same corpus in one sitting:

    .venv/bin/python benchmarks/make_corpus.py --mb 5 --out /tmp/corpus-5mb
    .venv/bin/python benchmarks/html_export_benchmark.py /tmp/corpus-5mb
"""
from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
from pathlib import Path

from talkgraph.graph.exporters import EXPORTERS, load_exporters
from talkgraph.graph.pipeline import BuiltGraph, build_graph, cyclic_gc_paused


def fresh(built: BuiltGraph) -> BuiltGraph:
    """The same corpus with nothing cached but its quads, as a default build has them."""
    again = BuiltGraph(built.corpus)
    again.quads  # noqa: B018 - made once by the build for the Turtle file
    return again


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a folder of transcripts")
    args = parser.parse_args()
    load_exporters()
    html = EXPORTERS["html"]
    paths = sorted(args.corpus.glob("*.txt"))
    size = sum(p.stat().st_size for p in paths)
    with cyclic_gc_paused():
        built = build_graph(paths)
        print(f"{len(paths)} transcripts, {size / 1e6:.2f} MB, {len(fresh(built).quads):,} quads")
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / "graph.html"
            timed = fresh(built)
            started, cpu = time.perf_counter(), time.process_time()
            html.write(timed, target)
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
            traced = fresh(built)
            tracemalloc.start()
            html.write(traced, target)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(f"html export: {seconds:.2f} s ({cpu:.2f} s CPU), peak {peak / 1e6:.0f} MB allocated, "
                  f"page {target.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
