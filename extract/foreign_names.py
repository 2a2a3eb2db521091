"""Person names no lexicon holds: transliterated foreign names and Latin-script names.

``比尔盖茨``, ``扎克伯格``, ``山姆·奥特曼`` are spelled with a small set of characters chosen for their
sound (斯, 尔, 克, 特, 伯 …); ``ontology/lexicon/transliteration_chars.tsv`` counts how often each
appears in such names against all text (learned by ``scripts/learn_transliteration.py`` from
public NER corpora).  A run of characters that are all far likelier in transliterations, three
or more long or joined by ``·``, is a foreign name; it is a person's when the dictionary does not
know it as a place or organisation, and when the text says so (a ``·`` join, a speech verb, a
title) unless its characters alone are convincing.  ``黄仁勋`` begins with characters of ordinary
Chinese text and is left to the Chinese-name rules.

``Sam Altman``, ``Yann LeCun``: two or three capitalised words with a cue (a title, a speech verb,
a form of address), or recurring in the text; shapes of products and companies (``Llama Guard``,
``Epic Games``) are refused.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache

from talkgraph.ontology import lexicon

from .chinese_names import is_han_name
from .component import Candidate
from .doc import Doc, Paragraph
from .english_relations import ENGLISH_TITLE
from .lookahead import first_not_after
from .model import Kind
from .persons import has_person_cue, has_role_before, in_work_title
from .tokens import dictionary_tag, in_dictionary


_MIDDLE_DOTS = "·・•‧"


def joined_name(name: str) -> bool:
    """Whether a middle dot joins the parts of the name, as it does a transliterated full name's."""
    return any(ch in _MIDDLE_DOTS for ch in name)

# a character must be this many times likelier (log ratio) in transliterations than in text at large
_CHAR_MIN = 0.6
_TABLE_FLOOR = 1.0
_MEAN_MIN = 1.0   # a run's mean log ratio for a name needing a cue
_SURE_MEAN = 1.45 # … and for one its characters alone make sure of
# characters of the table that, first in a run, are far likelier a word of their own (比马斯克)
_NOT_FIRST = frozenset("比于可因乃什通本内切")
_MIN_CHARS = 3
_MAX_CHARS = 12

# what a person does, beyond the speech verbs and cues of ``persons.has_person_cue``
_ACTION_AFTER = re.compile(r"\s*(?:曾经|也|还|就|又|都|则|早就|一直|最近)?(?:宣布|称|写道|问|觉得|相信|预测|创办|创立|创建|离开|加入|"
                           r"出任|担任|接任|卸任|辞任|辞职|当选|提出|发明|认为|说过?|讲过?|表示|写的|写了|said|says)|"
                           # Percy Liang组, 来自印度的Priya Raman，她现在…: a researcher's group, or 他/她 going on
                           r"\s*(?:组|团队|课题组)|\s*[，,]\s?(?:他|她)(?!们)")
# 诺贝尔奖, 摩尔定律, 迪士尼乐园: a name that only lends itself to the next word
_EPONYM_AFTER = re.compile(r"(?:奖|定律|定理|效应|方程|公式|主义|乐园|公司|集团|大学|学院|基金|家族|号|体|式|型|病)")
_PLACE_AROUND = re.compile(r"(?:在|去|到|来自|位于|飞往|前往|抵达)$")
# roles before a name that the title list does not hold
# (创始人是 Aditya Menon: who founded a firm is a person)
_ROLE_BEFORE = re.compile(r"(?:作家|演员|导演|球星|总统|主席|总理|部长|议员|老板|教父|先生|女士|创始人(?:是|为)|创办人(?:是|为))\s*$")
# my co-founder Kevin Wu, our colleague Jane Doe, Our CTO, Magnus Berg,: a person one works with, in English
_ENGLISH_ROLE_BEFORE = re.compile(r"\b(?:my|our|his|her|their)\s(?:(?:co-?founder|colleague|boss|manager|advisor|mentor|"
                                  r"friend|partner|professor|teacher|student)|(?:former\s)?" + ENGLISH_TITLE + r")\s?,?\s?$", re.I)


