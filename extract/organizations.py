"""Organisations and places: the lexicons, and names built on an organisation suffix.

``微软亚洲研究院``, ``IDEA研究院``, ``深圳市某某科技有限公司``: a suffix such as 研究院, 实验室, 大学
or 公司 is extended leftwards over the words that can form a name, and stops at function words.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from talkgraph.ontology import lexicon

from .brand_context import everyday_words, in_brand_context
from .chinese_names import HAN_WORD, is_han_name
from .component import Candidate
from .doc import Doc, Paragraph
from .lexicon_match import LexiconMatcher, build_matcher
from .lookahead import led_by
from .model import Kind, SpeakerKind
from .places import place_names
from .products import LICENCE_AFTER, latin_names
from .readers.labels import NOTED_QUESTION
from .tokens import Token, dictionary_tag, in_dictionary, vocabulary

ORG_SUFFIXES = ("有限责任公司", "股份有限公司", "有限公司", "研究中心", "研究院", "研究所", "实验室", "大学", "学院",
                "集团", "公司", "科技", "银行", "医院", "基金会", "协会", "学会", "委员会", "电视台", "出版社",
                "工作室", "团队", "资本", "创投", "证券", "控股", "中学", "小学", "研究会", "联盟", "事务所")
_SUFFIX = re.compile("|".join(sorted(ORG_SUFFIXES, key=len, reverse=True)))
# the industries companies are named by (心语医疗, 青禾影业, 英矽智能, 溪谷食品): words of running text
# as well (基层医疗, 新能源汽车), so the word before one must look like a name, or the words around
# say a company is meant (创办了心语医疗, 溪谷食品董事会秘书)
INDUSTRY_SUFFIXES = ("医疗", "医药", "制药", "药业", "生物", "智能", "食品", "影业", "传媒", "汽车", "能源", "电子",
                      "微电子", "物流", "网络", "互娱", "锂业", "矿业", "煤业", "铝业", "箔业", "酒业", "乳业", "纸业", "置业",
                      "实业", "化工", "重工", "电气", "光电", "半导体", "数科", "出行")
# an industry word that is also the head of a field's name (具身智能, 类脑智能, 群体智能 are kinds of
# intelligence): a new word before it is read as a field, a company only where the text says one is meant
_FIELD_WORDS = frozenset({"智能"})
_NAMING_SUFFIX = re.compile("|".join(sorted(ORG_SUFFIXES + INDUSTRY_SUFFIXES, key=len, reverse=True)))
_STOP_WORDS = lexicon.words("org_stop_words")
_GENERIC_HEADS = lexicon.words("generic_org_heads")
_MAX_LEFT_TOKENS = 8
_PLACE_WORD_END = re.compile(r"[省市县区州]$")  # 甘肃省, 兰州市: a place an organisation's unit is named after
_ADMINISTRATIVE_LEVELS = frozenset("省市县区")
_LATIN_NAME_CHARACTERS = re.compile(r"[A-Za-z0-9&.\-]+")
_LATIN_NAME_WORD = re.compile(r"[A-Za-z][A-Za-z0-9&.\-]*")  # AT&T, Node.js, Co-op
_MAX_CHARS = 24
# suffixes so common in running text that the word before them must itself look like a name
_WEAK_SUFFIXES = frozenset({"团队", "科技", "资本", "创投", "联盟", "工作室", "控股", "证券"})
# heads a brand's name may stand before whatever the dictionary calls it, where the words around say a
# company is meant (启明智能创始人, 推想科技的CEO)
_BRAND_HEADS = frozenset(INDUSTRY_SUFFIXES) | _WEAK_SUFFIXES
POST_MARKS = frozenset({"原", "前", "现"})  # 澜舟科技原CTO, 前远帆集团…: a post held there once, or now
_HEADCOUNT = re.compile(r"[\d一二两三四五六七八九十百千几]+多?(?:个)?人")


@lexicon.derived
def _orgs() -> LexiconMatcher:
    return build_matcher(lexicon.organizations())


def _lexicon_match_stands(text: str, para: Paragraph, s: int, e: int) -> bool:
    """A Chinese lexicon name must be cut as a word by the segmenter (人大 is not in 艺人大赏), and
    is no unit after a quantity (12特斯拉 is a magnetic field); a Latin one is no licence (MIT 协议)."""
    name = text[s:e]
    if _QUANTITY_BEFORE.search(text, max(para.start, s - 8), s):
        return False
    if not HAN_WORD.fullmatch(name):
        return not LICENCE_AFTER.match(text, e)  # MIT 协议 is a licence
    if name in everyday_words():
        return in_brand_context(text, s, e)
    if para.word_starting_at(s) is None or not para.word_ends_at(e):
        return False
    if (len(name) == 2 and s > para.start and _plain_surname(text[s - 1]) and para.word_starting_at(s - 1) is not None
            and is_han_name(text[s - 1:e])):
        return False  # 何|小鹏: a surname cut off before a company named like the founder, the person's name
    # 新浪娱乐, 网易新闻客户端: the name only modifies the product or channel named after it
    following = para.word_starting_at(e)
    return following is None or para.tokens[following][0] not in _PRODUCT_HEADS


_PRODUCT_HEADS = lexicon.words("channel_heads") | lexicon.words("software_heads")


def _plain_surname(ch: str) -> bool:
    """A frequent surname that is no everyday word too (何, 王; not 于, 和, 向)."""
    return ch in lexicon.frequent_surnames() and ch not in lexicon.characters("ambiguous_surnames")
_QUANTITY_BEFORE = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d+)?\s?$")  # not a year: 2024腾讯全球数字生态大会


def starts_with_organization(text: str) -> bool:
    """``新浪女人``: the text begins with a known organisation's name (two characters or more)."""
    names, longest = _organization_names()
    return text in names or any(text[:size] in names for size in range(2, min(len(text) - 1, longest) + 1))


def known_organization_before(text: str) -> Iterator[int]:
    """The lengths, longest first, at which a known organisation's name opens ``text`` and text goes on."""
    names, longest = _organization_names()
    return (size for size in range(min(len(text) - 1, longest), 1, -1) if text[:size] in names)


@lexicon.derived
def _organization_names() -> tuple[frozenset[str], int]:
    names = frozenset(n for entry in lexicon.organizations() for n in entry.names)
    return names, max(map(len, names), default=0)


def lexicon_organizations(doc: Doc, paragraphs: Sequence[Paragraph]) -> Iterator[Candidate]:
    """The lexicon's organisations, each under its preferred name, where the segmenter cuts them as words."""
    text = doc.text
    for para in paragraphs:
        for s, e, name in _orgs().finditer(text, para.start, para.end):
            if _lexicon_match_stands(text, para, s, e):
                yield Candidate(s, e, Kind.ORGANIZATION, para.turn_index, name)


