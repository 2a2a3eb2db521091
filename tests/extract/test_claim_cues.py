"""claims._score searches the English cues only where one of them can match, and scores as searching all would."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from talkgraph.extract import claims
from talkgraph.extract.model import ClaimType

_WORDS = st.sampled_from(["I think", "we believe", "will", "going to", "should", "must", "important", "never",
                          "in my view", "the key", "GPT", "Kimi", "OK", "K", "ſhould", "我认为", "未来", "应该",
                          "20%", "不同意", "其实", "是", " ", "，", "thinking", "skill"])


def _score_searching_every_cue(body):
    """_score's rule, every cue searched in every sentence."""
    latin = claims._LATIN_LETTER.search(body) is not None
    score = claims._DECLARATIVE_WEIGHT if claims._DECLARATIVE.search(body, latin) else 0.0
    best_kind, best_weight, cue = ClaimType.JUDGEMENT, 0.0, None
    for kind, pattern, weight in claims._COMPILED:
        match = pattern.search(body)
        if match:
            score += weight
            if weight > best_weight:
                best_kind, best_weight, cue = kind, weight, match.group()
    return score, best_kind, cue


@settings(max_examples=500)
@given(st.lists(_WORDS, max_size=8).map("".join))
def test_scores_as_searching_every_cue(body):
    assert claims._score(body) == _score_searching_every_cue(body)


def test_the_gate_matches_where_any_english_cue_does():
    english = [re.compile(p) for _, p, _ in claims._CUES if p.startswith("(?i)")]
    for body in ["We think so", "It is IMPORTANT", "Kimi 和 GPT 都在", "thinking ahead", "ſhould"]:
        assert (claims._ANY_ENGLISH_CUE.search(body) is not None) == any(p.search(body) for p in english)
