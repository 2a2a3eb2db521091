"""Speaker labels and time codes as transcripts write them, matched on a line's visible text.

Shapes (all with a half- or full-width colon, bold or not, on their own line or before the text):
``张涛：…``, ``Speaker 1: …``, ``说话人 2：…``, ``主持人王小明：…``, ``[00:00:01] 李明: …``,
``高峰(00:00:12): …``, ``李明 00:01:02：…``; and the header lines of meeting exports, a label
followed by a time code alone on a line, the text on the next lines: ``说话人 1  00:00:05``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from talkgraph.ontology import lexicon

from ..chinese_names import HONORIFICS, forms_after_a_name, is_han_name, strip_honorific, surname_of
from ..deferred import DeferredPattern
from ..tokens import dictionary_tag, in_dictionary  # the dictionary loads on the first call: only for a label in doubt

# 王敏, 马克·费舍尔, 卡特琳·霍夫曼, 阿卜杜拉·本·扎耶德: a Chinese name, or a foreign one written in parts between dots
_HAN_NAME = r"(?:[\u3400-\u9fff]{1,6}(?:[·•][\u3400-\u9fff]{1,6}){1,3}|[\u3400-\u9fff·•]{1,6})"
MASKED_NUMBER = r"1\d{2}\*{3,4}\d{4}"  # a telephone number with its middle digits hidden
# (Audience member:, Audience question: the audience, as English transcripts label it)
_LATIN_NAME = r"(?:[Aa]udience (?:[Mm]ember|[Qq]uestion)|[A-Za-z][A-Za-z0-9.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,2})"
# @alice_eth, @0xMinhao: a social account's handle, as a Space or a chat labels its speakers (sherry_defi too)
HANDLE = r"@[A-Za-z0-9_][A-Za-z0-9_.]{1,24}"
_HANDLE = rf"{HANDLE}|[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+"
# 说话人 1, 发言人2, Speaker 3, 嘉宾A, 观众 B: a role word and a number or letter
_NUMBERED = r"(?:[\u3400-\u9fff]{1,4}|[A-Za-z]+)\s?(?:\d{1,3}|[A-Z])(?![\w])"
# 主持人 王小明： a role word, a space and the name
_ROLE_SPACE_NAME = r"(?:主持人|主持|嘉宾|记者|主讲人|演讲者|观众)\s+[\u3400-\u9fff·]{2,5}"
# 新华社记者：, 中央广播电视总台央视记者：, 21世纪经济报道记者：: an outlet's reporter, unnamed
# 新华社记者, Dot Esports 记者 (an outlet's name in English), 《新京报》记者 (in title marks)
_REPORTER_NAME = r"(?:《[^《》\n]{1,16}》|(?:[A-Za-z0-9]+ ){0,3}[\u3400-\u9fffA-Za-z0-9·]{1,16}?) ?记者"
_REPORTER = re.compile(rf"{_REPORTER_NAME}|记者\s*[（(][^（()）\n]{{1,16}}[)）]")  # 记者（体坛周报）
# 国泰君安 方若琳：, 中金公司分析师 周予安：, 北辰智造周一鸣：: the person's organisation (or post) before the name;
# HR-林晓：, 产品部-王芳：: a meeting's display name, the team, a hyphen and the name
_AFFILIATED_NAME = r"[\u3400-\u9fffA-Za-z0-9]{2,24}?(?:\s?|\s?[-－–]\s?)[\u3400-\u9fff]{2,3}"
# 联合主持 Kevin：, 首席技术官 Daniel Xu：: a role or post, a space and a name in Latin letters
_POSTED = r"[\u3400-\u9fff]{2,12} "
_LATIN_GIVEN = r"[A-Z][a-z]+(?: [A-Z][a-z]+)?"
_POSTED_LATIN_NAME = re.compile(rf"{_POSTED}(?P<name>{_LATIN_GIVEN})")
# 36氪：, 21世纪经济报道：: an outlet whose name opens with a number, asking as its interviewer does
_NUMBERED_OUTLET = r"\d{1,3}(?![年月日号点时分秒个次天周岁期届季位条种项步章节集版部层楼级])[\u3400-\u9fff]{1,8}"
# 阿May, 老K, 小Q: a familiar form before a Latin name
_FAMILIAR_LATIN = r"[小老阿][A-Z][A-Za-z]{0,10}"
# Kevin陈, Tony王: an English given name and the Chinese surname, as a chat's member list writes them
_LATIN_AND_SURNAME = r"[A-Z][a-z]{1,12}[\u3400-\u9fff]{1,2}(?![\u3400-\u9fff])"
# Martin Keller教授：, Anna Berg研究员：: a full name in Latin letters and a title or form of address in Chinese
_LATIN_TITLED = r"[A-Z][a-z'\-]+(?: [A-Z][a-z'\-]+){1,2}(?:" + "|".join(forms_after_a_name()) + ")"
# UP主：, the uploader of a video (bilibili's word), who hosts it
_UPLOADER = r"[Uu][Pp]主"
_ONE_NAME = (rf"(?:{_UPLOADER}|{_ROLE_SPACE_NAME}|{_NUMBERED}|{_REPORTER_NAME}|{_POSTED}{_LATIN_GIVEN}|{_NUMBERED_OUTLET}|{_FAMILIAR_LATIN}|"
             rf"{_LATIN_AND_SURNAME}|{_LATIN_TITLED}|{_HAN_NAME}|"
             rf"{_HANDLE}|{_LATIN_NAME}|{_AFFILIATED_NAME})")
_NAMES = rf"(?P<names>{_ONE_NAME}(?:\s*[、,，&＆/]\s*{_ONE_NAME}){{0,5}})"
TIME = r"\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d{1,3})?"  # 0:01, 00:00:05, 00:00:01,500, Teams' 0:0:3.450


def _bracketed_time(group: str) -> str:
    return rf"[\[(（【]\s*(?P<{group}>{TIME})\s*[\])）】]"


_TIME_BEFORE = rf"(?:(?:{_bracketed_time('before')}|(?P<before_bare>{TIME}))\s*)?"
_TIME_AFTER = rf"(?:\s*(?:{_bracketed_time('after')}|\s(?P<after_bare>{TIME})))?"
# 张三（星河科技 CEO）：, 主持人（李明）：: a note in brackets between the name and the colon
_NOTE_AFTER = r"(?:\s*[（(](?P<note>[^（()）:：\n]{1,60})[)）])?"
# 问：（中金公司 分析师 贺一鸣）…: research minutes name the asker in brackets after the role's colon
# Q（@深夜调参侠）追问：: the asker's follow-up question, labelled as their first was
_FOLLOWING_UP = r"(?:追问|补问|接着问|再问)?"
_INLINE = re.compile(rf"{_TIME_BEFORE}{_NAMES}{_TIME_AFTER}{_NOTE_AFTER}{_FOLLOWING_UP}\s*[:：]\s*"
                     r"(?:[（(](?P<note_after>[^（()）:：\n]{1,30})[)）]\s*)?")
# 主持人（李明）：, 记者（体坛周报 郑浩）：, 分析师（华泰证券 Eric Zhang）：: the name in the note, after the
# outlet and post if given (words of Chinese, or a post's acronym: CFO, IR; another Latin word before
# the name is the name's own)
# (an English given name before the surname, Kevin 韩, is one too; an English name may have its
# organisation after a comma)
_NOTE_NAME = DeferredPattern(r"\s*(?:(?:(?=[^\s（()）]*[^\x00-\x7f])[^\s（()）]{2,16}|[A-Z]{2,5})\s+){0,2}(?P<name>[\u3400-\u9fff·]{2,6}|[A-Z][a-z]+ [\u3400-\u9fff]{1,2}|"
                             r"[A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,2})\s*"
                             r"(?:(?<=[a-z]),\s+[A-Z][^（()）,]{1,50})?")  # (Dr. Samuel Tse, Bupa Hong Kong): the name, then where from
_NOTE_HANDLE = re.compile(r"\s*(?P<handle>@[^\s@（()）]{1,24})\s*")
# (腾讯会议 writes 陈思远(Leo) 00:00:08 and 老郑(郑国栋) 00:03:02: a name the person goes by in brackets)
# 周启航 2024-05-01 10:00: a chat export's header gives the day before the clock time
DATE = r"(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?"  # 2024-05-01, 2024年5月1日: a day
_DAY = rf"(?:(?P<day>{DATE})\s+)?"
_HEADER = DeferredPattern(rf"{_TIME_BEFORE}[\[【]?{_NAMES}[\]】]?{_NOTE_AFTER}(?:\s*[\[(（【]\s*(?P<time>{TIME})\s*[\])）】]|\s+{_DAY}(?P<time_bare>{TIME}))"
                          rf"(?:\s*[-–~]+\s*{TIME})?\s*$")
_CLOCK = re.compile(r"\d:\d")  # in every time code, so in every header
# 腾讯会议 and Zoom headers give the display name a member chose: 韩东-风控中心 and 陆一鸣 | AI Lab (a team after
# the name), Jessica Zhao 赵嘉欣 (an English name before it), 139****5821 (a dial-in's masked number); a chat
# export gives the day too, before the time or before the sender (2025-01-20 19:58:12 老K-杭州-SGLang)
_DISPLAY = r"(?P<display>[^\s：:，。！？!?][^：:，。！？!?\n]{0,24}?)"
_DISPLAY_HEADER = DeferredPattern(rf"{_DISPLAY}\s+{_DAY}(?P<time>{TIME})\s*$")
_CHAT_HEADER = DeferredPattern(rf"(?P<day>{DATE})\s+(?P<time>{TIME})\s+{_DISPLAY}\s*$")
_DISPLAY_SEPARATOR = re.compile(r"\s*[｜|\-–—@/（(]\s*")
_NAME_SPACE_TEAM = re.compile(r"(?P<name>[\u3400-\u9fff]{2,3})\s+(?=[\u3400-\u9fff]{2})")
# 00:12:41 Zhang Hao-上海AI Lab: 谢谢: a meeting's line that opens with the time, then a display name and a colon;
# 2024-05-12 21:03 陈默-CEO：…, a chat export's message, gives the day first
# [语音转文字] 赵一鸣(砺石智算):: the kind of message a chat export notes before its sender
_MESSAGE_KIND = r"(?:[\[【](?:语音转文字|语音转写|语音|转文字|图片|视频|文件|链接|引用|表情|位置|聊天记录)[\]】]\s*)?"
_TIMED_DISPLAY = DeferredPattern(rf"{_DAY}(?P<time>{TIME})\s+{_MESSAGE_KIND}{_DISPLAY}\s*[:：]\s*")
# Kevin Huang's iPad, 王硕的iPhone: a display name that is the device's, after its owner's name
_DEVICE = re.compile(r"\s?(?:'s|’s|的)\s?(?:iPad|iPhone|Android|MacBook(?: Pro| Air)?|Mac|PC|Galaxy\S*|手机|电脑)$")
LATIN_FULL_NAME = DeferredPattern(r"[A-Z][a-z'\-]+(?: [A-Z][a-z'\-]+){1,2}")  # Zhang Hao, Sarah O'Neil: a full name
_LATIN_THEN_HAN = re.compile(r"[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?\s+(?P<han>[\u3400-\u9fff]{2,4})")
_MASKED_NUMBER = re.compile(MASKED_NUMBER)
# [主持人] 欢迎收听。 / 【周婷】好。 / [00:00:01] [李明] 大家好: a label in brackets, no colon (subtitles, exports)
_BRACKETED = DeferredPattern(rf"{_TIME_BEFORE}[\[【]\s*{_NAMES}\s*[\]】]{_TIME_AFTER}\s*[:：]?\s*")
# what subtitles put in brackets that is no speaker: [音乐], [笑声], [Applause]
SOUND_CUES = frozenset("""
音乐 背景音乐 笑声 笑 大笑 掌声 鼓掌 欢呼 叹气 咳嗽 沉默 停顿 静音 杂音 噪音 听不清 无法识别 片头 片尾 广告 字幕 翻译
music applause laughter laughs laughing cheering silence inaudible crosstalk noise sighs coughs
""".split())
# [In English], [Interpreted], [英文]: the language a passage is spoken in, or that it is interpreted, no speaker
LANGUAGE_NOTES = frozenset({"in english", "in chinese", "in mandarin", "in cantonese", "interpreted", "interpretation",
                            "translated", "translation", "foreign language", "英文", "中文", "英语", "粤语", "普通话", "原声"})
# what a broadcast's transcript notes in brackets after a label's colon, of how the voice is heard:
# 记者：（画外）…, 受访者：（方言）…: the speaker's words begin with the note, which names no one
VOICE_NOTES = frozenset("画外 画外音 同期 同期声 现场声 方言 电话 电话连线 视频连线 连线 录音".split())
_JOINT_SEPARATOR = re.compile(r"\s*[、,，&＆/]\s*")
# a role word and a number: a speaker a recogniser or an editor could not name (GPT4 or Q3 is not one)
NUMBERED_ROLE = (r"(?:说话人|发言人|讲话人|参会人|与会者|嘉宾|观众|听众|用户|网友|同学|学生|学员|投资者|投资人|专家|受访者|访谈者|客户|"
                 r"分析师|评委|提问者|提问人|提问|Speaker|SPEAKER|speaker|Guest|Participant|Person|Audience|Q|A|问|答)\s?(?:\d{1,3}|[A-Z])")
NUMBERED_SPEAKER = re.compile(rf"^{NUMBERED_ROLE}$|^{MASKED_NUMBER}$")

# words that stand before a colon without naming a speaker
LABEL_WORDS = frozenset("""
日期 时间 发布时间 发布日期 更新时间 来源 出处 作者 编辑 责编 责任编辑 摄影 图片 图 注 备注 注释 说明
分享 地址 链接 原文 原文链接 网址 标题 主题 关键词 摘要 简介 电话 邮箱 微信 公众号 二维码 声明 版权
提示 风险提示 免责声明 特别声明 温馨提示 附 附录 参考 参考资料 问题 答案 结论 总结 背景 目录 导语 编者按 编辑补充 视频 音频 直播 文字 整理 校对 排版
本期嘉宾 嘉宾名单 与会嘉宾 对话嘉宾 特邀嘉宾 出席嘉宾 出席管理层 出席人员 出席领导 参会管理层 主讲嘉宾 会议主题 会议时间 会议地点 参会人 参会人员 记录人 纪要 地点 时长 录制 文件 智能纪要 待办 章节 关键词
平台 直播平台 直播时间 播出时间 录制时间 收听平台 辩题 议题 赛制
题图 题图来源 图片来源 图源 头图 头图来源 封面 封面来源 配图 撰文 采写 策划 监制 出品 统筹 审校 视觉 字幕
证券代码 证券简称 股票代码 股票简称 公告编号 编号
Date Source Author Editor Title Tags Link URL Note Notes YouTube Bilibili Twitter Weibo Email Time Duration
Meeting Attendees Location Subject Summary Transcript Recording Participants WEBVTT NOTE Kind Language
""".split())
_NOT_A_NAME_START = re.compile(
    r"^(?:第|其[一二三四五]|首先|然后|最后|另外|比如|例如|总之|所以|因为|但是|我|你|他|她|它|这|那|一是|二是|"
    r"专访|对话|独家|快讯)")  # 专访刘振东：…: a headline, no speaker
# 李斌说："…" is a quotation, not a label (解说：, a broadcast's voice-over, is one)
_SPEECH_VERB_END = re.compile(r"(?<=.)(?<!解)(?:说|说道|道|表示|称|(?<!提)问|问道|回答|答道|认为|指出|强调|笑称|坦言|透露|写道|提到)$")
_URL_REST = re.compile(r"^(?://|https?://|www\.)")
# 主持人王小明： is 王小明 speaking as the moderator, and so is 主持人（王小明）：; 管理层（刘建明）： is 刘建明
_ROLE_WORDS = (r"(?:主持人|主持|主播|嘉宾|记者|主讲人|演讲者|发言人|提问者|提问人|观众|听众|网友|受访者|管理层|投资者|分析师|评委|"
               r"审判长|审判员|公诉人|(?:原告|被告|委托诉讼)?代理人|辩护人|证人|专家|陈述人|听证人|"
               r"问|答|Q|A|(?i:Host|Moderator|Guest|Audience|Questioner|Interviewer|Interviewee))")
_ROLE_BEFORE_NAME = re.compile(rf"^{_ROLE_WORDS}\s*(?=(?!提问|发言|回答|签名|签字)[\u3400-\u9fff]{{2,4}}$)")  # 观众提问 asks
_ROLE_ONLY = re.compile(rf"^{_ROLE_WORDS}$")
_QUESTION_AND_ANSWER = frozenset({"问", "答", "Q", "A"})  # a minutes' labels, which a note tells apart
_NUMBERED_QUESTION = re.compile(r"\s*(?:\d{1,2}\s?[、.．]|[（(]\d{1,2}[)）])\s*(?=[问答QA]\s*[：:（(])")
_ASKERS = ("观众", "听众", "网友", "提问者", "提问人")  # with 记者 and 观众提问: who ask, one after another
# Q（中金公司分析师）, 观众提问（某保险公司）: one unnamed asker, known by the note
NOTED_QUESTION = re.compile(rf"(?:[问答QA]|{'|'.join(_ASKERS)}|[\u3400-\u9fff]{{0,4}}提问\s?\d{{0,2}})[（(](?P<note>[^（()）\n]+)[)）]")
# 同学提问（2021级微电子专业 王浩然）：, 现场提问（…）：: who asks, named in the note
_ASKING = re.compile(r"^[\u3400-\u9fff]{0,4}(?:提问|追问)\s?\d{0,2}$")  # 提问2（本院硕士生 刘畅）: numbered too
# （主持人）大家好。: a role in round brackets, which otherwise hold stage directions (（笑）, （掌声）)
_OPENING_BRACKET = re.compile(r"[\[【（(]")  # a bracketed label's cheap precheck
_ROUND_BRACKETED_ROLE = re.compile(rf"{_TIME_BEFORE}[（(]\s*(?P<names>{_ROLE_WORDS})\s*[）)]\s*[:：]?\s*")


@dataclass(frozen=True, slots=True)
class Label:
    """A speaker label found at the start of a line's visible text."""

    names: tuple[str, ...]  # as written, a joint label split: 吴二、周一 → (吴二, 周一)
    spans: tuple[tuple[int, int], ...]  # visible-text ranges of each name
    content: int  # where the spoken text starts in the visible text
    time: float | None = None
    header: bool = False  # a label and time code alone on a line; the text follows below
    source_spans: tuple[tuple[int, int], ...] = ()  # for a label not in the visible text (<v 周婷>)
    clock: bool = False  # the time is a day's clock time (周启航 2024-05-01 10:00), no place in a recording


