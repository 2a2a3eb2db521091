"""The vocabulary is defined once, as enums, and each term has its RDF term in ontology/namespace.py."""
from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import RDF

from talkgraph.extract import ClaimType, Kind, Predicate
from talkgraph.ontology.namespace import CLAIM_TYPES, ENTITY_CLASSES, ONTOLOGY_FILE, RELATIONS, SDO, TG


def test_every_term_of_the_vocabulary_has_exactly_one_rdf_term():
    assert set(ENTITY_CLASSES) == set(Kind) and set(RELATIONS) == set(Predicate) and set(CLAIM_TYPES) == set(ClaimType)
    assert len(set(ENTITY_CLASSES.values())) == len(Kind)
    assert len(set(RELATIONS.values())) == len(Predicate)


def test_ai_models_have_one_name_in_python_and_one_class_in_rdf():
    assert Kind("Model") is Kind.MODEL and ENTITY_CLASSES[Kind.MODEL] == SDO.SoftwareApplication


def test_talkgraphs_own_terms_are_declared_in_the_ontology():
    g = Graph().parse(ONTOLOGY_FILE)
    own = [t for t in (*RELATIONS.values(), *CLAIM_TYPES.values()) if str(t).startswith(str(TG._NS))]
    for term in own:
        assert (term, RDF.type, None) in g, term
