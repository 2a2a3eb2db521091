"""Brands and apps no lexicon holds, named by how people talk about software, and brand names
that are also everyday words (苹果), taken as the brand only where the text says so.

``在X上``, ``X的App``, ``打开X``, ``下载了X``, ``用X写…``: what sits in such a frame is an app or
platform when it is a word the dictionary does not know (a new name) or a capitalised Latin-script
name; ordinary words (``用心``, ``在网上``, ``打开窗户``) are dictionary words and never qualify.  A
name accepted once is found at its other occurrences by the pipeline's recurrence pass.

``ontology/lexicon/everyday_brands.txt`` lists lexicon names that are also everyday words
(苹果, 微博, 浪潮); the organisation lexicon takes them for the brand only where
``in_brand_context`` holds: ``苹果`` is 苹果公司 before ``公司``, ``手机``, ``发布``, ``iPhone`` … or
next to another known company (``谷歌、苹果``), and the fruit otherwise.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from operator import itemgetter

from talkgraph.ontology import lexicon

from .chinese_names import NOT_IN_NAME
from .component import Candidate
from .doc import Doc, Paragraph
from .model import Kind
from .persons import plausible_name
from .tokens import Token, in_dictionary


# frames around an app's name: the cue before (or none), the cue after (or none), and the score
_BEFORE_APP = frozenset({"打开", "下载", "安装", "卸载", "登录", "登陆", "注册"})
_BEFORE_USE = frozenset({"用", "使用"})
_AFTER_APP = re.compile(r"\s*(?:的)?\s*(?:App|APP|app|小程序|公众号|客户端|官网|这个(?:App|APP|app|软件|应用|平台|工具))")
_AFTER_ON = re.compile(r"\s*(?:上|里|里面|上面)(?![\u4e00-\u9fff]{0,1}(?:来|去|下))")
_AFTER_USE = re.compile(r"\s*(?:来|去)?(?:写|做|记|发|开会|聊天?|沟通|协作|搜|查|看|买|订|打车|点外卖|剪|画|管理|编辑|分享|直播|上课)")
_APP_WORD = re.compile(r"App|APP|app|小程序|公众号|客户端|官网|软件|应用|平台|工具")
_LATIN = re.compile(r"[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*(?: [A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)?")
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")
_MAX_HAN = 5
_DETERMINERS = frozenset("各每某这那本该此其诸全")


def apps_in_context(text: str, para: Paragraph) -> Iterator[Candidate]:
    """Apps and platforms named by a software frame in a paragraph of ``text``.

    Spans are found only at the paragraph's word boundaries.  Names are read only where a frame
    may be: after a cue word, or a few characters before an app word.
    """
    tokens = para.tokens
    if not tokens:
        return
    # an app word a name may stand before starts at most _MAX_HAN + 4 after the name's first token
    app_words = [m.start() for m in _APP_WORD.finditer(text, tokens[0].start, tokens[-1].end + _MAX_HAN + 8)]
    for i in _after_cue_or_before_app_word(para, app_words):
        tok = tokens[i]
        prev = tokens[i - 1].word if i else ""
        if i and prev == "在":
            before = "on"
        elif i and (prev in _BEFORE_APP or prev == "了" and i >= 2 and tokens[i - 2].word in _BEFORE_APP):
            before = "app"
        elif i and prev in _BEFORE_USE:
            before = "use"
        else:
            at = bisect.bisect_left(app_words, tok.end)
            if at == len(app_words) or app_words[at] - tok.start > _MAX_HAN + 4:
                continue
            before = ""
        name_end = _name_at(text, tokens, i)
        if name_end is None:
            continue
        if _AFTER_APP.match(text, name_end) or (before == "on" and _AFTER_ON.match(text, name_end)):
            score = 0.8
        elif before == "app" or (before == "use" and _AFTER_USE.match(text, name_end)):
            score = 0.6
        else:
            continue
        yield Candidate(tok.start, name_end, Kind.MODEL, para.turn_index, score=score)


_CUES = frozenset({"在", "了"}) | _BEFORE_APP | _BEFORE_USE
_CUE_INITIALS = frozenset(cue[0] for cue in _CUES)
_START, _END = itemgetter(1), itemgetter(2)  # of a token


def _after_cue_or_before_app_word(para: Paragraph, app_words: list[int]) -> list[int]:
    """In order, the indices of the tokens a frame may begin a name at: right after a cue word, or
    ending before an app word that starts at most ``_MAX_HAN + 4`` after them (every other token
    is skipped without a look: the paragraph finds the words a cue may be by their first characters)."""
    tokens = para.tokens
    found = {i + 1 for i in para.starting_with(_CUE_INITIALS) if tokens[i][0] in _CUES}
    if app_words:
        starts = list(map(_START, tokens))
        ends = list(map(_END, tokens))
        for at in app_words:
            found.update(range(bisect.bisect_left(starts, at - _MAX_HAN - 4), bisect.bisect_right(ends, at)))
    return sorted(i for i in found if i < len(tokens))


def _name_at(text: str, tokens: Sequence[Token], i: int) -> int | None:
    """Where a candidate name starting at token ``i`` ends: a capitalised Latin-script name, or a
    run of Chinese words the segmenter had to guess (``栗栗`` + ``圈``) that is no dictionary word
    and not shaped like a person's name."""
    tok = tokens[i]
    latin = _LATIN.match(text, tok.start)
    if latin and (tok.start == 0 or not text[tok.start - 1].isascii() or not text[tok.start - 1].isalnum()):
        words = latin.group().split()
        if any(w in lexicon.not_names() for w in words) or len(latin.group()) < 3:
            return None
        end = latin.end()
        return end if any(t.end == end for t in tokens[i:i + 4]) else None
    unknown = False
    j = i
    while j < len(tokens) and _HAN_WORD.fullmatch(tokens[j].word) and tokens[j].end - tok.start <= _MAX_HAN:
        word = tokens[j].word
        if j > i and word[0] in NOT_IN_NAME:
            break  # 上发 of 在栗栗圈上发帖: the frame goes on, not the name
        if not in_dictionary(word):
            unknown = True
        elif len(word) > 1 or word in NOT_IN_NAME or j == i:
            break
        j += 1
    if not unknown or j == i or tok.word[0] in _DETERMINERS:
        return None
    name = text[tok.start:tokens[j - 1].end]
    if len(name) < 2 or in_dictionary(name) or name in lexicon.listed_names():
        return None
    if plausible_name(name):
        return None  # 用张伟 … : a person's name is no app
    return tokens[j - 1].end


