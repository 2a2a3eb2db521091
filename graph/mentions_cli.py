"""``talkgraph mentions``: mentions as JSON lines, for a file or for stdin one text per line."""
from __future__ import annotations

import json
from typing import TextIO

from talkgraph.extract.doc import Doc
from talkgraph.extract.errors import InputError
from talkgraph.extract.mention_model import find_names, tag_ahead
from talkgraph.extract.pipeline import Pipeline, default_pipeline
from talkgraph.extract.reading import document_from_text, read_document
from talkgraph.extract.resolve import name_span, resolve_aliases
from talkgraph.extract.transcript import parse_transcript


def print_file_mentions(path: str, out: TextIO, pipeline: Pipeline | None = None) -> int:
    """Each kept mention with the entity it resolved to (``null`` when it resolved to none)."""
    extraction = (pipeline or default_pipeline()).run(parse_transcript(read_document(path))).extraction
    corpus = resolve_aliases([extraction])
    entity_of = corpus.documents[0].entity_of
    for m in extraction.mentions:
        key = entity_of.get(m)
        record = {"start": m.start, "end": m.end, "text": m.text, "type": m.kind.value,
                  "entity": corpus.entities[key].label if key else None, "turn": m.turn_index, "extractor": m.source}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


# how many lines are read before their mentions are printed: the mention model tags them in one
# batch (``tag_ahead``); a terminal's lines are answered one at a time
_LINES_AT_ONCE = 500


def print_line_mentions(stdin: TextIO, out: TextIO, pipeline: Pipeline | None = None) -> int:
    """Each stdin line read as its own narrative text; offsets count in that line."""
    pipeline = pipeline or default_pipeline()
    at_once = 1 if stdin.isatty() else _LINES_AT_ONCE
    batch: list[tuple[int, str, Doc]] = []
    for number, line in enumerate(stdin):
        line = line.rstrip("\n")
        if not line.strip():
            continue
        try:
            doc = document_from_text(line, doc_id=f"line-{number}")
        except InputError:
            continue
        batch.append((number, line, Doc(parse_transcript(doc))))
        if len(batch) >= at_once:
            _print_lines(batch, pipeline, out)
            batch = []
    _print_lines(batch, pipeline, out)
    return 0


def _print_lines(batch: list[tuple[int, str, Doc]], pipeline: Pipeline, out: TextIO) -> None:
    if any(c.find is find_names for c in pipeline.components):
        tag_ahead([doc for _, _, doc in batch])
    for number, line, doc in batch:
        for m in pipeline.find_mentions(doc):
            name = name_span(m)
            if name is None:
                continue
            start, end = name
            out.write(json.dumps({"line": number, "start": start, "end": end, "type": m.kind.value,
                                  "text": line[start:end]}, ensure_ascii=False) + "\n")
