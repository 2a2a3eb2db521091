"""Mention components: what each one is, the registry of them, and the merge of what they find.

A component is a function ``find(doc, paragraphs) -> Iterable[Candidate]`` registered with what
it is: its name (which the graph records as ``tg:extractor``), the kinds of names it proposes, its
priority among overlapping candidates, whether a pipeline runs it by default, and optionally a
cheap per-paragraph ``precheck`` that lets the runner skip paragraphs where it cannot find
anything.  The components talkgraph ships are registered in ``builtin``, one line each; a user's
own is one more ``register(Component(...))`` call::

    def find_handles(doc, paragraphs):
        for para in paragraphs:
            for match in re.finditer(r"@(\\w+)", para.text):
                yield Candidate(para.start + match.start(1), para.start + match.end(1), Kind.PERSON,
                                para.turn_index)

    register(Component("my.handles", find_handles, frozenset({Kind.PERSON}), priority=5))
"""
from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .doc import Doc, Paragraph
from .errors import TalkgraphError, UsageError
from .masking import touches_mask
from .model import Kind, Mention


class Candidate(NamedTuple):
    """A span a component proposes; the runner makes it a ``Mention`` named after the component."""

    start: int
    end: int
    kind: Kind
    turn_index: int | None = None
    canonical: str | None = None  # a lexicon's preferred name, when the component knows it
    score: float = 1.0  # confidence in 0..1: rules say 1.0, a trained model its probability


Find = Callable[[Doc, Sequence[Paragraph]], Iterable[Candidate]]


@dataclass(frozen=True, slots=True)
class Component:
    """A registered mention finder and what it is."""

    name: str
    find: Find
    kinds: frozenset[Kind]
    priority: int  # among overlapping candidates of equal length and score, the lower wins
    default: bool = True  # run unless a pipeline configuration switches it off
    fills_gaps: bool = False  # its candidates never displace another component's (a trained model's guesses)
    # how sure it is of where its spans begin and end (0..1): a gap filler's candidate of the same kind
    # scoring above this takes the place of this component's overlapping candidates
    sure: float = 1.0
    precheck: Callable[[str], bool] | None = None  # False for a paragraph's text: nothing to find there

    def run(self, doc: Doc) -> tuple[Mention, ...]:
        """The component's candidates as mentions, its name as their source; a failure names it."""
        paragraphs = doc.paragraphs
        if self.precheck is not None:
            paragraphs = tuple(p for p in paragraphs if self.precheck(p.text))
        text, name, masks = doc.text, self.name, doc.masks
        try:
            found = tuple(Mention(c.start, c.end, text[c.start:c.end], c.kind, name, c.turn_index, c.canonical,
                                  c.score)
                          for c in self.find(doc, paragraphs) if not touches_mask(masks, c.start, c.end))
        except TalkgraphError:
            raise
        except Exception as exc:  # one broken component is named, not a bare traceback
            raise TalkgraphError(f"component {name!r} failed on {doc.transcript.document.doc_id}: {exc}") from exc
        for mention in found:
            if mention.kind not in self.kinds:
                raise TalkgraphError(f"component {name!r} proposed a {mention.kind.value} ({mention.text!r}) "
                                     f"but is registered for {', '.join(sorted(k.value for k in self.kinds))}")
        return found


@dataclass(frozen=True, slots=True)
class Overlap:
    """A candidate the merge dropped, the mention that kept its place, and why that one won."""

    kept: Mention
    dropped: Mention
    reason: str  # "longer", "higher score", "higher priority", "earlier", "earlier in the pipeline"


COMPONENTS: dict[str, Component] = {}


def register(component: Component, replace: bool = False) -> Component:
    """Add a component to the registry; a name already taken is an error unless ``replace``."""
    if component.name in COMPONENTS and not replace and COMPONENTS[component.name] != component:
        raise UsageError(f"a component named {component.name!r} is already registered")
    COMPONENTS[component.name] = component
    return component


def unregister(name: str) -> None:
    COMPONENTS.pop(name, None)


