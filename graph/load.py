"""Pushing built graphs into any SPARQL 1.1 store through the Graph Store HTTP Protocol.

One ``PUT`` per named graph replaces that graph, so loading again never duplicates: this is how a
user grows past one machine (Oxigraph server, Virtuoso, Fuseki, GraphDB …).  The named graphs are
the ones N-Quads and the persistent store use (``datasets.named_graph_of``): one per transcript
and one for the shared entities.  Standard library HTTP only, with digest or basic
authentication for stores that want it (Virtuoso's ``/sparql-graph-crud-auth`` asks for digest).

Graph files are read with pyoxigraph, not rdflib: on the 60k triples of 1 MB of transcripts,
parsing, splitting and writing N-Triples takes 0.27 s against 3.0 s.
"""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, BNode, URIRef

from talkgraph.extract.errors import InputError, OutputError
from talkgraph.ontology.namespace import TG

from .datasets import named_graph_of
from .graph_files import read_triples as read_built_triples

# what a build's output directory may hold, the quickest to read first
BUILT_GRAPH_FILES = ("graph.nt", "graph.nq", "graph.ttl", "graph.trig")
N_TRIPLES = "application/n-triples"


@dataclass(frozen=True, slots=True)
class LoadReport:
    endpoint: str
    graphs: int  # named graphs put
    triples: int


def graph_files(inputs: str | Path | Iterable[str | Path]) -> list[Path]:
    """Graph files as given, or for a build's output directory the graph file it holds."""
    items = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    return [_built_graph(Path(item)) if Path(item).is_dir() else Path(item) for item in items]


def _built_graph(directory: Path) -> Path:
    for name in BUILT_GRAPH_FILES:
        if (directory / name).is_file():
            return directory / name
    raise InputError(f"{directory}: no built graph here (none of {', '.join(BUILT_GRAPH_FILES)}); "
                     "run 'talkgraph build' first")


def load_to_endpoint(inputs: str | Path | Iterable[str | Path], endpoint: str, graph_iri: str | None = None,
                     user: str | None = None, password: str | None = None, timeout: float = 120) -> LoadReport:
    """PUT each transcript's named graph and the entities' (or everything into ``graph_iri``) to the
    Graph Store Protocol ``endpoint``; what a named graph held before is replaced."""
    triples = read_built_triples(inputs)
    parts = {graph_iri: triples} if graph_iri else split_triples(triples)
    opener = _opener(endpoint, user, password)
    for name in sorted(parts):
        _put(opener, endpoint, name, ox.serialize(parts[name], format=ox.RdfFormat.N_TRIPLES), timeout)
    return LoadReport(endpoint, len(parts), len(triples))


def read_triples(paths: list[Path]) -> list[ox.Triple]:
    """The distinct triples of the graph files; the named graphs of N-Quads or TriG are dropped,
    as ``split_triples`` gives them back by the same rule."""
    triples: dict[ox.Triple, None] = {}
    for path in paths:
        for item in _parse(path):
            triples[item.triple if isinstance(item, ox.Quad) else item] = None
    return list(triples)


def _parse(path: Path) -> Iterable[ox.Triple | ox.Quad]:
    if not path.is_file():
        raise InputError(f"{path}: no such graph file")
    rdf_format = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
    if rdf_format is None:
        raise InputError(f"{path}: not a graph file talkgraph can load (.nt, .nq, .ttl, .trig, .rdf, .jsonld)")
    try:
        return list(ox.parse(path=str(path), format=rdf_format))
    except (SyntaxError, ValueError) as exc:
        raise InputError(f"{path}: not a readable RDF graph ({str(exc).splitlines()[0][:120]})") from None


def split_triples(triples: list[ox.Triple]) -> dict[str, list[ox.Triple]]:
    """The triples grouped by named graph IRI, by ``datasets.named_graph_of``."""
    is_transcript = (ox.NamedNode(str(RDF.type)), ox.NamedNode(str(TG.Transcript)))
    transcripts = frozenset(URIRef(t.subject.value) for t in triples
                            if (t.predicate, t.object) == is_transcript and isinstance(t.subject, ox.NamedNode))
    parts: dict[str, list[ox.Triple]] = {}
    for triple in triples:
        subject = triple.subject
        node = URIRef(subject.value) if isinstance(subject, ox.NamedNode) else BNode(subject.value)
        parts.setdefault(str(named_graph_of(node, transcripts)), []).append(triple)
    return parts


def _opener(endpoint: str, user: str | None, password: str | None) -> urllib.request.OpenerDirector:
    """Digest and basic authentication both offered: the store's challenge picks which."""
    if not user:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, endpoint, user, password or "")
    return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords),
                                       urllib.request.HTTPBasicAuthHandler(passwords))


def _put(opener: urllib.request.OpenerDirector, endpoint: str, graph_name: str, data: bytes, timeout: float) -> None:
    separator = "&" if "?" in endpoint else "?"
    url = f"{endpoint}{separator}{urllib.parse.urlencode({'graph': graph_name})}"
    request = urllib.request.Request(url, data=data, method="PUT", headers={"Content-Type": N_TRIPLES})
    try:
        with opener.open(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        raise OutputError(f"{endpoint}: the store refused graph {graph_name} "
                          f"(HTTP {exc.code} {exc.reason}{_detail(exc)})") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise OutputError(f"{endpoint}: cannot reach the store ({reason})") from None


def _detail(error: urllib.error.HTTPError) -> str:
    """The first line of a plain-text error body (Oxigraph says what it could not parse); HTML
    error pages (Virtuoso's) say nothing the status does not."""
    lines = error.read()[:300].decode("utf-8", "replace").strip().splitlines()
    return f": {lines[0][:160]}" if lines and not lines[0].lstrip().startswith("<") else ""