@cache
def _char_ratios() -> dict[str, float]:
    """log(P(char | transliterated name) / P(char | text)) for the characters the table holds."""
    rows = [line.split("\t") for line in lexicon.lines("transliteration_chars.tsv")]
    in_names = sum(int(r[1]) for r in rows)
    in_text = sum(int(r[2]) for r in rows)
    learned = {r[0]: math.log((int(r[1]) / in_names) / ((int(r[2]) + 1) / in_text)) for r in rows}
    # a character of the standard transliteration table counts as one, however common elsewhere
    table = {ch for line in lexicon.lines("transliteration_table.txt") for ch in line.strip()}
    return {ch: max(learned.get(ch, -9.0), _TABLE_FLOOR if ch in table else -9.0) for ch in learned.keys() | table}


def transliteration_score(name: str) -> float:
    """The mean log ratio of ``name``'s characters (``·`` ignored); very low for ordinary words."""
    ratios = _char_ratios()
    chars = [ch for ch in name if ch not in _MIDDLE_DOTS]
    if not chars:
        return -math.inf
    return sum(ratios.get(ch, -5.0) for ch in chars) / len(chars)


_HAN_RUN = re.compile(r"[\u3400-\u9fff" + _MIDDLE_DOTS + r"]+")
_DOT_SPLIT = re.compile("[" + _MIDDLE_DOTS + "]")


def transliterated_names(text: str, start: int = 0, end: int | None = None) -> Iterator[Candidate]:
    """Foreign person names spelled in Chinese characters inside ``text[start:end]``.

    The characters say a name is foreign, not whose: 莫斯科 and 阿森纳 are spelled alike.  A run is
    a person where the text says so (a ``·`` join, a title before, a speech verb after); the
    pipeline's recurrence pass finds its other occurrences.
    """
    end = len(text) if end is None else end
    ratios = _char_ratios()
    two_likely = _two_likely_characters()
    if not two_likely.search(text, start, end):
        return  # no two such characters in a row here, so in none of its runs (most paragraphs)
    candidates = []
    for run in _HAN_RUN.finditer(text, start, end):
        if not two_likely.search(text, run.start(), run.end()):
            continue  # every stretch of it is one character: no name's shape
        for s, e in _likely_runs(run.group(), ratios):
            s, e = run.start() + s, run.start() + e
            if _foreign_shape(text, s, e) and not in_work_title(text, s, e) and not _NAMED_AFTER.match(text, e):
                joined = joined_name(text[s:e]) and not _in_list(text, s, e)
                candidates.append((s, e, joined or _person_cue(text, s, e)))
    for s, e, cue in candidates:
        if cue:
            score = transliteration_score(text[s:e])
            yield Candidate(hyphened_given_name(text, s, start), e, Kind.PERSON, score=round(min(1.0, 0.6 + score / 8), 3))


_HYPHENS = "-‐－"
# Jean, the one-character given name that French double names open with (让-保罗·萨特, 让-吕克·戈达尔)
_ONE_CHARACTER_GIVEN_NAMES = frozenset("让")


def hyphened_given_name(text: str, s: int, start: int) -> int:
    """Where a name starting at ``s`` starts with the given name a hyphen joins it to (让-皮埃尔·莫罗,
    皮埃尔-奥古斯特·雷诺阿): the longest run of at most four characters before the hyphen that is a
    dictionary's person name, a run of transliteration characters, or 让; else ``s``."""
    if s - 2 < start or text[s - 1] not in _HYPHENS:
        return s
    ratios = _char_ratios()
    for length in range(min(4, s - 1 - start), 0, -1):
        piece = text[s - 1 - length:s - 1]
        if not _HAN_RUN.fullmatch(piece) or joined_name(piece):
            continue
        if (piece in _ONE_CHARACTER_GIVEN_NAMES or (dictionary_tag(piece) or "").startswith("nr")
                or length >= 2 and all(ratios.get(ch, -9) >= _CHAR_MIN for ch in piece)):
            return s - 1 - length
    return s


