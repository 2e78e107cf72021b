"""The records of the web pages: what each HTML page shows and its JSON twin returns."""

from __future__ import annotations

from dataclasses import dataclass

from ..store import ActorRow, ArticleRow, EventActor, QuoteRow, TimelineRow
from ..store.queries import RoleSeen
from .queries import QuoteSpan, Report
from .text import Paragraph


@dataclass(frozen=True, slots=True)
class Filters:
    """The timeline's filters as given (same names as `veilleur timeline` options)."""

    actor: str | None = None
    country: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None

    def active(self) -> dict[str, str]:
        """The filters that are set, by name."""
        values = {
            "actor": self.actor,
            "country": self.country,
            "type": self.type,
            "since": self.since,
            "until": self.until,
        }
        return {k: v for k, v in values.items() if v}


@dataclass(frozen=True, slots=True)
class TimelinePage:
    """One page of the timeline of real events."""

    filters: Filters
    actor_ids: tuple[str, ...] | None
    total: int
    page: int
    size: int
    pages: int
    events: tuple[TimelineRow, ...]
    types: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Evidence:
    """One article's report of the event, with its sentence in its paragraph."""

    report: Report
    context: Paragraph


@dataclass(frozen=True, slots=True)
class EventPage:
    """One real event and every sentence behind it."""

    event: TimelineRow
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Counterpart:
    """An actor met in the same events, and in how many."""

    actor: EventActor
    n_events: int


@dataclass(frozen=True, slots=True)
class ActorPage:
    """One actor: offices over time, events, quotes and most frequent counterparts."""

    actor: ActorRow
    roles: tuple[RoleSeen, ...]
    events: tuple[TimelineRow, ...]
    quotes: tuple[QuoteRow, ...]
    counterparts: tuple[Counterpart, ...]


@dataclass(frozen=True, slots=True)
class ActorsPage:
    """Actors, most frequent in events first."""

    kind: str | None
    limit: int
    actors: tuple[ActorRow, ...]


@dataclass(frozen=True, slots=True)
class Node:
    """An actor of the network and its number of events there."""

    id: str
    name: str
    kind: str
    country: str | None
    n_events: int


@dataclass(frozen=True, slots=True)
class TypeCount:
    """How many events of one type an edge holds."""

    type: str
    n_events: int


@dataclass(frozen=True, slots=True)
class Edge:
    """Events from a source actor to a target actor, by type."""

    source: str
    target: str
    n_events: int
    types: tuple[TypeCount, ...]


@dataclass(frozen=True, slots=True)
class NetworkPage:
    """The actor network: the most active actors and the events between them."""

    type: str | None
    limit: int
    n_actors: int
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    types: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What a listing shows of an article."""

    id: str
    doc: str
    title: str | None
    lead: str | None
    outlet: str | None
    url: str | None
    byline: str | None
    published: str | None
    n_people: int
    n_events: int
    n_quotes: int

    @classmethod
    def of(cls, row: ArticleRow) -> ArticleInfo:
        """What a listing shows of a stored article."""
        return cls(
            row.id, row.doc, row.title, row.lead, row.outlet, row.url, row.byline, row.published,
            row.n_people, row.n_events, row.n_quotes,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class ArticlePage:
    """An article's text with its events' evidence and its quotations highlighted."""

    article: ArticleInfo
    reports: tuple[Report, ...]
    quotes: tuple[QuoteSpan, ...]
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class ArticlesPage:
    """Stored articles, most recently ingested first."""

    total: int
    page: int
    size: int
    pages: int
    articles: tuple[ArticleInfo, ...]


@dataclass(frozen=True, slots=True)
class QuotesPage:
    """Quotations, newest article first, of one speaker or all."""

    speaker: str | None
    speaker_ids: tuple[str, ...] | None
    limit: int
    quotes: tuple[QuoteRow, ...]


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """An article of a story."""

    article_id: str
    doc: str
    title: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class StoryView:
    """Articles about one story (shared events, people, wording), its people and time span."""

    key: str
    people: tuple[str, ...]
    first: str | None
    last: str | None
    articles: tuple[StoryArticle, ...]


@dataclass(frozen=True, slots=True)
class StoriesPage:
    """Stories, largest first; single-article stories only when asked for."""

    singles: bool
    limit: int
    n_stories: int
    n_singles: int
    stories: tuple[StoryView, ...]
