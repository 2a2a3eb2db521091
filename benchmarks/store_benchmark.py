"""How fast a built graph goes into the shared stores a team would use: Oxigraph and Virtuoso.

Given a build's N-Quads (``talkgraph build DIR -o OUT --format nquads``), measured in one run, each
store fresh, on 127.0.0.1:

- ``oxigraph load`` (Oxigraph's bulk loader into an on-disk store, the server then opens it);
- ``talkgraph load`` into a running ``oxigraph serve`` (Graph Store Protocol, one PUT per named graph);
- Virtuoso's bulk loader (``ld_dir`` + ``rdf_loader_run`` + ``checkpoint`` through ``isql``);
- ``talkgraph load`` into Virtuoso (``/sparql-graph-crud-auth``).

Then the count of quads each store holds, as a check that everything arrived.

    .venv/bin/python benchmarks/store_benchmark.py OUT/graph.nq
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.servers import OXIGRAPH, VIRTUOSO, oxigraph_server, virtuoso_server  # noqa: E402

TALKGRAPH = [sys.executable, "-m", "talkgraph.graph"]
ISQL = shutil.which("isql-vt") or shutil.which("isql")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


class Failed(Exception):
    """A load that did not finish; the table says why instead of a time."""


def seconds(command: list[str], **kwargs) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if done.returncode:
        raise Failed(" ".join((done.stderr or done.stdout).split())[-200:])
    return time.perf_counter() - start


def attempt(label: str, load, held) -> tuple[str, float | str, int | None]:
    """``(label, seconds, quads held)``, or the failure in place of the seconds."""
    try:
        took = load()
    except Failed as failure:
        return label, f"failed: {failure}", None
    return label, took, held()


def count(endpoint: str) -> int:
    data = urllib.parse.urlencode({"query": COUNT}).encode()
    request = urllib.request.Request(endpoint, data=data, headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=600) as response:
        return int(response.read().decode().splitlines()[1])


def oxigraph_rows(nquads: Path, work: Path) -> list[tuple]:
    bulk = work / "oxigraph-bulk"
    took = seconds([OXIGRAPH, "load", "--location", str(bulk), "--file", str(nquads)])
    with oxigraph_server(bulk) as url:
        rows = [("oxigraph load (bulk loader)", took, count(f"{url}/query"))]
    with oxigraph_server(work / "oxigraph-gsp") as url:
        rows.append(attempt("talkgraph load → oxigraph serve (GSP)",
                            lambda: seconds([*TALKGRAPH, "load", str(nquads), "--endpoint", f"{url}/store"]),
                            lambda: count(f"{url}/query")))
    return rows


def virtuoso_rows(nquads: Path, work: Path) -> list[tuple]:
    rows = []
    bulk = work / "virtuoso-bulk"
    bulk.mkdir()
    shutil.copy(nquads, bulk / nquads.name)
    with virtuoso_server(bulk) as url:
        script = f"ld_dir('{bulk}', '{nquads.name}', 'urn:talkgraph:default'); rdf_loader_run(); checkpoint;"
        rows.append(attempt("Virtuoso bulk loader (ld_dir + rdf_loader_run)",
                            lambda: seconds([ISQL, str(_sql_port(bulk)), "dba", "dba", f"exec={script}"]),
                            lambda: _virtuoso_count(url)))
    gsp = work / "virtuoso-gsp"
    gsp.mkdir()
    with virtuoso_server(gsp) as url:
        rows.append(attempt("talkgraph load → Virtuoso (GSP)",
                            lambda: seconds([*TALKGRAPH, "load", str(nquads), "--endpoint",
                                             f"{url}/sparql-graph-crud-auth", "--user", "dba", "--password", "dba"]),
                            lambda: _virtuoso_count(url)))
    return rows


def _sql_port(directory: Path) -> int:
    for line in (directory / "virtuoso.ini").read_text(encoding="utf-8").splitlines():
        if line.startswith("ServerPort = 127.0.0.1:"):
            return int(line.rsplit(":", 1)[1])  # the first ServerPort is the SQL one
    raise SystemExit("no SQL port in virtuoso.ini")


def _virtuoso_count(url: str) -> int:
    """Quads in talkgraph's graphs only: Virtuoso keeps system graphs of its own."""
    query = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
             "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/talkgraph/')) }")
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(f"{url}/sparql", data=data, headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=600) as response:
        return int(response.read().decode().splitlines()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("nquads", type=Path, help="a build's graph.nq")
    args = parser.parse_args()
    quads = sum(1 for line in args.nquads.open("rb") if line.strip())
    rows = []
    with tempfile.TemporaryDirectory(prefix="talkgraph-stores-") as tmp:
        if OXIGRAPH:
            rows += oxigraph_rows(args.nquads, Path(tmp))
        if VIRTUOSO and ISQL:
            rows += virtuoso_rows(args.nquads, Path(tmp))
    print(f"{quads:,} quads ({args.nquads.stat().st_size / 1e6:.0f} MB of N-Quads)\n")
    print("| store and method | seconds | quads/s | quads in the store |")
    print("|---|---|---|---|")
    for label, took, held in rows:
        if isinstance(took, str):
            print(f"| {label} | {took} | | |")
        else:
            print(f"| {label} | {took:.1f} | {quads / took:,.0f} | {held:,} |")


if __name__ == "__main__":
    main()
