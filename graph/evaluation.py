"""``talkgraph evaluate``: how well a built graph matches a gold file (docs/evaluation.md).

The graph is read as RDF through schema.org, PROV-O and NIF, the contract any graph of a transcript
keeps (not talkgraph's own IRIs), so a graph from another tool scores the same way.  A property or
class of one's own counts when the graph's ontology declares it a ``rdfs:subPropertyOf`` /
``owl:inverseOf`` / ``rdfs:subClassOf`` one of schema.org's; talkgraph's ontology is always read.

Areas and what each counts:
  turns       gold turns found in order (longest common subsequence: one turn too many costs one)
  entities    per kind: precision over every extracted node of the kind, recall over required gold
              entities, duplicates (two nodes for one gold entity)
  relations   recall over required gold relations; precision over the relations the graph states
              between two gold entities (one the gold does not hold, required or optional, is wrong)
  attributes  job titles, awards and parameter counts found
  claims      gold key phrases found in a claim by the right speaker; claims per turn sentence
  offsets     NIF anchors that equal the slice of their context's string
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import FOAF, PROV, SKOS
from rdflib.term import Node

from talkgraph.ontology.namespace import NIF, SDO

from .gold import ENTITY_KINDS, Gold, GoldEntity, normalized

# schema.org in both its forms: older graphs (and the scoring kit's contract) use http://
SCHEMA_NAMESPACES = (str(SDO), str(SDO).replace("https:", "http:", 1))
# schema.org's own class tree, as far as the scored classes go
SCHEMA_SUPERCLASS = {
    "Corporation": "Organization", "ResearchOrganization": "Organization", "NGO": "Organization",
    "EducationalOrganization": "Organization", "CollegeOrUniversity": "EducationalOrganization",
    "GovernmentOrganization": "Organization", "OnlineBusiness": "Organization", "LocalBusiness": "Organization",
    "MobileApplication": "SoftwareApplication", "WebApplication": "SoftwareApplication",
    "EmployeeRole": "OrganizationRole", "OrganizationRole": "Role", "PerformanceRole": "Role",
    "EmailMessage": "Message", "City": "Place", "Country": "Place", "AdministrativeArea": "Place",
}
KIND_CLASS = {"Person": "Person", "Organization": "Organization", "Model": "SoftwareApplication", "Place": "Place"}
LABEL_PROPERTIES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, FOAF.name)
# a gold relation: the schema.org properties that state it, read subject → object ("forward"),
# object → subject ("backward") or either way
RELATION_PROPERTIES = {
    "worksFor": ({"worksFor", "affiliation", "memberOf"}, "forward"),
    "formerlyAt": ({"alumniOf", "worksFor", "affiliation", "memberOf"}, "forward"),
    "founder": ({"founder"}, "backward"),
    "parentOrganization": ({"parentOrganization"}, "forward"),
    "creator": ({"creator", "producer", "author", "provider", "publisher", "manufacturer"}, "forward"),
    "colleague": ({"colleague", "colleagues"}, "either"),
    "knows": ({"knows", "colleague", "colleagues"}, "either"),
}
# schema.org's own inverse: an organisation's subOrganization states the part's parentOrganization
SCHEMA_INVERSE = {"parentOrganization": "subOrganization"}
# relation families for precision, with the gold relations each may stand for
FAMILIES = (
    ("affiliation", {"worksFor", "affiliation", "memberOf", "alumniOf"}, {"worksFor", "formerlyAt", "founder"}),
    ("founder", {"founder"}, {"founder"}),
    ("part", {"parentOrganization", "subOrganization"}, {"parentOrganization"}),
    ("creator", {"creator", "producer", "author", "provider", "publisher", "manufacturer"}, {"creator"}),
    ("social", {"colleague", "colleagues", "knows"}, {"colleague", "knows"}),
)
AGREEMENT_ACCEPTS = {"agreesWith"}
_SENTENCE_END = re.compile(r"[。！？!?]+")
_MIN_SENTENCE = 5  # characters: shorter pieces (``好。``, ``对!``) are not counted as sentences


def _local(iri: Node) -> str:
    return re.split(r"[#/]", str(iri))[-1]


class GraphReading:
    """A graph read through schema.org: which schema classes a node is, which schema properties a
    property is, and the names a node is known by.  Each closure is computed once per node."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._class_parents = defaultdict(set)
        for sub, sup in graph.subject_objects(RDFS.subClassOf):
            self._class_parents[sub].add(sup)
        for ns in SCHEMA_NAMESPACES:
            for sub, sup in SCHEMA_SUPERCLASS.items():
                self._class_parents[URIRef(ns + sub)].add(URIRef(ns + sup))
        self._property_parents = defaultdict(set)
        for sub, sup in graph.subject_objects(RDFS.subPropertyOf):
            self._property_parents[sub].add(sup)
        self.inverses = defaultdict(set)
        for a, b in graph.subject_objects(OWL.inverseOf):
            self.inverses[a].add(b)
            self.inverses[b].add(a)
        self._node_classes: dict[Node, frozenset[str]] = {}
        self._property_names: dict[Node, frozenset[str]] = {}
        self._ancestors: dict[Node, frozenset[Node]] = {}
        self._names: dict[Node, frozenset[str]] = {}
        self._types = defaultdict(set)
        for node, cls in graph.subject_objects(RDF.type):
            self._types[node].add(cls)

    def _closure(self, start: Node, parents: dict) -> frozenset[Node]:
        seen, todo = {start}, [start]
        while todo:
            for up in parents.get(todo.pop(), ()):
                if up not in seen:
                    seen.add(up)
                    todo.append(up)
        return frozenset(seen)

    @staticmethod
    def _schema_names(nodes: Iterable[Node]) -> frozenset[str]:
        return frozenset(str(n)[len(ns):] for n in nodes for ns in SCHEMA_NAMESPACES if str(n).startswith(ns))

    def classes(self, node: Node) -> frozenset[str]:
        """The schema.org classes ``node`` is an instance of, superclasses included."""
        if node not in self._node_classes:
            self._node_classes[node] = self._schema_names(
                c for t in self._types.get(node, ()) for c in self._closure(t, self._class_parents))
        return self._node_classes[node]

    def is_a(self, node: Node, schema_class: str) -> bool:
        return schema_class in self.classes(node)

    def instances(self, schema_class: str) -> set[Node]:
        return {n for n in self._types if self.is_a(n, schema_class)}

    def property_ancestors(self, prop: Node) -> frozenset[Node]:
        if prop not in self._ancestors:
            self._ancestors[prop] = self._closure(prop, self._property_parents)
        return self._ancestors[prop]

    def property_names(self, prop: Node) -> frozenset[str]:
        """The schema.org properties ``prop`` is (itself or through ``rdfs:subPropertyOf``)."""
        if prop not in self._property_names:
            self._property_names[prop] = self._schema_names(self.property_ancestors(prop))
        return self._property_names[prop]

    def values(self, node: Node, schema_properties: set[str]) -> list[Node]:
        return [o for p, o in self.graph.predicate_objects(node) if self.property_names(p) & schema_properties]

    def names(self, node: Node) -> frozenset[str]:
        """Every normalized name of ``node``: labels, alternative labels, schema:name and alternateName."""
        if node not in self._names:
            found = {normalized(o) for p in LABEL_PROPERTIES for o in self.graph.objects(node, p)
                     if isinstance(o, Literal)}
            found |= {normalized(o) for o in self.values(node, {"name", "alternateName"}) if isinstance(o, Literal)}
            self._names[node] = frozenset(found)
        return self._names[node]

    def names_in_order(self, node: Node) -> list[str]:
        """The preferred labels first, then the other names, each group sorted: a deterministic choice."""
        preferred = sorted({normalized(o) for o in self.graph.objects(node, RDFS.label) if isinstance(o, Literal)})
        return preferred + sorted(self.names(node) - set(preferred))

    def people_of(self, node: Node) -> set[Node]:
        """Who said or wrote ``node`` (a turn or claim)."""
        return set(self.values(node, {"author", "creator", "sender"}))


