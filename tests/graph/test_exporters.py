"""RDF, JSON-LD and GraphML exports: they parse back (with rdflib and with Oxigraph), say the same
as the Turtle, and come out byte for byte the same every time."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from talkgraph.graph import datasets
from talkgraph.graph.exporters import graphml, rdf  # noqa: F401 - registers the exporters
from talkgraph.graph.exporters import EXPORTERS
from talkgraph.graph.exporters.property_graph import property_graph
from talkgraph.graph.pipeline import RdfGraph
from talkgraph.ontology.namespace import PREFIXES, SDO, TG, TGR

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "rdf"))
import samples  # noqa: E402

# format name → (rdflib parser, Oxigraph format, holds named graphs)
RDF_FORMATS = {
    "turtle": ("turtle", ox.RdfFormat.TURTLE, False),
    "nt": ("nt", ox.RdfFormat.N_TRIPLES, False),
    "nquads": ("nquads", ox.RdfFormat.N_QUADS, True),
    "trig": ("trig", ox.RdfFormat.TRIG, True),
    "jsonld": ("json-ld", ox.RdfFormat.JSON_LD, False),
    "xml": ("xml", ox.RdfFormat.RDF_XML, False),
}


def export(name: str, graph: Graph, directory: Path) -> Path:
    exporter = EXPORTERS[name]
    path = directory / exporter.filename
    exporter.write(RdfGraph(graph), path)
    return path


def parse_with_rdflib(path: Path, name: str) -> Graph:
    parser, _, quads = RDF_FORMATS[name]
    if not quads:
        return Graph().parse(path, format=parser)
    dataset = Dataset()
    dataset.parse(path, format=parser)
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def parse_with_oxigraph(path: Path, name: str) -> Graph:
    """All triples Oxigraph reads, named graphs merged, as rdflib terms."""
    graph = Graph()
    for quad in ox.parse(path=str(path), format=RDF_FORMATS[name][1]):
        graph.add((_term(quad.subject), _term(quad.predicate), _term(quad.object)))
    return graph


def _term(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == str(XSD.string):  # RDF 1.1: a plain literal is an xsd:string
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


@pytest.mark.parametrize("sample", samples.SAMPLES)
@pytest.mark.parametrize("name", sorted(RDF_FORMATS))
def test_rdf_export_parses_back_the_same(sample, name, tmp_path):
    graph = samples.sample_graph(sample)
    path = export(name, graph, tmp_path)
    expected = same_values(graph)
    assert isomorphic(same_values(parse_with_rdflib(path, name)), expected), f"rdflib reads {name} differently"
    assert isomorphic(same_values(parse_with_oxigraph(path, name)), expected), f"Oxigraph reads {name} differently"


def same_values(graph: Graph) -> Graph:
    """Decimals in one lexical form: Turtle writes "100000000000"^^xsd:decimal as 100000000000.0."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.decimal:
            o = Literal(str(o.value.normalize()), datatype=XSD.decimal)
        out.add((s, p, o))
    return out


@pytest.mark.parametrize("name", sorted(RDF_FORMATS) + ["graphml"])
def test_export_is_deterministic(name, tmp_path):
    """Same graph, triples added in another order, another run: the same bytes."""
    graph = samples.fixture_graph()
    shuffled = Graph()
    for prefix, namespace in graph.namespaces():
        shuffled.bind(prefix, namespace)
    for triple in sorted(graph, reverse=True):
        shuffled.add(triple)
    first = export(name, graph, tmp_path / "a").read_bytes()
    assert export(name, shuffled, tmp_path / "b").read_bytes() == first
    assert export(name, graph, tmp_path / "a").read_bytes() == first


@pytest.mark.parametrize("name", ["nt", "nquads"])
def test_line_formats_are_sorted(name, tmp_path):
    lines = export(name, samples.fixture_graph(), tmp_path).read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines) and lines


@pytest.mark.parametrize("sample", samples.SAMPLES)
def test_turtle_has_no_escaped_slashes(sample, tmp_path):
    text = export("turtle", samples.sample_graph(sample), tmp_path).read_text(encoding="utf-8")
    assert "\\/" not in text


