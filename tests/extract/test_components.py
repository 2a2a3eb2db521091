"""Components as a user sees them: registered by name, chosen by a configuration, merged with reasons,
and a component written outside the package reaching the graph under its own name."""
from __future__ import annotations

import re

import pytest
from rdflib import Literal
from rdflib.namespace import RDF, RDFS

from talkgraph.extract import (Candidate, Component, Kind, TalkgraphError, UsageError, configure_pipeline,
                               default_pipeline, document_from_text, parse_transcript, register, unregister)
from talkgraph.extract.component import COMPONENTS
from talkgraph.graph.pipeline import build_from_documents
from talkgraph.ontology.namespace import ITSRDF, NIF, SDO, TG

PANEL = ("王小明：欢迎各位。今天我们聊聊 Okonkwo 和迪丽热巴·迪力木拉提。\n\n"
         "李华：我很同意王小明。Okonkwo 说过很多话。\n\n"
         "王小明：宋老师也来了。\n\n"
         "李华：好的。\n")


def find_celebrities(doc, paragraphs):
    """A user's component: two names the built-in rules do not take, and one bare form of address."""
    for para in paragraphs:
        for match in re.finditer(r"Okonkwo|迪丽热巴·迪力木拉提|宋老师", para.text):
            yield Candidate(para.start + match.start(), para.start + match.end(), Kind.PERSON, para.turn_index)


@pytest.fixture
def celebrities():
    component = register(Component("test.celebrities", find_celebrities, frozenset({Kind.PERSON}), priority=5,
                                   default=False))
    yield component
    unregister(component.name)


def test_the_shipped_components_are_registered_with_what_they_are():
    pipeline = default_pipeline()
    assert {"persons.speakers", "organizations.lexicon", "places.lexicon", "products.latin"} <= set(pipeline.names)
    assert COMPONENTS["places.lexicon"].kinds == {Kind.PLACE}
    assert COMPONENTS["organizations.latin"].kinds == {Kind.ORGANIZATION}
    for component in pipeline.components:  # each module proposes the kinds it is named for
        group = component.name.split(".")[0]
        named_for = {"persons": {Kind.PERSON}, "organizations": {Kind.ORGANIZATION}, "places": {Kind.PLACE},
                     "products": {Kind.MODEL}, "handles": {Kind.PERSON, Kind.ORGANIZATION},
                     "tables": {Kind.PERSON, Kind.ORGANIZATION},
                     "called": {Kind.MODEL, Kind.ORGANIZATION},
                     "model": {Kind.PERSON, Kind.ORGANIZATION}}[group]
        assert component.kinds <= named_for, component.name


def test_a_configuration_switches_components_and_groups_on_and_off(tmp_path, celebrities):
    assert "test.celebrities" not in default_pipeline().names  # registered off by default
    names = configure_pipeline("-persons, test.celebrities, -products.latin").names
    assert not any(n.startswith("persons.") for n in names)
    assert "test.celebrities" in names and "products.latin" not in names and "products.lexicon" in names
    assert configure_pipeline("none persons.speakers").names == ("persons.speakers",)
    config = tmp_path / "my.pipeline"
    config.write_text("# only names from the lexicons\nnone\norganizations.lexicon  # organisations\nplaces\n",
                      encoding="utf-8")
    assert configure_pipeline(config).names == ("organizations.lexicon", "places.lexicon")
    with pytest.raises(UsageError, match="no component or group named 'persons.nobody'"):
        configure_pipeline("persons.nobody")


def test_the_graph_names_the_component_that_found_each_mention():
    built = build_from_documents([document_from_text(PANEL, doc_id="panel")])
    extractors = {str(o) for o in built.rdf.objects(None, TG.extractor)}
    assert extractors and extractors <= set(COMPONENTS)
    assert "persons.speakers" in extractors