# IBM托马斯·沃森研究中心, 约翰·霍普金斯大学, 摩尔定律: a name that names a place, a prize or a law after a person
_NAMED_AFTER = re.compile(r"(?:研究中心|研究院|研究所|实验室|大学|学院|医院|基金会|中心|公司|集团|奖|定律|效应|方程|猜想)")


@cache
def _two_likely_characters() -> re.Pattern[str]:
    """Two transliteration characters in a row or joined by ``·``: a run without them holds only
    stretches (``_likely_runs``) of one character, which ``_foreign_shape`` refuses."""
    likely = "[" + "".join(re.escape(ch) for ch, ratio in sorted(_char_ratios().items()) if ratio >= _CHAR_MIN) + "]"
    return re.compile(f"{likely}[{_MIDDLE_DOTS}]?{likely}")


def _in_list(text: str, s: int, e: int) -> bool:
    """``雷朋、奥克利、奥利弗·皮普尔斯``: an item of an enumeration, which may list brands as well as people."""
    return text[s - 1:s] == "、" or text[e:e + 1] == "、"


def _likely_runs(piece: str, ratios: dict[str, float]) -> Iterator[tuple[int, int]]:
    """Maximal stretches of transliteration characters, ``·`` allowed between two of them."""
    i = 0
    while i < len(piece):
        if ratios.get(piece[i], -9) < _CHAR_MIN:
            i += 1
            continue
        if piece[i] in _NOT_FIRST and not (dictionary_tag(piece[i:i + 2]) or "").startswith("nr"):
            i += 1
            continue
        j = i
        while j < len(piece) and (ratios.get(piece[j], -9) >= _CHAR_MIN or (
                piece[j] in _MIDDLE_DOTS and j + 1 < len(piece) and ratios.get(piece[j + 1], -9) >= _CHAR_MIN)):
            j += 1
        yield i, j
        i = j + 1


def _foreign_shape(text: str, s: int, e: int) -> bool:
    """Three or more characters (two joined by ``·``) likelier in transliterations, no ordinary word."""
    name = text[s:e]
    joined = joined_name(name)
    chars = len(name) - sum(ch in _MIDDLE_DOTS for ch in name)
    if not (_MIN_CHARS <= chars <= _MAX_CHARS or joined and chars >= 2):
        return False
    if joined and any(len(part) == 1 for part in _DOT_SPLIT.split(name)):
        return False  # 索·卡隆 of 阿方索·卡隆: a one-character part is a name cut where the table ran out
    if name in lexicon.listed_names() or _EPONYM_AFTER.match(text, e) or _PLACE_AROUND.search(text[max(0, s - 2):s]):
        return False
    if name[0] == name[1]:
        return False  # 谢谢谢总: a word that doubles its character (谢谢) opens it, no transliteration does
    if name[-1] == name[0] and is_han_name(name[:-1]):
        return False  # 杜敏杜(总): a Chinese name, then its surname again with a form of address
    tag = dictionary_tag(name) or ""
    if in_dictionary(name) and not tag.startswith("nr"):
        return False
    return transliteration_score(name) >= _MEAN_MIN


# Marcus Lee, the CTO of Acme / Jane Doe, a professor at MIT: an English apposition giving a post
_POST_AFTER = re.compile(rf"\s?,\s(?:the\s|a\s|an\s|our\s|their\s)?(?:former\s|ex-)?{ENGLISH_TITLE}\b", re.I)


# I'm Ethan Brooks, my name is Rui Ma, my guest today is…; Shen Ruoxi, welcome: who speaks or is greeted
_INTRODUCED_BEFORE = re.compile(r"\b(?:I'm|I am|[Mm]y name is|[Mm]y guest(?: today)? is|[Ww]elcome,?|[Pp]lease welcome)\s?$")
_WELCOMED_AFTER = re.compile(r",\s?welcome\b|\s(?:joins us|is joining us)\b")


