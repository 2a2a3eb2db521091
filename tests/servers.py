"""Real SPARQL servers for the tests, started on 127.0.0.1 on free ports and always stopped."""
from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

OXIGRAPH = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
VIRTUOSO = shutil.which("virtuoso-t")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited early: {process.stderr.read().decode(errors='replace')[-500:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"no server listening on 127.0.0.1:{port} after {seconds:g} s")


@contextlib.contextmanager
def running(command: list[str], port: int, cwd: Path | None = None):
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_port(port, process)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def oxigraph_server(location: Path):
    """``oxigraph serve``; yields its base URL (``/store`` for GSP, ``/query`` for SPARQL)."""
    port = free_port()
    command = [OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", "--union-default-graph"]
    with running(command, port):
        yield f"http://127.0.0.1:{port}"


VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = ., {d}

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d}
MaxClientConnections = 4
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


@contextlib.contextmanager
def virtuoso_server(directory: Path):
    """Virtuoso with its own ini and database in ``directory``; yields its HTTP base URL.

    A fresh database has the user ``dba`` with password ``dba``; its authenticated Graph Store
    endpoint is ``/sparql-graph-crud-auth`` (digest auth), its query endpoint ``/sparql``.
    """
    sql_port, http_port = free_port(), free_port()
    ini = directory / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(d=directory, sql_port=sql_port, http_port=http_port), encoding="utf-8")
    with running([VIRTUOSO, "-f", "-c", str(ini)], http_port, cwd=directory):
        yield f"http://127.0.0.1:{http_port}"


def select(endpoint: str, query: str) -> list[tuple[str, ...]]:
    """A SELECT over HTTP (SPARQL 1.1 Protocol), rows of strings sorted."""
    import json

    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(endpoint, data=data, headers={"Accept": "application/sparql-results+json",
                                                                   "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=60) as response:
        result = json.load(response)
    names = result["head"]["vars"]
    return sorted(tuple(b.get(n, {}).get("value", "") for n in names) for b in result["results"]["bindings"])
