"""Names an enumeration lists beside organisations or products: ``迪士尼、皮克斯、Adobe、Epic Games``.

Speakers list companies and products by the handful, and a list holds one kind of thing: an item
that no finder knew, standing in a list whose named items are all organisations (or all models
and software), is one too.  Only names shaped as names are taken: capitalised Latin words, or a
word the segmenter did not find in its dictionary (or found as a proper noun) filling the item.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .doc import Doc, Paragraph
from .masking import touches_mask
from .model import Kind, Mention
from .tokens import dictionary_tag

SOURCE = "enumerations"
_KINDS = (Kind.ORGANIZATION, Kind.MODEL)
_MIN_NAMED = 2  # named items of one kind that make a list of that kind
_SEPARATOR = re.compile(r"\s*、\s*")
_LAST = re.compile(r"\s*(?:、|和|与|及|以及|还有|，当然还有)\s*")
_LATIN_ITEM = re.compile(r"[A-Z][A-Za-z0-9.&+\-]*(?: [A-Z0-9][A-Za-z0-9.&+\-]*){0,3}")
# the same, ending right before the separator and starting after no letter or digit
_LATIN_ITEM_BEFORE = re.compile(rf"(?<![A-Za-z0-9.&+\-]){_LATIN_ITEM.pattern}$")
_MAX_LATIN_ITEM = 60
_HAN_ITEM = re.compile(r"[\u3400-\u9fff]{2,6}")
_ITEM_END = re.compile(r"\s*(?:$|[、，,。；;！!？?：:）)」”\"]|和|与|及|等|以及|还有|这样|这些|之类|都|也)")
_PROPER = ("nr", "ns", "nt", "nz", "j")


def listed_names(doc: Doc, mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    """``mentions`` and the unnamed items of the lists they form (in text order)."""
    found = sorted(mentions, key=lambda m: (m.start, m.end))
    while True:
        added = [m for m in _unnamed_items(doc, found) if not _overlaps(found, m)]
        if not added:
            return tuple(found)
        found = sorted({(m.start, m.end): m for m in found + added}.values(), key=lambda m: (m.start, m.end))


def _unnamed_items(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    text, out = doc.text, []
    for chain in _chains(text, mentions):
        kind = chain[0].kind
        para = doc.paragraph_at(chain[0].start)
        if para is None:
            continue
        after = _LAST.match(text, chain[-1].end, para.end)
        if after:
            item = _item_at(doc, para, after.end())
            if item:
                out.append(Mention(item[0], item[1], text[item[0]:item[1]], kind, SOURCE, para.turn_index))
        before = _item_before(doc, para, chain[0].start)
        if before:
            out.append(Mention(before[0], before[1], text[before[0]:before[1]], kind, SOURCE, para.turn_index))
    return out


def _chains(text: str, mentions: list[Mention]) -> list[list[Mention]]:
    """Runs of mentions of one kind that only ``、`` separates, with at least ``_MIN_NAMED`` of them."""
    chains: list[list[Mention]] = []
    run: list[Mention] = []
    for m in mentions:
        if run and m.kind is run[-1].kind and _SEPARATOR.fullmatch(text, run[-1].end, m.start):
            run.append(m)
            continue
        if len(run) >= _MIN_NAMED and run[0].kind in _KINDS:
            chains.append(run)
        run = [m]
    if len(run) >= _MIN_NAMED and run[0].kind in _KINDS:
        chains.append(run)
    return chains


def _item_at(doc: Doc, para: Paragraph, start: int) -> tuple[int, int] | None:
    """The name filling the item that begins at ``start``, if the item is one name."""
    text = doc.text
    for pattern in (_LATIN_ITEM, _HAN_ITEM):
        match = pattern.match(text, start, para.end)
        if match is None:
            continue
        end = match.end()
        if pattern is _HAN_ITEM:  # a Latin name ends where its letters do; a Han one where the item does
            end = _one_word_end(para, start, end)
            if end is None or not _ITEM_END.match(text, end, para.end):
                return None
        elif end < para.end and text[end].isascii() and text[end].isalnum():
            return None
        if not touches_mask(doc.masks, start, end):
            return start, end
    return None


def _item_before(doc: Doc, para: Paragraph, first: int) -> tuple[int, int] | None:
    """The Latin name filling the item right before ``、`` and the list's first named item."""
    text = doc.text
    sep = text.rfind("、", para.start, first)
    if sep < 0 or not _SEPARATOR.fullmatch(text, sep, first):
        return None
    match = _LATIN_ITEM_BEFORE.search(text, max(para.start, sep - _MAX_LATIN_ITEM), sep)
    if match is None or touches_mask(doc.masks, match.start(), sep):
        return None
    return match.start(), sep


def _one_word_end(para: Paragraph, start: int, end: int) -> int | None:
    """Where the one word of a Han item ends: a word the dictionary does not hold, or holds as a
    proper noun, begins the item and fills it up to the item's end."""
    at = para.word_starting_at(start)
    if at is None:
        return None
    word, _, word_end = para.tokens[at]
    tag = dictionary_tag(word)
    if len(word) < 2 or word_end > end or not (tag is None or tag.startswith(_PROPER)):
        return None
    return word_end


def _overlaps(mentions: list[Mention], new: Mention) -> bool:
    return any(m.start < new.end and new.start < m.end for m in mentions)
