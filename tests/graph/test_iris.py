from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from urllib.parse import unquote

from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph, Literal
from rdflib.namespace import RDFS

from talkgraph.graph.iris import entity_iri, iri_segment


@given(st.text(min_size=1, max_size=30))
def test_iri_segments_decode_to_the_name_and_need_no_escaping(name):
    segment = iri_segment(name)
    assert unquote(segment) == unicodedata.normalize("NFC", name)  # nothing lost: two names never share one
    assert not any(ch in segment for ch in " <>\"{}|\\^`/#?")


def test_iri_segments_are_the_same_in_a_fresh_process():
    """Stable across runs: a new interpreter (another hash seed, an empty cache) mints the same segments."""
    names = ["田奇", "Sam Altman", "a/b#c?d", "Ｃａｆé", "迪丽热巴·迪力木拉提", "100%"]
    here = [iri_segment(name) for name in names]
    code = "import json,sys; from talkgraph.graph.iris import iri_segment; print(json.dumps([iri_segment(n) for n in json.load(sys.stdin)]))"
    fresh = subprocess.run([sys.executable, "-c", code], input=json.dumps(names), capture_output=True, text=True,
                           env=os.environ | {"PYTHONHASHSEED": "12345"}, check=True)
    assert json.loads(fresh.stdout) == here
    assert here[0] == "田奇" and here[1] == "Sam%20Altman" and here[2] == "a%2Fb%23c%3Fd"


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