@dataclass(frozen=True)
class Figures:
    """Precision and recall of one area; F1 from both."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class TurnResult:
    gold: int
    found: int
    in_order: int
    contains: tuple[int, int]  # (found, asked)
    headings_as_turns: int

    @property
    def accuracy(self) -> float:
        return self.in_order / self.gold if self.gold else 1.0


@dataclass(frozen=True)
class KindResult:
    kind: str
    extracted: int
    found: int  # required gold entities with a node
    figures: Figures
    missed: tuple[str, ...]
    false_positives: tuple[str, ...]
    negatives_hit: tuple[str, ...]  # false positives the gold names as must-not
    duplicates: dict[str, int]  # gold entity id → nodes


@dataclass(frozen=True)
class EntityResult:
    kinds: tuple[KindResult, ...]
    figures: Figures
    duplicates: int


@dataclass(frozen=True)
class RelationResult:
    required: int
    found: int
    missed: tuple[str, ...]
    between_gold_entities: int
    not_in_gold: tuple[str, ...]

    @property
    def figures(self) -> Figures:
        precision = 1 - len(self.not_in_gold) / self.between_gold_entities if self.between_gold_entities else 0.0
        return Figures(precision, self.found / self.required if self.required else 1.0)


@dataclass(frozen=True)
class AttributeResult:
    required: int
    found: int
    missed: tuple[str, ...]


@dataclass(frozen=True)
class ClaimResult:
    gold: int
    found: int
    extracted: int
    turn_sentences: int
    from_turns: int
    wrong_speaker: tuple[str, ...]
    missed: tuple[str, ...]

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def per_sentence(self) -> float:
        return self.extracted / self.turn_sentences if self.turn_sentences else 0.0


@dataclass(frozen=True)
class OffsetResult:
    checked: int
    wrong: int
    examples: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Evaluation:
    turns: TurnResult
    entities: EntityResult
    relations: RelationResult
    attributes: AttributeResult
    claims: ClaimResult
    offsets: OffsetResult


def evaluate(graph: Graph, gold: Gold) -> Evaluation:
    reading = GraphReading(graph)
    turns, turn_texts = _turns(reading, gold)
    return Evaluation(turns, _entities(reading, gold), _relations(reading, gold), _attributes(reading, gold),
                      _claims(reading, gold, turn_texts), _offsets(graph))


def _turns(reading: GraphReading, gold: Gold) -> tuple[TurnResult, list[str]]:
    found = []
    for message in reading.instances("Message"):
        positions = reading.values(message, {"position"})
        texts = reading.values(message, {"text"})
        speakers = set().union(*(reading.names(p) for p in reading.people_of(message)))
        found.append((int(positions[0]) if positions else 10**9, normalized(texts[0]) if texts else "", speakers))
    found.sort(key=lambda t: t[0])

    def same(g, t) -> bool:
        return t[1].startswith(normalized(g.starts)) and normalized(g.speaker) in t[2]

    matched = _in_order(gold.turns, found, same)
    contains = sum(1 for number, phrase in gold.turn_contains
                   if number in matched and normalized(phrase) in found[matched[number]][1])
    headings = sum(1 for t in found for h in gold.not_turns if t[1].startswith(normalized(h)))
    result = TurnResult(len(gold.turns), len(found), len(matched), (contains, len(gold.turn_contains)), headings)
    return result, [t[1] for t in found]


def _in_order(wanted: tuple, found: list, same) -> dict[int, int]:
    """The longest common subsequence of gold and found turns: 1-based gold number → found index."""
    rows = [[0] * (len(found) + 1) for _ in range(len(wanted) + 1)]
    for i, w in enumerate(wanted, 1):
        for j, f in enumerate(found, 1):
            rows[i][j] = rows[i - 1][j - 1] + 1 if same(w, f) else max(rows[i - 1][j], rows[i][j - 1])
    pairs, i, j = {}, len(wanted), len(found)
    while i and j:
        if same(wanted[i - 1], found[j - 1]) and rows[i][j] == rows[i - 1][j - 1] + 1:
            pairs[i] = j - 1
            i, j = i - 1, j - 1
        elif rows[i - 1][j] >= rows[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return pairs


def _entities(reading: GraphReading, gold: Gold) -> EntityResult:
    results = []
    for kind in ENTITY_KINDS:
        schema_class = KIND_CLASS[kind]
        pool = reading.instances(schema_class)
        if schema_class == "SoftwareApplication":  # a turn or claim typed as a creative work is no software
            pool -= reading.instances("Message") | reading.instances("Claim")
        of_kind = [e for e in gold.entities if e.kind == kind]
        if not pool and not any(e.required for e in of_kind):
            continue
        results.append(_kind_result(reading, kind, pool, of_kind, gold))
    extracted = sum(r.extracted for r in results)
    false = sum(len(r.false_positives) for r in results)
    hits = sum(r.found for r in results)
    missed = sum(len(r.missed) for r in results)
    figures = Figures((extracted - false) / extracted if extracted else 0.0,
                      hits / (hits + missed) if hits + missed else 0.0)
    duplicates = sum(n - 1 for r in results for n in r.duplicates.values())
    return EntityResult(tuple(results), figures, duplicates)


def _kind_result(reading: GraphReading, kind: str, pool: set[Node], of_kind: list[GoldEntity], gold: Gold) -> KindResult:
    by_name: dict[str, GoldEntity] = {}
    for entity in of_kind:
        for name in entity.names:
            by_name[name] = entity
    nodes_of: dict[str, set[Node]] = defaultdict(set)
    false_positives = []
    for node in pool:
        entity = next((by_name[n] for n in reading.names_in_order(node) if n in by_name), None)
        if entity is None:
            false_positives.append(min(reading.names(node), default=str(node)))
        else:
            nodes_of[entity.id].add(node)
    required = [e for e in of_kind if e.required]
    missed = tuple(e.name for e in required if e.id not in nodes_of)
    negatives = set().union(*(names for k, names in gold.not_entities if k == kind))
    figures = Figures((len(pool) - len(false_positives)) / len(pool) if pool else 0.0,
                      (len(required) - len(missed)) / len(required) if required else 1.0)
    return KindResult(kind, len(pool), len(required) - len(missed), figures, missed, tuple(sorted(false_positives)),
                      tuple(sorted(f for f in false_positives if normalized(f) in negatives)),
                      {i: len(n) for i, n in sorted(nodes_of.items()) if len(n) > 1})


def _nodes_for(reading: GraphReading, gold: Gold, name: str) -> set[Node]:
    """Every node known by a name of the gold entity called ``name`` (or by ``name`` itself)."""
    entity = gold.entity_named(name)
    wanted = entity.names if entity else {normalized(name)}
    return {n for n in set(reading.graph.subjects()) if reading.names(n) & wanted}


def _relations(reading: GraphReading, gold: Gold) -> RelationResult:
    required = [r for r in gold.relations if r.required]
    found, missed = 0, []
    for relation in required:
        subjects = _nodes_for(reading, gold, relation.subject)
        objects = _nodes_for(reading, gold, relation.object)
        if subjects and objects and (
                _agrees(reading, subjects, objects) if relation.relation == "agreesWith"
                else _links(reading, subjects, objects, *RELATION_PROPERTIES[relation.relation])):
            found += 1
        else:
            missed.append(f"{relation.subject} {relation.relation} {relation.object}"
                          + ("" if subjects and objects else " (entity missing)"))
    stated, wrong = _stated_between_gold(reading, gold)
    return RelationResult(len(required), found, tuple(missed), stated, tuple(sorted(wrong)))


def _links(reading: GraphReading, subjects: set[Node], objects: set[Node], props: set[str], direction: str) -> bool:
    graph = reading.graph
    for s in subjects:
        for p, o in graph.predicate_objects(s):
            reaches = o in objects or (reading.is_a(o, "Role") and any(x in objects for x in graph.objects(o)))
            if not reaches:
                continue
            if direction != "backward" and reading.property_names(p) & props:
                return True
            if direction != "forward" and any(reading.property_names(q) & props for q in reading.inverses.get(p, ())):
                return True
    inverse = {SCHEMA_INVERSE[p] for p in props if p in SCHEMA_INVERSE}
    for o in objects:
        for p, s in graph.predicate_objects(o):
            if s not in subjects:
                continue
            names = reading.property_names(p)
            if direction != "forward" and names & props:
                return True
            if direction == "forward" and names & inverse:
                return True
    return False


def _agreement(prop: Node) -> bool:
    return "agree" in _local(prop).lower()


def _agrees(reading: GraphReading, subjects: set[Node], objects: set[Node]) -> bool:
    """Agreement stated person → person, or by a claim or turn of the subject pointing at the other's."""
    graph = reading.graph
    if any(o in objects for s in subjects for p, o in graph.predicate_objects(s) if _agreement(p)):
        return True
    for said in reading.instances("Claim") | reading.instances("Message"):
        if not reading.people_of(said) & subjects:
            continue
        for p, o in graph.predicate_objects(said):
            if _agreement(p) and (o in objects or reading.people_of(o) & objects):
                return True
    return False


