"""Fixtures the graph tests share."""
from __future__ import annotations

import pytest

from tests.browsers import CHROMIUM, LAUNCH_ARGS, playwright_api


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per test module."""
    with playwright_api().sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield launched
        launched.close()
