"""AI models and software: the lexicon, Latin-script product names, quoted and described names.

``GPT-4o``, ``Claude 3.5 Sonnet``, ``OneFlow深度学习框架``, ``“封神榜”大模型``, ``盘古大模型``, and
``“十万亿参数规模的大模型”`` (a description that stands for an unnamed model).  An obvious
misspelling of a known name (``GTP-3``) is read as that name; the text's form stays an alias.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from talkgraph.ontology import lexicon

from .called_names import COMPANY_CALLED, COMPANY_CALLED_REACH
from .component import Candidate
from .doc import Doc, Paragraph
from .english_institutions import initials, institution_at
from .lexicon_match import LexiconMatcher, build_matcher, fold, preferred_names
from .lookahead import first_not_after
from .model import Kind
from .tokens import dictionary_tag

_LATIN = re.compile(first_not_after("[A-Za-z]", "A-Za-z0-9_./") + r"[A-Za-z0-9]*(?:[.\-/][A-Za-z0-9]+)*"
                    r"(?: [A-Z][A-Za-z0-9]*){0,2}(?: \d+(?:\.\d+)*[A-Za-z]?)?(?![A-Za-z0-9_])")
_DIGIT = re.compile(r"\d")
_SHAPED = re.compile(r"[a-z][A-Z]|[A-Za-z]\d|\d[A-Za-z]")  # CamelCase or a version glued on: DeepSeek, GPT4, o1
_LOWER_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")  # co-founding, open-source
_SPACE_OR_HYPHEN = re.compile(r"[\s\-]")
_PRODUCT_AFTER = re.compile(r"\s?(?:深度学习框架|大模型|模型|框架|平台|编辑器|插件|助手|工具|引擎|系统|产品|数据库|编程语言|IDE|App|APP)")
_PRODUCT_BEFORE = re.compile(r"(?:用|使用|基于|推出了?|发布了?|做了|开发了?|开源了?|上线了?|集成了?|试了|叫做?|"
                             r"(?:product|model|app|tool|assistant) (?:is |was )?(?:called|named))\s?$")
_ORG_AFTER = re.compile(r"\s?(?:公司|集团|Inc|Labs?\b)")
# Meridian Health AI的首席科学家, Acme的联合创始人: a post only a firm has (its founder, chair, chiefs)
_FIRMS_POST_AFTER = re.compile(r"\s?的\s?(?:联合)?(?:创始人|创办人|董事长|C[EFOT]O(?![A-Za-z])|首席(?:[\u4e00-\u9fff]{2,3}官|科学家))")
# the last word of a company's or an institution's English name: Reality Labs, Epic Games, Boston Dynamics,
# Sequoia Capital, Queen Mary Hospital, Hospital Authority
_ORG_LAST_WORDS = frozenset("""Labs Lab Inc Corp Corporation Group Capital Ventures Partners Holdings Technologies
Studios Games Robotics Dynamics Motors Pictures Records Foundation Institute University College Bank Airlines
Systems Networks Therapeutics Biosciences Pharmaceuticals Diagnostics Healthcare Hospital Clinic School Academy
Authority Agency Commission Council Ministry Bureau Association Society
GmbH AG SE Ltd LLC LLP PLC plc NV BV""".split())  # and a legal form: Voltera GmbH, Acme Ltd
# 眼镜制造商EssilorLuxottica, 芯片巨头Nvidia, 初创公司Mistral: a kind of company right before the name
_ORG_KIND_BEFORE = re.compile(r"(?:制造商|供应商|运营商|开发商|服务商|提供商|厂商|零售商|经销商|巨头|独角兽|初创公司|创业公司|科技公司)\s?$")
# the CTO of Northwind AI, co-founding Northwind AI, I joined Acme Labs: a post at it, founding or joining it
# (my co-founder Kevin Wu is a person: a post names its organisation after of or at)
_ORG_ROLE_BEFORE = re.compile(r"\b(?:(?:(?:co-?)?founder|ceo|cto|cfo|coo|president|chief [a-z]+ officer|head of [a-z]+) (?:of|at)|"
                              r"(?:co-?)?found(?:ed|ing)|joined|joining|work(?:ed|s|ing)? (?:at|for)) $", re.I)
_ORG_ROLE_REACH = 30
# 加入了 Stripe, 入职 Notion; 我在 SHEIN 做了五年, 之前在 Stripe 新加坡负责…: joining a firm, or working there a
# while or at a task (在 X 做了一个 is making something with a tool, no employer)
_JOINED_BEFORE = re.compile(r"(?:加入了?|入职了?|就职于|任职于|供职于|跳槽到|跳槽去了?)\s?$")
_WORKED_AT_BEFORE = re.compile(r"(?:我|他|她|之前|以前|曾经?|当时|后来)在\s?$")
_WORKED_AT_AFTER = re.compile(r"\s?[一-鿿]{0,4}?(?:(?:做|干|待|呆|工作)了[\d一二两三四五六七八九十几多半]+个?(?:年|月)|"
                              r"实习|任职|上班|负责)")
_QUOTED = re.compile(r"[“\"「《](?P<name>[^“”\"「」《》\n]{1,20})[”\"」》](?P<after>大模型|模型|框架|平台|系统|工具|开源|计划)?")
_PRODUCT_CUE_REACH = 25  # how far before a name a cue such as 使用, 推出了 or "product is called" may start
_GENERIC_MODEL_HEADS = lexicon.words("generic_model_heads")


@lexicon.derived
def _models() -> LexiconMatcher:
    return build_matcher(lexicon.models())


@lexicon.derived
def _known_latin() -> frozenset[str]:
    names = set()
    for entries in (lexicon.organizations(), lexicon.models(), lexicon.places()):
        for entry in entries:
            names.update(fold(n) for n in entry.names)
    return frozenset(names)


@lexicon.derived
def _versioned_models() -> dict[str, str]:
    """Folded names of lexicon models with a version number, for catching misspellings."""
    out = {}
    for entry in lexicon.models():
        for name in entry.names:
            if _DIGIT.search(name) and len(fold(name)) >= 4:
                out[fold(name)] = entry.name
    return out


Paragraphs = Sequence[Paragraph]


def lexicon_models(doc: Doc, paragraphs: Paragraphs) -> Iterator[Candidate]:
    """The lexicon's models and software, each under its preferred name."""
    for para in paragraphs:
        for s, e, name in _models().finditer(doc.text, para.start, para.end):
            yield Candidate(s, e, Kind.MODEL, para.turn_index, name)


