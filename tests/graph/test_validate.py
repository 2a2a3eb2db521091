"""SHACL validation: built graphs conform, and each kind of breakage is reported readably."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Literal
from rdflib.namespace import PROV

from talkgraph.graph.validate import ValidationReport, validate_graph
from talkgraph.ontology.namespace import NIF, SDO, TG, TGR

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "rdf"))
import samples  # noqa: E402

CLAIM = TGR["doc/a/claim/1"]
TURN = TGR["doc/a/turn/1"]


@pytest.mark.parametrize("sample", samples.SAMPLES)
def test_built_graphs_conform(sample):
    report = validate_graph(samples.sample_graph(sample))
    assert report == ValidationReport(True, []), "\n".join(report.results)


def broken(change) -> ValidationReport:
    graph = samples.fixture_graph()
    change(graph)
    return validate_graph(graph)


def test_claim_without_author():
    report = broken(lambda g: g.remove((CLAIM, SDO.author, None)))
    assert not report.conforms
    assert len(report.results) == 1 and "claim/1" in report.results[0] and "schema:author" in report.results[0]


def test_claim_with_two_texts():
    report = broken(lambda g: g.add((CLAIM, SDO.text, Literal("另一句话", lang="zh"))))
    assert [line for line in report.results if "schema:text" in line]


def test_claim_derived_from_something_not_a_message():
    report = broken(lambda g: g.set((CLAIM, PROV.wasDerivedFrom, TGR["person/田奇"])))
    assert [line for line in report.results if "prov:wasDerivedFrom" in line]


def test_claim_without_offsets():
    report = broken(lambda g: (g.remove((CLAIM, NIF.beginIndex, None)), g.remove((CLAIM, NIF.anchorOf, None))))
    assert {("nif:beginIndex" in line, "nif:anchorOf" in line) for line in report.results} == {(True, False), (False, True)}


def test_turn_position_must_be_an_integer():
    report = broken(lambda g: g.set((TURN, SDO.position, Literal("一"))))
    assert [line for line in report.results if "schema:position" in line]


def test_turn_needs_a_sender():
    report = broken(lambda g: g.remove((TURN, SDO.sender, None)))
    assert [line for line in report.results if "schema:sender" in line]


def test_entity_labels_are_language_tagged():
    report = broken(lambda g: g.add((TGR["person/田奇"], RDFS.label, Literal("田奇"))))
    assert [line for line in report.results if "rdfs:label" in line and "田奇" in line]


def test_parameter_count_is_a_number():
    report = broken(lambda g: g.set((TGR["model/盘古大模型"], TG.parameterCount, Literal("千亿"))))
    assert [line for line in report.results if "tg:parameterCount" in line]


def test_mention_needs_its_context():
    mention = TGR["doc/a/mention/4-6"]
    report = broken(lambda g: g.remove((mention, NIF.referenceContext, None)))
    assert [line for line in report.results if "nif:referenceContext" in line]


def test_result_lines_read_focus_path_message():
    report = broken(lambda g: (g.remove((CLAIM, RDF.type, None)), g.remove((TURN, SDO.sender, None))))
    focus, path, message = report.results[0].split(" — ")
    assert focus.endswith("turn/1>") and path == "schema:sender" and message
