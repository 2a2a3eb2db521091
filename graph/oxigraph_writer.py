"""pyoxigraph terms for talkgraph's vocabulary, conversion to and from rdflib, and fast writers.

The build itself hands out quads as plain tuples of terms written as N-Triples writes them
(``"text"@zh``, ``<iri>``; ``WrittenQuad``): a Python string hashes once and compares in C, where
making a pyoxigraph ``Quad`` cost more than the rest of the build's graph, and the shapes check and
the view read them as they are.  Where pyoxigraph is the target (a writer, a store) the tuples go to
it as N-Quads text, which its parser turns into its own terms in Rust (``oxigraph_quads``).

The build makes its triples as pyoxigraph terms (a term costs about 1 µs there against 1.5–4.5 µs
in rdflib, and adding to an rdflib graph costs 5 µs more), and pyoxigraph writes Turtle and
N-Triples about 40× faster than rdflib.  rdflib stays the graph users get in Python
(``BuiltGraph.rdf``) and what the JSON-LD and RDF/XML writers read: ``rdflib_triples`` makes it.

Data IRIs are written in full (``<…/person/田奇>``), never as prefixed names, so no writer needs
the ``\\/`` escapes some stores misread.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD

from talkgraph.ontology.namespace import PREFIXES, TGR

_XSD_STRING = str(XSD.string)
_RDF_LANG_STRING = str(RDF.langString)

PREFIXES_WRITTEN = {p: str(ns) for p, ns in PREFIXES.items() if str(ns) != str(TGR)}


WrittenQuad = tuple[str, str, str, str]  # subject, predicate, object, graph ("" for the default graph)

# what N-Triples (and pyoxigraph's ``str`` of a literal) escapes in a string
_ESCAPES = {i: f"\\u{i:04X}" for i in (*range(0x20), 0x7F, 0xFFFE, 0xFFFF)} | {
    0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"}
_XSD_STRING_WRITTEN = f"<{XSD.string}>"


def written_iri(iri: str) -> str:
    """An IRI as N-Triples writes it."""
    return f"<{iri}>"


def written_literal(value: str, language: str | None = None, datatype: str | None = None) -> str:
    """A literal as N-Triples (and ``str`` of a pyoxigraph ``Literal``) writes it; ``datatype`` written too."""
    text = f'"{value.translate(_ESCAPES)}"'
    if language:
        return f"{text}@{language}"
    return f"{text}^^{datatype}" if datatype and datatype != _XSD_STRING_WRITTEN else text


def written_quads(quads: Iterable[ox.Quad]) -> Iterator[WrittenQuad]:
    """pyoxigraph quads as ``WrittenQuad``s."""
    for q in quads:
        graph = q.graph_name
        yield str(q.subject), str(q.predicate), str(q.object), "" if isinstance(graph, ox.DefaultGraph) else str(graph)


def oxigraph_quads(quads: Iterable[WrittenQuad], triples: bool = False) -> Iterator[ox.Quad]:
    """``WrittenQuad``s as pyoxigraph quads, made by its N-Quads parser; ``triples``: all in the default graph."""
    if triples:
        text = "".join([f"{s} {p} {o} .\n" for s, p, o, _ in quads])
    else:
        text = "".join([f"{s} {p} {o} {g} .\n" for s, p, o, g in quads])
    return ox.parse(text.encode(), format=ox.RdfFormat.N_QUADS)


def oxigraph_term(term: str) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """One term written as N-Triples writes it, as a pyoxigraph term."""
    return next(ox.parse(f"<s:> <p:> {term} .".encode(), format=ox.RdfFormat.N_TRIPLES)).object


class OxNamespace:
    """An rdflib namespace's terms as pyoxigraph ``NamedNode``s: ``OxNamespace(TG).Claim``, or as
    ``make`` makes them from the IRI (``WrittenNamespace``: as N-Triples writes them).

    Each term is made on first use and then read as a plain attribute; rdflib's
    ``DefinedNamespace`` checks every attribute access, which costs more than the triple.
    """

    def __init__(self, namespace, make=ox.NamedNode):
        self._namespace, self._make = namespace, make

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("_"):  # copy, pickle and pytest probe for such names
            raise AttributeError(name)
        term = self._make(str(getattr(self._namespace, name)))
        setattr(self, name, term)
        return term


def WrittenNamespace(namespace) -> OxNamespace:
    """An rdflib namespace's terms as N-Triples writes them: ``WrittenNamespace(TG).Claim``."""
    return OxNamespace(namespace, written_iri)


def to_oxigraph(term) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """One rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def to_rdflib(term: ox.NamedNode | ox.Literal | ox.BlankNode) -> URIRef | Literal | BNode:
    """One pyoxigraph term as an rdflib term; ``xsd:string`` literals become plain ones, as rdflib
    reads them from Turtle."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype in (_XSD_STRING, _RDF_LANG_STRING):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise TypeError(f"not an RDF term: {term!r}")


def _cached(convert):
    cache: dict = {}

    def term(t):
        found = cache.get(t)
        if found is None:
            found = cache[t] = convert(t)
        return found
    return term


def oxigraph_triples(triples: Iterable[tuple]) -> Iterator[ox.Triple]:
    """rdflib triples as pyoxigraph triples, each distinct term converted once."""
    term = _cached(to_oxigraph)
    for s, p, o in triples:
        yield ox.Triple(term(s), term(p), term(o))


def rdflib_triples(triples: Iterable[ox.Triple | ox.Quad]) -> Iterator[tuple]:
    """pyoxigraph triples (or quads, their graph dropped) as rdflib triples, each distinct term
    converted once."""
    term = _cached(to_rdflib)
    for t in triples:
        yield term(t.subject), term(t.predicate), term(t.object)


def serialize(items: Iterable[ox.Triple | ox.Quad], rdf_format: ox.RdfFormat) -> bytes:
    """``items`` in ``rdf_format``, in the order given, with talkgraph's prefixes where the format has them."""
    prefixes = rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML)
    return ox.serialize(items, format=rdf_format, **({"prefixes": PREFIXES_WRITTEN} if prefixes else {}))
