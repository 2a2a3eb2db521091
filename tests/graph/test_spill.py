"""The on-disk sequence gives back what was put in, in order and by index."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

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
