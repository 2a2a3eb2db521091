"""A pool of query worker processes for ``serve``: a slow query holds one worker, never the others.

An Oxigraph query cannot be interrupted from another thread (it runs in Rust until it ends), so
each worker is a process of its own holding the graph in memory, and a query past its time limit
is stopped by killing that process; a fresh worker loads the graph and takes its place while the
others go on answering.  Workers are plain subprocesses (``python -m talkgraph.graph.query_workers``)
talking length-prefixed frames over their stdin and stdout: they inherit no socket, so the port
is free as soon as the server closes it, and on Linux they die with the server even when it is
killed outright (``PR_SET_PDEATHSIG``).  They ignore SIGINT: the server stops them itself.
"""
from __future__ import annotations

import io
import json
import os
import queue
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

from talkgraph.extract.errors import InputError, TalkgraphError

RESULT_TYPES = {  # Accept header → (pyoxigraph format name, content type)
    "application/sparql-results+json": ("JSON", "application/sparql-results+json"),
    "application/json": ("JSON", "application/sparql-results+json"),
    "text/csv": ("CSV", "text/csv; charset=utf-8"),
    "text/tab-separated-values": ("TSV", "text/tab-separated-values; charset=utf-8"),
    "application/sparql-results+xml": ("XML", "application/sparql-results+xml"),
}
GRAPH_TYPES = {"text/turtle": "TURTLE", "application/n-triples": "N_TRIPLES"}
_FRAME = struct.Struct("!I")
_KILL_GRACE = 5.0  # seconds a worker may take to exit before it is killed
MAX_ANSWER_BYTES = 256 << 20  # an answer past this is refused rather than held in memory twice
LONG_QUERY = 0.25  # seconds after which a query counts as long and its worker runs at a lower priority
LONG_QUERY_NICENESS = 10


class QueryTimeout(TalkgraphError):
    """The query ran past its time limit and its worker was stopped."""


class QueryRejected(TalkgraphError):
    """The engine refused the query (bad syntax, an unsupported feature)."""


class AnswerTooLarge(TalkgraphError):
    """The answer grew past the size a worker may send; serializing it was stopped there."""


class PoolBusy(TalkgraphError):
    """Every worker stayed busy for as long as a query may wait."""


# ------------------------------------------------------------------ inside a worker process


class _CappedBuffer(io.RawIOBase):
    """Where an answer is serialized: past ``limit`` bytes it stops the serializer."""

    def __init__(self, limit: int) -> None:
        self.buffer, self.limit = io.BytesIO(), limit

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        if self.buffer.tell() + len(data) > self.limit:
            size = f"{self.limit >> 20} MB" if self.limit >= 1 << 20 else f"{self.limit} bytes"
            raise AnswerTooLarge(f"the answer is larger than {size}; narrow the query or add a LIMIT")
        return self.buffer.write(data)


def _answer(store, query: str, accept: str, limit: int) -> tuple[bytes, str]:
    import pyoxigraph as ox

    results = store.query(query, use_default_graph_as_union=True)
    output = _CappedBuffer(limit)
    if isinstance(results, (ox.QuerySolutions, ox.QueryBoolean)):
        name, content_type = RESULT_TYPES.get(accept, RESULT_TYPES["application/sparql-results+json"])
        results.serialize(output=output, format=getattr(ox.QueryResultsFormat, name))
    else:
        content_type = accept if accept in GRAPH_TYPES else "text/turtle"
        ox.serialize(results, output=output, format=getattr(ox.RdfFormat, GRAPH_TYPES.get(accept, "TURTLE")))
    return output.buffer.getvalue(), content_type


def _die_with_parent(parent_pid: int) -> None:
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() != parent_pid:  # the server was gone before the line above ran
        os._exit(0)


