"""The data model that flows between talkgraph's stages.

Every span is a half-open ``[start, end)`` range of code points into ``Document.text``, so
``doc.text[x.start:x.end] == x.text`` always holds, as with spaCy's ``Span``.  All records are
frozen: a stage returns new records instead of changing the ones it was given.
"""
from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from operator import itemgetter


class Kind(str, Enum):
    """What an entity mention names; ``ontology.namespace.ENTITY_CLASSES`` gives each its RDF class."""

    PERSON = "Person"
    ORGANIZATION = "Organization"
    MODEL = "Model"  # AI models, frameworks and other software (schema:SoftwareApplication)
    PLACE = "Place"


class Predicate(str, Enum):
    """A relation between two entities; ``ontology.namespace.RELATIONS`` gives each its property."""

    WORKS_FOR = "worksFor"
    FORMERLY_AT = "formerlyAt"
    FOUNDER = "founder"  # organisation → person
    PARENT_ORGANIZATION = "parentOrganization"
    CREATOR = "creator"  # work → maker
    COLLEAGUE = "colleague"
    KNOWS = "knows"
    AGREES_WITH = "agreesWith"
    DIFFERS_FROM = "differsFrom"  # a speaker disagrees with another's view (不同意, 不完全认同)


class ClaimType(str, Enum):
    """What kind of assertion a claim is; ``ontology.namespace.CLAIM_TYPES`` gives each its class."""

    JUDGEMENT = "judgement"
    PREDICTION = "prediction"
    FIGURE = "figure"
    RECOMMENDATION = "recommendation"
    AGREEMENT = "agreement"
    DISAGREEMENT = "disagreement"
    EXPERIENCE = "experience"


SUBTITLE_FORMATS = frozenset({"srt", "vtt"})  # the readers of subtitles: ``Transcript.subtitles``


class BlockRole(str, Enum):
    """What a paragraph of the source is, as far as the transcript's structure goes."""

    TURN = "turn"  # opens a speaker turn
    CONTINUATION = "continuation"  # continues the previous turn
    HEADING = "heading"
    CAPTION = "caption"
    METADATA = "metadata"
    FURNITURE = "furniture"  # page furniture: navigation, share buttons, notes
    EXCERPT = "excerpt"  # a highlight quoting a turn
    INTRO = "intro"  # narrative text outside any turn
    DUPLICATE = "duplicate"  # a repeated copy of text already read
    STRUCTURE = "structure"  # the format's own lines, not text: cue numbers, time lines, a WEBVTT header


@dataclass(frozen=True, slots=True)
class Document:
    """A transcript's text exactly as the graph's ``nif:isString`` holds it."""

    doc_id: str
    text: str
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of the source with the role the parser gave it."""

    start: int
    end: int
    role: BlockRole


class SpeakerKind(str, Enum):
    """What stands behind a speaker label."""

    PERSON = "person"  # a named person: 杨植麟, or 李总 once resolved to 李明远
    ORGANIZATION = "organization"  # an outlet asking the questions: 腾讯新闻
    UNNAMED = "unnamed"  # known only by a label the text never ties to a name: 说话人 2, 主持人, Q


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who speaks: the name a reader would give, what it is, and the labels written for it.

    ``labels`` are the spans of every label as written (``**Jenny:**`` → the span of ``Jenny``);
    ``aliases`` the distinct label texts other than ``name``, kept so a graph can say who ``A`` was;
    ``hosts`` whether the introduction says they host the conversation (``主持人是主编林可``).
    """

    name: str
    kind: SpeakerKind
    labels: tuple[tuple[int, int], ...] = ()
    aliases: tuple[str, ...] = ()
    hosts: bool = False


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker turn; ``spans`` are its text without the speaker label and without markup.

    ``speakers`` are resolved names (``Speaker.name``); ``labels`` the spans of the labels as
    written; ``start_time``/``end_time`` seconds into the recording when the source gives them.
    """

    index: int  # 1-based, document order: schema:position
    speakers: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    labels: tuple[tuple[int, int], ...] = ()
    start_time: float | None = None
    end_time: float | None = None

    @property
    def speaker(self) -> str:
        return self.speakers[0]

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    def text(self, doc: Document) -> str:
        """The whole turn: spans on one line joined as they are (markup between them dropped),
        spans on different lines (paragraphs, cues) joined by a newline."""
        return "".join(part for _, part in _joined(doc.text, self.spans, _new_line))

    def said(self, doc: Document, start: int, end: int) -> str:
        """What the speaker said in ``doc.text[start:end]``: the turn's spans there joined as speech runs on
        from a cue or line to the next, without the cue numbers, time lines and labels between them."""
        return "".join(part for _, part in self._spoken(doc, start, end))

    def said_offset(self, doc: Document, start: int, end: int, at: int) -> int:
        """Where the character ``at`` of ``said(doc, start, end)`` stands in the document (a space
        joining two lines stands where the next line starts)."""
        for offset, part in self._spoken(doc, start, end):
            if at < len(part):
                return offset + at
            at -= len(part)
        return end

    def _spoken(self, doc: Document, start: int, end: int) -> Iterator[tuple[int, str]]:
        first = bisect.bisect_right(self.spans, start, key=itemgetter(1))
        pieces = []
        for s, e in self.spans[first:]:
            if s >= end:
                break
            if max(s, start) < min(e, end):
                pieces.append((max(s, start), min(e, end)))
        return _joined(doc.text, pieces, _run_on)

    def covers(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.spans)


def _joined(text: str, spans: Sequence[tuple[int, int]],
            across_lines: Callable[[str, str], str]) -> Iterator[tuple[int, str]]:
    """The spans' texts, each with its offset, and between two spans on different lines what
    ``across_lines`` puts between the last character of one and the first of the next."""
    previous_end = None
    for s, e in spans:
        if previous_end is not None and "\n" in text[previous_end:s]:
            yield s, across_lines(text[previous_end - 1], text[s])
        yield s, text[s:e]
        previous_end = e


def _new_line(before: str, after: str) -> str:
    return "\n"


def _run_on(before: str, after: str) -> str:
    """Speech broken over two lines: Chinese runs on with nothing between, Latin words with one space."""
    return "" if before.isspace() or after.isspace() or _wide(before) or _wide(after) else " "


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A highlight that quotes a speaker; ``turn_index`` is the turn it quotes, if found."""

    speaker: str
    start: int
    end: int
    turn_index: int | None


