"""talkgraph's own jieba tokenizer, and the frequencies and tags of its one dictionary.

jieba's module-level tokenizer and ``add_word`` change the whole process; talkgraph owns a
``jieba.Tokenizer`` instead, loads it once, teaches it the lexicons' names, and keeps jieba's
logger quiet without touching the root logger.  Word frequencies and part-of-speech tags both
come from the dictionary this tokenizer loaded, so the segmenter and the rules that read its
words agree on what a word is.  Texts are segmented by ``extract.doc.Doc``, once per document.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import jieba

from talkgraph.ontology import lexicon

logging.getLogger("jieba").setLevel(logging.WARNING)
LEXICON_WORD_FREQ = 2000  # high enough that the segmenter keeps a lexicon name whole


class Token(NamedTuple):
    """One word of the segmented text, with its offsets into the document."""

    word: str
    start: int
    end: int


_make_token = tuple.__new__  # half the cost of ``Token(...)``: a document has a word every two characters


def tokens_at(words: tuple[tuple[str, int, int], ...], offset: int) -> tuple[Token, ...]:
    """Segmenter output ``(word, start, end)`` from 0 as tokens at ``offset``."""
    return tuple(_make_token(Token, (w, s + offset, e + offset)) for w, s, e in words)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The tokenizer and the tags of the dictionary it loaded (the same file jieba's tagger reads)."""

    tokenizer: jieba.Tokenizer
    tags: dict[str, str]

    def segment(self, text: str, offset: int = 0) -> tuple[Token, ...]:
        """``text``'s words, their offsets shifted by ``offset``."""
        return tokens_at(tuple(self.tokenizer.tokenize(text)), offset)

    def frequency(self, word: str) -> int:
        return self.tokenizer.FREQ.get(word) or 0

    def tag(self, word: str) -> str | None:
        return self.tags.get(word)


@cache
def vocabulary() -> Vocabulary:
    """Loaded once per process: the dictionary takes about a second to read."""
    tk = jieba.Tokenizer()
    tk.initialize()
    for entries in (lexicon.organizations(), lexicon.models(), lexicon.places()):
        for entry in entries:
            for name in (entry.name, *entry.aliases):
                if " " not in name and not name.isascii():
                    tk.add_word(name, freq=LEXICON_WORD_FREQ)
    for title in lexicon.titles():
        if not title.isascii():
            tk.add_word(title, freq=LEXICON_WORD_FREQ)
    return Vocabulary(tk, _dictionary_tags(tk))


def _dictionary_tags(tk: jieba.Tokenizer) -> dict[str, str]:
    """``word freq tag`` lines of the tokenizer's own dictionary file."""
    tags = {}
    with tk.get_dict_file() as handle:
        for raw in handle:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags


def dictionary_tag(word: str) -> str | None:
    """The dictionary's part-of-speech tag for ``word`` (no HMM guessing), or None."""
    return vocabulary().tags.get(word)


def word_frequency(word: str) -> int:
    return vocabulary().frequency(word)


def in_dictionary(word: str) -> bool:
    return bool(vocabulary().frequency(word))
