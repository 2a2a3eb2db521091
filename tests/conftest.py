"""Shared fixtures: the example transcript and its build.  The CLI runners are in ``tests.helpers``
(``run_cli`` is also importable from here, as older tests do)."""
from __future__ import annotations

import pytest

from tests.helpers import ROOT, SAMPLE, call_cli, run_cli  # noqa: F401 - re-exported for the tests


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def built_sample():
    from talkgraph.graph import build_graph

    return build_graph([SAMPLE])


@pytest.fixture(scope="session")
def sample_transcript():
    from talkgraph.extract import parse_transcript, read_document

    return parse_transcript(read_document(SAMPLE))
