"""The interactive offline view: one self-contained HTML file drawn with vis-network.

The page must open from a USB stick on a plane, so vis-network's script and style (shipped inside
the installed ``pyvis`` package) are inlined and nothing else is referenced: no CDN, no web fonts,
no images by URL.  The graph is reduced here to a small JSON document (entities, relations, claims,
speakers) that the page's own script turns into a network, a search index and a side panel.  It is
read straight from pyoxigraph quads, as the build makes them, in one pass that keeps only the
triples the page shows: going through an rdflib graph cost 3.6 times the CPU time and 3 times the
memory (5 MB of transcripts, ``benchmarks/html_export_benchmark.py``).  The build hands the view
its graph part by part (a ``PartsWriter``, as for Turtle), so a default build never holds the
whole graph: only what the page draws.

Transcripts are untrusted text, so the data travels as JSON inside a ``<script
type="application/json">`` block with ``<``, ``>``, ``&`` and the JavaScript line separators
escaped, and the page builds its DOM with ``textContent`` only.  Everything is sorted so that the
same graph always gives byte-identical HTML.
"""
from __future__ import annotations

import html
import importlib.util
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from unicodedata import normalize

import pyoxigraph as ox

from talkgraph.ontology.namespace import NIF, ONTOLOGY_FILE, PROV, RDF, RDFS, SDO, SKOS, TG

from ..build import RdfPart
from ..oxigraph_writer import WrittenNamespace, WrittenQuad, oxigraph_term, written_iri
from . import atomic_write
from .rdf import streamed_exporter

Term = str  # a term as N-Triples writes it, as the build's quads hold it (``oxigraph_writer.WrittenQuad``)
_NIF, _PROV, _RDF, _RDFS, _SDO, _SKOS, _TG = map(WrittenNamespace, (NIF, PROV, RDF, RDFS, SDO, SKOS, TG))

# entity classes in order of precedence: a node typed twice is drawn as the first that applies
_ENTITY_KINDS = (
    (_SDO.Person, "Person"),
    (_SDO.Organization, "Organization"),
    (_SDO.SoftwareApplication, "SoftwareApplication"),
    (_SDO.Place, "Place"),
    (_TG.Speaker, "Speaker"),
)

# how each kind looks, in legend order; the legend and the node styles both read this table
_KIND_STYLES = {
    "Person": {"label": "Person", "zh": "人物", "color": "#4e79a7", "shape": "dot"},
    "Organization": {"label": "Organization", "zh": "机构", "color": "#f28e2b", "shape": "square"},
    "SoftwareApplication": {"label": "AI model / software", "zh": "模型/软件", "color": "#59a14f",
                            "shape": "diamond"},
    "Place": {"label": "Place", "zh": "地点", "color": "#b07aa1", "shape": "triangle"},
    "Speaker": {"label": "Speaker (role only)", "zh": "发言人", "color": "#8c8c8c", "shape": "dot"},
    "Claim": {"label": "Claim", "zh": "观点", "color": "#edc948", "shape": "box"},
}

# schema.org properties have no label in our ontology file; these read well on an arrow
_SCHEMA_LABELS = {
    _SDO.worksFor: "works for",
    _SDO.parentOrganization: "part of",
    _SDO.colleague: "colleague",
    _SDO.knows: "knows",
}
# stored in the direction schema.org wants, drawn in the direction a reader expects
_REVERSED_LABELS = {_SDO.founder: "founded", _SDO.creator: "created"}
_SYMMETRIC = frozenset({_SDO.colleague, _SDO.knows})
_RELATIONS = (_SDO.worksFor, _TG.formerlyAffiliatedWith, _SDO.founder, _SDO.parentOrganization,
              _SDO.creator, _SDO.colleague, _SDO.knows, _TG.agreesWith)
