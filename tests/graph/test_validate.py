"""SHACL validation: built graphs conform, each kind of breakage is reported readably, and the SPARQL
engine finds exactly what pyshacl (the reference, a test dependency only) finds."""
from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV, SH

from talkgraph.graph.oxigraph_writer import oxigraph_triples, to_oxigraph, to_rdflib
from talkgraph.graph.validate import (
    SHAPES_FILE, ShapesError, ValidationReport, compile_shapes, find_violations, index_violations, validate_graph,
    validate_store, validate_triples,
)
from talkgraph.ontology.namespace import NIF, SDO, TG, TGR

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "rdf"))
import samples  # noqa: E402

SHAPE_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "shapes"
CLAIM = TGR["doc/a/claim/1"]
TURN = TGR["doc/a/turn/1"]
MENTION = TGR["doc/a/mention/4-6"]
PERSON = TGR["person/田奇"]

Finding = tuple[URIRef, URIRef, URIRef]  # (focus node, path, constraint component)


# ---------------------------------------------------------------- the two engines

def store_of(graph: Graph) -> ox.Store:
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in oxigraph_triples(graph))
    return store


def ours(graph: Graph, shapes: Path = SHAPES_FILE) -> set[Finding]:
    """What the store's queries find, which the build's index (``QuadIndex``) finds too, to the message."""
    store = store_of(graph)
    found = find_violations(store, shapes)
    assert _described(index_violations(store, shapes)) == _described(found)
    return {(to_rdflib(v.focus), v.path, v.component) for v in found}


def _described(violations) -> set[tuple]:
    return {(str(v.focus), v.path, v.component, v.message, v.shape) for v in violations}


def pyshacl(graph: Graph, shapes_file: Path = SHAPES_FILE) -> set[Finding]:
    from pyshacl import validate

    shapes = Graph().parse(shapes_file)
    _, report, _ = validate(graph, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=True)
    found = {(report.value(r, SH.focusNode), report.value(r, SH.resultPath), report.value(r, SH.sourceConstraintComponent))
             for r in report.subjects(RDF.type, SH.ValidationResult)}
    return found | _ill_typed_below_bounds(graph, shapes)


def _ill_typed_below_bounds(graph: Graph, shapes: Graph) -> set[Finding]:
    """Where pyshacl departs from the spec: rdflib orders an ill-typed literal (``"abc"^^xsd:nonNegativeInteger``)
    as if comparable, so pyshacl lets it pass sh:minInclusive; the spec's ``$minInclusive <= $value`` is an error
    there, which is not true, so a violation.  Only the focus nodes pyshacl reports for sh:datatype can have one."""
    bounded = {path for prop in shapes.subjects(SH.minInclusive) for path in shapes.objects(prop, SH.path)}
    return {(focus, path, SH.MinInclusiveConstraintComponent) for path in bounded
            for focus, value in graph.subject_objects(path) if isinstance(value, Literal) and value.ill_typed}


@pytest.mark.parametrize("sample", samples.SAMPLES)
def test_built_graphs_conform(sample):
    graph = samples.sample_graph(sample)
    report = validate_graph(graph)
    assert report == ValidationReport(True, []), "\n".join(report.results)
    assert pyshacl(graph) == set()


# ---------------------------------------------------------------- every constraint broken, compared with pyshacl

def _checks():
    return {(check.shape, check.path, check.component): check for check in compile_shapes()}


def _focus_with_value(graph: Graph, check) -> tuple[URIRef, object]:
    """The first focus node of the check's shape (in a stable order) that has a value on its path; the value
    as the rdflib graph has it (the store keeps xsd:nonNegativeInteger as xsd:integer)."""
    query = (f"SELECT ?this WHERE {{ {check.targets} ?this {check.path.n3()} [] }} ORDER BY STR(?this) LIMIT 1")
    focus = to_rdflib(next(iter(store_of(graph).query(query)))["this"])
    return focus, min(graph.objects(focus, check.path))


def _wrong_datatype(datatype: URIRef, value) -> Literal:
    if datatype == RDF.langString:
        return Literal(str(value))  # the same text without a language tag
    if datatype == XSD.string:
        return Literal(str(value), lang="zh")
    return Literal("abc", datatype=datatype)  # ill-typed


