"""Check a built graph against talkgraph's SHACL shapes (``ontology/shapes.ttl``) with SPARQL on pyoxigraph.

pyshacl walked the graph in Python and took about 3 s per MB of transcript, more than the rest of
the build.  The shapes use a small part of SHACL Core, so they are compiled instead: each
(shape, constraint) becomes one SELECT returning the violating focus nodes, after the constraint's
definition in the SHACL spec (https://www.w3.org/TR/shacl/), and Oxigraph runs them.  Anything
in the shapes file the compiler does not implement is an error, never silently skipped, so the
shapes cannot outgrow the check.  The shapes name talkgraph's own classes, so no ontology is mixed
into the data and no RDFS inference is run; ``rdfs:subClassOf*`` follows only what the data holds.

A build checks its own graph part by part (``PartsCheck``) with the same compiled checks read from
an index of the quads (``QuadIndex``) rather than from a store: loading a store and running the
queries cost more than the rest of writing the graph.  The index reads the build's quads as they are
made, terms written as N-Triples writes them (``oxigraph_writer.WrittenQuad``), so no pyoxigraph
term is made or hashed but for the few values a finding shows.  The tests hold both ways to the same
findings, message for message.

Known gap (oxigraph#1413): an Oxigraph store keeps every integer-derived literal
(``"3"^^xsd:nonNegativeInteger``, ``xsd:int``…) as ``xsd:integer``, so ``sh:datatype
xsd:nonNegativeInteger`` accepts any ``xsd:integer`` in the type's value range; it cannot tell a
well-typed ``"3"^^xsd:integer`` from the type the shape asks for.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, ConjunctiveGraph, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD
from rdflib.term import Node

from talkgraph.extract.errors import TalkgraphError
from talkgraph.graph.oxigraph_writer import (WrittenQuad, oxigraph_term, oxigraph_triples, to_oxigraph, written_iri,
                                            written_quads)
from talkgraph.ontology.namespace import ONTOLOGY_FILE, PREFIXES

SHAPES_FILE = Path(ONTOLOGY_FILE).with_name("shapes.ttl")


Term = ox.NamedNode | ox.BlankNode | ox.Literal


class ShapesError(TalkgraphError):
    """The shapes file uses SHACL that this validator does not implement."""


@dataclass(frozen=True, slots=True)
class ValidationReport:
    conforms: bool
    results: list[str]  # "focus node — path — message", one per violation, sorted


@dataclass(frozen=True, slots=True)
class Check:
    """One (shape, constraint) compiled to a SELECT over ``?this`` and, where relevant, ``?value``/``?count``."""

    shape: URIRef  # the shape whose targets give the focus nodes
    targets: str  # a group pattern binding each focus node to ?this
    path: URIRef
    component: URIRef  # e.g. sh:MinCountConstraintComponent
    query: str
    message: Callable[[ox.QuerySolution], str]
    focus: Focus  # the targets again, for the index (``QuadIndex``)
    rule: Rule  # the constraint again, for the index


@dataclass(frozen=True, slots=True)
class Focus:
    """A shape's targets: instances of the classes (or of their subclasses, where the data says so),
    subjects or objects of the predicates, and the nodes named."""

    classes: tuple[ox.NamedNode, ...] = ()
    subjects_of: tuple[ox.NamedNode, ...] = ()
    objects_of: tuple[ox.NamedNode, ...] = ()
    nodes: tuple[ox.NamedNode | ox.Literal, ...] = ()


class RuleKind(Enum):
    MIN_COUNT = "min"  # at least ``bound`` distinct values
    MAX_COUNT = "max"  # at most ``bound`` distinct values
    CONDITION = "condition"  # each value makes the SPARQL expression ``bound`` (over ?value) true
    CLASS = "class"  # each value an instance of the class ``bound``, or of a subclass the data declares


@dataclass(frozen=True, slots=True)
class Rule:
    kind: RuleKind
    bound: int | str | ox.NamedNode


@dataclass(frozen=True, slots=True)
class Violation:
    shape: URIRef
    focus: ox.NamedNode | ox.BlankNode | ox.Literal
    path: URIRef
    component: URIRef
    message: str

    def line(self) -> str:
        return f"{_short(self.focus)} — {_short(self.path)} — {self.message}"


# ---------------------------------------------------------------- API

def validate_graph(graph: Graph) -> ValidationReport:
    """An rdflib graph (a ``Dataset``/``ConjunctiveGraph``: all its graphs) checked against the shapes."""
    triples = ((s, p, o) for s, p, o, _ in graph.quads()) if isinstance(graph, ConjunctiveGraph) else graph
    return validate_triples(oxigraph_triples(triples))


def validate_triples(triples: Iterable[ox.Triple | ox.Quad]) -> ValidationReport:
    """pyoxigraph triples (or quads, such as ``BuiltGraph.quads``) checked in a fresh in-memory store.
    ``extend`` and ``bulk_extend`` load alike (0.48 against 0.51 s for 125,000 triples; making the
    ``Quad``s is most of it)."""
    store = ox.Store()
    store.extend(t if isinstance(t, ox.Quad) else ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    return validate_store(store)


class PartsCheck:
    """The shapes checked on a graph given in parts (``BuiltGraph.rdf_parts()``) in bounded memory.

    Transcripts are checked in batches of about ``batch_quads`` quads, each batch in an index
    (``QuadIndex``) with the entities' description (the first part) that its nodes point to, and
    only its transcripts' nodes are judged there.  What transcripts state about shared entities is
    kept aside, a few percent of the graph, and the entities are judged once, at the end, with all
    of it.  A transcript's nodes point only into their own transcript and to the entities
    (``datasets``' rule), so every node is judged on everything said about it, as in the whole graph.
    """

    def __init__(self, batch_quads: int = 100_000, shapes: Path = SHAPES_FILE):
        self.batch_quads, self.checks = batch_quads, compile_shapes(shapes)
        self.entities: list[WrittenQuad] = []
        self.entity_nodes: set[str] = set()
        self.shared = QuadIndex(self.checks)
        self.batch, self.batched = QuadIndex(self.checks), 0
        self.lines: set[str] = set()
        self.conditions = _Conditions()

    def add(self, part) -> None:
        if part.graph is None:
            self.entities += part.shared
            self.entity_nodes.update(quad[0] for quad in part.shared)
            self.batch.add(part.shared)
        self.shared.add(part.shared)
        self.batch.add(part.quads)
        self.batched += len(part.quads)
        if self.batched >= self.batch_quads:
            self._judge(self.batch)
            self.batch, self.batched = QuadIndex(self.checks), 0
            self.batch.add(self.entities)

    def _judge(self, index: QuadIndex, entities_too: bool = False) -> None:
        self.lines.update(violation.line() for violation in
                          index.violations(self.conditions, skip=frozenset() if entities_too else self.entity_nodes))

    def report(self) -> ValidationReport:
        self.batch.merge(self.shared)
        self._judge(self.batch, entities_too=True)
        self.batch, self.batched = QuadIndex(self.checks), 0
        return ValidationReport(not self.lines, sorted(self.lines))


def validate_store(store: ox.Store, shapes: Path = SHAPES_FILE) -> ValidationReport:
    """The union of the store's graphs checked against the shapes."""
    lines = sorted({violation.line() for violation in find_violations(store, shapes)})
    return ValidationReport(not lines, lines)


def index_violations(quads: Iterable[ox.Quad], shapes: Path = SHAPES_FILE) -> list[Violation]:
    """What ``find_violations`` finds, found by an index of the quads instead of a store (``QuadIndex``)."""
    index = QuadIndex(compile_shapes(shapes))
    index.add(written_quads(quads))
    return index.violations(_Conditions())


def find_violations(store: ox.Store, shapes: Path = SHAPES_FILE) -> list[Violation]:
    """Every violation, with the shape and constraint component it breaks (what the tests compare with pyshacl)."""
    return [Violation(check.shape, row["this"], check.path, check.component, check.message(row))
            for check in compile_shapes(shapes)
            for row in store.query(check.query, use_default_graph_as_union=True)]


# ---------------------------------------------------------------- the same checks without a store

_TYPE, _SUBCLASS = written_iri(str(RDF.type)), written_iri(str(RDFS.subClassOf))
_INTEGER = ox.NamedNode(str(XSD.integer))


class QuadIndex:
    """A graph's values by predicate and subject, made for the checks, which read from it the answers
    their queries read from a store, in a third of the time of loading a store and querying it.

    Only the predicates some check reads are kept.  Whether a value makes a constraint's SPARQL
    expression true (a datatype, a bound, a node kind) is still Oxigraph's to say, asked once per
    distinct value (``_Conditions``), so that both ways agree to the literal.  Terms are kept as
    N-Triples writes them (``WrittenQuad``), which is also how a query writes them.
    """

    def __init__(self, checks: tuple[Check, ...]):
        read = {_TYPE, _SUBCLASS}
        self.groups: dict[tuple[Focus, str], list[Check]] = {}
        for check in checks:
            read.add(written_iri(str(check.path)))
            read.update(str(p) for p in check.focus.subjects_of + check.focus.objects_of)
            self.groups.setdefault((check.focus, written_iri(str(check.path))), []).append(check)
        self.values: dict[str, dict[str, dict[str, None]]] = {p: {} for p in read}
        self._instances: dict[str, set[str]] = {}  # made when first asked, once every quad is in
        self._focused: dict[Focus, dict[str, None]] = {}
        self._typed: dict[str, list[str]] | None = None  # each class's nodes

    def add(self, quads: Iterable[WrittenQuad]) -> None:
        kept = self.values.get
        for subject, predicate, value, _ in quads:
            by_subject = kept(predicate)
            if by_subject is not None:
                by_subject.setdefault(subject, {})[value] = None

    def merge(self, other: QuadIndex) -> None:
        """Add what another index of the same checks holds."""
        for predicate, by_subject in other.values.items():
            mine = self.values[predicate]
            for subject, values in by_subject.items():
                found = mine.get(subject)
                if found is None:
                    mine[subject] = dict(values)
                else:
                    found.update(values)
        self._instances.clear()
        self._focused.clear()
        self._typed = None

    def violations(self, conditions: _Conditions, skip: frozenset[str] | set[str] = frozenset()) -> list[Violation]:
        """What the checks find, each (targets, path) read once for all its constraints; focus nodes
        in ``skip`` (as N-Triples writes them) are not judged."""
        found: list[Violation] = []
        judged: dict[Focus, dict[str, None]] = {}
        for (targets, path), checks in self.groups.items():
            focus = judged.get(targets)
            if focus is None:
                focus = judged[targets] = self._focus(targets) if not skip else {
                    node: None for node in self._focus(targets) if node not in skip}
            held = _Held.of(focus, self.values[path])
            by_value = any(check.rule.kind in (RuleKind.CLASS, RuleKind.CONDITION) for check in checks)
            distinct = set().union(*map(held.values.__getitem__, held.nodes)) if by_value else set()
            conditions.ask([check.rule.bound for check in checks if check.rule.kind is RuleKind.CONDITION], distinct)
            for check in checks:
                found += self._judge(check, focus, held, distinct, conditions)
        return found

    def _judge(self, check: Check, focus: dict[str, None], held: _Held, distinct: set[str],
               conditions: _Conditions) -> Iterator[Violation]:
        kind, bound = check.rule.kind, check.rule.bound
        if kind is RuleKind.MIN_COUNT:
            if bound > 1 or len(held.nodes) < len(focus):  # else each focus node has a value: enough for 1
                for node in focus:
                    count = len(held.values.get(node, ()))
                    if count < bound:
                        yield _violation(check, node, count=ox.Literal(str(count), datatype=_INTEGER))
        elif kind is RuleKind.MAX_COUNT:
            if max(map(len, map(held.values.__getitem__, held.nodes)), default=0) > bound:
                for node, these in held.items():
                    if len(these) > bound:
                        yield _violation(check, node, count=ox.Literal(str(len(these)), datatype=_INTEGER))
        elif kind is RuleKind.CLASS:
            members = self._members(str(bound))
            if not members.issuperset(distinct):
                for node, these in held.items():
                    for value in these:
                        if value not in members:
                            yield _violation(check, node, value=value)
        else:
            broken = conditions.broken(bound, distinct)
            if broken:
                for node, these in held.items():
                    for value in these:
                        if value in broken:
                            yield _violation(check, node, value=broken[value])

    def _focus(self, targets: Focus) -> dict[str, None]:
        nodes = self._focused.get(targets)
        if nodes is None:
            nodes = self._focused[targets] = dict.fromkeys(map(str, targets.nodes))
            for cls in targets.classes:
                nodes.update(dict.fromkeys(self._members(str(cls))))
            for predicate in targets.subjects_of:
                nodes.update(dict.fromkeys(self.values[str(predicate)]))
            for predicate in targets.objects_of:
                for objects in self.values[str(predicate)].values():
                    nodes.update(objects)
        return nodes

    def _members(self, cls: str) -> set[str]:
        """What ``rdf:type/rdfs:subClassOf*`` leads from to ``cls``."""
        found = self._instances.get(cls)
        if found is None:
            classes, todo = {cls}, [cls]
            while todo:
                parent = todo.pop()
                for child, parents in self.values[_SUBCLASS].items():
                    if parent in parents and child not in classes:
                        classes.add(child)
                        todo.append(child)
            if self._typed is None:
                self._typed = {}
                for node, types in self.values[_TYPE].items():
                    for type_ in types:
                        self._typed.setdefault(type_, []).append(node)
            found = self._instances[cls] = {node for c in classes for node in self._typed.get(c, ())}
        return found


@dataclass(frozen=True, slots=True)
class _Held:
    """A path's values at the focus nodes that have any.

    Judged as sets (loops in C) first, as nearly every graph conforms: node by node, in the focus
    nodes' order, only where something is wrong, to list it.  ``values`` never holds an empty set
    of values (``QuadIndex.add`` makes one with its first value), so a held node has at least one.
    """

    focus: dict[str, None]
    values: dict[str, dict[str, None]]  # the path's values by subject, focus node or not
    nodes: set[str]  # the focus nodes with a value

    @classmethod
    def of(cls, focus: dict[str, None], values: dict[str, dict[str, None]]) -> _Held:
        return cls(focus, values, values.keys() & focus.keys())

    def items(self) -> Iterator[tuple[str, dict[str, None]]]:
        for node in self.focus:
            these = self.values.get(node)
            if these is not None:
                yield node, these


def _violation(check: Check, node: str, **row: Term | str) -> Violation:
    """A finding of the index, its terms as pyoxigraph's (few: made only for what is found)."""
    focus = oxigraph_term(node)
    shown = {name: oxigraph_term(term) if isinstance(term, str) else term for name, term in row.items()}
    return Violation(check.shape, focus, check.path, check.component, check.message({"this": focus, **shown}))


class _Conditions:
    """Which values break a constraint's SPARQL expression, asked of Oxigraph in one query per
    expression for the values not asked before, and remembered: offsets and counts repeat."""

    def __init__(self) -> None:
        self.asked: dict[str, set[str]] = {}  # expression -> every value asked about, as N-Triples writes it
        self.breaking: dict[str, dict[str, Term]] = {}  # expression -> value breaking it -> as Oxigraph shows it
        self.store = ox.Store()  # empty: the values are in the queries

    def ask(self, expressions: Sequence[str], values: set[str]) -> None:
        """Ask about several expressions over the same values (a path's datatype and its bound) in
        one query, each true where ``FILTER`` would keep the row: ``broken`` then finds the answers
        remembered.  A query's time goes mostly into reading its values, the same for each."""
        expressions = list(dict.fromkeys(expressions))
        if len(expressions) < 2:
            return  # ``broken`` asks alone
        known = set.intersection(*(self.asked.get(expression, set()) for expression in expressions))
        written = [value for value in values - known if not value.startswith("_:")]
        if not written:
            return
        rows = " ".join(f"({n} {value})" for n, value in enumerate(written))
        judged = " ".join(f"(IF({expression}, true, false) AS ?b{i})" for i, expression in enumerate(expressions))
        for row in self.store.query(f"SELECT ?n ?value {judged} WHERE {{ VALUES (?n ?value) {{ {rows} }} }}"):
            for i, expression in enumerate(expressions):
                verdict = row[f"b{i}"]
                if verdict is not None and verdict.value == "true":
                    self.breaking.setdefault(expression, {})[written[int(row["n"].value)]] = row["value"]
        for expression in expressions:
            self.asked.setdefault(expression, set()).update(written)

    def broken(self, expression: str, values: Iterable[str]) -> dict[str, Term]:
        """Those of ``values`` (terms as N-Triples writes them) that break ``expression``, each as
        Oxigraph shows it."""
        asked = self.asked.setdefault(expression, set())
        breaking = self.breaking.setdefault(expression, {})
        values = values if isinstance(values, dict | set | frozenset) else dict.fromkeys(values)
        new = [value for value in values if value not in asked]
        if new:
            asked.update(new)
            written = [value for value in new if not value.startswith("_:")]
            if written:
                rows = " ".join(f"({n} {value})" for n, value in enumerate(written))
                query = f"SELECT ?n ?value WHERE {{ VALUES (?n ?value) {{ {rows} }} FILTER ({expression}) }}"
                for row in self.store.query(query):
                    breaking[written[int(row["n"].value)]] = row["value"]
            if len(written) < len(new) and self.store.query(f"ASK {{ BIND(BNODE() AS ?value) FILTER ({expression}) }}"):
                # a blank node cannot be written in a query; every one behaves as one made there
                breaking.update({value: oxigraph_term(value) for value in new if value.startswith("_:")})
        return {value: shown for value, shown in breaking.items() if value in values}


# ---------------------------------------------------------------- compiler

# Parameters that do not change what conforms; consumed wherever they appear.
_INERT = {(RDF.type, SH.NodeShape), (RDF.type, SH.PropertyShape), (RDF.type, SH.PropertyGroup),
          (SH.name, None), (SH.description, None), (SH.order, None), (SH.group, None)}
_TARGETS = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
_INSTANCE_OF = f"{RDF.type.n3()}/{RDFS.subClassOf.n3()}*"


@cache
def compile_shapes(shapes: Path = SHAPES_FILE) -> tuple[Check, ...]:
    """The shapes file as checks; `ShapesError` for any SHACL the compiler does not implement.

    Every triple the compiler reads is recorded; a SHACL triple left unread (``sh:or``,
    ``sh:pattern``, a shape without targets…) means the file asks for something this module would
    otherwise silently not check.
    """
    graph = Graph().parse(shapes, format="turtle")
    try:
        return _compile(graph)
    except ShapesError as error:
        raise ShapesError(f"{shapes}: {error}") from None


def _compile(graph: Graph) -> tuple[Check, ...]:
    used: set[tuple[Node, Node, Node]] = set()

    def objects(subject: Node, predicate: URIRef) -> list[Node]:
        found = sorted(graph.objects(subject, predicate))
        used.update((subject, predicate, o) for o in found)
        return found

    checks = []
    for shape in sorted({s for target in _TARGETS for s in graph.subjects(target)}):
        targets = _targets(shape, objects)
        focus = Focus(*(tuple(to_oxigraph(o) for o in objects(shape, parameter)) for parameter in _TARGETS))
        for property_shape in objects(shape, SH.property) + ([shape] if (shape, SH.path, None) in graph else []):
            paths = objects(property_shape, SH.path)
            if len(paths) != 1 or not isinstance(paths[0], URIRef):
                raise ShapesError(f"{_name(property_shape, graph)}: a sh:path other than one IRI is not "
                                  f"implemented ({', '.join(_name(p, graph) for p in paths) or 'none'})")
            for parameter, compile_one in _CONSTRAINTS.items():
                for value in objects(property_shape, parameter):
                    component, query, message, rule = compile_one(value, targets, f"?this {paths[0].n3()} ?value")
                    checks.append(Check(shape, targets, paths[0], component, query, message, focus, rule))
    unused = sorted(triple for triple in graph if triple not in used and _is_shacl(triple, graph))
    if unused:
        listed = "; ".join(" ".join(_name(term, graph) for term in triple) for triple in unused[:10])
        raise ShapesError(f"SHACL the validator does not implement ({len(unused)} triple(s)): {listed}")
    return tuple(checks)


def _name(term: Node, graph: Graph) -> str:
    """A shapes-file term for an error message; a blank node as the list or property shape it is."""
    if not isinstance(term, BNode):
        return term.n3(graph.namespace_manager)
    if (term, RDF.first, None) in graph:
        return f"({' '.join(_name(item, graph) for item in Collection(graph, term))})"
    path = graph.value(term, SH.path)
    return f"[sh:path {_name(path, graph)}]" if path is not None else "[]"


def _is_shacl(triple: tuple[Node, Node, Node], graph: Graph) -> bool:
    """Whether a shapes-file triple bears on validation: any ``sh:`` predicate or type, and a shape also
    declared a class (SHACL's implicit class target)."""
    s, p, o = triple
    if (p, o) in _INERT or (p, None) in _INERT:
        return False
    if p == RDF.type and o in (RDFS.Class, OWL.Class):
        return any(str(p2).startswith(str(SH)) for p2 in graph.predicates(s))
    return str(p).startswith(str(SH)) or (p == RDF.type and str(o).startswith(str(SH)))


def _unsupported(parameter: URIRef, value: Node) -> ShapesError:
    return ShapesError(f"{_short(parameter)} {value.n3()} is not implemented by talkgraph's SHACL validator")


def _targets(shape: Node, objects: Callable[[Node, URIRef], list[Node]]) -> str:
    """The focus nodes of ``shape`` as a group pattern binding distinct ``?this``."""
    patterns = [f"{{ ?this {_INSTANCE_OF} {c.n3()} }}" for c in objects(shape, SH.targetClass)]
    patterns += [f"{{ ?this {p.n3()} [] }}" for p in objects(shape, SH.targetSubjectsOf)]
    patterns += [f"{{ [] {p.n3()} ?this }}" for p in objects(shape, SH.targetObjectsOf)]
    nodes = objects(shape, SH.targetNode)
    for node in nodes:
        if not isinstance(node, URIRef | Literal):
            raise _unsupported(SH.targetNode, node)
    patterns += [f"{{ VALUES ?this {{ {' '.join(n.n3() for n in nodes)} }} }}"] if nodes else []
    return f"{{ SELECT DISTINCT ?this WHERE {{ {' UNION '.join(patterns)} }} }}"


Compiled = tuple[URIRef, str, Callable[[ox.QuerySolution], str], Rule]


def _count(limit: Node, targets: str, values: str, required: bool) -> Compiled:
    """sh:minCount / sh:maxCount: the number of distinct values per focus node."""
    if not (isinstance(limit, Literal) and isinstance(limit.value, int)):
        raise _unsupported(SH.minCount if required else SH.maxCount, limit)
    n = limit.value
    if not required:  # counting every subject of the path before joining the targets takes 2/3 of the time
        query = (f"SELECT ?this ?count WHERE {{ {{ SELECT ?this (COUNT(DISTINCT ?value) AS ?count) WHERE {{ {values} }} "
                 f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) > {n}) }} {targets} }}")
    elif n == 1:  # the same answer without counting every focus node's values: half the time
        query = f"SELECT ?this (0 AS ?count) WHERE {{ {targets} FILTER NOT EXISTS {{ {values} }} }}"
    else:
        query = (f"SELECT ?this (COUNT(DISTINCT ?value) AS ?count) WHERE {{ {targets} OPTIONAL {{ {values} }} }} "
                 f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) < {n})")
    word = "at least" if required else "at most"
    plural = "value" if n == 1 else "values"
    return (SH.MinCountConstraintComponent if required else SH.MaxCountConstraintComponent, query,
            lambda row: f"{word} {n} {plural} {'required' if required else 'allowed'}, {row['count'].value} found",
            Rule(RuleKind.MIN_COUNT if required else RuleKind.MAX_COUNT, n))


