"""Latency of `veilleur timeline` queries over 100,000 stored events (goal: < 200 ms).

    python benchmarks/timeline.py [--events 100000] [--db URL]

Fills a fresh SQLite database (or the PostgreSQL one given) with synthetic events, actors and
event actors, then times each timeline query (median of several runs) beside two baselines in
the same run: the floor (reading the first rows of `events`, no filter, no order) and the same
query on a copy of the data without veilleur's indexes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select, text

from veilleur.store import Store, TimelineFilter
from veilleur.store import schema as s

TYPES = ("CONSULT", "SUPPORT", "ASSAULT", "ACCUSE", "AGREE", "THREATEN", "REQUEST", "AID")
COUNTRIES = ("USA", "ISR", "FRA", "UKR", "RUS", "CHN", "IRN", "DEU", "MLI", "TUR")


def fill(store: Store, n_events: int, *, seed: int = 7) -> None:
    """Insert `n_events` synthetic events over 2015-2026 with 2-3 actors each."""
    rng = random.Random(seed)
    actors = [
        {"id": f"person:p{i}", "name": f"Personne {i}", "kind": "person",
         "country": COUNTRIES[i % len(COUNTRIES)], "role": None, "aliases": "[]",
         "wikidata": None}
        for i in range(3000)
    ] + [
        {"id": f"state:{c}", "name": c, "kind": "state", "country": c, "role": None,
         "aliases": "[]", "wikidata": None}
        for c in COUNTRIES
    ]  # fmt: skip
    start = dt.date(2015, 1, 1)
    events, event_actors = [], []
    for i in range(n_events):
        day = start + dt.timedelta(days=rng.randrange(4300))
        events.append({
            "id": f"e{i:07d}", "type": rng.choice(TYPES), "mode": None, "date": day.isoformat(),
            "date_precision": "day", "date_start": day.isoformat(), "date_end": day.isoformat(),
            "location": None, "status": "occurred", "first_seen": day.isoformat(),
            "last_seen": day.isoformat(), "n_sources": rng.randint(1, 4),
        })  # fmt: skip
        chosen = rng.sample(actors, rng.randint(2, 3))
        for j, actor in enumerate(chosen):
            side = "source" if j == 0 else "target"
            event_actors.append(
                {"event_id": f"e{i:07d}", "side": side, "actor_id": actor["id"],
                 "name": actor["name"]}
            )  # fmt: skip
    with store.engine.begin() as conn:
        conn.execute(s.actors.insert(), actors)
        for k in range(0, len(events), 20_000):
            conn.execute(s.events.insert(), events[k : k + 20_000])
        for k in range(0, len(event_actors), 50_000):
            conn.execute(s.event_actors.insert(), event_actors[k : k + 50_000])


def drop_indexes(store: Store) -> None:
    """Remove veilleur's secondary indexes (for the no-index baseline)."""
    with store.engine.begin() as conn:
        for table in (s.events, s.event_actors):
            for index in table.indexes:
                conn.execute(text(f"DROP INDEX IF EXISTS {index.name}"))


def median_ms(fn: Callable[[], object], runs: int = 7) -> float:
    """Median wall time of `fn` in milliseconds, after one warm-up call."""
    fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def queries(store: Store) -> dict[str, Callable[[], object]]:
    """The timeline queries a user runs, by name."""
    return {
        "timeline (first 100)": lambda: store.timeline(limit=100),
        "--actor (one person)": lambda: store.timeline(
            TimelineFilter(actor_ids=("person:p42",)), limit=100
        ),
        "--country ISR": lambda: store.timeline(TimelineFilter(country="ISR"), limit=100),
        "--type ASSAULT --since 2024": lambda: store.timeline(
            TimelineFilter(type="ASSAULT", since=dt.date(2024, 1, 1)), limit=100
        ),
        "count of --country ISR": lambda: store.count_events(TimelineFilter(country="ISR")),
    }


def main() -> None:
    """Fill, time, and print the figures side by side."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", help="a PostgreSQL URL; default: a temporary SQLite file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        indexed = Store.open(args.db or Path(tmp) / "indexed.db")
        t0 = time.perf_counter()
        fill(indexed, args.events)
        sys.stdout.write(f"filled {args.events} events in {time.perf_counter() - t0:.1f} s\n")
        plain = Store.open(Path(tmp) / "plain.db")
        fill(plain, args.events)
        drop_indexes(plain)
        floor = median_ms(
            lambda: list(indexed.engine.connect().execute(select(s.events).limit(100)))
        )
        sys.stdout.write(f"{'query':<30} {'veilleur ms':>12} {'no index ms':>12} {'floor ms':>9}\n")
        fast, slow = queries(indexed), queries(plain)
        for name, fn in fast.items():
            sys.stdout.write(
                f"{name:<30} {median_ms(fn):>12.1f} {median_ms(slow[name], runs=3):>12.1f} "
                f"{floor:>9.1f}\n"
            )


if __name__ == "__main__":
    main()
