"""Claims: the assertions each speaker makes, and the questions asked.

A sentence of a turn is a claim when it carries a cue of assertion — a stance (我认为, 坚信, 肯定),
a prediction (未来, 将会), a figure (20%, 千亿), a recommendation (应该, 建议) or an agreement
(同意) — scored so that the strongest sentences of each turn are kept and the density stays an
assertion's, not every sentence's.  Questions are no claims; the moderator's, and those of any
speaker whose turns mostly end with one (an interviewer, a reporter), become questions.
"""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .chinese_names import HONORIFICS, SURNAME_POSTS, surname_of
from .lookahead import led_by
from .model import Claim, ClaimType, Kind, Party, Predicate, Question, Relation, Sentence, Transcript
from .numbers import BY_ALL_MEANS, find_amounts
from .interpreting import interpreted_turn, speaking_turn
from .readers.speakers import HOST_LABELS

# 预计, 我预测, 我们的预测, 我个人的预测 (not 它们的预测): led by 预, the speaker's own looked behind,
# so that the patterns holding it stay as quick to search as literals
_FORECAST_WORD = r"预(?:计|(?:(?<=我预)|(?<=我的预)|(?<=我们预)|(?<=我们的预)|(?<=个人的预))测)"
# agreeing with a view; not consent given (单独同意, 用户同意, 知情同意书), which a speaker may also call for
AGREEING_VERB = (r"(?:(?<!单独)(?<!知情)(?<!书面)(?<!明示)(?<!征得)(?<!取得)(?<!用户)(?<!本人)(?<!家长)同意(?![书权])"
                 r"|赞同|赞成|认同)")
# 别一上来就做人形, 我们千万别学: don't (not 别人, 别的, 别说)
_DONT = r"(?:(?:^|(?<=[，,]))(?:一定|可)?|千万)别(?![人的说提处])"
# (a cue some of whose alternatives open with a look-behind, a group or an optional part is led by a
# look-ahead on the characters every alternative begins with: see ``lookahead``)
_CUES: tuple[tuple[ClaimType, str, float], ...] = (
    (ClaimType.AGREEMENT, r"(?=[我没看观判])(?:我(?:们)?(?:(?!不)[^，,。；？！]){0,6}" + AGREEING_VERB
                          + r"|(?:没有|没什么)(?:什么)?分歧|(?:看法|观点|判断)(?:是|完全|基本)?(?:是)?一致的?)", 3.0),
    (ClaimType.DISAGREEMENT, r"(?=[不部同反看持一点些保有说讲提谈泼唱])(?:"
                             r"不(?:太|完全|是很|很)?(?:同意|认同|赞同|赞成)(?!\s?[\d零一二两三四五六七八九十]+\s?票)|部分(?:同意|认同|赞同)|同意一半|(?<![不没并])反对|看法不太?一样|"
                             r"持?(?:一点|一些|点|些)?保留(?:的)?意见|有不同(?:的)?(?:看法|意见)|(?:说|讲|提|谈)(?:一下|一点|一个)?不同的?(?:看法|意见)|"
                             r"泼(?:一点|点|一盆)?冷水|唱(?:个|一个|一下)?反调|(?<![没无])有(?:一些|一点|些|点)?分歧)", 3.0),
    (ClaimType.JUDGEMENT, r"我(?:个人|坚持|一直|始终|还是|也)?(?:认为|觉得|相信|坚信|判断|的观点|的经验结论|肯定)|坚信|我们(?:认为|觉得|发现|判断|相信)|"
                          r"我们?(?:个人)?的(?:基本)?(?:判断|看法|预判)", 2.5),
    (ClaimType.JUDGEMENT, r"肯定|一定|必然|确定性|本质|关键|核心|最大的|不可能|不可替代|趋于|优势|意味着|问题在于|毫无疑问|显然|其实是|恰恰|根本|最重要|很重要|非常重要|是值得|不值得|是不是值得|有道理|机会|困局|矛盾|需要|有[两三四五六七八九十几]+(?:个|层|种|类|点|方面)", 1.0),
    (ClaimType.PREDICTION, r"未来|将会|会变得|将来|以后|明年|接下来(?!是|进入|我们(?:进入|聊|讲|请))|趋势|会是|会有|有可能|可能会|一定会|终将|会成为|会达到|"
                          + _FORECAST_WORD, 1.5),
    (ClaimType.FIGURE, r"(?=[\d一二两三四五六七八九十百千])(?:(?!" + BY_ALL_MEANS + r")(?:\d+(?:\.\d+)?\s?%|百分点|百分之[\d一二两三四五六七八九十百点]+|(?:\d+\.\d+|[\d一二两三四五六七八九十百千]+)个?(?:万亿|亿|万)|\d+\s?倍))", 1.5),
    (ClaimType.RECOMMENDATION, r"我(?:们)?(?:的)?(?:建议|推荐)", 2.5),
    (ClaimType.RECOMMENDATION, r"(?=[应建要必不最值一可别千])(?:应该(?!是|不是|没|会|也是|就是|已经|算)|建议|要舍得|必须|不要|最好|值得一试|一定要|" + _DONT + ")", 1.5),
    (ClaimType.JUDGEMENT, r"(?=[总归因观最比急显大明])(?:总的来说|(?:^|(?<=[，,：:\s]))总之|总结|归根结底|因此|观点|最[\u4e00-\u9fff]|"
                          r"比.{1,12}(?:要|更|还)?[快慢好差多少高低大小强弱]|急剧|显著|大幅|明显)", 1.0),
    # 会 "will", the cue itself: not the 会 of 社会, 机会, 开会 (a word's end) nor 会议
    (ClaimType.PREDICTION, r"(?=[说能可会就])(?:说不定|能够|可以|(?<![社机学协大晚工宴约体领误理开])会(?!议)|就会)", 0.5),
    (ClaimType.JUDGEMENT, r"较弱|较强|很大|比较大|越来越|更多|更好|更低|更高|目标|都是|都伴随|每一次|每次|总是|始终|是一个|不是|没有|很难|难以|非常|其实|不能", 0.5),
    (ClaimType.JUDGEMENT, r"^(?:首先|其次|第[一二三四五六七八九十](?:点|层|个|是|类|种)?|最后)", 0.3),
    # English turns: stance, modality and comparison, as the Chinese cues above
    (ClaimType.JUDGEMENT, r"(?i)\b(?:I|we) (?:think|believe|feel|found|know|expect|predict)\b|\bin my (?:view|opinion)\b", 2.5),
    (ClaimType.PREDICTION, r"(?i)\b(?:will|going to|in the future|next year|eventually)\b", 1.5),
    (ClaimType.RECOMMENDATION, r"(?i)\b(?:should|must|have to|need to|recommend)\b", 1.5),
    (ClaimType.JUDGEMENT, r"(?i)\b(?:the (?:key|biggest|most important|main)|important|fundamental|always|never|every|better|worse|more|less)\b", 1.0),
)
# a Latin letter, or what matches one when case is ignored (İ ı ſ K): written out, a class the engine
# skips to; ``(?i)[a-z]`` had it try every position
_LATIN_LETTER = re.compile("[A-Za-z\u0130\u0131\u017f\u212a]")


@dataclass(frozen=True, slots=True)
class _ChineseOrEnglish:
    """A pattern's Chinese alternatives and its English ones (case ignored), searched apart.

    In one alternation the English ones' word edges keep the engine from skipping straight to a
    Chinese alternative's first character; apart, the English ones are searched only in a sentence
    with a Latin letter (or what matches one when case is ignored: ſ, K), the only kind they can match.
    """

    chinese: re.Pattern[str]
    english: re.Pattern[str]

    @classmethod
    def of(cls, chinese: str, english: str, first: str | None = None) -> _ChineseOrEnglish:
        """``first``, when given, the class of the characters a Chinese alternative can begin with,
        leads them (``led_by``): needed where some alternative opens with a look-behind or a group."""
        return cls(led_by(first, chinese) if first else re.compile(chinese), re.compile("(?i)" + english))

    def search(self, body: str, latin: bool) -> bool:
        return self.chinese.search(body) is not None or latin and self.english.search(body) is not None


