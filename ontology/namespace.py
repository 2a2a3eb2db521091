"""The vocabularies talkgraph writes, as rdflib namespaces; the only place IRIs are spelled out."""
from __future__ import annotations

from pathlib import Path

from rdflib import Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

from talkgraph.extract.model import ClaimType, Kind, Predicate

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
    differsFrom: object
    scope: object
    formerlyAtOrganization: object
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
    startsAt: object
    endsAt: object


PREFIXES = {"tg": TG._NS, "tgr": TGR, "schema": SDO, "prov": PROV, "nif": NIF, "itsrdf": ITSRDF,
            "skos": SKOS, "rdfs": RDFS, "rdf": RDF, "owl": OWL, "xsd": XSD}

# the extract stage's vocabulary → the RDF terms that state it: the one place they meet
RELATIONS = {
    Predicate.WORKS_FOR: SDO.worksFor,
    Predicate.FORMERLY_AT: TG.formerlyAffiliatedWith,
    Predicate.FOUNDER: SDO.founder,  # organisation → person
    Predicate.PARENT_ORGANIZATION: SDO.parentOrganization,
    Predicate.CREATOR: SDO.creator,  # work → maker
    Predicate.COLLEAGUE: SDO.colleague,
    Predicate.KNOWS: SDO.knows,
    Predicate.AGREES_WITH: TG.agreesWith,
    Predicate.DIFFERS_FROM: TG.differsFrom,
}

CLAIM_TYPES = {
    ClaimType.JUDGEMENT: TG.Judgement, ClaimType.PREDICTION: TG.Prediction, ClaimType.FIGURE: TG.Figure,
    ClaimType.RECOMMENDATION: TG.Recommendation, ClaimType.AGREEMENT: TG.Agreement,
    ClaimType.DISAGREEMENT: TG.Disagreement, ClaimType.EXPERIENCE: TG.Experience,
}

ENTITY_CLASSES = {Kind.PERSON: SDO.Person, Kind.ORGANIZATION: SDO.Organization,
                  Kind.MODEL: SDO.SoftwareApplication, Kind.PLACE: SDO.Place}