def _addressed(name: str) -> bool:
    """李女士, 王先生: a surname and a form of address."""
    bare = strip_honorific(name)
    return bare != name and surname_of(bare) == bare


def seconds(code: str) -> float:
    """``01:02:03,500`` → 3723.5; ``0:05`` → 5.0."""
    parts = code.replace(",", ".").split(":")
    total = 0.0
    for part in parts:
        total = total * 60 + float(part)
    return round(total, 3)


def match_label(visible: str) -> Label | None:
    """The speaker label a line opens with, if its shape is one (the document decides if it is)."""
    if ":" not in visible and "：" not in visible:  # every shape has a colon or a time code
        return None
    if _CLOCK.search(visible):
        header = _HEADER.match(visible)
        if header:
            code = header["time"] or header["time_bare"] or header["before"] or header["before_bare"]
            label = _label(header, len(visible), seconds(code), header=True)
            if label is not None:
                return replace(label, clock=True) if header["day"] else label
        display = _display_name_header(visible)
        if display is not None or header:
            return display
    numbered = _NUMBERED_QUESTION.match(visible)
    if numbered:  # 4、问：…: a record's numbered question, or its answer
        label = match_label(visible[numbered.end():])
        if label is not None:  # the look-ahead read 问, 答, Q or A after the number
            shift = numbered.end()
            return replace(label, spans=tuple((s + shift, e + shift) for s, e in label.spans), content=label.content + shift)
        return None
    match = _INLINE.match(visible)
    if not match:
        return _timed_display(visible) if _CLOCK.search(visible) else _handle_asks(visible)
    if _URL_REST.match(visible, match.end()):
        return None
    code = match["before"] or match["before_bare"] or match["after"] or match["after_bare"]
    return _label(match, match.end(), seconds(code) if code else None)


