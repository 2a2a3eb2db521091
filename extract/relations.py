"""Relations, roles and quantities read from sentences by patterns over mentions.

Each pattern is general (title + name, organisation + title + name, ``X是Y的负责人``, ``从X到Y``,
``加入X``, ``X出了一个Y``, ``同意X的观点`` …), and each fact keeps the sentence it came from.
First-person words (我, 我们) in a turn stand for that turn's speaker.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence

from talkgraph.ontology import lexicon

from .model import (Kind, Mention, Party, Predicate, Quantity, Relation, RoleStatement, Sentence, SpeakerRef,
                    Transcript, party_key)
from .appointments import FOUNDED_BY_ME
from .brand_products import maker_of, makers
from .chinese_names import is_han_name
from .datelines import dateline_roles
from .known_affiliations import listed_affiliations
from .english_relations import Speakers, english_relations, english_roles, english_speaker_roles
from .lookahead import led_by, words_led_by_first_characters
from .called_names import said_to_be_a_company
from .deferred import DeferredPattern
from .interpreting import interpreted_turn, interprets
from .tables import Cell, Column, table_cells
from .claims import AGREEING_VERB, voices_others
from .numbers import parse_chinese_number
from .organizations import ends_as_organization, label_note
from .periodicals import CLOSING as PERIODICAL_CLOSING

FOUNDER_TITLES = frozenset({"创始人", "联合创始人", "创办人"})
_FOUNDER_EN = re.compile(r"\b(?:co-?)?founder\b", re.I)  # founder and CEO, co-founder
_COFOUNDER_EN = re.compile(r"\bco-?founder\b", re.I)
_BREAK = re.compile(r"[、，,；;和及跟]|以及")
_PAST = re.compile(r"(?:当时|那时|那时候|之前|此前|先前|以前|曾经|曾|早年|原来|最早|更早)")
# 加入X, 入职X, 2008年进X (not 引进, 推进, 改进, 考进 …: bringing in, pushing on, admitted as a student)
_JOIN = re.compile(r"(?:加入了?|进入了?|入职了?|去了|(?<![引推促改先增前跟走迈考住挤打冲买])进了?)\s?$")
_LATER = re.compile(r"后来|之后|随后|然后|最后|如今|现在|目前")
# 加入微软的时候, 加入华为以后: a time the story is told from, not where someone is
_WHEN_JOINED = re.compile(r"\s?(?:的时候|时|以后|之后|后|那年|那一年)")
# 2018年加入X，后来又创办了Y / 三年后离开 / 后来从X到Y: a move after joining, which makes the joined place a former one
# (2016年加入X，2019年跳到Y: a later year's move, a career told in order)
_MOVES_ON = re.compile(r"(?:后来|之后|随后|然后|再|又|接着|年后|(?:19|20)\d{2}年)[^。！？]{0,6}?"
                       r"(?:加入|加盟|创办|创立|创建|成立|去了|到了|来到|进入|跳槽|跳到|转到|转投)|"
                       r"离开|离职|辞职|回国|从[^，,。！？]{1,12}?到")
_AT = re.compile(r"(?:在|于)\s?$")
_PARAGRAPH_START = re.compile(r"(?:^|\n)[\s*_>#-]*$")
_MARKUP_REACH = 8
# 韩东，…, 韩东是…, 韩东曾任…, 韩东1980年生于…: a paragraph about the person its name opens
_BIOGRAPHY_GOES_ON = re.compile(r"[*_]*\s?(?:[，,]|是|曾|现任|现为|出生|生于|毕业|本科|\d{4}年)")
# 加入岚途之前，…, 创办星河以前，…, 回国之前，…: the sentence opens where one was before a move
_BEFORE_JOINING = re.compile(r"\s?(?:在|早在)?(?:加入|创办|创立|创业|来到?|进入|回到|回国|出来)[^，,。；;！？]{0,16}?(?:之前|以前)\s?[，,]")
# 2016年至2020年, 2016-2020年: a span of years that has ended
_CLOSED_YEARS = re.compile(r"(?:19|20)\d{2}\s?年?\s?(?:至|到|-|—|–|~|～)\s?(?:19|20)\d{2}\s?年")
_FUTURE = re.compile(r"将|会|要|计划|预计|打算")
_FROM_TO = re.compile(r"从\s?$")
_FOUND = re.compile(r"(?:创办了?|创立了?|创建了?|成立了?)\s?$")
# 成立了一个小公司，叫拾光影业 / 创办了一所学校“澄心学园”: the founded kind, then its name
_FOUND_NAMED = re.compile(r"(?:创办|创立|创建|成立)了?(?:一|两)?[家个所间支]?[^，,。；;！？]{0,8}?"
                          r"(?:公司|工作室|学校|学园|机构|品牌|基金|团队|平台)(?:[，,]\s?(?:叫做?|名叫|名为|取名为?)|\s?[“\"「『])\s?$")
# 我们将在6月底前挂牌成立X, 计划成立…: a founding to come, which founds nothing yet
_PLANNED = re.compile(r"(?:将|将要|要|计划|准备|打算|拟|即将)[^，,。；;！？]{0,14}(?:创办|创立|创建|成立)[^，,。；;！？]{0,12}$")
# 和前同事何志远一起创办了…, 与大学同学吴迪共同创办…: the one founding with the person named
_WITH = re.compile(r"(?:和|与|跟|同)[^，,。；;！？和与跟]{0,16}$")
_TOGETHER_FOUNDING = re.compile(r"\s?(?:一起|一同|共同|联合)?\s?(?:在[^，,。；;！？!?]{1,8}?)?(?:创办|创立|创建|成立)")
_MADE = re.compile(r"(?:出了|推出了?|发布了?|做了|开发了?|开源了?|研发了?|打造了?|做出了?|创建了?)\s?(?:一个|一款|一套)?\s?(?:新的?)?(?:开源)?(?:模型|大模型|产品|应用)?\s?$")
# 前字节跳动算法工程师, 原阿里巴巴副总裁, 曾任腾讯副总裁: a title held before
_FORMER_WORDS = r"(?:(?:此前|之前|早年)?(?:前|原|曾任|曾经是|曾是|曾担任|担任过))\s?"
_FORMER_MARK = re.compile(_FORMER_WORDS + "$")
# 毕业于清华, 本科是清华, 博士在卡耐基梅隆: a school studied at
_STUDIED = re.compile(r"(?:毕业于|就读于|求学于|留学于?|(?:本科|硕士|博士|研究生|博士后|读博|读研)(?:是|在|于|毕业于)?)\s?$")
# 在Google实习, 在清华读博, 沃顿商学院MBA, 清华毕业
_STUDIED_AFTER = re.compile(r"\s?(?:[，,]\s?)?(?:实习|读书|读博|读研|上学|念书|留学|毕业|求学)|"
                            r"\s?(?:MBA|EMBA|博士后|博士|硕士|本科|学士)(?:学位|毕业)?(?=[，,。；;、）)\s]|$)")  # a degree ends its item
_AGREE = led_by("[很非比基完特十也同赞认]", r"(?:很|非常|比较|基本上|完全|特别|十分|也)*" + AGREEING_VERB)
_DISAGREE = re.compile(r"(?:不太|不完全|不大|不|并不|没法|无法|部分)(?:同意|赞同|认同|赞成)|同意一半|反对|反驳|"  # 部分同意: in part only
                       r"(?:有|说一下|讲一下|提一个|谈一点|说点)(?:一点|一些|点|些)?不同(?:的)?(?:看法|意见|观点|想法)|"  # 我有不同看法。
                       # 我持保留意见, 我稍微泼一点冷水, 我想唱个反调: reserving judgement, or dampening what was said
                       r"(?:持|有|保留)(?:一点|一些|点|些)?保留(?:的)?意见|保留(?:一点|一些|点|些)?意见|泼(?:一点|点|一盆)?冷水|唱(?:个|一个|一下)?反调|"
                       # 我对这个数有点保留。: reservations about something, the clause's last word
                       r"对[^，,。；;！？!?]{1,16}?有(?:一点|一些|点|些)保留(?=[，,。；;！!…]|$)")
# 我站启明这边: taking someone's side
_SIDE_WITH = re.compile(r"站(?:在)?\s?(?P<who>[^，,。；;！？!?]{1,12}?)\s?(?:这边|这一边|一边|那边)|"
                        r"倾向于\s?(?P<leaning>[^，,。；;！？!?]{1,10}?)\s?的(?:意见|观点|看法|方案)")  # 我倾向于雨桐的意见
# 我跟王总的看法不太一样, 我的看法跟你不一样, 我跟罗院长有一点不同的看法, 我和汪老师可能有分歧: a view said to
# differ from someone's
_DIFFERENT_VIEW = re.compile(r"(?:跟|和|与)\s?(?P<who>[^，,。；;！？!?]{1,12}?)\s?(?:(?:的)?(?:看法|观点|想法|判断)?"
                             r"(?:不太|不完全|不大|不是很|不)一样|有(?:一点|一些|点|些)?(?:不同|不一样)的(?:看法|观点|想法|意见|判断)|"
                             # 我和 Kevin 的看法有点不同
                             r"(?<=[法点断])(?:有(?:一点|一些|点|些)?|很|完全)(?:不同|不一样)|"
                             r"(?:可能|还是|也)?有(?:一些|一点|些|点)?分歧)")
# 是的，完全正确 / 你说得对 / 确实如此: a turn that opens by assenting to what was just said
_ASSENT = re.compile(r"(?:是的|对|没错|确实|嗯)?[，,。！!\s]*(?:完全正确|完全同意|说得对|说的对|你说得对|您说得对|确实如此|正是如此|没错|太对了|非常对|的确如此|确实是这样|就是这样|"
                     r"(?:这个|这|你的|您的|你这个|您这个)(?:观点|说法|看法)?(?:很|非常|挺|确实)?有道理|"
                     # 您说得有道理, 你说的有一定道理: what the one spoken to just said
                     r"(?:你|您)(?:刚才)?说(?:得|的)(?:很|非常|挺|确实)?(?:有(?:一定|些)?(?:的)?道理|在理)|"
                     r"(?:这个|你的|您的|你这个|您这个)(?:建议|提议|想法|办法)(?:很|非常|挺|确实)(?:好|对|在理))|确实")
# 对。/ 是的。 alone: assent too in a two-person conversation, to a turn that stated something
# (in a panel it is as often a moderator's back-channel, and whose words it meets is unclear)
_BARE_ASSENT = re.compile(r"(?:我的意思是[，,]\s?)?(?:是的|对的?|没错|确实|的确|这是真的|是这样的?)[。！!]")
_STATEMENT = re.compile(r"[^，,。！？!?\s]{6}")
_QUESTION_END = re.compile(r"(?:[?？]|吗|呢|吧)[”\"）)]*\s*$")
# a question anywhere in a turn (两种路线有什么不一样？我们先请李总。): whoever answers it with 确实 or
# 是的 answers, and agrees with no one
_ASKED = re.compile(r"[?？]|(?:吗|呢)(?=[。！!，,\s]|$)")
_RELATIVE_MADE = re.compile(r"(?:出的|发的|发布的|推出的|开源的|做的|开发的|研发的|打造的)\s?$")
# between a maker and a relative verb: OpenAI 2 月发的 Sora, Google 去年推出的 Gemini
_WHEN = re.compile(r"\s?(?:(?:在)?(?:今年|去年|前年|最近|刚刚|刚|之前|早先)?\s?(?:[\d一二三四五六七八九十]+\s?月份?)?(?:底|初|中)?)?\s?")
_IT_HAS = re.compile(r"\s?[，,]\s?(?:它|他们|它们)(?:有|推出了?|发布了?|做了|的)\s?(?:一个|一款)?\s?")
_PRODUCT_CALLED = re.compile(r"\s?(?:有|推出了?|发布了?|做了)(?:一款|一个|个|款)[\u4e00-\u9fff]{0,6}?(?:叫做|叫作|叫|名为|名叫)\s?")
_IS_MADE_BY = re.compile(r"\s?是\s?")
# Anthropic 的 Claude, 小米SU7, OpenAI o1: a model right after its maker's name, 的 between or not
_OWNED = re.compile(r"\s?(?:的\s?)?")
# 是谷歌的(视频生成)模型, 是我们(公司)的产品, 是字节跳动做的: what a maker's own work is called, a few words of its
# kind before, or the making verb ending the clause
_OWN_WORK = DeferredPattern(r"\s?(?:(?:的|家的|公司的|推出的|发布的|开发的|研发的|开源的|做的|出的)\s?(?:(?!的)[\u4e00-\u9fff]){0,6}?"
                            r"(?:模型|大模型|产品|应用|App|APP|app|工具|软件|框架|平台|助手)|"
                            r"(?:推出|发布|开发|研发|开源|提出(?:来)?|做|打造)的\s?(?=[，,。；;！？!?]|$))")
_OUR = re.compile(r"我们(?:公司)?")
# Devin，那个是 Cognition 做的: after the product, a clause whose subject is its maker and whose verb makes it
_MAKER_GLOSSED = re.compile(r"[^。；;！？!?，,]{0,30}?[，,]\s?(?:那个|这个|它)?\s?(?:是|由)?\s?|\s?(?:是|由)\s?")
_MADE_IT = re.compile(r"\s?(?:推出|发布|开发|研发|开源|做|打造|出)的\s?(?=[，,。；;！？!?]|$)")
_BEHIND = re.compile(r"\s?背后的公司(?:是|叫)?\s?")  # Cursor 背后的公司 Anysphere
_SUBSIDIARY = re.compile(r"\s?旗下(?:的)?\s?(?:的)?")
_LIST_GAP = re.compile(r"\s?(?:、\s?(?:[^、，,。；;！？!?]{1,16}、\s?)*|以及|和|及|与)\s?")
_UNIT_SUFFIX = re.compile(r"(?:部门|团队|实验室|研究院|研究所|事业部|事业群|工作室|学院|系| Labs?)$")
_SCHOOL_SUFFIX = re.compile(r"(?:学院|系)$")
_WHOLE_SUFFIX = re.compile(r"(?:大学|集团|公司)$")
# 博士导师是X, 他的同学是Y: people one knows through study or work
_ACQUAINTANCE = re.compile(r"(?:导师|博导|师父|师傅|学生|徒弟|同学|室友|搭档)(?:是|叫|就是)")
# 的观点, 这个判断, 这种说法: a view, which the one named just before holds
_VIEW = re.compile(r"\s?(?:的)?(?:一些|这个|这种)?(?:观点|说法|看法|意见|判断|提醒|建议)")
_THEIR_VIEW = re.compile(r"\s?(?:总|老师|教授|博士|先生|女士)?" + _VIEW.pattern)  # 海龙总的观点
_SIMILAR_VIEW = re.compile(r"(?:观点|看法|想法)(?:其实)?(?:和|跟|与)|"
                           r"我们(?:的)?(?:看法|观点|想法|判断)(?:是)?(?:完全|基本上?|比较|很)?一致")  # 这一点我们看法一致
# 我不太同意您说的…, 我不认同你刚才讲的: the words of the one spoken to
_YOUR_WORDS = re.compile(r"\s?(?:你|您)(?:刚才|之前|前面)?(?:说|讲|提)(?:到)?的")
# 不能简单类比, 值得商榷, 站不住脚: pushing back on a claim, which meets the words the turn called the addressee's
_PUSH_BACK = re.compile(r"不能简单(?:地)?(?:类比|对比|比较|等同|套用)|值得商榷|站不住脚?")
# 我不完全认同"产品都在拍照答题"这个说法: words quoted back, which a reply meets
_QUOTED_RUN = 5  # characters of a quoted view found earlier that show it quotes someone here (医院的AI), in their words or not
_QUOTED_VIEW = re.compile(r"\s?[“\"「『](?P<words>[^”\"」』]{1,40})[”\"」』]" + _VIEW.pattern)
# 方总说得对, 郭总说的有道理, 建国这个提醒有道理: what a person named just before said is right; 我支持唐总: backing someone
_SAID_RIGHT = re.compile(r"(?:\s?(?:刚才|之前|前面)?(?:说|讲)(?:得|的)|" + _VIEW.pattern + r")\s?(?:很|非常|特别|太|确实|挺)?"
                         r"(?:对|有道理|在理|没错|好(?![像多几些]))|"
                         r"\s?(?:也|确实|还是)?是(?:完全|绝对)?对的")  # 我现在认为周总是对的
_BACKING = re.compile(r"我(?:也|完全|非常|还是)?支持\s?")
# 唐总说的有道理，但是国内的情况不一样 / 但是我还是坚持认为…: a point conceded before holding one's own, which differs
_CONCEDED = re.compile(r"[，,]\s?(?:但是?|不过|可是|然而)[^。；;！？!?]{0,30}?"
                       r"(?:(?:还是|仍然|依然)(?:要)?(?:坚持|认为|觉得|倾向|担心|不)|坚持|有保留|持保留|"
                       r"(?:不太|不大|完全)?(?:不一样|不同)(?![的意])|未必|不见得|没那么简单)")
# 老周说得有点理想化, 启明有点乐观了: someone's view called one-sided; 跟怀远唱个反调: taking the other side
_SAID_WRONG = re.compile(r"\s?(?:(?:刚才|之前|前面)?(?:说|讲)(?:得|的))?\s?(?:有点|有些|太|过于|稍微|比较)(?:过于)?"
                         r"(?:乐观|悲观|理想化|理想主义|绝对|片面|简单化|武断)")
_CONTRARY = re.compile(r"(?:和|跟|与)\s?$")
_CONTRARY_AFTER = re.compile(r"\s?唱(?:个|一个|一下)?反调")
# 这一点我和韩立川是一致的 / 我跟她的看法一致 / 我跟林老师的看法比较接近 / 我跟他一样: of one mind with someone
_AGREED = re.compile(r"\s?(?:在[^，,。；;！？!?]{1,10}?上)?(?:的?(?:看法|观点|判断|想法))?\s?(?:是)?(?:完全|基本|高度|比较|很|非常)?"
                     r"(?:一致|接近|相近|类似|相同|一样(?!吗))")
_WITH_ME = re.compile(r"\s?(?:教授|老师|总)?\s?(?:跟|和|与)我")  # 张可欣教授跟我在这个问题上的看法一致
# 周静怡刚才说的中间层出清，我觉得说得对: what a person said, named, then called right
_SAID_THEN_RIGHT = re.compile(r"\s?(?:刚才|之前|前面)?(?:说|讲|提)(?:到)?的[^。！？!?]{0,24}?[，,]\s?(?:我)?(?:觉得|认为)?"
                              r"(?:说得|讲得)?(?:很|非常|确实)?(?:对|有道理|没错|在理)")
_THIS_VIEW = re.compile(r"\s?(?:这个|这种|这一|此)(?:观点|说法|看法|判断)")  # the view the sentence before told
# 我同意两位老师的判断, 我赞同三位嘉宾: the several who spoke before
_SEVERAL_OF_YOU = re.compile(r"\s?(?:你们|前面|刚才)?(?P<count>[两二三])位(?:老师|嘉宾|专家|总|同事)?")
_HOW_MANY = {"两": 2, "二": 2, "三": 3}
_HIM = re.compile(r"\s?(?:他|她)(?![们的])")  # 我同意她: the person, not their view
# 他说得对, 她讲得有道理, 他是对的: the one just named called right, at a clause's start
_HE_IS_RIGHT = re.compile(r"(?:^|(?<=[，,。；;]))\s?(?:我觉得|我认为)?(?:他|她)(?:刚才)?(?:(?:说|讲)(?:得|的)\s?(?:很|非常|确实|挺)?"
                          r"(?:对|有道理|在理|没错)|(?:也|确实)?是对的)")
# 立川一直主张…, 李想之前说…: a person named with a view they hold, which a cue after may meet
_HOLDS_VIEW = re.compile(r"\s?(?:一直|也|还|之前|刚才|始终|总是)?(?:主张|认为|觉得|坚持|提出|说|讲)")
# a word every match of _AGREE, _DISAGREE, _SIMILAR_VIEW, _SAID_RIGHT, _BACKING, _SAID_WRONG,
# _CONTRARY_AFTER and _PUSH_BACK holds: a sentence without one agrees or differs with no one
_AGREEMENT_WORD = words_led_by_first_characters(
    r"同意|赞同|赞成|认同|倾向于|反对|反驳|观点|看法|想法|说法|意见|判断|提醒|建议|不同|一样|一致|接近|相近|类似|相同|"
    r"分歧|站|说得|说的|对的|"
    r"讲得|讲的|支持|乐观|悲观|理想|绝对|片面|简单化|武断|反调|冷水|道理|不能简单|商榷|站不住|保留|agree|push|with", re.I)
# I agree with Clara / Totally agree / Agreed. / I don't fully agree / we disagree / I'd push back on Wei: the English ones
# (I'm with James on this, I side with Maria: taking someone's side)
_AGREE_EN = re.compile(r"(?:\b(?:I|we)\s|^)(?:totally\s|completely\s|fully\s|strongly\s|really\s|actually\s|also\s)?"
                       r"agree\b|^agreed\b|"
                       r"\b(?:I['’]m|I am|we['’]re|we are)\s(?:totally\s|completely\s|fully\s)?with\s(?=[A-Z]|you\b)|"
                       r"\b(?:I|we)\sside\swith\b", re.I)
_DISAGREE_EN = re.compile(r"\b(?:I|we)\s(?:(?:don['’]t|do not|can['’]t|cannot)\s(?:fully\s|completely\s|entirely\s|really\s)?agree|"
                          r"(?:strongly\s)?disagree)\b|\bpush(?:ing)? back\b", re.I)
_THEIR = re.compile(r"\s?(?:他|她)的")
# 我们CTO叫周明轩, 腾讯，创始人是马化腾, OpenAI的CEO是Sam Altman: a post and who holds it, at the
# speaker's own organisation or at the one just named
_POST_IS = re.compile(r"(?:叫做?|名叫|是)\s?$")
_THEIRS_BEFORE = re.compile(r"(?:他们|她们|它们|它)的?\s?$")
_OUR_OF = r"我们(?:的|(?:公司|团队|研究院|研究所|学校|医院|银行|集团|实验室)的?)"  # 我们的, 我们公司的, 我们研究院的
_OURS_BEFORE = re.compile(rf"(?:{_OUR_OF}|我们)(?:另一位|一位)?\s?$")
# 首先有请我们的导演邓岚: a host welcoming "our" guest, who is no colleague
_WELCOMED = re.compile(r"(?:有请|欢迎|请出|邀请)\s?$")
_OURS_OPENING = re.compile(rf"\s?{_OUR_OF}")  # 郑凯现在是我们的课程总监
_ITS_BEFORE = re.compile(r"\s?(?:[，,]\s?)?(?:它的|其|的)?\s?$")
# 星岚是2019年在深圳成立的，创始人是何启东: its founding told, then its founder
_FOUNDING_TOLD = re.compile(r"\s?是[^，,。；;！？!?]{0,20}?(?:成立|创立|创办|创建)的\s?[，,]\s?")
_COLLEAGUE = re.compile(r"同事")
# 我的同事赵强, 我以前在协和的同事吴嘉禾, 我的同事、南方医院放疗科主任吕振华: a colleague, named after a post or not
_COLLEAGUE_OF = re.compile(r"(我|你|您)(?:们)?(?:[^，,。；;！？!?]{0,10}?的|的)\s?(?:老)?同事(?:、[^，,。；;！？!?]{0,20})?\s?$")
_KNOWS = re.compile(r"一见如故|认识|老朋友|是朋友")
_SCALE = re.compile(r"(?P<num>(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千])[\d.零〇一二两三四五六七八九十百千万亿]*[万亿])\s?(?:个)?(?:参数|规模|级)")
_YEAR = re.compile(r"((?:19|20)\d{2})\s?年")
# what follows an organisation: 从X到Y, X的时候, X做了一段(时间), X的时候我
_TO = re.compile(r"\s?到")
_CAME_OUT = re.compile(r"\s?(?:出来|离职|辞职|跳槽|离开)")  # 从字节出来: left it
_WHILE_THERE = re.compile(r"\s?(?:工作|任职|上班)?的时候")
_WHILE_THERE_I = re.compile(r"\s?的时候\s?我")
_FOR_A_WHILE = re.compile(r"\s?做了一段")
# 在X待了四年, 在X做过五年博士后: a stint there, told as done (not 已经做了九年, still going on)
_STINT = re.compile(r"\s?(?:(?:一共|总共|前后|足足)?(?:待|呆|干|做|工作)(?:了|过)|一(?:待|呆|干|做)就是)\s?"
                    r"(?:整整|足足|差不多|大概|将近|近)?[\d一二两三四五六七八九十]+(?:多)?(?:年|个月)|"
                    # 在华为海思负责过昇腾, 在逸仙电商做过产品总监: a post held there, told as done
                    r"\s?(?:干|待|呆|工作|任职|负责|担任|实习)过|\s?做过(?=[^，,。；;]{0,8}?(?:年|总监|经理|工程师|负责人|总裁|研究员|主管))")
# 2012年去了阿里，（在那里）待了五年, 2009年加入百胜，在供应链部门做了七年: a stint told in the clause after
# joining, so the joined place is a former one
# (加入药明康德的计算化学部，一待就是五年: a unit of it between)
_STINT_AFTER_JOIN = re.compile(r"(?:的[^，,。；;！？!?]{1,8})?\s?[，,]\s?(?:在[^，,。；;！？!?]{1,12}?)?(?:" + _STINT.pattern + ")")
_WE_MAKE = re.compile(r"我们\s?(?:(?:确实|也|还|已经)?\s?(?:提供了?|推出了?|发布了?))?\s?(?:在做|做|开发)?\s?$")
# 之前, 曾经, 原来, 离职前: a time that makes the post after it a former one
_FORMER_TIME = r"(?:此前|之前|以前)?曾经?|之前|此前|以前|原来|离职前|离开前"
_ROLE_VERB = re.compile(rf"\s?(?:(?P<former>{_FORMER_TIME})|目前|现在)?\s?(?:现任|是|担任|任)")
# 我是说…, 我是觉得…: 是 stressing what follows, naming no post
_STRESSED = r"说|讲|指|想|觉得|认为|希望|因为"
# a clause that opens with a role verb, 我 before it or no subject at all (the sentence's goes on)
_CLAUSE_ROLE = re.compile(rf"\s?(?:(?P<me>我)|(?P<them>他|她)(?![们的]))?(?:(?P<former>{_FORMER_TIME})|(?P<now>目前|现在))?\s?(?P<verb>现任|是|担任|任)"
                          rf"(?!\s?(?:来自|{_STRESSED}))")
_COMMA = re.compile(r"[，,；;]")
_ENDED = re.compile(r"离开|离职|毕业|辞去|辞职|卸任|退出|退休")  # the end of a stay, not its start
_DEGREES = frozenset("博士 硕士 学士 本科生 研究生 博士生 硕士生 博士后 学生 校友".split())
_TITLE_JOINS = "兼、"  # 创始人兼CEO, 创始人、董事长: titles one person holds together
_SCOPE_MAX = 12  # 阿里巴巴机器学习PAI平台负责人: at most this many characters of scope between organisation and title
_FORMER_BEFORE = re.compile(r"(?<![目之此以提面眼当事生空从向往])(?:前|原)$")
_ADJACENT = re.compile(r" ?(?:的 ?)?")  # 面壁智能李大海, 腾讯的张小龙: a person of that organisation
_ALUMNUS = re.compile(r"(?:校友|同门)\s?$")
# 张涛，大众点评创始人 (**张涛**，… in markdown; Maya Chen（陈美雅），… the name in a gloss; ——李明 江淮大学所长, a
# caption or a list, a space between): a title given after the name
_APPOSITION = re.compile(r"(?:\*\*|__)?[）)]?(?:\s?[，,]\s?|\s?——?\s?|\s[-–]\s|[ \u3000]+(?=\S))")  # 林晓棠——青杉创投副总裁
# 周牧野：砚山互娱联合创始人 on a line of the introduction's cast list: the posts of the name the line opens with
_CAST_FIELD = re.compile(r"(?:\*\*|__)?\s?[:：]\s?")
_LINE_OPENING = re.compile(r"[\s\-*•·]*")
_PAREN_OPEN = re.compile(r"\s?[（(]")
_PAREN_ITEM = re.compile(r"[、，,；;]|以及")
_ITEM_FORMER = re.compile(_FORMER_WORDS)
_ROLE_NOTE = re.compile(r"\s?[（(][^（）()]{1,8}[）)]$")
_ITEM_CURRENT = re.compile(r"(?:现任|目前是|现在是|目前任|现为|现)?\s?")
# 前谷歌工程总监、现任深言科技CTO的刘启明: posts listed before 的 and the name they describe
_POSTS_OF = re.compile(r"的\s?$")
_POST_LIST_START = re.compile(r"[，,。；;：:！？!?]")
_POST_LIST_ITEM = re.compile(r"[^、和及]+")
_ITEM_MARK = re.compile(r"(?:前|原|曾任|现任|目前是|现为|现)\s?$")
_ITEM_MARK_REACH = 4
_HELD_NOW = re.compile(r"现|目前|如今|兼任")
# X由张立群于2015年创办, X是张立群和李明一起创立的: the founders named after the organisation
_FOUNDED_BY = re.compile(r"\s?(?:(?P<by>由)|是)\s?(?P<founders>[^，,。；;！？!?]{2,30}?)(?:共同|联合|一起|一手|亲手)?"
                         r"(?:创立|创办|创建|成立|创设)(?(by)(?:的)?|的)")
_LISTED_POST = re.compile(r"[^、]+")  # only 、 parts these items: 和 joins names too (工业和信息化部副部长)
_LIST_CUE_MAX = 4  # 欢迎, 邀请了, 有请: before a list's first organisation
# 张涛，大众点评创始人，沃顿商学院MBA，曾任…: items of a description that are no title go on it
_DESCRIPTION_ITEM = re.compile(r"[^。！？!?]{1,16}")
# a verb or a clause word between organisation and title: 腾讯投资了一位创始人 is no scope
_NOT_SCOPE = re.compile(r"[是在了过说给让把被和跟与，,、。：:“”\"]|投资|认识|之后|以后|时候")
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")  # 月之暗面（Moonshot AI）创始人: an alias, no scope
_PRONOUN = led_by("[我你您他她它]", r"(?<!其)(?:我们|你们|您们|他们|她们|它们|我|你|您|他|她|它)")  # 其他, 其它 are none
_WORKS_AT = re.compile(r"(?:目前|现在|如今|现)?\s?(?:就职于|任职于|供职于|效力于)\s?$")
# 我们学校, 我们公司: a pronoun before the body it belongs to, no subject
# 被李斌挖到蔚来, 导师是李泽湘老师: a person after a preposition or named as one's teacher or boss is no
# subject of the clauses after it
_GOVERNED = re.compile(r"(?:被|由|向|给|把|让|跟着|师从|(?:导师|老师|老板|上司|领导)(?:是|为))\s?$")
_GOVERNED_REACH = 4
# 我在百度的一位老同事，后来去了…: the clause is about the one the pronoun's phrase names, not the speaker
_SOMEONE_OF = re.compile(r"的(?:一位|一个|位|个|几位|几个)?(?:老|前)?(?:同事|朋友|同学|学生|师兄|师姐|师弟|师妹|老板|领导|合伙人|下属|"
                         r"室友|校友|亲戚|学长|学姐|导师)\s?[，,]")
_OUR_BODY = re.compile(r"学校|公司|学院|团队|实验室|单位|医院|部门|集团|小?组|中心|研究院|研究所|基金|银行")
_NOW = re.compile(r"现在|目前|如今|现任")
_NOW_AT = re.compile(r"(?:目前|现在|如今)\s?(?:在|于)\s?$")
_PAST_AFTER_WORK = re.compile(r"\s?(?:过|了|的时候|时|期间|那|的那|的经历|多年|\d+年)")  # 在X工作过, 在X工作的时候
_WORK_AFTER = re.compile(r"\s?(?:工作|任职|上班|担任|负责|带团队)")
_FORMER_AT = re.compile(r"(?:曾|曾经|之前|此前|以前|早年|先后)(?:就职于|任职于|供职于|效力于)\s?$")
_LEFT = re.compile(r"(?:离开|离职|辞职离开)了?\s?$")  # 2021年离开百度后创办了…: once there
# 他在OpenAI做CEO, 我之前在百度当产品经理: the post held at the organisation one is at
_POST_VERB = re.compile(r"\s?(?:担任|出任|任|做|当)了?\s?")
# 在华泰证券做首席宏观分析师的易远: the post (and what follows it in the clause) describes the one after 的
_OF_PERSON = re.compile(r"[^，,。；;！？!?的]{0,8}的\s?")
_CALLED_ON = re.compile(r"\s?[，,]\s?(?:你们|您们)")
# English words, not a lone name (the first letter apart: a pattern opening with a class is searched
# by skipping to it, one opening with a repeat by trying every position)
_LATIN_WORDS = re.compile(r"[A-Za-z][A-Za-z]+\s[A-Za-z]{2,}\s[A-Za-z]{2,}")
# 我们俩都是创始人, 我们是行业中任职最久的两位创始人: both people of a two-person conversation
_WE_FOUNDERS = re.compile(r"我们(?:俩|两个|两位|二人)?(?:都)?是[^，,。；;？?]{0,20}?(?P<title>联合创始人|创始人|创办人)")
# 我创建这家公司的时候, 在创办我们公司之后: the speaker's own company
_FOUNDED_OWN = re.compile(r"(?:创办|创立|创建|成立)了?\s?(?:这家|我们的?|我的)公司")
# 我是来自…, 我叫唐佳怡，是…: the speaker introducing themself, then their post
_INTRO = re.compile(rf"(?:我是|我叫[^，,。；;！!？?\s]{{2,8}}[，,]\s?是)\s?(?:来自)?(?!{_STRESSED})")
# a word every match of _INTRO, _WE_FOUNDERS and _FOUNDED_OWN holds: the speakers' own roles
_OWN_ROLE_WORD = re.compile(r"我是|我叫|我们|公司")
# 是在华为, 担任 腾讯, 是前字节跳动的…: between the verb and the organisation (前/原: a post held there before)
_ROLE_ORG_GAP = re.compile(r"\s?(?:在|于)?\s?(?P<former>前|原)?\s?《?")  # 曾任《芒种》杂志编辑: a periodical's name
_OF = re.compile(r"\s?的\s?")
_APPOSING_COMMA = re.compile(r"\s?[，,]\s?$")
_APPOSITION_ENDS = frozenset("。！!？?，,；;\n")
_CLAUSE_BREAK = re.compile(r"[，,。；;]")
# …的公司，创始人 / …”，创始人: the clauses before a founder's bare title describe a company, which it is of
_COMPANY_DESCRIBED = re.compile(r"(?:公司|企业|创业公司|初创公司|品牌|[”\"」])\s?[，,]\s?$")
# 北辰汽车的管理层…：, 公司的核心团队包括： the people of an organisation, listed after the colon
_TEAM_OF = re.compile(r"\s?的?(?:管理层|高管团队|高管|核心团队|创始团队|管理团队|团队)")
_LIST_ENDS = re.compile(r"[。！？!?\n]\s*$")
_ORG_JOIN = re.compile(r"\s?(?:和|与|及|以及|、)\s?")
_DESCRIBING_OF = re.compile(r"的\s?$")
_HONORIFIC_TO_END = re.compile(r"\s?(?:先生|女士|教授|博士|老师|院士)?[\s（(）)]*")
_COMMAS = "，,"
# 好的。我同意前面的观点: an acknowledgement may open the turn before the agreement
_ACKNOWLEDGEMENT = re.compile(r"(?:好的?|对的?|是的|嗯+|没错|(?:谢谢|感谢)(?:主持人|你|您|大家)?)[，,。！!\s]*")
# 我的结论是…。大家有没有不同意见？: a view put up for assent, which a bare 同意 after it agrees with
_SEEKS_ASSENT = re.compile(r"[。！!；;][^。！!？?]{0,8}(?:有没有|有什么|还有)(?:不同|其他|别的)?(?:意见|看法|异议)[？?]\s*$"
                           r"|[。！!；;]\s*(?:同意吗|可以吗|行吗|没问题吧|大家看呢)[？?]\s*$")
# 没有。, 好的，没问题。, 嗯，同意。: a reply that puts no view of its own
_BARE_REPLY = re.compile(r"(?:(?:没有|没了|没问题|好的?|对的?|是的|嗯+|同意|可以|行|明白|收到|OK|ok)[，,。！!\s]*)+")
_COPULA_REACH = 3  # 叫做 and a space
_SCALE_REACH = 6  # 盘古大模型，千亿规模: a scale this close after a model measures it


def extract_relations(transcript: Transcript, sentences: Sequence[Sentence],
                      mentions: Sequence[Mention] = ()) -> tuple[
        tuple[Relation, ...], tuple[RoleStatement, ...], tuple[Quantity, ...]]:
    """Relations, roles and quantities the sentences state; ``mentions`` (the document's) also give the
    posts the speaker labels' notes state (``分析师（远山证券 首席分析师 邓一凡）：``)."""
    relations: list[Relation] = []
    roles: list[RoleStatement] = list(_label_roles(transcript, mentions))
    quantities: list[Quantity] = []
    reader = _SentenceReader(transcript, sentences)
    speakers = Speakers(reader.speaker, reader.addressee, reader.person_before)
    text = reader.text
    for sentence in sentences:
        # a sentence that names no one holds a role only where the speakers say their own, and a
        # relation only where someone agrees or differs; an affiliation, a creation or a scale never
        named = bool(sentence.mentions)
        past = reader.told_as_past(sentence)
        if named or _OWN_ROLE_WORD.search(text, sentence.start, sentence.end):
            roles.extend(_as_former(role, past) for role in reader.roles(sentence))
        if named:
            relations.extend(_as_former_affiliation(relation, past) for relation in reader.affiliations(sentence))
            relations.extend(reader.creations(sentence))
        if named or _AGREEMENT_WORD.search(text, sentence.start, sentence.end):
            relations.extend(reader.social(sentence))
        if named:
            quantities.extend(reader.scales(sentence))
        if _LATIN_WORDS.search(reader.text, sentence.start, sentence.end):
            roles.extend(english_roles(reader.text, sentence))
            roles.extend(english_speaker_roles(reader.text, sentence, speakers))
            for relation, person_may_stand in english_relations(reader.text, sentence, speakers):
                if person_may_stand is None or not isinstance(relation.object, SpeakerRef):
                    relations.append(relation)
                else:
                    reader.collective.append((relation, person_may_stand))
    relations.extend(_part_of(transcript, sentences))
    relations.extend(_named_after_maker(sentences))
    relations.extend(reader.assents())
    held = {(party_key(r.person), r.title, party_key(r.organization)) for r in roles if r.organization is not None}
    roles.extend(r for r in dateline_roles(text, sentences)
                 if (party_key(r.person), r.title, party_key(r.organization)) not in held)  # the first was read as 记者X
    roles = _at_the_meetings_company(transcript, mentions, _placed_once(roles))
    for role in roles:
        relations.extend(_role_relations(role))
    relations.extend(listed_affiliations(transcript, sentences))
    employer = _employers(relations)
    relations.extend(_made_by_employer(employer, reader.collective))
    relations.extend(_founded_employer(employer, roles, reader.founded_own, relations))
    for role, speaker in reader.our_posts:
        org = employer.get(speaker.name)
        role = dataclasses.replace(role, organization=org) if isinstance(org, Mention) else role
        roles.append(role)
        relations.extend(_role_relations(role))
        relations.append(Relation(speaker, Predicate.COLLEAGUE, role.person, role.start, role.end))
    relations.extend(_affiliation_with_whole(relations))
    return tuple(_unique(relations)), tuple(roles), tuple(quantities)


def _placed_once(roles: list[RoleStatement]) -> list[RoleStatement]:
    """The roles less those a sentence states twice, once without the organisation another reading
    of it found (他是前腾讯天美工作室的技术总监: 技术总监 at 腾讯, not also 技术总监 nowhere)."""
    placed = {(party_key(r.person), r.title, r.start) for r in roles if r.organization is not None}
    return [r for r in roles if r.organization is not None or (party_key(r.person), r.title, r.start) not in placed]


# 2024年年度股东大会, 业绩说明会, Earnings Call: a company's own meeting, where its officers speak
_COMPANY_MEETING = re.compile(r"股东大会|股东会|业绩说明会|业绩会|投资者(?:交流|关系活动|说明会)|电话会议|(?i:earnings call|annual general meeting)")


def _at_the_meetings_company(transcript: Transcript, mentions: Sequence[Mention],
                             roles: list[RoleStatement]) -> list[RoleStatement]:
    """At a company's own meeting (its shareholders', its results call), a post that names no
    organisation (``出席人员：董事长方振宇，总裁孙立群``, ``董事长 方振宇：``) is held at that company: the one
    company the page names above the first turn."""
    text = transcript.document.text
    head_end = transcript.turns[0].start if transcript.turns else 0
    if not any(r.organization is None and not r.former for r in roles) or not _COMPANY_MEETING.search(text, 0, head_end):
        return roles
    companies = {m.canonical or m.text: m for m in mentions if m.kind is Kind.ORGANIZATION and m.end <= head_end
                 and ends_as_organization(m.text) and _COMPANY_NAME_END.search(m.text)}
    if len(companies) != 1:
        return roles
    [company] = companies.values()
    return [dataclasses.replace(r, organization=company)
            if r.organization is None and not r.former and not r.title.endswith(_ACADEMIC_TITLES) else r for r in roles]


_ACADEMIC_TITLES = ("教授", "研究员", "讲师", "院士", "博士", "博导", "导师")  # held at a university, not the company
_COMPANY_NAME_END = re.compile(r"(?:公司|集团|Inc\.?|Ltd\.?|Limited|Corporation|Corp\.?)$")


def _in_spans(party: Party | None, spans: Sequence[tuple[int, int]]) -> bool:
    return isinstance(party, Mention) and any(start <= party.start < end for start, end in spans)


def _as_former(role: RoleStatement, past: Sequence[tuple[int, int]]) -> RoleStatement:
    """A post the sentence tells as over (``加入岚途之前，我在蔚来担任副总裁``) is a former one."""
    return dataclasses.replace(role, former=True) if not role.former and _in_spans(role.organization, past) else role


def _as_former_affiliation(relation: Relation, past: Sequence[tuple[int, int]]) -> Relation:
    if relation.predicate is Predicate.WORKS_FOR and _in_spans(relation.object, past):
        return dataclasses.replace(relation, predicate=Predicate.FORMERLY_AT)
    return relation


def _role_relations(role: RoleStatement) -> Iterator[Relation]:
    """A title at an organisation says an affiliation: former (前, 原, 曾任) or current; a founder
    who holds the title now (创始人, 创始人兼CEO) both founded and works for the organisation."""
    org, person = role.organization, role.person
    if org is None:
        return
    if role.former:
        yield Relation(person, Predicate.FORMERLY_AT, org, role.start, role.end)
        return
    if _is_founder_title(role.title):
        yield Relation(org, Predicate.FOUNDER, person, role.start, role.end)
    yield Relation(person, Predicate.WORKS_FOR, org, role.start, role.end)


def _party_name(party: Party) -> str:
    return party.name if isinstance(party, SpeakerRef) else party.canonical or party.text


def _employers(relations: list[Relation]) -> dict[str, Party]:
    """Each person's current organisation: the first the text says they are at, else the one they
    joined last (a year of joining says less: the text may go on to tell that stay as over)."""
    employer: dict[str, Party] = {}
    joined: dict[str, tuple[str, Party]] = {}
    for r in relations:
        if r.predicate is Predicate.WORKS_FOR and (isinstance(r.subject, SpeakerRef) or r.subject.kind is Kind.PERSON):
            name = _party_name(r.subject)
            if r.since is None:
                employer.setdefault(name, r.object)
            elif r.since >= joined.get(name, ("", None))[0]:
                joined[name] = (r.since, r.object)
    return {name: org for name, (_, org) in joined.items()} | employer


def _label_roles(transcript: Transcript, mentions: Sequence[Mention]) -> Iterator[RoleStatement]:
    """The post and organisation a speaker label's note gives its speaker, once per speaker: the
    note's first organisation (a mention, as any) and the title it holds."""
    text = transcript.document.text
    organisations = [m for m in mentions if m.kind is Kind.ORGANIZATION]
    seen: set[tuple[str, str, str]] = set()
    for turn in transcript.turns:
        for start, end in turn.labels:
            note = label_note(text, start, end)
            if note is None:
                continue
            org = next((m for m in organisations if note[0] <= m.start and m.end <= note[1]), None)
            title, scope = _note_title(text, note, org)
            key = (turn.speaker, title, org.canonical or org.text if org else "")
            known = any(k[0] == key[0] and k[2] == key[2] for k in seen)  # the speaker's first post there
            if (org is not None or title) and not known:
                seen.add(key)
                yield RoleStatement(SpeakerRef(turn.speaker, turn.index), title, org, note[0], note[1], scope)


def _note_title(text: str, note: tuple[int, int], org: Mention | None) -> tuple[str, str | None]:
    """The title a label's note gives, and its scope: a word that is a title (CEO), one after the
    note's organisation (市发改委|副主任), or one after the field it is held in, when no organisation
    is given (直播运营|总监, 供应链|负责人); else a title the label names before the note."""
    for word in _NOTE_WORDS.findall(text, *note):
        title = _title_ending_at(word, len(word), 0)
        if not title:
            continue
        if title == word or org is not None and word == org.text + title:
            return title, None
        if org is not None and word.startswith(org.text) and (scope := _scope(word[len(org.text):-len(title)])):
            return title, scope  # 中国移动无锡分公司|政企客户部|总经理
        field = word[:-len(title)]
        if org is None and _scope(field) and _FIELD_WORDS.fullmatch(field):
            return title, field
    return _label_post(text, note[0]), None


def _governed(text: str, person: Mention, floor: int) -> bool:
    """A person after a preposition or named as one's teacher (被李斌挖到…, 导师是李泽湘老师), who is
    no subject of the clauses after."""
    return _GOVERNED.search(text, max(floor, person.start - _GOVERNED_REACH), person.start) is not None


def _field(before: str) -> str | None:
    """担任智能驾驶副总裁: the field a post is held in, named before it where no organisation is."""
    field = before.strip()
    return field if _FIELD_WORDS.fullmatch(field) and not field.startswith(_NOT_A_FIELD) and _scope(field) else None


_NOT_A_FIELD = ("我", "你", "他", "她", "它", "这", "那", "该", "本", "其", "公司", "集团", "一", "的")
_NOTE_WORDS = re.compile(r"[^\s（()）、，,]{2,30}")
_FIELD_WORDS = re.compile(r"[\u4e00-\u9fff]{2,8}")  # 直播运营, 供应链: Chinese words only
_POST_BEFORE_NOTE = DeferredPattern(r"(?:^|\n)[\s*_#>]*(?P<post>[\u4e00-\u9fff]{2,8})\s*[（(]$")


def _label_post(text: str, note_start: int) -> str:
    """分析师（远山证券 李想）：: the post a label names before the note, when it is a title."""
    post = _POST_BEFORE_NOTE.search(text, max(0, note_start - 12), note_start)
    return post["post"] if post and post["post"] in lexicon.titles() else ""


def _next_person_start(sentence: Sentence, person: Mention, last: Mention) -> int:
    """Where the next person named after ``person`` starts, up to ``last``."""
    return min((m.start for m in sentence.mentions if m.kind is Kind.PERSON and person.end <= m.start <= last.start),
               default=last.start)


def _founded_employer(employer: dict[str, Party], roles: list[RoleStatement],
                      founded_own: list[tuple[Party, int, int]], relations: list[Relation]) -> list[Relation]:
    """``我是创始人`` or ``创建这家公司的时候`` names no organisation: the founder's is the one they
    work for, when the text gives it and says of no organisation that they founded it.  A co-founder
    (``联合创始人兼CTO陈屹``) founded, with someone else, the one organisation the text gives founders."""
    founded = {_party_name(r.object) for r in relations if r.predicate is Predicate.FOUNDER}
    with_founders = {_party_name(r.subject): r.subject for r in relations if r.predicate is Predicate.FOUNDER}
    only_founded = next(iter(with_founders.values())) if len(with_founders) == 1 else None
    out = []
    for role in roles:
        name = _party_name(role.person)
        if role.organization is None and not role.former and name not in founded and _is_cofounder_title(role.title) \
                and only_founded is not None:
            out.append(Relation(only_founded, Predicate.FOUNDER, role.person, role.start, role.end))
            founded.add(name)
    founders = [(r.person, r.start, r.end) for r in roles if r.organization is None and not r.former
                and _is_founder_title(r.title)] + founded_own
    return out + [Relation(employer[_party_name(person)], Predicate.FOUNDER, person, start, end)
                  for person, start, end in founders if _party_name(person) in employer and _party_name(person) not in founded]


def _is_cofounder_title(title: str) -> bool:
    return any(part == "联合创始人" for part in re.split(f"[{_TITLE_JOINS}]", title)) or bool(_COFOUNDER_EN.search(title))


def _is_founder_title(title: str) -> bool:
    return any(part in FOUNDER_TITLES for part in re.split(f"[{_TITLE_JOINS}]", title)) or bool(_FOUNDER_EN.search(title))


def _made_by_employer(employer: dict[str, Party], collective: list[tuple[Relation, bool]]) -> list[Relation]:
    """``我是来自阿里云的陈鑫。我们做通义灵码``: what "we" (or "you" to a guest) make, the speaker's
    organisation makes; when the text names no organisation of theirs, the person stands for it —
    but not for a singular 你/您 (``你开源了X`` said to a company's head): the interviewer speaks to
    the person about the company's work, and without the company the maker is left unsaid."""
    made = []
    for r, person_may_stand in collective:
        maker = employer.get(r.object.name, r.object if person_may_stand else None)
        if maker is not None:
            made.append(Relation(r.subject, Predicate.CREATOR, maker, r.start, r.end))
    return made


def _unique(relations: list[Relation]) -> Iterator[Relation]:
    seen = set()
    for r in relations:
        key = (party_key(r.subject), r.predicate, party_key(r.object))
        if key not in seen:
            seen.add(key)
            yield r


class _SentenceReader:
    def __init__(self, transcript: Transcript, sentences: Sequence[Sentence]):
        self.transcript = transcript
        self.text = transcript.document.text
        self.speakers = transcript.speakers
        # made by 我们 / 你们 / 你: resolved to an organisation at the end; whether the person may stand for it
        self.collective: list[tuple[Relation, bool]] = []
        self.founded_own: list[tuple[Party, int, int]] = []  # 创建这家公司: the founder's own company
        # 我们CTO叫X: a post at the speaker's organisation, which the whole text may name later
        self.our_posts: list[tuple[RoleStatement, SpeakerRef]] = []
        self.named_in_turn: dict[int, list[Mention]] = {}
        self.table_rows = table_cells(self.text)  # | 陈立峰 | 盒马 | 副总裁 |: a row's typed cells, by its start
        self._speaker_of_turn: dict[int, SpeakerRef] = {}
        # the one person the sentence before names, whom a 他 with no one before it stands for: in the
        # same turn, or in the question a turn answers (…曾毓群说…，你同意吗？ 我同意他的判断)
        self._person_before: dict[int, Mention] = {}
        # the one person the turn's last sentence naming anyone names, whose view 他的看法 may be though
        # sentences come between (老宋比我激进。他觉得…。我不同意他的看法); a making verb's 他 reaches less far
        self._person_named_last: dict[int, Mention] = {}
        self._person_ending_turn: dict[int, Mention] = {}
        people: dict[str, Mention] = {}
        carried: Mention | None = None  # the one person the turn before ended by naming, while no other is
        for previous, sentence in zip(sentences, sentences[1:]):
            named = {_party_name(m): m for m in previous.mentions
                     if m.kind is Kind.PERSON and not _governed(self.text, m, previous.start)}
            same_turn = previous.turn_index == sentence.turn_index
            asked = _QUESTION_END.search(self.text, previous.start, previous.end) is not None
            if len(named) == 1 and (same_turn or asked):
                self._person_before[sentence.start] = next(iter(named.values()))
            people = named or people
            if len(people) == 1 and same_turn:
                self._person_named_last[sentence.start] = next(iter(people.values()))
            if not same_turn:
                people = {}
                carried = next(iter(named.values())) if len(named) == 1 else None
            elif named:
                carried = None
            if carried is not None:  # 赛前崔康熙说…。 / 我尊重他，但是我不同意他的说法: whom a reply's 他 means
                self._person_ending_turn[sentence.start] = carried
        # the company the sentence before says a name is (驰远汽车是一家新势力车企。), whose posts a title
        # with no organisation of its own opening the next sentence names (创始人兼CEO周岩…)
        self._company_before: dict[int, Mention] = {}
        for previous, sentence in zip(sentences, sentences[1:]):
            described = [m for m in previous.mentions if m.kind is Kind.ORGANIZATION
                         and said_to_be_a_company(self.text, m.end)]
            if len(described) == 1 and previous.turn_index == sentence.turn_index:
                self._company_before[sentence.start] = described[0]
        self._biography_subject = self._biography_subjects(sentences)
        self._team_listed = self._teams_listed(sentences)
        self.people_in_turn: dict[int, list[Mention]] = {}
        for sentence in sentences:
            if sentence.turn_index is not None:
                people = [m for m in sentence.mentions if m.kind is Kind.PERSON]
                self.people_in_turn.setdefault(sentence.turn_index, []).extend(people)
                self.named_in_turn.setdefault(sentence.turn_index, []).extend(
                    m for m in people if _party_name(m) in self.speakers)

    def _biography_subjects(self, sentences: Sequence[Sentence]) -> dict[int, Mention]:
        """A biography outside the turns opens with its person's name (``韩东，灵犀机器人CEO。``); the
        sentences after it in the paragraph that name no one before their verbs are about that person
        (``2016年至2020年在波士顿动力担任工程师。``)."""
        subjects: dict[int, Mention] = {}
        person: Mention | None = None
        for sentence in sentences:
            if sentence.turn_index is not None:
                person = None
                continue
            if _PARAGRAPH_START.search(self.text, max(0, sentence.start - _MARKUP_REACH), sentence.start):
                first = sentence.mentions[0] if sentence.mentions else None
                opens = (first is not None and first.kind is Kind.PERSON
                         and not self.text[sentence.start:first.start].strip("*_ ")
                         and _BIOGRAPHY_GOES_ON.match(self.text, first.end, sentence.end) is not None)
                person = first if opens else None
            elif person is not None:
                subjects[sentence.start] = person
        return subjects

    def speaker(self, sentence: Sentence) -> SpeakerRef | None:
        """The turn's speaker, whom 我 and 我们 stand for (an interpreter's turn: the speaker it renders; one
        reference per turn, made when first asked for)."""
        if sentence.turn_index is None:
            return None
        ref = self._speaker_of_turn.get(sentence.turn_index)
        if ref is None:
            turn = self.transcript.turns[sentence.turn_index - 1]
            turn = interpreted_turn(self.transcript, turn) or turn  # an interpreter's 我 is the one rendered
            ref = self._speaker_of_turn[sentence.turn_index] = SpeakerRef(turn.speaker, turn.index)
        return ref

    def addressee(self, sentence: Sentence) -> SpeakerRef | None:
        """Whom 你 and 您 stand for: never the turn's speaker, but another speaker the turn names
        (``林伟，你怎么看``), or else the other one of a two-person conversation."""
        if sentence.turn_index is None:
            return None
        turn = self.transcript.turns[sentence.turn_index - 1]
        named = [m for m in self.named_in_turn.get(turn.index, ()) if _party_name(m) != turn.speaker
                 and m.start < sentence.end]
        if named:
            return SpeakerRef(_party_name(named[-1]), turn.index)
        others = [name for name in self.speakers if name != turn.speaker]
        if len(self.speakers) == 2 and len(others) == 1:
            return SpeakerRef(others[0], turn.index)
        return None

    def pronoun_before(self, sentence: Sentence, pos: int) -> tuple[int, Party | None, bool] | None:
        """The last 我/你/他 (or 我们/你们) before ``pos``: where it ends, whom it stands for, and
        whether it is plural.  他 stands for the nearest person named before it."""
        last = None
        for match in _PRONOUN.finditer(self.text, sentence.start, pos):
            last = match
        if last is None:
            return None
        word = last.group()
        if word.startswith("我"):
            party = self.speaker(sentence)
        elif word[0] in "你您":
            party = self.addressee(sentence)
        elif word in ("他", "她"):
            people = [m for m in sentence.mentions if m.kind is Kind.PERSON and m.end <= last.start()]
            party = (people[-1] if people else self._person_before.get(sentence.start)
                     or self._biography_subject.get(sentence.start))
        else:  # 他们, 它: a group or a thing the sentence does not name
            party = None
        return last.end(), party, word.endswith("们")

    def person_before(self, sentence: Sentence) -> Mention | None:
        """The one person the sentence before names, in the same turn or the question it answers."""
        return self._person_before.get(sentence.start)

    def subject_before(self, sentence: Sentence, pos: int) -> Party | None:
        """Who a clause ending at ``pos`` is about: the person the clause describes when it ends in
        的 and a name, else the nearest person before it, or 我 → the speaker, 你 → the person spoken
        to; a possessive (是我们的校友, 是我们CTO) is no subject, nor the 我 of a phrase naming someone of theirs
        (我在百度的一位老同事，后来去了…), nor a person after a preposition (被李斌挖到…) or named as
        one's teacher (导师是李泽湘老师)."""
        described = self._person_clause_describes(sentence, pos)
        if described is not None:
            return described
        people = [m for m in sentence.mentions
                  if m.kind is Kind.PERSON and m.end <= pos and not _governed(self.text, m, sentence.start)]
        pronoun = self.pronoun_before(sentence, pos)
        if (pronoun is not None and _SOMEONE_OF.search(self.text, pronoun[0], pos)
                and not any(p.start < pronoun[0] for p in people)):  # 我在百度的一位老同事，后来去了…
            return people[-1] if people else None
        possessive = pronoun is not None and (self.text.startswith("的", pronoun[0])
                                              or _OUR_BODY.match(self.text, pronoun[0]) is not None
                                              or _title_at(self.text, pronoun[0], pos) is not None)  # 是我们CTO
        if people and (pronoun is None or possessive or people[-1].end > pronoun[0]):
            return people[-1]
        if pronoun is not None:
            return pronoun[1]
        return self._biography_subject.get(sentence.start)

    def _person_clause_describes(self, sentence: Sentence, pos: int) -> Mention | None:
        """``……，曾任X研究员、现任Y首席科学家的范明哲先生，……``: a clause that ends in 的 and a name
        (with an honorific at most) is said of that person, not of one named before it, as a host
        introducing guests one clause each says it."""
        stop = _CLAUSE_BREAK.search(self.text, pos, sentence.end)
        end = stop.start() if stop else sentence.end
        person = next((m for m in sentence.mentions if m.kind is Kind.PERSON and pos <= m.start < end), None)
        if (person is not None and _DESCRIBING_OF.search(self.text, pos, person.start)
                and _HONORIFIC_TO_END.fullmatch(self.text, person.end, end)):
            return person
        return None

    def told_as_past(self, sentence: Sentence) -> list[tuple[int, int]]:
        """The stretches of the sentence told as over: all that follows an opening ``加入X之前，``
        (where one was before joining X), and a clause a closed span of years opens
        (``2016年至2020年在X担任…``)."""
        spans = []
        before = _BEFORE_JOINING.match(self.text, sentence.start, sentence.end)
        if before:
            spans.append((before.end(), sentence.end))
        for years in _CLOSED_YEARS.finditer(self.text, sentence.start, sentence.end):
            clause_end = _COMMA.search(self.text, years.end(), sentence.end)
            end = clause_end.start() if clause_end else sentence.end
            if not _FUTURE.search(self.text, years.end(), end):
                spans.append((years.end(), end))
        return spans

    def _paragraph_end(self, sentence: Sentence) -> int:
        """Where the paragraph holding the sentence ends: a move told later in it (2014年加入百度，…；
        2019年离开百度) ends what it began."""
        end = self.text.find("\n", sentence.end)
        return len(self.text) if end < 0 else end

    def _start_year(self, clause: str, sentence: Sentence, after: int) -> str | None:
        """The year the clause before a former affiliation gives for its start; none where the
        clause tells its end (``2008年底我离开百度``, ``1999年毕业于武汉大学``, ``2015年从阿里离职``)."""
        year = _YEAR.search(clause)
        if year is None or _ENDED.search(clause, year.end()):
            return None
        comma = _COMMA.search(self.text, after, sentence.end)
        return None if _ENDED.search(self.text, after, comma.start() if comma else sentence.end) else year.group(1)

    def clause_start(self, sentence: Sentence, pos: int) -> int:
        """Where the clause holding ``pos`` begins: after the sentence's last comma before it."""
        return max(sentence.start, *(self.text.rfind(c, sentence.start, pos) + 1 for c in _COMMAS))

    def ends_before(self, pattern: re.Pattern[str], sentence: Sentence, pos: int) -> re.Match[str] | None:
        """``pattern`` (anchored by ``$``) ending right before ``pos`` in the same clause."""
        return pattern.search(self.text, self.clause_start(sentence, pos), pos)

    def roles(self, sentence: Sentence) -> Iterator[RoleStatement]:
        """``华为云首席科学家田奇``, ``X是Y的负责人``, ``我是来自Y的Z``, ``张涛，大众点评创始人``,
        ``王小明（腾讯副总裁、星河科技创始人）``; and the founders listed after one (``创始人是孟凡和许朗``)."""
        found = list(self._stated_roles(sentence))
        yield from found
        yield from self._founders_listed_after(sentence, found)

    def _founders_listed_after(self, sentence: Sentence, roles: list[RoleStatement]) -> Iterator[RoleStatement]:
        """The people listed right after a founder (``孟凡和许朗``, ``孟凡、许朗``) with no post of their own
        in the sentence: founders of the same organisation, the one title said once for all."""
        titled = {r.person.start for r in roles if isinstance(r.person, Mention)}
        people = [m for m in sentence.mentions if m.kind is Kind.PERSON]
        for role in roles:
            if not isinstance(role.person, Mention) or role.former or not _is_founder_title(role.title):
                continue
            listed, end = [], role.person.end
            for person in (p for p in people if p.start >= end):
                if person.start in titled or not _FOUNDERS_JOIN.fullmatch(self.text, end, person.start):
                    break
                listed.append(person)
                end = person.end
            if listed and _LIST_CLOSES.match(self.text, end, sentence.end):  # not 创始人孟凡和王总聊过: with him
                yield from (dataclasses.replace(role, person=person) for person in listed)

    def _stated_roles(self, sentence: Sentence) -> Iterator[RoleStatement]:
        orgs = [m for m in sentence.mentions if m.kind is Kind.ORGANIZATION]
        listed: tuple[int, Mention] | None = None  # the last titled person's end and organisation
        for person in (m for m in sentence.mentions if m.kind is Kind.PERSON):
            found = _title_before(self.text, person.start, sentence.start) or self._post_apposed(sentence, person, orgs)
            if found:
                role = self._titled(sentence, person, found[0], found[1], orgs)
                if (role.organization is None and listed and _LIST_SEPARATOR.fullmatch(self.text, listed[0], found[1])
                        and _OFFICER.search(role.title)):
                    role = dataclasses.replace(role, organization=listed[1])  # 北辰银行董事长韩立新，行长周启明
                if role.organization is None and not role.former:  # 北辰的管理层：…总裁韩斌，…；CFO许蔓，…
                    role = dataclasses.replace(role, organization=self._team_of(sentence, found[1]))
                listed = (person.end, role.organization) if role.organization is not None else None
                speaker = self.speaker(sentence)
                ours = _OURS_BEFORE.search(self.text, sentence.start, found[1])
                if role.organization is None and speaker is not None and ours \
                        and not _WELCOMED.search(self.text, sentence.start, ours.start()):
                    self.our_posts.append((role, speaker))  # 我们的联合创始人兼CTO赵一帆
                elif role.organization is None and (theirs := _THEIRS_BEFORE.search(self.text, sentence.start, found[1])):
                    # 宁德时代那边对接的是他们的副总裁吴凯
                    named = [o for o in orgs if o.end <= theirs.start()]
                    yield dataclasses.replace(role, organization=named[-1]) if named else role
                elif role.organization is None and _is_founder_title(role.title):
                    yield dataclasses.replace(role, organization=self._company_described(sentence, found[1], orgs))
                else:
                    yield role
                yield from self._posts_listed_before(sentence, person, role, found[1], orgs)
            else:
                yield from self._organisation_before(sentence, person, orgs)
                yield from self._title_after_name(sentence, person, orgs)
                match = _ROLE_VERB.match(self.text, person.end, sentence.end)
                if match:
                    yield from self._role_after(sentence, person, match.end(), orgs, bool(match["former"]))
            yield from self._described_after(sentence, person, orgs)
            yield from self._posts_before(sentence, person, orgs)
            yield from self._post_held(sentence, person, orgs)
        yield from self._posts_at(sentence, orgs)
        yield from self._clause_roles(sentence, orgs)
        yield from self._table_row_role(sentence)
        intro = _INTRO.search(self.text, sentence.start, sentence.end)
        speaker = self.speaker(sentence)
        if intro and speaker is not None:
            yield from self._role_after(sentence, speaker, intro.end(), orgs, False)
        both = _WE_FOUNDERS.search(self.text, sentence.start, sentence.end)
        if both and speaker is not None and len(self.speakers) == 2:
            for person in (speaker, self.addressee(sentence)):
                if person is not None:
                    yield RoleStatement(person, both["title"], None, sentence.start, sentence.end)
        own = _FOUNDED_OWN.search(self.text, sentence.start, sentence.end)
        founder = own and (self.subject_before(sentence, own.start()) or speaker)
        if founder:
            self.founded_own.append((founder, sentence.start, sentence.end))

    def _post_apposed(self, sentence: Sentence, person: Mention, orgs: list[Mention]) -> tuple[str, int] | None:
        """``连线了星岚科技的产品副总裁，唐佳音唐总。``: an organisation's post, a comma and the name of the
        one who holds it, nothing said of the name after it (its form of address aside): the title and
        where it starts, as ``_title_before`` gives them."""
        text = self.text
        comma = _APPOSING_COMMA.search(text, sentence.start, person.start)
        if comma is None:
            return None
        end = next((m.end for m in sentence.mentions if m.kind is Kind.PERSON and m.start == person.end), person.end)
        if end < sentence.end and text[end] not in _APPOSITION_ENDS:
            return None
        found = _title_before(text, comma.start(), sentence.start)
        org = found and _org_before(orgs, text, found[1])
        return found if org is not None and _OF.fullmatch(text, org.end, found[1]) else None

    def _company_described(self, sentence: Sentence, pos: int, orgs: list[Mention]) -> Mention | None:
        """``栖途智能的B轮，这是一家做割草机器人的公司，创始人宋哲…``: the organisation a founder's bare
        title belongs to is the company the clauses before it describe, the last named before it in the
        sentence, no one else named between."""
        before = [o for o in orgs if o.end <= pos]
        if not before or not _COMPANY_DESCRIBED.search(self.text, before[-1].end, pos):
            return None
        named_between = any(m.kind is Kind.PERSON and before[-1].end <= m.start < pos for m in sentence.mentions)
        return None if named_between else before[-1]

    def _team_of(self, sentence: Sentence, pos: int) -> Mention | None:
        """``北辰汽车的管理层大多有头部公司的背景：联合创始人、总裁韩斌，…；CFO 许蔓，…``: the organisation
        whose team a colon before ``pos`` lists, its people each under a post of it, until the list's
        sentence ends."""
        listed = self._team_listed.get(sentence.start)
        return listed[1] if listed is not None and listed[0] <= pos else None

    def _teams_listed(self, sentences: Sequence[Sentence]) -> dict[int, tuple[int, Mention]]:
        """Where each sentence's list of an organisation's team begins, and the organisation (see ``_team_of``)."""
        listed: dict[int, tuple[int, Mention]] = {}
        team: Mention | None = None
        for sentence in sentences:
            if team is not None:
                listed[sentence.start] = (sentence.start, team)
            colon = self.text.rfind("：", sentence.start, sentence.end)
            found = next((o for o in reversed(sentence.mentions) if o.kind is Kind.ORGANIZATION and o.end <= colon
                          and _TEAM_OF.match(self.text, o.end, colon)), None) if colon >= 0 else None
            if found is not None:
                team = found
                listed[sentence.start] = (colon, team)
            if team is not None and _LIST_ENDS.search(self.text, sentence.start, sentence.end):
                team = None
        return listed

    def _post_held(self, sentence: Sentence, person: Mention, orgs: list[Mention]) -> Iterator[RoleStatement]:
        """``腾讯，创始人是马化腾``, ``百度的CTO叫周立``: the post at the organisation named right before;
        ``我们CTO叫周明轩`` is kept until the speaker's organisation is known (``extract_relations``)."""
        text = self.text
        copula = _POST_IS.search(text, max(sentence.start, person.start - _COPULA_REACH), person.start)
        post = copula and _title_ending_at(text, copula.start(), sentence.start)
        if not post:
            return
        post_start = copula.start() - len(post)
        ours = _OURS_BEFORE.search(text, sentence.start, post_start)
        speaker = self.speaker(sentence)
        if ours and speaker is not None:
            self.our_posts.append((RoleStatement(person, post, None, sentence.start, sentence.end), speaker))
            return
        for org in orgs:
            if org.end <= post_start and (_ITS_BEFORE.fullmatch(text, org.end, post_start)
                                          or _FOUNDING_TOLD.fullmatch(text, org.end, post_start)):
                yield RoleStatement(person, post, org, sentence.start, sentence.end)

    def _posts_listed_before(self, sentence: Sentence, person: Mention, role: RoleStatement, title_start: int,
                             orgs: list[Mention]) -> Iterator[RoleStatement]:
        """``清华大学计算机系教授、智能计算实验室主任张立衡``: the posts listed before the one right before
        the name, each item with its own organisation (an item without one is a title the next shares)."""
        text = self.text
        if role.organization is not None:
            head = role.organization.start
        else:  # an organisation no finder knew: its name is the scope before the title (智能计算实验室主任)
            head = text.rfind("、", max(sentence.start, title_start - _SCOPE_MAX), title_start) + 1 or title_start
            if _POST_LIST_START.search(text, head, title_start):
                return
        mark = _ITEM_MARK.search(text, max(sentence.start, head - _ITEM_MARK_REACH), head)
        head = mark.start() if mark else head
        if text[head - 1:head] != "、":
            return
        begin = max((m.end() for m in _POST_LIST_START.finditer(text, sentence.start, head)), default=sentence.start)
        # 县委常委、副县长吴晓燕、合作社理事长杨德明: the list is the posts after the person named before
        begin = max([begin] + [m.end for m in sentence.mentions if m.kind is Kind.PERSON and m.end < head])
        items = [(m.start(), m.end()) for m in _LISTED_POST.finditer(text, begin, head - 1)]
        for k, (start, end) in enumerate(items):
            if k == 0:  # 欢迎清华大学…: what introduces the list is no part of its first item, but 前 is
                first = next((o.start for o in orgs if start <= o.start < end and o.start - start <= _LIST_CUE_MAX), start)
                mark = _ITEM_MARK.search(text, start, first)
                start = mark.start() if mark else first
            item = self._item_role(sentence, person, start, end, orgs)
            if item is not None and item.organization is not None:
                yield item

    def _clause_roles(self, sentence: Sentence, orgs: list[Mention]) -> Iterator[RoleStatement]:
        """``我之前是英特尔资深架构师``, and a clause going on without a subject (``，曾任华为海思技术总监``):
        a role verb opening a clause, said of the speaker (我) or of who the sentence is about."""
        starts = [sentence.start] + [m.end() for m in _COMMA.finditer(self.text, sentence.start, sentence.end)]
        for clause in filter(None, (_CLAUSE_ROLE.match(self.text, at, sentence.end) for at in starts)):
            if clause["verb"] == "是" and (not (clause["me"] or clause["them"] or clause["former"] or clause["now"])
                                          or clause.group().strip() == "我是"):
                continue  # 是一个…: no role without its subject or a time (离职前是…); 我是… is an introduction's (``_INTRO``)
            subject = self.speaker(sentence) if clause["me"] else self.subject_before(sentence, clause.start("verb"))
            if subject is not None and not any(m.kind is Kind.PERSON and m.end == clause.start() for m in sentence.mentions):
                roles = self._role_after(sentence, subject, clause.end(), orgs, bool(clause["former"]))
                bare_is = clause["verb"] == "是" and not clause["me"]  # 离职前是百度的…, 他是…: a post somewhere named
                # 他是信电学院的, 她是港科大的博士: where someone studied, no post held
                held = (r for r in roles if not clause["them"] or r.title and r.title not in _DEGREES)
                yield from (r for r in held if not bare_is or r.organization is not None)

    def _table_row_role(self, sentence: Sentence) -> Iterator[RoleStatement]:
        """``| 陈立峰 | 盒马 | 副总裁 |`` under ``| 姓名 | 公司 | 职务 |``: the person of the row holds the
        post at the organisation (a note in brackets after the post, ``主编（主持人）``, left out)."""
        row = self.table_rows.get(sentence.start)
        if row is None:
            return
        person = _in_cell(row, Column.PERSON, Kind.PERSON, sentence)
        org = _in_cell(row, Column.ORGANIZATION, Kind.ORGANIZATION, sentence)
        post = next((c for c in row if c.column is Column.TITLE), None)
        titles = _BRACKETED.sub("", self.text[post.start:post.end]).strip() if post else ""
        if person is not None and org is not None:
            for title in _LIST_SEPARATOR.split(titles):  # 联合创始人、CTO: two posts
                yield RoleStatement(person, title.strip(), org, sentence.start, sentence.end)

    def _posts_before(self, sentence: Sentence, person: Mention, orgs: list[Mention]) -> Iterator[RoleStatement]:
        """``前谷歌工程总监、现任深言科技CTO的刘启明``: each listed post before 的 and the name, an
        organisation opening it (after 前 or 现任)."""
        text = self.text
        of = _POSTS_OF.search(text, sentence.start, person.start)
        if of is None or _title_before(text, of.start(), sentence.start) is None:
            return
        begin = max((m.end() for m in _POST_LIST_START.finditer(text, sentence.start, of.start())), default=sentence.start)
        held_before = False  # 曾任A、B的X: 曾任 says every post it lists is over, up to another mark
        for item in _POST_LIST_ITEM.finditer(text, begin, of.start()):
            org = next((o for o in orgs if item.start() <= o.start < item.end()), None)
            if org is None:
                continue
            mark = _ITEM_MARK.search(text, item.start(), org.start)
            if mark or _HELD_NOW.search(text, item.start(), org.start):  # 现兼任X顾问: a post of today's
                held_before = bool(mark) and mark.group().strip() == "曾任"
            role = self._item_role(sentence, person, mark.start() if mark else org.start, item.end(), orgs)
            if role:
                yield dataclasses.replace(role, former=True) if held_before and not mark else role

    def _posts_at(self, sentence: Sentence, orgs: list[Mention]) -> Iterator[RoleStatement]:
        """``他在OpenAI做CEO``, ``我之前在百度当产品经理``: a title right after 在 X 做 / 当 / 担任."""
        for org in orgs:
            verb = _POST_VERB.match(self.text, org.end, sentence.end)
            title, scope = (_title_at(self.text, verb.end(), sentence.end), None) if verb else (None, None)
            title_end = verb.end() + len(title) if title else None
            if verb and not title:  # 担任用户运营副总裁, 做产品副总裁: a field first
                clause_end = _CLAUSE_BREAK.search(self.text, verb.end(), sentence.end)
                clause = self.text[verb.end():clause_end.start() if clause_end else sentence.end]
                found = _last_title(clause)
                if found and _scope(clause[:found[1]]) is not False:
                    title, scope = found[0], _scope(clause[:found[1]]) or None
                    title_end = verb.end() + found[1] + len(title)
            if not title or not self.ends_before(_AT, sentence, org.start):
                continue
            person = self._person_described(sentence, title_end) or self.subject_before(sentence, org.start)
            if person is not None:
                yield RoleStatement(person, title, org, sentence.start, sentence.end, scope,
                                    self._told_as_before(sentence, org.start))

    def _told_as_before(self, sentence: Sentence, at: int) -> bool:
        """A time of the past in the clause before ``at``, and no time of now after it (``以前在A的同事、
        现在在B做…``: B is today's)."""
        past = max(_PAST.finditer(self.text, self.clause_start(sentence, at), at), key=re.Match.start, default=None)
        return past is not None and _NOW.search(self.text, past.end(), at) is None

    def _person_described(self, sentence: Sentence, at: int) -> Mention | None:
        """``现在在华泰证券做首席分析师的易远``: the person a clause ending at ``at`` describes, after 的."""
        of = _OF_PERSON.match(self.text, at, sentence.end)
        return next((m for m in sentence.mentions if m.kind is Kind.PERSON and of and m.start == of.end()), None)

    def _organisation_before(self, sentence: Sentence, person: Mention, orgs: list[Mention]) -> Iterator[RoleStatement]:
        """A name right after its organisation (``面壁智能李大海``, as bylines and guest lists write
        it, or ``腾讯的张小龙``; ``前阿里达摩院的宋雨桐`` was there), or a fellow alumnus (``你的CMU校友陆奇``:
        studied there)."""
        alumnus = _ALUMNUS.search(self.text, sentence.start, person.start)
        if alumnus:
            org = _org_before(orgs, self.text, alumnus.start())
            if org is not None and _scope(self.text[org.end:alumnus.start()]) == "":
                yield RoleStatement(person, "", org, sentence.start, sentence.end, None, True)
            return
        org = next((o for o in orgs if _ADJACENT.fullmatch(self.text, o.end, person.start)), None)
        if org is not None:
            former = _FORMER_BEFORE.search(self.text, sentence.start, org.start) is not None  # 前阿里达摩院的宋雨桐
            yield RoleStatement(person, "", org, sentence.start, sentence.end, None, former)

    def _titled(self, sentence: Sentence, person: Party, title: str, title_start: int,
                orgs: list[Mention]) -> RoleStatement:
        """A title right before a name, with the organisation and scope before it: ``前字节跳动算法
        工程师``, ``阿里巴巴机器学习PAI平台负责人``."""
        mark = _FORMER_MARK.search(self.text, sentence.start, title_start)
        head = mark.start() if mark else title_start
        org = _org_before(orgs, self.text, head)
        scope = None
        if org is not None:
            scope = _scope(self.text[org.end:head])
            if scope is False:
                org, scope = None, None
            elif _FORMER_MARK.search(self.text, sentence.start, org.start):
                mark = mark or _FORMER_MARK.search(self.text, sentence.start, org.start)
        elif mark is None and not self.text[sentence.start:title_start].strip():
            org = self._company_before.get(sentence.start)
        return RoleStatement(person, title, org, sentence.start, sentence.end, scope or None, mark is not None)

    def _title_after_name(self, sentence: Sentence, person: Mention, orgs: list[Mention]) -> Iterator[RoleStatement]:
        """``讯飞的刘庆峰董事长``, ``科大讯飞刘庆峰董事长说``: the title right after a name, held at the
        organisation right before it (的 between them or nothing)."""
        title = _title_at(self.text, person.end, sentence.end)
        if title is None or _VERB_ASPECT.match(self.text, person.end + len(title)):  # 教授了一门课: teaching
            return
        org = next((o for o in reversed(orgs) if o.end <= person.start), None)
        if org is not None and self.text[org.end:person.start].strip() not in ("", "的"):
            org = None
        yield RoleStatement(person, title, org, sentence.start, sentence.end, None, False)

    def _described_after(self, sentence: Sentence, person: Mention, orgs: list[Mention]) -> Iterator[RoleStatement]:
        """Titles given after a name: an apposition up to the clause's end (``张涛，大众点评创始人``,
        ``李明，前腾讯副总裁``) or each item of a parenthesis (``王小明（腾讯副总裁、星河科技创始人）``)."""
        text = self.text
        paren = _PAREN_OPEN.match(text, person.end, sentence.end)
        if paren:
            close = min((i for i in (text.find("）", paren.end(), sentence.end), text.find(")", paren.end(), sentence.end))
                         if i >= 0), default=-1)
            if close < 0:
                return
            pos = paren.end()
            for item in _PAREN_ITEM.finditer(text, pos, close + 1):
                stop = min(item.start(), close)
                role = self._item_role(sentence, person, pos, stop, orgs)
                if role:
                    yield role
                pos = item.end()
            role = self._item_role(sentence, person, pos, close, orgs)
            if role:
                yield role
            return
        pos = person.end
        while True:
            comma = _APPOSITION.match(text, pos, sentence.end) or (
                pos == person.end and sentence.turn_index is None
                and _LINE_OPENING.fullmatch(text, text.rfind("\n", 0, person.start) + 1, person.start)
                and _CAST_FIELD.match(text, pos, sentence.end))
            if not comma:
                return
            stop_at = _clause_end_outside_brackets(text, comma.end(), sentence.end)
            role = self._item_role(sentence, person, comma.end(), stop_at, orgs)
            roles = [role] if role else list(self._listed_posts(sentence, person, comma.end(), stop_at, orgs))
            if not roles and not _DESCRIPTION_ITEM.fullmatch(text, comma.end(), stop_at):
                return
            yield from roles
            pos = stop_at

    def _listed_posts(self, sentence: Sentence, person: Party, start: int, stop: int,
                      orgs: list[Mention]) -> Iterator[RoleStatement]:
        """``邵建华，中国科学院计算技术研究所研究员、智能计算系统研究中心主任、博士生导师``: posts listed
        after a name, the first at its organisation; a later one without its own is held at the one
        before's, its field the scope there, and an item that is no post (博士生导师) is passed over."""
        if any(m.kind is Kind.PERSON and start <= m.start < stop for m in sentence.mentions):
            return  # 熊建平先生，省工信厅党组成员、副厅长万丽萍女士: the posts of the next one named
        items = [start] + [m.end() for m in _ITEM_BREAK.finditer(self.text, start, stop)]
        first = self._item_role(sentence, person, start, items[1] - 1, orgs) if len(items) > 1 else None
        if first is None or first.organization is None:
            return
        yield first
        for item_start, item_end in zip(items[1:], items[2:] + [stop + 1]):
            role = self._item_role(sentence, person, item_start, item_end - 1, orgs)
            if role is None:
                continue
            if role.organization is None:
                field = _field(self.text[item_start:item_end - 1].strip().removesuffix(role.title))
                role = dataclasses.replace(role, organization=first.organization, scope=field)
            yield role

    def _item_role(self, sentence: Sentence, person: Party, start: int, stop: int,
                   orgs: list[Mention]) -> RoleStatement | None:
        """One item that is ``[前|现任] [organisation] [scope] title``, nothing after the title."""
        text = self.text
        while start < stop and text[start].isspace():
            start += 1
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        note = _ROLE_NOTE.search(text, start, stop)  # 副主任（主持）: the part the person takes today
        found = _title_before(text, note.start() if note else stop, start)
        if not found:
            return None
        title, title_start = found
        former = _ITEM_FORMER.match(text, start, title_start)
        head = former.end() if former else _ITEM_CURRENT.match(text, start, title_start).end()
        org = next((o for o in orgs if o.start == head or (o.start > head and not text[head:o.start].strip())), None)
        mark = _FORMER_MARK.search(text, org.end if org else head, title_start)
        if org is None:
            if title_start - head > _SCOPE_MAX:
                return None
            return RoleStatement(person, title, None, sentence.start, sentence.end, None, bool(former or mark))
        scope = _scope(text[org.end:mark.start() if mark else title_start])
        if scope is False:
            return None
        return RoleStatement(person, title, org, sentence.start, sentence.end, scope or None, bool(former or mark))

    def _role_after(self, sentence: Sentence, person: Party, pos: int, orgs: list[Mention],
                    former: bool) -> Iterator[RoleStatement]:
        """The title (and organisation) a role verb introduces, read up to the end of its clause; posts
        listed after it (``曾任中国平安产品部总经理、泰康人寿精算部副总经理``) each at its organisation."""
        clause_end = _CLAUSE_BREAK.search(self.text, pos, sentence.end)
        stop = clause_end.start() if clause_end else sentence.end
        described = self._person_clause_describes(sentence, pos)
        if described is not None:  # 曾任X研究员、现任Y首席科学家的范明哲: the posts end at 的
            stop = self.text.rindex("的", pos, described.start)
        items = [pos] + [m.end() for m in _ITEM_BREAK.finditer(self.text, pos, stop)]
        if len(items) > 1:
            roles = [self._item_role(sentence, person, start, end - 1, orgs)
                     for start, end in zip(items, items[1:] + [stop + 1])]
            if all(roles):
                held = None
                for start, role in zip(items, roles):  # 党委副书记、总经理: a post without its organisation is the one before's
                    held = role.organization or held
                    now = _ITEM_CURRENT.match(self.text, start).group().strip()  # 曾任X、现任Y: Y is held now
                    yield dataclasses.replace(role, organization=held, former=role.former or former and not now)
                return
        gap = None
        org = next((o for o in orgs if o.start >= pos and (gap := _ROLE_ORG_GAP.fullmatch(self.text, pos, o.start))), None)
        former = former or bool(org and gap["former"])
        rest_from = org.end if org else pos
        clause = self.text[rest_from:stop]
        found = _last_title(clause)
        if found and org is None and _DESCRIBED_AS.match(clause[:found[1]]):
            found = None  # 是一个很内敛的工程师: what kind of person, described, no post held
        if found:
            title, at = _title_before(clause, found[1] + len(found[0]), 0) or found  # 创始人兼CEO: both held
            scope = _scope(clause[:at].removesuffix("的")) if org else _field(clause[:at])
            role = RoleStatement(person, title, org, sentence.start, sentence.end, scope or None, former)
            speaker = self.speaker(sentence)
            if org is None and not former and speaker is not None and _OURS_OPENING.match(clause):
                self.our_posts.append((role, speaker))
            else:
                yield role
        elif org and _OF.match(self.text, org.end, sentence.end):
            yield RoleStatement(person, "", org, sentence.start, sentence.end, None, former)

    def affiliations(self, sentence: Sentence) -> Iterator[Relation]:
        """Former affiliations (``从X到Y``, ``2007年加入X``, ``当时我在X``, ``X的时候``, ``毕业于X``,
        ``在X实习``), current ones (``目前就职于X``) and founding (``创办了X``)."""
        sentence_text = self.text[sentence.start:sentence.end]
        for run in self._listed_together(sentence):
            head = run[0]
            clause = self.text[self.clause_start(sentence, head.start):head.start]
            joined = self.ends_before(_JOIN, sentence, head.start)
            if any(self._current(sentence, org) for org in run):
                subject = self.subject_before(sentence, head.start) or self._joined_leaving_out(sentence, joined)
                # 2018年加入X: the year the stay began
                year = self._start_year(clause, sentence, run[-1].end) if joined else None
                if subject is not None:
                    yield from (Relation(subject, Predicate.WORKS_FOR, org, sentence.start, sentence.end, year) for org in run)
                continue
            if not any(self._former(sentence, org, self.text[self.clause_start(sentence, org.start):org.start])
                       for org in run):
                continue
            subject = self.subject_before(sentence, head.start) or self._joined_leaving_out(sentence, joined)
            if subject is None and _WHILE_THERE_I.match(self.text, run[-1].end, sentence.end):
                subject = self.speaker(sentence)
            if subject is None:
                continue
            year = self._start_year(clause, sentence, run[-1].end)
            for org in run:
                yield Relation(subject, Predicate.FORMERLY_AT, org, sentence.start, sentence.end, year)
                if "同事" in sentence_text:
                    for other in self._colleagues_in(sentence):
                        if other is not subject:
                            yield Relation(other, Predicate.FORMERLY_AT, org, sentence.start, sentence.end)
        for org in (m for m in sentence.mentions if m.kind is Kind.ORGANIZATION):
            called = _FIRM_CALLED_BEFORE.search(self.text, max(sentence.start, org.start - _FIRM_CALLED_REACH), org.start)
            if called:  # 现在在一家储能创业公司，叫启衡储能: where one works, its name said after what it is
                worker = self.subject_before(sentence, called.start()) or self._guest_left_out(sentence)
                if worker is not None:
                    past = _set_in_past(self.text[self.clause_start(sentence, called.start()):called.start()])
                    yield Relation(worker, Predicate.FORMERLY_AT if past else Predicate.WORKS_FOR, org,
                                   sentence.start, sentence.end)
            addressee = self.addressee(sentence) if self._called_on(sentence, org) else None
            if addressee is not None:
                yield Relation(addressee, Predicate.WORKS_FOR, org, sentence.start, sentence.end)
            founded_by_me = FOUNDED_BY_ME.match(self.text, org.end, sentence.end)
            if founded_by_me and self.speaker(sentence) is not None:  # 恒川是我2008年在杭州创立的
                yield Relation(org, Predicate.FOUNDER, self.speaker(sentence), sentence.start, sentence.end)
                for partner in (m for m in sentence.mentions if m.kind is Kind.PERSON
                                and founded_by_me.start() < m.start < founded_by_me.end()
                                and _WITH.search(self.text, founded_by_me.start(), m.start)):
                    yield Relation(org, Predicate.FOUNDER, partner, sentence.start, sentence.end)  # 我和陈昊一起
                continue
            founders, year = self._founders_named_after(sentence, org)
            if founders:  # 青禾茶集由潘明远于2016年创立, 云帆科技是张立群和李明一起创办的
                yield from (Relation(org, Predicate.FOUNDER, person, sentence.start, sentence.end, year) for person in founders)
                continue
            founded = (self.ends_before(_FOUND, sentence, org.start)
                       or _FOUND_NAMED.search(self.text, sentence.start, org.start))
            if founded and not self.ends_before(_PLANNED, sentence, org.start):
                founder = self.subject_before(sentence, org.start)
                if founder is not None and not self._unit_set_up_by_us(sentence, org):
                    current = not _PAST.search(self.text, self.clause_start(sentence, org.start), org.start)
                    for person in (founder, *self._founding_with(sentence, founder)):
                        yield Relation(org, Predicate.FOUNDER, person, sentence.start, sentence.end)
                        if current:
                            yield Relation(person, Predicate.WORKS_FOR, org, sentence.start, sentence.end)

    def _listed_together(self, sentence: Sentence) -> list[list[Mention]]:
        """The sentence's organisations, those joined by 和, 与, 及 or 、 (``先后供职于麦肯锡和波士顿咨询``,
        ``在腾讯、阿里工作过``) in one run, which one verb says the same of."""
        runs: list[list[Mention]] = []
        for org in (m for m in sentence.mentions if m.kind is Kind.ORGANIZATION):
            if runs and _ORG_JOIN.fullmatch(self.text, runs[-1][-1].end, org.start):
                runs[-1].append(org)
            else:
                runs.append([org])
        return runs

    def _founding_with(self, sentence: Sentence, partner: Party) -> Iterator[Party]:
        """``我和何志远一起创办了X``: the founder the sentence named is the partner of the one before
        和/与, who founded X too."""
        if not isinstance(partner, Mention) or not _TOGETHER_FOUNDING.match(self.text, partner.end, sentence.end):
            return
        with_ = _WITH.search(self.text, sentence.start, partner.start)
        other = self.subject_before(sentence, with_.start()) if with_ else None
        if other is None and with_ is not None:
            other = self._guest_left_out(sentence)  # 2018年出来，和老同事林澈一起创立了…
        if other is not None and _party_name(other) != _party_name(partner) and self._founds(sentence, other, with_.start()):
            yield other
        if with_ is not None:  # 我和蒋若澜、王斐一起创立了…: the partners listed before the last
            yield from (m for m in sentence.mentions if m.kind is Kind.PERSON and with_.start() < m.start < partner.start
                        and _LIST_SEPARATOR.fullmatch(self.text, m.end, _next_person_start(sentence, m, partner)))

    def _guest_left_out(self, sentence: Sentence) -> Party | None:
        """The speaker of a guest's turn that leaves its 我 out (``2014 年回国，加入药明康德…``); none in the
        moderator's, whose unstated subject is as often the guest."""
        if sentence.turn_index is None or self.transcript.turns[sentence.turn_index - 1].speaker == self.transcript.moderator:
            return None
        if self.text[sentence.start:sentence.end].rstrip().endswith(("？", "?")):
            return None  # 后来加入了腾讯？: a question put to someone, not the speaker's own story
        return self.speaker(sentence)

    def _joined_leaving_out(self, sentence: Sentence, joined: re.Match | None) -> Party | None:
        """Who joined, where the clause says no one (``2014 年回国，加入药明康德…``): the guest speaking, when
        nothing but a time stands before the verb (``黄博士后来2018年去了蔚来``: someone the mentions missed)."""
        if joined is None or not _BARE_CLAUSE.fullmatch(self.text, self.clause_start(sentence, joined.start()), joined.start()):
            return None
        if _SOMEONE_OF.search(self.text, sentence.start, joined.start()):
            return None  # 我在百度的一位老同事，后来去了…: the clause before names who went
        return self._guest_left_out(sentence)

    def _founds(self, sentence: Sentence, party: Party, with_at: int) -> bool:
        """Whether the subject found before 和 is who founds: a speaker, or a person in the clause or a
        pronoun's (2019年，他和…创办了; not the 安克 of 2012年加入安克创新…，2019年和…创立)."""
        if not isinstance(party, Mention):
            return True
        clause = self.clause_start(sentence, with_at)
        return party.kind is Kind.PERSON and (party.start >= clause or _PRONOUN.search(self.text, clause, with_at) is not None)

    def _unit_set_up_by_us(self, sentence: Sentence, org: Mention) -> bool:
        """``我们成立达摩院``: a unit of another organisation that 我们 set up is the
        organisation's doing, not a founding by the speaker."""
        pronoun = self.pronoun_before(sentence, org.start)
        return (pronoun is not None and pronoun[2]
                and ((org.canonical or org.text) in _lexicon_parents() or _UNIT_SUFFIX.search(org.text) is not None)
                and not any(m.kind is Kind.PERSON and pronoun[0] <= m.start < org.start for m in sentence.mentions))

    def _called_on(self, sentence: Sentence, org: Mention) -> bool:
        """``腾讯，你们在AI上做了很多``: an organisation called on by name, then 你们, is the one the
        person spoken to speaks for."""
        return self.clause_start(sentence, org.start) == org.start and bool(_CALLED_ON.match(self.text, org.end, sentence.end))

    def _current(self, sentence: Sentence, org: Mention) -> bool:
        """``目前就职于X``, ``现在在X工作``, ``现任X``: where someone works now; and ``2018年加入X``,
        ``后来加入X``: the last place the text says someone joined, when it tells of no move after."""
        if self.ends_before(_WORKS_AT, sentence, org.start):
            return not self.ends_before(_FORMER_AT, sentence, org.start)  # 曾供职于X: no longer
        joined = self.ends_before(_JOIN, sentence, org.start)
        if joined:
            clause = self.text[self.clause_start(sentence, org.start):joined.start()]
            return bool((_YEAR.search(clause) or _LATER.search(clause)) and not _PAST.search(clause)
                        and not _WHEN_JOINED.match(self.text, org.end, sentence.end)
                        and not _stint_after_join(self.text, org.end, sentence.end)
                        and not _MOVES_ON.search(self.text, org.end, self._paragraph_end(sentence)))
        work = _WORK_AFTER.match(self.text, org.end, sentence.end)
        if work is None:
            return False
        if self.ends_before(_NOW_AT, sentence, org.start):
            return True
        # 我在X工作 says the present unless the clause sets it in the past (之前在X工作, 在X工作的时候)
        return bool(self.ends_before(_AT, sentence, org.start)
                    and not _PAST.search(self.text, self.clause_start(sentence, org.start), org.start)
                    and not _PAST_AFTER_WORK.match(self.text, work.end(), sentence.end))

    def _former(self, sentence: Sentence, org: Mention, clause: str) -> bool:
        """The clause around ``org`` says it was once someone's: 从X到Y, 从X出来, 2007年加入X (and later
        moved on), 当时在X, X的时候, 毕业于X, 在X实习, X毕业, 离开X."""
        text, end = self.text, sentence.end
        if self.ends_before(_FROM_TO, sentence, org.start) and (_TO.match(text, org.end, end) or _CAME_OUT.match(text, org.end, end)):
            return True
        if self.ends_before(_JOIN, sentence, org.start) and (
                _set_in_past(self._after_described_person(sentence, org.start, clause))
                or _YEAR.search(clause) and _MOVES_ON.search(text, org.end, self._paragraph_end(sentence))
                or _stint_after_join(text, org.end, end) and "已经" not in clause):
            return True
        if self.ends_before(_AT, sentence, org.start) and (
                _set_in_past(clause) or _STINT.match(text, org.end, end) and "已经" not in clause):
            return True
        if (self.ends_before(_STUDIED, sentence, org.start) or self.ends_before(_FORMER_AT, sentence, org.start)
                or self.ends_before(_LEFT, sentence, org.start)):
            return True
        if _STUDIED_AFTER.match(text, org.end, end):
            return True
        if self.ends_before(_FOUND, sentence, org.start):
            return False  # 创立帆迹的时候: when it was founded, which says nothing of leaving it
        return bool(_WHILE_THERE.match(text, org.end, end) or _FOR_A_WHILE.match(text, org.end, end))

    def _founders_named_after(self, sentence: Sentence, org: Mention) -> tuple[list[Mention], str | None]:
        """The people named between 由 (or 是) after the organisation and the founding verb (``由潘明远于
        2016年在金华创立``, ``是张立群和李明一起创办的``): its founders, whenever it was; and the year said."""
        founded = _FOUNDED_BY.match(self.text, org.end, sentence.end)
        if founded is None:
            return [], None
        year = _YEAR.search(founded["founders"])
        return [m for m in sentence.mentions if m.kind is Kind.PERSON and founded.start("founders") <= m.start
                and m.end <= founded.end("founders")], year.group(1) if year else None

    def _after_described_person(self, sentence: Sentence, pos: int, clause: str) -> str:
        """The clause before ``pos`` from the person a 的 phrase describes (``曾任X总监的谢岚加入``: 曾任 tells
        the description's past, not the joining's), or all of it."""
        start = pos - len(clause)
        described = [m.end for m in sentence.mentions
                     if m.kind is Kind.PERSON and start < m.start and m.end <= pos and self.text[m.start - 1] == "的"]
        return self.text[described[-1]:pos] if described else clause

    def _colleagues_in(self, sentence: Sentence) -> list[Mention]:
        return [m for m in sentence.mentions if m.kind is Kind.PERSON]

    def creations(self, sentence: Sentence) -> Iterator[Relation]:
        """``华为出了一个盘古大模型``, ``他做了OneFlow``, ``你开源了PyTorch``, ``Anthropic 的 Claude``, ``小米SU7``,
        ``OpenAI 2 月发的 Sora``, ``X，它有Y``, ``X有一款产品叫Y``, ``Y是X的模型``, ``我们做通义灵码``."""
        text = self.text
        makers = [m for m in sentence.mentions if m.kind in (Kind.ORGANIZATION, Kind.PERSON)]
        for model in (m for m in sentence.mentions if m.kind is Kind.MODEL):
            made = self.ends_before(_MADE, sentence, model.start)
            if made:
                yield from self._made_by(sentence, model, made.start(), makers)
                continue
            relative = self.ends_before(_RELATIVE_MADE, sentence, model.start)
            if relative:
                maker = next((m for m in reversed(makers) if m.end <= relative.start()
                              and _WHEN.fullmatch(text, m.end, relative.start())), None)
                if maker is not None:
                    yield Relation(model, Predicate.CREATOR, maker, sentence.start, sentence.end)
                    continue
            owner = [m for m in sentence.mentions if m.kind is Kind.ORGANIZATION and m.end <= model.start
                     and _OWNED.fullmatch(text, m.end, model.start)]
            if owner:
                yield Relation(model, Predicate.CREATOR, owner[-1], sentence.start, sentence.end)
                continue
            is_made = _IS_MADE_BY.match(text, model.end, sentence.end)
            speaker = self.speaker(sentence)
            if is_made:
                maker = next((m for m in makers if m.start == is_made.end()), None)
                if maker is not None and _OWN_WORK.match(text, maker.end, sentence.end):
                    yield Relation(model, Predicate.CREATOR, maker, sentence.start, sentence.end)
                    continue
                ours = _OUR.match(text, is_made.end(), sentence.end)
                if ours and speaker is not None and _OWN_WORK.match(text, ours.end(), sentence.end):
                    self.collective.append((Relation(model, Predicate.CREATOR, speaker, sentence.start, sentence.end), True))
                    continue
            if speaker is not None and self.ends_before(_WE_MAKE, sentence, model.start):
                self.collective.append((Relation(model, Predicate.CREATOR, speaker, sentence.start, sentence.end), True))
                continue
            glossed = next((o for o in makers if o.kind is Kind.ORGANIZATION and o.start > model.end
                            and _MAKER_GLOSSED.fullmatch(text, model.end, o.start) and _MADE_IT.match(text, o.end, sentence.end)
                            or _BEHIND.fullmatch(text, model.end, o.start)), None)
            if glossed is not None:  # Claude Code 是…，Anthropic 做的; Cursor 背后的公司 Anysphere
                yield Relation(model, Predicate.CREATOR, glossed, sentence.start, sentence.end)
        for org in (m for m in makers if m.kind is Kind.ORGANIZATION):
            link = _IT_HAS.match(text, org.end, sentence.end) or _PRODUCT_CALLED.match(text, org.end, sentence.end)
            if link:
                model = next((m for m in sentence.mentions if m.start == link.end() and m.kind is Kind.MODEL), None)
                if model is not None:
                    yield Relation(model, Predicate.CREATOR, org, sentence.start, sentence.end)

    def _made_by(self, sentence: Sentence, model: Mention, verb_at: int, makers: list[Mention]) -> Iterator[Relation]:
        """Who a making verb before ``model`` has as its subject: the nearest name or pronoun."""
        named = [m for m in makers if m.end <= verb_at]
        clause = self.clause_start(sentence, verb_at)
        if named and named[-1].end <= clause and any(clause <= m.start < verb_at for m in sentence.mentions):
            named = []  # OpenAI发布了o1，DeepSeek开源了R1: the clause has a subject of its own, no maker named before
        pronoun = self.pronoun_before(sentence, verb_at)
        if named and (pronoun is None or named[-1].end > pronoun[0]):
            yield Relation(model, Predicate.CREATOR, named[-1], sentence.start, sentence.end)
        elif pronoun is not None and pronoun[1] is not None:
            relation = Relation(model, Predicate.CREATOR, pronoun[1], sentence.start, sentence.end)
            if pronoun[2] and isinstance(pronoun[1], SpeakerRef):
                self.collective.append((relation, True))
            elif self.text[pronoun[0] - 1] in "你您":
                self.collective.append((relation, False))
            else:
                yield relation

    def social(self, sentence: Sentence) -> Iterator[Relation]:
        """Colleagues (``我和林伟一直是同事``), acquaintance, and agreement between speakers; a
        question or a negation (``我不完全认同``) is no agreement, a disagreement is kept as one."""
        body = self.text[sentence.start:sentence.end]
        people = [m for m in sentence.mentions if m.kind is Kind.PERSON]
        speaker = self.speaker(sentence)
        if people and speaker is not None and _COLLEAGUE.search(body):
            pair = re.search(r"我(?:和|跟|与)", body)
            if pair:
                for other in people:
                    if other.start == sentence.start + pair.end():
                        yield Relation(speaker, Predicate.COLLEAGUE, other, sentence.start, sentence.end)
            for other in people:  # 我的同事赵强, 你的老同事陈立
                mine = _COLLEAGUE_OF.search(self.text, sentence.start, other.start)
                whose = mine and (speaker if mine.group(1) == "我" else self.addressee(sentence))
                if whose is not None and whose.name != _party_name(other):
                    yield Relation(whose, Predicate.COLLEAGUE, other, sentence.start, sentence.end)
        if people and speaker is not None and _KNOWS.search(body):
            for other in people:
                if re.match(r"\s?(?:老师|总)?\s?一见如故", self.text[other.end:sentence.end]) or \
                        re.search(r"(?:和|跟|与)\s?$", self.text[sentence.start:other.start]):
                    if _KNOWS.search(self.text[other.end:sentence.end]):
                        yield Relation(speaker, Predicate.KNOWS, other, sentence.start, sentence.end)
        for cue in _ACQUAINTANCE.finditer(self.text, sentence.start, sentence.end) if people else ():
            subject = self.subject_before(sentence, cue.start())
            listed = [p for p in people if p.start >= cue.end() and not _CLAUSE_BREAK.search(self.text, cue.end(), p.start)]
            for other in listed:
                if subject is not None and party_key(subject) != party_key(other):
                    yield Relation(subject, Predicate.KNOWS, other, sentence.start, sentence.end)
        if speaker is None or not _AGREEMENT_WORD.search(body) or _QUESTION_END.search(body):
            return
        different = _DIFFERENT_VIEW.search(self.text, sentence.start, sentence.end)
        if different:
            yield from self._differing(sentence, different, people)
            return
        side = _SIDE_WITH.search(self.text, sentence.start, sentence.end)
        who = (side.span("who") if side["who"] else side.span("leaning")) if side else (0, 0)
        for other in (p for p in people if who[0] <= p.start < who[1]):
            yield Relation(speaker, Predicate.AGREES_WITH, other, sentence.start, sentence.end)
        for other in people:
            with_me = _WITH_ME.match(self.text, other.end, sentence.end)
            if (_CONTRARY.search(self.text, sentence.start, other.start) and _AGREED.match(self.text, other.end, sentence.end)
                    or with_me and _AGREED.match(self.text, with_me.end(), sentence.end)
                    or _SAID_THEN_RIGHT.match(self.text, other.end, sentence.end)):
                yield Relation(speaker, Predicate.AGREES_WITH, other, sentence.start, sentence.end)  # 我和韩立川是一致的
            backed = _BACKING.search(self.text, sentence.start, other.start)
            right = _SAID_RIGHT.match(self.text, other.end, sentence.end)
            if right and _CONCEDED.search(self.text, right.end(), sentence.end):
                yield Relation(speaker, Predicate.DIFFERS_FROM, other, sentence.start, sentence.end)
            elif right or backed and backed.end() == other.start:
                yield Relation(speaker, Predicate.AGREES_WITH, other, sentence.start, sentence.end)
            elif _SAID_WRONG.match(self.text, other.end, sentence.end) or (
                    _CONTRARY.search(self.text, sentence.start, other.start) and _CONTRARY_AFTER.match(self.text, other.end, sentence.end)):
                yield Relation(speaker, Predicate.DIFFERS_FROM, other, sentence.start, sentence.end)
        if _HE_IS_RIGHT.search(body) and not people:  # 他说得对: the one person just named, whose words they were
            earlier = (self._person_before.get(sentence.start) or self._person_named_last.get(sentence.start)
                       or self._person_ending_turn.get(sentence.start))
            if earlier is not None and party_key(earlier) != party_key(speaker):
                yield Relation(speaker, Predicate.AGREES_WITH, earlier, sentence.start, sentence.end)
        disagree = _DISAGREE.search(body) or _DISAGREE_EN.search(body)
        agree = disagree or _AGREE.search(body) or _AGREE_EN.search(body)
        similar = None if disagree else _SIMILAR_VIEW.search(body)
        if not (agree or similar) and _PUSH_BACK.search(body):
            yield from self._pushing_back(sentence)
        if agree or similar:
            cue = agree or similar
            cue_start, cue_end = sentence.start + cue.start(), sentence.start + cue.end()
            conceded = _CONCEDED.search(self.text, cue_end, sentence.end)  # 我同意X的看法，但我还是认为…
            predicate = Predicate.DIFFERS_FROM if disagree or conceded else Predicate.AGREES_WITH
            view = _VIEW.search(self.text, cue_end, sentence.end)
            clause_end = _CLAUSE_BREAK.search(self.text, cue_end, sentence.end)
            limit = view.start() if view else clause_end.start() if clause_end else sentence.end
            named = [p for p in people if cue_end <= p.start <= limit]
            before_cue = [p for p in people if p.end <= cue_start]
            third_person = _THEIR.match(self.text, cue_end) or _HIM.match(self.text, cue_end)
            if not named and third_person:
                # 我同意他的判断, 这一点我同意她: the one person named in the sentence, else just before it
                # (in this turn, or in the turn it answers: 赛前崔康熙说…。 我不同意他的说法)
                earlier = (self._person_before.get(sentence.start) or self._person_named_last.get(sentence.start)
                           or self._person_ending_turn.get(sentence.start))
                named = before_cue[-1:] or ([earlier] if earlier is not None else [])
            if not named and _THIS_VIEW.match(self.text, cue_end):  # 梁文锋也说过，…。我非常认同这个观点。
                earlier = self._person_before.get(sentence.start)
                named = [earlier] if earlier is not None and _HOLDS_VIEW.match(self.text, earlier.end) else []
            if not named:  # 立川一直主张做纯视觉，我不同意; 对海龙总的观点，我有一些不同的看法: the view of one named before
                named = [p for p in before_cue if _HOLDS_VIEW.match(self.text, p.end, sentence.end)
                         or _THEIR_VIEW.match(self.text, p.end, sentence.end)][-1:]
            if not named and (_YOUR_WORDS.match(self.text, cue_end) or self._quoted_from_before(sentence, cue_end)):
                named = [p for p in (self.spoken_to(sentence),) if p is not None]
            several = _SEVERAL_OF_YOU.match(self.text, cue_end)
            if not named and several:  # 我同意两位老师的判断: the last two who gave a view
                named = self.previous_speakers(sentence, _HOW_MANY[several["count"]])
            if not named and not third_person and self.opens_turn(sentence):  # 他 is no one spoken to
                named = [p for p in (self.previous_speaker(sentence) or self.view_asked_about(sentence),) if p is not None]
            for other in named:
                yield Relation(speaker, predicate, other, sentence.start, sentence.end)

    def _quoted_from_before(self, sentence: Sentence, at: int) -> bool:
        """``我不同意“X”这种说法``, the quoted words said earlier in the conversation (by the one spoken
        to); a view quoted that no one here said (``“DRG会扼杀创新药”这种说法``) is no one's present."""
        quoted = _QUOTED_VIEW.match(self.text, at)
        if quoted is None:
            return False
        words = quoted["words"]
        return any(self.text.find(words[i:i + _QUOTED_RUN], 0, sentence.start) >= 0
                   for i in range(max(1, len(words) - _QUOTED_RUN + 1)))

    def _differing(self, sentence: Sentence, different: re.Match[str], people: list[Mention]) -> Iterator[Relation]:
        """``我跟王总的看法不太一样``: the speaker differs from the person named, or the one spoken to (你:
        the addressee, or the previous speaker when the turn opens so)."""
        speaker = self.speaker(sentence)
        named = [p for p in people if different.start("who") <= p.start < different.end("who")]
        if not named and different["who"].startswith(("你", "您")):
            addressee = self.addressee(sentence) or (self.previous_speaker(sentence) if self.opens_turn(sentence) else None)
            named = [addressee] if addressee is not None else []
        for other in named:
            yield Relation(speaker, Predicate.DIFFERS_FROM, other, sentence.start, sentence.end)

    def assents(self) -> Iterator[Relation]:
        """``是的，完全正确。`` opening a turn agrees with what the previous speaker just said — unless
        that turn asked a question anywhere, which the turn merely answers."""
        turns, text = [t for t in self.transcript.turns if not interprets(t)], self.text  # an interpreter's assent renders one
        for previous, turn in zip(turns, turns[1:]):
            if previous.speaker == turn.speaker or not turn.spans:
                continue
            start = turn.spans[0][0]
            match = _ASSENT.match(text, start, turn.spans[0][1])
            if match is None and len(self.speakers) == 2:
                match = _BARE_ASSENT.match(text, start, turn.spans[0][1])
            said = previous.text(self.transcript.document)
            if match is None or _ASKED.search(said) or not _STATEMENT.search(said):
                continue
            yield Relation(SpeakerRef(turn.speaker, turn.index), Predicate.AGREES_WITH,
                           SpeakerRef(previous.speaker, previous.index), start, match.end())

    def _pushing_back(self, sentence: Sentence) -> Iterator[Relation]:
        """``晓川，你说的那个流水是前年的…我觉得不能简单类比``: pushing back after calling words the
        addressee's (你说的) differs from the one the turn opens by addressing, else the one spoken to."""
        turn = self.transcript.turns[sentence.turn_index - 1]
        if not _YOUR_WORDS.search(self.text, turn.start, sentence.end):
            return
        vocative = next((m for m in self.people_in_turn.get(turn.index, ()) if not self.text[turn.start:m.start].strip()
                         and self.text.startswith(tuple(_COMMAS), m.end)), None)
        other = vocative or self.spoken_to(sentence)
        if other is not None:
            yield Relation(self.speaker(sentence), Predicate.DIFFERS_FROM, other, sentence.start, sentence.end)

    def spoken_to(self, sentence: Sentence) -> SpeakerRef | None:
        """Whose words a reply quotes back or calls theirs (您说的…, "…"这个说法) anywhere in the turn: the
        one it addresses, else the previous speaker — unless the turn itself put forward others' view."""
        turn = self.transcript.turns[sentence.turn_index - 1]
        if voices_others(self.text, turn.start, sentence.start):
            return None
        return self.addressee(sentence) or self.previous_speaker(sentence)

    def view_asked_about(self, sentence: Sentence) -> Mention | None:
        """The one person whose view the question this turn answers puts (王导，您怎么看何老师这个判断？):
        a bare 我不完全认同 answering it meets that view, not the one who asked."""
        index = sentence.turn_index
        if index is None or index < 2:
            return None
        previous = self.transcript.turns[index - 2]
        if not _ASKED.search(previous.text(self.transcript.document)):
            return None
        held = {_party_name(m): m for m in self.people_in_turn.get(previous.index, ())
                if _VIEW.match(self.text, m.end) and _party_name(m) != self.transcript.turns[index - 1].speaker}
        return next(iter(held.values())) if len(held) == 1 else None

    def opens_turn(self, sentence: Sentence) -> bool:
        """The turn's first sentence, or its second after an acknowledgement (好的。对，是的。)."""
        turn = self.transcript.turns[sentence.turn_index - 1]
        before = self.text[turn.start:sentence.start].strip()
        return not before or _ACKNOWLEDGEMENT.fullmatch(before) is not None

    def previous_speaker(self, sentence: Sentence) -> SpeakerRef | None:
        """``我同意前面的观点`` at a turn's start agrees with the previous speaker's view — unless the
        previous turn asked a question (then there was no view to agree with) or put forward others'
        (``有投资人觉得…``: 我不同意这个观点 differs from them, not from who reported it), though a view
        put up for assent (``…。大家有没有不同意见？``) is one.  Bare replies between (``没有。``) are passed
        over to the turn before them."""
        index = sentence.turn_index
        if index is None or index < 2:
            return None
        turns, speaker = self.transcript.turns, self.speaker(sentence).name
        at = index - 2
        while at > 0 and (interprets(turns[at]) or turns[at].speaker != speaker
                          and _BARE_REPLY.fullmatch(turns[at].text(self.transcript.document).strip())):
            at -= 1  # 没有。 / 同意。: a bare reply in between puts no view, an interpreter's none of their own
        previous = turns[at]
        said = previous.text(self.transcript.document)
        if previous.speaker == speaker or _QUESTION_END.search(said) and not _SEEKS_ASSENT.search(said) \
                or voices_others(said, 0, len(said)):
            return None
        return SpeakerRef(previous.speaker, previous.index)

    def previous_speakers(self, sentence: Sentence, count: int) -> list[SpeakerRef]:
        """The last ``count`` other speakers before this turn who put a view, not a question, each once."""
        index = sentence.turn_index
        speaker = self.speaker(sentence)
        found: dict[str, SpeakerRef] = {}
        for turn in reversed(self.transcript.turns[:index - 1] if index else ()):
            said = turn.text(self.transcript.document)
            if interprets(turn):
                continue
            if turn.speaker != speaker.name and turn.speaker not in found and not _QUESTION_END.search(said):
                found[turn.speaker] = SpeakerRef(turn.speaker, turn.index)
                if len(found) == count:
                    return list(found.values())
        return []

    def scales(self, sentence: Sentence) -> Iterator[Quantity]:
        """``盘古大模型,千亿规模`` and ``“十万亿参数规模的大模型”``: a parameter scale on the model it measures."""
        models = [m for m in sentence.mentions if m.kind is Kind.MODEL]
        if not models:
            return  # a scale measures a model the sentence names
        for match in _SCALE.finditer(self.text, sentence.start, sentence.end):
            value = parse_chinese_number(match["num"])
            if value is None:
                continue
            inside = [m for m in models if m.start <= match.start() and match.end() <= m.end]
            before = [m for m in models if m.end <= match.start() and match.start() - m.end <= _SCALE_REACH]
            subject = (inside or before or [None])[-1]
            if subject is not None:
                yield Quantity(subject, "parameterCount", value, match.start("num"), match.end("num"), match["num"])


# 在一家储能创业公司，叫启衡储能: a firm one is at, what it is said first and its name after 叫
_FIRM_CALLED_BEFORE = re.compile(r"在一家[^，,。；;！？!?]{0,16}?(?:公司|企业|机构|工作室)(?:工作|上班)?[，,]?\s?(?:名字)?叫做?\s?$")
_FIRM_CALLED_REACH = 32
# 2014 年, 后来, 然后: a clause holding a time at most before its verb, so its subject is left out
_BARE_CLAUSE = re.compile(r"[\s\d一二两三四五六七八九十〇零年月底初后来然之就又再先也才便还]*")


def _clause_end_outside_brackets(text: str, start: int, end: int) -> int:
    """Where the clause from ``start`` ends, a comma inside a bracketed note passed over
    (``中国科学院自动化研究所研究员（外校专家，线上）``)."""
    for stop in _CLAUSE_BREAK.finditer(text, start, end):
        piece = text[start:stop.start()]
        if piece.count("（") + piece.count("(") <= piece.count("）") + piece.count(")"):
            return stop.start()
    return end


def _stint_after_join(text: str, pos: int, end: int) -> bool:
    """A stint told as done in the clause after the organisation joined (not 已经干了七年, still going on)."""
    stint = _STINT_AFTER_JOIN.match(text, pos, end)
    return stint is not None and "已经" not in stint.group()


def _set_in_past(clause: str) -> bool:
    """A word of the past in the clause, and no word of the present after it (``以前在字节的同事、现在在
    美团…``: the second place is today's)."""
    last = None
    for last in _PAST.finditer(clause):
        pass
    return last is not None and _NOW.search(clause, last.end()) is None


def _title_ending_at(text: str, pos: int, floor: int) -> str | None:
    """The first title in the lexicon's order that ends at ``pos`` and starts at ``floor`` or after,
    with the words a title opens with and the field of the post before it (董事会秘书, 财务总监,
    研发副总裁)."""
    if pos <= floor:
        return None
    for title in _titles_by_last_character().get(text[pos - 1], ()):
        start = pos - len(title)
        if start >= floor and text.startswith(title, start):
            while (word := next((w for w in lexicon.title_openers() if start - len(w) >= floor
                                 and text.startswith(w, start - len(w))), None)) is not None:
                start -= len(word)
            return text[start:pos]
    return None


def _in_cell(row: tuple[Cell, ...], column: Column, kind: Kind, sentence: Sentence) -> Mention | None:
    """The mention of ``kind`` in the row's cell of ``column``."""
    cell = next((c for c in row if c.column is column), None)
    return cell and next((m for m in sentence.mentions if m.kind is kind and cell.start <= m.start < cell.end), None)


def _last_title(clause: str) -> tuple[str, int] | None:
    """The title that ends last in the clause, with what it opens with (是溪谷食品董事会秘书 →
    董事会秘书, not 董事), and where it starts."""
    ends = [clause.rindex(t) + len(t) for t in lexicon.posts() if t in clause]
    if not ends:
        return None
    end = max(ends)
    title = _title_ending_at(clause, end, 0)
    return title, end - len(title)


def _title_at(text: str, pos: int, end: int) -> str | None:
    """The longest title that begins at ``pos`` and is not the start of a longer word."""
    return next((t for t in _titles_by_first_character().get(text[pos:pos + 1], ()) if text.startswith(t, pos)
                 and pos + len(t) <= end and not text.startswith(_TITLE_GOES_ON, pos + len(t))), None)


_TITLE_GOES_ON = ("助理", "秘书")  # 总裁助理, 董事长秘书: another post


@lexicon.derived
def _titles_by_first_character() -> dict[str, tuple[str, ...]]:
    """The titles by their first character, the longest first: only those can begin at a position."""
    by_first: dict[str, list[str]] = {}
    for title in lexicon.posts():
        by_first.setdefault(title[0], []).append(title)
    return {first: tuple(titles) for first, titles in by_first.items()}


@lexicon.derived
def _titles_by_last_character() -> dict[str, tuple[str, ...]]:
    """The titles by their last character, each group in the lexicon's order: only a title ending
    in the character before a position can end there."""
    by_last: dict[str, list[str]] = {}
    for title in lexicon.posts():
        by_last.setdefault(title[-1], []).append(title)
    return {last: tuple(titles) for last, titles in by_last.items()}


_VERB_ASPECT = re.compile(r"[了过着]")
# between one titled name and the next title of a list of an organisation's people
_ITEM_BREAK = re.compile(r"、")  # between the posts a role verb lists
_LIST_SEPARATOR = re.compile(r"\s?[，,、；;]\s?")
_FOUNDERS_JOIN = re.compile(r"\s?(?:和|与|、|及|以及)\s?")  # 孟凡和许朗: founders listed after one title
# 孟凡和许朗，… / 孟凡和许朗都来了 / 孟凡和许朗两个人: a list the clause closes or gathers, not 和 for "with"
_LIST_CLOSES = re.compile(r"\s?(?:[，,。；;！!？?）)]|$|都|两人|两个人|二人|两位|几位|三人|三个人|共同|一起)")
# the posts of an organisation's officers (行长, 首席风险官, 董事会秘书, 总经理), not a profession (作家, 律师)
_OFFICER = re.compile(r"长|总|官|董事|秘书|经理|主任|监事|合伙人")
_BETWEEN_TITLE_AND_NAME = " *_"


def _title_before(text: str, pos: int, floor: int) -> tuple[str, int] | None:
    """The title ending right before ``pos`` (a space or markdown's emphasis allowed: 主任医师**宋立群**),
    joined titles included (``创始人兼CEO``, ``创始人、董事长``): the title and where it starts."""
    end = pos
    while end - 1 >= floor and text[end - 1] in _BETWEEN_TITLE_AND_NAME and pos - end < 3:
        end -= 1
    title = _title_ending_at(text, end, floor)
    if not title:
        return None
    start = end - len(title)
    while True:
        join = start - 1
        while join >= floor and text[join] == " ":
            join -= 1  # 联合创始人兼 CEO: a space around the join between Han and Latin letters
        if join < floor or text[join] not in _TITLE_JOINS:
            break
        joint = join
        while joint - 1 >= floor and text[joint - 1] == " ":
            joint -= 1
        joined = _title_ending_at(text, joint, floor)
        if not joined:
            break
        start = joint - len(joined)
    return text[start:end], start


def _scope(gap: str) -> str | bool:
    """What lies between an organisation and its title: nothing, a scope (``机器学习PAI平台``), or
    too long a stretch to be one (False: the organisation is not this title's)."""
    gap = _ONE_OF.sub("", _BRACKETED.sub("", PERIODICAL_CLOSING.sub("", gap)).strip().removeprefix("的")).strip()
    if len(gap) > _SCOPE_MAX or _NOT_SCOPE.search(gap) or _holder_at_end(gap):
        return False
    return gap


# 一个很内敛的, 一位非常优秀的: an indefinite article and a description by degree before the noun (一名资深的 is a post's)
_DESCRIBED_AS = re.compile(r"\s?(?:一个|一位|一名|个|位)[^，,。；;]{0,4}(?:很|非常|特别|挺|比较|十分|极其|相当)[^，,。；;]{1,8}的\s?$")
_ONE_OF = re.compile(r"^(?:另一位|另外一位|另一个|其中一位|[这那]位)(?:的)?")  # 公司另一位联合创始人: which of them


def _holder_at_end(gap: str) -> bool:
    """心内科主任许慧敏, 心内科主任 许慧敏: another post and the name of who holds it, so the organisation
    is that person's, before this title."""
    for size in (2, 3, 4):
        head = gap[:-size].rstrip()
        if len(gap) > size and is_han_name(gap[-size:]) and head.endswith(tuple(lexicon.titles())):
            return True
    return False


def _org_before(orgs: list[Mention], text: str, pos: int) -> Mention | None:
    """The organisation a title belongs to: the nearest one before it in the same list item; of a
    name and its gloss in brackets (波士顿动力（Boston Dynamics）工程师), the name."""
    for k in range(len(orgs) - 1, -1, -1):
        org = orgs[k]
        if org.end <= pos and not _BREAK.search(text, org.end, pos):
            if k and _GLOSS_OPEN.fullmatch(text, orgs[k - 1].end, org.start) and _GLOSS_CLOSE.match(text, org.end):
                return orgs[k - 1]
            return org
    return None


_GLOSS_OPEN = re.compile(r"\s?[（(]\s?")
_GLOSS_CLOSE = re.compile(r"\s?[)）]")


def _part_of(transcript: Transcript, sentences: Sequence[Sentence]) -> Iterator[Relation]:
    """``华为云`` part of ``华为``: a name built on another organisation's name anywhere in the text
    (``卡耐基梅隆计算机学院`` on ``卡耐基梅隆大学``), ``X旗下的Y``, ``X的Y团队``, or a parent the
    lexicon records when both are named in one sentence."""
    text = transcript.document.text
    first: dict[str, Mention] = {}
    for sentence in sentences:
        named = [m for m in sentence.mentions if m.kind is Kind.ORGANIZATION]
        orgs = {_party_name(m): m for m in named}
        for name, mention in orgs.items():
            first.setdefault(name, mention)
            parent = _lexicon_parents().get(name)
            if parent in orgs and not _listed_together(text, mention, orgs[parent]):
                yield Relation(mention, Predicate.PARENT_ORGANIZATION, orgs[parent], sentence.start, sentence.end)
        for whole, part in zip(named, named[1:]):
            if _SUBSIDIARY.fullmatch(text, whole.end, part.start) or (
                    _OF.fullmatch(text, whole.end, part.start) and _UNIT_SUFFIX.search(part.text)):
                yield Relation(part, Predicate.PARENT_ORGANIZATION, whole, sentence.start, sentence.end)
    for name, mention in first.items():
        school = _SCHOOL_SUFFIX.search(name) is not None
        for other_name, other in first.items():
            if other_name == name:
                continue
            built_on = mention.text.startswith(other.text) and len(mention.text) > len(other.text)
            if built_on and (mention.canonical is None or _lexicon_parents().get(name) == other_name):
                yield Relation(mention, Predicate.PARENT_ORGANIZATION, other, mention.start, mention.end)
                break
            if school and not _UNIT_SUFFIX.search(other_name) and any(
                    len(stem) >= 2 and stem != whole and name.startswith(stem)
                    for whole in _names_of(other_name) for stem in [_WHOLE_SUFFIX.sub("", whole)]):
                yield Relation(mention, Predicate.PARENT_ORGANIZATION, other, mention.start, mention.end)
                break


def _named_after_maker(sentences: Sequence[Sentence]) -> Iterator[Relation]:
    """``360浏览器`` made by ``360集团``: a product named after an organisation the text names."""
    mentions = [m for sentence in sentences for m in sentence.mentions]
    by_name = makers(mentions)
    for product in mentions:
        maker = maker_of(product, by_name) if product.kind is Kind.MODEL else None
        if maker is not None:
            yield Relation(product, Predicate.CREATOR, maker, product.start, product.end)


def _listed_together(text: str, one: Mention, other: Mention) -> bool:
    """``迪士尼、皮克斯、Adobe``: items of one list are named as peers, which says nothing of one
    owning the other."""
    first, second = sorted((one, other), key=lambda m: m.start)
    return bool(_LIST_GAP.fullmatch(text, first.end, second.start))


def _affiliation_with_whole(relations: list[Relation]) -> list[Relation]:
    """Studying at a school of a university is an affiliation with the university too
    (``博士是卡耐基梅隆计算机学院`` → 卡耐基梅隆大学); a lab of a company is left as the text says."""
    whole = {_party_name(r.subject): r.object for r in relations
             if r.predicate is Predicate.PARENT_ORGANIZATION and _SCHOOL_SUFFIX.search(r.subject.text)}
    return [Relation(r.subject, r.predicate, whole[_party_name(r.object)], r.start, r.end, r.since)
            for r in relations if r.predicate in (Predicate.WORKS_FOR, Predicate.FORMERLY_AT)
            and _party_name(r.object) in whole]


def _names_of(name: str) -> tuple[str, ...]:
    """An organisation's name and the aliases the lexicon gives it (卡内基梅隆大学: 卡耐基梅隆大学, CMU)."""
    return (name,) + _lexicon_aliases().get(name, ())


@lexicon.derived
def _lexicon_aliases() -> dict[str, tuple[str, ...]]:
    return {e.name: e.aliases for e in lexicon.organizations()}


@lexicon.derived
def _lexicon_parents() -> dict[str, str]:
    return {e.name: e.parent for e in lexicon.organizations() if e.parent}