@dataclass(frozen=True, slots=True)
class Transcript:
    """A parsed document: its turns, excerpts, paragraph roles and metadata."""

    document: Document
    turns: tuple[Turn, ...]
    blocks: tuple[Block, ...]
    excerpts: tuple[Excerpt, ...] = ()
    title: str | None = None
    date: str | None = None
    speaker_records: tuple[Speaker, ...] = ()
    input_format: str = "dialogue"  # the name of the reader that parsed it
    notes: tuple[str, ...] = ()  # what a user should check: label-shaped lines left unread, with line numbers

    @property
    def subtitles(self) -> bool:
        """Subtitles cut speech into cues at the picture's pace, not where sentences end: there a
        sentence runs on across cues and line breaks until it ends."""
        return self.input_format in SUBTITLE_FORMATS

    @property
    def speakers(self) -> tuple[str, ...]:
        """Everyone whose words the transcript holds: speakers in order of their first turn, then
        anyone quoted only in a highlight (so every ``Excerpt.speaker`` is one of them)."""
        seen: dict[str, None] = {}
        for turn in self.turns:
            for name in turn.speakers:
                seen.setdefault(name, None)
        for excerpt in self.excerpts:
            seen.setdefault(excerpt.speaker, None)
        return tuple(seen)

    def speaker_record(self, name: str) -> Speaker:
        """The record of a speaker name; a person when the reader made none (a hand-built transcript)."""
        for record in self.speaker_records:
            if record.name == name:
                return record
        return Speaker(name, SpeakerKind.PERSON)

    @property
    def moderator(self) -> str | None:
        """The speaker the introduction names as host, else the one who opens the conversation, when
        they also speak most often."""
        if not self.turns:
            return None
        hosts = [r.name for r in self.speaker_records if r.hosts and r.name in self.speakers]
        if len(hosts) == 1:
            return hosts[0]
        counts: dict[str, int] = {}
        for turn in self.turns:
            counts[turn.speaker] = counts.get(turn.speaker, 0) + 1
        first = self.turns[0].speaker
        return first if counts[first] == max(counts.values()) else None

    def turn_at(self, offset: int) -> Turn | None:
        for turn in self.turns:
            if turn.covers(offset):
                return turn
        return None

    def content_spans(self) -> tuple[tuple[int, int], ...]:
        """Spans worth reading for facts: turns plus narrative text, without copies or furniture."""
        wanted = {BlockRole.INTRO, BlockRole.CAPTION, BlockRole.HEADING}
        spans = [span for turn in self.turns for span in turn.spans]
        spans += [(b.start, b.end) for b in self.blocks if b.role in wanted]
        return tuple(sorted(spans))


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text: a person, organisation, model or place."""

    start: int
    end: int
    text: str
    kind: Kind
    source: str  # the name of the component that found it (``tg:extractor``)
    turn_index: int | None = None
    canonical: str | None = None  # a lexicon's preferred name, when the component knows it
    score: float = 1.0  # the component's confidence, 0..1; rules say 1.0


@dataclass(frozen=True, slots=True)
class SpeakerRef:
    """A turn's speaker standing at one end of a relation or role: ``我`` in ``我在华为的时候``.

    The speaker prefix is not part of the turn's text, so there is no span to point at; the
    speaker is named as the transcript names them, and resolves through the speaker table.
    """

    name: str
    turn_index: int


# what a relation or a role can be about: a name in the text, or a turn's speaker
Party = Mention | SpeakerRef


def party_key(party: Party) -> tuple:
    """An identity for deduplication that a speaker and a mention can never share."""
    if isinstance(party, SpeakerRef):
        return ("speaker", party.name, party.turn_index)
    return ("mention", party.start, party.end, party.kind)


@dataclass(frozen=True, slots=True)
class Relation:
    """A fact between two parties, with the sentence it was read from."""

    subject: Party
    predicate: Predicate
    object: Party
    start: int
    end: int
    since: str | None = None  # a year the text gives, e.g. "2007"
    source: str | None = None  # what stated it when the words at start..end do not: a lexicon's name


@dataclass(frozen=True, slots=True)
class RoleStatement:
    """A person's title, optionally at an organisation: ``华为云首席科学家田奇``.

    ``scope`` is the part of the organisation the title is over (``阿里巴巴机器学习PAI平台负责人``
    → 负责人 of 机器学习PAI平台 at 阿里巴巴); ``former`` marks a title held before (``前``, ``原``, ``曾任``).
    """

    person: Party
    title: str
    organization: Mention | None
    start: int
    end: int
    scope: str | None = None
    former: bool = False


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number read from the text and the thing it measures (``千亿`` → 1e11)."""

    subject: Mention | None
    attribute: str  # e.g. "parameterCount", "percent"
    value: float
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Claim:
    """An assertion a speaker made in a turn (textacy's speaker/cue/content triple)."""

    speaker: str
    turn_index: int
    start: int
    end: int
    text: str
    kind: ClaimType
    cue: str | None = None
    about: tuple[Mention, ...] = ()
    agrees_with: tuple[Party, ...] = ()  # whom this claim agrees with: a speaker or a named person
    amounts: tuple[float, ...] = ()  # numbers the claim states (20%以上 → 20; 1-2个百分点 → 1, 2)


