"""Tagging with the shipped tables gives what CRFsuite gives with the shipped model: the same tags,
the same rounded scores, for real sentences of the training splits and for any text at all."""
from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path

import numpy as np
import pycrfsuite
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talkgraph.extract import linear_chain, mention_model
from talkgraph.extract.crfsuite_file import read_crfsuite
from talkgraph.extract.errors import TalkgraphError
from talkgraph.extract.linear_chain import Lattice, crfsuite_marginals, marginals, viterbi
from talkgraph.extract.mention_model import (MODEL_FILE, TABLES_FILE, TAG_KINDS, char_features, read_tables,
                                             spans_from_tags, tag_texts, tagged_spans)
from talkgraph.extract.mention_tables import MentionTables
from talkgraph.extract.tokens import vocabulary
from tests.extract.test_mention_model import _corpora, needs_corpora

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "extract" / "data"
SCRIPT = ROOT / "scripts" / "train_mention_model.py"


@pytest.fixture(scope="module")
def crfsuite():
    tagger = pycrfsuite.Tagger()
    tagger.open(str(DATA / MODEL_FILE))
    return tagger


def _words(text):
    return [(t.word, t.start, t.end) for t in vocabulary().segment(text)]


def _reference(tagger, text, words):
    """CRFsuite's tags, and its spans with the least marginal of their tags, rounded as shipped."""
    tags = tagger.tag(char_features(text, words)) if text else []
    spans = [(s, e, TAG_KINDS[typ], round(min(tagger.marginal(tags[i], i) for i in range(s, e)), 4))
             for s, e, typ in spans_from_tags(tags) if typ in TAG_KINDS]
    return tags, spans


def _decoded(texts, words):
    """The tables' state scores and the batched Viterbi's tags, longest text first as tagging lays them out."""
    tables = read_tables()
    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
    lengths = np.array([len(texts[i]) for i in order])
    scores = tables.state_scores([texts[i] for i in order], [words[i] for i in order])
    labels = viterbi(Lattice.of(lengths, len(tables.labels)), scores, tables.transitions)
    first = np.cumsum(lengths) - lengths
    tags = {i: [tables.labels[k] for k in labels[first[c]:first[c] + lengths[c]]] for c, i in enumerate(order)}
    return [tags[i] for i in range(len(texts))], {i: scores[first[c]:first[c] + lengths[c]] for c, i in enumerate(order)}


def _training_sentences() -> list[str]:
    """About 400 sentences: every 100th of CLUENER's training split, every 10th of Weibo's, every 30th of Resume's."""
    spec = importlib.util.spec_from_file_location("train_mention_model", SCRIPT)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    out = []
    for name, step in (("cluener.train.json", 100), ("weibo.train.txt", 10), ("resume.train.char.bmes", 30)):
        out += [text for text, _ in script.read_corpus(_corpora() / name)[::step] if text]
    return out


def test_the_shipped_tables_are_the_shipped_model():
    shipped = MentionTables.load(DATA / TABLES_FILE)
    assert shipped.source_sha256 == hashlib.sha256((DATA / MODEL_FILE).read_bytes()).hexdigest()
    assert shipped.same_as(MentionTables.from_crfsuite(DATA / MODEL_FILE))


def test_the_model_file_reads_as_crfsuite_describes_it(crfsuite):
    info = crfsuite.info()
    model = read_crfsuite(DATA / MODEL_FILE)
    assert {label: str(i) for i, label in enumerate(model.labels)} == info.labels  # the dump gives ids as text
    assert {a: str(i) for i, a in enumerate(model.attributes)} == info.attributes
    state = {(model.attributes[a], model.labels[l]): w for a, l, w in
             zip(model.state_attribute.tolist(), model.state_label.tolist(), model.state_weight.tolist())}
    assert state.keys() == info.state_features.keys()
    assert all(abs(w - info.state_features[k]) <= 5e-7 for k, w in state.items())  # the dump has six decimals
    moves = {(model.labels[i], model.labels[j]): model.transitions[i, j] for i in range(len(model.labels))
             for j in range(len(model.labels)) if model.transitions[i, j]}
    assert moves.keys() == info.transitions.keys()
    assert all(abs(w - info.transitions[k]) <= 5e-7 for k, w in moves.items())


@needs_corpora
def test_training_sentences_tag_and_score_as_crfsuite_does(crfsuite):
    texts = _training_sentences()
    assert len(texts) > 300
    words = [_words(t) for t in texts]
    tags, _ = _decoded(texts, words)
    found = tag_texts(texts, words)
    for text, w, ours, spans in zip(texts, words, tags, found):
        theirs, reference = _reference(crfsuite, text, w)
        assert ours == theirs, text
        assert [(s.start, s.end, s.kind, s.score) for s in spans] == reference, text


