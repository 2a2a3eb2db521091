"""A build's output files committed together: all of them new, or all of them as they were.

Each exporter writes atomically on its own, but a build writes several files (``graph.ttl``,
``ontology.ttl``, ``graph.html``, ...): a full disk or an error half-way used to leave a folder
of new and old files that do not belong together.  So every output is first written into a
staging folder inside the output folder (the same file system, so moving is a rename), and only
when all are written is each moved into place.  The moves are renames, which need no space and
take microseconds; signals that would stop the process are held back while they run, and should
a rename still fail, those done are undone.  What a crash of the machine itself leaves is what
renames leave: each file whole, old or new.  A build killed outright leaves its staging folder
(hidden, named after its process); the next build into the folder removes it.
"""
from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from talkgraph.extract.errors import OutputError

STAGING_PREFIX = ".talkgraph-staging."
_HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


@contextmanager
def staged_outputs(out_dir: str | Path) -> Iterator[Path]:
    """A staging folder to write a build's outputs into; on leaving the block without an error,
    everything in it replaces the entries of the same names in ``out_dir``.  On an error nothing in
    ``out_dir`` changes and an ``OSError`` (a full disk, a file-size limit) becomes an ``OutputError``."""
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        _remove_abandoned(out_dir)
        staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}.", dir=out_dir))
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot write here ({exc.strerror or exc})") from None
    try:
        try:
            yield staging
        except OSError as exc:
            raise OutputError(f"{out_dir}: cannot write the outputs ({exc.strerror or exc}); "
                              "the previous outputs are unchanged") from None
        with _signals_held():
            _move_all(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _remove_abandoned(out_dir: Path) -> None:
    """Staging folders of builds that were killed (SIGKILL, a power cut) before they could clean up:
    each is named after its process, and removed once no such process runs."""
    for folder in out_dir.glob(f"{STAGING_PREFIX}*"):
        pid = folder.name[len(STAGING_PREFIX):].split(".", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: is there such a process, nothing sent
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:  # another user's
        return True
    return True


def _move_all(staging: Path, out_dir: Path) -> None:
    """Move every entry of ``staging`` into ``out_dir``; on a failure put back what was there."""
    previous = staging / ".previous"
    previous.mkdir()
    done: list[str] = []
    try:
        for entry in sorted(p for p in staging.iterdir() if p != previous):
            target = out_dir / entry.name
            _keep_aside(target, previous / entry.name)
            done.append(entry.name)  # to be undone should the rename below fail, or a later one
            os.replace(entry, target)
    except OSError as exc:
        for name in reversed(done):
            _restore(out_dir / name, previous / name)
        raise OutputError(f"{out_dir}: cannot move the new outputs into place ({exc.strerror or exc}); "
                          "the previous outputs are unchanged") from None


def _keep_aside(target: Path, aside: Path) -> None:
    """A way back for ``target``: a hard link to a file (which stays in place until replaced), a
    folder or a symbolic link moved away (a folder cannot be replaced by a rename)."""
    if not target.exists() and not target.is_symlink():
        return
    if target.is_dir() or target.is_symlink():
        os.replace(target, aside)
        return
    try:
        os.link(target, aside)
    except OSError:  # a file system without hard links: copy, the files are the build's own
        try:
            shutil.copy2(target, aside)
        except OSError:
            aside.unlink(missing_ok=True)  # no half copy may ever be put back
            raise


def _restore(target: Path, aside: Path) -> None:
    """Put back what ``target`` was: what was set aside, or nothing when there was nothing."""
    try:
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        if aside.exists() or aside.is_symlink():
            os.replace(aside, target)
        else:
            target.unlink(missing_ok=True)
    except OSError:
        pass


@contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP wait until the renames are done (main thread, POSIX only)."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
