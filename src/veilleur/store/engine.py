"""Database URLs and engines: SQLite (WAL, foreign keys, transactional DDL) or PostgreSQL."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import StaticPool

from ..errors import Errors, StoreError

DEFAULT_URL = "sqlite:///veilleur.db"
SUPPORTED = ("sqlite", "postgresql")
# Execution option asking for a transaction that takes the write lock at BEGIN (SQLite), so a
# writer never starts from a read snapshot it cannot upgrade.
WRITE = "veilleur_write"
_PG_PREFIXES = ("postgresql://", "postgres://")
_MIGRATION_LOCK = 0x7665696C  # any constant: PostgreSQL advisory lock key for migrations
_MERGE_LOCK = 0x7665694D  # another: PostgreSQL advisory lock key for cross-article merging


def resolve_url(location: str | os.PathLike[str] | None) -> str:
    """A SQLAlchemy URL from None (./veilleur.db), a file path or a database URL."""
    url = os.fspath(location).strip() if location is not None else ""
    if not url:
        return DEFAULT_URL
    if url == ":memory:":
        return "sqlite://"
    for prefix in _PG_PREFIXES:
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser()}"
    return url


def display_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def create(url: str) -> Engine:
    """An engine for a resolved URL, configured for its backend; raises StoreError E201."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(Errors.E201.format(url=url, reason=exc)) from exc
    backend = parsed.get_backend_name()
    if backend not in SUPPORTED:
        reason = f"unsupported database {backend!r}; use sqlite:///PATH or postgresql://..."
        raise StoreError(Errors.E201.format(url=display_url(url), reason=reason))
    if backend == "sqlite":
        return _sqlite_engine(url, in_memory=parsed.database in (None, "", ":memory:"))
    return create_engine(url, pool_pre_ping=True)


def check(engine: Engine) -> None:
    """Connect once so that a bad URL fails now, with E201, rather than at the first write."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except DBAPIError as exc:
        reason = str(exc.orig).strip() or type(exc.orig).__name__
        url = display_url(engine.url.render_as_string(hide_password=False))
        raise StoreError(Errors.E201.format(url=url, reason=reason)) from exc


def lock_for_migrations(conn: Connection) -> None:
    """On PostgreSQL, serialise concurrent openers until this transaction ends."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})


def lock_for_merging(conn: Connection) -> None:
    """On PostgreSQL, write actors and merge one article at a time, each seeing every actor
    and report committed before.

    Concurrent writers (Dask workers) would otherwise each miss the other's uncommitted
    reports and leave one event split in several. SQLite's BEGIN IMMEDIATE serialises already.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MERGE_LOCK})


def _sqlite_engine(url: str, *, in_memory: bool) -> Engine:
    # One shared connection for :memory:, or every connection would see its own empty database.
    kwargs: dict[str, Any] = {"poolclass": StaticPool} if in_memory else {}
    engine = create_engine(url, connect_args={"check_same_thread": False}, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # pysqlite opens transactions only before DML; take BEGIN over so DDL is atomic too.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        if not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine
