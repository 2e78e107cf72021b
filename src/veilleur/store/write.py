"""An ArticleRecord as the rows it adds to each table (pure functions, no database)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..records import ActorRef, ArticleRecord, Event, Mention, PartialDate, PersonRecord, Quote

Values = dict[str, Any]


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """What one article tells about an actor, merged over its mentions, people and events."""

    id: str
    name: str
    kind: str
    country: str | None = None
    role: str | None = None
    aliases: tuple[str, ...] = ()

    def values(self) -> Values:
        """The row for the `actors` table."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "role": self.role,
            "aliases": dumps(list(self.aliases)),
            "wikidata": None,
        }

    def merged(self, other: ActorInfo) -> ActorInfo:
        """This actor with what `other` adds, the same whichever comes first.

        Every choice is commutative (the fullest name, then the smallest; the smallest non-null
        role and country; the sorted union of spellings), so the stored actor does not depend
        on the order articles are ingested in.
        """
        names = {n for n in (self.name, other.name, *self.aliases, *other.aliases) if n}
        name = min(names, key=lambda n: (-len(n), n))
        return ActorInfo(
            id=self.id,
            name=name,
            kind=self.kind,
            country=_smallest(self.country, other.country),
            role=_smallest(self.role, other.role),
            aliases=tuple(sorted(names - {name})),
        )


def _smallest(a: str | None, b: str | None) -> str | None:
    """The smaller of two optional values (an order-independent pick)."""
    known = [v for v in (a, b) if v]
    return min(known) if known else None


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """Every row one article adds, table by table, in insertion order."""

    article: Values
    actors: tuple[ActorInfo, ...]
    mentions: list[Values] = field(default_factory=list)
    people: list[Values] = field(default_factory=list)
    events: list[Values] = field(default_factory=list)
    reports: list[Values] = field(default_factory=list)
    report_actors: list[Values] = field(default_factory=list)
    quotes: list[Values] = field(default_factory=list)


def dumps(value: Any) -> str:
    """JSON text as stored (UTF-8 kept readable)."""
    return json.dumps(value, ensure_ascii=False)


def rows_of(record: ArticleRecord, *, run_id: int | None, now: str) -> ArticleRows:
    """Split `record` into table rows; `now` is the ingestion timestamp."""
    aid = record.article.id
    # Until events are merged across articles, each report is its own event, keyed by the
    # report's id (as veilleur.merge keys an event by its first report), seen when published.
    seen = record.published.iso() if record.published else None
    rows = ArticleRows(
        article=_article_values(record, run_id=run_id, now=now),
        actors=actors_of(record),
        mentions=[_mention_values(m, aid=aid, i=i) for i, m in enumerate(record.mentions)],
        people=[_person_values(p, aid=aid, i=i) for i, p in enumerate(record.people)],
        quotes=[_quote_values(q, aid=aid, i=i) for i, q in enumerate(record.quotes)],
    )
    for i, event in enumerate(record.events):
        report_id = event_id = f"{aid}-r{i:03d}"
        rows.events.append(_event_values(event, event_id=event_id, seen=seen))
        rows.reports.append(
            _report_values(event, report_id=report_id, event_id=event_id, aid=aid, i=i)
        )
        for side, refs in (("source", event.source), ("target", event.target)):
            rows.report_actors.extend(
                {"report_id": report_id, "side": side, "ord": j, "actor_id": r.actor_id,
                 "name": r.name}
                for j, r in enumerate(refs)
            )  # fmt: skip
    return rows


def actors_of(record: ArticleRecord) -> tuple[ActorInfo, ...]:
    """Every actor `record` refers to, once, with what the article says of it."""
    found: dict[str, ActorInfo] = {}

    def see(info: ActorInfo) -> None:
        known = found.get(info.id)
        found[info.id] = known.merged(info) if known else info

    # Linked mentions carry the actor's own name and kind; people add the article's spellings.
    for m in record.mentions:
        see(ActorInfo(m.actor_id, m.name, m.kind, m.country, m.role))
    for p in record.people:
        see(ActorInfo(p.actor_id, p.name, "person", p.country, p.role, p.aliases))
    refs: list[ActorRef] = [r for e in record.events for r in (*e.source, *e.target)]
    refs.extend(q.speaker for q in record.quotes if q.speaker is not None)
    for r in refs:
        see(ActorInfo(r.actor_id, r.name, r.kind, r.country))
    return tuple(found.values())


def date_values(date: PartialDate | None) -> Values:
    """The date columns of a row: ISO value, precision, first and last day."""
    if date is None:
        return {"date": None, "date_precision": None, "date_start": None, "date_end": None}
    return {
        "date": date.iso(),
        "date_precision": date.precision,
        "date_start": date.first_day().isoformat(),
        "date_end": date.last_day().isoformat(),
    }


def _event_values(event: Event, *, event_id: str, seen: str | None) -> Values:
    return {
        "id": event_id,
        "type": event.type,
        "mode": event.mode,
        **date_values(event.date),
        "location": event.location,
        "status": event.status,
        "first_seen": seen,
        "last_seen": seen,
        "n_sources": 1,
    }


def _report_values(event: Event, *, report_id: str, event_id: str, aid: str, i: int) -> Values:
    return {
        "id": report_id,
        "article_id": aid,
        "ord": i,
        "type": event.type,
        "mode": event.mode,
        **date_values(event.date),
        "date_from": event.date_from,
        "location": event.location,
        "status": event.status,
        "negated": event.negated,
        "evidence": event.evidence,
        "evidence_start": event.evidence_start,
        "evidence_end": event.evidence_end,
        "trigger": event.trigger,
        "confidence": event.confidence,
        "event_id": event_id,
    }


def _article_values(record: ArticleRecord, *, run_id: int | None, now: str) -> Values:
    article, published = record.article, record.published
    regions = [{"start": r.start, "end": r.end, "kind": r.kind} for r in article.regions]
    return {
        "id": article.id,
        "doc": article.doc_name,
        "url": article.url,
        "outlet": article.outlet,
        "byline": article.byline,
        "title": article.title,
        "lead": article.lead,
        "text": article.text,
        "regions": dumps(regions),
        "published": published.iso() if published else None,
        "published_precision": published.precision if published else None,
        "published_from": record.published_from,
        "origin": article.origin.path,
        "origin_line": article.origin.line,
        "run_id": run_id,
        "ingested_at": now,
        "vector": vector_bytes(record.vector),
    }


def vector_bytes(vector: tuple[float, ...]) -> bytes | None:
    """A vector as stored: float32, little-endian."""
    return np.asarray(vector, dtype="<f4").tobytes() if vector else None


def _mention_values(mention: Mention, *, aid: str, i: int) -> Values:
    return {
        "article_id": aid,
        "ord": i,
        "actor_id": mention.actor_id,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "how": mention.how,
    }


def _person_values(person: PersonRecord, *, aid: str, i: int) -> Values:
    return {
        "article_id": aid,
        "ord": i,
        "actor_id": person.actor_id,
        "name": person.name,
        "aliases": dumps(list(person.aliases)),
        "country": person.country,
        "role": person.role,
        "mentions": dumps([list(m) for m in person.mentions]),
    }


def _quote_values(quote: Quote, *, aid: str, i: int) -> Values:
    return {
        "id": f"{aid}-q{i:03d}",
        "article_id": aid,
        "ord": i,
        "speaker_actor_id": quote.speaker.actor_id if quote.speaker else None,
        "speaker_name": quote.speaker.name if quote.speaker else None,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "cue": quote.cue,
    }
