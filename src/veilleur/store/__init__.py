"""Storage of analysed articles in SQLite or PostgreSQL, through SQLAlchemy Core.

Usage::

    store = Store.open("veilleur.db")        # or None, a path, sqlite:///..., postgresql://...
    run = store.start_run("ingest", {"paths": [...]})
    store.add(record, run_id=run)            # "new" or "stored"; one transaction per article
    store.record(article_id)                 # the FORMAT.md record rebuilt from the database
"""

from __future__ import annotations

from .engine import resolve_url
from .intake import RunTally, unstored
from .migrations import MIGRATIONS, Migration, applied, migrate
from .queries import ActorProfile, ActorRow, EventActor, QuoteRow, TimelineFilter, TimelineRow
from .rows import ArticleRow, RunRow
from .store import Added, Store

__all__ = [
    "MIGRATIONS",
    "ActorProfile",
    "ActorRow",
    "Added",
    "ArticleRow",
    "EventActor",
    "Migration",
    "QuoteRow",
    "RunRow",
    "RunTally",
    "Store",
    "TimelineFilter",
    "TimelineRow",
    "applied",
    "migrate",
    "resolve_url",
    "unstored",
]
