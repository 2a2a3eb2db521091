"""Pushing built graphs into any SPARQL 1.1 store through the Graph Store HTTP Protocol.

This is how a user grows past one machine (Oxigraph server, Virtuoso, Fuseki, GraphDB …).  The
named graphs are the ones N-Quads and the persistent store use (``datasets.named_graph_of``): one
per transcript and one for the entities, which every build shares.  What a build owns is replaced,
what it shares is merged:

* each transcript's graph is ``PUT``: loading a build again replaces its transcripts, never
  duplicates them;
* the entities' descriptions are ``POST``-ed into the shared entities graph: merged with what
  other builds loaded, never wiped (a store keeps one copy of a triple, so loading again adds
  nothing).  A description a newer build no longer gives stays until the entities graph is
  dropped and every build loaded again.  One graph, not one per build or per entity, because a
  store's union default graph repeats a triple held in two graphs, and queries would see
  every shared entity twice;
* the entities go first, so a transcript is never in the store with untyped entities, and a
  failure says which graphs went in (loading again is always safe).

Standard library HTTP only, with digest or basic authentication (Virtuoso's
``/sparql-graph-crud-auth`` asks for digest); credentials may be given in the URL, and never
appear in a message.  Graph files are read with pyoxigraph, not rdflib: on the 60k triples of
1 MB of transcripts, parsing, splitting and writing N-Triples takes 0.27 s against 3.0 s.
"""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, BNode, URIRef

from talkgraph.extract.errors import OutputError, UsageError
from talkgraph.ontology.namespace import TG

from .datasets import ENTITIES_GRAPH, named_graph_of
from .graph_files import read_triples as read_built_triples

N_TRIPLES = "application/n-triples"


@dataclass(frozen=True, slots=True)
class Endpoint:
    """A Graph Store Protocol URL without its credentials, and the credentials apart."""

    url: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)

    @classmethod
    def parse(cls, text: str, user: str | None = None, password: str | None = None) -> Endpoint:
        """Checked: an http(s) URL with a host; ``user``/``password`` given apart win over the URL's."""
        shown = redacted(text)
        parts = urllib.parse.urlsplit(text.strip())
        if parts.scheme not in ("http", "https"):
            hint = f"; did you mean http://{shown}?" if "://" not in text else ""
            raise UsageError(f"--endpoint {shown}: not an http:// or https:// URL{hint}")
        try:
            port = parts.port
        except ValueError:
            port = -1
        if not parts.hostname or port == -1:
            raise UsageError(f"--endpoint {shown}: no host, or a bad port, in this URL")
        netloc = parts.netloc.rsplit("@", 1)[-1]
        url = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
        url_user = urllib.parse.unquote(parts.username) if parts.username else None
        url_password = urllib.parse.unquote(parts.password) if parts.password is not None else None
        return cls(url, user or url_user, password if password is not None else url_password)


def redacted(url: str) -> str:
    """The URL with any password replaced by ``***``: safe to print."""
    head, at, tail = url.rpartition("@")
    if not at or "://" not in head:
        return url
    scheme, _, userinfo = head.partition("://")
    return f"{scheme}://{userinfo.split(':', 1)[0]}{':***' if ':' in userinfo else ''}@{tail}"


@dataclass(frozen=True, slots=True)
class LoadReport:
    endpoint: str
    graphs: int  # named graphs put or merged
    triples: int


class LoadFailed(OutputError):
    """A load stopped part way: says which graphs went in and which did not."""

    def __init__(self, reason: str, loaded: list[str], missing: list[str]) -> None:
        went_in = ", ".join(_short(g) for g in loaded[:20]) + (f" and {len(loaded) - 20} more" if len(loaded) > 20
                                                                 else "")
        summary = f"went in: {went_in}" if loaded else "nothing went in"
        super().__init__(f"{reason}; {summary}; not loaded: {len(missing)} graph(s) "
                         "(loading again is safe: it replaces, never duplicates)")
        self.loaded, self.missing = loaded, missing


def _short(graph: str) -> str:
    return graph.rsplit("/id/", 1)[-1]


