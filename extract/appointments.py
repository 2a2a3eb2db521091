"""Organisations named by an appointment: the bare brand between an appointment cue and a job title.

Bios and introductions name a company without any suffix when they say who holds which post there:
``现任青禾光标总经理``, ``任泰和远审计部经理``, ``2003年加入恒盛制药，历任副总经理``, a list of
companies sharing one title, ``嘉禾远航、泰和远、恒盛制药独立董事``, and the items of a guest list,
each an organisation, a post and a person's name (``摩尔线程联合创始人张建国，无问芯穹CEO夏立雪``).  The shape itself says the
span is an organisation: what a person is appointed *to*, right before the post they hold.  A
department between the two (``审计部``, ``技术中心``) belongs to the organisation's scope, not to
its name.  The span is kept only when the text does not contradict it: not a common dictionary
word or a phrase of them (财务, 本公司, 党委), not a department, a person or a place alone, no
function word inside.  Names with a suffix (公司, 集团, 科技 …) are the suffix rule's.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import chain
from functools import cache, cached_property

from talkgraph.ontology import lexicon

from .chinese_names import is_han_name, surname_of
from .component import Candidate
from .doc import Doc, Paragraph
from .lookahead import led_by, words_by_first_character
from .model import Kind
from .organizations import (INDUSTRY_SUFFIXES, ORG_SUFFIXES, glued_post_mark, known_organization_before,
                            starts_with_organization)
from .places import place_names
from .tokens import Token, dictionary_tag, in_dictionary, vocabulary

# a cue naming the post a person holds next (任 alone only where a word begins with it)
_POST_CUES = ("现任", "曾任", "历任", "出任", "担任", "兼任", "起任", "转任", "升任", "任")
# a cue naming the organisation a person joined or works for, the post (if any) after a pause
_JOIN_CUES = ("任职于", "就职于", "供职于", "服务于", "受聘于", "签约于", "加入", "加盟")
_CUE = re.compile("|".join(sorted(_POST_CUES + _JOIN_CUES, key=len, reverse=True)))
_TOLD_OF_A_FIRM = re.compile(r"成立|创立|创办|创建|不久|刚刚")  # its founding or age, told before its name
_CLAUSE_END = re.compile(r"[，,。；;：:（）()“”\"「」《》\s!！?？]|并|后|以来|至今|期间|担任|任|兼|的|及|和|与")
_ITEM = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,10}")
_MIN_CHARS, _MAX_CHARS = 2, 10
_MAX_CLAUSE = 60


def _longest_first(words: frozenset[str]) -> tuple[str, ...]:
    """A word list in a fixed order, longest first, as a pattern's alternation and ``endswith`` want it."""
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


_TITLE_PREFIXES = _longest_first(lexicon.words("title_prefixes"))  # 副总经理, 独立董事, 首席执行官
_POST_FIELDS = _longest_first(lexicon.words("post_fields"))  # 财务负责人, 销售总监
_DEPARTMENT_ENDS = _longest_first(lexicon.words("department_endings"))  # 审计部, 技术中心, 总经理办公室
# dictionary tags that cannot stand inside a name: pronouns, prepositions, conjunctions, particles,
# adverbs, numerals, measure words, directions, time words
_FUNCTION_TAGS = ("r", "p", "c", "u", "d", "m", "q", "f", "t", "y", "e", "o", "uj", "ul")
# dictionary tags of a word that may name an organisation on its own (abbreviations, proper names)
_NAME_TAGS = ("nt", "nz", "j", "nr")
_PROPER_TAGS = ("nr", "ns", "nt", "nz")
# the party's and the staff's organs inside an organisation: 党办, 党支部, 党工委, 工委会, 纪检组
_PARTY_BODY = re.compile(r"^党|支部$|工委|委会$|纪检|团委")
_BODIES = lexicon.words("organisation_bodies")


# a gloss in brackets right after a name, its items a post each: 李广密（拾象创始人）,
# 王慧文（美团联合创始人、光年之外创始人）
_GLOSS = re.compile(r"[（(]([^（()）\n]{3,40})[）)]")
_GLOSS_ITEM = re.compile(r"[^、，,；;]+")


