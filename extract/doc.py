"""The document object the extract stage works on, as spaCy's ``Doc`` is.

A ``Doc`` owns one transcript while it is being read: its text, turns, the paragraphs worth
reading for names, their words (segmented once, by talkgraph's one tokenizer, when first asked
for), the candidate mentions each component proposes (``spans``, by component name, like
spaCy's span groups), the mentions the merge kept and why the others lost, and the sentences.
Nothing about a text outlives its ``Doc``: there is no module-level cache of texts.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from operator import itemgetter
from typing import TYPE_CHECKING

from .lookahead import led_by
from .masking import masked_spans
from .model import Extraction, Mention, Sentence, Transcript
from .tokens import (Token, Words, cut_at, first_characters, indices_of, last_characters, needs_python, tokens_at,
                     vocabulary)

if TYPE_CHECKING:  # the merge's record, made by ``component.merge``
    from .component import Overlap

# Chinese stops with the quotation they close (…先活下来。”), and an English full stop before the next
# sentence's capital ("…work. The next")
_SENTENCE_END = led_by("[。！？!?；;\n.]", r"[。！？!?；;]+[”」』]*|\n|(?:(?<=[a-z0-9)\"'”])|(?<=[A-Z]{2}))(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\bProf)"
                                          r"(?<!\bSt)(?<!\bvs)(?<!\bv)(?<!\bNo)(?<!\bInc)(?<!\bCo)(?<!\bLtd)(?<!\bJr)(?<!\bSr)"
                                          r"\.(?=\s+[\"“'A-Z\u4e00-\u9fff])")  # Mr. Lei, Thaler v. Perlmutter, J. K. Rowling go on
# an English full stop ending a line, which no next sentence follows on it: "…next year."
_FULL_STOP_AT_END = re.compile(r"(?<=[a-z0-9)\"'”])\.\s*$")
_MIN_SENTENCE_CHARS = 2
_CLAUSE_MARKS = frozenset("，,、")  # a line ending so breaks off a sentence the next line goes on with
_STOP = re.compile(r"[。！？!?；;，,]|\.(?=\s|$)")  # any punctuation a sentence or clause ends with
_REPOST_CHAIN = re.compile(r"\s*//\s?@")  # //@老周：…: a line of a post passed on, with who passed it


class _Words:
    """A document's text and its words, segmented once.

    jieba segments each run of word-block characters on its own, so a paragraph whose edges
    cut no such run (``tokens.cut_at``) has the words the whole text's segmentation has there:
    the whole text is segmented once, in one call, and each such paragraph takes its stretch of
    the words.  Any other piece (a paragraph that a word could cross into, one that Python's
    jieba segments, a piece a rule asks for) is segmented on its own, once per distinct text, so
    a paragraph repeated in the document (a page holding an article twice) is segmented once.
    The paragraphs share this rather than point back at their ``Doc``: a ``Doc`` and its
    paragraphs form no reference cycle, so reference counting frees a document as soon as it is
    read, even while a build pauses the cyclic collector (``graph.pipeline.cyclic_gc_paused``).
    """

    __slots__ = ("text", "segmented", "_whole", "_starts")

    def __init__(self, text: str):
        self.text = text
        self.segmented: dict[str, Words] = {}  # text → the segmenter's words from 0
        self._whole: Words | None = None  # the whole text's words, once a paragraph asks
        self._starts: list[int] = []

    def segment(self, start: int, end: int) -> tuple[Token, ...]:
        piece = self.text[start:end]
        words = self.segmented.get(piece)
        if words is None:
            words = self.segmented[piece] = vocabulary().words(piece)
        return tokens_at(words, start)

    def paragraph(self, start: int, end: int) -> tuple[Token, ...]:
        """The words of a paragraph: as ``segment`` gives them, from the whole text's where that is the same."""
        text = self.text
        if not (cut_at(text, start) and cut_at(text, end)) or needs_python(text, start, end):
            return self.segment(start, end)
        if self._whole is None:
            self._whole = vocabulary().segmenter.jieba_rs_words(text)
            self._starts = list(map(itemgetter(1), self._whole))
        first = bisect.bisect_left(self._starts, start)
        return tokens_at(self._whole[first:bisect.bisect_left(self._starts, end, first)], 0)


