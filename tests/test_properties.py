"""Feed the build anything a transcript may hold: it answers with talkgraph's own errors or a graph
whose every offset slices back to its text and whose Turtle rdflib reads.

The generators write transcripts in the shapes the readers accept — plain ``名字：`` turns, markdown,
SRT and WebVTT subtitles, meeting-tool exports — with highlights, quotes, headings, metadata, page
furniture and odd characters (controls, line separators, combining marks, emoji, right-to-left
text, NUL).  A shape the readers do not know yet is read as plain text: it must still not crash.

CI runs a bounded number of examples; a long run sets ``TALKGRAPH_PROPERTIES=long`` (20,000
examples, or ``TALKGRAPH_PROPERTY_EXAMPLES=N``).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from talkgraph.extract.errors import TalkgraphError
from talkgraph.extract.reading import document_from_text
from talkgraph.graph.pipeline import BuiltGraph, build_from_documents, build_graph, export_graph
from talkgraph.ontology.namespace import NIF, SDO

_COMMON = dict(deadline=None, derandomize=False, print_blob=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
settings.register_profile("talkgraph-ci", max_examples=120, **_COMMON)
settings.register_profile("talkgraph-long", max_examples=int(os.environ.get("TALKGRAPH_PROPERTY_EXAMPLES", 20_000)),
                          **_COMMON)
PROFILE = settings.get_profile("talkgraph-long" if os.environ.get("TALKGRAPH_PROPERTIES") == "long"
                               else "talkgraph-ci")

# --- names -----------------------------------------------------------------------------------------

_SURNAMES = "王李张刘陈杨赵黄周吴徐孙欧阳司马"
_GIVEN = "小明华伟芳强磊静一凡子涵浩然"
han_names = st.builds(lambda s, g: s + g, st.sampled_from(["王", "李", "张", "刘", "陈", "欧阳", "司马", "周"]),
                      st.text(alphabet=_GIVEN, min_size=1, max_size=3))
latin_names = st.sampled_from(["Alice", "Bob Smith", "Sam Altman", "Q", "A", "Dr. Lee", "O'Neil", "J.-P. Roy"])
role_labels = st.sampled_from(["主持人", "嘉宾", "观众", "记者", "旁白", "提问", "答"])
odd_names = st.one_of(st.text(alphabet=_SURNAMES + _GIVEN + "·•", min_size=1, max_size=7),
                      st.sampled_from(["张·三", "小明😀", "说话人1", "Speaker 2", "发言人 3", "王\u200b明", "李\u0301华"]),
                      st.text(min_size=1, max_size=6))
names = st.one_of(han_names, han_names, latin_names, role_labels, odd_names)

# --- text ------------------------------------------------------------------------------------------

_ODD = ["\x00", "\x07", "\x0b", "\x0c", "\x1b[31m", "\x1c", "\x1e", "\x85", "\u2028", "\u2029", "\u200b", "\u200d",
        "\u200f", "\u202e", "\ufeff", "\ufffd", "\u0301", "\u3000", "\t", "\r", "\r\n", "😀", "👨‍👩‍👧", "𠀀",
        "ﬁ", "Ａ", "①", "½", "\\", "\"", "<", ">", "&", "#", "%", "{", "}", "`", "'''", '"""', "@prefix", "_:b"]
odd_text = st.one_of(st.sampled_from(_ODD), st.text(st.characters(blacklist_categories=("Cs",)), max_size=6))
_FRAGMENTS = [
    "华为云首席科学家田奇", "阿里巴巴", "阿里", "腾讯", "字节跳动", "星河科技创始人", "OpenAI的CEO", "GPT-4o", "文心一言",
    "“封神榜”大模型", "「开源模型」", "OneFlow深度学习框架", "千亿参数", "20%以上", "1-2个百分点", "2018年加入华为",
    "我认为", "我觉得", "我同意", "的观点", "你怎么看？", "对吧？", "是", "的", "在", "工作", "老师", "总",
    "。", "，", "！", "？", "：", ":", "、", "……", "——", "（左一）", "(笑)", "[掌声]", "https://example.org/a",
    "Transformer", "LLM", "AI", "大模型很重要", "谢谢", "好的", "嗯", "对",
]
fragments = st.sampled_from(_FRAGMENTS)
sentences = st.lists(st.one_of(fragments, fragments, fragments, names, odd_text), min_size=1, max_size=12).map("".join)


def _quoted(text: str, marks: tuple[str, str]) -> str:
    return f"{marks[0]}{text}{marks[1]}"


quotes = st.builds(_quoted, sentences, st.sampled_from([("“", "”"), ("「", "」"), ("『", "』"), ('"', '"'), ("《", "》")]))
content = st.one_of(sentences, sentences, quotes, st.builds(lambda a, b: a + b, sentences, quotes))

# --- paragraphs of a plain transcript ------------------------------------------------------------


