"""Relations, roles and quantities read from sentences by patterns over mentions.

Each pattern is general (title + name, organisation + title + name, ``X是Y的负责人``, ``从X到Y``,
``加入X``, ``X出了一个Y``, ``同意X的观点`` …), and each fact keeps the sentence it came from.
First-person words (我, 我们) in a turn stand for that turn's speaker.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from talkgraph.ontology import lexicon

from .model import (Kind, Mention, Party, Predicate, Quantity, Relation, RoleStatement, Sentence, SpeakerRef,
                    Transcript, party_key)
from .numbers import parse_chinese_number

FOUNDER_TITLES = frozenset({"创始人", "联合创始人", "创办人"})
_BREAK = re.compile(r"[、，,；;和及跟]|以及")
_PAST = re.compile(r"(?:当时|那时|那时候|之前|以前|曾经|曾|早年|原来|最早)")
_JOIN = re.compile(r"(?:加入了?|进入了?|入职了?|去了)\s?$")
_AT = re.compile(r"(?:在|于)\s?$")
_FROM_TO = re.compile(r"从\s?$")
_FOUND = re.compile(r"(?:创办了?|创立了?|创建了?|成立了?)\s?$")
_MADE = re.compile(r"(?:出了|推出了?|发布了?|做了|开发了?|开源了?|研发了?|打造了?|做出了?)\s?(?:一个|一款|一套)?\s?$")
_AGREE = re.compile(r"(?:很|非常|比较|基本上|完全|特别|十分|也)*(?:同意|赞同|认同)")
_DISAGREE = re.compile(r"(?:不太|不|并不)(?:同意|赞同|认同)")
_VIEW = re.compile(r"(?:的)?(?:一些)?(?:观点|说法|看法|意见|判断)")
_SIMILAR_VIEW = re.compile(r"观点(?:其实)?(?:和|跟|与)")
_COLLEAGUE = re.compile(r"同事")
_KNOWS = re.compile(r"一见如故|认识|老朋友|是朋友")
_SCALE = re.compile(r"(?P<num>(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千])[\d.零〇一二两三四五六七八九十百千万亿]*[万亿])\s?(?:个)?(?:参数|规模|级)")
_YEAR = re.compile(r"((?:19|20)\d{2})\s?年")
# what follows an organisation: 从X到Y, X的时候, X做了一段(时间), X的时候我
_TO = re.compile(r"\s?到")
_WHILE_THERE = re.compile(r"\s?的时候")
_WHILE_THERE_I = re.compile(r"\s?的时候\s?我")
_FOR_A_WHILE = re.compile(r"\s?做了一段")
_WE_MAKE = re.compile(r"我们\s?(?:在做|做|开发)?\s?$")
_ROLE_VERB = re.compile(r"\s?(?:目前|现在|现任)?\s?(?:是|担任|任)")
_INTRO = re.compile(r"我是\s?(?:来自)?")
_ROLE_ORG_GAP = re.compile(r"\s?(?:在|于)?\s?")  # 是在华为, 担任 腾讯: between the verb and the organisation
_OF = re.compile(r"\s?的\s?")
_CLAUSE_BREAK = re.compile(r"[，,。；;]")
_COMMAS = "，,"
# 好的。我同意前面的观点: an acknowledgement may open the turn before the agreement
_ACKNOWLEDGEMENT = re.compile(r"(?:好的?|对的?|是的|嗯+|没错|(?:谢谢|感谢)(?:主持人|你|您|大家)?)[，,。！!\s]*")
_SCALE_REACH = 6  # 盘古大模型，千亿规模: a scale this close after a model measures it


def extract_relations(transcript: Transcript, sentences: Sequence[Sentence]) -> tuple[
        tuple[Relation, ...], tuple[RoleStatement, ...], tuple[Quantity, ...]]:
    relations: list[Relation] = []
    roles: list[RoleStatement] = []
    quantities: list[Quantity] = []
    reader = _SentenceReader(transcript)
    for sentence in sentences:
        roles.extend(reader.roles(sentence))
        relations.extend(reader.affiliations(sentence))
        relations.extend(reader.creations(sentence))
        relations.extend(reader.social(sentence))
        quantities.extend(reader.scales(sentence))
    relations.extend(_part_of(transcript, sentences))
    for role in roles:
        if role.organization is not None:
            founder = role.title in FOUNDER_TITLES
            predicate = Predicate.FOUNDER if founder else Predicate.WORKS_FOR
            subject, obj = (role.organization, role.person) if founder else (role.person, role.organization)
            relations.append(Relation(subject, predicate, obj, role.start, role.end))
    relations.extend(_made_by_speakers_employer(relations))
    return tuple(_unique(relations)), tuple(roles), tuple(quantities)


def _made_by_speakers_employer(relations: list[Relation]) -> list[Relation]:
    """``我是来自阿里云的陈鑫。我们做通义灵码``: what "we" make, the speaker's organisation makes."""
    employer = {r.subject.name: r.object for r in relations
                if r.predicate is Predicate.WORKS_FOR and isinstance(r.subject, SpeakerRef)}
    return [Relation(r.subject, Predicate.CREATOR, employer[r.object.name], r.start, r.end)
            for r in relations
            if r.predicate is Predicate.CREATOR and isinstance(r.object, SpeakerRef) and r.object.name in employer]


