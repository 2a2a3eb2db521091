"""The build's quads are terms written as N-Triples writes them; what is made from them (pyoxigraph
terms, Turtle) is what pyoxigraph makes of the same terms, byte for byte."""
from __future__ import annotations

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st

from talkgraph.graph.exporters.html import view_data
from talkgraph.graph.oxigraph_writer import (TurtleText, oxigraph_quads, oxigraph_term, serialize, written_iri,
                                             written_literal, written_quads)

XSD = "http://www.w3.org/2001/XMLSchema#"
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
iris = st.sampled_from(["https://w3id.org/talkgraph/id/person/田奇", "https://w3id.org/talkgraph/id/doc/a/turn/3",
                        "https://schema.org/name", "https://schema.org/a/b", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
                        "https://w3id.org/talkgraph/ontology#Claim", "http://example.org/x"]).map(ox.NamedNode)
datatypes = st.sampled_from(["integer", "decimal", "double", "boolean", "nonNegativeInteger", "date", "string", "gYear"])
lexical = st.one_of(text, st.sampled_from(["1", "-2", "+3", "01", "1.5", ".5", "1.", "1e3", "true", "false"]))
literals = st.one_of(
    st.builds(ox.Literal, text),
    st.builds(lambda v, lang: ox.Literal(v, language=lang), text, st.sampled_from(["zh", "en", "en-GB"])),
    st.builds(lambda v, dt: ox.Literal(v, datatype=ox.NamedNode(XSD + dt)), lexical, datatypes))
subjects = st.one_of(iris, st.builds(ox.BlankNode, st.sampled_from(["b1", "b2"])))
triples = st.lists(st.builds(ox.Triple, subjects, iris, st.one_of(literals, iris, subjects)), max_size=12)


@given(text)
def test_a_literal_is_written_as_pyoxigraph_writes_it(value):
    assert written_literal(value) == str(ox.Literal(value))
    assert written_literal(value, "zh") == str(ox.Literal(value, language="zh"))
    typed = ox.Literal(value, datatype=ox.NamedNode(XSD + "date"))
    assert written_literal(value, datatype=written_iri(XSD + "date")) == str(typed)
    assert oxigraph_term(written_literal(value)) == ox.Literal(value)


@settings(max_examples=300)
@given(triples)
def test_turtle_of_written_quads_is_what_pyoxigraph_writes(items):
    quads = list(written_quads(ox.Quad(t.subject, t.predicate, t.object) for t in items))
    assert TurtleText().serialize(quads) == serialize(items, ox.RdfFormat.TURTLE)
    assert [q.triple for q in oxigraph_quads(quads)] == items


@settings(max_examples=100)
@given(text.filter(str.strip), st.sampled_from([None, "zh", "en"]))
def test_the_view_reads_a_label_as_written_whatever_it_holds(label, language):
    person = ox.NamedNode("https://w3id.org/talkgraph/id/person/x")
    triples = [ox.Triple(person, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                         ox.NamedNode("https://schema.org/Person")),
               ox.Triple(person, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                         ox.Literal(label, language=language)),
               ox.Triple(person, ox.NamedNode("https://w3id.org/talkgraph/ontology#mentionCount"),
                         ox.Literal("7", datatype=ox.NamedNode(XSD + "integer")))]
    (node,) = view_data(triples)["nodes"]
    assert (node["label"], node["count"], node["id"]) == (label, 7, person.value)