@st.composite
def turn(draw, speakers=names) -> str:
    who = draw(speakers)
    shape = draw(st.sampled_from(["{n}：{c}", "{n}: {c}", "{n} ：{c}", "{n}:{c}", "主持人{n}：{c}", "{n}、{m}：{c}",
                                  "{n}&{m}: {c}", "【{n}】{c}", "{n}（{r}）：{c}"]))
    return shape.format(n=who, m=draw(speakers), c=draw(content), r=draw(role_labels))


headings = st.one_of(
    st.builds(lambda n, t: f"{n}{t}", st.sampled_from(["01", "一、", "2. ", "第三部分 ", "十、"]), sentences),
    st.builds(lambda t: f"（{t}）", sentences), st.builds(lambda t: f"【{t}】", sentences),
    sentences.map(lambda t: t[:20]), st.sampled_from(["精彩摘录", "精彩观点", "Highlights", "Key quotes", "金句："]))
metadata = st.one_of(
    st.builds(lambda k, v: f"{k}：{v}", st.sampled_from(["日期", "时间", "来源", "作者", "编辑", "Date", "Source"]),
              st.one_of(st.sampled_from(["2024-03-01", "2021年12月6日", "2023/1/2", "9999-99-99"]), sentences)),
    st.sampled_from(["https://example.org/x", "原文链接：https://example.org/", "//comment"]))
furniture = st.builds(lambda w, t: w + t, st.sampled_from(["本文", "新闻动态", "点击", "转载", "•", "注：", "END", "— END"]),
                      st.one_of(st.just(""), sentences))


@st.composite
def highlights(draw) -> list[str]:
    """A highlights section quoting speakers, who may or may not have turns of their own."""
    return [draw(st.sampled_from(["精彩摘录", "精彩观点", "金句", "Highlights"]))] + draw(
        st.lists(turn(), min_size=0, max_size=4))


@st.composite
def plain_transcript(draw) -> str:
    cast = draw(st.lists(names, min_size=1, max_size=4, unique=True))
    blocks: list[str] = []
    regulars = st.sampled_from(cast)
    for _ in range(draw(st.integers(0, 14))):
        kind = draw(st.sampled_from(["turn"] * 6 + ["continuation", "heading", "metadata", "furniture",
                                                     "highlights", "intro"]))
        if kind == "turn":
            blocks.append(draw(turn(st.one_of(regulars, regulars, regulars, names))))
        elif kind == "highlights":
            blocks += draw(highlights())
        else:
            blocks.append(draw({"continuation": content, "intro": content, "heading": headings,
                                "metadata": metadata, "furniture": furniture}[kind]))
    separator = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\r", "\n \n", "\n\u3000\n", "\u2028", "\n\x0c\n"]))
    return separator.join(blocks)


# --- other shapes: markdown, subtitles, meeting exports -------------------------------------------


@st.composite
def markdown_transcript(draw) -> str:
    lines = [f"# {draw(sentences)}"]
    for _ in range(draw(st.integers(0, 10))):
        who, said = draw(names), draw(content)
        lines.append(draw(st.sampled_from([
            f"**{who}**：{said}", f"**{who}：** {said}", f"**{who}:** {said}", f"## {said}", f"### {who}",
            f"> {said}", f"> **{who}**：{said}", f"- {said}", f"* {who}：{said}", "---", f"`{said}`",
            f"[{said}](https://example.org)", f"![{who}](a.png)", f"| {who} | {said} |", "```", said])))
    return "\n\n".join(lines)


def _clock(seconds: int, comma: bool) -> str:
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h:02d}:{m:02d}:{s:02d}{',' if comma else '.'}{seconds % 997:03d}"


@st.composite
def subtitle_transcript(draw) -> tuple[str, str]:
    """SRT or WebVTT cues, with or without speaker labels, sometimes broken (a cue without its time)."""
    vtt = draw(st.booleans())
    out = ["WEBVTT" + draw(st.sampled_from(["", " - 访谈", "\nKind: captions\nLanguage: zh"]))] if vtt else []
    t = 0
    for n in range(1, draw(st.integers(0, 10)) + 1):
        t += draw(st.integers(0, 400))
        length = draw(st.integers(-3, 30))
        timing = f"{_clock(t, not vtt)} --> {_clock(max(t + length, 0), not vtt)}"
        if vtt and draw(st.booleans()):
            timing += draw(st.sampled_from([" align:start", " position:10%", " line:0"]))
        who, said = draw(names), draw(content)
        text = draw(st.sampled_from([f"{who}：{said}", f"<v {who}>{said}</v>", f"<v {who}>{said}", f"- {said}",
                                     f"[{who}] {said}", said, f"{said}\n{draw(content)}", f"<i>{said}</i>"]))
        cue = [str(n)] if not vtt or draw(st.booleans()) else []
        cue += draw(st.sampled_from([[timing, text], [timing, text], [text], [timing]]))
        out.append("\n".join(cue))
        if vtt and draw(st.integers(0, 9)) == 0:
            out.append(f"NOTE {draw(sentences)}")
    return "\n\n".join(out) + draw(st.sampled_from(["", "\n", "\n\n"])), ".vtt" if vtt else ".srt"


