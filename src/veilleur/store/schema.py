"""The database schema as SQLAlchemy Core tables, shared by SQLite and PostgreSQL.

Dates are ISO strings at their own precision ('2024', '2024-08', '2024-08-05'), with the first
and last calendar day they may be (`date_start`, `date_end`) so that range queries are exact.
Timestamps are ISO 8601 UTC strings; JSON values are stored as text, identically on every backend.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
)

metadata = MetaData()

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", Text, nullable=False),
    Column("finished_at", Text),
    Column("command", Text, nullable=False),
    Column("args", Text, nullable=False, default="{}"),
    Column("n_read", Integer, nullable=False, default=0),
    Column("n_new", Integer, nullable=False, default=0),
    Column("n_stored", Integer, nullable=False, default=0),
    Column("n_failed", Integer, nullable=False, default=0),
    Column("failures", Text, nullable=False, default="[]"),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Text, primary_key=True),
    Column("doc", Text, nullable=False),
    Column("url", Text),
    Column("outlet", Text),
    Column("byline", Text),
    Column("title", Text),
    Column("lead", Text),
    Column("text", Text, nullable=False),
    Column("regions", Text, nullable=False, default="[]"),
    Column("published", Text),
    Column("published_precision", Text),
    Column("published_from", Text),
    Column("origin", Text, nullable=False),
    Column("origin_line", Integer),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("ingested_at", Text, nullable=False),
    # Unit float32 vector of the content words (veilleur.record.content_vector), for stories.
    Column("vector", LargeBinary),
)

actors = Table(
    "actors",
    metadata,
    Column("id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("country", Text),
    Column("role", Text),
    Column("aliases", Text, nullable=False, default="[]"),
    Column("wikidata", Text),
)

mentions = Table(
    "mentions",
    metadata,
    Column("article_id", Text, ForeignKey("articles.id"), primary_key=True),
    Column("ord", Integer, primary_key=True),
    Column("actor_id", Text, ForeignKey("actors.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("how", Text, nullable=False),
)

# The people of one article as FORMAT.md lists them (the name, aliases and role it uses there);
# `actors` holds the actor across articles.
people = Table(
    "people",
    metadata,
    Column("article_id", Text, ForeignKey("articles.id"), primary_key=True),
    Column("ord", Integer, primary_key=True),
    Column("actor_id", Text, ForeignKey("actors.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("aliases", Text, nullable=False, default="[]"),
    Column("country", Text),
    Column("role", Text),
    Column("mentions", Text, nullable=False, default="[]"),
)

events = Table(
    "events",
    metadata,
    Column("id", Text, primary_key=True),
    Column("type", Text, nullable=False),
    Column("mode", Text),
    Column("date", Text),
    Column("date_precision", Text),
    Column("date_start", Text),
    Column("date_end", Text),
    Column("location", Text),
    Column("status", Text, nullable=False),
    Column("first_seen", Text),
    Column("last_seen", Text),
    Column("n_sources", Integer, nullable=False, default=1),
)

reports = Table(
    "reports",
    metadata,
    Column("id", Text, primary_key=True),
    Column("article_id", Text, ForeignKey("articles.id"), nullable=False),
    Column("ord", Integer, nullable=False),
    Column("type", Text, nullable=False),
    Column("mode", Text),
    Column("date", Text),
    Column("date_precision", Text),
    Column("date_start", Text),
    Column("date_end", Text),
    Column("date_from", Text, nullable=False),
    Column("location", Text),
    Column("status", Text, nullable=False),
    Column("negated", Boolean, nullable=False, default=False),
    Column("evidence", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("event_id", Text, ForeignKey("events.id"), nullable=False),
)

report_actors = Table(
    "report_actors",
    metadata,
    Column("report_id", Text, ForeignKey("reports.id"), primary_key=True),
    Column("side", Text, primary_key=True),
    Column("ord", Integer, primary_key=True),
    Column("actor_id", Text, ForeignKey("actors.id"), nullable=False),
    Column("name", Text, nullable=False),
)

# The actors of each real event, by side, over all its reports: what timeline, actor and
# network queries filter and group on (rebuilt whenever the event's reports change).
event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", Text, ForeignKey("events.id"), primary_key=True),
    Column("side", Text, primary_key=True),
    Column("actor_id", Text, ForeignKey("actors.id"), primary_key=True),
    Column("name", Text, nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Text, primary_key=True),
    Column("article_id", Text, ForeignKey("articles.id"), nullable=False),
    Column("ord", Integer, nullable=False),
    Column("speaker_actor_id", Text, ForeignKey("actors.id")),
    Column("speaker_name", Text),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("cue", Text),
)

migrations = Table(
    "migrations",
    metadata,
    Column("name", Text, primary_key=True),
    Column("applied_at", Text, nullable=False),
)

Index("ix_articles_published", articles.c.published)
Index("ix_articles_run", articles.c.run_id)
Index("ix_mentions_actor", mentions.c.actor_id)
Index("ix_people_actor", people.c.actor_id)
Index("ix_events_date", events.c.date_start, events.c.date_end)
Index("ix_events_type", events.c.type, events.c.date_start)
Index("ix_reports_article", reports.c.article_id, reports.c.ord)
Index("ix_reports_event", reports.c.event_id)
Index("ix_reports_date", reports.c.date_start)
Index("ix_report_actors_actor", report_actors.c.actor_id, report_actors.c.side)
Index("ix_event_actors_actor", event_actors.c.actor_id, event_actors.c.event_id)
Index("ix_quotes_article", quotes.c.article_id, quotes.c.ord)
Index("ix_quotes_speaker", quotes.c.speaker_actor_id)
