"""A name accepted once is found at all its occurrences: one pass over the document after the merge.

The rules accept a name where the text supports it (a title, a speech verb, a bracketed role); the
same string elsewhere in the transcript is the same name, even where nothing next to it says so.
An occurrence counts only where it stands as a word: a Chinese name must begin and end where the
segmenter cut words (林伟 is not inside 林伟明), a Latin one must not touch other letters or digits.
A person is found by less than the full name too, where only they can be meant: a part of the name
(``Sam`` of ``Sam Altman``, the speaker ``Jensen Huang``'s ``Jensen``, the two-character given name
``立军`` of ``陈立军`` when it is no common word) or 老/小 and the surname (``老周``) that no other
person of the text shares; the model's guess at such a span (立军 as an organisation) gives way.
A company is found by its brand alone (``澜海`` of ``澜海生物``, ``迈瑞`` of ``迈瑞医疗``) when the brand
is no word of the language; the model's guess at it (迈瑞 as a person) gives way too.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable, Iterator, Sequence

from .brand_context import everyday_words
from .chinese_names import HAN_WORD, firm_word_after, is_han_name, strip_honorific, surname_of
from .doc import Doc, Paragraph
from .masking import touches_mask
from .mention_model import SOURCE as MODEL_SOURCE
from .model import Kind, Mention, SpeakerKind
from .organizations import INDUSTRY_SUFFIXES
from .products import LICENCE_AFTER
from .foreign_names import TRANSLITERATED
from .resolve import COMPANY_REFERENCES, FAMILIAR_PREFIXES, FAMILIAR_SUFFIXES, is_person_reference, name_span
from .tokens import dictionary_tag, in_dictionary

_MIN_CHARS = 2


def every_occurrence(doc: Doc, mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    """``mentions`` and, for each name among them, its other occurrences that no mention covers yet."""
    mentions = [_without_run_on_verb(doc, m) for m in mentions]
    full_names = {m.text for m in mentions if m.kind is Kind.PERSON and len(m.text) == 3 and is_han_name(m.text)
                  and m.source != MODEL_SOURCE}
    mentions = [_as_known_name(doc, m, full_names) for m in mentions]
    names: dict[str, Mention] = {}
    for m in mentions:
        span = name_span(m)  # a person's name without its form of address: 田奇老师 → 田奇
        if span is None or m.kind is Kind.PERSON and is_person_reference(m.text):
            continue
        name = doc.text[span[0]:span[1]]
        # 苹果 the brand once is no reason elsewhere; 公司 refers to a company, no name of one
        if len(name) >= _MIN_CHARS and name not in everyday_words() and name not in COMPANY_REFERENCES:
            names.setdefault(name, m)
    speaking = _speaking_people(doc)
    brands = _brands(mentions)
    found_parts = _name_parts(mentions, speaking) | _familiar_forms(mentions, speaking) | brands | _label_given_names(doc)
    for part, full in found_parts.items():
        if part not in names or names[part].source == MODEL_SOURCE:
            names[part] = full
    if not names:
        return tuple(mentions)
    finder = NameFinder(names)
    parts_of_names = {n for n, m in names.items() if m.kind is Kind.PERSON and len(n) < len(m.text)}
    taken = sorted((m.start, m.end) for m in mentions)
    starts = [s for s, _ in taken]
    # the model's guess at a span that is a person's given name (立军 tagged an organisation), or a
    # company's brand (迈瑞 tagged a person), yields
    modelled = {(m.start, m.end): m for m in mentions if m.source == MODEL_SOURCE}
    modelled_from = {m.start: m for m in modelled.values()}
    added, replaced = [], set()
    for para in doc.paragraphs:
        for s, name in finder.finditer(doc.text, para.start, para.end):
            e = s + len(name)
            guess = modelled.get((s, e))
            if name in brands and _BRAND_GOES_ON.match(doc.text, e):  # 芯澜国际 is another company than 芯澜科技
                continue
            cut_short = modelled_from.get(s)
            if cut_short is not None and cut_short.end < e and cut_short.kind is names[name].kind \
                    and not _cut(para, cut_short.end) and _cut(para, e):
                guess = cut_short  # 米歇尔·勒菲|弗正好: the model's guess stops inside the name's last word
            yields = guess is not None and (name in parts_of_names and guess.kind is not Kind.PERSON or name in brands
                                            or guess is cut_short)
            if yields and _cut(para, s) and _cut(para, e):
                replaced.add(guess)
            elif _covered(taken, starts, s, e) or touches_mask(doc.masks, s, e):
                continue
            if name.isascii():
                if not _latin_word(doc.text, s, e) or name in parts_of_names and _NEXT_NAME_WORD.match(doc.text, e):
                    continue
                if LICENCE_AFTER.match(doc.text, e):
                    continue  # MIT 协议: the licence, wherever else MIT is the institute
            elif not (_cut(para, s) and _cut(para, e)):
                continue
            first = names[name]
            if first.kind is Kind.PERSON and firm_word_after(e, para.tokens):
                continue  # 可汗学院, 王记酒店: the name of a firm or a school, whoever else bears it
            added.append(Mention(s, e, name, first.kind, first.source, para.turn_index, first.canonical, first.score))
    kept = (m for m in mentions if m not in replaced)
    return tuple(sorted((*kept, *added), key=lambda m: (m.start, m.end)))


def _as_known_name(doc: Doc, m: Mention, full_names: set[str]) -> Mention:
    """A two-character person that the text goes on into a full name found elsewhere (何立|群比: the
    合伙人何立群 of a later sentence) is that name."""
    if m.kind is not Kind.PERSON or len(m.text) != 2:
        return m
    whole = m.text + doc.text[m.end:m.end + 1]
    return dataclasses.replace(m, end=m.end + 1, text=whole) if whole in full_names else m


_VERB_TAGS = ("v", "vn")
_GUESSED_NAME_SOURCES = frozenset({MODEL_SOURCE, "persons.surname", "persons.unknown"})


def _without_run_on_verb(doc: Doc, m: Mention) -> Mention:
    """A three-character person found by the model or a surname rule whose last character is a verb
    (吴迪管技术, 孟醒聊了) is the two-character name, when the text has that name standing without the
    verb elsewhere (吴迪，…)."""
    if m.source not in _GUESSED_NAME_SOURCES or m.kind is not Kind.PERSON or len(m.text) != 3 \
            or not HAN_WORD.fullmatch(m.text):
        return m
    name, verb = m.text[:2], m.text[2]
    if not is_han_name(name) or not (dictionary_tag(verb) or "").startswith(_VERB_TAGS):
        return m
    elsewhere = (at for at in _occurrences(doc.text, name) if at != m.start)
    if any(doc.text[at + 2:at + 3] != verb for at in elsewhere):
        return dataclasses.replace(m, end=m.end - 1, text=name)
    return m


def _occurrences(text: str, word: str) -> Iterator[int]:
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


# Sam of Sam Altman, 奥特曼 of 山姆·奥特曼: a given or family name alone, where no other person has it
_MIDDLE_DOT = re.compile(r"[·•・]")
_LATIN_PART = re.compile(r"[A-Z][a-z'\-]{2,}")
_NEXT_NAME_WORD = re.compile(r" [A-Z]")  # Sam Smith is another person, not Sam of Sam Altman


def _name_parts(mentions: Sequence[Mention], speakers: Sequence[Mention]) -> dict[str, Mention]:
    """The parts of the full names of the people (named in the text or speaking) that only one of
    them has, each to a mention of that person: a Latin part is a capitalised word of three letters
    or more, a Chinese one two characters or more between middle dots."""
    owners: dict[str, set[str]] = {}
    first: dict[str, Mention] = {}
    for m in (*mentions, *speakers):
        if m.kind is Kind.PERSON:
            for part in _parts(m.text):
                owners.setdefault(part, set()).add(m.canonical or m.text)
                first.setdefault(part, m)
    return {part: first[part] for part, people in owners.items() if len(people) == 1}


def _familiar_forms(mentions: Sequence[Mention], speakers: Sequence[Mention]) -> dict[str, Mention]:
    """老周 and 小周 for the one person of the text surnamed 周, and 凡哥 for the one whose given name ends
    so (a Chinese full name: not a foreign one written in Chinese, 马斯克, whose first character is no surname)."""
    by_surname: dict[str, dict[str, Mention]] = {}
    for m in (*mentions, *speakers):
        chinese = m.kind is Kind.PERSON and is_han_name(m.text) and not _foreign(m)
        surname = surname_of(m.text) if chinese else None
        if surname is not None and len(surname) == 1:
            by_surname.setdefault(surname, {}).setdefault(m.text, m)
    forms = {prefix + surname: next(iter(people.values())) for surname, people in by_surname.items()
             if len(people) == 1 for prefix in FAMILIAR_PREFIXES}
    # 凡哥 for 孟凡, 晚秋姐 for 林晚秋: the given name (or its last character) and 哥 or 姐, when one person has it
    by_given: dict[str, dict[str, Mention]] = {}
    for people in by_surname.values():
        for name, m in people.items():
            given = name[1:]
            for part in dict.fromkeys((given, given[-1])):
                for suffix in FAMILIAR_SUFFIXES:
                    by_given.setdefault(part + suffix, {}).setdefault(name, m)
    forms |= {form: next(iter(people.values())) for form, people in by_given.items() if len(people) == 1}
    return forms


def _foreign(person: Mention) -> bool:
    """A foreign person's name in Chinese: found as a transliteration, or one the lexicon writes in
    Latin letters (马斯克 is Elon Musk)."""
    return person.source == TRANSLITERATED or bool(person.canonical and person.canonical.isascii())


# the trade words a company's name may end in after its brand (澜海生物, 晶泰科技, 星图集团)
_TRADE_WORDS = INDUSTRY_SUFFIXES + ("科技", "集团", "控股", "公司")
# a brand going on into another company's name: 芯澜国际 beside 芯澜科技
_BRAND_GOES_ON = re.compile("|".join(_TRADE_WORDS + ("国际", "资本", "基金", "研究院", "实验室")))


def _brands(mentions: Sequence[Mention]) -> dict[str, Mention]:
    """Each organisation's brand (澜海 of 澜海生物) that is no word of the language, to a mention of
    the organisation under its whole name, which the brand's occurrences are named by."""
    out: dict[str, Mention] = {}
    for m in mentions:
        if m.kind is not Kind.ORGANIZATION or m.canonical:
            continue
        for word in _TRADE_WORDS:
            brand = m.text[:-len(word)] if m.text.endswith(word) else ""
            if len(brand) >= _MIN_CHARS and _is_brand(brand):
                out.setdefault(brand, dataclasses.replace(m, canonical=m.text))
    return out


