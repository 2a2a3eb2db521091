"""The offline HTML view as a string: self-contained, escaped, deterministic, complete."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Graph, Literal

from talkgraph.graph.pipeline import RdfGraph
from talkgraph.graph.exporters import EXPORTERS
from talkgraph.graph.exporters.html import render_html, view_data, write_html
from talkgraph.graph.oxigraph_writer import oxigraph_triples
from talkgraph.ontology.namespace import PROV, RDF, RDFS, SDO, SKOS, TG, TGR

FIXTURE = Path(__file__).parents[1] / "fixtures" / "html" / "panel.ttl"
HOSTILE = ['<img src=x onerror=alert(1)>', '"</script><script>alert(2)</script>', "</SCRIPT >",
           "<!-- <script>", "line\u2028separator\u2029", "&amp; &lt;"]


def page_of(graph: Graph, top_n: int | None = None) -> str:
    """The view of an rdflib graph, as ``talkgraph view`` makes it of a graph file."""
    return render_html(oxigraph_triples(graph), top_n=top_n)


def data_of(graph: Graph) -> dict:
    return view_data(oxigraph_triples(graph))



@pytest.fixture(scope="module")
def panel() -> Graph:
    return Graph().parse(FIXTURE, format="turtle")


@pytest.fixture(scope="module")
def panel_page(panel: Graph) -> str:
    return page_of(panel)


def hostile_graph() -> Graph:
    """Every string the page shows, made of markup that would run if it were treated as HTML."""
    g = Graph()
    doc, turn = TGR["doc/evil"], TGR["doc/evil/turn/1"]
    g.add((doc, RDF.type, TG.Transcript))
    g.add((doc, SDO.name, Literal(HOSTILE[0] + " title")))
    g.add((doc, SDO.dateCreated, Literal(HOSTILE[1])))
    g.add((turn, RDF.type, TG.Turn))
    g.add((turn, SDO.position, Literal(1)))
    g.add((turn, SDO.isPartOf, doc))
    for i, text in enumerate(HOSTILE):
        person = TGR[f"person/evil{i}"]
        g.add((person, RDF.type, SDO.Person))
        g.add((person, RDFS.label, Literal(text, lang="zh")))
        g.add((person, SKOS.altLabel, Literal("alias " + text)))
        g.add((person, SDO.jobTitle, Literal("title " + text)))
        g.add((person, TG.mentionCount, Literal(i + 1)))
        g.add((doc, SDO.contributor, person))
        claim = TGR[f"doc/evil/claim/{i}"]
        g.add((claim, RDF.type, TG.Claim))
        g.add((claim, SDO.author, person))
        g.add((claim, SDO.text, Literal("claim " + text)))
        g.add((claim, PROV.wasDerivedFrom, turn))
    g.add((turn, SDO.sender, TGR["person/evil0"]))
    g.add((doc, TG.moderator, TGR["person/evil0"]))
    return g


def embedded_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="tg-data">(.*?)</script>', page, re.S)
    assert match, "the data block is missing"
    return json.loads(match.group(1))


class Resources(HTMLParser):
    """Every URL the page's markup could load: src, href and similar attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str, str]] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        self.scripts += tag == "script"
        for name, value in attrs:
            if name in {"src", "href", "srcset", "poster", "data", "action", "background"}:
                self.urls.append((tag, name, value or ""))


