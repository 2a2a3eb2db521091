"""Subtitles cut speech into cues where the picture asks, not where sentences end: a sentence runs
on across a turn's cues and line breaks, and a claim is the whole sentence, its text what was said.
Cues written for these tests."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from talkgraph.extract import default_pipeline, document_from_text, parse_transcript


def run(text: str):
    return default_pipeline().run(parse_transcript(document_from_text(text, doc_id="t")))


def srt(*cues: str) -> str:
    return "\n\n".join(f"{n}\n00:00:{n:02d},000 --> 00:00:{n + 1:02d},000\n{cue}" for n, cue in enumerate(cues, 1)) + "\n"


def said(doc) -> list[str]:
    return [s.text(doc.transcript) for s in doc.sentences]


OVER_TWO_CUES = srt("吴昊：我觉得再过两三年，大多数城市的公交站", "都会换成能语音问路的电子站牌。", "周婷：好。")


def test_a_sentence_runs_on_across_two_cues_of_one_speaker():
    doc = run(OVER_TWO_CUES)
    assert doc.transcript.input_format == "srt"
    assert said(doc)[:2] == ["我觉得再过两三年，大多数城市的公交站都会换成能语音问路的电子站牌。", "好。"]
    claim, = doc.extraction.claims
    assert claim.text == "我觉得再过两三年，大多数城市的公交站都会换成能语音问路的电子站牌。"
    anchor = doc.text[claim.start:claim.end]  # the span holds the cue number and time line between the pieces
    assert anchor.startswith("我觉得") and anchor.endswith("电子站牌。") and "\n2\n00:00:02,000 --> " in anchor
    prose = run("吴昊：我觉得再过两三年，大多数城市的公交站\n\n都会换成能语音问路的电子站牌。\n\n周婷：好。\n")
    assert said(prose)[:2] == ["我觉得再过两三年，大多数城市的公交站", "都会换成能语音问路的电子站牌。"]  # a paragraph ends it


def test_a_line_break_inside_a_cue_is_joined_without_a_space():
    doc = run(srt("吴昊：我们公司明年应该会\n推出第一款离线的翻译耳机。"))
    assert said(doc) == ["我们公司明年应该会推出第一款离线的翻译耳机。"]
    assert [c.text for c in doc.extraction.claims] == ["我们公司明年应该会推出第一款离线的翻译耳机。"]


def test_a_speaker_change_ends_the_sentence():
    doc = run(srt("吴昊：我觉得明年的翻译耳机", "周婷：会比现在便宜很多", "吗？", "吴昊：肯定会便宜一半以上。"))
    assert said(doc) == ["我觉得明年的翻译耳机", "会比现在便宜很多吗？", "肯定会便宜一半以上。"]
    assert [s.turn_index for s in doc.sentences] == [1, 2, 3]


def test_an_english_sentence_runs_on_with_one_space_and_ends_at_its_full_stop():
    vtt = ("WEBVTT\n\n00:00.000 --> 00:02.000\n<v Grace>I think most small shops will\n\n"
           "00:02.000 --> 00:04.000\nsell through live video next year.\n\n"
           "00:04.000 --> 00:06.000\nThe margins are better there.\n")
    doc = run(vtt)
    assert doc.transcript.input_format == "vtt"
    assert said(doc) == ["I think most small shops will sell through live video next year.",
                         "The margins are better there."]
    assert "I think most small shops will sell through live video next year." in [c.text for c in doc.extraction.claims]


def test_mentions_in_a_later_cue_belong_to_the_sentence_with_their_own_offsets():
    doc = run(srt("吴昊：我觉得未来三年里，", "阿里巴巴和腾讯都会推出自己的翻译耳机。"))
    sentence, = doc.sentences
    assert [m.text for m in sentence.mentions] == ["阿里巴巴", "腾讯"]
    assert all(doc.text[m.start:m.end] == m.text for m in sentence.mentions)
    claim, = doc.extraction.claims
    assert [m.text for m in claim.about] == ["阿里巴巴", "腾讯"]


def test_an_opening_assent_is_cut_and_the_claim_starts_at_what_follows():
    doc = run(srt("吴昊：是的，我认为明年", "开源模型会追上闭源模型。"))
    claim, = doc.extraction.claims
    assert claim.text == "我认为明年开源模型会追上闭源模型。"
    assert doc.text[claim.start:claim.start + 3] == "我认为"


def test_an_agreement_in_a_later_cue_is_the_whole_sentences():
    doc = run(srt("周婷：我觉得成本还会下降。", "吴昊：这一点上", "我同意周婷的看法，成本明年还会继续下降。"))
    agreement = next(c for c in doc.extraction.claims if c.speaker == "吴昊")
    assert agreement.text == "这一点上我同意周婷的看法，成本明年还会继续下降。"
    assert agreement.kind.value == "agreement" and agreement.agrees_with


_CLAUSE = st.text(alphabet=st.sampled_from(list("我们的模型会在明年上线数据训练成本下降很多，")), min_size=3, max_size=20)
_SENTENCES = st.lists(_CLAUSE.map(lambda clause: clause.strip("，") + "。").filter(lambda s: len(s) > 2),
                      min_size=1, max_size=5)


@settings(max_examples=150, deadline=None)
@given(_SENTENCES, st.data())
def test_whatever_the_cues_cut_a_speakers_sentences_are_read_whole(sentences, data):
    spoken = "".join(sentences)
    cuts = sorted(data.draw(st.sets(st.integers(1, len(spoken) - 1), max_size=8)))
    pieces = [spoken[a:b] for a, b in zip([0, *cuts], [*cuts, len(spoken)])]
    breaks = [data.draw(st.sampled_from(["cue", "line"])) for _ in pieces[1:]]
    cues = [pieces[0]]
    for piece, cut in zip(pieces[1:], breaks):
        if cut == "line":
            cues[-1] += "\n" + piece
        else:
            cues.append(piece)
    doc = run(srt("吴昊：" + cues[0], *cues[1:]))
    assert said(doc) == sentences
    assert all(doc.text[c.start:c.end].endswith(c.text[-1]) for c in doc.extraction.claims)
