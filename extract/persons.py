"""People: speakers, names next to titles or forms of address, and names the text supports.

No list of anyone's names: a Chinese name is a surname from the standard surname list followed by
one or two characters, and is taken only with support from the text (a title before it, a form of
address or a speech verb after it, a biography's opening, or recurrence in the document).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from talkgraph.ontology import lexicon

from .chinese_names import (CLAUSE_WORDS, FIRM_WORD, firm_word_after, address_runs_on, HAN_WORD, HONORIFIC, HONORIFICS, NOT_IN_NAME, SURNAME_FORMS, SURNAME_POSTS, is_han_name,
                            surname_of)
from .component import Candidate
from .doc import Doc, Paragraph
from .lookahead import led_by
from .model import Kind, SpeakerKind
from .readers.labels import NUMBERED_SPEAKER
from .places import place_names
from .readers.speakers import ROLE_LABELS
from .tokens import Token, dictionary_tag, in_dictionary, word_frequency

# the last characters of the forms of address: a set lookup rules out most words at once
_HONORIFIC_ENDINGS = frozenset(h[-1] for h in HONORIFICS + SURNAME_POSTS + SURNAME_FORMS)
_SPEECH_AFTER = re.compile(r"(?:(?:[也都还就又老总常爱]{1,2}|一直|经常|曾经)?(?:说|讲)|讲[过的了]|表示|认为|指出|提到|介绍|透露|坦言|强调|回答|回忆|谈到|主持|分享|发言|老师|教授|博士|"
                           r"先生|女士|院士|同学|总[，,。、\s的]|"
                           r"\s?[（(][^）)\n]{0,24}(?:创始人|合伙人|CEO|总裁|董事|主管|教授|"
                           r"科学家|负责人|作者|总经理|经理|主任|院长|校长|老师)|是(?:一个|一位|个)[^，,。！？!?]{0,8}的人|"
                           r"\s?[（(](?:英文名\s?)?[A-Z][a-z]{1,12}[)）])")  # 孟可（Kevin）: a name glossed by an English given name
# before a name: a cue word, a byline, or the speaker's own pronoun joined to the name (我和林某, 跟他和林某)
_RELATION_BEFORE = r"(?:嘉宾|主持人|同事|朋友|导师|学生|校友|老板|上司|师兄|师姐|师弟|师妹|室友|搭档|mentor)\s?(?:是|叫)?"
_CUE_BEFORE = re.compile(r"(?:我是|叫做?|名叫|就是|" + _RELATION_BEFORE + r"|邀请了?|采访了?|对话|专访|"
                         r"拜访了?|感谢|谢谢|作者[：:]\s?|记者\s?|编辑[：:]\s?|[我你他她][和跟与])$")
_ROLE_BEFORE = re.compile(_RELATION_BEFORE + "$")
_BIO_START = re.compile(r"(?:先生|女士)?(?:[（(][^）)]{1,12}[）)])?\s*[，,：:]\s*(?:男|女|中国|汉族|\d{4}\s*年|生于|出生|现任|曾任|历任|博士|硕士|学士|本科|教授|高级|研究员|工程师|研究生|中共|党员|大专|大学|汉族|籍贯|$)")
_BIO_NAME_END = re.compile(r"(?:先生|女士|出生|生于|[（(][^）)]{1,12}[）)][：:，,])")
# one-character words after which a new word begins (之 in 青年之某某, verbs taking a person)
_BEFORE_NAME = frozenset("之叫让请陪见爱找问喊向令派由据")
# "my name is", "name:": the words before a name that leave no doubt
_INTRODUCED = re.compile(r"(?:我叫|我的名字叫|名叫|叫做|本人|姓名[：:]\s*)$")
_AMBIGUOUS_SURNAMES = lexicon.characters("ambiguous_surnames")
_NOT_IN_INTRODUCED_NAME = frozenset("的了是在说讲等也都就还又把被给对我你他她它们这那个先女出生男姓名") | CLAUSE_WORDS
_MIN_RECURRENCE = 2
# how far before a name its cue may start: the longest cue (我的名字叫, 姓名： ) and a space
_INTRODUCED_REACH = 8
_CUE_REACH = 9  # 我的 mentor 是: the longest cue and a space
# dictionary frequencies: a word seen this often is a word, not a rare name
_FREQUENT = 50
_RARE = 20
_COMMON = 500
_FUNCTION_FREQ = 5000


Paragraphs = Sequence[Paragraph]
Tokens = Sequence[Token]


@lexicon.derived
def _surname_initials() -> frozenset[str]:
    """The first characters of the surnames: a word beginning otherwise begins no surname."""
    return frozenset(surname[0] for surname in lexicon.surnames())


def _surname_words(doc: Doc, para: Paragraph) -> list[int]:
    """The indices of the paragraph's words that begin with a surname, where the rules that start a
    name at a surname look (``surname_of`` holds for each); found once per paragraph and shared
    (``doc.shared``) by the three components that ask."""
    key = (_surname_words, para.start, para.end)
    found = doc.shared.get(key)
    if found is None:
        tokens = para.tokens
        found = doc.shared[key] = [i for i in para.starting_with(_surname_initials())
                                   if surname_of(tokens[i][0]) is not None]
    return found


def speaker_names(doc: Doc, paragraphs: Paragraphs) -> Iterator[Candidate]:
    """The transcript's speakers wherever the text names them; not a role's label (问, 主持人, 观众),
    which in the text (要问为什么, 各位观众) is a word or a group, not the one who spoke under it, nor an
    outlet that asks (晚点：…), which is an organisation wherever the text names it, nor a label no name
    stands behind (感谢南方都市报记者的提问: the outlet's reporter, no one's name)."""
    transcript = doc.transcript
    people = [n for n in transcript.speakers if n not in ROLE_LABELS
              and transcript.speaker_record(n).kind is SpeakerKind.PERSON]
    # the names they also speak under (Mia of Mia（苏米娅）：), which the others call them by
    aliases = [a for n in people for a in transcript.speaker_record(n).aliases if _alias_is_a_name(a)]
    names = sorted(dict.fromkeys(people + aliases), key=len, reverse=True)
    if not names:
        return
    alternatives = [_bounded(n) for n in names] + [a for a in (_addresses(doc),) if a]
    firsts = "".join(map(re.escape, sorted({n[0] for n in names})))  # an address opens as its speaker's name does
    pattern = led_by(f"[{firsts}]", "|".join(alternatives))
    for para in paragraphs:
        for match in pattern.finditer(doc.text, para.start, para.end):
            yield Candidate(match.start(), match.end(), Kind.PERSON, para.turn_index)


def _alias_is_a_name(alias: str) -> bool:
    """A label a speaker goes by that names them (Mia, 老K, 大北), not a role (A, Q, 嘉宾A, 说话人 2)."""
    if alias in ROLE_LABELS or NUMBERED_SPEAKER.match(alias) or alias in lexicon.not_names():
        return False
    return len(alias) >= 3 if alias.isascii() else len(alias) >= 2


def _addresses(doc: Doc) -> str | None:
    """The pattern of ``唐总``, ``郭老师`` for the one speaker of each surname: how the others speak of
    them, which the segmenter cuts many ways (唐|总|的, 郭总说); the address is written once."""
    by_surname: dict[str, list[str]] = {}
    for name in doc.transcript.speakers:
        surname = surname_of(name) if is_han_name(name) else None
        if surname and doc.transcript.speaker_record(name).kind is SpeakerKind.PERSON:
            by_surname.setdefault(surname, []).append(name)
    surnames = [re.escape(surname) for surname, named in sorted(by_surname.items()) if len(named) == 1]
    return "(?:" + "|".join(surnames) + ")" + _SPEAKER_ADDRESS if surnames else None


# 总 not opening another word (总监, 总裁, 总结, 总部, 总之, 总体, 总共): a form of address
_SPEAKER_ADDRESS = r"(?:总(?![监裁结部之体共统额量数计和值理经])|老师|博士|教授)"


def _bounded(name: str) -> str:
    body = re.escape(name)
    return rf"(?<![A-Za-z]){body}(?![A-Za-z])" if name.isascii() else body


# 苏蔓苏老师, 林知远林总: a full name, then its surname again with a form of address (an introduction's way)
_NAME_THEN_ADDRESS = re.compile(r"(?P<surname>[\u4e00-\u9fff])(?P<given>[\u4e00-\u9fff]{1,2}?)(?P=surname)"
                                r"(?=(?:" + "|".join(HONORIFICS + SURNAME_POSTS) + "))")


def _surname_and_form(word: str) -> bool:
    """``贺工``: a surname and a form said after the surname alone, one word the dictionary does not hold."""
    return word[-1:] in SURNAME_FORMS and word[:-1] in lexicon.surnames() and not in_dictionary(word)


def _names_then_addresses(doc: Doc, para: Paragraph) -> list[tuple[int, int]]:
    """Where a full name ends and its form of address begins, as ``(name start, name end)``."""
    text = doc.text
    return [(m.start(), m.end() - 1) for m in _NAME_THEN_ADDRESS.finditer(text, para.start, para.end)
            if m["surname"] in lexicon.surnames() and is_han_name(text[m.start():m.end() - 1])]


def addressed_names(doc: Doc, paragraphs: Paragraphs) -> Iterator[Candidate]:
    """``田老师``, ``田奇老师``, ``海龙总``: a name (or surname) with a form of address; ``苏蔓苏老师``
    is the name 苏蔓, then the form of address 苏老师."""
    speakers = doc.speakers
    for para in paragraphs:
        tokens = para.tokens
        repeated = _names_then_addresses(doc, para) if para.end - para.start > 3 else []
        for start, end in repeated:
            yield Candidate(start, end, Kind.PERSON, para.turn_index)
        for i in para.ending_with(_HONORIFIC_ENDINGS):  # other words are neither a form of address nor glued to one
            word, s, e = tokens[i]
            named_end = next((end for _, end in repeated if end <= s <= end + 1), None)
            if named_end is not None:  # the form of address alone: its surname, after the full name
                yield Candidate(named_end, e, Kind.PERSON, para.turn_index)
                continue
            if _surname_and_form(word):
                yield Candidate(s, e, Kind.PERSON, para.turn_index)
                continue
            glued = _glued_address(word, speakers)
            if glued:
                yield Candidate(_glued_name_start(tokens, i), e, Kind.PERSON, para.turn_index)
                continue
            before = tokens[i - 1].word if i > 0 else ""
            # 辛|部长, 许副|市长; not 宣传司|司长, 处|处长: the unit's last character before its head's post
            if word in SURNAME_POSTS and before[-1:] != word[0] and (
                    before in lexicon.surnames() or before.endswith("副") and before[:-1] in lexicon.surnames()
                    and "副" + word in SURNAME_POSTS):
                yield Candidate(tokens[i - 1].start, e, Kind.PERSON, para.turn_index)
                continue
            if word not in HONORIFICS or i == 0:
                continue
            if word == "总" and i + 1 < len(tokens) and tokens[i + 1][0] in ("的", "体", "结", "之", "共", "部"):
                continue
            if i + 1 < len(tokens) and tokens[i + 1][0].startswith(_FIRM_WORDS):
                continue  # 金杜|律师|事务所: the firm's name, no one addressed
            name_start = _name_before(tokens, i, speakers)
            if name_start is not None:
                yield Candidate(name_start, e, Kind.PERSON, para.turn_index)


def _glued_address(word: str, speakers: frozenset[str]) -> bool:
    """``赵老师`` cut as one (rare or unknown) word by the segmenter: a surname or name and a form of address."""
    if word_frequency(word) >= _FREQUENT:
        return False
    match = HONORIFIC.search(word)
    if not match or match.start() == 0:
        return False
    base = word[:match.start()]
    if match.group() == "总" or match.group() in SURNAME_POSTS:
        # 周总, 辛部长 cut as one unknown word: a surname and 总 or a post, never 总体 or 主任部长
        return base in lexicon.surnames() and word_frequency(word) == 0
    return base in lexicon.surnames() or base in speakers or is_han_name(base) and not _is_common_word(base)


def _glued_name_start(tokens: Tokens, i: int) -> int:
    """``刘孟|林先生``, ``卢|林先生``: the segmenter glued a name's last character to the form of
    address and left the name's first characters before it; the name starts there."""
    word, start, _ = tokens[i]
    if i == 0:
        return start
    prev, prev_start, _ = tokens[i - 1]
    base = word[:HONORIFIC.search(word).start()]
    if (len(base) == 1 and len(prev) <= 2 and prev[0] in lexicon.surnames() and not NOT_IN_NAME.intersection(prev)
            and is_han_name(prev + base) and not (len(prev) == 2 and (_is_common_word(prev) or word_frequency(prev) >= _FREQUENT))):
        return prev_start
    return start


