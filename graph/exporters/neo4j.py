"""Neo4j export: a folder of CSVs for ``neo4j-admin database import full``, a Cypher script that
loads the same CSVs into a running database, and a README on importing the Turtle with n10s.

One file per node label (``nodes_Person.csv``…) and per relationship type
(``relationships_WORKS_FOR.csv``…), so each file has one header and the import command lists them
explicitly.  Every node also carries the label ``Resource`` (as neosemantics does), so that
``import.cypher`` can match the two ends of a relationship by id without knowing their labels.
The folder is written beside its final place and renamed into it, never left half-written.
"""
from __future__ import annotations

import csv
import io
import os
import re
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path


from talkgraph.extract.errors import OutputError
from talkgraph.ontology.namespace import PREFIXES

from . import BuiltRdf, exporter
from .property_graph import EDGE_PROPERTIES, SCHEMA, PGEdge, PGNode, PropertyGraph, property_graph

ARRAY_DELIMITER = ";"
COMMON_LABEL = "Resource"


@exporter("neo4j", "neo4j", "Neo4j: CSVs for neo4j-admin import, a LOAD CSV script, n10s notes")
def write_neo4j(built: BuiltRdf, path: Path) -> None:
    files = neo4j_files(property_graph(built.rdf))
    _write_folder(Path(path), files)


def relationship_type(edge_type: str) -> str:
    """Neo4j's convention for relationship types: ``worksFor`` → ``WORKS_FOR``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", edge_type).upper()


def neo4j_files(pg: PropertyGraph) -> dict[str, str]:
    """File name → content for the whole folder."""
    files: dict[str, str] = {}
    by_label: dict[str, list[PGNode]] = defaultdict(list)
    for node in pg.nodes:
        by_label[node.label].append(node)
    by_type: dict[str, list[PGEdge]] = defaultdict(list)
    for edge in pg.edges:
        by_type[relationship_type(edge.type)].append(edge)
    for label, nodes in sorted(by_label.items()):
        files[f"nodes_{label}.csv"] = _csv(node_header(label), (_node_row(n) for n in nodes))
    for rel_type, edges in sorted(by_type.items()):
        files[f"relationships_{rel_type}.csv"] = _csv(relationship_header(), (_edge_row(e, rel_type) for e in edges))
    files["import.cypher"] = import_cypher(sorted(by_label), sorted(by_type))
    label_of = {node.id: node.label for node in pg.nodes}
    ends = {rel_type: sorted({(label_of[e.source], label_of[e.target]) for e in edges})
            for rel_type, edges in by_type.items()}
    files["embedded.cypher"] = embedded_cypher(sorted(by_label), ends)
    files["README.md"] = readme(sorted(by_label), sorted(by_type))
    return files


def node_header(label: str) -> list[str]:
    return ["id:ID", ":LABEL"] + [_typed(name, kind) for name, kind in SCHEMA[label]]


def relationship_header() -> list[str]:
    return [":START_ID", ":END_ID", ":TYPE"] + [_typed(name, kind) for name, kind in EDGE_PROPERTIES]


def _typed(name: str, kind: str) -> str:
    """``name:type`` in neo4j-admin's header syntax; plain strings need no type."""
    return name if kind == "string" else f"{name}:{kind}"


def _node_row(node: PGNode) -> list[str]:
    labels = ARRAY_DELIMITER.join((node.label, COMMON_LABEL))
    return [node.id, labels] + [_cell(node.properties.get(name)) for name, _ in SCHEMA[node.label]]


def _edge_row(edge: PGEdge, rel_type: str) -> list[str]:
    return [edge.source, edge.target, rel_type] + [_cell(edge.properties.get(name)) for name, _ in EDGE_PROPERTIES]