def latin_products(doc: Doc, paragraphs: Paragraphs) -> Iterator[Candidate]:
    """Latin-script names that look like products: CamelCase, versions, or a product word next to them."""
    return (c for c in latin_names(doc, paragraphs) if c.kind is Kind.MODEL)


def latin_names(doc: Doc, paragraphs: Paragraphs) -> Iterator[Candidate]:
    """Latin-script names not in a lexicon, as products or (before 公司, Inc, Labs) organisations.

    One name, one kind in a transcript: a name that a cue makes an organisation somewhere
    (``眼镜制造商EssilorLuxottica``) is one wherever else only its shape would make it a product.
    Read once per document and paragraphs: the products and the organisations components both ask."""
    key = (latin_names, tuple(paragraphs))
    if key not in doc.shared:
        doc.shared[key] = tuple(_kinds_made_one(doc, list(_latin_names(doc, paragraphs))))
    return iter(doc.shared[key])


_OF_BEFORE = re.compile(r"的\s?$")
_MAKER_NAME_LENGTHS = range(2, 13)


def _after_known_maker(text: str, start: int, pos: int) -> bool:
    """Whether a known organisation and 的 stand right before ``pos``: ``微软的Teams``, ``苹果的Keynote``.

    What a company "has" under a one-word Latin name is, in talk about technology, its product; the
    relation finder then names the company its maker."""
    of = _OF_BEFORE.search(text, max(start, pos - 2), pos)
    if of is None:
        return False
    end = of.start()
    return any(fold(text[end - size:end]) in preferred_names(Kind.ORGANIZATION)
               for size in _MAKER_NAME_LENGTHS if end - size >= start)


def _kinds_made_one(doc: Doc, found: list[tuple[Candidate, bool]]) -> Iterator[Candidate]:
    organizations = {doc.text[c.start:c.end] for c, _ in found if c.kind is Kind.ORGANIZATION}
    for candidate, by_shape_alone in found:
        if by_shape_alone and doc.text[candidate.start:candidate.end] in organizations:
            candidate = candidate._replace(kind=Kind.ORGANIZATION)
        yield candidate


# 何家声（Jason Ho）: a Chinese name glossed by the person's English name
_ENGLISH_NAME_GLOSS = re.compile(r"[（(]\s?(?P<given>[A-Z][a-z]+)(?: [A-Z][a-z]+){1,2}\s?[)）]")
_HAN_BEFORE = re.compile(r"[\u3400-\u9fff]\s?$")


def _english_given_names(doc: Doc) -> frozenset[str]:
    """The English given names the document glosses its people's Chinese names with."""
    key = _english_given_names
    if key not in doc.shared:
        doc.shared[key] = frozenset(m["given"] for m in _ENGLISH_NAME_GLOSS.finditer(doc.text)
                                    if _HAN_BEFORE.search(doc.text, max(0, m.start() - 2), m.start()))
    return doc.shared[key]