def worker_main(argv: list[str]) -> int:
    """``python -m talkgraph.graph.query_workers PARENT_PID MAX_ANSWER_BYTES GRAPH...``: load, say
    ready, answer."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(int(argv[0]))
    requests = sys.stdin.buffer
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")  # the reply pipe, kept apart from stdout:
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())         # a library's print cannot corrupt a frame
    sys.stdout = sys.stderr
    from talkgraph.graph.graph_files import union_store

    try:
        store = union_store(argv[2:])
    except TalkgraphError as exc:
        _write_frames(replies, {"error": "input", "message": str(exc)}, b"")
        return 1
    _write_frames(replies, {"ready": True}, b"")
    while True:
        request = _read_frames(requests)
        if request is None:
            return 0
        header, body = request
        try:
            data, content_type = _answer(store, body.decode("utf-8"), header["accept"], int(argv[1]))
        except AnswerTooLarge as exc:
            _write_frames(replies, {"error": "too-large", "message": str(exc)}, b"")
        except SyntaxError as exc:
            _write_frames(replies, {"error": "syntax", "message": str(exc)}, b"")
        except Exception as exc:  # noqa: BLE001 - any engine error is this query's answer, not the worker's end
            _write_frames(replies, {"error": "engine", "message": str(exc).splitlines()[0] if str(exc) else
                                    type(exc).__name__}, b"")
        else:
            _write_frames(replies, {"content_type": content_type}, data)


def _write_frames(stream, header: dict, body: bytes) -> None:
    encoded = json.dumps(header).encode("utf-8")
    stream.write(_FRAME.pack(len(encoded)) + encoded + _FRAME.pack(len(body)) + body)
    stream.flush()


def _read_frames(stream) -> tuple[dict, bytes] | None:
    parts = []
    for _ in range(2):
        size = stream.read(_FRAME.size)
        if len(size) < _FRAME.size:
            return None
        parts.append(stream.read(_FRAME.unpack(size)[0]))
    return json.loads(parts[0]), parts[1]


# ------------------------------------------------------------------ in the server


class _Worker:
    """One worker process and the read side of its reply pipe."""

    def __init__(self, graph_files: list[str], max_answer_bytes: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "talkgraph.graph.query_workers", str(os.getpid()), str(max_answer_bytes),
             *graph_files],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, close_fds=True)
        self._fd = self.process.stdout.fileno()

    def send(self, header: dict, body: bytes) -> None:
        _write_frames(self.process.stdin, header, body)

    def receive(self, deadline: float) -> tuple[dict, bytes] | None:
        """The next reply, or ``None`` if the deadline passed first; EOFError if the worker ended."""
        parts = []
        for _ in range(2):
            size = self._read_exact(_FRAME.size, deadline)
            if size is None:
                return None
            data = self._read_exact(_FRAME.unpack(size)[0], deadline)
            if data is None:
                return None
            parts.append(data)
        return json.loads(parts[0]), parts[1]

    def _read_exact(self, count: int, deadline: float) -> bytes | None:
        chunks, missing = [], count
        while missing:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self._fd], [], [], remaining)[0]:
                return None
            chunk = os.read(self._fd, min(missing, 1 << 20))
            if not chunk:
                raise EOFError("the query worker ended")
            chunks.append(chunk)
            missing -= len(chunk)
        return b"".join(chunks)

    def set_niceness(self, niceness: int) -> None:
        """Best effort: raising the priority again needs privileges a user may not have; such a
        worker stays at the lower priority, which only matters when every worker is busy."""
        try:
            os.setpriority(os.PRIO_PROCESS, self.process.pid, niceness)
        except OSError:
            pass

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(timeout=_KILL_GRACE)
        except subprocess.TimeoutExpired:
            pass
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:
                pass


@dataclass
class QueryPool:
    """``workers`` processes answering queries, each query stopped after ``timeout`` seconds.

    A query waits at most ``queue_wait`` seconds for a free worker (one may be loading the graph
    in place of a stopped one), then is answered "busy".
    """

    graph_files: list[str]
    workers: int = 4
    timeout: float = 10.0
    queue_wait: float = 60.0
    max_answer_bytes: int = MAX_ANSWER_BYTES
    start_timeout: float = 600.0

    def __post_init__(self) -> None:
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        # Workers are started by one long-lived thread, one after another: PR_SET_PDEATHSIG ends
        # a worker when the thread that started it ends (a request's thread ends with its
        # request), and a --store folder can be opened by one process at a time.
        self._spawn_requests: queue.Queue[bool] = queue.Queue()
        self._first_ready: queue.Queue[BaseException | None] = queue.Queue()
        self._spawner = threading.Thread(target=self._spawn_loop, name="talkgraph-query-spawner", daemon=True)
        self._spawner.start()
        for _ in range(self.workers):
            self._spawn_requests.put(True)
        try:
            for _ in range(self.workers):
                failure = self._first_ready.get(timeout=self.start_timeout)
                if failure is not None:
                    raise failure
        except BaseException:
            self.close()
            raise

    def _spawn_loop(self) -> None:
        started = 0
        while self._spawn_requests.get():
            try:
                self._start_one()
                failure = None
            except (TalkgraphError, OSError) as exc:
                failure = exc
            started += 1
            if started <= self.workers:
                self._first_ready.put(failure)
            elif failure is not None and not self._closed:
                print(f"talkgraph serve: a query worker could not start ({failure}); "
                      f"{len(self._all)} remain", file=sys.stderr)

    def _start_one(self) -> None:
        """Start a worker, wait for its graph to load, then offer it to queries."""
        worker = _Worker(self.graph_files, self.max_answer_bytes)
        with self._lock:
            if self._closed:
                worker.stop()
                return
            self._all.add(worker)
        try:
            reply = worker.receive(time.monotonic() + self.start_timeout)
        except EOFError:
            reply = ({"error": "input", "message": "the query worker ended while loading the graph"}, b"")
        if reply is None or "ready" not in reply[0]:
            self._retire(worker)
            raise InputError(reply[0]["message"] if reply else "the graph took too long to load")
        self._idle.put(worker)

    def _replace(self) -> None:
        """Start a worker in the background in place of a stopped one."""
        if not self._closed:
            self._spawn_requests.put(True)

    def _retire(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.stop()

    def run(self, query: str, accept: str) -> tuple[bytes, str]:
        """The serialized answer and its content type."""
        try:
            worker = self._idle.get(timeout=self.queue_wait)
        except queue.Empty:
            raise PoolBusy(f"all {self.workers} query workers stayed busy for {self.queue_wait:g} s; "
                           "try again") from None
        deadline = time.monotonic() + self.timeout
        try:
            worker.send({"accept": accept}, query.encode("utf-8"))
            reply = worker.receive(min(deadline, time.monotonic() + LONG_QUERY))
            if reply is None:  # a long query: it yields the processors to short ones while it runs
                worker.set_niceness(LONG_QUERY_NICENESS)
                reply = worker.receive(deadline)
                worker.set_niceness(0)
        except (EOFError, OSError):
            self._retire(worker)
            self._replace()
            raise QueryRejected("the query worker stopped while answering (out of memory?)") from None
        if reply is None:
            self._retire(worker)
            self._replace()
            raise QueryTimeout(f"the query ran longer than {self.timeout:g} s and was stopped")
        self._idle.put(worker)
        header, body = reply
        if "error" in header:
            raise (AnswerTooLarge if header["error"] == "too-large" else QueryRejected)(header["message"])
        return body, header["content_type"]

    def worker_pids(self) -> list[int]:
        with self._lock:
            return sorted(w.process.pid for w in self._all)

    def close(self) -> None:
        """Stop every worker and wait for each to end: no process outlives the pool."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        self._spawn_requests.put(False)
        for worker in workers:
            worker.stop()


if __name__ == "__main__":
    sys.exit(worker_main(sys.argv[1:]))
