"""The components talkgraph ships, one line each: name, finder, kinds it proposes, priority, precheck.

Priority breaks ties among overlapping candidates of equal length and score (the lower wins):
the speakers' own names first, then lexicon names, names by a title or cue, forms of address,
quoted names, suffix-built organisations, Latin-script products, and names known by shape alone.
"""
from __future__ import annotations

from . import (abbreviations, appointments, brand_context, bylines, called_names, datelines, foreign_names, handles, mention_model, organizations,
               periodicals, person_lexicon, persons, places, products, tables)
from .component import Component, register
from .model import Kind

PERSON, ORGANIZATION, MODEL, PLACE = (frozenset({k}) for k in (Kind.PERSON, Kind.ORGANIZATION, Kind.MODEL, Kind.PLACE))

register(Component("persons.speakers", persons.speaker_names, PERSON, priority=0))
register(Component("persons.titled", persons.titled_names, PERSON, priority=2))
register(Component("persons.introduced", persons.introduced_names, PERSON, priority=2))
register(Component("persons.byline", bylines.byline_names, PERSON, priority=2))
register(Component("persons.latin", foreign_names.latin_persons, PERSON, priority=2))
register(Component("persons.lexicon", person_lexicon.lexicon_persons, PERSON, priority=1))
register(Component(foreign_names.TRANSLITERATED, foreign_names.transliterated_persons, PERSON, priority=3, sure=0.7))
register(Component("persons.addressed", persons.addressed_names, PERSON, priority=3))
register(Component("persons.quoted", persons.quoted_names, PERSON, priority=4))
register(Component("persons.surname", persons.supported_names, PERSON, priority=7))
register(Component("persons.unknown", persons.unknown_word_names, PERSON, priority=7))
register(Component("handles", handles.handle_names, PERSON | ORGANIZATION, priority=2, precheck=handles.precheck))
register(Component("tables", tables.table_names, PERSON | ORGANIZATION, priority=2, precheck=tables.has_table))
register(Component("organizations.lexicon", organizations.lexicon_organizations, ORGANIZATION, priority=1))
register(Component("organizations.suffix", organizations.suffix_organizations, ORGANIZATION, priority=5,
                   precheck=organizations.has_suffix, sure=0.6))
register(Component("organizations.speakers", organizations.speaker_organizations, ORGANIZATION, priority=0))
register(Component("organizations.label_outlet", organizations.label_outlets, ORGANIZATION, priority=1))
register(Component("organizations.appointed", appointments.appointed_organizations, ORGANIZATION, priority=5,
                   precheck=appointments.has_cue, sure=0.6))
register(Component("organizations.dateline", datelines.dateline_outlets, ORGANIZATION, priority=2,
                   precheck=datelines.has_dateline))
register(Component("organizations.periodical", periodicals.periodical_names, ORGANIZATION, priority=3,
                   precheck=periodicals.has_title_marks))
register(Component("organizations.abbreviated", abbreviations.abbreviated_names, ORGANIZATION, priority=3))
register(Component("organizations.latin", organizations.latin_organizations, ORGANIZATION, priority=6))
register(Component("places.lexicon", places.lexicon_places, PLACE, priority=1, sure=0.6))
register(Component("products.lexicon", products.lexicon_models, MODEL, priority=1))
register(Component("products.quoted", products.quoted_models, MODEL, priority=4))
register(Component("products.versioned", products.versioned_models, MODEL, priority=4, precheck=products.has_hyphen))
register(Component("products.named_model", products.named_models, MODEL, priority=4,
                   precheck=products.mentions_large_model))
register(Component("called", called_names.called_names, MODEL | ORGANIZATION, priority=4,
                   precheck=called_names.names_a_kind))
register(Component("products.app_context", brand_context.apps, MODEL, priority=6))
register(Component("products.latin", products.latin_products, MODEL, priority=6))
register(Component(mention_model.SOURCE, mention_model.find_names, PERSON | ORGANIZATION, priority=8,
                   precheck=mention_model.has_han, fills_gaps=True))