# @价值投资老王 问：… : a user's question put to the guest of an online interview (an AMA's), by handle
_HANDLE_ASKS = re.compile(r"(?P<handle>@[^\s@：:，,。！？!?（()）]{1,24}?)\s*(?:问|提问|追问)\s*[:：]\s*")


def _handle_asks(visible: str) -> Label | None:
    match = _HANDLE_ASKS.match(visible)
    if not match or match.end() >= len(visible):
        return None
    return Label((match["handle"],), (match.span("handle"),), match.end())


def _display_name_header(visible: str) -> Label | None:
    """A meeting or chat export's header whose display name holds more than the name: the person's
    name in it.  A day before the time marks a chat's header, where any nickname may stand."""
    match = _CHAT_HEADER.match(visible) or _DISPLAY_HEADER.match(visible)
    if match is None:
        return None
    dated = match["day"] is not None
    span = name_in_display(match["display"], nickname=dated)
    if span is None:
        return None
    start, end = match.start("display") + span[0], match.start("display") + span[1]
    return Label((visible[start:end],), ((start, end),), len(visible), seconds(match["time"]), header=True, clock=dated)


def _timed_display(visible: str) -> Label | None:
    """``00:12:41 Zhang Hao-上海AI Lab: …``, ``00:25:58 Kevin Huang's iPad: …``: the person's name in the
    display name after the time; after a day and its clock time (a chat's message), any nickname."""
    match = _TIMED_DISPLAY.match(visible)
    if match is None:
        return None
    display = match["display"]
    dated = match["day"] is not None
    device = _DEVICE.search(display)
    span = (0, device.start()) if device and LATIN_FULL_NAME.fullmatch(display[:device.start()]) \
        else name_in_display(display, nickname=dated)
    if span is None:
        return None
    start, end = match.start("display") + span[0], match.start("display") + span[1]
    return Label((visible[start:end],), ((start, end),), match.end(), seconds(match["time"]), clock=dated)