def _each_value(targets: str, values: str, condition: str) -> str:
    """A SELECT of the value nodes for which ``condition`` is not true (an error counts as not true)."""
    return f"SELECT DISTINCT ?this ?value WHERE {{ {targets} {values} FILTER ({_broken(condition)}) }}"


def _broken(condition: str) -> str:
    return f"!COALESCE({condition}, false)"


def _condition(condition: str) -> Rule:
    """A value's constraint as the index asks Oxigraph it: the expression true when it is broken."""
    return Rule(RuleKind.CONDITION, _broken(condition))


# Integer-derived datatypes, which an Oxigraph store keeps as xsd:integer, and their value ranges.
_INTEGER_RANGES = {
    XSD.nonNegativeInteger: (0, None), XSD.positiveInteger: (1, None),
    XSD.nonPositiveInteger: (None, 0), XSD.negativeInteger: (None, -1),
    XSD.long: (-2**63, 2**63 - 1), XSD.int: (-2**31, 2**31 - 1), XSD.short: (-2**15, 2**15 - 1),
    XSD.byte: (-2**7, 2**7 - 1), XSD.unsignedLong: (0, 2**64 - 1), XSD.unsignedInt: (0, 2**32 - 1),
    XSD.unsignedShort: (0, 2**16 - 1), XSD.unsignedByte: (0, 2**8 - 1),
}
# Datatypes whose ill-typed literals Oxigraph can tell: numbers are not isNumeric, others fail the cast.
_NUMERIC = {XSD.integer, XSD.decimal, XSD.float, XSD.double}
_CASTABLE = {XSD.boolean, XSD.dateTime, XSD.date, XSD.time, XSD.duration}


