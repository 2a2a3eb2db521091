"""RDF exporters: Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML.

N-Triples, N-Quads and TriG are written by pyoxigraph (``graph/oxigraph_writer.py``), about 40×
faster than rdflib's writers; Turtle, the default, is the bytes pyoxigraph writes, made in Python
from the build's N-Triples-written terms (``TurtleText``) at a third of the cost of handing them to
pyoxigraph.  All are written from the graph in parts (``BuiltGraph.rdf_parts()``: the
entities, then one transcript at a time), as the store build writes the store: a build that writes
only these formats never holds the whole graph, so its memory stays flat with the corpus.  Each
format has a ``PartsWriter`` that takes the parts one by one and writes the file at the end:

- Turtle and TriG: the entities first, each subject's triples together (the statements about
  shared entities that transcripts make are kept, small, until the end), then each transcript as
  it came; the transcripts' text waits in a temporary file.  Serialising part by part gives the
  bytes serialising the whole graph at once gives, so each subject is stated once.
- N-Triples and N-Quads: lines sorted, by an external merge sort: sorted runs of at most
  ``RUN_LINES`` lines in a temporary file, merged at the end.

The build's order is fixed, so the same input always gives the same bytes, and the build mints no
blank nodes, which is what makes byte-for-byte determinism possible at all.

JSON-LD and RDF/XML go through rdflib and need the whole graph in memory (``BuiltGraph.rdf``),
from ``_ordered``: a copy of the graph whose triples were added in sorted order, with talkgraph's
prefixes bound.

The quad formats put each triple in a named graph by the rule of ``talkgraph.graph.datasets``:
one graph per transcript, one shared graph for the entities.
"""
from __future__ import annotations

import heapq
import json
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Protocol

import pyoxigraph as ox
from rdflib import Graph

from talkgraph.ontology.namespace import PREFIXES

from ..build import RdfPart
from ..oxigraph_writer import TurtleText, WrittenQuad, oxigraph_quads, prefix_lines, serialize, written_quads
from . import BuiltRdf, atomic_write, exporter, load_exporters

RUN_LINES = 200_000  # lines sorted in memory at a time by the line formats' external sort


class PartsWriter(Protocol):
    """Writes one file from a graph given in parts: ``add`` each part, then ``write``; ``close``
    frees what it kept meanwhile (also when the build stops before writing)."""

    def add(self, part: RdfPart) -> None: ...

    def write(self, path: Path) -> None: ...

    def close(self) -> None: ...


PARTS_WRITERS: dict[str, Callable[[], PartsWriter]] = {}


def parts_writer(name: str) -> Callable[[], PartsWriter] | None:
    """The parts writer of an exporter, or None when that format needs the whole graph at once."""
    load_exporters()  # the view registers its writer from its own module
    return PARTS_WRITERS.get(name)


def parts_of(built: BuiltRdf) -> Iterable[RdfPart]:
    """The graph in parts: a build's own parts, or a graph read elsewhere as one part."""
    if hasattr(built, "rdf_parts"):
        return built.rdf_parts()
    return [RdfPart(None, [], list(written_quads(built.quads)))]


def streamed_exporter(name: str, filename: str, description: str,
                      writer: Callable[[], PartsWriter]) -> Callable[[BuiltRdf, Path], None]:
    """Register ``writer`` for the format, and the exporter that runs it over a graph's parts
    (returned, for a caller that has a whole graph at hand)."""
    PARTS_WRITERS[name] = writer

    @exporter(name, filename, description)
    def write(built: BuiltRdf, path: Path) -> None:
        parts = writer()
        try:
            for part in parts_of(built):
                parts.add(part)
            parts.write(path)
        finally:
            parts.close()

    return write


class _SharedQuads:
    """What the parts say about shared entities, each quad once, grouped by subject in the order
    first seen: a few percent of the graph, so kept in memory."""

    def __init__(self) -> None:
        self.by_subject: dict[str, dict[WrittenQuad, None]] = {}

    def add(self, quads: Iterable[WrittenQuad]) -> None:
        for quad in quads:
            described = self.by_subject.get(quad[0])
            if described is None:
                described = self.by_subject[quad[0]] = {}
            described[quad] = None

    def __iter__(self) -> Iterator[WrittenQuad]:
        for described in self.by_subject.values():
            yield from described


class _GroupedWriter:
    """Turtle or TriG: the shared entities' quads first, then each transcript's, serialised part by
    part into a temporary file without repeating the prefixes.  ``serialize`` gives the bytes
    pyoxigraph's serializer gives of some quads (``oxigraph_writer.TurtleText`` for Turtle)."""

    def __init__(self, serialize: Callable[[Iterable[WrittenQuad]], bytes]):
        self._serialize = serialize
        self.shared = _SharedQuads()
        self.body: IO[bytes] = tempfile.TemporaryFile(prefix="talkgraph-")
        self.prefixes = b""

    def add(self, part: RdfPart) -> None:
        self.shared.add(part.shared)
        if part.quads:
            prefixes, body = _split_prefixes(self._serialize(part.quads))
            self.prefixes = self.prefixes or prefixes
            self.body.write(body)

    def write(self, path: Path) -> None:
        head = self._serialize(self.shared)
        with atomic_write(path, "wb") as handle:
            handle.write(head or self.prefixes)
            self.body.seek(0)
            shutil.copyfileobj(self.body, handle)

    def close(self) -> None:
        self.body.close()