_GROUP_ROLES = frozenset({"群主", "管理员", "群管", "群管理", "管理"})  # a chat group's roles a display name opens with
_GROUP_ROLES_LONGEST_FIRST = tuple(sorted(_GROUP_ROLES, key=lambda r: (-len(r), r)))


def name_in_display(display: str, nickname: bool = False) -> tuple[int, int] | None:
    """Where the name is in a display name: a masked number whole, the Chinese name after an English one,
    or what comes before a team or place (韩东-风控中心, 王硕@衡川科技): a full name, or any nickname."""
    if _MASKED_NUMBER.fullmatch(display):
        return 0, len(display)
    latin = _LATIN_THEN_HAN.fullmatch(display)
    if latin and is_han_name(latin["han"]):
        return latin.span("han")
    separator = _DISPLAY_SEPARATOR.search(display)
    if separator and display[:separator.start()] in _GROUP_ROLES:  # 群主-大白: the group's owner, 大白
        rest = name_in_display(display[separator.end():], nickname)
        return rest and (separator.end() + rest[0], separator.end() + rest[1])
    spaced = None if separator else _NAME_SPACE_TEAM.match(display)
    if spaced and is_han_name(spaced["name"]):  # 马骁 听澜语音: the name, a space and the company
        return spaced.span("name")
    name = display[:separator.start()] if separator else display
    role = next((r for r in _GROUP_ROLES_LONGEST_FIRST if name.startswith(r) and len(name) > len(r)), None)
    if role and nickname:  # 群主Ada-北京-AgentClub: the group's owner, Ada
        rest = name_in_display(display[len(role):], nickname)
        return rest and (len(role) + rest[0], len(role) + rest[1])
    if not name or not (is_han_name(name) or nickname and is_label_name(name)
                        or separator and LATIN_FULL_NAME.fullmatch(name)):
        return None
    return (0, len(name)) if separator or nickname else None


