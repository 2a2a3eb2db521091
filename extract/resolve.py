"""Resolving mentions to entities: one node per real person, organisation, model or place.

The resolve stage runs after extraction, over a whole corpus, and has one policy for what becomes
an entity: every kept mention does, under its preferred name, except a *reference* to a person
(a bare surname, a given name, a form of address: 田老师, 一凡老师, 海龙总), which needs exactly one
person of its document to refer to (田老师 → 田奇; 海龙总 → 张海龙).  A reference that fits no one, or
several people, is *unresolved*: kept on its ``ResolvedDocument`` for the build to report, never
dropped without a word.  Lexicon names resolve to their preferred name (阿里 → 阿里巴巴); short and
long forms of one name meet (封神榜 / 封神榜大模型); a Latin family name meets the one full name it
ends (Altman → Sam Altman).  Two different people who share a surname or a given name are never merged.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, MutableSequence, Sequence
from dataclasses import dataclass

from talkgraph.ontology import lexicon

from .chinese_names import HAN_WORD, is_han_name, strip_honorific, surname_of
from .lexicon_match import fold, preferred_names
from .model import Extraction, Kind, Mention, Party, Predicate, SpeakerKind, SpeakerRef
from .organizations import INDUSTRY_SUFFIXES
from .places import place_names
from .readers.speakers import ROLE_LABELS

# the company forms an organisation's name is also said without: 百度公司 is 百度
COMPANY_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "公司", "集团")
# the bare word for a company (现任公司董事, 本公司): a reference to the company the text last named
COMPANY_REFERENCES = frozenset({"公司", "集团", "本公司", "本集团"})
# 深瞳医疗科技 is 深瞳医疗, 极川汽车 is 极川 and 启澜资本 is 启澜 where the text says both: a trade word
# (or a fund's 资本) is said without too, as a site's 网 is (大众点评网 is 大众点评)
_ORG_TAILS = re.compile(f"(?:科技)?(?:{'|'.join(COMPANY_FORMS)})$|(?:科技|资本|创投|{'|'.join(INDUSTRY_SUFFIXES)})$"
                        "|(?<=[\u4e00-\u9fff]{2})网$")
_MODEL_TAILS = re.compile(r"(?:深度学习框架|大模型|模型|框架)$")


@dataclass(frozen=True, slots=True)
class Entity:
    key: str  # "<kind>/<label>": stable across runs and documents, the IRI's tail
    kind: Kind
    label: str
    aliases: tuple[str, ...]
    mention_count: int
    is_role_label: bool = False  # a speaker known only as 主持人, Q, ...


@dataclass(frozen=True, slots=True)
class ResolvedDocument:
    extraction: Extraction
    entity_of: Mapping[Mention, str]  # kept mention → entity key
    speaker_of: Mapping[str, str]  # speaker name as written → entity key
    unresolved: tuple[Mention, ...] = ()  # person references that fit no one, or several people

    def key(self, party: Party | None) -> str | None:
        """The entity a mention or a speaker reference stands for, if it resolved."""
        if party is None:
            return None
        if isinstance(party, SpeakerRef):
            return self.speaker_of.get(party.name)
        return self.entity_of.get(party)


@dataclass(frozen=True, slots=True)
class ResolvedCorpus:
    """What the build stage turns into RDF and NetworkX."""

    documents: Sequence[ResolvedDocument]
    entities: Mapping[str, Entity]


def entity_key(kind: Kind, label: str) -> str:
    return f"{kind.value.lower()}/{label}"


def resolve_aliases(extractions: Iterable[Extraction],
                    documents: MutableSequence[ResolvedDocument] | None = None) -> ResolvedCorpus:
    """Resolve every mention of every transcript into one set of entities.

    One pass over ``extractions``, each dropped once resolved into ``documents`` (a new list by
    default; any sequence with ``append``, such as one that keeps them on disk), so the extractions
    may be a stream.

    The same name across transcripts is one node, except for people: two transcripts' people of
    one name whose organisations are known and differ are two nodes (``张鹏`` of 极客公园 and
    ``张鹏`` of a bank), the second keyed by its organisation.  Which is which is decided once all
    transcripts are read (``_namesakes``), so the keys — the IRIs — do not depend on their order.
    """
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[str, Kind] = {}
    role_labels: set[str] = set()
    people: dict[str, list[_Namesake]] = defaultdict(list)
    labels: dict[str, str] = {}  # a key's label when it is not the key's tail
    documents = [] if documents is None else documents
    for extraction in extractions:
        entity_of, speaker_of, unresolved = _resolve_document(extraction)
        said: dict[str, Counter[str]] = defaultdict(Counter)
        for mention, key in entity_of.items():
            said[key][mention.text] += 1
            kinds[key] = mention.kind
        for name, key in speaker_of.items():
            record = extraction.transcript.speaker_record(name)
            said[key][name] += 0
            for alias in record.aliases:  # the labels as written: Jenny, A, 红衣大叔
                said[key][alias] += 0
            kinds[key] = Kind.ORGANIZATION if record.kind is SpeakerKind.ORGANIZATION else Kind.PERSON
            if name in ROLE_LABELS or record.kind is SpeakerKind.UNNAMED:
                role_labels.add(key)
                labels[key] = name
        for alias, mention in extraction.aliases:
            key = entity_of.get(mention)
            if key:
                said[key][alias] += 0
        affiliations = _affiliations(extraction, entity_of, speaker_of)
        for key, counts in said.items():
            if key in affiliations:
                people[key].append(_Namesake(len(documents), frozenset(affiliations[key]), counts))
            else:
                forms[key].update(counts)
        documents.append(ResolvedDocument(extraction, entity_of, speaker_of, unresolved))
    renamed: dict[int, dict[str, str]] = defaultdict(dict)  # transcript → its person keys that change
    for key, seen in people.items():
        for new_key, members in _namesakes(key, seen):
            for member in members:
                forms[new_key].update(member.forms)
                if new_key != key:
                    renamed[member.document][key] = new_key
            if new_key != key:
                labels[new_key], kinds[new_key] = labels.get(key) or key.split("/", 1)[1], kinds[key]
                if key in role_labels:
                    role_labels.add(new_key)
    entities = {}
    for key in sorted(forms):
        label = labels.get(key) or key.split("/", 1)[1]
        aliases = set(forms[key]) | _lexicon_aliases(kinds[key], label)
        aliases.discard(label)
        entities[key] = Entity(key, kinds[key], label, tuple(sorted(aliases)), sum(forms[key].values()),
                               key in role_labels)
    return ResolvedCorpus(_RenamedDocuments(documents, dict(renamed)) if renamed else documents, entities)


@dataclass(frozen=True, slots=True)
class _Namesake:
    """A person of one name as one transcript knows them: its organisations and the forms it uses."""

    document: int
    organizations: frozenset[str]
    forms: Counter[str]


def _namesakes(key: str, seen: list[_Namesake]) -> list[tuple[str, list[_Namesake]]]:
    """The people behind one person key, each with its key: transcripts whose organisations for
    the name overlap (directly or through others) speak of one person.  Transcripts that know no
    organisation for the name join the first.  When there are several, the one whose organisations
    sort first keeps the plain key and each other is keyed by its first organisation — an order of
    names, never of inputs."""
    groups: list[tuple[set[str], list[_Namesake]]] = []
    for member in (m for m in seen if m.organizations):
        overlapping = [g for g in groups if g[0] & member.organizations]
        merged = (set(member.organizations).union(*(g[0] for g in overlapping)),
                  [member] + [m for g in overlapping for m in g[1]])
        groups = [g for g in groups if not g[0] & member.organizations] + [merged]
    groups.sort(key=lambda group: sorted(group[0]))
    unaffiliated = [m for m in seen if not m.organizations]
    if not groups:
        return [(key, unaffiliated)]
    groups[0][1].extend(unaffiliated)
    return [(key if n == 0 else f"{key}/{min(orgs).split('/', 1)[1]}", members)
            for n, (orgs, members) in enumerate(groups)]


class _RenamedDocuments(Sequence[ResolvedDocument]):
    """The resolved transcripts with the person keys that ``_namesakes`` changed, renamed as each
    is read (the transcripts may be on disk, and few hold a namesake)."""

    def __init__(self, documents: Sequence[ResolvedDocument], renamed: dict[int, dict[str, str]]):
        self.documents, self.renamed = documents, renamed

    def __len__(self) -> int:
        return len(self.documents)

    def __getitem__(self, index: int) -> ResolvedDocument:  # type: ignore[override]
        doc = self.documents[index]
        names = self.renamed.get(index if index >= 0 else index + len(self))
        if not names:
            return doc
        return ResolvedDocument(doc.extraction, {m: names.get(k, k) for m, k in doc.entity_of.items()},
                                {n: names.get(k, k) for n, k in doc.speaker_of.items()}, doc.unresolved)

    def __iter__(self) -> Iterator[ResolvedDocument]:
        for index in range(len(self.documents)):
            yield self[index]


def _affiliations(extraction: Extraction, entity_of: Mapping[Mention, str],
                  speaker_of: Mapping[str, str]) -> dict[str, set[str]]:
    """Each person's organisations in one transcript (works for, founded, holds a title at)."""
    def key(party: Party) -> str | None:
        return speaker_of.get(party.name) if isinstance(party, SpeakerRef) else entity_of.get(party)

    out: dict[str, set[str]] = defaultdict(set)
    for r in extraction.relations:
        person, org = (r.subject, r.object) if r.predicate is Predicate.WORKS_FOR else (r.object, r.subject)
        if r.predicate in (Predicate.WORKS_FOR, Predicate.FOUNDER) and key(person) and key(org):
            out[key(person)].add(key(org))
    for role in extraction.roles:
        if role.organization is not None and key(role.person) and key(role.organization):
            out[key(role.person)].add(key(role.organization))
    for k in set(entity_of.values()) | set(speaker_of.values()):
        if k.startswith("person/"):
            out.setdefault(k, set())
    return out


