"""Readers: one per family of transcript formats, registered by name as the exporters are.

Each reader has a ``detect(text) -> score`` (0 to 1: how surely the text is in its format) and a
``parse(document, speakers=None) -> Transcript``.  ``read_transcript`` picks the reader whose
detector scores highest, by content and never by file suffix, unless a name is forced
(``--input-format``).  Adding a format is a new module here with one ``@reader(...)`` function and
its name in ``_MODULES``; nothing outside this package knows any format.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from ..errors import UsageError
from ..model import Document, Transcript
from .wrapping import unwrap

_MODULES = ("dialogue", "interview", "subtitles", "meeting", "json_export")


@dataclass(frozen=True, slots=True)
class Reader:
    name: str
    description: str
    example: str  # two lines of the format, for the README and `talkgraph formats`
    detect: Callable[[str], float]
    parse: Callable[..., Transcript]  # (document, speakers: Mapping[str, str] | None) -> Transcript
    # its lines are running text, which a page may have hard-wrapped (``wrapping``): not subtitles' cues
    running_text: bool = True


READERS: dict[str, Reader] = {}


def reader(name: str, description: str, example: str, detect: Callable[[str], float], running_text: bool = True):
    def register(parse: Callable[..., Transcript]) -> Callable[..., Transcript]:
        READERS[name] = Reader(name, description, example, detect, parse, running_text)
        return parse
    return register


def load_readers() -> dict[str, Reader]:
    for module in _MODULES:
        importlib.import_module(f"{__name__}.{module}")
    return READERS


def get_reader(name: str) -> Reader:
    readers = load_readers()
    if name not in readers:
        raise UsageError(f"unknown input format {name!r}; known input formats: {', '.join(readers)}")
    return readers[name]


def detect_reader(text: str) -> Reader:
    """The reader whose detector scores ``text`` highest; the plain dialogue reader on a tie."""
    readers = load_readers()
    best = readers["dialogue"]
    best_score = best.detect(text)
    for candidate in readers.values():
        score = candidate.detect(text)
        if score > best_score:
            best, best_score = candidate, score
    return best


def read_transcript(document: Document, input_format: str | None = None,
                    speakers: Mapping[str, str] | None = None) -> Transcript:
    """The transcript of a document, in the format its content shows or the one named; a
    hard-wrapped text is read with its broken lines joined (``wrapping``)."""
    chosen = get_reader(input_format) if input_format else detect_reader(document.text)
    if not chosen.running_text:
        return chosen.parse(document, speakers)
    unwrapped = unwrap(document)
    transcript = chosen.parse(unwrapped.document, speakers)
    if not unwrapped.joined:
        return transcript
    note = (f"its lines were broken mid-sentence at one width (as text copied out of a PDF is): "
            f"{unwrapped.joined} line breaks were joined, and offsets count in the joined text")
    return replace(transcript, notes=(note,) + transcript.notes)


def parse_speaker_overrides(value: str) -> dict[str, str]:
    """``'A=王小川,Q=张小珺'`` → ``{'A': '王小川', 'Q': '张小珺'}``."""
    out = {}
    for item in value.replace("，", ",").split(","):
        if not item.strip():
            continue
        label, sep, name = item.partition("=")
        if not sep or not label.strip() or not name.strip():
            raise UsageError(f"--speakers expects LABEL=NAME pairs separated by commas, not {item.strip()!r}")
        out[label.strip()] = name.strip()
    return out