def _is_brand(word: str) -> bool:
    """Han characters the dictionary does not hold, or holds as a proper name other than a place's."""
    return HAN_WORD.fullmatch(word) is not None and (not in_dictionary(word) or
                                                     (dictionary_tag(word) or "").startswith(("nz", "nt", "nrt")))


def _parts(name: str) -> list[str]:
    if name.isascii():
        return [p for p in name.split(" ") if _LATIN_PART.fullmatch(p)] if " " in name else []
    if _MIDDLE_DOT.search(name):
        return [p for p in _MIDDLE_DOT.split(name) if len(p) >= _MIN_CHARS]
    given = name[len(surname_of(name) or name):] if is_han_name(name) and strip_honorific(name) == name else ""
    return [given] if len(given) == _GIVEN_NAME_CHARS and _no_common_word(given) else []


_GIVEN_NAME_CHARS = 2  # 立军 of 陈立军: a one-character given name alone is too often a word


def _no_common_word(given: str) -> bool:
    """A given name that is no word of the language (立军, 晓雯), or one the dictionary knows as a name."""
    return not in_dictionary(given) or (dictionary_tag(given) or "").startswith("nr")


def _speaking_people(doc: Doc) -> list[Mention]:
    """The speakers who are people, as mentions of no span (their parts are found in the text)."""
    return [Mention(0, 0, name, Kind.PERSON, _SPEAKERS_SOURCE) for name in sorted(doc.speakers)
            if doc.transcript.speaker_record(name).kind is SpeakerKind.PERSON]