_FIRM_WORDS = ("事务所", "协会", "学会", "工作室", "集团")  # after 律师, 医生: a firm's or body's name
# 哈, 啊, 呀: a particle the segmenter may glue to the surname after it (不太同意哈|宋老师 cut 哈宋|老师), as it
# may a preposition that is also a surname (我们向林总汇报 cut 向林|总)
_PARTICLES = frozenset("哈啊呀嘛啦吧呢哦嗯噢哟诶欸")


def _name_before(tokens: Tokens, i: int, speakers: frozenset[str]) -> int | None:
    prev, ps, pe = tokens[i - 1]
    if len(prev) == 2 and prev[1] in lexicon.surnames() and (
            prev[0] in _PARTICLES or prev[0] in _AMBIGUOUS_SURNAMES and any(surname_of(s) == prev[1] for s in speakers)):
        return ps + 1  # 哈|宋老师; 向林|总 where 林子墨 speaks: 向 is the preposition
    if i >= 2 and tokens[i - 2][0] + prev in speakers:
        return tokens[i - 2][1]  # 韩|立新|教授: the speaker's whole name, not the given name alone
    if prev in speakers or any(n.endswith(prev) and len(prev) >= 2 for n in speakers):
        return ps
    if prev in lexicon.surnames():
        return ps
    if i >= 2 and len(prev) == 1 and prev not in NOT_IN_NAME and is_han_name(tokens[i - 2][0] + prev):
        return tokens[i - 2][1]
    if (i >= 2 and len(prev) == 2 and tokens[i - 2][0] in lexicon.surnames() and is_han_name(tokens[i - 2][0] + prev)
            and _given_name_word(prev) and _word_start(tokens, i - 2)):
        return tokens[i - 2][1]
    if is_han_name(prev) and not _is_common_word(prev):
        return ps
    return None


