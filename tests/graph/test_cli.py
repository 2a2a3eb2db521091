"""One end-to-end test per command, and the exit codes and one-line messages of bad input.

What a command does is tested through ``call_cli`` (``cli.main`` in this process); what only a real
process shows (exit status, stdout, start-up, ``--help`` and ``--version``) through ``run_cli``.
"""
from __future__ import annotations

import json
import os
import urllib.parse
import urllib.request
from importlib.metadata import version

import pytest
from rdflib import Graph

from talkgraph.graph.commands import COMMAND_MODULES
from tests.helpers import ROOT, call_cli, run_cli


def test_build_writes_graph_ontology_and_summary(tmp_path, sample_path):
    result = call_cli("build", str(sample_path), "-o", str(tmp_path / "out"), "--format", "turtle")
    assert result.returncode == 0, result.stderr
    assert "idea-2021-panel: format: dialogue, 19 turns (" in result.stderr
    assert "张家兴 6, 田奇 5, 林伟 4, 袁进辉 4), 4 people" in result.stderr
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert len(graph) > 1000
    assert (tmp_path / "out" / "ontology.ttl").exists()


def test_mentions_of_a_file(sample_path):
    result = call_cli("mentions", str(sample_path))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    tian = [r for r in rows if r["entity"] == "田奇"]
    assert tian and all(r["type"] == "Person" for r in tian) and any(r["turn"] for r in tian)
    text = sample_path.read_text(encoding="utf-8")
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)


def test_mentions_lines_reads_stdin():
    result = call_cli("mentions", "--lines", stdin="华为云首席科学家田奇说\n\n阿里巴巴很大\n")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"line": 0, "start": 0, "end": 3, "type": "Organization", "text": "华为云"} in rows
    assert {"line": 0, "start": 8, "end": 10, "type": "Person", "text": "田奇"} in rows
    assert any(r["line"] == 2 and r["text"] == "阿里巴巴" for r in rows)


def test_formats_lists_turtle():
    result = call_cli("formats")
    assert result.returncode == 0 and "turtle" in result.stdout


@pytest.mark.parametrize("command", [[]] + [[name] for name in COMMAND_MODULES])
def test_help_everywhere_with_an_example(command):
    for flag in ("-h", "--help"):
        result = call_cli(*command, flag)
        assert result.returncode == 0
        assert "example" in result.stdout


def test_help_and_version_in_a_real_process():
    result = run_cli("--help")
    assert result.returncode == 0 and all(name in result.stdout for name in COMMAND_MODULES)
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout == f"talkgraph {version('talkgraph')}\n"