def merge(found: Sequence[tuple[int, Mention]], priority: Sequence[int],
          fills_gaps: Sequence[bool] | None = None,
          sure: Sequence[float] | None = None,
          complete: Callable[[Mention], bool] = lambda m: False) -> tuple[tuple[Mention, ...], list[Overlap]]:
    """Non-overlapping mentions in text order, and why each dropped candidate lost.

    ``found`` holds ``(component position, mention)``; ``priority`` the components' priorities by
    position, ``fills_gaps`` whether each only fills gaps.  Among overlapping candidates one of a
    component that does not merely fill gaps wins, then the longer, then the higher score, then the
    component of higher priority (the lower number), then the earlier start, then the component
    that comes first in the pipeline.

    ``sure`` holds how sure each component is of its boundaries: then a gap filler's candidate
    that lost only to candidates of its own kind, or of another kind inside it when ``complete``
    says it reads as a whole name (北京 in 北京市公安局) or it is the place an organisation's name
    begins with (上海 in 上海华侨城), from components less sure than its score takes
    their place, unless a candidate of a component at least that sure (a speaker, a lexicon name)
    overlaps it, or one it would replace reads as a whole name and it does not (马钢 against 马钢总公司).
    What a replaced candidate had kept out comes back where nothing overlaps it any more: 招商银行,
    beaten by the suffix rule's 招商银行投资永隆银行, returns when the model's 永隆银行 replaces that.
    """
    gaps = fills_gaps or [False] * len(priority)

    def rank(item: tuple[int, Mention]) -> tuple:
        position, m = item
        return (gaps[position], -(m.end - m.start), -m.score, priority[position], m.start, position)

    kept, overlaps = _first_merge(sorted(found, key=rank), rank)
    if sure is None:
        return kept, overlaps
    position_of = {id(m): p for p, m in found}
    displaced, overlaps = _displace_unsure(found, kept, overlaps, gaps, sure, complete, position_of)
    if displaced == kept:
        return kept, overlaps
    winners = {id(m) for m in displaced}
    refilled, _ = _first_merge([(position_of[id(m)], m) for m in displaced]
                               + sorted((item for item in found if id(item[1]) not in winners), key=rank), rank)
    back = {id(m) for m in refilled} - winners
    return refilled, [o for o in overlaps if id(o.dropped) not in back]


def _first_merge(ordered: Sequence[tuple[int, Mention]], rank: Callable[[tuple[int, Mention]], tuple]
                 ) -> tuple[tuple[Mention, ...], list[Overlap]]:
    """Each candidate in ``ordered`` kept unless one kept before it overlaps it."""
    starts: list[int] = []
    kept: list[tuple[tuple, Mention]] = []  # by start
    overlaps: list[Overlap] = []
    for item in ordered:
        m = item[1]
        at = bisect.bisect_left(starts, m.start)
        blocker = next((k for k in (kept[at - 1] if at else None, kept[at] if at < len(kept) else None)
                        if k is not None and m.start < k[1].end and k[1].start < m.end), None)
        if blocker is None:
            starts.insert(at, m.start)
            kept.insert(at, (rank(item), m))
        else:
            overlaps.append(Overlap(blocker[1], m, _reason(blocker[0], rank(item))))
    return tuple(m for _, m in kept), overlaps


def _displace_unsure(found, kept, overlaps, gaps, sure, complete, position_of) -> tuple[tuple[Mention, ...], list[Overlap]]:
    """Let confident gap fillers replace overlapping candidates of components less sure of their bounds."""
    challengers = sorted((m for p, m in found if gaps[p] and m not in kept), key=lambda m: (-m.score, m.start))
    if not challengers:
        return kept, overlaps
    rules = [m for p, m in found if not gaps[p]]
    current = list(kept)
    for c in challengers:
        hit = [m for m in current if m.start < c.end and c.start < m.end]
        if not hit or any(gaps[position_of[id(m)]] or m.kind is not c.kind and not (
                c.start <= m.start <= m.end <= c.end and (complete(c) or _leads(m, c))) for m in hit):
            continue
        if not complete(c) and any(complete(m) for m in hit):
            continue
        if any(sure[position_of[id(m)]] >= c.score for m in rules if m.start < c.end and c.start < m.end):
            continue
        current = [m for m in current if m not in hit] + [c]
        overlaps = [o for o in overlaps if o.dropped is not c] + [Overlap(c, m, "surer of its bounds") for m in hit]
    return tuple(sorted(current, key=lambda m: (m.start, m.end))), overlaps


# a place is a name of its own, so a guess takes one in only when confident (英国|摇滚乐队 scores 0.68)
_LEADING_PLACE_SCORE = 0.8


def _leads(place: Mention, organisation: Mention) -> bool:
    """A place the organisation's name begins with and goes on after (北京|市公安局, 上海|华侨城): where
    it is, not a name of its own, when the organisation is a confident guess."""
    return (place.kind is Kind.PLACE and organisation.kind is Kind.ORGANIZATION and place.start == organisation.start
            and place.end < organisation.end and organisation.score >= _LEADING_PLACE_SCORE)


_REASONS = ("the other only fills gaps", "longer", "higher score", "higher priority", "earlier", "earlier in the pipeline")


def _reason(winner: tuple, loser: tuple) -> str:
    return next((why for why, a, b in zip(_REASONS, winner, loser) if a != b), "same span")