def titled_names(doc: Doc, paragraphs: Paragraphs) -> Iterator[Candidate]:
    """``首席科学家田奇``, ``创始人袁进辉``: a name right after a job title, or after it and 是 (``创始人是孟凡``)."""
    titles = set(lexicon.titles())
    endings = tuple(titles)
    last_chars = frozenset(title[-1] for title in titles)  # a cheap test before the two exact ones
    for para in paragraphs:
        tokens = para.tokens
        for i in para.ending_with(last_chars):
            if i == len(tokens) - 1:
                break  # the last word: no name after it
            word = tokens[i][0]
            if word not in titles and not (len(word) <= 6 and word.endswith(endings)):
                continue
            after = i + 2 if tokens[i + 1][0] == " " and word.isascii() and i + 2 < len(tokens) else i + 1
            span = _name_at(tokens, after)  # CEO 林可可: a space after a Latin title
            if span is None and tokens[after][0] == "是" and after + 1 < len(tokens):
                span = _name_at(tokens, after + 1, strict=True)  # 创始人是孟凡: who holds the title, said with 是
            if span:
                yield Candidate(span[0], span[1], Kind.PERSON, para.turn_index)


def _word_start(tokens: Tokens, i: int) -> bool:
    """Token ``i`` cannot continue the word before it: text start, punctuation or a function word."""
    if i == 0:
        return True
    prev = tokens[i - 1][0]
    return not HAN_WORD.fullmatch(prev) or prev in NOT_IN_NAME or prev in _BEFORE_NAME or len(prev) >= 2