def match_bracketed_label(visible: str) -> Label | None:
    """The label in brackets a subtitle or export line opens with (``[主持人] 欢迎收听。``, ``（主持人）
    欢迎收听。``); a sound (``[音乐]``) or a bracket with nothing after it is none."""
    if not _OPENING_BRACKET.search(visible):
        return None
    match = _BRACKETED.match(visible) or _ROUND_BRACKETED_ROLE.match(visible)
    if not match or match.end() >= len(visible):
        return None
    groups = match.groupdict()
    code = groups["before"] or groups["before_bare"] or groups.get("after") or groups.get("after_bare")
    label = _label(match, match.end(), seconds(code) if code else None)
    if label is None or any(name.lower() in SOUND_CUES or name.lower() in LANGUAGE_NOTES for name in label.names):
        return None
    return label


# 【发言】省农科院党委书记 赵德明 / 【主持】协会秘书长 孙立平: a record's heading naming the part of the
# meeting, then who takes it (a post, a name); what they say follows below
_ACT_HEADING = re.compile(r"\s*[【\[]\s*(?:主持人?|主持人?小结|发言|交流发言|主旨发言|主题发言|致辞|讲话|演讲|点评|总结|"
                          r"小结|提问|回答|答问)\s*[】\]]\s*(?P<who>[^\s：:，,。！？!?【\[][^：:，,。！？!?]{1,40}?)\s*")


def match_act_heading(visible: str) -> Label | None:
    """``【发言】省农科院党委书记 赵德明`` alone on its line: a label of the person it names last (after a
    post, a space, or alone), the speech on the lines below."""
    match = _ACT_HEADING.fullmatch(visible)
    if not match:
        return None
    who = match["who"]
    name = who if is_han_name(who) else _person_ending(who)
    if name is None:
        return None
    at = match.start("who") + who.rindex(name)
    return Label((name,), ((at, at + len(name)),), len(visible))


# **1. 峰翼航空科技有限公司董事长周启航**, ### （二）亿航智能总经理林晓雯: a numbered heading of a record's remarks,
# the speaker's organisation and post, then the name; what the record says of their remarks follows below
_NUMBERED_HEADING = re.compile(r"\s*(?:\d{1,2}\s?[.、．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)"
                               r"\s*(?P<who>[\u3400-\u9fffA-Za-z0-9]{4,40})\s*")


