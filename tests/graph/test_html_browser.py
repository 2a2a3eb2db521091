"""The offline HTML view in a real headless Chromium: it draws, searches, explains, and stays offline.

Needs ``pip install playwright`` and Debian's ``chromium`` (``/usr/bin/chromium``); never runs
``playwright install``.  Skipped when either is missing.
"""
from __future__ import annotations

import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph, Literal

from talkgraph.graph.exporters.html import render_html, view_data
from talkgraph.graph.oxigraph_writer import oxigraph_triples
from talkgraph.ontology.namespace import PROV, RDF, RDFS, SDO, SKOS, TG, TGR

from tests.browsers import needs_chromium, playwright_api

playwright_api()
ROOT = Path(__file__).parents[2]
SAMPLE = ROOT / "examples" / "idea-2021-panel.txt"
FIXTURE = ROOT / "tests" / "fixtures" / "html" / "panel.ttl"

NODE_ON_SCREEN = "(id) => { const n = window.talkgraphView.network; return n.canvasToDOM(n.getPosition(id)); }"

def wait_until_settled(page, timeout: float = 60) -> None:
    """Poll from outside the page: Playwright's ``wait_for_function`` compiles its predicate inside
    the page, which the view's Content-Security-Policy (no ``unsafe-eval``) refuses at random."""
    deadline = time.monotonic() + timeout
    while not page.evaluate("Boolean(window.talkgraphView && window.talkgraphView.stabilized)"):
        assert time.monotonic() < deadline, "the view did not settle"
        page.wait_for_timeout(50)


pytestmark = needs_chromium


def page_of(graph: Graph, top_n: int | None = None) -> str:
    """The view of an rdflib graph, as ``talkgraph view`` makes it of a graph file."""
    return render_html(oxigraph_triples(graph), top_n=top_n)


def data_of(graph: Graph) -> dict:
    return view_data(oxigraph_triples(graph))



class View:
    """A page opened from disk, with every request and dialog it attempts recorded."""

    def __init__(self, browser, html: str, path: Path) -> None:
        path.write_text(html, encoding="utf-8")
        self.url = path.as_uri()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.route("**/*", self._route)
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        started = time.perf_counter()
        self.page.goto(self.url)
        wait_until_settled(self.page)
        self.settle_seconds = time.perf_counter() - started

    def _route(self, route) -> None:
        url = route.request.url
        if url == self.url:
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def find(self, label: str) -> str:
        node_id = self.js("(label) => window.talkgraphView.find(label)", label)
        assert node_id, f"no node labelled {label}"
        return node_id

    def selected(self) -> list[str]:
        return self.js("window.talkgraphView.network.getSelectedNodes()")

    def panel(self) -> str:
        """The side panel's text as written (inner_text would apply the CSS uppercase)."""
        return self.page.text_content("#tg-panel")

    def close(self) -> None:
        self.page.close()


def build_sample(tmp: Path) -> Graph:
    """The example transcript through ``talkgraph build``; the hand-made fixture if the CLI is missing."""
    cli = Path(sys.executable).with_name("talkgraph")
    command = [str(cli)] if cli.exists() else ([shutil.which("talkgraph")] if shutil.which("talkgraph") else None)
    if command is None:
        return Graph().parse(FIXTURE, format="turtle")
    subprocess.run([*command, "build", str(SAMPLE), "-o", str(tmp), "--format", "turtle"],
                   check=True, capture_output=True, timeout=300)
    return Graph().parse(tmp / "graph.ttl", format="turtle")


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Graph:
    return build_sample(tmp_path_factory.mktemp("sample"))


@pytest.fixture
def sample_view(browser, sample, tmp_path):
    view = View(browser, page_of(sample), tmp_path / "graph.html")
    yield view
    view.close()


def test_sample_network_is_drawn_completely(sample_view: View, sample: Graph) -> None:
    data = data_of(sample)
    entities = {s for cls in (SDO.Person, SDO.Organization, SDO.SoftwareApplication, SDO.Place, TG.Speaker)
                for s in sample.subjects(RDF.type, cls)}
    counts = sample_view.js("window.talkgraphView.counts()")
    print(f"\nsample: {counts['visibleNodes']} nodes, {counts['visibleEdges']} edges, {counts['claims']} claims; "
          f"settled in {sample_view.settle_seconds:.2f} s (in page: {sample_view.js('talkgraphView.stabilizeMs')} ms)")
    assert counts["visibleNodes"] == counts["nodes"] == len(entities) > 0
    assert counts["visibleEdges"] == counts["edges"] == len(data["edges"]) > 0
    assert sample_view.js("window.talkgraphView.network.body.nodeIndices.length") == len(entities)
    assert sample_view.requests == [] and sample_view.errors == []


