"""Other names the text gives a person: a nickname it introduces (``在微博上的名字叫“老师木”，这就是…袁进辉``
→ 老师木 names 袁进辉), their name in the other script in brackets (``Emily Zhang（张雨桐）``) or the ID they go
by online (``陈志远（ID：Aspen）``), their Chinese name in pinyin after their English one (``Grace Wang, Wang
Jing Yi``); and an
organisation's name in Latin letters in brackets after its Chinese one (``澜溪医药（Lanxi Therapeutics）``), and
the short name a text declares for it (``…股份有限公司（以下简称“澜芯微”）``)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from talkgraph.ontology import lexicon

from .abbreviations import declared_abbreviations
from .foreign_names import ENGLISH_NAME_SAID
from .model import Kind, Mention, Transcript

_NICKNAME = re.compile(r"(?:名字|网名|昵称|外号|绰号|花名|笔名|人称|艺名|ID)(?:就)?(?:叫做?|是|为|作)?\s?[“\"「'‘](?P<alias>[^”\"」'’]{1,12})[”\"」'’]")
_WINDOW = 40


def introduced_aliases(transcript: Transcript, mentions: tuple[Mention, ...]) -> Iterator[tuple[str, Mention]]:
    """Each other name with the person or organisation it names (see the module's docstring)."""
    yield from _nicknames(transcript, mentions)
    yield from _paired_names(transcript, mentions)
    yield from _pinyin_apposed(transcript, mentions)
    yield from _player_ids(transcript, mentions)
    yield from _organisation_glosses(transcript, mentions)
    yield from declared_abbreviations(transcript, mentions)


# a syllable of pinyin, tones left out: Jing, Yi, Zhuang, Xiong
_PINYIN_SYLLABLE = re.compile(r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:[aeiouü]{1,3})(?:ng|n|r)?", re.IGNORECASE)
_APPOSED = re.compile(r",\s")


def _pinyin_apposed(transcript: Transcript, mentions: tuple[Mention, ...]) -> Iterator[tuple[str, Mention]]:
    """``Grace Wang, Wang Jing Yi, founder and CEO of …``: an English given name and the surname, then after
    a comma the same surname first and given names in pinyin, the person's Chinese name: one person."""
    text = transcript.document.text
    people = sorted((m for m in mentions if m.kind is Kind.PERSON and m.text.isascii()), key=lambda m: m.start)
    for first, second in zip(people, people[1:]):
        english, chinese = first.text.split(), second.text.split()
        if (len(english) == 2 and len(chinese) >= 2 and _APPOSED.fullmatch(text, first.end, second.start)
                and chinese[0] == english[-1] and english[0] not in chinese
                and all(_PINYIN_SYLLABLE.fullmatch(part) for part in chinese)):
            yield second.text, first


# 澜溪医药（Lanxi Therapeutics）, 中国电子信息产业集团（CEC）: an organisation's name in Latin letters in brackets
_LATIN_GLOSS = re.compile(r"\s?[（(]\s?(?P<alias>[A-Za-z][A-Za-z0-9&.\-]*(?: [A-Za-z][A-Za-z0-9&.\-]*){0,4})\s?[)）]")


def _organisation_glosses(transcript: Transcript, mentions: tuple[Mention, ...]) -> Iterator[tuple[str, Mention]]:
    """An organisation named in Chinese with its name or abbreviation in Latin letters in brackets
    right after it: the Latin name names the same organisation."""
    text = transcript.document.text
    for m in mentions:
        if m.kind is Kind.ORGANIZATION and not m.text.isascii():
            gloss = _LATIN_GLOSS.match(text, m.end)
            if gloss is not None:
                yield gloss["alias"], m


def _nicknames(transcript: Transcript, mentions: tuple[Mention, ...]) -> Iterator[tuple[str, Mention]]:
    """Each nickname with the person it names: the nearest person mention after it, else before it;
    and the English name a person is said to go by (``叫许立德的，英文名叫Richard``): the one named before."""
    text = transcript.document.text
    people = [m for m in mentions if m.kind is Kind.PERSON]
    for match in _NICKNAME.finditer(text):
        after = [m for m in people if match.end() <= m.start <= match.end() + _WINDOW]
        before = [m for m in people if match.start() - _WINDOW <= m.end <= match.start()]
        person = after[0] if after else (before[-1] if before else None)
        if person is not None:
            yield match["alias"], person
    for match in ENGLISH_NAME_SAID.finditer(text):
        before = [m for m in people if match.start() - _WINDOW <= m.end <= match.start() and not m.text.isascii()]
        if before:
            yield match["name"], before[-1]


# 李昊（ID：Tiger，粉丝都叫他“小虎”）: the name a player or a user goes by online, in brackets after the name
_ID_GLOSS = re.compile(r"\s?[（(]\s?(?:游戏)?(?:ID|id|Id)\s?[:：]?\s?(?P<alias>[A-Za-z0-9_\-.]{2,20}|[\u3400-\u9fff]{2,8})\s?[)），,、]")


def _player_ids(transcript: Transcript, mentions: tuple[Mention, ...]) -> Iterator[tuple[str, Mention]]:
    """A person's ID in brackets right after their name (``陈志远（ID：Aspen）``): the ID names them."""
    text = transcript.document.text
    for person in (m for m in mentions if m.kind is Kind.PERSON):
        gloss = _ID_GLOSS.match(text, person.end)
        if gloss is not None:
            yield gloss["alias"], person


_OPEN = re.compile(r"\s?(?:[（(]|(?P<dash>[—–]{1,2}))\s?")
_CLOSE = re.compile(r"\s?[)）]")
_DASH_CLOSE = re.compile(r"\s?(?:[—–]{1,2}|[，,。；;])")  # Zhao Yifan — 赵一帆 — co-founder…


def _paired_names(transcript: Transcript, mentions: tuple[Mention, ...]) -> Iterator[tuple[str, Mention]]:
    """``Emily Zhang（张雨桐）``, ``许嘉文（Karen Xu）``, ``阿肯（Ken）``, ``Zhao Yifan — 赵一帆 —``: a person's name
    with their name in the other script in brackets or between dashes right after it, or an English given name before the Chinese name
    (``Kevin 郭一鸣``).  The name a speaker goes by, else the Chinese one, names the person."""
    text = transcript.document.text
    people = {m.start: m for m in mentions if m.kind is Kind.PERSON}
    speakers = set(transcript.speakers)
    for outer in sorted(people.values(), key=lambda m: m.start):
        opened = _OPEN.match(text, outer.end)
        inner = people.get(opened.end()) if opened else None
        if inner is None and _latin(outer.text) and " " not in outer.text:  # Kevin 郭一鸣: a given name, then the name
            inner = people.get(outer.end + 1) if text.startswith(" ", outer.end) else None
        elif inner is not None and not (_DASH_CLOSE if opened["dash"] else _CLOSE).match(text, inner.end):
            inner = None
        if inner is None or _latin(outer.text) == _latin(inner.text):
            continue
        if outer.text in lexicon.persons_by_name() or inner.text in lexicon.persons_by_name():
            continue  # the person lexicon names them already, under their best-known name
        inner_named = inner.text in speakers or outer.text not in speakers and _latin(outer.text)
        named, other = (inner, outer) if inner_named else (outer, inner)
        yield other.text, named


def _latin(name: str) -> bool:
    return name[:1].isascii()