def match_numbered_heading(visible: str) -> Label | None:
    """``1. 峰翼航空科技有限公司董事长周启航`` as a heading: a label of the person a post introduces last."""
    match = _NUMBERED_HEADING.fullmatch(visible)
    if not match:
        return None
    who = match["who"]
    name = _person_after_post(who)
    if name is None or not who.endswith(name):
        return None
    at = match.end("who") - len(name)
    return Label((name,), ((at, at + len(name)),), len(visible))


# Grace Lin (Lin Yuqing) -- Chief Financial Officer, Kevin Luo -- Morgan Stanley, 沈浩天 — 创始人: an earnings
# call's transcript names each speaker alone on a line, a dash and the post or firm after the name (an
# alias in brackets between), the words below; its operator by the role alone
_DASHED_LABEL = re.compile(r"\s*(?P<name>[A-Z][A-Za-z'\-]+\.?(?: [A-Z][A-Za-z'\-]+\.?){0,3}|[\u3400-\u9fff·]{2,6})"
                           r"(?:\s*[（(][^（()）\n]{1,30}[)）])?\s+(?:--|—|–)\s+(?P<note>\S[^\n]{1,100})")
_CALL_ROLES = frozenset({"Operator", "Moderator", "Coordinator", "主持人", "操作员"})


def match_dashed_label(visible: str) -> Label | None:
    """``Kevin Luo -- Morgan Stanley`` or ``Operator`` alone on its line: a label of that speaker, the
    speech on the lines below (the note after the dash is read where a label's note is)."""
    if visible.strip() in _CALL_ROLES:
        at = visible.index(visible.strip())
        return Label((visible.strip(),), ((at, len(visible.rstrip())),), len(visible))
    match = _DASHED_LABEL.fullmatch(visible.rstrip())
    if match is None or match["note"].rstrip().endswith(_SENTENCE_ENDS):
        return None
    name = match["name"].removeprefix("Dr. ").removeprefix("Mr. ").removeprefix("Ms. ")
    at = match.end("name") - len(name)
    return Label((name,), ((at, match.end("name")),), len(visible))


_SENTENCE_ENDS = ("。", "！", "？", "!", "?", ".", "…")


# 宋怀远补充：, 董事长宋怀远介绍：: a name and the verb of the turn it opens (a record's); 李斌说： quotes, opening none
_SAYS_AFTER_NAME = re.compile(r"(?:介绍|表示|补充|回答|发言|指出|谈到)$")
_TURN_VERBS = frozenset({"补充", "回答", "发言"})  # the others open a turn only alone on their line


# UP主：硬核老周 | BV1xx | 2025-03-08 发布: a page's line of fields after its first field's name, no one speaking
_FIELD_SEPARATOR = re.compile(r"\s[|｜丨·•]\s")
_FIELDS = 2