def test_search_box_finds_names_and_aliases(sample_view: View) -> None:
    box = sample_view.page.locator("#tg-search")
    box.fill("田奇")
    box.press("Enter")
    assert sample_view.selected() == [sample_view.find("田奇")]
    assert sample_view.panel().startswith("田奇")
    box.fill("gtp-3")  # a misspelling the speaker used, kept as an alias
    assert "GPT-3" in sample_view.page.inner_text("#tg-results")
    box.press("Enter")
    assert sample_view.selected() == [sample_view.find("GPT-3")]
    assert "GTP-3" in sample_view.panel()


def test_clicking_a_person_lists_their_claims(sample_view: View, sample: Graph) -> None:
    yuan = sample_view.find("袁进辉")
    network = sample_view.page.locator("#tg-network").bounding_box()
    sample_view.js("(id) => window.talkgraphView.network.focus(id, {scale: 1.2, animation: false})", yuan)
    point = sample_view.js(NODE_ON_SCREEN, yuan)
    sample_view.page.mouse.click(network["x"] + point["x"], network["y"] + point["y"])  # a real click
    assert sample_view.selected() == [yuan]
    panel = sample_view.panel()
    claims = [c for c in data_of(sample)["claims"] if c["author"] == yuan]
    assert claims, "the sample should give 袁进辉 claims"
    assert panel.startswith("袁进辉") and "Claims by 袁进辉" in panel
    assert f"turn {claims[0]['turn']}" in panel
    for claim in claims:
        assert f"“{claim['text']}”" in panel


def test_speaker_filter_top_n_and_claims_toggle(sample_view: View, sample: Graph) -> None:
    data = data_of(sample)
    speaker = data["speakers"][-1]
    sample_view.page.select_option("#tg-speaker", speaker["id"])
    shown = set(sample_view.js("window.talkgraphView.visibleIds()"))
    allowed = set(speaker["mentions"]) | {speaker["id"]} | {
        a for c in data["claims"] if c["author"] == speaker["id"] for a in c["about"]}
    assert speaker["id"] in shown and shown <= allowed
    sample_view.page.select_option("#tg-speaker", "")
    sample_view.page.check("#tg-claims")
    counts = sample_view.js("window.talkgraphView.counts()")
    assert counts["visibleNodes"] == counts["nodes"] + len([c for c in data["claims"] if c["author"]])
    sample_view.page.uncheck("#tg-claims")
    sample_view.page.fill("#tg-topn", "5")
    sample_view.page.press("#tg-topn", "Enter")
    top = [n["id"] for n in data["nodes"][:5]]
    assert sorted(sample_view.js("window.talkgraphView.visibleIds()")) == sorted(top)
    assert sample_view.requests == [] and sample_view.errors == []


def test_top_n_from_python(browser, sample, tmp_path) -> None:
    view = View(browser, page_of(sample, top_n=3), tmp_path / "top.html")
    try:
        assert view.js("window.talkgraphView.counts().visibleNodes") == 3
        assert view.page.input_value("#tg-topn") == "3"
    finally:
        view.close()


HOSTILE = ['<img src=x onerror=alert(1)>', '"</script><script>alert(2)</script>', "<svg onload=alert(3)>",
           "javascript:alert(4)", "<iframe src=javascript:alert(5)>"]


def hostile_graph() -> Graph:
    g = Graph()
    doc, turn = TGR["doc/evil"], TGR["doc/evil/turn/1"]
    g.add((doc, RDF.type, TG.Transcript))
    g.add((doc, SDO.name, Literal(HOSTILE[0])))
    g.add((doc, SDO.dateCreated, Literal(HOSTILE[2])))
    g.add((turn, RDF.type, TG.Turn))
    g.add((turn, SDO.position, Literal(1)))
    g.add((turn, SDO.isPartOf, doc))
    org = TGR["organization/evil"]
    g.add((org, RDF.type, SDO.Organization))
    g.add((org, RDFS.label, Literal(HOSTILE[4])))
    for i, text in enumerate(HOSTILE):
        person = TGR[f"person/evil{i}"]
        g.add((person, RDF.type, SDO.Person))
        g.add((person, RDFS.label, Literal(text)))
        g.add((person, SKOS.altLabel, Literal(f"{HOSTILE[(i + 1) % len(HOSTILE)]} {i}")))
        g.add((person, SDO.jobTitle, Literal(text)))
        g.add((person, SDO.worksFor, org))
        g.add((doc, SDO.contributor, person))
        claim = TGR[f"doc/evil/claim/{i}"]
        g.add((claim, RDF.type, TG.Claim))
        g.add((claim, SDO.author, person))
        g.add((claim, SDO.text, Literal(text)))
        g.add((claim, SDO.about, org))
        g.add((claim, PROV.wasDerivedFrom, turn))
    g.add((turn, SDO.sender, TGR["person/evil0"]))
    return g