def _datatype(datatype: Node, targets: str, values: str) -> Compiled:
    """sh:datatype: a literal of exactly that datatype, and well-typed where Oxigraph can tell."""
    if not isinstance(datatype, URIRef):
        raise _unsupported(SH.datatype, datatype)
    condition = f"isLiteral(?value) && datatype(?value) = {datatype.n3()}"
    if datatype in _NUMERIC:
        condition += " && isNumeric(?value)"
    elif datatype in _CASTABLE:
        condition += f" && isLiteral({datatype.n3()}(?value))"
    elif datatype in _INTEGER_RANGES:
        low, high = _INTEGER_RANGES[datatype]
        condition = (f"isLiteral(?value) && datatype(?value) IN ({datatype.n3()}, {XSD.integer.n3()}) "
                     f"&& isNumeric(?value)" + (f" && ?value >= {low}" if low is not None else "")
                     + (f" && ?value <= {high}" if high is not None else ""))
    name = _short(datatype)
    if datatype == RDF.langString:
        def message(row: ox.QuerySolution) -> str:
            return f"value {_short(row['value'])} has no language tag"
    else:
        def message(row: ox.QuerySolution) -> str:
            return f"value {_short(row['value'])} is not an {name}"
    return SH.DatatypeConstraintComponent, _each_value(targets, values, condition), message, _condition(condition)


