"""What the readers give the graph: speakers typed as what they are, label aliases, time codes,
every format read in a directory build, and no crash on highlights or furniture-like paragraphs."""
from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from talkgraph.extract import document_from_text
from talkgraph.graph.pipeline import ReadOptions, build_from_documents
from talkgraph.ontology.namespace import NIF, SDO, TG

from tests.helpers import run_cli


def graph_of(text: str, options: ReadOptions = ReadOptions()):
    return build_from_documents([document_from_text(text, doc_id="t")], options=options).rdf


def senders(graph) -> list[URIRef]:
    turns = sorted(graph.subjects(RDF.type, TG.Turn), key=lambda t: int(graph.value(t, SDO.position)))
    return [graph.value(t, SDO.sender) for t in turns]


def labels(graph, node) -> set[str]:
    return {str(o) for o in graph.objects(node, SDO.name)} | {str(o) for o in graph.objects(node, SKOS.altLabel)}


def test_an_unnamed_speaker_is_not_a_person_and_an_outlet_is_an_organisation():
    g = graph_of("作者：林晓\n\n星河日报：你好吗？\n\n说话人 2：很好。\n\n星河日报：再见。\n\n说话人 2：再见。\n")
    outlet, unnamed = senders(g)[:2]
    assert (outlet, RDF.type, SDO.Organization) in g
    assert (unnamed, RDF.type, TG.Speaker) in g
    assert (unnamed, RDF.type, SDO.Person) not in g
    assert "说话人 2" in labels(g, unnamed)


def test_a_label_stays_as_an_alias_of_the_person_it_stands_for():
    g = graph_of("本期我们请到了星河资本合伙人李宏玮（Jenny）。\n\n张涛：你好。\n\nJenny：你好你好。\n\n"
                 "张涛：开始吧。\n\nJenny：好的。\n")
    jenny = senders(g)[1]
    assert {"李宏玮", "Jenny"} <= labels(g, jenny)
    assert (jenny, RDF.type, SDO.Person) in g


def test_speakers_named_by_hand():
    g = graph_of("A：你好。\n\nQ：你好。\n\nA：再见。\n\nQ：再见。\n", ReadOptions(speakers={"A": "王小川"}))
    assert {"王小川", "A"} <= labels(g, senders(g)[0])


def test_turn_time_codes_are_durations_under_schema_start_and_end_time():
    g = graph_of("1\n00:01:02,500 --> 00:01:04,000\n周婷：好。\n\n2\n00:01:04,000 --> 01:00:00,000\n吴昊：嗯。\n")
    turns = sorted(g.subjects(RDF.type, TG.Turn), key=lambda t: int(g.value(t, SDO.position)))
    assert g.value(turns[0], TG.startsAt) == Literal("PT1M2.5S", datatype=XSD.duration)
    assert g.value(turns[1], TG.endsAt) == Literal("PT1H0S", datatype=XSD.duration)


def test_highlights_quoting_a_speaker_without_a_turn_build():
    """Issue 13 item 1: a KeyError in the build when a highlight's speaker had no turn of his own."""
    for text in ("精彩摘录\n\n小明:大模型很重要。\n\n小明:我同意。\n", "精彩摘录\n奇\n奇:"):
        g = graph_of(text)
        for excerpt in g.subjects(RDF.type, TG.Excerpt):
            assert g.value(excerpt, SDO.author) is not None


def test_a_paragraph_starting_with_a_furniture_word_is_read_when_it_is_text():
    """Issue 13 item 6: furniture is short; a long paragraph starting with 本文 or 新闻动态 is text."""
    g = graph_of("本文介绍华为云首席科学家田奇的观点：大模型要落地行业应用，这是他多次强调的方向。\n")
    assert any("田奇" in labels(g, p) for p in g.subjects(RDF.type, SDO.Person))
    long_line = "新闻动态" + "华为云首席科学家田奇说，大模型要落地行业应用。" * 200
    g = graph_of(long_line)
    assert any("田奇" in labels(g, p) for p in g.subjects(RDF.type, SDO.Person))


