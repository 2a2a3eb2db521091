"""Reading back what ``talkgraph build`` made: the one reader behind query, serve, validate, view and load.

A user names what they have: a graph file (any RDF syntax pyoxigraph knows by its suffix), the
output folder ``build -o DIR`` wrote, or the folder of a ``build --store``.  Each is recognised
here and nowhere else, and what cannot be read (a transcript, a missing path, a folder with no
graph) is one error that says what to do.  Files are parsed by pyoxigraph (ten times rdflib's
speed); rdflib gets the triples only where a caller needs an rdflib ``Graph``.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from talkgraph.extract.errors import InputError

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib import Graph

# what a build's output folder may hold, the quickest to read first
BUILT_GRAPH_FILES = ("graph.nt", "graph.nq", "graph.ttl", "graph.trig", "graph.jsonld", "graph.rdf")
# what people keep transcripts in (pyoxigraph would read .txt as N-Triples)
_TRANSCRIPT_SUFFIXES = (".txt", ".text", ".md", ".srt", ".vtt", ".docx", ".doc", ".pdf", "")
# what RocksDB (pyoxigraph's persistent store) always keeps in its folder
_STORE_MARKERS = ("CURRENT", "IDENTITY")


class SourceKind(Enum):
    FILE = "graph file"
    STORE = "graph store"


@dataclass(frozen=True, slots=True)
class GraphSource:
    """One readable graph: a file with its RDF syntax, or a persistent store's folder."""

    path: Path
    kind: SourceKind


def graph_sources(inputs: str | Path | Iterable[str | Path]) -> list[GraphSource]:
    """What each input names, checked: a graph file, an output folder's graph file, or a store."""
    items = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    if not items:
        raise InputError("no graph given: name a graph file, a 'talkgraph build -o' folder or a --store folder")
    return [_source(Path(item)) for item in items]


def _source(path: Path) -> GraphSource:
    if path.is_dir():
        if all((path / marker).is_file() for marker in _STORE_MARKERS):
            return GraphSource(path, SourceKind.STORE)
        for name in BUILT_GRAPH_FILES:
            if (path / name).is_file():
                return GraphSource(path / name, SourceKind.FILE)
        raise InputError(f"{path}: no built graph here (none of {', '.join(BUILT_GRAPH_FILES)}, and not a "
                         f"--store folder); run 'talkgraph build TRANSCRIPT -o {path}' first")
    if not path.exists():
        raise InputError(f"{path}: no such graph file or folder")
    if path.suffix.lower() in _TRANSCRIPT_SUFFIXES:
        raise InputError(f"{path}: this is a transcript, not a graph; build it first: "
                         f"'talkgraph build {path} -o out/', then give out/")
    if _rdf_format(path) is None:
        raise InputError(f"{path}: not a graph file talkgraph can read "
                         "(.ttl, .nt, .nq, .trig, .jsonld, .rdf, or a build's output folder)")
    return GraphSource(path, SourceKind.FILE)


def _rdf_format(path: Path) -> ox.RdfFormat | None:
    import pyoxigraph as ox

    return ox.RdfFormat.from_extension(path.suffix.lstrip(".").lower()) if path.suffix else None


def open_store(inputs: str | Path | Iterable[str | Path]) -> ox.Store:
    """A store holding the inputs: one ``--store`` folder alone is opened as it is, anything else is
    loaded into an in-memory store (a store among other inputs is copied in)."""
    import pyoxigraph as ox

    sources = graph_sources(inputs)
    if len(sources) == 1 and sources[0].kind is SourceKind.STORE:
        return _open_persistent(sources[0].path)
    store = ox.Store()
    for source in sources:
        if source.kind is SourceKind.STORE:
            store.bulk_extend(_open_persistent(source.path))
        else:
            store.bulk_extend(_parse(source.path))
    return store


def _open_persistent(path: Path) -> ox.Store:
    """Opened for writing, not with ``Store.read_only``: reading while another process writes is
    undefined behaviour there, while a second writer is refused cleanly."""
    import pyoxigraph as ox

    try:
        return ox.Store(str(path))
    except OSError as exc:
        raise InputError(f"{path}: cannot open the graph store; is a build writing to it? ({exc})") from None


def _parse(path: Path) -> list[ox.Quad]:
    import pyoxigraph as ox

    rdf_format = _rdf_format(path)
    try:
        return [item if isinstance(item, ox.Quad) else ox.Quad(item.subject, item.predicate, item.object)
                for item in ox.parse(path=str(path), format=rdf_format)]
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except (SyntaxError, ValueError) as exc:
        raise InputError(f"{path}: not a readable {rdf_format.name.replace('_', '-')} file "
                         f"({str(exc).splitlines()[0][:120]})") from None


def read_triples(inputs: str | Path | Iterable[str | Path]) -> list[ox.Triple]:
    """The distinct triples of the inputs, in the order first read; named graphs are dropped."""
    triples: dict[ox.Triple, None] = {}
    for quad in _quads(inputs):
        triples[quad.triple] = None
    return list(triples)


def _quads(inputs) -> Iterable[ox.Quad]:
    for source in graph_sources(inputs):
        yield from _open_persistent(source.path) if source.kind is SourceKind.STORE else _parse(source.path)


def load_graphs(inputs: str | Path | Sequence[str | Path]) -> Graph:
    """The inputs merged into one rdflib graph (named graphs dropped), for what needs rdflib."""
    import pyoxigraph as ox
    from rdflib import Graph

    graph = Graph()
    data = ox.serialize(read_triples(inputs), format=ox.RdfFormat.N_TRIPLES)
    graph.parse(data=data.decode("utf-8"), format="nt")
    return graph


def union_store(inputs: str | Path | Iterable[str | Path]) -> ox.Store:
    """An in-memory store with every distinct triple of the inputs in its default graph: for a
    reader that queries the default graph only, and a store it holds without locking the folder."""
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in read_triples(inputs))
    return store