def _resolve_document(extraction: Extraction) -> tuple[dict[Mention, str], dict[str, str], tuple[Mention, ...]]:
    speakers = extraction.transcript.speakers
    people = _people(speakers, extraction.mentions)
    speaker_of = {name: _speaker_key(extraction, name) for name in speakers}
    entity_of: dict[Mention, str] = {}
    unresolved: list[Mention] = []
    spellings = _spellings(extraction.mentions)
    short_forms = (_legal_names(extraction.mentions) | _short_forms(extraction.mentions) | spellings
                   | _tails(extraction.mentions) | _model_tails(extraction.mentions, spellings))
    # another name of a person (Emily Zhang of 张雨桐（…）): its mentions are that person's
    same_person = {alias: strip_honorific(m.text) for alias, m in extraction.aliases if m.kind is Kind.PERSON}
    transcript = extraction.transcript
    same_person |= {alias: name for name in speakers for alias in transcript.speaker_record(name).aliases
                    if transcript.speaker_record(name).kind is SpeakerKind.PERSON}  # Mia of Mia（苏米娅）：
    # an organisation's name in Latin letters (Lanxi Therapeutics of 澜溪医药（Lanxi Therapeutics）)
    same_organization = {alias: m.canonical or m.text for alias, m in extraction.aliases if m.kind is Kind.ORGANIZATION}
    text = extraction.transcript.document.text
    named_company: Mention | None = None  # the organisation the paragraph named last
    for mention in sorted(extraction.mentions, key=lambda m: m.start):
        if mention.kind is Kind.PERSON:
            base = strip_honorific(mention.text)
            # 王老师 as a label says who 王老师 is in the text too, where two people are surnamed 王
            person = same_person.get(mention.text) or same_person.get(base) or _person_for(base, people, speakers) \
                or (_addresses_a_participant(text, mention) and _speaker_addressed(base, speakers, people))
            person = same_person.get(person, person)
            if person:
                entity_of[mention] = entity_key(Kind.PERSON, person)
            else:
                unresolved.append(mention)
        elif mention.kind is Kind.ORGANIZATION and mention.text in COMPANY_REFERENCES:
            if named_company is not None and "\n" not in text[named_company.end:mention.start]:
                entity_of[mention] = entity_of[named_company]
            else:
                unresolved.append(mention)
        else:
            name = mention.canonical or _listed_name(mention) or mention.text
            name = short_forms.get(name, name)  # 极川汽车 (of 极川汽车有限公司) is 极川 where both are said
            if mention.kind is Kind.ORGANIZATION:  # Tinker Dynamics of 匠动科技（…）, where 匠动 is said too
                name = same_organization.get(name, name)
                name = short_forms.get(name, name)
            entity_of[mention] = entity_key(mention.kind, name)
            if mention.kind is Kind.ORGANIZATION and not name.endswith(_NO_COMPANY_ENDINGS):
                named_company = mention  # 公司 after 浙江大学管理学院 is still the company spoken of before
    return entity_of, speaker_of, tuple(unresolved)