# the classes and properties the view reads; _Statements keeps nothing else
_TYPES = (*(cls for cls, _ in _ENTITY_KINDS), _TG.Transcript, _TG.Turn, _TG.Claim, _TG.Question)
_READ = frozenset({
    *_RELATIONS, _RDFS.label, _SKOS.altLabel, _SDO.name, _SDO.dateCreated, _SDO.isPartOf, _SDO.position,
    _SDO.sender, _SDO.mentions, _SDO.contributor, _TG.moderator, _TG.mentionCount, _TG.holdsRole,
    _TG.atOrganization, _SDO.roleName, _SDO.jobTitle, _SDO.author, _SDO.text, _SDO.about, _TG.claimType,
    _NIF.beginIndex, _PROV.wasDerivedFrom, _TG.answeredBy, _TG.startsAt,
})
# an offset into a recording as xsd:duration writes it: PT1H2M3.5S
_DURATION = re.compile(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d*)?)S)?)?")

_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_FONT_STACK = ('"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", '
               '"WenQuanYi Micro Hei", sans-serif')


# A build's page of a corpus with more entities than this holds the most mentioned of them, their
# relations, and the first claims and questions of those who speak (``_Selection``), and says so:
# tens of thousands of nodes fit neither a browser's layout nor a reader's eye, and the page would
# grow with the corpus.  graph.ttl keeps everything, and ``talkgraph view OUT`` draws everything.
BUILD_VIEW_ENTITIES = 500
BUILD_VIEW_ITEMS_PER_SPEAKER = 10


class _ViewWriter:
    """The page of a graph given in parts: keeps, part by part, only the triples the view reads.

    The entities come first (``rdf_parts``); when there are more than ``limit``, the page is
    limited to the most mentioned (``_Selection``) and each transcript's part is cut down to what
    concerns them before it is kept, so the memory the page takes stops growing with the corpus.
    """

    def __init__(self, limit: int | None = None) -> None:
        self.statements = _Statements()
        self._limit = BUILD_VIEW_ENTITIES if limit is None else limit
        self._selection: _Selection | None = None
        self._seen_entities = False

    def add(self, part: RdfPart) -> None:
        if part.graph is None and not self._seen_entities:
            self._seen_entities = True
            self.statements.add_written(part.shared)
            self._selection = _Selection.of(self.statements, self._limit)
            return
        self.statements.add_written(part.shared)
        self.statements.add_written(_turns_the_page_needs(part.quads if self._selection is None
                                                        else self._selection.kept(part.quads)))

    def write(self, path: Path) -> None:
        page = _page(self.statements, selection=self._selection)
        with atomic_write(path) as handle:
            handle.write(page)

    def close(self) -> None:
        self.statements = _Statements()


def _turns_the_page_needs(quads: list[WrittenQuad]) -> list[WrittenQuad]:
    """A transcript's quads with only the turns the page reads, and without their text.

    The page cites turns (claims, questions, answers), lists each transcript's participants by
    their first turn, and each speaker by their first turn with what all their turns mention.  So
    a turn no claim or question points at and that is not its speaker's first in the transcript
    is left out, its mentions moved to that first turn; the page made is the same, and the turns
    kept no longer grow with the corpus's length.  No turn's text is kept, nor where any passage
    other than a claim begins: the page never shows them.
    """
    rdf_type, position, sender, part_of, mentions = (_RDF.type, _SDO.position, _SDO.sender,
                                                     _SDO.isPartOf, _SDO.mentions)
    begin, text = _NIF.beginIndex, _SDO.text
    turns: dict[str, str] = {}
    claims = set()
    turn_class, claim_class = _TG.Turn, _TG.Claim
    for subject, predicate, cls, graph in quads:
        if predicate == rdf_type:
            if cls == turn_class:
                turns[subject] = graph
            elif cls == claim_class:
                claims.add(subject)
    values: dict[tuple[str, str], list[str]] = defaultdict(list)
    cited = set()
    read = (position, sender, part_of)
    for subject, predicate, value, _ in quads:
        if subject in turns:
            if predicate in read:
                values[subject, predicate].append(value)
        elif value in turns:
            cited.add(value)
    first: dict[tuple[str | None, str], str] = {}  # (transcript, speaker) → their first turn
    for turn in turns:
        who = _first(values[turn, sender])
        if who is None:
            continue
        key = (_first(values[turn, part_of]), who)
        if key not in first or (_int(_first(values[turn, position]))
                                < _int(_first(values[first[key], position]))):
            first[key] = turn
    kept = cited | set(first.values())
    out = []
    for q in quads:
        subject, predicate = q[0], q[1]
        if subject not in turns:
            if predicate != begin or subject in claims:
                out.append(q)
        elif subject in kept:
            if predicate != text:
                out.append(q)
        elif predicate == mentions:
            who = _first(values[subject, sender])
            if who is not None:
                target = first[_first(values[subject, part_of]), who]
                out.append((target, mentions, q[2], turns[subject]))
    return out


