"""Running ``talkgraph`` from tests: in this process where a test checks what a command does, in a
fresh process where it checks what a user's shell sees (exit codes, stdout, start-up).

Imported as ``tests.helpers``: pytest puts the repository root on ``sys.path`` (``pythonpath`` in
pyproject.toml), so this works however pytest is started.
"""
from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "idea-2021-panel.txt"


def run_cli(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``talkgraph`` as a user would, in a fresh process."""
    return subprocess.run([sys.executable, "-m", "talkgraph.graph", *args], input=stdin, capture_output=True,
                          text=True, cwd=cwd, timeout=300)


def call_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    """``talkgraph ARGS`` through ``cli.main`` in this process: the same parsing, commands and error
    handling as the real command, without a new interpreter's start-up for every call."""
    from talkgraph.graph.cli import main

    out, err = io.StringIO(), io.StringIO()
    real_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:  # --help and --version end through argparse's exit
                code = exc.code if isinstance(exc.code, int) else 0
    finally:
        sys.stdin = real_stdin
    return subprocess.CompletedProcess(["talkgraph", *args], code, out.getvalue(), err.getvalue())
