"""The built graph keeps the output contract, in RDF and in NetworkX, and is deterministic."""
from __future__ import annotations

import gc
import os
import re
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from talkgraph.graph import build_graph, datasets, export_graph
from talkgraph.graph.pipeline import cyclic_gc_paused
from talkgraph.ontology.namespace import NIF, SDO, TG

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


def label_of(graph, node):
    return str(graph.value(node, RDFS.label))


def test_turns_are_messages_with_sender_position_and_text(built_sample):
    g = built_sample.rdf
    turns = sorted(g.subjects(RDF.type, TG.Turn), key=lambda t: int(g.value(t, SDO.position)))
    assert [int(g.value(t, SDO.position)) for t in turns] == list(range(1, 20))
    assert label_of(g, g.value(turns[0], SDO.sender)) == "张家兴"
    assert "这个人就是林伟" in str(g.value(turns[0], SDO.text))


def test_entities_have_language_tagged_labels_and_aliases(built_sample):
    g = built_sample.rdf
    people = {label_of(g, p) for p in g.subjects(RDF.type, SDO.Person)}
    assert people == {"张家兴", "田奇", "林伟", "袁进辉"}
    tian = next(p for p in g.subjects(RDF.type, SDO.Person) if label_of(g, p) == "田奇")
    assert g.value(tian, RDFS.label).language == "zh"
    assert {"田老师", "田奇老师"} <= {str(a) for a in g.objects(tian, SKOS.altLabel)}


def test_claims_have_author_text_turn_and_offsets(built_sample):
    g = built_sample.rdf
    claims = list(g.subjects(RDF.type, TG.Claim))
    assert claims
    for claim in claims:
        assert g.value(claim, SDO.author) is not None
        assert (g.value(claim, PROV.wasDerivedFrom), RDF.type, TG.Turn) in g
        context = g.value(claim, NIF.referenceContext)
        text = str(g.value(context, NIF.isString))
        begin, end = int(g.value(claim, NIF.beginIndex)), int(g.value(claim, NIF.endIndex))
        assert text[begin:end] == str(g.value(claim, SDO.text)) == str(g.value(claim, NIF.anchorOf))


def test_every_offset_slices_back_to_its_anchor(built_sample):
    g = built_sample.rdf
    checked = 0
    for node in g.subjects(NIF.anchorOf, None):
        text = str(g.value(g.value(node, NIF.referenceContext), NIF.isString))
        assert text[int(g.value(node, NIF.beginIndex)):int(g.value(node, NIF.endIndex))] == str(g.value(node, NIF.anchorOf))
        checked += 1
    assert checked > 100


def test_the_transcript_has_title_date_moderator_and_participants(built_sample):
    g = built_sample.rdf
    doc = next(g.subjects(RDF.type, TG.Transcript))
    assert str(g.value(doc, SDO.dateCreated)) == "2021-12-06"
    assert label_of(g, g.value(doc, TG.moderator)) == "张家兴"
    assert len(set(g.objects(doc, SDO.contributor))) == 4


def test_no_blank_nodes(built_sample):
    from rdflib import BNode

    assert not any(isinstance(x, BNode) for triple in built_sample.rdf for x in triple)


def test_networkx_and_rdf_come_from_the_same_facts(built_sample):
    nxg, g = built_sample.networkx, built_sample.rdf
    works = {(nxg.nodes[s]["label"], nxg.nodes[o]["label"]) for s, o, k in nxg.edges(keys=True) if k == "worksFor"}
    rdf_works = {(label_of(g, s), label_of(g, o)) for s, o in g.subject_objects(SDO.worksFor)}
    assert works == rdf_works and ("田奇", "华为云") in works


def test_the_same_input_gives_byte_identical_files(tmp_path, sample_path):
    a, b = tmp_path / "a", tmp_path / "b"
    export_graph(build_graph([sample_path]), a, ["turtle"])
    export_graph(build_graph([sample_path]), b, ["turtle"])
    assert (a / "graph.ttl").read_bytes() == (b / "graph.ttl").read_bytes()


def test_golden_excerpt(tmp_path):
    """A small transcript written for this test; regenerate with TALKGRAPH_UPDATE_GOLDEN=1."""
    export_graph(build_graph([GOLDEN / "excerpt.txt"]), tmp_path, ["turtle"])
    produced = (tmp_path / "graph.ttl").read_text(encoding="utf-8")
    golden = GOLDEN / "excerpt.ttl"
    if os.environ.get("TALKGRAPH_UPDATE_GOLDEN"):
        golden.write_text(produced, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    assert isomorphic(Graph().parse(data=produced, format="turtle"), Graph().parse(data=expected, format="turtle"))
    assert produced == expected


def test_turtle_has_no_escaped_slashes(built_sample):
    assert "\\/" not in built_sample.rdf.serialize(format="turtle")


def test_each_quad_is_in_the_named_graph_the_rule_gives(built_sample):
    """The build places quads as it makes them; ``datasets.named_graph_of`` is the rule for files."""
    transcripts = datasets.transcripts_of(built_sample.rdf)
    for quad in built_sample.quads:
        expected = datasets.named_graph_of(URIRef(quad.subject.value), transcripts)
        assert quad.graph_name.value == str(expected), quad


def test_a_build_kept_on_disk_is_the_same_graph(sample_path, built_sample):
    on_disk = build_graph([sample_path], on_disk=True)
    assert on_disk.quads == built_sample.quads
    assert on_disk.summaries() == built_sample.summaries()


def test_turtle_states_each_subject_once(tmp_path, built_sample):
    export_graph(built_sample, tmp_path, ["turtle"])
    subjects = re.findall(r"^<([^>]+)>", (tmp_path / "graph.ttl").read_text(encoding="utf-8"), re.M)
    assert len(subjects) == len(set(subjects)) == len({q.subject for q in built_sample.quads})


def test_pausing_the_cyclic_collector_restores_its_state():
    for enabled in (True, False):
        gc.enable() if enabled else gc.disable()
        with cyclic_gc_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        try:
            with cyclic_gc_paused():
                raise KeyboardInterrupt
        except KeyboardInterrupt:
            pass
        assert gc.isenabled() is enabled
    gc.enable()