# 会 as "will"; not the 会 that ends a meeting's name (董事会, 发布会, 大会) nor 会上, 会议, 会场, 会后 (at the meeting)
_WILL = r"(?<!董事)(?<!理事)(?<!监事)(?<![布大例峰展晚讨谈协员开聚宴])会(?![上议场后])"
# a future reference, without which a sentence predicts nothing: 未来, 明年, 将会, will
# (以后 opening a clause: after an event, 毕业以后, 出来以后, it says when something happened, past or not)
_FUTURE = _ChineseOrEnglish.of(r"未来|将来|(?:^|(?<=[，,；;\s今]))以后|今后|明年|后年|接下来(?!是|进入|我们(?:进入|聊|讲|请))|下一代|下一步|将会|将要|即将|终将|会成为|"
                               r"会变得|会达到|会越来越|一定会|应该会|迟早|趋势|有望|(?<!去年)(?<!前年)(?:下半年|下个?季度|下个?月|下周|下个星期)[^，,。；;！？!?]{0,20}?(?:会|将|可能|有望)|"
                               # 2026 年比特币会突破…: a year, then what will happen in it (not 2019年会上, the meeting)
                               r"(?:19|20)\d{2}\s?年(?:底|初|中|上半年|下半年)?[^，,。；;！？!?]{0,10}?(?:" + _WILL + r"|将|还会)|"
                               # 到2027年，推理的算力会超过训练: by a year, what will have happened
                               r"到\s?(?:19|20)\d{2}\s?年(?:底|末)?[^。；;！？!?]{0,30}?(?:" + _WILL + r"|将|能够|有望)|"
                               # 2030年以前，钠电不会超过一成: by a year, what will or will not be
                               r"(?:19|20)\d{2}\s?年(?:以前|之前|前)[^。；;！？!?]{0,20}?(?:" + _WILL + r"|将)|"
                               r"年(?:底前|(?<=[一二两三四五六七八九十几]年)(?:之内|以内|内|之后|以后|后))|"
                               # 至少还要三年, 还要两年才能追上, 至少要七八年: how long until it happens
                               r"(?:还|至少)要(?:至少)?[\d一二两三四五六七八九十几]+(?:多)?年|"
                               # 再过三年, 再过几个月: from now on
                               r"再过[\d一二两三四五六七八九十几]+个?(?:多)?(?:年|月)|"
                               # 今年二季度会交付, 六个月内就会被抹平, 长期看会变, 不会早于2030年: when, still to come
                               r"今年(?:[一二三四]季度|上半年|下半年|年底|底|内)?[^，,。；;！？!?]{0,10}?(?:" + _WILL + r"|将(?!近))|"
                               r"(?<=[\d一二两三四五六七八九十几])个月(?:之内|以内|内)|长期(?:来)?看[^，,。；;！？!?]{0,10}?会|"
                               r"不会早于|最[早快](?:也)?要到|" + _FORECAST_WORD,
                               r"\bwill\b|\bgoing to\b|\bin the future\b|\bnext year\b|\b(?:I|we) (?:predict|expect)\b",
                               first="[一下今以会即后将应年接明有未终迟趋预还到12至个长不最再]")
# 我预测, 预计, 我估计2027年收入能…, 我们计划…, I predict: a forecast or a plan, whatever year it names
# (我做一个预测, 我个人的一个预测是, 讲个可能被骂的预测: the speaker announcing their own)
_FORECAST = _ChineseOrEnglish.of(_FORECAST_WORD + r"|估计[^，,。；;]{0,20}?(?:会|能|要)|我们?(?:的)?计划是?|"
                                 # 我们对首年流水的预期是25亿: what is expected, a forecast
                                 r"(?<=的)预期(?:是|为|在)|"
                                 r"(?:我(?:个人)?(?:的)?|我(?:来)?做|讲|说)(?:一)?个[^，,。；;：:]{0,8}?预测",
                                 r"\b(?:I|we) (?:predict|expect)\b", first="[预估我讲说]")
# a year says when, not that it is past, after 到, before 底前 or a modal (到2030年, 2026年底前, 2025年会)
_PAST_WORDS = r"当时|那时候?|那个时候|曾经|过去|(?<!\d年)以前|(?<!\d年)之前|早年|后来"  # 2027年之前: by then
_PAST_WORD = led_by("[当那曾过以之早后]", _PAST_WORDS)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s?年")
_PAST = led_by("[当那曾过以之早后12]", _PAST_WORDS + r"|(?<![到至])(?<!到 )(?<!至 )(?<!早于)(?<!晚于)(?<!有望在)(?<!有望于)(?<!将在)(?<!将于)(?<!预计在)(?<!预计于)(?:19|20)\d{2}\s?年(?!底?前|[之以]前|[将要]|[^，,。；;！？!?]{0,10}?(?:" + _WILL + r"|将|还会|有望|预计))")
# the speaker telling what they did or lived: a sentence opening with 我 and a time in the past (我当时…,
# 2006年我…, 之前我在…), not with what they said before (我之前提到的)
_PAST_TIME = rf"(?:{_PAST_WORDS}|(?:19|20)\d{{2}}\s?年)"
_OWN_PAST = re.compile(
    rf"^(?:其实|所以|但是?|而且|后来)?[，,]?\s?(?:我们?(?:也|就|还|是)?{_PAST_TIME}|{_PAST_TIME}[，,]?\s?我们?)"
    r"(?![^，,。；;！？!?]{0,4}(?:提到|说过|讲过|聊过|问))"
    # 八十年代初，我们…, 1970年，…我…, 有一次我们…: a time in the past opening a sentence about the speaker
    r"|^[^，,。；;]{0,4}(?:(?:19|20)\d{2}\s?年|[一二三四五六七八九]十年代|那一年|那年|有一次|当年)[^。；;！？!?]{0,16}?我"
    # 我在五院一待就是十八年, 我去的时候: where the speaker was, and for how long
    r"|我们?(?:在|到|去)(?!这里|这儿|这边)[^，,。；;]{0,10}?(?:待了|做了|干了|工作了|一待就是|的时候)")
# 交付了三百二十台, 有150人, 下了八十台的订单: a number of things counted, stated (not an ordinal, a year or a date)
_COUNT = re.compile(r"(?:有|了|是|到|达|共|超过|不到|将近|接近)\s?(?:大概|大约|约|近|差不多)?\s?"
                    r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]*[十百千万][一二两三四五六七八九十百千万]*)\s?(?:多|余)?"
                    r"(?:个|台|辆|人|家|款|次|条|篇|项|件|位|名|所|座|元|块|美元|公里|小时|张卡|张)")
# a stance the speaker takes now, whatever the times it speaks of
_STANCE = re.compile(r"认为|觉得|相信|坚信|确信|判断|看法|观点|意味着|说明|证明")
# 应该会, 应该能 judge what is likely, 最好的 what is best, recommending nothing
_RECOMMENDS = _ChineseOrEnglish.of(r"建议|我(?:们)?的?推荐|不(?:太|是很)?推荐|应该(?!会|能|可以|不会|就|差不多|没(?:有)?问题)|最好(?!的)|一定要|不要|必须|"
                                   + _DONT,
                                   r"\bshould\b|\brecommend", first="[建我不应最一必可千别]")