def _person_cue(text: str, s: int, e: int) -> bool:
    """A person's cue (``persons.has_person_cue``), an action only people take after the name, a
    role before it, or an English apposition giving a post after it."""
    while s > 0 and text[s - 1] == " ":  # a Latin name stands between spaces in Chinese text
        s -= 1
    while e < len(text) and text[e] == " ":
        e += 1
    return (has_person_cue(text, s, e) or bool(_ACTION_AFTER.match(text, e))
            or bool(_ROLE_BEFORE.search(text, max(0, s - 6), s)) or bool(_POST_AFTER.match(text, e))
            or bool(_ENGLISH_ROLE_BEFORE.search(text, max(0, s - 20), s))
            or bool(_INTRODUCED_BEFORE.search(text, max(0, s - 20), s)) or bool(_WELCOMED_AFTER.match(text, e)))


# ---- Latin-script person names

_LATIN_NAME = re.compile(first_not_after("[A-Z]", "A-Za-z0-9_.@/-") + r"[a-z]+(?:[A-Z][a-z]+)?(?: (?:[A-Z]\. )?"
                         r"(?:(?:de|van|von|da|di|Le|La|De|Van|Mc|O')\s?)?[A-Z][a-z]*[A-Z]?[a-z]+){1,2}(?![A-Za-z0-9_-]| ?[0-9])")
_LATIN_PLACE_AROUND = re.compile(r"(?:在|去|到|来自|位于|飞往|前往|抵达)$")
# last words of product, company and event names: Llama Guard, Epic Games, Google Cloud
_NOT_PERSON_WORDS = frozenset("""
AI Labs Lab Games Game Guard Cloud Studio Studios Inc Corp Group Capital Ventures Partners Fund Bank
Media News Times Post Journal Press Network Networks Systems System Technologies Technology Tech Robotics
Dynamics Motors Pictures Records Foundation Institute University College School Center Centre Research
Academy Store Shop Pay Maps Map Search Drive Docs Sheets Office Teams Chat Code Pro Max Plus Mini Ultra
Air Edge Vision Studio Engine Agent Assistant Copilot Model Models Bot Hub Kit Book Books Phone Pad Watch
Music Video Videos Photos Mail Home Health Play Prime One Two Three Lite Turbo Preview Beta Alpha Open
Talk Talks Show Podcast Radio Club Live Daily Weekly Hour Night Tonight
Source Day Week Summit Conference Awards Prize Street Valley City Bay Park Square Hall World Global
International National United States Kingdom Republic Union Airlines Air Energy Power Electric Health
Sonnet Opus Haiku Flash Nano Instruct Chat Vision Diffusion Transformer Learning Intelligence Machine
Machines Language Large Deep Reinforcement Neural Computer Computing Data Science Wall Street Silicon
Meta Google Microsoft Apple Amazon Tesla Nvidia Intel Facebook Twitter OpenAI Anthropic
""".split())
_NOT_PERSON_FIRST = frozenset("""
The A An This That These Those In On At For With From By Of And Or But If When While As To Is Are Was
Were Be Being Been Do Does Did Have Has Had Hello Hi Hey Thank Thanks Yes No Not So Then Now We You
They He She It I My Our Your His Her Their Its Mr Mrs Ms Dr Prof Sir Dear Welcome Good New Next Last
Today Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
May June July August September October November December Chapter Part Section Figure Table Apple
""".split())


