"""One named graph per transcript: the rule N-Quads, TriG and the persistent store share.

A triple belongs to the transcript whose IRI its subject starts with (``…/doc/<id>`` and
``…/doc/<id>/turn/3``); triples about shared entities (people, organisations, models, the
relations between them, which several transcripts may state) go to the ``entities`` graph.
"""
from __future__ import annotations

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from talkgraph.ontology.namespace import TG, TGR

ENTITIES_GRAPH = TGR["entities"]


def graph_name(subject, transcripts: list[str]) -> URIRef:
    """The named graph a subject's triples go to (``transcripts`` sorted longest first)."""
    text = str(subject)
    for doc in transcripts:
        if text == doc or text.startswith(doc + "/"):
            return URIRef(doc)
    return ENTITIES_GRAPH


def transcript_iris(graph: Graph) -> list[str]:
    return sorted((str(s) for s in graph.subjects(RDF.type, TG.Transcript)), key=lambda s: (-len(s), s))


def split_by_transcript(graph: Graph) -> dict[URIRef, Graph]:
    """The graph cut into named graphs: one per transcript and one for the shared entities."""
    docs = transcript_iris(graph)
    parts: dict[URIRef, Graph] = {}
    for s, p, o in graph:
        name = graph_name(s, docs)
        if name not in parts:
            parts[name] = Graph()
        parts[name].add((s, p, o))
    return parts


def to_dataset(graph: Graph) -> Dataset:
    dataset = Dataset()
    for prefix, namespace in graph.namespaces():
        dataset.bind(prefix, namespace)
    for name, part in sorted(split_by_transcript(graph).items()):
        named = dataset.graph(name)
        for triple in part:
            named.add(triple)
    return dataset