def test_a_directory_build_reads_every_format_and_reports_each(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.md").write_text("**周婷：**好。\n\n**吴昊：**嗯。\n\n**周婷：**走吧。\n", encoding="utf-8")
    (src / "b.srt").write_text("1\n00:00:00,500 --> 00:00:02,000\n周婷：好。\n\n2\n00:00:02,000 --> 00:00:03,000\n"
                               "吴昊：嗯。\n", encoding="utf-8")
    (src / "c.vtt").write_text("WEBVTT\n\n00:00.500 --> 00:02.000\n<v 周婷>好。\n\n00:02.000 --> 00:03.000\n"
                               "<v 吴昊>嗯。\n", encoding="utf-8")
    (src / "d.txt").write_text("周婷(00:00:00): 好。\n吴昊(00:00:02): 嗯。\n", encoding="utf-8")
    result = run_cli("build", str(src), "-o", str(tmp_path / "out"), "--format", "turtle")
    assert result.returncode == 0, result.stderr
    for name, fmt in (("a", "dialogue"), ("b", "srt"), ("c", "vtt"), ("d", "meeting")):
        assert f"{name}: format: {fmt}," in result.stderr
    assert "周婷 " in result.stderr and "of the text" in result.stderr


def test_the_share_of_text_in_turns_counts_speech_not_cue_numbers_or_time_lines(tmp_path):
    subtitles = tmp_path / "s.srt"
    subtitles.write_text("1\n00:00:00,500 --> 00:00:04,800\n主持人：欢迎收听本期节目。\n\n"
                         "2\n00:00:05,000 --> 00:00:08,000\n张三：谢谢邀请。\n", encoding="utf-8")
    dialogue = tmp_path / "d.txt"
    dialogue.write_text("第一期 访谈实录\n\n主持人：欢迎收听本期节目。\n\n张三：谢谢邀请。\n", encoding="utf-8")
    result = run_cli("build", str(subtitles), str(dialogue), "-o", str(tmp_path / "out"), "--format", "turtle")
    assert result.returncode == 0, result.stderr
    assert "s: format: srt, 2 turns (100% of the text;" in result.stderr
    assert "d: format: dialogue, 2 turns (71% of the text;" in result.stderr  # 17 of 24: the heading is no turn


def test_input_format_and_speakers_options_are_checked_before_any_work(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("A：你好。\n\nQ：你好。\n\nA：再见。\n", encoding="utf-8")
    bad = run_cli("build", str(path), "-o", str(tmp_path / "out"), "--input-format", "docx")
    assert bad.returncode == 2 and "known input formats: dialogue" in bad.stderr
    bad = run_cli("build", str(path), "-o", str(tmp_path / "out"), "--speakers", "A")
    assert bad.returncode == 2 and "LABEL=NAME" in bad.stderr
    assert not (tmp_path / "out" / "graph.ttl").exists()
    good = run_cli("build", str(path), "-o", str(tmp_path / "out"), "--input-format", "interview",
                   "--speakers", "A=王小川,Q=张小珺", "--format", "turtle")
    assert good.returncode == 0, good.stderr
    assert "format: interview" in good.stderr and "王小川 2" in good.stderr


def test_a_subtitle_claims_text_is_what_was_said_and_its_anchor_the_span_it_runs_over():
    g = graph_of("1\n00:00:01,000 --> 00:00:03,000\n吴昊：我觉得再过两三年，大多数城市的公交站\n\n"
                 "2\n00:00:03,000 --> 00:00:05,000\n都会换成能语音问路的电子站牌。\n")
    claim, = g.subjects(RDF.type, TG.Claim)
    assert g.value(claim, SDO.text) == Literal("我觉得再过两三年，大多数城市的公交站都会换成能语音问路的电子站牌。", lang="zh")
    context = g.value(claim, NIF.referenceContext)
    begin, end = int(g.value(claim, NIF.beginIndex)), int(g.value(claim, NIF.endIndex))
    anchor = str(g.value(claim, NIF.anchorOf))
    assert str(g.value(context, NIF.isString))[begin:end] == anchor
    assert anchor == "我觉得再过两三年，大多数城市的公交站\n\n2\n00:00:03,000 --> 00:00:05,000\n都会换成能语音问路的电子站牌。"


def test_a_subtitle_turns_text_runs_its_cues_lines_on_as_speech():
    g = graph_of("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v 吴昊>我觉得再过两三年，\n大多数城市的公交站\n\n"
                 "00:00:03.000 --> 00:00:05.000\n<v 吴昊>都会换成电子站牌。I think so,\nreally.\n")
    turn, = g.subjects(RDF.type, TG.Turn)
    assert str(g.value(turn, SDO.text)) == "我觉得再过两三年，大多数城市的公交站都会换成电子站牌。I think so, really."