@pytest.mark.parametrize("content, message", [
    (b"", "empty"), (b"\x00\x01binary\x00", "binary"), (b"\x80\xff" * 100, "not text"),
])
def test_bad_input_is_one_line_exit_1_and_no_output(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = (run_cli if message == "empty" else call_cli)("build", str(bad), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and message in lines[0] and "bad.txt" in lines[0]
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_missing_path_and_empty_directory(tmp_path):
    assert "no such file" in call_cli("build", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o")).stderr
    (tmp_path / "empty").mkdir()
    result = call_cli("build", str(tmp_path / "empty"), "-o", str(tmp_path / "o"))
    assert result.returncode == 1 and "no transcripts" in result.stderr


def test_usage_errors_exit_2(tmp_path, sample_path):
    assert run_cli("build").returncode == 2
    assert run_cli("--no-such-flag").returncode == 2
    result = call_cli("build", str(sample_path), "-o", str(tmp_path), "--format", "nope")
    assert result.returncode == 2 and "known formats" in result.stderr


def test_unwritable_output_directory(tmp_path, sample_path):
    if os.geteuid() == 0:
        target = "/proc/talkgraph-out"  # not writable even for root
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        target = str(locked / "out")
    result = call_cli("build", str(sample_path), "-o", target, "--format", "turtle")
    assert result.returncode == 1 and result.stderr.startswith("error:") and "Traceback" not in result.stderr


def test_text_without_speakers_is_built_with_a_warning(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("这是一篇报道。华为云首席科学家田奇介绍了盘古大模型。\n", encoding="utf-8")
    result = call_cli("build", str(path), "-o", str(tmp_path / "out"), "--format", "turtle")
    assert result.returncode == 0
    assert "warning:" in result.stderr and "no speaker turns" in result.stderr


def test_a_transcript_whose_turns_hold_little_of_its_text_is_built_with_a_warning(tmp_path, sample_path):
    path = tmp_path / "captions.txt"
    unlabelled = "".join(f"这是第{n}段没有标注说话人的字幕，内容很长，讲的是模型和数据的关系。\n\n" for n in range(12))
    path.write_text(f"{unlabelled}陶然：大家好。\n\n韩立：你好。\n", encoding="utf-8")
    result = call_cli("build", str(path), "-o", str(tmp_path / "out"), "--format", "turtle")
    assert result.returncode == 0 and "warning:" in result.stderr and "of the text is in speaker turns" in result.stderr
    sample = call_cli("build", str(sample_path), "-o", str(tmp_path / "sample"), "--format", "turtle")
    assert "of the text is in speaker turns" not in sample.stderr  # an article around a panel holds less, and is right


def test_the_same_graph_from_other_encodings(tmp_path, sample_path):
    text = sample_path.read_text(encoding="utf-8")
    outputs = []
    for name, data in [("utf8", text.encode("utf-8")), ("gb", text.encode("gb18030")),
                       ("bom", text.encode("utf-8-sig")), ("u16", text.encode("utf-16")),
                       ("crlf", text.replace("\n", "\r\n").encode("utf-8"))]:
        folder = tmp_path / name
        folder.mkdir()
        (folder / "panel.txt").write_bytes(data)
        assert call_cli("build", str(folder / "panel.txt"), "-o", str(folder / "out"), "--format", "turtle").returncode == 0
        outputs.append((folder / "out" / "graph.ttl").read_bytes())
    assert len(set(outputs)) == 1


def test_a_huge_one_line_file_stops_with_a_message(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        chunk = ("大模型" * 10000).encode("utf-8")
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            handle.write(chunk)
    result = call_cli("build", str(huge), "-o", str(tmp_path / "out"))
    assert result.returncode == 1 and "larger than" in result.stderr and "huge.txt" in result.stderr


@pytest.fixture(scope="module")
def built_dir(tmp_path_factory, sample_path):
    out = tmp_path_factory.mktemp("built")
    result = call_cli("build", str(sample_path), "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_query_canned_and_inline(built_dir):
    result = run_cli("query", str(built_dir / "graph.ttl"), "-q", "affiliations", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert "田奇,华为云,首席科学家" in result.stdout
    inline = ("SELECT ?n WHERE { ?p a <https://schema.org/Person> ; "
              "<http://www.w3.org/2000/01/rdf-schema#label> ?n } ORDER BY ?n")
    result = call_cli("query", str(built_dir / "graph.ttl"), inline, "--format", "tsv")
    assert result.stdout.split("\n")[1:5] == sorted(["张家兴", "田奇", "林伟", "袁进辉"])
    assert call_cli("query", str(built_dir / "graph.ttl"), "-q", "nope").returncode == 2
    named = call_cli("query", str(built_dir / "graph.ttl"), "speakers")  # a canned name where the text goes
    assert named.returncode == 2 and named.stderr.strip() == "error: 'speakers' is a canned query: run it with -q speakers"


def test_validate_reports_conformance(built_dir, tmp_path):
    assert call_cli("validate", str(built_dir / "graph.ttl")).returncode == 0
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix tg: <https://w3id.org/talkgraph/ontology#> .\n<urn:c> a tg:Claim .\n", encoding="utf-8")
    result = call_cli("validate", str(broken))
    assert result.returncode == 1 and "schema:author" in result.stdout


def test_view_writes_one_self_contained_page(built_dir, tmp_path):
    result = call_cli("view", str(built_dir / "graph.ttl"), "-o", str(tmp_path / "v.html"), "--top", "10")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "v.html").read_text(encoding="utf-8")
    assert "<script src" not in page and "田奇" in page


def test_ontology_command():
    result = call_cli("ontology")
    assert result.returncode == 0 and "tg:Turn" in result.stdout and "talkgraph.ttl" in result.stdout


@pytest.fixture(scope="module")
def stored(tmp_path_factory, sample_path):
    """A build kept in a --store folder (and its N-Quads file)."""
    root = tmp_path_factory.mktemp("stored")
    result = call_cli("build", str(sample_path), "-o", str(root / "out"), "--store", str(root / "db"), "--format", "nq")
    assert result.returncode == 0, result.stderr
    return root


def test_query_reads_a_file_an_output_folder_and_a_store_alike(built_dir, stored):
    answers = [call_cli("query", str(source), "-q", "affiliations", "--format", "csv")
               for source in (built_dir / "graph.ttl", built_dir, stored / "db", stored / "out")]
    assert all(a.returncode == 0 for a in answers), [a.stderr for a in answers]
    assert "田奇,华为云,首席科学家" in answers[0].stdout
    assert len({a.stdout for a in answers}) == 1


def test_validate_and_view_read_folders_and_stores(built_dir, stored, tmp_path):
    for source in (built_dir, stored / "db"):
        result = call_cli("validate", str(source))
        assert result.returncode == 0 and result.stdout.startswith("conforms"), result.stderr
    result = call_cli("view", str(stored / "db"), "-o", str(tmp_path / "store.html"))
    assert result.returncode == 0 and "田奇" in (tmp_path / "store.html").read_text(encoding="utf-8")


def test_serve_answers_from_a_store_folder(stored):
    from talkgraph.graph.server import ServerOptions, start_server

    server, runner = start_server([stored / "db"], b"<html></html>", b"", ServerOptions(port=0, timeout=10, workers=1))
    import threading

    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?p a <https://schema.org/Person> }"})
        request = urllib.request.Request(f"http://127.0.0.1:{server.server_address[1]}/sparql?{query}",
                                         headers={"Accept": "text/csv"})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert int(response.read().decode().split()[1]) >= 4
    finally:
        server.shutdown()
        server.server_close()
        runner.close()


def test_graph_commands_tell_what_to_do_with_a_transcript_or_an_empty_folder(sample_path, tmp_path):
    for command in (["query", str(sample_path), "-q", "models"], ["validate", str(sample_path)],
                    ["view", str(sample_path), "-o", str(tmp_path / "v.html")]):
        result = call_cli(*command)
        assert result.returncode == 1
        assert "this is a transcript, not a graph; build it first: 'talkgraph build" in result.stderr, result.stderr
    result = call_cli("query", str(tmp_path), "-q", "models")
    assert result.returncode == 1 and "no built graph here" in result.stderr and "talkgraph build" in result.stderr
    assert not (tmp_path / "v.html").exists()


def test_validate_refuses_a_file_with_no_graph_data(built_dir):
    result = call_cli("validate", str(built_dir / "ontology.ttl"))
    assert result.returncode == 1 and "no graph data to check" in result.stderr and "conforms" not in result.stdout


def test_query_table_prefixes_full_iris_and_select_star(built_dir):
    query = "SELECT * WHERE { ?person a schema:Person ; rdfs:label \"田奇\"@zh ; schema:worksFor ?org }"
    table = call_cli("query", str(built_dir), query)
    assert table.returncode == 0, table.stderr
    header, _, row = table.stdout.splitlines()[:3]
    assert header.split() == ["person", "org"]
    assert row.split() == ["tgr:person/田奇", "tgr:organization/华为云"]
    full = call_cli("query", str(built_dir), query, "--full-iris")
    assert "https://w3id.org/talkgraph/id/person/田奇" in full.stdout
    typed = call_cli("query", str(built_dir), "SELECT ?t WHERE { ?p rdfs:label \"田奇\"@zh ; a ?t }")
    assert "schema:Person" in typed.stdout and "https://schema.org/" not in typed.stdout


def test_construct_prints_turtle(built_dir):
    query = "CONSTRUCT { ?p schema:worksFor ?o } WHERE { ?p schema:worksFor ?o }"
    result = call_cli("query", str(built_dir), query)
    assert result.returncode == 0, result.stderr
    graph = Graph().parse(data=result.stdout, format="turtle")
    assert len(graph) >= 3 and "@prefix schema:" in result.stdout
    refused = call_cli("query", str(built_dir), query, "--format", "csv")
    assert refused.returncode == 2 and "printed as Turtle" in refused.stderr


def test_entity_query_needs_a_name_everywhere_alike(built_dir):
    listing = call_cli("query", "--list").stdout
    assert [line for line in listing.splitlines() if line.startswith("entity ")][0].endswith("(needs --name)")
    result = call_cli("query", str(built_dir), "-q", "entity")
    assert result.returncode == 2 and "needs a name: add --name NAME" in result.stderr
    named = call_cli("query", str(built_dir), "-q", "entity", "--name", "田奇", "--format", "csv")
    assert named.returncode == 0 and "华为云" in named.stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`entity` needs `--name`" in readme


@pytest.mark.parametrize("name, filename", [("nq", "graph.nq"), ("nquads", "graph.nq"), ("rdf", "graph.rdf"),
                                            ("xml", "graph.rdf"), ("ttl", "graph.ttl")])
def test_format_names_match_file_suffixes(tmp_path, sample_path, name, filename):
    result = call_cli("build", str(sample_path), "-o", str(tmp_path), "--format", name, "--no-validate")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / filename).is_file()
    assert f"{name}" in call_cli("formats").stdout


def test_ontology_columns_line_up_by_display_width():
    from talkgraph.graph.display import display_width

    lines = [line for line in call_cli("ontology").stdout.splitlines() if "⊑" in line]
    assert any(any("\u4e00" <= ch <= "\u9fff" for ch in line) for line in lines)
    assert len({display_width(line[:line.index("⊑")]) for line in lines}) == 1


def test_mentions_lines_reads_a_file(tmp_path):
    texts = tmp_path / "texts.txt"
    texts.write_text("华为云首席科学家田奇说\n阿里巴巴很大\n", encoding="utf-8")
    from_file = call_cli("mentions", "--lines", str(texts))
    assert from_file.returncode == 0
    assert from_file.stdout == call_cli("mentions", "--lines", stdin=texts.read_text(encoding="utf-8")).stdout
    assert '"田奇"' in from_file.stdout
    missing = call_cli("mentions", "--lines", str(tmp_path / "nope.txt"))
    assert missing.returncode == 1 and "no such file" in missing.stderr


def test_validate_checks_separate_builds_each_on_its_own(built_dir, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("王小明：华为云和清华大学都来了。\n\n李华：清华大学的团队很强。\n\n王小明：好。\n", encoding="utf-8")
    assert call_cli("build", str(other), "-o", str(tmp_path / "out")).returncode == 0
    result = call_cli("validate", str(built_dir), str(tmp_path / "out"))
    assert result.returncode == 0, result.stdout + result.stderr  # each build counts its own mentions
    assert result.stdout.count("conforms: ") == 2
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix tg: <https://w3id.org/talkgraph/ontology#> .\n<urn:c> a tg:Claim .\n", encoding="utf-8")
    result = call_cli("validate", str(built_dir), str(broken))
    assert result.returncode == 1 and f"does not conform: {broken}" in result.stderr
