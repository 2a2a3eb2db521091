"""The built graph keeps the output contract, in RDF and in NetworkX, and is deterministic."""
from __future__ import annotations

import errno
import gc
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from talkgraph.extract import extract, parse_transcript
from talkgraph.extract.errors import OutputError
from talkgraph.extract.reading import document_from_text
from talkgraph.extract.resolve import resolve_aliases
from talkgraph.graph import build_from_documents, build_graph, datasets, export_graph
from talkgraph.graph.build import resolved_facts
from talkgraph.graph.pipeline import cyclic_gc_paused
from talkgraph.ontology.namespace import NIF, SDO, TG
from tests.helpers import run_cli

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


def label_of(graph, node):
    return str(graph.value(node, RDFS.label))


def test_turns_are_messages_with_sender_position_and_text(built_sample):
    g = built_sample.rdf
    turns = sorted(g.subjects(RDF.type, TG.Turn), key=lambda t: int(g.value(t, SDO.position)))
    assert [int(g.value(t, SDO.position)) for t in turns] == list(range(1, 20))
    assert label_of(g, g.value(turns[0], SDO.sender)) == "张家兴"
    assert "这个人就是林伟" in str(g.value(turns[0], SDO.text))


def test_entities_have_language_tagged_labels_and_aliases(built_sample):
    g = built_sample.rdf
    people = {label_of(g, p) for p in g.subjects(RDF.type, SDO.Person)}
    assert people == {"张家兴", "田奇", "林伟", "袁进辉"}
    tian = next(p for p in g.subjects(RDF.type, SDO.Person) if label_of(g, p) == "田奇")
    assert g.value(tian, RDFS.label).language == "zh"
    assert {"田老师", "田奇老师"} <= {str(a) for a in g.objects(tian, SKOS.altLabel)}


def test_a_post_stated_with_and_without_its_organisation_is_one_role(built_sample):
    g = built_sample.rdf  # 华为云人工智能领域首席科学家田奇, and 首席科学家 again without 华为云
    tian = next(p for p in g.subjects(RDF.type, SDO.Person) if label_of(g, p) == "田奇")
    roles = list(g.objects(tian, TG.holdsRole))
    assert [str(g.value(r, SDO.roleName)) for r in roles] == ["首席科学家"]
    assert label_of(g, g.value(roles[0], TG.atOrganization)) == "华为云"


def test_claims_have_author_text_turn_and_offsets(built_sample):
    g = built_sample.rdf
    claims = list(g.subjects(RDF.type, TG.Claim))
    assert claims
    for claim in claims:
        assert g.value(claim, SDO.author) is not None
        assert (g.value(claim, PROV.wasDerivedFrom), RDF.type, TG.Turn) in g
        context = g.value(claim, NIF.referenceContext)
        text = str(g.value(context, NIF.isString))
        begin, end = int(g.value(claim, NIF.beginIndex)), int(g.value(claim, NIF.endIndex))
        assert text[begin:end] == str(g.value(claim, SDO.text)) == str(g.value(claim, NIF.anchorOf))


def test_every_offset_slices_back_to_its_anchor(built_sample):
    g = built_sample.rdf
    checked = 0
    for node in g.subjects(NIF.anchorOf, None):
        text = str(g.value(g.value(node, NIF.referenceContext), NIF.isString))
        assert text[int(g.value(node, NIF.beginIndex)):int(g.value(node, NIF.endIndex))] == str(g.value(node, NIF.anchorOf))
        checked += 1
    assert checked > 100


def test_the_transcript_has_title_date_moderator_and_participants(built_sample):
    g = built_sample.rdf
    doc = next(g.subjects(RDF.type, TG.Transcript))
    assert str(g.value(doc, SDO.dateCreated)) == "2021-12-06"
    assert label_of(g, g.value(doc, TG.moderator)) == "张家兴"
    assert len(set(g.objects(doc, SDO.contributor))) == 4


def test_no_blank_nodes(built_sample):
    from rdflib import BNode

    assert not any(isinstance(x, BNode) for triple in built_sample.rdf for x in triple)