def _cell(value) -> str:
    """A CSV cell; an array's items joined by the delimiter, which is why none may contain it."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ARRAY_DELIMITER.join(v.replace(ARRAY_DELIMITER, ",") for v in value)
    return str(value)


def _csv(header: list[str], rows) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


# ---------------------------------------------------------------- import.cypher

_CAST = {"int": "toInteger({})", "long": "toInteger({})", "double": "toFloat({})", "string": "{}",
         "string[]": f"CASE WHEN {{0}} IS NULL OR {{0}} = '' THEN [] ELSE split({{0}}, '{ARRAY_DELIMITER}') END"}


def import_cypher(labels: list[str], rel_types: list[str]) -> str:
    """``LOAD CSV`` + ``MERGE`` statements for the same CSVs, for a database that is already running.

    Copy the CSVs into the database's ``import/`` folder, then run this file with
    ``cypher-shell -f import.cypher``.  MERGE makes it safe to run twice.
    """
    parts = ["// talkgraph: load the CSVs of this folder (copied into Neo4j's import/ folder) with LOAD CSV.",
             f"CREATE CONSTRAINT talkgraph_resource_id IF NOT EXISTS FOR (n:{COMMON_LABEL}) REQUIRE n.id IS UNIQUE;",
             ""]
    for label in labels:
        parts.append(_node_statement(label))
    for rel_type in rel_types:
        parts.append(_relationship_statement(rel_type))
    return "\n".join(parts)


def _node_statement(label: str) -> str:
    sets = ",\n    ".join(f"n.{name} = {_cast(kind, _column(_typed(name, kind)))}" for name, kind in SCHEMA[label])
    return (f"LOAD CSV WITH HEADERS FROM 'file:///nodes_{label}.csv' AS row\n"
            f"MERGE (n:{COMMON_LABEL} {{id: row.`id:ID`}})\n"
            f"SET n:{label},\n    {sets};\n")


def _relationship_statement(rel_type: str) -> str:
    sets = ",\n    ".join(f"r.{name} = {_cast(kind, _column(_typed(name, kind)))}" for name, kind in EDGE_PROPERTIES)
    return (f"LOAD CSV WITH HEADERS FROM 'file:///relationships_{rel_type}.csv' AS row\n"
            f"MATCH (a:{COMMON_LABEL} {{id: row.`:START_ID`}}), (b:{COMMON_LABEL} {{id: row.`:END_ID`}})\n"
            f"MERGE (a)-[r:{rel_type}]->(b)\n"
            f"SET {sets};\n")


def _column(header: str) -> str:
    return f"row.`{header}`" if not header.isidentifier() else f"row.{header}"


def _cast(kind: str, expression: str) -> str:
    return _CAST[kind].format(expression)


# ---------------------------------------------------------------- embedded.cypher

_EMBEDDED_TYPES = {"string": "STRING", "int": "INT64", "long": "INT64", "double": "DOUBLE", "string[]": "STRING[]"}
_EMBEDDED_CAST = {"string": "{}", "int": "CAST({} AS INT64)", "long": "CAST({} AS INT64)",
                  "double": "CAST({} AS DOUBLE)",
                  "string[]": f"CASE WHEN {{0}} IS NULL OR {{0}} = '' THEN CAST([] AS STRING[]) "
                              f"ELSE string_split({{0}}, '{ARRAY_DELIMITER}') END"}


def embedded_cypher(labels: list[str], ends: dict[str, list[tuple[str, str]]]) -> str:
    """The same CSVs into an embedded Cypher database (LadybugDB, Kùzu): typed tables, then
    ``LOAD WITH HEADERS … FROM`` + ``MERGE``.  Run it from this folder; the file names are relative."""
    parts = []
    for label in labels:
        columns = ", ".join(f"{name} {_EMBEDDED_TYPES[kind]}" for name, kind in SCHEMA[label])
        parts.append(f"CREATE NODE TABLE {label}(id STRING PRIMARY KEY, {columns});")
    edge_columns = ", ".join(f"{name} {_EMBEDDED_TYPES[kind]}" for name, kind in EDGE_PROPERTIES)
    for rel_type, pairs in sorted(ends.items()):
        froms = ", ".join(f"FROM {a} TO {b}" for a, b in pairs)
        parts.append(f"CREATE REL TABLE {rel_type}({froms}, {edge_columns});")
    for label in labels:
        headers = ", ".join(f"{name} STRING" for name in ("id", "labels", *(n for n, _ in SCHEMA[label])))
        sets = ", ".join(f"n.{name} = {_EMBEDDED_CAST[kind].format(name)}" for name, kind in SCHEMA[label])
        parts.append(f"LOAD WITH HEADERS ({headers}) FROM 'nodes_{label}.csv' (header=true) "
                     f"MERGE (n:{label} {{id: id}}) SET {sets};")
    headers = ", ".join(f"{name} STRING" for name in ("source", "target", "type", *(n for n, _ in EDGE_PROPERTIES)))
    sets = ", ".join(f"r.{name} = {name}" for name, _ in EDGE_PROPERTIES)
    for rel_type, pairs in sorted(ends.items()):
        for a, b in pairs:
            parts.append(f"LOAD WITH HEADERS ({headers}) FROM 'relationships_{rel_type}.csv' (header=true) "
                         f"MATCH (a:{a} {{id: source}}), (b:{b} {{id: target}}) MERGE (a)-[r:{rel_type}]->(b) SET {sets};")
    return "\n".join(parts) + "\n"


# ---------------------------------------------------------------- README.md

def readme(labels: list[str], rel_types: list[str]) -> str:
    nodes = " \\\n  ".join(f"--nodes=import/nodes_{label}.csv" for label in labels)
    rels = " \\\n  ".join(f"--relationships=import/relationships_{t}.csv" for t in rel_types)
    prefixes = "\n".join(f"CALL n10s.nsprefixes.add('{p}', '{ns}');" for p, ns in sorted(PREFIXES.items()))
    return _README.format(nodes=nodes, rels=rels, prefixes=prefixes, delimiter=ARRAY_DELIMITER,
                          common=COMMON_LABEL, labels=", ".join(labels), types=", ".join(rel_types))


_README = """# talkgraph → Neo4j

