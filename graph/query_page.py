"""The query page ``serve`` shows at ``/sparql`` in a browser: one self-contained HTML document.

Like the view it needs nothing from the network: its script and style are inlined and the
canned queries of ``ontology/queries`` are embedded, so a user picks one, edits it, runs it and
downloads the answer as CSV or SPARQL JSON.  Its asset files sit beside the view's
(``exporters/view_assets/query-page.*``) so they ship the same way.
"""
from __future__ import annotations

import re
from pathlib import Path

from .exporters.html import _script_json
from .query import CannedQuery, canned_queries, with_name

ASSETS = Path(__file__).with_name("exporters") / "view_assets"
NAME_MARK = "@@NAME@@"  # where the page puts the name typed for a query that takes one


def _page_query(query: CannedQuery) -> dict:
    return {"name": query.name, "description": query.description, "text": query.text,
            "needsName": query.needs_name,
            "nameTemplate": with_name(query, NAME_MARK) if query.takes_name else None}


def render_query_page() -> bytes:
    queries = [_page_query(q) for q in canned_queries().values()]
    parts = {
        "PAGE_CSS": (ASSETS / "query-page.css").read_text(encoding="utf-8"),
        "DATA": _script_json({"queries": queries, "nameMark": NAME_MARK}),
        "PAGE_JS": (ASSETS / "query-page.js").read_text(encoding="utf-8"),
    }
    template = (ASSETS / "query-page.html").read_text(encoding="utf-8")
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], template).encode("utf-8")
