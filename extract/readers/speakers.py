"""Who a speaker label stands for, read the way a careful reader reads a transcript.

A label is kept as written (an alias with its offsets) and resolved to a name:
- a full name (``杨植麟``) is that person;
- ``答``/``A``/``受访者`` is the interviewee the title or introduction names (``专访｜出门问问李志飞``);
  ``问``/``Q``/``记者`` the byline's author when one is named, on a line of its own (``作者：林晓``) or
  in running text (``本文记者林晓近日…``, ``文｜林晓``, ``采访/撰文：林晓``);
- an outlet asking the questions (``腾讯新闻``) is an organisation, never a person;
- ``主持人`` and ``说话人 N``/``Speaker N`` are whoever introduces himself in his own turns
  (``我是主持人泓君``, ``我是吴昊``);
- ``李总``/``王老师`` is the one person of that surname the text names; ``Kevin``/``Jenny`` the person
  the text gives that name (``陈家豪（英文名 Kevin）``, ``李宏玮（Jenny）``); a nickname the person the
  introduction names when it is the one label and the one person left over;
- anything else unresolved keeps its label: a named speaker when it looks like a name, an unnamed
  one (``说话人 2``, ``Q``) otherwise.
``overrides`` (``--speakers 'A=王小川'``) win over all of this.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from talkgraph.ontology import lexicon

from ..chinese_names import forms_after_a_name, is_han_name, surname_of
from ..deferred import DeferredPattern
from ..interpreting import INTERPRETER_LABELS
from ..model import Document, Speaker, SpeakerKind
from ..tokens import dictionary_tag, in_dictionary
from .called_speakers import name_called_speakers
from .labels import HANDLE, LATIN_FULL_NAME, NOTED_QUESTION, NUMBERED_ROLE, NUMBERED_SPEAKER, is_post, is_reporter

# (an exit interview's or a job interview's: 员工, 候选人 answer; HR, 面试官 ask)
INTERVIEWEE_LABELS = frozenset("答 回答 A 受访者 被访者 受访人 Answer 员工 候选人 应聘者".split())
INTERVIEWER_LABELS = frozenset("问 Q 记者 提问 提问者 采访者 采访人 Question Interviewer HR HRBP 面试官 面谈人".split())
HOST_LABELS = frozenset("主持人 主持 主播 副播 主理人 联合主持 会议主持 Host Moderator Operator 操作员 接线员 会议操作员 旁白 "
                        "UP主 up主 Up主 小编".split())  # 小编, the platform's editor who hosts an online interview
# labels that name a group, several people speaking under one (各位观众 in the text is not one of them)
GROUP_LABELS = frozenset("观众 听众 网友 现场 同学 学生 提问观众 观众提问 现场提问 网友提问 学生提问 提问者 提问人 管理层 投资者 分析师 评委 "
                         "股东 股东提问 投资者提问 记者提问 "
                         "热线听众 听众朋友 场外观众 弹幕 评论 网友评论 评论区 Audience".split()) | {"Audience member", "Audience Member", "Audience question", "Audience Question"}
LECTURER_LABELS = ("主讲人", "主讲嘉宾", "演讲人", "演讲嘉宾", "主讲")  # the first stands for an unlabelled lecturer
# the parts a court hearing's record labels its speakers by (庭审笔录: 审判长：…, 原告代理人：…)
HEARING_LABELS = frozenset("审判长 审判员 人民陪审员 书记员 公诉人 原告 被告 原告代理人 被告代理人 委托诉讼代理人 法定代表人 "
                           "证人 辩护人 上诉人 被上诉人 申请人 被申请人".split())
# a programme's film insert and its voice-over (【短片】, 【VCR】, 【画外音】): spoken by none of the people on stage
CLIP_LABELS = frozenset("短片 VCR 画外音 配音 解说 片花 宣传片 视频短片".split())
ROLE_LABELS = (INTERVIEWEE_LABELS | INTERVIEWER_LABELS | HOST_LABELS | GROUP_LABELS | HEARING_LABELS | CLIP_LABELS
               | INTERPRETER_LABELS | frozenset(LECTURER_LABELS)) | frozenset(
    "嘉宾 专家 编辑 男 女 甲 乙 提问人 坐席 客服 客户 用户 来电人 患者 说话人 发言人 未知说话人 Speaker".split()) | {
    "Unknown Speaker", "Unknown speaker"}  # labels that name a role, not a person
_ADDRESS = DeferredPattern(r"^(?P<surname>[\u3400-\u9fff]{1,2}?)(?:"
                           + "|".join(sorted({*forms_after_a_name(), "小姐", "哥", "姐", "工", "导"}, key=len, reverse=True))
                           + ")$")
# Kevin 林: an English given name, then a surname
_GIVEN_AND_SURNAME = DeferredPattern(r"^[A-Z][a-z]+ (?P<surname>[\u3400-\u9fff]{1,2})$")
# 李开复博士, 孙蔓主任: a full name and the form of address or post after it (the names' own forms, and
# the posts a label may add: 律师, 主任医师, 主席, 总监, 经理, 董事长, 馆长)
# (邵建华研究员, a title of the lexicon's, and Martin Keller教授, Keller教授: a name in Latin letters)
_LABEL_POSTS = ("律师", "主任医师", "主席", "总监", "经理", "董事长", "馆长")
_TITLED = DeferredPattern(r"^(?P<name>[\u3400-\u9fff]{2,3}|[A-Z][a-z'\-]+(?: [A-Z][a-z'\-]+){0,2})(?:"
                          + "|".join(sorted({*forms_after_a_name(), *_LABEL_POSTS}, key=len, reverse=True)) + ")$")
_NUMBERED_ROLE = DeferredPattern(r"^(?P<role>Q|A|问|答)\s?\d{1,2}$")
_OUTLET = DeferredPattern(r"(?:新闻|科技|财经|日报|周刊|晚报|早报|时报|杂志|报|频道|电视台|传媒|媒体|资讯|观察|评论|快讯|"
                          r"News|Times|Post|Daily|Weekly|Magazine|Radio|FM|TV)$")
_HAN_RUN = r"[\u3400-\u9fff]{2,4}"
_LATIN = r"[A-Z][a-zA-Z'\-]+(?: [A-Z][a-zA-Z'\-]+){0,2}"
# words that stand before a person the introduction names
_POST_CUE = (r"(?:创始人|联合创始人|创办人|CEO|CTO|COO|首席(?:执行|技术|运营|财务|产品)官|董事长|总裁|总经理|合伙人|教授|科学家|研究员|负责人|院长|所长|校长|馆长|主任医师|主任|总监|导演|制片人|"
             r"医师|医生|律师)")
# 联合创始人兼首席科学家沈卓然: posts joined by 兼 before the name are one cue
_INTRO_CUE = (rf"(?:{_POST_CUE}(?:兼[\u3400-\u9fff]{{0,4}}?{_POST_CUE})*|"
              r"主编|主持人|嘉宾|作者|记者|采访对象|受访者|受访人|邀请了?|请到了?|请来了?|对话|专访了?|采访了?|访谈|连线|"
              r"(?P<conjunction>与|和|及))")
_INTRO_NAME = DeferredPattern(rf"{_INTRO_CUE}\s*[：:｜|丨]?\s*(?P<name>{_HAN_RUN})")
# 韩东，灵犀机器人联合创始人兼CEO。 / a guest list's 韩东 灵犀机器人联合创始人: a biography opening with the
# name, then the posts; also as a field's value (委员：李晓岚，中国科学院自动化研究所研究员)
_BIO_NAME = DeferredPattern(rf"(?m)^\s*(?:[\u3400-\u9fff]{{1,6}}\s*[：:]\s*)?(?P<name>{_HAN_RUN})(?:[，,]|[ \u3000]+)"
                            rf"(?=[^。\n]{{0,30}}?{_POST_CUE})")
# a record's field naming who asked (访谈人：产品经理 许嘉宁, 访谈/整理：林语溪)
_INTERVIEWING_ROLES = ("访谈人", "访谈者", "采访人", "采访者", "访谈/整理", "访谈、整理", "访谈整理", "面谈人", "面试官")
# a record's field naming who answered (口述者：贺振邦（1950年生…）, 受访者：…)
# (员工姓名	顾明远: a form's field, a tab after its key)
_INTERVIEWED_ROLES = ("口述者", "口述人", "受访者", "受访人", "被访者", "员工姓名", "候选人姓名", "候选人", "应聘者")
_ASKING_ROLES = ("作者", "记者", "主持人", "主持", "主编", "编辑", "撰文", "采访") + _INTERVIEWING_ROLES
_ASKER_NAME = DeferredPattern(rf"(?:{'|'.join(_ASKING_ROLES)})\s*[：:｜|丨/]?\s*(?P<name>{_HAN_RUN})")
_HAN_CHAR = re.compile(r"[\u3400-\u9fff]")
_TITLE_NAME = DeferredPattern(rf"(?P<name>{_HAN_RUN})(?=\s*[：:｜|丨（(])")
_HANDLE = re.compile(HANDLE)
_LATIN_FULL_NAME_TEXT = r"[A-Z][a-z]+ [A-Z][a-z]+"  # Alice Wang: a given name and a family name
_ALIAS_WORD = r"(?:英文名字?|英文名叫|又名|人称|网名|昵称|外号|绰号|花名|aka|(?:游戏)?ID)?\s*[:：]?\s*"
# 老K（本名柯文杰，…）: the name a nickname stands for, given in brackets after it
_TRUE_NAME = DeferredPattern(rf"(?P<alias>[^\s（(）)，,。：:]{{1,8}})\s*[（(]\s*(?:本名|原名|真名)\s*[:：]?\s*(?P<name>{_HAN_RUN})")
# 邵明远（以下简称“嘉宾A”）: the label a text declares for a person
_DECLARED_LABEL = DeferredPattern(rf"(?P<name>{_HAN_RUN})\**\s*[（(]\s*(?:以下|下文)?(?:简称|下称)(?:为)?\s*[:：]?\s*[“\"「]?"
                                  r"(?P<alias>[^”\"」（()）,，\s]{1,8})[”\"」]?\s*[)）]")
_PAREN_ALIAS = DeferredPattern(rf"(?P<name>{_HAN_RUN})\**\s*[（(]\s*{_ALIAS_WORD}(?P<alias>{_LATIN}|[\u3400-\u9fff]{{2,6}})\s*[)），,]")
# Jenny（李宏玮）, **Alex**（陈昊，节目主理人）, 小林（林思远）: a Latin name or a familiar form with the full
# name in brackets, a description may follow
_FAMILIAR = re.compile(r"[小老阿][\u3400-\u9fff]")  # 阿康, 老周, 小林: a familiar form, shaped as a name too
_PAREN_NAME = DeferredPattern(rf"(?P<alias>{_LATIN}|{_FAMILIAR.pattern}|{_HANDLE.pattern})\**\s*[（(]\s*"
                              rf"(?P<name>{_HAN_RUN}|{_LATIN_FULL_NAME_TEXT})\s*[)），,]")
_CALLED = DeferredPattern(rf"(?:人称|被称为|外号|绰号|江湖人称)[“\"「]?(?P<alias>[\u3400-\u9fff]{{2,6}}|{_LATIN})[”\"」]?的?\s*(?P<name>{_HAN_RUN})")
_SELF_INTRO = DeferredPattern(rf"(?:^|[，,。！!？?\s]|(?<=大家好)|(?<=各位好))(?:我(?:是|叫|係)(?:主持人|主播|你们的|本期的|今天的)?\s*"
                              rf"(?P<name>{_LATIN}|[\u3400-\u9fff]{{2,4}})|(?:I'm|I’m|I am|[Mm]y name is) (?P<english>{_LATIN}))")
_BYLINE = DeferredPattern(rf"(?:^|\n)\s*(?:作者|文|撰文|采访|记者|采访/撰文|采写|By|by)(?:\s*[、/]\s*(?:整理|撰文|编辑|采写|文字))?\s*[:：/｜|丨]?\s*(?:[^\n]{{0,12}}?(?:作者|记者)\s*)?"
                          rf"(?P<name>{_HAN_RUN}|{_LATIN})(?=\s|[，,|｜丨/]|$)", re.MULTILINE)
# a byline inside running text: 本文记者林晓近日…, 专访李志飞 文｜林晓 编辑｜王芳, …。采访/撰文：林晓。, a dateline's
# 人民网武汉3月18日电（记者孙晓雯）
# The name ends where a word that cannot be part of it starts, and must be a full name.
_RUNNING_BYLINE = DeferredPattern(
    r"(?:(?:本文|本报|本刊)?(?:记者|作者)|采访\s*[/、]\s*撰文|撰文|采写|(?<![\u3400-\u9fff])文(?=\s*[｜|丨/:：]))"
    r"\s*[:：｜|丨/]?\s*(?P<name>[\u3400-\u9fff]{2,3}?)"
    r"(?=近日|日前|此前|专访|采访|报道|对话|发自|整理|撰文|在|对|与|和|跟|向|[\s、，,。；;|｜丨/（()）]|$)")


# 主持人：黄磊，《硅谷101》主理人 / 嘉宾：王雪、李明: a cast line says who takes a role; no one speaks in it
_CAST_ROLE = (r"(?P<role>主持人|主持|主播|主理人|嘉宾|对话嘉宾|特邀嘉宾|受访者|受访嘉宾|采访者|主讲人|主讲嘉宾|演讲人|演讲嘉宾|演讲者|"
              r"Host|Guest|Moderator|"
              + "|".join(sorted(HEARING_LABELS, key=len, reverse=True)) + ")")
_CAST_NAME = r"(?:[\u3400-\u9fff·]{2,6}|[A-Z][a-z'\-]+(?: [A-Z][a-z'\-]+){1,2})"
_CAST_LINE = DeferredPattern(rf"{_CAST_ROLE}\s*[:：]\s*(?P<names>{_CAST_NAME}(?:\s*[、,，&/]\s*{_CAST_NAME})*?)"
                             rf"\s*(?:[，,（(｜|丨/]\s*(?P<about>[^。！？!?\n]{{0,60}}?)[。）)]?)?")
_SPOKEN = DeferredPattern(r"[你您我吗呢吧啊]")  # words of someone speaking, not of a list of who takes part
_CAST_SEPARATOR = DeferredPattern(r"\s*[、,，&/]\s*")


def cast_line(visible: str) -> tuple[str, tuple[str, ...]] | None:
    """The role and the people a cast line names (``嘉宾：王雪、李明`` → 嘉宾, (王雪, 李明)), or None
    when the line is no cast line: each name must be shaped as a person's, nothing spoken after it."""
    match = _CAST_LINE.fullmatch(visible.strip())
    if match is None or _SPOKEN.search(match["about"] or ""):
        return _described_cast(visible.strip())
    names = tuple(_CAST_SEPARATOR.split(match["names"]))
    if not all(looks_like_a_name(name) for name in names):
        return _described_cast(visible.strip())
    return match["role"], names


