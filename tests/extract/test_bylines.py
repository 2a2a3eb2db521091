"""The people a byline names, on hand-written transcripts."""
from __future__ import annotations

from talkgraph.extract.bylines import byline_names
from talkgraph.extract.doc import Doc
from talkgraph.extract.pipeline import default_pipeline
from talkgraph.extract.reading import document_from_text
from talkgraph.extract.transcript import parse_transcript

TURNS = "\n\n主持人：今天聊聊出海。\n\n周明远：好的，我先说。\n"


def bylined(head: str) -> list[str]:
    doc = Doc(parse_transcript(document_from_text(head + TURNS, doc_id="t")))
    return [doc.text[c.start:c.end] for c in byline_names(doc, doc.paragraphs)]


def test_the_author_and_editors_of_a_byline_are_people():
    assert bylined("作者：林晓") == ["林晓"]
    assert bylined("编辑：韩雪婷、王芳") == ["韩雪婷", "王芳"]
    assert bylined("Author: Jane Doe") == ["Jane Doe"]
    assert bylined("作者：程曼琳 编辑：宋玮") == ["程曼琳", "宋玮"]  # two keys on one line
    assert bylined("文丨陈思远  编辑丨王蕾") == ["陈思远", "王蕾"]  # the web's vertical bar, 文 for 作者


def test_what_is_no_name_in_a_byline_is_left():
    assert bylined("作者：本报评论员") == []
    assert bylined("来源：新华社") == []


def test_the_pipeline_keeps_the_author_as_a_person():
    from talkgraph.extract.model import Kind
    from talkgraph.extract.pipeline import default_pipeline

    doc = Doc(parse_transcript(document_from_text("作者：林晓" + TURNS, doc_id="t")))
    found = [(m.text, m.source) for m in default_pipeline().find_mentions(doc) if m.kind is Kind.PERSON]
    assert ("林晓", "persons.byline") in found


def test_a_byline_after_the_date_and_source_on_one_line_and_a_reviewers_line():
    text = ("游戏发布会实录\n\n2026-11-20 15:32 来源：游戏葡萄  作者：陈小鹿\n审核：周建国\n\n"
            "> 来源：玩加电竞 | 文/周一诺 | 2026-11-22 23:41\n\n主持人：欢迎。\n\n顾远舟：谢谢。\n\n主持人：好。\n")
    transcript = parse_transcript(document_from_text(text, doc_id="t"))
    found = [(m.text, m.source) for m in default_pipeline().find_mentions(Doc(transcript))]
    assert {("陈小鹿", "persons.byline"), ("周建国", "persons.byline"), ("周一诺", "persons.byline")} <= set(found)


def test_the_credits_below_the_end_name_their_people_but_no_other_line_below_it_does():
    doc = Doc(parse_transcript(document_from_text(
        TURNS.strip() + "\n\n—— END ——\n\n文字整理：刘思琪 周子航（研究生会）\n图片：学院新闻中心\n编辑：黄晓蕾\n"
        "欢迎转发：韩雪婷推荐\n", doc_id="t")))
    assert [doc.text[c.start:c.end] for c in byline_names(doc, doc.paragraphs)] == ["刘思琪", "周子航", "黄晓蕾"]
