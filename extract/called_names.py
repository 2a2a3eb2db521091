"""Names a text gives by saying what something is called, or what it is: ``产品叫深言问答``,
``一家做具身智能的公司，叫星尘智能``, ``星河动力是一家做商业火箭的公司``.

A founder describing their own company or product, or a guest naming one the listener may not know,
says what kind of thing it is and then what it is called: the name runs from ``叫``/``名为`` to the
end of the clause.  A product word before the cue (产品, App, 模型 …) makes the name a product's; a
company word or a company's measure word (公司, 团队, 一家 …) an organisation's.  A question or a
pronoun after the cue (``叫什么``, ``叫这个``) names nothing.

The other way round, the subject of ``是一家…公司`` is a company's name: the words right before
``是`` (adverbs such as 也 or 其实 skipped), back to the clause's start or a word that is no part of a
name (a pronoun, a verb, an adjective).  A single common noun there (``股东是一家国企``) names a role,
and a name made only of common words must appear once more in the text.  So is the subject of
``成立于2018年``, and what someone founded (``一起创办了衡芯``), to the end of the clause.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from talkgraph.ontology import lexicon

from .chinese_names import HAN_WORD, is_han_name
from .component import Candidate
from .doc import Doc, Paragraph
from .model import Kind
from .tokens import dictionary_tag, in_dictionary, vocabulary

_CUE = r"[，,]?\s?(?:的名字)?\s?(?:叫做|叫作|名叫|名为|称为|叫)\s?[“\"「『]?"
_NAME = (r"(?P<name>[\u4e00-\u9fffA-Za-z0-9][\u4e00-\u9fffA-Za-z0-9 .\-·]{1,11}?)"
         r"(?=\s?(?:[，,。；;！!？?、）)”\"」』]|\.(?!\w)|$)|的)")  # 一家叫精研传动的小厂: up to 的 at most
_PRODUCT = r"产品|应用|App|APP|app|软件|工具|模型|助手"
# 公司叫…, 一家做具身智能的公司，叫…, 一家做AI编程的，叫…: 一家 counts companies
_COMPANY = r"公司|企业|机构|团队|一家[^，,。；;！!？?]{0,12}?"
_CALLED = re.compile(rf"(?:(?P<product>{_PRODUCT})|(?P<company>{_COMPANY})){_CUE}{_NAME}")
# the same cue ending right before a name another rule bounds (有个公司叫 Poe: a Latin name's own extent)
COMPANY_CALLED = re.compile(rf"(?:{_COMPANY}){_CUE}$")
COMPANY_CALLED_REACH = 20  # 一家 and what the company does, then the cue
# 创办了一所学校"澄心学园", 开了一家工作室「半山」, 做了一款App「晨跑日记」: a kind of thing, then its
# name in quotation marks (as 叫 would say), typed by the kind.  An organisation is counted (一所, 这家):
# 公司“十四五”规划, 公司“二氧化碳提纯技术” are the company's own plans and work; 《》 marks a work, a
# product's name but never an organisation's
_COUNTED_KIND = r"[一两几这那该某每][所家个间座][^，,。；;！!？?“\"「『]{0,6}?"
_QUOTED_KIND = re.compile(rf"(?:(?P<product>{_PRODUCT})[“\"「『《]|{_COUNTED_KIND}(?P<company>学校|公司|企业|机构|工作室|品牌|基金会)\s?[“\"「『])"
                          r"(?P<name>[\u4e00-\u9fffA-Za-z0-9][\u4e00-\u9fffA-Za-z0-9 .\-·]{1,11}?)[”\"」』》]"
                          r"(?P<closes>[，,。；;！!？?、）)]|$)?")
_HEDGE_AFTER = re.compile(r"\s?(?:好像|似乎|来着|对吧|是吧|吧|吗|呢|啊|呀)$")  # what one says after a name one is unsure of
_NOT_CALLED = re.compile(r"^(?:什么|啥|这|那|哪|一|某|个|我|你|他|她|它|得|好|了|过)")  # 叫什么, 叫得很响


# 是一家做商业火箭的公司, 也是国内一家初创企业: what the subject is said to be
_IS_A_COMPANY = re.compile(r"是[\u4e00-\u9fff]{0,4}?一家[^，,。；;！!？?\n]{0,20}?"
                           r"(?:公司|企业|车企|药企|机构|厂商|工作室|独角兽|银行|律所)")
_MAX_SUBJECT_WORDS = 4
_MAX_SUBJECT_CHARS = 10
# dictionary tags of the words a company's name may hold: nouns, proper names, abbreviations, Latin
_NAME_WORD_TAGS = ("n", "nz", "nt", "ns", "nr", "j", "eng", "vn")
_PROPER_TAGS = ("nz", "nt", "nr", "j", "eng")


def names_a_kind(text: str) -> bool:
    """The precheck of ``called_names``."""
    return ("叫" in text or "名为" in text or "一家" in text or "成立" in text or "创" in text
            or _QUOTE_OPENS.search(text) is not None)


_QUOTE_OPENS = re.compile(r"[“\"「『《]")


def called_names(doc: Doc, paragraphs: Sequence[Paragraph]) -> Iterator[Candidate]:
    """What follows a product or a company said to be called so, to the end of the clause."""
    for para in paragraphs:
        for match in _CALLED.finditer(doc.text, para.start, para.end):
            name = _HEDGE_AFTER.sub("", match["name"]).strip()  # 叫 Lumisense 好像？: the name, unsure
            if len(name) < 2 or _NOT_CALLED.match(name) or name in lexicon.not_names():
                continue
            s = match.start("name")
            kind = Kind.MODEL if match["product"] else Kind.ORGANIZATION
            yield Candidate(s, s + len(name), kind, para.turn_index)
        for match in _QUOTED_KIND.finditer(doc.text, para.start, para.end):
            if _quoted_name(match["name"], match["closes"] is not None):
                kind = Kind.MODEL if match["product"] else Kind.ORGANIZATION
                yield Candidate(match.start("name"), match.end("name"), kind, para.turn_index)
        for match in _IS_A_COMPANY.finditer(doc.text, para.start, para.end):
            span = _subject_before(doc.text, para, match.start())
            if span:
                yield Candidate(span[0], span[1], Kind.ORGANIZATION, para.turn_index)
        for match in _FOUNDED_IN.finditer(doc.text, para.start, para.end):
            span = _subject_before(doc.text, para, match.start())
            if span:
                yield Candidate(span[0], span[1], Kind.ORGANIZATION, para.turn_index)
        for match in _FOUNDED.finditer(doc.text, para.start, para.end):
            span = _object_after(doc.text, para, match.end())
            if span:
                yield Candidate(span[0], span[1], Kind.ORGANIZATION, para.turn_index)


# 云启智算成立于2018年: what was founded in a year is an organisation
_FOUNDED_IN = re.compile(r"(?:成立于|创立于|创办于|创建于)\s?(?:19|20)\d{2}")
# 一起创办了衡芯, 创立了深度分子: what someone founded
_FOUNDED = re.compile(r"(?:创办|创立|创建)了?\s?")
_SUBJECT_TO_VERB = re.compile(r"\s?(?:也|其实|就|则|还)?(?=是)")


def said_to_be_a_company(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is the subject of ``是一家…公司`` (the relations' test)."""
    gap = _SUBJECT_TO_VERB.match(text, end)
    return gap is not None and _IS_A_COMPANY.match(text, gap.end()) is not None


