"""talkgraph's graph stage and public API: resolve, build, export, query, CLI.

    from talkgraph.graph import build_graph, export_graph
"""
from .pipeline import BuiltGraph, build_from_documents, build_graph, export_graph, transcript_paths

__all__ = ["BuiltGraph", "build_from_documents", "build_graph", "export_graph", "transcript_paths"]