# 寒武纪副总裁王宁，摩尔线程联合创始人张建中: a guest list names the organisation of each post a
# person's name follows, an item after a pause
_NAME_AFTER_POST = re.compile(r"([\u4e00-\u9fff]{2,3})(?=[，,、。；;：:（(\s]|$|(?:说|认为|表示|谈|指出|介绍|提到|分享|坦言))")
_ITEM_OPENS = re.compile(r"[，,、。；;：:！!？?\s]")
# words that open an item without being part of a name: joining it to a list, inviting, a caption's 图为
_ITEM_LEADS = re.compile(r"(?:还有|以及|包括|和|及|与|有?请|请到了?|邀请了?|欢迎|来自|图为)\s?")
# what leads into a guest's organisation and post inside a sentence: 我们请到了…, 今天的嘉宾是…
_INVITATION = re.compile(r"(?:请到了?|请来了?|邀请了?|欢迎|来自|以及|还有|包括|(?:嘉宾|主讲人|讲者|受访者)(?:是|为))\s?")


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    found = None
    for found in matches:
        pass
    return found


def has_cue(text: str) -> bool:
    """The precheck: no appointment cue, gloss or post in a paragraph, no organisation named by one."""
    return (_CUE.search(text) is not None or "（" in text or "(" in text or _POST_AND_NAME.search(text) is not None
            or _SELF_INTRODUCTION.search(text) is not None or FOUNDED_BY_ME.search(text) is not None
            or _POSSESSED_TITLE.search(text) is not None or _BIOGRAPHY.search(text) is not None
            or _DESCRIBED.search(text) is not None or _WORKED_AS.search(text) is not None)


def appointed_organizations(doc: Doc, paragraphs: Sequence[Paragraph]) -> Iterator[Candidate]:
    """Each organisation an appointment names: the span between a cue and a title that reads as a name."""
    for para in paragraphs:
        for start, end in appointment_spans(doc.text, para.start, para.end, para.tokens):
            yield Candidate(start, end, Kind.ORGANIZATION, para.turn_index)


class _Cuts:
    """The words of a paragraph by where they start, and where they end: read only when a cue,
    post or gloss asks (most paragraphs the precheck lets through hold none that names anything)."""

    def __init__(self, tokens: Sequence[Token]):
        self.tokens = tokens

    @cached_property
    def word_at(self) -> dict[int, str]:
        return {t.start: t.word for t in self.tokens}

    @cached_property
    def ends(self) -> set[int]:
        return {t.end for t in self.tokens}


def appointment_spans(text: str, start: int, end: int, tokens: Sequence[Token]) -> Iterator[tuple[int, int]]:
    """Spans of ``text[start:end]`` (segmented into ``tokens``) that an appointment names as organisations."""
    cuts = _Cuts(tokens)
    found = chain(_after_cues(text, start, end, cuts), _in_guest_list(text, start, end, cuts),
                  _in_biographies(text, start, end, cuts),
                  _in_glosses(text, start, end, cuts), _before_possessed_posts(text, start, end, cuts),
                  _in_self_introductions(text, start, end, cuts), _in_descriptions(text, start, end, cuts),
                  _founded_by_the_speaker(text, start, end, cuts), _workplaces(text, start, end, cuts))
    return iter(dict.fromkeys(found))  # each span once, in the order found


def _after_cues(text: str, start: int, end: int, cuts: _Cuts) -> Iterator[tuple[int, int]]:
    for cue in _CUE.finditer(text, start, end):
        if not _cue_word(cuts.word_at.get(cue.start(), "")):
            continue  # 主任, 责任, 任职, 任何: the cue's characters are part of another word
        joining = cue.group() in _JOIN_CUES
        at = cue.end() + (text[cue.end():cue.end() + 1] == "了")
        yield from _named_after(text, at, min(end, at + _MAX_CLAUSE), joining, cuts.ends)


