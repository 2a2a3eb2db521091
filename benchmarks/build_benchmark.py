"""Build throughput, scaling and memory, measured in one run; prints Markdown tables.

The baseline is jieba's part-of-speech tagging alone (``jieba.posseg``) on the same text: the
least any Chinese extraction has to do, so the ratio says what talkgraph adds on top.  The corpora
come from ``make_corpus.py``: transcripts in which no sentence occurs twice, the same for every
run, the smaller sizes the first files of the larger.  Each build is ``talkgraph build DIR -o OUT``
run as a subprocess, end to end (start-up, reading, extraction, resolution, the shapes check,
writing): the default build (Turtle and the HTML view) first, then ``--format turtle``,
``--jobs 2``, ``--store`` and ``--cluster`` (a Dask ``LocalCluster`` of two single-thread worker
processes on 127.0.0.1, started once by the benchmark, so its workers are warm as a cluster's
are), each when ``talkgraph build -h`` offers it.  Peak memory is the maximum resident set of the
build process, from ``/usr/bin/time -v`` (or ``getrusage`` when it is missing); for ``--cluster``
that is the client's alone.  Last, the canned queries are timed (best of three) on the graph of
the default build of the largest corpus.

    .venv/bin/python benchmarks/build_benchmark.py                 # 1, 5 and 20 MB
    .venv/bin/python benchmarks/build_benchmark.py --quick         # 1 MB only
    .venv/bin/python benchmarks/build_benchmark.py --sizes 1 2 4 --corpus DIR
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import DEFAULT_OUT, Sources, make_corpus, read_sources  # noqa: E402

TALKGRAPH = [sys.executable, "-m", "talkgraph.graph"]
GNU_TIME = Path("/usr/bin/time")
NOT_AVAILABLE = "not available"
BUILD_HEADER = ("corpus", "files", "characters", "run", "seconds", "chars/s", "speed vs jieba", "s per MB",
                "peak RSS MB")

JIEBA_POSSEG = """
import pathlib, sys, time
import jieba, jieba.posseg
jieba.setLogLevel(60)
jieba.initialize()
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))]
start = time.perf_counter()
for text in texts:
    for _ in jieba.posseg.cut(text):
        pass
print(time.perf_counter() - start)
"""


@dataclass(frozen=True, slots=True)
class Run:
    seconds: float
    peak_mb: float


def characters(corpus: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8")) for p in corpus.glob("*.txt"))


def jieba_seconds(corpus: Path) -> float:
    """Seconds of ``jieba.posseg`` over the corpus in a fresh process, dictionary loading excluded.

    A fresh process, as for the build, so jieba's caches warmed by one size do not flatter the next.
    """
    out = subprocess.run([sys.executable, "-c", JIEBA_POSSEG, str(corpus)], capture_output=True, text=True,
                         check=True)
    return float(out.stdout.strip().splitlines()[-1])


def build_options() -> str:
    return subprocess.run(TALKGRAPH + ["build", "-h"], capture_output=True, text=True, check=True).stdout


def installed_env(pycache: Path) -> dict[str, str]:
    """The environment of a build as an installed talkgraph runs: its modules' bytecode compiled once
    and reused (pip compiles it at install), here into ``pycache``, also where the environment says
    not to write bytecode (PYTHONDONTWRITEBYTECODE would have every build compile ~240 modules)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def timed(args: list[str], env: dict[str, str] | None = None) -> Run:
    """Wall time and peak resident memory of one ``talkgraph`` run."""
    if GNU_TIME.exists():
        start = time.perf_counter()
        done = subprocess.run([str(GNU_TIME), "-v", *TALKGRAPH, *args], capture_output=True, text=True, env=env)
        seconds = time.perf_counter() - start
        _check(done)
        peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
        return Run(seconds, int(peak.group(1)) / 1024 if peak else float("nan"))
    return _timed_with_rusage(args, env)


