"""JSON exports of speech segments (``extract/readers/json_export.py``)."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings, strategies as st

from talkgraph.extract import document_from_text, extract
from talkgraph.extract.errors import InputError
from talkgraph.extract.model import SpeakerKind
from talkgraph.extract.transcript import parse_transcript


def parse(text: str, input_format: str | None = None):
    return parse_transcript(document_from_text(text, doc_id="t"), input_format)


def turns(t):
    return [(turn.speaker, turn.text(t.document)) for turn in t.turns]


LIST_IN_MILLISECONDS = json.dumps([
    {"id": 1, "speaker": "谢立群", "start": 3200, "end": 9100, "text": "好，我们开始吧。杨帆，你先汇报。"},
    {"id": 2, "speaker": "Speaker 1", "start": 9500, "end": 15000, "text": "各位老师好，我是住院总杨帆。"},
    {"id": 3, "speaker": "Speaker 1", "start": 15200, "end": 99000, "text": "患者男性，72岁，因胸痛入院。"},
    {"id": 4, "speaker": "谢立群", "start": 99500, "end": 101000, "text": "好，汇报得很清楚。"},
], ensure_ascii=False, indent=2)


def test_a_list_of_segments_is_read_as_a_meeting_one_turn_per_run_of_a_speaker():
    t = parse(LIST_IN_MILLISECONDS)
    assert t.input_format == "json"
    assert [s for s, _ in turns(t)] == ["谢立群", "杨帆", "谢立群"]  # Speaker 1 says 我是住院总杨帆
    assert "谢立群  00:00:03" in t.document.text and "谢立群  00:01:39" in t.document.text  # milliseconds
    assert any("JSON export of 4 segments" in note for note in t.notes)
    for turn in t.turns:
        for start, end in turn.spans:
            assert t.document.text[start:end].strip()  # offsets count in the text the graph holds


def test_whisper_style_segments_under_a_key_in_seconds_with_numbered_speakers():
    export = json.dumps({"language": "zh", "segments": [
        {"start": 0.0, "end": 2.5, "text": "大家好，我是陈默。", "speaker": 0},
        {"start": 2.5, "end": 6.0, "text": "欢迎陈默，今天聊机器人。", "speaker": 1},
        {"start": 6.0, "end": 9.0, "text": "我认为明年人形机器人会进工厂。", "speaker": 0},
    ]}, ensure_ascii=True)  # Chinese escaped as \\uXXXX, as some tools write it
    t = parse(export)
    assert "说话人 0  00:00:00" in t.document.text and "\\u" not in t.document.text
    claims = extract(t).claims
    assert [c.text for c in claims if "机器人" in c.text] == ["我认为明年人形机器人会进工厂。"]


def test_a_json_document_of_no_segments_is_no_json_export():
    assert parse('{"title": "周会", "attendees": ["李明", "王芳"]}').input_format != "json"
    with pytest.raises(InputError, match="not a JSON export"):
        parse('{"title": "周会"}', input_format="json")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["李明", "王芳", "Speaker 2"]),
                          st.text(alphabet="大家好我们开始今天聊一下模型数据，。？", min_size=1, max_size=30)),
                min_size=2, max_size=8))
def test_every_segments_words_are_in_the_text_and_in_a_turn(segments):
    export = json.dumps([{"speaker": s, "start": i * 1.5, "text": w} for i, (s, w) in enumerate(segments)],
                        ensure_ascii=False)
    t = parse(export)
    spoken = "\n".join(t.document.text[start:end] for turn in t.turns for start, end in turn.spans)
    for _, words in segments:
        assert " ".join(words.split()) in spoken


def test_times_in_a_field_named_in_milliseconds_and_a_speaker_the_tool_did_not_know():
    export = json.dumps([
        {"role": "agent", "speaker_name": "周立", "start_ms": 0, "text": "您好我是云帆软件的周立"},
        {"role": "customer", "speaker_name": "马卫东", "start_ms": 4200, "text": "你好你说"},
        {"role": "unknown", "speaker_name": "", "start_ms": 65000, "text": "马工 车钥匙在你那吗"},
        {"role": "customer", "speaker_name": "马卫东", "start_ms": 70500, "text": "在在 你继续说"},
    ], ensure_ascii=False)
    t = parse(export)
    assert "周立  00:00:00" in t.document.text and "马卫东  00:01:10" in t.document.text
    assert [s for s, _ in turns(t)] == ["周立", "马卫东", "说话人", "马卫东"]


def test_segments_without_times_are_read_as_labelled_turns():
    export = json.dumps([
        {"speaker": "周立", "text": "您好，我是云帆软件的周立。"},
        {"speaker": "马卫东", "text": "你好，你说。"},
        {"speaker": "周立", "text": "我们的系统明年会支持多工厂排产。"},
    ], ensure_ascii=False)
    t = parse(export)
    assert t.input_format == "json"
    assert [s for s, _ in turns(t)] == ["周立", "马卫东", "周立"]


def test_a_segment_the_tool_could_not_name_is_no_person_called_speaker():
    export = json.dumps([
        {"speaker_name": "周立", "start_ms": 0, "text": "您好我是云帆软件的周立"},
        {"speaker_name": "马卫东", "start_ms": 4200, "text": "你好你说"},
        {"speaker_name": "", "start_ms": 65000, "text": "马工 车钥匙在你那吗"},
        {"speaker_name": "马卫东", "start_ms": 70500, "text": "在在 你继续说"},
    ], ensure_ascii=False)
    assert parse(export).speaker_record("说话人").kind is SpeakerKind.UNNAMED