def _split_prefixes(data: bytes) -> tuple[bytes, bytes]:
    """A serialisation's leading ``@prefix`` lines, and the rest."""
    prefixes = prefix_lines(data)
    return prefixes, data[len(prefixes):]


class _SortedLinesWriter:
    """N-Triples or N-Quads, one statement a line, the lines sorted: runs of at most ``RUN_LINES``
    sorted lines spill to temporary files and are merged when written."""

    def __init__(self, rdf_format: ox.RdfFormat, triples: bool):
        self.format, self.triples = rdf_format, triples
        self.shared = _SharedQuads()
        self.lines: list[bytes] = []
        self.runs: list[IO[bytes]] = []

    def _lines(self, quads: Iterable[WrittenQuad]) -> list[bytes]:
        data = serialize(oxigraph_quads(quads, self.triples), self.format)
        return [line for line in data.split(b"\n") if line.strip()]

    def add(self, part: RdfPart) -> None:
        self.shared.add(part.shared)
        self.lines += self._lines(part.quads)
        if len(self.lines) >= RUN_LINES:
            run = tempfile.TemporaryFile(prefix="talkgraph-")
            self.runs.append(run)
            self.lines.sort()
            run.write(b"".join(line + b"\n" for line in self.lines))
            self.lines = []

    def write(self, path: Path) -> None:
        self.lines += self._lines(self.shared)
        self.lines.sort()
        for run in self.runs:
            run.seek(0)
        with atomic_write(path, "wb") as handle:
            for line in heapq.merge(self.lines, *(_stripped(run) for run in self.runs)):
                handle.write(line + b"\n")

    def close(self) -> None:
        for run in self.runs:
            run.close()


def _stripped(lines: Iterable[bytes]) -> Iterator[bytes]:
    for line in lines:
        yield line.rstrip(b"\n")


streamed_exporter("turtle", "graph.ttl", "RDF Turtle (the default): the whole graph, readable",
          lambda: _GroupedWriter(TurtleText().serialize))
streamed_exporter("nt", "graph.nt", "N-Triples: one triple a line, sorted; for bulk loaders and diffs",
          lambda: _SortedLinesWriter(ox.RdfFormat.N_TRIPLES, triples=True))
streamed_exporter("nquads", "graph.nq", "N-Quads: one named graph per transcript plus one for shared entities",
          lambda: _SortedLinesWriter(ox.RdfFormat.N_QUADS, triples=False))
streamed_exporter("trig", "graph.trig", "TriG: Turtle with one named graph per transcript plus one for entities",
          lambda: _GroupedWriter(lambda quads: serialize(oxigraph_quads(quads), ox.RdfFormat.TRIG)))


@exporter("jsonld", "graph.jsonld", "JSON-LD with a compact @context of talkgraph's prefixes")
def write_jsonld(built: BuiltRdf, path: Path) -> None:
    data = json.loads(_ordered(built.rdf).serialize(format="json-ld", context=jsonld_context(), auto_compact=True))
    # rdflib keeps the order of its own dicts and sets: sort the nodes and the keys ourselves
    if isinstance(data.get("@graph"), list):
        data["@graph"].sort(key=lambda node: node.get("@id", ""))
    _write_text(path, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


@exporter("xml", "graph.rdf", "RDF/XML, for tools that read nothing else (Protégé, older triple stores)")
def write_rdfxml(built: BuiltRdf, path: Path) -> None:
    _write_text(path, _ordered(built.rdf).serialize(format="xml"))


def jsonld_context() -> dict[str, str]:
    """The ``@context`` of the JSON-LD export: each prefix of ``PREFIXES`` to its namespace."""
    return {prefix: str(namespace) for prefix, namespace in sorted(PREFIXES.items())}


def _ordered(graph: Graph) -> Graph:
    """A copy with the triples added in sorted order and talkgraph's prefixes bound.

    The copy lives in rdflib's ``SimpleMemory`` store, which keeps insertion order; the default
    ``Memory`` store iterates over sets, whose order changes from one run to the next.
    """
    copy = Graph(store="SimpleMemory")
    _bind_prefixes(copy)
    for triple in sorted(graph):
        copy.add(triple)
    return copy


def _bind_prefixes(graph: Graph) -> None:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)


def _write_text(path: Path, text: str) -> None:
    with atomic_write(path) as handle:
        handle.write(text)