def test_hostile_names_do_not_execute(browser, tmp_path) -> None:
    view = View(browser, page_of(hostile_graph()), tmp_path / "evil.html")
    try:
        view.page.check("#tg-claims")
        for i, text in enumerate(HOSTILE):
            node = view.find(text)
            view.js("(id) => window.talkgraphView.select(id)", node)
            assert view.panel().startswith(text)
            box = view.page.locator("#tg-network").bounding_box()
            point = view.js(NODE_ON_SCREEN, node)
            view.page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])  # tooltip
            view.page.wait_for_timeout(300)
        view.page.fill("#tg-search", "alert")
        view.page.click("#tg-docs button")  # a participant chip
        view.page.wait_for_timeout(300)
        assert view.page.inner_text("#tg-docs h1") == HOSTILE[0]
        assert view.js("document.querySelectorAll('img, svg, iframe, [onerror], [onload]').length") == 0
        assert view.js("document.querySelectorAll('script').length") == 3
        assert view.dialogs == [] and view.requests == [] and view.errors == []
    finally:
        view.close()


def big_graph(size: int = 2000, seed: int = 7) -> Graph:
    """``size`` entities of all four kinds, with people working for and knowing each other."""
    rng = random.Random(seed)
    g = Graph()
    kinds = [(SDO.Person, "person"), (SDO.Organization, "organization"), (SDO.SoftwareApplication, "model"),
             (SDO.Place, "place")]
    by_kind: dict[str, list] = {tail: [] for _, tail in kinds}
    for i in range(size):
        cls, tail = kinds[i % len(kinds)]
        entity = TGR[f"{tail}/实体{i}"]
        g.add((entity, RDF.type, cls))
        g.add((entity, RDFS.label, Literal(f"实体{i}", lang="zh")))
        g.add((entity, TG.mentionCount, Literal(rng.randint(1, 50))))
        by_kind[tail].append(entity)
    for person in by_kind["person"]:
        g.add((person, SDO.worksFor, rng.choice(by_kind["organization"])))
        g.add((person, SDO.knows, rng.choice(by_kind["person"])))
    for org in by_kind["organization"]:
        g.add((org, SDO.parentOrganization, rng.choice(by_kind["organization"])))
    for model in by_kind["model"]:
        g.add((model, SDO.creator, rng.choice(by_kind["organization"])))
    return g


def test_two_thousand_nodes_open_and_settle(browser, tmp_path) -> None:
    graph = big_graph()
    view = View(browser, page_of(graph), tmp_path / "big.html")
    try:
        counts = view.js("window.talkgraphView.counts()")
        print(f"\n2,000-node graph: {counts['visibleNodes']} nodes, {counts['visibleEdges']} edges; settled in "
              f"{view.settle_seconds:.2f} s (in page: {view.js('talkgraphView.stabilizeMs')} ms)")
        assert counts["visibleNodes"] == 2000
        assert counts["visibleEdges"] == len(data_of(graph)["edges"])
        assert view.js("window.talkgraphView.network.physics.physicsEnabled") is False  # laid out once, then still
        assert view.settle_seconds < 60
        view.js("(n) => window.talkgraphView.setTopN(n)", 100)
        assert view.js("window.talkgraphView.counts().visibleNodes") == 100
        assert view.errors == [] and view.requests == []
    finally:
        view.close()


SURNAMES, GIVEN_NAMES = "王李赵刘陈杨黄吴周徐孙马朱胡郭何高罗郑梁", "伟芳敏静强磊军洋勇杰涛明超霞平刚华玉红玲"


