"""The Store: one article per transaction, idempotent by content id, on SQLite or PostgreSQL."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from types import TracebackType
from typing import Any, Literal

from sqlalchemy import (
    Connection,
    Engine,
    Insert,
    ScalarSelect,
    Select,
    Table,
    delete,
    func,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from ..errors import Errors, StoreError
from ..merge import MergeRules
from ..records import ArticleRecord
from ..stories import Story, StoryRules, group
from . import engine as engines
from . import queries
from . import schema as s
from .identity import unify
from .merging import default_rules, merge_article, rebuild
from .migrations import migrate, utcnow
from .queries import (
    ActorProfile,
    ActorRow,
    EvidenceRow,
    QuoteRow,
    TimelineFilter,
    TimelineRow,
)
from .read import load_record
from .rows import ArticleRow, RunRow
from .write import ActorInfo, ArticleRows, dumps, rows_of

Added = Literal["new", "stored"]
COUNTED: tuple[Table, ...] = (
    s.articles, s.actors, s.mentions, s.people, s.events, s.event_actors, s.reports, s.quotes,
    s.runs,
)  # fmt: skip


class Store:
    """veilleur's database: articles, actors, mentions, reports, events, quotes and runs."""

    def __init__(self, engine: Engine, *, rules: MergeRules | None = None) -> None:
        self.engine = engine
        self.rules = rules or default_rules()

    @classmethod
    def open(
        cls, url: str | os.PathLike[str] | None = None, *, rules: MergeRules | None = None
    ) -> Store:
        """Open (creating and migrating as needed) the database at `url` or a file path."""
        engine = engines.create(engines.resolve_url(url))
        engines.check(engine)
        migrate(engine)
        return cls(engine, rules=rules)

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def add(self, record: ArticleRecord, *, run_id: int | None = None) -> Added:
        """Store the whole article in one transaction; 'stored' (and no change) if already there."""
        rows = rows_of(record, run_id=run_id, now=utcnow())
        with self._writing() as conn:
            # The insert itself decides, so two writers adding one article cannot both win.
            insert = _insert_ignore(conn, s.articles).returning(s.articles.c.id)
            if conn.execute(insert, rows.article).first() is None:
                return "stored"
            # Lock before the actors too: two writers completing one actor row from what each
            # read would lose one's names or role (a lost update), which order then decides.
            engines.lock_for_merging(conn)
            rows = unify(conn, rows)
            _upsert_actors(conn, rows.actors)
            _insert_rest(conn, rows)
            merge_article(conn, record.article.id, self.rules)
        return "new"

    def remove(self, article_id: str) -> bool:
        """Delete an article and all it added but its actors (one transaction); False if absent."""
        with self._writing() as conn:
            engines.lock_for_merging(conn)
            return _delete_article(conn, article_id, self.rules)

    def has(self, article_id: str) -> bool:
        """True when the article with this id is stored."""
        with self.engine.connect() as conn:
            query = select(s.articles.c.id).where(s.articles.c.id == article_id)
            return conn.execute(query).first() is not None

    def start_run(self, command: str, args: Mapping[str, Any] | Sequence[str]) -> int:
        """Record the start of a run and return its id (to pass to `add` and `finish_run`)."""
        values = {"started_at": utcnow(), "command": command, "args": _json(args)}
        with self._writing() as conn:
            result = conn.execute(s.runs.insert().values(values).returning(s.runs.c.id))
            return int(result.scalar_one())

    def finish_run(
        self,
        run_id: int,
        *,
        n_read: int,
        n_new: int,
        n_stored: int,
        n_failed: int,
        failures: list[str],
    ) -> None:
        """Record the end of a run and its tallies."""
        values = {
            "finished_at": utcnow(),
            "n_read": n_read,
            "n_new": n_new,
            "n_stored": n_stored,
            "n_failed": n_failed,
            "failures": dumps(failures),
        }
        with self._writing() as conn:
            conn.execute(update(s.runs).where(s.runs.c.id == run_id).values(values))

    def run(self, run_id: int) -> RunRow | None:
        """The run with this id, if any."""
        with self.engine.connect() as conn:
            row = conn.execute(select(s.runs).where(s.runs.c.id == run_id)).first()
        return RunRow.of(row) if row is not None else None

    def articles(self, *, limit: int = 50, offset: int = 0) -> list[ArticleRow]:
        """Stored articles, most recently ingested first."""
        a = s.articles
        query = article_query().order_by(a.c.ingested_at.desc(), a.c.id)
        query = query.limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [ArticleRow.of(row) for row in conn.execute(query)]

    def article(self, id_or_prefix: str) -> ArticleRow | None:
        """The article with this id, or the only one whose id starts with it; else None."""
        a = s.articles
        with self.engine.connect() as conn:
            row = conn.execute(article_query().where(a.c.id == id_or_prefix)).first()
            if row is not None:
                return ArticleRow.of(row)
            if not id_or_prefix:
                return None
            prefixed = a.c.id.startswith(id_or_prefix, autoescape=True)
            query = article_query().where(prefixed).limit(2)
            found = list(conn.execute(query))
        return ArticleRow.of(found[0]) if len(found) == 1 else None

    def article_record(self, id_or_prefix: str) -> ArticleRecord:
        """The stored article as an ArticleRecord; StoreError E203 if there is none."""
        row = self.article(id_or_prefix)
        if row is None:
            raise StoreError(Errors.E203.format(id=id_or_prefix))
        with self.engine.connect() as conn:
            return load_record(conn, row)

    def record(self, id_or_prefix: str) -> dict[str, Any]:
        """The stored article as its FORMAT.md record (ArticleRecord.as_dict); E203 if absent."""
        return self.article_record(id_or_prefix).as_dict()

    def timeline(
        self, where: TimelineFilter | None = None, *, limit: int = 100, offset: int = 0
    ) -> list[TimelineRow]:
        """Real events in date order (undated last), with their actors and number of sources."""
        with self.engine.connect() as conn:
            return queries.timeline(conn, where or TimelineFilter(), limit=limit, offset=offset)

    def count_events(self, where: TimelineFilter | None = None) -> int:
        """How many real events `where` keeps."""
        with self.engine.connect() as conn:
            return queries.count_events(conn, where or TimelineFilter())

    def evidence(self, event_id: str) -> list[EvidenceRow]:
        """The sentences, one per report, behind an event."""
        with self.engine.connect() as conn:
            return queries.evidence(conn, event_id)

    def find_actors(self, query: str) -> list[str]:
        """Ids of the actors an id, a name or an alias designates."""
        with self.engine.connect() as conn:
            return queries.find_actors(conn, query)

    def actors(self, *, limit: int = 50, kind: str | None = None) -> list[ActorRow]:
        """Actors, most frequent in events first."""
        with self.engine.connect() as conn:
            return queries.actors(conn, limit=limit, kind=kind)

    def actor(self, actor_id: str, *, limit: int = 50) -> ActorProfile | None:
        """One actor's offices over time, events, quotes and most frequent counterparts."""
        with self.engine.connect() as conn:
            return queries.actor_profile(conn, actor_id, limit=limit)

    def quotes(self, *, speaker_ids: list[str] | None = None, limit: int = 100) -> list[QuoteRow]:
        """Quotations, newest first, of some speakers or all."""
        with self.engine.connect() as conn:
            return queries.quotes(conn, speaker_ids=speaker_ids, limit=limit)

    def learned_people(self) -> list[dict[str, object]]:
        """People first met in articles (ids "new:..."), as knowledge-base entries.

        `veilleur ingest` passes them to the linker, so that a person an earlier article
        introduced ("le colonel Dave Butler, porte-parole de Milley") is recognised, with the
        same id, when a later article names him ("Butler").
        """
        a = s.actors
        query = (
            select(a.c.id, a.c.name, a.c.aliases, a.c.country)
            .where(a.c.kind == "person", a.c.id.startswith("new:"))
            .order_by(a.c.id)
        )
        with self.engine.connect() as conn:
            return [
                {"id": row.id, "name": row.name, "aliases": json.loads(row.aliases),
                 "country": row.country}
                for row in conn.execute(query)
            ]  # fmt: skip

    def learned_kb(self) -> str | None:
        """The learnt people as the text of a knowledge-base file (JSON is YAML), or None."""
        people = self.learned_people()
        if not people:
            return None
        return json.dumps({"people": people}, ensure_ascii=False, sort_keys=True)

    def stories(self, rules: StoryRules | None = None) -> list[Story]:
        """Articles grouped into stories (shared events, people and wording), largest first."""
        with self.engine.connect() as conn:
            facts = queries.article_facts(conn)
        return group(facts, rules)

    def counts(self) -> dict[str, int]:
        """Rows in each table, by table name."""
        with self.engine.connect() as conn:
            return {
                t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                for t in COUNTED
            }

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """A write transaction (on SQLite it holds the write lock from its start)."""
        with self.engine.connect() as conn:
            conn.execution_options(**{engines.WRITE: True})
            with conn.begin():
                yield conn


