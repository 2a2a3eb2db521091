"""A trained character-level sequence labeller for Chinese names: people, organisations, places.

The rules find names next to evidence (a title, a suffix, a lexicon entry, a speaker label); a bare
name in running text (``李彦宏说``) has none, and a model trained on public NER corpora finds it
from the shape of the characters around it.  The model is a linear-chain CRF (CRFsuite) over cheap
character features, trained by ``scripts/train_mention_model.py`` and shipped as package data
(``data/mention-crf.crfsuite``).  It is loaded once per process, offline; tagging is deterministic.

``model_mentions(text)`` returns ``ModelSpan`` records with exact offsets into ``text``.  Spans the
text itself contradicts are refused (see ``refusal``): a common dictionary word, a fragment of a
Latin-script word, a generic ``X公司``.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from .chinese_names import HAN_WORD
from .component import Candidate
from .errors import TalkgraphError
from .model import Kind
from .model_refusals import refusal
from .tokens import vocabulary

MODEL_FILE = "mention-crf.crfsuite"
# BIOES tags over these types; the training script writes the same names
TAG_KINDS = {"PER": Kind.PERSON, "ORG": Kind.ORGANIZATION, "LOC": Kind.PLACE}
_PAD = "\x02\x02"
_END = "\x03\x03"


@dataclass(frozen=True, slots=True)
class ModelSpan:
    """A name the model found: ``text[start:end]``, its kind and the model's confidence (0–1)."""

    start: int
    end: int
    kind: Kind
    score: float


def _normal_char(ch: str) -> str:
    """One character as the model sees it: digits as ``0``, Latin letters as ``a``, spaces as ``_``."""
    if ch.isdigit():
        return "0"
    if ch.isascii():
        if ch.isalpha():
            return "a"
        return "_" if ch.isspace() else ch
    if ch.isspace():
        return "_"
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) == 1 and folded.isascii():
        return _normal_char(folded)
    return ch


@cache
def _normal(ch: str) -> str:
    return _normal_char(ch)


Words = Sequence[tuple[str, int, int]]  # the segmenter's ``(word, start, end)``, offsets into the text


def char_features(text: str, words: Words | None = None) -> list[list[str]]:
    """Per character: the characters two either side, the bigrams around it, the skip bigram, and
    where it stands in the segmenter's word with that word's dictionary tag.

    The word features say what the characters alone cannot: ``说明`` is one word, ``周明远`` is a
    word the dictionary does not hold (the segmenter guessed it), ``北京`` is a place name.
    ``words`` are the text's words as ``extract.doc.Doc`` segmented them; without them the text is
    segmented here.  Built column by column with comprehensions over shifted strings, so the
    per-character Python work is a handful of string concatenations.
    """
    if words is None:
        words = [(t.word, t.start, t.end) for t in vocabulary().segment(text)]
    n = _PAD + "".join([_normal(c) for c in text]) + _END
    size = len(text)
    a, b, c, d, e = n[0:size], n[1:size + 1], n[2:size + 2], n[3:size + 3], n[4:size + 4]
    word_at, place_at = _word_positions(size, words)
    return [["U-2" + p2, "U-1" + p1, "U0" + c0, "U1" + n1, "U2" + n2,
             "B-1" + p1 + c0, "B0" + c0 + n1, "S" + p1 + n1, "T-1" + p2 + p1 + c0, "T1" + c0 + n1 + n2,
             w, p + c0]
            for p2, p1, c0, n1, n2, w, p in zip(a, b, c, d, e, word_at, place_at)]


def _word_positions(size: int, words: Words) -> tuple[list[str], list[str]]:
    """Per character two features: ``W`` and its place in its word (``B``/``M``/``E``/``S``) with
    the word's class, and ``WC`` and that place alone (the character follows)."""
    word_at, place_at = ["WS_"] * size, ["WCS"] * size
    tags, classes = vocabulary().tags, _classes()
    for word, start, end in words:
        if start < 0 or end > size:
            continue
        kind = classes.get(tags.get(word), "?")
        if word.isspace():
            kind = "_"
        if end - start == 1:
            word_at[start] = "WS" + kind
        else:
            word_at[start] = "WB" + kind
            word_at[start + 1:end - 1] = ["WM" + kind] * (end - start - 2)
            word_at[end - 1] = "WE" + kind
            place_at[start] = "WCB"
            place_at[start + 1:end - 1] = ["WCM"] * (end - start - 2)
            place_at[end - 1] = "WCE"
    return word_at, place_at


