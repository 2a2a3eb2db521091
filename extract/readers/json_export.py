"""Speech-recognition exports as JSON: a list of segments, each a speaker, a time and the words.

通义听悟, 飞书妙记, 讯飞听见 and Whisper-style tools export ``[{"speaker": "发言人1", "start": 3200,
"end": 9100, "text": "…"}, …]``, or the same list under a key (``{"segments": […]}``), with the
fields named as each tool likes (``spk``, ``speaker_name``; ``content``, ``sentence``; ``bg``,
``start_time``).  The segments are written out one per paragraph as a meeting export writes them
(``发言人1  00:00:03`` above the words) and read as one (``meeting``), or, when no segment has a time,
as labelled paragraphs (``发言人1：…``, read as ``dialogue``): that text is the document the graph holds
(``nif:isString``), and every offset counts in it.
"""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from ..errors import InputError
from ..model import Document, Transcript
from . import reader
from .dialogue import parse as parse_dialogue
from .meeting import parse as parse_meeting

_LIST_KEYS = ("segments", "utterances", "paragraphs", "sentences", "results", "transcript", "transcription",
              "items", "data", "result", "lattice")
_TEXT_KEYS = ("text", "content", "sentence", "transcript", "onebest", "words")
_SPEAKER_KEYS = ("speaker", "speaker_name", "speakerName", "spk", "speaker_id", "speakerId", "spk_id", "role", "name")
_START_KEYS = ("start", "start_time", "startTime", "begin", "begin_time", "beginTime", "bg", "offset", "from",
               "start_ms", "startMs", "begin_ms", "beginMs", "start_time_ms", "startTimeMs", "offset_ms")
# a time as large as a day's seconds is in milliseconds: no recording runs for a day
_MILLISECONDS_FROM = 86_400
# a speaker field's value that says the tool did not know who spoke
_UNKNOWN_SPEAKERS = frozenset({"unknown", "未知", "unk", "none", "null", "?"})
_MIN_SEGMENTS = 2
_UNNAMED = "说话人"


def _first(record: Mapping[str, Any], keys: Sequence[str]) -> Any:
    return next((record[k] for k in keys if k in record and record[k] not in (None, "")), None)


def _segments(data: Any, depth: int = 0) -> list[Mapping[str, Any]] | None:
    """The export's list of segments: the document itself, or a list under one of the usual keys."""
    if isinstance(data, list) and data and all(isinstance(item, dict) for item in data) and any(
            isinstance(_first(item, _TEXT_KEYS), str) for item in data):
        return data
    if isinstance(data, dict) and depth < 2:
        for key in _LIST_KEYS:
            found = _segments(data.get(key), depth + 1)
            if found is not None:
                return found
    return None


def _loaded(text: str) -> Any:
    stripped = text.lstrip()
    if not stripped.startswith(("[", "{")):
        return None
    try:
        return json.loads(stripped)
    except ValueError:
        return None


def detect(text: str) -> float:
    segments = _segments(_loaded(text))
    return 0.98 if segments is not None and len(segments) >= _MIN_SEGMENTS else 0.0


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def _starts(segments: Sequence[Mapping[str, Any]]) -> list[str | None]:
    """Each segment's start as a clock (``00:01:05``), from seconds or milliseconds or as written."""
    raw = [_first(s, _START_KEYS) for s in segments]
    numbers = [v for v in raw if isinstance(v, (int, float)) and not isinstance(v, bool)]
    named_in_ms = any(k.lower().endswith("ms") for s in segments for k in _START_KEYS if k in s)
    scale = 1000 if named_in_ms or numbers and max(numbers) >= _MILLISECONDS_FROM else 1
    out: list[str | None] = []
    for value in raw:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            out.append(_clock(value / scale))
        elif isinstance(value, str) and value.strip():
            out.append(value.strip())
        else:
            out.append(None)
    return out


def _words(value: Any) -> str:
    if isinstance(value, list):  # words as a list of tokens: [{"text": "大家"}, …] or ["大家", …]
        return "".join(_words(_first(w, _TEXT_KEYS)) if isinstance(w, dict) else str(w) for w in value)
    return " ".join(str(value).split()) if value is not None else ""


def rendered(segments: Sequence[Mapping[str, Any]]) -> str:
    """The segments as a meeting export writes them: the speaker and start on a line, the words below."""
    paragraphs = []
    for segment, start in zip(segments, _starts(segments)):
        words = _words(_first(segment, _TEXT_KEYS))
        if not words:
            continue
        speaker = _first(segment, _SPEAKER_KEYS)
        if isinstance(speaker, (int, float)) and not isinstance(speaker, bool):
            speaker = f"{_UNNAMED} {speaker}"  # an anonymous speaker's number: 说话人 1
        elif isinstance(speaker, str) and speaker.strip().lower() in _UNKNOWN_SPEAKERS:
            speaker = None
        header = " ".join(str(speaker).split()) if speaker is not None else _UNNAMED
        paragraphs.append(f"{header}  {start}\n{words}" if start else f"{header}：{words}")
    return "\n\n".join(paragraphs) + "\n"


@reader("json", "speech-recognition exports as JSON segments (通义听悟, 飞书妙记, 讯飞听见, Whisper)",
        '[{"speaker": "发言人1", "start": 3200, "text": "大家好，我们开始。"},\n {"speaker": "发言人2", "start": 6100, "text": "好的。"}]',
        detect, running_text=False)
def parse(document: Document, speakers: Mapping[str, str] | None = None) -> Transcript:
    segments = _segments(_loaded(document.text))
    if not segments:
        raise InputError(f"{document.source or document.doc_id}: not a JSON export of speech segments "
                         "(a list of objects with a text field, or such a list under a key such as segments)")
    text = rendered(segments)
    timed = any(start is not None for start in _starts(segments))
    transcript = (parse_meeting if timed else parse_dialogue)(replace(document, text=text), speakers)
    note = (f"read from a JSON export of {len(segments)} segments, written out one per paragraph: "
            "the graph's text (nif:isString) is that writing, and offsets count in it")
    return replace(transcript, input_format="json", notes=(note,) + transcript.notes)
