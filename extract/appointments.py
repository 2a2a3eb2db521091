"""Organisations named by an appointment: the bare brand between an appointment cue and a job title.

Bios and introductions name a company without any suffix when they say who holds which post there:
``现任蓝色光标总经理``, ``任欣旺达审计部经理``, ``1995年加入泰盛制药，历任副总经理``, and a list of
companies sharing one title, ``中国海诚、创元科技、东方明珠独立董事``.  The shape itself says the
span is an organisation: what a person is appointed *to*, right before the post they hold.  A
department between the two (``审计部``, ``技术中心``) belongs to the organisation's scope, not to
its name.  The span is kept only when the text does not contradict it: not a common dictionary
word or a phrase of them (财务, 本公司, 党委), not a department, a person or a place alone, no
function word inside.  Names with a suffix (公司, 集团, 科技 …) are the suffix rule's.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from talkgraph.ontology import lexicon

from .component import Candidate
from .doc import Doc, Paragraph
from .model import Kind
from .organizations import ORG_SUFFIXES
from .tokens import Token, dictionary_tag, in_dictionary, vocabulary

# a cue naming the post a person holds next (任 alone only where a word begins with it)
_POST_CUES = ("现任", "曾任", "历任", "出任", "担任", "兼任", "起任", "转任", "升任", "任")
# a cue naming the organisation a person joined or works for, the post (if any) after a pause
_JOIN_CUES = ("任职于", "就职于", "供职于", "服务于", "受聘于", "加入", "加盟")
_CUE = re.compile("|".join(sorted(_POST_CUES + _JOIN_CUES, key=len, reverse=True)))
_CLAUSE_END = re.compile(r"[，,。；;：:（）()“”\"「」《》\s!！?？]|并|后|以来|至今|期间|担任|任|兼|的|及|和|与")
_ITEM = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,10}")
_MIN_CHARS, _MAX_CHARS = 2, 10
_MAX_CLAUSE = 60
# the words a title may open with: 副总经理, 独立董事, 常务副总裁, 首席执行官
_TITLE_PREFIXES = ("副", "总", "执行", "独立", "首席", "常务", "高级", "非执行", "外部", "董事会")
# the field a post is in, written before its title: 财务负责人, 技术总经理, 销售总监
_POST_FIELDS = ("财务", "技术", "生产", "销售", "市场", "运营", "产品", "营销", "人事", "行政", "业务", "商务", "研发",
                "质量", "法务", "审计", "战略")
# what ends a department before the title: 审计部, 技术中心, 总经理办公室
_DEPARTMENT_ENDS = ("办公室", "中心", "部", "处", "科", "室")
# dictionary tags that cannot stand inside a name: pronouns, prepositions, conjunctions, particles,
# adverbs, numerals, measure words, directions, time words
_FUNCTION_TAGS = ("r", "p", "c", "u", "d", "m", "q", "f", "t", "y", "e", "o", "uj", "ul")
# dictionary tags of a word that may name an organisation on its own (abbreviations, proper names)
_NAME_TAGS = ("nt", "nz", "j", "nrt")


def has_cue(text: str) -> bool:
    """The precheck: no appointment cue in a paragraph, no organisation named by one."""
    return _CUE.search(text) is not None


def appointed_organizations(doc: Doc, paragraphs: Sequence[Paragraph]) -> Iterator[Candidate]:
    """Each organisation an appointment names: the span between a cue and a title that reads as a name."""
    for para in paragraphs:
        for start, end in appointment_spans(doc.text, para.start, para.end, para.tokens):
            yield Candidate(start, end, Kind.ORGANIZATION, para.turn_index)


def appointment_spans(text: str, start: int, end: int, tokens: Sequence[Token]) -> Iterator[tuple[int, int]]:
    """Spans of ``text[start:end]`` (segmented into ``tokens``) that an appointment names as organisations."""
    token_starts = {t.start for t in tokens}
    token_ends = {t.end for t in tokens}
    seen: set[tuple[int, int]] = set()
    for cue in _CUE.finditer(text, start, end):
        if cue.start() not in token_starts or _word_at(tokens, cue.start()) not in _CUE_WORDS:
            continue  # 主任, 责任, 任职, 任何: the cue's characters are part of another word
        joining = cue.group() in _JOIN_CUES
        at = cue.end() + (text[cue.end():cue.end() + 1] == "了")
        for span in _named_after(text, at, min(end, at + _MAX_CLAUSE), joining, token_ends):
            if span not in seen:
                seen.add(span)
                yield span


def _word_at(tokens: Sequence[Token], start: int) -> str:
    return next((t.word for t in tokens if t.start == start), "")


class _CueWords:
    """A cue word, or a cue the segmenter glued to an unknown word after it (任欣旺)."""

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and (word in _CUE_SET or word.startswith(_CUE_SET_TUPLE) and not in_dictionary(word))


_CUE_SET = frozenset(_POST_CUES + _JOIN_CUES)
_CUE_SET_TUPLE = tuple(_CUE_SET)
_CUE_WORDS = _CueWords()


def _named_after(text: str, at: int, stop: int, joining: bool, token_ends: set[int]) -> Iterator[tuple[int, int]]:
    """The organisations a clause right after a cue names: ``A、B、C独立董事`` names A, B and C."""
    items: list[tuple[int, int]] = []
    pos = at
    while True:
        posted = _before_title(text, pos, stop, token_ends)
        if posted is not None:
            yield from items
            yield posted
            return
        item = _ITEM.match(text, pos, stop)
        if item is None:
            return
        after = item.end()
        if after < stop and text[after] == "、":
            if not _reads_as_name(item.group()):
                return
            items.append((item.start(), after))
            pos = after + 1
            continue
        if joining and not items:
            yield from _joined(text, pos, after, stop)
        return


def _joined(text: str, at: int, after: int, stop: int) -> Iterator[tuple[int, int]]:
    """``加入泰盛制药，``, ``服务于康力电梯并``: the clause ends right after the organisation joined."""
    end = _CLAUSE_END.search(text, at + _MIN_CHARS, stop)
    cut = end.start() if end else stop
    name = text[at:cut]
    if cut <= after and _reads_as_name(name) and not any(
            (dictionary_tag(w) or "").startswith("v") for w, _, _ in vocabulary().words(name)):
        yield at, cut


def _before_title(text: str, at: int, stop: int, token_ends: set[int]) -> tuple[int, int] | None:
    """``蓝色光标|总经理``, ``欣旺达|审计部|经理``, ``航天动力|党委|副书记``: the name a title follows,
    a department, a body of the organisation or the post's field between them."""
    piece = _ITEM_RUN.match(text, at, stop)
    if piece is None:
        return None
    title = _TITLE.search(text, at + _MIN_CHARS, piece.end())
    if title is None:
        return None
    between = text[at:title.start()]
    if any(ending in between for ending in _NAME_ENDINGS):
        return None  # 福能集团, 南京下关发电厂: a suffix shows the name, the suffix rule's to bound
    cuts = [cut for cut in range(min(len(between), _MAX_CHARS), _MIN_CHARS - 1, -1) if at + cut in token_ends]
    department = _department_start(between, [c for c in cuts if c < len(between)])
    for cut in ([department] if department else []) + cuts:
        if _scope(between[cut:]) and _reads_as_name(between[:cut]):
            return at, at + cut
    return None


