"""Which files a build reads: the files given, and the transcripts found in the folders given.

Every input that cannot be read is named with why, in one line each, rather than skipped in
silence, read until it blocks (a FIFO waits for a writer for ever) or reported as missing when it
is there (a symbolic link that loops).  A folder is walked following symbolic links to folders,
each folder once, so a link back to a parent does not loop.  A build stops at the first refusal,
or with ``--keep-going`` builds the rest and lists them all.
"""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from talkgraph.extract.errors import InputError
from talkgraph.extract.reading import slugify

_SPECIAL_FILES = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
                  (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


@dataclass(frozen=True, slots=True)
class TranscriptFiles:
    """The transcripts to read, in order, and every input refused, each with its one-line reason."""

    paths: tuple[Path, ...]
    refused: tuple[InputError, ...]


def find_transcripts(inputs: Iterable[str | Path], suffixes: tuple[str, ...]) -> TranscriptFiles:
    """Files as given; in folders, the files whose suffix is one of ``suffixes``, sorted.

    Two transcripts whose names give the same document IRI would share a graph: the later is refused.
    """
    paths: list[Path] = []
    refused: list[InputError] = []
    for item in inputs:
        path = Path(item)
        status = _status(path, refused)
        if status is None:
            continue
        if stat.S_ISDIR(status.st_mode):
            found: list[Path] = []
            refused_before = len(refused)
            _walk(path, suffixes, found, refused, {(status.st_dev, status.st_ino)})
            if not found and len(refused) == refused_before:
                refused.append(InputError(f"{path}: no transcripts ({', '.join('*' + s for s in suffixes)}) "
                                          "in this directory"))
            paths += sorted(found)
        elif _is_transcript_file(path, status, refused):
            paths.append(path)
    return TranscriptFiles(*_unique_ids(paths, refused))


def _walk(folder: Path, suffixes: tuple[str, ...], found: list[Path], refused: list[InputError],
          seen: set[tuple[int, int]]) -> None:
    try:
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries)
    except OSError as exc:
        refused.append(InputError(f"{folder}: cannot be read ({exc.strerror or exc}); "
                                  "the transcripts in it are not built"))
        return
    for name in names:
        path = folder / name
        transcript = path.suffix.lower() in suffixes
        status = _status(path, refused if transcript else [])
        if status is None:
            continue
        if stat.S_ISDIR(status.st_mode):
            if (status.st_dev, status.st_ino) not in seen:  # a link back to a folder already walked
                seen.add((status.st_dev, status.st_ino))
                _walk(path, suffixes, found, refused, seen)
        elif transcript and _is_transcript_file(path, status, refused):
            found.append(path)


def _status(path: Path, refused: list[InputError]) -> os.stat_result | None:
    """What ``path`` is, following symbolic links; None, with the reason in ``refused``, when unknown."""
    try:
        return os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            refused.append(InputError(f"{path}: a symbolic link that loops (it leads back to itself)"))
        elif exc.errno == errno.ENOENT and os.path.islink(path):
            refused.append(InputError(f"{path}: a symbolic link to {os.readlink(path)}, which does not exist"))
        elif exc.errno == errno.ENOENT:
            refused.append(InputError(f"{path}: no such file or directory"))
        else:
            refused.append(InputError(f"{path}: cannot be read ({exc.strerror or exc})"))
        return None


def _is_transcript_file(path: Path, status: os.stat_result, refused: list[InputError]) -> bool:
    for test, kind in _SPECIAL_FILES:
        if test(status.st_mode):
            refused.append(InputError(f"{path}: is {kind}, not a transcript file"))
            return False
    return True


def _unique_ids(paths: list[Path], refused: list[InputError]) -> tuple[tuple[Path, ...], tuple[InputError, ...]]:
    seen: dict[str, Path] = {}
    kept = []
    for path in paths:
        doc_id = slugify(path.stem)
        if doc_id in seen:
            refused.append(InputError(f"{path}: has the same name as {seen[doc_id]}; rename one of them"))
            continue
        seen[doc_id] = path
        kept.append(path)
    return tuple(kept), tuple(refused)
