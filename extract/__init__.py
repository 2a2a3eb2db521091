"""talkgraph's extract stage: text → Document → Transcript (turns) → Doc → Extraction → resolved entities.

Standard library and jieba only; no rdflib, networkx or pyvis here.

    from talkgraph.extract import read_document, parse_transcript, extract
    transcript = parse_transcript(read_document("panel.txt"))
    extraction = extract(transcript)

The names are imported when first used: ``talkgraph.extract.errors`` and ``talkgraph.extract.model``
are imported by every command, and importing the package must not load jieba's dictionaries for
``talkgraph --help``.
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
    "Claim": "model", "ClaimType": "model", "Document": "model", "Extraction": "model", "Kind": "model",
    "Mention": "model", "Predicate": "model", "Relation": "model", "SpeakerRef": "model", "Transcript": "model",
    "Turn": "model",
    "Candidate": "component", "Component": "component", "register": "component", "unregister": "component",
    "Doc": "doc",
    "Pipeline": "pipeline", "configure_pipeline": "pipeline", "default_pipeline": "pipeline",
    "resolve_aliases": "resolve",
    "document_from_text": "reading", "read_document": "reading",
    "parse_transcript": "transcript",
}

__all__ = sorted(_MODULE_OF)


def __getattr__(name: str):
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_MODULE_OF[name]}"), name)
    globals()[name] = value
    return value