def test_a_component_from_outside_reaches_the_graph_under_its_name(celebrities):
    doc = document_from_text(PANEL, doc_id="panel")
    without = build_from_documents([doc])
    assert not any("Okonkwo" in str(o) for o in without.rdf.objects(None, RDFS.label))

    built = build_from_documents([doc], configure_pipeline("test.celebrities"))
    g = built.rdf
    people = {str(g.value(p, RDFS.label)): p for p in g.subjects(RDF.type, SDO.Person)}
    assert {"Okonkwo", "迪丽热巴·迪力木拉提"} <= set(people)
    for name in ("Okonkwo", "迪丽热巴·迪力木拉提"):
        mentions = [m for m in g.subjects(ITSRDF.taIdentRef, people[name])]
        assert len(mentions) == (2 if name == "Okonkwo" else 1)
        for mention in mentions:
            assert g.value(mention, TG.extractor) == Literal("test.celebrities")
            assert str(g.value(mention, NIF.anchorOf)) == name
    # 宋老师 addresses nobody in this transcript: reported, not dropped without a word
    assert "宋老师" not in {str(o) for o in g.objects(None, RDFS.label)}
    for graph in (without, built):
        unresolved = graph.unresolved()
        assert len(unresolved) == 1 and "'宋老师'" in unresolved[0] and "persons.addressed" in unresolved[0]
        assert "1 unresolved mention" in graph.summaries()[0]


def test_the_merge_keeps_the_best_candidate_and_says_why(celebrities):
    transcript = parse_transcript(document_from_text("王小明：宋老师说宋老师很好。\n\n李华：对。\n\n王小明：好。\n",
                                                     doc_id="m"))
    doc = configure_pipeline("test.celebrities").run(transcript)
    assert doc.spans["test.celebrities"] and doc.spans["persons.addressed"]
    same = [o for o in doc.overlaps if o.dropped.source == "test.celebrities"]
    assert same and all(o.kept.source == "persons.addressed" and o.reason == "higher priority" for o in same)
    assert [m.source for m in doc.mentions if m.text == "宋老师"] == ["persons.addressed", "persons.addressed"]


def test_a_component_proposing_a_kind_it_is_not_registered_for_is_named():
    def find_places(doc, paragraphs):
        yield Candidate(paragraphs[0].start, paragraphs[0].start + 2, Kind.PLACE)

    register(Component("test.wrong_kind", find_places, frozenset({Kind.PERSON}), priority=9, default=False))
    try:
        transcript = parse_transcript(document_from_text("北京很大。", doc_id="w"))
        with pytest.raises(TalkgraphError, match="'test.wrong_kind' proposed a Place"):
            configure_pipeline("test.wrong_kind").run(transcript)
    finally:
        unregister("test.wrong_kind")


def test_a_precheck_spares_a_component_the_paragraphs_it_cannot_use():
    seen = []

    def find_nothing(doc, paragraphs):
        seen.extend(p.text for p in paragraphs)
        return ()

    register(Component("test.at_signs", find_nothing, frozenset({Kind.PERSON}), priority=9, default=False,
                       precheck=lambda text: "@" in text))
    try:
        transcript = parse_transcript(document_from_text("第一段没有。\n\n第二段@有。\n\n第三段也没有。", doc_id="p"))
        configure_pipeline("none test.at_signs").run(transcript)
    finally:
        unregister("test.at_signs")
    assert seen == ["第二段@有。"]


def test_a_name_is_registered_once():
    with pytest.raises(UsageError, match="already registered"):
        register(Component("persons.speakers", find_celebrities, frozenset({Kind.PERSON}), priority=0))


