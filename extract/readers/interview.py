"""Q/A interviews: ``问：``/``答：``, ``Q:``/``A:``, ``记者：``/``受访者：``, or questions set in bold
with the answers below them unlabelled.

The labels are roles, not names; ``speakers.py`` resolves them to the interviewer (the byline's
author) and the interviewee (named in the title or introduction).
"""
from __future__ import annotations

from collections.abc import Mapping

from ..model import Document, Transcript
from . import reader
from .dialogue import dialogue_cues
from .labels import Label
from .speakers import INTERVIEWEE_LABELS, INTERVIEWER_LABELS
from .structure import Cue, assemble, shape_role

_QUESTION_END = ("？", "?")


def detect(text: str) -> float:
    cues, speakers = dialogue_cues(text[:200_000])
    labelled = [c for c in cues if c.label]
    roles = [c for c in labelled if set(c.label.names) <= INTERVIEWEE_LABELS | INTERVIEWER_LABELS]
    if len(roles) >= 2 and len(roles) * 5 >= len(labelled) * 3:
        return 0.8
    if not labelled and sum(1 for q in _bold_questions(cues)) >= 3:
        return 0.7
    return 0.0


def _bold_questions(cues: list[Cue]):
    for i, cue in enumerate(cues):
        if cue.label is None and cue.line.bold and cue.line.visible.endswith(_QUESTION_END):
            yield i


def interview_cues(text: str) -> list[Cue]:
    cues, _ = dialogue_cues(text)
    if any(c.label for c in cues):
        return cues
    # questions in bold, answers unlabelled below them
    questions = set(_bold_questions(cues))
    out: list[Cue] = []
    answering = False
    for i, cue in enumerate(cues):
        if i in questions:
            out.append(Cue(cue.line, Label(("问",), (), 0)))
            answering = True
        elif answering and cue.label is None and shape_role(cue.line) is None:
            out.append(Cue(cue.line, Label(("答",), (), 0)))
            answering = False
        else:
            out.append(cue)
    return out


@reader("interview", "question-and-answer interviews: 问/答, Q/A, 记者/受访者, or bold questions",
        "**问：你为什么创业？**\n答：因为我想做自己的产品。", detect)
def parse(document: Document, speakers: Mapping[str, str] | None = None) -> Transcript:
    return assemble(document, interview_cues(document.text), "interview", overrides=speakers)
