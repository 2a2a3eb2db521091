"""Reading a transcript's structure: the entry point over the readers in ``extract/readers``.

Which format a document is in is decided by its content (see ``readers.detect_reader``); every
reader gives the same ``Transcript`` of turns, speakers, excerpts and paragraph roles.
"""
from __future__ import annotations

from collections.abc import Mapping

from .model import Document, Transcript
from .readers import read_transcript


def parse_transcript(doc: Document, input_format: str | None = None,
                     speakers: Mapping[str, str] | None = None) -> Transcript:
    """Split a document into turns, excerpts and the roles of its other paragraphs."""
    return read_transcript(doc, input_format, speakers)
