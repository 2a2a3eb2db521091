"""talkgraph's one segmenter, and the frequencies and tags of its one dictionary.

Segmentation is jieba's algorithm (default mode, HMM for unknown words) on jieba's default
dictionary plus the lexicons' names (``add_word``, frequency 2000), run by jieba-rs through
``rjieba``: five times faster than Python's jieba, and token for token the same once two
differences are undone (``Segmenter``).  Word frequencies and part-of-speech tags come from the
same dictionary file, read once per process, so the segmenter and the rules that read its words
agree on what a word is.  Texts are segmented by ``extract.doc.Doc``, once per document.
"""
from __future__ import annotations

import bisect
import importlib
import logging
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from operator import itemgetter
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple

import rjieba

from talkgraph.ontology import lexicon

from .dictionary_cache import TAG_BITS, TAG_MASK, Dictionary, default_dictionary

if TYPE_CHECKING:
    import jieba

LEXICON_WORD_FREQ = 2000  # high enough that the segmenter keeps a lexicon name whole

# jieba's own patterns (jieba/__init__.py, jieba/finalseg): Han runs, and what its HMM step keeps whole
_HAN = re.compile("([\u4E00-\u9FD5]+)")
_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
_SKIP_WHOLE = re.compile(_SKIP.pattern[1:-1])  # a word that is one piece of _SKIP: never cut
# the characters other than Han that jieba puts into its word blocks: only a word with one of them
# can be one to cut, so only the words overlapping a run of them are looked at
_NON_HAN_IN_BLOCKS = re.compile(r"[a-zA-Z0-9+#&._%\-]+")
# Texts left to Python's jieba: three of one character in a row (哈哈哈, 大大大), where cuts that
# only reorder the same words tie and jieba-rs's HMM may break the tie the other way; and the
# characters jieba-rs counts as Han but Python's jieba does not (extensions A and B onwards, the
# compatibility ideographs, the newest unified ones), which it would join into words
_PYTHON_ONLY = re.compile("([\u4E00-\u9FD5])\\1\\1|[\u3400-\u4DBF\u9FD6-\u9FFF\uF900-\uFAFF\U00020000-\U0003FFFF]")
# a word no text contains: private-use characters never enter jieba's word blocks
_BALANCE_WORD = "\U000F0000\U000F0001"


