"""Social-media handles: ``@张三`` names a person, ``@新浪科技`` an organisation.

A handle is taken when it ends clearly (a colon, a space, another handle, punctuation).  A
handle made of a known organisation or ending in an organisation or news outlet's suffix (公司,
晚报, 杂志) names an organisation; one shaped as a person's name names that person; any other is a
nickname its owner chose (``爱喝奶茶的小熊``, ``每日电影``), which names no one: most handles are.
A handle mixing scripts (``张三Uncle``) gives only its leading Chinese name.  The span leaves out
the ``@``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from talkgraph.ontology import lexicon

from .chinese_names import is_han_name, surname_of
from .component import Candidate
from .doc import Doc, Paragraph
from .model import Kind
from .organizations import ORG_SUFFIXES, starts_with_organization
from .persons import loose_names_at, plausible_name

# a news outlet's account (…晚报, …网, …杂志), not a channel of content (…频道, …画报, …语录), which names no one
_OUTLET = re.compile(r"(?:网|日报|晚报|早报|杂志|周刊|电台|电视台|新闻社|报社)$")
_EVERYONE = frozenset({"所有人", "全体成员", "全体"})  # a chat's @所有人 calls everyone, no one
_HANDLE = re.compile(r"@([^\s@:：/\\\[\]【】，,。！!？?、#（）()“”\"'》《~～\-_|]{1,30})")
_HANDLE_END = re.compile(r"(?:[\s@:：/\[【#]|$)")
_LEADING_HAN = re.compile(r"[\u3400-\u9fff]+")
_MAX_WHOLE_HANDLE = 10  # a longer handle is rather a nickname with a name in it


def precheck(text: str) -> bool:
    return "@" in text


def handle_names(doc: Doc, paragraphs: Sequence[Paragraph]) -> Iterator[Candidate]:
    text = doc.text
    for para in paragraphs:
        for match in _HANDLE.finditer(text, para.start, para.end):
            handle, s = match.group(1), match.start(1)
            han = _LEADING_HAN.match(handle)
            if han is None:
                continue
            if han.end() < len(handle) or not _HANDLE_END.match(text, match.end()) or len(handle) > _MAX_WHOLE_HANDLE:
                span = _name_leading(doc, handle, s, han.end())
                if span:
                    yield Candidate(span[0], span[1], Kind.PERSON, para.turn_index)
                continue
            if len(handle) < 2 or handle in lexicon.not_names() or handle in _EVERYONE:
                continue
            if handle.endswith(ORG_SUFFIXES) or starts_with_organization(handle) or _OUTLET.search(handle):
                yield Candidate(s, s + len(handle), Kind.ORGANIZATION, para.turn_index)
            elif _name_shaped(handle):
                yield Candidate(s, s + len(handle), Kind.PERSON, para.turn_index)


def _name_shaped(handle: str) -> bool:
    """A handle that reads as a person's name (``张三``, ``小王``), not a chosen nickname (``爱喝奶茶的小熊``)."""
    return is_han_name(handle) or len(handle) == 2 and handle[0] in "小老阿" and surname_of(handle[1:]) is not None


def _name_leading(doc: Doc, handle: str, start: int, han_end: int) -> tuple[int, int] | None:
    """The Chinese name a handle begins with, when the handle is that name and Latin letters, or the
    name is plausible on its own."""
    tokens = doc.segment(start, start + han_end)
    spans = list(loose_names_at(tokens, 0)) if tokens and surname_of(tokens[0].word) else []
    if not spans:
        return None
    whole = spans[0][1] == start + han_end
    latin_after = han_end < len(handle) and handle[han_end].isascii()
    if whole and (latin_after or han_end == len(handle)) or plausible_name(doc.text[spans[0][0]:spans[0][1]]):
        return spans[0]
    return None
