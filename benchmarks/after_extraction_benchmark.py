"""CPU time of everything a default build does after extraction, stage by stage.

``talkgraph build DIR -o OUT`` extracts each transcript, then resolves the corpus (keeping the
resolved transcripts on disk, as the CLI does for formats written part by part), prints the
warnings and summaries, and writes graph.ttl and graph.html with the shapes check.  This times
those later stages alone, on extractions made once and cached in a temporary folder (extraction is
timed by its own benchmarks), so that a change to the graph side is measured without the noise of
the much longer extraction.  CPU time, not the wall clock: it holds steady on a busy machine.

    .venv/bin/python benchmarks/after_extraction_benchmark.py /work/wt/corpus-1mb --repeat 2
"""
from __future__ import annotations

import argparse
import hashlib
import pickle
import tempfile
import time
from pathlib import Path

from talkgraph.graph.commands.build import _check_shapes
from talkgraph.graph.pipeline import (_extractions, cyclic_gc_paused, export_graph, resolved_graph, streams_every,
                                      transcript_paths)

FORMATS = ("turtle", "html")


def cached_extractions(corpus: Path) -> list:
    paths = transcript_paths([corpus])
    tag = hashlib.sha1("\n".join(f"{p}:{p.stat().st_mtime_ns}" for p in paths).encode()).hexdigest()[:12]
    cache = Path(tempfile.gettempdir()) / f"talkgraph-extractions-{tag}.pickle"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    extractions = list(_extractions(paths, 1, None))
    cache.write_bytes(pickle.dumps(extractions, protocol=pickle.HIGHEST_PROTOCOL))
    return extractions


def timed(stage: dict[str, float], name: str, work):
    cpu = time.process_time()
    result = work()
    stage[name] = stage.get(name, 0.0) + time.process_time() - cpu
    return result


def run_once(extractions: list, out: Path) -> dict[str, float]:
    stage: dict[str, float] = {}
    with cyclic_gc_paused():
        built = timed(stage, "resolve", lambda: resolved_graph(iter(extractions), on_disk=streams_every(FORMATS)))
        timed(stage, "report", lambda: (built.warnings(), built.summaries()))
        timed(stage, "export", lambda: export_graph(built, out, FORMATS, check_shapes=_check_shapes))
    stage["total"] = sum(stage.values())
    return stage


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a folder of transcripts")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--out", type=Path, help="where to write the outputs (default: a temporary folder)")
    args = parser.parse_args()
    extractions = cached_extractions(args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeat):
            stage = run_once(extractions, args.out or Path(tmp))
            print("  ".join(f"{name} {seconds:.2f}" for name, seconds in stage.items()), "s CPU")


if __name__ == "__main__":
    main()
