"""The transcript parser on small texts written for these tests, and on the example."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from talkgraph.extract import document_from_text, parse_transcript
from talkgraph.extract.model import BlockRole


def parse(text: str):
    return parse_transcript(document_from_text(text, doc_id="t"))


def turn_texts(transcript):
    return [(t.speakers, t.text(transcript.document)) for t in transcript.turns]


def test_ascii_and_fullwidth_colons_with_spaces():
    t = parse("王小明: 你好。\n\n李华 ：我也好。\n\n王小明：再见。\n")
    assert turn_texts(t) == [(("王小明",), "你好。"), (("李华",), "我也好。"), (("王小明",), "再见。")]


def test_paragraphs_without_prefix_continue_the_turn():
    t = parse("王小明：第一段。\n\n这是第二段，还是王小明在说。\n\n李华：好的。\n\n王小明：嗯。\n\n李华：对。\n")
    assert t.turns[0].text(t.document) == "第一段。\n这是第二段，还是王小明在说。"
    assert len(t.turns) == 4


def test_joint_turn_has_several_speakers():
    t = parse("周一：开场。\n\n吴二：好。\n\n周一：结束吧。\n\n吴二、周一：再见！\n")
    assert t.turns[-1].speakers == ("吴二", "周一")


def test_a_sentence_ending_in_a_colon_is_not_a_turn():
    text = "王小明：我们看到的问题有两个：\n\n成本太高。\n\n李华：同意。\n\n王小明：谢谢。\n"
    t = parse(text)
    assert len(t.turns) == 3
    text2 = "王小明：开始。\n\n他们最核心的痛点有两个：第一是贵，第二是慢。\n\n李华：嗯。\n\n王小明：好。\n"
    t2 = parse(text2)
    assert "他们最核心的痛点有两个" in t2.turns[0].text(t2.document)


def test_a_word_before_a_colon_needs_support_from_the_document():
    t = parse("日期:2024-03-01\n\n王小明：大家好。\n\n李华：你好。\n\n王小明：开始吧。\n\n李华：好。\n")
    assert t.date == "2024-03-01"
    assert t.speakers == ("王小明", "李华")
    once = parse("王小明：大家好。\n\n李华：你好。\n\n王小明：好。\n\n李华：好。\n\n结论：这不是发言人。\n")
    assert "结论" not in once.speakers


def test_headings_captions_metadata_and_furniture_are_not_turns():
    text = ("新闻动态\n\n王小明(左一)、李华(右一)\n\n王小明：第一段话很长，是一个完整的句子。\n\n"
            "(王小明:一个小标题)\n\n还是王小明在说。\n\n01\n\n李华：第二个人。\n\n注：以上内容有删节。\n\n"
            "  • 分享:\n\n王小明：最后一句。\n\n李华：好。\n")
    t = parse(text)
    assert [t.speaker for t in t.turns] == ["王小明", "李华", "王小明", "李华"]
    assert "还是王小明在说。" in t.turns[0].text(t.document)
    assert "小标题" not in t.turns[0].text(t.document)
    roles = {t.document.text[b.start:b.end]: b.role for b in t.blocks}
    assert roles["王小明(左一)、李华(右一)"] is BlockRole.CAPTION
    assert roles["(王小明:一个小标题)"] is BlockRole.HEADING
    assert roles["注：以上内容有删节。"] is BlockRole.FURNITURE
    assert roles["新闻动态"] is BlockRole.FURNITURE


def test_a_bullet_opens_furniture_only_before_a_label_or_a_link():
    text = ("王小明：第一段话很长，是一个完整的句子。\n\n◆ 本报记者王五发自上海\n\n▶ 往期回顾\n\n"
            "► 点击阅读原文了解更多\n\n李华：好。\n")
    t = parse(text)
    roles = {t.document.text[b.start:b.end]: b.role for b in t.blocks}
    assert roles["▶ 往期回顾"] is roles["► 点击阅读原文了解更多"] is BlockRole.FURNITURE
    assert roles["◆ 本报记者王五发自上海"] is not BlockRole.FURNITURE


def test_a_web_pages_breadcrumb_date_line_advert_and_notice_are_no_turns_and_no_title():
    text = ("星河网 > 科技 > 正文\n\n专访云帆智联周立：我们不打价格战，我们要在三年内把成本降到一半\n\n"
            "2026-03-18 09:12  来源：星河网  阅读 3.2万\n\n【广告】点击订阅星河周报\n\n"
            "主持人：去年卖了多少？\n\n周立：四万辆，比前年多了一倍。\n\n主持人：谢谢。\n\n周立：谢谢大家。\n\n"
            "---\n\n*本文仅代表受访者个人观点，不构成投资建议。转载请联系 contact@example.com*\n")
    t = parse(text)
    roles = {t.document.text[b.start:b.end]: b.role for b in t.blocks}
    assert roles["星河网 > 科技 > 正文"] is BlockRole.FURNITURE
    assert roles["【广告】点击订阅星河周报"] is BlockRole.FURNITURE
    assert roles["2026-03-18 09:12  来源：星河网  阅读 3.2万"] is BlockRole.METADATA
    assert t.turns[-1].text(t.document) == "谢谢大家。"
    assert t.title == "专访云帆智联周立：我们不打价格战，我们要在三年内把成本降到一半"
    assert t.date == "2026-03-18"


def test_highlights_are_excerpts_linked_to_the_turn_they_quote():
    text = ("精彩摘录\n\n王小明：模型会越来越大，这是确定的趋势。\n\n以下为整理稿：\n\n"
            "王小明：开场白很长很长很长很长很长。\n\n李华：你好你好你好你好。\n\n"
            "王小明：我认为模型会越来越大，这是确定的趋势，没有疑问。\n\n李华：同意。\n")
    t = parse(text)
    assert len(t.turns) == 4
    assert len(t.excerpts) == 1
    assert t.excerpts[0].turn_index == 3


def test_an_article_printed_twice_gives_each_turn_once():
    body = ("王小明：这是第一位发言人的一段相当长的发言，用来检查重复的文章只算一次。\n\n"
            "李华：这是第二位发言人的一段相当长的发言，内容也足够长，可以判断重复。\n\n"
            "王小明：好的。\n\n")
    t = parse(body + "标题\n\n日期:2024-01-01\n\n" + body)
    assert len(t.turns) == 3


def test_short_identical_turns_are_kept():
    t = parse("王小明：好的。\n\n李华：开始吧。\n\n王小明：好的。\n\n李华：结束。\n")
    assert len(t.turns) == 4


def test_the_example_has_its_nineteen_turns(sample_transcript):
    t = sample_transcript
    assert len(t.turns) == 19
    assert [x.speaker for x in t.turns[:4]] == ["张家兴", "田奇", "林伟", "袁进辉"]
    assert t.date == "2021-12-06"
    assert t.moderator == "张家兴"
    assert len(t.excerpts) == 4 and all(e.turn_index for e in t.excerpts)


names = st.sampled_from(["王小明", "李华", "Sam", "陈一"])
paragraph = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=40)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.none(), names), paragraph), max_size=12))
def test_any_text_parses_and_every_span_slices_back(parts):
    text = "\n\n".join(f"{n}：{p}" if n else p for n, p in parts)
    if not text.strip():
        return
    t = parse(text)
    doc = t.document
    assert [x.index for x in t.turns] == list(range(1, len(t.turns) + 1))
    for turn in t.turns:
        for s, e in turn.spans:
            assert 0 <= s <= e <= len(doc.text)
    for block in t.blocks:
        assert doc.text[block.start:block.end] == doc.text[block.start:block.end].strip()


def test_front_matter_gives_the_title_and_rules_are_furniture():
    text = ('---\ntitle: "圆桌实录｜电商还有未来吗"\ndate: 2026-03-08\nauthor: 林可\n---\n\n'
            "# 圆桌实录｜电商还有未来吗\n\n校对：刘子墨\n\n林可：你会投哪个平台？\n\n王芳：抖音。\n\n"
            "提问者（未报姓名）：那京东呢？\n\n王芳：也投。\n")
    t = parse(text)
    assert t.title == "圆桌实录｜电商还有未来吗"
    roles = {t.document.text[b.start:b.end]: b.role for b in t.blocks}
    assert roles["---"] is BlockRole.FURNITURE and roles["校对：刘子墨"] is BlockRole.METADATA
    assert [turn.speaker for turn in t.turns] == ["林可", "王芳", "提问者", "王芳"]  # the note names no one


def test_what_follows_the_end_of_a_published_conversation_is_the_pages():
    t = parse("陈露：先聊量产。\n\n王兴兴：量产最难。\n\n陈露：谢谢。\n\n- END -\n\n往期推荐\n王兴兴：四足机器人的十年\n\n"
              "喜欢本文请点个在看\n")
    assert [turn.speaker for turn in t.turns] == ["陈露", "王兴兴", "陈露"]
    assert t.turns[-1].text(t.document) == "谢谢。"
