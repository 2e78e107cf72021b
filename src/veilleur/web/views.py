"""The builders of every page's record: the HTML page and its JSON twin render the same one."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

from ..errors import Errors, VeilleurError
from ..records import PartialDate
from ..store import Store, TimelineFilter
from . import queries as q
from .pages import (
    ActorPage,
    ActorsPage,
    ArticleInfo,
    ArticlePage,
    ArticlesPage,
    Counterpart,
    Edge,
    EventPage,
    Evidence,
    Filters,
    NetworkPage,
    Node,
    QuotesPage,
    StoriesPage,
    StoryArticle,
    StoryView,
    TimelinePage,
    TypeCount,
)
from .text import Mark, paragraph_around, paragraphs


class PageError(VeilleurError):
    """A page that cannot be built: the HTTP status to answer and the message."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message)
        self.status = status


def _day(value: str | None, *, last: bool) -> dt.date | None:
    """A since/until value (YYYY, YYYY-MM or YYYY-MM-DD) as its first or last day."""
    if not value:
        return None
    try:
        date = PartialDate.parse(value.strip())
    except ValueError as exc:
        raise PageError(Errors.E405.format(value=value), status=400) from exc
    return date.last_day() if last else date.first_day()


def _actor_ids(store: Store, query: str) -> tuple[str, ...]:
    ids = store.find_actors(query)
    if not ids:
        raise PageError(Errors.E404.format(query=query), status=404)
    return tuple(ids)


