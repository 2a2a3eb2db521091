from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph, Literal
from rdflib.namespace import RDFS

from talkgraph.graph.iris import entity_iri, iri_segment


@given(st.text(min_size=1, max_size=30))
def test_iri_segments_are_stable_and_need_no_escaping(name):
    segment = iri_segment(name)
    assert segment == iri_segment(name)
    assert not any(ch in segment for ch in " <>\"{}|\\^`/#?")


@given(st.text(min_size=1, max_size=30))
def test_entity_iris_round_trip_through_turtle(name):
    g = Graph()
    g.add((entity_iri(f"person/{name}"), RDFS.label, Literal(name)))
    back = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert set(back) == set(g)


@given(st.text(min_size=1, max_size=20), st.text(min_size=1, max_size=20))
def test_different_names_get_different_iris(a, b):
    if a != b:
        assert entity_iri(f"person/{a}") != entity_iri(f"person/{b}")