def _department_start(between: str, cuts: list[int]) -> int | None:
    """Where a department ending ``between`` begins (欣旺达|审计部, 海南橡胶|审计风险部): its
    longest run of common words before 部, 处, 中心 …, up to four characters."""
    ending = _DEPARTMENT_END.search(between)
    if ending is None:
        return None
    for cut in sorted(cuts):
        head = between[cut:ending.start()]
        if 0 < len(head) <= 4 and _common_phrase(head):
            return cut
    return None


def _scope(words: str) -> bool:
    """Nothing, or what lies between an organisation and a post in it: a body (党委, 亚太区), a
    department (审计部, 人力资源部), the post's field (财务 in 财务负责人), or a department and a field."""
    if not words:
        return True
    body = _BODY.match(words)
    rest = words[body.end():] if body else words
    ending = _DEPARTMENT_END.search(rest)
    if ending and 0 < ending.start() <= 4 and _common_phrase(rest[:ending.start()]):
        return True
    return not rest



def _common_phrase(words: str) -> bool:
    """Every word of ``words`` a common dictionary word (no proper name, no unknown word)."""
    parts = [w for w, _, _ in vocabulary().words(words)]
    return all(in_dictionary(w) and not (dictionary_tag(w) or "").startswith(("nr", "ns", "nt", "nz")) for w in parts)