def test_page_needs_no_network(panel_page: str) -> None:
    parser = Resources()
    parser.feed(panel_page)
    for tag, name, value in parser.urls:
        assert not re.match(r"\s*(https?:)?//", value, re.I), f"<{tag} {name}={value!r}> would load from the web"
        assert value.startswith("data:"), f"<{tag} {name}={value!r}> would load a file"
    assert not re.search(r"<script[^>]*\bsrc\s*=", panel_page, re.I)
    assert not re.search(r"<link[^>]*rel=\"?stylesheet", panel_page, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", panel_page, re.I)
    assert "vis.Network" in panel_page and "vis-network" in panel_page  # the library is inlined
    assert '"Noto Sans CJK SC"' in panel_page and "Microsoft YaHei" in panel_page


def test_hostile_text_stays_text() -> None:
    page = page_of(hostile_graph())
    parser = Resources()
    parser.feed(page)
    assert parser.scripts == 3  # the data block, vis-network, the page's script: nothing injected
    assert [u for u in parser.urls if not u[2].startswith("data:")] == []
    assert len(re.findall(r"</script", page, re.I)) == 3
    for text in HOSTILE[:-1]:
        assert text not in page
    assert "\u2028" not in page and "\u2029" not in page
    assert "<title>&lt;img src=x onerror=alert(1)&gt; title" in page
    data = embedded_data(page)
    assert sorted(n["label"] for n in data["nodes"]) == sorted(HOSTILE)
    assert {c["text"] for c in data["claims"]} == {"claim " + t for t in HOSTILE}


def test_page_script_never_parses_data_as_html() -> None:
    page = page_of(Graph())
    script = page.rsplit("<script>", 1)[1]
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script and "document.write" not in script
    assert "title: tooltip(" in script  # tooltips are DOM elements, which vis-network does not parse


def test_same_graph_same_bytes(panel: Graph) -> None:
    reparsed = Graph().parse(data=panel.serialize(format="nt"), format="nt")
    assert page_of(panel) == page_of(panel)
    assert page_of(reparsed) == page_of(panel)
    assert page_of(reparsed, top_n=5) == page_of(panel, top_n=5)


def test_top_n_sets_the_initial_view(panel: Graph) -> None:
    assert embedded_data(page_of(panel, top_n=5))["config"]["topN"] == 5
    assert embedded_data(page_of(panel))["config"]["topN"] == 0  # 0: all
    counts = [n["count"] for n in embedded_data(page_of(panel, top_n=5))["nodes"]]
    assert counts == sorted(counts, reverse=True)  # the page takes the first N


def test_search_index_has_aliases(panel_page: str) -> None:
    nodes = {n["label"]: n for n in embedded_data(panel_page)["nodes"]}
    assert "gtp-3" in nodes["GPT-3"]["keys"] and "gpt-3" in nodes["GPT-3"]["keys"]
    assert {"田老师", "田奇老师", "田奇"} <= set(nodes["田奇"]["keys"])
    assert "microsoft" in nodes["微软"]["keys"]  # case-folded
    assert nodes["袁进辉"]["aliases"] == ["老师木"]


def test_header_lists_participants_with_moderator(panel: Graph) -> None:
    (doc,) = data_of(panel)["documents"]
    assert doc["title"] == "IDEA大会：大模型圆桌" and doc["date"] == "2021-11-22"
    assert [(p["label"], p["moderator"]) for p in doc["participants"]] == [
        ("张家兴", True), ("田奇", False), ("林伟", False), ("袁进辉", False)]


def test_relations_read_in_the_expected_direction(panel: Graph) -> None:
    data = data_of(panel)
    label = {n["id"]: n["label"] for n in data["nodes"]}
    edges = {(label[e["from"]], e["label"], label[e["to"]]) for e in data["edges"]}
    assert ("袁进辉", "founded", "一流科技") in edges  # schema:founder is stored organisation → person
    assert ("华为", "created", "盘古") in edges  # schema:creator is stored model → maker
    assert ("华为云", "part of", "华为") in edges
    assert ("林伟", "formerly affiliated with", "微软") in edges  # the ontology's own label
    assert ("田奇", "AI首席科学家", "华为云") in edges  # from tg:holdsRole
    colleague = [e for e in data["edges"] if e["label"] == "colleague"]
    assert len(colleague) == 1 and not colleague[0]["arrows"]  # stated both ways, drawn once


def test_claims_carry_speaker_turn_and_quote(panel: Graph) -> None:
    data = data_of(panel)
    yuan = next(n["id"] for n in data["nodes"] if n["label"] == "袁进辉")
    mine = [c for c in data["claims"] if c["author"] == yuan]
    assert [c["text"] for c in mine] == [  # claim/2 before claim/10
        "我坚信深度学习模型会变得越来越大。", "这个事到2019年的时候很多大模型出现，比如GTP-3出现。"]
    assert {c["turn"] for c in mine} == {4}
    assert mine[1]["about"] == [next(n["id"] for n in data["nodes"] if n["label"] == "GPT-3")]
    tian = next(n for n in data["nodes"] if n["label"] == "田奇")
    assert tian["roles"] == [{"name": "AI首席科学家", "org": str(TGR["org/华为云"]), "orgLabel": "华为云"},
                             {"name": "IEEE Fellow", "org": "", "orgLabel": ""}]
    (question,) = data["questions"]
    assert question["turn"] == 1 and question["answeredIn"] == [2, 3, 4]


def test_written_through_the_exporter_registry(panel: Graph, tmp_path: Path) -> None:
    entry = EXPORTERS["html"]
    assert entry.filename == "graph.html"
    entry.write(RdfGraph(panel), tmp_path / "out" / entry.filename)
    assert (tmp_path / "out" / "graph.html").read_text(encoding="utf-8") == page_of(panel)
    write_html(RdfGraph(Graph()), tmp_path / "empty.html")  # an empty graph still gives a working page
    assert "<title>talkgraph</title>" in (tmp_path / "empty.html").read_text(encoding="utf-8")


def test_transcripts_in_natural_order() -> None:
    g = Graph()
    for n in (10, 2, 1, 21, 3):
        doc = TGR[f"doc/series-{n}"]
        g.add((doc, RDF.type, TG.Transcript))
        g.add((doc, SDO.name, Literal(f"圆桌第{n}期")))
    assert [d["title"] for d in data_of(g)["documents"]] == [f"圆桌第{n}期" for n in (1, 2, 3, 10, 21)]


def test_build_and_its_graph_file_give_the_same_page(built_sample, tmp_path: Path) -> None:
    from talkgraph.graph.pipeline import export_graph
    from talkgraph.graph.view import page_for

    page = render_html(built_sample.quads)
    assert render_html(list(reversed(built_sample.quads))) == page  # the order of the quads never shows
    export_graph(built_sample, tmp_path, ["turtle"])
    assert page_for([tmp_path / "graph.ttl"]) == page.encode("utf-8")  # `talkgraph view graph.ttl`
    assert page_for(tmp_path) == page.encode("utf-8")  # `talkgraph view out/`
    data = embedded_data(page)
    assert len(data["nodes"]) > 20 and len(data["claims"]) > 50 and data["documents"][0]["participants"]


SUBTITLES = """1
00:00:01,000 --> 00:00:05,000
王小明：欢迎大家来到今天的节目，我们请到了李华。

2
00:01:10,500 --> 00:01:20,000
李华：我认为大模型会改变软件开发，华为和微软都在投入。

3
00:01:21,000 --> 00:01:30,000
王小明：你觉得开源模型会赢吗？

4
01:02:03,000 --> 01:02:09,000
李华：我相信开源模型一定会越来越强。
"""


def subtitled_build(folder: Path):
    """A build of subtitles with time codes (SRT), whose turns carry where they start."""
    from talkgraph.graph import build_graph

    path = folder / "talk.srt"
    path.write_text(SUBTITLES, encoding="utf-8")
    return build_graph([path])


def test_claims_carry_the_time_their_turn_starts(tmp_path: Path) -> None:
    data = view_data(subtitled_build(tmp_path).quads)
    assert {(c["turn"], c["time"]) for c in data["claims"]} >= {(2, "1:10"), (4, "1:02:03")}
    assert [(q["turn"], q["time"]) for q in data["questions"]] == [(3, "1:21")]
    assert all("time" not in c for c in data_of(Graph().parse(FIXTURE, format="turtle"))["claims"])  # none given
