"""Numbered speakers (发言人3, 说话人 2, SPEAKER_01) named by how the others call them.

A meeting tool's recogniser tells voices apart but not who they are; the people in the room say
it.  The chair hands the floor over by name at the end of a turn (``请放射科钱主任汇报一下``,
``博文你先来吧``, ``陈晓，你觉得合同能改吗？``), and the next speaker answers whoever just spoke
(``好的，谢谢邓院长。``, ``明白，邵老师。``, ``孟处说得对``).  Each such call is a vote for the label
of the turn it points at.  A label takes the name its votes give when they agree (two to one at
least), no other speaker goes by that name, and no other label is called by it as often.  A form of
address is the full name behind it where the text says which: the one attendee of that surname
(``参会人：…、钱卫东、…``), or the one full name said with that same form (``冯立群主任``).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from talkgraph.ontology import lexicon

from ..chinese_names import SURNAME_FORMS, forms_after_a_name, is_han_name, surname_of
from ..deferred import DeferredPattern
from ..model import SpeakerKind
from ..tokens import in_dictionary
from .labels import LATIN_FULL_NAME, NUMBERED_SPEAKER

Said = tuple[tuple[str, ...], str]  # a turn's speaker labels and its words
Resolution = dict[str, tuple[str, SpeakerKind]]

# 孙护士长, 钱主任, 邵老师: a surname and a title or form of address; 孟处, 王局: the short forms of
# 处长 and 局长 a meeting calls officials by, after a surname alone, as 贺工 calls an engineer
_SHORT_POSTS = ("处", "局") + SURNAME_FORMS
_FORMS = forms_after_a_name() + _SHORT_POSTS  # longest first, the one-character short forms last
# the words that hand the floor to someone: 汇报, 说一下, 先来, 介绍一下, 补充
_TAKE_THE_FLOOR = (r"(?:先|来|再|也|给大家|跟大家|为大家)*(?:汇报|发言|讲|说|介绍|分享|补充|谈谈|聊聊|回答|开始|"
                   r"来(?=[吧啊。！!？?，,]|$))")  # 请陈蕾来做床旁 gives her a task, not the floor
# 请放射科钱主任汇报一下, 有请张总: an invitation, the name last before the floor's verb
_INVITATION = DeferredPattern(rf"(?:请|有请)(?P<run>[^。！？!?，,；;\s]{{2,16}}?)(?={_TAKE_THE_FLOOR}|[。！!]?$)")
# 博文你先来吧, 陈晗你说一下judge的实验, 孟处，您来对接一下: the name, then 你/您 and the floor's verb
_YOU_GO = DeferredPattern(rf"(?P<run>[\u3400-\u9fff]{{2,8}}?)[，,]?\s?(?:你|您)(?:先|来|再|也)*{_TAKE_THE_FLOOR}")
# 陈晓，你觉得合同能改吗？: a question opening with the name it is put to
_VOCATIVE = DeferredPattern(r"^(?P<run>[\u3400-\u9fff]{2,6}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s?[，,]")
# 好的，谢谢邓院长。 / 明白，邵老师。 / 孟处说得对: a reply's opening, calling whoever just spoke; a name
# alone before a comma (林晓雯，药学部怎么看？) may as well call the next one
_REPLY = DeferredPattern(r"^(?P<filler>(?:(?:好的?|嗯|对|是的?|明白|行|收到|OK|ok)[，,。！!\s]*)*)(?P<thanks>谢谢|感谢|多谢)?\s?"
                         r"(?P<run>[\u3400-\u9fff]{2,6}?)(?P<after>[，,]|[。！!\s]|说得|讲得|提醒得|的(?:意见|建议|判断|观点))")
_YOU_OPENING = DeferredPattern(r"^(?P<run>[\u3400-\u9fff]{2,4}?)[，,]?\s?(?:你|您)")
_SENTENCE_END = re.compile(r"[。！？!?]+")
_VOTES_TO_ONE = 2  # a name must have at least twice the votes of all the others together


def name_called_speakers(resolution: Resolution, said: Sequence[Said], text: str, attendees: Sequence[str]) -> None:
    """Give each numbered label no other evidence named the name the others call it by."""
    taken = {name for name, _ in resolution.values()}
    votes: dict[str, Counter[str]] = {}
    for label, name in _calls(resolution, said):
        speaker = _relabelled_speaker(label, name, resolution, said)
        if speaker is not None:
            votes.setdefault(label, Counter())[speaker] += 1
        elif name not in taken and not _addresses_one_of(name, taken):
            votes.setdefault(label, Counter())[name] += 1
    chosen: dict[str, tuple[str, int]] = {}
    for label, counted in votes.items():
        (name, top), = counted.most_common(1)
        if top >= _VOTES_TO_ONE * (sum(counted.values()) - top):
            chosen[label] = (name, top)
    for label, (name, top) in chosen.items():
        rivals = [t for other, (n, t) in chosen.items() if other != label and n == name]
        if name in taken:  # the voice the tool knew by name only later
            resolution[label] = (name, SpeakerKind.PERSON)
        elif all(top > t for t in rivals):
            full = _full_name_of(name, text, attendees)
            resolution[label] = (full if full and full not in taken else name, SpeakerKind.PERSON)


def _relabelled_speaker(label: str, name: str, resolution: Resolution, said: Sequence[Said]) -> str | None:
    """The speaker a call names (贺工 → 贺建国) when no other speaker shares the surname and the label's
    turns all come before theirs or all after: a meeting tool that told the voice by its number
    until someone renamed it (``说话人 3`` up to 00:04:30, ``贺建国`` from 00:05:36), others speaking
    between.  Where the two take turns with each other, or one follows the other straight away (the
    tool told their voices apart), they are two people, and the call is to someone else."""
    address = _address(name)
    surname = address[0] if address else (surname_of(name) if is_han_name(name) else None)
    if surname is None:
        return None
    speakers = {person for person, kind in resolution.values() if kind is SpeakerKind.PERSON and surname_of(person) == surname}
    if len(speakers) != 1 or (address is None and name not in speakers):
        return None
    person = speakers.pop()
    own = [i for i, (names, _) in enumerate(said) if label in names]
    theirs = [i for i, (names, _) in enumerate(said) if any(resolution[n][0] == person for n in names if n in resolution)]
    return person if theirs and (min(theirs) - max(own) > 1 or min(own) - max(theirs) > 1) else None


def _calls(resolution: Resolution, said: Sequence[Said]) -> Iterator[tuple[str, str]]:
    """(label, name) for each call: the turn before hands over to the label's turn, the turn after
    answers it."""
    for i, (names, _) in enumerate(said):
        if len(names) != 1 or not _unnamed_number(names[0], resolution):
            continue
        before = said[i - 1] if i else None
        after = said[i + 1] if i + 1 < len(said) else None
        if before is not None and len(before[0]) == 1 and before[0] != names:
            yield from ((names[0], name) for name in _handed_to(before[1]))
        if after is not None and len(after[0]) == 1 and after[0] != names:
            yield from ((names[0], name) for name in _answered(after[1]))


def _unnamed_number(label: str, resolution: Resolution) -> bool:
    name, kind = resolution[label]
    return kind is SpeakerKind.UNNAMED and NUMBERED_SPEAKER.match(label) is not None


def _handed_to(words: str) -> Iterator[str]:
    """The name a turn's last sentence hands the floor to."""
    last = _last_sentence(words)
    for pattern in (_INVITATION, _YOU_GO):
        for m in pattern.finditer(last):
            name = _name_ending(m["run"])
            if name:
                yield name
                return
    vocative = _VOCATIVE.match(last)
    if vocative and last.rstrip().endswith(("？", "?")):
        name = vocative["run"] if vocative["run"].isascii() else _name_ending(vocative["run"], whole=True)
        if name and (not name.isascii() or LATIN_FULL_NAME.fullmatch(name)):
            yield name