class Paragraph:
    """A span of text worth reading for names (a turn's paragraph, a heading, narrative text)."""

    __slots__ = ("start", "end", "turn_index", "_words", "_tokens", "_firsts", "_lasts", "_bounds")

    def __init__(self, words: _Words, start: int, end: int, turn_index: int | None):
        self.start, self.end, self.turn_index = start, end, turn_index
        self._words = words
        self._tokens: tuple[Token, ...] | None = None
        self._firsts: str | None = None
        self._lasts: str | None = None
        self._bounds: tuple[list[int], list[int]] | None = None  # the words' starts and ends

    @property
    def text(self) -> str:
        return self._words.text[self.start:self.end]

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The paragraph's words with document offsets, segmented when first asked for."""
        if self._tokens is None:
            self._tokens = self._words.paragraph(self.start, self.end)
        return self._tokens

    def starting_with(self, chars: frozenset[str]) -> list[int]:
        """The indices of the words that begin with one of ``chars``: where several rules start
        (a surname's first character), each testing only those words."""
        if self._firsts is None:
            self._firsts = first_characters(self.tokens)
        return indices_of(self._firsts, chars)

    def ending_with(self, chars: frozenset[str]) -> list[int]:
        """The indices of the words that end with one of ``chars`` (a form of address's last character)."""
        if self._lasts is None:
            self._lasts = last_characters(self.tokens)
        return indices_of(self._lasts, chars)

    def word_starting_at(self, pos: int) -> int | None:
        """The index of the word that starts at ``pos``, if one does."""
        starts = self._word_bounds()[0]
        at = bisect.bisect_left(starts, pos)
        return at if at < len(starts) and starts[at] == pos else None

    def word_ends_at(self, pos: int) -> bool:
        ends = self._word_bounds()[1]
        at = bisect.bisect_left(ends, pos)
        return at < len(ends) and ends[at] == pos

    def _word_bounds(self) -> tuple[list[int], list[int]]:
        if self._bounds is None:
            self._bounds = list(map(itemgetter(1), self.tokens)), list(map(itemgetter(2), self.tokens))
        return self._bounds

    def __repr__(self) -> str:
        return f"Paragraph({self.start}, {self.end}, turn={self.turn_index})"


