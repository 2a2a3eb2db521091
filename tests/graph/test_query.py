"""SPARQL through Oxigraph, result formats, and the canned queries' answers on real graphs."""
from __future__ import annotations

import csv
import io
import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib.namespace import XSD

from talkgraph.extract.errors import InputError, UsageError
from talkgraph.graph.query import GraphResult, QueryResult, canned_queries, run_query, with_name

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "rdf"))
import samples  # noqa: E402

from tests.helpers import SAMPLE  # noqa: E402

NAMES = {"claims-by-speaker", "affiliations", "former-affiliations", "models", "agreements", "entity",
         "claims-about", "questions", "speakers", "topics"}


def canned(name: str, sample: str, entity: str | None = None) -> QueryResult:
    return run_query([samples.sample_ttl(name=sample)], with_name(canned_queries()[name], entity))


def column_rows(result: QueryResult, *columns: str) -> set[tuple]:
    index = [result.variables.index(c) for c in columns]
    return {tuple(row[i] for i in index) for row in result.rows}


def test_every_canned_query_is_documented_and_runs():
    queries = canned_queries()
    assert NAMES <= set(queries)
    for query in queries.values():
        assert query.description and not query.description.startswith("#"), query.name
        name = {"claims-about": "盘古大模型"}.get(query.name, "田奇")  # what the fixture's claims are about
        result = run_query([samples.FIXTURE_TTL], with_name(query, name if query.needs_name else None))
        assert result.rows, f"{query.name} finds nothing in the fixture"


@pytest.mark.parametrize("sample", samples.SAMPLES)
def test_affiliations(sample):
    rows = column_rows(canned("affiliations", sample), "person", "organization", "title")
    assert any(p == "田奇" and o == "华为云" and t and "首席科学家" in t for p, o, t in rows), rows


@pytest.mark.parametrize("sample", samples.SAMPLES)
def test_models_and_makers(sample):
    result = canned("models", sample)
    rows = column_rows(result, "model", "maker")
    assert {("盘古大模型", "华为"), ("OneFlow", "袁进辉")} <= rows
    pangu = [r for r in result.rows if r[0] == "盘古大模型"][0]
    assert pangu[result.variables.index("parameters")] == Decimal(100_000_000_000)


@pytest.mark.parametrize("sample", samples.SAMPLES)
def test_agreements(sample):
    rows = column_rows(canned("agreements", sample), "speaker", "agreesWith")
    assert {("林伟", "田奇"), ("袁进辉", "田奇"), ("袁进辉", "林伟")} <= rows


@pytest.mark.parametrize("sample", samples.SAMPLES)
def test_claims_by_speaker_and_questions(sample):
    claims = canned("claims-by-speaker", sample, "田奇")
    assert claims.rows and {row[0] for row in claims.rows} == {"田奇"}
    speakers = canned("speakers", sample)
    counts = {row[0]: int(row[1]) for row in speakers.rows}
    assert {"田奇", "林伟"} <= set(counts) and counts["田奇"] == len(claims.rows)
    assert list(counts.values()) == sorted(counts.values(), reverse=True)
    questions = canned("questions", sample)
    assert questions.rows and all(row[0] == "张家兴" for row in questions.rows)
    assert "田奇" in {row[2] for row in questions.rows}


def test_entity_query_finds_by_name():
    rows = column_rows(canned("entity", "fixture", "田老师"), "entity", "value")
    assert ("田奇", "华为云") in rows and ("田奇", "田老师") in rows


def test_entity_query_needs_a_name_and_others_refuse_one():
    queries = canned_queries()
    assert queries["entity"].needs_name and queries["claims-about"].needs_name
    assert not queries["speakers"].takes_name and not queries["topics"].takes_name
    with pytest.raises(UsageError, match="needs a name: add --name"):
        with_name(queries["entity"], None)
    with pytest.raises(UsageError, match="takes no name"):
        with_name(queries["models"], "田奇")
    quoted = with_name(queries["entity"], 'a "quoted" \\ name')
    assert 'VALUES ?name { "a \\"quoted\\" \\\\ name" }' in quoted


def test_claims_about():
    rows = column_rows(canned("claims-about", "fixture", "盘古大模型"), "entity", "speaker")
    assert ("盘古大模型", "田奇") in rows
    about = canned("claims-about", "fixture", "盘古大模型")
    topics = {row[0]: int(row[1]) for row in canned("topics", "fixture").rows}
    assert topics["盘古大模型"] == len(about.rows)
    assert canned("claims-about", "fixture", "盘古").rows == about.rows  # by its alias, the same claims
    assert not canned("claims-about", "fixture", "盘古大").rows