# 非常感谢四位嘉宾的精彩分享。, 好，今天非常感谢一帆。: a sentence that is thanks and nothing more
_THANKS = (r"也?(?:非常|特别|再次|真的|衷心)?(?:感谢|谢谢)[^。！？!?，,；;]{0,16}?"
           r"(?:的(?:精彩)?(?:分享|回答|介绍|发言|解答))?")
_COURTESY = re.compile(rf"(?:好的?[，,]\s?)?(?:今天|最后)?{_THANKS}(?:[，,]\s?{_THANKS})*[。！!]?")
# 一会儿听林伟介绍一下, 下面有请田奇, 时间关系, 今天就到这儿, 最后请两位用一句话展望一下: the session's
# running order and the host's prompts, asserting nothing
# led by the characters its alternatives begin with (``lookahead``): most sentences hold none of them
# where a match could start, and the search skips to those that do
_LOGISTICS = led_by(r"[一待稍下接现有时进最介分到就再散提话移荣第问早上中晚欢请掌今本坐大前后不仅会家宝扣如麦牵，,宣这非特感明周二三四五六七八九十\d扫"
                    r"留给茶在发静听能共开记人同洗过举迟来之简凭午表TtOoPpLlSsWw]",
                    r"(?:一会儿?|待会儿?|稍后|下面|接下来|现在)[^，。！？]{0,10}(?:请|听|由)[^，。！？]{0,12}"
                    r"(?:介绍|分享|讲|说|谈|发言|回答|总结|补充|提问)|有请|时间关系|时间差不多了|进入下一|下一个问题|最后一个问题|"
                    r"(?:介绍|分享)一下(?:自己|你自己|您自己)|到此结束|就到这(?:[儿里]|(?=[，,。！!]))|再见|散会|提问环节|"
                    r"(?:会议|时间|话筒|麦克风)交给|移步|荣幸(?:地)?(?:请到|邀请)|下一位|第[一二三四五六七八九十]位(?:提问|发言)|"
                    r"问答环节|(?:早上|上午|中午|下午|晚上)好|欢迎(?:参加|收听|收看|来到|观看|大家)|"
                    r"请(?:每位|各位|两位|三位|四位|几位|大家)|掌声欢迎|"
                    r"(?:今天|本期)(?:的|我们的)?(?:嘉宾|客人)(?:是|有)|坐在我旁边的|"
                    r"大家(?:各自|分别|轮流)?(?:先)?(?:讲|说|谈|聊)一下|问题来自|(?:今天|本期)(?:我们)?(?:想|要|主要|来)讨论|"
                    # 第一排那位女士, 到这里就结束了, 不构成投资建议, 会后如有问题: the event's running and its notices
                    r"第[一二三四五六七八九十]排|(?:前|后)排(?:这|那)位|到这里(?:就)?结束|不构成(?:任何)?投资建议|仅供参考|"
                    r"不提供(?:任何)?(?:个人)?投资建议|(?:接下来|下面|现在)(?:是|进入)[^，。！？]{0,8}环节|"
                    r"会后如有问题|如有更多问题|会后联系|"
                    # 预售的事会后再对一下, 抖音自播继续加码，晓婷牵头: a meeting's action items
                    r"会后(?:再|单独)?(?:对|沟通|同步|确认|碰|聊|细化)|牵头\s*[；;。]?$|今天(?:我们)?(?:主要)?(?:过|定|对|同步)一下|"
                    # 家人们, 宝宝们扣个1, 上链接: a livestream's host talking to the audience
                    r"家人们|宝宝们|扣个?1|上链接|扫(?:描)?[^，。！？]{0,10}二维码|扫码|"
                    # 第三是AI这一块，一鸣来讲。: the agenda's item and who presents it
                    r"[，,]\s?[\u4e00-\u9fff]{2,3}(?:来|先)?(?:讲|汇报)[。；;！!]?$|"
                    # …，请讲。, 现在宣布听证会开始, 今天主要三个议题, 感谢…的支持, 这是一个非常好的问题, 8号见: the
                    # session's calls, agenda, thanks and goodbyes
                    r"[，,]\s?请(?:讲|发言|回答|开始)[。！!]?$|宣布[^，,。！？!?]{0,12}(?:开始|结束|开幕|闭幕)|"
                    r"(?:今天|本次|这次)(?:主要)?(?:有)?[两三四五几]个议题|(?:非常|特别|再次)?感谢[^。！？!?]{0,30}?(?:的)?"
                    r"(?:支持|赞助|邀请|参与|收看|收听|观看|关注)[。！!]?$|这是一个(?:非常|很|特别)?好的问题|"
                    r"(?:[\d一二三四五六七八九十]+(?:号|点)|下周[一二三四五六日]?|明天|下次|周[一二三四五六日])见[。！!]?$|"
                    r"(?:今天|本期|这期)(?:我们)?(?:非常)?(?:荣幸|高兴)?(?:地)?(?:请到|邀请到|请来)了|"
                    # 留点时间给现场观众, 茶歇, 第二项议程是…: the session's time, breaks and agenda
                    r"(?:留|给)(?:一点|一些|几分钟|点)?时间给|茶歇|(?:今天|本场|这场)[^，。！？]{0,8}(?:只有|还有|剩下?)[^，。！？]{0,4}"
                    r"[\d一二三四五六七八九十几半]+(?:个)?(?:分钟|小时)|第[一二三四五六七八九十](?:项议程|项议题|个议题|个话题)|"
                    # 纪要会后发给大家, 我在群里发通知, 请不要外传: a meeting's follow-ups and notices
                    r"会后[^，。！？]{0,4}(?:发|分享)|在群里(?:发|通知|同步|说)|发(?:一下)?(?:飞书|会议)?(?:日程|纪要|会议链接)|"
                    r"(?:不要|请勿)外传|"
                    # 人员已经到齐, 请刘思远同学回到会场: who is present, and where someone is asked to go
                    r"(?:人员|人|大家)(?:都)?(?:已经)?到齐|请[^，。！？]{1,12}(?:回到会场|上台|入座|就座|落座|离场|退场)|"
                    # 你好像是静音了, 能听到吗, 我共享一下屏幕: a call's sound and screen
                    r"静音了|听得到(?:吗|我)|听不到(?:你|您|了|吗)|能听到(?:吗|我|[，,。])|听得见(?:吗|我)|共享(?:一下)?(?:我的)?屏幕|开(?:一下)?麦|"
                    # 欢迎在小宇宙订阅我们, 一键三连: a show's call to its audience
                    r"欢迎[^，。！？]{0,12}(?:订阅|关注我们|收听)|一键三连|记得(?:点赞|关注|订阅)|"
                    # 请举手, 话筒递给您, 同传耳机在座位下面, 洗手间在…: the room's arrangements
                    r"举手|话筒(?:会)?(?:递|传)|同传耳机|洗手间在|留给(?:现场)?(?:的)?(?:观众|听众|大家|同学)|"
                    # 下周的会议室要改到B座, 现场提供同声传译, Marcus will speak in English: where and in which language
                    r"会议室(?:要|会)?(?:改|换|调整|搬)|提供同声传译|同传老师|"
                    r"(?i:\bsimultaneous interpretation\b|\bwill speak in (?:English|Chinese|Mandarin)\b)|"
                    # 不好意思，刚才那个会拖了, 我来晚了, 这个我记下了, 我们后面展开, 过一下待办, 会后我在侧台:
                    # a meeting's apologies, notes taken, topics put off and items gone through
                    r"会拖了|来晚了|迟到了|记下(?:来)?了|后面(?:再)?(?:展开|细聊|详细聊)|过一下(?:待办|行动项|议程)|会后我在|"
                    # 今天会议大概一个小时, 后续有问题可以联系我, 简历可以投到官网, 晚宴在二楼，凭胸牌入场, 我代表…表示衷心感谢:
                    # how long the session runs, whom to contact, where to apply, the evening's arrangements, formal thanks
                    r"(?:今天|本次|这次|本场)(?:的)?(?:会议|直播|分享|讨论|活动|节目)?(?:大概|大约|预计|一共|总共)[^，。！？]{0,4}"
                    r"[\d一二两三四五六七八九十半]+个?(?:小时|分钟)|(?:后续|会后|之后|如果)[^，。！？]{0,4}有(?:任何|其他)?问题"
                    r"[^，。！？]{0,8}(?:联系|找我|私信|留言)|简历[^，。！？]{0,6}(?:投|发)(?:到|给)|凭[^，。！？]{1,6}入场|"
                    r"(?:晚宴|午宴|午餐|晚餐|茶歇)(?:在|于)|表示(?:衷心|诚挚|真诚|热烈)?的?(?:感谢|欢迎)|"
                    # Priya, the floor is yours. / Over to you, Wei. / Please welcome…: handing the word over in English
                    r"(?i:\bthe floor is yours\b|\bover to you\b|\b(?:please|let['’]s) welcome\b)")