def load_to_endpoint(inputs: str | Path | Iterable[str | Path], endpoint: str | Endpoint,
                     graph_iri: str | None = None, timeout: float = 120) -> LoadReport:
    """Merge the entities' descriptions into their shared graph, then replace each transcript's
    named graph (or replace ``graph_iri`` with everything) at the Graph Store Protocol ``endpoint``."""
    target = endpoint if isinstance(endpoint, Endpoint) else Endpoint.parse(endpoint)
    triples = read_built_triples(inputs)
    parts = {graph_iri: triples} if graph_iri else split_triples(triples)
    entities = str(ENTITIES_GRAPH)
    order = ([entities] if entities in parts and not graph_iri else []) + sorted(set(parts) - {entities})
    session = _Session(target, timeout)
    for done, name in enumerate(order):
        method = "POST" if name == entities and not graph_iri else "PUT"
        data = ox.serialize(parts[name], format=ox.RdfFormat.N_TRIPLES)
        try:
            session.authenticate()
            session.send(method, name, data)
        except OutputError as exc:
            raise LoadFailed(str(exc), order[:done], order[done:]) from None
    return LoadReport(target.url, len(parts), len(triples))


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


_PROBE_GRAPH = "urn:x-talkgraph:authentication-probe"


class _SigningDigestAuthHandler(urllib.request.HTTPDigestAuthHandler):
    """Digest authentication that signs a request before it is sent, once the store has challenged.

    urllib answers a challenge by sending the refused request again; a store that refuses an
    unsigned upload closes the connection while a body of a few MB is still on its way (Virtuoso
    does: "Broken pipe"), so every upload goes out signed, after a small request that fetched
    the challenge."""

    challenge: dict[str, str] | None = None

    def retry_http_digest_auth(self, req, auth):
        _scheme, _, challenge = auth.partition(" ")
        self.challenge = urllib.request.parse_keqv_list(filter(None, urllib.request.parse_http_list(challenge)))
        return super().retry_http_digest_auth(req, auth)

    def http_request(self, req):
        if self.challenge is not None and not req.has_header("Authorization"):
            signature = self.get_authorization(req, self.challenge)
            if signature:
                req.add_unredirected_header("Authorization", f"Digest {signature}")
        return req

    https_request = http_request


class _Session:
    """Requests to one store with its credentials; digest or basic, as the store's challenge asks."""

    def __init__(self, endpoint: Endpoint, timeout: float) -> None:
        self.endpoint, self.timeout = endpoint, timeout
        if not endpoint.user:
            self.opener = urllib.request.build_opener()
            return
        self.passwords = urllib.request.HTTPPasswordMgrWithPriorAuth()
        self.passwords.add_password(None, endpoint.url, endpoint.user, endpoint.password or "")
        self.digest = _SigningDigestAuthHandler(self.passwords)
        self.opener = urllib.request.build_opener(self.digest, urllib.request.HTTPBasicAuthHandler(self.passwords))

    def authenticate(self) -> None:
        """A small request (for a graph no one has) before each upload, so the upload goes out
        signed: with the challenge it fetched (digest; a stale nonce is renewed here), or with the
        credentials up front (basic)."""
        if not self.endpoint.user:
            return
        try:
            self._open(self._request("GET", _PROBE_GRAPH, None))
        except urllib.error.HTTPError as exc:
            if exc.code in (401, 403):
                raise OutputError(f"{self.endpoint.url}: the store refused the credentials "
                                  f"(HTTP {exc.code} {exc.reason})") from None
        except (urllib.error.URLError, OSError, ValueError):
            pass  # the upload says why
        if self.digest.challenge is None:
            self.passwords.update_authenticated(self.endpoint.url, True)

    def send(self, method: str, graph_name: str, data: bytes) -> None:
        endpoint = self.endpoint.url
        try:
            self._open(self._request(method, graph_name, data))
        except urllib.error.HTTPError as exc:
            raise OutputError(f"{endpoint}: the store refused graph {graph_name} "
                              f"(HTTP {exc.code} {exc.reason}{_detail(exc)})") from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise OutputError(f"{endpoint}: cannot reach the store ({reason})") from None

    def _request(self, method: str, graph_name: str, data: bytes | None) -> urllib.request.Request:
        separator = "&" if "?" in self.endpoint.url else "?"
        url = f"{self.endpoint.url}{separator}{urllib.parse.urlencode({'graph': graph_name})}"
        headers = {"Content-Type": N_TRIPLES} if data is not None else {}
        return urllib.request.Request(url, data=data, method=method, headers=headers)

    def _open(self, request: urllib.request.Request) -> None:
        with self.opener.open(request, timeout=self.timeout) as response:
            response.read()


def _detail(error: urllib.error.HTTPError) -> str:
    """The first line of a plain-text error body (Oxigraph says what it could not parse); HTML
    error pages (Virtuoso's) say nothing the status does not."""
    lines = error.read()[:300].decode("utf-8", "replace").strip().splitlines()
    return f": {lines[0][:160]}" if lines and not lines[0].lstrip().startswith("<") else ""
