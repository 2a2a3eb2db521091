"""Files written part by part, as the store is written, hold the bytes the whole graph serialised at
once gives; the shapes checked part by part find what the check of the whole graph finds."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from talkgraph.extract.errors import TalkgraphError
from talkgraph.graph.build import RdfPart
from talkgraph.graph.exporters import rdf
from talkgraph.graph.exporters import html
from talkgraph.graph.exporters.html import render_html, view_data
from talkgraph.graph.oxigraph_writer import oxigraph_quads, serialize, written_literal
from talkgraph.graph.pipeline import build_graph, export_graph, streams_every
from talkgraph.graph.spill import SpilledSequence
from talkgraph.graph.validate import PartsCheck, validate_triples
from talkgraph.ontology.namespace import RDF, SDO, TG

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def transcripts(tmp_path_factory, sample_path) -> Path:
    folder = tmp_path_factory.mktemp("streamed") / "in"
    shutil.copytree(CORPUS, folder)
    shutil.copy(sample_path, folder / "idea.txt")
    return folder


@pytest.fixture(scope="module")
def whole(transcripts):
    """The build in memory, its quads in one list: what the parts must add up to."""
    return build_graph([transcripts])


def sorted_lines(data: bytes) -> bytes:
    return b"".join(line + b"\n" for line in sorted(line for line in data.split(b"\n") if line.strip()))


def test_a_build_of_line_and_turtle_formats_and_the_view_keeps_its_corpus_on_disk():
    assert streams_every(["turtle", "nt", "nquads", "trig"])
    assert streams_every(["turtle", "html"])  # the default build
    assert not streams_every(["jsonld"])


def test_files_written_part_by_part_are_the_whole_graph_serialised_at_once(transcripts, whole, tmp_path,
                                                                              monkeypatch):
    monkeypatch.setattr(rdf, "RUN_LINES", 40)  # many sorted runs to merge
    on_disk = build_graph([transcripts], on_disk=True)
    assert isinstance(on_disk.corpus.documents, SpilledSequence)
    export_graph(on_disk, tmp_path, ["turtle", "nt", "nquads", "trig", "html"])
    graphs: dict = {}
    for quad in whole.quads:
        graphs.setdefault(quad.graph_name, []).append(quad)
    triples = [q.triple for q in whole.quads]
    assert (tmp_path / "graph.ttl").read_bytes() == serialize(triples, ox.RdfFormat.TURTLE)
    assert (tmp_path / "graph.nt").read_bytes() == sorted_lines(serialize(triples, ox.RdfFormat.N_TRIPLES))
    assert (tmp_path / "graph.nq").read_bytes() == sorted_lines(serialize(whole.quads, ox.RdfFormat.N_QUADS))
    assert (tmp_path / "graph.trig").read_bytes() == serialize([q for g in graphs.values() for q in g],
                                                              ox.RdfFormat.TRIG)
    assert len(list(ox.parse(path=str(tmp_path / "graph.nq"), format=ox.RdfFormat.N_QUADS))) == len(whole.quads)
    assert (tmp_path / "graph.html").read_text(encoding="utf-8") == render_html(whole.quads)


def test_a_graph_without_shared_entities_still_declares_its_prefixes(tmp_path):
    node = "<https://w3id.org/talkgraph/id/doc/x>"
    part = RdfPart(node, [(node, SDO.name.n3(), written_literal("x"), node)], [])
    writer = rdf.PARTS_WRITERS["turtle"]()
    writer.add(RdfPart(None, [], []))
    writer.add(part)
    writer.write(tmp_path / "graph.ttl")
    writer.close()
    text = (tmp_path / "graph.ttl").read_text(encoding="utf-8")
    assert "@prefix schema: <https://schema.org/>" in text and "schema:name" in text
    assert [q.triple for q in ox.parse(text, format=ox.RdfFormat.TURTLE)] == [
        q.triple for q in oxigraph_quads(part.quads)]


def broken_parts(whole) -> list[RdfPart]:
    """The build's parts with a claim that lost its author and a model whose parameter count is no number."""
    parts = [RdfPart(p.graph, list(p.quads), list(p.shared)) for p in whole.rdf_parts()]
    author, claim_class = SDO.author.n3(), TG.Claim.n3()
    transcript = next(p for p in parts[1:] if any(o == claim_class for _, _, o, _ in p.quads))
    claim = next(s for s, _, o, _ in transcript.quads if o == claim_class)
    transcript.quads[:] = [q for q in transcript.quads if not (q[0] == claim and q[1] == author)]
    model = next(s for s, _, o, _ in parts[0].shared if o == SDO.SoftwareApplication.n3())
    parts[-1].shared.append((model, TG.parameterCount.n3(), written_literal("many"), parts[0].shared[0][3]))
    return parts


def test_shapes_checked_part_by_part_find_what_the_whole_check_finds(whole):
    parts = broken_parts(whole)
    check = PartsCheck(batch_quads=300)
    for part in parts:
        check.add(part)
    report = check.report()
    everything = validate_triples(oxigraph_quads([q for p in parts for q in (*p.shared, *p.quads)]))
    assert not report.conforms
    assert len(report.results) == 2
    assert report == everything