# 最后我说一下整体策略。, 但是我想说两件事。: announcing what the speaker will say; 最后，请…: the host's prompt
_ANNOUNCEMENT = re.compile(r"(?:好的?[，,]\s?)?(?:最后|首先|先|然后|接下来|下面|那)[，,]?\s?请|"
                           r"(?:好的?|那|但是?|最后|首先|然后)?[，,]?\s?我(?:先|再|来|最后|想)?(?:也)?(?:简单)?(?:说|讲|谈|聊|总结|补充)"
                           r"(?:一下|一句|两句|几句|[两三几]件事|[两三几]点)[^，,。！？!?]{0,8}[。！!]?$|"
                           # 我插一句我的看法啊。, 我再提一个建议。, 下面，我简要介绍一下有关情况。: what comes next announced
                           r"我(?:再)?(?:插|提)(?:一句|一个|一点)(?:我的)?(?:看法|建议|想法|意见|问题)?[啊吧哈呀]?[。！!]?$|"
                           r"(?:下面|接下来|首先)[，,]?\s?我(?:简要|简单)?(?:地)?(?:介绍|汇报|说明)一下[^，,。！？!?]{0,8}[。！!]?$|"
                           # 接下来是过程奖励之争。, 好，接下来进入讨论。: the next part of the session announced
                           r"(?:好的?[，,]\s?)?接下来(?:我们)?(?:是|进入)[^，,。！？!?]{1,16}[。！!]?$|"
                           # 接下来聊交易所。, 最后聊一下融资。, 先问一个大家最关心的问题。, 明年我们有两件事。: the next
                           # topic or question, or how many points come
                           r"(?:好[，,]\s?)?(?:那\s?)?(?:接下来|下面|然后|那|最后|首先|先)(?:我们)?(?:再)?(?:聊聊?|谈谈?|说说?|讲讲?|问)(?:一下)?[^，,。！？!?]{1,10}[。！!]?$|"
                           # 那接下来一个很多人关心的问题：安全和标准。: the next question named
                           r"(?:好[，,]\s?)?(?:那\s?)?(?:接下来|下面|最后)(?:是)?(?:一个|的)?[^，,。！？!?]{0,14}问题[：:][^，,。！？!?]{1,16}[。！!]?$|"
                           r"[^，,。！？!?]{0,6}(?:我们)?有[两三四五几](?:件事|点|条)[。：:]?$|"
                           # 然后第二件事是华为那边。, 最后一个事情是招聘。: the meeting's next item
                           r"(?:然后|接下来|下面|最后)?[，,]?\s?(?:第[一二三四五六七八九十]|最后一)(?:件|个)事(?:情)?(?:是|就是)?"
                           r"[^，,。！？!?]{0,10}[。！!]?$|"
                           # 大家看这张图。, 请大家看一下这页PPT。: a talk pointing at its slide
                           r"(?:但是?|那|好)?[，,]?\s?(?:请)?大家(?:来)?看(?:一下)?(?:这|下面)(?:一)?(?:张|页|个|组)?"
                           r"(?:图|表|PPT|幻灯片|数据|曲线)[^，,。！？!?]{0,6}[。！!]?$|"
                           # 好，那我们开始吧，…: the meeting begins
                           r"(?:好的?[，,]\s?)?(?:那)?(?:我们)?(?:就)?(?:正式)?开始吧")
# 我的建议有三条, 给大家三点建议: a list of advice announced, its items after (第一，…；第二，…)
_ADVICE_LIST = re.compile(r"(?:建议|忠告)[^，,。！？!?]{0,4}?有?[两三四五六几](?:条|点|个)|[两三四五六几](?:条|点|个)(?:建议|忠告)")
_LIST_ITEM = re.compile(r"^(?:第[一二三四五六七八九十]|[一二三四五六七八九]是|首先|其次|再次|最后)(?:条|点)?[，,、：:]")
# 第二，Temu要不要继续加码；, 第三，下半年怎么调整组合。: an agenda's item, a question to be taken up, no answer
_AGENDA_ITEM = re.compile(r"^(?:第[一二三四五六七八九十]|[一二三四五六七八九]是)(?:个|条|点|块|部分)?[，,、：:]\s?[^，,。；;！？!?]{0,30}?"
                          r"(?:要不要|该不该|能不能|会不会|是不是|怎么|如何|是否|哪些)[^，,。；;！？!?]{0,20}[；;。]?$")
_ADVICE_ITEM_SCORE = 1.0
# 我先说第二点, 我补充两点: how the speaker orders their answer, not what they say
_MARKER = re.compile(r"^(?:那么?|好|嗯|所以|然后)?[，,]?\s?(?:我)?(?:先|再|就|来|最后)?(?:说|讲|谈|补充|回答)(?:一下)?"
                     r"(?:第[一二三四五六七八九十]|[一两二三四五几])(?:点|个问题|个方面)[，,：:]?\s?")
# 这个问题非常好，…, 非常好的问题。: praise for the question answered, before the answer
_PRAISE = re.compile(r"^(?:(?:这个|你这个|您这个)问题(?:问得)?(?:非常|很|特别)?好|(?:非常|很|特别)?好的?问题)[，,。！!]\s?")
# （笑）现在还没想。: a stage direction the transcript opens the sentence with, nobody's words
_STAGE_DIRECTION = re.compile(r"^\s*[（(](?:笑|大笑|笑声|掌声|鼓掌|停顿|沉默|叹气)[）)]\s*")
# @Kevin陈 我昨天…, @星河机器人邵嘉禾：我认为…: a message addressing or posted by a handle; the claim is what it says
_HANDLES = re.compile(r"^(?:@[^\s@：:，,。]{1,20}\s*[：:]?\s*)+")
# 是的，我的意思是，…: an assent or a hedge opening a sentence, which goes on to say something
_ASSENT = re.compile(r"^(?:(?:是的|对的|对|没错|确实|嗯+|好的)[，,]\s?)+(?:我的意思是|我是说|就是说)?[，,]?\s?")
_DECLARATIVE = _ChineseOrEnglish.of(r"是|有|会|能|要|在|让", r"\b(?:is|are|was|were|has|have|can|will)\b")
_COMPILED = tuple((kind, re.compile(pattern), weight) for kind, pattern, weight in _CUES)
_DISAGREES = next(pattern for kind, pattern, _ in _COMPILED if kind is ClaimType.DISAGREEMENT)
# the cues a sentence without a Latin letter can match: all but those that hold one in every alternative
_CHINESE_CUES = tuple(cue for cue, (_, pattern, _) in zip(_COMPILED, _CUES) if not pattern.startswith("(?i)"))
# the English cues' alternatives in one pattern, which matches where any of them does: a sentence with
# Latin letters (names, products) but none of these words is searched once for them, not once per cue
_ANY_ENGLISH_CUE = led_by("[abefghilmnrstw]", "|".join(pattern.removeprefix("(?i)") for _, pattern, _ in _CUES
                                                         if pattern.startswith("(?i)")), re.I)
