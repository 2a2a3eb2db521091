"""talkgraph's graph stage and public API: resolve, build, export, query, CLI.

    from talkgraph.graph import build_graph, export_graph

The names are imported when first used, so that ``talkgraph --help`` does not load the pipeline.
"""
import importlib

_MODULE_OF = {name: "pipeline" for name in
              ("BuiltGraph", "build_from_documents", "build_graph", "export_graph", "transcript_paths")}

__all__ = sorted(_MODULE_OF)


def __getattr__(name: str):
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_MODULE_OF[name]}"), name)