# component -> how to break one focus node's values for it
BREAK: dict[URIRef, Callable[[Graph, URIRef, URIRef, object, URIRef], None]] = {
    SH.MinCountConstraintComponent: lambda g, focus, path, value, param: g.remove((focus, path, None)),
    SH.MaxCountConstraintComponent:
        lambda g, focus, path, value, param: g.add((focus, path, URIRef(f"{value}-2") if isinstance(value, URIRef)
                                                    else Literal(f"{value}0", lang=value.language, datatype=value.datatype))),
    SH.DatatypeConstraintComponent: lambda g, focus, path, value, param: g.set((focus, path, _wrong_datatype(param, value))),
    SH.ClassConstraintComponent: lambda g, focus, path, value, param: g.set((focus, path, PERSON)),
    SH.NodeKindConstraintComponent: lambda g, focus, path, value, param: g.set((focus, path, Literal("not an IRI"))),
    SH.MinInclusiveConstraintComponent:
        lambda g, focus, path, value, param: g.set((focus, path, Literal("-1", datatype=XSD.integer))),
}


@pytest.mark.parametrize("key", sorted(_checks()), ids=lambda key: " ".join(str(term).rsplit("#")[-1].rsplit("/")[-1]
                                                                         for term in key))
def test_each_constraint_broken_is_found_as_pyshacl_finds_it(key):
    check = _checks()[key]
    graph = samples.fixture_graph()
    focus, value = _focus_with_value(graph, check)
    shapes = Graph().parse(SHAPES_FILE)
    param = next((o for s in shapes.subjects(SH.path, check.path) for o in shapes.objects(s, SH.datatype)), None)
    BREAK[check.component](graph, focus, check.path, value, param)
    found = ours(graph)
    assert (focus, check.path, check.component) in found
    assert found == pyshacl(graph)


def test_every_constraint_component_in_the_shapes_can_be_broken():
    assert {component for _, _, component in _checks()} <= set(BREAK)


def test_every_constraint_of_the_shapes_file_is_compiled():
    """Counted independently of the compiler: one check per node shape × property shape × constraint parameter."""
    shapes = Graph().parse(SHAPES_FILE)
    parameters = (SH.minCount, SH.maxCount, SH.datatype, SH["class"], SH.nodeKind, SH.minInclusive)
    node_shapes = set(shapes.subjects(SH.targetClass)) | set(shapes.subjects(SH.targetSubjectsOf))
    expected = sum(1 for node_shape in node_shapes
                   for prop in shapes.objects(node_shape, SH.property) for p in parameters
                   for _ in shapes.objects(prop, p))
    assert len(compile_shapes()) == expected


BROKEN_BY_HAND: dict[str, Callable[[Graph], None]] = {
    "IRI where a number is required": lambda g: g.set((TURN, SDO.position, PERSON)),
    "decimal where an integer is required": lambda g: g.set((TURN, SDO.position, Literal("1.5", datatype=XSD.decimal))),
    "string where a count is required": lambda g: g.set((PERSON, TG.mentionCount, Literal("3"))),
    "negative xsd:integer offset": lambda g: g.set((MENTION, NIF.beginIndex, Literal("-1", datatype=XSD.integer))),
    "ill-typed negative nonNegativeInteger": lambda g: g.set((CLAIM, NIF.endIndex,
                                                              Literal("-5", datatype=XSD.nonNegativeInteger))),
    "double where a decimal is required": lambda g: g.set((TGR["model/盘古大模型"], TG.parameterCount,
                                                           Literal("1e11", datatype=XSD.double))),
    "place without a tagged label": lambda g: g.set((TGR["place/深圳"], RDFS.label, Literal("深圳"))),
    "alias without a language tag": lambda g: g.add((PERSON, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"),
                                                     Literal("田老师"))),
    "claim derived from a literal": lambda g: g.set((CLAIM, PROV.wasDerivedFrom, Literal("turn 2"))),
    "mention context of the wrong class": lambda g: g.set((MENTION, NIF.referenceContext, TURN)),
    "claim untyped and turn without sender": lambda g: (g.remove((CLAIM, RDF.type, None)),
                                                        g.remove((TURN, SDO.sender, None))),
    "entity typed by a subclass the data declares": lambda g: (
        g.add((URIRef("http://example.org/Scientist"), RDFS.subClassOf, SDO.Person)),
        g.add((TGR["person/新人"], RDF.type, URIRef("http://example.org/Scientist")))),
    "turn typed by a subclass the data declares": lambda g: (
        g.add((URIRef("http://example.org/Answer"), RDFS.subClassOf, TG.Turn)),
        g.set((TGR["doc/a/turn/2"], RDF.type, URIRef("http://example.org/Answer")))),
}


