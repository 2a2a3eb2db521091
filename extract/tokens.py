"""talkgraph's own jieba tokenizer.

jieba's module-level tokenizer and ``add_word`` change the whole process; talkgraph owns a
``jieba.Tokenizer`` instead, loads it once, teaches it the lexicons' names, and keeps jieba's
logger quiet without touching the root logger.
"""
from __future__ import annotations

import logging
from functools import cache, lru_cache

import jieba
import jieba.posseg

from talkgraph.ontology import lexicon

logging.getLogger("jieba").setLevel(logging.WARNING)


@cache
def tokenizer() -> jieba.Tokenizer:
    tk = jieba.Tokenizer()
    tk.initialize()
    for entries in (lexicon.organizations(), lexicon.models(), lexicon.places()):
        for entry in entries:
            for name in (entry.name, *entry.aliases):
                if " " not in name and not name.isascii():
                    tk.add_word(name, freq=2000)
    for title in lexicon.titles():
        if not title.isascii():
            tk.add_word(title, freq=2000)
    return tk


@lru_cache(maxsize=4096)
def tokenize(text: str, offset: int = 0) -> tuple[tuple[str, int, int], ...]:
    """``(word, start, end)`` triples, offsets shifted by ``offset``.

    Cached: several extractors read the same paragraph, and segmenting is the costly step.
    """
    if not offset:
        return segment(text)
    return tuple((w, s + offset, e + offset) for w, s, e in segment(text))


@lru_cache(maxsize=8192)
def segment(text: str) -> tuple[tuple[str, int, int], ...]:
    """jieba's ``(word, start, end)`` triples for ``text``, offsets from 0.

    Segmentation depends on the text alone, not on where it stands, so it is cached by text: a
    paragraph repeated in a document (a page that holds an article twice, a recurring heading)
    is segmented once.  ``forget_texts`` empties the cache between documents.
    """
    return tuple(tokenizer().tokenize(text))


def forget_texts() -> None:
    """Empty the token caches; ``extract`` calls this before each document.

    The caches serve the extractors of one document.  Kept across documents they would grow
    stale and, on a corpus that repeats paragraphs (such as the benchmark's, recombined from two
    samples), make talkgraph look faster than it is on real transcripts.
    """
    tokenize.cache_clear()
    segment.cache_clear()


def dictionary_tag(word: str) -> str | None:
    """jieba's part-of-speech tag for a dictionary word (no HMM guessing), or None."""
    return jieba.posseg.dt.word_tag_tab.get(word)


def in_dictionary(word: str) -> bool:
    return bool(tokenizer().FREQ.get(word))
