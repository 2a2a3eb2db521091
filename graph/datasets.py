"""One named graph per transcript: the rule N-Quads, TriG, the persistent store and ``load`` share.

A transcript owns itself and every node whose IRI continues its IRI after a ``/`` (turns, claims,
mentions, statements, its text context).  Everything else — people, organisations, models, roles,
which several transcripts may share — goes to the ``entities`` graph.  The build places its quads
by this rule as it makes them (``build._Quads``); ``named_graph_of`` applies it to graph files.
"""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import RDF, Graph, URIRef
from rdflib.term import Node

from talkgraph.ontology.namespace import TG, TGR

from .oxigraph_writer import oxigraph_triples

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


def quads_of(graph: Graph) -> list[ox.Quad]:
    """An rdflib graph's triples, sorted, as pyoxigraph quads in the named graphs of this rule."""
    transcripts = transcripts_of(graph)
    triples = sorted(graph)
    names = {name: ox.NamedNode(str(name)) for name in {named_graph_of(s, transcripts) for s, _, _ in triples}}
    return [ox.Quad(t.subject, t.predicate, t.object, names[named_graph_of(s, transcripts)])
            for (s, _, _), t in zip(triples, oxigraph_triples(triples))]
