"""Reading a transcript's structure: speaker turns, continuations, headings, excerpts, metadata.

The rules are general, not a list of anyone's names: a word before a colon is a speaker only when
the document supports it (it opens two or more paragraphs, or the text names it elsewhere), and
a paragraph is a heading, caption, metadata or page furniture by its shape.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .chinese_names import is_han_name
from .model import Block, BlockRole, Document, Excerpt, Transcript, Turn

_HAN_NAME = r"[\u3400-\u9fff·•]{1,6}"
_LATIN_NAME = r"[A-Za-z][A-Za-z0-9.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,2}"
_ONE_NAME = rf"(?:{_HAN_NAME}|{_LATIN_NAME})"
SPEAKER_PREFIX = re.compile(
    rf"(?P<names>{_ONE_NAME}(?:\s*[、,，&＆/]\s*{_ONE_NAME}){{0,5}})\s*[:：]\s*")
_JOINT_SEPARATOR = re.compile(r"\s*[、,，&＆/]\s*")

# words that stand before a colon without naming a speaker
_LABEL_WORDS = frozenset("""
日期 时间 发布时间 发布日期 更新时间 来源 出处 作者 编辑 责编 责任编辑 记者 摄影 图片 图 注 备注 注释 说明
分享 地址 链接 原文 原文链接 网址 标题 主题 关键词 摘要 简介 电话 邮箱 微信 公众号 二维码 声明 版权
提示 附 附录 参考 参考资料 问题 答案 结论 总结 背景 目录 导语 编者按 视频 音频 直播 文字 整理 校对 排版
Date Source Author Editor Title Tags Link URL Note Notes YouTube Bilibili Twitter Weibo Email
""".split())
_NOT_A_NAME_START = re.compile(r"^(?:第|其[一二三四五]|首先|然后|最后|另外|比如|例如|总之|所以|因为|但是|我|你|他|她|它|这|那|一是|二是)")
_TERMINAL = "。！？!?…；;」”\"'）)》.~～"
_PAREN_HEADING = re.compile(r"^[（(\[【].*[)）\]】]$")
_CAPTION_MARK = re.compile(r"[（(](?:左|右|中|前|后|上|下)[一二三四五六七八九十\d]*[)）]|^(?:图|图片|图注|摄影)\s*[:：]|^[▲△▼]")
_METADATA = re.compile(
    r"^(?:日期|时间|发布时间|发布日期|发表时间|更新时间|来源|作者|编辑|责任编辑|Date|Source|Author)\s*[:：]\s*(?P<value>.*)$",
    re.IGNORECASE)
_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})")
_URL_ONLY = re.compile(r"^(?:\S{0,20}[:：]\s*)?https?://\S+$")
_FURNITURE = re.compile(
    r"^(?:[•·▪►▶◆■□●]|注\s*[:：]|新闻动态|返回|上一篇|下一篇|阅读原文|点击|扫码|长按|关注我们|分享到|相关阅读|推荐阅读|"
    r"版权所有|本文|转载|END$|—\s*END)")
_NUMBERED_HEADING = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:\s*[.、．]\s*|\s+|$)")
_HIGHLIGHTS = re.compile(r"^(?:精彩摘录|精彩观点|观点摘录|金句|精彩语录|核心观点|要点|Highlights?|Key quotes)\s*[:：]?$",
                         re.IGNORECASE)
_MAX_HEADING_CHARS = 30
# 主持人王小明： is 王小明 speaking as the moderator
_ROLE_BEFORE_NAME = re.compile(r"^(?:主持人|主持|嘉宾|记者|主讲人|演讲者|提问者|观众)(?=[\u3400-\u9fff]{2,4}$)")
_MIN_DUPLICATE_CHARS = 20


@dataclass(frozen=True, slots=True)
class _Paragraph:
    start: int
    end: int
    speakers: tuple[str, ...] = ()
    content_start: int = 0  # after the speaker prefix


def parse_transcript(doc: Document) -> Transcript:
    """Split a document into turns, excerpts and the roles of its other paragraphs."""
    paragraphs = list(_split_paragraphs(doc.text))
    candidates = [(p, _prefix_names(doc.text, p)) for p in paragraphs]
    speakers = _supported_speakers(doc.text, candidates)
    roles: list[BlockRole] = []
    parsed: list[_Paragraph] = []
    in_highlights = False
    in_turn = False
    date = None
    for para, prefix in candidates:
        text = doc.text[para.start:para.end]
        names, content_start = prefix if prefix else ((), para.start)
        if names and all(n in speakers for n in names):
            role = BlockRole.EXCERPT if in_highlights else BlockRole.TURN
            in_turn = not in_highlights
            parsed.append(_Paragraph(para.start, para.end, names, content_start))
            roles.append(role)
            continue
        role = _shape_role(text)
        if role is BlockRole.METADATA:
            match = _DATE.search(text)
            if match and date is None:
                date = f"{match['y']}-{int(match['m']):02d}-{int(match['d']):02d}"
        if _HIGHLIGHTS.match(text):
            in_highlights, in_turn = True, False
        elif role in (BlockRole.METADATA, BlockRole.FURNITURE):
            in_highlights, in_turn = False, False
        elif role is None:
            in_highlights = False
            role = BlockRole.CONTINUATION if in_turn else BlockRole.INTRO
        elif role is BlockRole.CAPTION:
            in_highlights = False
        parsed.append(_Paragraph(para.start, para.end, (), para.start))
        roles.append(role)
    return _assemble(doc, parsed, roles, date)


def _split_paragraphs(text: str):
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            start = pos + lead
            yield _Paragraph(start, start + len(stripped))
        pos += len(line) + 1


def _prefix_names(text: str, para: _Paragraph) -> tuple[tuple[str, ...], int] | None:
    match = SPEAKER_PREFIX.match(text, para.start, para.end)
    if not match:
        return None
    names = tuple(_ROLE_BEFORE_NAME.sub("", n.strip()) for n in _JOINT_SEPARATOR.split(match["names"]) if n.strip())
    rest = text[match.end():para.end]
    if _URL_ONLY.match(rest) or rest.startswith("//"):
        return None
    if any(n in _LABEL_WORDS or _NOT_A_NAME_START.match(n) for n in names):
        return None
    return names, match.end()


def _supported_speakers(text: str, candidates) -> set[str]:
    """Names that open two or more paragraphs, or open one and are named elsewhere in the text.

    A full Chinese name (surname and given name) that opens a single paragraph also counts when
    the document has other speakers: a guest may speak once.
    """
    opened = Counter(name for _, prefix in candidates if prefix for name in prefix[0])
    supported = {name for name, count in opened.items() if count >= 2 or text.count(name) > count}
    if supported:
        supported |= {name for name in opened if is_han_name(name)}
    return supported


def _shape_role(text: str) -> BlockRole | None:
    """The role a paragraph without a speaker prefix has by its shape, or None for running text."""
    if _METADATA.match(text) or _URL_ONLY.match(text):
        return BlockRole.METADATA
    if _FURNITURE.match(text):
        return BlockRole.FURNITURE
    if _CAPTION_MARK.search(text):
        return BlockRole.CAPTION
    if _PAREN_HEADING.match(text) or _HIGHLIGHTS.match(text):
        return BlockRole.HEADING
    if _NUMBERED_HEADING.match(text) and len(text) <= _MAX_HEADING_CHARS:
        return BlockRole.HEADING
    if len(text) <= _MAX_HEADING_CHARS and text[-1] not in _TERMINAL and not text.endswith((":", "：")):
        return BlockRole.HEADING
    return None


def _assemble(doc: Document, parsed: list[_Paragraph], roles: list[BlockRole], date: str | None) -> Transcript:
    raw_turns: list[tuple[tuple[str, ...], list[tuple[int, int]], list[int]]] = []
    raw_excerpts: list[tuple[str, int, int, int]] = []
    for i, (para, role) in enumerate(zip(parsed, roles)):
        if role is BlockRole.TURN:
            raw_turns.append((para.speakers, [(para.content_start, para.end)], [i]))
        elif role is BlockRole.CONTINUATION and raw_turns:
            raw_turns[-1][1].append((para.start, para.end))
            raw_turns[-1][2].append(i)
        elif role is BlockRole.EXCERPT:
            raw_excerpts.append((para.speakers[0], para.content_start, para.end, i))
    keys = [(speakers, _norm("".join(doc.text[s:e] for s, e in spans))) for speakers, spans, _ in raw_turns]
    repeated = _repeated(keys)
    turns: list[Turn] = []
    for (speakers, spans, block_ids), dup in zip(raw_turns, repeated):
        if dup:
            for b in block_ids:
                roles[b] = BlockRole.DUPLICATE
            continue
        turns.append(Turn(index=len(turns) + 1, speakers=speakers, spans=tuple(spans)))
    seen_blocks: set[str] = set()
    for i, (para, role) in enumerate(zip(parsed, roles)):
        if role in (BlockRole.TURN, BlockRole.CONTINUATION, BlockRole.DUPLICATE):
            continue
        key = _norm(doc.text[para.start:para.end])
        if key in seen_blocks and (len(key) >= 8 or role is BlockRole.EXCERPT):
            roles[i] = BlockRole.DUPLICATE
        seen_blocks.add(key)
    excerpts = tuple(
        Excerpt(speaker, s, e, _quoted_turn(doc, turns, speaker, s, e))
        for speaker, s, e, b in raw_excerpts if roles[b] is BlockRole.EXCERPT)
    blocks = tuple(Block(p.start, p.end, r) for p, r in zip(parsed, roles))
    return Transcript(document=doc, turns=tuple(turns), blocks=blocks, excerpts=excerpts,
                      title=_title(doc, blocks), date=date)


def _repeated(keys: list[tuple[tuple[str, ...], str]]) -> list[bool]:
    """Turns that repeat an earlier one: long ones alone, short ones only inside a repeated run."""
    first_seen: set[tuple[tuple[str, ...], str]] = set()
    seen = [key in first_seen or first_seen.add(key) for key in keys]  # type: ignore[func-returns-value]
    out = []
    for i, (key, again) in enumerate(zip(keys, seen)):
        neighbour = (i > 0 and seen[i - 1] and len(keys[i - 1][1]) >= _MIN_DUPLICATE_CHARS) or (
            i + 1 < len(seen) and seen[i + 1] and len(keys[i + 1][1]) >= _MIN_DUPLICATE_CHARS)
        out.append(again and (len(key[1]) >= _MIN_DUPLICATE_CHARS or neighbour))
    return out


def _quoted_turn(doc: Document, turns: list[Turn], speaker: str, start: int, end: int) -> int | None:
    """The turn of ``speaker`` sharing the most character 4-grams with an excerpt."""
    grams = _ngrams(doc.text[start:end])
    if not grams:
        return None
    best, best_score = None, 0.3
    for turn in turns:
        if speaker not in turn.speakers:
            continue
        score = len(grams & _ngrams(turn.text(doc))) / len(grams)
        if score > best_score:
            best, best_score = turn.index, score
    return best


def _ngrams(text: str, n: int = 4) -> set[str]:
    text = _norm(text)
    return {text[i:i + n] for i in range(len(text) - n + 1)}


def _title(doc: Document, blocks: tuple[Block, ...]) -> str | None:
    """The heading just before the date line, else the first heading before any turn."""
    for i, block in enumerate(blocks):
        if block.role is BlockRole.METADATA and _DATE.search(doc.text[block.start:block.end]):
            for prev in reversed(blocks[max(0, i - 3):i]):
                if prev.role is BlockRole.HEADING:
                    return doc.text[prev.start:prev.end]
    for block in blocks:
        if block.role is BlockRole.TURN:
            break
        text = doc.text[block.start:block.end]
        if block.role is BlockRole.HEADING and not _HIGHLIGHTS.match(text) and not _PAREN_HEADING.match(text):
            return text
    return None


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)