@pytest.mark.parametrize("name", BROKEN_BY_HAND)
def test_breakages_by_hand_agree_with_pyshacl(name):
    graph = samples.fixture_graph()
    BROKEN_BY_HAND[name](graph)
    assert ours(graph) == pyshacl(graph)


def test_shacl_beyond_talkgraphs_shapes_agrees_with_pyshacl():
    """Targets, counts, node kinds and bounds the compiler implements though shapes.ttl does not use them."""
    shapes = SHAPE_FIXTURES / "beyond-talkgraph.ttl"
    graph = samples.fixture_graph()
    found = ours(graph, shapes)
    assert found == pyshacl(graph, shapes)
    assert {component for _, _, component in found} >= {
        SH.MinCountConstraintComponent, SH.MaxCountConstraintComponent, SH.NodeKindConstraintComponent,
        SH.MaxInclusiveConstraintComponent, SH.MinExclusiveConstraintComponent, SH.MaxExclusiveConstraintComponent,
        SH.ClassConstraintComponent, SH.DatatypeConstraintComponent}


def test_an_xsd_integer_offset_passes_for_nonnegativeinteger():
    """The known gap: an Oxigraph store keeps "3"^^xsd:nonNegativeInteger as xsd:integer (oxigraph#1413), so a
    well-typed non-negative xsd:integer cannot be told apart; pyshacl flags it."""
    graph = samples.fixture_graph()
    graph.set((MENTION, NIF.beginIndex, Literal("3", datatype=XSD.integer)))
    assert ours(graph) == set()
    assert pyshacl(graph) == {(MENTION, NIF.beginIndex, SH.DatatypeConstraintComponent)}


# ---------------------------------------------------------------- readable reports

def broken(change) -> ValidationReport:
    graph = samples.fixture_graph()
    change(graph)
    return validate_graph(graph)


def test_claim_without_author():
    report = broken(lambda g: g.remove((CLAIM, SDO.author, None)))
    assert report == ValidationReport(False, [
        "<https://w3id.org/talkgraph/id/doc/a/claim/1> — schema:author — at least 1 value required, 0 found"])


def test_claim_with_two_texts():
    report = broken(lambda g: g.add((CLAIM, SDO.text, Literal("另一句话", lang="zh"))))
    assert [line for line in report.results if line.endswith("schema:text — at most 1 value allowed, 2 found")]


def test_claim_derived_from_something_not_a_message():
    report = broken(lambda g: g.set((CLAIM, PROV.wasDerivedFrom, PERSON)))
    assert [line for line in report.results
            if line.endswith("prov:wasDerivedFrom — value <https://w3id.org/talkgraph/id/person/田奇> is not a tg:Turn")]


def test_claim_without_offsets():
    report = broken(lambda g: (g.remove((CLAIM, NIF.beginIndex, None)), g.remove((CLAIM, NIF.anchorOf, None))))
    assert {("nif:beginIndex" in line, "nif:anchorOf" in line) for line in report.results} == {(True, False), (False, True)}


def test_turn_position_must_be_an_integer():
    report = broken(lambda g: g.set((TURN, SDO.position, Literal("一"))))
    assert [line for line in report.results if line.endswith('schema:position — value "一" is not an xsd:integer')]


def test_turn_needs_a_sender():
    report = broken(lambda g: g.remove((TURN, SDO.sender, None)))
    assert [line for line in report.results if "schema:sender" in line]


def test_entity_labels_are_language_tagged():
    report = broken(lambda g: g.add((PERSON, RDFS.label, Literal("田奇"))))
    assert [line for line in report.results if line.endswith('rdfs:label — value "田奇" has no language tag')]


