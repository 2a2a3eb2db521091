"""The Neo4j folder: neo4j-admin CSV headers, a LOAD CSV script covering every file, and data that
an embedded Cypher database (LadybugDB, the maintained Kùzu fork) loads and answers like SPARQL.

Kùzu-style databases need a schema and know neither ``neo4j-admin`` headers nor ``LOAD CSV``, so
the loader below reads the headers the way ``neo4j-admin`` does (``name:type``, ``:ID``, ``:LABEL``,
``;``-separated arrays) and creates one node table per label and one relationship table per type.
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import pytest

from talkgraph.graph.exporters import EXPORTERS, neo4j  # noqa: F401 - registers the exporter
from talkgraph.graph.pipeline import RdfGraph
from talkgraph.graph.query import canned_queries, run_query

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "rdf"))
import samples  # noqa: E402

WORKS_FOR = """
    PREFIX schema: <https://schema.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?p ?o WHERE { ?x schema:worksFor ?y . ?x a schema:Person ; rdfs:label ?p . ?y rdfs:label ?o }"""
ladybug = pytest.importorskip("ladybug", reason="pip install ladybug (the embedded Cypher database) to run these")

KUZU_TYPES = {"string": "STRING", "int": "INT64", "long": "INT64", "double": "DOUBLE", "string[]": "STRING[]"}
NODE_HEADER = re.compile(r"^(id:ID|:LABEL|\w+(:(int|long|double|string|string\[\]))?)$")


def export_folder(sample: str, tmp_path: Path) -> Path:
    folder = tmp_path / EXPORTERS["neo4j"].filename
    EXPORTERS["neo4j"].write(RdfGraph(samples.sample_graph(sample)), folder)
    return folder


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def column(header: str) -> tuple[str, str]:
    """``aliases:string[]`` → ("aliases", "string[]"); untyped columns are strings."""
    name, _, kind = header.partition(":")
    return name, kind or "string"


def value(text: str, kind: str):
    if kind == "string[]":
        return [v for v in text.split(";") if v]
    if text == "":
        return None
    return {"int": int, "long": int, "double": float}.get(kind, str)(text)


def load_into_ladybug(folder: Path):
    connection = ladybug.Connection(ladybug.Database(":memory:"))
    label_of: dict[str, str] = {}
    for path in sorted(folder.glob("nodes_*.csv")):
        header, rows = read_csv(path)
        label = path.stem.removeprefix("nodes_")
        properties = [column(h) for h in header if not h.startswith(("id:", ":"))]
        columns = ", ".join(f"{name} {KUZU_TYPES[kind]}" for name, kind in properties)
        connection.execute(f"CREATE NODE TABLE {label}(id STRING PRIMARY KEY, {columns})")
        assignments = ", ".join(f"{name}: ${name}" for name, _ in properties)
        for row in rows:
            assert row[":LABEL"].split(";")[0] == label
            params = {name: value(row[f"{name}:{kind}" if f"{name}:{kind}" in row else name], kind)
                      for name, kind in properties}
            connection.execute(f"CREATE (:{label} {{id: $id, {assignments}}})", {"id": row["id:ID"], **params})
            label_of[row["id:ID"]] = label
    for path in sorted(folder.glob("relationships_*.csv")):
        header, rows = read_csv(path)
        rel_type = path.stem.removeprefix("relationships_")
        pairs = sorted({(label_of[r[":START_ID"]], label_of[r[":END_ID"]]) for r in rows})
        properties = [column(h) for h in header if not h.startswith(":")]
        ends = ", ".join(f"FROM {a} TO {b}" for a, b in pairs)
        columns = "".join(f", {name} {KUZU_TYPES[kind]}" for name, kind in properties)
        connection.execute(f"CREATE REL TABLE {rel_type}({ends}{columns})")
        assignments = ", ".join(f"{name}: ${name}" for name, _ in properties)
        for row in rows:
            assert row[":TYPE"] == rel_type
            a, b = label_of[row[":START_ID"]], label_of[row[":END_ID"]]
            connection.execute(f"MATCH (a:{a} {{id: $s}}), (b:{b} {{id: $t}}) CREATE (a)-[:{rel_type} {{{assignments}}}]->(b)",
                               {"s": row[":START_ID"], "t": row[":END_ID"], **{n: value(row[n], k) for n, k in properties}})
    return connection


def cypher_rows(connection, query: str) -> set[tuple]:
    result = connection.execute(query)
    rows = set()
    while result.has_next():
        rows.add(tuple(result.get_next()))
    return rows


