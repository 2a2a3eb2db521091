"""The interactive offline view: one self-contained HTML file drawn with vis-network.

The page must open from a USB stick on a plane, so vis-network's script and style (shipped inside
the installed ``pyvis`` package) are inlined and nothing else is referenced: no CDN, no web fonts,
no images by URL.  The graph is reduced here to a small JSON document (entities, relations, claims,
speakers) that the page's own script turns into a network, a search index and a side panel.

Transcripts are untrusted text, so the data travels as JSON inside a ``<script
type="application/json">`` block with ``<``, ``>``, ``&`` and the JavaScript line separators
escaped, and the page builds its DOM with ``textContent`` only.  Everything is sorted so that the
same graph always gives byte-identical HTML.
"""
from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path
from unicodedata import normalize

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from talkgraph.ontology.namespace import NIF, ONTOLOGY_FILE, PROV, RDF, RDFS, SDO, SKOS, TG

from . import BuiltRdf, atomic_write, exporter

# entity classes in order of precedence: a node typed twice is drawn as the first that applies
_ENTITY_KINDS = (
    (SDO.Person, "Person"),
    (SDO.Organization, "Organization"),
    (SDO.SoftwareApplication, "SoftwareApplication"),
    (SDO.Place, "Place"),
    (TG.Speaker, "Speaker"),
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
    SDO.worksFor: "works for",
    SDO.parentOrganization: "part of",
    SDO.colleague: "colleague",
    SDO.knows: "knows",
}
# stored in the direction schema.org wants, drawn in the direction a reader expects
_REVERSED_LABELS = {SDO.founder: "founded", SDO.creator: "created"}
_SYMMETRIC = frozenset({SDO.colleague, SDO.knows})
_RELATIONS = (SDO.worksFor, TG.formerlyAffiliatedWith, SDO.founder, SDO.parentOrganization,
              SDO.creator, SDO.colleague, SDO.knows, TG.agreesWith)

_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_FONT_STACK = ('"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", '
               '"WenQuanYi Micro Hei", sans-serif')


@exporter("html", "graph.html", "interactive offline HTML view (pyvis/vis-network, self-contained)")
def write_html(built: BuiltRdf, path: Path) -> None:
    page = render_html(built.rdf)
    with atomic_write(path) as handle:
        handle.write(page)


def render_html(graph: Graph, top_n: int | None = None) -> str:
    """The whole page; ``top_n`` sets how many entities (by mention count) it shows at first.

    All entities are embedded either way, so the in-page control can show more again.
    """
    data = view_data(graph)
    data["config"] = {"topN": max(0, int(top_n or 0)), "font": _FONT_STACK}
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


def view_data(graph: Graph) -> dict:
    """Everything the page draws, as plain sorted JSON-ready structures."""
    turns = _turns(graph)
    documents = _documents(graph, turns)
    doc_order = {doc["id"]: i for i, doc in enumerate(documents)}
    nodes = _entities(graph)
    claims = _claims(graph, turns, doc_order)
    speakers = _speakers(graph, turns, doc_order, nodes)
    for person in {c["author"] for c in claims if c["author"]} | {s["id"] for s in speakers}:
        nodes.setdefault(person, _bare_node(graph, URIRef(person)))
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


def _turns(graph: Graph) -> dict[Node, dict]:
    """Turn → its document, position and speaker: what a claim's citation needs."""
    turns = {}
    for turn in graph.subjects(RDF.type, TG.Turn):
        turns[turn] = {
            "doc": _first(graph.objects(turn, SDO.isPartOf)),
            "position": _int(graph.value(turn, SDO.position)),
            "sender": _first(graph.objects(turn, SDO.sender)),
            "mentions": sorted(str(e) for e in graph.objects(turn, SDO.mentions)),
        }
    return turns


def _documents(graph: Graph, turns: dict[Node, dict]) -> list[dict]:
    """Transcripts with their participants in order of first speaking, moderator marked."""
    first_turn: dict[tuple[str, str], int] = {}
    for turn in turns.values():
        key = (str(turn["doc"]), str(turn["sender"]))
        first_turn[key] = min(first_turn.get(key, turn["position"]), turn["position"])
    documents = []
    for doc in sorted(graph.subjects(RDF.type, TG.Transcript), key=str):
        moderators = set(graph.objects(doc, TG.moderator))
        people = moderators | set(graph.objects(doc, SDO.contributor))
        people |= {t["sender"] for t in turns.values() if t["doc"] == doc and t["sender"] is not None}
        participants = [{"id": str(p), "label": _label(graph, p), "moderator": p in moderators}
                        for p in people]
        participants.sort(key=lambda p: (first_turn.get((str(doc), p["id"]), 1 << 30), p["label"], p["id"]))
        documents.append({
            "id": str(doc),
            "title": _text(graph.value(doc, SDO.name)) or _local_name(doc),
            "date": _text(graph.value(doc, SDO.dateCreated)),
            "participants": participants,
        })
    documents.sort(key=lambda d: (d["date"], d["title"], d["id"]))
    return documents