def _answered(words: str) -> Iterator[str]:
    """The name a turn's opening calls the one who just spoke by: in a reply (``好的，谢谢邓院长。``), or
    before 你 in a first sentence the turn goes on after (``贺工你先别急，我们先把账算清楚。蕾蕾，…？``)."""
    opening = words.lstrip()
    reply = _REPLY.match(opening)
    if reply and (reply["filler"] or reply["thanks"] or reply["after"] not in "，,"):
        name = _name_ending(reply["run"], whole=True)
        if name:
            yield name
            return
    you = _YOU_OPENING.match(opening)
    if you and _last_sentence(opening) != opening.rstrip():
        name = _name_ending(you["run"], whole=True)
        if name:
            yield name


def _last_sentence(words: str) -> str:
    pieces = [p for p in _SENTENCE_END.split(words.rstrip()) if p.strip()]
    if not pieces:
        return ""
    start = words.rstrip().rfind(pieces[-1])
    return words[start:].strip()


def _name_ending(run: str, whole: bool = False) -> str | None:
    """The form of address (钱主任, 孟处) or the full name (陈晓) ``run`` ends with, or is when ``whole``."""
    for form in _FORMS:
        if run.endswith(form) and len(run) > len(form):
            head = run[:-len(form)]
            surname = head[-2:] if head[-2:] in lexicon.surnames() else head[-1:]
            if surname in lexicon.surnames() and (not whole or head == surname):
                return surname + form
    for size in (3, 2):
        piece = run[-size:]
        if len(run) >= size and (not whole or piece == run) and is_han_name(piece) \
                and not (len(run) > size and in_dictionary(run[-size - 1:-size + 1])):
            return piece
    return None


def _addresses_one_of(name: str, people: set[str]) -> bool:
    """邵老师 where 邵明 already speaks: the call is to that speaker."""
    address = _address(name)
    return address is not None and any(surname_of(p) == address[0] for p in people)


def _address(name: str) -> tuple[str, str] | None:
    """The surname and the form of a form of address (钱主任 → 钱, 主任)."""
    form = next((f for f in _FORMS if name.endswith(f) and len(name) > len(f)), None)
    surname = name[:-len(form)] if form else None
    return (surname, form) if surname and surname in lexicon.surnames() else None


def _full_name_of(name: str, text: str, attendees: Sequence[str]) -> str | None:
    """The one attendee of the address's surname, else the one full name the text says with the same form."""
    address = _address(name)
    if address is None:
        return None
    surname, form = address
    listed = {p for p in attendees if surname_of(p) == surname}
    if listed:
        return listed.pop() if len(listed) == 1 else None
    said = {m["name"] for m in re.finditer(rf"(?P<name>{re.escape(surname)}[\u3400-\u9fff]{{1,2}}?){re.escape(form)}", text)
            if is_han_name(m["name"])}
    return said.pop() if len(said) == 1 else None
