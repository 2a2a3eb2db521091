"""A trained character-level sequence labeller for Chinese names: people, organisations, places.

The rules find names next to evidence (a title, a suffix, a lexicon entry, a speaker label); a bare
name in running text (``李彦宏说``) has none, and a model trained on public NER corpora finds it
from the shape of the characters around it.  The model is a linear-chain CRF (CRFsuite) over cheap
character features (``mention_features``), trained by ``scripts/train_mention_model.py``.  It ships
twice as package data: the CRFsuite file the training wrote (``data/mention-crf.crfsuite``, which
the training record describes) and the same weights as tables (``data/mention-crf.npz``, see
``mention_tables``), which tagging reads.  Tagging decodes as CRFsuite does, in compiled code over a
batch of paragraphs at once (``linear_chain``, the project's own C module): the same tags and the
same scores, to the bit.  It is loaded once per process, offline; tagging is deterministic.

``model_mentions(text)`` returns ``ModelSpan`` records with exact offsets into ``text``.  Spans the
text itself contradicts are refused (see ``refusal``): a common dictionary word, a fragment of a
Latin-script word, a generic ``X公司``.
"""
from __future__ import annotations

import bisect
import dataclasses
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from importlib import resources
from pathlib import Path

import numpy as np

from .chinese_names import HAN_WORD
from .component import Candidate
from .errors import TalkgraphError
from .foreign_names import hyphened_given_name, joined_name
from .linear_chain import marginals, viterbi
from .mention_features import Words, char_features
from .mention_tables import MentionTables
from .model import Kind
from .model_refusals import kind_by_context, refusal
from .organizations import POST_MARKS, glued_post_mark
from .tokens import vocabulary

__all__ = ["MODEL_FILE", "TABLES_FILE", "ModelSpan", "model_in_use", "char_features", "find_names", "has_han", "model_mentions",
           "read_tables", "spans_from_tags", "tag_ahead", "tag_texts", "tagged_spans"]

MODEL_FILE = "mention-crf.crfsuite"
TABLES_FILE = "mention-crf.npz"  # the same weights, written from it by scripts/train_mention_model.py
# BIOES tags over these types; the training script writes the same names
TAG_KINDS = {"PER": Kind.PERSON, "ORG": Kind.ORGANIZATION, "LOC": Kind.PLACE}


@dataclass(frozen=True, slots=True)
class ModelSpan:
    """A name the model found: ``text[start:end]``, its kind and the model's confidence (0–1)."""

    start: int
    end: int
    kind: Kind
    score: float