def _in_guest_list(text: str, start: int, end: int, cuts: _Cuts) -> Iterator[tuple[int, int]]:
    for title in _TITLE.finditer(text, start, end):
        name = _NAME_AFTER_POST.match(text, title.end(), end)
        if name is None or not is_han_name(name.group(1)):
            continue
        opens = max((m.end() for m in _ITEM_OPENS.finditer(text, max(start, title.start() - _MAX_CLAUSE), title.start())),
                    default=start)
        listed = _ITEM_LEADS.match(text, opens, title.start())
        if listed is None:  # 今天我们请到了天枢智算创始人程骁: the item opens after the invitation, not the pause
            listed = _last(_INVITATION.finditer(text, opens, title.start()))
        opens = listed.end() if listed else opens
        opens += glued_post_mark(cuts.word_at.get(opens, ""))  # 、现曜驰汽车智能座舱副总裁: 现 is no part of it
        if starts_with_organization(text[opens:title.start()]):
            continue  # 华为云人工智能领域首席科学家: a known organisation and the post's scope
        span = _before_title(text, opens, title.end(), cuts.ends)
        if span is not None:
            yield span


# 程骁，天枢智算创始人兼CEO，曾任…: a biography opening with the person's name, then the post and its organisation
# (林晓棠——青杉创投副总裁: a show's notes set a dash between them)
_BIOGRAPHY = re.compile(r"(?:^|(?<=[\n：:。；;]))\s*([\u4e00-\u9fff]{2,3})(?:[，,]|\s?(?:——|—|–|-)\s?)")


def _in_biographies(text: str, start: int, end: int, cuts: _Cuts) -> Iterator[tuple[int, int]]:
    for bio in _BIOGRAPHY.finditer(text, start, end):
        if not is_han_name(bio.group(1)) or surname_of(bio.group(1)) is None:
            continue
        title = _TITLE.search(text, bio.end(), min(end, bio.end() + _MAX_CHARS + 12))
        if title is None or _ITEM_OPENS.search(text, bio.end(), title.start()) or starts_with_organization(
                text[bio.end():title.start()]):
            continue
        span = _before_title(text, bio.end(), title.end(), cuts.ends) or _suffixed_before(text, bio.end(), title.start())
        if span is not None:
            yield span


def _suffixed_before(text: str, start: int, end: int) -> tuple[int, int] | None:
    """罗澄宇，深言科技法务总监: in a biography, the name a company's suffix ends before the post (and
    its field), though the suffix rule finds a brand of common words (深言) no name on its own."""
    found = _COMPANY_SUFFIX_END.search(text, start, end)
    if found is None or found.end() - start < _MIN_CHARS + 2 or _field_after(text[found.end():end]) is None:
        return None
    name = text[start:found.end()]
    return (start, found.end()) if _ITEM.fullmatch(name) and not starts_with_organization(name) else None


# the last company suffix in a stretch (科技 of 深言科技法务): a company's name ends with it
_COMPANY_SUFFIX_END = re.compile(r"(?:科技|集团|公司|控股|资本|银行|证券|传媒|智能|医疗)(?!.*(?:科技|集团|公司|控股|资本|银行|证券|传媒|智能|医疗))")


def _field_after(rest: str) -> str | None:
    """What lies between a company's name and the post: nothing, or a field (法务, 投资部)."""
    return rest if rest == "" or re.fullmatch(r"[\u4e00-\u9fff]{1,6}", rest) else None


def _in_glosses(text: str, start: int, end: int, cuts: _Cuts) -> Iterator[tuple[int, int]]:
    for gloss in _GLOSS.finditer(text, start, end):
        if not _after_a_name(text, max(start, gloss.start() - 4), gloss.start()):
            continue  # 本报讯（通讯员…）: the gloss of no one
        for item in _GLOSS_ITEM.finditer(text, gloss.start(1), gloss.end(1)):
            yield from _named_after(text, item.start(), item.end(), False, cuts.ends)


