"""What is widely known of a widely known person: the organisations they founded or lead now.

``ontology/lexicon/person_organizations.tsv`` lists founders and present heads (黄仁勋 founded and
leads 英伟达).  A speaker of the transcript who is such a person speaks for their organisation and
takes it for granted (``我们是行业中两位任职时间最长的创始人`` says neither company): where the
transcript names the organisation, the founding and the affiliation are stated, anchored at the
first sentence that names the organisation and marked as the lexicon's (``tg:extractor``), since
that sentence does not say them.  People only mentioned are left to what the text says of them.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from talkgraph.ontology import lexicon

from .model import Kind, Mention, Party, Predicate, Relation, Sentence, SpeakerRef, Transcript

SOURCE = "lexicon.person_organizations"


def listed_affiliations(transcript: Transcript, sentences: Sequence[Sentence]) -> Iterator[Relation]:
    known = lexicon.person_organizations()
    if not known:
        return
    people: dict[str, Party] = {}  # a listed person's preferred name → the speaker who is them
    for turn in transcript.turns:
        entry = lexicon.person_named(turn.speaker)
        if entry is not None:
            people.setdefault(entry.name, SpeakerRef(turn.speaker, turn.index))
    if not people:
        return
    organizations: dict[str, tuple[Mention, Sentence]] = {}
    for sentence in sentences:
        for mention in sentence.mentions:
            if mention.kind is Kind.ORGANIZATION:
                organizations.setdefault(mention.canonical or mention.text, (mention, sentence))
    for fact in known:
        if fact.person in people and fact.organization in organizations:
            person, (org, sentence) = people[fact.person], organizations[fact.organization]
            if fact.founded:
                yield Relation(org, Predicate.FOUNDER, person, sentence.start, sentence.end, source=SOURCE)
            if fact.leads:
                yield Relation(person, Predicate.WORKS_FOR, org, sentence.start, sentence.end, source=SOURCE)