def _family(reading: GraphReading, prop: Node) -> tuple[str, set[str]] | None:
    if _agreement(prop):
        return "agree", AGREEMENT_ACCEPTS
    names = reading.property_names(prop)
    return next(((name, accepts) for name, props, accepts in FAMILIES if names & props), None)


def _stated_between_gold(reading: GraphReading, gold: Gold) -> tuple[int, list[str]]:
    """Every relation of a scored family the graph states between two gold entities, and those the
    gold does not hold (in either direction, required or optional)."""
    graph = reading.graph
    entity_of: dict[Node, str] = {}
    for node in set(graph.subjects()) | {o for o in graph.objects() if not isinstance(o, Literal)}:
        entity = next((e for e in map(gold.entity_named, reading.names_in_order(node)) if e), None)
        if entity is not None:
            entity_of[node] = entity.id
    held: dict[frozenset, set[str]] = defaultdict(set)
    for relation in gold.relations:
        a, b = gold.entity_named(relation.subject), gold.entity_named(relation.object)
        if a and b:
            held[frozenset((a.id, b.id))].add(relation.relation)
    said = reading.instances("Claim") | reading.instances("Message")
    seen: set[tuple[str, str, str]] = set()
    wrong = []
    for s, p, o in graph:
        if isinstance(o, Literal) or s in said:
            continue
        statements = [(s, p, o)]
        if reading.is_a(o, "Role"):  # person -p-> Role -q-> organisation
            statements = [(s, q, x) for q, x in graph.predicate_objects(o) if not isinstance(x, Literal) and x != s]
        for a, q, b in statements:
            family = _family(reading, q) or _family(reading, p)
            if family is None or a not in entity_of or b not in entity_of or entity_of[a] == entity_of[b]:
                continue
            key = (entity_of[a], family[0], entity_of[b])
            if key in seen:
                continue
            seen.add(key)
            if not held.get(frozenset((entity_of[a], entity_of[b])), set()) & family[1]:
                wrong.append(" ".join(key))
    return len(seen), wrong