class _Selection:
    """The entities a build's page of a large corpus holds, and how much of the corpus it leaves out.

    The page keeps the ``limit`` most mentioned entities (ties by IRI) and, of the claims and
    questions, the first ``BUILD_VIEW_ITEMS_PER_SPEAKER`` of each kept speaker, in the order the
    transcripts come: at most ``limit`` times that many, however large the corpus.
    """

    def __init__(self, shown: frozenset[Term], entities: int) -> None:
        self.shown = shown
        self.shown_ids = frozenset(map(_text, shown))
        self.entities = entities
        self.claims = self.kept_claims = 0
        self._kept_by: dict[tuple[str, str], int] = defaultdict(int)

    @classmethod
    def of(cls, graph: _Statements, limit: int) -> _Selection | None:
        """The selection for the corpus whose entities ``graph`` holds, or None when all of them fit."""
        entities = {e for kind, _ in _ENTITY_KINDS for e in graph.typed(kind)}
        if len(entities) <= limit:
            return None
        ranked = sorted(entities, key=lambda e: (-_int(graph.value(e, _TG.mentionCount)), _text(e)))
        return cls(frozenset(ranked[:limit]), len(entities))

    def kept(self, quads: list[WrittenQuad]) -> list[WrittenQuad]:
        """A transcript's quads without the claims and questions the page leaves out, and without
        its turns' mentions of entities not shown."""
        claim_class, question_class = _TG.Claim, _TG.Question
        items: dict[str, dict[str, None]] = {claim_class: {}, question_class: {}}
        begins: dict[str, dict[str, None]] = defaultdict(dict)
        authors: dict[str, dict[str, None]] = defaultdict(dict)
        rdf_type, begin, author_of = _RDF.type, _NIF.beginIndex, _SDO.author
        for subject, predicate, value, _ in quads:  # what a _Statements of the part would say, in one pass
            if predicate == rdf_type:
                members = items.get(value)
                if members is not None:
                    members[subject] = None
            elif predicate == begin:
                begins[subject][value] = None
            elif predicate == author_of:
                authors[subject][value] = None
        dropped = set()
        shown = self.shown
        for cls in (claim_class, question_class):
            for item in sorted(items[cls], key=lambda i: _int(_first(begins.get(i, ())))):
                author = _first(authors.get(item, ()))
                keep = author in shown and self._kept_by[cls, author] < BUILD_VIEW_ITEMS_PER_SPEAKER
                if keep:
                    self._kept_by[cls, author] += 1
                else:
                    dropped.add(item)
                if cls == claim_class:
                    self.claims += 1
                    self.kept_claims += keep
        mentions = _SDO.mentions
        return [q for q in quads if q[0] not in dropped and not (q[1] == mentions and q[2] not in shown)]

    def note(self) -> dict:
        return {"entities": len(self.shown), "entitiesOf": self.entities,
                "claims": self.kept_claims, "claimsOf": self.claims}


write_html = streamed_exporter("html", "graph.html",
                               "interactive offline HTML view (pyvis/vis-network, self-contained)", _ViewWriter)