class Doc:
    """One transcript and everything the extract stage has read from it so far."""

    def __init__(self, transcript: Transcript):
        self.transcript = transcript
        self.text = transcript.document.text
        self.turns = transcript.turns
        self.speakers = frozenset(transcript.speakers)
        turn_of = {span: t.index for t in transcript.turns for span in t.spans}
        self._words = _Words(self.text)
        self.paragraphs = tuple(Paragraph(self._words, start, end, turn_of.get((start, end)))
                                for start, end in transcript.content_spans())
        self.spans: dict[str, tuple[Mention, ...]] = {}  # component name → its candidates
        self.mentions: tuple[Mention, ...] = ()  # the merge's choice, in text order
        self.overlaps: list[Overlap] = []  # the merge's reasons
        self.sentences: tuple[Sentence, ...] = ()
        self.paragraph_sentences: tuple[Sentence, ...] = ()
        self.extraction: Extraction | None = None
        self._masks: tuple[tuple[int, int], ...] | None = None
        # what several components read alike, kept by the first to read it (``products.latin_names``)
        self.shared: dict[object, object] = {}

    @property
    def masks(self) -> tuple[tuple[int, int], ...]:
        """Sorted spans of the paragraphs that no name may touch: web addresses, link targets,
        images, hashes and code (``masking``); every component's candidates are checked against them."""
        if self._masks is None:
            self._masks = tuple(span for p in self.paragraphs for span in masked_spans(self.text, p.start, p.end))
        return self._masks

    def paragraph_at(self, pos: int) -> Paragraph | None:
        """The paragraph holding ``pos``, if any."""
        at = bisect.bisect_right(self.paragraphs, pos, key=lambda p: p.start) - 1
        return self.paragraphs[at] if at >= 0 and pos < self.paragraphs[at].end else None

    def segment(self, start: int, end: int) -> tuple[Token, ...]:
        """The words of ``text[start:end]`` with document offsets, each distinct piece segmented once."""
        return self._words.segment(start, end)

    def split_sentences(self) -> None:
        """Cut the text into sentences, each with the kept mentions inside it: ``sentences`` end with
        their punctuation or where a paragraph ends, but in subtitles they run on across a turn's
        cues, and elsewhere past a line a speaker's clause breaks off (我觉得AI老师有用， / 但…); ``paragraph_sentences`` always end with their paragraph, for the patterns that read
        the text between two offsets (relations), which the cue numbers and time lines would
        confuse.  In prose the two are one."""
        self.paragraph_sentences = self._sentences([(para,) for para in self.paragraphs])
        if self.transcript.subtitles:
            self.sentences = self._sentences(self._turn_runs())
        else:
            runs = self._clause_runs()
            self.sentences = self._sentences(runs) if len(runs) < len(self.paragraphs) else self.paragraph_sentences

    def _turn_runs(self) -> list[tuple[Paragraph, ...]]:
        """The paragraphs in runs of one turn: a turn's consecutive cues and lines; a paragraph
        outside any turn alone."""
        runs: list[list[Paragraph]] = []
        for para in self.paragraphs:
            if runs and para.turn_index is not None and runs[-1][-1].turn_index == para.turn_index:
                runs[-1].append(para)
            else:
                runs.append([para])
        return [tuple(run) for run in runs]

    def _clause_runs(self) -> list[tuple[Paragraph, ...]]:
        """The paragraphs in runs: a turn's line that ends with a clause's comma goes on in the line
        right below it (not past a blank line, which ends a paragraph whatever its last mark)."""
        runs: list[list[Paragraph]] = []
        text = self.text
        for para in self.paragraphs:
            before = runs[-1][-1] if runs else None
            if (before is not None and para.turn_index is not None and before.turn_index == para.turn_index
                    and text[before.end - 1] in _CLAUSE_MARKS and before.end - before.start > 1
                    and text[before.end:para.start] == "\n"):
                runs[-1].append(para)
            else:
                runs.append([para])
        return [tuple(run) for run in runs]

    def _sentences(self, runs: list[tuple[Paragraph, ...]]) -> tuple[Sentence, ...]:
        """Each run's sentences, said in its turn; a repost chain's (``//@老周：同意 //@阿橘：…``) in
        none: a post passed on quotes the accounts that passed it, and the one who posts says none of it."""
        starts = [m.start for m in self.mentions]
        return tuple(Sentence(s, e, None if _REPOST_CHAIN.match(self.text, run[0].start) else run[0].turn_index,
                              self._mentions_within(starts, s, e))
                     for run in runs for s, e in self._sentence_spans(run))

    def _sentence_spans(self, run: tuple[Paragraph, ...]) -> Iterator[tuple[int, int]]:
        """Sentences ending with their punctuation or where the run of paragraphs ends, spaces
        around them trimmed; one still open at a paragraph's end goes on in the next."""
        text, pos = self.text, run[0].start
        unpunctuated = len(run) > 1 and not any(_STOP.search(text, p.start, p.end) for p in run)
        for para, following in zip(run, run[1:] + (None,)):
            bounds = [_past_closing_quote(text, para.start, m.end(), para.end)
                      for m in _SENTENCE_END.finditer(text, para.start, para.end)]
            tail = bounds[-1] if bounds else pos
            if tail < para.end and (following is None or unpunctuated or _FULL_STOP_AT_END.search(text, tail, para.end)):
                bounds.append(para.end)  # automatic captions, never punctuated: each cue is a sentence
            for end in bounds:
                start, stop = pos, end
                pos = end
                while start < stop and text[start].isspace():
                    start += 1
                while stop > start and text[stop - 1].isspace():
                    stop -= 1
                if stop - start >= _MIN_SENTENCE_CHARS:
                    yield start, stop
            if following is not None and not text[pos:para.end].strip():
                pos = following.start

    def _mentions_within(self, starts: list[int], start: int, end: int) -> tuple[Mention, ...]:
        """The kept mentions inside ``[start, end)``: they never overlap, so they end in order too."""
        inside = []
        for mention in self.mentions[bisect.bisect_left(starts, start):]:
            if mention.end > end:
                break
            inside.append(mention)
        return tuple(inside)


def _past_closing_quote(text: str, start: int, end: int, stop: int) -> int:
    """A sentence's end moved past the straight quote that closes it (他说："会改变一切。"我同意: the
    quote opened before the stop closes after it), which the pattern cannot tell from an opening one."""
    if end < stop and text[end] == '"' and text.count('"', start, end) % 2 == 1:
        return end + 1
    return end
