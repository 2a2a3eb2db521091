"""Resolved transcripts kept on disk instead of in memory, for builds of corpora of any size.

A build into a store (``--store``) needs each transcript twice — once to resolve the corpus's
entities, once to write the transcript's graph — but never two transcripts at once.  Holding them
all in memory made the build's peak memory grow with the corpus; pickled into one temporary file,
they cost the disk what they cost and the memory one transcript.
"""
from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")


class SpilledSequence(Sequence[T]):
    """An append-only sequence whose items live pickled in an anonymous temporary file (removed by
    the system when closed, even on a crash); reading an item loads that item alone."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="talkgraph-")
        self._offsets: list[int] = []

    def append(self, item: T) -> None:
        self._file.seek(0, 2)
        self._offsets.append(self._file.tell())
        pickle.dump(item, self._file, protocol=pickle.HIGHEST_PROTOCOL)

    def __len__(self) -> int:
        return len(self._offsets)

    def __getitem__(self, index: int) -> T:  # type: ignore[override]
        self._file.seek(self._offsets[index])
        return pickle.load(self._file)

    def __iter__(self) -> Iterator[T]:
        for index in range(len(self._offsets)):
            yield self[index]

    def close(self) -> None:
        self._file.close()