def render_html(triples: Iterable[ox.Triple | ox.Quad], top_n: int | None = None) -> str:
    """The whole page of a graph's pyoxigraph triples or quads; ``top_n`` sets how many entities
    (by mention count) it shows at first.

    All entities are embedded either way, so the in-page control can show more again.
    """
    return _page(_Statements(triples), top_n)


def _page(statements: _Statements, top_n: int | None = None, selection: _Selection | None = None) -> str:
    data = _view_data(statements, selection)
    data["config"] = {"topN": max(0, int(top_n or 0)), "font": _FONT_STACK}
    if selection is not None:
        data["config"]["partial"] = selection.note()
    js, css = _vis_assets()
    parts = {
        "TITLE": html.escape(_page_title(data["documents"]), quote=False),
        "VIS_CSS": css,
        "PAGE_CSS": _asset("page.css").replace("@FONT_STACK@", _FONT_STACK),
        "DATA": _script_json(data),
        "VIS_JS": js,
        "PAGE_JS": _asset("page.js"),
    }
    # one pass over the template only: inserted text is never scanned for markers again
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], _asset("page.html"))


# ------------------------------------------------------------------ from RDF to the view's data


class _Statements:
    """The triples the view reads, indexed by predicate and subject as they stream past once.

    Every other triple (mentions' offsets, text contexts, provenance) is skipped without being
    kept, so a large corpus costs the view only what it draws.  Values keep no duplicates; every
    reader sorts what it shows, so the order the triples come in never reaches the page.

    Terms are kept, and read, as N-Triples writes them, as a build makes them (``add_written``):
    strings hash and compare several times faster than pyoxigraph's terms; ``_text`` reads a term's
    value off its written form.
    """

    def __init__(self, triples: Iterable[ox.Triple | ox.Quad] = ()) -> None:
        self._objects: dict[Term, dict[Term, dict[Term, None]]] = {p: {} for p in _READ}
        self._typed: dict[Term, dict[Term, None]] = {c: {} for c in _TYPES}
        self.add(triples)

    def add(self, triples: Iterable[ox.Triple | ox.Quad]) -> None:
        """Keep what the view reads of pyoxigraph ``triples``; a triple seen before adds nothing."""
        self.add_written((str(t.subject), str(t.predicate), str(t.object), "") for t in triples)

    def add_written(self, quads: Iterable[WrittenQuad]) -> None:
        """Keep what the view reads of a build's quads; a triple seen before adds nothing."""
        rdf_type, objects, typed = _RDF.type, self._objects, self._typed
        for subject, predicate, value, _ in quads:
            if predicate == rdf_type:
                members = typed.get(value)
                if members is not None:
                    members[subject] = None
            else:
                by_subject = objects.get(predicate)
                if by_subject is not None:
                    found = by_subject.get(subject)
                    if found is None:
                        found = by_subject[subject] = {}
                    found[value] = None

    def typed(self, cls: Term) -> list[Term]:
        return list(self._typed[cls])

    def objects(self, subject: Term, predicate: Term) -> list[Term]:
        return list(self._objects[predicate].get(subject, ()))

    def value(self, subject: Term, predicate: Term) -> Term | None:
        """The one value of a single-valued property; the least, should a graph give several."""
        return _first(self._objects[predicate].get(subject, ()))

    def pairs(self, predicate: Term) -> Iterator[tuple[Term, Term]]:
        for subject, values in self._objects[predicate].items():
            for value in values:
                yield subject, value


def view_data(triples: Iterable[ox.Triple | ox.Quad]) -> dict:
    """Everything the page draws, as plain sorted JSON-ready structures.

    Reads pyoxigraph triples or quads (named graphs merged): a build's ``quads`` as they are, or a
    graph file's from ``pyoxigraph.parse``; an rdflib graph goes through ``oxigraph_triples``.
    """
    return _view_data(_Statements(triples))