def test_former_affiliations():
    rows = column_rows(canned("former-affiliations", "fixture"), "person", "organization")
    assert rows == {("田奇", "诺亚方舟实验室")}


def test_formats():
    result = run_query([samples.FIXTURE_TTL], canned_queries()["models"].text)
    table = result.to_table().splitlines()
    assert table[0].split() == ["model", "maker", "parameters"] and set(table[1]) <= {"-", " "}
    assert list(csv.reader(io.StringIO(result.to_csv())))[0] == ["model", "maker", "parameters"]
    assert "盘古大模型\t华为\t100000000000" in result.to_tsv()
    document = json.loads(result.to_json())
    assert document["head"]["vars"] == ["model", "maker", "parameters"]
    pangu = [b for b in document["results"]["bindings"] if b["model"]["value"] == "盘古大模型"][0]
    assert pangu["model"] == {"type": "literal", "value": "盘古大模型", "xml:lang": "zh"}
    assert pangu["parameters"]["datatype"].endswith("#decimal")


def test_unbound_values_are_left_out_of_json_and_empty_in_csv():
    result = run_query([samples.FIXTURE_TTL], "SELECT ?x ?y WHERE { VALUES ?x { 1 } }")
    assert result.rows == [(1, None)]
    assert json.loads(result.to_json())["results"]["bindings"] == [
        {"x": {"type": "literal", "value": "1", "datatype": str(XSD.integer)}}]
    assert result.to_csv() == "x,y\n1,\n"


def test_ask_and_bad_queries():
    assert run_query([samples.FIXTURE_TTL], "ASK { ?s ?p ?o }").rows == [(True,)]
    with pytest.raises(UsageError):
        run_query([samples.FIXTURE_TTL], "SELECT WHERE")



def test_construct_and_describe_give_turtle():
    result = run_query([samples.FIXTURE_TTL], "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                                              "CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p rdfs:label ?n }")
    assert isinstance(result, GraphResult) and result.triples
    turtle = result.to_turtle()
    assert "rdfs:label" in turtle and "@prefix rdfs:" in turtle
    from rdflib import Graph

    assert len(Graph().parse(data=turtle, format="turtle")) == len(result.triples)
    described = run_query([samples.FIXTURE_TTL], "DESCRIBE ?p WHERE { ?p <http://www.w3.org/2000/01/rdf-schema#label> "
                                                 '"田奇"@zh }')
    assert isinstance(described, GraphResult) and "田奇" in described.to_turtle()


def test_select_star_keeps_the_query_order_of_variables():
    result = run_query([samples.FIXTURE_TTL], "SELECT * WHERE { ?person <http://www.w3.org/2000/01/rdf-schema#label> "
                                              "?name . ?person a ?class } LIMIT 1")
    assert result.variables == ["person", "name", "class"]
    spo = run_query([samples.FIXTURE_TTL], "# ?o first in a comment\nSELECT * { ?s ?p ?o } LIMIT 1")
    assert spo.variables == ["s", "p", "o"]


def test_table_shows_prefixed_names_unless_full_iris():
    query = ("PREFIX ex: <https://schema.org/> SELECT ?p ?c WHERE { ?p a ?c ; "
             "<http://www.w3.org/2000/01/rdf-schema#label> \"田奇\"@zh }")
    result = run_query([samples.FIXTURE_TTL], query)
    table = result.to_table()
    assert "ex:Person" in table and "https://schema.org/Person" not in table  # the query's own prefix wins
    full = result.to_table(full_iris=True)
    assert "https://schema.org/Person" in full and "ex:Person" not in full
    assert "https://schema.org/Person" in result.to_csv()  # only the table is shortened


def test_a_transcript_is_not_a_graph():
    with pytest.raises(InputError, match="this is a transcript, not a graph; build it first"):
        run_query([SAMPLE], "ASK {}")


def test_a_superclass_is_found_with_the_ontology_read_beside_the_graph():
    from talkgraph.ontology.namespace import ONTOLOGY_FILE

    count = ("PREFIX schema: <https://schema.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
             "PREFIX tg: <https://w3id.org/talkgraph/ontology#> SELECT (COUNT(?c) AS ?n) WHERE { ?c a/rdfs:subClassOf* %s }")
    graph = samples.sample_ttl(name="example")
    claims = run_query([graph], count % "tg:Claim").rows[0][0]
    assert claims > 0
    assert run_query([graph, ONTOLOGY_FILE], count % "schema:Claim").rows[0][0] == claims  # as the README says
