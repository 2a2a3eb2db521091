"""jieba's default dictionary as counts and tags, kept in the user's cache directory once read.

Reading the dictionary's 350,000 lines takes most of half a second, which every build would pay
before reading a line.  The counts and tags made from it
are written once, in ``marshal`` form, to a file whose name carries the digest of the dictionary
file, this module's format version and Python's: a new jieba, a new talkgraph or a new Python
reads the dictionary again.  A file that cannot be read or is not what it should be is read again
from the dictionary and replaced; a cache directory that cannot be written is simply not used.
The result is the same either way, so the cache never changes what a build writes.

Each word's count and tag are packed into one integer (``Dictionary``), and the words are held
by their first character, each character's words made into a mapping only once several of them
have been looked up (the first few are found in the group's words): a build looks up words of a
few hundred to a few thousand of the dictionary's 12,000 first characters, and one mapping of all
350,000 words was a tenth of a second of every start.
"""
from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
import sys
import tempfile
from array import array
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

_FORMAT = 3  # raise when what the file holds changes
TAG_BITS = 7  # jieba's dictionary has 55 tags
TAG_MASK = (1 << TAG_BITS) - 1
_PACKED = "q"  # the array type of a group's packed entries
# the words of a first character looked up one by one before its mapping is made: finding one costs a
# twentieth to a thirtieth of making the mapping (both read the group's words), so a group whose
# mapping is made after all costs at most 1.4 times what making it at its first look-up did
_MAPPED_AFTER = 8


@dataclass(frozen=True, slots=True)
class Dictionary:
    """Each word's count and tag as ``count << TAG_BITS | index``, the index into ``tag_names``
    (0: no tag); ``total`` sums every line's count, as jieba does, ``word_total`` each word's
    last count, as jieba-rs does.

    ``groups`` holds the words by first character: the words, each between two ``"\\n"``, and
    their packed entries as ``array`` bytes, in the same order; ``added``, by first character too,
    entries over those (the lexicons' words, ``with_added``).  A first character's mapping is made
    at its first look-up.
    """

    groups: dict[str, tuple[str, bytes]]
    tag_names: tuple[str | None, ...]
    total: int
    word_total: int
    longest: int  # the longest word's characters
    added: dict[str, dict[str, int]] = field(default_factory=dict)
    _made: dict[str, dict[str, int]] = field(default_factory=dict, compare=False, repr=False)
    _seen: dict[str, dict[str, int]] = field(default_factory=dict, compare=False, repr=False)

    def packed(self, word: str) -> int:
        """The word's packed entry; 0 for a word the dictionary does not hold."""
        entries = self._made.get(word[:1])
        if entries is None:
            return self._looked_up(word)
        return entries.get(word) or 0

    def _looked_up(self, word: str) -> int:
        """``packed`` of a word whose first character's mapping is not made: found in the group's
        words (``stored``) and kept, until ``_MAPPED_AFTER`` of the group's words have been looked
        up; the mapping is made then.  A build looks up a few words of most groups it touches: a
        mapping made at each group's first look-up held 237,000 words for the 8,000 a 1 MB build
        looks up, and took longer than finding those one by one."""
        first = word[:1]
        seen = self._seen.get(first)
        if seen is None:
            seen = self._seen[first] = {}
        found = seen.get(word)
        if found is None:
            if len(seen) >= _MAPPED_AFTER:
                del self._seen[first]
                return self._make(first).get(word) or 0
            found = seen[word] = self.stored(word)
        return found

    def count(self, word: str) -> int:
        return self.packed(word) >> TAG_BITS

    def tag(self, word: str) -> str | None:
        return self.tag_names[self.packed(word) & TAG_MASK]

    def with_added(self, added: Mapping[str, int], total: int, word_total: int) -> Dictionary:
        """This dictionary with ``added``'s packed entries over its own, and the totals given."""
        by_first = {first: dict(entries) for first, entries in self.added.items()}
        for word, entry in added.items():
            by_first.setdefault(word[:1], {})[word] = entry
        longest = max(self.longest, *map(len, added), 0)
        return Dictionary(self.groups, self.tag_names, total, word_total, longest, by_first)

    def stored(self, word: str) -> int:
        """The word's packed entry, found without making its first character's mapping."""
        added = self.added.get(word[:1], {})
        if word in added:
            return added[word]
        words, packed = self.groups.get(word[:1], ("\n", b""))
        at = words.find(f"\n{word}\n")
        return 0 if at < 0 else memoryview(packed).cast(_PACKED)[words.count("\n", 0, at)]

    def _make(self, first: str) -> dict[str, int]:
        words, packed = self.groups.get(first, ("\n", b""))
        entries = dict(zip(words[1:-1].split("\n"), array(_PACKED, packed))) if packed else {}
        entries.update(self.added.get(first, ()))
        self._made[first] = entries
        return entries


