"""Stored events as calendar entries: what earlier articles dated to the day dates later ones."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Engine, select

from . import schema as s

# An event is a calendar entry only when some article stated its day in the text: a date taken
# from the publication says nothing of the day it happened.
_STATED = "text"


def stored_entries(engine: Engine) -> list[dict[str, Any]]:
    """Events of the store dated to the day by an article's text, as calendar entries."""
    e, r, a = s.events, s.reports, s.event_actors
    stated = select(r.c.event_id).where(r.c.date_from == _STATED, r.c.status == "occurred")
    query = (
        select(e.c.id, e.c.type, e.c.date, e.c.location)
        .where(e.c.date_precision == "day", e.c.status == "occurred", e.c.id.in_(stated))
        .order_by(e.c.id)
    )
    with engine.connect() as conn:
        rows = list(conn.execute(query))
        sides: dict[str, dict[str, list[str]]] = {}
        for side in conn.execute(select(a.c.event_id, a.c.side, a.c.actor_id)):
            sides.setdefault(side.event_id, {}).setdefault(side.side, []).append(side.actor_id)
    entries: list[dict[str, Any]] = []
    for row in rows:
        actors = sides.get(row.id, {})
        source, target = sorted(actors.get("source", [])), sorted(actors.get("target", []))
        if not (source or target) or row.date is None:
            continue
        entries.append(
            {
                "id": f"store:{row.id}",
                "date": dt.date.fromisoformat(row.date).isoformat(),
                "type": row.type,
                "source": source,
                "target": target,
                "place": row.location,
            }
        )
    return entries


def stored_calendar(engine: Engine) -> str | None:
    """The stored entries as the text of a calendar file (JSON is YAML), or None if none."""
    entries = stored_entries(engine)
    if not entries:
        return None
    return json.dumps({"events": entries}, ensure_ascii=False, sort_keys=True)
