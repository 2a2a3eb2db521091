"""The mention model's weights as tables over integer ids, and the state scores of a batch of texts.

CRFsuite scores a character by looking up each of its twelve feature strings (``char_features``)
and adding the weights found, one label at a time.  Here each normalised character is an id, and
each template a table: the unigrams (``U-2``..``U2``) and the word templates (``W``, ``WC``) dense
``[id] -> label weights``, the bigrams, skip bigrams and trigrams keyed by the ids' combined integer.
The twelve rows are added in the templates' order, as CRFsuite adds them, so every state score is
the same double CRFsuite computes; a feature the model does not know adds nothing, as there.  The
adding is compiled (``linear_chain.StateScorer``, which holds these arrays and a hash index over
each keyed table); here are the tables themselves and the characters' ids.

``MentionTables.from_model`` builds the tables from a CRFsuite model (``crfsuite_file``);
``save``/``load`` keep them as a compressed ``.npz`` beside the model it came from.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .crfsuite_file import CrfModel, read_crfsuite
from .linear_chain import StateScorer
from .dictionary_cache import TAG_MASK, Dictionary
from .mention_features import _END, _PAD, Words, _classes_by_index, _normal
from .tokens import vocabulary

UNIGRAMS = ("U-2", "U-1", "U0", "U1", "U2")  # offsets -2..2
PAIRS = ("B-1", "B0")  # the bigram before (p1 c0) and after (c0 n1) the character
TRIPLES = ("T-1", "T1")  # p2 p1 c0 and c0 n1 n2
PLACES = "SBME"  # a character's place in its word: single, begin, middle, end
KINDS = ("_", "?", "c", "nr", "ns", "nt", "nz")  # the word's class (see ``mention_features._class_of_tag``)
_ARRAYS = ("labels", "chars", "unigram", "word", "place", "pair_keys", "pair_rows", "triple_keys",
           "triple_rows", "skip_keys", "skip_rows", "transitions", "source_sha256")


def _parse(attribute: str) -> tuple[str, str]:
    """An attribute string as (template, what follows it); ``ValueError`` if it fits no template."""
    for template, size in (("WC", 2), ("U-2", 1), ("U-1", 1), ("B-1", 2), ("T-1", 3), ("U0", 1), ("U1", 1),
                           ("U2", 1), ("B0", 2), ("T1", 3), ("S", 2)):
        if attribute.startswith(template) and len(attribute) == len(template) + size:
            if template != "WC" or attribute[2] in PLACES:
                return template, attribute[len(template):]
    if attribute[:1] == "W" and attribute[1:2] in PLACES and attribute[2:] in KINDS:
        return "W", attribute[1:]
    raise ValueError(f"the attribute {attribute!r} is none of the mention model's templates")


@dataclass(frozen=True, eq=False)
class MentionTables:
    """The weights of one trained model, by template (see the module's docstring)."""

    labels: tuple[str, ...]
    chars: str  # the characters the model knows, by id; ``len(chars)`` is the id of any other
    unigram: np.ndarray  # (5, ids, labels)
    word: np.ndarray  # (places x kinds, labels): W
    place: np.ndarray  # (places x ids, labels): WC
    pair_keys: np.ndarray  # sorted first * ids + second
    pair_rows: np.ndarray  # (pairs + 1, 2, labels): B-1, B0; the last row zero
    triple_keys: np.ndarray
    triple_rows: np.ndarray  # (triples + 1, 2, labels): T-1, T1
    skip_keys: np.ndarray
    skip_rows: np.ndarray  # (skips + 1, labels): S
    transitions: np.ndarray  # (labels, labels)
    source_sha256: str  # of the CRFsuite model the tables were built from
    _lookups: dict = field(default_factory=dict, repr=False)

    @property
    def width(self) -> int:
        """How many character ids there are, the unknown one included."""
        return len(self.chars) + 1

    @classmethod
    def from_model(cls, model: CrfModel, source_sha256: str = "") -> MentionTables:
        parsed = [_parse(a) for a in model.attributes]
        chars = "".join(sorted({ch for template, rest in parsed if template != "W"
                                for ch in (rest[1:] if template == "WC" else rest)}))
        ids = {ch: i for i, ch in enumerate(chars)}
        width, size = len(chars) + 1, len(model.labels)

        def key(text: str) -> int:
            value = 0
            for ch in text:
                value = value * width + ids[ch]
            return value

        keys = {"pair": {}, "triple": {}, "skip": {}}
        for template, rest in parsed:
            group = "pair" if template in PAIRS else "triple" if template in TRIPLES else "skip" if template == "S" else None
            if group:
                keys[group].setdefault(key(rest), None)
        order = {group: {k: i for i, k in enumerate(sorted(found))} for group, found in keys.items()}
        unigram = np.zeros((len(UNIGRAMS), width, size))
        word = np.zeros((len(PLACES) * len(KINDS), size))
        place = np.zeros((len(PLACES) * width, size))
        rows = {"pair": np.zeros((len(order["pair"]) + 1, 2, size)),
                "triple": np.zeros((len(order["triple"]) + 1, 2, size)),
                "skip": np.zeros((len(order["skip"]) + 1, size))}
        for attribute, label, weight in zip(model.state_attribute.tolist(), model.state_label.tolist(),
                                            model.state_weight.tolist()):
            template, rest = parsed[attribute]
            if template in UNIGRAMS:
                unigram[UNIGRAMS.index(template), ids[rest], label] = weight
            elif template == "W":
                word[PLACES.index(rest[0]) * len(KINDS) + KINDS.index(rest[1:]), label] = weight
            elif template == "WC":
                place[PLACES.index(rest[0]) * width + ids[rest[1]], label] = weight
            elif template in PAIRS:
                rows["pair"][order["pair"][key(rest)], PAIRS.index(template), label] = weight
            elif template in TRIPLES:
                rows["triple"][order["triple"][key(rest)], TRIPLES.index(template), label] = weight
            else:
                rows["skip"][order["skip"][key(rest)], label] = weight
        return cls(tuple(model.labels), chars, unigram, word, place,
                   np.array(list(order["pair"]), np.int64), rows["pair"],
                   np.array(list(order["triple"]), np.int64), rows["triple"],
                   np.array(list(order["skip"]), np.int64), rows["skip"],
                   np.array(model.transitions, np.float64), source_sha256)

    @classmethod
    def from_crfsuite(cls, path: str | Path) -> MentionTables:
        return cls.from_model(read_crfsuite(path), hashlib.sha256(Path(path).read_bytes()).hexdigest())

    def save(self, path: str | Path) -> None:
        arrays = {name: getattr(self, name) for name in _ARRAYS}
        arrays["labels"] = np.array(self.labels)
        arrays["chars"] = np.array([ord(c) for c in self.chars], np.uint32)
        arrays["source_sha256"] = np.array(self.source_sha256)
        with open(path, "wb") as out:
            np.savez_compressed(out, **arrays)

    @classmethod
    def load(cls, path: str | Path) -> MentionTables:
        with np.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in _ARRAYS}
        arrays["labels"] = tuple(arrays["labels"].tolist())
        arrays["chars"] = "".join(map(chr, arrays["chars"].tolist()))
        arrays["source_sha256"] = str(arrays["source_sha256"])
        return cls(**arrays)

    def same_as(self, other: MentionTables) -> bool:
        """Every table equal, weight for weight."""
        return all(np.array_equal(getattr(self, n), getattr(other, n)) if isinstance(getattr(self, n), np.ndarray)
                   else getattr(self, n) == getattr(other, n) for n in _ARRAYS)

    def state_scores(self, texts: Sequence[str], words: Sequence[Words],
                     offsets: Sequence[int] | None = None) -> np.ndarray:
        """``scores[i, label]`` for every character of the texts one after the other: the sum, in
        CRFsuite's order, of the weights its twelve features have for the label.  ``words[k]`` are
        text ``k``'s words as ``char_features`` reads them, their offsets counted from ``offsets[k]``
        when given (a paragraph's tokens at document offsets)."""
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        scores = np.empty((int(lengths.sum()), len(self.labels)))
        self._scorer().state_scores(self._char_ids("".join([_PAD + t + _END for t in texts])), lengths,
                                    words, offsets, self._word_kinds(), scores)
        return scores

    def _scorer(self) -> StateScorer:
        scorer = self._lookups.get("scorer")
        if scorer is None:
            scorer = self._lookups["scorer"] = StateScorer(
                self.unigram, self.word, self.place, self.pair_keys, self.pair_rows, self.triple_keys,
                self.triple_rows, self.skip_keys, self.skip_rows)
        return scorer

    def _char_ids(self, text: str) -> np.ndarray:
        """Each character's id, through a table by code point filled as characters are first seen."""
        by_code = self._lookups.get("by_code")
        if by_code is None:
            by_code = self._lookups["by_code"] = np.full(0x110000, -1, dtype=np.int32)
            self._lookups["ids"] = {ch: i for i, ch in enumerate(self.chars)}
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        found = by_code[codes]
        if (found < 0).any():
            ids, unknown = self._lookups["ids"], len(self.chars)
            for code in set(codes[found < 0].tolist()):  # not np.unique, which imports numpy.ma (8 ms)
                by_code[code] = ids.get(_normal(chr(code)), unknown)
            found = by_code[codes]
        return found

    def _word_kinds(self) -> _WordKinds:
        kinds = self._lookups.get("kinds")
        dictionary = vocabulary().dictionary
        if kinds is None or kinds.dictionary is not dictionary or len(kinds) > _KINDS_KEPT:
            kinds = self._lookups["kinds"] = _WordKinds(dictionary)
        return kinds


# how many words' classes a process keeps at most (each a few hundred bytes)
_KINDS_KEPT = 500_000


class _WordKinds(dict):
    """Each word's class as a code of ``KINDS`` (``_`` for a run of spaces, ``?`` for a word the
    dictionary does not hold), worked out once per word: ``_word_positions`` by word.  The scorer
    reads it as a mapping; a word not seen before goes through ``__missing__``."""

    def __init__(self, dictionary: Dictionary) -> None:
        super().__init__()
        self.dictionary = dictionary
        self.codes = tuple(KINDS.index(c) for c in _classes_by_index(dictionary.tag_names))

    def __missing__(self, word: str) -> int:
        code = self[word] = 0 if word.isspace() else self.codes[self.dictionary.packed(word) & TAG_MASK]
        return code