def _unique(relations: list[Relation]) -> Iterator[Relation]:
    seen = set()
    for r in relations:
        key = (party_key(r.subject), r.predicate, party_key(r.object))
        if key not in seen:
            seen.add(key)
            yield r


class _SentenceReader:
    def __init__(self, transcript: Transcript):
        self.transcript = transcript
        self.text = transcript.document.text

    def speaker(self, sentence: Sentence) -> SpeakerRef | None:
        """The turn's speaker, whom 我 and 我们 stand for."""
        if sentence.turn_index is None:
            return None
        turn = self.transcript.turns[sentence.turn_index - 1]
        return SpeakerRef(turn.speaker, turn.index)

    def subject_before(self, sentence: Sentence, pos: int) -> Party | None:
        """Who a clause ending at ``pos`` is about: the nearest person before it, or 我 → the speaker."""
        people = [m for m in sentence.mentions if m.kind is Kind.PERSON and m.end <= pos]
        first_person = self.text.rfind("我", sentence.start, pos)
        if people and people[-1].end > first_person:
            return people[-1]
        if first_person >= 0:
            return self.speaker(sentence)
        return None

    def clause_start(self, sentence: Sentence, pos: int) -> int:
        """Where the clause holding ``pos`` begins: after the sentence's last comma before it."""
        return max([sentence.start] + [self.text.rfind(c, sentence.start, pos) + 1 for c in _COMMAS])

    def ends_before(self, pattern: re.Pattern[str], sentence: Sentence, pos: int) -> re.Match[str] | None:
        """``pattern`` (anchored by ``$``) ending right before ``pos`` in the same clause."""
        return pattern.search(self.text, self.clause_start(sentence, pos), pos)

    def roles(self, sentence: Sentence) -> Iterator[RoleStatement]:
        """``华为云首席科学家田奇``, ``X是Y的负责人``, ``我是来自Y的Z``."""
        orgs = [m for m in sentence.mentions if m.kind is Kind.ORGANIZATION]
        for person in (m for m in sentence.mentions if m.kind is Kind.PERSON):
            title = _title_ending_at(self.text, person.start, sentence.start)
            if title:
                org = _org_before(orgs, self.text, person.start - len(title))
                yield RoleStatement(person, title, org, sentence.start, sentence.end)
                continue
            match = _ROLE_VERB.match(self.text, person.end, sentence.end)
            if match:
                yield from self._role_after(sentence, person, match.end(), orgs)
        intro = _INTRO.search(self.text, sentence.start, sentence.end)
        speaker = self.speaker(sentence)
        if intro and speaker is not None:
            yield from self._role_after(sentence, speaker, intro.end(), orgs)

    def _role_after(self, sentence: Sentence, person: Party, pos: int, orgs: list[Mention]) -> Iterator[RoleStatement]:
        """The title (and organisation) a role verb introduces, read up to the end of its clause."""
        org = next((o for o in orgs if o.start >= pos and _ROLE_ORG_GAP.fullmatch(self.text, pos, o.start)), None)
        rest_from = org.end if org else pos
        clause_end = _CLAUSE_BREAK.search(self.text, rest_from, sentence.end)
        clause = self.text[rest_from:clause_end.start() if clause_end else sentence.end]
        title = next((t for t in lexicon.titles() if t in clause), None)
        if title:
            yield RoleStatement(person, title, org, sentence.start, sentence.end)
        elif org and _OF.match(self.text, org.end, sentence.end):
            yield RoleStatement(person, "", org, sentence.start, sentence.end)

    def affiliations(self, sentence: Sentence) -> Iterator[Relation]:
        """Former affiliations: ``从X到Y``, ``2007年加入X``, ``当时我在X``, ``X的时候``."""
        sentence_text = self.text[sentence.start:sentence.end]
        for org in (m for m in sentence.mentions if m.kind is Kind.ORGANIZATION):
            clause = self.text[self.clause_start(sentence, org.start):org.start]
            if not self._former(sentence, org, clause):
                continue
            subject = self.subject_before(sentence, org.start)
            if subject is None and _WHILE_THERE_I.match(self.text, org.end, sentence.end):
                subject = self.speaker(sentence)
            if subject is None:
                continue
            year = _YEAR.search(clause)
            yield Relation(subject, Predicate.FORMERLY_AT, org, sentence.start, sentence.end, year.group(1) if year else None)
            if "同事" in sentence_text:
                for other in self._colleagues_in(sentence):
                    if other is not subject:
                        yield Relation(other, Predicate.FORMERLY_AT, org, sentence.start, sentence.end)
        for org in (m for m in sentence.mentions if m.kind is Kind.ORGANIZATION):
            if self.ends_before(_FOUND, sentence, org.start):
                founder = self.subject_before(sentence, org.start)
                if founder is not None:
                    yield Relation(org, Predicate.FOUNDER, founder, sentence.start, sentence.end)

    def _former(self, sentence: Sentence, org: Mention, clause: str) -> bool:
        """The clause around ``org`` says it was once someone's: 从X到Y, 2007年加入X, 当时在X, X的时候."""
        text, end = self.text, sentence.end
        if self.ends_before(_FROM_TO, sentence, org.start) and _TO.match(text, org.end, end):
            return True
        if self.ends_before(_JOIN, sentence, org.start) and (_YEAR.search(clause) or _PAST.search(clause)):
            return True
        if self.ends_before(_AT, sentence, org.start) and _PAST.search(clause):
            return True
        return bool(_WHILE_THERE.match(text, org.end, end) or _FOR_A_WHILE.match(text, org.end, end))

    def _colleagues_in(self, sentence: Sentence) -> list[Mention]:
        return [m for m in sentence.mentions if m.kind is Kind.PERSON]

    def creations(self, sentence: Sentence) -> Iterator[Relation]:
        """``华为出了一个盘古大模型``, ``他做了OneFlow``, ``Anthropic 的 Claude``, ``我们做通义灵码``."""
        speaker = self.speaker(sentence)
        for model in (m for m in sentence.mentions if m.kind is Kind.MODEL):
            made = self.ends_before(_MADE, sentence, model.start)
            if made:
                verb_at = made.start()
                makers = [m for m in sentence.mentions if m.kind in (Kind.ORGANIZATION, Kind.PERSON) and m.end <= verb_at]
                pronoun = self.text.rfind("他", sentence.start, verb_at)
                we = self.text.rfind("我们", sentence.start, verb_at)
                people = [m for m in makers if m.kind is Kind.PERSON and m.end <= pronoun]
                if makers and makers[-1].end >= max(pronoun, we):
                    yield Relation(model, Predicate.CREATOR, makers[-1], sentence.start, sentence.end)
                elif pronoun > we and people:
                    yield Relation(model, Predicate.CREATOR, people[-1], sentence.start, sentence.end)
                elif we >= pronoun and speaker is not None:
                    yield Relation(model, Predicate.CREATOR, speaker, sentence.start, sentence.end)
                continue
            owner = [m for m in sentence.mentions if m.kind is Kind.ORGANIZATION and m.end <= model.start
                     and re.fullmatch(r"\s?的\s?", self.text[m.end:model.start])]
            if owner:
                yield Relation(model, Predicate.CREATOR, owner[-1], sentence.start, sentence.end)
                continue
            if speaker is not None and self.ends_before(_WE_MAKE, sentence, model.start):
                yield Relation(model, Predicate.CREATOR, speaker, sentence.start, sentence.end)

    def social(self, sentence: Sentence) -> Iterator[Relation]:
        """Colleagues (``我和林伟一直是同事``), acquaintance, and agreement between speakers."""
        body = self.text[sentence.start:sentence.end]
        people = [m for m in sentence.mentions if m.kind is Kind.PERSON]
        speaker = self.speaker(sentence)
        if _COLLEAGUE.search(body) and speaker is not None:
            pair = re.search(r"我(?:和|跟|与)", body)
            if pair:
                for other in people:
                    if other.start == sentence.start + pair.end():
                        yield Relation(speaker, Predicate.COLLEAGUE, other, sentence.start, sentence.end)
        if _KNOWS.search(body) and speaker is not None:
            for other in people:
                if re.match(r"\s?(?:老师|总)?\s?一见如故", self.text[other.end:sentence.end]) or \
                        re.search(r"(?:和|跟|与)\s?$", self.text[sentence.start:other.start]):
                    if _KNOWS.search(self.text[other.end:sentence.end]):
                        yield Relation(speaker, Predicate.KNOWS, other, sentence.start, sentence.end)
        if speaker is None or _DISAGREE.search(body):
            return
        agree = _AGREE.search(body)
        similar = _SIMILAR_VIEW.search(body)
        if agree or similar:
            cue_end = sentence.start + (agree.end() if agree else similar.end())
            view = _VIEW.search(self.text, cue_end, sentence.end)
            clause_end = _CLAUSE_BREAK.search(self.text, cue_end, sentence.end)
            limit = view.start() if view else clause_end.start() if clause_end else sentence.end
            named = [p for p in people if cue_end <= p.start <= limit]
            for other in named:
                yield Relation(speaker, Predicate.AGREES_WITH, other, sentence.start, sentence.end)
            previous = self.previous_speaker(sentence)
            if not named and previous is not None and self.opens_turn(sentence):
                yield Relation(speaker, Predicate.AGREES_WITH, previous, sentence.start, sentence.end)

    def opens_turn(self, sentence: Sentence) -> bool:
        """The turn's first sentence, or its second after an acknowledgement (好的。对，是的。)."""
        turn = self.transcript.turns[sentence.turn_index - 1]
        before = self.text[turn.start:sentence.start].strip()
        return not before or _ACKNOWLEDGEMENT.fullmatch(before) is not None

    def previous_speaker(self, sentence: Sentence) -> SpeakerRef | None:
        """``我同意前面的观点`` at a turn's start agrees with the previous panellist, not the moderator."""
        index = sentence.turn_index
        if index is None or index < 2:
            return None
        previous = self.transcript.turns[index - 2]
        if previous.speaker in (self.transcript.moderator, self.transcript.turns[index - 1].speaker):
            return None
        return SpeakerRef(previous.speaker, previous.index)

    def scales(self, sentence: Sentence) -> Iterator[Quantity]:
        """``盘古大模型,千亿规模`` and ``“十万亿参数规模的大模型”``: a parameter scale on the model it measures."""
        models = [m for m in sentence.mentions if m.kind is Kind.MODEL]
        for match in _SCALE.finditer(self.text, sentence.start, sentence.end):
            value = parse_chinese_number(match["num"])
            if value is None:
                continue
            inside = [m for m in models if m.start <= match.start() and match.end() <= m.end]
            before = [m for m in models if m.end <= match.start() and match.start() - m.end <= _SCALE_REACH]
            subject = (inside or before or [None])[-1]
            if subject is not None:
                yield Quantity(subject, "parameterCount", value, match.start("num"), match.end("num"), match["num"])


