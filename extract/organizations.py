"""Organisations and places: the lexicons, and names built on an organisation suffix.

``微软亚洲研究院``, ``IDEA研究院``, ``深圳市某某科技有限公司``: a suffix such as 研究院, 实验室, 大学
or 公司 is extended leftwards over the words that can form a name, and stops at function words.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from talkgraph.ontology import lexicon

from .lexicon_match import LexiconMatcher, build_matcher
from .mentions import in_content, make_mention, mention_extractor
from .model import Kind, Mention, Transcript
from .tokens import dictionary_tag, tokenize

ORG_SUFFIXES = ("有限责任公司", "股份有限公司", "有限公司", "研究中心", "研究院", "研究所", "实验室", "大学", "学院",
                "集团", "公司", "科技", "银行", "医院", "基金会", "协会", "学会", "委员会", "电视台", "出版社",
                "工作室", "团队", "资本", "证券", "控股", "中学", "小学", "研究会", "联盟", "事务所")
_SUFFIX = re.compile("|".join(sorted(ORG_SUFFIXES, key=len, reverse=True)))
_STOP_WORDS = frozenset("""
的 了 在 是 和 跟 或 也 都 就 还 又 很 最 做 去 来 说 有 个 一 各 等 将 向 于 由 从 到 把 被 对 给 为 以 而 但 并 让 使
我 你 他 她 它 我们 你们 他们 这 那 这个 那个 这些 那些 这家 那家 一家 一个 每个 某 某个 哪 哪个 什么 所 其 该 本 我国
加入 来自 进入 创办 创立 成立 离开 去了 回到 当时 之前 之后 以后 以前 现在 目前 今天 当年 后来 刚刚 已经 曾经 正在
大 小 新 老 好 多 少 很多 许多 不少 一些 几个 所有 整个 其他 其它 别的 相关 国内 国外 海外 全球 主要 重要 知名 著名 顶级
""".split())
# domain words that do not make an organisation's name on their own (人工智能实验室 is no name)
_GENERIC_HEADS = frozenset("""
人工智能 机器学习 深度学习 计算机 自然语言 计算机视觉 视觉 语言 数据 数据库 软件 硬件 网络 互联网 科学 技术 科技 工程 信息 智能
研究 实验 国家 重点 联合 创新 开放 前沿 基础 应用 产业 行业 企业 商业 大型 中小 初创 创业 头部 云 云计算 芯片 算法 模型 系统
""".split())
_MAX_LEFT_TOKENS = 4
# suffixes so common in running text that the word before them must itself look like a name
_WEAK_SUFFIXES = frozenset({"团队", "科技", "资本", "联盟", "工作室", "控股", "证券"})


@cache
def _orgs() -> LexiconMatcher:
    return build_matcher(lexicon.organizations())


@cache
def _places() -> LexiconMatcher:
    return build_matcher(lexicon.places())


@mention_extractor("organizations.lexicon")
def lexicon_organizations(transcript: Transcript) -> Iterator[Mention]:
    text = transcript.document.text
    for start, end, turn in in_content(transcript):
        for s, e, name in _orgs().finditer(text, start, end):
            yield make_mention(transcript, s, e, Kind.ORGANIZATION, "lexicon", turn, name)
        for s, e, name in _places().finditer(text, start, end):
            yield make_mention(transcript, s, e, Kind.PLACE, "lexicon", turn, name)


@mention_extractor("organizations.suffix")
def suffix_organizations(transcript: Transcript) -> Iterator[Mention]:
    text = transcript.document.text
    for start, end, turn in in_content(transcript):
        for s, e in organization_spans(text, start, end):
            yield make_mention(transcript, s, e, Kind.ORGANIZATION, "suffix", turn)


def organization_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Spans of ``text[start:end]`` that name an organisation by its suffix."""
    if not _SUFFIX.search(text, start, end):
        return
    tokens = tokenize(text[start:end], start)
    for i, (word, s, e) in enumerate(tokens):
        match = _SUFFIX.search(word)
        if not match or match.end() != len(word):
            continue
        head = word[:match.start()]
        left = i
        while left > 0 and i - left < _MAX_LEFT_TOKENS and _can_join(tokens[left - 1][0]):
            left -= 1
        parts = [t[0] for t in tokens[left:i]] + ([head] if head else [])
        while parts and parts[0] in ("与", "及", "和"):
            parts.pop(0)
            left += 1
        if not parts or all(_generic(p) for p in parts):
            continue
        if len("".join(parts).strip()) < 2 and not "".join(parts).isascii():
            continue
        if (match.group() in _WEAK_SUFFIXES and not head and not _name_like(parts[-1].strip())
                and not _organisation_context(text, tokens[left][1], e)):
            continue
        begin = tokens[left][1] if left < i else s
        while text[begin].isspace():
            begin += 1
        yield begin, e


_JOINED = re.compile(r"(?:创办了?|创立了?|成立了?|加入了?|来自|就职于|任职于|供职于)\s?$")


def _organisation_context(text: str, start: int, end: int) -> bool:
    """A founding or joining verb before, or a job title right after: ``一流科技创始人``."""
    if _JOINED.search(text, max(0, start - 4), start):
        return True
    return any(text.startswith(title, end) for title in lexicon.titles())


def _name_like(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9&.\-]*", word)) or dictionary_tag(word) in (None, "ns", "nt", "nz", "nrt")


def _generic(word: str) -> bool:
    word = word.strip()
    return not word or word in _GENERIC_HEADS or word in lexicon.not_names()


def _can_join(word: str) -> bool:
    if word in _STOP_WORDS or not word.strip() and word != " ":
        return False
    if word == " ":
        return True
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9&.\-]*", word):
        return word not in lexicon.not_names()
    if word in ("与", "及"):
        return True
    if not re.fullmatch(r"[\u3400-\u9fff]+", word):
        return False
    tag = dictionary_tag(word)
    return tag is None or tag[0] in "nj" or tag in ("vn", "an", "b")
