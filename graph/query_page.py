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
from .query import canned_queries

ASSETS = Path(__file__).with_name("exporters") / "view_assets"


def render_query_page() -> bytes:
    queries = [{"name": q.name, "description": q.description, "text": q.text} for q in canned_queries().values()]
    parts = {
        "PAGE_CSS": (ASSETS / "query-page.css").read_text(encoding="utf-8"),
        "DATA": _script_json({"queries": queries}),
        "PAGE_JS": (ASSETS / "query-page.js").read_text(encoding="utf-8"),
    }
    template = (ASSETS / "query-page.html").read_text(encoding="utf-8")
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], template).encode("utf-8")