def series_transcripts(folder: Path, count: int = 100, seed: int = 14) -> list[Path]:
    """``count`` short transcripts of a numbered series (第1期 … 第100期), written in a shuffled
    order: three of twenty invented guests each, saying sentences of the example panel
    recombined, so no two transcripts say the same thing in the same words."""
    from talkgraph.extract import parse_transcript, read_document

    panel = parse_transcript(read_document(SAMPLE))
    sentences = sorted({s for turn in panel.turns for s in re.findall(r"[^。！？]{8,}[。！？]", turn.text(panel.document))})
    guests = [SURNAMES[i] + GIVEN_NAMES[i] + GIVEN_NAMES[(7 * i + 3) % len(GIVEN_NAMES)] for i in range(len(SURNAMES))]
    rng = random.Random(seed)
    numbers = list(range(1, count + 1))
    rng.shuffle(numbers)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in numbers:
        cast = rng.sample(guests, 3)
        turns = [f"{name}:{''.join(rng.sample(sentences, 2))}" for name in cast + rng.sample(cast, 3)]
        text = f"大模型对话 第{n}期\n\n2021年{1 + n % 12}月{1 + n % 28}日\n\n" + "\n\n".join(turns) + "\n"
        path = folder / f"series-{n:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def series(tmp_path_factory):
    """A 100-transcript build, as ``talkgraph build`` makes it (the quads its exporter reads)."""
    from talkgraph.graph import build_graph

    return build_graph(series_transcripts(tmp_path_factory.mktemp("series")))


@pytest.fixture(scope="module")
def series_view(browser, series, tmp_path_factory):
    view = View(browser, render_html(series.quads), tmp_path_factory.mktemp("series-view") / "graph.html")
    yield view
    view.close()


def box_of(view: View, selector: str) -> dict:
    return view.page.locator(selector).bounding_box()


def test_corpus_view_gives_the_network_most_of_the_window(series_view: View) -> None:
    window = series_view.page.viewport_size
    canvas, header = box_of(series_view, "#tg-network canvas"), box_of(series_view, "#tg-header")
    legend = box_of(series_view, "#tg-legend")
    counts = series_view.js("window.talkgraphView.counts()")
    print(f"\n100 transcripts: header {header['height']:.0f} px, canvas {canvas['height']:.0f} of "
          f"{window['height']} px; {counts['visibleNodes']} nodes; settled in {series_view.settle_seconds:.2f} s")
    assert canvas["height"] >= 0.6 * window["height"]
    assert canvas["y"] >= header["y"] + header["height"] - 1
    assert legend["y"] >= header["y"] + header["height"]  # the legend never covers the header
    assert series_view.js("window.talkgraphView.network.body.nodeIndices.length") == counts["nodes"] > 20
    on_screen = series_view.js("""() => {
        const n = window.talkgraphView.network, c = document.querySelector('#tg-network canvas');
        return n.body.nodeIndices.filter((id) => { const p = n.canvasToDOM(n.getPosition(id));
            return p.x >= 0 && p.y >= 0 && p.x <= c.clientWidth && p.y <= c.clientHeight; }).length; }""")
    assert on_screen == counts["nodes"]  # fitted: every node inside the canvas
    inked = series_view.js("""() => {
        const c = document.querySelector('#tg-network canvas');
        const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let inked = 0;
        for (let i = 0; i < px.length; i += 4) if (px[i + 3] && (px[i] < 200 || px[i + 1] < 200 || px[i + 2] < 200)) inked++;
        return inked; }""")
    assert inked > 5000  # the nodes and edges are drawn, not just placed
    series_view.page.set_viewport_size({"width": 800, "height": 600})  # a small laptop window
    try:
        series_view.page.wait_for_timeout(200)
        canvas, header = box_of(series_view, "#tg-network canvas"), box_of(series_view, "#tg-header")
        assert canvas["height"] >= 0.6 * 600 and canvas["width"] >= 0.6 * 800 and header["height"] <= 100
    finally:
        series_view.page.set_viewport_size(window)
    assert series_view.errors == [] and series_view.requests == []


def test_corpus_view_header_stays_one_size(series_view: View, sample_view: View) -> None:
    assert box_of(series_view, "#tg-header")["height"] == box_of(sample_view, "#tg-header")["height"] <= 100
    assert sample_view.page.is_hidden("#tg-picker")  # one transcript: nothing to pick
    assert series_view.page.is_visible("#tg-picker")