def _label(match: re.Match, content: int, time: float | None, header: bool = False) -> Label | None:
    if len(_FIELD_SEPARATOR.findall(match.string, content)) >= _FIELDS:
        return None
    names: list[str] = []
    spans: list[tuple[int, int]] = []
    base = match.start("names")
    group = match["names"]
    pos = 0
    pieces = _JOINT_SEPARATOR.split(group)
    if len(pieces) > 1 and _posts_then_person([piece.strip() for piece in pieces]):
        pieces = pieces[-1:]  # 董事长、总经理张三丰: the posts one person holds, then the person
    elif len(pieces) > 1 and any(_affiliated(piece.strip()) for piece in pieces):
        return None  # a joint label names speakers, not their organisations: this is a sentence
    for piece in pieces:
        at = group.index(piece, pos)
        pos = at + len(piece)
        name = piece.strip()
        if not name:
            continue
        says = _SAYS_AFTER_NAME.search(name)
        alone = not match.string[content:].strip()  # 董事长宋怀远介绍： above what he says
        if says and (alone or says.group() in _TURN_VERBS) and any(
                is_han_name(name[max(0, says.start() - n):says.start()]) for n in (3, 2)):
            name = name[:says.start()]  # 宋怀远补充：, 董事长宋怀远介绍： the name, then the verb of what follows
            post = _post_before_name(name)
            at += post  # 董事长宋怀远 is 宋怀远
            name = name[post:]
        role = _ROLE_BEFORE_NAME.match(name)
        if role and len(role.group()) == 1 and not is_han_name(name[1:]):
            role = None  # 答辩秘书 is a word, not 答 and a name
        offset = base + at + (role.end() if role else 0)
        name = name[role.end():] if role else name
        posted = _POSTED_LATIN_NAME.fullmatch(name)
        titled = _NAME_THEN_TITLE.fullmatch(name)
        if posted and is_han_name(name[:posted.start("name")].strip()):
            name = name[:posted.start("name")].strip()  # 郭佳琪 Kiki: the person's name, then the English one
        elif posted:  # 联合主持 Kevin is Kevin
            offset += posted.start("name")
            name = posted["name"]
        elif titled and is_han_name(titled["name"]) and titled["title"] in _titles_and_forms():
            name = titled["name"]  # 周明远 教授: the name, then the title or form of address after a space
        elif not _affiliated(name) and (post := _post_before_name(name)):  # 总经理张三丰 is 张三丰
            offset += post
            name = name[post:]
        elif _affiliated(name) and not is_reporter(name):  # 国泰君安 方若琳 is 方若琳
            person = _person_ending(name)
            if person is None:
                return None
            offset += len(name) - len(person)
            name = person
        names.append(name)
        spans.append((offset, offset + len(name)))
    if not names or any(not is_label_name(n) for n in names):
        return None
    groups = match.groupdict()
    note, note_start = groups.get("note"), match.start("note") if groups.get("note") else 0
    if note is None and groups.get("note_after"):
        if len(names) == 1 and _ROLE_ONLY.match(names[0]) and _NOTE_NAME.fullmatch(groups["note_after"]) \
                and not _notes_the_voice(groups["note_after"].strip()):
            note, note_start = groups["note_after"], match.start("note_after")  # 问：（中金公司 分析师 贺一鸣）
        else:
            content = match.start("note_after") - 1  # （笑）, （补充）: the speaker's words begin with the bracket
    # the name in the note is the speaker's after a role (主持人（李明）) or a nickname (老郑(郑国栋))
    noted = _NOTE_NAME.fullmatch(note) if note and len(names) == 1 and (
        _ROLE_ONLY.match(names[0]) or _ASKING.match(names[0]) or NUMBERED_SPEAKER.match(names[0])  # 评委1（红杉 周启元）
        or is_han_name(note.strip()) and not is_han_name(names[0])) else None
    if noted and noted["name"] not in lexicon.titles() and (
            noted["name"][0].isascii() or is_han_name(noted["name"]) or _addressed(noted["name"])):
        # 提问者（未报姓名）： names no one; 问（国泰君安 投资者 李女士）： names 李女士
        stripped = noted["name"]
        at = note_start + noted.start("name")
        names, spans = [stripped], [(at, at + len(stripped))]
    elif note and len(names) == 1 and _ROLE_ONLY.match(names[0]) and (person := _person_after_post(note.strip())):
        # A（智驾副总裁唐一帆）：: the name after the post the note gives
        at = note_start + note.index(person, len(note.rstrip()) - len(person))
        names, spans = [person], [(at, at + len(person))]
    elif note and len(names) == 1 and names[0] in _QUESTION_AND_ANSWER and is_post(note.strip()):
        # A（CFO）：: the one who holds the post answers (who that is, the document says)
        at = note_start + note.index(note.strip())
        names, spans = [note.strip()], [(at, at + len(note.strip()))]
    elif note and len(names) == 1 and names[0] in _QUESTION_AND_ANSWER and (post := _title_at_end().search(note.strip())) \
            and post.start() >= 2:
        # Q（中金公司分析师）：: an unnamed asker, one of several, known by the firm and post the note gives
        end = note_start + len(note) + 1
        names, spans = [match.string[spans[0][0]:end]], [(spans[0][0], end)]
    elif note and len(names) == 1 and _ROLE_ONLY.match(names[0]) and _NOTE_HANDLE.fullmatch(note):
        # Q（@深夜调参侠）：: an asker known by their handle
        handle = _NOTE_HANDLE.fullmatch(note)
        at = note_start + handle.start("handle")
        names, spans = [handle["handle"]], [(at, at + len(handle["handle"]))]
    elif note and len(names) == 1 and (_ROLE_ONLY.match(names[0]) or _ASKING.match(names[0])) and (
            titled := _titled_name_closing(note)):
        # 提问4（化学学院 吴敬之副教授）：: the asker's name before the title that closes the note
        at = note_start + titled[0]
        names, spans = [titled[1]], [(at, at + len(titled[1]))]
    elif note and len(names) == 1 and (_ROLE_ONLY.match(names[0]) or _ASKING.match(names[0])) and (
            opened := _NAME_OPENING_NOTE.match(note)) and is_han_name(opened["name"]):
        # 观众提问（王志强，云启智联联合创始人）：: the asker's name, then who they are
        at = note_start + opened.start("name")
        names, spans = [opened["name"]], [(at, at + len(opened["name"]))]
    elif note and len(names) == 1 and (names[0] == "记者" or names[0] in _ASKERS or _ASKING.match(names[0])) \
            and not _UNNAMED_NOTE.search(note):
        # 记者（体坛周报）：, 观众提问（某保险公司）：: the asker of the outlet or firm in brackets, one of several
        end = note_start + len(note) + 1
        names, spans = [match.string[spans[0][0]:end]], [(spans[0][0], end)]
    return Label(tuple(names), tuple(spans), content, time, header)


def _titled_name_closing(note: str) -> tuple[int, str] | None:
    """``化学学院 吴敬之副教授``: a full name and a title or form of address as the note's last word, as
    (where the name starts in the note, the name)."""
    words = note.split()
    if len(words) < 2:
        return None
    last = words[-1]
    form = next((f for f in forms_after_a_name() if last.endswith(f) and len(last) > len(f)), None)
    name = last[:-len(form)] if form else ""
    return (note.rindex(last), name) if name and is_han_name(name) else None


def _notes_the_voice(note: str) -> bool:
    """``画外``, ``方言``, ``笑``: a note on how the words are heard, or a word of the language, not a name."""
    return note in VOICE_NOTES or note.lower() in SOUND_CUES or is_common_word(note)


