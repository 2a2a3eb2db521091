"""talkgraph's extract stage: text → Document → Transcript (turns) → Extraction (mentions, facts, claims).

Standard library and jieba only; no rdflib, networkx or pyvis here.

    from talkgraph.extract import read_document, parse_transcript, extract
    transcript = parse_transcript(read_document("panel.txt"))
    extraction = extract(transcript)

The names are imported when first used: ``talkgraph.extract.errors`` is imported by every command,
and importing the package must not load jieba's dictionaries for ``talkgraph --help``.
"""
import importlib
import warnings

# jieba imports pkg_resources, which warns on import: newer setuptools that it is deprecated, older
# ones that an editable talkgraph "was already imported" when run from the repository.  Only the
# warnings raised at that one import line of jieba's are silenced.
warnings.filterwarnings("ignore", category=UserWarning, module=r"jieba\._compat$")

_MODULE_OF = {
    "InputError": "errors", "OutputError": "errors", "TalkgraphError": "errors", "UsageError": "errors",
    "extract": "extraction",
    "Claim": "model", "Document": "model", "Extraction": "model", "Kind": "model", "Mention": "model",
    "Relation": "model", "Transcript": "model", "Turn": "model",
    "document_from_text": "reading", "read_document": "reading",
    "parse_transcript": "transcript",
}

__all__ = sorted(_MODULE_OF)


def __getattr__(name: str):
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_MODULE_OF[name]}"), name)