_CAST_ROLE_LABEL = DeferredPattern(rf"{_CAST_ROLE}\s*[:：]\s*(?P<content>.+)$")
_CAST_PIECES = DeferredPattern(r"[\s，,、；;（）()]+")


def _described_cast(line: str) -> tuple[str, tuple[str, ...]] | None:
    """``嘉宾：前字节跳动产品经理 Kevin 郭一鸣``, ``主播：Tina（陶婧），前淘宝直播运营负责人；Leo（梁越）…``:
    a role's line that describes people by their posts, no sentence spoken, the names among its pieces."""
    match = _CAST_ROLE_LABEL.match(line)
    content = match["content"] if match else ""
    if not content or _SPOKEN.search(content) or content[-1] in "。！？!?" or not any(t in content for t in lexicon.titles()):
        return None
    names = tuple(p for p in _CAST_PIECES.split(content) if looks_like_a_name(p) or _HANDLE.fullmatch(p))
    return (match["role"], names) if names else None


@dataclass(frozen=True)
class SpeakerEvidence:
    """What the text says about its speakers, gathered by the assembly."""

    doc: Document
    title: str | None
    intro: Sequence[tuple[int, int]]  # spans before the first turn
    turns: Sequence[tuple[tuple[str, ...], Sequence[tuple[int, int]], Sequence[tuple[int, int]]]]
    excerpts: Sequence[tuple[str, tuple[int, int]]]
    overrides: Mapping[str, str]