def _latin_names(doc: Doc, paragraphs: Paragraphs) -> Iterator[tuple[Candidate, bool]]:
    """Each Latin-script name and whether only its shape (CamelCase, a version) typed it."""
    text = doc.text
    not_names = lexicon.not_names()
    for para in paragraphs:
        start, turn = para.start, para.turn_index
        for s, e, institution in _latin_spans(text, para.start, para.end):
            if institution:
                if not _is_known_latin(text[s:e]):
                    known = preferred_names(Kind.ORGANIZATION).get(fold(initials(text[s:e])))
                    yield Candidate(s, e, Kind.ORGANIZATION, turn, known), False
                continue
            words = text[s:e].split(" ")
            if len(words) > 1 and not _versioned_family(words, text, e) and (
                    words[0] in not_names or any(fold(w) in _known_latin() for w in words)):
                e = s + len(words[0])  # "Cursor Composer" is two names, not one
            name = text[s:e]
            if name in not_names or fold(name) in _known_latin() or LICENCE_AFTER.match(text, e):
                continue
            if name in _english_given_names(doc):
                continue  # 瑞银的Jason, where 何家声（Jason Ho）is glossed: a person's English name
            called = (COMPANY_CALLED.search(text, max(start, s - COMPANY_CALLED_REACH), s)  # 有个公司叫 Poe
                      or _ORG_KIND_BEFORE.search(text, max(start, s - 6), s)
                      or _ORG_ROLE_BEFORE.search(text, max(start, s - _ORG_ROLE_REACH), s)
                      or _JOINED_BEFORE.search(text, max(start, s - 6), s)
                      or _WORKED_AT_BEFORE.search(text, max(start, s - 6), s) and _WORKED_AT_AFTER.match(text, e))
            if " " in name and _ENGLISH_GOES_ON.match(text, e) and not called:
                continue  # Not Good for Work, Make America: words of an English phrase, not a name
            misspelt = _misspelling_of(name)
            if misspelt:
                yield Candidate(s, e, Kind.MODEL, turn, misspelt), False
                continue
            if _PERIOD.fullmatch(name) or not _PRODUCT_AFTER.match(text, e) and (
                    _jargon(name) or _CODE.fullmatch(name) and not _code_of_a_named_product(text, start, s, name)):
                continue
            if _IDENTIFIER.fullmatch(name):
                continue  # S0860519080002: a certificate's, an order's or a filing's number, no product
            if _LICENCE.fullmatch(name):
                continue  # CC BY 4.0, GPL-3.0: a licence, named by its terms
            if _ENGLISH_DATE.search(name):
                continue  # Recorded March 2025, May 12, 2024: a date, no product
            if _numbered_word(name) and _VERSION_AT_END.search(name):
                continue  # EP87, Vol.3, Top10: a word that takes a number, and the number
            if any(word in _EVENT_WORDS for word in name.split(" ")):
                continue  # Summit 2025, Plenary Panel 3, Hall 5E: an event, a session or a room, numbered
            shaped = bool(_SHAPED.search(name) and not _GAELIC_NAME.fullmatch(name) or _VERSIONED.fullmatch(name))
            cue_after = _PRODUCT_AFTER.match(text, e)
            cue_before = (_PRODUCT_BEFORE.search(text, max(start, s - _PRODUCT_CUE_REACH), s)
                          or " " not in name and _after_known_maker(text, start, s))
            company_word_last = " " in name and name.rsplit(" ", 1)[-1] in _ORG_LAST_WORDS
            if (_ORG_AFTER.match(text, e) or _FIRMS_POST_AFTER.match(text, e) or called or company_word_last) \
                    and name[:1].isupper():
                yield Candidate(s, e, Kind.ORGANIZATION, turn), False
            elif (shaped or cue_after or cue_before) and (name[:1].isupper() or shaped) and len(name) >= 2:
                yield Candidate(s, e, Kind.MODEL, turn), not (cue_after or cue_before)


_ENGLISH_GOES_ON = re.compile(r" (?!and [A-Z])[a-z]{2,}\b")  # Harwell College and Greystone Labs: two names
_EVENT_WORDS = frozenset("Summit Panel Plenary Hall Room Session Conference Forum Track Stage Booth Gate Floor "
                         "Season Episode Chapter Section Round Batch Expo".split())
