"""The people a document's byline names: ``作者：张小珺``, ``文丨陈思远  编辑丨王蕾``, ``Author: Jane Doe``,
``来源：玩加电竞 | 文/周一诺 | 2026-11-22``, ``审核：周建国``.

A byline is metadata, not text anyone says, so the other finders never read it; yet its people are
the ones who wrote the piece, and the graph should hold them.  Each item of the value is taken when
it is a whole name (a surname and one to three characters, or two or three capitalised words).
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .chinese_names import is_han_name, surname_of
from .component import Candidate
from .deferred import DeferredPattern
from .doc import Doc, Paragraph
from .model import BlockRole, Kind

_BYLINE_KEY = DeferredPattern(r"\s*(?:作者|(?<![\u4e00-\u9fff])文|撰文|撰稿|编辑|责任编辑|责编|审核|校对|(?:文字)?整理|Author|By)\s*[:：｜|丨/]\s*",
                              re.IGNORECASE)
_ITEM = re.compile(r"[^\s、，,/|｜丨;；（）()]+(?: [A-Z][a-z]+){0,2}")
_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}")


def byline_names(doc: Doc, paragraphs: Sequence[Paragraph]) -> Iterator[Candidate]:
    text = doc.text
    for block in doc.transcript.blocks:
        # a metadata line (作者：程曼祺 编辑：宋玮, 2026-11-20 来源：游戏葡萄 作者：陈小鹿: keys anywhere on it), or a
        # line of the credits below the end (—— END —— / 文字整理：刘思琪 周子航 / 编辑：黄晓蕾) that a key opens
        if not (block.role is BlockRole.METADATA
                or block.role is BlockRole.FURNITURE and _BYLINE_KEY.match(text, block.start, block.end)):
            continue
        keys = list(_BYLINE_KEY.finditer(text, block.start, block.end))
        for key, after in zip(keys, [k.start() for k in keys[1:]] + [block.end]):
            for item in _ITEM.finditer(text, key.end(), after):
                name = item.group()
                if _LATIN_NAME.fullmatch(name) or 2 <= len(name) <= 4 and is_han_name(name) and surname_of(name):
                    yield Candidate(item.start(), item.end(), Kind.PERSON)