@needs_corpora
def test_crfsuites_arithmetic_is_repeated_to_the_last_bit(crfsuite):
    texts = _training_sentences()[::8]
    words = [_words(t) for t in texts]
    _, scores = _decoded(texts, words)
    transitions = read_tables().transitions
    labels = read_tables().labels
    for i, text in enumerate(texts):
        crfsuite.set(char_features(text, words[i]))
        exact = crfsuite_marginals(scores[i].tolist(), transitions.tolist())
        assert exact == [[crfsuite.marginal(label, t) for label in labels] for t in range(len(text))], text
        fast = marginals(Lattice.of(np.array([len(text)]), len(labels)), scores[i], transitions)
        assert np.abs(fast - np.array(exact)).max() < linear_chain.MARGINAL_ERROR / 1000
    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))  # all at once, as tagging batches them
    together = marginals(Lattice.of(np.array([len(texts[i]) for i in order]), len(labels)),
                         np.concatenate([scores[i] for i in order]), transitions)
    alone = np.concatenate([marginals(Lattice.of(np.array([len(texts[i])]), len(labels)), scores[i], transitions)
                            for i in order])
    assert np.abs(together - alone).max() < linear_chain.MARGINAL_ERROR / 1000


def test_the_exact_path_gives_the_same_scores(crfsuite, monkeypatch):
    texts = ["昨天周明远在杭州对记者说，星河智能科技有限公司明年会上市。", "会议由上海交通大学的陈志刚教授主持。"]
    words = [_words(t) for t in texts]
    fast = tag_texts(texts, words)
    monkeypatch.setattr(mention_model, "MARGINAL_ERROR", 1.0)  # every score is recomputed exactly
    assert tag_texts(texts, words) == fast
    assert [[(s.start, s.end, s.kind, s.score) for s in spans] for spans in fast] == \
        [_reference(crfsuite, t, w)[1] for t, w in zip(texts, words)]


# Han (common and rare, a non-BMP one), Latin, ASCII and full-width digits, spaces of several kinds,
# punctuation, the pad and end characters themselves and NUL, which CRFsuite's C strings cut short
ALPHABET = list("王李张明华伟周远北京上海深圳公司集团大学科技有限说在的了是，。、：！?（）《》 \t\u3000\u00a0aBzQ019０９ＡｚⅣ①"
                "\x02\x03\x00-_'\"") + ["𠀋", "𝔸", "😀", "公司", "有限公司", "北京大学"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(ALPHABET), max_size=40).map("".join), min_size=1, max_size=6))
def test_any_text_tags_and_scores_as_crfsuite_does(crfsuite, texts):
    words = [_words(t) for t in texts]
    found = tag_texts(texts, words)
    for text, w, spans in zip(texts, words, found):
        assert [(s.start, s.end, s.kind, s.score) for s in spans] == _reference(crfsuite, text, w)[1]
    nonempty = [i for i, t in enumerate(texts) if t]
    if nonempty:
        tags, _ = _decoded([texts[i] for i in nonempty], [words[i] for i in nonempty])
        assert tags == [_reference(crfsuite, texts[i], words[i])[0] for i in nonempty]


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="王明说在北京公司大学，a1 ", min_size=1, max_size=20),
       st.lists(st.tuples(st.integers(-3, 22), st.integers(1, 6)), max_size=8))
def test_words_out_of_order_or_out_of_range_give_crfsuites_features(crfsuite, text, cuts):
    """A caller's words may overlap, come out of order or stray past the text: the features are
    what ``char_features`` makes of them, as CRFsuite reads them."""
    words = [(text[max(s, 0):s + size] or "x", s, s + size) for s, size in cuts]
    tags, _ = _decoded([text], [words])
    theirs, reference = _reference(crfsuite, text, words)
    assert tags == [theirs]
    assert [(s.start, s.end, s.kind, s.score) for s in tag_texts([text], [words])[0]] == reference


def test_a_batch_tags_each_text_as_if_alone(monkeypatch):
    texts = ["会议由上海交通大学的陈志刚教授主持。", "", "我和林晓芳是大学同学。", "OK", "王明说：" * 40]
    alone = [tag_texts([t], [None])[0] for t in texts]
    assert tag_texts(texts, [None] * len(texts)) == alone
    assert tagged_spans(texts[0]) == alone[0] and alone[1] == ()
    monkeypatch.setattr(mention_model, "_BATCH_CHARS", 30)  # several batches
    assert tag_texts(texts, [None] * len(texts)) == alone


def test_a_damaged_model_file_is_one_talkgraph_error(tmp_path):
    damaged = tmp_path / "damaged.crfsuite"
    damaged.write_bytes((DATA / MODEL_FILE).read_bytes()[:100_000])
    with pytest.raises(TalkgraphError, match="cannot be read"):
        tagged_spans("王明说", str(damaged))
    tables = tmp_path / "broken.npz"
    tables.write_bytes(b"PK\x03\x04 not really a zip file")
    with pytest.raises(TalkgraphError, match="cannot be read"):
        tagged_spans("王明说", str(tables))