@dataclass(frozen=True)
class ResolvedSpeakers:
    name_of: dict[str, str]  # label as written → resolved name
    records: tuple[Speaker, ...]


def resolve_speakers(evidence: SpeakerEvidence) -> ResolvedSpeakers:
    doc = evidence.doc
    labels: dict[str, list[tuple[int, int]]] = {}
    for names, label_spans, _ in evidence.turns:
        for name in names:
            labels.setdefault(name, [])
        for name, span in zip(names, label_spans):  # a label the format implies has no span
            labels[name].append(span)
    for name, span in evidence.excerpts:
        labels.setdefault(name, []).append(span)
    intro = "\n".join(doc.text[s:e] for s, e in evidence.intro)
    # an unmarked title too long to be taken for a heading is the introduction's first line
    title = evidence.title or (doc.text[slice(*evidence.intro[0])] if evidence.intro else "")
    own_words = _own_words(evidence)
    introduced = _introduced(title, intro)
    aliases = (_cast(intro) | _legend(intro, labels) | _introduced_by_label(intro, labels)
               | _aliases(doc.text, [label for label in labels if not is_han_name(label) or _FAMILIAR.fullmatch(label)]))
    resolution: dict[str, tuple[str, SpeakerKind]] = {}
    for label in labels:
        resolution[label] = _resolve(label, evidence, title, intro, own_words.get(label, ""), introduced,
                                     aliases, labels)
    _leftover(resolution, labels, introduced)
    _introduced_in_opening(resolution, evidence)
    _roles_named_once(resolution, labels, doc.text)
    name_called_speakers(resolution, _said(evidence), doc.text, _attendees(intro))
    _given_names(resolution, doc.text)
    _name_parts(resolution)
    _same_label_in_other_case(resolution, labels)
    for label, name in evidence.overrides.items():
        if label in labels:
            resolution[label] = (name, SpeakerKind.PERSON)
    records: dict[str, Speaker] = {}
    for label, (name, kind) in resolution.items():
        old = records.get(name)
        spans = (old.labels if old else ()) + tuple(labels[label])
        alias = (old.aliases if old else ()) + tuple(a for a in (label, _without_latin_honorific(label)) if a != name)
        records[name] = Speaker(name, kind if old is None or old.kind is SpeakerKind.UNNAMED else old.kind,
                                tuple(sorted(spans)), tuple(dict.fromkeys(alias)))
    people = [r.name for r in records.values() if r.kind is SpeakerKind.PERSON]
    host = _named_host(intro, people) or _named_host(_opening(evidence), people)
    if host is not None:
        records[host] = dataclasses.replace(records[host], hosts=True)
    return ResolvedSpeakers({label: name for label, (name, _) in resolution.items()}, tuple(records.values()))


_SURNAME_COMMA_GIVEN = DeferredPattern(r"(?P<surname>[A-Z][a-z]+(?:-[A-Z][a-z]+)?), (?P<given>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)")
_OUTLET_ENDS = ("社", "报", "台", "网", "刊")  # 彭博社, 晚报, 电视台: an outlet's name before 记者, shaped as a name or not
_LETTER_CODE = DeferredPattern(r"[A-Za-z]\d{0,2}")
_GUEST_LABELS = frozenset({"嘉宾", "本期嘉宾", "对话嘉宾", "特邀嘉宾", "guest"})  # compared in lower case
# 今天我们请到的嘉宾是衡序生物的联合创始人兼 CTO，林思远, Our guest today is Zhao Yifan — 赵一帆 — co-founder…
_GUEST_INTRO = DeferredPattern(r"(?:请到的嘉宾是|邀请到的嘉宾是|本期嘉宾是|今天的嘉宾是|[Oo]ur guest(?: today| this week)? is|"
                               r"[Mm]y guest(?: today| this week)? is|[Jj]oining us(?: today)? is)(?P<said>[^。！？!?\n]{0,60})")


def _same_label_in_other_case(resolution: dict[str, tuple[str, SpeakerKind]], labels: Mapping[str, list]) -> None:
    """``KELVIN：`` among ``Kelvin:`` turns: a label in Latin letters written once in another case is
    the speaker the label most often written names."""
    by_fold: dict[str, list[str]] = {}
    for label in labels:
        if label.isascii() and any(c.isalpha() for c in label):
            by_fold.setdefault(label.casefold(), []).append(label)
    for same in by_fold.values():
        usual = max(same, key=lambda label: len(labels[label]))
        for label in same:
            resolution[label] = resolution[usual]


def _guest_introduced(words: str) -> str | None:
    """The one person the host's words before the guest first speaks introduce as the guest: a name
    in Latin letters right after the cue, else the one Chinese full name of the clause."""
    for m in _GUEST_INTRO.finditer(words):
        said = m["said"].strip()
        latin = _LATIN_NAME_RUN.match(said)
        if latin and not _ENGLISH_GOES_ON_AFTER.match(said, latin.end()):
            return latin.group()
        names = [n for n in _SET_OFF_RUN.findall(said) if is_han_name(n) and not in_dictionary(n)]
        if len(names) == 1:
            return names[0]
    return None


_ENGLISH_GOES_ON_AFTER = DeferredPattern(r" [a-z]")  # Our guest today is Someone who…: no name


def _words_before(label: str, evidence: SpeakerEvidence) -> str:
    """What was said before the label's first turn: where the host introduces whoever speaks under it."""
    words = []
    for names, _, spans in evidence.turns:
        if label in names:
            break
        words.append("".join(evidence.doc.text[s:e] for s, e in spans))
    return "\n".join(words)[-2 * _OPENING_REACH:]


def _opening(evidence: SpeakerEvidence) -> str:
    """The first turn's words, where whoever opens may hand the session to its host
    (``我现在把话筒交给本场主持人——复旦大学的沈佳怡老师``)."""
    if not evidence.turns:
        return ""
    return "".join(evidence.doc.text[s:e] for s, e in evidence.turns[0][2])[:_OPENING_REACH]


def _without_latin_honorific(label: str) -> str:
    """``Prof. Wei Zhang`` → ``Wei Zhang``, the name the text says without the title too."""
    honorific = _LATIN_HONORIFIC.match(label)
    return label[honorific.end():] if honorific and LATIN_FULL_NAME.fullmatch(label[honorific.end():]) else label


def _named_host(intro: str, people: list[str]) -> str | None:
    """The one speaker the introduction says hosts: ``主持人是「零售新观察」主编林可``,
    ``讲座由经济学院副院长韩立新教授主持``, ``韩立新主持``."""
    hosting = [name for name in people if any(_hosts_at(intro, at, at + len(name)) for at in _occurrences(intro, name))]
    return hosting[0] if len(hosting) == 1 else None


