"""Exporters: each registers under a name and a file suffix, as rdflib registers its serializers.

Adding a format is a new module in this package with one ``@exporter(...)`` function, plus its
name in ``_MODULES`` below.  A format is also known by its file's suffix (``nq`` for ``nquads``,
``rdf`` for ``xml``), so the name a user sees on the file works; the CLI lists and picks exporters from ``EXPORTERS`` and knows none of
them by name.  Every exporter writes through ``atomic_write`` so that a half-written file never
exists under the final name.
"""
from __future__ import annotations

import importlib
import os
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator, Protocol

import pyoxigraph as ox
from rdflib import Graph

from talkgraph.extract.errors import OutputError, UsageError

_MODULES = ("rdf", "html", "graphml", "neo4j")


class BuiltRdf(Protocol):
    """What an exporter is given (``pipeline.BuiltGraph``): the graph as pyoxigraph quads, which the
    fast writers serialise as they are, and as an rdflib ``Graph``, made only when an exporter asks."""

    @property
    def quads(self) -> list[ox.Quad]: ...

    @property
    def rdf(self) -> Graph: ...


@dataclass(frozen=True, slots=True)
class Exporter:
    name: str
    filename: str  # what it writes into the output directory (a file or a folder)
    description: str
    write: Callable[[BuiltRdf, Path], None]

    @property
    def suffix_name(self) -> str | None:
        """The file's suffix when it differs from the name (``nq`` for ``nquads``): a second name."""
        suffix = Path(self.filename).suffix.lstrip(".")
        return suffix if suffix and suffix != self.name else None


EXPORTERS: dict[str, Exporter] = {}


def exporter(name: str, filename: str, description: str):
    def register(func: Callable[[BuiltRdf, Path], None]) -> Callable[[BuiltRdf, Path], None]:
        EXPORTERS[name] = Exporter(name, filename, description, func)
        return func
    return register


def load_exporters() -> dict[str, Exporter]:
    for module in _MODULES:
        importlib.import_module(f"{__name__}.{module}")
    return EXPORTERS


def get_exporter(name: str) -> Exporter:
    """The exporter by its name or its file's suffix."""
    exporters = load_exporters()
    by_suffix = {e.suffix_name: e for e in exporters.values() if e.suffix_name and e.suffix_name not in exporters}
    if name in exporters or name in by_suffix:
        return exporters.get(name) or by_suffix[name]
    known = sorted(set(exporters) | set(by_suffix))
    raise UsageError(f"unknown format {name!r}; known formats: {', '.join(known)} (see 'talkgraph formats')")


def ensure_writable(directory: Path) -> None:
    """Fail before any work is done when the output directory cannot be written."""
    with atomic_write(Path(directory) / ".talkgraph-write-check") as handle:
        handle.write("")
    (Path(directory) / ".talkgraph-write-check").unlink()


@contextmanager
def atomic_write(path: Path, mode: str = "w") -> Iterator[IO]:
    """Write to a temporary file beside ``path`` and rename it into place when done."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{path.parent}: cannot write here ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, mode, **({"encoding": "utf-8", "newline": "\n"} if "b" not in mode else {})) as handle:
            yield handle
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