def latin_organizations(doc: Doc, paragraphs: Sequence[Paragraph]) -> Iterator[Candidate]:
    """``Anthropic公司``, ``Meta Inc``: a capitalised Latin-script name before a company word."""
    return (c for c in latin_names(doc, paragraphs) if c.kind is Kind.ORGANIZATION)


def has_suffix(text: str) -> bool:
    """The precheck of ``suffix_organizations``: no suffix in a paragraph, no organisation built on one."""
    return _NAMING_SUFFIX.search(text) is not None or _UNIT_SUFFIX.search(text) is not None


def ends_as_organization(name: str) -> bool:
    """``美国会计协会``, ``马钢总公司``: the name ends in an organisation's suffix, so it reads as a whole
    name (a place at its start names where the organisation is, not a name of its own).  A unit's
    one-character suffix (``监事会``, ``常委``) does not count: those end titles and boards as often."""
    return name.endswith(ORG_SUFFIXES)


def ends_in_a_verb_done(name: str, after: str) -> bool:
    """``在搜狐学会了做内容``, ``星河科技学会过``: the name ends in a suffix that is also a verb (learn,
    hold shares in), and an aspect particle after it makes it the verb."""
    return name.endswith(_VERB_SUFFIXES) and after[:1] in _ASPECT_PARTICLES


_VERB_SUFFIXES = ("学会", "控股")
_ASPECT_PARTICLES = frozenset("了过着")


def suffix_organizations(doc: Doc, paragraphs: Sequence[Paragraph]) -> Iterator[Candidate]:
    """``微软亚洲研究院``, ``深圳市某某科技有限公司``: a name built leftwards from an organisation suffix;
    not a speaker's name before an industry word (``韩冰网络断开重连``: her connection, no firm)."""
    speakers = doc.speakers
    for para in paragraphs:
        for s, e in organization_spans(doc.text, para):
            industry = _INDUSTRY_AT_END.search(doc.text, s, e)
            if industry and doc.text[s:industry.start()] in speakers:
                continue
            yield Candidate(s, e, Kind.ORGANIZATION, para.turn_index)


_INDUSTRY_AT_END = re.compile(f"(?:{'|'.join(INDUSTRY_SUFFIXES)})$")


def organization_spans(text: str, para: Paragraph) -> Iterator[tuple[int, int]]:
    """Spans of the paragraph that name an organisation by its suffix.

    Each word ending in a suffix (研究院, 有限公司, or a unit such as 局 or 分行) is extended leftwards
    over the words that can form a name, and the name is kept when what it holds is no generic word.
    """
    tokens = para.tokens
    for i in para.ending_with(_SUFFIX_ENDINGS):  # the words a suffix may end
        token = tokens[i]
        if SETTING_UP.fullmatch(token.word):
            continue  # 东南亚|建厂, 越南|设厂: building a works somewhere, no works named
        suffix = _suffix_of(tokens, i)
        if suffix is None:
            continue
        left = _name_start(tokens, i, suffix)
        if left == i and suffix.text in _BRAND_HEADS and not suffix.head and _placed_brand(tokens, i):
            left = i - 1
        split = left > i - 2 and suffix.text in _WEAK_SUFFIXES and not suffix.head and _split_brand(tokens, i)
        if split:
            left = i - 2
        while left < i and tokens[left].word.isspace():
            left += 1  # 1. 由市发改委牵头: a list item's space before the name, which holds nothing of it
        trimmed = _leading_glued(tokens, left, i)
        parts = [t.word for t in tokens[left:i]] + ([suffix.head] if suffix.head else [])
        if split:
            parts = ["".join(parts)]  # 鸿|远 is one brand, 鸿远
        if trimmed:
            parts[0] = parts[0][trimmed:]
        if _names_organisation(tokens, left, i, suffix, parts):
            if suffix.text in INDUSTRY_SUFFIXES and not suffix.head:
                left = _brand_start(tokens, left, i)  # the brand alone: 开发商佳游网络 is 佳游网络
                trimmed = _leading_glued(tokens, left, i)  # 创办了|岚途汽车: 了 glued to it
            begin = (tokens[left].start if left < i else token.start) + trimmed
            while text[begin].isspace():
                begin += 1
            yield begin, token.end
    yield from _company_itself(text, para.start, para.end)


class _Suffix(NamedTuple):
    text: str  # the suffix itself: 研究院, 有限公司, 分行
    head: str  # what its word holds before it: IDEA in IDEA研究院
    unit: bool  # a unit of something larger (局, 系, 分行), which needs an anchor in the name


def _suffix_of(tokens: Sequence[Token], i: int) -> _Suffix | None:
    """The suffix word ``i`` ends with, when a name may end there."""
    word = tokens[i].word
    if word[-1] not in _SUFFIX_ENDINGS:
        return None
    match = _SUFFIX_AT_END.search(word)
    unit = match is None
    if unit:
        match = _UNIT_SUFFIX_AT_END.search(word)
        if match is None or any(word[-n:] in _NOT_UNITS for n in range(2, len(word) + 1)):
            return None  # 经济|社会, 决策|部署: it ends in a word that is no unit
        if (dictionary_tag(word) not in _UNIT_WORD_TAGS and not (len(word) >= 2 and match.start() == 0)
                and not (word in _BODY_ABBREVIATIONS and _post_follows(tokens, i))):
            return None  # a dictionary word of another kind that merely ends like a unit
    if i + 1 < len(tokens) and tokens[i + 1].word in _NOT_AFTER_ORG:
        return None  # 院长, 部门们: the suffix begins another word
    if ends_in_a_verb_done(word, tokens[i + 1].word if i + 1 < len(tokens) else ""):
        return None
    return _Suffix(match.group(), word[:match.start()], unit)


def _post_follows(tokens: Sequence[Token], i: int) -> bool:
    """A job title right after word ``i``: ``发展改革委|副主任``, ``网信办|主任`` (委 and 办 are also
    a morpheme and a verb; a post after them shows the body)."""
    return i + 1 < len(tokens) and tokens[i + 1].word.startswith(_titles_and_prefixes())


@lexicon.derived
def _titles_and_prefixes() -> tuple[str, ...]:
    """Titles and the words that open one (副主任, 常务副主任), but not a field's word (总决赛 is none)."""
    return tuple(lexicon.titles()) + tuple(lexicon.words("title_prefixes") - {"总"})


# the abbreviated bodies of government, 委 (委员会) and 办 (办公室), which the dictionary tags as a
# morpheme and a verb: a body where a post follows and a place or its level opens the name
_BODY_ABBREVIATIONS = frozenset({"委", "办"})