def _view_data(graph: _Statements, selection: _Selection | None = None) -> dict:
    turns = _turns(graph)
    documents = _documents(graph, turns)
    doc_order = {doc["id"]: i for i, doc in enumerate(documents)}
    typed = _entities(graph)
    nodes = typed if selection is None else {k: v for k, v in typed.items() if k in selection.shown_ids}
    claims = _claims(graph, turns, doc_order)
    speakers = _speakers(graph, turns, doc_order, nodes)
    if selection is not None:
        speakers = [s for s in speakers if s["id"] in selection.shown_ids]
    for person in {c["author"] for c in claims if c["author"]} | {s["id"] for s in speakers}:
        if person not in nodes:
            nodes[person] = typed.get(person) or _bare_node(graph, written_iri(person))
    edges = _edges(graph, nodes)
    return {
        "documents": documents,
        "kinds": [{"kind": kind, **style} for kind, style in _KIND_STYLES.items()],
        "nodes": sorted(nodes.values(), key=lambda n: (-n["count"], n["label"], n["id"])),
        "edges": edges,
        "claims": claims,
        "questions": _questions(graph, turns, doc_order),
        "speakers": speakers,
    }


def _turns(graph: _Statements) -> dict[Term, dict]:
    """Turn → its document, position and speaker: what a claim's citation needs."""
    turns = {}
    for turn in graph.typed(_TG.Turn):
        turns[turn] = {
            "doc": _first(graph.objects(turn, _SDO.isPartOf)),
            "position": _int(graph.value(turn, _SDO.position)),
            "time": _clock(graph.value(turn, _TG.startsAt)),
            "sender": _first(graph.objects(turn, _SDO.sender)),
            "mentions": sorted(_text(e) for e in graph.objects(turn, _SDO.mentions)),
        }
    return turns


def _documents(graph: _Statements, turns: dict[Term, dict]) -> list[dict]:
    """Transcripts with their participants in order of first speaking, moderator marked; titles in
    natural order (第2期 before 第10期), as a reader looks for them in a series."""
    first_turn: dict[tuple[Term, Term], int] = {}
    senders: dict[Term, set[Term]] = defaultdict(set)
    for turn in turns.values():
        key = (turn["doc"], turn["sender"])
        first_turn[key] = min(first_turn.get(key, turn["position"]), turn["position"])
        if turn["sender"] is not None:
            senders[turn["doc"]].add(turn["sender"])
    documents = []
    for doc in graph.typed(_TG.Transcript):
        moderators = set(graph.objects(doc, _TG.moderator))
        people = moderators | set(graph.objects(doc, _SDO.contributor)) | senders[doc]
        participants = sorted(
            ({"id": _text(p), "label": _label(graph, p), "moderator": p in moderators,
              "first": first_turn.get((doc, p), 1 << 30)} for p in people),
            key=lambda p: (p["first"], p["label"], p["id"]))
        for participant in participants:
            del participant["first"]
        documents.append({
            "id": _text(doc),
            "title": _text(graph.value(doc, _SDO.name)) or _local_name(doc),
            "date": _text(graph.value(doc, _SDO.dateCreated)),
            "participants": participants,
        })
    documents.sort(key=lambda d: (_natural(d["title"]), d["date"], d["id"]))
    return documents


def _entities(graph: _Statements) -> dict[str, dict]:
    """Every person, organisation, model, place and role-only speaker, keyed by IRI."""
    nodes: dict[str, dict] = {}
    for cls, kind in _ENTITY_KINDS:
        for entity in graph.typed(cls):
            if _text(entity) not in nodes:
                nodes[_text(entity)] = _entity(graph, entity, kind)
    return nodes


def _entity(graph: _Statements, entity: Term, kind: str) -> dict:
    label = _label(graph, entity)
    aliases = sorted({_text(a) for a in graph.objects(entity, _SKOS.altLabel)}
                     | {_text(a) for a in graph.objects(entity, _RDFS.label)} - {label, ""})
    return {
        "id": _text(entity),
        "label": label,
        "kind": kind,
        "aliases": aliases,
        "keys": _search_keys([label, *aliases]),
        "count": _int(graph.value(entity, _TG.mentionCount)),
        "roles": _roles(graph, entity),
    }