def latin_person_names(text: str, start: int = 0, end: int | None = None) -> Iterator[Candidate]:
    """``Sam Altman``, ``Yann LeCun``: two or three capitalised words shaped like no product or
    company, with a person cue next to them, a gloss that says a person (``Yann LeCun（杨立昆）``,
    ``Geoffrey Hinton（深度学习之父）``), in brackets after a Chinese full name (``林卓然（Jason Lin）``),
    or listed with such a name (``Yann LeCun（杨立昆）、Yoshua
    Bengio``).  The pipeline's recurrence pass finds the names' other occurrences."""
    end = len(text) if end is None else end
    shaped = [(m.start(), *_after_title(m)) for m in _LATIN_NAME.finditer(text, start, end)]
    shaped = [(t, s, e) for t, s, e in shaped if _person_shape(text[s:e])]
    # a title before the name (Professor Wei Zhang) says a person as a cue does
    accepted = [t < s or _person_cue(text, s, e) or _person_gloss(text, e) or _glosses_a_name(text, s)
                for t, s, e in shaped]
    spans = [(s, e) for _, s, e in shaped]
    for k in range(len(shaped)):  # a name listed beside an accepted one, either way round
        for other in (k - 1, k + 1):
            if 0 <= other < len(shaped) and accepted[other] and not accepted[k] and _listed_beside(text, spans, k, other):
                accepted[k] = True
    for (s, e), ok in zip(spans, accepted):
        if ok:
            yield Candidate(s, e, Kind.PERSON)  # as sure as the product rule it overrides by priority


# an English title a name may follow, which is no part of it
_ENGLISH_TITLES = frozenset("Professor Doctor Dean President Chairman Director Senator Governor Minister Mayor "
                            "Judge Justice Ambassador Captain".split())


def _after_title(match: re.Match[str]) -> tuple[int, int]:
    """The name's span, without an English title it opens with when two words are left (Professor Wei Zhang)."""
    first, _, rest = match.group().partition(" ")
    if first in _ENGLISH_TITLES and " " in rest:
        return match.start() + len(first) + 1, match.end()
    return match.start(), match.end()


_GLOSS = re.compile(r"\s?[（(](?P<gloss>[^（）()\n]{2,16})[）)]")
_PERSON_GLOSS_END = re.compile(r"(?:之父|之母|教父|奠基人|先驱|创始人|联合创始人|得主|教授|博士|科学家|首席执行官|CEO)$")
_LIST_JOIN = re.compile(r"\s?(?:、|和|与|及|以及|，)\s?")


def _person_gloss(text: str, end: int) -> bool:
    """A bracketed gloss after the name that is a person's: a transliterated name or a title."""
    match = _GLOSS.match(text, end)
    if match is None:
        return False
    gloss = match["gloss"].strip()
    return bool(_PERSON_GLOSS_END.search(gloss) or gloss.endswith(lexicon.titles()) or is_han_name(gloss)
                or (_HAN_RUN.fullmatch(gloss) and transliteration_score(gloss) >= _MEAN_MIN))