def _name_start(tokens: Sequence[Token], i: int, suffix: _Suffix) -> int:
    """The first word of the name ending at word ``i``: leftwards while words can join a name, and
    for a body of government over 和 between its fields back to its place or level (市经济和信息化局)."""
    left = _joined_start(tokens, i, suffix)
    if (suffix.text in _GOVERNMENT_UNITS and left >= 2 and tokens[left - 1].word in _FIELD_JOINS
            and not _governing_place(tokens[left].word)):
        further = _joined_start(tokens, left - 2, suffix) if _can_join(tokens, left - 2) else left
        if further < left and _governing_place(tokens[further].word):
            return further
    return left


_FIELD_JOINS = frozenset({"和", "与"})  # 工业和信息化部, 人力资源和社会保障局
_GOVERNMENT_UNITS = frozenset({"局", "厅", "部", "委", "办"})


def _governing_place(word: str) -> bool:
    """A word a government body's name opens with: a place (湖南省, 深圳) or a level alone (市, 到市)."""
    return word in _ADMINISTRATIVE_LEVELS or _glued_level(word) or (dictionary_tag(word) or "").startswith("ns")


def _joined_start(tokens: Sequence[Token], i: int, suffix: _Suffix) -> int:
    left, chars = i, len(tokens[i].word)
    company = suffix.text in _COMPANY_SUFFIXES
    while (left > 0 and i - left < _MAX_LEFT_TOKENS and chars + len(tokens[left - 1].word) <= _MAX_CHARS
           # SaaS公司|帆迅科技, 初创企业|青禾视觉科技有限公司: the kind of company before its name
           and not (suffix.text in _BRAND_HEADS and tokens[left - 1].word in _COMPANY_KINDS
                    or company and tokens[left - 1].word in _KIND_OF_COMPANY)
           and (_can_join(tokens, left - 1) or company and _can_join_company(tokens, left - 1))):
        left -= 1
        chars += len(tokens[left].word)
    if left > 0 and _preposition_glued_to_brand(tokens[left - 1].word):
        left -= 1  # 由远澜|资本: the brand with 由 glued before it, which _leading_glued trims
    return left


def _preposition_glued_to_brand(word: str) -> bool:
    """``由远澜``, ``从启衡``: a preposition the segmenter glued to an unknown two-character brand."""
    return (len(word) == 3 and word[0] in _GLUED_PREPOSITIONS and not in_dictionary(word)
            and not in_dictionary(word[1:]) and HAN_WORD.fullmatch(word) is not None)


_GLUED_PREPOSITIONS = frozenset("由从与和在")


def _names_organisation(tokens: Sequence[Token], left: int, i: int, suffix: _Suffix, parts: list[str]) -> bool:
    """The words before the suffix make a name: not only generic words, anchored if a unit, not a
    department inside a company, and for a weak suffix (团队, 科技) name-like or in context."""
    name = "".join(parts)
    if not parts or all(_generic(p) for p in parts) or len(name.strip()) < 2 and not name.isascii():
        return False
    if _HEADCOUNT.match(name.strip()):
        return False  # 十人团队, 三个人的公司: how many people, not a name
    if left == i and dictionary_tag(tokens[i].word) in _KIND_TAGS:
        return False  # 名牌大学, 跨国公司, 一流大学: the dictionary knows the word as a kind of organisation
    if (suffix.text in _DESCRIBED_HEADS and all(_descriptive(p.strip()) for p in parts if p.strip())
            and not _firm_of_people(tokens, i, suffix, parts)):
        return False  # 医疗公司, 中国团队, 移动互联网公司: a kind of company, not one company
    if suffix.unit and len(suffix.text) == 1 and (_glued_phrase(tokens[i].word) or _verb_before_verb(tokens, i, suffix)):
        return False  # 只会, 将会, 中美会呈现: a verb the segmenter glued to a word, not a unit's name
    if suffix.unit and not _anchored(tokens, left, i, suffix.head):
        return False
    if tokens[i].word in _BODY_ABBREVIATIONS and not _governing_place(tokens[left].word):
        return False  # 组织部部长兼党办主任: a party office inside an organisation
    if tokens[i].word in _OFFICES and all(_place_word(t.word.strip()) for t in tokens[left:i] if t.word.strip()):
        return False  # 深圳办公室: some company's office in a place, not an organisation's name
    if suffix.text in _KIND_NAMED_HEADS and all(_kind_word(p.strip()) for p in parts if p.strip()):
        return False  # 社区医院, 地市级医院, 面向医院, 这个价格医院: a kind of hospital or a phrase, no hospital named
    if suffix.text == "政府" and not _governs_a_place(tokens, left, i):
        return False  # 国务院政府特殊津贴: a government is a place's (内蒙古人民政府, 深圳市政府)
    if suffix.unit and suffix.text in _INTERNAL_UNITS and any(_SUFFIX.search(t.word) for t in tokens[left:i]):
        return False  # 某某有限公司财务部: a department inside a company, not an organisation of its own
    if suffix.text in INDUSTRY_SUFFIXES:
        if (i + 1 < len(tokens) and _continues_noun(tokens[i + 1].word) and not _worked_at(tokens, left, i)
                or any(_SUFFIX.search(p) for p in parts)):
            return False  # 智能体, 网络大厦: a longer noun; 同济大学汽车系: a field of study at an organisation
        brand = parts[-1].strip()
        if suffix.text in _FIELD_WORDS and _unknown_word(brand) and not starts_with_organization(brand):
            # 具身智能, 类脑智能: a field, unless a company is said or listed beside one
            return _organisation_context(tokens, left, i) or _listed_beside_organisation(tokens, left, i)
        return _proper_word(parts[-1].strip()) or _organisation_context(tokens, left, i)
    if suffix.text not in _WEAK_SUFFIXES:
        return True
    if (not suffix.head and i + 1 < len(tokens) and _continues_noun(tokens[i + 1].word)
            and not tokens[i + 1].word.startswith(ORG_SUFFIXES) and tokens[i + 1].word not in POST_MARKS):
        return False  # 超配科技成长, 某某科技板块: the weak suffix heads a longer noun, not a name
    return (bool(suffix.head) or _name_like(parts[-1].strip()) or _organisation_context(tokens, left, i)
            or _worked_at(tokens, left, i))


def _split_brand(tokens: Sequence[Token], i: int) -> bool:
    """``鸿|远|资本``: a two-character brand no dictionary holds, which the segmenter cut into single
    characters before a weak suffix, neither of them a function word (``新|的|团队`` is no brand)."""
    if i < 2 or _brand_start(tokens, i - 2, i) != i - 2:
        return False
    last = tokens[i - 1].word
    return (HAN_WORD.fullmatch(last) is not None and last not in _STOP_WORDS
            and not (dictionary_tag(last) or "").startswith(_NEVER_BRAND_TAGS)
            and not in_dictionary(tokens[i - 2].word + last))


