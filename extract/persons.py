"""People: speakers, names next to titles or forms of address, and names the text supports.

No list of anyone's names: a Chinese name is a surname from the standard surname list followed by
one or two characters, and is taken only with support from the text (a title before it, a form of
address or a speech verb after it, a biography's opening, or recurrence in the document).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from talkgraph.ontology import lexicon

from .mentions import in_content, make_mention, mention_extractor
from .model import Kind, Mention, Transcript
from .tokens import dictionary_tag, in_dictionary, tokenize

HONORIFICS = ("老师", "教授", "博士", "先生", "女士", "院士", "主任", "老板", "同学", "总")
_HONORIFIC = re.compile("(?:" + "|".join(HONORIFICS) + ")$")
# characters that end a name rather than continue it
_NOT_IN_NAME = frozenset("的了是在和与及说讲等也都就还又跟对把被给为以而从到老总主谈问答表认提指介透称曾已将会能要这那们个先女"
                         "博教院同现目今年月日者人我你他她它啊吧呢吗呀哦嗯么很太更最再才就只上下里中来去过着")
_SPEECH_AFTER = re.compile(r"(?:说|表示|认为|指出|提到|介绍|透露|坦言|强调|回答|回忆|谈到|主持|分享|发言|老师|教授|博士|先生|女士|院士|总[，,。、\s的])")
_CUE_BEFORE = re.compile(r"(?:我是|叫做?|名叫|就是|嘉宾|主持人|同事|朋友|导师|学生|邀请了?|采访了?|对话|专访|拜访了?|感谢|谢谢)$")
_BIO_START = re.compile(r"[，,]\s*(?:男|女|中国|汉族|\d{4}\s*年|生于|出生|现任|曾任|博士|硕士|学士|本科|教授|高级|研究员|工程师|研究生)")
_LATIN_PERSON = re.compile(r"(?<![A-Za-z])[A-Z][a-z]{1,15}(?: [A-Z]\.)?(?: [A-Z][a-z]{1,15}){1,2}(?![A-Za-z])")
_MIN_RECURRENCE = 2


def strip_honorific(name: str) -> str:
    """``田奇老师`` → ``田奇``; ``海龙总`` → ``海龙``."""
    return _HONORIFIC.sub("", name) or name


def surname_of(name: str) -> str | None:
    if name[:2] in lexicon.surnames():
        return name[:2]
    if name[:1] in lexicon.surnames():
        return name[:1]
    return None


def is_han_name(name: str) -> bool:
    """A plausible full Chinese name: a known surname and one or two more characters."""
    if not re.fullmatch(r"[\u3400-\u9fff]{2,4}", name):
        return False
    surname = surname_of(name)
    return surname is not None and 1 <= len(name) - len(surname) <= 2 and not (set(name[1:]) & _NOT_IN_NAME)


@mention_extractor("persons.speakers")
def speaker_names(transcript: Transcript) -> Iterator[Mention]:
    text = transcript.document.text
    names = sorted(transcript.speakers, key=len, reverse=True)
    if not names:
        return
    pattern = re.compile("|".join(_bounded(n) for n in names))
    for start, end, turn in in_content(transcript):
        for match in pattern.finditer(text, start, end):
            yield make_mention(transcript, match.start(), match.end(), Kind.PERSON, "speaker", turn)


def _bounded(name: str) -> str:
    body = re.escape(name)
    return rf"(?<![A-Za-z]){body}(?![A-Za-z])" if name.isascii() else body


@mention_extractor("persons.addressed")
def addressed_names(transcript: Transcript) -> Iterator[Mention]:
    """``田老师``, ``田奇老师``, ``海龙总``: a name (or surname) with a form of address."""
    text = transcript.document.text
    speakers = set(transcript.speakers)
    for start, end, turn in in_content(transcript):
        tokens = tokenize(text[start:end], start)
        for i, (word, s, e) in enumerate(tokens):
            if word not in HONORIFICS or i == 0:
                continue
            if word == "总" and i + 1 < len(tokens) and tokens[i + 1][0] in ("的", "体", "结", "之", "共", "部"):
                continue
            name_start = _name_before(tokens, i, speakers)
            if name_start is not None:
                yield make_mention(transcript, name_start, e, Kind.PERSON, "address", turn)


def _name_before(tokens, i: int, speakers: set[str]) -> int | None:
    prev, ps, pe = tokens[i - 1]
    if prev in speakers or any(n.endswith(prev) and len(prev) >= 2 for n in speakers):
        return ps
    if prev in lexicon.surnames():
        return ps
    if i >= 2 and len(prev) == 1 and prev not in _NOT_IN_NAME and is_han_name(tokens[i - 2][0] + prev):
        return tokens[i - 2][1]
    if is_han_name(prev) and not _is_common_word(prev):
        return ps
    return None


@mention_extractor("persons.titled")
def titled_names(transcript: Transcript) -> Iterator[Mention]:
    """``首席科学家田奇``, ``创始人袁进辉``: a name right after a job title."""
    text = transcript.document.text
    titles = set(lexicon.titles())
    for start, end, turn in in_content(transcript):
        tokens = tokenize(text[start:end], start)
        for i, (word, s, e) in enumerate(tokens[:-1]):
            if word not in titles and not (word.endswith(tuple(titles)) and len(word) <= 6):
                continue
            span = _name_at(tokens, i + 1)
            if span:
                yield make_mention(transcript, span[0], span[1], Kind.PERSON, "title", turn)


def _name_at(tokens, i: int, strict: bool = False) -> tuple[int, int] | None:
    """A Chinese name starting at token ``i``: one token, or a token and the character after it.

    ``strict`` (no other cue for a name here) refuses any dictionary word, whatever jieba's tag:
    its dictionary tags 谢谢 and 安全性 as names.
    """
    word, s, e = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    common = _is_common_word(word, strict)
    if nxt and len(nxt[0]) == 1 and nxt[0] not in _NOT_IN_NAME and is_han_name(word + nxt[0]):
        if (len(word) == 2 and not common) or word in lexicon.surnames():
            return s, nxt[2]
    if nxt and word in lexicon.surnames() and len(nxt[0]) <= 2 and is_han_name(word + nxt[0]):
        if not (strict and _is_common_word(nxt[0], strict)):
            return s, nxt[2]
    if is_han_name(word) and not common:
        return s, e
    return None


@mention_extractor("persons.surname")
def supported_names(transcript: Transcript) -> Iterator[Mention]:
    """Names the segmenter does not know, starting with a surname, that the text supports."""
    text = transcript.document.text
    candidates: list[tuple[int, int, int | None]] = []
    for start, end, turn in in_content(transcript):
        tokens = tokenize(text[start:end], start)
        for i, (word, s, e) in enumerate(tokens):
            if surname_of(word) is None:
                continue
            span = _name_at(tokens, i, strict=True)
            if span is None:
                continue
            name = text[span[0]:span[1]]
            if _is_common_word(name, strict=True) or name in lexicon.not_names():
                continue
            candidates.append((span[0], span[1], turn))
    counts = Counter(text[s:e] for s, e, _ in candidates)
    for s, e, turn in candidates:
        if counts[text[s:e]] >= _MIN_RECURRENCE or _has_cue(text, s, e):
            yield make_mention(transcript, s, e, Kind.PERSON, "surname", turn)


@mention_extractor("persons.latin")
def latin_names(transcript: Transcript) -> Iterator[Mention]:
    """``Sam Altman``: capitalised Latin-script words with a person cue next to them."""
    text = transcript.document.text
    for start, end, turn in in_content(transcript):
        for match in _LATIN_PERSON.finditer(text, start, end):
            if any(w in lexicon.not_names() for w in match.group().split()):
                continue
            if _has_cue(text, match.start(), match.end()):
                yield make_mention(transcript, match.start(), match.end(), Kind.PERSON, "title", turn)


def _has_cue(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 6):start]
    if _CUE_BEFORE.search(before) or any(before.endswith(t) for t in lexicon.titles()):
        return True
    if _SPEECH_AFTER.match(text, end):
        return True
    line_start = start == 0 or text[start - 1] in "\n。！？；"
    return line_start and bool(_BIO_START.match(text, end))


def _is_common_word(word: str, strict: bool = False) -> bool:
    """A dictionary word that is not tagged as a person's name (``和田``, ``高校``, ``程序``)."""
    if not in_dictionary(word):
        return False
    tag = dictionary_tag(word)
    return strict or tag is None or not tag.startswith("nr")
