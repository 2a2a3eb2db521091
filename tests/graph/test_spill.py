"""The on-disk sequence gives back what was put in, in order and by index, the model's records equal."""
from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import given
from hypothesis import strategies as st

from talkgraph.extract.reading import document_from_text
from talkgraph.extract.resolve import resolve_aliases
from talkgraph.graph.pipeline import build_from_documents
from talkgraph.graph.spill import SpilledSequence

ITEMS = st.lists(st.recursive(st.none() | st.integers() | st.text(),
                              lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=8))


@given(ITEMS)
def test_items_come_back_in_order_and_by_index(items):
    spilled = SpilledSequence()
    for item in items:
        spilled.append(item)
    assert len(spilled) == len(items)
    assert list(spilled) == items
    assert [spilled[i] for i in reversed(range(len(items)))] == items[::-1]
    spilled.close()


def test_appending_while_reading_keeps_both_right():
    spilled = SpilledSequence()
    spilled.append("a")
    first = iter(spilled)
    assert next(first) == "a"
    spilled.append("b")
    assert list(spilled) == ["a", "b"]


# ---------------------------------------------------------------- the model's records, pickled by class and fields

PANEL = ("主持人：今天请到了华为的田奇和百度的王海峰。\n"
         "田奇：我在华为负责盘古大模型，2018年加入华为。我认为大模型会改变软件。\n"
         "王海峰：我同意田老师的看法，文心一言已经有一千亿参数。\n")


def test_a_resolved_transcript_comes_back_equal_with_every_record():
    built = build_from_documents([document_from_text(PANEL, "panel")])
    doc = built.corpus.documents[0]
    assert doc.extraction.mentions and doc.extraction.claims and doc.extraction.transcript.turns
    spilled = SpilledSequence()
    spilled.append(doc)
    back = spilled[0]
    assert back == doc
    assert type(back.extraction.mentions[0]) is type(doc.extraction.mentions[0])
    assert back.entity_of == doc.entity_of and list(back.entity_of) == list(doc.entity_of)
    spilled.close()


def test_a_corpus_resolved_into_the_spill_builds_the_same_graph_as_in_memory():
    extraction = build_from_documents([document_from_text(PANEL, "panel")]).corpus.documents[0].extraction
    in_memory = resolve_aliases([extraction])
    on_disk = resolve_aliases([extraction], SpilledSequence())
    assert list(on_disk.documents) == list(in_memory.documents)


@dataclass(frozen=True, slots=True)
class Checked:
    """A record whose constructor does more than store its fields: pickled as dataclasses do."""

    value: int
    seen: list = field(default_factory=list, compare=False)

    def __post_init__(self) -> None:
        self.seen.append("made")


@dataclass(frozen=True, slots=True, kw_only=True)
class ByName:
    a: int
    b: str = "b"


@dataclass(frozen=True, slots=True)
class Single:
    only: tuple


@dataclass(frozen=True, slots=True)
class Empty:
    pass


def test_records_the_shortcut_does_not_fit_come_back_as_they_went():
    spilled = SpilledSequence()
    items = [Checked(3), ByName(a=1), Single((1, "x")), Empty(), [Single(()), Empty()]]
    for item in items:
        spilled.append(item)
    assert list(spilled) == items
    assert spilled[0].seen == ["made"]  # restored, not made again: __post_init__ did not run a second time
    spilled.close()
