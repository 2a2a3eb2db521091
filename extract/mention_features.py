"""The mention model's features: as strings for CRFsuite's trainer (``char_features``), and as
lookups of the trained weights by integer ids for tagging (``MentionTables``), which give each
character the same state scores CRFsuite gives it from those strings.

Per character twelve templates, in this order: the characters two either side (``U-2``..``U2``),
the bigrams around it (``B-1``, ``B0``), the skip bigram (``S``), the trigrams (``T-1``, ``T1``),
its place in the segmenter's word with that word's dictionary class (``W``), and that place with
the character (``WC``).  Characters are normalised first (``_normal``); ``\\x02`` pads before a
text, ``\\x03`` after it.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache

from .dictionary_cache import TAG_MASK
from .tokens import vocabulary

_PAD = "\x02\x02"
_END = "\x03\x03"


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
    dictionary = vocabulary().dictionary
    packed, class_of = dictionary.packed, _classes_by_index(dictionary.tag_names)
    for word, start, end in words:
        if start < 0 or end > size or end <= start:  # outside the text, or empty
            continue
        kind = class_of[packed(word) & TAG_MASK]
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
def _classes_by_index(tag_names: tuple[str | None, ...]) -> tuple[str, ...]:
    """Each of the dictionary's tags' classes (``_class_of_tag``) by the tag's index; ``?`` for none."""
    return tuple("?" if tag is None else _class_of_tag(tag) for tag in tag_names)


def _class_of_tag(tag: str) -> str:
    """What the dictionary says a word is: a proper noun's class (``nr`` person, ``ns`` place, ``nt``
    organisation, ``nz`` other) or ``c`` for any common word (and ``?``, in ``_word_positions``, for
    a word it does not hold: a name the segmenter guessed, a lexicon name).  Coarse on purpose:
    measured on 1,000 held-out CLUENER sentences, the four proper classes alone tag better than
    jieba's every tag (F1 0.710 against 0.698, model alone)."""
    return next((proper for proper in _PROPER_TAGS if tag.startswith(proper)), "c")


