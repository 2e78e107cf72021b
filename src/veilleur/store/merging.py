"""Keep `events` the real events behind the stored reports, as articles come and go.

Within an article's transaction, the new reports are compared with the stored reports they
could describe the same event as (same type, a shared actor); every report of each event
touched is re-clustered with `veilleur.merge.cluster`, and those events are rewritten. Since
the clusters of a set of reports depend on the reports alone (their links and how strong they
are), the events do not depend on the order articles were added in; every report a new one
could link to is among those re-clustered, with its whole event.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, delete, select, update

from ..merge import MergeRules, Report, cluster, fuse
from ..records import PartialDate
from . import schema as s
from .write import date_values


def _canon(actor_id: str, kind: str | None, country: str | None, name: str) -> str:
    """The id merging compares: a state's organs (army, ministry) count as the state, and a
    state known only by name (from a country adjective) is that state."""
    if kind in ("state", "organisation") and country:
        return f"state:{country}"
    if kind == "state":
        from ..geo import place_country

        code = place_country(name)
        return f"state:{code}" if code else actor_id
    return actor_id


def _date(text: str | None) -> PartialDate | None:
    return PartialDate.parse(text) if text else None


def load_reports(conn: Connection, report_ids: Iterable[str]) -> list[Report]:
    """The stored reports with these ids, as merging sees them."""
    ids = sorted(set(report_ids))
    if not ids:
        return []
    r, a, ra, act = s.reports, s.articles, s.report_actors, s.actors
    states: dict[str, set[tuple[str, str]]] = defaultdict(set)
    sides: dict[str, dict[str, set[str]]] = defaultdict(
        lambda: {"source": set(), "target": set(), "people": set()}
    )
    query = (
        select(ra.c.report_id, ra.c.side, ra.c.actor_id, act.c.kind, act.c.country, act.c.name)
        .join(act, act.c.id == ra.c.actor_id)
        .where(ra.c.report_id.in_(ids))
    )
    for row in conn.execute(query):
        actor = _canon(row.actor_id, row.kind, row.country, row.name)
        sides[row.report_id][row.side].add(actor)
        if row.kind == "person":
            sides[row.report_id]["people"].add(actor)
            if row.country:
                states[row.report_id].add((actor, f"state:{row.country}"))
    query = select(r, a.c.published).join(a, a.c.id == r.c.article_id).where(r.c.id.in_(ids))
    return [
        Report(
            key=row.id,
            article_id=row.article_id,
            type=row.type,
            source=frozenset(sides[row.id]["source"]),
            target=frozenset(sides[row.id]["target"]),
            date=_date(row.date),
            location=row.location,
            status=row.status,
            mode=row.mode,
            published=_date(row.published),
            negated=bool(row.negated),
            people=frozenset(sides[row.id]["people"]),
            person_states=frozenset(states[row.id]),
            evidence=row.evidence,
        )
        for row in conn.execute(query)
    ]


def _candidates(conn: Connection, new: Sequence[Report]) -> set[str]:
    """Stored reports of other articles that share a type and an actor with a new report, or
    a state with it (its organs, or the people who serve it: see `merge.same_event`)."""
    r, ra, act = s.reports, s.report_actors, s.actors
    found: set[str] = set()
    for report in new:
        ids = set(report.participants)
        states = {i.removeprefix("state:") for i in ids if i.startswith("state:")}
        states |= {state.removeprefix("state:") for _, state in report.person_states}
        actor_ids = select(act.c.id).where(act.c.country.in_(sorted(states)))
        query = (
            select(r.c.id)
            .join(ra, ra.c.report_id == r.c.id)
            .where(
                r.c.type == report.type,
                r.c.article_id != report.article_id,
                ra.c.actor_id.in_(ids) | ra.c.actor_id.in_(actor_ids),
            )
            .distinct()
        )
        if report.date is not None:
            # dates must hold one another (merge.dates_agree), so their spans must meet
            first, last = report.date.first_day().isoformat(), report.date.last_day().isoformat()
            query = query.where(
                r.c.date_start.is_(None) | ((r.c.date_start <= last) & (r.c.date_end >= first))
            )
        found.update(conn.execute(query).scalars())
    return found


def _event_members(conn: Connection, report_ids: Iterable[str]) -> set[str]:
    """Every report of the events these reports belong to."""
    r = s.reports
    events = select(r.c.event_id).where(r.c.id.in_(sorted(set(report_ids))))
    return set(conn.execute(select(r.c.id).where(r.c.event_id.in_(events))).scalars())


def merge_article(conn: Connection, article_id: str, rules: MergeRules) -> None:
    """Merge the reports of a just-inserted article into the stored events."""
    r = s.reports
    own = list(conn.execute(select(r.c.id).where(r.c.article_id == article_id)).scalars())
    new = load_reports(conn, own)
    rebuild(conn, _event_members(conn, [*own, *_candidates(conn, new)]), rules)


def rebuild(conn: Connection, report_ids: set[str], rules: MergeRules) -> None:
    """Re-cluster these reports (whole events) and rewrite their events and event actors."""
    if not report_ids:
        return
    r, e, ea = s.reports, s.events, s.event_actors
    old_events = set(
        conn.execute(select(r.c.event_id).where(r.c.id.in_(sorted(report_ids)))).scalars()
    )
    reports = load_reports(conn, report_ids)
    conn.execute(delete(ea).where(ea.c.event_id.in_(sorted(old_events))))
    for group in cluster(reports, rules):
        event = fuse(group, rules)
        keys = [g.key for g in group]
        values = {
            "type": event.type,
            "mode": event.mode,
            **date_values(event.date),
            "location": event.location,
            "status": event.status,
            "first_seen": event.first_seen.iso() if event.first_seen else None,
            "last_seen": event.last_seen.iso() if event.last_seen else None,
            "n_sources": len(event.articles),
        }
        # The event row first, then the reports pointing at it (foreign keys hold throughout).
        if conn.execute(select(e.c.id).where(e.c.id == event.key)).first() is not None:
            conn.execute(update(e).where(e.c.id == event.key).values(values))
        else:
            conn.execute(e.insert().values(id=event.key, **values))
        conn.execute(update(r).where(r.c.id.in_(keys)).values(event_id=event.key))
        _write_event_actors(conn, event.key, keys)
    still = select(r.c.event_id).where(r.c.event_id.in_(sorted(old_events)))
    conn.execute(delete(e).where(e.c.id.in_(sorted(old_events)), e.c.id.not_in(still)))


def _write_event_actors(conn: Connection, event_id: str, report_ids: Sequence[str]) -> None:
    ra, ea = s.report_actors, s.event_actors
    query = (
        select(ra.c.report_id, ra.c.side, ra.c.actor_id, ra.c.name)
        .where(ra.c.report_id.in_(report_ids))
        .order_by(ra.c.report_id, ra.c.side, ra.c.ord)
    )
    # An actor keeps the side(s) the first report gives it: "A met B" and "B met A" are one
    # meeting, not both actors on both sides; a mutual act lists its parties on both sides.
    first_report: dict[str, str] = {}
    rows: dict[tuple[str, str], str] = {}
    for row in conn.execute(query):
        report = first_report.setdefault(row.actor_id, row.report_id)
        if report == row.report_id:
            rows.setdefault((row.side, row.actor_id), row.name)
    if rows:
        conn.execute(
            ea.insert(),
            [
                {"event_id": event_id, "side": side, "actor_id": actor, "name": name}
                for (side, actor), name in sorted(rows.items())
            ],
        )


def default_rules() -> MergeRules:
    """Merge rules with the knowledge base telling where places lie and how fine they are."""
    from ..geo import locate
    from ..kb import KnowledgeBase

    kb = KnowledgeBase.load()
    return MergeRules(
        is_country=lambda place: kb.state(place) is not None,
        locate=lambda place: locate(place, kb),
    )