def _entities(graph: Graph) -> dict[str, dict]:
    """Every person, organisation, model, place and role-only speaker, keyed by IRI."""
    nodes: dict[str, dict] = {}
    for cls, kind in _ENTITY_KINDS:
        for entity in graph.subjects(RDF.type, cls):
            if str(entity) not in nodes:
                nodes[str(entity)] = _entity(graph, entity, kind)
    return nodes


def _entity(graph: Graph, entity: Node, kind: str) -> dict:
    label = _label(graph, entity)
    aliases = sorted({_text(a) for a in graph.objects(entity, SKOS.altLabel)}
                     | {_text(a) for a in graph.objects(entity, RDFS.label)} - {label, ""})
    return {
        "id": str(entity),
        "label": label,
        "kind": kind,
        "aliases": aliases,
        "keys": _search_keys([label, *aliases]),
        "count": _int(graph.value(entity, TG.mentionCount)),
        "roles": _roles(graph, entity),
    }


def _bare_node(graph: Graph, entity: URIRef) -> dict:
    """A speaker or author the graph never typed: drawn as a role-only speaker."""
    return _entity(graph, entity, "Speaker")


def _roles(graph: Graph, person: Node) -> list[dict]:
    """Titles and roles as one list: a bare title is dropped when a role says where it is held."""
    roles = {}
    for role in graph.objects(person, TG.holdsRole):
        org = graph.value(role, TG.atOrganization)
        name = _text(graph.value(role, SDO.roleName)) or _label(graph, role)
        org_id = "" if org is None else str(org)
        roles[(name, org_id)] = {"name": name, "org": org_id, "orgLabel": "" if org is None else _label(graph, org)}
    for title in graph.objects(person, SDO.jobTitle):
        roles.setdefault((_text(title), ""), {"name": _text(title), "org": "", "orgLabel": ""})
    placed = {name for name, org in roles if org}
    kept = [r for (name, org), r in roles.items() if name and (org or name not in placed)]
    return sorted(kept, key=lambda r: (r["name"], r["orgLabel"], r["org"]))


def _edges(graph: Graph, nodes: dict[str, dict]) -> list[dict]:
    """Relations between drawn entities, plus person → organisation links read from roles."""
    labels = _ontology_labels()
    found: dict[tuple[str, str, str], dict] = {}
    for prop in _RELATIONS:
        for s, o in graph.subject_objects(prop):
            source, target = (str(o), str(s)) if prop in _REVERSED_LABELS else (str(s), str(o))
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


def _claims(graph: Graph, turns: dict[Node, dict], doc_order: dict[str, int]) -> list[dict]:
    """Claims with speaker, turn number and sentence, in conversation order."""
    type_labels = _claim_type_labels()
    claims = []
    for claim in graph.subjects(RDF.type, TG.Claim):
        turn = _source_turn(graph, claim, turns)
        ctype = graph.value(claim, TG.claimType)
        claims.append({
            "id": str(claim),
            "author": _text(graph.value(claim, SDO.author)),
            "text": _text(graph.value(claim, SDO.text)),
            "type": type_labels.get(ctype, _local_name(ctype) if ctype is not None else ""),
            "about": sorted(str(e) for e in graph.objects(claim, SDO.about)),
            "offset": _int(graph.value(claim, NIF.beginIndex)),
            **_citation(turn, turns),
        })
    claims.sort(key=lambda c: (doc_order.get(c["doc"], 1 << 30), c["turn"], c["offset"], _natural(c["id"])))
    return claims


