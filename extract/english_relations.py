"""Relations in English sentences of English or mixed turns: the shapes interviews write in English
(``Sam Lee, the founder of Acme``, ``CEO of Acme``, ``Acme's Sam Lee``, ``I worked at Acme``,
``she studied at MIT``, ``Acme released Orion``).

Who an English clause is about is the nearest person named before the cue in the sentence, or the
nearest pronoun: I/we → the turn's speaker, you → the person spoken to, he/she → the person named
before it (in the sentence, else the one person the sentence before names).  The caller supplies
those resolutions, so the same rules hold in both languages.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .model import Kind, Mention, Party, Predicate, Relation, RoleStatement, Sentence
from .deferred import DeferredPattern

ENGLISH_TITLE = (r"(?:co-?founder|founding partner|founder|chief [a-z]+ officer|chief scientist|ceo|cto|cfo|coo|"
          r"vice president|president|vp(?: of [a-z]+)?|chairman|chairwoman|chair|head(?: of [a-z]+)?|"
          r"managing director|director(?: of [a-z]+)?|general partner|partner|professor|"
          r"research scientist|scientist|researcher|engineer|lead|manager)")
_TITLES = rf"(?P<title>{ENGLISH_TITLE}(?:\s(?:and|&)\s{ENGLISH_TITLE})?)"
_FORMER = r"(?P<former>former|ex-|then-|previously)?\s?"
# Sam Lee, the founder of Acme / I'm the CEO at Acme / she was a professor at MIT
_TITLE_OF = DeferredPattern(rf"(?:\s?,\s?|\s?(?:(?P<past>was|had been)|is|am|'m|’m|has been)\s)"
                            rf"(?:the\s|a\s|an\s|our\s|their\s)?{_FORMER}{_TITLES}\s(?:of|at)\s", re.I)
# CEO of Acme Sam Lee / the founder of Acme, Sam Lee
_TITLE_OF_BEFORE = DeferredPattern(rf"{_FORMER}{_TITLES}\s(?:of|at)\s$", re.I)
_POSSESSIVE = DeferredPattern(rf"\s?['’]s\s(?:{_FORMER}{_TITLES}\s?,?\s)?")
_NAME_AFTER = DeferredPattern(r"\s?,?\s?")
_CURRENT_AT = DeferredPattern(r"(?:\b(?:work|works|working|am|'m|’m|is|are)\s(?:now\s|currently\s)?(?:at|for|with)|"
                              r"\b(?:lead|leads|run|runs|head|heads|manage|manages)\s(?:[a-z]+\s){1,3}at|"
                              r"\bcurrently\sat|\bnow\sat)\s$", re.I)
_FORMER_AT = DeferredPattern(r"\b(?:worked|used to work|was working|were working|spent (?:\w+\s){1,3}(?:at|with)|"
                             r"interned|was an intern|was at|were at)\s(?:(?:at|for|with)\s)?$", re.I)
_STUDIED_AT = DeferredPattern(r"\b(?:studied|graduated|majored in \w+|did (?:my|his|her|a) (?:phd|ph\.d\.|master's|masters|"
                              r"degree|undergrad|doctorate|postdoc)|went to (?:school|college|university)|"
                              r"(?:phd|ph\.d\.|master's|mba|degree|bachelor's) (?:from|at))\s(?:at|from|in)?\s?$", re.I)
_FOUNDED = DeferredPattern(r"\b(?:co-?found(?:ed|ing)|founded|founding|started|set up|established)\s(?:the\s)?$", re.I)
_MADE = DeferredPattern(r"\b(?:released|launched|built|developed|open-?sourced|created|made|trained|shipped|introduced|"
                        r"unveiled|announced)\s(?:the\s|a\s|an\s|its\s|their\s|our\s|new\s|first\s|model\s){0,3}$", re.I)
_PRONOUN = DeferredPattern(r"\b(?:I|we|you|he|she|they|it)\b", re.I)
_CLAUSE = DeferredPattern(r"[.;!?。；！？]|,\s(?:and|but|so)\s|\s(?:and|but)\s(?=[a-z]+ed\b)", re.I)


@dataclass(frozen=True)
class Speakers:
    """How the caller resolves I/we (the turn's speaker), you (the person spoken to), and he/she
    with no one named before it in the sentence (the one person the sentence before names)."""

    speaker: Callable[[Sentence], Party | None]
    addressee: Callable[[Sentence], Party | None]
    named_before: Callable[[Sentence], Party | None]


def english_roles(text: str, sentence: Sentence) -> Iterator[RoleStatement]:
    """Titles at organisations: ``X, the founder of Y``, ``X is CEO of Y``, ``CEO of Y X``, ``Y's X``."""
    people = [m for m in sentence.mentions if m.kind is Kind.PERSON]
    orgs = [m for m in sentence.mentions if m.kind is Kind.ORGANIZATION]
    for person in people:
        match = _TITLE_OF.match(text, person.end, sentence.end)
        org = match and next((o for o in orgs if o.start == match.end()), None)
        if org is not None:
            yield _role(person, match, org, sentence)
    for org in orgs:
        owned = _POSSESSIVE.match(text, org.end, sentence.end)
        person = owned and next((p for p in people if p.start == owned.end()), None)
        if person is not None:
            yield RoleStatement(person, owned["title"] or "", org, sentence.start, sentence.end, None,
                                bool(owned["former"]))
        before = _TITLE_OF_BEFORE.search(text, max(sentence.start, org.start - 40), org.start)
        after = before and _NAME_AFTER.match(text, org.end, sentence.end)
        person = after and next((p for p in people if p.start == after.end()), None)
        if person is not None:
            yield _role(person, before, org, sentence)


def _role(person: Party, match: re.Match[str], org: Mention, sentence: Sentence) -> RoleStatement:
    former = bool(match["former"] or match.groupdict().get("past"))
    return RoleStatement(person, match["title"], org, sentence.start, sentence.end, None, former)


def english_speaker_roles(text: str, sentence: Sentence, speakers: Speakers) -> Iterator[RoleStatement]:
    """``I'm the CTO of Y`` / ``I was a professor at Y``: the speaker's own title."""
    orgs = [m for m in sentence.mentions if m.kind is Kind.ORGANIZATION]
    for intro in re.finditer(r"\bI\b", text[sentence.start:sentence.end]):
        at = sentence.start + intro.end()
        match = _TITLE_OF.match(text, at, sentence.end)
        org = match and next((o for o in orgs if o.start == match.end()), None)
        speaker = speakers.speaker(sentence)
        if org is not None and speaker is not None:
            yield _role(speaker, match, org, sentence)


def english_relations(text: str, sentence: Sentence, speakers: Speakers) -> Iterator[tuple[Relation, bool | None]]:
    """Affiliations, schools, founding and making read from English verbs.  Each relation comes with
    ``None`` when it stands as said, or with whether a person may stand for their organisation when
    the maker is a pronoun for a speaker (we built X → the speaker's organisation)."""
    makers = [m for m in sentence.mentions if m.kind in (Kind.ORGANIZATION, Kind.PERSON)]
    people = [m for m in makers if m.kind is Kind.PERSON]
    for org in (m for m in sentence.mentions if m.kind is Kind.ORGANIZATION):
        start = _clause_start(text, sentence, org.start)
        for cue, predicates in ((_CURRENT_AT, (Predicate.WORKS_FOR,)), (_FORMER_AT, (Predicate.FORMERLY_AT,)),
                                (_STUDIED_AT, (Predicate.FORMERLY_AT,)), (_FOUNDED, (Predicate.FOUNDER, Predicate.WORKS_FOR))):
            found = cue.search(text, start, org.start)
            if not found:
                continue
            # people work, study and found; the organisation nearest before the verb is another place
            # (I was at DeepMind before co-founding Northwind AI)
            subject = _subject(text, sentence, start, found.start(), people, speakers)
            for predicate in predicates if subject is not None else ():
                if predicate is Predicate.FOUNDER:
                    yield Relation(org, predicate, subject[0], sentence.start, sentence.end), None
                else:
                    yield Relation(subject[0], predicate, org, sentence.start, sentence.end), None
            break
    for model in (m for m in sentence.mentions if m.kind is Kind.MODEL):
        start = _clause_start(text, sentence, model.start)
        made = _MADE.search(text, start, model.start)
        if made:
            subject = _subject(text, sentence, start, made.start(), makers, speakers)
            if subject is not None:
                yield Relation(model, Predicate.CREATOR, subject[0], sentence.start, sentence.end), subject[1]
            continue
        owner = next((o for o in makers if o.kind is Kind.ORGANIZATION
                      and re.fullmatch(r"['’]s\s", text[o.end:model.start])), None)
        if owner is not None:
            yield Relation(model, Predicate.CREATOR, owner, sentence.start, sentence.end), None


def _clause_start(text: str, sentence: Sentence, pos: int) -> int:
    last = sentence.start
    for match in _CLAUSE.finditer(text, sentence.start, pos):
        last = match.end()
    return last


def _subject(text: str, sentence: Sentence, start: int, pos: int, makers: list[Mention],
             speakers: Speakers) -> tuple[Party, bool | None] | None:
    """The nearest name or pronoun before ``pos`` in the clause, with how a pronoun for a speaker
    stands for their organisation (None: as said; True: we; False: you)."""
    named = [m for m in makers if start <= m.start and m.end <= pos]
    pronoun = None
    for pronoun in _PRONOUN.finditer(text, start, pos):
        pass
    if named and (pronoun is None or named[-1].end > pronoun.start()):
        return named[-1], None
    if pronoun is None:
        return None
    word = pronoun.group().lower()
    if word == "i":
        party = speakers.speaker(sentence)
        return (party, None) if party is not None else None
    if word == "we":
        party = speakers.speaker(sentence)
        return (party, True) if party is not None else None
    if word == "you":
        party = speakers.addressee(sentence)
        return (party, False) if party is not None else None
    if word in ("he", "she"):
        people = [m for m in sentence.mentions if m.kind is Kind.PERSON and m.end <= pronoun.start()]
        party = people[-1] if people else speakers.named_before(sentence)
        return (party, None) if party is not None else None
    return None
