"""The offline HTML view in a real headless Chromium: it draws, searches, explains, and stays offline.

Needs ``pip install playwright`` and Debian's ``chromium`` (``/usr/bin/chromium``); never runs
``playwright install``.  Skipped when either is missing.
"""
from __future__ import annotations

import random
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

sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright to run the browser tests")

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).parents[2]
SAMPLE = ROOT / "examples" / "idea-2021-panel.txt"
FIXTURE = ROOT / "tests" / "fixtures" / "html" / "panel.ttl"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]

NODE_ON_SCREEN = "(id) => { const n = window.talkgraphView.network; return n.canvasToDOM(n.getPosition(id)); }"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (apt-get install chromium)")


def page_of(graph: Graph, top_n: int | None = None) -> str:
    """The view of an rdflib graph, as ``talkgraph view`` makes it of a graph file."""
    return render_html(oxigraph_triples(graph), top_n=top_n)


def data_of(graph: Graph) -> dict:
    return view_data(oxigraph_triples(graph))



@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


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
        self.page.wait_for_function("window.talkgraphView && window.talkgraphView.stabilized", timeout=60_000)
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
