"""Products named after the organisation that makes them: ``360浏览器``, ``腾讯视频``, ``百度地图``.

Chinese names much software by its maker's name and what it is (浏览器, 地图, 网盘, 输入法, with
``AI`` between at times: ``360AI浏览器``).  After the merge, where an organisation the text names
on its own (or the stem of one: ``360`` of ``360集团``) stands before such a product word, the two
are one product, and the organisation is its maker.  An organisation named nowhere else keeps its
mention: the text then says only the company, which the product's name would lose.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from talkgraph.ontology import lexicon

from .doc import Doc, Paragraph
from .masking import touches_mask
from .model import Kind, Mention
from .recurrence import NameFinder
from .resolve import COMPANY_FORMS

SOURCE = "brand_products"
# the forms a maker's stem is named without (360 of 360集团, 百度 of 百度公司), a trade word too (科技)
_COMPANY_WORD = re.compile(f"(?:{'|'.join(COMPANY_FORMS + ('科技', '控股'))})$")
_MIN_STEM = 2


def _product_word() -> re.Pattern[str]:
    heads = sorted(lexicon.words("software_heads"), key=len, reverse=True)
    return re.compile(r"\s?(?:AI\s?)?(?:" + "|".join(map(re.escape, heads)) + ")")


_PRODUCT_WORD = _product_word()


def makers(mentions: Sequence[Mention]) -> dict[str, Mention]:
    """Each organisation's name and stem, mapped to its first mention (longest names first)."""
    out: dict[str, Mention] = {}
    for m in mentions:
        if m.kind is not Kind.ORGANIZATION:
            continue
        for name in (m.text, _COMPANY_WORD.sub("", m.text)):
            if len(name) >= _MIN_STEM:
                out.setdefault(name, m)
    return dict(sorted(out.items(), key=lambda item: -len(item[0])))


def maker_of(product: Mention, makers_by_name: dict[str, Mention]) -> Mention | None:
    """The organisation a product's name is built on: its name, then a product word."""
    for name, maker in makers_by_name.items():
        if product.text.startswith(name) and _PRODUCT_WORD.fullmatch(product.text, len(name)):
            return maker
    return None


def branded_products(doc: Doc, mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    """``mentions`` with each organisation's name before a product word made one product."""
    by_name = makers(mentions)
    if not by_name:
        return tuple(mentions)
    found = sorted(mentions, key=lambda m: (m.start, m.end))
    candidates = list(_products(doc, found, by_name))
    named_alone = {m.text for m in found if m.kind is Kind.ORGANIZATION and not _inside(m, candidates)}
    products = [p for p in candidates if maker_of(p, by_name).text in named_alone]
    return tuple(sorted([m for m in found if not _inside(m, products)] + products, key=lambda m: (m.start, m.end)))


def _inside(mention: Mention, products: list[Mention]) -> bool:
    return any(p.start <= mention.start and mention.end <= p.end for p in products)


def _products(doc: Doc, mentions: list[Mention], by_name: dict[str, Mention]) -> Iterator[Mention]:
    text = doc.text
    finder = NameFinder(by_name)
    for para in doc.paragraphs:
        for s, name in finder.finditer(text, para.start, para.end):
            word = _PRODUCT_WORD.match(text, s + len(name), para.end)
            if word is None or not para.word_ends_at(word.end()) or touches_mask(doc.masks, s, word.end()):
                continue
            e = word.end()
            if not _starts_word(doc, para, s):
                continue
            overlapping = [m for m in mentions if m.start < e and s < m.end]
            if all(m.kind is Kind.ORGANIZATION and s <= m.start and m.end <= e for m in overlapping):
                yield Mention(s, e, text[s:e], Kind.MODEL, SOURCE, para.turn_index)


def _starts_word(doc: Doc, para: Paragraph, pos: int) -> bool:
    """A Latin or digit name touches no letter or digit before it; a Chinese one begins a word."""
    before = doc.text[pos - 1] if pos > para.start else " "
    if doc.text[pos].isascii():
        return not (before.isascii() and before.isalnum())
    return para.word_starting_at(pos) is not None
