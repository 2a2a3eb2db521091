"""``talkgraph ontology``: where the ontology is and what it holds."""
from __future__ import annotations

import argparse

from . import add_command


def configure(subparsers) -> None:
    parser = add_command(subparsers, "ontology", "show where the ontology is and what it holds",
                         "Print the ontology file's path, its version, and its classes and properties\n"
                         "with their English and Chinese labels and the standard terms they refine.",
                         ["talkgraph ontology", "talkgraph ontology --turtle > talkgraph.ttl"])
    parser.add_argument("--turtle", action="store_true", help="print the ontology itself (Turtle)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rdflib import Graph
    from rdflib.namespace import OWL, RDF, RDFS

    from talkgraph.ontology.namespace import ONTOLOGY_FILE, ONTOLOGY_IRI

    if args.turtle:
        print(ONTOLOGY_FILE.read_text(encoding="utf-8"), end="")
        return 0
    g = Graph().parse(ONTOLOGY_FILE)
    print(f"file:    {ONTOLOGY_FILE}")
    print(f"IRI:     {ONTOLOGY_IRI}")
    print(f"version: {next(g.objects(None, OWL.versionIRI), None)}")
    for title, kind, parent in (("classes", OWL.Class, RDFS.subClassOf),
                                ("object properties", OWL.ObjectProperty, RDFS.subPropertyOf),
                                ("datatype properties", OWL.DatatypeProperty, RDFS.subPropertyOf)):
        print(f"\n{title}:")
        for term in sorted(g.subjects(RDF.type, kind)):
            labels = {lit.language: str(lit) for lit in g.objects(term, RDFS.label)}
            ties = ", ".join(sorted(g.namespace_manager.normalizeUri(o) for o in g.objects(term, parent)))
            name = g.namespace_manager.normalizeUri(term)
            print(f"  {name:28} {labels.get('en', ''):26} {labels.get('zh', ''):8} {('⊑ ' + ties) if ties else ''}")
    return 0
