"""SPARQL over built graphs, with Oxigraph as the engine, and the canned queries of ``ontology/queries``.

Oxigraph rather than rdflib's own SPARQL: on a million triples it loads the data ten times faster
(3.5 s against 33 s) and answers the canned queries ten to thirty times faster, a few thousand
times faster where OPTIONALs nest (``former-affiliations``: 0.03 s against 100 s);
``benchmarks/query_benchmark.py`` measures it.  The Turtle files go into the default graph of an in-memory store, so queries
need no ``GRAPH`` clauses.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import XSD

from talkgraph.extract.errors import UsageError
from talkgraph.ontology.namespace import ONTOLOGY_FILE, PREFIXES

from .display import display_width, pad
from .graph_files import open_store

QUERIES_DIR = Path(ONTOLOGY_FILE).with_name("queries")

_INTEGER_TYPES = frozenset(str(XSD[name]) for name in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
    "negativeInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte"))
_XSD_BOOLEAN = ox.NamedNode(str(XSD.boolean))
_XSD_STRING = str(XSD.string)
_COMMENT = re.compile(r"(?m)(?:^|(?<=\s))#[^\n]*")
_PREFIX_LINE = re.compile(r"(?i)\bPREFIX\s+([\w.-]*):\s*<([^>]*)>")
_SELECT_STAR = re.compile(r"(?i)\bSELECT\s+(?:DISTINCT\s+|REDUCED\s+)?\*")
_NAME_PLACEHOLDER = re.compile(r"VALUES\s*\?name\s*\{([^}]*)\}")
_VARIABLE = re.compile(r"[?$](\w+)")
TALKGRAPH_PREFIXES = {name: str(namespace) for name, namespace in PREFIXES.items()}


@dataclass(frozen=True, slots=True)
class QueryResult:
    """A SELECT result: variable names, and rows of Oxigraph terms (``None`` where unbound)."""

    variables: list[str]
    terms: list[tuple[ox.NamedNode | ox.BlankNode | ox.Literal | None, ...]]
    prefixes: dict[str, str] = field(default_factory=dict)  # the query's own PREFIX declarations

    @property
    def rows(self) -> list[tuple]:
        """The rows as Python values: numbers as int/Decimal/float, everything else as a string."""
        return [tuple(python_value(t) for t in row) for row in self.terms]

    def to_table(self, full_iris: bool = False) -> str:
        """An aligned text table for a terminal (CJK characters count two columns); IRIs as prefixed
        names (talkgraph's prefixes and the query's own) unless ``full_iris``."""
        namespaces = [] if full_iris else _longest_first(self.prefixes | {
            name: iri for name, iri in TALKGRAPH_PREFIXES.items() if name not in self.prefixes})
        cells = [self.variables] + [[_display(_compact(t, namespaces) if isinstance(t, ox.NamedNode) else v)
                                     for t, v in zip(terms, row)] for terms, row in zip(self.terms, self.rows)]
        widths = [max(display_width(row[i]) for row in cells) for i in range(len(self.variables))]
        lines = [_pad_row(cells[0], widths), "  ".join("-" * w for w in widths)]
        lines += [_pad_row(row, widths) for row in cells[1:]]
        return "\n".join(line.rstrip() for line in lines) + "\n"

    def to_csv(self) -> str:
        return self._delimited(",")

    def to_tsv(self) -> str:
        return self._delimited("\t")

    def to_json(self) -> str:
        """The SPARQL 1.1 Query Results JSON format."""
        bindings = [{var: _json_term(term) for var, term in zip(self.variables, row) if term is not None}
                    for row in self.terms]
        document = {"head": {"vars": self.variables}, "results": {"bindings": bindings}}
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"

    def _delimited(self, delimiter: str) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
        writer.writerow(self.variables)
        writer.writerows([_display(v) for v in row] for row in self.rows)
        return buffer.getvalue()


@dataclass(frozen=True, slots=True)
class GraphResult:
    """A CONSTRUCT or DESCRIBE result: triples, sorted so the same query always prints the same."""

    triples: tuple[ox.Triple, ...]
    prefixes: dict[str, str] = field(default_factory=dict)

    def to_turtle(self) -> str:
        # not tgr: its local parts hold "/", which Turtle would escape (tgr:person\/田奇)
        used = {name: iri for name, iri in (TALKGRAPH_PREFIXES | self.prefixes).items() if name and name != "tgr"}
        return ox.serialize(self.triples, format=ox.RdfFormat.TURTLE, prefixes=used).decode("utf-8")


@dataclass(frozen=True, slots=True)
class CannedQuery:
    """One ``ontology/queries/*.rq``.  ``VALUES ?name { … }`` is its name placeholder: left empty
    (``{ }``), the query needs a name; holding ``UNDEF`` or a value, the name is optional."""

    name: str
    description: str
    text: str

    @property
    def takes_name(self) -> bool:
        return bool(_NAME_PLACEHOLDER.search(self.text))

    @property
    def needs_name(self) -> bool:
        placeholder = _NAME_PLACEHOLDER.search(self.text)
        return bool(placeholder) and not placeholder.group(1).strip()


def run_query(inputs: Iterable[str | Path], query: str) -> QueryResult | GraphResult:
    """The query over graph files, build output folders or ``--store`` folders (``graph_files``)."""
    return query_store(open_store(inputs), query)


def query_store(store: ox.Store, query: str) -> QueryResult | GraphResult:
    """SELECT and ASK give a table (ASK as one row with one boolean ``ask``); CONSTRUCT and DESCRIBE a graph."""
    try:
        solutions = store.query(query, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise UsageError(f"not a valid SPARQL query: {exc}") from None
    if isinstance(solutions, ox.QueryBoolean):
        return QueryResult(["ask"], [(ox.Literal(str(bool(solutions)).lower(), datatype=_XSD_BOOLEAN),)])
    if isinstance(solutions, ox.QueryTriples):
        return GraphResult(tuple(sorted(solutions, key=str)), declared_prefixes(query))
    variables = _in_query_order([v.value for v in solutions.variables], query)
    terms = [tuple(solution[v] for v in variables) for solution in solutions]
    return QueryResult(variables, terms, declared_prefixes(query))


def _in_query_order(variables: list[str], query: str) -> list[str]:
    """``SELECT *`` columns in the order the variables first appear in the query (Oxigraph sorts them)."""
    if not _SELECT_STAR.search(query):
        return variables
    body = _PREFIX_LINE.sub("", _COMMENT.sub("", query))
    first = {}
    for match in _VARIABLE.finditer(body):
        first.setdefault(match.group(1), match.start())
    return sorted(variables, key=lambda v: first.get(v, len(body)))


def declared_prefixes(query: str) -> dict[str, str]:
    return {name: iri for name, iri in _PREFIX_LINE.findall(_COMMENT.sub("", query))}


def with_name(query: CannedQuery, name: str | None) -> str:
    """The query with its ``VALUES ?name { … }`` placeholder set to ``name``; a query that needs a
    name and gets none, or gets one it does not take, is a usage error that says so."""
    if name is None:
        if query.needs_name:
            raise UsageError(f"the canned query {query.name!r} needs a name: add --name NAME "
                             f"(a person, organisation or model, by name or alias)")
        return query.text
    if not query.takes_name:
        raise UsageError(f"the canned query {query.name!r} takes no name; leave out --name")
    literal = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return _NAME_PLACEHOLDER.sub(lambda _: f"VALUES ?name {{ {literal} }}", query.text)


def canned_queries() -> dict[str, CannedQuery]:
    """The ``*.rq`` files of ``ontology/queries`` by name; each one's first line is ``# description``."""
    queries = {}
    for path in sorted(QUERIES_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else ""
        queries[path.stem] = CannedQuery(path.stem, first.lstrip("#").strip(), text)
    return queries


def python_value(term) -> object:
    """Literals with a numeric datatype as numbers, booleans as bool, anything else as its string."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        kind = term.datatype.value
        if kind in _INTEGER_TYPES:
            return int(term.value)
        if kind == str(XSD.decimal):
            return Decimal(term.value)
        if kind in (str(XSD.double), str(XSD.float)):
            return float(term.value)
        if kind == _XSD_BOOLEAN.value:
            return term.value in ("true", "1")
    return term.value



def _json_term(term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    binding = {"type": "literal", "value": term.value}
    if term.language:
        binding["xml:lang"] = term.language
    elif term.datatype.value != _XSD_STRING:
        binding["datatype"] = term.datatype.value
    return binding



def _longest_first(prefixes: dict[str, str]) -> list[tuple[str, str]]:
    return sorted(((name, iri) for name, iri in prefixes.items() if iri), key=lambda item: -len(item[1]))


def _compact(term: ox.NamedNode, namespaces: list[tuple[str, str]]) -> str:
    """``rdf:type`` for ``http://www.w3.org/1999/02/22-rdf-syntax-ns#type``; the IRI when no prefix fits."""
    for name, iri in namespaces:
        local = term.value[len(iri):]
        if term.value.startswith(iri) and local and not any(ch.isspace() or ch in "#<>" for ch in local):
            return f"{name}:{local}"
    return term.value


def _display(value: object) -> str:
    return "" if value is None else str(value)


def _pad_row(row: list[str], widths: list[int]) -> str:
    return "  ".join(pad(cell, width) for cell, width in zip(row, widths))
