"""The mention model's weights as tables over integer ids, and the state scores of a batch of texts.

CRFsuite scores a character by looking up each of its twelve feature strings (``char_features``)
and adding the weights found, one label at a time.  Here each normalised character is an id, and
each template a table: the unigrams (``U-2``..``U2``) and the word templates (``W``, ``WC``) dense
``[id] -> label weights``, the bigrams, skip bigrams and trigrams keyed by the ids' combined integer.
The twelve rows are added in the templates' order, as CRFsuite adds them, so every state score is
the same double CRFsuite computes; a feature the model does not know adds nothing, as there.

``MentionTables.from_model`` builds the tables from a CRFsuite model (``crfsuite_file``);
``save``/``load`` keep them as a compressed ``.npz`` beside the model it came from.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

import numpy as np

from .crfsuite_file import CrfModel, read_crfsuite
from .mention_features import _END, _PAD, Words, _classes, _normal, _word_positions
from .tokens import vocabulary

UNIGRAMS = ("U-2", "U-1", "U0", "U1", "U2")  # offsets -2..2
PAIRS = ("B-1", "B0")  # the bigram before (p1 c0) and after (c0 n1) the character
TRIPLES = ("T-1", "T1")  # p2 p1 c0 and c0 n1 n2
PLACES = "SBME"  # a character's place in its word: single, begin, middle, end
KINDS = ("_", "?", "c", "nr", "ns", "nt", "nz")  # the word's class (see ``mention_features._class_of_tag``)
_UNKNOWN_KIND = KINDS.index("?")
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


class KeyIndex:
    """Where each of a set of non-negative integer keys stands in it, found for many keys at once: an
    open-addressing hash table (Fibonacci hashing, linear probing) about eight times the keys' number,
    so most look-ups end at the first slot.  ``rows`` gives ``len(keys)`` for a key not in the set."""

    def __init__(self, keys: np.ndarray) -> None:
        self.bits = max(4, int(len(keys)).bit_length() + 3)
        size = 1 << self.bits
        slots, rows = [-1] * size, [len(keys)] * size
        longest = 0
        for row, (key, home) in enumerate(zip(keys.tolist(), self._home(keys).tolist())):
            probe = 0
            while slots[(home + probe) & (size - 1)] != -1:
                probe += 1
            slots[(home + probe) & (size - 1)], rows[(home + probe) & (size - 1)] = key, row
            longest = max(longest, probe)
        self.slots, self.slot_rows, self.probes = np.array(slots, np.int64), np.array(rows, np.intp), longest + 1
        self.missing = len(keys)

    def _home(self, keys: np.ndarray) -> np.ndarray:
        return ((keys.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(64 - self.bits)).astype(np.int64)

    def rows(self, keys: np.ndarray) -> np.ndarray:
        out = np.full(len(keys), self.missing, dtype=np.intp)
        home, pending = self._home(keys), np.arange(len(keys))
        mask = (1 << self.bits) - 1
        for probe in range(self.probes):
            slot = (home[pending] + probe) & mask
            found = self.slots[slot]
            hit = found == keys[pending]
            out[pending[hit]] = self.slot_rows[slot[hit]]
            pending = pending[~hit & (found != -1)]
            if not len(pending):
                break
        return out


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

    def state_scores(self, texts: Sequence[str], words: Sequence[Words]) -> np.ndarray:
        """``scores[i, label]`` for every character of the texts one after the other: the sum, in
        CRFsuite's order, of the weights its twelve features have for the label."""
        lengths = np.array([len(t) for t in texts], dtype=np.int64)
        total = int(lengths.sum())
        ids = self._char_ids("".join([_PAD + t + _END for t in texts]))
        first = np.cumsum(lengths) - lengths  # each text's first character among all
        at = np.repeat(np.cumsum(lengths + 4) - lengths - 2 - first, lengths) + np.arange(total)
        c, p1, p2, n1, n2 = ids[at], ids[at - 1], ids[at - 2], ids[at + 1], ids[at + 2]
        width = self.width
        pairs = self._rows("pair", ids[:-1] * width + ids[1:])
        triples = self._rows("triple", (ids[:-2] * width + ids[1:-1]) * width + ids[2:])
        skips = self._rows("skip", p1 * width + n1)
        place, kind, place_c = self._word_codes(texts, words, lengths, first, total)
        scores = self.unigram[0][p2]
        scores += self.unigram[1][p1]
        scores += self.unigram[2][c]
        scores += self.unigram[3][n1]
        scores += self.unigram[4][n2]
        scores += self.pair_rows[pairs[at - 1], 0]
        scores += self.pair_rows[pairs[at], 1]
        scores += self.skip_rows[skips]
        scores += self.triple_rows[triples[at - 2], 0]
        scores += self.triple_rows[triples[at], 1]
        scores += self.word[place * len(KINDS) + kind]
        scores += self.place[place_c * width + c]
        return scores

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
            for code in np.unique(codes[found < 0]).tolist():
                by_code[code] = ids.get(_normal(chr(code)), unknown)
            found = by_code[codes]
        return found.astype(np.int64)

    def _rows(self, group: str, keys: np.ndarray) -> np.ndarray:
        """The row of each key in the group's table; the zero row for a key the model does not know."""
        index = self._lookups.get(group)
        if index is None:
            index = self._lookups[group] = KeyIndex(getattr(self, f"{group}_keys"))
        return index.rows(keys)

    def _word_codes(self, texts: Sequence[str], words: Sequence[Words], lengths: np.ndarray, first: np.ndarray,
                    total: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per character: its place in its word (``W``), the word's class, and its place for ``WC``
        (the same unless the words overlap); what ``_word_positions`` says, without its strings."""
        place = np.zeros(total, dtype=np.int64)  # single
        kind = np.zeros(total, dtype=np.int64)  # "_": a character in no word
        counts = np.array([len(w) for w in words], dtype=np.int64)
        if counts.sum():
            strings, starts, ends = zip(*chain.from_iterable(words))
            kind_of = self._word_kinds()
            kinds = np.array([kind_of[w] for w in strings], dtype=np.int64)
            starts, ends = np.array(starts, dtype=np.int64), np.array(ends, dtype=np.int64)
            owner = np.repeat(np.arange(len(texts)), counts)
            tidy = (starts >= 0) & (starts < ends) & (ends <= lengths[owner])
            tidy[1:] &= (starts[1:] >= ends[:-1]) | (owner[1:] != owner[:-1])  # in order, not overlapping
            untidy = np.unique(owner[~tidy])
            keep = ~np.isin(owner, untidy)
            starts, ends, kinds = starts[keep] + first[owner[keep]], ends[keep] + first[owner[keep]], kinds[keep]
            sizes = ends - starts
            edges = np.zeros(total + 1, dtype=np.int64)
            edges[starts] = 1
            edges[ends] -= 1  # the starts, and the ends, are distinct
            covered = np.cumsum(edges[:-1]) > 0  # inside a word (the words do not overlap)
            kind[covered] = np.repeat(kinds, sizes)
            begins, finishes = np.zeros(total, dtype=np.int64), np.zeros(total, dtype=np.int64)
            begins[starts], finishes[ends - 1] = 1, 1
            # single 0, begin 1, middle 2, end 3
            place[covered] = (2 - begins + finishes - 2 * (begins & finishes))[covered]
        else:
            untidy = np.zeros(0, dtype=np.int64)
        place_c = place.copy()
        for i in untidy.tolist():
            word_at, place_at = _word_positions(len(texts[i]), words[i])
            span = slice(int(first[i]), int(first[i]) + len(texts[i]))
            place[span] = [PLACES.index(w[1]) for w in word_at]
            kind[span] = [KINDS.index(w[2:]) for w in word_at]
            place_c[span] = [PLACES.index(p[2]) for p in place_at]
        return place, kind, place_c

    def _word_kinds(self) -> _WordKinds:
        kinds = self._lookups.get("kinds")
        tags = vocabulary().tags
        if kinds is None or kinds.tags is not tags or len(kinds) > _KINDS_KEPT:
            kinds = self._lookups["kinds"] = _WordKinds(tags)
        return kinds


# how many words' classes a process keeps at most (each a few hundred bytes)
_KINDS_KEPT = 500_000


class _WordKinds(dict):
    """Each word's class as a code of ``KINDS`` (``_`` for a run of spaces, ``?`` for a word the
    dictionary does not hold), worked out once per word: ``_word_positions`` by word."""

    def __init__(self, tags: dict[str, str]) -> None:
        super().__init__()
        self.tags = tags
        self.codes = {tag: KINDS.index(c) for tag, c in _classes().items()}

    def __missing__(self, word: str) -> int:
        code = self[word] = 0 if word.isspace() else self.codes.get(self.tags.get(word), _UNKNOWN_KIND)
        return code