_QUESTION = re.compile(r"(?:[?？]|吗|呢)[”\"）)]*$")
# 想问一下海外业务的进展。, 请问…, 我的问题是…, I have a question about…: asking, whatever the sentence ends with
_ASKING = re.compile(r"(?:^|[，,]\s?)(?:我|那我|那|好)?(?:还|再)?(?:想|要|想再)问(?:一下|一个|两个|一句|您|你)|^请问|我的问题是|"
                     r"问题想请教|(?:想|要)请教|"
                     r"(?i:\bI(?: have|'ve got|'d like to ask) a question\b|\bmy question is\b)")
# 先聊聊你为什么离开…。, 想请周主任介绍一下…。, 最后，请每位嘉宾用一句话展望一下…。, 最后给…一点建议吧。:
# asking someone to speak
_PROMPT_VERBS = ("一下", "聊聊", "谈谈", "说说", "讲讲", "建议", "预测", "判断")  # one is in every prompt
_PROMPT_VERB = re.compile("|".join(_PROMPT_VERBS))  # one search for them all, not a substring test each
_PROMPT = re.compile(r"(?:^|(?<=[，,]))\s?(?:(?:那|好|最后|首先|接下来|正好)[，,]?\s?){0,2}(?:(?:想|想再|再)?请(?!大家)|先|也|你|您|"
                     r"(?=给)|(?=每人|每位))"
                     r"[^，,。！？!?我]{0,14}?(?:聊聊|谈谈|说说|讲讲|介绍一下|分享一下|展望一下|回应一下|评价一下|解释一下|"
                     r"聊一下|谈一下|说一下|讲一下|给[^，,。！？!?我]{0,14}?(?:一点|一个|一些|几点|几条)[^，,。！？!?我]{0,10}?"
                     r"(?:建议|预测|判断))")
# 我不认为只会有一个模型，对吧？ asserts, asking only for assent
_TAG_QUESTION = re.compile(r"(?:[，,]\s?|^)(?:对吧|是吧|对不对|是不是|不是吗|没错吧|好吗|right|isn't it|don't you think)[?？]$")
_FILLER = re.compile(r"^(?:好的|(?:首先|再次|也)?(?:谢谢|感谢)|是的|对[，,。！]|嗯|没错|大家好|很高兴|欢迎)|"
                     r"^(?i:(?:yeah|yes|right|thank you|thanks|okay|ok|well|so)\b[^a-z]*$)")
_SENTENCE_END = led_by("[。！？!?.]", r"[。！？!?]+|\.(?=\s|$)")  # an English sentence ends with a full stop
# 第一，…；第二，…；第三，…。: the items of a list, one sentence each though semicolons part them
_SENTENCE_OR_ITEM_END = led_by("[。！？!?.；;]", r"[。！？!?]+|\.(?=\s|$)|[；;]\s?(?=第[一二三四五六七八九十]|[二三四五六七八九]是|其次|再次|最后)")
_MIN_CHARS = 8
_MAX_SHARE = 0.65  # of a turn's sentences (ended by 。！？ or an English full stop) and list items that may become claims, rounded up
_BUDGET = 0.55  # of all the turns' sentences: claims are the assertions, not every sentence
_MIN_SCORE = 0.3  # a plain statement (是, 有, 会) may fill what the budget leaves
_AGREEMENT_WEIGHT = 3.0  # a sentence a relation reads as agreeing with someone
_DECLARATIVE_WEIGHT = 0.3


def extract_claims(transcript: Transcript, sentences: Sequence[Sentence],
                   relations: tuple[Relation, ...]) -> tuple[tuple[Claim, ...], tuple[Question, ...]]:
    text = transcript.document.text
    moderator = transcript.moderator
    askers = _askers(transcript)
    host = _host(transcript)
    agreed = _agreements(sentences, relations)
    scored: list[tuple[float, Sentence, ClaimType, str | None, str]] = []
    questions: list[Question] = []
    turn_sentences: dict[int, int] = {}
    # each sentence of a turn with its spoken pieces, where it runs past a line, and whether it asks
    spoken = []
    for sentence in sentences:
        if sentence.turn_index is not None:
            body = sentence.text(transcript)
            spoken.append((sentence, body, _asks(body)))
    closing_asks = _closing_questions(transcript, spoken)
    advising: set[int] = set()  # the turns that announced a list of advice
    advice: set[int] = set()  # the starts of its items
    for sentence, body, asks in spoken:
        turn = speaking_turn(transcript, transcript.turns[sentence.turn_index - 1])
        if asks:
            if turn.speaker == moderator or turn.speaker in askers or sentence.start >= closing_asks.get(turn.index, len(text)):
                questions.append(Question(turn.speaker, turn.index, sentence.start, sentence.end, body,
                                          _answers(transcript, turn.index, askers, host, body)))
            continue  # a question asserts nothing, whoever asks it
        marker = _MARKER.match(body) or _ASSENT.match(body) or _STAGE_DIRECTION.match(body) or _PRAISE.match(body)
        handles = _HANDLES.match(body)
        if marker is None and handles and len(body) - handles.end() >= _MIN_CHARS:  # @Kevin陈 说得对。 stays whole
            marker = handles
        if marker:  # 我先说第二点，…, 是的，…, @赵磊 …: the claim is what follows the marker
            sentence = Sentence(sentence.offset(transcript, marker.end()), sentence.end, sentence.turn_index,
                                sentence.mentions)
            body = body[marker.end():]
        if _ADVICE_LIST.search(body):
            advising.add(turn.index)
        if (len(body) < _MIN_CHARS or _FILLER.match(body) or _LOGISTICS.search(body) or _ANNOUNCEMENT.match(body)
                or _COURTESY.fullmatch(body.strip()) or _AGENDA_ITEM.match(body)):
            continue
        score, kind, cue = _score(body)
        item = _LIST_ITEM.match(body) if turn.index in advising else None
        if item:  # 我的建议有三条。第一，…；第二，…: each item advises
            score, kind, cue = max(score, _ADVICE_ITEM_SCORE), ClaimType.RECOMMENDATION, item.group()
            advice.add(sentence.start)
        if sentence.start in agreed:
            score, kind = score + _AGREEMENT_WEIGHT, ClaimType.AGREEMENT
        if score >= _MIN_SCORE and not _reported(text, sentence, turn.speaker) \
                and not _introduces_self(body, turn.speaker) \
                and not (turn.speaker in askers and _SELF_INTRO_OPENING.fullmatch(body.strip().rstrip("。！!"))) \
                and not (sentence.start not in agreed and (turn.speaker == moderator or turn.speaker in askers)
                         and _turns_to(text, sentence)) \
                and not (turn.speaker in askers and _sets_up(text, sentence)):
            scored.append((score, sentence, kind, cue, body))
    scored, questions = _said_once(transcript, scored, questions)
    for turn in transcript.turns:
        turn_sentences[turn.index] = sum(1 for x in _SENTENCE_OR_ITEM_END.split(turn.text(transcript.document)) if len(x) > 4)
    claims = list(_densest(scored, turn_sentences))
    said_in = int(transcript.date[:4]) if transcript.date else None
    out = []
    for score, sentence, strongest, cue, body in sorted(claims, key=lambda c: c[1].start):
        turn = speaking_turn(transcript, transcript.turns[sentence.turn_index - 1])
        kind = ClaimType.RECOMMENDATION if sentence.start in advice else _claim_type(body, strongest, said_in)  # typed once kept
        about = tuple(m for m in sentence.mentions if m.kind is not Kind.PERSON or m.text != turn.speaker)
        amounts = tuple(v for _, _, values in find_amounts(text, sentence.start, sentence.end) for v in values)
        out.append(Claim(turn.speaker, turn.index, sentence.start, sentence.end, body, kind, cue, about,
                         agreed.get(sentence.start, ()), amounts))
    return tuple(out), tuple(questions)