_HOST_BEFORE = DeferredPattern(r"(?:主持人|主理人)(?:是|为|[：:])?[^，,。；;\n]{0,20}$")
_BY_BEFORE = DeferredPattern(r"由[^，,。；;\n]{0,30}$")
_HOSTING_AFTER = DeferredPattern(r"[^，,。；;\n]{0,4}?主持")
_HOSTS_AFTER = DeferredPattern(r"(?:教授|老师|先生|女士|博士)?主持")
_HOST_REACH = 32


def _hosts_at(intro: str, start: int, end: int) -> bool:
    floor = max(0, start - _HOST_REACH)
    return bool(_HOST_BEFORE.search(intro, floor, start) or _HOSTS_AFTER.match(intro, end)
                or _BY_BEFORE.search(intro, floor, start) and _HOSTING_AFTER.match(intro, end))


def _said(evidence: SpeakerEvidence) -> list[tuple[tuple[str, ...], str]]:
    """Each turn's labels and words."""
    text = evidence.doc.text
    return [(names, " ".join(text[s:e] for s, e in spans).strip()) for names, _, spans in evidence.turns]


# 我本名叫毛睿, 我真名是毛睿: the name a speaker known by a nickname gives as their own
_OWN_TRUE_NAME = DeferredPattern(r"我(?:的)?(?:本名|真名|原名|大名)(?:叫做?|是)?\s?(?P<name>[\u3400-\u9fff]{2,3})(?=[，,。！？!?\s]|$)")


def _own_true_name(own: str) -> str | None:
    found = _OWN_TRUE_NAME.search(own)
    return found["name"] if found and is_han_name(found["name"]) else None


def _own_words(evidence: SpeakerEvidence) -> dict[str, str]:
    """Each label's first two turns, where a speaker introduces himself."""
    out: dict[str, list[str]] = {}
    for names, _, spans in evidence.turns:
        if len(names) == 1 and len(out.setdefault(names[0], [])) < 2:
            out[names[0]].append("".join(evidence.doc.text[s:e] for s, e in spans)[:200])
    return {k: "\n".join(v) for k, v in out.items()}


def _resolve(label: str, evidence: SpeakerEvidence, title: str, intro: str, own: str,
             introduced: list[str], aliases: dict[str, str], labels: Mapping[str, object]) -> tuple[str, SpeakerKind]:
    surname_first = _SURNAME_COMMA_GIVEN.fullmatch(label)
    if surname_first:  # Zhang, Wei: a directory's display name, the family name first
        return f"{surname_first['given']} {surname_first['surname']}", SpeakerKind.PERSON
    if is_han_name(label) and label not in ROLE_LABELS and label not in aliases:
        return (_ADDRESS.match(label) and _addressed_person(label, introduced, labels)) or label, SpeakerKind.PERSON
    honorific = _LATIN_HONORIFIC.match(label)
    if honorific and LATIN_FULL_NAME.fullmatch(label[honorific.end():]):  # Dr. Li Na is Li Na, or the name glossing her
        name = label[honorific.end():]
        return aliases.get(label) or aliases.get(name) or name, SpeakerKind.PERSON
    if honorific:  # Dr. Tan is the one the introduction (or the host's opening words) names Dr. Tan Wei Ling
        named = _latin_names_with(label[honorific.end():], intro) or _latin_names_with(label[honorific.end():],
                                                                                      _opening(evidence))
        if len(named) == 1:
            return named.pop(), SpeakerKind.PERSON
    titled = _TITLED.match(label)
    if titled and (is_han_name(titled["name"]) or titled["name"].isascii()) \
            and not titled["name"].endswith(_OUTLET_ENDS):  # 李开复博士 is 李开复; 彭博社记者 is a reporter of 彭博社
        return titled["name"], SpeakerKind.PERSON
    numbered = _NUMBERED_ROLE.match(label)
    if numbered:  # Q1, A2, 问3: the role, numbered per question
        label = numbered["role"]
    if label in aliases:
        return aliases[label], SpeakerKind.PERSON
    if is_post(label) and label not in ROLE_LABELS:  # A（CFO）：: the one person the introduction names with the post
        holder = _holder_of(label, intro)
        return (holder, SpeakerKind.PERSON) if holder else (label, SpeakerKind.UNNAMED)
    if NOTED_QUESTION.fullmatch(label):  # Q（中金公司分析师）：, one unnamed asker
        return label, SpeakerKind.UNNAMED
    if label in INTERVIEWEE_LABELS:  # after a talk, the one who answers is its lecturer (主讲人：林书衡)
        person = (_named_in_intro(LECTURER_LABELS, intro) or next(iter(_named_on_role_lines(_INTERVIEWED_ROLES, intro)), None)
                  or _interviewee(title, intro, introduced, _author(evidence)))
        if person is None and not _HAN_CHAR.search(intro):  # subtitles: the host's first words introduce the guest
            opening = "\n".join(_own_words(evidence).values())
            person = _interviewee("", opening, _introduced("", opening), _author(evidence))
        return (person, SpeakerKind.PERSON) if person else (label, SpeakerKind.UNNAMED)
    if label in INTERVIEWER_LABELS:  # the byline's author, or the one a field names (访谈人：产品经理 许嘉宁)
        author = _author(evidence) or next(iter(_named_on_role_lines(_INTERVIEWING_ROLES, intro)), None)
        return (author, SpeakerKind.PERSON) if author else (label, SpeakerKind.UNNAMED)
    # a group's label (观众) stands for several people: one who introduces themselves names no other turn
    several = label in GROUP_LABELS and sum(label in names for names, _, _ in evidence.turns) > 1
    named = None if several else _named_after_own_label(label, own) or self_introduced(own, labels)
    if named and named in label.split():  # Jane Lee：…我是Jane: the label's full name, not the given name alone
        named = label
    elif named and named.isascii() and " " not in named:  # Host：…I'm Emily, where the text says 王一诺（Emily Wang）
        named = _glossed_by(named, evidence.doc.text) or named
    elif named and not is_han_name(named):  # 主播A：…我是老周, where the show notes say 周一鸣（老周）, or …我本名叫周一鸣
        named = _aliases(evidence.doc.text, [named]).get(named) or _own_true_name(own) or named
    if named:  # 新京报记者：…我是新京报的记者林小鹿。
        return named, SpeakerKind.PERSON
    if is_reporter(label):
        return label, SpeakerKind.UNNAMED
    if _is_outlet(label) or _named_as_source(label, intro) or f"「{label}」关注" in evidence.doc.text:
        # 点击上方蓝字「具身前线」关注我们: the account the page asks its readers to follow
        return label, SpeakerKind.ORGANIZATION
    if label in HOST_LABELS or label in LECTURER_LABELS:
        named = _named_in_intro(("主持人", "主播", "主理人") if label in HOST_LABELS else LECTURER_LABELS, intro) \
            or (_hosted_by(intro) if label in HOST_LABELS else None)
        return (named, SpeakerKind.PERSON) if named else (label, SpeakerKind.UNNAMED)
    if label.lower() in _GUEST_LABELS:  # Our guest today is Zhao Yifan, 今天请到的嘉宾是…林思远
        guest = _guest_introduced(_words_before(label, evidence))
        if guest:
            return guest, SpeakerKind.PERSON
    if NUMBERED_SPEAKER.match(label) or label in ROLE_LABELS or _LETTER_CODE.fullmatch(label):
        return label, SpeakerKind.UNNAMED  # 说话人 2, 嘉宾, and a transcript's code letters (I, I2, R): no one's name
    affiliated = [p for p in introduced if label.endswith(p) and len(label) > len(p)
                  and not label[:-len(p)].endswith(("·", "•"))]  # 马克·费舍尔 is one name, not 马克 and 费舍尔
    if len(affiliated) == 1:  # 宇树王兴兴 is 王兴兴, whom the introduction names
        return affiliated[0], SpeakerKind.PERSON
    people = _addressed_people(label, introduced, labels)
    if len(people) > 1:  # 王总 where the introduction names 王立群 and 王思雨: which of them, the label does not say
        return label, SpeakerKind.UNNAMED
    return (people.pop() if people else label), SpeakerKind.PERSON


