"""Why the text contradicts a name the mention model proposed (or ``None`` when it does not).

A statistical tagger trained on news and résumés proposes names from the shape of the characters;
the text and the dictionary often know better.  Each check names its reason, so tests and the
extractor's log say why a span was refused.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from talkgraph.ontology import lexicon

from .chinese_names import HAN_WORD, NOT_IN_NAME, address_runs_on, firm_word_after
from .model import Kind
from .organizations import SETTING_UP, ends_as_organization, ends_in_a_verb_done
from .places import place_names
from .tokens import dictionary_tag, vocabulary

_WORD_CHAR = re.compile(r"[A-Za-z0-9]")
_LATIN = re.compile(r"[A-Za-z]")
_BROKEN = re.compile(r"[\s，,。.！!？?；;：:、“”\"‘’'【】\[\]《》<>/\\|@#]")
_BRACKETED = re.compile(r"[（(][^（()）]{1,8}[）)]")
# jieba's tags for proper nouns: person (nr*), place (ns), organisation (nt), other proper (nz),
# abbreviation (j); a span that is a dictionary word with another tag is a common word
_PROPER_TAGS = {Kind.PERSON: ("nr",), Kind.PLACE: ("ns", "nt", "nz", "j"),
                Kind.ORGANIZATION: ("nt", "nz", "j", "ns")}
# jieba's dictionary tags many clubs and companies as people (拉齐奥, 宝钢, 阿里巴巴), and some
# common nouns too (马拉松, 马甲): an organisation with a person's tag needs a confident model
_SURE_ORGANIZATION_WITH_PERSON_TAG = 0.85
# the dictionary calls many organisations common words (苹果, 皇马, 意甲, 公安机关, 海军): the model's
# organisation passes over that at 0.7 (held-out folds of the training corpora, extract/data/README.md)
_SURE_ORGANIZATION_COMMON_WORD = 0.7
# a three-character name may end in a character that often follows a name (周清来, 陈嘉上):
# a confident model keeps it
_SURE_PERSON_ENDING_AS_A_WORD = 0.9
# the dictionary files many people under another class of proper noun (奥巴马 and 王治国 as places,
# 梵高 as "other"): a confident model's person passes over that (held-out folds, extract/data/README.md)
_SURE_PERSON_OTHER_PROPER_NOUN = 0.7
_GREETINGS = ("谢谢", "感谢", "欢迎", "恭喜", "请问", "有请")
_GENERIC_ORG_HEADS = ("公司", "集团", "企业", "机构", "团队", "平台", "厂商", "大厂", "工厂")
# placeholders and determiners that make `X公司` a phrase, not a name
_PROPER = ("nr", "ns", "nt", "nz", "j")
_COMMON_WORD_FREQ = 20  # in jieba's dictionary: 自然语言 46, 公司财务 3
_LEGAL_FORM = re.compile(r"股份|有限|集团|控股")
# 三百家工厂, 两个团队, 20多所大学: a count of things, no name
_COUNTED = re.compile(r"^[\d一二两三四五六七八九十百千万几数]+多?[家个所座间位名]")
# surnames that are also measure words (张, 万, 方, 包, 支 …), which after a number count something
_MEASURE_SURNAMES = frozenset("张条方包支封块杯盒位项片台把")
_NUMBER_BEFORE = re.compile(r"[\d一二两三四五六七八九十百千万几]\s?$")
_PLACEHOLDER = re.compile(r"^(?:[xX]{1,3}|某+|[a-zA-Z]|这|那|哪|每|各|该|本|此|一|两|几|多|很多|不少|一些|其他|其它|所有|别的)")


def refusal(text: str, start: int, end: int, kind: Kind,
            words: Sequence[tuple[str, int, int]] | None = None, score: float = 1.0) -> str | None:
    """The reason ``text[start:end]`` cannot be a ``kind`` name, or ``None`` if nothing refuses it.

    ``words`` are the text's words, ``(word, start, end)``, as the document segmented them; without
    them the text is segmented here; ``score`` is the model's confidence in the span."""
    name = text[start:end]
    if len(name) < 2:
        return "one character"
    if not HAN_WORD.search(name):
        return "no Han character"
    if _LATIN.search(name):
        return "Latin letters inside"  # the model sees every Latin letter as one symbol: the rules judge those
    if _BROKEN.search(name) or _unbalanced(name):
        return "punctuation inside"
    if (_WORD_CHAR.match(name[0]) and start > 0 and _WORD_CHAR.match(text[start - 1])) or (
            _WORD_CHAR.match(name[-1]) and end < len(text) and _WORD_CHAR.match(text[end])):
        return "fragment of a number"
    if name in lexicon.not_names():
        return "listed as not a name"
    if _COUNTED.match(name):
        return "a count of things"
    if kind is Kind.PERSON and address_runs_on(name):
        return "a form of address with a word after it"
    if kind is Kind.PERSON and name.startswith(_GREETINGS):
        return "a greeting before the name"  # 谢谢嘉宁, 欢迎王总: the name is what follows
    if (kind is Kind.PERSON and name[0] in _MEASURE_SURNAMES and _NUMBER_BEFORE.search(text, max(0, start - 6), start)
            and not all(c in lexicon.given_name_chars() for c in name[1:])):
        return "a count of things"  # 10 张图: 张 counts the pictures
    if kind is Kind.PERSON and len(name) >= 3 and name[-1] in NOT_IN_NAME and score < _SURE_PERSON_ENDING_AS_A_WORD:
        return "ends with a word after the name"
    if words is None:
        words = [(t.word, t.start, t.end) for t in vocabulary().segment(text)]
    if _cuts_a_word(text, start, words) or (_cuts_a_word(text, end, words) and not (
            kind is Kind.ORGANIZATION and ends_as_organization(name))):
        return "cuts a word of the text"
    if kind is Kind.PERSON and firm_word_after(end, words):
        return "a firm's name"  # 李群自动化, 王记酒店: the word after the name makes it a firm's
    if _common_word(name, kind, score):
        return "common word"
    if kind is Kind.ORGANIZATION and _generic_organization(name):
        return "generic organisation phrase"
    if kind is Kind.ORGANIZATION and _opens_with_a_joining_word(start, end, words):
        return "a verb of joining before the name"  # 加盟|清源大学: the name starts after it
    if kind is Kind.ORGANIZATION and ends_in_a_verb_done(name, text[end:end + 1]):
        return "a verb at its end"
    if kind is Kind.ORGANIZATION and _JOINED_ORGANISATIONS.search(name):
        return "two organisations joined by a verb"
    if kind is Kind.ORGANIZATION and _MARKET_INDEX.fullmatch(name):
        return "a market index"
    if kind is Kind.ORGANIZATION and _kind_by_ownership(name):
        return "a kind of organisation by who runs it"
    return None