def _said_once(transcript: Transcript, scored: list, questions: list[Question]) -> tuple[list, list[Question]]:
    """The claims and questions less an interpreter's that say again what the turn they render has
    (at least half as many of its own): a guest's English and its interpretation are one
    utterance, but a rendering of words the page gives only in part holds the speaker's claims."""
    claims_in = Counter(s[1].turn_index for s in scored)
    questions_in = Counter(q.turn_index for q in questions)
    claims_again, asked_again = set(), set()
    for turn in transcript.turns:
        rendered = interpreted_turn(transcript, turn)
        if rendered is not None:
            if claims_in[rendered.index] >= _SAID_AGAIN * claims_in[turn.index]:
                claims_again.add(turn.index)
            if questions_in[rendered.index]:
                asked_again.add(turn.index)
    return ([s for s in scored if s[1].turn_index not in claims_again],
            [q for q in questions if q.turn_index not in asked_again])


_SAID_AGAIN = 0.5


def _agreements(sentences: Sequence[Sentence], relations: tuple[Relation, ...]) -> dict[int, tuple[Party, ...]]:
    """Whom the sentence starting at each offset agrees with.  Relations are read from the
    paragraphs' sentences, which in subtitles may be pieces of one sentence running across cues:
    an agreement belongs to the sentence holding its start."""
    starts = [s.start for s in sentences]
    agreed: dict[int, tuple[Party, ...]] = {}
    for r in relations:
        if r.predicate is Predicate.AGREES_WITH:
            at = bisect.bisect_right(starts, r.start) - 1
            start = sentences[at].start if at >= 0 and r.start < sentences[at].end else r.start
            agreed[start] = agreed.get(start, ()) + (r.object,)
    return agreed


def _score(body: str) -> tuple[float, ClaimType, str | None]:
    """How strongly the sentence asserts, the kind of its strongest cue, and that cue."""
    latin = _LATIN_LETTER.search(body) is not None
    score = _DECLARATIVE_WEIGHT if _DECLARATIVE.search(body, latin) else 0.0
    best_kind, best_weight, cue = ClaimType.JUDGEMENT, 0.0, None
    english = latin and _ANY_ENGLISH_CUE.search(body) is not None
    for kind, pattern, weight in _COMPILED if english else _CHINESE_CUES:
        match = pattern.search(body)
        if match:
            score += weight
            if weight > best_weight:
                best_kind, best_weight, cue = kind, weight, match.group()
    return score, best_kind, cue


def _claim_type(body: str, strongest: ClaimType, said_in: int | None = None) -> ClaimType:
    """What the sentence asserts: a recommendation says 建议/应该, a prediction needs a future
    reference (and no past one: biography predicts nothing); agreement and figures as scored.
    ``said_in``, the year the document is dated, makes a later year a future reference
    (2026年是L3元年, said in 2025)."""
    latin = _LATIN_LETTER.search(body) is not None
    if strongest is ClaimType.AGREEMENT and _DISAGREES.search(body):
        return ClaimType.DISAGREEMENT  # 方向我赞同，但幅度我不赞同: agreeing in part is differing
    if strongest in (ClaimType.AGREEMENT, ClaimType.DISAGREEMENT):
        return strongest
    if _RECOMMENDS.search(body, latin):
        return ClaimType.RECOMMENDATION
    if _FORECAST.search(body, latin) or _FUTURE.search(body, latin) and not _PAST.search(body):
        return ClaimType.PREDICTION
    if said_in and not _PAST_WORD.search(body) and any(int(y) > said_in for y in _YEAR.findall(body)):
        return ClaimType.PREDICTION
    if strongest is not ClaimType.FIGURE and _OWN_PAST.search(body) and not _STANCE.search(body):
        return ClaimType.EXPERIENCE  # 我2006年进的中芯国际, 之前我在华为做了八年: what the speaker lived
    if strongest in (ClaimType.PREDICTION, ClaimType.RECOMMENDATION):
        return ClaimType.JUDGEMENT
    if strongest is ClaimType.JUDGEMENT and _COUNT.search(body) and not _STANCE.search(body):
        return ClaimType.FIGURE  # 我们一共交付了三百二十台, 团队现在有一百五十人: a count, stated
    return strongest


def _densest(scored, turn_sentences: dict[int, int]) -> list:
    """Per turn, keep at most ``_MAX_SHARE`` of its sentences, the highest-scoring ones; over the
    whole transcript at most ``_BUDGET`` of the turns' sentences, again the strongest."""
    by_turn: dict[int, list] = {}
    for item in scored:
        by_turn.setdefault(item[1].turn_index, []).append(item)
    kept = []
    for turn_index, items in by_turn.items():
        limit = max(1, math.ceil(turn_sentences[turn_index] * _MAX_SHARE))
        kept.extend(sorted(items, key=lambda c: (-c[0], c[1].start))[:limit])
    budget = int(sum(turn_sentences.values()) * _BUDGET + 0.5)
    return sorted(kept, key=lambda c: (-c[0], c[1].start))[:budget]


_SELF_INTRO = re.compile(r"我(?:是|叫)[^，,。；;！!？?]{1,24}[。！!]?$")
# 大家好，我是青橙科技的项目总监高建国，今天…: a sentence whose first clauses say who the speaker is (and
# the whole of an asker's 我是来自华夏资管的王先生。, said before the question)
_SELF_INTRO_OPENING = re.compile(r"^(?:[^，,。]{0,10}[，,]\s?)?我(?:是|叫)[^，,。；;！!？?]{1,30}")


_SECOND_PERSON = re.compile(r"[你您]")


def _turns_to(text: str, sentence: Sentence) -> bool:
    """``赵校长，您是在一线的。``, ``邓总，你们做产品的人感受更直接。``: the one who asks calling on the
    next to speak and setting up the question, which asserts nothing of the asker's own."""
    called = next((m for m in sentence.mentions if m.kind is Kind.PERSON and m.start == sentence.start), None)
    return (called is not None and text[called.end:called.end + 1] in "，,"
            and _SECOND_PERSON.search(text, called.end, sentence.end) is not None)


def _sets_up(text: str, sentence: Sentence) -> bool:
    """``你在字节待了五年，现在…也是你的竞争对手。``: the one who asks telling the one asked about
    themselves, the ground of the question to come, no view of the asker's own."""
    at = _OPENING.match(text, sentence.start, sentence.end).end()
    return (_SECOND_PERSON.match(text, at) is not None and not _DISCOURSE_YOU.match(text, at)
            and _OWN_VIEW.search(text, at, sentence.end) is None)


_DISCOURSE_YOU = re.compile(r"[你您](?:知道|看|想想?|说)")  # 你知道，…: a turn of speech, no one addressed


def _introduces_self(body: str, speaker: str) -> bool:
    """``我是Grace。``, ``周老师好，我是经济学院的博士生王梓涵。``, ``我是网易游戏的韩立峰，目前负责…``:
    the speaker saying who they are (and what they do, which belongs to the introduction)."""
    intro = _SELF_INTRO.search(body) or _SELF_INTRO_OPENING.match(body)
    return intro is not None and speaker in intro.group()


