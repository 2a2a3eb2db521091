"""talkgraph's segmenter (jieba-rs) gives Python jieba's tokens, with the same words added."""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from talkgraph.extract import tokens
from talkgraph.extract.tokens import vocabulary

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = (ROOT / "examples" / "idea-2021-panel.txt").read_text(encoding="utf-8")
# what jieba treats apart: Han, the ASCII it keeps in word blocks, spaces, other punctuation
_ALPHABET = sorted(set(re.sub(r"\s", "", EXAMPLE)) | set("GPTv0.4-3+#&_%ab ") | {"\r\n", "\n", "\u3000", "……", "——"})


@cache
def _reference():
    return tokens.reference_tokenizer()


def python_tokens(text: str) -> tuple:
    return tuple(_reference().tokenize(text))


def test_the_example_transcript_is_cut_as_python_jieba_cuts_it():
    paragraphs = [p for p in re.split(r"\n\s*\n", EXAMPLE) if p.strip()]
    for paragraph in paragraphs:
        assert vocabulary().words(paragraph) == python_tokens(paragraph), paragraph
    assert vocabulary().words(EXAMPLE) == python_tokens(EXAMPLE)


def test_mixed_runs_and_the_lexicons_words_are_cut_as_python_jieba_cuts_them():
    text = "这个方法很好用，特别是在冬天。我们的其他用户也很喜欢。"  # HMM words that need equal totals
    assert vocabulary().words(text) == python_tokens(text)
    text = "我们用GPT-4和GPT-3.5做了v0.dev的demo，成本降了12.5%，C++和C#也行……华为云首席科学家来了。"
    assert vocabulary().words(text) == python_tokens(text)
    assert [w for w, _, _ in vocabulary().words("用GPT-4写")] == ["用", "GPT", "-", "4", "写"]
    for word in tokens.vocabulary().segmenter._added[:300]:
        sentence = f"他说{word}的事情。"
        assert vocabulary().words(sentence) == python_tokens(sentence), word


def test_texts_with_repeated_runs_or_rare_han_are_cut_as_python_jieba_cuts_them():
    # jieba-rs alone cuts the first two differently: reorderings of the same words tie
    for text in ("哈哈哈哈哈好的我说", "我说谢谢谢谢谢大大大大大", "好好好，嗯嗯嗯嗯嗯嗯", "GPT-4哈哈哈，华为云首席科学家来了",
                 "山㐀㐁水", "我鿰鿱你", "𠀀𠀁好"):  # and characters only jieba-rs counts as Han
        assert vocabulary().words(text) == python_tokens(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=40).map("".join), st.sampled_from(["哈" * 4, "大" * 3, "嗯" * 5, "㐀㐁", "鿰", "𠀀"]))
def test_texts_left_to_python_jieba_are_cut_as_python_jieba_cuts_them(text, repeated):
    text = f"{text[:20]}{repeated}{text[20:]}"
    assert vocabulary().words(text) == python_tokens(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(st.lists(st.sampled_from(_ALPHABET), max_size=60).map("".join))
def test_any_text_is_cut_as_python_jieba_cuts_it(text):
    assume(not tokens._PYTHON_ONLY.search(text))  # those go to Python's jieba itself
    words = vocabulary().words(text)
    assert words == python_tokens(text)
    assert "".join(w for w, _, _ in words) == text and all(text[s:e] == w for w, s, e in words)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_any_stretch_of_real_text_is_cut_as_python_jieba_cuts_it(data):
    start = data.draw(st.integers(0, len(EXAMPLE) - 1))
    text = EXAMPLE[start:start + data.draw(st.integers(1, 200))]
    assert vocabulary().words(text) == python_tokens(text)
