"""Tagging with the shipped tables gives what CRFsuite gives with the shipped model: the same tags,
the same scores (every marginal probability the same double), for real sentences of the training
splits and for any text at all."""
from __future__ import annotations

import hashlib
import importlib.util
import math
import sys
from pathlib import Path

import numpy as np
import pycrfsuite
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talkgraph.extract import mention_model
from talkgraph.extract.crfsuite_file import read_crfsuite
from talkgraph.extract.errors import TalkgraphError
from talkgraph.extract.linear_chain import StateScorer, marginals, viterbi
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
    """The tables' state scores and Viterbi's tags, all texts in one batch as tagging lays them out."""
    tables = read_tables()
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    starts = np.cumsum(lengths) - lengths
    scores = tables.state_scores(texts, words)
    labels = np.empty(len(scores), dtype=np.int64)
    viterbi(scores, starts, lengths, tables.transitions, labels)
    tags = [[tables.labels[k] for k in labels[s:s + n]] for s, n in zip(starts, lengths)]
    return tags, [scores[s:s + n] for s, n in zip(starts, lengths)]


def _marginals(scores, transitions):
    """The compiled marginals of one sequence alone."""
    out = np.empty_like(scores)
    marginals(scores, np.array([0]), np.array([len(scores)]), transitions, out)
    return out


def _crfsuite_marginals(tagger, text, words):
    tagger.set(char_features(text, words))
    labels = read_tables().labels
    return np.array([[tagger.marginal(label, t) for label in labels] for t in range(len(text))]).reshape(-1, len(labels))


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
    for i, text in enumerate(texts):
        assert np.array_equal(_marginals(scores[i], transitions), _crfsuite_marginals(crfsuite, text, words[i])), text
    # a batch with sequences left out, in any order: each sequence's rows as if alone, the others untouched
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    starts = np.cumsum(lengths) - lengths
    picked = np.arange(len(texts))[::-3]
    together = np.full((int(lengths.sum()), len(transitions)), -1.0)
    marginals(np.concatenate(scores), starts[picked], lengths[picked], transitions, together)
    for i in range(len(texts)):
        rows = together[starts[i]:starts[i] + lengths[i]]
        assert np.array_equal(rows, _marginals(scores[i], transitions)) if i in picked else (rows == -1).all()


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
    tags, scores = _decoded(texts, words)
    assert tags == [_reference(crfsuite, text, w)[0] for text, w in zip(texts, words)]
    transitions = read_tables().transitions
    for text, w, rows in zip(texts, words, scores):
        assert np.array_equal(_marginals(rows, transitions), _crfsuite_marginals(crfsuite, text, w)), text


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="王明说在北京公司大学，a1 ", min_size=1, max_size=20),
       st.lists(st.tuples(st.integers(-3, 22), st.integers(-2, 6)), max_size=8))
def test_words_out_of_order_or_out_of_range_give_crfsuites_features(crfsuite, text, cuts):
    """A caller's words may overlap, come out of order, stray past the text or be empty: the
    features are what ``char_features`` makes of them, as CRFsuite reads them."""
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


def test_words_at_an_offset_are_read_from_it():
    texts = ["会议由上海交通大学的陈志刚教授主持。", "我和林晓芳是大学同学。"]
    words = [_words(t) for t in texts]
    moved = [[(w, s + 1000 * k, e + 1000 * k) for w, s, e in ws] for k, ws in enumerate(words, 1)]
    assert tag_texts(texts, moved, offsets=[1000, 2000]) == tag_texts(texts, words)


def test_the_compiled_code_refuses_arrays_that_do_not_fit():
    """Wrong shapes and types are a Python exception, never a read outside an array."""
    tables = read_tables()
    scores, transitions = np.zeros((5, len(tables.labels))), tables.transitions
    labels = np.empty(5, dtype=np.int64)
    with pytest.raises(ValueError, match="outside the scores"):
        viterbi(scores, np.array([3]), np.array([3]), transitions, labels)
    with pytest.raises(ValueError, match="do not fit"):
        marginals(scores, np.array([0]), np.array([5]), transitions[:3], np.empty_like(scores))
    with pytest.raises(TypeError, match="int64"):
        viterbi(scores, np.array([0]), np.array([5]), transitions, np.empty(5, dtype=np.int32))
    with pytest.raises(TypeError, match="writable"):
        viterbi(scores, np.array([0]), np.array([5]), transitions, b"x" * 40)
    with pytest.raises(ValueError, match="do not fit"):
        StateScorer(tables.unigram, tables.word, tables.place[:-1], tables.pair_keys, tables.pair_rows,
                    tables.triple_keys, tables.triple_rows, tables.skip_keys, tables.skip_rows)
    with pytest.raises(ValueError, match="ascending"):
        StateScorer(tables.unigram, tables.word, tables.place, tables.pair_keys[::-1].copy(), tables.pair_rows,
                    tables.triple_keys, tables.triple_rows, tables.skip_keys, tables.skip_rows)
    scorer, size = tables._scorer(), len(tables.labels)
    with pytest.raises(ValueError, match="outside the tables"):
        scorer.state_scores(np.full(7, 10**6, dtype=np.int32), np.array([3]), [[]], None, {}, np.empty((3, size)))
    with pytest.raises(ValueError, match=r"\(word, start, end\)"):
        scorer.state_scores(np.zeros(7, dtype=np.int32), np.array([3]), [[("a", 0)]], None, {}, np.empty((3, size)))
    with pytest.raises(ValueError, match="kind"):
        scorer.state_scores(np.zeros(7, dtype=np.int32), np.array([3]), [[("a", 0, 1)]], None, {"a": 99},
                            np.empty((3, size)))


