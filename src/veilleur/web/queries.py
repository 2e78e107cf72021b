"""Read-only queries the web pages need beyond the store's own (one event, one article's marks)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from ..store import schema as s
from ..store.queries import TimelineRow, event_actors, undirected_edges


@dataclass(frozen=True, slots=True)
class Report:
    """One article's report of an event, with the article it comes from."""

    report_id: str
    event_id: str
    article_id: str
    doc: str
    title: str | None
    lead: str | None
    outlet: str | None
    url: str | None
    published: str | None
    type: str
    mode: str | None
    date: str | None
    status: str
    negated: bool
    trigger: str
    evidence: str
    evidence_start: int
    evidence_end: int
    confidence: float


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quotation of an article at its offsets."""

    quote_id: str
    start: int
    end: int
    speaker_id: str | None
    speaker: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Link:
    """Events of one type between a source and a target actor."""

    source: str
    target: str
    type: str
    n_events: int


@dataclass(frozen=True, slots=True)
class ActorName:
    """What a network node shows of an actor."""

    actor_id: str
    name: str
    kind: str
    country: str | None


def event(conn: Connection, event_id: str) -> TimelineRow | None:
    """One real event as the timeline shows it, or None."""
    e = s.events
    row = conn.execute(select(e).where(e.c.id == event_id)).first()
    if row is None:
        return None
    sides = event_actors(conn, [event_id])[event_id]
    return TimelineRow(
        event_id=row.id,
        date=row.date,
        type=row.type,
        mode=row.mode,
        location=row.location,
        status=row.status,
        n_sources=row.n_sources,
        first_seen=row.first_seen,
        last_seen=row.last_seen,
        source=tuple(sides["source"]),
        target=tuple(sides["target"]),
    )


def reports(
    conn: Connection, *, event_id: str | None = None, article_id: str | None = None
) -> list[Report]:
    """Reports of one event (oldest article first) or of one article (in text order)."""
    r, a = s.reports, s.articles
    query = select(r, a.c.doc, a.c.title, a.c.lead, a.c.outlet, a.c.url, a.c.published).join(
        a, a.c.id == r.c.article_id
    )
    if event_id is not None:
        query = query.where(r.c.event_id == event_id)
    if article_id is not None:
        query = query.where(r.c.article_id == article_id)
    query = query.order_by(a.c.published, a.c.doc, r.c.evidence_start, r.c.ord)
    return [
        Report(
            report_id=row.id,
            event_id=row.event_id,
            article_id=row.article_id,
            doc=row.doc,
            title=row.title,
            lead=row.lead,
            outlet=row.outlet,
            url=row.url,
            published=row.published,
            type=row.type,
            mode=row.mode,
            date=row.date,
            status=row.status,
            negated=bool(row.negated),
            trigger=row.trigger,
            evidence=row.evidence,
            evidence_start=row.evidence_start,
            evidence_end=row.evidence_end,
            confidence=float(row.confidence),
        )
        for row in conn.execute(query)
    ]


def article_quotes(conn: Connection, article_id: str) -> list[QuoteSpan]:
    """The quotations of one article, in text order."""
    q = s.quotes
    query = select(q).where(q.c.article_id == article_id).order_by(q.c.start, q.c.ord)
    return [
        QuoteSpan(row.id, row.start, row.end, row.speaker_actor_id, row.speaker_name, row.text)
        for row in conn.execute(query)
    ]


def count_articles(conn: Connection) -> int:
    """How many articles are stored."""
    return int(conn.execute(select(func.count()).select_from(s.articles)).scalar_one())


def links(conn: Connection, *, type: str | None = None) -> list[Link]:
    """Event counts by (source, target, type), optionally of one PLOVER type."""
    wanted = type.upper() if type else None
    return [
        Link(src, tgt, kind, n)
        for src, tgt, kind, n in undirected_edges(conn)
        if wanted is None or kind == wanted
    ]


def actor_names(conn: Connection, ids: list[str]) -> dict[str, ActorName]:
    """Name, kind and country of the given actors, by id."""
    if not ids:
        return {}
    a = s.actors
    query = select(a.c.id, a.c.name, a.c.kind, a.c.country).where(a.c.id.in_(ids))
    return {
        row.id: ActorName(row.id, row.name, row.kind, row.country) for row in conn.execute(query)
    }


def actor_counts(conn: Connection, actor_id: str) -> tuple[int, int, int]:
    """(events, articles, quotes) of one actor, counted as `veilleur actors` counts them."""
    ea, m, qt = s.event_actors, s.mentions, s.quotes
    n_events = select(func.count(func.distinct(ea.c.event_id))).where(ea.c.actor_id == actor_id)
    n_articles = select(func.count(func.distinct(m.c.article_id))).where(m.c.actor_id == actor_id)
    n_quotes = select(func.count()).where(qt.c.speaker_actor_id == actor_id)
    return (
        int(conn.execute(n_events).scalar_one()),
        int(conn.execute(n_articles).scalar_one()),
        int(conn.execute(n_quotes).scalar_one()),
    )


def event_types(conn: Connection) -> list[str]:
    """The PLOVER types of the stored events, for filter menus."""
    e = s.events
    return list(conn.execute(select(e.c.type).distinct().order_by(e.c.type)).scalars())
