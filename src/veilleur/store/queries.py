"""Read-only queries over the stored events, actors and quotes, as typed rows."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Select, and_, func, or_, select

from ..merge import norm
from ..records import PartialDate
from ..stories import ArticleFacts
from . import schema as s
from .read import vector_of


@dataclass(frozen=True, slots=True)
class EventActor:
    """An actor of an event, on one side."""

    actor_id: str
    name: str
    country: str | None


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """One real event, with its actors and how many articles report it."""

    event_id: str
    date: str | None
    type: str
    mode: str | None
    location: str | None
    status: str
    n_sources: int
    first_seen: str | None
    last_seen: str | None
    source: tuple[EventActor, ...] = ()
    target: tuple[EventActor, ...] = ()


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    """One article's report of an event: the sentence that states it."""

    article_id: str
    doc: str
    published: str | None
    evidence: str
    evidence_start: int
    evidence_end: int
    confidence: float


@dataclass(frozen=True, slots=True)
class ActorRow:
    """An actor with how often it appears."""

    actor_id: str
    name: str
    kind: str
    country: str | None
    role: str | None
    aliases: tuple[str, ...]
    n_events: int = 0
    n_articles: int = 0
    n_quotes: int = 0


@dataclass(frozen=True, slots=True)
class RoleSeen:
    """An office an article gave the actor, and when."""

    role: str
    first: str | None
    last: str | None
    n_articles: int


