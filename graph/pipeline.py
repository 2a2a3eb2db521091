"""The whole path in one visible pipeline: read → parse → extract → resolve → build → export.

This is the Python API a notebook uses; the CLI is a thin layer over it::

    from talkgraph.graph import build_graph, export_graph
    built = build_graph(["panel.txt"])
    built.rdf.query("SELECT ...")          # rdflib Graph
    built.networkx.nodes(data=True)        # NetworkX MultiDiGraph
    export_graph(built, "out/", ["turtle", "html"])
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from rdflib import Graph

from talkgraph.extract.errors import InputError
from talkgraph.extract.extraction import extract
from talkgraph.extract.model import Document, Extraction, Kind
from talkgraph.extract.reading import read_document
from talkgraph.extract.transcript import parse_transcript
from talkgraph.ontology.namespace import ONTOLOGY_FILE

from .build import build_networkx, build_rdf
from .exporters import atomic_write, get_exporter
from .resolve import ResolvedCorpus, resolve_aliases

TRANSCRIPT_SUFFIXES = (".txt", ".md", ".text")


@dataclass(frozen=True)
class BuiltGraph:
    corpus: ResolvedCorpus
    rdf: Graph
    networkx: nx.MultiDiGraph

    def summaries(self) -> list[str]:
        """One line per transcript: turns, people, organisations, models, claims."""
        lines = []
        for doc in self.corpus.documents:
            x = doc.extraction
            keys = set(doc.entity_of.values()) | set(doc.speaker_of.values())
            count = {kind: sum(1 for k in keys if self.corpus.entities[k].kind is kind) for kind in Kind}
            lines.append(f"{x.transcript.document.doc_id}: {len(x.transcript.turns)} turns, "
                         f"{count[Kind.PERSON]} people, {count[Kind.ORGANIZATION]} organisations, "
                         f"{count[Kind.MODEL]} models, {len(x.claims)} claims")
        return lines


def transcript_paths(inputs: Iterable[str | Path]) -> list[Path]:
    """Files as given, and the transcripts (``*.txt``, ``*.md``) inside directories, sorted."""
    paths: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TRANSCRIPT_SUFFIXES)
            if not found:
                raise InputError(f"{path}: no transcripts (*.txt, *.md) in this directory")
            paths.extend(found)
        else:
            paths.append(path)
    return paths


def read_and_extract(document: Document) -> Extraction:
    return extract(parse_transcript(document))


def build_from_documents(documents: Sequence[Document]) -> BuiltGraph:
    extractions = [read_and_extract(doc) for doc in documents]
    corpus = resolve_aliases(extractions)
    return BuiltGraph(corpus, build_rdf(corpus), build_networkx(corpus))


def build_graph(inputs: Iterable[str | Path]) -> BuiltGraph:
    """Read, extract, resolve and build the transcripts (files or directories) given."""
    documents = [read_document(p) for p in transcript_paths(inputs)]
    _check_unique_ids(documents)
    return build_from_documents(documents)


def _check_unique_ids(documents: Sequence[Document]) -> None:
    seen: dict[str, str] = {}
    for doc in documents:
        if doc.doc_id in seen:
            raise InputError(f"{doc.source}: has the same name as {seen[doc.doc_id]}; rename one of them")
        seen[doc.doc_id] = doc.source or doc.doc_id


def export_graph(built: BuiltGraph, out_dir: str | Path, formats: Sequence[str] = ("turtle", "html")) -> list[Path]:
    """Write the ontology and each format's file into ``out_dir``; returns what was written."""
    out_dir = Path(out_dir)
    exporters = [get_exporter(name) for name in formats]
    written = []
    with atomic_write(out_dir / "ontology.ttl") as handle:
        handle.write(ONTOLOGY_FILE.read_text(encoding="utf-8"))
    written.append(out_dir / "ontology.ttl")
    for exporter in exporters:
        exporter.write(built.rdf, out_dir / exporter.filename)
        written.append(out_dir / exporter.filename)
    return written