# units of an organisation or of government, named after a place or an organisation before them:
# 甘肃省建工局, 兰州大学经济系, 盛京银行北京分行, 兰州军区某部队
_UNIT_SUFFIXES = ("分公司", "总公司", "分行", "支行", "营业部", "办公室", "研究室", "部队", "工厂", "酒店", "报社", "杂志社",
                  "信托", "厂", "局", "厅", "部", "委", "系", "处", "中心", "站", "办", "院", "所", "社", "馆", "署", "会",
                  "校", "报", "政府")
_UNIT_SUFFIX = re.compile("|".join(sorted(_UNIT_SUFFIXES, key=len, reverse=True)))
# the suffix a word ends with, wherever another one begins in it (集团|公司, 社会|部)
_SUFFIX_AT_END = re.compile(f"(?:{_NAMING_SUFFIX.pattern})$")
_UNIT_SUFFIX_AT_END = re.compile(f"(?:{_UNIT_SUFFIX.pattern})$")
# a word can end in a suffix only if it ends in a suffix's last character: a set lookup that
# spares the two pattern searches for most words of a paragraph
_SUFFIX_ENDINGS = frozenset(suffix[-1] for suffix in ORG_SUFFIXES + INDUSTRY_SUFFIXES + _UNIT_SUFFIXES)
_NOT_UNITS = lexicon.words("not_units")
_CLASSIFIERS = frozenset({"部", "处"})  # units that after a number count things: 15部小说, 3处房产
_NOT_AFTER_ORG = frozenset({"长", "的话", "们"})
_COMPANY_ITSELF = led_by(  # led by its first characters (``lookahead``): it opens with look-behinds
    "[本公集]", r"(?:(?<=任)|(?<=入)|(?<=于)|(?<=在)|(?<=创立)|(?<=加盟))(?:本)?(?:公司|集团)(?=[董监副总首执党财技研销工人行独]|CEO|CTO)"
    # 。公司另一位联合创始人唐蔚: a sentence opening with the company, then one of its founders or officers
    r"|(?:(?<=[。；;])|(?<=^))(?:公司|集团)(?=(?:另一位|的)?(?:联合创始人|创始人|董事长|总裁|CEO|CTO|COO|CFO))"
    r"|本公司|本集团")


# dictionary tags of a common noun, idiom or phrase: a whole word of these names a kind, not one organisation
_KIND_TAGS = frozenset({"n", "l", "i", "a", "an", "vn"})
_COMPANY_SUFFIXES = frozenset({"有限责任公司", "股份有限公司", "有限公司", "公司", "集团"})
# a word that says what a company is, before its name (SaaS公司|帆迅科技, 初创企业|青禾视觉科技有限公司); before a
# registered name only 公司 and 企业 do: 集团 in one is its own (长丰(集团)股份有限公司)
_COMPANY_KINDS = _COMPANY_SUFFIXES | {"企业"}
_KIND_OF_COMPANY = frozenset({"公司", "企业"})
_INTERNAL_UNITS = frozenset({"部", "办公室", "室", "处", "委", "中心", "办"})
_UNIT_WORD_TAGS = (None, "n", "nt", "j")  # dictionary tags of a word that may be a unit's name
_APPOINTED = frozenset({"曾", "现", "历", "兼", "起", "出", "担", "今", "至今", "，", ",", "、", "；"})


def _can_join_company(tokens, k: int) -> bool:
    """Before 有限公司 or 集团 a brand may be any content word (康恩贝健康产品, 新华发行集团)."""
    word = tokens[k][0]
    if word in _STOP_WORDS or not HAN_WORD.fullmatch(word) or word.endswith(_TIME_WORDS):
        return False
    tag = dictionary_tag(word) or ""
    if tag.startswith(("p", "c", "u", "d", "r", "t", "q", "w", "e", "o", "y")) or word[0] in _DETERMINER_CHARS:
        return False
    if not tag and _glued(word):
        return False  # 图为 + 北京…有限公司: a phrase the segmenter glued, not a brand
    if tag.startswith(("v", "a", "m")):  # only inside a name, after a place or a brand (新华 + 发行 + 集团)
        prev = tokens[k - 1][0] if k > 0 else ""
        return (prev not in _STOP_WORDS and len(prev) >= 2 and HAN_WORD.fullmatch(prev) is not None
                and (dictionary_tag(prev) or "nz") in ("ns", "nz", "nr", "j", "nrt")
                and not _SUFFIX.search(prev))  # 中国银行 + 收购 + 信托公司: a verb after a whole organisation
    return True