def _listed_name(mention: Mention) -> str | None:
    """The lexicon's preferred name of a mention another finder than the lexicon's found under one of
    its names (the model's 谷歌 is Google, as the lexicon's is)."""
    return preferred_names(mention.kind).get(fold(mention.text))


def _speaker_key(extraction: Extraction, name: str) -> str:
    """An outlet is an organisation; a speaker known only by a label (说话人 2) is this transcript's own."""
    kind = extraction.transcript.speaker_record(name).kind
    if kind is SpeakerKind.ORGANIZATION:
        return entity_key(Kind.ORGANIZATION, name)
    if kind is SpeakerKind.UNNAMED:
        return entity_key(Kind.PERSON, f"{extraction.transcript.document.doc_id}/{name}")
    return entity_key(Kind.PERSON, name)


def _people(speakers: tuple[str, ...], mentions: tuple[Mention, ...]) -> tuple[str, ...]:
    """The full names of this document's people: speakers, the listed people it names, then the other
    names that are no reference (so that 马克 before 扎克伯格 is still his given name)."""
    names = dict.fromkeys(speakers)
    listed = lexicon.persons_by_name()
    for mention in sorted(mentions, key=lambda m: strip_honorific(m.text) not in listed):
        if mention.kind is Kind.PERSON:
            base = strip_honorific(mention.text)
            if not is_person_reference(mention.text) and _person_for(base, tuple(names)) is None:
                names.setdefault(base)
    return tuple(names)


