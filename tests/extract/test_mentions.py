"""Mentions keep offsets that slice back to their text, whatever the input."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from talkgraph.extract import document_from_text, extract, parse_transcript

pieces = st.sampled_from(["华为云首席科学家田奇", "阿里", "GPT-4o", "“封神榜”大模型", "王老师", "：", "\n\n",
                          "李华：", "OneFlow深度学习框架", "千亿规模", "我很同意李华的观点。", "Sam Altman说", "@张三 "])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(pieces, st.text(max_size=8)), max_size=15))
def test_every_span_slices_back(parts):
    text = "".join(parts)
    if not text.strip():
        return
    x = extract(parse_transcript(document_from_text(text, doc_id="p")))
    doc = x.transcript.document
    for m in x.mentions:
        assert doc.text[m.start:m.end] == m.text
    for c in x.claims:
        assert doc.text[c.start:c.end] == c.text
    for s in x.sentences:
        assert s.start < s.end and all(s.start <= m.start and m.end <= s.end for m in s.mentions)
    spans = sorted((m.start, m.end) for m in x.mentions)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "mentions never overlap"


def test_a_name_run_on_into_a_verb_is_the_name_the_text_has_without_it():
    text = "陶然：说说团队。\n\n韩立：我和老同事邵明聊了很多次，邵明很支持。联合创始人郑凯，郑凯管技术。\n"
    people = [m.text for m in extract(parse_transcript(document_from_text(text))).mentions if m.kind.value == "Person"]
    assert "邵明聊" not in people and "郑凯管" not in people
    assert people.count("郑凯") == 2 and people.count("邵明") == 2


def test_a_brand_going_on_into_another_companys_name_is_not_that_brand():
    text = "陶然：子公司呢？\n\n韩立：我们在新加坡设立了子公司澜海国际。澜海生物明年会上市，澜海的团队很强。\n"
    found = [(m.text, m.start) for m in extract(parse_transcript(document_from_text(text))).mentions
             if m.kind.value == "Organization"]
    assert ("澜海", text.index("澜海国际")) not in found
    assert ("澜海", text.index("澜海的")) in found


def test_thanks_run_into_a_name_is_no_person():
    text = "陶然：今天的嘉宾是北方医院神经内科副主任医师沈奕辰。\n\n沈奕辰：大家好。\n\n陶然：谢谢贺总的支持。也感谢沈医生。\n"
    mentions = extract(parse_transcript(document_from_text(text))).mentions
    people = {m.text: m for m in mentions if m.kind.value == "Person"}
    assert "谢谢贺" not in people


def test_a_medicines_name_is_no_persons():
    text = "陶然：二线用什么？\n\n宋立言：卡瑞利珠单抗和阿帕替尼都可以，宋立言也试过。\n\n陶然：好。\n"
    people = [m.text for m in extract(parse_transcript(document_from_text(text))).mentions if m.kind.value == "Person"]
    assert not any(name.startswith(("卡瑞", "瑞利", "阿帕", "帕替")) for name in people) and "宋立言" in people


def test_a_chats_call_to_everyone_is_no_person():
    text = "陶然 2024-05-01 10:00\n@所有人 大家节日快乐。@韩立新 你看一下。\n\n韩立新 2024-05-01 10:02\n收到。\n"
    people = [m.text for m in extract(parse_transcript(document_from_text(text))).mentions if m.kind.value == "Person"]
    assert "所有人" not in people and "韩立新" in people



def test_a_name_whose_last_character_the_segmenter_glued_to_the_next_word_is_whole():
    text = "陶然：谁来考察？\n\n韩立：盒马的采购经理陈立东到我们这边来考察。\n\n陶然：好。\n"
    people = [m.text for m in extract(parse_transcript(document_from_text(text))).mentions if m.kind.value == "Person"]
    assert "陈立东" in people and "陈立" not in people
