"""A markdown table of guests: its columns say who is a person, which organisation, what post.
Tables written for these tests."""
from __future__ import annotations

from talkgraph.extract import document_from_text, extract, parse_transcript
from talkgraph.extract.model import Kind
from talkgraph.extract.tables import Column, table_cells

PANEL = ("## 嘉宾\n\n| 姓名 | 公司 | 职务 |\n| --- | --- | --- |\n| 何悦 | 零售前哨 | 主编（主持人） |\n"
         "| 苏婉清 | 拾光美妆 | 联合创始人、COO |\n| 马克·费舍尔（Mark Fisher） | 麦肯锡 | 全球董事合伙人 |\n\n"
         "**何悦：** 欢迎。拾光美妆这两年开了很多店。\n\n**苏婉清：** 谢谢。\n\n**马克·费舍尔：** 谢谢。\n\n**何悦：** 好。\n")


def test_the_header_types_each_column_and_a_blank_line_ends_the_table():
    rows = table_cells(PANEL + "\n| 不是表 | 之后 |\n")
    assert len(rows) == 3
    assert [c.column for c in next(iter(rows.values()))] == [Column.PERSON, Column.ORGANIZATION, Column.TITLE]


def test_a_table_of_guests_gives_its_people_organisations_and_posts():
    x = extract(parse_transcript(document_from_text(PANEL, doc_id="t")))
    orgs = [m.text for m in x.mentions if m.kind is Kind.ORGANIZATION]
    assert orgs.count("拾光美妆") == 2 and "零售前哨" in orgs  # the cell, then its other occurrence
    roles = {(r.person.text, r.title, r.organization.text) for r in x.roles if r.organization is not None}
    assert {("何悦", "主编", "零售前哨"), ("苏婉清", "联合创始人", "拾光美妆"), ("苏婉清", "COO", "拾光美妆"),
            ("马克·费舍尔", "全球董事合伙人", "麦肯锡")} <= roles  # 联合创始人、COO: two posts


def test_a_table_without_such_a_header_types_nothing():
    assert table_cells("| 指标 | 数值 |\n| --- | --- |\n| 营收 | 8亿 |\n") == {}