def _before_possessed_posts(text: str, start: int, end: int, cuts: _Cuts) -> Iterator[tuple[int, int]]:
    """``云栖视觉的CTO林晓峰``, ``江州文旅的董事长刘建国``: whose founder, chair or chief a person is,
    said with 的: the name before 的 is their organisation, its first word the first that can open a name."""
    for title in _POSSESSED_TITLE.finditer(text, start, end):
        if not _person_follows(text, title.end(), end):
            continue
        before = title.start()
        opens = max((m.end() for m in _ITEM_OPENS.finditer(text, max(start, before - _MAX_CHARS), before)),
                    default=max(start, before - _MAX_CHARS))
        for at in sorted(t.start for t in cuts.tokens if opens <= t.start <= before - _MIN_CHARS):
            name = text[at:before]
            if _opens_name(cuts.word_at.get(at, "")) and _ITEM.fullmatch(name) and _reads_as_name(name):
                if not starts_with_organization(name):
                    yield at, before
                break


# 我在青云担任副总裁, 之前在云杉做了三年产品总监, 他在澄星当CTO: where someone holds a post, between 在
# and a verb of holding it, the post right after (a stint's length between them)
_WORKED_AS = led_by("[在]", r"在\s?(?P<name>[\u4e00-\u9fffA-Za-z]{2,10}?)\s?(?:担任|出任|任职|任|做|当|干)(?:了|过)?"
                           r"(?:[\d一二两三四五六七八九十几多半]+个?(?:年|月)(?:的)?)?")


def _workplaces(text: str, start: int, end: int, cuts: _Cuts) -> Iterator[tuple[int, int]]:
    for held in _WORKED_AS.finditer(text, start, end):
        name = held["name"]
        opening = _word_opening(held.start("name"), cuts)
        if (opening and held.end("name") in cuts.ends and _opens_name(opening) and _TITLE.match(text, held.end())
                and _reads_as_name(name) and not starts_with_organization(name) and not _holds_a_verb(name)):
            yield held.span("name")


def _word_opening(at: int, cuts: _Cuts) -> str | None:
    """The word starting at ``at``, or the rest of an unknown word the segmenter glued a cue into
    (我在|岚序 cut 我在岚序)."""
    if at in cuts.word_at:
        return cuts.word_at[at]
    glued = next((t for t in cuts.tokens if t.start < at < t.end), None)
    return glued.word[at - glued.start:] if glued and not in_dictionary(glued.word) else None


# 我是码上医的创始人, 我是深蓝分子的王蕾: who a speaker says they are, the organisation between the cue
# and 的, a founder's or chief's post or the speaker's own name after it (来自 is left out: where people
# come from is a place as often as a firm)
_SELF_INTRODUCTION = re.compile(r"我是|我们是")


def _in_self_introductions(text: str, start: int, end: int, cuts: _Cuts) -> Iterator[tuple[int, int]]:
    for cue in _SELF_INTRODUCTION.finditer(text, start, end):
        opening = _word_after_cue(cue, cuts)
        if opening is None:
            continue
        posted = _before_title(text, cue.end(), min(end, cue.end() + _MAX_CLAUSE), cuts.ends)
        if posted and not _holds_a_verb(text[slice(*posted)]):  # 我是码上医创始人兼CEO
            yield posted
            continue
        of = text.find("的", cue.end() + _MIN_CHARS, min(end, cue.end() + _MAX_CHARS + 1))
        if of < 0 or of not in cuts.ends:
            continue
        if not (_POSSESSED_TITLE.match(text, of, end) or _own_name_follows(text, of + 1, end)):
            continue
        name = text[cue.end():of]
        if (_opens_name(opening) and _ITEM.fullmatch(name) and _reads_as_name(name)
                and not starts_with_organization(name) and not _holds_a_verb(name)):
            yield cue.end(), of