# ---- brand names that are everyday words

_BRAND_AFTER = re.compile(r"\s*(?:的)?\s*(?:公司|集团|平台|手机|电脑|笔记本|发布会?|推出|上市|股价|市值|财报|CEO|总裁|高管|官方|"
                          r"生态|商店|应用商店|App Store|iPhone|iPad|Mac|Vision|Watch|芯片|系统|设备|用户|员工|工程师|创始人|"
                          r"库克|乔布斯|自研|收购|起诉|宣布)")
_LIST_JOIN = re.compile(r"\s*[、和与及跟,，/]\s*")


def everyday_words() -> frozenset[str]:
    """Lexicon names that are also everyday words (``lexicon/everyday_brands.txt``)."""
    return lexicon.words("everyday_brands")


def in_brand_context(text: str, s: int, e: int) -> bool:
    """Whether the everyday word at ``text[s:e]`` names the brand: a company or product word right
    after it (苹果发布, 微博平台), or another known organisation beside it in a list (谷歌、苹果和微软)."""
    return bool(_BRAND_AFTER.match(text, e)) or _listed_with(text, s, e, _organization_names())


def _listed_with(text: str, s: int, e: int, orgs: frozenset[str]) -> bool:
    """A known organisation's name before or after the word, across one list separator."""
    after = _LIST_JOIN.match(text, e)
    if after and any(text.startswith(org, after.end()) for org in orgs):
        return True
    before = text[max(0, s - 12):s]
    join = re.search(r"[、和与及跟,，/]\s*$", before)
    return bool(join) and any(before[:join.start()].endswith(org) for org in orgs)


@lexicon.derived
def _organization_names() -> frozenset[str]:
    """Known organisations of two characters or more, everyday words left out."""
    return frozenset(n for entry in lexicon.organizations() for n in entry.names
                     if len(n) >= 2 and n not in everyday_words())


# ---- as components

def apps(doc: Doc, paragraphs: Sequence[Paragraph]) -> Iterator[Candidate]:
    """Apps by their frame, paragraph by paragraph."""
    for para in paragraphs:
        yield from apps_in_context(doc.text, para)