def test_the_build_command_takes_a_pipeline_and_lists_unresolved_mentions(tmp_path, capsys):
    from talkgraph.graph.cli import main

    components = tmp_path / "my_components.py"
    components.write_text(
        "import re\n"
        "from talkgraph.extract import Candidate, Component, Kind, register\n\n"
        "def find(doc, paragraphs):\n"
        "    for para in paragraphs:\n"
        "        for m in re.finditer('Okonkwo', para.text):\n"
        "            yield Candidate(para.start + m.start(), para.start + m.end(), Kind.PERSON, para.turn_index)\n\n"
        "register(Component('file.altman', find, frozenset({Kind.PERSON}), priority=5, default=False))\n",
        encoding="utf-8")
    transcript = tmp_path / "panel.txt"
    transcript.write_text(PANEL, encoding="utf-8")
    (tmp_path / "other.txt").write_text(PANEL.replace("宋老师", "王小明"), encoding="utf-8")
    out = tmp_path / "out"
    try:  # two worker processes: the user's components reach them too
        code = main(["build", str(transcript), str(tmp_path / "other.txt"), "-o", str(out), "--format", "turtle",
                     "--no-validate", "-v", "-j", "2", f"--pipeline={components}"])
    finally:
        unregister("file.altman")
    err = capsys.readouterr().err
    assert code == 0
    assert 'tg:extractor "file.altman"' in (out / "graph.ttl").read_text(encoding="utf-8")
    assert "1 unresolved mention" in err and "unresolved: panel:" in err and "'宋老师'" in err

    assert main(["build", str(transcript), "-o", str(tmp_path / "never"), "--pipeline", "persons.nobody"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: no component or group named 'persons.nobody'") and err.count("\n") == 1
    assert not (tmp_path / "never").exists()


def _guesses(spans):
    """A gap-filling component that proposes fixed (text, kind, score) guesses wherever they occur."""
    def find(doc, paragraphs):
        for para in paragraphs:
            for text, kind, score in spans:
                for match in re.finditer(re.escape(text), para.text):
                    yield Candidate(para.start + match.start(), para.start + match.end(), kind, para.turn_index,
                                    score=score)
    return find


@pytest.fixture
def unsure_rule_and_guesser():
    def find_short_orgs(doc, paragraphs):  # a rule that cuts organisation names too short on the left
        for para in paragraphs:
            for match in re.finditer(r"白石机械公司|蓝湾公司", para.text):
                yield Candidate(para.start + match.start(), para.start + match.end(), Kind.ORGANIZATION,
                                para.turn_index)
    rule = register(Component("test.short_orgs", find_short_orgs, frozenset({Kind.ORGANIZATION}), priority=5,
                              default=False, sure=0.6))
    guesser = register(Component("test.guesser", _guesses([("青州白石机械公司", Kind.ORGANIZATION, 0.95),
                                                           ("东港蓝湾公司", Kind.ORGANIZATION, 0.4),
                                                           ("周明远白石", Kind.ORGANIZATION, 0.99),
                                                           ("白石", Kind.ORGANIZATION, 0.97)]),
                                 frozenset({Kind.ORGANIZATION}), priority=8, default=False, fills_gaps=True))
    yield
    unregister(rule.name)
    unregister(guesser.name)


def test_a_confident_gap_filler_replaces_a_span_of_a_component_unsure_of_its_bounds(unsure_rule_and_guesser):
    text = ("周明远：我在青州白石机械公司做过十年，后来去了东港蓝湾公司。\n\n李华：好。\n\n"
            "周明远：我觉得周明远白石机械公司也有。\n\n李华：嗯。\n")
    doc = configure_pipeline("none, persons.speakers, test.short_orgs, test.guesser").run(
        parse_transcript(document_from_text(text, doc_id="unsure")))
    orgs = [(m.text, m.source) for m in doc.mentions if m.kind is Kind.ORGANIZATION]
    # confident (0.95 > 0.6): the longer guess wins and the merge says why
    assert ("青州白石机械公司", "test.guesser") in orgs
    assert any(o.dropped.text == "白石机械公司" and o.reason == "surer of its bounds" for o in doc.overlaps)
    # not confident enough (0.4 < 0.6): the rule's span stays
    assert ("蓝湾公司", "test.short_orgs") in orgs and ("东港蓝湾公司", "test.guesser") not in orgs
    # a speaker's name (sure 1.0) is never swallowed, however confident the guess
    assert ("周明远白石", "test.guesser") not in orgs
    assert [m.text for m in doc.mentions if m.source == "persons.speakers"] == ["周明远"]
    # a span that ends as an organisation yields only to one that does too: 白石 never replaces 白石机械公司
    assert ("白石", "test.guesser") not in orgs and orgs.count(("白石机械公司", "test.short_orgs")) == 1
