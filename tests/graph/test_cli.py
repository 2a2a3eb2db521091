"""One end-to-end test per command, and the exit codes and one-line messages of bad input."""
from __future__ import annotations

import json
import os

import pytest
from rdflib import Graph

from tests.conftest import run_cli


def test_build_writes_graph_ontology_and_summary(tmp_path, sample_path):
    result = run_cli("build", str(sample_path), "-o", str(tmp_path / "out"), "--format", "turtle")
    assert result.returncode == 0, result.stderr
    assert "idea-2021-panel: 19 turns, 4 people" in result.stderr
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert len(graph) > 1000
    assert (tmp_path / "out" / "ontology.ttl").exists()


def test_mentions_of_a_file(sample_path):
    result = run_cli("mentions", str(sample_path))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    tian = [r for r in rows if r["entity"] == "田奇"]
    assert tian and all(r["type"] == "Person" for r in tian) and any(r["turn"] for r in tian)
    text = sample_path.read_text(encoding="utf-8")
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)


def test_mentions_lines_reads_stdin():
    result = run_cli("mentions", "--lines", stdin="华为云首席科学家田奇说\n\n阿里巴巴很大\n")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"line": 0, "start": 0, "end": 3, "type": "Organization", "text": "华为云"} in rows
    assert {"line": 0, "start": 8, "end": 10, "type": "Person", "text": "田奇"} in rows
    assert any(r["line"] == 2 and r["text"] == "阿里巴巴" for r in rows)


def test_formats_lists_turtle():
    result = run_cli("formats")
    assert result.returncode == 0 and "turtle" in result.stdout


@pytest.mark.parametrize("command", [[], ["build"], ["mentions"], ["query"], ["validate"], ["view"], ["serve"],
                                     ["formats"], ["ontology"]])
def test_help_everywhere_with_an_example(command):
    for flag in ("-h", "--help"):
        result = run_cli(*command, flag)
        assert result.returncode == 0
        assert "example" in result.stdout


@pytest.mark.parametrize("content, message", [
    (b"", "empty"), (b"\x00\x01binary\x00", "binary"), (b"\x80\xff" * 100, "not text"),
])
def test_bad_input_is_one_line_exit_1_and_no_output(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run_cli("build", str(bad), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and message in lines[0] and "bad.txt" in lines[0]
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_missing_path_and_empty_directory(tmp_path):
    assert "no such file" in run_cli("build", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o")).stderr
    (tmp_path / "empty").mkdir()
    result = run_cli("build", str(tmp_path / "empty"), "-o", str(tmp_path / "o"))
    assert result.returncode == 1 and "no transcripts" in result.stderr


def test_usage_errors_exit_2(tmp_path, sample_path):
    assert run_cli("build").returncode == 2
    assert run_cli("--no-such-flag").returncode == 2
    result = run_cli("build", str(sample_path), "-o", str(tmp_path), "--format", "nope")
    assert result.returncode == 2 and "known formats" in result.stderr


def test_unwritable_output_directory(tmp_path, sample_path):
    if os.geteuid() == 0:
        target = "/proc/talkgraph-out"  # not writable even for root
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        target = str(locked / "out")
    result = run_cli("build", str(sample_path), "-o", target, "--format", "turtle")
    assert result.returncode == 1 and result.stderr.startswith("error:") and "Traceback" not in result.stderr


def test_text_without_speakers_is_built_with_a_warning(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("这是一篇报道。华为云首席科学家田奇介绍了盘古大模型。\n", encoding="utf-8")
    result = run_cli("build", str(path), "-o", str(tmp_path / "out"), "--format", "turtle")
    assert result.returncode == 0
    assert "warning:" in result.stderr and "no speaker turns" in result.stderr


def test_the_same_graph_from_other_encodings(tmp_path, sample_path):
    text = sample_path.read_text(encoding="utf-8")
    outputs = []
    for name, data in [("utf8", text.encode("utf-8")), ("gb", text.encode("gb18030")),
                       ("bom", text.encode("utf-8-sig")), ("u16", text.encode("utf-16")),
                       ("crlf", text.replace("\n", "\r\n").encode("utf-8"))]:
        folder = tmp_path / name
        folder.mkdir()
        (folder / "panel.txt").write_bytes(data)
        assert run_cli("build", str(folder / "panel.txt"), "-o", str(folder / "out"), "--format", "turtle").returncode == 0
        outputs.append((folder / "out" / "graph.ttl").read_bytes())
    assert len(set(outputs)) == 1


def test_a_huge_one_line_file_stops_with_a_message(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        chunk = ("大模型" * 10000).encode("utf-8")
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            handle.write(chunk)
    result = run_cli("build", str(huge), "-o", str(tmp_path / "out"))
    assert result.returncode == 1 and "larger than" in result.stderr and "huge.txt" in result.stderr


@pytest.fixture(scope="module")
def built_dir(tmp_path_factory, sample_path):
    out = tmp_path_factory.mktemp("built")
    result = run_cli("build", str(sample_path), "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_query_canned_and_inline(built_dir):
    result = run_cli("query", str(built_dir / "graph.ttl"), "-q", "affiliations", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert "田奇,华为云,首席科学家" in result.stdout
    inline = ("SELECT ?n WHERE { ?p a <https://schema.org/Person> ; "
              "<http://www.w3.org/2000/01/rdf-schema#label> ?n } ORDER BY ?n")
    result = run_cli("query", str(built_dir / "graph.ttl"), inline, "--format", "tsv")
    assert result.stdout.split("\n")[1:5] == sorted(["张家兴", "田奇", "林伟", "袁进辉"])
    assert run_cli("query", str(built_dir / "graph.ttl"), "-q", "nope").returncode == 2


def test_validate_reports_conformance(built_dir, tmp_path):
    assert run_cli("validate", str(built_dir / "graph.ttl")).returncode == 0
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix tg: <https://w3id.org/talkgraph/ontology#> .\n<urn:c> a tg:Claim .\n", encoding="utf-8")
    result = run_cli("validate", str(broken))
    assert result.returncode == 1 and "schema:author" in result.stdout


def test_view_writes_one_self_contained_page(built_dir, tmp_path):
    result = run_cli("view", str(built_dir / "graph.ttl"), "-o", str(tmp_path / "v.html"), "--top", "10")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "v.html").read_text(encoding="utf-8")
    assert "<script src" not in page and "田奇" in page


def test_ontology_command():
    result = run_cli("ontology")
    assert result.returncode == 0 and "tg:Turn" in result.stdout and "talkgraph.ttl" in result.stdout
