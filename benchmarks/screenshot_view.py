"""Build the example panel, open its HTML view in headless Chromium and save docs/view.png.

Shows what the README's screenshot shows: the header, the legend and 袁进辉's side panel.  With
``--corpus-out`` it also shoots the view of a generated 100-transcript series (the browser test's)
with its transcript picker open.  Prints how long each view took to settle, and for a generated
2,000-node graph.

    .venv/bin/python benchmarks/screenshot_view.py [--out docs/view.png] [--corpus-out FILE.png]
        [--chromium /usr/bin/chromium]

Needs ``pip install playwright`` and Debian's ``chromium`` and ``fonts-noto-cjk`` packages.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph

from talkgraph.graph.exporters.html import render_html
from talkgraph.graph.oxigraph_writer import oxigraph_triples

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "idea-2021-panel.txt"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]


def build_sample(out: Path) -> Graph:
    cli = Path(sys.executable).with_name("talkgraph")
    subprocess.run([str(cli), "build", str(SAMPLE), "-o", str(out), "--format", "turtle"], check=True)
    return Graph().parse(out / "graph.ttl", format="turtle")


def open_view(browser, html: str, path: Path):
    """Load the page from disk and wait until its layout has settled; returns (page, seconds)."""
    from test_html_browser import wait_until_settled  # on the path main() gives

    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    started = time.perf_counter()
    page.goto(path.as_uri())
    wait_until_settled(page)
    return page, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "view.png")
    parser.add_argument("--corpus-out", type=Path, help="also shoot the view of a 100-transcript series here")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests" / "graph"))
    from test_html_browser import big_graph, series_transcripts  # what the tests open

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, args=LAUNCH_ARGS)
        page, seconds = open_view(browser, render_html(oxigraph_triples(build_sample(Path(tmp)))), Path(tmp) / "graph.html")
        counts = page.evaluate("window.talkgraphView.counts()")
        print(f"sample: {counts['nodes']} nodes, {counts['edges']} edges, {counts['claims']} claims; "
              f"settled in {seconds:.2f} s")
        page.evaluate("window.talkgraphView.select(window.talkgraphView.find('袁进辉'))")
        page.evaluate("window.talkgraphView.network.fit()")
        page.wait_for_timeout(300)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(args.out))
        print(f"wrote {args.out}")
        if args.corpus_out:
            from talkgraph.graph import build_graph

            built = build_graph(series_transcripts(Path(tmp) / "series"))
            page, seconds = open_view(browser, render_html(built.quads), Path(tmp) / "series.html")
            print(f"100 transcripts: settled in {seconds:.2f} s")
            page.click("#tg-doc-search")
            page.fill("#tg-doc-search", "第1")
            page.screenshot(path=str(args.corpus_out))
            print(f"wrote {args.corpus_out}")
        page, seconds = open_view(browser, render_html(oxigraph_triples(big_graph())), Path(tmp) / "big.html")
        print(f"2,000-node graph: settled in {seconds:.2f} s")
        browser.close()


if __name__ == "__main__":
    main()