def test_named_graphs_one_per_transcript_plus_entities(tmp_path):
    dataset = Dataset()
    dataset.parse(export("nquads", samples.fixture_graph(), tmp_path), format="nquads")
    doc_a, doc_b = TGR["doc/a"], TGR["doc/b"]
    names = {g.identifier for g in dataset.graphs() if len(g)}
    assert names == {doc_a, doc_b, datasets.ENTITIES_GRAPH}
    assert (TGR["doc/a/turn/1"], SDO.position, Literal(1)) in dataset.graph(doc_a)
    assert (doc_b, SDO.name, Literal("访谈", lang="zh")) in dataset.graph(doc_b)
    assert (TGR["person/田奇"], SDO.worksFor, TGR["organization/华为云"]) in dataset.graph(datasets.ENTITIES_GRAPH)
    assert len(dataset.graph(doc_a)) and not any(True for _ in dataset.graph(doc_a).triples((TGR["person/田奇"], None, None)))


def test_named_graph_rule_needs_a_slash_after_the_transcript():
    """``doc/a`` owns ``doc/a/turn/1`` but not ``doc/ab/turn/1``."""
    transcripts = frozenset({TGR["doc/a"], TGR["doc/ab"]})
    assert datasets.named_graph_of(TGR["doc/a/turn/1"], transcripts) == TGR["doc/a"]
    assert datasets.named_graph_of(TGR["doc/ab/turn/1"], transcripts) == TGR["doc/ab"]
    assert datasets.named_graph_of(TGR["doc/a"], transcripts) == TGR["doc/a"]
    assert datasets.named_graph_of(TGR["doc/abc/turn/1"], transcripts) == datasets.ENTITIES_GRAPH
    assert datasets.named_graph_of(TGR["person/田奇"], transcripts) == datasets.ENTITIES_GRAPH
    assert datasets.named_graph_of(BNode(), transcripts) == datasets.ENTITIES_GRAPH


def test_jsonld_context_maps_prefixes_and_expands(tmp_path):
    path = export("jsonld", samples.fixture_graph(), tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["@context"] == {p: str(ns) for p, ns in PREFIXES.items()}
    assert any(node.get("@type") == "tg:Transcript" for node in document["@graph"]), "types are compacted"
    expanded = Graph().parse(path, format="json-ld")  # rdflib expands the prefixes with the context
    assert (TGR["doc/a"], None, TG.Transcript) in expanded


@pytest.mark.parametrize("sample", samples.SAMPLES)
def test_graphml_reads_back_with_the_same_counts(sample, tmp_path):
    graph = samples.sample_graph(sample)
    pg = property_graph(graph)
    read = nx.read_graphml(export("graphml", graph, tmp_path), force_multigraph=True)
    assert read.number_of_nodes() == len(pg.nodes)
    assert read.number_of_edges() == len(pg.edges)


def test_graphml_nodes_and_edges_carry_their_attributes(tmp_path):
    read = nx.read_graphml(export("graphml", samples.fixture_graph(), tmp_path), force_multigraph=True)
    tian = read.nodes[str(TGR["person/田奇"])]
    assert (tian["type"], tian["label"], tian["aliases"], tian["mentionCount"]) == ("Person", "田奇", "田老师", 3)
    pangu = read.nodes[str(TGR["model/盘古大模型"])]
    assert pangu["type"] == "Model" and pangu["parameterCount"] == 1e11
    works = read.get_edge_data(str(TGR["person/田奇"]), str(TGR["organization/华为云"]))
    assert [d for d in works.values() if d["type"] == "worksFor"][0]["evidence"] == "田奇是华为云首席科学家。"
    said = read.get_edge_data(str(TGR["person/林伟"]), str(TGR["doc/b/claim/1"]))
    assert [d["type"] for d in said.values()] == ["said"]
    assert read.nodes[str(TGR["doc/b/claim/1"])]["claimType"] == "agreement"