_PROPER_TAGS = ("nr", "ns", "nt", "nz")  # person, place, organisation, other proper noun


@cache
def _classes() -> dict[str, str]:
    """Each tag of the dictionary and its class (``_class_of_tag``), looked up once per word."""
    return {tag: _class_of_tag(tag) for tag in set(vocabulary().tags.values())}


def _class_of_tag(tag: str) -> str:
    """What the dictionary says a word is: a proper noun's class (``nr`` person, ``ns`` place, ``nt``
    organisation, ``nz`` other) or ``c`` for any common word (and ``?``, in ``_word_positions``, for
    a word it does not hold: a name the segmenter guessed, a lexicon name).  Coarse on purpose:
    measured on 1,000 held-out CLUENER sentences, the four proper classes alone tag better than
    jieba's every tag (F1 0.710 against 0.698, model alone)."""
    return next((proper for proper in _PROPER_TAGS if tag.startswith(proper)), "c")


def spans_from_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` for each well-formed BIOES run; a broken run (``I`` without ``B``) is dropped.

    Only the tagged characters are visited (most are ``O``); a gap between two of them ends a run."""
    out: list[tuple[int, int, str]] = []
    start, kind, previous = None, None, -2
    for i in [i for i, tag in enumerate(tags) if tag != "O"]:
        if i != previous + 1:
            start = None
        previous = i
        tag = tags[i]
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


@cache
def _tagger(model_file: str | None = None):
    """The CRFsuite tagger of the shipped model (or of ``model_file``), opened once per process."""
    tagger = pycrfsuite.Tagger()
    shipped = resources.as_file(resources.files(__package__).joinpath("data", MODEL_FILE))
    with shipped if model_file is None else nullcontext(Path(model_file)) as model_path:
        if not model_path.is_file():
            raise TalkgraphError(f"the mention model {model_path} is missing")
        try:
            tagger.open(str(model_path))
        except (OSError, ValueError) as exc:
            raise TalkgraphError(f"the mention model {model_path} cannot be read ({exc})") from None
    return tagger


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
    return tuple(s for s in tagged_spans(text, model_file, words)
                 if refusal(text, s.start, s.end, s.kind, words, s.score) is None)


def tagged_spans(text: str, model_file: str | None = None, words: Words | None = None) -> tuple[ModelSpan, ...]:
    """Everything the model tags in ``text``, before the post-filter."""
    if not text or not HAN_WORD.search(text):
        return ()
    tagger = _tagger(model_file)
    tags = tagger.tag(char_features(text, words))
    found = []
    for start, end, typ in spans_from_tags(tags):
        kind = TAG_KINDS.get(typ)
        if kind is None:
            continue
        score = min(tagger.marginal(tags[i], i) for i in range(start, end))
        found.append(ModelSpan(start, end, kind, round(score, 4)))
    return tuple(found)


# the kinds the pipeline takes from the model, and the least score of each (measured on the dev
# splits and the dev transcripts: see extract/data/README.md)
COMPONENT_KINDS = {Kind.PERSON: 0.5, Kind.ORGANIZATION: 0.5}


def has_han(text: str) -> bool:
    """The component's precheck: a paragraph without Han characters is not tagged."""
    return HAN_WORD.search(text) is not None


def find_names(doc, paragraphs) -> Iterator[Candidate]:
    """The pipeline component: the model's names in each paragraph, at document offsets, with their score."""
    for para in paragraphs:
        words = [(t.word, t.start - para.start, t.end - para.start) for t in para.tokens]
        for span in model_mentions(para.text, words=words):
            least = COMPONENT_KINDS.get(span.kind)
            if least is not None and span.score >= least:
                yield Candidate(para.start + span.start, para.start + span.end, span.kind, para.turn_index,
                                score=span.score)