def test_networkx_and_rdf_come_from_the_same_facts(built_sample):
    nxg, g = built_sample.networkx, built_sample.rdf
    works = {(nxg.nodes[s]["label"], nxg.nodes[o]["label"]) for s, o, k in nxg.edges(keys=True) if k == "worksFor"}
    rdf_works = {(label_of(g, s), label_of(g, o)) for s, o in g.subject_objects(SDO.worksFor)}
    assert works == rdf_works and ("田奇", "华为云") in works


def test_the_same_input_gives_byte_identical_files(tmp_path, sample_path):
    a, b = tmp_path / "a", tmp_path / "b"
    export_graph(build_graph([sample_path]), a, ["turtle"])
    export_graph(build_graph([sample_path]), b, ["turtle"])
    assert (a / "graph.ttl").read_bytes() == (b / "graph.ttl").read_bytes()


def test_golden_excerpt(tmp_path):
    """A small transcript written for this test; regenerate with TALKGRAPH_UPDATE_GOLDEN=1."""
    export_graph(build_graph([GOLDEN / "excerpt.txt"]), tmp_path, ["turtle"])
    produced = (tmp_path / "graph.ttl").read_text(encoding="utf-8")
    golden = GOLDEN / "excerpt.ttl"
    if os.environ.get("TALKGRAPH_UPDATE_GOLDEN"):
        golden.write_text(produced, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    assert isomorphic(Graph().parse(data=produced, format="turtle"), Graph().parse(data=expected, format="turtle"))
    assert produced == expected


def test_turtle_has_no_escaped_slashes(built_sample):
    assert "\\/" not in built_sample.rdf.serialize(format="turtle")


def test_each_quad_is_in_the_named_graph_the_rule_gives(built_sample):
    """The build places quads as it makes them; ``datasets.named_graph_of`` is the rule for files."""
    transcripts = datasets.transcripts_of(built_sample.rdf)
    for quad in built_sample.quads:
        expected = datasets.named_graph_of(URIRef(quad.subject.value), transcripts)
        assert quad.graph_name.value == str(expected), quad


def test_a_build_kept_on_disk_is_the_same_graph(sample_path, built_sample):
    on_disk = build_graph([sample_path], on_disk=True)
    assert on_disk.quads == built_sample.quads
    assert on_disk.summaries() == built_sample.summaries()


def test_turtle_states_each_subject_once(tmp_path, built_sample):
    export_graph(built_sample, tmp_path, ["turtle"])
    subjects = re.findall(r"^<([^>]+)>", (tmp_path / "graph.ttl").read_text(encoding="utf-8"), re.M)
    assert len(subjects) == len(set(subjects)) == len({q.subject for q in built_sample.quads})


def test_pausing_the_cyclic_collector_restores_its_state():
    for enabled in (True, False):
        gc.enable() if enabled else gc.disable()
        with cyclic_gc_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        try:
            with cyclic_gc_paused():
                raise KeyboardInterrupt
        except KeyboardInterrupt:
            pass
        assert gc.isenabled() is enabled
    gc.enable()


# --- every output of one build is committed together ---------------------------------------------

SMALL = "王小明：今天请到星河科技创始人赵一凡。\n\n赵一凡：谢谢。我认为开源模型一定会赢。\n\n王小明：好。\n"


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _failing_exporter(monkeypatch, error: BaseException) -> str:
    """An exporter that writes part of its file, then fails as a full disk or a bug would."""
    from talkgraph.graph.exporters import EXPORTERS, Exporter, atomic_write

    def write(built, path):
        with atomic_write(path) as handle:
            handle.write("partial")
            raise error

    monkeypatch.setitem(EXPORTERS, "failing", Exporter("failing", "graph.failing", "fails half-way", write))
    return "failing"


@pytest.mark.parametrize("error", [OSError(errno.ENOSPC, "No space left on device"), RuntimeError("a bug")])
def test_a_failure_half_way_leaves_the_previous_outputs_whole(tmp_path, monkeypatch, built_sample, error):
    out = tmp_path / "out"
    export_graph(built_sample, out, ["turtle", "nquads"])
    before = folder_bytes(out)
    other = build_from_documents([document_from_text(SMALL, doc_id="small")])
    failing = _failing_exporter(monkeypatch, error)
    expected = OutputError if isinstance(error, OSError) else RuntimeError
    with pytest.raises(expected) as raised:
        export_graph(other, out, ["turtle", failing, "nquads"])  # turtle and ontology written before it fails
    assert folder_bytes(out) == before  # nothing new, nothing half-written, no staging folder left
    if expected is OutputError:
        assert "graph.failing" in str(raised.value) and "previous outputs are unchanged" in str(raised.value)


def test_a_folder_output_is_replaced_with_the_files(tmp_path, built_sample):
    out = tmp_path / "out"
    export_graph(build_from_documents([document_from_text(SMALL, doc_id="small")]), out, ["turtle", "neo4j"])
    stale = out / "neo4j" / "stale.csv"
    stale.write_text("left from before", encoding="utf-8")
    export_graph(built_sample, out, ["turtle", "neo4j"])
    assert not stale.exists() and (out / "neo4j").is_dir() and any((out / "neo4j").iterdir())
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl", "neo4j", "ontology.ttl"]


def test_a_rename_that_fails_half_way_is_undone(tmp_path, monkeypatch, built_sample):
    """Renames need no space, but a file system may still refuse one (an I/O error): those done
    are undone, so the folder keeps the previous set.  The failure is injected, as no real file
    system here fails a rename on demand."""
    out = tmp_path / "out"
    export_graph(built_sample, out, ["turtle", "neo4j"])
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    real_replace, into_place = os.replace, []

    def failing_second_move(source, target):
        if Path(target).parent == out:
            into_place.append(target)
            if len(into_place) == 2:
                raise OSError(errno.EIO, "Input/output error")
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", failing_second_move)
    with pytest.raises(OutputError, match="previous outputs are unchanged"):
        export_graph(build_from_documents([document_from_text(SMALL, doc_id="small")]), out, ["turtle", "neo4j"])
    monkeypatch.undo()
    assert len(into_place) >= 2  # the second failed; the undoing moves back what the first replaced
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_the_staging_folder_of_a_killed_build_is_removed_by_the_next(tmp_path, built_sample):
    out = tmp_path / "out"
    killed = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    abandoned = out / f".talkgraph-staging.{killed.stdout.strip()}.x"  # its process has ended
    (abandoned / "neo4j").mkdir(parents=True)
    (abandoned / "graph.ttl").write_text("half", encoding="utf-8")
    mine = out / f".talkgraph-staging.{os.getpid()}.y"  # a build still running
    mine.mkdir()
    export_graph(built_sample, out, ["turtle"])
    assert sorted(p.name for p in out.iterdir()) == sorted([mine.name, "graph.ttl", "ontology.ttl"])


FULL_DISK = """
import resource, sys
import jieba
jieba.initialize()  # its cache file is written before the limit
resource.setrlimit(resource.RLIMIT_FSIZE, (300_000, 300_000))
from talkgraph.graph.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_full_disk_is_one_line_and_the_previous_outputs_stay_whole(tmp_path, sample_path):
    """A file-size limit makes writing fail with EFBIG as a full disk fails with ENOSPC: the turtle
    (under the limit) is written, the page (over it) is not; the folder keeps the previous build."""
    out = tmp_path / "out"
    assert run_cli("build", str(sample_path), "-o", str(out)).returncode == 0
    before = folder_bytes(out)
    small = tmp_path / "small.txt"
    small.write_text(SMALL, encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", FULL_DISK, "build", str(small), "-o", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "graph.html" in errors[0] and "unchanged" in errors[0], result.stderr
    assert "Traceback" not in result.stderr
    assert folder_bytes(out) == before


# --- bad inputs: each one line, never a hang or a traceback; --keep-going builds the rest -------

ODD_NAME = os.fsdecode(b"odd\nname\x1b[2J\xff.txt")  # a newline, a terminal escape, a byte that is not UTF-8


def bad_folder(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """Two good transcripts and one of each bad kind, with the reason each must be named for."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(SMALL, encoding="utf-8")
    (folder / "sub" / "other.txt").write_text(SMALL.replace("赵一凡", "钱二宝"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "dangling.txt").symlink_to("nowhere.txt")
    (folder / ODD_NAME).write_bytes(b"")
    (folder / "sub" / "up").symlink_to("..")  # a link to a parent folder: walked once, no loop
    return folder, {"empty.txt": "empty", "binary.txt": "binary", "pipe.txt": "FIFO", "loop.txt": "loops",
                    "dangling.txt": "does not exist", "odd\\nname\\x1b[2J\\xff.txt": "empty"}


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error: ")]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_keep_going_builds_the_good_transcripts_and_names_every_bad_one(tmp_path, jobs):
    folder, reasons = bad_folder(tmp_path)
    result = run_cli("build", str(folder), "-o", str(tmp_path / "out"), "--keep-going", "-j", jobs)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "\x1b" not in result.stderr
    errors = error_lines(result.stderr)
    assert len(errors) == len(reasons) + 1, result.stderr
    for name, reason in reasons.items():
        assert sum(f"/{name}: " in line and reason in line for line in errors) == 1, (name, result.stderr)
    assert "6 transcript(s) could not be read" in errors[-1] and "the other 2" in errors[-1]
    graph = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    assert {str(s).rsplit("/", 1)[-1] for s in graph.subjects(RDF.type, TG.Transcript)} == {"good", "other"}


def test_without_keep_going_the_first_bad_input_stops_the_build(tmp_path):
    folder, _ = bad_folder(tmp_path)
    result = run_cli("build", str(folder), "-o", str(tmp_path / "out"))
    assert result.returncode == 1 and len(error_lines(result.stderr)) == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_keep_going_with_nothing_readable_writes_nothing(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_cli("build", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out"),
                     "--keep-going")
    assert result.returncode == 1
    errors = error_lines(result.stderr)
    assert len(errors) == 3 and "no such file" in errors[0] + errors[1] and "none of the 2" in errors[2]
    assert not (tmp_path / "out" / "graph.ttl").exists()


@pytest.mark.parametrize("make, reason", [(os.mkfifo, "is a named pipe (FIFO), not a transcript file"),
                                          (lambda p: p.symlink_to(p.name),
                                           "a symbolic link that loops (it leads back to itself)")])
def test_a_fifo_or_a_looping_link_given_as_a_file_is_one_line(tmp_path, make, reason):
    path = tmp_path / "x.txt"
    make(path)
    result = run_cli("build", str(path), "-o", str(tmp_path / "out"))
    assert (result.returncode, result.stderr) == (1, f"error: {path}: {reason}\n")


def test_an_odd_file_name_is_built_and_printed_escaped(tmp_path):
    (tmp_path / ODD_NAME).write_text(SMALL, encoding="utf-8")
    result = run_cli("build", str(tmp_path / ODD_NAME), "-o", str(tmp_path / "out"), "--format", "turtle")
    assert result.returncode == 0, result.stderr
    graph = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    assert [str(name) for name in graph.objects(None, TG.sourceFile)] == ["odd\nname\x1b[2J\ufffd.txt"]
    assert "\x1b" not in result.stderr


def _without_root_powers() -> list[str]:
    """A command prefix under which permissions hold: root reads any folder unless it gives up the
    capabilities that let it (``setpriv``, util-linux)."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: an unreadable folder cannot be made")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]


def test_an_unreadable_folder_or_file_is_named_not_skipped(tmp_path):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "good.txt").write_text(SMALL, encoding="utf-8")
    (folder / "locked" / "hidden.txt").write_text(SMALL, encoding="utf-8")
    (folder / "secret.txt").write_text(SMALL, encoding="utf-8")
    os.chmod(folder / "secret.txt", 0o000)
    os.chmod(folder / "locked", 0o000)
    try:
        result = subprocess.run([*_without_root_powers(), sys.executable, "-m", "talkgraph.graph", "build",
                                 str(folder), "-o", str(tmp_path / "out"), "--keep-going"],
                                capture_output=True, text=True, timeout=300)
    finally:
        os.chmod(folder / "locked", 0o755)
    assert result.returncode == 1, result.stderr
    assert error_lines(result.stderr)[:2] == [
        f"error: {folder / 'locked'}: cannot be read (Permission denied); the transcripts in it are not built",
        f"error: {folder / 'secret.txt'}: cannot be read (Permission denied)"], result.stderr
    assert (tmp_path / "out" / "graph.ttl").exists()


# --- IRIs do not depend on the order of the inputs ------------------------------------------------

BOTH_STATE_IT = ("李华：我们请到了星河科技创始人赵一凡和华为云首席科学家田奇。\n\n田奇：谢谢。\n\n李华：好。\n")


def ntriples(built) -> set[str]:
    return {str(q.triple) for q in built.quads}


NAMESAKES = ("王小明：今天请到极客公园创始人张鹏。\n\n张鹏：谢谢。\n\n王小明：好的。\n",
             "李华：今天请到招商银行行长张鹏。\n\n张鹏：大家好。\n\n李华：谢谢张鹏。\n",
             "周一：欢迎张鹏。\n\n张鹏：你好。\n\n周一：好。\n")  # a 张鹏 of no known organisation


def test_the_order_of_the_inputs_changes_no_iri(tmp_path):
    """Two transcripts state that 赵一凡 founded 星河科技: each keeps its own statement of it.
    Two people named 张鹏 at different organisations: which one is keyed by its organisation
    depends on the organisations' names, not on which transcript came first."""
    texts = (SMALL, BOTH_STATE_IT, *NAMESAKES)
    paths = [tmp_path / f"{name}.txt" for name in "abcde"]
    for path, text in zip(paths, texts):
        path.write_text(text, encoding="utf-8")
    forward = build_graph(paths)
    for order in ([paths[4], paths[3], paths[2], paths[1], paths[0]], [paths[3], paths[0], paths[4], paths[2], paths[1]]):
        assert ntriples(build_graph(order)) == ntriples(forward)
    founded = [q for q in forward.quads if q.predicate.value == str(RDF.predicate) and q.object.value == str(SDO.founder)]
    assert {q.graph_name.value.rsplit("/", 1)[-1] for q in founded} >= {"a", "b"}
    zhang = {e.key for e in forward.corpus.entities.values() if e.label == "张鹏"}
    assert zhang == {"person/张鹏", "person/张鹏/极客公园"}  # 招 sorts before 极


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_letters_and_digits_are_what_isalnum_counts(text):
    from talkgraph.graph.pipeline import _letters_and_digits

    assert _letters_and_digits(text) == sum(1 for ch in text if ch.isalnum())


def test_builds_in_processes_of_different_hash_seeds_are_byte_identical(tmp_path):
    """Sets and dicts iterate in another order under another hash seed: nothing written may follow it."""
    source = tmp_path / "call.txt"
    source.write_text("主持人：欢迎。邵明远是溪谷食品董事会秘书，蔡丽娟是溪谷食品财务总监。\n\n"
                      "邵明远：谢谢。我之前在腾讯做产品经理，后来加入星图科技。我认为明年营收会增长20%。\n\n"
                      "蔡丽娟：我同意邵总。\n", encoding="utf-8")
    written = []
    for seed in ("1", "3"):  # seeds under which the titles of one length once came in other orders
        out = tmp_path / f"out-{seed}"
        subprocess.run([sys.executable, "-m", "talkgraph.graph", "build", str(source), "-o", str(out), "--format", "turtle"],
                       env=os.environ | {"PYTHONHASHSEED": seed}, check=True, capture_output=True)
        written.append((out / "graph.ttl").read_bytes())
    assert written[0] == written[1]


def test_a_joining_the_page_also_tells_as_over_is_a_former_affiliation_from_that_year():
    def affiliations(text):
        corpus = resolve_aliases([extract(parse_transcript(document_from_text(text, doc_id="d")))])
        return {(f.subject, f.predicate.value, f.object, f.since) for f in resolved_facts(corpus.documents)
                if f.predicate.value in ("worksFor", "formerlyAt")}

    answer = "记者：讲讲你的经历。\n\n韩立：我2012年加入云帆科技，负责供应链。\n"
    assert affiliations(answer) == {("person/韩立", "worksFor", "organization/云帆科技", "2012")}
    told_over = "编者按：曾任云帆科技副总裁的韩立，今年加入了澜海生物。\n\n" + answer
    assert ("person/韩立", "formerlyAt", "organization/云帆科技", "2012") in affiliations(told_over)
    assert not any(o == "organization/云帆科技" and p == "worksFor" for _, p, o, _ in affiliations(told_over))
