"""Interpreted sessions: an interpreter's turn renders another speaker's words in the other language.

At a panel with a foreign guest, subtitles and transcripts often give the interpreter's words a
label of their own (``[同传]``, ``翻译：``).  Those words are the guest's (or the host's question put
to the guest): who asserted them is the speaker rendered.  Where the turn rendered already asserts
or asks as much, the rendering says it twice; where the page gives only the opening words in the
original (a line of English, then the interpretation), the rendering holds what the speaker said.
"""
from __future__ import annotations

import dataclasses

from .model import Transcript, Turn

# the labels of a simultaneous or consecutive interpreter
INTERPRETER_LABELS = frozenset("同传 同声传译 传译 翻译 口译 译员 现场翻译 Interpreter Translator".split())


def interprets(turn: Turn) -> bool:
    """Whether the turn is an interpreter's, known only by that role."""
    return turn.speaker in INTERPRETER_LABELS


def interpreted_turn(transcript: Transcript, turn: Turn) -> Turn | None:
    """The turn an interpreter's turn renders: the last one before it by someone else; None for a
    turn that is no interpreter's (or renders nothing the transcript holds)."""
    if not interprets(turn):
        return None
    return next((t for t in reversed(transcript.turns[:turn.index - 1]) if not interprets(t)), None)


def speaking_turn(transcript: Transcript, turn: Turn) -> Turn:
    """The turn as said by whoever's words it holds: an interpreter's as the rendered speaker's."""
    rendered = interpreted_turn(transcript, turn)
    return turn if rendered is None else dataclasses.replace(turn, speakers=rendered.speakers)
