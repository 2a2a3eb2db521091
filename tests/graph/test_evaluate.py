"""``talkgraph evaluate``: each area's figures on small graphs written by hand, the example end to end,
and bad input as one line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph

from talkgraph.graph.evaluation import evaluate
from talkgraph.graph.gold import read_gold
from tests.helpers import run_cli

EXAMPLE_GOLD = Path(__file__).resolve().parent.parent / "fixtures" / "eval" / "idea-2021-panel.gold.json"

PREFIXES = """
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix ex: <http://example.org/> .
"""

GOLD = {
    "turns": [{"speaker": "张三", "starts": "今天我们聊"}, {"speaker": "李四", "starts": "谢谢邀请"},
              {"speaker": "张三", "starts": "那么请问"}],
    "turn_contains": [{"turn": 2, "text": "我在星河科技"}],
    "not_turns": ["精彩摘录"],
    "entities": [
        {"id": "zhang", "type": "Person", "name": "张三"},
        {"id": "li", "type": "Person", "name": "李四", "aliases": ["李老师"]},
        {"id": "wang", "type": "Person", "name": "王五"},
        {"id": "xinghe", "type": "Organization", "name": "星河科技", "aliases": ["Xinghe Tech"]},
        {"id": "yueliang", "type": "Organization", "name": "月亮大学", "required": False},
        {"id": "nova", "type": "Model", "name": "Nova"},
    ],
    "not_entities": [{"type": "Person", "names": ["嘉宾"]}],
    "relations": [
        {"s": "李四", "rel": "worksFor", "o": "星河科技"},
        {"s": "李四", "rel": "formerlyAt", "o": "月亮大学", "required": False},
        {"s": "Nova", "rel": "creator", "o": "星河科技"},
        {"s": "张三", "rel": "agreesWith", "o": "李四"},
    ],
    "attributes": [{"s": "李四", "attr": "jobTitle", "contains": "首席科学家"},
                   {"s": "Nova", "attr": "parameterCount", "value": 100000000000}],
    "claims": [{"speaker": "李四", "key": "开源模型会追上闭源模型"}, {"speaker": "张三", "key": "明年会更好"}],
}

# a graph of the same conversation: one extra turn, one false person, a duplicate organisation, a
# relation the gold does not hold, an own property declared a sub-property of schema:worksFor, and a
# claim with the wrong speaker
GRAPH = PREFIXES + """
ex:worksAt rdfs:subPropertyOf schema:worksFor .
ex:Talk rdfs:subClassOf schema:Message .
ex:zhang a schema:Person ; rdfs:label "张三"@zh .
ex:li a schema:Person ; rdfs:label "李老师"@zh ; skos:altLabel "李四"@zh ;
    ex:worksAt ex:xinghe ; schema:alumniOf ex:yueliang ; schema:knows ex:zhang ;
    schema:hasOccupation [ a schema:Role ; schema:roleName "首席科学家" ] .
ex:guest a schema:Person ; rdfs:label "嘉宾"@zh .
ex:xinghe a schema:Corporation ; rdfs:label "星河科技"@zh .
ex:xinghe2 a schema:Organization ; rdfs:label "xinghe  tech"@en .
ex:yueliang a schema:CollegeOrUniversity ; rdfs:label "月亮大学"@zh .
ex:nova a schema:SoftwareApplication ; rdfs:label "Nova"@en ; schema:creator ex:xinghe ; ex:parameterCount 1.0e11 .
ex:t1 a ex:Talk ; schema:position 1 ; schema:sender ex:zhang ; schema:text "今天我们聊聊大模型。这是第一句话。" .
ex:t2 a ex:Talk ; schema:position 2 ; schema:sender ex:li ; schema:text "谢谢邀请。我在星河科技做研究员。" .
ex:t3 a ex:Talk ; schema:position 3 ; schema:sender ex:li ; schema:text "精彩摘录" .
ex:t4 a ex:Talk ; schema:position 4 ; schema:sender ex:zhang ; schema:text "那么请问，明年会更好吗？" .
ex:c1 a schema:Claim ; schema:author ex:zhang ; schema:text "开源模型会追上闭源模型" ; prov:wasDerivedFrom ex:t2 .
ex:c2 a schema:Claim ; schema:author ex:zhang ; schema:text "我同意" ; prov:wasDerivedFrom ex:t4 ;
    ex:agreesWith ex:li .