def _holder_of(post: str, intro: str) -> str | None:
    """The one person the introduction names with ``post``: after it (``CFO 韩立``, ``董事长兼CEO 宋远``,
    ``CTO Daniel Xu（徐达）``) or before it in brackets (``韩立（CFO）``); a longer post that ends with it
    (副总裁 of 总裁) is another, but 兼 and 、 join posts of one person."""
    post = re.escape(post)
    holders = set()
    for m in re.finditer(rf"(?:(?<![\u3400-\u9fffA-Za-z])|(?<=[兼、])){post}\s*(?:{LATIN_FULL_NAME.pattern}\s*[（(](?P<bracketed>{_HAN_RUN})[)）]"
                         rf"|(?P<latin>{LATIN_FULL_NAME.pattern})|(?P<han>{_HAN_RUN}))"
                         rf"|(?P<before>{_HAN_RUN})\s*[（(]{post}[)）]", intro):
        if m["before"]:
            name = next((m["before"][-n:] for n in (3, 2) if is_han_name(m["before"][-n:])), None)
        else:
            name = m["latin"] or _name_prefix(m["bracketed"] or m["han"])
        if name:
            holders.add(name)
    return holders.pop() if len(holders) == 1 else None


_HOSTED_BY = DeferredPattern(r"由[^，,。；;\n]{0,24}?(?P<name>[\u3400-\u9fff]{2,3}?)(?:老师|教授|博士|女士|先生)?主持")


_LATIN_NAME_RUN = DeferredPattern(r"\b[A-Z][a-z'\-]+(?: [A-Z][a-z'\-]+){1,3}")
_MODERATED_BY = DeferredPattern(r"\b(?:moderated|hosted|chaired) by (?P<name>[A-Z][a-z'\-]+(?: [A-Z][a-z'\-]+){1,2})")


def _latin_names_with(part: str, intro: str) -> set[str]:
    """The full names in Latin letters the introduction gives that hold ``part`` as a word (Tan →
    Tan Wei Ling), a title before them left out."""
    found = set()
    for m in _LATIN_NAME_RUN.finditer(intro):
        words = m.group().split()
        while words and _LATIN_HONORIFIC.fullmatch(words[0] + " "):
            words = words[1:]
        if len(words) >= 2 and part in words:
            found.add(" ".join(words))
    return found


def _hosted_by(intro: str) -> str | None:
    """``本次直播由健康时报网编辑王可主持``, ``The panel was moderated by Kelvin Cheung``: the one the
    introduction says hosts, by the name before 主持 or after ``moderated by``."""
    english = _MODERATED_BY.search(intro)
    if english is not None:
        return english["name"]
    hosted = _HOSTED_BY.search(intro)
    if hosted is None:
        return None
    run = hosted["name"]
    return next((run[-n:] for n in (3, 2) if len(run) >= n and is_han_name(run[-n:])), None)


def _named_in_intro(roles: Sequence[str], intro: str) -> str | None:
    """The person the introduction names after a role's word (主持人韩立新, 主讲人韩博文, 主讲人简介：沈嘉禾，…, ``【主持人】`` over a
    line ``刘畅 新华网主持人``), or first on a line the role's word opens (``**主讲人**：远川证券研究所 首席分析师 孟书航；…``)."""
    for named in re.finditer(rf"(?:{'|'.join(roles)})(?:简介|介绍)?(?:\s*[:：]|[】\]]\s*\n)?\s*(?P<name>{_HAN_RUN})", intro):
        if is_han_name(named["name"][:3]) or is_han_name(named["name"][:2]):
            return _name_prefix(named["name"])
    return next(iter(_named_on_role_lines(roles, intro)), None)


def _named_on_role_lines(roles: Sequence[str], intro: str) -> list[str]:
    """The people named on lines a role's word opens as a field (``**主持**：远川证券 董事总经理 黄莉``): the
    name-shaped words set off by spaces or punctuation, in order."""
    found = []
    for line in re.finditer(rf"(?m)^[\s*_#>-]*(?:{'|'.join(roles)})(?:[\s*_]*[:：｜|丨]|\t)", intro):
        end = intro.find("\n", line.end())
        for run in _SET_OFF_RUN.finditer(intro, line.end(), len(intro) if end < 0 else end):
            if is_han_name(run.group()) and not in_dictionary(run.group()):
                found.append(run.group())
    return found


_SET_OFF_RUN = re.compile(r"(?<![\u3400-\u9fff])[\u3400-\u9fff]{2,4}(?![\u3400-\u9fff])")  # 黄莉 in 董事总经理 黄莉


def _addressed_person(label: str, introduced: list[str], labels: Mapping[str, object]) -> str | None:
    """The one person introduced or labelled with the surname of a form of address (王导, 李总, Kevin 林)
    or of a surname alone (周：, when the introduction names 周博文)."""
    people = _addressed_people(label, introduced, labels)
    return people.pop() if len(people) == 1 else None


def _addressed_people(label: str, introduced: list[str], labels: Mapping[str, object]) -> set[str]:
    address = _ADDRESS.match(label) or _GIVEN_AND_SURNAME.match(label)
    surname = address["surname"] if address else label if surname_of(label) == label else None
    if not surname or label in introduced:
        return set()
    people = {p for p in list(introduced) + [l for l in labels if is_han_name(l) and l != label]
              if surname_of(p) == surname}
    # 雷军发布了…: an introduction's name run on into the next word, where a label gives the name
    return {p for p in people if not any(q != p and p.startswith(q) and q in labels for q in people)}


def _leftover(resolution: dict[str, tuple[str, SpeakerKind]], labels: Mapping[str, object],
              introduced: list[str]) -> None:
    """One nickname left and one introduced person left: the nickname is that person."""
    taken = {name for name, _ in resolution.values()}
    open_labels = [l for l, (name, kind) in resolution.items()
                   if name == l and kind is SpeakerKind.PERSON and not _name_shaped(l) and not _ADDRESS.match(l)
                   and re.fullmatch(r"[\u3400-\u9fff]{2,6}", l)]
    people = [p for p in dict.fromkeys(introduced) if p not in taken]
    if len(open_labels) == 1 and len(people) == 1:
        resolution[open_labels[0]] = (people[0], SpeakerKind.PERSON)


_OPENING_REACH = 800  # how much of the first turn may introduce the guests


def _introduced_in_opening(resolution: dict[str, tuple[str, SpeakerKind]], evidence: SpeakerEvidence) -> None:
    """A form of address as a label (张总, 刘老师) no introduction before the turns resolved is the one
    person of that surname the first turn introduces (``今天请来了恒锐精工董事长张建国先生``): a
    programme's host names the guests in their opening words, and the labels then call them so."""
    addressed = [label for label, (name, _) in resolution.items() if name == label and _ADDRESS.match(label)]
    if not addressed:
        return
    introduced = _introduced("", _opening(evidence))
    taken = {name for name, _ in resolution.values()}
    for label in addressed:
        person = _addressed_person(label, introduced, {})
        if person is not None and person not in taken:
            resolution[label] = (person, SpeakerKind.PERSON)
            taken.add(person)


def _roles_named_once(resolution: dict[str, tuple[str, SpeakerKind]], labels: Mapping[str, list[tuple[int, int]]],
                      text: str) -> None:
    """A role's bare label (``主持人：``, ``评委2：``) no introduction resolved is the one person a label
    gives that role to (``主持人 宋雨桐（硅基观察主编）：`` or ``主持人（新闻办副主任 汪立群）：`` once, then
    ``主持人：`` for the rest of the page)."""
    named: dict[str, set[str]] = {}
    for label, spans in labels.items():
        person, kind = resolution[label]
        if kind is not SpeakerKind.PERSON:
            continue
        for start, _ in spans:
            role = _ROLE_BEFORE_LABEL.search(text, max(0, start - _ROLE_REACH), start)
            if role:
                named.setdefault(role["role"], set()).add(person)
    for role, people in named.items():
        if len(people) == 1 and role in resolution and resolution[role][1] is SpeakerKind.UNNAMED:
            resolution[role] = (next(iter(people)), SpeakerKind.PERSON)


