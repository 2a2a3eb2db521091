"""docs/architecture.md's examples of adding a reader, a component, an exporter and a command run as written."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "architecture.md"
BLOCKS = re.findall(r"^### (.+?)\n.*?```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S | re.M)


def test_the_page_shows_each_place_to_add_something():
    assert [title for title, _ in BLOCKS] == ["A reader", "A component", "An exporter", "A command"]


@pytest.mark.parametrize("title, code", BLOCKS, ids=[t for t, _ in BLOCKS])
def test_example_runs(title, code, tmp_path):
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