def _bare_node(graph: _Statements, entity: Term) -> dict:
    """A speaker or author the graph never typed: drawn as a role-only speaker."""
    return _entity(graph, entity, "Speaker")


def _roles(graph: _Statements, person: Term) -> list[dict]:
    """Titles and roles as one list: a bare title is dropped when a role says where it is held."""
    roles = {}
    for role in graph.objects(person, _TG.holdsRole):
        org = graph.value(role, _TG.atOrganization)
        name = _text(graph.value(role, _SDO.roleName)) or _label(graph, role)
        org_id = _text(org)
        roles[(name, org_id)] = {"name": name, "org": org_id, "orgLabel": "" if org is None else _label(graph, org)}
    for title in graph.objects(person, _SDO.jobTitle):
        roles.setdefault((_text(title), ""), {"name": _text(title), "org": "", "orgLabel": ""})
    placed = {name for name, org in roles if org}
    kept = [r for (name, org), r in roles.items() if name and (org or name not in placed)]
    return sorted(kept, key=lambda r: (r["name"], r["orgLabel"], r["org"]))


def _edges(graph: _Statements, nodes: dict[str, dict]) -> list[dict]:
    """Relations between drawn entities, plus person → organisation links read from roles."""
    labels = _ontology_labels()
    found: dict[tuple[str, str, str], dict] = {}
    for prop in _RELATIONS:
        for s, o in graph.pairs(prop):
            source, target = (_text(o), _text(s)) if prop in _REVERSED_LABELS else (_text(s), _text(o))
            if source not in nodes or target not in nodes or source == target:
                continue
            if prop in _SYMMETRIC:
                source, target = sorted((source, target))
            label = _REVERSED_LABELS.get(prop) or labels.get(prop) or _SCHEMA_LABELS.get(prop) or _local_name(prop)
            found[(source, target, label)] = {"from": source, "to": target, "label": label,
                                              "type": "relation", "arrows": prop not in _SYMMETRIC}
    edges = [found[key] for key in sorted(found)]
    edges.extend(_role_edges(nodes, edges))
    edges.sort(key=lambda e: (e["from"], e["to"], e["label"]))
    _number_parallel_edges(edges)
    return edges


def _role_edges(nodes: dict[str, dict], edges: list[dict]) -> list[dict]:
    """Person → organisation links read from roles; a role on an existing link only adds to its label.

    "works for (负责人)" reads better than two parallel arrows saying nearly the same thing.
    """
    linked = {}
    for edge in edges:
        linked.setdefault((edge["from"], edge["to"]), edge)
    extra = []
    for node in sorted(nodes.values(), key=lambda n: n["id"]):
        for role in node["roles"]:
            if role["org"] not in nodes:
                continue
            edge = linked.get((node["id"], role["org"]))
            if edge is None:
                edge = {"from": node["id"], "to": role["org"], "label": role["name"], "type": "role", "arrows": True}
                linked[(node["id"], role["org"])] = edge
                extra.append(edge)
            elif role["name"] not in edge["label"]:
                edge["label"] += f" ({role['name']})"
    return extra


def _number_parallel_edges(edges: list[dict]) -> None:
    """Give edges between the same pair distinct ids and bends so their labels do not overlap."""
    seen: dict[frozenset[str], int] = defaultdict(int)
    for i, edge in enumerate(edges):
        pair = frozenset((edge["from"], edge["to"]))
        edge["id"] = f"e{i}"
        edge["bend"] = seen[pair]
        seen[pair] += 1


def _claims(graph: _Statements, turns: dict[Term, dict], doc_order: dict[str, int]) -> list[dict]:
    """Claims with speaker, turn number and sentence, in conversation order."""
    type_labels = _claim_type_labels()
    claims = []
    for claim in graph.typed(_TG.Claim):
        turn = _source_turn(graph, claim, turns)
        ctype = graph.value(claim, _TG.claimType)
        claims.append({
            "id": _text(claim),
            "author": _text(graph.value(claim, _SDO.author)),
            "text": _text(graph.value(claim, _SDO.text)),
            "type": type_labels.get(ctype) or _local_name(ctype),
            "about": sorted(_text(e) for e in graph.objects(claim, _SDO.about)),
            "offset": _int(graph.value(claim, _NIF.beginIndex)),
            **_citation(turn, turns),
        })
    claims.sort(key=lambda c: (doc_order.get(c["doc"], 1 << 30), c["turn"], c["offset"], _natural(c["id"])))
    return claims