def _title_ending_at(text: str, pos: int, floor: int) -> str | None:
    for title in lexicon.titles():
        if pos - len(title) >= floor and text.startswith(title, pos - len(title)):
            return title
    return None


def _org_before(orgs: list[Mention], text: str, pos: int) -> Mention | None:
    """The organisation a title belongs to: the nearest one before it in the same list item."""
    for org in reversed(orgs):
        if org.end <= pos and not _BREAK.search(text, org.end, pos):
            return org
    return None


def _part_of(transcript: Transcript, sentences: Sequence[Sentence]) -> Iterator[Relation]:
    """``华为云`` part of ``华为``: a name built on another organisation's name anywhere in the text,
    or a parent the lexicon records when both are named in one sentence."""
    first: dict[str, Mention] = {}
    for sentence in sentences:
        orgs = {m.canonical or m.text: m for m in sentence.mentions if m.kind is Kind.ORGANIZATION}
        for name, mention in orgs.items():
            first.setdefault(name, mention)
            parent = _lexicon_parents().get(name)
            if parent in orgs:
                yield Relation(mention, Predicate.PARENT_ORGANIZATION, orgs[parent], sentence.start, sentence.end)
    for name, mention in first.items():
        for other_name, other in first.items():
            built_on = mention.text.startswith(other.text) and len(mention.text) > len(other.text)
            if other_name != name and built_on and (
                    mention.canonical is None or _lexicon_parents().get(name) == other_name):
                yield Relation(mention, Predicate.PARENT_ORGANIZATION, other, mention.start, mention.end)
                break


@cache
def _lexicon_parents() -> dict[str, str]:
    return {e.name: e.parent for e in lexicon.organizations() if e.parent}