# 的创始人, 的董事长: a post only a firm has, so what holds it (X的创始人) is a firm
_FIRMS_OFFICER = re.compile(r"的(?:联合)?(?:创始人|创办人|董事长|董事会|首席执行官|CEO|总裁|股东|员工)")


def kind_by_context(text: str, end: int, kind: Kind) -> Kind:
    """The kind the words after a proposed name give it: a "person" whose founder or chairman the text
    names (``衡元智药的创始人``) is a firm."""
    return Kind.ORGANIZATION if kind is Kind.PERSON and _FIRMS_OFFICER.match(text, end) else kind


# 星海研究院联合北辰大学: an organisation, a verb of working together, another organisation
_JOINED_ORGANISATIONS = re.compile(r"(?:院|所|大学|学院|中心|公司|集团|协会|学会|委员会|银行|医院)(?:联合|携手|联手|会同|协同)")


# 沪深300, 中证500, 标普500, 纳斯达克100, 恒生指数: a market's name and the round number of stocks
# it holds, or 指数 itself, name an index, not the exchange or the company that computes it
_MARKET_INDEX = re.compile(r"[\u4e00-\u9fff]{2,5}(?:[1-9]\d{0,2}0|指数)")  # 沙尔克04, 汉诺威96 are clubs


def _kind_by_ownership(name: str) -> bool:
    """``公立医院``, ``民办中学``: who runs a school or a hospital (public, private) and which it is."""
    head = next((s for s in _RUN_BY_SOMEONE if name.endswith(s)), None)
    return head is not None and name[:-len(head)] in _OWNERSHIP


# schools and hospitals are classed by who runs them (the Ministry of Education's and the National
# Health Commission's statistics); banks and associations by kind are left to the model (商业银行 is
# a name as often as a kind in the news it learned from)
_RUN_BY_SOMEONE = ("小学", "中学", "大学", "学院", "学校", "幼儿园", "医院")
_OWNERSHIP = frozenset({"公办", "民办", "公立", "私立", "市属", "区属", "县属"})


