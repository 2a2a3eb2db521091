"""Shared fixtures: the example transcript, its build, and a runner for the CLI."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "idea-2021-panel.txt"


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


def run_cli(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``talkgraph`` as a user would, in a fresh process."""
    return subprocess.run([sys.executable, "-m", "talkgraph.graph", *args], input=stdin, capture_output=True,
                          text=True, cwd=cwd, timeout=300)
