"""talkgraph's extract stage: text → Document → Transcript (turns) → Extraction (mentions, facts, claims).

Standard library and jieba only; no rdflib, networkx or pyvis here.

    from talkgraph.extract import read_document, parse_transcript, extract
    transcript = parse_transcript(read_document("panel.txt"))
    extraction = extract(transcript)
"""
from .errors import InputError, OutputError, TalkgraphError, UsageError
from .extraction import extract
from .model import Claim, Document, Extraction, Kind, Mention, Relation, Transcript, Turn
from .reading import document_from_text, read_document
from .transcript import parse_transcript

__all__ = ["Claim", "Document", "Extraction", "InputError", "Kind", "Mention", "OutputError", "Relation",
           "TalkgraphError", "Transcript", "Turn", "UsageError", "document_from_text", "extract",
           "parse_transcript", "read_document"]