def _reads_as_name(name: str) -> bool:
    """The text does not contradict ``name`` naming an organisation."""
    if name.endswith(ORG_SUFFIXES) or any(s in name for s in ORG_SUFFIXES):
        return False  # a suffix shows it already: the suffix rule's to find and bound
    if (name.endswith(_DEPARTMENT_ENDS) or name.startswith(_TITLE_PREFIXES) or any(t in name for t in _titles())
            or _BODY.search(name)):
        return False  # a department or a post, not the organisation
    if name.isascii():
        return name[0].isupper() and name not in lexicon.not_names()
    if in_dictionary(name):
        return (dictionary_tag(name) or "").startswith(_NAME_TAGS)  # 中国共产党, 东方明珠 yes; 财务, 党委 no
    if name in lexicon.not_names() or _place(name):
        return False
    words = [w for w, _, _ in vocabulary().words(name)]
    if any(w in _STOP_WORDS or (dictionary_tag(w) or "").startswith(_FUNCTION_TAGS) and len(w) == 1
           or (dictionary_tag(w) or "") in _FUNCTION_TAGS for w in words):
        return False  # 本公司, 该行, 我们: a function word inside
    if _person_shaped(name):
        return False
    if _common_phrase(name) and not any(vocabulary().frequency(w) < _RARE for w, _, _ in vocabulary().words(name)):
        return False  # 质量技术, 经营规划: a phrase of everyday words names a field; 蓝色光标 holds a rare one
    return True


# a dictionary word this rare (光标, 不锈) is no everyday word: a phrase holding one may be a brand
_RARE = 100


def _person_shaped(name: str) -> bool:
    """``张明``, ``欧阳小华``: a surname and one or two characters no dictionary word holds."""
    for surname in lexicon.surnames():
        if name.startswith(surname) and 1 <= len(name) - len(surname) <= 2:
            return not in_dictionary(name[len(surname):]) and name[0] in lexicon.frequent_surnames()
    return False


def _place(name: str) -> bool:
    """A place alone (北京, 广东省, 辽宁省丹东市): where, not who."""
    return all(_place_word(w) for w, _, _ in vocabulary().words(name))


def _place_word(word: str) -> bool:
    return ((dictionary_tag(word) or "").startswith("ns") or word in _place_names()
            or len(word) >= 2 and word[-1] in "省市县区州" and (dictionary_tag(word[:-1]) or "").startswith("ns")
            or word in "省市县区州")


@cache
def _place_names() -> frozenset[str]:
    return frozenset(n for entry in lexicon.places() for n in entry.names)


@cache
def _titles() -> frozenset[str]:
    return frozenset(lexicon.titles())


_STOP_WORDS = lexicon.words("org_stop_words")
_DEPARTMENT = re.compile("|".join(_DEPARTMENT_ENDS))
# an organisation's own bodies and regions, between its name and a post in them: 党委副书记, 亚太区总裁
_BODY = re.compile(r"(?:党委|团委|纪委|工会|监事会|董事会|车间|[\u4e00-\u9fff]{1,2}区|[\u4e00-\u9fff]{1,2}事业部)")
# what shows a name by itself: left to the suffix rule, which bounds it
_NAME_ENDINGS = ORG_SUFFIXES + ("股份", "有限", "厂", "局", "站", "所", "院", "协会", "宾馆", "酒店", "办事处", "分公司",
                                "分行", "支行", "报社", "杂志社")
_DEPARTMENT_END = re.compile("(?:" + "|".join(_DEPARTMENT_ENDS) + ")$")
_ITEM_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z]+")


def _title_pattern() -> re.Pattern[str]:
    titles = sorted(lexicon.titles(), key=len, reverse=True)
    prefixes = "|".join(_TITLE_PREFIXES + _POST_FIELDS)
    return re.compile(f"(?:{prefixes})*(?:{'|'.join(map(re.escape, titles))})")


_TITLE = _title_pattern()
