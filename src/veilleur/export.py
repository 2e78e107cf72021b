"""Exports of the store: FORMAT.md records, a dyadic event table, the actor network."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import IO, Literal

from sqlalchemy import select

from .errors import Errors, VeilleurError
from .store import Store
from .store import schema as s

Format = Literal["jsonl", "csv", "parquet", "graphml", "gexf"]
FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet", "graphml", "gexf")


@dataclass(frozen=True, slots=True)
class Dyad:
    """One row of the dyadic event table: a source actor acting on a target actor."""

    event_id: str
    date: str | None
    date_precision: str | None
    source: str | None
    source_id: str | None
    source_country: str | None
    target: str | None
    target_id: str | None
    target_country: str | None
    type: str
    mode: str | None
    location: str | None
    status: str
    n_sources: int
    first_seen: str | None
    last_seen: str | None


def records(store: Store) -> Iterator[dict[str, object]]:
    """Every stored article as its FORMAT.md record, in publication order."""
    a = s.articles
    with store.engine.connect() as conn:
        ids = list(conn.execute(select(a.c.id).order_by(a.c.published, a.c.doc)).scalars())
    for article_id in ids:
        yield store.record(article_id)


def dyads(store: Store) -> Iterator[Dyad]:
    """The dyadic table: one row per event and (source, target) pair, in date order."""
    e, ea, act = s.events, s.event_actors, s.actors
    with store.engine.connect() as conn:
        sides: dict[str, dict[str, list[tuple[str, str, str | None]]]] = {}
        query = select(ea.c.event_id, ea.c.side, ea.c.actor_id, act.c.name, act.c.country).join(
            act, act.c.id == ea.c.actor_id
        )
        for row in conn.execute(query.order_by(ea.c.event_id, ea.c.side, act.c.name)):
            by_side = sides.setdefault(row.event_id, {"source": [], "target": []})
            by_side[row.side].append((row.actor_id, row.name, row.country))
        order = (e.c.date_start.is_(None), e.c.date_start, e.c.id)
        for event in conn.execute(select(e).order_by(*order)):
            both = sides.get(event.id, {"source": [], "target": []})
            sources: list[tuple[str, str, str | None] | None] = list(both["source"]) or [None]
            targets: list[tuple[str, str, str | None] | None] = list(both["target"]) or [None]
            for src in sources:
                for tgt in targets:
                    if src is not None and tgt is not None and src[0] == tgt[0]:
                        continue  # a mutual act lists every party on both sides
                    yield Dyad(
                        event_id=event.id,
                        date=event.date,
                        date_precision=event.date_precision,
                        source=src[1] if src else None,
                        source_id=src[0] if src else None,
                        source_country=src[2] if src else None,
                        target=tgt[1] if tgt else None,
                        target_id=tgt[0] if tgt else None,
                        target_country=tgt[2] if tgt else None,
                        type=event.type,
                        mode=event.mode,
                        location=event.location,
                        status=event.status,
                        n_sources=event.n_sources,
                        first_seen=event.first_seen,
                        last_seen=event.last_seen,
                    )


def network(store: Store) -> object:
    """The actor network (networkx.DiGraph): actors as nodes, event counts on the edges."""
    import networkx as nx

    graph = nx.DiGraph()
    with store.engine.connect() as conn:
        for row in conn.execute(select(s.actors)):
            graph.add_node(row.id, name=row.name, kind=row.kind, country=row.country or "")
    for dyad in dyads(store):
        if dyad.source_id is None or dyad.target_id is None:
            continue
        if not graph.has_edge(dyad.source_id, dyad.target_id):
            graph.add_edge(dyad.source_id, dyad.target_id, events=0)
        edge = graph.edges[dyad.source_id, dyad.target_id]
        edge["events"] += 1
        edge[dyad.type] = edge.get(dyad.type, 0) + 1
    graph.remove_nodes_from([n for n in list(graph.nodes) if graph.degree(n) == 0])
    return graph


def export(store: Store, fmt: str, out: IO[str] | Path) -> int:
    """Write the export in `fmt` to a stream (text formats) or a file; returns rows written."""
    if fmt not in FORMATS:
        raise VeilleurError(Errors.E401.format(fmt=fmt, formats=", ".join(FORMATS)))
    if fmt in ("parquet", "graphml", "gexf") and not isinstance(out, Path):
        raise VeilleurError(Errors.E402.format(fmt=fmt))
    if fmt == "jsonl":
        return _write_lines(out, (json.dumps(r, ensure_ascii=False) for r in records(store)))
    if fmt == "csv":
        return _write_csv(store, out)
    assert isinstance(out, Path)
    if fmt == "parquet":
        return _write_parquet(store, out)
    import networkx as nx

    graph = network(store)
    (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(graph, str(out))
    return int(graph.number_of_edges())  # type: ignore[attr-defined]


def _write_lines(out: IO[str] | Path, lines: Iterator[str]) -> int:
    n = 0
    handle = out.open("w", encoding="utf-8") if isinstance(out, Path) else out
    try:
        for line in lines:
            handle.write(line + "\n")
            n += 1
    finally:
        if isinstance(out, Path):
            handle.close()
    return n


def _write_csv(store: Store, out: IO[str] | Path) -> int:
    handle = out.open("w", encoding="utf-8", newline="") if isinstance(out, Path) else out
    try:
        writer = csv.DictWriter(handle, fieldnames=[f.name for f in fields(Dyad)])
        writer.writeheader()
        n = 0
        for dyad in dyads(store):
            writer.writerow(asdict(dyad))
            n += 1
    finally:
        if isinstance(out, Path):
            handle.close()
    return n


def _write_parquet(store: Store, out: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # an optional extra
        raise VeilleurError(Errors.E403.format(extra="export")) from exc
    rows = [asdict(d) for d in dyads(store)]
    schema = pa.schema(
        [(f.name, pa.int64() if f.name == "n_sources" else pa.string()) for f in fields(Dyad)]
    )
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), out)
    return len(rows)