# 主持人（省政府新闻办副主任 汪立群）：, 评委2（高瓴创投 执行董事 Eleanor Tang）：
_ROLE_BEFORE_LABEL = DeferredPattern(r"(?:^|\n)\W{0,3}(?P<role>" + NUMBERED_ROLE + "|" + "|".join(
    sorted(HOST_LABELS | INTERVIEWER_LABELS | INTERVIEWEE_LABELS, key=len, reverse=True)) + r")\s*(?:[（(][^（()）\n]{0,30})?$")
_ROLE_REACH = 44


_LATIN_HONORIFIC = DeferredPattern(r"(?:Dr|Prof|Mr|Mrs|Ms|Miss|Sir)\.?\s+")
_TRANSLITERATED = DeferredPattern(r"^[\u3400-\u9fff]{1,5}(?:[·•][\u3400-\u9fff]{1,6}){1,2}$")


def looks_like_a_name(label: str) -> bool:
    """A label shaped like a person's name or form of address: 张涛, 李总, 李开复博士, 山姆·奥特曼, Sam Altman,
    Dr. Li Na, 老周, 小王, Kevin 林."""
    return bool(is_han_name(label) or _ADDRESS.match(label) and surname_of(label)
                or (t := _TITLED.match(label)) and is_han_name(t["name"])
                or _TRANSLITERATED.match(label) or LATIN_FULL_NAME.fullmatch(label)
                or (h := _LATIN_HONORIFIC.match(label)) and LATIN_FULL_NAME.fullmatch(label[h.end():])
                or (g := _GIVEN_AND_SURNAME.match(label)) and surname_of(g["surname"]) == g["surname"]
                or len(label) == 2 and label[0] in "老小阿" and label[1] in lexicon.surnames())


def _name_parts(resolution: dict[str, tuple[str, SpeakerKind]]) -> None:
    """``奥特曼`` or ``山姆`` beside ``山姆·奥特曼``, ``Altman`` beside ``Sam Altman``, the given name ``文澜``
    beside ``何文澜``: one person, when exactly one longer name has that part."""
    people = {name for name, kind in resolution.values() if kind is SpeakerKind.PERSON}
    full = {name for name in people if re.search(r"[·•\s]", name)}
    chinese = {name for name in people if len(name) >= 3 and is_han_name(name) and surname_of(name)}
    for label, (name, kind) in list(resolution.items()):
        if kind is not SpeakerKind.PERSON or name in full:
            continue
        owners = ([f for f in full if name in re.split(r"[·•\s]+", f)]
                  or [f for f in chinese if f != name and f[len(surname_of(f)):] == name])  # 文澜 beside 何文澜
        if len(owners) == 1:
            resolution[label] = (owners[0], SpeakerKind.PERSON)


def _given_names(resolution: dict[str, tuple[str, SpeakerKind]], text: str) -> None:
    """``一帆：`` where the host introduced ``联合创始人兼CTO沈一帆``: a label that is a given name alone
    (no surname opens it) is the one full name the text gives with that given name."""
    taken = {name for name, _ in resolution.values()}
    for label, (name, kind) in list(resolution.items()):
        if name != label or kind is not SpeakerKind.PERSON or not _GIVEN_NAME.fullmatch(label) or is_han_name(label):
            continue
        full = {surname + label for at in _occurrences(text, label)
                for surname in (text[max(0, at - 2):at], text[max(0, at - 1):at])
                if surname and surname in lexicon.surnames() and is_han_name(surname + label)
                and not in_dictionary(text[max(0, at - len(surname) - 1):at - len(surname) + 1])}  # 谢谢宝玉: no 谢宝玉
        if len(full) == 1 and not full & taken:
            resolution[label] = (full.pop(), SpeakerKind.PERSON)


_GIVEN_NAME = re.compile(r"[\u3400-\u9fff]{2}")


def _name_shaped(label: str) -> bool:
    """A surname and one or two characters (李榜主): a name or pen name, not a nickname (红衣大叔)."""
    surname = surname_of(label)
    return surname is not None and 1 <= len(label) - len(surname) <= 2


# 我是产品负责人陈静, 我是运维的周海: a post or a team, then the name the speaker gives, then a pause
# 我是发行部的孙蕾, 我这边是渠道的王磊, 我是今天的主持人，极客公园的何嘉: who, after where they are from
_SELF_INTRO_AS = DeferredPattern(r"我(?:这边|这里)?是\s?(?:(?:今天的|本期的|本场的|你们的)?(?:主持人|主播|主理人)[，,]\s*)?"
                                 r"(?P<run>[\u3400-\u9fffA-Za-z](?:[\u3400-\u9fffA-Za-z]| (?=[\u3400-\u9fffA-Za-z])){2,30})"
                                 r"(?=[，,。！？!?\s]|$)")  # 我是智谱 AI 安全团队的黄凯文: a space between scripts


def _named_after_own_label(label: str, own: str) -> str | None:
    """我是老周，周启然: a speaker who gives the label they speak under, then their full name; or the
    name, then the label as what people call them (我自己，柯俊，大家叫我老K)."""
    for m in _OWN_LABEL_THEN_NAME.finditer(own):
        if m["label"] == label and m["name"] != label and looks_like_a_name(m["name"]):
            return m["name"]
    for m in _NAME_THEN_CALLED_ME.finditer(own):
        if own.startswith(label, m.end()) and m["name"] != label and is_han_name(m["name"]):
            return m["name"]
    return None


# 柯俊，大家叫我老K: a full name, then the name others call the speaker by
_NAME_THEN_CALLED_ME = DeferredPattern(r"(?P<name>[\u3400-\u9fff]{2,3})[，,]\s?(?:大家|朋友们|圈里人?|他们|同事们)?都?(?:叫|喊)我")


_OWN_LABEL_THEN_NAME = DeferredPattern(rf"我(?:是|叫)\s?(?P<label>[^\s，,。]{{1,8}})[，,]\s?(?:本名|大名|真名)?(?:叫|是)?\s?"
                                       rf"(?P<name>{_HAN_RUN}|{_LATIN})(?=[，,。！!？?\s]|$)")


# 我是测试这边的，方琪。: where the speaker works, then their name after a pause
_SELF_INTRO_OF = DeferredPattern(r"我(?:这边|这里)?是\s?[\u3400-\u9fffA-Za-z ]{1,16}?的[，,]\s*(?P<name>[\u3400-\u9fff]{2,3})(?=[，,。！？!?\s]|$)")


# 我姓常，常青: the surname first, then the whole name
_SELF_INTRO_SURNAME = DeferredPattern(r"我姓(?P<surname>[\u3400-\u9fff])[，,、]?\s*(?:叫)?(?P<name>(?P=surname)[\u3400-\u9fff]{1,2}?)"
                                      r"(?=[，,。！？!?\s]|$)")


# 喂，张总，我老罗，我在仓里: a caller who gives the familiar form they go by, 是 left out
_SELF_FAMILIAR = DeferredPattern(r"(?:^|[，,。！？!?\s])我(?P<name>[老小阿][\u3400-\u9fff])(?=[，,。！？!?\s啊呀]|$)")


