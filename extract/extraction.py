"""The extract stage in one call: mentions, nicknames, relations, roles, quantities, claims."""
from __future__ import annotations

from .aliases import introduced_aliases
from .claims import extract_claims
from .mentions import extract_mentions
from .model import Extraction, Transcript
from .relations import extract_relations
from .sentences import split_sentences
from .tokens import forget_texts


def extract(transcript: Transcript) -> Extraction:
    """Everything talkgraph reads from one parsed transcript, each fact with its offsets."""
    forget_texts()
    mentions = extract_mentions(transcript)
    sentences = list(split_sentences(transcript, mentions))
    relations, roles, quantities = extract_relations(transcript, sentences)
    claims, questions = extract_claims(transcript, sentences, relations)
    return Extraction(transcript=transcript, mentions=mentions, relations=relations, roles=roles,
                      quantities=quantities, claims=claims, questions=questions,
                      aliases=tuple(introduced_aliases(transcript, mentions)))