def article_query() -> Select[Any]:
    """SELECT of articles with their numbers of people, events and quotes."""
    a = s.articles

    def count(table: Table) -> ScalarSelect[int]:
        query = select(func.count()).select_from(table).where(table.c.article_id == a.c.id)
        return query.scalar_subquery()

    return select(
        a,
        count(s.people).label("n_people"),
        count(s.reports).label("n_events"),
        count(s.quotes).label("n_quotes"),
    )


def _insert_ignore(conn: Connection, table: Table) -> Insert:
    """INSERT ... ON CONFLICT DO NOTHING, in the connected backend's dialect."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    return sqlite.insert(table).on_conflict_do_nothing()


def _upsert_actors(conn: Connection, infos: Sequence[ActorInfo]) -> None:
    """Insert new actors; fill the blanks and extend the aliases of known ones."""
    if not infos:
        return
    a = s.actors
    ordered = sorted(infos, key=lambda info: info.id)  # one lock order for every writer
    query = select(a).where(a.c.id.in_([info.id for info in ordered]))
    known = {row.id: row for row in conn.execute(query)}
    new = [info.values() for info in ordered if info.id not in known]
    if new:
        conn.execute(_insert_ignore(conn, a), new)
    for info in ordered:
        row = known.get(info.id)
        if row is None:
            continue
        stored = ActorInfo(
            row.id, row.name, row.kind, row.country, row.role, tuple(json.loads(row.aliases))
        )
        merged = stored.merged(info)
        if merged != stored:
            values = {"name": merged.name, "country": merged.country, "role": merged.role,
                      "aliases": dumps(list(merged.aliases))}  # fmt: skip
            conn.execute(update(a).where(a.c.id == info.id).values(values))


def _insert_rest(conn: Connection, rows: ArticleRows) -> None:
    """Insert the article's child rows, parents before children."""
    batches: tuple[tuple[Table, list[dict[str, Any]]], ...] = (
        (s.mentions, rows.mentions),
        (s.people, rows.people),
        (s.events, rows.events),
        (s.reports, rows.reports),
        (s.report_actors, rows.report_actors),
        (s.quotes, rows.quotes),
    )
    for table, values in batches:
        if values:
            conn.execute(table.insert(), values)