def _subject_before(text: str, para: Paragraph, at: int) -> tuple[int, int] | None:
    """The name that is the subject of ``是`` at ``at``: see the module's docstring."""
    i = para.word_starting_at(at)
    if i is None:
        return None
    tokens = para.tokens
    while i > 0 and (dictionary_tag(tokens[i - 1].word) or "").startswith("d"):
        i -= 1
    first = i
    while (first > 0 and i - first < _MAX_SUBJECT_WORDS and _name_word(tokens[first - 1].word)
           and tokens[i - 1].end - tokens[first - 1].start <= _MAX_SUBJECT_CHARS):
        first -= 1
    if first == i:
        return None
    start, end = tokens[first].start, tokens[i - 1].end
    words = [t.word for t in tokens[first:i]]
    name = text[start:end]
    if len(name) < 2 or name in lexicon.not_names():
        return None
    proper = [w for w in words if _proper_word(w)]
    if len(words) == 1 and not proper:
        return None  # 股东是一家国企: a role, not a name
    if not proper and text.count(name) < 2:
        return None
    return start, end


def _object_after(text: str, para: Paragraph, at: int) -> tuple[int, int] | None:
    """The name a founding verb ending at ``at`` takes, to the end of its clause: words that
    may make a name, one of them proper or the name found again in the text (创办了一家公司 names none)."""
    i = para.word_starting_at(at)
    if i is None:
        return None
    tokens = para.tokens
    last = i
    while (last < len(tokens) and last - i < _MAX_SUBJECT_WORDS and _name_word(tokens[last].word)
           and tokens[last].end - tokens[i].start <= _MAX_SUBJECT_CHARS):
        last += 1
    if last > i and _closing_character(tokens, last):
        last += 1  # 创立了庐州|锂|能。: a character the segmenter left alone closes the name
    if last == i or last < len(tokens) and not _clause_ends(tokens, last):
        return None  # the clause goes on: 创办了公司的研究院, 创立了很多项目
    start, end = tokens[i].start, tokens[last - 1].end
    name = text[start:end]
    words = [t.word for t in tokens[i:last]]
    if len(name) < 2 or name in lexicon.not_names() or _NOT_CALLED.match(name):
        return None
    if not [w for w in words if _proper_word(w)] and text.count(name) < 2:
        return None
    return start, end


