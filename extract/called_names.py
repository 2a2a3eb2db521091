"""Names a text gives by saying what something is called: ``产品叫深言问答``, ``一家做具身智能的公司，叫星尘智能``.

A founder describing their own company or product, or a guest naming one the listener may not know,
says what kind of thing it is and then what it is called: the name runs from ``叫``/``名为`` to the
end of the clause.  A product word before the cue (产品, App, 模型 …) makes the name a product's; a
company word or a company's measure word (公司, 团队, 一家 …) an organisation's.  A question or a
pronoun after the cue (``叫什么``, ``叫这个``) names nothing.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from talkgraph.ontology import lexicon

from .component import Candidate
from .doc import Doc, Paragraph
from .model import Kind

_CUE = r"[，,]?\s?(?:的名字)?\s?(?:叫做|叫作|名叫|名为|称为|叫)\s?"
_NAME = (r"(?P<name>[\u4e00-\u9fffA-Za-z0-9][\u4e00-\u9fffA-Za-z0-9 .\-·]{1,11}?)"
         r"(?=\s?(?:[，,。；;！!？?、）)”\"]|\.(?!\w)|$))")
_PRODUCT = r"产品|应用|App|APP|app|软件|工具|模型|助手"
# 公司叫…, 一家做具身智能的公司，叫…, 一家做AI编程的，叫…: 一家 counts companies
_COMPANY = r"公司|企业|机构|团队|一家[^，,。；;！!？?]{0,12}?"
_CALLED = re.compile(rf"(?:(?P<product>{_PRODUCT})|(?P<company>{_COMPANY})){_CUE}{_NAME}")
# the same cue ending right before a name another rule bounds (有个公司叫 Poe: a Latin name's own extent)
COMPANY_CALLED = re.compile(rf"(?:{_COMPANY}){_CUE}$")
COMPANY_CALLED_REACH = 20  # 一家 and what the company does, then the cue
_NOT_CALLED = re.compile(r"^(?:什么|啥|这|那|哪|一|某|个|我|你|他|她|它|得|好|了|过)")  # 叫什么, 叫得很响


def names_a_kind(text: str) -> bool:
    """The precheck of ``called_names``."""
    return "叫" in text or "名为" in text


def called_names(doc: Doc, paragraphs: Sequence[Paragraph]) -> Iterator[Candidate]:
    """What follows a product or a company said to be called so, to the end of the clause."""
    for para in paragraphs:
        for match in _CALLED.finditer(doc.text, para.start, para.end):
            name = match["name"].strip()
            if _NOT_CALLED.match(name) or name in lexicon.not_names():
                continue
            s = match.start("name")
            kind = Kind.MODEL if match["product"] else Kind.ORGANIZATION
            yield Candidate(s, s + len(name), kind, para.turn_index)