def test_transcript_picker_sorts_naturally_searches_and_shows_participants(series_view: View, series) -> None:
    page = series_view.page
    titles = [f"大模型对话 第{n}期" for n in range(1, 101)]
    assert page.inner_text("#tg-docs h1") == titles[0]  # the first of the series, though written later
    page.click("#tg-doc-search")
    listed = page.locator("#tg-doc-list li").evaluate_all("(items) => items.map((li) => li.firstChild.textContent)")
    assert listed == titles  # 第1期 < 第2期 < 第10期
    page.fill("#tg-doc-search", "第2")
    page.press("#tg-doc-search", "ArrowDown")  # 第2期, 第20期, …: the keys move through the list
    page.press("#tg-doc-search", "Enter")
    assert page.inner_text("#tg-docs h1") == "大模型对话 第20期"
    page.fill("#tg-doc-search", "第10期")
    assert page.locator("#tg-doc-list li").count() == 1
    page.press("#tg-doc-search", "Enter")
    assert page.is_hidden("#tg-doc-list")
    assert page.inner_text("#tg-docs h1") == "大模型对话 第10期"
    picked = series_view.js("window.talkgraphView.pickedDocument()")
    (doc,) = [d for d in view_data(series.quads)["documents"] if d["id"] == picked]
    chips = page.locator("#tg-docs .tg-chip").evaluate_all("(items) => items.map((b) => b.firstChild.textContent)")
    assert chips == [p["label"] for p in doc["participants"]] and len(chips) == 3
    page.click("#tg-doc-search")
    page.fill("#tg-doc-search", chips[0])  # a participant's name finds the transcripts they are in
    found = page.locator("#tg-doc-list li").count()
    assert 0 < found < 100
    page.locator("#tg-doc-list li").first.dispatch_event("mousedown")
    assert chips[0] in page.inner_text("#tg-docs")
    page.locator("#tg-docs .tg-chip").first.click()  # a participant opens in the side panel
    assert series_view.panel().startswith(page.locator("#tg-docs .tg-chip").first.evaluate("(b) => b.firstChild.textContent"))
    assert series_view.errors == [] and series_view.requests == []


def test_query_page_linked_only_when_served(browser, sample_view: View, sample: Graph, tmp_path) -> None:
    assert sample_view.page.is_hidden("#tg-sparql")  # opened from disk: no server, no query page
    sample.serialize(tmp_path / "graph.ttl", format="turtle")
    server = subprocess.Popen([sys.executable, "-m", "talkgraph.graph", "serve", str(tmp_path / "graph.ttl"),
                               "--port", "0"], stderr=subprocess.PIPE, text=True)
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        line = server.stderr.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert url, f"serve said: {line!r}"
        page.goto(url.group(0))
        wait_until_settled(page)
        link = page.locator("#tg-sparql")
        assert link.is_visible()
        href = link.evaluate("(a) => a.href")
        assert href == url.group(0) + "sparql"
        link.click()  # the header leads to the server's query page
        page.wait_for_url(href)
        deadline = time.monotonic() + 30
        while not page.evaluate("Boolean(window.talkgraphQueryPage && window.talkgraphQueryPage.ready)"):
            assert time.monotonic() < deadline, "the query page did not open"
            page.wait_for_timeout(50)
    finally:
        page.close()
        server.terminate()
        server.wait(timeout=10)


def test_claims_show_where_their_turn_starts_in_the_recording(browser, tmp_path) -> None:
    from tests.graph.test_html_view import subtitled_build

    view = View(browser, render_html(subtitled_build(tmp_path).quads), tmp_path / "srt.html")
    try:
        view.js("(id) => window.talkgraphView.select(id)", view.find("李华"))
        assert "turn 4 · 1:02:03" in view.panel() and "turn 2 · 1:10" in view.panel()
        assert view.errors == [] and view.requests == []
    finally:
        view.close()


def test_a_builds_page_of_a_large_corpus_says_it_holds_the_most_mentioned_entities(browser, series, tmp_path,
                                                                                 monkeypatch) -> None:
    from talkgraph.graph import export_graph
    from talkgraph.graph.exporters import html

    monkeypatch.setattr(html, "BUILD_VIEW_ENTITIES", 12)
    export_graph(series, tmp_path / "out", ["html"])
    view = View(browser, (tmp_path / "out" / "graph.html").read_text(encoding="utf-8"), tmp_path / "graph.html")
    try:
        assert not view.errors and not view.requests
        note = view.page.locator("#tg-partial")
        assert note.is_visible()
        assert "This page holds the 12 most mentioned of" in note.text_content()
        assert view.js("window.talkgraphView.counts().nodes") >= 12
        assert view.js("window.talkgraphView.counts().visibleNodes") > 0
    finally:
        view.close()
    full = View(browser, render_html(series.quads), tmp_path / "full.html")
    try:
        assert not full.page.locator("#tg-partial").is_visible()
    finally:
        full.close()
