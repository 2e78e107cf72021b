"""Rebuild a stored article's ArticleRecord from its rows."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import cast

import numpy as np
from sqlalchemy import Connection, select

from ..records import (
    ActorRef,
    ArticleRecord,
    Event,
    Mention,
    PartialDate,
    PersonRecord,
    PublishedFrom,
    Quote,
)
from . import schema as s
from .rows import ArticleRow, article_of


def load_record(conn: Connection, row: ArticleRow) -> ArticleRecord:
    """The ArticleRecord stored for `row` (timexes and `extra` are not stored)."""
    return ArticleRecord(
        article=article_of(row),
        people=_people(conn, row.id),
        events=_events(conn, row.id),
        quotes=_quotes(conn, row.id),
        mentions=_mentions(conn, row.id),
        published=PartialDate.parse(row.published) if row.published else None,
        published_from=cast(PublishedFrom | None, row.published_from),
        vector=vector_of(row.vector),
    )


def vector_of(data: bytes | None) -> tuple[float, ...]:
    """A stored vector back as the record holds it (rounded like content_vector)."""
    if not data:
        return ()
    return tuple(round(float(x), 5) for x in np.frombuffer(data, dtype="<f4"))


def _people(conn: Connection, article_id: str) -> tuple[PersonRecord, ...]:
    table = s.people
    rows = conn.execute(select(table).where(table.c.article_id == article_id).order_by(table.c.ord))
    return tuple(
        PersonRecord(
            name=r.name,
            actor_id=r.actor_id,
            aliases=tuple(json.loads(r.aliases)),
            country=r.country,
            role=r.role,
            mentions=tuple((start, end) for start, end in json.loads(r.mentions)),
        )
        for r in rows
    )


def _mentions(conn: Connection, article_id: str) -> tuple[Mention, ...]:
    m, a = s.mentions, s.actors
    query = (
        select(m, a.c.name, a.c.kind, a.c.country, a.c.role)
        .join(a, a.c.id == m.c.actor_id)
        .where(m.c.article_id == article_id)
        .order_by(m.c.ord)
    )
    return tuple(
        Mention(
            start=r.start,
            end=r.end,
            text=r.text,
            actor_id=r.actor_id,
            name=r.name,
            kind=r.kind,
            country=r.country,
            role=r.role,
            how=r.how,
        )
        for r in conn.execute(query)
    )


def _events(conn: Connection, article_id: str) -> tuple[Event, ...]:
    rep, ra, a = s.reports, s.report_actors, s.actors
    reports = conn.execute(select(rep).where(rep.c.article_id == article_id).order_by(rep.c.ord))
    reports_list = list(reports)
    sides: dict[tuple[str, str], list[ActorRef]] = defaultdict(list)
    query = (
        select(ra.c.report_id, ra.c.side, ra.c.actor_id, ra.c.name, a.c.kind, a.c.country)
        .join(a, a.c.id == ra.c.actor_id)
        .join(rep, rep.c.id == ra.c.report_id)
        .where(rep.c.article_id == article_id)
        .order_by(ra.c.report_id, ra.c.side, ra.c.ord)
    )
    for r in conn.execute(query):
        sides[(r.report_id, r.side)].append(ActorRef(r.actor_id, r.name, r.kind, r.country))
    return tuple(
        Event(
            type=r.type,
            source=tuple(sides[(r.id, "source")]),
            target=tuple(sides[(r.id, "target")]),
            status=r.status,
            evidence_start=r.evidence_start,
            evidence_end=r.evidence_end,
            evidence=r.evidence,
            trigger=r.trigger,
            mode=r.mode,
            date=PartialDate.parse(r.date) if r.date else None,
            date_from=r.date_from,
            location=r.location,
            confidence=r.confidence,
            negated=bool(r.negated),
        )
        for r in reports_list
    )


def _quotes(conn: Connection, article_id: str) -> tuple[Quote, ...]:
    q, a = s.quotes, s.actors
    query = (
        select(q, a.c.kind, a.c.country)
        .outerjoin(a, a.c.id == q.c.speaker_actor_id)
        .where(q.c.article_id == article_id)
        .order_by(q.c.ord)
    )
    return tuple(
        Quote(
            start=r.start,
            end=r.end,
            text=r.text,
            speaker=ActorRef(r.speaker_actor_id, r.speaker_name, r.kind, r.country)
            if r.speaker_actor_id is not None
            else None,
            cue=r.cue,
        )
        for r in conn.execute(query)
    )
