"""``talkgraph mentions --lines`` tags its lines in batches, and each line is still read alone:
the output is the same line by line, in batches of any size, and with the mention model's
tagging done ahead for a batch or in each line's own pipeline run."""
from __future__ import annotations

import io

from talkgraph.extract import mention_model
from talkgraph.extract.doc import Doc
from talkgraph.extract.pipeline import default_pipeline
from talkgraph.extract.reading import document_from_text
from talkgraph.extract.transcript import parse_transcript
from talkgraph.graph import mentions_cli

LINES = ["会议由上海交通大学的陈志刚教授主持。", "", "我和林晓芳是大学同学，她现在在星河智能科技有限公司。",
         "OK, let's start.", "   ", "昨天周明远在杭州对记者说，明年会上市。", "王明说：" * 30,
         "华为云首席科学家田奇说", "阿里巴巴很大"]


def _printed(lines: list[str], at_once: int, monkeypatch) -> str:
    monkeypatch.setattr(mentions_cli, "_LINES_AT_ONCE", at_once)
    out = io.StringIO()
    assert mentions_cli.print_line_mentions(io.StringIO("\n".join(lines) + "\n"), out) == 0
    return out.getvalue()


def test_lines_in_batches_print_what_each_line_alone_prints(monkeypatch):
    alone = "".join(_printed([line if i == k else "" for i, line in enumerate(LINES)], 1, monkeypatch)
                    for k in range(len(LINES)))
    assert '"陈志刚"' in alone and '"田奇"' in alone
    for at_once in (1, 2, 4, 500):
        assert _printed(LINES, at_once, monkeypatch) == alone


def _doc(text: str) -> Doc:
    return Doc(parse_transcript(document_from_text(text, doc_id="t")))


def test_tagging_ahead_gives_each_document_its_own_candidates():
    texts = [line for line in LINES if line.strip()] + ["主持人：欢迎林晓芳。\n林晓芳：谢谢，我在星河智能科技有限公司工作。"]
    alone = [list(mention_model.find_names(doc, doc.paragraphs)) for doc in map(_doc, texts)]
    assert any(alone)
    docs = [_doc(t) for t in texts]
    mention_model.tag_ahead(docs)
    assert [list(mention_model.find_names(doc, doc.paragraphs)) for doc in docs] == alone
    pipeline = default_pipeline()
    assert [pipeline.find_mentions(doc) for doc in docs] == [pipeline.find_mentions(_doc(t)) for t in texts]