def test_headers_follow_neo4j_admin(tmp_path):
    folder = export_folder("fixture", tmp_path)
    node_files = sorted(folder.glob("nodes_*.csv"))
    assert {p.stem for p in node_files} >= {"nodes_Person", "nodes_Organization", "nodes_Model", "nodes_Claim"}
    for path in node_files:
        header, _ = read_csv(path)
        assert header[:2] == ["id:ID", ":LABEL"], path.name
        assert all(NODE_HEADER.match(h) for h in header), header
    person, rows = read_csv(folder / "nodes_Person.csv")
    assert {"mentionCount:int", "aliases:string[]"} <= set(person)
    tian = [r for r in rows if r["label"] == "田奇"][0]
    assert tian["aliases:string[]"] == "田老师" and tian[":LABEL"] == "Person;Resource"
    for path in folder.glob("relationships_*.csv"):
        header, rows = read_csv(path)
        assert header[:3] == [":START_ID", ":END_ID", ":TYPE"] and rows


def test_import_cypher_loads_every_csv_with_merge(tmp_path):
    folder = export_folder("fixture", tmp_path)
    script = (folder / "import.cypher").read_text(encoding="utf-8")
    statements = [s for s in script.split(";\n") if "LOAD CSV WITH HEADERS" in s]
    csvs = sorted(p.name for p in folder.glob("*.csv"))
    loaded = sorted(re.findall(r"LOAD CSV WITH HEADERS FROM 'file:///([^']+)'", script))
    assert loaded == csvs
    assert len(statements) == len(csvs)
    for statement in statements:
        assert "MERGE" in statement
        header, _ = read_csv(folder / re.search(r"file:///([^']+)", statement).group(1))
        used = set(re.findall(r"row\.`([^`]+)`|row\.(\w+)", statement))
        assert {a or b for a, b in used} <= set(header), statement


def test_readme_documents_n10s(tmp_path):
    readme = (export_folder("fixture", tmp_path) / "README.md").read_text(encoding="utf-8")
    for setting in ("handleVocabUris", "keepLangTag: true", "handleMultival: 'ARRAY'", "n10s.rdf.import.fetch",
                    "neo4j-admin database import full", "n10s.nsprefixes.add('schema'"):
        assert setting in readme


def test_folder_is_replaced_whole(tmp_path):
    folder = export_folder("fixture", tmp_path)
    (folder / "stale.csv").write_text("old", encoding="utf-8")
    EXPORTERS["neo4j"].write(RdfGraph(samples.fixture_graph()), folder)
    assert not (folder / "stale.csv").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["neo4j"], "no temporary folders left behind"


@pytest.mark.parametrize("sample", samples.SAMPLES)
def test_cypher_answers_like_sparql(sample, tmp_path):
    connection = load_into_ladybug(export_folder(sample, tmp_path))
    works_for = cypher_rows(connection, "MATCH (p:Person)-[:WORKS_FOR]->(o:Organization) RETURN p.label, o.label")
    sparql = run_query([samples.sample_ttl(sample)], WORKS_FOR)
    assert works_for == set(sparql.rows) and ("田奇", "华为云") in works_for
    makers = cypher_rows(connection, "MATCH (m:Model)-[:CREATOR]->(x) RETURN m.label, x.label")
    models = run_query([samples.sample_ttl(sample)], canned_queries()["models"].text)
    assert makers == {(m, x) for m, x, _ in models.rows if x}
    aliases = cypher_rows(connection, "MATCH (m:Model {label: '盘古大模型'}) RETURN m.parameterCount")
    assert aliases == {(1e11,)}


@pytest.mark.parametrize("sample", samples.SAMPLES)
def test_the_shipped_cypher_script_loads_into_ladybug(sample, tmp_path, monkeypatch):
    """``embedded.cypher`` itself, statement by statement, gives the same answers as SPARQL."""
    folder = export_folder(sample, tmp_path)
    monkeypatch.chdir(folder)
    connection = ladybug.Connection(ladybug.Database(str(tmp_path / "script-db")))
    for statement in (folder / "embedded.cypher").read_text(encoding="utf-8").split(";\n"):
        if statement.strip():
            connection.execute(statement)
    works_for = cypher_rows(connection, "MATCH (p:Person)-[:WORKS_FOR]->(o:Organization) RETURN p.label, o.label")
    sparql = run_query([samples.sample_ttl(sample)], WORKS_FOR)
    assert works_for == set(sparql.rows) and works_for
    assert cypher_rows(connection, "MATCH (m:Model {label: '盘古大模型'})-[:CREATOR]->(x) RETURN x.label") == {("华为",)}