def _attributes(reading: GraphReading, gold: Gold) -> AttributeResult:
    graph = reading.graph
    required = [a for a in gold.attributes if a.required]
    found, missed = 0, []
    for attribute in required:
        hit = False
        for s in _nodes_for(reading, gold, attribute.subject):
            holders = {s} | {o for o in graph.objects(s) if reading.is_a(o, "Role")}
            holders |= {x for x in graph.subjects(None, s) if reading.is_a(x, "Role")}
            hit = hit or any(_attribute_holds(reading, attribute, p, o)
                             for n in holders for p, o in graph.predicate_objects(n) if isinstance(o, Literal))
        if hit:
            found += 1
        else:
            missed.append(f"{attribute.subject} {attribute.attribute}")
    return AttributeResult(len(required), found, tuple(missed))


def _attribute_holds(reading: GraphReading, attribute, prop: Node, value: Literal) -> bool:
    if attribute.attribute == "parameterCount":
        if "param" not in _local(prop).lower():
            return False
        try:
            return abs(float(value) - attribute.value) <= 0.01 * attribute.value
        except (TypeError, ValueError):
            return False
    wanted = {attribute.attribute, "roleName", "hasCredential", "awards"}
    return bool(reading.property_names(prop) & wanted) and normalized(attribute.contains) in normalized(value)