def _company_itself(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``现任公司董事``, ``本公司``: a biography's own company, named by the bare word."""
    if text.find("公司", start, end) < 0 and text.find("集团", start, end) < 0:
        return  # every match holds one of the two words; the pattern's look-behinds make a search slow
    for match in _COMPANY_ITSELF.finditer(text, start, end):
        yield match.start(), match.end()


# where a company works in a place: named by the place alone, it is the company's, no name of its own
_OFFICES = frozenset({"办公室"})  # 分公司, 办事处 are named by their place too (辽宁分公司, 驻京办事处)


def _place_word(word: str) -> bool:
    """A place's name: tagged so, listed, or ending in 省, 市 … (深圳, 硅谷, 浦东新区)."""
    return ((dictionary_tag(word) or "").startswith("ns") or word in place_names()
            or len(word) >= 2 and _PLACE_WORD_END.search(word) is not None)


def _governs_a_place(tokens, left: int, i: int) -> bool:
    """The word before 政府 (人民 passed over) is a place."""
    k = i - 1 if i - 1 >= left and tokens[i - 1].word != "人民" else i - 2
    return k >= left and ((dictionary_tag(tokens[k].word) or "") == "ns" or bool(_PLACE_WORD_END.search(tokens[k].word)))


def _anchored(tokens, left: int, i: int, head: str) -> bool:
    """A unit suffix needs a place, an organisation or a number in the name before it; a body of
    government its level alone (市科技局, 省网信办: of the city or province the text is about)."""
    for word, _, _ in tokens[left:i]:
        tag = dictionary_tag(word) or ""
        if tag in ("ns", "nt") or word.isdigit() or _SUFFIX.search(word) or _UNIT_SUFFIX.search(word[-2:]):
            return True
        if _PLACE_WORD_END.search(word) and len(word) >= 2:
            return True
    if _levelled_body(tokens, left, i):
        return True
    return bool(head) and (dictionary_tag(head) or "") in ("ns", "nt")


def _levelled_body(tokens, left: int, i: int) -> bool:
    """``市|科技局``, ``县|网信办``: a body of government opening with its level alone."""
    return left < i and tokens[left].word in _ADMINISTRATIVE_LEVELS and tokens[i].word.endswith(tuple(_GOVERNMENT_UNITS))


def glued_post_mark(word: str) -> bool:
    """``前远帆``, ``现曜驰``: 前, 原 or 现 (a post held there once, or now) glued to an unknown name."""
    return len(word) >= 3 and word[0] in POST_MARKS and not in_dictionary(word)


def _leading_glued(tokens, left: int, i: int) -> int:
    """How many characters of the name's first word are a preposition or verb the segmenter glued to
    an unknown name (任金龙 → 金龙, 先请锡创 → 锡创), else 0."""
    if left >= i:
        return 0
    word = tokens[left][0]
    if len(word) >= 2 and word[0] == "任" and (left == 0 or tokens[left - 1][0] in _APPOINTED):
        return 1
    if _glued_level(word):
        return 1
    request = _GLUED_REQUEST.match(word)
    if request and len(word) - request.end() >= 2 and not in_dictionary(word):
        return request.end()  # 先请锡创智能的张总, 请澜岳科技的吴婧: the host asking someone of it to speak
    if glued_post_mark(word):
        return 1
    return int(len(word) >= 2 and word[0] in "任在于为至和及与入进从由了" and not in_dictionary(word))


_GLUED_REQUEST = re.compile(r"(?:先|再|也|就)?(?:邀请|有请|请)")


_JOINED = re.compile(r"(?:创办了?|创立了?|成立了?|加入了?|来自|就职于|任职于|供职于|投资了?|收购了?|并购了?)\s?$")
# 建厂, 设厂, 办厂, 开店: setting up (or closing) a works or a shop, a verb and its object
SETTING_UP = re.compile(r"[建设办开迁关]厂|[开关]店")
_JOINING_WORDS = 3  # 创办 了 ␣: the words a joining verb takes before a name
_WORKING = frozenset({"工作", "任职", "上班", "实习", "就职"})
_STAYING = frozenset({"干", "待", "呆"})
_STAYED = frozenset(verb + aspect for verb in _STAYING for aspect in "了过")  # the segmenter's 待过


@lexicon.derived
def _title_words() -> tuple[str, ...]:
    """Titles and what a title may open with (副, 首席, 董事会; the fields: 研发, 财务)."""
    return lexicon.titles() + lexicon.title_openers()


def _organisation_context(tokens: Sequence[Token], left: int, i: int) -> bool:
    """A founding or joining verb in the words before the name, or a job title as the word after it
    (的 between or not), or a person's name after 的: ``加入了一流科技``, ``一流科技创始人``,
    ``心语医疗的创始人``, ``一流资本的王淮`` (whose people they are)."""
    if _JOINED.search("".join(t.word for t in tokens[max(0, left - _JOINING_WORDS):left])):
        return True
    after = i + 2 if i + 2 < len(tokens) and tokens[i + 1].word == "的" else i + 1
    return after < len(tokens) and tokens[after].word.startswith(_title_words()) or _person_of(tokens, i)


def _worked_at(tokens: Sequence[Token], left: int, i: int) -> bool:
    """``在澄观汽车工作``, ``在星河科技干了八年``: where someone works or worked, 在 before the name and a
    verb of working after it (or of staying, told as done), which is then no longer noun (汽车工作) but
    the name's verb."""
    if left == 0 or tokens[left - 1].word != "在" or i + 1 >= len(tokens):
        return False
    after = tokens[i + 1].word
    return (after in _WORKING or after in _STAYED
            or after in _STAYING and i + 2 < len(tokens) and tokens[i + 2].word in ("了", "过"))


def _firm_of_people(tokens: Sequence[Token], i: int, suffix: _Suffix, parts: list[str]) -> bool:
    """``线性资本的王淮``, ``启衡资本合伙人顾敏仪``: a head whose everyday sense has no people, a person's
    name after it, or a post after it and a brand no everyday word before it; and no place before it
    (中国资本 is a country's capital whoever follows; 风险资本合伙人 is a kind of partner)."""
    if suffix.text not in _PEOPLELESS_SENSES or _place_word(parts[0].strip()):
        return False
    return _person_of(tokens, i) or (len(parts) == 1 and _rare_brand(parts[0].strip()) and i + 1 < len(tokens)
                                     and tokens[i + 1].word.startswith(_title_words()))


def _rare_brand(word: str) -> bool:
    """A word no dictionary holds, or a verb or adjective this rare (启衡, 远航): a brand, not a description."""
    tag = dictionary_tag(word)
    return HAN_WORD.fullmatch(word) is not None and (tag is None or tag.startswith(("v", "a")) and not _everyday_verb(word, tag))


def _everyday_verb(word: str, tag: str) -> bool:
    """A verb or adjective said every day (发展, 创新, 通用), unlike a rare one a brand is made of (启明, 远航)."""
    return tag.startswith(("v", "a")) and vocabulary().frequency(word) >= _RARE_WORD


def _person_of(tokens: Sequence[Token], i: int) -> bool:
    """A person's name right after word ``i`` and 的: ``一流资本的王淮``."""
    return i + 2 < len(tokens) and tokens[i + 1].word == "的" and _person_name(tokens[i + 2].word)


def _person_name(word: str) -> bool:
    """A word shaped as a Chinese person's name the dictionary knows as none other (王淮, 李立群)."""
    return is_han_name(word) and (not in_dictionary(word) or (dictionary_tag(word) or "").startswith("nr"))


def _brand_start(tokens: Sequence[Token], left: int, i: int) -> int:
    """The word a brand before an industry word ``i`` starts at: the one before it, or the two before
    it where the segmenter cut a two-character brand into single characters (云|岫|能源)."""
    if (i - 2 >= left and len(tokens[i - 1].word) == 1 and len(tokens[i - 2].word) == 1
            and HAN_WORD.fullmatch(tokens[i - 2].word) and tokens[i - 2].word not in _STOP_WORDS
            and not (dictionary_tag(tokens[i - 2].word) or "").startswith(_NEVER_BRAND_TAGS)):
        return i - 2
    return i - 1


def _placed_brand(tokens: Sequence[Token], i: int) -> bool:
    """``启明智能创始人``, ``加入了远航物流``: the word before an industry word is its brand, whatever
    the dictionary calls it (启明 a verb, 远航 a verb), where a title or a joining verb says a company
    is meant; a function word or a stop word is never a brand."""
    if i == 0:
        return False
    word = tokens[i - 1].word
    tag = dictionary_tag(word) or ""
    if len(word) < 2 or HAN_WORD.fullmatch(word) is None or word in _STOP_WORDS or _generic(word):
        return False
    if tag.startswith(_NEVER_BRAND_TAGS) or _everyday_verb(word, tag):
        return False  # 发展智能, 创新医疗: an everyday verb says what is done, it names no one
    return _organisation_context(tokens, i - 1, i)


# words of these classes are never a brand: pronouns, prepositions, conjunctions, particles, adverbs,
# numerals, measure words, time and direction words
_NEVER_BRAND_TAGS = ("r", "p", "c", "u", "d", "m", "q", "t", "f", "y", "e", "o")
# a verb or adjective this rare (启明, 远航) may be a brand; 发展, 创新, 通用 are said every day
_RARE_WORD = 500


# heads that follow a description as readily as a name (医疗公司, 中国团队, 中国资本); the legal
# suffixes (有限公司) and 集团 are left out: what comes before them is a name
_DESCRIBED_HEADS = frozenset({"公司", "团队", "资本"})
# heads whose names hold a place or a proper name (浙江省人民医院, 北京儿童医院, 陈笃生医院): everyday words
# alone before one say what kind it is (社区医院, 县级医院)
_KIND_NAMED_HEADS = frozenset({"医院"})


def _kind_word(word: str) -> bool:
    """A level (地市级, 县级) or an everyday dictionary word that is no place nor proper name: a kind, not
    a name (a rare one, 通惠, may be a brand)."""
    if word.endswith("级"):
        return True
    tag = dictionary_tag(word)
    return (tag is not None and not tag.startswith(("ns", "nr", "nt", "nz", "j")) and word not in _ADMINISTRATIVE_LEVELS
            and vocabulary().frequency(word) >= _RARE_WORD)
# heads whose everyday sense has no people (资本 is money): a person's name after X资本的 means the firm
_PEOPLELESS_SENSES = frozenset({"资本"})
# dictionary tags of proper names: a word so tagged, or an unknown word, may name a company
_PROPER_TAGS = ("nr", "nz", "nt")
_FUNCTION_TAGS = ("v", "d", "p", "r", "c", "u", "q", "m")
_FUNCTION_FREQ = 20000


def _descriptive(word: str) -> bool:
    """A word that describes rather than names: a dictionary word not tagged as a proper name
    (医疗, 移动, 互联网, 独角兽, 中国), a lower-case placeholder (xx), or a verb phrase the segmenter
    glued together (看大, 有个)."""
    if _LATIN_NAME_CHARACTERS.fullmatch(word):
        return word.islower() and word.isalpha() and len(word) <= 3
    if _glued_phrase(word):
        return True
    tag = dictionary_tag(word)
    if tag is None or not in_dictionary(word):
        return False
    return not tag.startswith(_PROPER_TAGS) or len(word) == 1 and vocabulary().frequency(word) >= _FUNCTION_FREQ


def _verb_before_verb(tokens: Sequence[Token], i: int, suffix: _Suffix) -> bool:
    """``中美会呈现``: a one-character unit that is also a verb (会), glued into an unknown word and
    followed by another verb or adverb, is that verb: a unit's name is followed by what it does
    only after a pause or a particle."""
    if in_dictionary(tokens[i].word) or not (dictionary_tag(suffix.text) or "").startswith("v"):
        return False
    return i + 1 < len(tokens) and (dictionary_tag(tokens[i + 1].word) or "").startswith(("v", "d", "a"))


def _glued_phrase(word: str) -> bool:
    """An unknown word that opens with a frequent verb, adverb or other function character (看大,
    有个, 找人组, 只会, 将会): the segmenter glued a phrase together, it found no name."""
    if len(word) < 2 or in_dictionary(word) or not HAN_WORD.fullmatch(word):
        return False
    frequency = vocabulary().frequency
    if all(frequency(c) >= _FUNCTION_FREQ for c in word):
        return True  # 人组: every character an everyday word of its own
    return (dictionary_tag(word[0]) or "").startswith(_FUNCTION_TAGS) and frequency(word[0]) >= _FUNCTION_FREQ


def _glued(word: str) -> bool:
    """An unknown word the segmenter glued together (图为, 年任, 前到), which no name is made of."""
    return _glued_before_name(word) or _glued_phrase(word)


def _glued_level(word: str) -> bool:
    """``到市``, ``在省``: a verb or preposition the segmenter glued to the administrative level that
    opens a government body's name (邀请到|市科技局)."""
    return (len(word) == 2 and word[1] in _ADMINISTRATIVE_LEVELS and not in_dictionary(word)
            and word[0] in "任在于为至和及与入进从到由向")


def _glued_before_name(word: str) -> bool:
    """An unknown word the segmenter glued from a function word and its neighbour before a name
    (另有 + 工商银行, 图为 + 中央电视台, 2010年于 + 厦门大学, 俞会根|根是 + 中科院物理所): it opens a phrase or ends in a
    preposition or verb, so the name starts after it."""
    return len(word) == 2 and word[-1] in _GLUED_ENDINGS and not in_dictionary(word)


_GLUED_ENDINGS = frozenset("为于在由向是")


def _name_like(word: str) -> bool:
    return bool(_LATIN_NAME_WORD.fullmatch(word)) or dictionary_tag(word) in (None, "ns", "nt", "nz", "nrt")


_LIST_SEPARATORS = frozenset({"、", "和", "与", "及", "跟", ",", "，"})


def _listed_beside_organisation(tokens: Sequence[Token], left: int, i: int) -> bool:
    """``英矽智能、联影智能``: a known organisation's name right across a list separator."""
    if i + 1 < len(tokens) and tokens[i + 1].word in _LIST_SEPARATORS:
        after = "".join(t.word for t in tokens[i + 2:i + 4])
        if after and starts_with_organization(after):
            return True
    if left >= 1 and tokens[left - 1].word in _LIST_SEPARATORS:
        before = "".join(t.word for t in tokens[max(0, left - 3):left - 1])
        names, _ = _organization_names()
        return any(before.endswith(n) for n in names if len(n) >= 2) if before else False
    return False


def _unknown_word(word: str) -> bool:
    """A Chinese word the dictionary does not know."""
    return HAN_WORD.fullmatch(word) is not None and dictionary_tag(word) is None


def _continues_noun(word: str) -> bool:
    """A noun or a measure word right after an industry word, which it then qualifies (医疗器械,
    电子杯); a title (董事会秘书) is none."""
    return (dictionary_tag(word) or "").startswith(("n", "vn", "q")) and not word.startswith(lexicon.titles())


def _proper_word(word: str) -> bool:
    """A word that may be a brand: Latin with a capital but no short acronym (UGC, AI: jargon; mini:
    a word), unknown to the dictionary (not a phrase it glued), or a proper name other than a
    place's (美国医疗, 德国汽车 are an industry somewhere)."""
    if _LATIN_NAME_WORD.fullmatch(word):
        return not word.islower() and not (word.isupper() and len(word) <= 3)
    tag = dictionary_tag(word)
    return tag in ("nt", "nz", "nr", "nrt") or tag is None and len(word) >= 2 and not _glued_phrase(word)


def _generic(word: str) -> bool:
    """A word that makes no organisation's name on its own: a domain word (人工智能), a word that is
    never a name, or one that only qualifies or points at the organisation (国有, 该, 多家)."""
    word = word.strip()
    return not word or word in _GENERIC_HEADS or word in lexicon.not_names() or _qualifier(word)


# dictionary classes of words that qualify a noun without naming anything: distinguishing words
# (国有, 民营, 大型, 所在), pronouns and determiners (该, 这家, 各类, 本地), quantities (多家, 一些)
# and words of where (网上, 当地, 海外), which say where the organisation is, not which it is
_QUALIFIER_TAGS = frozenset({"b", "r", "m", "s"})
_DETERMINER_CHARS = "几各这那每哪某多另该此"
_NUMERAL_CHARS = frozenset("〇零一二三四五六七八九十百千万亿两")


def _qualifier(word: str) -> bool:
    """``国有银行``, ``这家研究所``, ``多家医院``, ``各大银行``: the word describes which or what kind of
    organisation is meant.  A numeral word (八一, 六一) or an ordinal (第一) names a day or a rank an
    organisation may be named after; an unknown word opening with a determiner (各大) qualifies."""
    tag = dictionary_tag(word)
    if tag is None:
        return len(word) >= 2 and HAN_WORD.fullmatch(word) is not None and word[0] in _DETERMINER_CHARS
    if tag == "m":
        return not word.startswith("第") and not all(c in _NUMERAL_CHARS for c in word)
    return tag in _QUALIFIER_TAGS


# verbal and adjectival nouns, distinguishing words and set phrases may be part of a name (国家开发银行,
# 广东发展银行) but not of one that a dictionary organisation already ends
_JOINING_NON_NOUNS = frozenset({"vn", "an", "b", "l"})


_TIME_WORDS = ("时间", "时候", "期间", "阶段")


def _can_join(tokens, k: int) -> bool:
    word = tokens[k][0]
    if word in _STOP_WORDS or not word.strip() and word != " " or word.endswith(_TIME_WORDS):
        return False  # 那|段时间|公司: a time, then the company said of it
    if k + 1 < len(tokens) and tokens[k + 1][0] == word:
        return False  # 散会|散会: a word said twice over, as speech repeats itself
    if word == " ":  # Northlight Ventures: a space inside a Latin name, never after a Chinese word (蒋立鸣 江苏…有限公司)
        return k > 0 and _LATIN_NAME_CHARACTERS.fullmatch(tokens[k - 1][0]) is not None
    if _LATIN_NAME_WORD.fullmatch(word):  # not the tail of a hyphenated word (RISC-V初创公司: V is no name)
        return word not in lexicon.not_names() and not (k > 0 and tokens[k - 1][0].endswith("-"))
    if word.isdigit():  # 某某84564部队, 国营135工厂; 15部 (小说) counts
        after = tokens[k + 1][0] if k + 1 < len(tokens) else ""
        return after not in _CLASSIFIERS and bool(_UNIT_SUFFIX.fullmatch(after) or _SUFFIX.fullmatch(after))
    if word in ("(", ")", "（", "）"):
        return _bracketed_group(tokens, k)
    if not HAN_WORD.fullmatch(word):
        return False
    tag = dictionary_tag(word)
    if _glued_level(word) or word in _ADMINISTRATIVE_LEVELS:
        return True  # 县 + 网信办; 到市 + 经济和信息化局: the level opens the name, 到 is trimmed
    if tag is None and _glued(word):
        return False
    if tag in _JOINING_NON_NOUNS and k + 1 < len(tokens) and dictionary_tag(tokens[k + 1][0]) in ("nt", "j"):
        return False  # 咨询 + 建设银行, 前述 + 建设银行: a verb or a phrase before a whole organisation
    if (tag == "n" and k + 1 < len(tokens) and len(tokens[k + 1][0]) >= 4 and dictionary_tag(tokens[k + 1][0]) == "nt"
            and not has_suffix(word)):
        return False  # 报告|人为 + 上海交通大学, 博士|就读于 + 中国科学院: a common noun before a whole organisation's
        # name (盛京|银行 + 北京分行, 教育部 + 社会科学委员会: an organisation, then its unit)
    if tag is None or tag[0] in "nj" or tag in _JOINING_NON_NOUNS:
        return True
    # a brand right after a place name, whatever its part of speech (湖北 + 远航 + …公司)
    return len(word) == 2 and k > 0 and dictionary_tag(tokens[k - 1][0]) == "ns" and tag[0] in "vazd"


def _bracketed_group(tokens, k: int) -> bool:
    """``(集团)`` inside a company's name."""
    texts = [t[0] for t in tokens]
    for j in range(max(0, k - 2), k + 1):
        if j + 2 < len(texts) and texts[j] in ("(", "（") and texts[j + 2] in (")", "）") and _SUFFIX.fullmatch(texts[j + 1]):
            return True
    return False


# ---- the outlet a reporter's speaker label names

# 人民日报记者：, 第一财经记者：, 新华社驻京记者：: a reporter asks for their outlet, whose name the label
# holds before 记者 (a post abroad or a kind of reporter between them)
_REPORTER_LABEL = re.compile(r"(?P<outlet>[\u4e00-\u9fffA-Za-z0-9]{2,12}?)(?:驻[\u4e00-\u9fff]{1,4}|特约|首席|资深)?记者")
# 记者（体坛周报）：: the outlet in brackets after the reporter
_REPORTER_NOTED = re.compile(r"记者\s*[（(](?P<outlet>[^（()）\n]{2,16})[)）]")
# what an outlet's own name ends in (北京日报, 新华社, 湖南卫视, 澎湃新闻, 财经杂志, 凤凰网)
_OUTLET_ENDINGS = ("报", "社", "台", "卫视", "网", "新闻", "周刊", "杂志", "财经", "传媒", "日报", "晚报", "频道")


def speaker_organizations(doc: Doc, paragraphs: Sequence[Paragraph]) -> Iterator[Candidate]:
    """An outlet that asks under its own name (``晚点：…``) wherever the text names it (``以下是《晚点》与…``)."""
    transcript = doc.transcript
    names = sorted((n for n in transcript.speakers if transcript.speaker_record(n).kind is SpeakerKind.ORGANIZATION),
                   key=len, reverse=True)
    if not names:
        return
    pattern = re.compile("|".join(map(re.escape, names)))
    for para in paragraphs:
        for match in pattern.finditer(doc.text, para.start, para.end):
            yield Candidate(match.start(), match.end(), Kind.ORGANIZATION, para.turn_index)


def label_outlets(doc: Doc, paragraphs: Sequence[Paragraph]) -> Iterator[Candidate]:
    """The outlet of each reporter's speaker label (``人民日报记者：``), and the organisation a label's
    note gives the speaker (``分析师（远山证券 首席分析师 邓一凡）：``): a label is document text, so
    the organisation it names is a mention like any other, of the turn the label opens."""
    text = doc.text
    for turn in doc.turns:
        for start, end in turn.labels:
            label = _REPORTER_LABEL.fullmatch(text, start, end) or _REPORTER_NOTED.fullmatch(text, start, end)
            if label is not None:
                s, e = label.span("outlet")
                known = _known_organization(text, s, e)
                if known is not None or _outlet_name(label["outlet"]):
                    yield Candidate(s, e, Kind.ORGANIZATION, turn.index, known)
            note = label_note(text, start, end)
            words = list(_NOTE_WORD.finditer(text, *note)) if note else []
            for word, following in zip(words, words[1:] + [None]):
                if word.group()[0] in _DETERMINER_CHARS:
                    break  # 观众（某保险公司）: an organisation left unnamed
                known = _known_organization(text, word.start(), word.end())
                if (known is not None or word.group().endswith(ORG_SUFFIXES + _OUTLET_ENDINGS)
                        or following is not None and _post_note_word(following.group()) and not _post_note_word(word.group())):
                    yield Candidate(word.start(), word.end(), Kind.ORGANIZATION, turn.index, known)
                    break  # the note's first organisation is the speaker's
                office = _office_before_post(word.group())
                if office:  # 市发改委副主任: the office, then the post held there
                    yield Candidate(word.start(), word.start() + len(office), Kind.ORGANIZATION, turn.index,
                                    _known_organization(text, word.start(), word.start() + len(office)))
                    break


def _office_before_post(word: str) -> str | None:
    """``市发改委副主任`` → ``市发改委``: a note's word that is an office and the post held in it, the
    office ending as an organisation's name does (委, 局, 公司, 研究院 …)."""
    post = next((t for t in _titles_longest_first() if word.endswith(t) and len(word) - len(t) >= 2), None)
    office = word[:-len(post)].removesuffix("副") if post else ""
    if office in lexicon.words("organisation_bodies"):
        return None  # 董事会秘书, 党委副书记: a post in a body of the organisation, which the note does not name
    if len(office) < _MIN_OFFICE_CHARS or not office.endswith(_OFFICE_ENDINGS):
        return None
    return _organisation_of_department(office)


def _organisation_of_department(office: str) -> str:
    """``中国移动无锡分公司政企客户部`` → ``中国移动无锡分公司``: where an office names an organisation and
    then its department, the organisation (the department is the post's scope)."""
    for suffix in reversed(list(_SUFFIX.finditer(office))):
        department = office[suffix.end():]
        if suffix.end() > _MIN_OFFICE_CHARS and _department().fullmatch(department):
            return office[:suffix.end()]
    return office


@lexicon.derived
def _department() -> re.Pattern[str]:
    return re.compile(rf"[\u4e00-\u9fff]{{1,6}}(?:{'|'.join(sorted(lexicon.words('department_endings'), key=len, reverse=True))})")


# an office's name is its field and its unit at least (发改委, 宣传部): two characters ending as one
# does are a word (外部顾问, 内部审计, 干部)
_MIN_OFFICE_CHARS = 3


_OFFICE_ENDINGS = ORG_SUFFIXES + _UNIT_SUFFIXES


@lexicon.derived
def _titles_longest_first() -> tuple[str, ...]:
    return tuple(sorted(lexicon.titles(), key=len, reverse=True))


def _post_note_word(word: str) -> bool:
    """副总经理、权益投资总监: a note's word that gives posts, which the word before it holds at an
    organisation (澜湾基金 副总经理: whatever its suffix, that word names the organisation)."""
    return word.split("、")[0].endswith(lexicon.titles())


def _known_organization(text: str, start: int, end: int) -> str | None:
    return next((name for s, e, name in _orgs().finditer(text, start, end) if (s, e) == (start, end)), None)


# a word of a note; Latin words with spaces between are one (Morgan Stanley)
_NOTE_WORD = re.compile(r"[A-Za-z][A-Za-z.&'\-]*(?: [A-Za-z][A-Za-z.&'\-]*)*|[^\s（()）:：、]{2,30}")
_NOTE_BEFORE = re.compile(r"[（(](?P<words>[^（()）\n]{0,30}?)\s*$")
# 市发改委副主任 林建华：, 恒丰纺织集团有限公司总经理邱建明：: the office and post a label gives before the
# name, no brackets (after the part of the meeting in brackets: 【发言】省农科院党委书记 赵德明)
_PREFIX_BEFORE = re.compile(r"[\s*_#>]*(?:[【\[][\u4e00-\u9fff]{1,6}[】\]]\s*)?(?P<words>[\u4e00-\u9fffA-Za-z0-9、]{2,30}?)\s*$")
_NOTE_AFTER = re.compile(r"\s*[（(](?P<words>[^（()）\n]{1,30})[)）]")
# Kevin Luo -- Morgan Stanley, Grace Lin (Lin Yuqing) -- Chief Financial Officer: a call's label, its note after a dash
_DASHED_NOTE_AFTER = re.compile(r"(?:\s*[（(][^（()）\n]{1,30}[)）])?\s+(?:--|—|–)\s+(?P<words>[^\n]{1,100}?)\s*$", re.M)


def label_note(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The words of the note about the speaker a label gives, around the name it resolved to: before
    it inside the brackets (``分析师（远山证券 首席分析师 邓一凡）``) or in brackets after it
    (``韩立（首席财务官）``), or after a dash (``Kevin Luo -- Morgan Stanley``); None without one."""
    inside = NOTED_QUESTION.fullmatch(text, start, end)
    if inside is not None:  # Q（中金公司分析师）: a label that is a role and its note
        return inside.span("note")
    line_start = text.rfind("\n", 0, start) + 1
    before = _NOTE_BEFORE.search(text, line_start, start)
    if before is not None and before["words"].strip():
        return before.span("words")
    prefix = _PREFIX_BEFORE.fullmatch(text, line_start, start)
    if prefix is not None:
        return prefix.span("words")
    after = _NOTE_AFTER.match(text, end) or _DASHED_NOTE_AFTER.match(text, end)
    return after.span("words") if after is not None else None


def _outlet_name(name: str) -> bool:
    """A name ending as an outlet's does, with a name before the ending (本报, 某电视台 are none)."""
    return (name.endswith(_OUTLET_ENDINGS) and len(name) >= 3 and name[0] not in _DETERMINER_CHARS + "本我贵"
            and not _generic(name))