Four ways into a Cypher database, from the same graph.

## 1. Bulk import into an empty database (`neo4j-admin`)

Copy the CSVs into the Neo4j home's `import/` folder, stop the database, then:

```sh
neo4j-admin database import full neo4j --overwrite-destination \\
  --array-delimiter='{delimiter}' \\
  {nodes} \\
  {rels}
```

Node labels: {labels} (every node is also a `:{common}`, with its IRI as `id`).
Relationship types: {types}.
Arrays (`aliases`, `jobTitles`) are `{delimiter}`-separated.

## 2. Into a running database (`LOAD CSV`)

Copy the CSVs into the `import/` folder and run:

```sh
cypher-shell -u neo4j -p PASSWORD -f import.cypher
```

The script MERGEs, so running it twice changes nothing.  Then, for example, who works where:

```cypher
MATCH (p:Person)-[:WORKS_FOR]->(o:Organization) RETURN p.label, o.label ORDER BY p.label;
```

## 3. An embedded Cypher database (LadybugDB, Kùzu)

`embedded.cypher` creates typed node and relationship tables and loads the same CSVs with
`LOAD WITH HEADERS … FROM` and `MERGE`; run it statement by statement from this folder, e.g.
`for s in open("embedded.cypher").read().split(";\\n"): s.strip() and connection.execute(s)`
after `pip install ladybug`.

## 4. The Turtle itself, with neosemantics (n10s)

n10s imports `graph.ttl` triple by triple, keeping every detail (claims' offsets, the NIF text,
the relation statements).  Configure it once per database:

```cypher
CREATE CONSTRAINT n10s_unique_uri IF NOT EXISTS FOR (r:Resource) REQUIRE r.uri IS UNIQUE;

CALL n10s.graphconfig.init({{
  handleVocabUris: 'SHORTEN',    // schema__worksFor, tg__agreesWith: prefixes as below
  keepLangTag: true,             // keep "田奇"@zh as "田奇@zh"; read it with n10s.rdf.getLangValue('zh', n.rdfs__label)
  handleMultival: 'ARRAY',       // several skos:altLabel values become one array property
  multivalPropList: null,        // ... for every property
  keepCustomDataTypes: true,     // xsd:gYear and xsd:nonNegativeInteger survive as typed strings
  handleRDFTypes: 'LABELS'       // rdf:type → node labels (schema__Person, tg__Claim)
}});

{prefixes}

CALL n10s.rdf.import.fetch('file:///path/to/graph.ttl', 'Turtle');
```

With `keepLangTag: true` labels come back as `田奇@zh`; use
`n10s.rdf.getLangValue('zh', n.rdfs__label)` to get the bare name.  Use `handleVocabUris: 'IGNORE'`
instead if you want short property names (`worksFor`) and don't mind losing the vocabulary.
"""


# ---------------------------------------------------------------- writing the folder atomically

def _write_folder(target: Path, files: dict[str, str]) -> None:
    """Write every file into a temporary folder beside ``target``, then swap it into place."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as exc:
        raise OutputError(f"{target.parent}: cannot write here ({exc.strerror or exc})") from None
    try:
        for name, content in files.items():
            (staging / name).write_text(content, encoding="utf-8", newline="\n")
        os.chmod(staging, 0o755)
        _swap_into_place(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap_into_place(staging: Path, target: Path) -> None:
    """Rename ``staging`` to ``target``; an existing ``target`` is moved aside first, then deleted."""
    if not target.exists():
        os.replace(staging, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
    os.replace(target, old / target.name)
    os.replace(staging, target)
    shutil.rmtree(old, ignore_errors=True)
