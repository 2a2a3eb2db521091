"""``talkgraph serve`` as a real process on 127.0.0.1: signals, logs and option values.

Issue 13 items 3 (SIGTERM/SIGINT leave no worker and free the port, also after a query timed out),
8 (no traceback in the log for bad requests or clients that go away) and 11's serve options.
"""
from __future__ import annotations

import os
import signal
import socket
import struct
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from talkgraph.graph import export_graph
from tests.helpers import run_cli
from tests.servers import free_port, wait_for_port

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TRIVIAL = "ASK { ?s ?p ?o }"
# how long a stopped server may take to end: generous, since the tests assert a clean end, not its speed,
# and a loaded machine (CI beside other work) slows the workers' shutdown
STOP_SECONDS = 120


@pytest.fixture(scope="module")
def graph_ttl(tmp_path_factory, built_sample) -> Path:
    out = tmp_path_factory.mktemp("serve-process")
    export_graph(built_sample, out, ["turtle"])
    return out / "graph.ttl"


def start(graph: Path, *options: str, sigint: signal.Handlers | None = None) -> tuple[subprocess.Popen, int]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "talkgraph.graph", "serve", str(graph), "--port", str(port),
                                *options], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               preexec_fn=(lambda: signal.signal(signal.SIGINT, sigint)) if sigint is not None else None)
    wait_for_port(port, process)
    return process, port


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"


def assert_port_free(port: int) -> None:
    """Bind and listen as a restarted server would (SO_REUSEADDR, as ``serve`` sets it): fails
    while any process still listens there."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
        sock.listen()


def ask(port: int, query: str) -> int:
    url = f"http://127.0.0.1:{port}/sparql?" + urllib.parse.urlencode({"query": query})
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def wait_for_workers(pid: int, count: int) -> list[int]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        workers = children(pid)
        if len(workers) >= count:
            return workers
        time.sleep(0.1)
    pytest.fail(f"{count} workers did not start")


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_server_and_workers_and_frees_the_port(graph_ttl, stop_signal):
    process, port = start(graph_ttl, "--workers", "2", "--timeout", "1")
    try:
        assert ask(port, SLOW) == 503  # a worker was killed and replaced: the case that left orphans
        assert ask(port, TRIVIAL) == 200
        workers = wait_for_workers(process.pid, 2)
        process.send_signal(stop_signal)
        assert process.wait(timeout=STOP_SECONDS) == 0
    finally:
        if process.poll() is None:
            process.kill()
    stderr = process.stderr.read().decode()
    assert "Traceback" not in stderr and "stopped" in stderr
    time.sleep(0.2)
    assert [w for w in workers if alive(w)] == [], "a query worker outlived the server"
    assert_port_free(port)


def test_sigint_stops_a_server_started_where_sigint_is_ignored(graph_ttl):
    """A background job of a non-interactive shell (``talkgraph serve … &``, a CI runner) starts with
    SIGINT ignored, which Python then leaves ignored: ``kill -INT`` must still stop the server."""
    process, port = start(graph_ttl, "--workers", "1", sigint=signal.SIG_IGN)
    try:
        wait_for_workers(process.pid, 1)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=STOP_SECONDS) == 0
    finally:
        if process.poll() is None:
            process.kill()
    assert "stopped" in process.stderr.read().decode()
    assert_port_free(port)


def test_a_signal_during_a_running_query_still_ends_everything(graph_ttl):
    process, port = start(graph_ttl, "--workers", "1", "--timeout", "60")
    try:
        workers = wait_for_workers(process.pid, 1)
        with socket.create_connection(("127.0.0.1", port)) as client:
            client.sendall(f"GET /sparql?{urllib.parse.urlencode({'query': SLOW})} HTTP/1.0\r\n\r\n".encode())
            time.sleep(1)
            process.terminate()
            assert process.wait(timeout=STOP_SECONDS) == 0
    finally:
        if process.poll() is None:
            process.kill()
    time.sleep(0.2)
    assert [w for w in workers if alive(w)] == []
    assert_port_free(port)


def test_a_killed_server_takes_its_workers_along(graph_ttl):
    process, port = start(graph_ttl, "--workers", "2")
    workers = wait_for_workers(process.pid, 2)
    process.kill()
    process.wait()
    deadline = time.monotonic() + 10
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [w for w in workers if alive(w)] == []


def test_bad_requests_and_vanishing_clients_leave_no_traceback(graph_ttl):
    process, port = start(graph_ttl, "--workers", "1")
    try:
        requests = [b"POST /sparql HTTP/1.1\r\nContent-Length: abc\r\n\r\nx",
                    b"POST /sparql HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
                    b"GARBAGE\r\n\r\n", b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\n\r\n",
                    b"GET /sparql?query=%ZZ HTTP/1.1\r\n\r\n", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"]
        for request in requests:
            with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
                client.sendall(request)
                client.shutdown(socket.SHUT_WR)
                while client.recv(65536):
                    pass
        big = urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"})
        for _ in range(5):  # ask for every triple, then reset the connection before reading
            client = socket.create_connection(("127.0.0.1", port))
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            client.sendall(f"GET /sparql?{big} HTTP/1.0\r\n\r\n".encode())
            time.sleep(0.3)
            client.close()
        assert ask(port, TRIVIAL) == 200
    finally:
        process.terminate()
        process.wait(timeout=STOP_SECONDS)
    stderr = process.stderr.read().decode()
    assert "Traceback" not in stderr and "Error" not in stderr, stderr


@pytest.mark.parametrize("option, value", [
    ("--port", "70000"), ("--port", "-1"), ("--port", "http"), ("--timeout", "0"), ("--timeout", "-1"),
    ("--timeout", "nan"), ("--timeout", "inf"), ("--workers", "0"), ("--workers", "x"), ("--cors", "evil"),
])
def test_bad_option_values_are_one_line(graph_ttl, option, value):
    result = run_cli("serve", str(graph_ttl), f"{option}={value}")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("error:") and value in lines[-1] and "Traceback" not in result.stderr


def test_listening_beyond_loopback_warns(tmp_path):
    """The warning comes before listening: a missing graph stops it there, nothing is bound."""
    result = run_cli("serve", str(tmp_path / "missing.ttl"), "--host", "0.0.0.0", "--port", "0")
    assert "warning: listening on 0.0.0.0" in result.stderr and result.returncode != 0
    quiet = run_cli("serve", str(tmp_path / "missing.ttl"), "--port", "0")
    assert "warning" not in quiet.stderr