def spans_from_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` for each well-formed BIOES run; a broken run (``I`` without ``B``) is dropped.

    Only the tagged characters are visited (most are ``O``); a gap between two of them ends a run."""
    return _runs([(i, tag) for i, tag in enumerate(tags) if tag != "O"])


def _runs(tagged: list[tuple[int, str]]) -> list[tuple[int, int, str]]:
    """``spans_from_tags`` from the characters not tagged ``O`` alone: ``(position, tag)`` in order."""
    out: list[tuple[int, int, str]] = []
    start, kind, previous = None, None, -2
    for i, tag in tagged:
        if i != previous + 1:
            start = None
        previous = i
        prefix, typ = tag[0], tag[2:]
        if prefix == "S":
            out.append((i, i + 1, typ))
            start = None
        elif prefix == "B":
            start, kind = i, typ
        elif prefix == "I":
            if start is None or typ != kind:
                start = None
        elif prefix == "E":
            if start is not None and typ == kind:
                out.append((start, i + 1, typ))
            start = None
        else:
            start = None
    return out


def read_tables(model_file: str | None = None) -> MentionTables:
    """The shipped weights (``data/mention-crf.npz``), or those of ``model_file``: a ``.npz`` this
    module wrote or a CRFsuite model, converted when read."""
    return _tables(model_file)


@cache
def _tables(model_file: str | None) -> MentionTables:
    shipped = resources.as_file(resources.files(__package__).joinpath("data", TABLES_FILE))
    with shipped if model_file is None else nullcontext(Path(model_file)) as model_path:
        if not model_path.is_file():
            raise TalkgraphError(f"the mention model {model_path} is missing")
        try:
            if model_path.suffix == ".npz":
                return MentionTables.load(model_path)
            return MentionTables.from_crfsuite(model_path)
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
            raise TalkgraphError(f"the mention model {model_path} cannot be read ({exc})") from None


def model_mentions(text: str, model_file: str | None = None, words: Words | None = None) -> tuple[ModelSpan, ...]:
    """The names the model finds in ``text`` (a sentence or paragraph), minus those the text refuses.

    Only texts with Han characters are tagged: the model was trained on Chinese and has nothing to
    say about a purely Latin-script sentence.  ``words`` are the text's words when the caller has
    segmented it already (a ``Doc`` has): the features and the post-filter both read them.
    """
    if not text or not HAN_WORD.search(text):
        return ()
    if words is None:
        words = [(t.word, t.start, t.end) for t in vocabulary().segment(text)]
    return _refused(text, tagged_spans(text, model_file, words), words)


def _refused(text: str, spans: tuple[ModelSpan, ...], words: Words) -> tuple[ModelSpan, ...]:
    """The spans the text does not refuse, each of the kind the words after it give it, without a
    post's mark before an organisation (前|远帆|集团: a post held there once)."""
    marked = (dataclasses.replace(s, start=s.start + 1) if s.kind is Kind.ORGANIZATION and _post_mark_before(words, s.start)
              else s for s in spans)
    retyped = (dataclasses.replace(s, kind=kind) if (kind := kind_by_context(text, s.end, s.kind)) is not s.kind else s
               for s in marked)
    return tuple(s for s in retyped if refusal(text, s.start, s.end, s.kind, words, s.score) is None)


def _post_mark_before(words: Words, start: int) -> bool:
    """前, 原 or 现 a word of its own, a name of two characters or more after it (前|远帆, not 前|海), or
    glued to an unknown name (前远帆|集团)."""
    word, end = _word_starting(words, start)
    return word in POST_MARKS and len(_word_starting(words, end)[0]) >= 2 or glued_post_mark(word)


def _word_starting(words: Words, start: int) -> tuple[str, int]:
    """The word (of ``words``, in text order) that starts at ``start`` and where it ends, or ``("", start)``."""
    at = bisect.bisect_left(words, start, key=itemgetter(1))
    return (words[at][0], words[at][2]) if at < len(words) and words[at][1] == start else ("", start)



def tagged_spans(text: str, model_file: str | None = None, words: Words | None = None) -> tuple[ModelSpan, ...]:
    """Everything the model tags in ``text``, before the post-filter."""
    if not text or not HAN_WORD.search(text):
        return ()
    return tag_texts([text], [words], model_file)[0]


def tag_texts(texts: Sequence[str], words: Sequence[Words | None], model_file: str | None = None,
              offsets: Sequence[int] | None = None) -> list[tuple[ModelSpan, ...]]:
    """``tagged_spans`` of each text, decoded together: one call of the compiled code serves every
    text of a batch.  Each text is tagged as if alone (no state crosses from one to the next); an
    empty text has no spans.  ``offsets[k]``, when given, is where text ``k``'s words count from
    (a paragraph's tokens at document offsets); words segmented here count from 0."""
    if offsets is None:
        offsets = [0] * len(texts)
    given = [(w, o) if w is not None else ([(t.word, t.start, t.end) for t in vocabulary().segment(text)], 0)
             for text, w, o in zip(texts, words, offsets)]
    tables = _tables(model_file)
    out: list[tuple[ModelSpan, ...]] = [()] * len(texts)
    for batch in _batches([len(t) for t in texts]):
        for i, spans in zip(batch, _tag_batch(tables, [texts[i] for i in batch], [given[i][0] for i in batch],
                                              [given[i][1] for i in batch])):
            out[i] = spans
    return out


# the most characters one batch decodes: bounds its arrays (about 250 bytes a character)
_BATCH_CHARS = 100_000


def _batches(lengths: list[int]) -> Iterator[list[int]]:
    """The non-empty texts' indices, in order, in batches of at most ``_BATCH_CHARS`` characters
    (or one longer text)."""
    batch: list[int] = []
    size = 0
    for i, n in enumerate(lengths):
        if not n:
            continue
        if batch and size + n > _BATCH_CHARS:
            yield batch
            batch, size = [], 0
        batch.append(i)
        size += n
    if batch:
        yield batch


def _tag_batch(tables: MentionTables, texts: list[str], words: list[Words],
               offsets: list[int]) -> list[tuple[ModelSpan, ...]]:
    """The spans of each (non-empty) text: Viterbi's tags, and for each span the least marginal
    probability of its tags, computed only for the texts with a span."""
    scores = tables.state_scores(texts, words, offsets)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    starts = np.cumsum(lengths) - lengths
    labels = np.empty(len(scores), dtype=np.int64)
    viterbi(scores, starts, lengths, tables.transitions, labels)
    at = np.flatnonzero(labels != tables.labels.index("O"))  # most characters are outside any name
    bounds = np.searchsorted(at, np.append(starts, len(labels))).tolist()  # each text's part of ``at``
    places = (at - np.repeat(starts, np.diff(bounds))).tolist()
    tags = np.array(tables.labels, dtype=object)[labels[at]].tolist()
    found = {b: spans for b in range(len(texts)) if bounds[b] < bounds[b + 1]
             if (spans := [(s, e, TAG_KINDS[typ]) for s, e, typ in
                           _runs(list(zip(places[bounds[b]:bounds[b + 1]], tags[bounds[b]:bounds[b + 1]])))
                           if typ in TAG_KINDS])}
    out: list[tuple[ModelSpan, ...]] = [()] * len(texts)
    if not found:
        return out
    named = list(found)
    probability = np.empty_like(scores)  # written for the named texts' rows alone
    marginals(scores, starts[named], lengths[named], tables.transitions, probability)
    for b, spans in found.items():
        first = int(starts[b])
        rows = slice(first, first + int(lengths[b]))
        chosen = probability[rows][np.arange(int(lengths[b])), labels[rows]].tolist()
        out[b] = tuple(ModelSpan(start, end, kind, round(min(chosen[start:end]), 4)) for start, end, kind in spans)
    return out


# the kinds the pipeline takes from the model, and the least score of each (measured on the dev
# splits and the dev transcripts: see extract/data/README.md)
COMPONENT_KINDS = {Kind.PERSON: 0.5, Kind.ORGANIZATION: 0.5}


def has_han(text: str) -> bool:
    """The component's precheck: a paragraph without Han characters is not tagged."""
    return HAN_WORD.search(text) is not None


SOURCE = "model.crf"  # the component's name, which its mentions carry as their extractor


def find_names(doc, paragraphs) -> Iterator[Candidate]:
    """The pipeline component: the model's names in each paragraph, at document offsets, with their
    score.  The document's paragraphs are tagged together (``tag_texts``), or were tagged ahead
    with other documents' (``tag_ahead``)."""
    paragraphs = [p for p in paragraphs if has_han(p.text)]
    for para, spans in zip(paragraphs, _paragraph_spans(doc, paragraphs)):
        if not spans:
            continue
        for span in _refused(para.text, spans, _ShiftedWords(para.tokens, para.start)):
            least = COMPONENT_KINDS.get(span.kind)
            if least is not None and span.score >= least:
                start = span.start
                if span.kind is Kind.PERSON and joined_name(para.text[span.start:span.end]):
                    start = hyphened_given_name(para.text, start, 0)  # 让-|皮埃尔·莫罗: the model stops at the hyphen
                yield Candidate(para.start + start, para.start + span.end, span.kind, para.turn_index,
                                score=span.score)


class _ShiftedWords(Sequence):
    """A paragraph's tokens as ``(word, start, end)`` in the paragraph's text, each made when read:
    the post-filter reads a few of them by bisection, not all."""

    __slots__ = ("tokens", "offset")

    def __init__(self, tokens: Sequence[tuple[str, int, int]], offset: int) -> None:
        self.tokens, self.offset = tokens, offset

    def __len__(self) -> int:
        return len(self.tokens)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        word, start, end = self.tokens[i]
        return word, start - self.offset, end - self.offset


# ``doc.shared``'s entry for spans ``tag_ahead`` found: paragraph start → the paragraph's spans
_TAGGED_AHEAD = f"{SOURCE}: tagged ahead"


def tag_ahead(docs: Sequence) -> None:
    """Tag the paragraphs of several documents in one batch before the pipeline runs on each of
    them; ``find_names`` then takes its spans from ``doc.shared``.  The spans are those each
    document's own tagging finds (every text is tagged as if alone), for one call instead of one
    per document: what ``talkgraph mentions --lines`` needs, with a document per line."""
    paragraphs = [(doc, p) for doc in docs for p in doc.paragraphs if has_han(p.text)]
    for doc in docs:
        doc.shared[_TAGGED_AHEAD] = {}
    for (doc, para), spans in zip(paragraphs, _tag_paragraphs([p for _, p in paragraphs])):
        doc.shared[_TAGGED_AHEAD][para.start] = spans


def _paragraph_spans(doc, paragraphs) -> list[tuple[ModelSpan, ...]]:
    """Each paragraph's spans: tagged ahead, or tagged now."""
    ahead = doc.shared.get(_TAGGED_AHEAD, {})
    now = iter(_tag_paragraphs([p for p in paragraphs if p.start not in ahead]))
    return [ahead[p.start] if p.start in ahead else next(now) for p in paragraphs]


# the model file the pipeline's component tags with: None, the shipped one
_MODEL_IN_USE: ContextVar[str | None] = ContextVar("talkgraph mention model file", default=None)


@contextmanager
def model_in_use(model_file: str | None) -> Iterator[None]:
    """Within the block the pipeline's component (``find_names``, ``tag_ahead``) tags with the
    weights of ``model_file`` (a ``.npz`` or CRFsuite file; None: the shipped ones): how a model
    trained without some sentences is measured on them through the whole pipeline
    (``scripts/heldout_ner.py``)."""
    token = _MODEL_IN_USE.set(model_file)
    try:
        yield
    finally:
        _MODEL_IN_USE.reset(token)


def _tag_paragraphs(paragraphs) -> list[tuple[ModelSpan, ...]]:
    """``tag_texts`` of paragraphs, with their tokens as they are (at document offsets)."""
    return tag_texts([p.text for p in paragraphs], [p.tokens for p in paragraphs], _MODEL_IN_USE.get(),
                     offsets=[p.start for p in paragraphs])