def is_person_reference(text: str) -> bool:
    """A name that needs someone to refer to: a form of address whose name part is no full name
    (田老师, 一凡老师), a bare surname, or a short Chinese word that is no full name (given names)."""
    base = strip_honorific(text)
    if base in lexicon.surnames():
        return True
    if HAN_WORD.fullmatch(base):
        return not is_han_name(base) and (base != text or len(base) <= _MAX_GIVEN_NAME)
    return len(base) < 2


_MAX_GIVEN_NAME = 2


def name_span(mention: Mention) -> tuple[int, int] | None:
    """The part of a mention that is a name: a person's without the form of address (田奇老师 → 田奇);
    None when what is left is no name (张老师 → 张)."""
    if mention.kind is not Kind.PERSON:
        return mention.start, mention.end
    base = strip_honorific(mention.text)
    if len(base) < 2:
        return None
    return mention.start, mention.start + len(base)


def _person_for(base: str, people: tuple[str, ...], speakers: tuple[str, ...] = ()) -> str | None:
    """The one person ``base`` names: the full name, the given or family name (Chinese or Latin), or a
    surname unique here, among the full names and the speakers known by it alone (小何 of 听众小何：)."""
    if base in people:
        return base
    listed = _listed_person(base, people)
    if listed:
        return listed
    by_given = [p for p in people if len(base) >= 2 and p.endswith(base) and surname_of(p)
                and p[len(surname_of(p)):] == base]
    if len(by_given) == 1:
        return by_given[0]
    if not _NAME_PART_JOIN.search(base):  # Altman or Sam of Sam Altman, 马丁内斯 of 卡洛斯·马丁内斯
        by_part = [p for p in people if _NAME_PART_JOIN.search(p) and base in _outer_parts(p)]
        if len(by_part) == 1:
            return by_part[0]
    if base[-1:] in FAMILIAR_SUFFIXES and len(base) >= 2:  # 凡哥, 晚秋姐: a given name called familiarly
        by_familiar = [p for p in people if surname_of(p) and p[len(surname_of(p)):].endswith(base[:-1])]
        if len(by_familiar) == 1:
            return by_familiar[0]
    if base[:1] in FAMILIAR_PREFIXES and base[1:] in lexicon.surnames():  # 老周, 小王: a surname called familiarly
        base = base[1:]
    if base in lexicon.surnames():
        by_surname = [p for p in people if surname_of(p) == base and len(p) > len(base)
                      or p in speakers and _familiar_surname(p) == base]
        if len(by_surname) == 1:
            return by_surname[0]
    return None