def _pages(total: int, size: int) -> int:
    return max(1, -(-total // size))


def timeline(store: Store, filters: Filters, *, page: int, size: int) -> TimelinePage:
    """The timeline page `page` (from 1) of `size` events under `filters`."""
    actor_ids = _actor_ids(store, filters.actor) if filters.actor else None
    where = TimelineFilter(
        actor_ids=actor_ids,
        country=filters.country.strip().upper() if filters.country else None,
        type=filters.type.strip().upper() if filters.type else None,
        since=_day(filters.since, last=False),
        until=_day(filters.until, last=True),
    )
    total = store.count_events(where)
    rows = store.timeline(where, limit=size, offset=(page - 1) * size)
    with store.engine.connect() as conn:
        types = tuple(q.event_types(conn))
    return TimelinePage(
        filters, actor_ids, total, page, size, _pages(total, size), tuple(rows), types
    )


def event(store: Store, event_id: str) -> EventPage:
    """The event page; PageError 404 if there is no such event."""
    with store.engine.connect() as conn:
        row = q.event(conn, event_id)
        if row is None:
            raise PageError(Errors.E501.format(id=event_id), status=404)
        found = q.reports(conn, event_id=event_id)
    evidence = []
    contents: dict[str, str] = {}
    for report in found:
        if report.article_id not in contents:
            article = store.article(report.article_id)
            contents[report.article_id] = article.content() if article else ""
        mark = Mark(report.evidence_start, report.evidence_end, "evidence", event_id, report.type)
        evidence.append(Evidence(report, paragraph_around(contents[report.article_id], mark)))
    return EventPage(row, tuple(evidence))


def actor(store: Store, actor_id: str, *, limit: int) -> ActorPage:
    """The actor page; PageError 404 if there is no such actor."""
    profile = store.actor(actor_id, limit=limit)
    if profile is None:
        # a name or alias that designates one actor is as good as its id
        found = store.find_actors(actor_id)
        profile = store.actor(found[0], limit=limit) if len(found) == 1 else None
    if profile is None:
        raise PageError(Errors.E502.format(id=actor_id), status=404)
    with store.engine.connect() as conn:
        n_events, n_articles, n_quotes = q.actor_counts(conn, profile.actor.actor_id)
    counted = dataclasses.replace(
        profile.actor, n_events=n_events, n_articles=n_articles, n_quotes=n_quotes
    )
    return ActorPage(
        actor=counted,
        roles=profile.roles,
        events=profile.events,
        quotes=profile.quotes,
        counterparts=tuple(Counterpart(a, n) for a, n in profile.counterparts),
    )


def actors(store: Store, *, kind: str | None, limit: int) -> ActorsPage:
    """The list of actors, most frequent in events first."""
    return ActorsPage(kind, limit, tuple(store.actors(limit=limit, kind=kind or None)))


def network(store: Store, *, type: str | None, limit: int) -> NetworkPage:
    """The `limit` actors with most events (of `type`, if given) and the edges between them."""
    with store.engine.connect() as conn:
        found = q.links(conn, type=type)
        types = tuple(q.event_types(conn))
        weight: Counter[str] = Counter()
        for link in found:
            weight[link.source] += link.n_events
            weight[link.target] += link.n_events
        kept = [a for a, _ in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]
        names = q.actor_names(conn, kept)
    by_pair: dict[tuple[str, str], list[TypeCount]] = {}
    for link in found:
        if link.source in names and link.target in names:
            by_pair.setdefault((link.source, link.target), []).append(
                TypeCount(link.type, link.n_events)
            )
    edges = tuple(
        Edge(src, tgt, sum(t.n_events for t in counts),
             tuple(sorted(counts, key=lambda t: (-t.n_events, t.type))))
        for (src, tgt), counts in sorted(by_pair.items())
    )  # fmt: skip
    nodes = tuple(
        Node(a, names[a].name, names[a].kind, names[a].country, weight[a])
        for a in kept
        if a in names
    )
    return NetworkPage(type.upper() if type else None, limit, len(weight), nodes, edges, types)


def article(store: Store, article_id: str) -> ArticlePage:
    """The article page (id or unique id prefix); PageError 404 if there is none."""
    row = store.article(article_id)
    if row is None:
        raise PageError(Errors.E203.format(id=article_id), status=404)
    info = ArticleInfo.of(row)
    with store.engine.connect() as conn:
        found = tuple(q.reports(conn, article_id=info.id))
        spans = tuple(q.article_quotes(conn, info.id))
    marks = [
        Mark(r.evidence_start, r.evidence_end, "evidence", r.event_id, r.type) for r in found
    ] + [Mark(x.start, x.end, "quote", x.speaker_id or "", x.speaker or "") for x in spans]
    return ArticlePage(info, found, spans, paragraphs(row.content(), marks))


def articles(store: Store, *, page: int, size: int) -> ArticlesPage:
    """One page of the stored articles, most recently ingested first."""
    with store.engine.connect() as conn:
        total = q.count_articles(conn)
    rows = store.articles(limit=size, offset=(page - 1) * size)
    infos = tuple(ArticleInfo.of(r) for r in rows)
    return ArticlesPage(total, page, size, _pages(total, size), infos)


def quotes(store: Store, *, speaker: str | None, limit: int) -> QuotesPage:
    """Quotations, newest first, of the speaker `speaker` designates or of all."""
    ids = _actor_ids(store, speaker) if speaker else None
    rows = store.quotes(speaker_ids=list(ids) if ids is not None else None, limit=limit)
    return QuotesPage(speaker, ids, limit, tuple(rows))


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def stories(store: Store, *, singles: bool, limit: int) -> StoriesPage:
    """The stories the store's articles group into, as `veilleur stories` lists them."""
    found = store.stories()
    shown = [s for s in found if singles or len(s.articles) > 1][:limit]
    views = tuple(
        StoryView(
            key=s.key,
            people=s.people,
            first=_iso(s.first),
            last=_iso(s.last),
            articles=tuple(
                StoryArticle(a.article_id, a.doc, a.title, _iso(a.published)) for a in s.articles
            ),
        )
        for s in shown
    )
    n_singles = sum(1 for s in found if len(s.articles) == 1)
    return StoriesPage(singles, limit, len(found), n_singles, views)
