"""Short names a text declares: ``苏州澜芯微电子股份有限公司（以下简称“澜芯微”）``.

Filings, press releases and the reports built on them name a company in full once and declare the
short name used after it (以下简称, 下称, 简称).  The short name is the organisation's wherever the
text uses it (``澜芯微今年营收…``), though no lexicon holds it and it has no suffix of its own; the
component finds it at every occurrence, and ``declared_abbreviations`` gives it as the full name's
alias, so that both are one organisation.  A declaration after something that names no organisation
(a law: ``《数据安全法》``, a programme) is passed over: the name before the brackets must end as an
organisation's does.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .component import Candidate
from .doc import Doc, Paragraph
from .model import Kind, Mention, Transcript
from .organizations import ends_as_organization
from .resolve import COMPANY_REFERENCES

_DECLARED = re.compile(r"[（(]\s?(?:以下|下文)?(?:简称|下称|统称)\s?(?:为)?[:：]?\s?(?P<names>[^（()）\n]{2,40}?)\s?[)）]")
_NAMES_SEPARATOR = re.compile(r"\s?(?:或|或者|、|和|及|,|，)\s?")
_QUOTED_NAME = re.compile(r"[“\"「『]?(?P<short>[\u3400-\u9fffA-Za-z0-9&·\- ]{2,12})[”\"」』]?")
_NAME_BEFORE = re.compile(r"[\u3400-\u9fffA-Za-z0-9&·()（）\- ]{2,40}$")


def _declarations(text: str) -> Iterator[tuple[str, int]]:
    """Each declared short name (``“澜芯微”或“公司”`` declares two; the bare word for a company is
    left to ``resolve``), with where the full name before it ends."""
    for match in _DECLARED.finditer(text):
        before = _NAME_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if before is None or not ends_as_organization(before.group().strip()):
            continue
        for part in _NAMES_SEPARATOR.split(match["names"]):
            quoted = _QUOTED_NAME.fullmatch(part.strip())
            if quoted is not None and quoted["short"].strip() not in COMPANY_REFERENCES:
                yield quoted["short"].strip(), match.start()


def abbreviated_names(doc: Doc, paragraphs: Sequence[Paragraph]) -> Iterator[Candidate]:
    """The component: every occurrence of a short name the text declares for an organisation."""
    if "称" not in doc.text:
        return
    shorts = sorted({short for short, _ in _declarations(doc.text)}, key=lambda short: (-len(short), short))
    if not shorts:
        return
    pattern = re.compile("|".join(re.escape(s) for s in shorts))
    for para in paragraphs:
        for match in pattern.finditer(doc.text, para.start, para.end):
            yield Candidate(match.start(), match.end(), Kind.ORGANIZATION, para.turn_index)


def declared_abbreviations(transcript: Transcript, mentions: Sequence[Mention]) -> Iterator[tuple[str, Mention]]:
    """Each declared short name with the organisation mention it abbreviates, which ends right
    before the declaration."""
    organizations = {m.end: m for m in mentions if m.kind is Kind.ORGANIZATION}
    for short, at in _declarations(transcript.document.text):
        full = organizations.get(at)
        if full is not None and full.text != short:
            yield short, full