def _familiar_surname(name: str) -> str | None:
    """何 of 小何, 周 of 老周: the surname a name calls familiarly."""
    return name[1:] if name[:1] in FAMILIAR_PREFIXES and name[1:] in lexicon.surnames() else None


def _addresses_a_participant(text: str, mention: Mention) -> bool:
    """``谢谢韩老师``, ``韩老师，…``, ``韩老师刚才的观点``, ``李总说的…``: a form of address spoken to
    someone taking part, or of their words just said; ``跟晓雯和周总吃完饭`` speaks of someone, who may be anyone."""
    if strip_honorific(mention.text) == mention.text:
        return False
    return bool(_THANKED_BEFORE.search(text, max(0, mention.start - 4), mention.start)
                or _CLAUSE_START.search(text, max(0, mention.start - 1), mention.start) and _VOCATIVE_AFTER.match(text, mention.end)
                or _THEIR_WORDS_AFTER.match(text, mention.end))


_THANKED_BEFORE = re.compile(r"(?:谢谢|感谢|请|问一下|问问)$")
_CLAUSE_START = re.compile(r"(?:^|[\n。！？!?；;：:])$")
_VOCATIVE_AFTER = re.compile(r"\s?[，,：:]")
# 李总说的平台能力, 何同学说得对
_THEIR_WORDS_AFTER = re.compile(r"(?:刚才|前面|之前)|的(?:观点|看法|意见|问题|判断)|(?:说|讲|提到|提)的|(?:说|讲)得")


def _speaker_addressed(surname: str, speakers: tuple[str, ...], people: tuple[str, ...]) -> str | None:
    """韩老师 where the document names two people surnamed 韩, one of them speaking and the other only
    spoken of (MIT的韩松): a form of address in a conversation is to (or of) the one taking part."""
    speaking = [p for p in speakers if (surname_of(p) == surname and len(p) > len(surname) or _familiar_surname(p) == surname)
                and p in people]
    return speaking[0] if len(speaking) == 1 else None


_NAME_PART_JOIN = re.compile(r"[ ·•・]")


def _outer_parts(name: str) -> tuple[str, str]:
    parts = _NAME_PART_JOIN.split(name)
    return parts[0], parts[-1]