# 他建议…, Demis Hassabis说过，…: a sentence opening with what another person says, which the speaker
# only reports (就像海龙说的，… and 我听到陈鑫说…，但我觉得… are the speaker's own)
_OPENING = re.compile(r"(?:但是?|而且?|其实|所以|另外|当时|总结一下|总的来说)?[，,]?\s?(?:我记得|记得)?")
# 他们, 她, 我们老板, 他们的商务老陈, 客户: someone other than the speaker, named or not, with when they said it
_THIRD_PERSON = re.compile(r"(?:(?:他|她)们?|(?:我们?|他们?|她们?)?的?(?:老板|领导|客户|同事|合伙人|投资人|导师|股东|"
                           r"(?:商务|销售|产品|技术)?(?:老|小)[\u4e00-\u9fff]))(?:上周|上次|之前|当时|那天|昨天|前几天|刚才)?")
# 很多人说…, 有投资人觉得…, 业内也有声音认为…: others, unnamed, whose view the speaker puts forward
_OTHERS = re.compile(r"(?:现在|业内|外界|市场上|网上|行业里)?(?:也)?(?:有|很多|不少|有些|一些|有的|许多)(?:的)?"
                     r"[\u4e00-\u9fff]{0,4}?(?:人|人士|投资人|专家|学者|网友|同行|声音|媒体|用户|机构|分析师|研究员|客户)"
                     # 有一家大公司的制片人, 有位老朋友: someone the speaker does not name, said as one of several
                     r"|有(?:一|个|位|家)[^，,。！？!?]{0,10}?(?:人|老师|朋友|前辈|专家|同行|同事)")
# 我听到一个说法，说…, 现在流行的说法是…: what is said about, no one's view the speaker takes
_HEARSAY = re.compile(r"(?:我|我们)?(?:听到|听说过?)(?:一个|一种|有个|有种)?说法|(?:现在|业内|外界|网上)?(?:流行|常见|普遍)的说法是|"
                      r"(?:外界|网上|业内|市场上?|圈内)(?:都在|一直|也)?传|据传|(?:有)?传闻|(?:有)?传言|"
                      r"有(?:一种|个|种)说法")
# 总结一下，大家普遍认为…: everyone present, whose view a chair sums up
_EVERYONE = re.compile(r"(?:大家|与会(?:专家|嘉宾)|各位嘉宾)(?:普遍|基本上?|一致)?")
# 也, 一直, 以前常, 有一次: how often or when someone said what follows
_SAYING_WHEN = (r"(?:也|还|又|就|都|曾经|曾|一直|经常|常|总是|总|当时|之前|以前|有一次|普遍|今年|去年|最近|前两天|前几天|"
                r"昨天|上周|上个月|年初|(?:在|于)[^，,。！？!?]{1,10}?[上里中])*")  # 今年在发布会上说: when and where
_SAYS = re.compile(_SAYING_WHEN + r"(?:说过?|讲过?|表示|认为|建议|提到过?|觉得|告诉我|"
                   r"的(?:看法|观点|说法|意思)(?:是|就是|跟))")
_OF = re.compile(r"\s?的\s?")
# 李想之前在一次访谈里说，…, 周嘉树跟我说过：…: when or to whom, then a verb of saying that opens a quotation
_SAYS_WHEN = re.compile(r"[^，,。！？!?：:]{1,12}?(?:(?<![来所])说|讲|表示|提到|告诉我们?)过?\s?[，,：:]")  # not 对他来说
_THEY_SAY_LATER = re.compile(r"[，,]\s?(?:他|她)们?(?:也|还|一直|有一次|曾经|之前)?(?:跟我们?|对我们?)?(?:觉得|认为|相信|说|讲|表示|预计)")
_OWN_VIEW = re.compile(r"我(?:们)?(?:个人)?(?:觉得|认为|相信|的(?:看法|感受|观点|判断))|但我|我(?:也|很|非常|完全|是)*(?:赞成|同意|赞同|认同)")


# 跟我说过，…, 告诉我：…, 经常讲一句话：…, 他的说法是…, 周老师以前常说，…: saying that opens a quotation
# wherever the sentence puts it, after the one who said it (就像他说的，… is the speaker's own)
_TOLD_ME = re.compile(r"\s?(?:[（(]化名[)）])?(?:老师|总|教授|博士|先生|女士)?\s?" + _SAYING_WHEN +
                      r"(?:(?:跟|对|和)我们?(?:说|讲)过?|告诉过?我们?|(?:说|讲)过?一句话|的说法是|(?:说|讲)过?\s?[，,：:])")
# the others who say something to the speaker: 他, 她, 朋友, 同事, 老板 (a named one is a mention)
_TELLER = re.compile(r"(?:他|她|朋友|同事|老板|领导|导师|前辈|同学|合伙人|投资人)们?")


def _reported(text: str, sentence: Sentence, speaker: str) -> bool:
    """The sentence opens with another person (or 他, or others unnamed: 很多人) and a verb of saying,
    or says further on that another person told the speaker something (何静跟我说过，…), and gives no
    view of the speaker's own: it reports what someone else said."""
    if _told_by_another(text, sentence, speaker):
        return _OWN_VIEW.search(text, sentence.start, sentence.end) is None
    at = _OPENING.match(text, sentence.start, sentence.end).end()
    if _HEARSAY.match(text, at, sentence.end):
        return _OWN_VIEW.search(text, at, sentence.end) is None
    organization = next((m for m in sentence.mentions if m.kind is Kind.ORGANIZATION and m.start == at), None)
    of = organization and _OF.match(text, organization.end, sentence.end)
    if of:  # OpenAI的山姆·奥特曼说过: the person of an organisation
        at = of.end()
    who = (_THIRD_PERSON.match(text, at, sentence.end) or _OTHERS.match(text, at, sentence.end)
           or _EVERYONE.match(text, at, sentence.end) or _addressed_other(text, at, sentence.end, speaker))
    end = who.end() if who else next((m.end for m in sentence.mentions if m.kind is Kind.PERSON and m.start == at
                                      and m.text != speaker), None)
    says = _SAYS.match(text, end, sentence.end) if end is not None else None
    told = _SAYS_WHEN.match(text, end, sentence.end) if end is not None and says is None else None
    if says is None and told is None:  # 吴迪比我还激进，他觉得会到70%: the view of another, said later on
        body = text[sentence.start:sentence.end]
        later = ("他" in body or "她" in body) and _THEY_SAY_LATER.search(body)
        return bool(later) and _OWN_VIEW.search(body) is None
    return _OWN_VIEW.search(text, end, sentence.end) is None


def _told_by_another(text: str, sentence: Sentence, speaker: str) -> bool:
    """Another person, named (``何静跟我说过``, ``黎川（化名）跟我说过一句话``) or not (``朋友跟我说``,
    ``他的说法是``), right before a saying that opens a quotation."""
    if not _SAYING_WORD.search(text, sentence.start, sentence.end):
        return False  # every telling _TOLD_ME reads says 说, 讲 or 告诉
    tellers = [(m.start, m.end) for m in sentence.mentions if m.kind is Kind.PERSON and m.text != speaker]
    tellers += [m.span() for m in _TELLER.finditer(text, sentence.start, sentence.end)]
    return any(_TOLD_ME.match(text, end, sentence.end) and text[start - 1:start] not in _TOLD_TO
               for start, end in tellers)


_TOLD_TO = ("跟", "对", "和", "给", "向")  # 我常跟他们说，…: the speaker saying it to them
_SAYING_WORD = re.compile(r"[说讲告]")


