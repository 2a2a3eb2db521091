"""``talkgraph mentions``: mentions as JSON lines, for a file or for stdin one text per line."""
from __future__ import annotations

import json
from typing import TextIO

from talkgraph.extract.errors import InputError
from talkgraph.extract.extraction import extract
from talkgraph.extract.mentions import extract_mentions
from talkgraph.extract.model import Kind, Mention
from talkgraph.extract.persons import strip_honorific
from talkgraph.extract.reading import document_from_text, read_document
from talkgraph.extract.transcript import parse_transcript

from .resolve import resolve_aliases

_TYPES = {Kind.PERSON: "Person", Kind.ORGANIZATION: "Organization", Kind.MODEL: "SoftwareApplication",
          Kind.PLACE: "Place"}


def print_file_mentions(path: str, out: TextIO) -> int:
    extraction = extract(parse_transcript(read_document(path)))
    corpus = resolve_aliases([extraction])
    entity_of = corpus.documents[0].entity_of
    for m in extraction.mentions:
        key = entity_of.get(m)
        if key is None:
            continue
        record = {"start": m.start, "end": m.end, "text": m.text, "type": _TYPES[m.kind],
                  "entity": corpus.entities[key].label, "turn": m.turn_index, "extractor": m.source}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


def print_line_mentions(stdin: TextIO, out: TextIO) -> int:
    """Each stdin line read as its own narrative text; offsets count in that line."""
    for number, line in enumerate(stdin):
        line = line.rstrip("\n")
        if not line.strip():
            continue
        try:
            doc = document_from_text(line, doc_id=f"line-{number}")
        except InputError:
            continue
        for m in extract_mentions(parse_transcript(doc)):
            name = _name_span(m)
            if name is None:
                continue
            start, end = name
            out.write(json.dumps({"line": number, "start": start, "end": end, "type": _TYPES[m.kind],
                                  "text": line[start:end]}, ensure_ascii=False) + "\n")
    return 0


def _name_span(m: Mention) -> tuple[int, int] | None:
    """A person's name without the form of address (``张老师`` → ``张`` is no name: dropped)."""
    if m.kind is not Kind.PERSON:
        return m.start, m.end
    base = strip_honorific(m.text)
    if len(base) < 2:
        return None
    return m.start, m.start + len(base)