FAMILIAR_PREFIXES = ("老", "小")  # before a surname, the familiar way to call someone
FAMILIAR_SUFFIXES = ("哥", "姐")  # after the given name or its last character: 凡哥, 晚秋姐


def _listed_person(base: str, people: tuple[str, ...]) -> str | None:
    """The one person of ``people`` that ``base`` names by the person lexicon: another of their
    listed names (扎克伯格 / Mark Zuckerberg), or the given name of a listed full name (马克 of
    马克·扎克伯格, Sam of Sam Altman)."""
    names = lexicon.persons_by_name()
    entry = names.get(base)
    if entry is not None:
        same = [p for p in people if names.get(p) is entry]
        return same[0] if same else None
    by_given = {p for p in people if names.get(p) is not None
                and base in (re.split(r"[·\s]", n, maxsplit=1)[0] for n in names[p].names if re.search(r"[·\s]", n))}
    return by_given.pop() if len(by_given) == 1 else None


def _short_forms(mentions: tuple[Mention, ...]) -> dict[str, str]:
    """``封神榜大模型`` → ``封神榜``, ``X公司`` → ``X``, ``小米集团`` → the lexicon's ``小米``: a long form meets
    its short form in one document."""
    texts = {m.text for m in mentions if m.kind is not Kind.PERSON and not m.canonical}
    names = texts | {m.canonical for m in mentions if m.kind is not Kind.PERSON and m.canonical}
    out = {}
    for text in names:
        for tail in (_MODEL_TAILS, _ORG_TAILS):
            stem = tail.sub("", text)
            if stem != text and stem in names:
                out[text] = stem
    for text, stem in out.items():  # 极川汽车有限公司 → 极川汽车 → 极川
        while stem in out and out[stem] != stem:
            stem = out[stem]
        out[text] = stem
    return out


def _legal_names(mentions: tuple[Mention, ...]) -> dict[str, str]:
    """``北京云栈智能科技有限公司`` → ``云栈``, ``深圳墨弦数据技术有限公司`` → ``墨弦``, ``宁德时代新能源科技
    股份有限公司`` → ``宁德时代``: a company's registered name, the place it is registered in first or
    only trade words after the name, opening with a short name the document also calls it by (the
    longest, when one short name opens another)."""
    orgs = {m.canonical or m.text for m in mentions if m.kind is Kind.ORGANIZATION}
    out = {}
    for legal in orgs:
        if not legal.endswith(_REGISTERED_FORMS):
            continue
        place = max((p for p in place_names() if legal.startswith(p)), key=len, default="")
        body = legal[len(place):].removeprefix("市")
        short = [o for o in orgs if len(o) >= _MIN_SHORT_NAME and o != legal and body.startswith(o)
                 and not o.endswith(_REGISTERED_FORMS) and (place or _TRADE_AND_FORM.fullmatch(body, len(o)))]
        if short:
            out[legal] = max(short, key=len)
    return out


_REGISTERED_FORMS = ("有限公司", "有限责任公司", "股份有限公司")
# 新能源科技股份有限公司 of 宁德时代新能源科技股份有限公司: trade words and the form alone after the short name
# (where no place opens the name: 华为终端有限公司 is a company of its own)
_TRADE_AND_FORM = re.compile(f"(?:[（(]中国[)）])?(?:{'|'.join(INDUSTRY_SUFFIXES)}|科技|技术|信息|数据|新能源|软件|通信)+"
                             f"(?:{'|'.join(_REGISTERED_FORMS)})")
_MIN_SHORT_NAME = 2


def _tails(mentions: tuple[Mention, ...]) -> dict[str, str]:
    """``中山医院`` → ``复旦大学附属中山医院``, ``人工智能研究院`` → ``北京智源人工智能研究院``: an
    institution's name that ends the one longer name of the document it ends (its parent or place left
    off), four characters or more."""
    orgs = {m.text for m in mentions if m.kind is Kind.ORGANIZATION and not m.canonical}
    out = {}
    for short in orgs:
        if len(short) < _MIN_TAIL or not short.endswith(_INSTITUTION_ENDINGS):
            continue
        longer = [o for o in orgs if len(o) >= len(short) + 2 and o.endswith(short)]
        if len(longer) == 1:
            out[short] = longer[0]
    return out


