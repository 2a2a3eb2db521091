"""Widely known people (``ontology/lexicon/persons.tsv``): found, resolved to one node, and what is
known of the speakers among them; on transcripts written for these tests."""
from __future__ import annotations

from talkgraph.extract import SpeakerRef, document_from_text, extract, parse_transcript
from talkgraph.extract.model import Kind
from talkgraph.extract.resolve import resolve_aliases


def resolved(text: str):
    x = extract(parse_transcript(document_from_text(text, doc_id="t")))
    return x, resolve_aliases([x])


def people(corpus) -> dict:
    return {e.label: e for e in corpus.entities.values() if e.kind is Kind.PERSON}


def test_listed_people_are_found_without_a_cue():
    x, _ = resolved("主持人：上周Satya Nadella和马斯克都谈到了这件事，比尔盖茨也写了文章。\n\n嘉宾：是的。\n")
    found = {m.text for m in x.mentions if m.kind is Kind.PERSON}
    assert {"Satya Nadella", "马斯克", "比尔盖茨"} <= found


def test_every_listed_name_of_a_person_is_one_node_with_all_names():
    _, corpus = resolved("主持人：埃隆·马斯克昨天发了推文。\n\n嘉宾：Elon Musk总是这样，马斯克很忙。\n")
    persons = people(corpus)
    musk = [e for e in persons.values() if "Elon Musk" in (e.label, *e.aliases)]
    assert len(musk) == 1 and {"马斯克", "埃隆·马斯克"} <= {musk[0].label, *musk[0].aliases}


def test_a_given_name_is_the_listed_person_it_begins():
    text = "黄仁勋：马克，请坐。今天很高兴。\n\n扎克伯格：谢谢你的邀请。\n\n黄仁勋：马克，你先说说。\n\n扎克伯格：好的。\n"
    _, corpus = resolved(text)
    persons = people(corpus)
    assert "马克" not in persons and "马克" in persons["扎克伯格"].aliases


def test_a_given_name_of_someone_not_in_the_transcript_stays_a_name_of_its_own():
    _, corpus = resolved("王小明：马克，请坐。\n\n马克：谢谢。\n\n王小明：好的。\n")
    assert "马克" in people(corpus)


def name(party) -> str:
    return party.name if isinstance(party, SpeakerRef) else party.canonical or party.text


def relations(text: str) -> set:
    x = extract(parse_transcript(document_from_text(text, doc_id="t")))
    return {(name(r.subject), r.predicate.value, name(r.object)) for r in x.relations}


def test_a_listed_founder_who_speaks_founded_and_works_for_the_organisation_named():
    found = relations("主持人：欢迎雷军。小米最近很忙。\n\n雷军：是的，我们在做汽车。\n\n主持人：谢谢。\n")
    assert ("小米", "founder", "雷军") in found and ("雷军", "worksFor", "小米") in found


def test_a_founder_who_no_longer_leads_only_founded():
    found = relations("主持人：欢迎比尔·盖茨。微软今年怎么样？\n\n比尔·盖茨：我不太清楚。\n\n主持人：谢谢。\n")
    assert ("微软", "founder", "比尔·盖茨") in found and ("比尔·盖茨", "worksFor", "微软") not in found


def test_a_listed_person_only_mentioned_gets_nothing_from_the_list():
    found = relations("王小明：雷军说小米要做汽车。\n\n李华：我不太清楚。\n\n王小明：好。\n")
    assert not {r for r in found if r[0] == "雷军" or r[2] == "雷军"}


def test_a_listed_chinese_name_inside_another_word_is_not_the_person():
    from talkgraph.extract.doc import Doc
    from talkgraph.extract.pipeline import configure_pipeline
    from talkgraph.extract.transcript import parse_transcript as parse

    text = "主持人：他王兴奋地跑了。司马云飞也来了。王兴兴做了七八年。程维说过，王兴也说过。\n\n嘉宾：好。\n"
    doc = Doc(parse(document_from_text(text, doc_id="t")))
    found = [doc.text[m.start:m.end] for m in configure_pipeline("none persons.lexicon").find_mentions(doc)]
    assert found == ["程维", "王兴"]


def test_what_the_list_states_is_marked_as_the_lists_in_the_graph_and_what_the_text_states_is_not():
    from rdflib.namespace import RDF

    from talkgraph.graph.pipeline import build_from_documents
    from talkgraph.ontology.namespace import SDO, TG

    text = "主持人：欢迎雷军。小米最近很忙。\n\n雷军：是的。王小明现在在腾讯工作。\n\n主持人：谢谢。\n"
    graph = build_from_documents([document_from_text(text, doc_id="t")]).rdf
    marked = {}
    for statement in graph.subjects(RDF.type, TG.RelationStatement):
        predicate = str(graph.value(statement, RDF.predicate)).rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        subject = graph.value(graph.value(statement, RDF.subject), SDO.name)
        marked[str(subject), predicate] = graph.value(statement, TG.extractor)
    assert str(marked["雷军", "worksFor"]) == "lexicon.person_organizations"
    assert marked["王小明", "worksFor"] is None
