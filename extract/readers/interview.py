"""Q/A interviews: ``问：``/``答：``, ``Q:``/``A:``, ``记者：``/``受访者：``, or questions set in bold
with the answers below them unlabelled.

The labels are roles, not names; ``speakers.py`` resolves them to the interviewer (the byline's
author) and the interviewee (named in the title or introduction).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model import Document, Transcript
from . import reader
from .dialogue import asks_in_bold, dialogue_cues
from .labels import Label
from .speakers import INTERVIEWEE_LABELS, INTERVIEWER_LABELS
from .structure import Cue, assemble, shape_role


def detect(text: str) -> float:
    cues, _ = dialogue_cues(text)
    labelled = [c for c in cues if c.label]
    roles = [c for c in labelled if {_role(n) for n in c.label.names} <= INTERVIEWEE_LABELS | INTERVIEWER_LABELS]
    if len(roles) >= 2 and len(roles) * 5 >= len(labelled) * 3:
        return 0.8
    if not labelled and sum(1 for q in _bold_questions(cues)) >= _BOLD_QUESTIONS:
        return 0.7
    return 0.0


def _bold_questions(cues: Sequence[Cue]):
    return (i for i, cue in enumerate(cues) if asks_in_bold(cue))


_BOLD_QUESTIONS = 3
_PROMPT_END = ("。", "！", "!", "……", "…")
_MIN_PROMPT = 12  # characters: a shorter bold sentence is a heading or a pull quote's beginning


def _prompts_in_bold(cue: Cue, after: Cue) -> bool:
    """``**有人担心房地产下行会引发金融风险。**`` over an unlabelled answer, where the interviewer's
    questions are in bold: a prompt stated, not asked, which the paragraph below answers."""
    visible = cue.line.visible.strip()
    return (cue.label is None and cue.line.bold and len(visible) >= _MIN_PROMPT and visible.endswith(_PROMPT_END)
            and after.label is None and not after.line.bold and shape_role(after.line) is None)


def _role(name: str) -> str:
    return name.rstrip("0123456789 ")


def interview_cues(text: str) -> list[Cue]:
    """Labelled questions and answers as they are; a question set in bold (labelled or not), or any
    labelled question where only questions are labelled, with an unlabelled paragraph below it: that
    paragraph opens the answer."""
    cues, _ = dialogue_cues(text)
    labelled = any(c.label for c in cues)
    questions = {i for i, c in enumerate(cues)
                 if c.line.bold and c.label is not None and _role(c.label.names[0]) in INTERVIEWER_LABELS}
    if labelled and all(_role(n) in INTERVIEWER_LABELS for c in cues if c.label for n in c.label.names):
        # 问：…？ over unlabelled paragraphs, no one else labelled (an oral history's prompts): each answered below
        questions = {i for i, c in enumerate(cues) if c.label}
    if not labelled:
        questions = set(_bold_questions(cues))
        if len(questions) >= _BOLD_QUESTIONS:  # the interviewer's prompts are set in bold: a stated one too
            questions |= {i for i, c in enumerate(cues[:-1]) if _prompts_in_bold(c, cues[i + 1])}
    answer = "答" if any(c.label and _role(c.label.names[0]) in ("问", "答", "记者") for c in cues) or not labelled \
        else "A"
    out: list[Cue] = []
    answering = False
    for i, cue in enumerate(cues):
        if i in questions:
            out.append(cue if cue.label else Cue(cue.line, Label(("问",), (), 0)))
            answering = True
            continue
        if answering and cue.label is None and not cue.line.bold and shape_role(cue.line) is None:
            cue = Cue(cue.line, Label((answer,), (), 0))
        answering = False
        out.append(cue)
    return out


@reader("interview", "question-and-answer interviews: 问/答, Q/A, 记者/受访者, or bold questions",
        "**问：你为什么创业？**\n答：因为我想做自己的产品。", detect)
def parse(document: Document, speakers: Mapping[str, str] | None = None) -> Transcript:
    return assemble(document, interview_cues(document.text), "interview", overrides=speakers)
