"""Spans of a text that name nothing: web addresses, link targets, images, hashes, code and style rules, and
the medicines whose names end in a generic name's stem.

Transcripts pasted from web pages carry ``https://mp.weixin.qq.com/s/MzU0MDk3ODUwMA``,
``[原文](https://…)``, ``![](image.png)``, ``imageUrl`` and base64 ids.  Their capitalised pieces
look like product or company names to every extractor; ``masked_spans`` says where they are, once,
and ``outside_masks`` drops any candidate span that touches one.  A markdown link keeps its text
(``[OpenAI 的博客](https://…)`` still names OpenAI); only its target is masked.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence

from talkgraph.ontology import lexicon

from .lookahead import led_by

# a web address runs to the first space, CJK character, or closing bracket/quote
_URL_BODY = r"[^\s\u3000-\u303f\u3400-\u9fff\uff00-\uffef<>\"'`)\]）】」』]+"
_URL = led_by("[hfw]", r"(?:\b(?:https?|ftp)://|\bwww\.)" + _URL_BODY, re.I)
# a bare host with a path (github.com/x) or of three labels (mp.weixin.qq.com); ``v0.dev`` and
# ``Character.ai`` alone are product names
_TLD = r"(?:com|cn|net|org|io|ai|dev|app|co|gov|edu|me|info)(?:\.[a-z]{2})?"
_HOST = led_by("[A-Za-z0-9-]", r"(?<![A-Za-z0-9_@.-])(?:[A-Za-z0-9-]+\.)+" + _TLD + r"/" + _URL_BODY
               + r"|(?<![A-Za-z0-9_@.-])(?:[A-Za-z0-9-]+\.){2,}" + _TLD + r"(?![\w.])")
_EMAIL = re.compile(r"[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK_TARGET = re.compile(r"(?<=\])\([^)\s]*(?:\s+\"[^\"\n]*\")?\)")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]*)?/?>")
_INLINE_CODE = re.compile(r"`[^`\n]+`")
# a style sheet's rule (WebVTT's STYLE block, a pasted page's <style>): { color: #ffd966; }
_CSS_RULE = re.compile(r"\{[^{}\n]*?[A-Za-z-]+\s*:[^{}\n]*;\s*\}")
# lowerCamelCase (imageUrl, getElementById), snake_case (image_url), dotted calls (foo.bar())
_CAMEL = led_by("[a-z]", r"(?<![A-Za-z0-9_])[a-z]{2,}(?:[A-Z][a-z0-9]+)+(?![A-Za-z0-9_])")
_SNAKE = led_by("[_A-Za-z]", r"(?<![A-Za-z0-9_])_*[A-Za-z][A-Za-z0-9]*(?:_+[A-Za-z0-9]+)+_*(?![A-Za-z0-9_])")
_CALL = led_by("[A-Za-z_]", r"(?<![A-Za-z0-9_])[A-Za-z_][\w.]*\(\)")
_FILE = re.compile(r"(?<![\w./])[\w./-]+\.(?:png|jpe?g|gif|webp|svg|mp[34]|pdf|html?|js|ts|py|json|css|md)\b", re.I)
# a run of base64 or hex characters: long, and mixing digits with letters as words never do
_OPAQUE = led_by("[A-Za-z0-9+/_-]", r"(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{10,}={0,2}(?![A-Za-z0-9+/=_-])")
_HEX = led_by("[0-9a-fA-F]", r"(?<![A-Za-z0-9])[0-9a-fA-F]{16,}(?![A-Za-z0-9])")

# each pattern with a character its matches cannot do without: most paragraphs lack most of them,
# and a substring test is far cheaper than a search
_WHOLE = ((_IMAGE, ("!",)), (_URL, ("/", "www.", "WWW.")), (_HOST, (".",)), (_EMAIL, ("@",)), (_LINK_TARGET, ("]",)),
          (_HTML_TAG, ("<",)), (_INLINE_CODE, ("`",)), (_CSS_RULE, ("{",)), (_SNAKE, ("_",)), (_CALL, ("(",)), (_FILE, (".",)))
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
# what every lowerCamelCase word, and every hex or base64 run, holds: a quick search finds it in few paragraphs
_LOWER_THEN_UPPER = re.compile(r"[a-z][A-Z]")
_ASCII_RUN = re.compile(r"[A-Za-z0-9+/_-]{10}")


def masked_spans(text: str, start: int = 0, end: int | None = None) -> tuple[tuple[int, int], ...]:
    """Sorted, disjoint ``(start, end)`` spans of ``text[start:end]`` that no entity may touch."""
    end = len(text) if end is None else end
    piece = text[start:end]
    medicines = [(max(start, m.start() - 1), m.end()) for m in _drug_stems().finditer(text, start, end)]
    if not _ASCII_ALNUM.search(piece):
        return _merged(medicines)
    found = medicines + [(m.start(), m.end()) for pattern, needs in _WHOLE if any(n in piece for n in needs)
                         for m in pattern.finditer(text, start, end)]
    if _LOWER_THEN_UPPER.search(piece):
        found.extend((m.start(), m.end()) for m in _CAMEL.finditer(text, start, end))
    if _ASCII_RUN.search(piece):
        found.extend((m.start(), m.end()) for m in _HEX.finditer(text, start, end))
        found.extend((m.start(), m.end()) for m in _OPAQUE.finditer(text, start, end) if _looks_opaque(m.group()))
    return _merged(found)


@lexicon.derived
def _drug_stems() -> re.Pattern[str]:
    """The endings of medicines' names (替雷利珠单抗, 安罗替尼), each masked with the character before it:
    what precedes a stem is the medicine's name, never a person's (替雷利珠) or an organisation's."""
    return re.compile("|".join(sorted(lexicon.words("drug_stems"), key=len, reverse=True)))


def _looks_opaque(token: str) -> bool:
    """``MzU0MDk3ODUwMA``, ``aGVsbG8gd29ybGQ=``: no word, name or version has this many switches
    between letters, digits and letter case; ``DeepSeek-V3`` or ``Qwen2-72B`` have few."""
    core = token.strip("=")
    if token.endswith("=") and len(core) >= 8 and re.fullmatch(r"[A-Za-z0-9+/]+", core):
        return True
    if re.search(r"[-_]", core):
        return False
    digits = sum(ch.isdigit() for ch in core)
    letters = sum(ch.isalpha() for ch in core)
    if digits < 2 or letters < 3:
        return False
    switches = sum(1 for a, b in zip(core, core[1:]) if _char_class(a) != _char_class(b))
    return switches >= 5


def _char_class(ch: str) -> int:
    return 0 if ch.isdigit() else 1 if ch.isupper() else 2 if ch.islower() else 3


def _merged(spans: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return tuple(out)


def touches_mask(masks: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps any of the sorted, disjoint ``masks``."""
    at = bisect.bisect_right(masks, (start, float("inf"))) - 1
    for s, e in masks[max(at, 0):at + 2]:
        if s < end and start < e:
            return True
    return False


def outside_masks(spans: Iterable[Sequence], masks: Sequence[tuple[int, int]]) -> Iterator[Sequence]:
    """The spans (tuples beginning ``start, end``) that touch no mask, in their order."""
    return (span for span in spans if not touches_mask(masks, span[0], span[1]))
