"""``talkgraph serve`` under load: 200 concurrent trivial queries behind three slow ones.

Starts a real ``talkgraph serve`` on 127.0.0.1 (a free port), sends three queries that run until
the server's time limit, then, while they run, 200 trivial queries at once, and prints each
trivial query's latency (from its own send to its answer).  The goal: every trivial query
answered within 2 s.  Then shows why workers are processes: a query given a time limit in a
thread keeps running (and burning CPU) after the caller gave up, while a worker process is
stopped and replaced.

    python benchmarks/serve_benchmark.py                 # the example transcript's graph
    python benchmarks/serve_benchmark.py --graph out/graph.ttl --command /other/venv/bin/talkgraph

``--command`` runs another installation (e.g. main's, for a before/after); ``--serve-args`` are
passed to ``serve`` as they are (``--serve-args ''`` for a version without ``--workers``).
"""
from __future__ import annotations

import argparse
import concurrent.futures as cf
import os
import shlex
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TRIVIAL = "ASK { ?s ?p ?o }"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ask(port: int, query: str, timeout: float) -> tuple[int, float]:
    started = time.perf_counter()
    url = f"http://127.0.0.1:{port}/sparql?" + urllib.parse.urlencode({"query": query})
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except OSError:
        status = 0  # no answer in time, or the connection was refused
    return status, time.perf_counter() - started


def wait_for(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if ask(port, TRIVIAL, 5)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit(f"the server did not start: {process.stderr.read().decode(errors='replace')[-400:]}")


def burst(port: int, slow: int, trivial: int, answer_within: float) -> None:
    slow_pool = cf.ThreadPoolExecutor(max(1, slow))
    slow_answers = [slow_pool.submit(ask, port, SLOW, 300) for _ in range(slow)]
    time.sleep(1.0)  # the slow queries are running
    start = threading.Barrier(trivial)

    def one(_):
        start.wait()
        return ask(port, TRIVIAL, 120)
    with cf.ThreadPoolExecutor(trivial) as pool:
        answers = list(pool.map(one, range(trivial)))
    latencies = sorted(seconds for status, seconds in answers if status == 200)
    failed = sum(status != 200 for status, _ in answers)
    print(f"{trivial} trivial queries behind {slow} slow ones: answered {len(latencies)}, failed {failed}")
    if latencies:
        p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
        print(f"  latency s: median {statistics.median(latencies):.3f}  p95 {p95:.3f}  max {latencies[-1]:.3f}")
    within = sum(seconds <= answer_within for seconds in latencies)
    print(f"  answered within {answer_within:g} s: {within}/{trivial}")
    print(f"  slow queries still running when the burst ended: {sum(not f.done() for f in slow_answers)}/{slow}")
    print(f"  slow queries' answers: {[f.result()[0] for f in slow_answers]}")
    slow_pool.shutdown()


def thread_versus_process(graph: Path, give_up_after: float) -> None:
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(path=str(graph), format=ox.RdfFormat.TURTLE)
    started = time.process_time()
    pool = cf.ThreadPoolExecutor(1)
    future = pool.submit(lambda: list(store.query(SLOW)))
    try:
        future.result(timeout=give_up_after)
    except cf.TimeoutError:
        pass
    time.sleep(2)
    print(f"in a thread: gave up after {give_up_after:g} s; 2 s later the query still runs: {future.running()}, "
          f"CPU used so far {time.process_time() - started:.1f} s (it cannot be cancelled; the benchmark "
          "exits without waiting for it)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graph", type=Path, help="a built graph (default: the example transcript, built now)")
    parser.add_argument("--command", default=f"{shlex.quote(sys.executable)} -m talkgraph.graph",
                        help="how to run talkgraph (default: this Python's)")
    parser.add_argument("--serve-args", default="--workers 4 --timeout 30", help="options for serve")
    parser.add_argument("--slow", type=int, default=3)
    parser.add_argument("--trivial", type=int, default=200)
    args = parser.parse_args()
    command = shlex.split(args.command)
    with tempfile.TemporaryDirectory() as tmp:
        graph = args.graph
        if graph is None:
            subprocess.run(command + ["build", str(ROOT / "examples" / "idea-2021-panel.txt"), "-o", tmp,
                                      "--format", "turtle"], check=True, capture_output=True)
            graph = Path(tmp) / "graph.ttl"
        port = free_port()
        process = subprocess.Popen(command + ["serve", str(graph), "--port", str(port),
                                              *shlex.split(args.serve_args)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            wait_for(port, process)
            print(f"talkgraph serve {args.serve_args} on {graph} ({args.command})")
            burst(port, args.slow, args.trivial, 2.0)
            started = time.perf_counter()
            status, _ = ask(port, SLOW, 300)
            print(f"a slow query past the time limit: HTTP {status} after {time.perf_counter() - started:.2f} s")
            recovered = time.perf_counter()
            while ask(port, TRIVIAL, 60)[0] != 200:
                pass
            print(f"  next trivial query answered {time.perf_counter() - recovered:.3f} s later")
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        thread_versus_process(graph, 1.0)
    sys.stdout.flush()
    os._exit(0)  # the thread above still runs its query: only ending the process stops it


if __name__ == "__main__":
    main()
