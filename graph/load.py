"""Pushing built graphs into any SPARQL 1.1 store through the Graph Store HTTP Protocol.

One ``PUT`` per named graph replaces that graph, so loading again never duplicates: this is how a
user grows past one machine (Oxigraph server, Virtuoso, Fuseki, GraphDB …).  Standard library
HTTP only, with digest or basic authentication for stores that want it.
"""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path


from talkgraph.extract.errors import OutputError

from .datasets import split_by_transcript
from .oxigraph_writer import serialize
from .view import load_graphs


@dataclass(frozen=True, slots=True)
class LoadReport:
    endpoint: str
    graphs: int
    triples: int


def graph_files(inputs: list[str | Path]) -> list[Path]:
    """Graph files as given, or the ``graph.ttl`` of a build's output directory."""
    out = []
    for item in inputs:
        path = Path(item)
        out.append(path / "graph.ttl" if path.is_dir() else path)
    return out


def load_to_endpoint(inputs: list[str | Path], endpoint: str, graph_iri: str | None = None,
                     user: str | None = None, password: str | None = None, timeout: float = 120) -> LoadReport:
    """PUT each transcript's named graph (or everything into ``graph_iri``) to a GSP endpoint."""
    graph = load_graphs(graph_files(inputs))
    parts = {graph_iri: graph} if graph_iri else {str(k): v for k, v in sorted(split_by_transcript(graph).items())}
    opener = _opener(endpoint, user, password)
    for name, part in parts.items():
        _put(opener, endpoint, name, serialize(part, "nt"), timeout)
    return LoadReport(endpoint, len(parts), len(graph))


def _opener(endpoint: str, user: str | None, password: str | None) -> urllib.request.OpenerDirector:
    if not user:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, endpoint, user, password or "")
    return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords),
                                       urllib.request.HTTPBasicAuthHandler(passwords))


def _put(opener, endpoint: str, graph_name: str, data: bytes, timeout: float) -> None:
    separator = "&" if "?" in endpoint else "?"
    url = f"{endpoint}{separator}{urllib.parse.urlencode({'graph': graph_name})}"
    request = urllib.request.Request(url, data=data, method="PUT",
                                     headers={"Content-Type": "application/n-triples"})
    try:
        with opener.open(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read()[:200].decode("utf-8", "replace").strip().splitlines()
        raise OutputError(f"{endpoint}: the store refused graph {graph_name} "
                          f"(HTTP {exc.code}{': ' + detail[0] if detail else ''})") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise OutputError(f"{endpoint}: cannot reach the store ({reason})") from None
