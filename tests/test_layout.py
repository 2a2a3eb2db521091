"""The package's shape: stages depend in one direction, the vocabulary is in one place."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import OWL, RDF

from talkgraph.ontology.namespace import ONTOLOGY_FILE, TG

ROOT = Path(__file__).resolve().parent.parent


def imports(folder: str) -> set[str]:
    found = set()
    for path in (ROOT / folder).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0] if not node.module.startswith("talkgraph.") else node.module)
    return found


def test_extract_needs_neither_rdflib_nor_networkx_nor_the_graph_stage():
    used = imports("extract")
    assert not used & {"rdflib", "networkx", "pyvis"}
    assert not any(m.startswith("talkgraph.graph") for m in used)


def test_no_iri_literals_outside_the_ontology():
    pattern = re.compile(r"[\"']https?://(?!127\.0\.0\.1|localhost)")
    for folder in ("extract", "graph"):
        for path in (ROOT / folder).rglob("*.py"):
            assert not pattern.search(path.read_text(encoding="utf-8")), path


def test_python_namespace_and_turtle_declare_the_same_terms():
    g = Graph().parse(ONTOLOGY_FILE)
    prefix = str(TG._NS)
    declared = {str(s)[len(prefix):] for s in g.subjects() if str(s).startswith(prefix)}
    in_python = {name for name in TG.__annotations__}
    assert declared == in_python


def test_every_own_term_is_tied_to_a_standard_vocabulary():
    g = Graph().parse(ONTOLOGY_FILE)
    from rdflib.namespace import RDFS
    for term in set(g.subjects(RDF.type, OWL.Class)) | set(g.subjects(RDF.type, OWL.ObjectProperty)) | set(
            g.subjects(RDF.type, OWL.DatatypeProperty)):
        labels = {lit.language for lit in g.objects(term, RDFS.label)}
        assert {"en", "zh"} <= labels, term
        assert g.value(term, RDFS.comment) is not None, term
        tied = set(g.objects(term, RDFS.subClassOf)) | set(g.objects(term, RDFS.subPropertyOf))
        assert any(not str(t).startswith(str(TG._NS)) for t in tied), term


def test_graph_builds_from_the_resolved_model_without_reading_names_itself():
    """Resolution is language processing: it lives in extract/, and graph/ uses none of its name rules."""
    rules = {f"talkgraph.extract.{m}" for m in ("persons", "organizations", "products", "places", "handles",
                                                 "chinese_names", "tokens")}
    assert not imports("graph") & rules
    assert not (ROOT / "graph" / "resolve.py").exists()


def test_extract_imports_at_module_level_only():
    """No import cycle is broken by an import inside a function."""
    for path in (ROOT / "extract").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))):
            assert not any(isinstance(n, (ast.Import, ast.ImportFrom)) for n in ast.walk(func)), (path, func.name)


def test_every_subpackage_is_packaged():
    """A wheel holds only the packages pyproject lists: a new subpackage left out installs broken."""
    import tomllib
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    for folder in ("extract", "graph", "ontology"):
        for init in (ROOT / folder).rglob("__init__.py"):
            parts = init.parent.relative_to(ROOT).parts
            assert ".".join(("talkgraph", *parts)) in listed, init
