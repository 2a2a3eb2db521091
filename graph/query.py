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
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import XSD

from talkgraph.extract.errors import InputError, UsageError
from talkgraph.ontology.namespace import ONTOLOGY_FILE

QUERIES_DIR = Path(ONTOLOGY_FILE).with_name("queries")

_INTEGER_TYPES = frozenset(str(XSD[name]) for name in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
    "negativeInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte"))
_XSD_BOOLEAN = ox.NamedNode(str(XSD.boolean))
_XSD_STRING = str(XSD.string)


@dataclass(frozen=True, slots=True)
class QueryResult:
    """A SELECT result: variable names, and rows of Oxigraph terms (``None`` where unbound)."""

    variables: list[str]
    terms: list[tuple[ox.NamedNode | ox.BlankNode | ox.Literal | None, ...]]

    @property
    def rows(self) -> list[tuple]:
        """The rows as Python values: numbers as int/Decimal/float, everything else as a string."""
        return [tuple(python_value(t) for t in row) for row in self.terms]

    def to_table(self) -> str:
        """An aligned text table for a terminal (CJK characters count two columns)."""
        cells = [self.variables] + [[_display(v) for v in row] for row in self.rows]
        widths = [max(_width(row[i]) for row in cells) for i in range(len(self.variables))]
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
class CannedQuery:
    name: str
    description: str
    text: str


def load_store(graphs: list[Path]) -> ox.Store:
    """An in-memory Oxigraph store holding the given graph files (any syntax, by file extension)."""
    store = ox.Store()
    for path in graphs:
        fmt = ox.RdfFormat.from_extension(Path(path).suffix.lstrip(".")) or ox.RdfFormat.TURTLE
        try:
            store.bulk_load(path=str(path), format=fmt)
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
        except SyntaxError as exc:
            raise InputError(f"{path}: not a valid {fmt.name} file ({exc})") from None
    return store


def run_query(graphs: list[Path], query: str) -> QueryResult:
    return query_store(load_store(graphs), query)


def query_store(store: ox.Store, query: str) -> QueryResult:
    """Run a SELECT query; ASK answers as one row with one boolean ``ask``, CONSTRUCT is refused."""
    try:
        solutions = store.query(query, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise UsageError(f"not a valid SPARQL query: {exc}") from None
    if isinstance(solutions, ox.QueryBoolean):
        return QueryResult(["ask"], [(ox.Literal(str(bool(solutions)).lower(), datatype=_XSD_BOOLEAN),)])
    if not isinstance(solutions, ox.QuerySolutions):
        raise UsageError("only SELECT and ASK queries give a table; this one builds a graph")
    variables = [v.value for v in solutions.variables]
    return QueryResult(variables, [tuple(solution[v] for v in variables) for solution in solutions])


def with_name(query: CannedQuery, name: str) -> str:
    """The query with its ``VALUES ?name { … }`` placeholder set to ``name``."""
    literal = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    text, count = re.subn(r"VALUES\s*\?name\s*\{[^}]*\}", f"VALUES ?name {{ {literal} }}", query.text)
    if not count:
        raise UsageError(f"the query {query.name!r} takes no name")
    return text


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



def _display(value: object) -> str:
    return "" if value is None else str(value)


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _pad_row(row: list[str], widths: list[int]) -> str:
    return "  ".join(cell + " " * (width - _width(cell)) for cell, width in zip(row, widths))