def _name_at(tokens: Tokens, i: int, strict: bool = False) -> tuple[int, int] | None:
    """A Chinese name starting at token ``i``: one token, or a token and the character after it.

    ``strict`` (no other cue for a name here) refuses any dictionary word, whatever jieba's tag:
    its dictionary tags 谢谢 and 安全性 as names.
    """
    word, s, e = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if (nxt and len(word) == 2 and len(nxt[0]) == 2 and nxt[0][1] in NOT_IN_NAME and nxt[0][0] not in NOT_IN_NAME
            and (not in_dictionary(nxt[0]) or _split_from_the_next(tokens, i + 1))
            and is_han_name(word + nxt[0][0]) and not _is_common_word(word, strict)):
        return s, nxt[1] + 1  # 陈立|东到, 王思|远去|年: the segmenter glued the name's last character to the word after
    if nxt and len(nxt[0]) == 1 and nxt[0] not in NOT_IN_NAME and is_han_name(word + nxt[0]) \
            and not _numeral_opens_a_phrase(tokens, i + 1):
        if (len(word) == 2 and not _is_common_word(word, strict)) or word in lexicon.surnames():
            return s, nxt[2]
        if not strict and len(word) == 2 and (word_frequency(word) < _COMMON and plausible_name(word + nxt[0])
                                              or word_frequency(word) < _HARDLY_SAID):
            return s, nxt[2]  # 负责人魏国|安, 董事长陆景|行: after a title, a rare word the segmenter made of the name's first two characters
    if nxt and word in lexicon.surnames() and len(nxt[0]) <= 2 and is_han_name(word + nxt[0]):
        # 专家向媒体表示: a surname that is also a preposition or an everyday word, then a common word
        if not ((strict or word in _AMBIGUOUS_SURNAMES) and _is_common_word(nxt[0], strict)
                and (strict or word_frequency(nxt[0]) >= _HARDLY_SAID)):  # 负责人林|沐川: 沐川 a county hardly said
            return s, nxt[2]
    if is_han_name(word) and not _is_common_word(word, strict):
        return s, e
    return None