def _timed_with_rusage(args: list[str], env: dict[str, str] | None) -> Run:
    """Without GNU time, ``RUSAGE_CHILDREN`` holds the largest child so far, not this one's: an
    upper bound, exact only for the largest build, which is the one that matters."""
    start = time.perf_counter()
    done = subprocess.run([*TALKGRAPH, *args], capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    _check(done)
    return Run(seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def _check(done: subprocess.CompletedProcess) -> None:
    if done.returncode != 0:
        raise SystemExit(f"talkgraph failed ({done.returncode}):\n{done.stderr[-2000:]}")


HEADLINE = "build (default: Turtle + HTML)"


def variants(options: str, work: Path, mb: float, cluster: str | None) -> list[tuple[str, list[str] | None]]:
    """The builds to measure, each with its extra options, or None when the build lacks them."""
    store = work / f"store-{mb:g}mb"
    return [
        (HEADLINE, []),
        ("build --format turtle", ["--format", "turtle"]),
        ("build --jobs 2", ["--jobs", "2"] if "--jobs" in options else None),
        ("build --store (no files)", ["--store", str(store)] if "--store" in options else None),
        ("build --cluster (2 local workers)", ["--cluster", cluster] if cluster else None),
    ]


@contextmanager
def local_cluster(options: str) -> Iterator[str | None]:
    """The address of a Dask ``LocalCluster`` of two single-thread workers on 127.0.0.1, or None when
    the build has no ``--cluster`` or Dask distributed is not installed."""
    try:
        from distributed import LocalCluster
    except ImportError:
        yield None
        return
    if "--cluster" not in options:
        yield None
        return
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        yield cluster.scheduler_address


BUSIEST_SPEAKER = """
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX tg: <https://w3id.org/talkgraph/ontology#>
SELECT ?label WHERE { ?claim tg:claimType ?type ; schema:author/rdfs:label ?label }
GROUP BY ?label ORDER BY DESC(COUNT(?claim)) ?label LIMIT 1
"""


def query_times(graph_file: Path, repeat: int = 3) -> list[tuple[str, ...]]:
    """Each canned query's rows and seconds (the best of ``repeat`` runs) on a built graph, loaded into
    an in-memory Oxigraph store and read row by row as ``talkgraph query`` does; a query that takes
    a name is timed with the name of the speaker who made the most claims too (``claims-about``
    with the entity most claims are about, the first row of ``topics``)."""
    import pyoxigraph as ox

    from talkgraph.graph.query import canned_queries, with_name

    store = ox.Store()
    start = time.perf_counter()
    store.load(path=str(graph_file), format=ox.RdfFormat.TURTLE)
    rows = [("(load graph.ttl)", f"{len(store):,} triples", f"{time.perf_counter() - start:.2f}")]
    person = next((row["label"].value for row in store.query(BUSIEST_SPEAKER)), None)
    queries = canned_queries()
    topic = next((row[0].value for row in store.query(queries["topics"].text)), None)
    for name, query in queries.items():
        runs = [] if query.needs_name else [(name, query.text)]
        named = topic if name == "claims-about" else person
        if query.takes_name and named:
            runs.append((f"{name} --name {named}", with_name(query, named)))
        for label, text in runs:
            best = float("inf")
            for _ in range(repeat):
                start = time.perf_counter()
                count = sum(1 for _ in store.query(text))
                best = min(best, time.perf_counter() - start)
            rows.append((label, f"{count:,} rows", f"{best:.3f}"))
    return rows


def measure(sizes: list[float], data: Path, keep: bool, sources: Sources
            ) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """The build table's rows, and the canned queries' times on the largest corpus's graph."""
    options = build_options()
    rows: list[tuple[str, ...]] = []
    queries: list[tuple[str, ...]] = []
    with tempfile.TemporaryDirectory(prefix="talkgraph-bench-") as tmp, local_cluster(options) as cluster:
        work = Path(tmp)
        env = installed_env(work / "pycache")
        for mb in sizes:
            corpus = data / f"corpus-{mb:g}mb"
            files = make_corpus(corpus, mb, sources=sources)
            timed(["build", str(files[0]), "-o", str(work / "warm-up")], env)  # compiles the bytecode, once
            chars = characters(corpus)
            base = jieba_seconds(corpus)
            rows.append(_row(mb, len(files), chars, "jieba.posseg alone (baseline)", Run(base, float("nan")), base))
            for label, extra in variants(options, work, mb, cluster):
                if extra is None:
                    rows.append((f"{mb:g} MB", str(len(files)), f"{chars:,}", label, NOT_AVAILABLE, "", "", "", ""))
                    continue
                out = work / "out"
                rows.append(_row(mb, len(files), chars, label,
                                 timed(["build", str(corpus), "-o", str(out), *extra], env), base))
                if label == HEADLINE and mb == max(sizes):
                    queries = query_times(out / "graph.ttl")
                shutil.rmtree(out, ignore_errors=True)
            if not keep:
                shutil.rmtree(corpus)
    return rows, queries


def _row(mb: float, files: int, chars: int, label: str, run: Run, base: float) -> tuple[str, ...]:
    peak = "" if run.peak_mb != run.peak_mb else f"{run.peak_mb:,.0f}"  # NaN: not measured
    return (f"{mb:g} MB", str(files), f"{chars:,}", label, f"{run.seconds:.1f}", f"{chars / run.seconds:,.0f}",
            f"{base / run.seconds:.1f}×", f"{run.seconds / mb:.1f}", peak)


def table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 20], metavar="MB",
                        help="corpus sizes in MB (default 1 5 20)")
    parser.add_argument("--corpus", type=Path, metavar="DIR",
                        help="transcripts whose sentences make the corpora (default ../shared/corpus, else examples/)")
    parser.add_argument("--quick", action="store_true", help="1 MB only")
    parser.add_argument("--data", type=Path, default=DEFAULT_OUT, help="where corpora are made (git-ignored)")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpora")
    args = parser.parse_args()
    sizes = [1.0] if args.quick else args.sizes
    sources = read_sources(args.corpus)
    rows, queries = measure(sizes, args.data, args.keep, sources)
    print(table(rows, BUILD_HEADER))
    print(f"\n{os.cpu_count()} CPU(s), Python {sys.version.split()[0]}. Corpora of {len(sources.sentences):,} "
          f"distinct sentences of {sources.folder.name}/, none twice in a transcript. Build = `talkgraph build "
          "DIR -o OUT [options]` in a fresh process, start-up and writing included, its modules' bytecode "
          "compiled once beforehand as an install compiles it; jieba excludes its "
          "dictionary loading. Peak RSS from " + ("/usr/bin/time -v" if GNU_TIME.exists() else "getrusage")
          + " (for --cluster, the client process's).")
    print(f"\nCanned queries on the graph of the {max(sizes):g} MB corpus (Oxigraph in memory, as `talkgraph query`; "
          "best of 3):\n")
    print(table(queries, ("query", "result", "seconds")))


if __name__ == "__main__":
    main()
