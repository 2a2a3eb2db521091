"""A new user's first run: the README's first steps as written, what `make sample` installs and
says, start-up that loads nothing heavy, and a quiet import."""
from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

from tests.helpers import ROOT

README = ROOT / "README.md"


def first_steps() -> list[str]:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"<!-- first-steps[^>]*-->\s*```sh\n(.*?)```\s*<!-- /first-steps -->", text, re.S)
    assert block, "README has no first-steps block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_the_readme_first_steps_work_as_written(tmp_path):
    """Each line runs in a shell, in a folder laid out like the repository after `make sample`."""
    (tmp_path / ".venv").symlink_to(Path(sys.executable).parent.parent)
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    steps = first_steps()
    assert len(steps) == 5 and all(step.startswith(".venv/bin/talkgraph ") for step in steps)
    outputs = []
    for step in steps:
        result = subprocess.run(["bash", "-c", step], cwd=tmp_path, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, f"{step}\n{result.stderr}"
        outputs.append(result.stdout)
    assert (tmp_path / "out" / "graph.html").is_file()
    assert "华为云" in outputs[1] and "田老师" in outputs[2] and "袁进辉" in outputs[3]
    assert outputs[4].startswith("conforms")


def test_make_sample_installs_the_tool_only_and_says_how_to_run_it(tmp_path):
    plan = subprocess.run(["make", "-n", "sample", f"VENV={tmp_path / 'venv'}"], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout
    installs = [line for line in plan.splitlines() if "pip install" in line and "--upgrade pip" not in line]
    assert installs and all("[test]" not in line for line in installs), installs
    assert "bin/talkgraph, or activate the environment" in plan
    tests = subprocess.run(["make", "-n", "test", f"VENV={tmp_path / 'venv'}"], cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout
    assert "'.[test]'" in tests


def test_pyproject_dependencies_license_and_the_pinned_view_library():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert isinstance(project["license"], str)  # an SPDX expression: setuptools deprecates the table
    tools = {re.split(r"[<>=\[ ]", dep)[0] for dep in project["optional-dependencies"]["test"]}
    assert {"pytest", "playwright", "hypothesis", "pyshacl"} <= tools
    assert not tools & {re.split(r"[<>=\[ ]", dep)[0] for dep in project["dependencies"]}
    # the committed outputs/graph.html inlines pyvis's vis-network: one pinned pyvis, the one installed
    [pyvis] = [dep for dep in project["dependencies"] if dep.startswith("pyvis")]
    assert pyvis.split("#")[0].strip() == f"pyvis=={version('pyvis')}"


def test_the_command_line_starts_without_the_heavy_libraries():
    heavy = ("jieba", "rdflib", "pyoxigraph", "networkx", "pyvis", "talkgraph.graph.pipeline")
    code = ("import sys; import talkgraph.graph.cli, talkgraph.extract.errors; "
            "from talkgraph.graph.cli import make_parser; make_parser(); "
            f"print([m for m in {heavy!r} if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_python_api_snippet_prints_no_warning():
    code = ("from talkgraph.graph import build_graph; built = build_graph(['examples/idea-2021-panel.txt']); "
            "assert built.networkx.number_of_nodes()")
    result = subprocess.run([sys.executable, "-W", "default", "-c", code], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0 and result.stderr == "", result.stderr
