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
from functools import lru_cache
from pathlib import Path
from unicodedata import normalize

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from talkgraph.ontology.namespace import NIF, ONTOLOGY_FILE, PROV, RDF, RDFS, SDO, SKOS, TG

from . import atomic_write, exporter

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
def write_html(graph: Graph, path: Path) -> None:
    page = render_html(graph)
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
        "PAGE_CSS": _PAGE_CSS.replace("@FONT_STACK@", _FONT_STACK),
        "DATA": _script_json(data),
        "VIS_JS": js,
        "PAGE_JS": _PAGE_JS,
    }
    # one pass over the template only: inserted text is never scanned for markers again
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], _TEMPLATE)


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

_TEMPLATE = """<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; \
style-src 'unsafe-inline'; img-src data: blob:; font-src data:">
<link rel="icon" href="data:,">
<title>@@TITLE@@</title>
<style>@@VIS_CSS@@</style>
<style>@@PAGE_CSS@@</style>
</head>
<body>
<header id="tg-header">
  <div id="tg-docs"></div>
  <div id="tg-controls">
    <div id="tg-search-box">
      <input id="tg-search" type="search" placeholder="搜索 Search names / aliases" autocomplete="off" aria-label="Search">
      <ul id="tg-results" hidden></ul>
    </div>
    <label>发言人 Speaker <select id="tg-speaker"><option value="">— all —</option></select></label>
    <label title="0 = all">前 N 个 Top N <input id="tg-topn" type="number" min="0" step="10"></label>
    <label><input id="tg-claims" type="checkbox"> 显示观点 show claims</label>
    <button id="tg-fit" type="button">适应窗口 Fit</button>
    <span id="tg-status"></span>
  </div>
</header>
<main>
  <div id="tg-network"></div>
  <div id="tg-loading">布局计算中 laying out…</div>
  <aside id="tg-legend" aria-label="Legend"></aside>
  <aside id="tg-panel"><p class="tg-hint">点击节点查看详情 · Click a node or a participant for details.</p></aside>
</main>
<script type="application/json" id="tg-data">@@DATA@@</script>
<script>@@VIS_JS@@</script>
<script>@@PAGE_JS@@</script>
</body>
</html>
"""