@dataclass(frozen=True, slots=True)
class ActorProfile:
    """Everything stored about one actor."""

    actor: ActorRow
    roles: tuple[RoleSeen, ...]
    events: tuple[TimelineRow, ...]
    quotes: tuple[QuoteRow, ...]
    counterparts: tuple[tuple[EventActor, int], ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """A stored quotation with its speaker and article."""

    quote_id: str
    article_id: str
    doc: str
    published: str | None
    speaker_id: str | None
    speaker: str | None
    text: str


@dataclass(frozen=True, slots=True)
class TimelineFilter:
    """What `timeline` keeps: every given condition must hold."""

    actor_ids: tuple[str, ...] | None = None
    country: str | None = None
    type: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None


def find_actors(conn: Connection, query: str) -> list[str]:
    """Ids of actors whose id, name or an alias matches `query` (accent- and case-blind)."""
    wanted = norm(query)
    exact: list[str] = []
    partial: list[str] = []
    a = s.actors
    for row in conn.execute(select(a.c.id, a.c.name, a.c.aliases)):
        names = [row.name, *json.loads(row.aliases)]
        normed = [norm(n) for n in names]
        if row.id == query or wanted in normed:
            exact.append(row.id)
        elif any(wanted in n.split() or wanted in n for n in normed):
            partial.append(row.id)
    return sorted(exact) or sorted(partial)


def country_actors(conn: Connection, code: str) -> list[str]:
    """Ids of the state with this ISO code and of every actor serving it."""
    a = s.actors
    code = code.upper()
    query = select(a.c.id).where(or_(a.c.country == code, a.c.id == f"state:{code}"))
    return list(conn.execute(query).scalars())


def _actor_sets(conn: Connection, where: TimelineFilter) -> list[list[str]]:
    """The actor-id sets an event must each meet (actor filter, country filter)."""
    sets: list[list[str]] = []
    if where.actor_ids is not None:
        sets.append(list(where.actor_ids))
    if where.country:
        sets.append(country_actors(conn, where.country))
    return sets


def _filtered(conn: Connection, query: Select[Any], where: TimelineFilter) -> Select[Any]:
    """`query` over events narrowed by `where`.

    Actor and country filters start from the actors' events (an index range on
    event_actors) joined to events: testing each event for membership, in date order, costs
    one index probe per event and actor and is far slower on a large store.
    """
    e, ea = s.events, s.event_actors
    if where.type:
        query = query.where(e.c.type == where.type.upper())
    if where.since:
        query = query.where(e.c.date_end >= where.since.isoformat())
    if where.until:
        query = query.where(e.c.date_start <= where.until.isoformat())
    for n, ids in enumerate(_actor_sets(conn, where)):
        of_actors = select(ea.c.event_id).where(ea.c.actor_id.in_(ids)).distinct()
        sub = of_actors.subquery(f"of_actors_{n}")
        query = query.join_from(e, sub, sub.c.event_id == e.c.id)
    return query


def timeline(
    conn: Connection, where: TimelineFilter, *, limit: int = 100, offset: int = 0
) -> list[TimelineRow]:
    """Events in date order (undated last), with their actors."""
    e = s.events
    query = _filtered(conn, select(e), where)
    query = query.order_by(e.c.date_start.is_(None), e.c.date_start, e.c.date_end, e.c.id)
    rows = list(conn.execute(query.limit(limit).offset(offset)))
    actors = event_actors(conn, [r.id for r in rows])
    return [
        TimelineRow(
            event_id=r.id,
            date=r.date,
            type=r.type,
            mode=r.mode,
            location=r.location,
            status=r.status,
            n_sources=r.n_sources,
            first_seen=r.first_seen,
            last_seen=r.last_seen,
            source=tuple(actors[r.id]["source"]),
            target=tuple(actors[r.id]["target"]),
        )
        for r in rows
    ]


def count_events(conn: Connection, where: TimelineFilter) -> int:
    """How many events `where` keeps."""
    query = _filtered(conn, select(func.count()).select_from(s.events), where)
    return int(conn.execute(query).scalar_one())


def event_actors(
    conn: Connection, event_ids: Sequence[str]
) -> dict[str, dict[str, list[EventActor]]]:
    """The actors of each event, by side."""
    out: dict[str, dict[str, list[EventActor]]] = defaultdict(lambda: {"source": [], "target": []})
    if not event_ids:
        return out
    ea, a = s.event_actors, s.actors
    query = (
        select(ea.c.event_id, ea.c.side, ea.c.actor_id, a.c.name, a.c.country)
        .join(a, a.c.id == ea.c.actor_id)
        .where(ea.c.event_id.in_(event_ids))
        .order_by(ea.c.event_id, ea.c.side, a.c.name)
    )
    for row in conn.execute(query):
        out[row.event_id][row.side].append(EventActor(row.actor_id, row.name, row.country))
    return out


def evidence(conn: Connection, event_id: str) -> list[EvidenceRow]:
    """Every article's sentence behind one event, oldest article first."""
    r, a = s.reports, s.articles
    query = (
        select(r, a.c.doc, a.c.published)
        .join(a, a.c.id == r.c.article_id)
        .where(r.c.event_id == event_id)
        .order_by(a.c.published, a.c.doc, r.c.ord)
    )
    return [
        EvidenceRow(
            row.article_id,
            row.doc,
            row.published,
            row.evidence,
            row.evidence_start,
            row.evidence_end,
            row.confidence,
        )
        for row in conn.execute(query)
    ]


def actors(conn: Connection, *, limit: int = 50, kind: str | None = None) -> list[ActorRow]:
    """Actors, most frequent in events first."""
    a, ea, m, q = s.actors, s.event_actors, s.mentions, s.quotes
    n_events = (
        select(func.count(func.distinct(ea.c.event_id)))
        .where(ea.c.actor_id == a.c.id)
        .scalar_subquery()
    )
    n_articles = (
        select(func.count(func.distinct(m.c.article_id)))
        .where(m.c.actor_id == a.c.id)
        .scalar_subquery()
    )
    n_quotes = select(func.count()).where(q.c.speaker_actor_id == a.c.id).scalar_subquery()
    query = select(
        a, n_events.label("n_events"), n_articles.label("n_articles"), n_quotes.label("n_quotes")
    )
    if kind:
        query = query.where(a.c.kind == kind)
    query = query.order_by(n_events.desc(), n_articles.desc(), a.c.name).limit(limit)
    return [_actor_row(row) for row in conn.execute(query)]


def _actor_row(row: object) -> ActorRow:
    return ActorRow(
        actor_id=row.id,  # type: ignore[attr-defined]
        name=row.name,  # type: ignore[attr-defined]
        kind=row.kind,  # type: ignore[attr-defined]
        country=row.country,  # type: ignore[attr-defined]
        role=row.role,  # type: ignore[attr-defined]
        aliases=tuple(json.loads(row.aliases)),  # type: ignore[attr-defined]
        n_events=getattr(row, "n_events", 0) or 0,
        n_articles=getattr(row, "n_articles", 0) or 0,
        n_quotes=getattr(row, "n_quotes", 0) or 0,
    )


def quotes(
    conn: Connection, *, speaker_ids: Iterable[str] | None = None, limit: int = 100
) -> list[QuoteRow]:
    """Quotations, newest article first, optionally of some speakers only."""
    q, a = s.quotes, s.articles
    query = select(q, a.c.doc, a.c.published).join(a, a.c.id == q.c.article_id)
    if speaker_ids is not None:
        query = query.where(q.c.speaker_actor_id.in_(list(speaker_ids)))
    query = query.order_by(a.c.published.desc(), a.c.doc, q.c.ord).limit(limit)
    return [
        QuoteRow(
            row.id,
            row.article_id,
            row.doc,
            row.published,
            row.speaker_actor_id,
            row.speaker_name,
            row.text,
        )
        for row in conn.execute(query)
    ]


def actor_profile(conn: Connection, actor_id: str, *, limit: int = 50) -> ActorProfile | None:
    """One actor: the offices articles gave it over time, its events, quotes, counterparts."""
    a, p, art = s.actors, s.people, s.articles
    row = conn.execute(select(a).where(a.c.id == actor_id)).first()
    if row is None:
        return None
    seen: dict[str, list[str | None]] = defaultdict(list)
    query = (
        select(p.c.role, art.c.published)
        .join(art, art.c.id == p.c.article_id)
        .where(p.c.actor_id == actor_id, p.c.role.is_not(None))
    )
    for role, published in conn.execute(query):
        seen[role].append(published)
    roles = tuple(
        sorted(
            (
                RoleSeen(
                    role,
                    min(_known(dates), default=None),
                    max(_known(dates), default=None),
                    len(dates),
                )
                for role, dates in seen.items()
            ),
            key=lambda r: (r.first or "", r.role),
        )
    )
    events = timeline(conn, TimelineFilter(actor_ids=(actor_id,)), limit=limit)
    ea = s.event_actors
    ids = select(ea.c.event_id).where(ea.c.actor_id == actor_id).distinct()
    counts: Counter[EventActor] = Counter()
    for sides in event_actors(conn, list(conn.execute(ids).scalars())).values():
        others = {x for side in sides.values() for x in side if x.actor_id != actor_id}
        counts.update(others)
    counterparts = tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].name))[:10])
    return ActorProfile(
        actor=_actor_row(row),
        roles=roles,
        events=tuple(events),
        quotes=tuple(quotes(conn, speaker_ids=[actor_id], limit=limit)),
        counterparts=counterparts,
    )


