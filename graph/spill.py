"""Resolved transcripts kept on disk instead of in memory, for builds of corpora of any size.

A build into a store (``--store``) needs each transcript twice — once to resolve the corpus's
entities, once to write the transcript's graph — but never two transcripts at once.  Holding them
all in memory made the build's peak memory grow with the corpus; pickled into one temporary file,
they cost the disk what they cost and the memory one transcript.

The model's records are frozen dataclasses with slots, which pickle by default as a state that
``dataclasses`` restores field by field through ``fields()`` and ``object.__setattr__``: three
quarters of reading a transcript back.  Here such a record is pickled as its class and its field
values and read back by calling the class, the same object for a quarter of the time.
"""
from __future__ import annotations

import copyreg
import dataclasses
import io
import operator
import pickle
import tempfile
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
_PROTOCOL = pickle.HIGHEST_PROTOCOL


class _Reducers(dict):
    """A pickler's ``dispatch_table``: each type's reducer, found on first sight and kept.  A frozen
    dataclass with slots whose fields are all its constructor's positional arguments (and with no
    ``__post_init__``) is rebuilt by calling its class; every other type pickles as it would anyway."""

    def __missing__(self, cls: type) -> Callable[[Any], Any]:
        if issubclass(cls, type):  # a class is pickled by name, after the dispatch table is asked
            raise KeyError(cls)
        reducer = copyreg.dispatch_table.get(cls) or _record_reducer(cls) or operator.methodcaller(
            "__reduce_ex__", _PROTOCOL)
        self[cls] = reducer
        return reducer


def _record_reducer(cls: type) -> Callable[[Any], Any] | None:
    if not (dataclasses.is_dataclass(cls) and "__slots__" in cls.__dict__) or hasattr(cls, "__post_init__"):
        return None
    fields = dataclasses.fields(cls)
    if any(not f.init or f.kw_only for f in fields) or cls.__reduce_ex__ is not object.__reduce_ex__:
        return None
    values = operator.attrgetter(*(f.name for f in fields)) if len(fields) > 1 else None
    if values is None:
        name = fields[0].name if fields else None
        return lambda record: (cls, (getattr(record, name),) if name else ())
    return lambda record: (cls, values(record))


_REDUCERS = _Reducers()


class SpilledSequence(Sequence[T]):
    """An append-only sequence whose items live pickled in an anonymous temporary file (removed by
    the system when closed, even on a crash); reading an item loads that item alone."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="talkgraph-")
        self._offsets: list[int] = []

    def append(self, item: T) -> None:
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=_PROTOCOL)
        pickler.dispatch_table = _REDUCERS
        pickler.dump(item)
        self._file.seek(0, 2)
        self._offsets.append(self._file.tell())
        self._file.write(buffer.getbuffer())

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