_PAGE_CSS = """
html, body { margin: 0; height: 100%; font-family: @FONT_STACK@; color: #222; background: #fafafa; }
body { display: flex; flex-direction: column; }
#tg-header { padding: 8px 14px; background: #fff; border-bottom: 1px solid #ddd; }
.tg-doc { margin-bottom: 4px; }
#tg-docs h1 { display: inline; font-size: 18px; margin: 0 10px 0 0; }
.tg-date { color: #666; margin-right: 10px; }
.tg-chip { font: inherit; font-size: 13px; border: 1px solid #ccc; border-radius: 12px; background: #f4f6fa;
  padding: 1px 9px; margin: 2px 3px; cursor: pointer; }
.tg-chip.tg-mod { border-color: #4e79a7; background: #e3ecf7; font-weight: 600; }
.tg-badge { font-size: 11px; color: #fff; background: #4e79a7; border-radius: 8px; padding: 0 5px; margin-left: 4px; }
#tg-controls { display: flex; flex-wrap: wrap; gap: 14px; align-items: center; font-size: 13px; margin-top: 6px; }
#tg-controls input, #tg-controls select, #tg-controls button { font: inherit; }
#tg-search { width: 240px; padding: 3px 6px; }
#tg-topn { width: 70px; }
#tg-search-box { position: relative; }
#tg-results { position: absolute; z-index: 30; left: 0; top: 100%; margin: 2px 0 0; padding: 0; list-style: none;
  background: #fff; border: 1px solid #ccc; min-width: 240px; max-height: 320px; overflow: auto;
  box-shadow: 0 2px 8px rgba(0,0,0,.15); }
#tg-results li { padding: 3px 8px; cursor: pointer; }
#tg-results li:hover, #tg-results li.tg-active { background: #e3ecf7; }
#tg-results .tg-alias { color: #777; font-size: 12px; margin-left: 6px; }
#tg-status { color: #666; }
main { flex: 1; position: relative; min-height: 0; display: flex; }
#tg-network { flex: 1; min-width: 0; background: #fff; }
#tg-loading { position: absolute; left: 50%; top: 40%; transform: translate(-50%, -50%); background: #fff;
  border: 1px solid #ccc; padding: 8px 14px; border-radius: 6px; }
#tg-legend { position: absolute; left: 10px; bottom: 10px; background: rgba(255,255,255,.94); border: 1px solid #ddd;
  border-radius: 6px; padding: 6px 10px; font-size: 13px; }
#tg-legend h2, #tg-panel h3 { font-size: 12px; text-transform: uppercase; color: #777; margin: 8px 0 4px; }
#tg-legend h2:first-child { margin-top: 0; }
#tg-legend label { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
.tg-swatch { display: inline-block; width: 12px; height: 12px; }
.tg-swatch.dot { border-radius: 50%; } .tg-swatch.diamond { transform: rotate(45deg) scale(.85); }
.tg-swatch.triangle { width: 0; height: 0; background: none !important; border-left: 7px solid transparent;
  border-right: 7px solid transparent; border-bottom: 12px solid var(--c); }
.tg-swatch.box { border-radius: 3px; width: 16px; height: 10px; }
.tg-line { display: inline-block; width: 26px; border-top: 2px solid #888; margin-right: 6px; vertical-align: middle; }
.tg-line.dashed { border-top-style: dashed; } .tg-line.dotted { border-top-style: dotted; border-color: #c9a227; }
#tg-panel { width: 380px; overflow: auto; border-left: 1px solid #ddd; background: #fff; padding: 10px 14px; font-size: 14px; }
#tg-panel h2 { margin: 0 0 4px; font-size: 20px; }
.tg-kind { display: inline-block; color: #fff; border-radius: 8px; padding: 0 7px; font-size: 12px; }
.tg-aliases, .tg-muted { color: #666; font-size: 13px; }
#tg-panel ul { margin: 0; padding-left: 18px; }
#tg-panel li { margin: 3px 0; }
.tg-link { font: inherit; border: none; background: none; color: #1f5fa8; cursor: pointer; padding: 0; text-decoration: underline; }
.tg-claim { border-left: 3px solid #edc948; padding: 2px 0 2px 8px; margin: 8px 0; list-style: none; }
.tg-claim blockquote { margin: 3px 0 0; }
.tg-cite { font-size: 12px; color: #666; }
.tg-hint { color: #777; }
div.vis-tooltip { font-family: @FONT_STACK@; font-size: 13px; max-width: 320px; white-space: normal; }
"""