def _class(cls: Node, targets: str, values: str) -> Compiled:
    """sh:class: each value is an instance of the class or, where the data says so, of a subclass."""
    if not isinstance(cls, URIRef):
        raise _unsupported(SH["class"], cls)
    query = (f"SELECT DISTINCT ?this ?value WHERE {{ {targets} {values} "
             f"FILTER NOT EXISTS {{ ?value {_INSTANCE_OF} {cls.n3()} }} }}")
    return (SH.ClassConstraintComponent, query, lambda row: f"value {_short(row['value'])} is not a {_short(cls)}",
            Rule(RuleKind.CLASS, to_oxigraph(cls)))


_NODE_KINDS = {
    SH.IRI: ("isIRI(?value)", "an IRI"), SH.BlankNode: ("isBlank(?value)", "a blank node"),
    SH.Literal: ("isLiteral(?value)", "a literal"),
    SH.BlankNodeOrIRI: ("!isLiteral(?value)", "an IRI or blank node"),
    SH.BlankNodeOrLiteral: ("!isIRI(?value)", "a blank node or literal"),
    SH.IRIOrLiteral: ("!isBlank(?value)", "an IRI or literal"),
}


def _node_kind(kind: Node, targets: str, values: str) -> Compiled:
    """sh:nodeKind: each value is of that kind of RDF term."""
    if kind not in _NODE_KINDS:
        raise _unsupported(SH.nodeKind, kind)
    condition, words = _NODE_KINDS[kind]
    return (SH.NodeKindConstraintComponent, _each_value(targets, values, condition),
            lambda row: f"value {_short(row['value'])} is not {words}", _condition(condition))