def self_introduced(own: str, labels: Mapping[str, object]) -> str | None:
    for pattern in (_SELF_INTRO_OF, _SELF_INTRO_SURNAME):
        for m in pattern.finditer(own):
            if is_han_name(m["name"]) or m["name"] in labels:
                return m["name"]
    for m in _SELF_INTRO_AS.finditer(own):
        run = m["run"]
        for size in (3, 2):
            name, before = run[-size:], run[:-size].rstrip()
            if before and is_han_name(name) and (before.endswith("的") or before.endswith(lexicon.titles())):
                return name
    for m in _SELF_INTRO.finditer(own):
        if m["english"]:  # I'm Emily, SBHA的partner
            return m["english"]
        name = m["name"]
        if "的" in name or own.startswith("的", m.end()):
            continue  # 我是高毅资产的, 我是张涛的助理: where the speaker is from, or whose; not their name
        if name in ROLE_LABELS:
            continue  # 我是今天的主持人: the role, whose person the introduction may name
        if name[0].isascii() or name in labels:  # 我是张建中 under the label 张建中
            return name
        ends = m.end() == len(own) or not ("\u3400" <= own[m.end()] <= "\u9fff")
        # 我是方志远。: a whole name before a pause, even one opening as a word would (方志, a gazetteer)
        person = _name_prefix(name) or (name if ends and is_han_name(name) else None)
        if person and (is_han_name(person) or person in labels or ends and person == name):
            return person  # 我是张涛, or a given name alone before a pause: 我是主持人泓君。
    for m in _SELF_FAMILIAR.finditer(own):  # the familiar form only where no full name is given
        if m["name"][1] in lexicon.surnames() and not in_dictionary(m["name"]):
            return m["name"]
    return None


def _name_prefix(run: str) -> str | None:
    """The full name a run of Han characters starts with (``张涛大众`` → ``张涛``); a run that opens
    with a word of the language (``公司董事会``) starts with none."""
    if _opens_with_a_word(run):
        return None
    for size in (3, 2):
        if len(run) >= size and is_han_name(run[:size]):
            return run[:size]
    return run if 2 <= len(run) <= 3 else None


def _opens_with_a_word(run: str) -> bool:
    tag = dictionary_tag(run[:2]) if len(run) > 2 else None
    return tag is not None and not tag.startswith("nr")


def _introduced(title: str, text: str) -> list[str]:
    """Full names the title and introduction give, in order."""
    found: list[tuple[int, str]] = []
    for pattern, where in ((_TITLE_NAME, title), (_INTRO_NAME, title), (_INTRO_NAME, text), (_BIO_NAME, text),
                           (_PAREN_ALIAS, text)):
        for m in pattern.finditer(where):
            run = m["name"]
            some = run.find("某", 1)
            if 0 < some < len(run) - 1 and run[some + 1] != "某":
                continue  # 华南某连锁品牌, 北京某公司: a determiner before what it is, naming no one (张某 does)
            if pattern is _INTRO_NAME and m["conjunction"] and _opens_with_a_word(run):
                continue  # 模型压缩和高效推理: after 和, a word goes on as readily as a name
            for size in (3, 2):
                if (len(run) >= size and is_han_name(run[:size])
                        and (pattern is not _TITLE_NAME or _run_opens_a_word(where, m.start("name"))
                             and _name_opening(run, size))
                        and (pattern is not _BIO_NAME or len(run) == size)):  # 华信证券研究所 电力组: no 华信证
                    found.append((m.start("name") - (len(text) if where is title else 0), run[:size]))
                    break
                if len(run) >= size and _name_ending(run, size) and pattern is _TITLE_NAME:
                    found.append((m.start("name") - len(text), run[-size:]))
                    break
    return list(dict.fromkeys(name for _, name in sorted(found)))


# 参会人（9）：周慧敏、林建国、钱卫东、…: a meeting's attendees, listed in its field
_ATTENDEES_FIELD = DeferredPattern(r"(?m)^\s*(?:参会人员|与会人员|出席人员|参会人|与会人|与会者|出席人|Attendees|Participants)\s*"
                                   r"(?:[（(]\d{1,3}人?[)）])?\s*[:：]\s*(?P<names>[^\n]+)$")
_LIST_SEPARATOR = DeferredPattern(r"\s*[、,，;；]\s*")
_NOTE = DeferredPattern(r"\s*[（(][^（()）]*[)）]")


def _attendees(intro: str) -> list[str]:
    """The people a meeting's attendees' field lists, notes left out (郑国栋（外部专家，远程）)."""
    names = []
    for field in _ATTENDEES_FIELD.finditer(intro):
        for piece in _LIST_SEPARATOR.split(_NOTE.sub("", field["names"])):
            if is_han_name(piece) or LATIN_FULL_NAME.fullmatch(piece):
                names.append(piece)
    return names


# I=访谈人，I2=Ana，R=受访者: a transcript's key to the labels its turns go by
_LEGEND_PAIR = DeferredPattern(r"(?<![A-Za-z0-9\u3400-\u9fff])(?P<label>[A-Za-z]{1,3}\d?|[\u3400-\u9fff]{1,2}\d?)\s?[=＝]\s?"
                               r"(?P<meaning>[\u3400-\u9fff]{2,6}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)")


def _legend(intro: str, labels: Mapping[str, object]) -> dict[str, str]:
    """A key to the labels (two pairs at least on one line): each label whose meaning the introduction
    names, a field's person (访谈人：刘珂) or the full Latin name holding it (Ana → Ana Souza)."""
    out: dict[str, str] = {}
    for line in intro.split("\n"):
        pairs = list(_LEGEND_PAIR.finditer(line))
        if len(pairs) < 2:
            continue
        for pair in pairs:
            label, meaning = pair["label"], pair["meaning"]
            if label not in labels:
                continue
            named = (_latin_names_with(meaning, intro) if meaning.isascii()
                     else set(_named_on_role_lines((meaning,), intro)))
            if len(named) == 1:
                out[label] = named.pop()
    return out


def _cast(intro: str) -> dict[str, str]:
    """``主持人：黄磊`` above the turns, or a role's heading over the line that opens with the name
    (``## 主持`` / ``**Ethan Brooks**，前彭博社记者``): the one person a role label stands for, under
    each label the role goes by (主持, 主持人, Host)."""
    out: dict[str, str] = {}
    lines = [line for line in intro.split("\n") if line.strip()]
    for line, below in zip(lines, lines[1:] + [""]):
        cast = cast_line(line)
        heading = _ROLE_HEADING.fullmatch(line)
        named = _NAME_OPENING.match(below) if heading else None
        if cast is not None and len(cast[1]) == 1:
            role, name = cast[0], cast[1][0]
        elif named and looks_like_a_name(named["name"]):
            role, name = heading["role"], named["name"]
        else:
            continue
        for label in next((family for family in _ROLE_FAMILIES if role in family), (role,)):
            out.setdefault(label, name)
    return out


# the labels one role goes by, in Chinese and English
_ROLE_FAMILIES = (frozenset("主持人 主持 主播 主理人 Host Moderator".split()),
                  frozenset("嘉宾 本期嘉宾 对话嘉宾 特邀嘉宾 Guest".split()))
# ## 主持, **本期嘉宾**, 【嘉宾】: a heading that is a role's word alone
_ROLE_HEADING = DeferredPattern(r"[\s#*_>【\[]*(?P<role>主持人|主持|主播|主理人|本期嘉宾|对话嘉宾|特邀嘉宾|嘉宾|Host|Guest)[\s*_】\]:：]*")
# **Ethan Brooks**，前彭博社…, 沈若溪，帆迹科技…: a line opening with a name and what follows of them
_NAME_OPENING = DeferredPattern(rf"[\s*_>-]*(?P<name>{_CAST_NAME})[\s*_]*[，,（(：:]")


# 老K：柯建明，栖木家居联合创始人: a show's notes give the name behind a label its turns use
_LABEL_AND_NAME = DeferredPattern(rf"^\s*(?:[-*+•]\s+)?\**(?P<label>[^\s：:*]{{1,12}})\**\s*[:：]\s*(?P<name>{_CAST_NAME})\s*[，,（(]")


