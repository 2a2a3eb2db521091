"""The shape of a Chinese personal name: a surname from the standard list and one or two characters."""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter

from talkgraph.ontology import lexicon

# a word after a name that makes it a firm's or a works' (某某酒店, 李群自动化, 罗勇工厂): no person's
FIRM_WORD = re.compile(r"(?:酒店|集团|公司|科技|银行|电器|电气|电梯|租赁|地产|置业|控股|股份|实业|药业|传媒|律师|会计|"
                      r"证券|投资|基金|医院|学校|大学|学院|商场|超市|餐厅|饭店|宾馆|地图|网|"
                      r"工厂|自动化|机器人|工业|制造|智能|汽车|能源|电子|医疗|生物|物流|资本|创投|半导体|数科|出行)")
# characters that end a name rather than continue it
# adverbs and conjunctions that open or join clauses and no given name uses: 官员却认为, 乐观地表示
CLAUSE_WORDS = frozenset("却且并则便仍皆地带")
NOT_IN_NAME = frozenset("的了是在和与及说讲等也都就还又跟对把被给为以而从到老总主谈问答表认提指介透称曾已将会能要这那们个先女"
                        "教院同现目今年月日者人我你他她它啊吧呢吗呀哦嗯么很太更最再才就只上下里来去过着比"
                        "不其") | CLAUSE_WORDS  # 许蕾|不同意, 陈述|其亲身: a negation or pronoun after the name


# forms of address that follow a name or surname: 田奇老师, 田老师, 海龙总
HONORIFICS = ("老师", "教授", "博士", "先生", "女士", "院士", "主任", "老板", "同学", "总", "医生", "导演", "律师", "董秘", "董",
              "师兄", "师姐", "师弟", "师妹", "师傅")
# posts that address a person after the surname alone (辛部长, 何院长): after a full name they are titles
SURNAME_POSTS = tuple(prefix + post for post in ("院长", "部长", "校长", "所长", "局长", "书记", "厅长", "市长", "省长",
                                                "区长", "县长", "处长", "科长", "司长", "行长", "会长", "社长", "庭长",
                                                "台长", "馆长", "主编", "总监", "经理", "主席", "董事长", "总经理")
                      for prefix in ("", "副"))
HONORIFIC = re.compile("(?:" + "|".join(HONORIFICS + SURNAME_POSTS) + ")$")
# one-character forms said after the surname alone, never after a name, and opening other words (工作,
# 员工): 贺工, as engineers are called at work
SURNAME_FORMS = ("工",)


@lru_cache(maxsize=1)
def forms_after_a_name() -> tuple[str, ...]:
    """What may follow a name or a surname to call or title a person (邵老师, 钱主任, 邵建华研究员): the forms
    of address, the posts said after a surname, and the lexicon's titles in Chinese, longest first."""
    titles = (t for t in lexicon.titles() if not t.isascii())
    return tuple(sorted({*HONORIFICS, *SURNAME_POSTS, *titles}, key=lambda f: (-len(f), f)))
_SURNAME_POST = re.compile("(?:" + "|".join(SURNAME_POSTS) + ")$")

# compiled once: the shape tests run on most words of every paragraph
HAN_WORD = re.compile(r"[\u3400-\u9fff]+")
_HAN_NAME_SHAPE = re.compile(r"[\u3400-\u9fff]{2,4}")


@lru_cache(maxsize=65536)
def surname_of(name: str) -> str | None:
    if name[:2] in lexicon.surnames():
        return name[:2]
    if name[:1] in lexicon.surnames():
        return name[:1]
    return None


def address_runs_on(name: str) -> bool:
    """``罗总请``, ``张总请您``: a surname and a form of address with a word glued after it (the
    segmenter's guess): no name, the address ends at its form."""
    surname = surname_of(name)
    rest = name[len(surname):] if surname else ""
    return any(rest.startswith(form) and len(rest) > len(form) for form in HONORIFICS)


def is_han_name(name: str) -> bool:
    """A plausible full Chinese name: a known surname and one or two more characters."""
    if not _HAN_NAME_SHAPE.fullmatch(name):
        return False
    surname = surname_of(name)
    given = name[len(surname):] if surname else ""
    return (surname is not None and 1 <= len(given) <= 2 and (not set(name[1:]) & NOT_IN_NAME or _yi_name(given))
            and not name.endswith(_NOT_A_GIVEN_NAME) and name[1] != name[0]  # 谢谢贺, 常常想: a word, doubled
            and not (len(given) == 2 and name[-1] == surname))  # 林骁林(总): the name, then its surname again


def _yi_name(given: str) -> bool:
    """A given name that opens with 以, which ``NOT_IN_NAME`` holds as a word's (周以宁, 周以真), where
    the two characters make no word (李以为 is 李 and a verb)."""
    return len(given) == 2 and given[0] == "以" and given[1] not in NOT_IN_NAME and given not in _YI_WORDS


_YI_WORDS = frozenset("以为 以后 以前 以及 以来 以上 以下 以外 以内 以便 以免 以至 以致 以往 以此 以其 以求 以防 以期".split())

# 博 names people (许文博, 郑博文) but 博士 after a surname is a form of address (张博士)
_NOT_A_GIVEN_NAME = ("博士",)


def strip_honorific(name: str) -> str:
    """``田奇老师`` → ``田奇``; ``海龙总`` → ``海龙``; ``辛部长``, ``贺工`` → ``辛``, ``贺`` (only after a surname)."""
    post = _SURNAME_POST.search(name)
    start = post.start() if post else len(name) - 1 if len(name) > 1 and name[-1] in SURNAME_FORMS else None
    if start is not None:
        return name[:start] if surname_of(name[:start]) == name[:start] else name
    return HONORIFIC.sub("", name) or name


def firm_word_after(end: int, words: Sequence[tuple[str, int, int]]) -> bool:
    """The word starting at ``end`` (``words`` in text order, ``(word, start, end)``) is a firm's kind
    or industry (自动化, 酒店, 工厂), not a post (律师): the name before it is a firm's or a works'."""
    at = bisect.bisect_left(words, end, key=itemgetter(1))
    return (at < len(words) and words[at][1] == end and FIRM_WORD.fullmatch(words[at][0]) is not None
            and words[at][0] not in lexicon.titles())
