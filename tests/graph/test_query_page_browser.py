"""The query page of ``talkgraph serve`` in a real headless Chromium (issue 14): open /sparql, pick
a canned query, run it, read the table, download CSV and JSON; no request leaves 127.0.0.1.

Needs ``pip install playwright`` and Debian's ``chromium``; never runs ``playwright install``.
"""
from __future__ import annotations

import csv
import io
import json
import threading
from pathlib import Path

import pytest

from talkgraph.graph import export_graph
from talkgraph.graph.query import canned_queries, run_query, with_name
from talkgraph.graph.query_page import render_query_page
from talkgraph.graph.server import ServerOptions, start_server

from tests.browsers import needs_chromium, playwright_api

playwright_api()
pytestmark = needs_chromium


@pytest.fixture(scope="module")
def served(tmp_path_factory, built_sample):
    out = tmp_path_factory.mktemp("query-page")
    export_graph(built_sample, out, ["turtle"])
    srv, pool = start_server([out / "graph.ttl"], b"<html><body>view</body></html>", render_query_page(),
                             ServerOptions(port=0, workers=2, timeout=10))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}", out / "graph.ttl"
    srv.shutdown()
    srv.server_close()
    pool.close()


@pytest.fixture()
def page(browser, served):
    base, _ = served
    context = browser.new_context(accept_downloads=True, viewport={"width": 1300, "height": 900})
    page = context.new_page()
    page.foreign = []
    page.errors = []

    def route(request_route):
        if request_route.request.url.startswith(base + "/"):
            request_route.continue_()
        else:
            page.foreign.append(request_route.request.url)
            request_route.abort()
    page.route("**/*", route)
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.goto(f"{base}/sparql")
    page.wait_for_function("window.talkgraphQueryPage && window.talkgraphQueryPage.ready")
    yield page
    context.close()


def table(page) -> tuple[list[str], list[list[str]]]:
    header = page.locator("#qp-results th").all_inner_texts()
    rows = page.eval_on_selector_all("#qp-results tbody tr",
                                     "rows => rows.map(r => Array.from(r.cells, c => c.textContent))")
    return header, rows


def expected(graph_ttl, name: str) -> tuple[list[str], list[list[str]]]:
    result = run_query([graph_ttl], canned_queries()[name].text)
    return result.variables, [["" if t is None else t.value for t in row] for row in result.terms]


def test_pick_a_canned_query_run_it_and_read_the_table(page, served):
    _, graph_ttl = served
    names = page.eval_on_selector_all("#qp-canned option", "options => options.map(o => o.value).filter(Boolean)")
    assert names == sorted(canned_queries())
    page.select_option("#qp-canned", "affiliations")
    assert page.input_value("#qp-query") == canned_queries()["affiliations"].text
    page.click("#qp-run")
    page.wait_for_selector("#qp-results[data-done]")
    header, rows = table(page)
    want_header, want_rows = expected(graph_ttl, "affiliations")
    assert header == want_header and rows and sorted(rows) == sorted(want_rows)
    assert f"{len(rows)} 行 rows" in page.inner_text("#qp-status")
    assert page.foreign == [] and page.errors == []


def test_download_csv_and_json(page, served):
    _, graph_ttl = served
    page.select_option("#qp-canned", "models")
    page.click("#qp-run")
    page.wait_for_selector("#qp-results[data-done]")
    want_header, want_rows = expected(graph_ttl, "models")
    with page.expect_download() as download:
        page.click("#qp-csv")
    assert download.value.suggested_filename == "results.csv"
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert rows[0] == want_header and len(rows) - 1 == len(want_rows)
    with page.expect_download() as download:
        page.click("#qp-json")
    answer = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert answer["head"]["vars"] == want_header and len(answer["results"]["bindings"]) == len(want_rows)
    assert page.foreign == []


def test_a_bad_query_shows_the_servers_message(page):
    page.fill("#qp-query", "SELECT ?x WHERE { ?x ?y }")
    page.click("#qp-run")
    page.wait_for_selector("#qp-error:not([hidden])")
    assert page.inner_text("#qp-error").startswith("not a valid SPARQL query")
    page.fill("#qp-query", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    page.click("#qp-run")
    page.wait_for_function("document.querySelector('#qp-error').textContent.includes('SERVICE')")
    assert page.foreign == []


def test_a_construct_query_shows_turtle(page):
    page.fill("#qp-query", "PREFIX schema: <https://schema.org/> CONSTRUCT { ?p a schema:Person } "
                           "WHERE { ?p a schema:Person }")
    page.focus("#qp-query")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#qp-results pre")
    assert "schema.org/Person" in page.inner_text("#qp-results pre")
    assert page.is_disabled("#qp-csv")


def test_the_page_links_back_to_the_view(page, served):
    base, _ = served
    page.click("#qp-view-link")
    page.wait_for_load_state()
    assert page.url == f"{base}/" and "view" in page.content()


def test_a_query_that_needs_a_name_asks_for_one_and_uses_it(page, served):
    _, graph_ttl = served
    page.select_option("#qp-canned", "entity")
    assert page.is_visible("#qp-name")
    page.click("#qp-run")
    page.wait_for_selector("#qp-error:not([hidden])")
    assert "needs a name" in page.inner_text("#qp-error")
    page.fill("#qp-name", "田奇")
    assert '"田奇"' in page.input_value("#qp-query")
    page.press("#qp-name", "Enter")
    page.wait_for_selector("#qp-results[data-done]")
    _, rows = table(page)
    result = run_query([graph_ttl], with_name(canned_queries()["entity"], "田奇"))
    assert rows and len(rows) == len(result.terms) and all(row[0] == "田奇" for row in rows)
    page.select_option("#qp-canned", "models")
    assert not page.is_visible("#qp-name")
