"""The extract stage in one call: a transcript in, its mentions, relations, roles, quantities, claims out."""
from __future__ import annotations

from .model import Extraction, Transcript
from .pipeline import Pipeline, default_pipeline


def extract(transcript: Transcript, pipeline: Pipeline | None = None) -> Extraction:
    """Everything talkgraph reads from one parsed transcript, each fact with its offsets.

    ``pipeline`` chooses the mention components (``configure_pipeline``); the default runs every
    component registered as on by default.  ``Pipeline.run`` gives the whole ``Doc`` instead.
    """
    return (pipeline or default_pipeline()).run(transcript).extraction