def test_parameter_count_is_a_number():
    report = broken(lambda g: g.set((TGR["model/盘古大模型"], TG.parameterCount, Literal("千亿"))))
    assert [line for line in report.results if line.endswith('tg:parameterCount — value "千亿" is not an xsd:decimal')]


def test_ill_typed_number_is_not_its_datatype():
    report = broken(lambda g: g.set((TGR["model/盘古大模型"], TG.parameterCount, Literal("abc", datatype=XSD.decimal))))
    assert [line for line in report.results if line.endswith('value "abc"^^xsd:decimal is not an xsd:decimal')]


def test_offset_below_zero():
    report = broken(lambda g: g.set((MENTION, NIF.beginIndex, Literal("-1", datatype=XSD.integer))))
    assert [line for line in report.results if line.endswith('nif:beginIndex — value "-1"^^xsd:integer is not at least 0')]


def test_mention_needs_its_context():
    report = broken(lambda g: g.remove((MENTION, NIF.referenceContext, None)))
    assert [line for line in report.results if "nif:referenceContext" in line]


def test_result_lines_read_focus_path_message():
    report = broken(lambda g: (g.remove((CLAIM, RDF.type, None)), g.remove((TURN, SDO.sender, None))))
    focus, path, message = report.results[0].split(" — ")
    assert focus.endswith("turn/1>") and path == "schema:sender" and message


def test_results_are_sorted_and_deterministic():
    def change(g):
        g.remove((None, SDO.author, None))
        g.remove((None, NIF.beginIndex, None))
        g.add((PERSON, RDFS.label, Literal("田奇")))
    first, second = broken(change), broken(change)
    assert len(first.results) == 6  # two claims × (author, beginIndex), the mention, the label
    assert first == second and first.results == sorted(first.results) and len(set(first.results)) == len(first.results)


# ---------------------------------------------------------------- the store API

def test_validate_store_reads_the_union_of_named_graphs():
    """A claim typed in one named graph and described in another conforms; each named graph alone would not."""
    graph = samples.fixture_graph()
    claim_triples = list(graph.triples((CLAIM, None, None)))
    rest = [t for t in graph if t[0] != CLAIM]
    typed = [t for t in claim_triples if t[1] == RDF.type]
    described = [t for t in claim_triples if t[1] != RDF.type]
    store = ox.Store()
    for name, triples in (("a", rest + typed), ("b", described)):
        store.extend(ox.Quad(*map(to_oxigraph, t), ox.NamedNode(f"http://example.org/graph/{name}")) for t in triples)
    assert validate_store(store) == ValidationReport(True, [])
    store.remove(ox.Quad(*map(to_oxigraph, next(t for t in described if t[1] == SDO.author)),
                         ox.NamedNode("http://example.org/graph/b")))
    assert [line for line in validate_store(store).results if "schema:author" in line]


def test_validate_triples_takes_pyoxigraph_triples():
    triples = list(ox.parse(path=samples.FIXTURE_TTL, format=ox.RdfFormat.TURTLE))
    assert validate_triples(triples) == ValidationReport(True, [])
    assert not validate_triples(t for t in triples if t.predicate != to_oxigraph(SDO.sender)).conforms


def test_validation_does_not_import_pyshacl():
    code = "import sys, talkgraph.graph.validate as v; v.validate_triples([]); assert 'pyshacl' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


# ---------------------------------------------------------------- shapes the compiler does not implement

@pytest.mark.parametrize(("fixture", "named"), [
    ("unsupported-constraint.ttl", 'sh:pattern "^[A-Z]"'),
    ("sequence-path.ttl", "(schema:worksFor schema:name)"),
    ("node-level-constraint.ttl", "ex:PersonShape sh:nodeKind sh:IRI"),
    ("node-level-constraint.ttl", "ex:Thing rdf:type rdfs:Class"),
])
def test_shapes_beyond_the_compiler_are_an_error(fixture, named):
    with pytest.raises(ShapesError, match="not implement") as error:
        compile_shapes(SHAPE_FIXTURES / fixture)
    assert named in str(error.value)