def _in_descriptions(text: str, start: int, end: int, cuts: _Cuts) -> Iterator[tuple[int, int]]:
    """``孙立德原来是多氟多的副总``, ``，现在是江淮氟源的董事长``: the organisation whose post a person is
    said to hold or have held, between 是 and 的 and a post (a field may stand before the post, and a
    clause going on about the same person may open with the time alone)."""
    for described in _DESCRIBED.finditer(text, start, end):
        at, of = described.span("name")
        if not _said_of_a_person(text, start, described.start(), bool(described["when"])):
            continue
        opening = cuts.word_at.get(at)
        if opening is None or of not in cuts.ends:
            continue
        if len(opening) == 1 and len(cuts.word_at.get(at + 1, "")) == 1:
            opening = text[at:of]  # 多|氟|多: a brand the segmenter cut into characters
        name = text[at:of]
        if (_opens_name(opening) and _ITEM.fullmatch(name) and _reads_as_name(name)
                and not starts_with_organization(name) and not _holds_a_verb(name)):
            yield at, of


def _said_of_a_person(text: str, start: int, pos: int, timed: bool) -> bool:
    """Before ``pos``: 他 or 她, a person's name, or (with a time word before 是) a clause going on."""
    if pos > start and text[pos - 1] in "他她" or timed and pos > start and text[pos - 1] in "，,":
        return True
    return any(pos - n >= start and is_han_name(text[pos - n:pos]) and surname_of(text[pos - n:pos]) is not None
               for n in (3, 2))


# 恒川数智是我2008年在杭州创立的, 星河科技也是我创办的: what the speaker founded (named from where the clause
# opens up to 是; the relations give it its founder)
# 恒川是我2008年在杭州创立的, 北辰是 2019 年我和陈昊一起创立的: the speaker's (and partners') founding
FOUNDED_BY_ME = re.compile(r"\s?(?:也|就)?是\s?(?:(?:19|20)\d{2}\s?年\s?)?我[^，,。；;！？!?]{0,16}?(?:创立|创办|创建|成立)的")
_CLAUSE_OPENS = re.compile(r"[，,。；;：:！!？?\n]\s*")


def _founded_by_the_speaker(text: str, start: int, end: int, cuts: _Cuts) -> Iterator[tuple[int, int]]:
    for founded in FOUNDED_BY_ME.finditer(text, start, end):
        opens = max((m.end() for m in _CLAUSE_OPENS.finditer(text, max(start, founded.start() - _MAX_CHARS), founded.start())),
                    default=start)
        name = text[opens:founded.start()]
        if opens in cuts.word_at and _opens_name(cuts.word_at[opens]) and _ITEM.fullmatch(name) and (
                name.endswith(ORG_SUFFIXES) or _reads_as_name(name)) and not _person_shaped(name):
            yield opens, founded.start()


def _word_after_cue(cue: re.Match[str], cuts: _Cuts) -> str | None:
    """The word a name after a self-introduction's cue opens with: the segmenter's word there, or the
    rest of an unknown word it glued the cue's 是 to (是岚序|智造)."""
    if cue.end() in cuts.word_at:
        return cuts.word_at[cue.end()]
    glued = cuts.word_at.get(cue.end() - 1, "")
    return glued[1:] if glued.startswith("是") and len(glued) > 2 and not in_dictionary(glued) else None


def _own_name_follows(text: str, at: int, end: int) -> bool:
    """A person's name starts at ``at``, no word of the language (公司 is shaped as a surname and one
    character)."""
    return any(is_han_name(text[at:at + n]) and surname_of(text[at:at + n]) is not None
               and (not in_dictionary(text[at:at + n]) or (dictionary_tag(text[at:at + n]) or "").startswith("nr"))
               for n in (3, 2) if at + n <= end)


def _holds_a_verb(name: str) -> bool:
    """专门做大模型: a phrase saying what is done, no organisation's name."""
    return any((dictionary_tag(w) or "").startswith("v") for w, _, _ in vocabulary().words(name))


def _person_follows(text: str, at: int, end: int) -> bool:
    """A Chinese person's name (a surname and one or two characters) starts at ``at``."""
    return any(is_han_name(text[at:at + n]) and surname_of(text[at:at + n]) is not None
               for n in (3, 2) if at + n <= end)


