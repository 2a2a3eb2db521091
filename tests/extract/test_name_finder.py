"""recurrence.NameFinder finds what ``re.finditer`` over the names' alternation (longest first) finds."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from talkgraph.extract.recurrence import NameFinder

# few characters, so that names overlap, nest and share first characters; ] \\ ^ - test the class's escaping
_CHARS = st.sampled_from("林伟明田奇王AaI-]^\\.")
_NAMES = st.sets(st.text(_CHARS, min_size=2, max_size=5), min_size=1, max_size=8)


def _by_alternation(names, text, start, end):
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    return [(m.start(), m.group()) for m in pattern.finditer(text, start, end)]


@settings(max_examples=500)
@given(_NAMES, st.text(_CHARS, max_size=40), st.data())
def test_same_occurrences_as_the_alternation(names, text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert list(NameFinder(names).finditer(text, start, end)) == _by_alternation(names, text, start, end)


def test_longest_name_first_and_no_overlap():
    finder = NameFinder(["林伟", "林伟明", "伟明田"])
    assert list(finder.finditer("林伟明田奇林伟", 0, 7)) == [(0, "林伟明"), (5, "林伟")]
    assert list(finder.finditer("林伟明田奇林伟", 0, 2)) == [(0, "林伟")]  # the end bounds a name
