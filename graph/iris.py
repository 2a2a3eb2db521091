"""Minting IRIs: readable, stable across runs, never blank nodes.

An IRI keeps letters and digits of any script as they are (an IRI, not a URI, may hold 田奇) and
percent-encodes everything else, so the same name always gives the same IRI and no IRI needs
escaping in Turtle or N-Triples.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache

from rdflib import URIRef

from talkgraph.ontology.namespace import TGR

_SAFE_PUNCT = frozenset("-._~")


@lru_cache(maxsize=65536)
def iri_segment(name: str) -> str:
    """One path segment: letters, digits and ``-._~`` kept, all else as UTF-8 percent escapes."""
    name = unicodedata.normalize("NFC", name)
    out = []
    for ch in name:
        if ch in _SAFE_PUNCT or (ch.isalnum() and unicodedata.category(ch)[0] in "LN"):
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out) or "_"


def entity_iri(key: str) -> URIRef:
    kind, label = key.split("/", 1)
    return TGR[f"{kind}/{iri_segment(label)}"]


def document_iri(doc_id: str) -> URIRef:
    return TGR[f"doc/{iri_segment(doc_id)}"]


def document_part_iris(doc_id: str) -> Callable[[str, str | int], str]:
    """``…/doc/<id>/<part>/<local>``: the IRIs of one transcript's turns, claims, mentions and
    statements, as strings, the transcript's prefix made once (the build mints one for every
    mention, and an rdflib term's checks cost more than the triple)."""
    base = f"{TGR}doc/{iri_segment(doc_id)}/"
    return lambda part, local: f"{base}{part}/{iri_segment(str(local))}"