_HARDLY_SAID = 10  # a word this rare (陆景) is no reason to doubt the name it starts after a title


def _split_from_the_next(tokens: Tokens, i: int) -> bool:
    """远去|年: token ``i``'s second character and the word after it make a frequent word (去年), which
    the segmenter split to make ``i`` a word of its own."""
    if i + 1 >= len(tokens):
        return False
    joined = tokens[i][0][1] + tokens[i + 1][0]
    return word_frequency(joined) >= _FUNCTION_FREQ and word_frequency(joined) > word_frequency(tokens[i][0])


def _numeral_opens_a_phrase(tokens: Tokens, i: int) -> bool:
    """何静|一|开始, 王磊|一|直在: a numeral the segmenter left alone before a verb or an adverb opens
    the phrase after it (一开始, 一直), no given name's last character."""
    return (i + 1 < len(tokens) and (dictionary_tag(tokens[i][0]) or "").startswith("m")
            and (dictionary_tag(tokens[i + 1][0]) or "").startswith(("v", "d")))


def supported_names(doc: Doc, paragraphs: Paragraphs) -> Iterator[Candidate]:
    """Names the segmenter does not know, starting with a surname, that the text supports."""
    text = doc.text
    candidates: list[tuple[int, int, int | None]] = []
    for para in paragraphs:
        tokens = para.tokens
        for i in _surname_words(doc, para):
            span = _name_at(tokens, i, strict=True) or _cued_loose_name(text, tokens, i)
            if span is None:
                continue
            name = text[span[0]:span[1]]
            if name[1:2] == "某":  # 李某诉刘某案: an anonymised name is the surname and 某 (or 某某), nothing after
                span = (span[0], span[0] + (3 if name[2:3] == "某" else 2))
                name = text[span[0]:span[1]]
            if (_is_common_word(name, strict=True) or name in lexicon.not_names() or _given_part_is_function_word(name)
                    or name[1] == name[0] or name[-1] == name[0] or address_runs_on(name)  # 常常想: a doubled
                    # character; 马骏马|总: the name, then its surname again with a form of address
                    or name[-1] in _NOUN_ENDINGS and len(name) > 2):
                continue
            if _NUMBER_ENDS.search(text, max(0, span[0] - 2), span[0]):
                continue  # 1.2吉瓦时, 五个吉瓦时: what a number measures or counts, whatever its first character
            if _GREETED.match(text, span[1] - 1) and span[1] - span[0] > 2:
                continue  # 阿杰好，各位听众晚上好: a greeting of 阿杰, no name ending in 好
            if firm_word_after(span[1], tokens) or FIRM_WORD.fullmatch(name[len(surname_of(name) or name[0]):]):
                continue  # 李群自动化, 罗勇工厂: a firm's or a works' name; 禾|丰数科: a firm's trade after a surname
            candidates.append((span[0], span[1], para.turn_index))
    counts = Counter(text[s:e] for s, e, _ in candidates)
    cued = {text[s:e] for s, e, _ in candidates if has_person_cue(text, s, e) or _HEAD_POST_AFTER.match(text, e)}
    for s, e, turn in candidates:
        name = text[s:e]
        if name in cued or counts[name] >= _MIN_RECURRENCE and not _short_name(name):
            yield Candidate(s, e, Kind.PERSON, turn)