_SPEAKERS_SOURCE = "persons.speakers"


def _label_given_names(doc: Doc) -> dict[str, Mention]:
    """A speaker labelled by the given name (``明远：`` for 许明远) is called so in the text too, whatever
    else the word may mean (明远 is also a word of the dictionary)."""
    out: dict[str, Mention] = {}
    for name in sorted(doc.speakers):
        record = doc.transcript.speaker_record(name)
        if record.kind is SpeakerKind.PERSON and is_han_name(name):
            given = name[len(surname_of(name) or ""):]
            if len(given) == _GIVEN_NAME_CHARS and given in record.aliases:
                out[given] = Mention(0, 0, name, Kind.PERSON, _SPEAKERS_SOURCE)
    return out


class NameFinder:
    """The names' occurrences as ``re.finditer`` over their alternation, longest first, finds them.

    Each document has its own names, so their alternation was compiled anew for each, a cost that
    grows with the names.  Only a class of their first characters is compiled (cheap: no
    alternatives to order and branch between); at each position it finds, the
    names beginning with that character are tried longest first, as the alternation tries them,
    and the next search starts where a found name ends, as ``finditer``'s does.
    """

    def __init__(self, names: Iterable[str]):
        self.by_first: dict[str, list[str]] = {}
        for name in sorted(names, key=len, reverse=True):
            self.by_first.setdefault(name[0], []).append(name)
        self.first = re.compile("[" + "".join(map(re.escape, self.by_first)) + "]")

    def finditer(self, text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
        """(start, name) of each occurrence in ``text[start:end]``, left to right, not overlapping."""
        by_first, search = self.by_first, self.first.search
        pos = start
        while (candidate := search(text, pos, end)) is not None:
            at = candidate.start()
            for name in by_first[text[at]]:
                if text.startswith(name, at, end):
                    yield at, name
                    pos = at + len(name)
                    break
            else:
                pos = at + 1


def _cut(para: Paragraph, pos: int) -> bool:
    """Whether the segmenter cut the paragraph's words at ``pos`` (a word starts or ends there)."""
    return para.word_starting_at(pos) is not None or para.word_ends_at(pos)


def _latin_word(text: str, s: int, e: int) -> bool:
    before = text[s - 1] if s else " "
    after = text[e] if e < len(text) else " "
    following = text[e + 1:e + 2]
    # GPT-4 is not in GPT-4.5, Ray is not in Ray-Ban
    goes_on = after == "." and following.isdigit() or after == "-" and following.isascii() and following.isalnum()
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum()) and not goes_on


def _covered(taken: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    at = bisect.bisect_right(starts, s)
    return any(ts < e and s < te for ts, te in taken[max(0, at - 1):at + 1])
