"""Literals carry the language their script says: @en for Latin-script names and English claims,
@zh for Chinese; what rdflib reads back is what a SPARQL user filters on."""
from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import RDFS

from talkgraph.extract import document_from_text
from talkgraph.graph import export_graph
from talkgraph.graph.pipeline import build_from_documents
from talkgraph.ontology.namespace import SDO, TG

TEXT = ("王小明：欢迎腾讯云首席科学家李明远。我认为 OpenAI 的 GPT-4o 很强。\n\n"
        "李明远：I think open models will win in the long run. 谢谢。\n\n王小明：好。\n")


def test_latin_names_and_english_claims_are_tagged_en(tmp_path):
    built = build_from_documents([document_from_text(TEXT, doc_id="tags")])
    export_graph(built, tmp_path, ["turtle"])
    g = Graph().parse(tmp_path / "graph.ttl")
    labels = {str(o): o.language for o in g.objects(None, RDFS.label)}
    assert labels["GPT-4o"] == "en" and labels["OpenAI"] == "en"
    assert labels["李明远"] == "zh"
    claims = {str(o): o.language for c in g.subjects(None, TG.Claim) for o in g.objects(c, SDO.text)}
    assert claims["I think open models will win in the long run."] == "en"
    assert claims["我认为 OpenAI 的 GPT-4o 很强。"] == "zh"  # mixed text is Chinese