def _closing_character(tokens, k: int) -> bool:
    """Word ``k`` is one Han character, no particle, pronoun or preposition, right before the clause ends."""
    word = tokens[k].word if k < len(tokens) else ""
    return (len(word) == 1 and HAN_WORD.fullmatch(word) is not None and k + 1 < len(tokens)
            and tokens[k + 1].word in _OBJECT_ENDS
            and not (dictionary_tag(word) or "").startswith(("u", "y", "e", "p", "c", "r", "d", "m", "q")))


_OBJECT_ENDS = frozenset("，,。；;！!？?、）)") | {"以后", "之后", "后", "时", "的时候"}


def _clause_ends(tokens, k: int) -> bool:
    """Word ``k`` ends the clause, or opens 的时候 (创立帆迹|的|时候: when it was founded)."""
    return tokens[k].word in _OBJECT_ENDS or tokens[k].word == "的" and k + 1 < len(tokens) and tokens[k + 1].word == "时候"


def _quoted_name(name: str, closes_clause: bool) -> bool:
    """A quoted name, not a quoted slogan, a person or a phrase (公司“降本增效”的目标, 该公司“张经理”,
    学校“擅自违规办学”): its last word a noun or a new word; a common noun only where it closes the
    clause (工作室「半山」。)."""
    if _NOT_CALLED.match(name) or name in lexicon.not_names() or is_han_name(name) or name.endswith(lexicon.titles()):
        return False
    words = [w for w, _, _ in vocabulary().words(name)]
    if not _ends_a_name(words[-1]) or any((dictionary_tag(w) or "").startswith(("d", "p", "c", "u", "r")) for w in words):
        return False  # 擅自违规办学: an adverb, a preposition … make a phrase
    tag = dictionary_tag(name)
    return tag is None or tag.startswith(_PROPER_TAGS) or closes_clause and tag.startswith("n")


def _ends_a_name(word: str) -> bool:
    """A word a name may end with: a noun, a proper name, a number, a new word (学园, 日记, 2)."""
    tag = dictionary_tag(word)
    return tag is None or tag.startswith(("n", "j", "eng", "m")) or not in_dictionary(word)


def _name_word(word: str) -> bool:
    if not word.strip() or not (word.isalnum() or word.replace(" ", "").isalnum()):
        return False
    tag = dictionary_tag(word)
    return tag is None or tag in _NAME_WORD_TAGS


def _proper_word(word: str) -> bool:
    """A word the dictionary does not know, or knows as a proper name, an abbreviation or Latin."""
    tag = dictionary_tag(word)
    return tag is None or tag in _PROPER_TAGS