def _known(values: Iterable[str | None]) -> list[str]:
    return [v for v in values if v]


def undirected_edges(conn: Connection) -> list[tuple[str, str, str, int]]:
    """(source id, target id, event type, number of events) over all events, for networks."""
    ea1, ea2, e = s.event_actors.alias("src"), s.event_actors.alias("tgt"), s.events
    query = (
        select(ea1.c.actor_id, ea2.c.actor_id, e.c.type, func.count(func.distinct(e.c.id)))
        .join(ea2, and_(ea2.c.event_id == ea1.c.event_id, ea2.c.side == "target"))
        .join(e, e.c.id == ea1.c.event_id)
        .where(ea1.c.side == "source", ea1.c.actor_id != ea2.c.actor_id)
        .group_by(ea1.c.actor_id, ea2.c.actor_id, e.c.type)
    )
    return [(a, b, t, int(n)) for a, b, t, n in conn.execute(query)]


def article_facts(conn: Connection) -> list[ArticleFacts]:
    """Every article with what story grouping compares: vector, people, shared events."""
    a, p, r, e = s.articles, s.people, s.reports, s.events
    people: dict[str, set[str]] = defaultdict(set)
    names: dict[str, dict[str, str]] = defaultdict(dict)
    for row in conn.execute(select(p.c.article_id, p.c.actor_id, p.c.name)):
        people[row.article_id].add(row.actor_id)
        names[row.article_id].setdefault(row.actor_id, row.name)
    events: dict[str, set[str]] = defaultdict(set)
    shared = select(r.c.article_id, r.c.event_id).join(e, e.c.id == r.c.event_id)
    for article_id, event_id in conn.execute(shared.where(e.c.n_sources > 1)):
        events[article_id].add(event_id)
    query = select(a.c.id, a.c.doc, a.c.title, a.c.lead, a.c.published, a.c.vector)
    return [
        ArticleFacts(
            article_id=row.id,
            doc=row.doc,
            title=row.title or row.lead,
            published=PartialDate.parse(row.published).first_day() if row.published else None,
            vector=vector_of(row.vector),
            people=frozenset(people[row.id]),
            events=frozenset(events[row.id]),
            names=tuple(sorted(names[row.id].items())),
        )
        for row in conn.execute(query)
    ]
