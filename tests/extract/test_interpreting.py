"""Interpreted sessions: the interpreter's words are the rendered speaker's, and assert nothing twice."""
from __future__ import annotations

from talkgraph.extract import SpeakerRef, document_from_text, extract, parse_transcript
from talkgraph.extract.interpreting import interpreted_turn

DIALOGUE = ("主持人：欢迎Northbridge的联合创始人Marcus Hale。Marcus，你怎么看人形机器人？\n\n"
            "翻译：Marcus, what do you think of humanoid robots?\n\n"
            "Marcus Hale：I think humanoids will be everywhere by 2030. I agree with what was said before.\n\n"
            "翻译：我在2023年离开了谷歌。我认为到2030年人形机器人会无处不在。\n\n"
            "宋知远：是的，完全正确。人形机器人明年会量产。\n")


def name(party) -> str:
    return party.name if isinstance(party, SpeakerRef) else party.canonical or party.text


def test_an_interpreters_turn_renders_the_turn_before_it_by_someone_else():
    transcript = parse_transcript(document_from_text(DIALOGUE, doc_id="d"))
    rendered = [(t.speaker, interpreted_turn(transcript, t)) for t in transcript.turns]
    assert [(speaker, turn.speaker if turn else None) for speaker, turn in rendered] == [
        ("主持人", None), ("翻译", "主持人"), ("Marcus Hale", None), ("翻译", "Marcus Hale"), ("宋知远", None)]


def test_an_interpreters_first_person_is_the_speaker_rendered_and_their_words_make_no_claims():
    x = extract(parse_transcript(document_from_text(DIALOGUE, doc_id="d")))
    assert ("Marcus Hale", "formerlyAt", "Google") in {(name(r.subject), r.predicate, name(r.object)) for r in x.relations}
    assert "翻译" not in {c.speaker for c in x.claims}
    agreeing = {(name(r.subject), name(r.object)) for r in x.relations if r.predicate == "agreesWith"}
    assert ("宋知远", "Marcus Hale") in agreeing and not any("翻译" in pair for pair in agreeing)


def test_in_interpreted_subtitles_the_language_of_an_unlabelled_cue_says_it_is_the_foreign_guests():
    lines = ["[主持人] 欢迎各位，今天的嘉宾是Dr. Marcus Hale。", "Marcus will speak in English.", "Dr. Hale: Thanks for having me.",
             "[同传] 谢谢邀请。", "Robots need more data.", "[同传] 机器人需要更多数据。", "[主持人] Marcus，你在谷歌做过什么？",
             "I worked on RT-2 before I left Google.", "[同传] 我离开谷歌之前做过RT-2。", "Dr. Hale: That is all.",
             "[同传] 就这些。"]
    srt = "".join(f"{i}\n00:00:{i:02d},000 --> 00:00:{i + 1:02d},000\n{line}\n\n" for i, line in enumerate(lines, 1))
    transcript = parse_transcript(document_from_text(srt, doc_id="s"))
    said = [(t.speaker, t.text(transcript.document).replace("\n", " ")) for t in transcript.turns]
    assert said[0][1].endswith("Marcus will speak in English.")  # the host's own English, asking no one
    assert [speaker for speaker, _ in said[1:]] == ["Marcus Hale", "同传", "Marcus Hale", "同传", "主持人", "Marcus Hale",
                                                    "同传", "Marcus Hale", "同传"]  # Dr. Hale, whom the host's opening names


def test_an_interpretation_of_a_turn_given_only_in_part_holds_the_speakers_claims():
    abbreviated = ("主持人：Martin，您怎么看？\n\nMartin Keller：Thanks. Let me take a different angle.\n\n"
                   "【同传】谢谢。我想换个角度。我认为人工智能目前改变的是假设生成这一环，但实验验证仍然是瓶颈。"
                   "我预测到2030年会有自主实验室发现的新材料进入商业化。\n\n主持人：谢谢Martin。\n")
    claims = extract(parse_transcript(document_from_text(abbreviated, doc_id="d"))).claims
    rendered = [c for c in claims if "2030" in c.text]
    assert [c.speaker for c in rendered] == ["Martin Keller"]
    full = extract(parse_transcript(document_from_text(DIALOGUE, doc_id="d"))).claims
    assert not [c for c in full if "无处不在" in c.text]  # said in full in English already
