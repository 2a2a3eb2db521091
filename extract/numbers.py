"""Numbers written in Chinese: ``千亿`` → 1e11, ``十万亿`` → 1e13, ``十三亿`` → 1.3e9, ``3.5万`` → 35000,
``4,870万`` → 4.87e7, and as said aloud, ``一万二`` → 12000."""
from __future__ import annotations

import re

from .lookahead import led_by

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = (("亿", 10**8), ("万", 10**4))
NUMBER = re.compile(r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千])[\d.零〇一二两三四五六七八九十百千万亿]*")


def parse_chinese_number(text: str) -> float | None:
    """The value of a number written with Chinese numerals, Arabic digits or both; None if not one."""
    text = text.strip()
    if not text or not NUMBER.fullmatch(text):
        return None
    try:
        value = _parse(text)
    except ValueError:
        return None
    return round(value, _PLACES) if value != int(value) else value  # 17.9亿 is 1790000000, not 1789999999.9999998


_PLACES = 6  # the decimals a spoken amount keeps once scaled: binary fractions add digits no one said


def _parse(text: str) -> float:
    for unit, value in _BIG_UNITS:
        if unit in text:
            head, _, tail = text.rpartition(unit)
            high = _parse(head) if head else 1.0
            if tail in _DIGITS and head:
                return high * value + _DIGITS[tail] * value / 10  # 一万二 is 12,000, 三亿五 350,000,000
            return high * value + (_parse(tail) if tail else 0.0)
    return _parse_small(text)


def _parse_small(text: str) -> float:
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    total, current = 0.0, None
    for ch in text:
        if ch in _DIGITS:
            current = float(_DIGITS[ch])
        elif ch.isdigit():
            current = (current or 0.0) * 10 + int(ch)
        elif ch in _SMALL_UNITS:
            total += (1.0 if current is None else current) * _SMALL_UNITS[ch]
            current = None
        else:
            raise ValueError(text)
    return total + (current or 0.0)


_AMOUNT = led_by(
    r"[\d零〇一二两三四五六七八九十百千]",
    r"(?P<low>\d+(?:\.\d+)?)\s?(?:%|％)?\s?(?:-|~|～|到|至)\s?(?P<high>\d+(?:\.\d+)?)\s?(?P<unit>%|％|个百分点)"
    r"|(?P<one>\d+(?:\.\d+)?)\s?(?P<unit1>%|％|个百分点)"
    r"|(?P<cn>(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千])[\d.零〇一二两三四五六七八九十百千万亿]*[万亿]"
    r"(?:零?(?:[一二两三四五六七八九][千百十]零?)+[一二三四五六七八九]?|[一二两三四五六七八九](?![\d.零〇一二两三四五六七八九十百千万亿]))?)")


# 千万不要, 千万别, 万万不能: "by all means", before a warning or a must, is no ten million
BY_ALL_MEANS = r"(?:千万|万万)(?=不|别|要|记|注意|小心|莫|勿)"
_BY_ALL_MEANS = re.compile(BY_ALL_MEANS)


def find_amounts(text: str, start: int, end: int):
    """``(start, end, values)`` for each amount in ``text[start:end]``: ``20%以上`` → (20,),
    ``1-2个百分点`` → (1, 2), ``十三亿`` → (1.3e9,)."""
    for match in _AMOUNT.finditer(text, start, end):
        if match["cn"] and (adverb := _BY_ALL_MEANS.match(text, match.start())) and adverb.end() == match.end():
            continue
        if match["low"]:
            values = (float(match["low"]), float(match["high"]))
        elif match["one"]:
            values = (float(match["one"]),)
        else:
            value = parse_chinese_number(match["cn"].replace(",", ""))  # 4,870万: digits grouped by thousands
            if value is None:
                continue
            values = (value,)
        yield match.start(), match.end(), values