@st.composite
def meeting_transcript(draw) -> str:
    """Exports of meeting tools: a speaker line with a time, then what they said."""
    blocks = [draw(st.sampled_from(["", "会议记录\n", "文字记录：\n", "Transcript\n", "智能纪要\n"]))]
    for _ in range(draw(st.integers(0, 10))):
        who, said = draw(names), draw(content)
        m, s = draw(st.integers(0, 200)), draw(st.integers(0, 59))
        blocks.append(draw(st.sampled_from([
            f"{who} {m:02d}:{s:02d}\n{said}", f"{who}  {m // 60:02d}:{m % 60:02d}:{s:02d}\n{said}",
            f"{who}({m:02d}:{s:02d}):{said}", f"[{m:02d}:{s:02d}] {who}: {said}", f"{m:02d}:{s:02d} {who}\n{said}",
            f"说话人{draw(st.integers(1, 9))} {m:02d}:{s:02d}\n{said}", f"{who}\n{m:02d}:{s:02d}\n{said}"])))
    return "\n\n".join(blocks)


transcripts = st.one_of(
    plain_transcript().map(lambda t: (t, ".txt")), plain_transcript().map(lambda t: (t, ".txt")),
    markdown_transcript().map(lambda t: (t, ".md")), subtitle_transcript(),
    meeting_transcript().map(lambda t: (t, ".txt")))

# --- what every build must keep ----------------------------------------------------------------------


def assert_offsets_exact(built: BuiltGraph) -> None:
    for doc in built.corpus.documents:
        x = doc.extraction
        text = x.transcript.document.text
        spans = [(m.start, m.end, m.text) for m in x.mentions]
        spans += [(q.start, q.end, q.text) for q in x.quantities]
        for c in (*x.claims, *x.questions):
            assert_said_within(c.text, text[c.start:c.end])
            spans.append((c.start, c.end, None if x.transcript.subtitles else c.text))
        spans += [(r.start, r.end, None) for r in (*x.relations, *x.roles, *x.transcript.excerpts,
                                                    *x.transcript.blocks)]
        spans += [(s, e, None) for t in x.transcript.turns for s, e in t.spans]
        for start, end, said in spans:
            assert 0 <= start <= end <= len(text), (start, end, len(text))
            if said is not None:
                assert text[start:end] == said, (start, end, said)


def assert_turtle_parses_with_exact_anchors(built: BuiltGraph) -> None:
    with tempfile.TemporaryDirectory() as out:
        export_graph(built, out, ["turtle"])
        graph = Graph().parse(Path(out) / "graph.ttl", format="turtle")
    strings = {context: str(text) for context, text in graph.subject_objects(NIF.isString)}
    for node, anchor in graph.subject_objects(NIF.anchorOf):
        text = strings[graph.value(node, NIF.referenceContext)]
        begin, end = int(graph.value(node, NIF.beginIndex)), int(graph.value(node, NIF.endIndex))
        assert text[begin:end] == str(anchor), node
        said = graph.value(node, SDO.text)
        if said is not None:
            assert_said_within(str(said), str(anchor))


def assert_said_within(said: str, anchor: str) -> None:
    """What a claim or question says is its anchor, or in subtitles the anchor's spoken lines
    joined: the anchor's characters in order, lines joined by nothing or a space, both ends kept."""
    if said == anchor:
        return
    rest = iter(anchor)
    assert "\n" not in said and said[:1] == anchor[:1] and said[-1:] == anchor[-1:], (said, anchor)
    assert all(char in rest for char in said if char != " "), (said, anchor)


def _build_in_memory(text: str) -> BuiltGraph | None:
    try:
        built = build_from_documents([document_from_text(text, doc_id="t", source="t.txt")])
    except TalkgraphError as exc:
        event(f"refused: {type(exc).__name__}")
        return None
    event(f"built: {'with' if built.corpus.documents[0].extraction.transcript.turns else 'without'} turns")
    return built


@PROFILE
@given(transcripts)
def test_any_transcript_builds_with_exact_offsets_and_parseable_turtle(shaped):
    text, _suffix = shaped
    built = _build_in_memory(text)
    if built is not None:
        assert_offsets_exact(built)
        assert_turtle_parses_with_exact_anchors(built)


@PROFILE
@given(transcripts, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]),
       st.one_of(st.just(b""), st.just(b""), st.just(b""), st.binary(max_size=8)))
def test_any_transcript_file_builds_or_fails_with_talkgraphs_own_error(shaped, encoding, noise):
    """The file route: the bytes of a generated transcript in some encoding, sometimes with noise
    appended, read through ``build_graph`` under the file name its shape suggests."""
    text, suffix = shaped
    try:
        raw = text.encode(encoding) + noise
    except UnicodeEncodeError:  # a character GB18030 cannot hold: the noise alone stands for the file
        raw = noise
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"t{suffix}"
        path.write_bytes(raw)
        try:
            built = build_graph([path])
        except TalkgraphError as exc:
            event(f"refused: {str(exc).split(': ', 1)[-1][:30]}")
            return
        event("built")
        assert_offsets_exact(built)
        assert_turtle_parses_with_exact_anchors(built)