_GLOSSED_NAME = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,3})\s?[（(]\s?$")


def _glosses_a_name(text: str, start: int) -> bool:
    """``林卓然（Jason Lin）``: the name stands in brackets right after a Chinese full name, its other name."""
    match = _GLOSSED_NAME.search(text, max(0, start - 6), start)
    return match is not None and is_han_name(match["name"]) and _GLOSS.match(text, match.end("name")) is not None


def _listed_beside(text: str, names: list[tuple[int, int]], k: int, other: int) -> bool:
    first, second = (names[k], names[other]) if k < other else (names[other], names[k])
    gap_start = first[1]
    gloss = _GLOSS.match(text, gap_start)
    if gloss is not None:
        gap_start = gloss.end()
    return _LIST_JOIN.fullmatch(text, gap_start, second[0]) is not None


def _person_shape(name: str) -> bool:
    words = name.split()
    if words[0] in _NOT_PERSON_FIRST or any(w in _NOT_PERSON_WORDS for w in words):
        return False
    if any(w in lexicon.not_names() for w in words) or name in lexicon.listed_names():
        return False
    return not any(w in lexicon.listed_names() for w in words)


# ---- as components

TRANSLITERATED = "persons.transliterated"  # the component's name, which its mentions carry as their source


def transliterated_persons(doc: Doc, paragraphs: Sequence[Paragraph]) -> Iterator[Candidate]:
    return in_paragraphs(transliterated_names, doc, paragraphs)


def latin_persons(doc: Doc, paragraphs: Sequence[Paragraph]) -> Iterator[Candidate]:
    yield from in_paragraphs(latin_person_names, doc, paragraphs)
    yield from _english_given_names(doc, paragraphs)


# 阿肯（Ken）, 许安然（Annie）: an English given name in brackets right after a person's name
_BRACKETED_GIVEN = re.compile(r"[（(]\s?(?P<name>[A-Z][a-z]{2,11})\s?[)）]")
# 产品经理Kevin, 同事 Lisa: a capitalised English given name alone, right after a title or a role
_GIVEN_ALONE = re.compile(rf"(?P<name>{first_not_after('[A-Z]', 'A-Za-z0-9_.@/&-')}[a-z]{{2,11}})(?![A-Za-z0-9_.@/&-]| [A-Za-z0-9])")
# 英文名叫Richard: the English name a person is said to go by
ENGLISH_NAME_SAID = re.compile(r"英文名字?(?:叫做?|是)?\s?(?P<name>[A-Z][a-z]{2,11})(?![A-Za-z0-9])")
# Kevin 郭一鸣: an English given name before a Chinese full name, a space between
_GIVEN_BEFORE_NAME = re.compile(rf"(?P<name>{first_not_after('[A-Z]', 'A-Za-z')}[a-z]{{2,11}}) (?P<after>[\u4e00-\u9fff]{{2,3}})")


def _opens_with_a_word(han: str) -> bool:
    """平台, 平台上: what follows begins with a word of the language, no name (郭一鸣)."""
    tag = dictionary_tag(han[:2])
    return tag is not None and not tag.startswith("nr")


def _given_name_shape(word: str) -> bool:
    return (word not in _NOT_PERSON_WORDS and word not in _NOT_PERSON_FIRST and word not in _ENGLISH_TITLES
            and word not in lexicon.not_names())


def _english_given_names(doc: Doc, paragraphs: Sequence[Paragraph]) -> Iterator[Candidate]:
    """The English name a speaker or a Chinese full name goes by, given beside it: the pipeline
    pairs the two (``aliases``) and finds its other occurrences (Ken 你…, Annie 跟我…)."""
    speakers = doc.speakers
    for para in paragraphs:
        for m in _BRACKETED_GIVEN.finditer(doc.text, para.start, para.end):
            end = m.start() - (doc.text[m.start() - 1:m.start()] == " ")
            named = any(before in speakers or is_han_name(before)
                        for before in (doc.text[max(para.start, end - k):end] for k in (4, 3, 2)))
            if named and _given_name_shape(m["name"]):
                yield Candidate(m.start("name"), m.end("name"), Kind.PERSON, para.turn_index)
        for m in _GIVEN_ALONE.finditer(doc.text, para.start, para.end):
            if (has_role_before(doc.text, m.start() - (doc.text[m.start() - 1:m.start()] == " "))
                    and _given_name_shape(m["name"]) and m["name"] not in lexicon.listed_names()):
                yield Candidate(m.start("name"), m.end("name"), Kind.PERSON, para.turn_index)
        for m in ENGLISH_NAME_SAID.finditer(doc.text, para.start, para.end):
            if _given_name_shape(m["name"]):
                yield Candidate(m.start("name"), m.end("name"), Kind.PERSON, para.turn_index)
        for m in _GIVEN_BEFORE_NAME.finditer(doc.text, para.start, para.end):
            after = m["after"]
            if (is_han_name(after) and not _opens_with_a_word(after) and _given_name_shape(m["name"])
                    and after not in lexicon.persons_by_name()):  # 特斯拉的Optimus 马斯克说: a known person's own names
                yield Candidate(m.start("name"), m.end("name"), Kind.PERSON, para.turn_index)


def in_paragraphs(find: Callable[[str, int, int], Iterator[Candidate]], doc: Doc,
                  paragraphs: Sequence[Paragraph]) -> Iterator[Candidate]:
    """``find`` in each paragraph, its names given the paragraph's turn."""
    for para in paragraphs:
        for c in find(doc.text, para.start, para.end):
            yield c._replace(turn_index=para.turn_index)
