"""Typed records passed between stages: articles in, analysis records out."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Precision = Literal["day", "month", "year"]
PublishedFrom = Literal["header", "metadata", "url", "text", "inferred"]
Status = Literal["occurred", "planned", "reported"]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A calendar date known to the day, the month or the year only."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if self.day is not None and self.month is not None:
            dt.date(self.year, self.month, self.day)  # raises on 31 February

    @property
    def precision(self) -> Precision:
        """The finest unit this date is known to."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def iso(self) -> str:
        """'YYYY-MM-DD', 'YYYY-MM' or 'YYYY', as in FORMAT.md."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def first_day(self) -> dt.date:
        """The earliest calendar day this date may be."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """The latest calendar day this date may be."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def truncate(self, precision: Precision) -> PartialDate:
        """This date cut to a coarser precision (never made finer)."""
        if precision == "year":
            return PartialDate(self.year)
        if precision == "month" and self.month is not None:
            return PartialDate(self.year, self.month)
        return self

    def contains(self, other: PartialDate) -> bool:
        """True when `other` falls within this date's span."""
        return self.first_day() <= other.first_day() and other.last_day() <= self.last_day()

    @classmethod
    def of(cls, day: dt.date, precision: Precision = "day") -> PartialDate:
        """A date from a calendar day, cut to `precision`."""
        return cls(day.year, day.month, day.day).truncate(precision)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; raises ValueError otherwise."""
        match = _ISO.match(text.strip())
        if not match:
            raise ValueError(f"not an ISO date: {text!r}")
        year, month, day = match.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an article was read from: a path (or '-') and a 1-based line for JSON Lines."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path


@dataclass(frozen=True, slots=True)
class Region:
    """A stretch of the original text removed from analysis (caption, credit, byline, header)."""

    start: int
    end: int
    kind: Literal["header", "caption", "credit", "byline", "dateline", "boilerplate"]


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read, before analysis.

    `text` is the original text (for HTML, the extracted text); `content` has the same length
    with every removed region blanked, so offsets found in `content` point into `text`.
    """

    id: str
    text: str
    content: str
    origin: Origin
    title: str | None = None
    lead: str | None = None
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: PartialDate | None = None
    published_from: PublishedFrom | None = None
    regions: tuple[Region, ...] = ()
    name: str | None = None

    @property
    def body(self) -> str:
        """The analysed text with removed regions dropped (not offset-preserving)."""
        return re.sub(r"[ \t]*\n[ \t\n]*", "\n", self.content).strip()

    @property
    def doc_name(self) -> str:
        """The name used as `doc` in FORMAT.md records (file name, or the JSONL id)."""
        return self.name or self.id


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression and its calendar value, anchored on the publication date."""

    start: int
    end: int
    text: str
    value: PartialDate | None
    granularity: Literal["day", "month", "year", "vague"]
    kind: Literal["absolute", "relative", "weekday", "deictic", "anaphoric", "vague"]
    tense: Literal["past", "future", "present", "unknown"] = "unknown"


@dataclass(frozen=True, slots=True)
class Mention:
    """A mention of an actor in the text, linked to a knowledge-base or new actor."""

    start: int
    end: int
    text: str
    actor_id: str
    name: str
    kind: Literal["person", "state", "organisation", "group", "place"]
    country: str | None = None
    role: str | None = None
    how: str = "ner"


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor taking part in an event: its id and the name shown in records."""

    actor_id: str
    name: str
    kind: str = "person"
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER event found in one sentence."""

    type: str
    source: tuple[ActorRef, ...]
    target: tuple[ActorRef, ...]
    status: Status
    evidence_start: int
    evidence_end: int
    evidence: str
    trigger: str
    mode: str | None = None
    date: PartialDate | None = None
    date_from: Literal["text", "published", "none"] = "none"
    location: str | None = None
    confidence: float = 0.5
    negated: bool = False


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation and who said it."""

    start: int
    end: int
    text: str
    speaker: ActorRef | None
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """A person of the article, as FORMAT.md lists them."""

    name: str
    actor_id: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    role: str | None = None
    mentions: tuple[tuple[int, int], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """FORMAT.md `people` entry, plus the actor id and mention offsets."""
        return {
            "name": self.name,
            "aliases": list(self.aliases),
            "country": self.country,
            "role": self.role,
            "actor_id": self.actor_id,
            "mentions": [list(m) for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """Everything veilleur found in one article, in FORMAT.md's shape."""

    article: Article
    people: tuple[PersonRecord, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timexes: tuple[Timex, ...] = ()
    mentions: tuple[Mention, ...] = ()
    published: PartialDate | None = None
    published_from: PublishedFrom | None = None
    vector: tuple[float, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The FORMAT.md record (the export format), with evidence offsets and actor ids."""
        names = self.written_names()
        return {
            "doc": self.article.doc_name,
            "id": self.article.id,
            "url": self.article.url,
            "title": self.article.title,
            "published": self.published.iso() if self.published else None,
            "published_from": self.published_from,
            "people": [p.as_dict() for p in self.people],
            "events": [event_as_dict(e, names) for e in self.events],
            "quotes": [quote_as_dict(q, names) for q in self.quotes],
        }

    def written_names(self) -> dict[str, str]:
        """How the article designates the people it never names: their title as written.

        "Le président israélien a remercié ..." links to the KB's holder of the office, but the
        export writes "président israélien", as FORMAT.md asks for names as the text gives them;
        the actor id still says who it is.
        """
        named = {m.actor_id for m in self.mentions if m.how not in _UNNAMING}
        titles: dict[str, str] = {}
        for m in self.mentions:
            if m.kind == "person" and m.how == "title" and m.actor_id not in named:
                titles.setdefault(m.actor_id, _lower_initial(m.text.strip()))
        return titles


# Mentions that designate someone without naming them.
_UNNAMING = frozenset({"title", "pronoun", "group"})


def _lower_initial(text: str) -> str:
    """A title as a common noun ("Président israélien" at a sentence start -> "président ...")."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _written(actor: ActorRef, names: Mapping[str, str] | None) -> str:
    return names.get(actor.actor_id, actor.name) if names else actor.name


def event_as_dict(event: Event, names: Mapping[str, str] | None = None) -> dict[str, Any]:
    """FORMAT.md `events` entry, with ids, offsets and confidence; `names` overrides how actors
    are written (see ArticleRecord.written_names)."""
    return {
        "type": event.type,
        "mode": event.mode,
        "source": [_written(a, names) for a in event.source],
        "target": [_written(a, names) for a in event.target],
        "source_ids": [a.actor_id for a in event.source],
        "target_ids": [a.actor_id for a in event.target],
        "date": event.date.iso() if event.date else None,
        "date_from": event.date_from,
        "location": event.location,
        "status": event.status,
        "evidence": event.evidence,
        "evidence_start": event.evidence_start,
        "evidence_end": event.evidence_end,
        "trigger": event.trigger,
        "confidence": round(event.confidence, 3),
    }


def quote_as_dict(quote: Quote, names: Mapping[str, str] | None = None) -> dict[str, Any]:
    """FORMAT.md `quotes` entry, with the speaker's id and offsets."""
    return {
        "speaker": _written(quote.speaker, names) if quote.speaker else None,
        "speaker_id": quote.speaker.actor_id if quote.speaker else None,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
    }


def plain(obj: Any) -> Any:
    """A record as plain JSON-ready values (for debugging and tests)."""
    return asdict(obj)