def _introduced_by_label(intro: str, labels: Mapping[str, object]) -> dict[str, str]:
    """``老K：柯建明，…``, ``阿岚：林岚，…`` above the turns: the person a label that opens turns stands for,
    where a line of the introduction opens with the label (a nickname, not another's full name) and
    goes on with a name and who that is."""
    out: dict[str, str] = {}
    for line in intro.split("\n"):
        m = _LABEL_AND_NAME.match(line)
        if m and m["label"] in labels and m["name"] not in labels and m["label"] not in ROLE_LABELS \
                and looks_like_a_name(m["name"]) and (not looks_like_a_name(m["label"]) or m["label"][0] in "阿小老"
                                                      or _familiar_form(m["label"], m["name"])):
            out.setdefault(m["label"], m["name"])
    return out


def _familiar_form(label: str, name: str) -> bool:
    """赵博 for 赵振华, 林总 for 林子航: a two-character label of the name's surname and one more character
    that is not the name's own given name."""
    return len(label) == 2 and len(name) > 2 and name[0] == label[0] and label[1] not in name[1:]


def _aliases(text: str, labels: list[str]) -> dict[str, str]:
    """Names the text gives a person who speaks under a label: ``李宏玮（Jenny）``,
    ``陈家豪（英文名 Kevin）``, ``Jenny（李宏玮）``, ``人称红衣大叔的周鸿祎``, ``老K（本名柯文杰）``,
    ``邵明远（以下简称“嘉宾A”）``.  Only around each
    label's occurrences, so the whole text is scanned for the labels alone."""
    out: dict[str, str] = {}
    for label in labels:
        if label in ROLE_LABELS:
            continue  # A（唐颂）： is 唐颂's turn alone; the bare A： is whoever answers otherwise
        for found in re.finditer(re.escape(label), text):
            window = text[max(0, found.start() - 24):found.end() + 24]
            # the label itself with the name in brackets: 大北（王北辰）, 豆豆妈（周可心）, Emily Zhang（张逸岚）
            own = re.compile(rf"(?P<alias>{re.escape(label)})(?: [A-Z][a-z]+)?\**\s*[（(]\s*(?P<name>{_HAN_RUN})\s*[)），,]")
            for pattern in (_PAREN_ALIAS, _PAREN_NAME, _CALLED, _TRUE_NAME, _DECLARED_LABEL, own):
                for m in pattern.finditer(window):
                    if m["alias"] != label:
                        continue
                    name = m["name"] if m["name"].isascii() else _full_name(m["name"])
                    if name and name.isascii() and " " in label:
                        continue  # Erik Lindqvist (Nordlys Home, Head of Product): a full name's note, no other name
                    if name and name != label:
                        out.setdefault(label, name)
            if label in out:
                break
    return out


def _run_opens_a_word(text: str, start: int) -> bool:
    """A run of Han characters found at ``start`` is not the tail of a longer one (老工程师口述史: the
    run 师口述史 begins inside a word, and 师口述 is no name though shaped as one)."""
    return start == 0 or not _HAN_CHAR.match(text, start - 1)


def _name_ending(run: str, size: int) -> bool:
    """The run's last ``size`` characters are a full name, no everyday word (补能方式: 方式), not begun by a
    character that makes a word with the one before it (``驰远汽车周岩``: 车 belongs to 汽车, the name is 周岩)."""
    start = len(run) - size
    piece = run[start:]
    return (is_han_name(piece) and not (in_dictionary(piece) and not (dictionary_tag(piece) or "").startswith("nr"))
            and not (start > 0 and in_dictionary(run[start - 1:start + 1])))


def _name_opening(run: str, size: int) -> bool:
    """The run's first ``size`` characters are a full name, no everyday word, that does not end inside
    a word (路演纪要: 路演 is a word, and 纪要; 路演纪 is no name)."""
    piece = run[:size]
    return (is_han_name(piece) and not (in_dictionary(piece) and not (dictionary_tag(piece) or "").startswith("nr"))
            and not (len(run) > size and in_dictionary(run[size - 1:size + 1])))


def _glossed_by(given: str, text: str) -> str | None:
    """The one Chinese full name the text glosses with this English given name (``王一诺（Emily Wang）``,
    ``王一诺（Emily）``)."""
    glossed = {_full_name(m["han"]) for m in re.finditer(
        rf"(?P<han>{_HAN_RUN})\s*[（(]\s*{re.escape(given)}(?: [A-Z][a-zA-Z'\-]+)?\s*[)）]", text)} - {None}
    return glossed.pop() if len(glossed) == 1 else None


def _full_name(run: str) -> str | None:
    """The full name a run of Han characters ends or starts with (``资本合伙人李宏玮`` → ``李宏玮``)."""
    if is_han_name(run):
        return run
    for size in (3, 2):
        if len(run) >= size and is_han_name(run[-size:]):
            return run[-size:]
    return None


def _interviewee(title: str, intro: str, introduced: list[str], author: str | None) -> str | None:
    """The person the title names, else the first the introduction names who is not asking."""
    askers = ({author} | {_name_prefix(m["name"]) for m in _ASKER_NAME.finditer(intro)}
              | set(_named_on_role_lines(_ASKING_ROLES, intro)))
    for m in _TITLE_NAME.finditer(title):
        run = m["name"]
        opens = _run_opens_a_word(title, m.start("name"))
        for size in (3, 2):
            for piece, fits in ((run[-size:], _name_ending(run, size)), (run[:size], opens and _name_opening(run, size))):
                if len(run) >= size and fits and piece not in askers:
                    return piece
    others = [p for p in introduced if p not in askers]
    return others[0] if others else None


def _author(evidence: SpeakerEvidence) -> str | None:
    head = "\n".join(evidence.doc.text[s:e] for s, e in evidence.intro)
    m = _BYLINE.search(head)
    if m:
        name = m["name"]
        return name if name[0].isascii() else _name_prefix(name)
    return next((m["name"] for m in _RUNNING_BYLINE.finditer(head) if is_han_name(m["name"])), None)


def _named_as_source(label: str, intro: str) -> bool:
    """``来源：晚点LatePost``, ``以下是《晚点》与周岩的对话``, ``原创 2024-10-15 09:12 硬核前沿 北京``,
    ``原创 吴晗宁 晚点LatePost 2025年06月18日`` (the account an article's header line names, a link's
    text or not): the introduction names the label as the publication the text comes from."""
    return f"《{label}》" in intro or any(
        _SOURCE_KEY.search(intro, max(0, at - _KEY_REACH), at) for at in _occurrences(intro, label)) \
        or any(_is_account(label, word) for line in intro.split("\n") if line.startswith("原创")
               for word in _LINK.sub(r"\1", line).split())


def _is_account(label: str, word: str) -> bool:
    """The account's name in an article's header line is the label, or the label and its name in Latin
    letters (晚点LatePost of 晚点)."""
    return word == label or word.startswith(label) and word[len(label):].isascii() and word[len(label):].isalpha()


_LINK = DeferredPattern(r"\[([^\]\n]*)\]\([^)\n]*\)")  # [具身前线](https://…): a markdown link, its text
_SOURCE_KEY = DeferredPattern(r"(?:来源|出品|出处|栏目)\s*[：:]\s*《?$")
_KEY_REACH = 8


def _occurrences(text: str, name: str) -> Iterator[int]:
    at = text.find(name)
    while at >= 0:
        yield at
        at = text.find(name, at + 1)


def _is_outlet(label: str) -> bool:
    if is_han_name(label):
        return False
    if _OUTLET.search(label) and len(label) >= 3:
        return True
    return any(label == e.name or label in e.aliases for e in lexicon.organizations())