def _questions(graph: _Statements, turns: dict[Term, dict], doc_order: dict[str, int]) -> list[dict]:
    questions = []
    for question in graph.typed(_TG.Question):
        turn = _source_turn(graph, question, turns)
        answers = sorted(turns[t]["position"] for t in graph.objects(question, _TG.answeredBy) if t in turns)
        questions.append({
            "id": _text(question),
            "author": _text(graph.value(question, _SDO.author)),
            "text": _text(graph.value(question, _SDO.text)),
            "answeredIn": answers,
            **_citation(turn, turns),
        })
    questions.sort(key=lambda q: (doc_order.get(q["doc"], 1 << 30), q["turn"], _natural(q["id"])))
    return questions


def _speakers(graph: _Statements, turns: dict[Term, dict], doc_order: dict[str, int],
              nodes: dict[str, dict]) -> list[dict]:
    """Who speaks, in order of first turn, with the entities their turns mention."""
    mentions: dict[Term, set[str]] = defaultdict(set)
    first: dict[Term, tuple[int, int]] = {}
    for turn in turns.values():
        sender = turn["sender"]
        if sender is None:
            continue
        mentions[sender].update(m for m in turn["mentions"] if m in nodes)
        place = (doc_order.get(_text(turn["doc"]), 1 << 30), turn["position"])
        first[sender] = min(first.get(sender, place), place)
    speakers = [{"id": _text(s), "label": _label(graph, s), "mentions": sorted(mentions[s]), "first": first[s]}
                for s in first]
    speakers.sort(key=lambda s: (s.pop("first"), s["label"], s["id"]))
    return speakers


def _source_turn(graph: _Statements, item: Term, turns: dict[Term, dict]) -> Term | None:
    return _first(t for t in graph.objects(item, _PROV.wasDerivedFrom) if t in turns)


def _citation(turn: Term | None, turns: dict[Term, dict]) -> dict:
    """Transcript and turn number, and where the turn starts in the recording when the source said."""
    if turn is None:
        return {"doc": "", "turn": 0}
    time = turns[turn]["time"]
    return {"doc": _text(turns[turn]["doc"]), "turn": turns[turn]["position"], **({"time": time} if time else {})}


def _clock(duration: Term | None) -> str:
    """An ``xsd:duration`` offset as a player shows it: ``PT1H2M3.5S`` → ``1:02:03``, ``PT75S`` → ``1:15``."""
    match = _DURATION.fullmatch(_text(duration)) if _is_literal(duration) else None
    if not match or not any(match.groups()):
        return ""
    days, hours, minutes, seconds = (float(part or 0) for part in match.groups())
    minutes_in, second = divmod(int(((days * 24 + hours) * 60 + minutes) * 60 + seconds), 60)
    hour, minute = divmod(minutes_in, 60)
    return f"{hour}:{minute:02d}:{second:02d}" if hour else f"{minute}:{second:02d}"


@cache
def _ontology() -> tuple[ox.Quad, ...]:
    return tuple(ox.parse(path=str(ONTOLOGY_FILE), format=ox.RdfFormat.TURTLE))


@cache
def _ontology_labels() -> dict[Term, str]:
    """English labels of talkgraph's own properties, read from the ontology file."""
    return {str(q.subject): q.object.value for q in _ontology()
            if str(q.predicate) == _RDFS.label and isinstance(q.object, ox.Literal) and q.object.language == "en"}