ex:ctx a nif:Context ; nif:isString "今天我们聊聊大模型" .
ex:m1 nif:referenceContext ex:ctx ; nif:beginIndex 4 ; nif:endIndex 9 ; nif:anchorOf "大模型" .
ex:m2 nif:referenceContext ex:ctx ; nif:beginIndex 6 ; nif:endIndex 9 ; nif:anchorOf "大模型" .
"""


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "talk.gold.json"
    path.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def result(gold_file):
    return evaluate(Graph().parse(data=GRAPH, format="turtle"), read_gold(gold_file))


def test_turns_are_matched_in_order_despite_an_extra_one(result):
    assert (result.turns.gold, result.turns.found, result.turns.in_order) == (3, 4, 3)
    assert result.turns.contains == (1, 1)
    assert result.turns.headings_as_turns == 1


def test_entities_per_type_with_false_positives_and_duplicates(result):
    kinds = {k.kind: k for k in result.entities.kinds}
    person = kinds["Person"]
    assert person.extracted == 3 and person.missed == ("王五",)
    assert person.false_positives == ("嘉宾",) and person.negatives_hit == ("嘉宾",)
    assert person.figures.precision == pytest.approx(2 / 3) and person.figures.recall == pytest.approx(2 / 3)
    org = kinds["Organization"]
    # the optional university is no false positive, and the name in another case and spacing matches
    assert org.extracted == 3 and org.false_positives == () and org.duplicates == {"xinghe": 2}
    assert "Place" not in kinds  # nothing extracted and nothing required
    assert result.entities.duplicates == 1
    assert result.entities.figures.precision == pytest.approx(6 / 7)
    assert result.entities.figures.recall == pytest.approx(4 / 5)


def test_relations_recall_through_sub_properties_roles_and_claims(result):
    # worksFor via an own sub-property, creator directly, agreement via a claim pointing at the speaker
    assert (result.relations.required, result.relations.found) == (3, 3)
    # knows between 李四 and 张三 is stated but not in the gold: one of four links is wrong
    assert result.relations.between_gold_entities == 4
    assert result.relations.not_in_gold == ("li social zhang",)
    assert result.relations.figures.precision == pytest.approx(3 / 4)


def test_a_missing_entity_is_named_in_a_missed_relation(tmp_path):
    gold = dict(GOLD, relations=[{"s": "王五", "rel": "worksFor", "o": "星河科技"}])
    path = tmp_path / "g.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    result = evaluate(Graph().parse(data=GRAPH, format="turtle"), read_gold(path))
    assert result.relations.missed == ("王五 worksFor 星河科技 (entity missing)",)
    assert result.relations.figures.recall == 0.0


def test_attributes_from_a_role_and_a_parameter_count(result):
    assert (result.attributes.required, result.attributes.found) == (2, 2)


def test_claims_found_by_speaker_and_density(result):
    assert result.claims.found == 0
    assert result.claims.wrong_speaker == ("开源模型会追上闭源模型",)
    assert result.claims.missed == ("明年会更好",)
    assert result.claims.extracted == 2 and result.claims.from_turns == 2
    # sentences of five characters or more in the turns: 今天我们聊聊大模型 这是第一句话 我在星河科技做研究员 那么请问,明年会更好
    assert result.claims.turn_sentences == 4


def test_offsets_that_do_not_match_their_anchor_are_counted(result):
    assert (result.offsets.checked, result.offsets.wrong) == (2, 1)


def test_evaluate_on_the_example_with_a_hand_made_gold(tmp_path, sample_path):
    built = run_cli("build", str(sample_path), "-o", str(tmp_path / "out"), "--format", "turtle")
    assert built.returncode == 0, built.stderr
    graph = str(tmp_path / "out" / "graph.ttl")
    result = run_cli("evaluate", str(EXAMPLE_GOLD), graph, "--json")
    assert result.returncode == 0, result.stderr
    body, summary = result.stdout.rsplit("\n", 2)[0], result.stdout.splitlines()[-1]
    data = json.loads(body)
    assert data["turns"]["in_order"] == 8 and data["turns"]["contains"] == [2, 2]
    assert data["entities"]["Person"]["recall"] == 1.0 and data["entities"]["Person"]["precision"] == 1.0
    assert data["entities"]["Organization"]["missed"] == []
    assert "林伟 worksFor 阿里巴巴" not in data["relations"]["missed"]
    assert data["offsets"]["checked"] > 100 and data["offsets"]["wrong"] == 0
    assert summary.startswith("OK | entityF1=")
    strict = run_cli("evaluate", str(EXAMPLE_GOLD), graph, "--min-entity-precision", "0.99", "--max-duplicates", "0")
    assert strict.returncode == 1
    assert strict.stdout.splitlines()[-1].startswith("FALLS SHORT: entity-precision ")


@pytest.mark.parametrize("content, message", [
    (None, "no such gold file"),
    ("{not json", "not a JSON gold file"),
    (json.dumps({"entities": [{"id": "a", "type": "Robot", "name": "x"}]}), "entities[0]: type 'Robot' is none of"),
    (json.dumps({"relations": [{"s": "a", "rel": "employs", "o": "b"}]}), "relations[0]: rel 'employs'"),
    (json.dumps({"attributes": [{"s": "a", "attr": "parameterCount", "value": "many"}]}), "needs a number"),
    (json.dumps({"turns": [{"speaker": "张三"}]}), "turns[0]: needs a non-empty string 'starts'"),
])
def test_a_bad_gold_file_is_one_line(tmp_path, content, message):
    gold = tmp_path / "bad.gold.json"
    if content is not None:
        gold.write_text(content, encoding="utf-8")
    graph = tmp_path / "g.ttl"
    graph.write_text(GRAPH, encoding="utf-8")
    result = run_cli("evaluate", str(gold), str(graph))
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr, result.stderr


def test_an_unreadable_graph_is_one_line(tmp_path, gold_file):
    graph = tmp_path / "broken.ttl"
    graph.write_text("this is not turtle <<<", encoding="utf-8")
    result = run_cli("evaluate", str(gold_file), str(graph))
    assert result.returncode == 1 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "broken.ttl" in result.stderr
