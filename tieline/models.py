"""Typed records passed between the pipeline's stages.

Data flows one way: a source yields `RawDocument`s (or `SourceProblem`s for inputs it could not
read), extraction turns a document into an `Article`, and the store records an `IngestOutcome` for
every input item.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class DocumentKind(StrEnum):
    """How a raw document is to be read."""

    HTML = "html"  # a web page
    TEXT = "text"  # text already scraped from a page, boilerplate included


class Status(StrEnum):
    """How one input item ended."""

    STORED = "stored"  # a new article was written
    DUPLICATE = "duplicate"  # the same article was already stored: nothing written
    COPY = "copy"  # a near-identical copy of a stored article: stored and linked to it
    SKIPPED = "skipped"  # not an article we can read (empty, binary, robots.txt, ...)
    FAILED = "failed"  # an error: unreachable host, truncated archive, ...


@dataclass(frozen=True)
class RawDocument:
    """One input item as a source read it, before extraction."""

    origin: str  # where it came from: a path, a URL, "stdin", "crawl.warc.gz#12"
    content: bytes
    kind: DocumentKind
    url: str | None = None  # the page's URL when known
    published: dt.date | None = None  # a date given with the item (feed entry, JSONL, --published)
    content_type: str | None = None  # the HTTP Content-Type or the WARC record's, when known
    fetched_at: dt.datetime | None = None


@dataclass(frozen=True)
class SourceProblem:
    """An input item a source could not turn into a document, with a one-line reason."""

    origin: str
    status: Status
    reason: str


@dataclass(frozen=True)
class RelatedItem:
    """A teaser or link to another story shown beside an article; never part of its body."""

    title: str
    text: str = ""
    url: str | None = None


@dataclass(frozen=True)
class Article:
    """The readable content of one page: metadata, body and what was kept apart from it."""

    title: str | None
    body: str  # main text, paragraphs separated by a blank line
    publisher: str | None = None
    url: str | None = None  # the URL the page was read from
    canonical_url: str | None = None  # the page's own canonical URL when it declares one
    published: dt.date | None = None
    published_source: str | None = None  # "page", "input", "url", ...: what gave the date
    author: str | None = None
    language: str | None = None  # ISO 639-1
    captions: tuple[str, ...] = ()
    related: tuple[RelatedItem, ...] = ()
    notes: tuple[str, ...] = ()  # what was dropped or not done, and why, one line each
    extractor: str = ""  # name and version of the extractor that produced this record

    @property
    def is_english(self) -> bool:
        return self.language == "en"


@dataclass(frozen=True)
class IngestOutcome:
    """How one input item ended; `article_id` is set when an article was stored or matched."""

    origin: str
    status: Status
    reason: str = ""
    article_id: str | None = None
    title: str | None = None


@dataclass
class IngestSummary:
    """Counts over a batch, updated as outcomes arrive."""

    outcomes: list[IngestOutcome] = field(default_factory=list)

    def add(self, outcome: IngestOutcome) -> None:
        self.outcomes.append(outcome)

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status is status)

    @property
    def failed(self) -> bool:
        return any(o.status is Status.FAILED for o in self.outcomes)


@dataclass(frozen=True)
class Actor:
    """Who acts: a state, a body or person acting for one, an organisation, or a group of states.

    `country` is ISO 3166 alpha-3 (None for an international organisation or a group); `sector`
    a CAMEO/PLOVER sector code (GOV, MIL, BUS, CVL, IGO, REB, JUD...; None for a state named as
    a whole: "Japan", "Tokyo" as a place); `members` lists the states of a group ("the two
    countries").
    """

    name: str  # how to show it: "Fumio Kishida", "Japan", "JMSDF"
    country: str | None = None
    sector: str | None = None
    role: str | None = None  # "head of government", "foreign minister", "governor"...
    person: str | None = None  # knowledge-base key of a known person, or a name seen in text
    organisation: str | None = None  # knowledge-base key of an organisation
    igo: str | None = None  # the international (or, keyed "ngo:...", non-governmental) body
    members: tuple[str, ...] = ()  # ISO3 codes of a group of states

    @property
    def code(self) -> str:
        """A compact code in the CAMEO style: "JPNGOV", "KHM", "IGO", "NGO", "KHM+JPN"."""
        if self.members:
            return "+".join(self.members)
        body = "NGO" if self.non_governmental else "IGO" if self.igo else "---"
        return (self.country or body) + (self.sector or "")

    @property
    def non_governmental(self) -> bool:
        """An organisation of no state and no states: Amnesty International, the Red Cross."""
        return (self.igo or "").startswith("ngo:")


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names or refers to an actor, and how it was resolved."""

    start: int  # character offsets in the text that was read (the body, or a caption)
    end: int
    text: str
    actor: Actor
    cue: str  # the rule that decided: "demonym+title", "kb:person", "pronoun", "capital+verb"...
    evidence: str  # the table entry or earlier mention that decided it, in words
    confidence: float  # 0..1
    sentence: int  # index of the sentence in the text
    field: str = "body"  # "body" or "caption:N"
    antecedent: int | None = None  # index of the mention this one refers back to


@dataclass(frozen=True)
class Sentence:
    """A sentence of a text, with its character offsets in that text."""

    index: int
    start: int
    end: int
    text: str


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class EventDate:
    """When an event happened, as precisely as the text says, and the words that said it."""

    date: dt.date | None  # the first day of the month or year when less precise than a day
    precision: DatePrecision
    text: str = ""  # "on Saturday", "last month", "" when the publication date was taken
    end: dt.date | None = None  # the last day of a stated period ("since 1953": None)

    @property
    def shown(self) -> str | None:
        """The date written to its precision: "1953", "2022-04", "2022-04-23"."""
        if self.date is None:
            return None
        if self.precision is DatePrecision.YEAR:
            return f"{self.date.year:04d}"
        if self.precision is DatePrecision.MONTH:
            return self.date.isoformat()[:7]
        return self.date.isoformat()

    @property
    def month_key(self) -> str | None:
        """The date to the month, or to the year when only the year is known: how tier facts
        are told apart and scored ("1953", "2022-04")."""
        if self.date is None:
            return None
        if self.precision is DatePrecision.YEAR:
            return f"{self.date.year:04d}"
        return self.date.isoformat()[:7]


@dataclass(frozen=True)
class Participant:
    """One side of an event: the mention that names it and the actor it resolved to."""

    text: str
    actor: Actor
    start: int  # offsets of the mention in the field's text
    end: int


@dataclass(frozen=True)
class Event:
    """One coded event between actors, tied to the sentence that states it."""

    type: str  # PLOVER event type: AGREE, CONSULT, SUPPORT, ...
    source: Participant | None
    target: Participant | None
    sentence: str  # the evidence sentence, exactly as in the stored text
    span: tuple[int, int]  # character offsets of the sentence in the field's text
    trigger: str  # the words that name the event ("accepted", "met")
    mode: str | None = None  # PLOVER mode where defined: visit, phone, third-party...
    aux: tuple[str, ...] = ()  # future, hypothetical, negated, historical
    contexts: tuple[str, ...] = ()  # military, economic, diplomatic...
    symmetric: bool = False  # a meeting or a signed agreement: both sides act
    cameo: str | None = None  # CAMEO code, e.g. "036"
    quad_class: int | None = None  # 1 verbal cooperation … 4 material conflict
    score: float | None = None  # intensity, Goldstein scale (-10 … +10)
    confidence: float = 0.5
    rule: str = ""  # name and version of the rule or model that fired, e.g. "rules.v2:accept/verb"
    date: EventDate | None = None
    place: str | None = None  # ISO3 of the place it happened, when stated
    place_text: str | None = None
    quote: bool = False  # the sentence is a quotation
    speaker: str | None = None  # whose quotation, when stated ("an official Facebook post")
    field: str = "body"
    sentence_index: int = 0


class TierStatus(StrEnum):
    """What happens to a named framework of a relationship."""

    PROPOSED = "proposed"
    AGREED = "agreed"
    ESTABLISHED = "established"
    UPGRADED = "upgraded"
    REAFFIRMED = "reaffirmed"
    DOWNGRADED = "downgraded"
    SUSPENDED = "suspended"
    SEVERED = "severed"
    RESTORED = "restored"


@dataclass(frozen=True)
class TierFact:
    """A statement about the named framework of a pair's relationship, tied to its sentence.

    `a` and `b` are ISO3 codes in alphabetical order; `tier` a known ladder name
    ("Comprehensive Strategic Partnership", "diplomatic relations") or, when the text names a
    framework the ladders do not know, the name as written.
    """

    a: str
    b: str
    tier: str
    status: TierStatus
    date: EventDate
    sentence: str
    span: tuple[int, int]  # offsets of the sentence in the field's text
    cue: str  # the words that state the change: "accepted ... proposal", "since 1953"
    proposer: str | None = None  # ISO3 of the side that proposed it, when stated
    previous: str | None = None  # the tier it replaces, when stated ("from ... to ...")
    planned: EventDate | None = None  # when an agreed or proposed change is to take effect
    confidence: float = 0.5
    rule: str = ""  # e.g. "tiers.v1:agree"
    field: str = "body"
    sentence_index: int = 0
