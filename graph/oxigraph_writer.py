"""Terms as the build writes them, pyoxigraph terms, conversion to and from rdflib, and fast writers.

The build hands out quads as plain tuples of terms written as N-Triples writes them (``"text"@zh``,
``<iri>``; ``WrittenQuad``): a string costs a third of a pyoxigraph term to make (which costs a
fifth of an rdflib term and its graph), hashes once and compares in C; making pyoxigraph ``Quad``s
cost more than the rest of the build's graph.  The shapes check and the view read the strings as
they are, and Turtle is written from them (``TurtleText``).  Where pyoxigraph is the target (the
other writers, a store) the tuples go to it as N-Quads text, which its parser turns into its own
terms in Rust (``oxigraph_quads``); it writes N-Triples about 40× faster than rdflib.  rdflib stays
the graph users get in Python (``BuiltGraph.rdf``) and what the JSON-LD and RDF/XML writers read:
``rdflib_triples`` makes it.

Data IRIs are written in full (``<…/person/田奇>``), never as prefixed names, so no writer needs
the ``\\/`` escapes some stores misread.
"""
from __future__ import annotations

import re
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
# (the backslash, the quote, \n, \r and \t by ``str.replace``, the rest, rare, by these)
_CONTROL_ESCAPES = {i: f"\\u{i:04X}" for i in (*range(0x20), 0x7F, 0xFFFE, 0xFFFF) if i not in (0x09, 0x0A, 0x0D)} | {
    0x08: "\\b", 0x0C: "\\f"}
_ESCAPED = re.compile("[\x00-\x1f\"\\\\\x7f\ufffe\uffff]")  # what needs escaping, found in C: most text has none
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")  # what str.replace leaves to _CONTROL_ESCAPES
_XSD_STRING_WRITTEN = f"<{XSD.string}>"


def written_iri(iri: str) -> str:
    """An IRI as N-Triples writes it."""
    return f"<{iri}>"


def _escaped(value: str) -> str:
    """``value`` escaped: the common escapes by ``str.replace``, many times faster on a long text
    than ``str.translate``, which then sees only the rare control characters left."""
    value = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return value.translate(_CONTROL_ESCAPES) if _CONTROL.search(value) else value


def written_literal(value: str, language: str | None = None, datatype: str | None = None) -> str:
    """A literal as N-Triples (and ``str`` of a pyoxigraph ``Literal``) writes it; ``datatype`` written too."""
    text = f'"{_escaped(value) if _ESCAPED.search(value) else value}"'
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


class TurtleText:
    """Turtle of ``WrittenQuad``s (their graphs dropped), byte for byte what pyoxigraph's serializer
    writes of the same triples in the same order (``serialize``), without making its terms.

    Each subject's consecutive triples are grouped as pyoxigraph groups them (`` ;`` then a tab
    for the next predicate, `` ,`` for the next object).  Terms keep their N-Triples form where
    Turtle writes them so: an IRI no prefix applies to, a string, a language-tagged string.  The
    rest, few and repeated (the vocabulary's IRIs, the datatypes some literals may be written
    bare in), pyoxigraph writes once each and the text is kept; an unfamiliar term (a blank node)
    goes to pyoxigraph too.
    """

    _BARE_DATATYPES = frozenset(f"<{XSD[name]}>" for name in ("integer", "decimal", "double", "boolean"))

    def __init__(self) -> None:
        self.namespaces = tuple(PREFIXES_WRITTEN.values())
        self.asked: dict[tuple[str, bool], str] = {}
        self.predicates: dict[str, str] = {}  # the same for predicates, asked most often
        self.prefixes = prefix_lines(serialize([ox.Triple(_SUBJECT, _PREDICATE, _SUBJECT)], ox.RdfFormat.TURTLE))

    def serialize(self, quads: Iterable[WrittenQuad]) -> bytes:
        """What ``serialize`` gives of the quads' triples in Turtle: the prefixes and the statements;
        nothing for no quads."""
        body = self.body(quads)
        return self.prefixes + body.encode() if body else b""

    def body(self, quads: Iterable[WrittenQuad]) -> str:
        """The statements, without the prefixes; empty for no quads."""
        out: list[str] = []
        write, term, predicates, ask = out.append, self.term, self.predicates, self.predicate
        last_subject = last_predicate = None
        for subject, predicate, value, _ in quads:
            if subject == last_subject:
                if predicate == last_predicate:
                    write(" , ")
                else:
                    write(f" ;\n\t{predicates.get(predicate) or ask(predicate)} ")
            else:
                if last_subject is not None:
                    write(" .\n")
                write(f"{term(subject)} {predicates.get(predicate) or ask(predicate)} ")
            end = value[-1]
            # a string or a language-tagged string, as it is, without a call: most of the objects
            write(value if end == '"' or (end != ">" and value[0] == '"') else term(value))
            last_subject, last_predicate = subject, predicate
        if last_subject is not None:
            write(" .\n")
        return "".join(out)

    def predicate(self, term: str) -> str:
        found = self.predicates.get(term)
        return found if found is not None else self._ask(term, True)

    def term(self, term: str) -> str:
        first = term[0]
        if first == '"':
            if term[-1] != ">":  # a string or a language-tagged string
                return term
            datatype_at = term.rindex('"^^<') + 3
            datatype = term[datatype_at:]
            if datatype not in self._BARE_DATATYPES:
                written = self.asked.get((datatype, False))
                return term[:datatype_at] + (written if written is not None else self._ask(datatype, False))
        elif first == "<" and not term.startswith(self.namespaces, 1):
            return term
        found = self.asked.get((term, False))
        return found if found is not None else self._ask(term, False)

    def _ask(self, term: str, as_predicate: bool) -> str:
        """How pyoxigraph writes the term as a predicate or an object, read off one triple it writes."""
        node = oxigraph_term(term)
        triple = ox.Triple(_SUBJECT, node, _SUBJECT) if as_predicate else ox.Triple(_SUBJECT, _PREDICATE, node)
        line = serialize([triple], ox.RdfFormat.TURTLE)[len(self.prefixes):].decode("utf-8")
        start, end = (len("<s:> "), -len(" <s:> .\n")) if as_predicate else (len("<s:> <p:> "), -len(" .\n"))
        written = self.asked[term, as_predicate] = line[start:end]
        if as_predicate:
            self.predicates[term] = written
        return written


_SUBJECT, _PREDICATE = ox.NamedNode("s:"), ox.NamedNode("p:")


def prefix_lines(data: bytes) -> bytes:
    """A serialisation's leading ``@prefix`` lines."""
    end = 0
    while data.startswith(b"@prefix", end):
        end = data.index(b"\n", end) + 1
    return data[:end]