def _delete_article(conn: Connection, article_id: str, rules: MergeRules) -> bool:
    """Delete the article's rows, children first; the events it shared are re-clustered."""
    rep = s.reports
    query = select(rep.c.event_id).where(rep.c.article_id == article_id).distinct()
    event_ids = list(conn.execute(query).scalars())
    others = select(rep.c.id).where(rep.c.event_id.in_(event_ids), rep.c.article_id != article_id)
    remaining = set(conn.execute(others).scalars())
    report_ids = select(rep.c.id).where(rep.c.article_id == article_id)
    conn.execute(delete(s.report_actors).where(s.report_actors.c.report_id.in_(report_ids)))
    conn.execute(delete(s.event_actors).where(s.event_actors.c.event_id.in_(event_ids)))
    conn.execute(delete(rep).where(rep.c.article_id == article_id))
    if event_ids:
        still_reported = select(rep.c.event_id).where(rep.c.event_id.in_(event_ids))
        conn.execute(
            delete(s.events).where(
                s.events.c.id.in_(event_ids), s.events.c.id.not_in(still_reported)
            )
        )
    rebuild(conn, remaining, rules)
    for table in (s.quotes, s.mentions, s.people):
        conn.execute(delete(table).where(table.c.article_id == article_id))
    article = s.articles
    gone = delete(article).where(article.c.id == article_id).returning(article.c.id)
    return conn.execute(gone).first() is not None


def _json(value: Mapping[str, Any] | Sequence[str]) -> str:
    """JSON text of run arguments; values JSON cannot hold (paths, enums) become strings."""
    plain = dict(value) if isinstance(value, Mapping) else list(value)
    return json.dumps(plain, ensure_ascii=False, default=str)
