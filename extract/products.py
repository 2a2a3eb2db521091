"""AI models and software: the lexicon, Latin-script product names, quoted and described names.

``GPT-4o``, ``Claude 3.5 Sonnet``, ``OneFlow深度学习框架``, ``“封神榜”大模型``, ``盘古大模型``, and
``“十万亿参数规模的大模型”`` (a description that stands for an unnamed model).  An obvious
misspelling of a known name (``GTP-3``) is read as that name; the text's form stays an alias.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from talkgraph.ontology import lexicon

from .lexicon_match import LexiconMatcher, build_matcher, fold
from .mentions import in_content, make_mention, mention_extractor
from .model import Kind, Mention, Transcript
from .tokens import dictionary_tag, tokenize

_WORD = r"[A-Za-z][A-Za-z0-9]*(?:[.\-/][A-Za-z0-9]+)*"
_LATIN = re.compile(rf"(?<![A-Za-z0-9_./]){_WORD}(?: [A-Z][A-Za-z0-9]*){{0,2}}(?: \d+(?:\.\d+)*[A-Za-z]?)?(?![A-Za-z0-9_])")
_PRODUCT_AFTER = re.compile(r"\s?(?:深度学习框架|大模型|模型|框架|平台|编辑器|插件|助手|工具|引擎|系统|产品|数据库|编程语言|IDE|App|APP)")
_PRODUCT_BEFORE = re.compile(r"(?:用|使用|基于|推出了?|发布了?|做了|开发了?|开源了?|上线了?|集成了?|试了|叫做?)\s?$")
_ORG_AFTER = re.compile(r"\s?(?:公司|集团|Inc|Labs?\b)")
_QUOTED = re.compile(r"[“\"「《](?P<name>[^“”\"「」《》\n]{1,20})[”\"」》](?P<after>大模型|模型|框架|平台|系统|工具|开源|计划)?")
_NAMED_MODEL = re.compile(r"大模型")
_GENERIC_MODEL_HEADS = frozenset("""
千亿 百亿 万亿 十亿 亿级 千亿级 百亿级 预训练 语言 视觉 多模态 通用 行业 自己 自己的 这个 那个 一个 这些 中文 英文 开源 国产
超大 超大规模 大规模 新 新的 好的 更大 更大的 很多 不同 各种 各家 所有 我们 他们 你们 的 了 做 是 有 出 训练 发布 落地 基础 代码 图像
""".split())


@cache
def _models() -> LexiconMatcher:
    return build_matcher(lexicon.models())


@cache
def _known_latin() -> frozenset[str]:
    names = set()
    for entries in (lexicon.organizations(), lexicon.models(), lexicon.places()):
        for entry in entries:
            names.update(fold(n) for n in (entry.name, *entry.aliases))
    return frozenset(names)


@cache
def _versioned_models() -> dict[str, str]:
    """Folded names of lexicon models with a version number, for catching misspellings."""
    out = {}
    for entry in lexicon.models():
        for name in (entry.name, *entry.aliases):
            if re.search(r"\d", name) and len(fold(name)) >= 4:
                out[fold(name)] = entry.name
    return out


@mention_extractor("products.lexicon")
def lexicon_models(transcript: Transcript) -> Iterator[Mention]:
    text = transcript.document.text
    for start, end, turn in in_content(transcript):
        for s, e, name in _models().finditer(text, start, end):
            yield make_mention(transcript, s, e, Kind.MODEL, "lexicon", turn, name)


@mention_extractor("products.latin")
def latin_products(transcript: Transcript) -> Iterator[Mention]:
    """Latin-script names that look like products: CamelCase, versions, or a product word next to them."""
    text = transcript.document.text
    not_names = lexicon.not_names()
    for start, end, turn in in_content(transcript):
        for match in _LATIN.finditer(text, start, end):
            s, e = match.span()
            words = match.group().split(" ")
            if len(words) > 1 and (words[0] in not_names or any(fold(w) in _known_latin() for w in words)):
                e = s + len(words[0])  # "Cursor Composer" is two names, not one
            name = text[s:e]
            if name in not_names or fold(name) in _known_latin():
                continue
            misspelt = _misspelling_of(name)
            if misspelt:
                yield make_mention(transcript, s, e, Kind.MODEL, "product", turn, misspelt)
                continue
            shaped = bool(re.search(r"[a-z][A-Z]|[A-Za-z]\d|\d[A-Za-z]", name))
            cue_after = _PRODUCT_AFTER.match(text, e)
            cue_before = _PRODUCT_BEFORE.search(text, max(start, s - 4), s)
            if _ORG_AFTER.match(text, e) and name[:1].isupper():
                yield make_mention(transcript, s, e, Kind.ORGANIZATION, "product", turn)
            elif (shaped or cue_after or cue_before) and (name[:1].isupper() or shaped) and len(name) >= 2:
                yield make_mention(transcript, s, e, Kind.MODEL, "product", turn)


def _misspelling_of(name: str) -> str | None:
    key = fold(name)
    if not re.search(r"\d", key) or len(key) < 4:
        return None
    for known, canonical in _versioned_models().items():
        if len(known) == len(key) and _one_transposition(key, known):
            return canonical
    return None


def _one_transposition(a: str, b: str) -> bool:
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


@mention_extractor("products.quoted")
def quoted_models(transcript: Transcript) -> Iterator[Mention]:
    """``“封神榜”大模型``: a quoted name before a product word; ``“…的大模型”``: a described model."""
    text = transcript.document.text
    for start, end, turn in in_content(transcript):
        for match in _QUOTED.finditer(text, start, end):
            name = match["name"].strip()
            s, e = match.span("name")
            if name.endswith("模型") and len(name) >= 5 and not name.endswith("?"):
                yield make_mention(transcript, s, e, Kind.MODEL, "quoted", turn)
            elif match["after"] and re.fullmatch(r"[\u3400-\u9fffA-Za-z0-9\- ]{2,12}", name):
                yield make_mention(transcript, s, e, Kind.MODEL, "quoted", turn)


@mention_extractor("products.named_model")
def named_models(transcript: Transcript) -> Iterator[Mention]:
    """``盘古大模型``: a proper name right before 大模型 (``千亿大模型`` and the like are not names)."""
    text = transcript.document.text
    for start, end, turn in in_content(transcript):
        if "大模型" not in text[start:end]:
            continue
        tokens = tokenize(text[start:end], start)
        for i, (word, s, e) in enumerate(tokens):
            if word != "大模型" or i == 0:
                continue
            prev, ps, _ = tokens[i - 1]
            if prev in _GENERIC_MODEL_HEADS or not re.fullmatch(r"[\u3400-\u9fff]{2,4}", prev):
                continue
            tag = dictionary_tag(prev)
            if tag is None or tag in ("ns", "nr", "nz", "nrt", "nt"):
                yield make_mention(transcript, ps, e, Kind.MODEL, "quoted", turn)