# 钱总的意思是…, 王老师说过…: someone called by surname and a form of address (the names' own forms)
_ADDRESSED = re.compile(r"(?P<surname>[\u4e00-\u9fff]{1,2}?)(?:"
                        + "|".join(sorted(HONORIFICS + SURNAME_POSTS, key=len, reverse=True)) + ")")


def _addressed_other(text: str, at: int, end: int, speaker: str) -> re.Match[str] | None:
    """A surname and a form of address opening the sentence, of someone other than the speaker."""
    called = _ADDRESSED.match(text, at, end)
    if called is None or surname_of(called["surname"]) != called["surname"] or speaker.startswith(called["surname"]):
        return None
    return called


def _asks(body: str) -> bool:
    """A question, or a sentence that says it asks one (``想问一下…进展。``); not a tag question."""
    return bool(_QUESTION.search(body) and not _TAG_QUESTION.search(body) or _says_it_asks(body))


def _says_it_asks(body: str) -> bool:
    return (("问" in body or "教" in body or "uestion" in body) and _ASKING.search(body) is not None  # most hold neither
            or _PROMPT_VERB.search(body) is not None and _PROMPT.search(body) is not None)


def voices_others(text: str, start: int, end: int) -> bool:
    """Whether the text puts forward the view of others unnamed (``有投资人觉得…``): agreeing or
    differing with it is not with the one who put it forward."""
    return any(_SAYS.match(text, m.end(), end) for m in _OTHERS.finditer(text, start, end))


def _host(transcript: Transcript) -> str | None:
    """The moderator when the text says they host (a host's label, ``主持人：``, or the introduction),
    not only because they open the conversation and speak most (a guest may)."""
    moderator = transcript.moderator
    if moderator is None:
        return None
    record = transcript.speaker_record(moderator)
    return moderator if record.hosts or {moderator, *record.aliases} & HOST_LABELS else None


# 谢谢。, 谢谢大家！, Thank you.: the courtesy an asker closes with, after the question
_THANKS_AT_END = re.compile(r"(?<=[？?。！!])\s*(?:(?:好的?|那)[，,]?\s?)?(?:谢谢|感谢|多谢)(?:大家|您|你|管理层|各位)?[。！!]?\s*$|"
                            r"(?<=[?.!])\s*(?:Thank you|Thanks)[.!]?\s*$")
_LAST_SENTENCE_REACH = 200  # a turn's last sentence is looked for in its last characters, not the whole turn
_ACKNOWLEDGEMENT_CHARS = 12  # a shorter turn that asks nothing thanks or acknowledges


def _askers(transcript: Transcript) -> frozenset[str]:
    """Speakers most of whose turns end with a question: an interviewer where the guest speaks more,
    a reporter, a co-host; a guest's rhetorical question closing an answer asks no one."""
    asked: dict[str, list[bool]] = {}
    for turn in transcript.turns:
        said = _THANKS_AT_END.sub("", turn.text(transcript.document).rstrip())  # …有什么影响？谢谢。
        last = _SENTENCE_END.split(said[-_LAST_SENTENCE_REACH:].rstrip("。！？!?.…"))[-1]
        asks = bool(_QUESTION.search(said) or _says_it_asks(last) or _ASKING.match(said))  # 请问…？特别是…。
        if asks or len(said) >= _ACKNOWLEDGEMENT_CHARS:  # 明白，谢谢。 after the answer neither asks nor answers
            asked.setdefault(turn.speaker, []).append(asks)
    return frozenset(name for name, ends in asked.items() if sum(ends) * 2 > len(ends))


def _closing_questions(transcript: Transcript, spoken: Sequence[tuple[Sentence, str, bool]]) -> dict[int, int]:
    """Where the questions a turn closes with begin, by turn, when the next turn is another speaker's,
    not the moderator's, and answers (asks nothing back, says more than a word of thanks): 你用的是多少？
    put in a meeting or by a judge, whoever speaks most; a guest's rhetorical 为什么？ inside an answer,
    or one the moderator moves on from, is none."""
    tails: dict[int, int] = {}
    for sentence, said, asks in spoken:
        if asks and not _QUOTED_WORDS.search(said):
            turn = transcript.turns[sentence.turn_index - 1]
            if _SECOND_PERSON.search(said) or turn.end - turn.start <= _ASKING_TURN_CHARS:
                tails.setdefault(sentence.turn_index, sentence.start)
        elif not (len(said) < _ACKNOWLEDGEMENT_CHARS and _FILLER.match(said)):  # …多少？谢谢。 still closes with it
            tails.pop(sentence.turn_index, None)
    turns = transcript.turns
    hosting = {transcript.moderator} | {name for name in transcript.speakers
                                        if {name, *transcript.speaker_record(name).aliases} & HOST_LABELS}
    return {index: start for index, start in tails.items()
            if index < len(turns) and turns[index].speaker != turns[index - 1].speaker
            and turns[index].speaker not in hosting and _answering(transcript, turns[index])}


_QUOTED_WORDS = re.compile(r"[“”\"「」]")  # 你就像：“真的吗？”: someone's words quoted, no question put
# a turn this long that closes with a question put to no one (…能量消耗是不是值得?) is an answer wondering aloud
_ASKING_TURN_CHARS = 160


def _answering(transcript: Transcript, turn) -> bool:
    said = turn.text(transcript.document).rstrip()
    return len(said) >= _ACKNOWLEDGEMENT_CHARS and not _QUESTION.search(said)


def _answers(transcript: Transcript, index: int, askers: frozenset[str], host: str | None,
             question: str) -> tuple[int, ...]:
    """The turns after a question until the asker, the host, or another who asks (a co-host, the
    next reporter) speaks, or a short turn after the first asks (a new question; a long answer may
    end on a question it puts to itself);
    of a question put to one speaker by name (陆总先来？), that speaker's."""
    asker = transcript.turns[index - 1].speaker
    put_to = _put_to(question, [s for s in transcript.speakers if s != asker])
    out = []
    for turn in transcript.turns[index:]:
        if turn.speaker in (asker, host) or turn.speaker in askers:
            break
        said = turn.text(transcript.document).strip()
        if out and len(said) <= _SHORT_TURN and _QUESTION.search(said) and len(_LAST_SENTENCE.search(said)[0]) > _TAG:
            break  # 那数据的版权怎么办？ asks anew; 成本降得很快。对吧？ only seeks assent
        if put_to is None or turn.speaker == put_to:
            out.append(turn.index)
    return tuple(out)


_SHORT_TURN = 80  # characters: a turn no longer than this that ends asking is a question of its own
_LAST_SENTENCE = re.compile(r"[^。！!？?]*[。！!？?]*$")
_TAG = 5  # characters: a last sentence no longer (对吧？, 是不是？) tags a statement, asking nothing new


def _put_to(question: str, speakers: Sequence[str]) -> str | None:
    """The one speaker a question opens by calling (陆总先来？, 知远，你怎么看？): by name, by surname
    and a form of address, or by given name; not one it speaks about (刚才海龙总提到…)."""
    opening = _CALLING.match(question)
    if opening is None:
        return None
    called_by = opening["called"]
    called = [s for s in speakers if surname_of(s) and called_by in (
        s, s[len(surname_of(s)):], *(surname_of(s) + form for form in HONORIFICS))]
    return called[0] if len(called) == 1 else None


# 陆总先来？, 知远，你怎么看？, 好，陶然你说: a name or an address opening a question, then a pause or a bidding
_CALLING = re.compile(r"(?:好的?|那|那么)?[，,]?\s?(?P<called>[\u4e00-\u9fff]{2,4}?)(?:[，,]|先|来|你|您|请)")