def _cuts_a_word(text: str, boundary: int, words: Sequence[tuple[str, int, int]]) -> bool:
    """A common dictionary word of the text runs across ``boundary`` (``自然|语言研究中心``): the span
    starts or ends inside a word, so it is a fragment, not a name.  Rare compounds (``公司|财务``)
    and proper nouns do not count: the segmenter glues those across a real name's edge.  Nor does
    the end of an organisation that ends in its suffix: the dictionary's compound there is the
    suffix and the title after it (``律师事务所|律师``)."""
    if boundary <= 0 or boundary >= len(text) or not (HAN_WORD.match(text, boundary - 1) and HAN_WORD.match(text, boundary)):
        return False
    at = bisect.bisect_right(words, boundary, key=lambda w: w[1]) - 1
    if at < 0:
        return False
    word, start, end = words[at]
    if not start < boundary < end:
        return False
    tag = dictionary_tag(word)
    return (tag is not None and not tag.startswith(("j", "nr", "ns", "nt", "nz"))
            and vocabulary().frequency(word) >= _COMMON_WORD_FREQ)


# verbs of joining, leaving or holding a post, and prepositions, that take an organisation after them
_JOINING_WORDS = frozenset({"加盟", "加入", "进入", "来自", "离开", "回到", "就职", "任职", "毕业于", "任", "现任", "历任",
                            "曾任", "兼任", "担任", "出任", "在", "于", "从", "到", "向"})


def _opens_with_a_joining_word(start: int, end: int, words: Sequence[tuple[str, int, int]]) -> bool:
    """The span's first word is a verb of joining or a preposition (``_JOINING_WORDS``) and more words follow it."""
    at = bisect.bisect_left(words, start, key=lambda w: w[1])
    return at < len(words) and words[at][1] == start and words[at][2] < end and words[at][0] in _JOINING_WORDS


def _unbalanced(name: str) -> bool:
    """Brackets are part of a name only as a whole inner group: ``上海华谊（集团）公司``."""
    inner = _BRACKETED.sub("", name[1:-1])
    return any(c in "（()）" for c in name[0] + inner + name[-1])


def _common_word(name: str, kind: Kind, score: float) -> bool:
    tag = dictionary_tag(name)
    if tag is None:
        return False
    if kind is Kind.ORGANIZATION and tag.startswith("nr"):
        return score < _SURE_ORGANIZATION_WITH_PERSON_TAG
    if kind is Kind.ORGANIZATION and score >= _SURE_ORGANIZATION_COMMON_WORD:
        return False
    if kind is Kind.PERSON and tag.startswith(_PROPER) and score >= _SURE_PERSON_OTHER_PROPER_NOUN:
        return False
    return not tag.startswith(_PROPER_TAGS[kind])


def _generic_organization(name: str) -> bool:
    """``中国公司``, ``人形机器人公司``, ``国产大模型公司``, ``某某公司``, ``苏州工厂``, ``杭州本地公司``, ``东南亚建厂``: a generic
    head after a placeholder, after a country or region, after a verb phrase, or after common words and places alone.
    A legal form (``股份有限公司``) or a known organisation (``百度公司``) makes a name."""
    if SETTING_UP.fullmatch(name[-2:]):
        return True  # 东南亚建厂: building a works somewhere
    head = next((h for h in _GENERIC_ORG_HEADS if name.endswith(h)), None)
    if head is None:
        return False
    before = name[:-len(head)]
    if not before or _PLACEHOLDER.match(before) or before in _places():
        return True
    if _LEGAL_FORM.search(before) or before in _organizations():
        return False
    words = [token.word for token in vocabulary().segment(before)]
    if any(w.endswith(("了", "的", "过")) for w in words):
        return True
    if all(_everyday_word(w) for w in words):
        return True
    # 杭州本地公司, 北京一家公司: a place and words that only qualify (湘潭钢铁公司 names what it makes)
    return all(w in _places() or (dictionary_tag(w) or "").startswith("ns") or dictionary_tag(w) in _QUALIFYING_TAGS
               for w in words)


_QUALIFYING_TAGS = frozenset({"r", "b", "m", "d", "a"})  # pronouns, distinguishing words, numerals, adverbs, adjectives


def _everyday_word(word: str) -> bool:
    """A dictionary word that is no proper noun; a lone character counts as one, whatever its tag."""
    tag = dictionary_tag(word)
    return tag is not None and (len(word) == 1 or not tag.startswith(_PROPER))


@lexicon.derived
def _places() -> frozenset[str]:
    return place_names() | {"国内", "国外", "海外", "全球"}


@lexicon.derived
def _organizations() -> frozenset[str]:
    return frozenset(n for e in lexicon.organizations() for n in e.names)
