"""One named graph per transcript: the rule N-Quads, TriG and the persistent store share.

A transcript owns itself and every node whose IRI continues its IRI after a ``/`` (turns, claims,
mentions, statements, its text context).  Everything else — people, organisations, models, roles,
which several transcripts may share — goes to the ``entities`` graph.
"""
from __future__ import annotations

from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.term import Node

from talkgraph.ontology.namespace import PREFIXES, TG, TGR

ENTITIES_GRAPH = TGR["entities"]


def transcripts_of(graph: Graph) -> frozenset[URIRef]:
    return frozenset(s for s in graph.subjects(RDF.type, TG.Transcript) if isinstance(s, URIRef))


def named_graph_of(subject: Node, transcripts: frozenset[URIRef]) -> URIRef:
    """The named graph a triple about ``subject`` belongs in: its transcript's, or the entities'.

    Checking each ``/`` boundary of the subject keeps this linear in the number of triples,
    however many transcripts there are.
    """
    if not isinstance(subject, URIRef):
        return ENTITIES_GRAPH
    if subject in transcripts:
        return subject
    iri = str(subject)
    position = iri.find("/", len(str(TGR)))
    while position != -1:
        prefix = URIRef(iri[:position])
        if prefix in transcripts:
            return prefix
        position = iri.find("/", position + 1)
    return ENTITIES_GRAPH


def split_by_transcript(graph: Graph) -> dict[URIRef, Graph]:
    """The graph cut into named graphs: one per transcript and one for the shared entities."""
    transcripts = transcripts_of(graph)
    parts: dict[URIRef, Graph] = {}
    for triple in graph:
        name = named_graph_of(triple[0], transcripts)
        if name not in parts:
            parts[name] = Graph(store="SimpleMemory")
        parts[name].add(triple)
    return parts


class _OrderedDataset(Dataset):
    """A ``Dataset`` that lists its named graphs sorted: rdflib's memory store keeps them in a set."""

    def contexts(self, triple=None):
        return iter(sorted(super().contexts(triple), key=lambda context: context.identifier))


def to_dataset(graph: Graph) -> Dataset:
    """The graph split into named graphs by ``named_graph_of``, triples in sorted order."""
    transcripts = transcripts_of(graph)
    dataset = _OrderedDataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True)
    for s, p, o in sorted(graph):
        dataset.add((s, p, o, named_graph_of(s, transcripts)))
    return dataset