_UNNAMED_NOTE = re.compile(r"未报|匿名|未具名|不具名|未透露")  # 提问者（未报姓名）: a note that tells no one apart
_NAME_OPENING_NOTE = re.compile(r"\s*(?P<name>[\u3400-\u9fff·]{2,4})\s*[，,]")
_HAN_WORD = re.compile(r"[\u3400-\u9fff]+")
_PROPER_NOUN_TAGS = ("nr", "ns", "nt", "nz")  # person, place, organisation, other proper names


def is_common_word(name: str) -> bool:
    """原因, 结论, 总结, 背景: a word of the language (in the dictionary, not as a proper noun).  Before a
    colon at the start of several paragraphs it opens the items of a list, not the turns of a speaker."""
    if not _HAN_WORD.fullmatch(name):
        return False
    tag = dictionary_tag(name)
    return tag is not None and not tag.startswith(_PROPER_NOUN_TAGS)


_HAN_LABEL_MAX = 6
_SPACED_NAME = re.compile(r"\S+?(?:\s+|\s*[-－–]\s*)[\u3400-\u9fff]{2,3}")
_NAME_SEPARATOR = re.compile(r"\s+|\s*[-－–]\s*")
_HEADLINE_VERB = re.compile(r"(?:专访|对话|采访|访谈|独家|直击|揭秘)")


_NAME_THEN_TITLE = re.compile(r"(?P<name>[\u3400-\u9fff]{2,4})\s+(?P<title>[\u3400-\u9fff]{1,6})")


@lexicon.derived
def _titles_and_forms() -> frozenset[str]:
    return frozenset(lexicon.titles()) | frozenset(HONORIFICS)


def _post_before_name(label: str) -> int:
    """The length of the post a label opens with before a full name (董事长宋怀远: 3), or 0."""
    return next((len(label) - n for n in (3, 2) if is_han_name(label[-n:]) and is_post(label[:-n])), 0)


def is_post(word: str) -> bool:
    """A title, or a title after what titles open with (副局长, 研发总监)."""
    titles = lexicon.titles()
    return word in titles or any(word[:length] in openers and word[length:] in titles
                                 for length, openers in _openers_by_length() if length < len(word))


@lexicon.derived
def _openers_by_length() -> tuple[tuple[int, frozenset[str]], ...]:
    """What titles open with, by length: a word's opening is looked up, not each opener tried."""
    openers = lexicon.title_openers()
    return tuple((n, frozenset(o for o in openers if len(o) == n)) for n in sorted({len(o) for o in openers}))


def _person_after_post(note: str) -> str | None:
    """``智驾副总裁唐一帆`` → ``唐一帆``: a full name right after a post, no space between."""
    return next((note[-n:] for n in (3, 2) if len(note) > n and is_han_name(note[-n:])
                 and _title_at_end().search(note[:-n])), None)


def _posts_then_person(pieces: list[str]) -> bool:
    """``董事长、总经理张三丰``, ``新闻局副局长、新闻发言人邵文娟``: the posts of one person joined by 、,
    the last before their name; not the names of several speakers (李明、王芳)."""
    *posts, last = pieces
    return all(_title_at_end().search(post) for post in posts) and bool(
        _post_before_name(last) or _ROLE_BEFORE_NAME.match(last) or _affiliated(last) and _person_ending(last))


@lexicon.derived
def _title_at_end() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(sorted(map(re.escape, lexicon.titles()), key=len, reverse=True)) + ")$")


def _affiliated(name: str) -> bool:
    """A label too long for a name alone, or with a space inside: an organisation or post, then a name."""
    return bool(_SPACED_NAME.fullmatch(name)) or len(name) > _HAN_LABEL_MAX and _HAN_WORD.fullmatch(name) is not None


_OF_FAMILIAR = DeferredPattern(r"的(?P<name>[小老阿][\u3400-\u9fff])$")


def _person_ending(label: str) -> str | None:
    """The full name a label ends with, after a space or where no word runs into it (北辰智造周一鸣 → 周一鸣)."""
    if _HEADLINE_VERB.match(label):
        return None  # 专访云帆智联周立：… is a headline about him
    pieces = _NAME_SEPARATOR.split(label.strip())
    if len(pieces) > 1:  # 国泰君安 方若琳, HR-林晓
        return pieces[-1] if is_han_name(pieces[-1]) else None
    familiar = _OF_FAMILIAR.search(label)
    if familiar:  # 经管学院的小王: a familiar form of address after where the speaker is from
        return familiar["name"]
    addressed = label[label.rfind("的") + 1:] if "的" in label else ""
    if _addressed(addressed):  # 来自成都的李女士: a caller known by where from, surname and form of address
        return addressed
    after_post = _person_after_post(label)  # 首席执行官吴婧: a name right after a post is the name, not 官吴婧
    if after_post:
        return after_post
    for size in (3, 2):
        start = len(label) - size
        if (is_han_name(label[start:]) and not in_dictionary(label[start - 1:start + 1])
                and not is_common_word(label[start:])):  # 我们的策略很简单：, 简单 a word, no name
            return label[start:]
    return None


def is_reporter(label: str) -> bool:
    """``新华社记者``, ``第一财经记者``: a reporter of the outlet named, asking at a press conference."""
    return _REPORTER.fullmatch(label) is not None and label != "记者"


def is_label_name(name: str) -> bool:
    """Whether a word before a colon can name a speaker at all (the document decides if it does)."""
    if is_reporter(name):
        return True  # 第一财经记者 begins as a list item would
    return not (name in LABEL_WORDS or _NOT_A_NAME_START.match(name) or _SPEECH_VERB_END.search(name))
