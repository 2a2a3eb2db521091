"""The per-transcript work of a build (read, parse, extract) on a Dask distributed cluster.

``talkgraph build DIR --cluster tcp://HOST:8786`` sends one task per transcript to the cluster's
scheduler and takes the extractions back in input order; resolution, the graph and the files are
made in the calling process as in any build, so the result is byte-identical to a local build.

Dask rather than Ray: ``distributed`` is pure Python, needs nothing running but a scheduler and
its workers, and takes any Python callable and pickled result (a task costs about 3 ms, a
transcript's work about 0.3 s); it is an optional extra (``pip install 'talkgraph[cluster]'``), imported only when ``--cluster`` is given.

Each worker needs talkgraph installed and must see the transcripts at the paths the build names
(a shared or mounted file system): a task carries the path, not the text, so the client's network
link does not carry the corpus twice.  At most ``IN_FLIGHT`` transcripts are in flight at a time,
so the finished extractions waiting on the workers stay few however large the corpus.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from talkgraph.extract.errors import InputError, UsageError
from talkgraph.ontology import lexicon

if TYPE_CHECKING:
    from talkgraph.extract.model import Extraction

IN_FLIGHT_PER_THREAD = 4
CONNECT_TIMEOUT_S = 10


def cluster_extractions(paths: Sequence[Path], address: str, work: Callable[[Path], Extraction],
                        progress: Callable[[int, int, Path], None] | None = None) -> Iterator[Extraction]:
    """``work(path)`` for each path on the cluster at ``address``, yielded in input order, with the
    build's own names (``--lexicon``) in force on the workers."""
    work = partial(_with_user_lexicon, lexicon.user_entries(), work)
    client = connect(address)
    try:
        threads = max(1, sum(client.nthreads().values()))
        pending: deque = deque()
        queue = iter(paths)
        for path in queue:  # prime the workers
            pending.append(client.submit(work, path, pure=False))
            if len(pending) >= threads * IN_FLIGHT_PER_THREAD:
                break
        for n, path in enumerate(paths, 1):
            future = pending.popleft()
            extraction = future.result()
            future.release()
            following = next(queue, None)
            if following is not None:
                pending.append(client.submit(work, following, pure=False))
            yield extraction
            if progress:
                progress(n, len(paths), path)
    finally:
        client.close()


def _with_user_lexicon(entries: Mapping[str, tuple[lexicon.LexiconEntry, ...]], work: Callable[[Path], Extraction],
                       path: Path) -> Extraction:
    """On a worker, which may have served builds with other names: this build's names, then ``work``."""
    lexicon.use_user_lexicon(dict(entries))
    return work(path)


def connect(address: str):
    """A Dask client of the scheduler at ``address``; a missing extra or an unreachable scheduler is
    a one-line error."""
    try:
        from distributed import Client
    except ImportError:
        raise UsageError("--cluster needs Dask distributed: pip install 'talkgraph[cluster]'") from None
    try:
        return Client(address, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(f"{address}: cannot reach a Dask scheduler there ({exc})") from None