def _questions(graph: Graph, turns: dict[Node, dict], doc_order: dict[str, int]) -> list[dict]:
    questions = []
    for question in graph.subjects(RDF.type, TG.Question):
        turn = _source_turn(graph, question, turns)
        answers = sorted(turns[t]["position"] for t in graph.objects(question, TG.answeredBy) if t in turns)
        questions.append({
            "id": str(question),
            "author": _text(graph.value(question, SDO.author)),
            "text": _text(graph.value(question, SDO.text)),
            "answeredIn": answers,
            **_citation(turn, turns),
        })
    questions.sort(key=lambda q: (doc_order.get(q["doc"], 1 << 30), q["turn"], _natural(q["id"])))
    return questions


def _speakers(graph: Graph, turns: dict[Node, dict], doc_order: dict[str, int],
              nodes: dict[str, dict]) -> list[dict]:
    """Who speaks, in order of first turn, with the entities their turns mention."""
    mentions: dict[str, set[str]] = defaultdict(set)
    first: dict[str, tuple[int, int]] = {}
    for turn in turns.values():
        if turn["sender"] is None:
            continue
        sender = str(turn["sender"])
        mentions[sender].update(m for m in turn["mentions"] if m in nodes)
        place = (doc_order.get(str(turn["doc"]), 1 << 30), turn["position"])
        first[sender] = min(first.get(sender, place), place)
    speakers = [{"id": s, "label": _label(graph, URIRef(s)), "mentions": sorted(mentions[s])} for s in first]
    speakers.sort(key=lambda s: (first[s["id"]], s["label"], s["id"]))
    return speakers


def _source_turn(graph: Graph, item: Node, turns: dict[Node, dict]) -> Node | None:
    return _first(t for t in graph.objects(item, PROV.wasDerivedFrom) if t in turns)


def _citation(turn: Node | None, turns: dict[Node, dict]) -> dict:
    if turn is None:
        return {"doc": "", "turn": 0}
    return {"doc": _text(turns[turn]["doc"]), "turn": turns[turn]["position"]}


@lru_cache(maxsize=1)
def _ontology_labels() -> dict[Node, str]:
    """English labels of talkgraph's own properties, read from the ontology file."""
    onto = Graph().parse(ONTOLOGY_FILE, format="turtle")
    return {s: str(o) for s, o in onto.subject_objects(RDFS.label)
            if isinstance(o, Literal) and o.language == "en"}


@lru_cache(maxsize=1)
def _claim_type_labels() -> dict[Node, str]:
    onto = Graph().parse(ONTOLOGY_FILE, format="turtle")
    labels: dict[Node, dict[str, str]] = defaultdict(dict)
    for s, o in onto.subject_objects(SKOS.prefLabel):
        if isinstance(o, Literal):
            labels[s][o.language or ""] = str(o)
    return {s: " · ".join(v for v in (by_lang.get("zh"), by_lang.get("en")) if v) for s, by_lang in labels.items()}


# ------------------------------------------------------------------ small helpers


def _label(graph: Graph, node: Node) -> str:
    """The Chinese label if there is one, then any label, then schema:name, then the IRI's tail."""
    labels = [o for o in graph.objects(node, RDFS.label) if isinstance(o, Literal)]
    labels.sort(key=lambda o: (o.language != "zh", o.language is not None, str(o.language or ""), str(o)))
    if labels:
        return str(labels[0])
    name = graph.value(node, SDO.name)
    return _text(name) or _local_name(node)


def _search_keys(names: Iterable[str]) -> list[str]:
    """Names folded as the page folds a query: NFKC (full-width Latin) and case-insensitive."""
    return sorted({normalize("NFKC", n).casefold() for n in names if n})


def _local_name(node: Node | None) -> str:
    if node is None or isinstance(node, BNode):
        return ""
    return re.split(r"[/#]", str(node).rstrip("/#"))[-1]


def _natural(text: str) -> list:
    """Sort key that puts c2 before c10, so claims of one turn keep their order."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text)]


def _first(items: Iterable[Node]) -> Node | None:
    return min(items, key=str, default=None)


def _text(value: Node | None) -> str:
    return "" if value is None else str(value)


def _int(value: Node | None) -> int:
    try:
        return int(value.toPython()) if isinstance(value, Literal) else 0
    except (TypeError, ValueError):
        return 0


def _page_title(documents: list[dict]) -> str:
    if len(documents) == 1:
        return f"{documents[0]['title']} — talkgraph"
    return "talkgraph"


def _script_json(data: dict) -> str:
    """JSON that cannot close its <script> element or break a JavaScript string."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _ESCAPES[m.group(0)], text)


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's script and style from the installed pyvis, made safe to inline."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib"
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
