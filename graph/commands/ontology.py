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

    from talkgraph.graph.display import display_width, pad
    from talkgraph.ontology.namespace import ONTOLOGY_FILE, ONTOLOGY_IRI

    if args.turtle:
        print(ONTOLOGY_FILE.read_text(encoding="utf-8"), end="")
        return 0
    g = Graph().parse(ONTOLOGY_FILE)
    print(f"file:    {ONTOLOGY_FILE}")
    print(f"IRI:     {ONTOLOGY_IRI}")
    print(f"version: {next(g.objects(None, OWL.versionIRI), None)}")
    sections = {title: [_row(g, term, parent) for term in sorted(g.subjects(RDF.type, kind))]
                for title, kind, parent in (("classes", OWL.Class, RDFS.subClassOf),
                                            ("object properties", OWL.ObjectProperty, RDFS.subPropertyOf),
                                            ("datatype properties", OWL.DatatypeProperty, RDFS.subPropertyOf))}
    # one set of column widths for every section, by display width (a Chinese label takes two columns a character)
    widths = [max(display_width(row[i]) for rows in sections.values() for row in rows) for i in range(3)]
    for title, rows in sections.items():
        print(f"\n{title}:")
        for row in rows:
            print(("  " + "  ".join([pad(cell, width) for cell, width in zip(row, widths)] + row[3:])).rstrip())
    return 0


def _row(g, term, parent) -> list[str]:
    """Name, English label, Chinese label, and the terms it refines."""
    from rdflib.namespace import RDFS

    labels = {lit.language: str(lit) for lit in g.objects(term, RDFS.label)}
    ties = ", ".join(sorted(g.namespace_manager.normalizeUri(o) for o in g.objects(term, parent)))
    return [g.namespace_manager.normalizeUri(term), labels.get("en", ""), labels.get("zh", ""),
            ("⊑ " + ties) if ties else ""]