# MIT 协议, Apache 2.0 许可证, GPL license: a licence named after who wrote it, no organisation or product
LICENCE_AFTER = re.compile(r"\s?(?:开源)?(?:协议|许可证|许可|授权协议|[Ll]icen[cs]e)")
_ENGLISH_DATE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                           r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.? (?:\d{1,2}(?:st|nd|rd|th)?,? )?(?:19|20)\d{2}\b")
# Creative Commons and GNU licences, whose names take a version as products' do
_LICENCE = re.compile(r"CC(?:[ -](?:BY|SA|NC|ND))+(?:[ -]\d\.\d)?|CC0(?: 1\.0)?|[AL]?GPL(?:[ -]?v?\d(?:\.\d)?)?")
# Kevin MacLeod, Ian McEwan: a person's name, its capital inside from Mac or Mc, not a product's CamelCase
_GAELIC_NAME = re.compile(r"[A-Z][a-z]+ (?:Mac|Mc)[A-Z][a-z]+")
_VERSION_AT_END = re.compile(r"\d$")
_IDENTIFIER = re.compile(r"[A-Za-z]{1,4}\d{7,}")
_VERSION_WORD = re.compile(r"[Vv]?\d+(?:\.\d+)*[A-Za-z]?")
# a capitalised name and a version joined by a hyphen or a space: GPT-6, Llama 4, Segment Anything 2
_VERSIONED = re.compile(r"[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*[\- ][Vv]?\d+(?:\.\d+)*[A-Za-z]?")


def _latin_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """The spans of ``_LATIN`` in text order, where a lowercase English word never leads a
    several-word name: ``follow GPT-4V`` and ``built FlowNet`` are a word and a name; and whether
    the span is an institution's name that runs over joining words (``Institute of Technology``)."""
    pos = start
    while True:
        match = _LATIN.search(text, pos, end)
        if match is None:
            return
        s, e = match.span()
        institution = institution_at(text, s, end, _is_known_latin) if text[s].isupper() else None
        if institution:
            yield *institution, True
            pos = institution[1]
            continue
        first = match.group().split(" ", 1)[0]
        if e - s > len(first) and _LOWER_WORD.fullmatch(first):
            yield s, s + len(first), False
            pos = s + len(first) + 1
            continue
        yield s, e, False
        pos = e


def _is_known_latin(name: str) -> bool:
    return fold(name) in _known_latin()


def _versioned_family(words: list[str], text: str, end: int) -> bool:
    """``Llama 4``, ``Midjourney V6``, ``Segment Everything 2``: a product name followed by a version
    is the name of that version, also when the name alone is a known one.  A company's name is
    followed by no version, and a number before a unit counts something (``OpenAI 2 月``)."""
    return (len(words) > 1 and _VERSION_WORD.fullmatch(words[-1]) is not None and words[0][:1].isupper()
            and fold(words[0]) not in preferred_names(Kind.ORGANIZATION) and not _numbered_word(words[0])
            and not _COUNTED.match(text, end))


def _numbered_word(name: str) -> bool:
    """``Top 10``, ``Day 1``, ``COVID-19``, ``EP87``: an English word that takes a number names no product."""
    word = _SPACE_OR_HYPHEN.split(name, maxsplit=1)[0]
    return word in _NUMBERED_WORDS or word.rstrip("0123456789.") in _NUMBERED_WORDS


_NUMBERED_WORDS = lexicon.words("numbered_words")


_COUNTED = re.compile(r"\s?[年月日号个位家款次倍岁亿万千百点天周块元%]")


# shapes of Latin-script words that are jargon or hardware, not a product's name: chip part numbers
# (H100, A800), level labels and bare versions (L4, v12), business-model labels (toB, C2C, O2O),
# acronyms of a technique (RL, SFT, PPO, CoT, DiT) and number formats (INT8, FP16, BF16)
_JARGON = re.compile(r"[A-Z]\d{2,4}[A-Za-z]?|[LVv]\d{1,2}(?:\.\d+)?|to[A-Z]|[A-Z]2[A-Z]|[A-Z]{2,5}|[A-Z][a-z][A-Z]|"
                     r"(?:U?INT|FP|BF|TF)\d{1,2}")
# a quarter, a half or a fiscal year (Q3, H1, Q3 2026, FY25): a time, even before a product word (Q3产品复盘)
_PERIOD = re.compile(r"(?:[QH][1-4]|FY\s?(?:20)?\d{2})(?: (?:19|20)\d{2})?")


# a code of one or two capitals and digits (Y7, G1, RK3588, GB200): a car's, a robot's or a chip's, a product of
# software only where a product word follows, right after its maker's name (小米SU7) or as the end of a longer
# name the text says (X7 where Nebula-X7 is said); the lexicon's models of such shapes (T5) are known
_CODE = re.compile(r"[A-Z]{1,2}\d{1,4}[A-Za-z]?")