_PAGE_JS = r"""
(function () {
  "use strict";
  const T0 = performance.now();
  const DATA = JSON.parse(document.getElementById("tg-data").textContent);
  const KINDS = Object.fromEntries(DATA.kinds.map((k) => [k.kind, k]));
  const FONT = DATA.config.font;
  const $ = (id) => document.getElementById(id);

  /* ---------- indexes ---------- */
  const nodeById = new Map(DATA.nodes.map((n) => [n.id, n]));
  const claimById = new Map(DATA.claims.map((c) => [c.id, c]));
  const speakerById = new Map(DATA.speakers.map((s) => [s.id, s]));
  const docById = new Map(DATA.documents.map((d) => [d.id, d]));
  const claimsByAuthor = groupBy(DATA.claims, (c) => [c.author]);
  const claimsByAbout = groupBy(DATA.claims, (c) => c.about);
  const questionsByAuthor = groupBy(DATA.questions, (q) => [q.author]);
  const edgesByNode = groupBy(DATA.edges, (e) => [e.from, e.to]);
  const entityKinds = DATA.kinds.map((k) => k.kind).filter((k) => k !== "Claim");

  function groupBy(items, keysOf) {
    const map = new Map();
    for (const item of items) {
      for (const key of keysOf(item)) {
        if (!key) continue;
        if (!map.has(key)) map.set(key, []);
        map.get(key).push(item);
      }
    }
    return map;
  }

  /* ---------- DOM helpers: text only, never HTML ---------- */
  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function link(id, text) {
    const button = el("button", "tg-link", text);
    button.type = "button";
    button.addEventListener("click", () => api.select(id));
    return button;
  }
  function labelOf(id) {
    const n = nodeById.get(id);
    return n ? n.label : id;
  }
  function fold(text) {
    return String(text).normalize("NFKC").toLowerCase().trim();
  }

  /* ---------- vis items ---------- */
  function tooltip(lines) {
    const box = el("div");
    lines.forEach((line, i) => box.appendChild(el(i ? "div" : "strong", null, line)));
    return box;
  }
  function entityItem(n) {
    const style = KINDS[n.kind];
    const lines = [n.label, style.label + " · " + style.zh + (n.count ? " · " + n.count + " mentions" : "")];
    if (n.aliases.length) lines.push("aka " + n.aliases.join(", "));
    return {
      id: n.id, label: n.label, shape: style.shape, value: Math.max(1, n.count),
      color: { background: style.color, border: style.color, highlight: { background: style.color, border: "#222" } },
      title: tooltip(lines),
    };
  }
  function claimItem(c) {
    const short = c.text.length > 18 ? c.text.slice(0, 18) + "…" : c.text;
    const cite = labelOf(c.author) + (c.turn ? " · turn " + c.turn : "");
    return {
      id: c.id, label: short, shape: "box", value: 1,
      color: { background: "#fbf1c7", border: KINDS.Claim.color,
        highlight: { background: "#fbe7a1", border: "#8a6d00" }, hover: { background: "#fbe7a1", border: "#8a6d00" } },
      font: { size: 11, face: FONT },
      widthConstraint: { maximum: 160 }, title: tooltip([cite, c.text]),
    };
  }
  function edgeItem(e) {
    const item = {
      id: e.id, from: e.from, to: e.to, label: e.label, arrows: e.arrows ? "to" : "",
      dashes: e.type === "role",
    };
    if (e.bend) item.smooth = { enabled: true, type: e.bend % 2 ? "curvedCW" : "curvedCCW", roundness: 0.25 * Math.ceil(e.bend / 2) };
    return item;
  }
  function claimEdges(c) {
    const color = { color: KINDS.Claim.color, highlight: "#8a6d00", hover: "#8a6d00" };
    const edges = [{ id: "a|" + c.id, from: c.author, to: c.id, dashes: [2, 3], arrows: "to", color: color, label: "" }];
    for (const about of c.about) {
      edges.push({ id: "b|" + c.id + "|" + about, from: c.id, to: about, dashes: [2, 3], arrows: "to",
        color: color, label: "about" });
    }
    return edges;
  }

  const nodes = new vis.DataSet(DATA.nodes.map(entityItem).concat(DATA.claims.filter((c) => c.author).map(claimItem)));
  const edges = new vis.DataSet(DATA.edges.map(edgeItem).concat(...DATA.claims.filter((c) => c.author).map(claimEdges)));

  /* ---------- filtering ---------- */
  const state = {
    kinds: new Set(entityKinds), speaker: "", claims: false,
    topN: DATA.config.topN || 0, forced: new Set(),
  };
  let visible = new Set();

  function computeVisible() {
    const speaker = state.speaker ? speakerById.get(state.speaker) : null;
    let allowed = null;
    if (speaker) {
      allowed = new Set(speaker.mentions);
      allowed.add(speaker.id);
      for (const c of claimsByAuthor.get(speaker.id) || []) c.about.forEach((a) => allowed.add(a));
    }
    const shown = new Set();
    for (const n of DATA.nodes) {  // already ranked by mention count
      if (state.topN && shown.size >= state.topN) break;
      if (state.kinds.has(n.kind) && (!allowed || allowed.has(n.id))) shown.add(n.id);
    }
    state.forced.forEach((id) => shown.add(id));
    if (state.claims) {
      for (const c of DATA.claims) {
        if (c.author && shown.has(c.author) && (!speaker || c.author === speaker.id)) shown.add(c.id);
      }
    }
    visible = shown;
  }

  computeVisible();  // before the views exist: a DataView filters once when it is made
  const nodeView = new vis.DataView(nodes, { filter: (item) => visible.has(item.id) });
  const edgeView = new vis.DataView(edges, { filter: (item) => visible.has(item.from) && visible.has(item.to) });

  /* ---------- the network ---------- */
  const count = nodeView.length;
  const big = count > 300;
  const options = {
    autoResize: true,
    layout: { randomSeed: 20210601, improvedLayout: count <= 150 },
    nodes: { font: { face: FONT, size: 14, strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { min: 8, max: 40, label: { enabled: true, min: 12, max: 22 } }, borderWidth: 1 },
    edges: { font: { face: FONT, size: 10, color: "#555", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
      color: { color: "#9aa3ad", highlight: "#333", hover: "#555" }, width: 1.2,
      smooth: big ? false : { enabled: true, type: "continuous", roundness: 0.2 },
      arrows: { to: { scaleFactor: 0.6 } } },
    physics: {
      // big graphs: ForceAtlas2 with a coarse Barnes-Hut theta costs a third of the default per step,
      // and fewer steps; a 2,000-node graph settles in about 2 s on a slow laptop CPU
      enabled: true, solver: big ? "forceAtlas2Based" : "barnesHut",
      barnesHut: { gravitationalConstant: -6000, centralGravity: 0.3, springLength: 130, springConstant: 0.03,
        damping: 0.3, avoidOverlap: 0.1 },
      forceAtlas2Based: { theta: 1.0, gravitationalConstant: -60, springLength: 80, avoidOverlap: 0 },
      stabilization: { enabled: true, iterations: big ? Math.max(100, Math.round(200000 / count)) : 800,
        updateInterval: 50, fit: true },
    },
    interaction: { hover: true, tooltipDelay: 200, hideEdgesOnDrag: big, hideEdgesOnZoom: big, multiselect: false },
  };
  const T1 = performance.now();
  const network = new vis.Network($("tg-network"), { nodes: nodeView, edges: edgeView }, options);
  const T2 = performance.now();

  const api = {
    ready: true, stabilized: false, stabilizeMs: null, network: network,
    timings: { dataMs: Math.round(T1 - T0), networkMs: Math.round(T2 - T1) },
    counts() {
      return { nodes: DATA.nodes.length, edges: DATA.edges.length, claims: DATA.claims.length,
        visibleNodes: nodeView.length, visibleEdges: edgeView.length };
    },
    visibleIds() { return nodeView.getIds(); },
    search(query) { return searchIds(query); },
    find(label) { const n = DATA.nodes.find((x) => x.label === label); return n ? n.id : null; },
    select(id) { return selectNode(id); },
    panelText() { return $("tg-panel").textContent; },
    setSpeaker(id) { $("tg-speaker").value = id || ""; state.speaker = id || ""; refresh(); },
    setKind(kind, on) { on ? state.kinds.add(kind) : state.kinds.delete(kind); syncLegend(); refresh(); },
    setTopN(n) { $("tg-topn").value = String(n || 0); state.topN = Math.max(0, n | 0); refresh(); },
    setShowClaims(on) { $("tg-claims").checked = !!on; state.claims = !!on; refresh(); },
  };
  window.talkgraphView = api;

  network.on("stabilizationProgress", (p) => {
    $("tg-loading").textContent = "布局计算中 laying out… " + Math.round((100 * p.iterations) / p.total) + "%";
  });
  network.on("stabilizationIterationsDone", () => {
    network.setOptions({ physics: { enabled: false } });  // lay out once, then hold still
    $("tg-loading").hidden = true;
    if (!api.stabilized) {
      api.stabilized = true;
      api.stabilizeMs = Math.round(performance.now() - T0);
      network.fit();
    }
    updateStatus();
  });
  network.on("click", (params) => {
    if (params.nodes.length) showDetails(params.nodes[0]);
  });

  function refresh() {
    const positions = network.getPositions();
    const before = new Set(Object.keys(positions));
    nodes.update(Object.entries(positions).map(([id, p]) => ({ id: id, x: p.x, y: p.y })));
    computeVisible();
    nodeView.refresh();
    edgeView.refresh();
    const added = nodeView.getIds().some((id) => !before.has(id));
    if (added) {  // settle the newcomers, then freeze again
      network.setOptions({ physics: { enabled: true } });
      network.stabilize(big ? 150 : 300);
    }
    updateStatus();
  }

  function updateStatus() {
    const c = api.counts();
    $("tg-status").textContent = "显示 " + c.visibleNodes + " 节点 / " + c.visibleEdges + " 边 (entities: "
      + c.nodes + ", relations: " + c.edges + ", claims: " + c.claims + ")";
  }

  /* ---------- selection & side panel ---------- */
  function selectNode(id) {
    if (!nodeById.has(id) && !claimById.has(id)) return false;
    if (!visible.has(id)) {
      if (claimById.has(id)) { state.claims = true; $("tg-claims").checked = true; state.forced.add(claimById.get(id).author); }
      else state.forced.add(id);
      refresh();
    }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showDetails(id);
    return true;
  }

  function showDetails(id) {
    const panel = $("tg-panel");
    panel.replaceChildren();
    if (claimById.has(id)) showClaim(panel, claimById.get(id));
    else if (nodeById.has(id)) showEntity(panel, nodeById.get(id));
    panel.scrollTop = 0;
  }

  function kindBadge(kind) {
    const style = KINDS[kind];
    const badge = el("span", "tg-kind", style.label + " · " + style.zh);
    badge.style.background = style.color;
    return badge;
  }

  function section(panel, title, items, render) {
    if (!items.length) return;
    panel.appendChild(el("h3", null, title));
    const list = el("ul");
    items.forEach((item) => list.appendChild(render(item)));
    panel.appendChild(list);
  }

  function showEntity(panel, n) {
    panel.appendChild(el("h2", null, n.label));
    panel.appendChild(kindBadge(n.kind));
    if (n.count) panel.appendChild(el("span", "tg-muted", "  " + n.count + " 次提及 mentions"));
    if (n.aliases.length) panel.appendChild(el("p", "tg-aliases", "别名 aliases: " + n.aliases.join(" · ")));
    section(panel, "职务 Titles & roles", n.roles, (r) => {
      const li = el("li", null, r.name);
      if (r.org) { li.appendChild(document.createTextNode(" @ ")); li.appendChild(link(r.org, r.orgLabel)); }
      return li;
    });
    section(panel, "关系 Relations", edgesByNode.get(n.id) || [], (e) => {
      const li = el("li");
      const out = e.from === n.id;
      li.appendChild(el("span", "tg-muted", out ? (e.arrows ? "→ " : "— ") : (e.arrows ? "← " : "— ")));
      if (out) {
        li.appendChild(el("span", null, e.label + " "));
        li.appendChild(link(e.to, labelOf(e.to)));
      } else {
        li.appendChild(link(e.from, labelOf(e.from)));
        li.appendChild(el("span", null, " " + e.label));
      }
      return li;
    });
    const own = claimsByAuthor.get(n.id) || [];
    const about = (claimsByAbout.get(n.id) || []).filter((c) => c.author !== n.id);
    section(panel, "发言观点 Claims by " + n.label + " (turn order)", own, (c) => claimItemDom(c, n.id));
    section(panel, "提问 Questions asked", questionsByAuthor.get(n.id) || [], (q) => quoteDom(q, q.author, "question"));
    section(panel, "相关观点 Claims about " + n.label, about, (c) => claimItemDom(c, n.id));
    if (speakerById.has(n.id)) {
      const s = speakerById.get(n.id);
      panel.appendChild(el("p", "tg-muted", "Speaks in this conversation; mentions " + s.mentions.length + " entities."));
    }
    panel.appendChild(el("p", "tg-muted", n.id));
  }

  function citation(item, author) {
    const cite = el("div", "tg-cite");
    if (author) cite.appendChild(link(author, labelOf(author)));
    const doc = docById.get(item.doc);
    const where = (item.turn ? " · 第 " + item.turn + " 段 turn " + item.turn : "")
      + (DATA.documents.length > 1 && doc ? " · " + doc.title : "");
    cite.appendChild(el("span", null, where + (item.type ? " · " + item.type : "")));
    return cite;
  }

  function quoteDom(item, author) {
    const li = el("li", "tg-claim");
    li.appendChild(citation(item, author));
    li.appendChild(el("blockquote", null, "“" + item.text + "”"));
    return li;
  }

  function claimItemDom(c, current) {
    const li = quoteDom(c, c.author);
    const others = c.about.filter((a) => a !== current);
    if (others.length) {
      const about = el("div", "tg-cite", "about: ");
      others.forEach((a, i) => { if (i) about.appendChild(document.createTextNode(", ")); about.appendChild(link(a, labelOf(a))); });
      li.appendChild(about);
    }
    return li;
  }

  function showClaim(panel, c) {
    panel.appendChild(el("h2", null, "观点 Claim"));
    panel.appendChild(kindBadge("Claim"));
    const list = el("ul");
    list.appendChild(claimItemDom(c, null));
    panel.appendChild(list);
  }

  /* ---------- search ---------- */
  function searchIds(query) {
    const q = fold(query);
    if (!q) return [];
    const ranked = [];
    DATA.nodes.forEach((n, rank) => {
      let best = 3;
      for (const key of n.keys) {
        if (key === q) best = Math.min(best, 0);
        else if (key.startsWith(q)) best = Math.min(best, 1);
        else if (key.includes(q)) best = Math.min(best, 2);
      }
      if (best < 3) ranked.push([best, rank, n.id]);
    });
    ranked.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return ranked.map((r) => r[2]);
  }

  function showResults() {
    const list = $("tg-results");
    const ids = searchIds($("tg-search").value).slice(0, 20);
    list.replaceChildren();
    ids.forEach((id, i) => {
      const n = nodeById.get(id);
      const li = el("li", i ? null : "tg-active", n.label);
      if (n.aliases.length) li.appendChild(el("span", "tg-alias", n.aliases.join(" · ")));
      li.appendChild(el("span", "tg-alias", KINDS[n.kind].zh));
      li.addEventListener("mousedown", (ev) => { ev.preventDefault(); pick(id); });
      list.appendChild(li);
    });
    list.hidden = !ids.length;
    return ids;
  }

  function pick(id) {
    $("tg-results").hidden = true;
    selectNode(id);
  }

  $("tg-search").addEventListener("input", showResults);
  $("tg-search").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") { const ids = showResults(); if (ids.length) pick(ids[0]); }
    if (ev.key === "Escape") $("tg-results").hidden = true;
  });
  $("tg-search").addEventListener("blur", () => { $("tg-results").hidden = true; });

  /* ---------- header, legend, controls ---------- */
  function buildHeader() {
    const box = $("tg-docs");
    if (!DATA.documents.length) box.appendChild(el("h1", null, "talkgraph"));
    for (const doc of DATA.documents) {
      const row = el("div", "tg-doc");
      row.appendChild(el("h1", null, doc.title));
      if (doc.date) row.appendChild(el("span", "tg-date", doc.date));
      for (const p of doc.participants) {
        const chip = el("button", p.moderator ? "tg-chip tg-mod" : "tg-chip", p.label);
        chip.type = "button";
        if (p.moderator) chip.appendChild(el("span", "tg-badge", "主持 moderator"));
        chip.addEventListener("click", () => selectNode(p.id));
        row.appendChild(chip);
      }
      box.appendChild(row);
    }
  }

  function swatch(kind) {
    const style = KINDS[kind];
    const s = el("span", "tg-swatch " + style.shape);
    s.style.background = style.color;
    s.style.setProperty("--c", style.color);
    return s;
  }

  function buildLegend() {
    const legend = $("tg-legend");
    legend.appendChild(el("h2", null, "图例 Legend"));
    const perKind = groupBy(DATA.nodes, (n) => [n.kind]);
    for (const kind of entityKinds) {
      const n = (perKind.get(kind) || []).length;
      if (!n) continue;
      const row = el("label");
      const box = el("input");
      box.type = "checkbox"; box.checked = true; box.dataset.kind = kind;
      box.addEventListener("change", () => api.setKind(kind, box.checked));
      row.append(box, swatch(kind), el("span", null, KINDS[kind].zh + " " + KINDS[kind].label + " (" + n + ")"));
      legend.appendChild(row);
    }
    const claimRow = el("label");
    claimRow.append(swatch("Claim"), el("span", null, KINDS.Claim.zh + " " + KINDS.Claim.label + " (" + DATA.claims.length + ")"));
    legend.appendChild(claimRow);
    legend.appendChild(el("h2", null, "连线 Edges"));
    [["", "relation →"], ["dashed", "role at organisation"], ["dotted", "claim: author → claim → about"]].forEach(([cls, text]) => {
      const row = el("div");
      row.append(el("span", "tg-line " + cls), el("span", null, text));
      legend.appendChild(row);
    });
    legend.appendChild(el("div", "tg-muted", "size = mention count"));
  }

  function syncLegend() {
    document.querySelectorAll("#tg-legend input[data-kind]").forEach((box) => { box.checked = state.kinds.has(box.dataset.kind); });
  }

  function buildControls() {
    const select = $("tg-speaker");
    for (const s of DATA.speakers) {
      const option = el("option", null, s.label);
      option.value = s.id;
      select.appendChild(option);
    }
    select.addEventListener("change", () => api.setSpeaker(select.value));
    const topn = $("tg-topn");
    topn.max = String(DATA.nodes.length);
    topn.value = String(state.topN);
    topn.addEventListener("change", () => api.setTopN(parseInt(topn.value, 10) || 0));
    $("tg-claims").addEventListener("change", (ev) => api.setShowClaims(ev.target.checked));
    $("tg-fit").addEventListener("click", () => network.fit());
  }

  buildHeader();
  buildLegend();
  buildControls();
  updateStatus();
})();
"""
