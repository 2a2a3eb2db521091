"""talkgraph's vocabulary: the ontology (``talkgraph.ttl``), its Python namespace, lexicons and queries.

``talkgraph.ontology.lexicon`` needs only the standard library; ``talkgraph.ontology.namespace``
needs rdflib and is imported by the graph stage only.
"""
