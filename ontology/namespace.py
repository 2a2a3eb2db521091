"""The vocabularies talkgraph writes, as rdflib namespaces; the only place IRIs are spelled out."""
from __future__ import annotations

from pathlib import Path

from rdflib import Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

ONTOLOGY_FILE = Path(__file__).parent / "talkgraph.ttl"
ONTOLOGY_IRI = "https://w3id.org/talkgraph/ontology"
DATA_BASE = "https://w3id.org/talkgraph/id/"

SDO = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
TGR = Namespace(DATA_BASE)


class TG(DefinedNamespace):
    """talkgraph's own terms; ``tests/ontology`` keeps this list and ``talkgraph.ttl`` in step."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    Transcript: object
    Turn: object
    Excerpt: object
    Claim: object
    Question: object
    Mention: object
    Speaker: object
    RelationStatement: object
    ClaimType: object
    Judgement: object
    Prediction: object
    Figure: object
    Recommendation: object
    Agreement: object
    Disagreement: object
    Experience: object
    formerlyAffiliatedWith: object
    agreesWith: object
    agreesWithSpeaker: object
    parameterCount: object
    quantity: object
    claimType: object
    cue: object
    inTurn: object
    quotes: object
    answeredBy: object
    holdsRole: object
    atOrganization: object
    since: object
    mentionCount: object
    sourceFile: object
    extractor: object
    textContext: object
    moderator: object


PREFIXES = {"tg": TG._NS, "tgr": TGR, "schema": SDO, "prov": PROV, "nif": NIF, "itsrdf": ITSRDF,
            "skos": SKOS, "rdfs": RDFS, "rdf": RDF, "owl": OWL, "xsd": XSD}

# relation names used by extract/ → the property that states them
RELATIONS = {
    "worksFor": SDO.worksFor,
    "formerlyAt": TG.formerlyAffiliatedWith,
    "founder": SDO.founder,  # organisation → person
    "parentOrganization": SDO.parentOrganization,
    "creator": SDO.creator,  # work → maker
    "colleague": SDO.colleague,
    "knows": SDO.knows,
    "agreesWith": TG.agreesWith,
}

CLAIM_TYPES = {
    "judgement": TG.Judgement, "prediction": TG.Prediction, "figure": TG.Figure,
    "recommendation": TG.Recommendation, "agreement": TG.Agreement, "disagreement": TG.Disagreement,
    "experience": TG.Experience,
}

ENTITY_CLASSES = {"Person": SDO.Person, "Organization": SDO.Organization,
                  "Model": SDO.SoftwareApplication, "Place": SDO.Place}