def _opens_name(word: str) -> bool:
    """A word a name may open with: no verb, no function word (说, 他, 在 + 云栖视觉)."""
    tag = dictionary_tag(word) or ""
    return bool(word) and not tag.startswith(("v",) + _FUNCTION_TAGS) and word not in _STOP_WORDS


def _after_a_name(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` ends in a person's name: a surname and one or two characters, or a
    capitalised Latin word."""
    if end <= start:
        return False
    if text[end - 1].isascii():
        return text[end - 1].isalpha() and _LATIN_NAME_END.search(text, start, end) is not None
    return any(is_han_name(text[end - n:end]) and surname_of(text[end - n:end]) is not None
               for n in (2, 3) if end - n >= start)


_LATIN_NAME_END = re.compile(r"[A-Z][a-z]+$")


def _cue_word(word: str) -> bool:
    """A cue word, a cue the segmenter glued to an unknown word after it (任泰和), or one it cut in
    two (签约|于)."""
    return (word in _CUES or word.startswith(_CUES) and not in_dictionary(word)
            or len(word) >= 2 and any(cue.startswith(word) for cue in _CUES))


_CUES = _POST_CUES + _JOIN_CUES


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
    if end and end.group() in "（(":
        return  # 某某保险（集团）股份有限公司: the name goes on after the bracket
    name = text[at:cut]
    if cut <= after and _reads_as_name(name) and not any(
            len(w) > 1 and (dictionary_tag(w) or "").startswith("v") for w, _, _ in vocabulary().words(name)):
        yield at, cut


def _before_title(text: str, at: int, stop: int, token_ends: set[int]) -> tuple[int, int] | None:
    """``蓝色光标|总经理``, ``欣旺达|审计部|经理``, ``航天动力|党委|副书记``: the name a title follows,
    a department, a body of the organisation or the post's field between them."""
    piece = _ITEM_RUN.match(text, at, stop)
    if piece is None:
        return None
    title = next((t for t in _TITLE.finditer(text, at + _MIN_CHARS, piece.end())
                  if not text.startswith(_NAME_GOES_ON, t.end())), None)
    if title is None or _desk_chief(title.group(), text[title.end():piece.end()]):
        return None
    between = text[at:title.start()]
    if any(ending in between for ending in _NAME_ENDINGS):
        return None  # 福能集团, 南京下关发电厂: a suffix shows the name, the suffix rule's to bound
    if _known_and_field(between):
        return None  # 中芯国际|工艺研发总监: a known organisation and the post's field, no new name
    cuts = [cut for cut in range(min(len(between), _MAX_CHARS), _MIN_CHARS - 1, -1) if at + cut in token_ends]
    field = _industry_end_before_field(between)
    if field is not None:
        return at, at + field  # 联影智能|算法|总监: a firm named by its industry, then the post's field
    department = _department_start(between, [c for c in cuts if c < len(between)])
    for cut in ([department] if department else []) + cuts:
        if _scope(between[cut:]) and _reads_as_name(between[:cut]):
            return at, at + cut
    return None


def _industry_end_before_field(between: str) -> int | None:
    """Where ``联影智能`` ends in ``联影智能算法``: a name ending in its industry (智能, 医疗 …), then the
    everyday words of the field a post is held in, up to four characters (the segmenter may glue the
    two: 智能算法); the first such end, as a field may open with an industry word (曜驰汽车|智能座舱)."""
    cuts = []
    for suffix in INDUSTRY_SUFFIXES:
        found = between.rfind(suffix)
        if found < 0:
            continue
        cut = found + len(suffix)
        name, field = between[:cut], between[cut:]
        if (len(name) > len(suffix) + 1 and 0 < len(field) <= _MAX_FIELD_CHARS and _everyday_phrase(field)
                and _reads_as_name(name)):
            cuts.append(cut)
    return min(cuts, default=None)


_MAX_FIELD_CHARS = 4


def _known_and_field(between: str) -> bool:
    """``中芯国际工艺``, ``华为海思芯片``: a known organisation's name, then everyday words (the field
    the post is in)."""
    return any(_everyday_phrase(between[size:]) for size in known_organization_before(between))


def _desk_chief(title: str, after: str) -> bool:
    """``固收首席``, ``宏观首席``: 首席 alone, ending the item, is a research desk's chief analyst, and
    the word before it the desk (固收, 策略), not an organisation (``中金首席经济学家`` names one)."""
    return title == "首席" and not after


def _department_start(between: str, cuts: list[int]) -> int | None:
    """Where a department ending ``between`` begins (欣旺达|审计部, 海南橡胶|审计风险部): its
    longest run of common words before 部, 处, 中心 …, up to four characters."""
    ending = _DEPARTMENT_END.search(between)
    if ending is None:
        return None
    for cut in sorted(cuts):
        head = between[cut:ending.start()]
        if 0 < len(head) <= 4 and _everyday_phrase(head) and len(vocabulary().words(head)[0][0]) >= 2:
            return cut  # a department opens with a word, not a stray character (泰和远|审计部)
    return None


def _scope(words: str) -> bool:
    """Nothing, or what lies between an organisation and a post in it: a body (党委, 亚太区, 销售事业部)
    or a department of common words (审计部, 人力资源部)."""
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
    return all(in_dictionary(w) and dictionary_tag(w) is not None and not dictionary_tag(w).startswith(_PROPER_TAGS)
               for w in parts)  # a word with no tag is one talkgraph's lexicons added: a name


def _everyday_phrase(words: str) -> bool:
    """A phrase of common words none of them rare: 质量技术, 审计风险 are; 青禾光标, 太钢不锈 hold a rare one."""
    return _common_phrase(words) and not any(vocabulary().frequency(w) < _RARE for w, _, _ in vocabulary().words(words))


def _reads_as_name(name: str) -> bool:
    """The text does not contradict ``name`` naming an organisation."""
    if name.endswith(ORG_SUFFIXES) or any(s in name for s in ORG_SUFFIXES):
        return False  # a suffix shows it already: the suffix rule's to find and bound
    if (_department_name(name) or name.startswith(_TITLE_PREFIXES) or any(t in name for t in _titles())
            or name in _POST_FIELDS or _BODY.search(name) or _PARTY_BODY.search(name)):
        return False  # a department, a post or its field (任研发副总裁), not the organisation
    if name.isascii():
        return name[0].isupper() and name not in lexicon.not_names()
    if in_dictionary(name):  # 中国共产党, 东方明珠, 宝钢, a lexicon's name yes; 财务, 党委, 北京 no
        tag = dictionary_tag(name)
        return tag is None or tag.startswith(_NAME_TAGS) and name not in _BODIES
    if name in lexicon.not_names() or _place(name) or _TOLD_OF_A_FIRM.search(name):
        return False  # 加入刚成立不久的…: what is told of the organisation, not its name
    words = [w for w, _, _ in vocabulary().words(name)]
    if any(w in _STOP_WORDS or _function_word(w) for w in words):
        return False  # 本公司, 该行, 我们: a function word inside
    if _person_shaped(name):
        return False
    if _everyday_phrase(name):
        return False  # 质量技术, 经营规划: a phrase of everyday words names a field
    return True


def _function_word(word: str) -> bool:
    """A pronoun, preposition, adverb … (a one-character word by its tag's family, 们 and 中 too)."""
    tag = dictionary_tag(word) or ""
    return tag in _FUNCTION_TAGS or len(word) == 1 and tag.startswith(_FUNCTION_TAGS)


# a dictionary word this rare (光标, 不锈) is no everyday word: a phrase holding one may be a brand
_RARE = 100


def _department_name(name: str) -> bool:
    """``财务部``, ``技术科``, ``研发中心``: a common word before a department's ending (宏达高科 is none)."""
    ending = next((e for e in _DEPARTMENT_ENDS if name.endswith(e)), None)
    if ending is None:
        return False
    head = name[:-len(ending)]
    words = vocabulary().words(head) if head else ()
    return not words or len(words[-1][0]) >= 2 and _common_phrase(words[-1][0])


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
    return ((dictionary_tag(word) or "").startswith("ns") or word in place_names()
            or len(word) >= 2 and word[-1] in "省市县区州" and (dictionary_tag(word[:-1]) or "").startswith("ns")
            or word in "省市县区州")


@cache
def _titles() -> frozenset[str]:
    return frozenset(lexicon.posts())


_STOP_WORDS = lexicon.words("org_stop_words")
# an organisation's own bodies and regions, between its name and a post in them: 党委副书记, 亚太区总裁
_BODY = re.compile("(?:" + "|".join(sorted(_BODIES)) + r"|[\u4e00-\u9fff]{1,2}区|[\u4e00-\u9fff]{1,2}事业部)")
# what shows a name by itself: left to the suffix rule, which bounds it
_NAME_ENDINGS = ORG_SUFFIXES + ("股份", "有限", "厂", "局", "站", "所", "院", "协会", "宾馆", "酒店", "办事处", "分公司",
                                "分行", "支行", "报社", "杂志社")
_DEPARTMENT_END = re.compile("(?:" + "|".join(_DEPARTMENT_ENDS) + ")$")
# what after a title word shows it begins a name's last part instead (会计师|事务所, 委员|会, 顾问|有限公司)
_NAME_GOES_ON = _NAME_ENDINGS + ("事务所", "会", "组", "团", "处", "部", "室")
_ITEM_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z]+")


def _one_post() -> str:
    titles = lexicon.posts()
    prefixes = words_by_first_character(_TITLE_PREFIXES + _POST_FIELDS)
    return f"(?:{prefixes})*(?:{words_by_first_character(titles)})"


def _titles_pattern() -> str:
    one = _one_post()
    return f"{one}(?:兼{one})*"  # 创始人兼CEO: posts one person holds together


def _title_first_characters() -> str:
    words = set(lexicon.posts()) | set(_TITLE_PREFIXES) | set(_POST_FIELDS)
    return "[" + "".join(sorted({re.escape(w[0]) for w in words})) + "]"


_TITLE_FIRST = _title_first_characters()
_TITLE = led_by(_TITLE_FIRST, _titles_pattern())
# 孙立德原来是多氟多的副总, 他之前是诺德股份的技术副总: a person said with 是 to hold a post at the name before 的
_WHEN = ("原来", "之前", "以前", "曾经", "此前", "早年", "后来", "现在", "目前", "当时", "现")
# (a brand's name, no longer than a brand's without its suffix, and a post a firm has: a project has its 负责人 too,
# 他是城市大脑交通调度算法的负责人)
_DESCRIBED_MAX = 6
_DESCRIBED = led_by("[是原之以曾此早后现目当]", rf"(?P<when>{'|'.join(_WHEN)})?是"
                        rf"(?P<name>[^，,。；;！？!?的\s]{{{_MIN_CHARS},{_DESCRIBED_MAX}}})的[\u4e00-\u9fff]{{0,4}}?"
                        rf"(?={_TITLE.pattern})(?![\u4e00-\u9fff]{{0,4}}(?:负责人|组长|队长))")
# the posts only a company or an organisation of its kind has: its founder, its chair, its chiefs (a
# manager or a vice-president may be a project's, a shop's: 某某广场的副总裁, 某楼盘的营销经理)
_POSSESSED_TITLE = re.compile(r"的(?:联合)?(?:创始人|创办人|董事长|C[EFOT]O|首席[\u4e00-\u9fff]{2,3}官)")
# a post and a name after it, for the precheck, which asks only whether one is anywhere: without the
# prefixes a post may open with (副, 首席, 财务), as the post they open is one without them too, so that
# the posts by their first characters lead, and the engine skips to where one can begin
_POST_AND_NAME = re.compile(f"(?:{words_by_first_character(_longest_first(_titles()))})(?:兼{_one_post()})*"
                            + _NAME_AFTER_POST.pattern)