def test_a_damaged_model_file_is_one_talkgraph_error(tmp_path):
    damaged = tmp_path / "damaged.crfsuite"
    damaged.write_bytes((DATA / MODEL_FILE).read_bytes()[:100_000])
    with pytest.raises(TalkgraphError, match="cannot be read"):
        tagged_spans("王明说", str(damaged))
    tables = tmp_path / "broken.npz"
    tables.write_bytes(b"PK\x03\x04 not really a zip file")
    with pytest.raises(TalkgraphError, match="cannot be read"):
        tagged_spans("王明说", str(tables))


def _crfsuite_viterbi(states, transitions):
    """``crf1dc_viterbi`` line by line: the reference for models of any number of labels."""
    size = len(transitions)
    best, back = [list(states[0])], []
    for state in states[1:]:
        here, edges = [], []
        for j in range(size):
            most, edge = -sys.float_info.max, 0
            for i in range(size):
                score = best[-1][i] + transitions[i][j]
                if most < score:
                    most, edge = score, i
            here.append(most + state[j])
            edges.append(edge)
        best.append(here)
        back.append(edges)
    most, label = -sys.float_info.max, 0
    for i, score in enumerate(best[-1]):
        if most < score:
            most, label = score, i
    labels = [label]
    for edges in reversed(back):
        labels.append(edges[labels[-1]])
    return labels[::-1]


def _crfsuite_marginals_of(states, transitions):
    """``crf1dc_alpha_score``, ``crf1dc_beta_score`` and ``crf1dc_marginal_point`` line by line (the
    C library's ``exp`` through ``math.exp``, every sum in index order)."""
    size = len(transitions)
    gains = [[math.exp(v) for v in row] for row in states]
    moves = [[math.exp(v) for v in row] for row in transitions]
    forward, scale = [], []
    for t, gain in enumerate(gains):
        here = list(gain) if t == 0 else [0.0] * size
        if t:
            for i, before in enumerate(forward[-1]):
                for j in range(size):
                    here[j] += before * moves[i][j]
            here = [here[j] * gain[j] for j in range(size)]
        total = 0.0
        for v in here:
            total += v
        factor = 1.0 / total if total != 0.0 else 1.0
        forward.append([v * factor for v in here])
        scale.append(factor)
    backward = [[scale[-1]] * size]
    for t in range(len(gains) - 2, -1, -1):
        row = [backward[-1][j] * gains[t + 1][j] for j in range(size)]
        here = []
        for i in range(size):
            total = 0.0
            for j in range(size):
                total += moves[i][j] * row[j]
            here.append(total * scale[t])
        backward.append(here)
    backward.reverse()
    return [[forward[t][k] * backward[t][k] / scale[t] for k in range(size)] for t in range(len(gains))]


# small integers and halves tie often, which tests that a tie goes to the lower label
_WEIGHTS = st.one_of(st.sampled_from([-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0]),
                     st.floats(-30, 30, allow_nan=False, allow_infinity=False))


@settings(max_examples=120, deadline=None)
@given(st.integers(1, 20).flatmap(lambda size: st.tuples(
    st.lists(st.lists(_WEIGHTS, min_size=size, max_size=size), min_size=size, max_size=size),
    st.lists(st.lists(st.lists(_WEIGHTS, min_size=size, max_size=size), min_size=0, max_size=25),
             min_size=1, max_size=4))))
def test_any_number_of_labels_decodes_with_crfsuites_arithmetic(model):
    """Models of other sizes than the shipped one (a retrained model may have more kinds of names):
    Viterbi's labels and every marginal as CRFsuite's own loops compute them."""
    transitions, sequences = model
    lengths = np.array([len(s) for s in sequences], dtype=np.int64)
    starts = np.cumsum(lengths) - lengths
    size = len(transitions)
    scores = np.array([row for s in sequences for row in s], dtype=np.float64).reshape(-1, size)
    moves = np.array(transitions, dtype=np.float64)
    labels = np.full(len(scores), -1, dtype=np.int64)
    viterbi(scores, starts, lengths, moves, labels)
    probability = np.empty_like(scores)
    marginals(scores, starts, lengths, moves, probability)
    for start, states in zip(starts.tolist(), sequences):
        if states:
            assert labels[start:start + len(states)].tolist() == _crfsuite_viterbi(states, transitions)
            assert probability[start:start + len(states)].tolist() == _crfsuite_marginals_of(states, transitions)