def _model_tails(mentions: tuple[Mention, ...], spellings: Mapping[str, str]) -> dict[str, str]:
    """``R1`` → ``DeepSeek-R1``, ``K2`` → ``Kimi K2``: a one-word model name with a version in it that
    ends, after a hyphen or a space, the one longer model name of the document (its maker's or
    family's name said first, then left off).  A name of several words is never a tail (Llama 3 is
    no Code Llama 3)."""
    names = {m.canonical or m.text for m in mentions if m.kind is Kind.MODEL}
    out = {}
    for short in names:
        if not _ONE_WORD_VERSION.fullmatch(short):
            continue
        longer = {spellings.get(name, name) for name in names if re.search(f"[- ]{re.escape(short)}$", name)}
        if len(longer) == 1:
            out[short] = longer.pop()
    return out


_ONE_WORD_VERSION = re.compile(r"(?=.*[A-Za-z])[A-Za-z0-9.]*\d[A-Za-z0-9.]*")
_MIN_TAIL = 4
# a school, a hospital, a government body or a court: no company that 公司 could be
_NO_COMPANY_ENDINGS = ("医院", "大学", "学院", "学校", "研究院", "研究所", "实验室", "局", "委员会", "办公室", "法院", "政府", "部", "厅")
_INSTITUTION_ENDINGS = ("医院", "大学", "学院", "研究院", "研究所", "实验室", "中心", "局", "委员会", "办公室", "银行", "法院")


def spelling_key(name: str) -> str:
    """What two spellings of one Latin-script name share: ``GPT4.0``, ``GPT-4`` and ``gpt 4`` (a
    version's trailing ``.0`` is the version itself), ``Llama3.1`` and ``Llama 3.1``."""
    return re.sub(r"(?<=\d)\.0$", "", fold(name))


def _spellings(mentions: tuple[Mention, ...]) -> dict[str, str]:
    """Each Latin-script spelling of a model or organisation → the name it is one spelling of: the
    lexicon's preferred name when the lexicon knows the name, else the document's most frequent spelling."""
    known = _known_spellings()
    groups: dict[tuple[Kind, str], Counter[str]] = defaultdict(Counter)
    for m in mentions:
        if m.kind is not Kind.PERSON and not m.canonical and m.text.isascii():
            groups[m.kind, spelling_key(m.text)][m.text] += 1
    out = {}
    for (kind, key), texts in groups.items():
        name = known.get((kind, key)) or min(texts, key=lambda t: (-texts[t], t))
        out.update((t, name) for t in texts if t != name)
    return out


@lexicon.derived
def _known_spellings() -> dict[tuple[Kind, str], str]:
    out: dict[tuple[Kind, str], str] = {}
    for kind, entries in ((Kind.ORGANIZATION, lexicon.organizations()), (Kind.MODEL, lexicon.models())):
        for entry in entries:
            for name in entry.names:
                if name.isascii():
                    out.setdefault((kind, spelling_key(name)), entry.name)
    return out


def _lexicon_aliases(kind: Kind, label: str) -> set[str]:
    if kind is Kind.PERSON:  # a person is labelled by the name the text uses, any of the listed ones
        entry = lexicon.persons_by_name().get(label)
        return set(entry.names) if entry else set()
    source = {Kind.ORGANIZATION: lexicon.organizations, Kind.MODEL: lexicon.models,
              Kind.PLACE: lexicon.places}.get(kind)
    if source is None:
        return set()
    for entry in source():
        if entry.name == label:
            return set(entry.aliases)
    return set()
