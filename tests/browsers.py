"""A real headless Chromium for the tests that open pages: Debian's ``chromium`` driven by Playwright.

Never runs ``playwright install``; the tests that need a browser skip when Playwright or
``/usr/bin/chromium`` is missing.
"""
from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (apt-get install chromium)")


def playwright_api():
    """Playwright's synchronous API, or a skip saying how to get it."""
    return pytest.importorskip("playwright.sync_api", reason="pip install playwright to run the browser tests")