# 陈述人, 车规级, 程序员: a word made with a noun's ending, which given names do not end with
_NOUN_ENDINGS = frozenset("人者员级性化型式率制")
_GREETED = re.compile(r"好[，,！!。～~]")
_NUMBER_ENDS = re.compile(r"(?:\d|[一二三四五六七八九十百千万亿两]|[一二三四五六七八九十两几]个)$")


def _cued_loose_name(text: str, tokens: Tokens, i: int) -> tuple[int, int] | None:
    """A full name the segmenter cut into a surname and a dictionary word (李|大海, 李广|密), taken
    only with a speech verb or a bracketed role right after it (``李大海讲的``, ``李广密（某某创始人）``):
    a cue before it would not say where the name ends."""
    if not any(_loose_name_cue(text, end) for _, _, end in tokens[i:i + 3]):
        return None  # no end a loose name may have (as ``loose_names_at`` reads them) has the cue after it
    if len(tokens[i].word) > 1 and _is_common_word(tokens[i].word):
        return None  # 支持|唐总: a word of the language that begins with a surname's character
    for span in loose_names_at(tokens, i):
        name = text[span[0]:span[1]]
        if (not _short_name(name) and not in_dictionary(name) and not _given_part_is_common_noun(name)
                and _loose_name_cue(text, span[1])):
            return span
    return None


def _loose_name_cue(text: str, end: int) -> bool:
    """A speech verb or a form of address after a surname and a word, or the head's post one calls
    them by (``潘明远董事长是怎么…``; after a name of no surname, 阿森纳主席 is a club's chairman, so this
    post is a cue for names that begin with a surname alone)."""
    return bool(_SPEECH_AFTER.match(text, end) or _HEAD_POST_AFTER.match(text, end))


_HEAD_POST_AFTER = re.compile(r"(?:董事长|总经理|副?总裁|首席执行官|院长|校长|所长|局长|部长|厂长|会长|理事长|行长|社长|主编|"
                              r"总监|主席)(?=[是说讲也都还就在跟对曾已])")  # a verb going on: 海兰信董事长、… lists a firm's posts


def _given_part_is_common_noun(name: str) -> bool:
    """向|记者, 母|狮子, 曾|暗示: what follows the surname is an everyday word of the dictionary, not
    tagged as a proper name (大海 is a place's), so a speech verb after it says who spoke, not a name.
    A head's post (李|厂长, 王|局长) is how a person is addressed, and stays."""
    rest = name[len(surname_of(name) or ""):]
    tag = dictionary_tag(rest) or ""
    return (word_frequency(rest) >= _COMMON and not tag.startswith(("nr", "ns", "nt", "nz"))
            and not rest.endswith("长"))


def _short_name(name: str) -> bool:
    """A surname and one character (林伟, and also 闭源, 安卓, 钱多): so many everyday words share this
    shape that recurrence is support only for a frequent surname that is no everyday character and
    a character common in given names (陈立); any other needs a cue at one of its occurrences."""
    surname = surname_of(name)
    if surname is None or len(name) - len(surname) != 1:
        return False
    return not (surname in lexicon.frequent_surnames() and surname not in _AMBIGUOUS_SURNAMES
                and plausible_name(name))


_POST_OPENERS = lexicon.words("title_prefixes") - {"总"}  # 王总 is a form of address, read as one elsewhere