def _code_of_a_named_product(text: str, start: int, s: int, name: str) -> bool:
    """Whether the code at ``s`` follows a known organisation's name or ends a longer name in the text."""
    known = preferred_names(Kind.ORGANIZATION)
    return (any(fold(text[s - size:s]) in known for size in _MAKER_NAME_LENGTHS if s - size >= start)
            or re.search(rf"[A-Za-z][\- ]{re.escape(name)}(?![A-Za-z0-9])", text) is not None)


def _jargon(name: str) -> bool:
    """A word of the jargon shapes above: taken as a model only when a product word follows it."""
    return _JARGON.fullmatch(name) is not None


def _misspelling_of(name: str) -> str | None:
    key = fold(name)
    if not _DIGIT.search(key) or len(key) < 4:
        return None
    for known, canonical in _versioned_models().items():
        if len(known) == len(key) and _one_transposition(key, known):
            return canonical
    return None


def _one_transposition(a: str, b: str) -> bool:
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def quoted_models(doc: Doc, paragraphs: Paragraphs) -> Iterator[Candidate]:
    """``“封神榜”大模型``: a quoted name before a product word; ``“…的大模型”``: a described model."""
    for para in paragraphs:
        for match in _QUOTED.finditer(doc.text, para.start, para.end):
            name = match["name"].strip()
            s, e = match.span("name")
            if name.endswith("模型") and len(name) >= 5 and not name.endswith("?"):
                yield Candidate(s, e, Kind.MODEL, para.turn_index)
            elif match["after"] and re.fullmatch(r"[\u3400-\u9fffA-Za-z0-9\- ]{2,12}", name):
                yield Candidate(s, e, Kind.MODEL, para.turn_index)


def mentions_large_model(text: str) -> bool:
    """The precheck of ``named_models``."""
    return "大模型" in text


# 星衍-3 Pro, 星衍-2, 青岭-Motion 1.5: a Chinese brand, a hyphen and a version make a model's name
_HAN_VERSIONED = re.compile(r"(?P<brand>[\u4e00-\u9fff]{2,4})-(?:[A-Za-z]+[ \-]?)?\d+(?:\.\d+)*[A-Za-z]?"
                            r"(?: (?:Pro|Lite|Max|Plus|Mini|Ultra|Turbo|Flash|Air|Instruct|Chat))?(?![A-Za-z0-9.])")


def has_hyphen(text: str) -> bool:
    """The precheck of ``versioned_models``."""
    return "-" in text


def versioned_models(doc: Doc, paragraphs: Paragraphs) -> Iterator[Candidate]:
    """``星衍-3 Pro``: the brand from where the segmenter starts a word in the run before the hyphen."""
    for para in paragraphs:
        for match in _HAN_VERSIONED.finditer(doc.text, para.start, para.end):
            start = next((s for s in range(match.start(), match.end("brand") - 1) if _brand_starts(para, s)), None)
            if start is not None:
                yield Candidate(start, match.end(), Kind.MODEL, para.turn_index)


def _brand_starts(para: Paragraph, pos: int) -> bool:
    """A word starts at ``pos`` that is no verb, adverb, pronoun or other function word (是, 了, 叫),
    nor a word saying what kind of model it is (自研驰语-3B is 驰语-3B, self-developed)."""
    i = para.word_starting_at(pos)
    if i is None or para.tokens[i].word in _MODEL_KIND_WORDS:
        return False
    return not (dictionary_tag(para.tokens[i].word) or "n").startswith(_NOT_BRAND_TAGS)


_NOT_BRAND_TAGS = ("v", "d", "c", "p", "r", "u", "m", "q", "f", "y", "e")
_MODEL_KIND_WORDS = frozenset("自研 自主 国产 开源 闭源 新款 新版 旧版 首款".split())


def named_models(doc: Doc, paragraphs: Paragraphs) -> Iterator[Candidate]:
    """``盘古大模型``: a proper name right before 大模型 (``千亿大模型`` and the like are not names)."""
    for para in paragraphs:
        tokens = para.tokens
        for i, (word, s, e) in enumerate(tokens):
            if word != "大模型" or i == 0:
                continue
            prev, ps, _ = tokens[i - 1]
            if prev in _GENERIC_MODEL_HEADS or not re.fullmatch(r"[\u3400-\u9fff]{2,4}", prev):
                continue
            tag = dictionary_tag(prev)
            if tag is None or tag in ("ns", "nr", "nz", "nrt", "nt"):
                yield Candidate(ps, e, Kind.MODEL, para.turn_index)
