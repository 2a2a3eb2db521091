"""The Doc: one tokenizer pass per document, paragraphs with their turns, sentences kept."""
from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from talkgraph.extract import Doc, default_pipeline, document_from_text, parse_transcript
from talkgraph.extract.doc import _Words
from talkgraph.extract.tokens import dictionary_tag, vocabulary

ROOT = Path(__file__).resolve().parents[2]
PANEL = "王小明：华为云首席科学家田奇来了。\n\n田奇：谢谢。我在华为做了很多年。\n\n王小明：华为云首席科学家田奇来了。\n"


def test_paragraphs_carry_their_turn_and_words_with_document_offsets():
    doc = Doc(parse_transcript(document_from_text(PANEL, doc_id="d")))
    assert [p.turn_index for p in doc.paragraphs] == [1, 2, 3]
    for para in doc.paragraphs:
        assert "".join(t.word for t in para.tokens) == para.text
        assert all(doc.text[t.start:t.end] == t.word for t in para.tokens)
        assert para.tokens is para.tokens  # segmented once


def test_a_repeated_paragraph_is_segmented_once_and_only_by_its_doc():
    doc = Doc(parse_transcript(document_from_text(PANEL, doc_id="d")))
    first, _, third = doc.paragraphs
    assert [t.word for t in first.tokens] == [t.word for t in third.tokens]
    assert doc._words.segmented == {}  # both cut cleanly from the document's one segmentation
    other = Doc(parse_transcript(document_from_text(PANEL, doc_id="e")))
    assert other._words.segmented == {}  # nothing carried over from another document


# pieces that jieba joins into words across their edges, or not: Han, Latin, digits, its block
# symbols, punctuation, spaces, new lines, and a run only Python's jieba segments (哈哈哈)
_PIECES = st.sampled_from(["华为云", "首席科学家", "田奇", "来了", "GPT", "-4", "v0.dev", "3.5%", "AI", "和",
                           "，", "。", " ", "\n", "哈哈哈", "的", "_", "#", "（", "Ｔ恤", "㐀"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30), st.lists(st.integers(min_value=0, max_value=200), max_size=6))
def test_a_paragraphs_words_are_those_of_segmenting_it_alone(pieces, cuts):
    text = "".join(pieces)
    bounds = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    words = _Words(text)
    for start, end in zip(bounds, bounds[1:]):
        assert words.paragraph(start, end) == vocabulary().segment(text[start:end], start), (text, start, end)


def test_sentences_are_kept_with_their_mentions():
    doc = default_pipeline().run(parse_transcript(document_from_text(PANEL, doc_id="d")))
    assert doc.extraction.sentences == doc.sentences
    texts = [s.text(doc.transcript) for s in doc.sentences]
    assert texts[:3] == ["华为云首席科学家田奇来了。", "谢谢。", "我在华为做了很多年。"]
    assert [m.text for m in doc.sentences[0].mentions] == ["华为云", "田奇"]


def test_tags_and_frequencies_come_from_the_tokenizers_own_dictionary():
    vocab = vocabulary()
    assert dictionary_tag("北京") == "ns" and vocab.frequency("北京") > 0
    assert dictionary_tag("首席科学家") is None and vocab.frequency("首席科学家") > 0  # a title taught to it


def test_no_module_of_extract_caches_texts():
    for path in (ROOT / "extract").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
            cached = [d for d in func.decorator_list if "cache" in ast.unparse(d)]
            args = [a.arg for a in func.args.args]
            assert not (cached and {"text", "word"} & set(args)), (path, func.name)


def test_an_english_title_before_a_name_ends_no_sentence():
    doc = default_pipeline().run(parse_transcript(document_from_text(
        "Host: My question is for Mr. Lei. Tesla cut its prices. Dr. Qiu agrees.\n\nLei: Thanks.\n", doc_id="d")))
    assert [s.text(doc.transcript) for s in doc.sentences][:3] == [
        "My question is for Mr. Lei.", "Tesla cut its prices.", "Dr. Qiu agrees."]


def test_a_quotation_closing_after_a_stop_ends_with_its_sentence():
    doc = default_pipeline().run(parse_transcript(document_from_text(
        "主持人：他怎么说？\n\n陶然：他说：“先活下来。”我当时不太信。\n\n主持人：好。\n", doc_id="d")))
    assert [s.text(doc.transcript) for s in doc.sentences][1:3] == ["他说：“先活下来。”", "我当时不太信。"]


def test_a_never_punctuated_caption_ends_a_sentence_with_each_cue():
    srt = ("1\n00:00:01,000 --> 00:00:03,000\n>> 主持人：你们新作是用虚幻引擎做的对吧\n\n"
           "2\n00:00:03,500 --> 00:00:06,000\n>> 韩逸飞：对 我们用的是虚幻五\n\n"
           "3\n00:00:06,500 --> 00:00:09,000\n说实话一开始我们也考虑过别的引擎\n\n"
           "4\n00:00:09,500 --> 00:00:12,000\n最后还是选了虚幻\n")
    doc = default_pipeline().run(parse_transcript(document_from_text(srt, doc_id="d")))
    assert [s.text(doc.transcript) for s in doc.sentences][1:] == [
        "对 我们用的是虚幻五", "说实话一开始我们也考虑过别的引擎", "最后还是选了虚幻"]


def sentence_texts(text: str) -> list[str]:
    doc = Doc(parse_transcript(document_from_text(text, doc_id="t")))
    doc.split_sentences()
    return [doc.text[s.start:s.end] for s in doc.sentences]


def test_a_case_name_or_an_abbreviation_with_a_full_stop_ends_no_sentence():
    texts = sentence_texts("许嘉禾：在Thaler v. Perlmutter案中，法院不支持。Acme Inc. Board同意了。\n\n主持人：好。\n")
    assert "在Thaler v. Perlmutter案中，法院不支持。" in texts and "Acme Inc. Board同意了。" in texts


def test_a_straight_quote_closing_a_sentence_stays_with_it():
    texts = sentence_texts('孔德培：我的导师说过："数据决定了模型的上限。"我完全同意这一点。\n\n主持人：好。\n')
    assert '我的导师说过："数据决定了模型的上限。"' in texts and "我完全同意这一点。" in texts