def needs_python(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` is one that Python's jieba segments (``_PYTHON_ONLY``), not jieba-rs."""
    return _PYTHON_ONLY.search(text, start, len(text) if end is None else end) is not None


# every character jieba (Python's or jieba-rs) may join into a word with its neighbour: word
# characters (Han, letters, digits, and more), the others of its word blocks, the Han that only jieba-rs counts
_JOINABLE = re.compile("[\\w+#&.%\\-\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U0003FFFF]")


def cut_at(text: str, at: int) -> bool:
    """Whether the segmenter cuts ``text`` at ``at`` whatever the rest of the text: jieba segments
    each run of word-block characters on its own, so a text cut where two such characters do not
    meet segments as its two sides segment alone."""
    if at <= 0 or at >= len(text):
        return True
    return not (_JOINABLE.match(text, at - 1) and _JOINABLE.match(text, at)) and text[at - 1:at + 1] != "\r\n"


class Token(NamedTuple):
    """One word of the segmented text, with its offsets into the document."""

    word: str
    start: int
    end: int


_make_token = tuple.__new__  # half the cost of ``Token(...)``: a document has a word every two characters
Words = tuple[tuple[str, int, int], ...]


def tokens_at(words: Words, offset: int) -> tuple[Token, ...]:
    """Segmenter output ``(word, start, end)`` from 0 as tokens at ``offset``."""
    if not offset:
        return tuple(map(_make_token, repeat(Token), words))
    return tuple([_make_token(Token, (w, s + offset, e + offset)) for w, s, e in words])


def first_characters(tokens: Sequence[Token]) -> str:
    """Each word's first character, one per token (built without a Python step per token)."""
    return "".join(map(_FIRST, map(_FIRST, tokens)))


def last_characters(tokens: Sequence[Token]) -> str:
    """Each word's last character, one per token."""
    return "".join(map(_LAST, map(_FIRST, tokens)))


def indices_of(characters: str, chars: frozenset[str]) -> list[int]:
    """The positions in ``characters`` (``first_characters`` or ``last_characters``: the token
    indices) of the characters in ``chars``: the few words a rule's tests need to run on."""
    if not chars:
        return []
    return [match.start() for match in _one_of(chars).finditer(characters)]


_FIRST, _LAST = itemgetter(0), itemgetter(-1)


@cache
def _one_of(chars: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The segmenter, and the counts and tags of the dictionary it segments with (the lexicons'
    words added, as Python jieba's ``Tokenizer.FREQ`` holds them, without its zero-count prefixes)."""

    segmenter: Segmenter
    dictionary: Dictionary

    def words(self, text: str) -> Words:
        """``text``'s words as ``(word, start, end)`` from 0."""
        return self.segmenter.tokenize(text)

    def segment(self, text: str, offset: int = 0) -> tuple[Token, ...]:
        """``text``'s words, their offsets shifted by ``offset``."""
        return tokens_at(self.segmenter.tokenize(text), offset)

    def frequency(self, word: str) -> int:
        return self.dictionary.count(word)

    def tag(self, word: str) -> str | None:
        return self.dictionary.tag(word)


class Segmenter:
    """jieba's ``Tokenizer.tokenize`` (default mode, HMM) with talkgraph's added words, by jieba-rs.

    jieba-rs runs the same algorithm on the same dictionary and HMM; where it differs from
    Python's jieba, the difference is undone here.  It keeps a non-Han run such as ``GPT-4`` or ``v0.dev``
    whole where Python's HMM step cuts it with ``_SKIP`` (``GPT``, ``-``, ``4``), so a token that
    is neither a dictionary word nor all Han is cut that way.  And re-adding a word already in the
    dictionary replaces its count in jieba-rs's total but adds to it in Python's (which also counts
    both lines of the one word the dictionary lists twice), so jieba-rs gets one word no text
    contains carrying the difference: both totals, and so every word's probability, are equal to
    the last bit, which decides between cuts that only reorder words of equal counts.
    A text with a run of one repeated character, or with a character only jieba-rs counts as
    Han, goes to Python's jieba itself, on the same counts (``python_tokenizer``, ``_PYTHON_ONLY``).
    ``tests/extract/test_segmenter.py`` and ``benchmarks/segmenter_benchmark.py`` compare the two.
    """

    def __init__(self, added: Iterable[str], dictionary: Dictionary):
        """``added``: the words given ``LEXICON_WORD_FREQ``, in order; ``dictionary``: the
        dictionary with them added, as Python's jieba counts them."""
        self._added = tuple(added)
        self._dictionary = dictionary
        self._rust = _fresh_jieba()
        for word in self._added:
            self._rust.add_word(word, LEXICON_WORD_FREQ, None)
        if dictionary.total > dictionary.word_total:  # jieba-rs counts each word once, at its last count
            self._rust.add_word(_BALANCE_WORD, dictionary.total - dictionary.word_total, None)

    def tokenize(self, text: str) -> Words:
        if needs_python(text):
            return tuple(self.python_tokenizer().tokenize(text))
        return self.jieba_rs_words(text)

    def jieba_rs_words(self, text: str) -> Words:
        """jieba-rs's words of ``text``, cut as Python's jieba cuts them: ``tokenize``'s words for a
        text that ``needs_python`` is False for, and for any stretch of such a text without one."""
        words = self._rust.tokenize(text)
        runs = _NON_HAN_IN_BLOCKS.finditer(text)
        first = next(runs, None)
        if first is None:
            return tuple(words)
        return tuple(self._as_python_cuts(words, (first, *runs)))

    def _as_python_cuts(self, words: list[tuple[str, int, int]], runs: Iterable[re.Match[str]]) -> list[tuple[str, int, int]]:
        """``words`` with each one Python's jieba cuts further cut so: only a word overlapping one of
        ``runs`` (the text's runs of non-Han block characters) can be one."""
        starts = list(map(itemgetter(1), words))
        out: list[tuple[str, int, int]] = []
        done = 0  # words[:done] are in ``out``
        for run in runs:
            run_start, run_end = run.span()
            i = bisect.bisect_right(starts, run_start) - 1
            if i < done:
                i = done
            while i < len(words) and starts[i] < run_end:
                pieces = self._python_pieces(words[i])
                if pieces is not None:
                    out += words[done:i]
                    out += pieces
                    done = i + 1
                i += 1
        out += words[done:]
        return out

    def _python_pieces(self, word: tuple[str, int, int]) -> list[tuple[str, int, int]] | None:
        """How Python's jieba cuts a word jieba-rs kept whole, or None if it keeps it whole too."""
        w = word[0]
        if len(w) == 1 or _SKIP_WHOLE.fullmatch(w) or self._dictionary.count(w) or _HAN.fullmatch(w):
            return None  # one piece, as it is
        pieces, pos = [], word[1]
        for block in _HAN.split(w):
            for piece in ((block,) if _HAN.match(block) else _SKIP.split(block)):
                if piece:
                    pieces.append((piece, pos, pos + len(piece)))
                    pos += len(piece)
        return pieces

    @cache
    def python_tokenizer(self) -> jieba.Tokenizer:
        """Python's jieba on the same counts, ready at once: it segments the texts with repeated runs.

        jieba's ``initialize`` would read its whole prefix dictionary (two seconds); its word
        graph only asks whether a fragment may begin a word, which any fragment up to the longest
        word may (``_Counts``), and the word graph it builds is the same.
        """
        tokenizer = _python_jieba().Tokenizer()
        tokenizer.FREQ = _Counts(self._dictionary)
        tokenizer.total = self._dictionary.total
        tokenizer.initialized = True
        return tokenizer


@cache
def _python_jieba() -> ModuleType:
    """Python's jieba, imported at the first text it segments: most builds never need it, and its
    import (with its HMM tables) would cost every start a few hundredths of a second.  A library
    loaded late through ``importlib``, not an import statement: no import cycle is broken here.

    jieba finds its data files through ``pkg_resources`` when it can import it, and through its own
    ``__file__`` otherwise (``jieba._compat``): the same files, but importing ``pkg_resources``
    takes most of jieba's tenth of a second.  It is hidden (a ``None`` entry in ``sys.modules``
    makes its import fail) only while jieba is imported, and only if no one has imported it already.
    """
    hide_pkg_resources = "pkg_resources" not in sys.modules
    if hide_pkg_resources:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        python_jieba = importlib.import_module("jieba")
    finally:
        if hide_pkg_resources:
            del sys.modules["pkg_resources"]
    logging.getLogger("jieba").setLevel(logging.WARNING)
    return python_jieba


class _Counts:
    """Word counts in which jieba's ``get_DAG`` may look a fragment up without its prefix entries,
    read from the packed dictionary as jieba asks (``in``, ``[]``, ``get``): a copy of its 350,000
    counts would cost a tenth of a second the first time a text needs Python's jieba."""

    def __init__(self, dictionary: Dictionary):
        self._count = dictionary.count
        self.longest = dictionary.longest

    def __contains__(self, fragment: object) -> bool:
        return isinstance(fragment, str) and len(fragment) <= self.longest

    def __getitem__(self, fragment: str) -> int:
        return self._count(fragment)

    def get(self, fragment: str, default: int | None = None) -> int | None:
        return self._count(fragment) or default


def reference_tokenizer() -> jieba.Tokenizer:
    """Python's jieba, loaded as jieba loads itself, with the same words added: what the tests and
    ``benchmarks/segmenter_benchmark.py`` compare talkgraph's segmenter with."""
    tokenizer = _python_jieba().Tokenizer()
    tokenizer.initialize()
    for word in _added_words():
        tokenizer.add_word(word, freq=LEXICON_WORD_FREQ)
    return tokenizer


def _added_words() -> Iterator[str]:
    """The lexicons' Chinese names and titles, which the segmenter must keep whole."""
    for entries in (lexicon.organizations(), lexicon.models(), lexicon.places()):
        for entry in entries:
            for name in entry.names:
                if " " not in name and not name.isascii():
                    yield name
    for title in lexicon.titles():
        if not title.isascii():
            yield title


@lexicon.derived
def vocabulary() -> Vocabulary:
    """Loaded once per process: reading the dictionary takes most of a second."""
    base = default_dictionary()
    added = tuple(_added_words())
    entries: dict[str, int] = {}
    word_total = base.word_total
    for word in dict.fromkeys(added):
        held = base.stored(word)
        word_total += LEXICON_WORD_FREQ - (held >> TAG_BITS)
        entries[word] = LEXICON_WORD_FREQ << TAG_BITS | held & TAG_MASK
    total = base.total + LEXICON_WORD_FREQ * len(added)  # jieba's add_word adds to its total each time
    dictionary = base.with_added(entries, total, word_total)
    return Vocabulary(Segmenter(added, dictionary), dictionary)


# pylint: disable-next=protected-access
_UNUSED_DEFAULT: list[rjieba.Jieba] = [j for j in (getattr(rjieba, "_DEFAULT_JIEBA", None),) if j is not None]


def _fresh_jieba() -> rjieba.Jieba:
    """A jieba-rs with only its own dictionary.  Importing ``rjieba`` builds one for its module
    functions, which talkgraph never calls: the first segmenter takes that one rather than spend a
    tenth of a second reading the dictionary again."""
    return _UNUSED_DEFAULT.pop() if _UNUSED_DEFAULT else rjieba.Jieba()


def dictionary_tag(word: str) -> str | None:
    """The dictionary's part-of-speech tag for ``word`` (no HMM guessing), or None."""
    return vocabulary().dictionary.tag(word)


def word_frequency(word: str) -> int:
    return vocabulary().dictionary.count(word)


def in_dictionary(word: str) -> bool:
    return vocabulary().dictionary.count(word) > 0