def _claims(reading: GraphReading, gold: Gold, turn_texts: list[str]) -> ClaimResult:
    graph = reading.graph
    claims = []
    for claim in reading.instances("Claim"):
        texts = [normalized(t) for t in reading.values(claim, {"text", "description", "name"})]
        texts += [normalized(t) for t in graph.objects(claim, RDFS.label)]
        texts += [normalized(t) for t in graph.objects(claim, NIF.anchorOf)]
        authors = reading.values(claim, {"author", "creator", "sender"}) + list(graph.objects(claim, PROV.wasAttributedTo))
        speakers = set().union(*(reading.names(a) for a in authors))
        sources = [o for p, o in graph.predicate_objects(claim) if PROV.wasDerivedFrom in reading.property_ancestors(p)]
        claims.append((texts, speakers, any(reading.is_a(s, "Message") for s in sources)))
    found, wrong_speaker, missed = 0, [], []
    for gold_claim in gold.claims:
        key, speaker = normalized(gold_claim.key), normalized(gold_claim.speaker)
        holding = [c for c in claims if any(key in t for t in c[0])]
        if any(speaker in c[1] for c in holding):
            found += 1
        elif holding:
            wrong_speaker.append(gold_claim.key)
        else:
            missed.append(gold_claim.key)
    sentences = sum(1 for text in turn_texts for piece in _SENTENCE_END.split(text) if len(piece) >= _MIN_SENTENCE)
    return ClaimResult(len(gold.claims), found, len(claims), sentences, sum(1 for c in claims if c[2]),
                       tuple(wrong_speaker), tuple(missed))


def _offsets(graph: Graph) -> OffsetResult:
    checked = wrong = 0
    examples = []
    for node in sorted(set(graph.subjects(NIF.beginIndex, None))):
        begin, end = graph.value(node, NIF.beginIndex), graph.value(node, NIF.endIndex)
        anchor, context = graph.value(node, NIF.anchorOf), graph.value(node, NIF.referenceContext)
        source = graph.value(context, NIF.isString) if context is not None else None
        if None in (begin, end, anchor, source):
            continue
        checked += 1
        if str(source)[int(begin):int(end)] != str(anchor):
            wrong += 1
            if len(examples) < 5:
                examples.append(f"{node}: [{begin}:{end}] {str(anchor)[:20]!r} != {str(source)[int(begin):int(end)][:20]!r}")
    return OffsetResult(checked, wrong, tuple(examples))