def _range(parameter: URIRef, operator: str, component: URIRef, words: str):
    """sh:minInclusive and its kin: each value compares true with the bound (not comparable is a violation)."""
    def compile_one(bound: Node, targets: str, values: str) -> Compiled:
        if not isinstance(bound, Literal):
            raise _unsupported(parameter, bound)
        condition = f"?value {operator} {bound.n3()}"
        return (component, _each_value(targets, values, condition),
                lambda row: f"value {_short(row['value'])} is not {words} {bound}", _condition(condition))
    return compile_one


_CONSTRAINTS: dict[URIRef, Callable[[Node, str, str], Compiled]] = {
    SH.minCount: lambda n, targets, values: _count(n, targets, values, required=True),
    SH.maxCount: lambda n, targets, values: _count(n, targets, values, required=False),
    SH.datatype: _datatype,
    SH["class"]: _class,
    SH.nodeKind: _node_kind,
    SH.minInclusive: _range(SH.minInclusive, ">=", SH.MinInclusiveConstraintComponent, "at least"),
    SH.maxInclusive: _range(SH.maxInclusive, "<=", SH.MaxInclusiveConstraintComponent, "at most"),
    SH.minExclusive: _range(SH.minExclusive, ">", SH.MinExclusiveConstraintComponent, "more than"),
    SH.maxExclusive: _range(SH.maxExclusive, "<", SH.MaxExclusiveConstraintComponent, "less than"),
}


# ---------------------------------------------------------------- readable names

_NAMESPACES = sorted(((str(ns), prefix) for prefix, ns in {**PREFIXES, "sh": SH}.items()),
                     key=lambda item: -len(item[0]))
_LOCAL_NAME = re.compile(r"[^\W\d][\w-]*")


def _short(term: URIRef | ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    """``schema:author`` rather than the full IRI where a prefix applies; literals as in Turtle."""
    if isinstance(term, ox.Literal):
        text = '"' + term.value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
        if term.language:
            return f"{text}@{term.language}"
        return text if term.datatype.value == str(XSD.string) else f"{text}^^{_short(term.datatype)}"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    iri = term.value if isinstance(term, ox.NamedNode) else str(term)
    for namespace, prefix in _NAMESPACES:
        if iri.startswith(namespace) and _LOCAL_NAME.fullmatch(iri[len(namespace):]):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"