@cache
def _claim_type_labels() -> dict[Term, str]:
    labels: dict[Term, dict[str, str]] = defaultdict(dict)
    for q in _ontology():
        if str(q.predicate) == _SKOS.prefLabel and isinstance(q.object, ox.Literal):
            labels[str(q.subject)][q.object.language or ""] = q.object.value
    return {s: " · ".join(v for v in (by_lang.get("zh"), by_lang.get("en")) if v) for s, by_lang in labels.items()}


# ------------------------------------------------------------------ small helpers


def _label(graph: _Statements, node: Term) -> str:
    """The Chinese label if there is one, then any label, then schema:name, then the IRI's tail."""
    labels = [(_language(o), _text(o)) for o in graph.objects(node, _RDFS.label) if _is_literal(o)]
    labels.sort(key=lambda label: (label[0] != "zh", label[0] is not None, label[0] or "", label[1]))
    if labels:
        return labels[0][1]
    return _text(graph.value(node, _SDO.name)) or _local_name(node)


def _search_keys(names: Iterable[str]) -> list[str]:
    """Names folded as the page folds a query: NFKC (full-width Latin) and case-insensitive."""
    return sorted({normalize("NFKC", n).casefold() for n in names if n})


def _local_name(node: Term | None) -> str:
    if node is None or not node.startswith("<"):
        return ""
    return re.split(r"[/#]", node[1:-1].rstrip("/#"))[-1]


def _natural(text: str) -> list:
    """Sort key that puts c2 before c10 and 第2期 before 第10期."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in _DIGIT_RUN.split(text)]


_DIGIT_RUN = re.compile(r"(\d+)")  # compiled once: the key is made for each claim and question of the page


def _first(items: Iterable[Term]) -> Term | None:
    """The least of several terms, by their text: the same one whatever order they came in."""
    found = list(items)
    return found[0] if len(found) == 1 else min(found, key=_sort_key, default=None)


def _sort_key(term: Term) -> tuple[str, str]:
    """A term's text, then its kind (``BlankNode`` < ``Literal`` < ``NamedNode``)."""
    first = term[0]
    return _text(term), "NamedNode" if first == "<" else "BlankNode" if first == "_" else "Literal"


def _text(term: Term | None) -> str:
    """A term's value (an IRI, a blank node's id, a literal's text) read off its written form; a
    literal with escapes is read by pyoxigraph."""
    if term is None:
        return ""
    first = term[0]
    if first == "<":
        return term[1:-1]
    if first == "_":
        return term[2:]
    lexical = term[1:term.rindex('"')]
    return lexical if "\\" not in lexical else oxigraph_term(term).value


def _is_literal(term: Term | None) -> bool:
    return term is not None and term.startswith('"')


def _language(literal: Term) -> str | None:
    tail = literal[literal.rindex('"') + 1:]
    return tail[1:] if tail.startswith("@") else None


def _int(term: Term | None) -> int:
    try:
        return int(_text(term)) if _is_literal(term) else 0
    except ValueError:
        return 0


def _page_title(documents: list[dict]) -> str:
    if len(documents) == 1:
        return f"{documents[0]['title']} — talkgraph"
    return "talkgraph"


def _script_json(data: dict) -> str:
    """JSON that cannot close its <script> element or break a JavaScript string."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for character, escape in _ESCAPES.items():
        text = text.replace(character, escape)
    return text


@cache
def _vis_assets() -> tuple[str, str]:
    """vis-network's script and style from the installed pyvis, made safe to inline.

    Found without importing pyvis, which would import its notebook and templating stack (most of
    a second) for two files.
    """
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyvis is not installed")
    lib = Path(next(iter(spec.submodule_search_locations))) / "lib"
    folder = max(lib.glob("vis-*/vis-network.min.js"), key=lambda p: _natural(p.parent.name)).parent
    js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
    css = (folder / "vis-network.css").read_text(encoding="utf-8")
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)
    css = re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)
    return js, css


# ------------------------------------------------------------------ the page


@cache
def _asset(name: str) -> str:
    """The page's template, style and script, kept as files beside this module."""
    return (Path(__file__).parent / "view_assets" / name).read_text(encoding="utf-8")