@cache
def default_dictionary() -> Dictionary:
    """Counts, tags and totals of jieba's default dictionary (from the cache when it holds them)."""
    source = _dictionary_file()
    raw = source.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    cached = _cache_file(digest)
    if cached is not None:
        found = _read(cached, digest)
        if found is not None:
            return found
    dictionary = _parse(raw)
    if cached is not None:
        _write(cached, digest, dictionary)
    return dictionary


def _dictionary_file() -> Path:
    """jieba's ``dict.txt``, where ``jieba.Tokenizer().get_dict_file()`` reads it (found without importing jieba)."""
    spec = importlib.util.find_spec("jieba")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


def _parse(raw: bytes) -> Dictionary:
    """As jieba reads its dictionary: a word's last line gives its count (and, if it has one, its
    tag), every line adds to the total."""
    counts: dict[str, int] = {}
    tags: dict[str, str] = {}
    total = 0
    for line in raw.decode("utf-8").split("\n"):
        parts = line.split()
        if len(parts) >= 2:
            counts[parts[0]] = count = int(parts[1])
            total += count
        if len(parts) == 3:
            tags[parts[0]] = parts[2]
    tag_names = (None, *sorted(set(tags.values())))
    if len(tag_names) > TAG_MASK + 1:
        raise ValueError(f"{len(tag_names)} part-of-speech tags: more than {TAG_BITS} bits hold")
    index = {tag: i for i, tag in enumerate(tag_names)}
    by_first: dict[str, dict[str, int]] = {}
    for word, count in counts.items():
        by_first.setdefault(word[0], {})[word] = count << TAG_BITS | index[tags.get(word)]
    groups = {first: ("\n" + "\n".join(entries) + "\n", array(_PACKED, entries.values()).tobytes())
              for first, entries in by_first.items()}
    return Dictionary(groups, tag_names, total, sum(counts.values()), max(map(len, counts)))


def _cache_file(digest: str) -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache" if Path.home().is_dir() else None)
    if base is None:
        return None
    version = f"{sys.implementation.cache_tag}-m{marshal.version}"
    return Path(base) / "talkgraph" / f"jieba-dictionary-{digest[:24]}-v{_FORMAT}-{version}.marshal"


def _read(path: Path, digest: str) -> Dictionary | None:
    """The dictionary the file holds, or None if it is missing or not a whole one of this digest."""
    try:
        form, held_digest, groups, tag_names, total, word_total, longest = marshal.loads(path.read_bytes())
        if form != _FORMAT or held_digest != digest:
            return None
        if (not isinstance(groups, dict) or not all(isinstance(n, int) for n in (total, word_total, longest))
                or not isinstance(tag_names, tuple)):
            return None
        return Dictionary(groups, tag_names, total, word_total, longest)
    except (OSError, ValueError, EOFError, TypeError, AttributeError):
        return None


def _write(path: Path, digest: str, dictionary: Dictionary) -> None:
    """Write the file whole or not at all (a temporary file renamed), so a reader never sees half of one."""
    held = (_FORMAT, digest, dictionary.groups, dictionary.tag_names, dictionary.total, dictionary.word_total,
            dictionary.longest)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(marshal.dumps(held))
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