@dataclass(frozen=True, slots=True)
class Question:
    """A question a speaker (usually the moderator) asked, and the turns that answer it."""

    speaker: str
    turn_index: int
    start: int
    end: int
    text: str
    answered_by: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the readable text, with its turn and the mentions inside it.

    In subtitles the span may hold the cue numbers and time lines between a sentence's cues, and a
    sentence may go on past a line's end; ``text`` is what was said, without them.
    """

    start: int
    end: int
    turn_index: int | None
    mentions: tuple[Mention, ...] = ()

    def text(self, transcript: Transcript) -> str:
        turn = self._spoken_in(transcript)
        if turn is None:
            return transcript.document.text[self.start:self.end]
        return turn.said(transcript.document, self.start, self.end)

    def offset(self, transcript: Transcript, at: int) -> int:
        """Where the character ``at`` of ``text(transcript)`` stands in the document."""
        turn = self._spoken_in(transcript)
        if turn is None:
            return self.start + at
        return turn.said_offset(transcript.document, self.start, self.end, at)

    def _spoken_in(self, transcript: Transcript) -> Turn | None:
        """The turn whose spans say the sentence, when they differ from its span: in subtitles, and
        where a sentence goes on past a line's end."""
        if self.turn_index is None or not (transcript.subtitles or "\n" in transcript.document.text[self.start:self.end]):
            return None
        return transcript.turns[self.turn_index - 1]


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the extract stage found in one transcript."""

    transcript: Transcript
    mentions: tuple[Mention, ...]
    relations: tuple[Relation, ...] = ()
    roles: tuple[RoleStatement, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    claims: tuple[Claim, ...] = ()
    questions: tuple[Question, ...] = ()
    aliases: tuple[tuple[str, Mention], ...] = field(default=())  # (alias text, the mention it names)
    sentences: tuple[Sentence, ...] = ()
