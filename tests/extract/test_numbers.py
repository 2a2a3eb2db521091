from __future__ import annotations

import pytest

from talkgraph.extract.numbers import parse_chinese_number


@pytest.mark.parametrize("text, value", [
    ("千亿", 1e11), ("十万亿", 1e13), ("十三亿", 1.3e9), ("千万亿", 1e15), ("百亿", 1e10),
    ("3.5万", 35000), ("两千", 2000), ("一百二十三", 123), ("1万亿", 1e12), ("20", 20), ("十", 10),
])
def test_chinese_numbers(text, value):
    assert parse_chinese_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "大模型", "亿", "万亿"])
def test_not_numbers(text):
    assert parse_chinese_number(text) is None


def test_amounts_in_a_sentence():
    from talkgraph.extract.numbers import find_amounts

    text = "能耗降低20%以上，准确率提升1-2个百分点，参数有十三亿。"
    assert [v for _, _, v in find_amounts(text, 0, len(text))] == [(20.0,), (1.0, 2.0), (1.3e9,)]


def test_by_all_means_is_no_ten_million():
    from talkgraph.extract.numbers import find_amounts
    text = "千万不要砸钱，万万不能放弃，去年亏了三千万，两千万要投进去。"
    assert [v for _, _, v in find_amounts(text, 0, len(text))] == [(3e7,), (2e7,)]


def test_amounts_grouped_by_thousands_and_as_said_aloud():
    from talkgraph.extract.numbers import find_amounts
    text = "回款4,870万，授信5,000万；单价一万二，整机卖九万九千块，一共两万三个人，合同三亿五。"
    found = [(text[s:e], v) for s, e, v in find_amounts(text, 0, len(text))]
    assert found == [("4,870万", (4.87e7,)), ("5,000万", (5e7,)), ("一万二", (12000.0,)), ("九万九千", (99000.0,)),
                     ("两万三", (23000.0,)), ("三亿五", (3.5e8,))]


def test_a_decimal_scaled_keeps_the_digits_said():
    assert parse_chinese_number("17.9亿") == 1.79e9
    assert parse_chinese_number("1.25") == 1.25
