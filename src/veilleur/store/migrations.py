"""Schema migrations: ordered functions, each recorded in `migrations` once applied.

Opening a database applies the ones it lacks, in order, in one transaction. `schema.py` always
describes the latest schema and `0001_initial` creates whatever of it is missing, so a later
migration must do nothing when its change is already there (a fresh database already has it):
use `add_column` for new columns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Column, Connection, Engine, inspect, select
from sqlalchemy.schema import CreateColumn

from ..errors import Errors, StoreError
from . import schema
from .engine import WRITE, display_url, lock_for_migrations


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema's history: a unique name and the function that applies it."""

    name: str
    apply: Callable[[Connection], None]


def _initial(conn: Connection) -> None:
    schema.metadata.create_all(conn, checkfirst=True)


MIGRATIONS: tuple[Migration, ...] = (Migration("0001_initial", _initial),)


def add_column(conn: Connection, table: str, column: Column[object]) -> None:
    """Add `column` to `table` unless it is there already (for migrations after the first)."""
    if column.name in {c["name"] for c in inspect(conn).get_columns(table)}:
        return
    ddl = CreateColumn(column).compile(dialect=conn.dialect)
    conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {ddl}")


def utcnow() -> str:
    """The current UTC time as an ISO 8601 string, the form of every timestamp stored."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def applied(conn: Connection) -> list[str]:
    """Names of the migrations recorded in the database, oldest first."""
    if not inspect(conn).has_table(schema.migrations.name):
        return []
    table = schema.migrations
    rows = conn.execute(select(table.c.name).order_by(table.c.applied_at, table.c.name))
    return [name for (name,) in rows]


def migrate(engine: Engine, *, migrations: Sequence[Migration] = MIGRATIONS) -> list[str]:
    """Apply the missing migrations and return their names; E202 if the database is newer."""
    known = [m.name for m in migrations]
    with engine.connect() as conn, conn.execution_options(**{WRITE: True}).begin():
        lock_for_migrations(conn)
        done = applied(conn)
        unknown = [name for name in done if name not in known]
        if unknown:
            url = display_url(engine.url.render_as_string(hide_password=False))
            raise StoreError(Errors.E202.format(url=url, found=", ".join(unknown), known=known[-1]))
        missing = [m for m in migrations if m.name not in done]
        for migration in missing:
            migration.apply(conn)
            schema.migrations.create(conn, checkfirst=True)
            conn.execute(
                schema.migrations.insert().values(name=migration.name, applied_at=utcnow())
            )
    return [m.name for m in missing]