def _given_part_is_function_word(name: str) -> bool:
    """钱多, 干啥, 平替: the character after the surname is a frequent word of a closed class
    (numeral, pronoun, preposition, adverb, particle), which given names do not use; so is a
    two-character given part that is such a word (管|别人, 向|大家), or the word a post opens with (钱副市长)."""
    surname = surname_of(name) or ""
    rest = name[len(surname):]
    if rest in _POST_OPENERS:
        return True  # 钱副|市长, 王常务: the surname and the word a post opens with, as one calls a deputy
    tag = dictionary_tag(rest) or ""
    freq = word_frequency(rest)
    if len(rest) > 1 and freq >= _FUNCTION_FREQ and not tag.startswith("nr"):
        return True  # 向|大家: an everyday word this frequent is no given name
    least = _FUNCTION_FREQ if len(rest) == 1 else _COMMON
    return freq >= least and tag.startswith(("m", "r", "p", "d", "u", "c", "q", "y"))


def introduced_names(doc: Doc, paragraphs: Paragraphs) -> Iterator[Candidate]:
    """A name the text introduces beyond doubt, even if its characters also spell a common word.

    ``我叫吴重阳``, ``姓名：吴重阳``, and a biography's opening ``吴重阳，男，……``: the segmenter may
    cut such a name into a surname and a dictionary word (吴 / 重阳), which the other rules refuse.
    """
    text = doc.text
    for para in paragraphs:
        tokens = para.tokens
        for i in _surname_words(doc, para):
            s = tokens[i][1]
            # every span here starts at s: a strong cue needs an introduction before it or a line's start
            if _line_start(text, s):
                if not (_word_start(tokens, i) or _introduced_before(text, s)):
                    continue
            elif not _introduced_before(text, s):
                continue
            for span in loose_names_at(tokens, i):
                if _strong_cue(text, *span):
                    yield Candidate(span[0], span[1], Kind.PERSON, para.turn_index)
                    break


def loose_names_at(tokens: Tokens, i: int) -> Iterator[tuple[int, int]]:
    """Name-shaped spans starting at token ``i``, longest first, whatever the dictionary says."""
    word, s, _ = tokens[i]
    spans = []
    end_chars = ""
    for j in range(i, min(i + 3, len(tokens))):
        end_chars += tokens[j][0]
        if len(end_chars) > 4:
            break
        if _loose_shape(end_chars):
            spans.append((s, tokens[j][2]))
    return reversed(spans)


def _loose_shape(name: str) -> bool:
    surname = surname_of(name)
    return (surname is not None and 1 <= len(name) - len(surname) <= 2 and HAN_WORD.fullmatch(name) is not None
            and not set(name[len(surname):]) & _NOT_IN_INTRODUCED_NAME)


def _introduced_before(text: str, start: int) -> bool:
    """``我叫``, ``姓名：`` right before ``start`` (within the longest such cue)."""
    return _INTRODUCED.search(text, max(0, start - _INTRODUCED_REACH), start) is not None


def _strong_cue(text: str, start: int, end: int) -> bool:
    if _introduced_before(text, start):
        return True
    return _line_start(text, start) and bool(_BIO_START.match(text, end) or _BIO_NAME_END.match(text, end))


def _line_start(text: str, start: int) -> bool:
    return start == 0 or text[start - 1] in "\n。！？；"


_QUOTED = re.compile(r"[“「『\"]([\u3400-\u9fff]{2,4})[”」』\"]")


def quoted_names(doc: Doc, paragraphs: Paragraphs) -> Iterator[Candidate]:
    """``“李某某”``: a quoted word that is nothing but a plausible name, and no dictionary word."""
    for para in paragraphs:
        for match in _QUOTED.finditer(doc.text, para.start, para.end):
            name = match.group(1)
            if plausible_name(name) and not in_dictionary(name) and name not in lexicon.not_names():
                yield Candidate(match.start(1), match.end(1), Kind.PERSON, para.turn_index)


def unknown_word_names(doc: Doc, paragraphs: Paragraphs) -> Iterator[Candidate]:
    """A word the segmenter had to guess (not in its dictionary) shaped like a name.

    ``李小鹏``: a surname and one or two characters common in given names, found as one unknown
    word; rare dictionary names (tagged ``nr``, seldom seen) count as well.
    """
    text = doc.text
    found: list[Candidate] = []
    for para in paragraphs:
        tokens = para.tokens
        for i in _surname_words(doc, para):
            word, s, e = tokens[i]
            if len(word) < 2 or not plausible_name(word) or not _word_start(tokens, i):
                continue  # the shape first: most words that begin with a surname are no name
            nxt = tokens[i + 1][0] if i + 1 < len(tokens) else ""
            if (HAN_WORD.match(nxt) and nxt[0] not in NOT_IN_NAME and not _SPEECH_AFTER.match(nxt)
                    and (len(nxt) == 1 or not in_dictionary(nxt))):
                continue  # the name may go on (哈利波|特): the segmenter's cut is not to be trusted here
            freq = word_frequency(word)
            tag = dictionary_tag(word) or ""
            if freq and not (tag.startswith("nr") and freq < _RARE):
                continue
            if i + 1 < len(tokens) and FIRM_WORD.match(tokens[i + 1][0]):
                continue  # 某某酒店, 某某集团: the name of a firm
            if i > 0 and tokens[i - 1][0] in place_names():
                continue  # 泰国|罗勇的工厂, 匈牙利|德布勒森: a place inside the one named before it
            if (word not in lexicon.not_names() and surname_of(word) not in _AMBIGUOUS_SURNAMES
                    and not _given_part_is_function_word(word) and word[-1] not in _PLACE_ENDINGS
                    and not in_work_title(text, s, e)):
                found.append(Candidate(s, e, Kind.PERSON, para.turn_index))
    cued = {text[c.start:c.end] for c in found if has_person_cue(text, c.start, c.end)}
    yield from (c for c in found if not _short_name(text[c.start:c.end]) or text[c.start:c.end] in cued)


# last characters of roads, streets and villages named like people (黄兴路, 穆阳镇, 杨家村)
_PLACE_ENDINGS = frozenset("路街巷镇乡村")
_TITLE_REACH = 30  # characters between 《 and 》 at most


def in_work_title(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` lies inside 《…》: a word of a book's, film's or programme's title
    (《朱诺》, 《哈利·波特与魔法石》), which names the work, not a person."""
    opened = text.rfind("《", max(0, start - _TITLE_REACH), start)
    if opened < 0 or text.find("》", opened, start) >= 0:
        return False
    closed = text.find("》", end, end + _TITLE_REACH)
    return closed >= 0 and text.find("《", end, closed) < 0


def plausible_name(name: str) -> bool:
    """A surname and one or two characters that are all frequent in given names."""
    surname = surname_of(name)
    return (surname is not None and is_han_name(name)
            and all(c in lexicon.given_name_chars() for c in name[len(surname):]))


def _given_name_word(word: str) -> bool:
    """A two-character word that may be a given name after a surname and before a form of address
    (建华, 立新): not a frequent word, unless the dictionary knows it as a name."""
    freq = word_frequency(word)
    tag = dictionary_tag(word) or ""
    return freq < _COMMON and not tag.startswith(("u", "p", "c", "r", "m", "q")) or tag.startswith("nr")


def has_role_before(text: str, start: int) -> bool:
    """A job title or a person's role to someone right before a name (``产品经理``, ``同事``,
    ``嘉宾是``): what only a person is (things too are ``叫`` something)."""
    before = text[max(0, start - _CUE_REACH):start]
    return before.endswith(lexicon.titles()) or bool(_ROLE_BEFORE.search(before))


def has_person_cue(text: str, start: int, end: int) -> bool:
    """A cue word or title right before the name, a speech verb or form of address after it, or
    the opening of a biography."""
    before = text[max(0, start - _CUE_REACH):start]
    if _CUE_BEFORE.search(before) or before.endswith(lexicon.titles()):
        return True
    if _SPEECH_AFTER.match(text, end):
        return True
    return _line_start(text, start) and bool(_BIO_START.match(text, end))


def _is_common_word(word: str, strict: bool = False) -> bool:
    """A dictionary word that is not tagged as a person's name (``和田``, ``高校``, ``程序``)."""
    if not in_dictionary(word):
        return False
    tag = dictionary_tag(word)
    return strict or tag is None or not tag.startswith("nr")