def test_a_graph_breaking_the_shapes_writes_nothing(transcripts, tmp_path):
    built = build_graph([transcripts], on_disk=True)

    def refuse(report):
        raise TalkgraphError("refused")

    with pytest.raises(TalkgraphError):
        export_graph(built, tmp_path / "out", ["turtle", "nquads"], check_shapes=refuse)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def page_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="tg-data">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


def test_a_builds_page_of_a_large_corpus_holds_its_most_mentioned_entities_and_says_so(transcripts, whole,
                                                                                       tmp_path, monkeypatch):
    everything = view_data(whole.quads)
    kinds = {ox.NamedNode(str(c)) for c in (SDO.Person, SDO.Organization, SDO.SoftwareApplication, SDO.Place,
                                            TG.Speaker)}
    typed = {str(q.subject.value) for q in whole.quads if q.predicate.value == str(RDF.type) and q.object in kinds}
    entities = [n for n in everything["nodes"] if n["id"] in typed]
    assert len(entities) == len(typed) > 6
    monkeypatch.setattr(html, "BUILD_VIEW_ENTITIES", 6)
    monkeypatch.setattr(html, "BUILD_VIEW_ITEMS_PER_SPEAKER", 2)
    export_graph(build_graph([transcripts], on_disk=True), tmp_path, ["turtle", "html"])
    assert (tmp_path / "graph.ttl").read_bytes() == serialize([q.triple for q in whole.quads], ox.RdfFormat.TURTLE)
    data = page_data((tmp_path / "graph.html").read_text(encoding="utf-8"))
    note = data["config"]["partial"]
    assert note == {"entities": 6, "entitiesOf": len(entities), "claims": len(data["claims"]),
                    "claimsOf": len(everything["claims"])}
    ranked = sorted(entities, key=lambda n: (-n["count"], n["id"]))
    shown = {n["id"] for n in ranked[:6]}
    assert shown <= {n["id"] for n in data["nodes"]}
    assert all(c["author"] in shown for c in (*data["claims"], *data["questions"]))
    per_author = {}
    for claim in data["claims"]:
        per_author[claim["author"]] = per_author.get(claim["author"], 0) + 1
    assert per_author and max(per_author.values()) <= 2
    # each kept claim is the one of the whole graph's page, in the same order
    whole_claims = {c["id"]: c for c in everything["claims"]}
    assert [c["id"] for c in data["claims"]] == [c["id"] for c in everything["claims"] if c["id"] in
                                                 {k["id"] for k in data["claims"]}]
    assert all(whole_claims[c["id"]] == c for c in data["claims"])
    assert {e["from"] for e in data["edges"]} | {e["to"] for e in data["edges"]} <= {n["id"] for n in data["nodes"]}


def test_a_builds_page_of_a_corpus_within_the_limit_holds_everything(transcripts, whole, tmp_path):
    export_graph(build_graph([transcripts], on_disk=True), tmp_path, ["html"])
    data = page_data((tmp_path / "graph.html").read_text(encoding="utf-8"))
    assert "partial" not in data["config"] and data == view_data(whole.quads) | {"config": data["config"]}


def test_a_build_on_disk_with_namesakes_still_never_holds_its_whole_graph(tmp_path):
    """Two people of one name at two organisations are two nodes, renamed once every transcript
    is read; the renaming must not bring the corpus, and so the whole graph, back into memory."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("王芳：欢迎华为副总裁张伟。\n\n张伟：谢谢。我在华为负责芯片。\n", encoding="utf-8")
    (folder / "b.txt").write_text("李强：欢迎腾讯副总裁张伟。\n\n张伟：谢谢。我在腾讯负责游戏。\n", encoding="utf-8")
    built = build_graph([folder], on_disk=True)
    assert {"person/张伟", "person/张伟/腾讯"} <= set(built.corpus.entities)
    export_graph(built, tmp_path / "out", ["turtle", "html"])
    assert "_parts" not in vars(built)  # the parts were made one at a time, never kept as a list
    in_memory = build_graph([folder])
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == serialize([q.triple for q in in_memory.quads],
                                                                      ox.RdfFormat.TURTLE)


def test_a_build_on_disk_reports_and_states_what_a_build_in_memory_does(tmp_path):
    """On disk, each transcript's warnings, summary and facts are made as it is put away, or, when
    resolution renames a namesake afterwards, from the renamed transcripts read back: either way
    what a build in memory says, fact for fact."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("王芳：欢迎华为副总裁张伟。\n\n张伟：谢谢。我在华为负责芯片。\n", encoding="utf-8")
    (folder / "b.txt").write_text("李强：欢迎腾讯副总裁张伟。\n\n张伟：谢谢。我在腾讯负责游戏。\n", encoding="utf-8")
    (folder / "c.txt").write_text("一篇没有发言人的文章。作者在阿里巴巴工作。\n", encoding="utf-8")
    for names, renamed in ((["a.txt", "c.txt"], False), (["a.txt", "b.txt", "c.txt"], True)):
        paths = [folder / name for name in names]
        on_disk, in_memory = build_graph(paths, on_disk=True), build_graph(paths)
        assert (on_disk.reports is None) is renamed  # reports made while resolving only when nothing is renamed
        assert on_disk.warnings() == in_memory.warnings() and any("no speaker turns" in w for w in on_disk.warnings())
        assert on_disk.summaries() == in_memory.summaries()
        assert on_disk.quads == in_memory.quads
