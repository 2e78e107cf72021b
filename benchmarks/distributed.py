"""Articles/s of the distributed ingest (Dask workers writing to one database) beside the plain
sequential ingest (one process: nlp.pipe then Store.add), in the same run:

    python benchmarks/distributed.py [--articles 96] [--workers 1 2] [--partition-size 8]
                                     [--postgres postgresql://user@host:port/postgres]

Each configuration ingests the same articles into a fresh database: a SQLite file, or with
--postgres a new database created (and dropped) on that server. Two figures per row:
    cold   wall time from the call to the end, start-up included (local cluster, spaCy loads)
    warm   the ingest alone, the pipeline already loaded (in this process or on every worker)
Nothing is asserted; the figures are printed.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

# Run as a script, this file's folder comes first on sys.path and this file would shadow the
# `distributed` package: take the folder off before anything imports Dask.
sys.path = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

if TYPE_CHECKING:
    from veilleur.records import Article

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def _articles(corpus: Path, n: int) -> list[Article]:
    """`n` distinct articles made by cycling the corpus (copies get ids of their own)."""
    from veilleur.readers import read
    from veilleur.records import Article

    base = [a for a in read([str(corpus)]) if isinstance(a, Article)]
    if not base:
        raise SystemExit(f"no articles in {corpus}")
    return [
        dataclasses.replace(base[i % len(base)], id=f"{base[i % len(base)].id}-{i // len(base)}")
        for i in range(n)
    ]


@contextmanager
def _database(postgres: str | None, folder: Path) -> Iterator[str]:
    """A fresh database URL: a new SQLite file, or a new database on the given server."""
    if postgres is None:
        yield str(folder / f"bench-{uuid.uuid4().hex[:8]}.db")
        return
    import psycopg

    name = f"veilleur_bench_{uuid.uuid4().hex[:8]}"
    base = postgres.rsplit("/", 1)[0]
    with psycopg.connect(postgres, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(postgres, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _sequential(articles: list[Article], db: str, *, warm: bool, batch_size: int) -> float:
    """Seconds of a plain ingest: analyse in this process, Store.add each record."""
    from veilleur.pipeline import Options, analyse, build_nlp
    from veilleur.store import Store

    options = Options(batch_size=batch_size)
    nlp = build_nlp(options) if warm else None
    start = time.perf_counter()
    with Store.open(db) as store:
        for record in analyse(articles, options=options, nlp=nlp or build_nlp(options)):
            store.add(record)
    return time.perf_counter() - start


def _distributed(
    articles: list[Article], db: str, *, workers: int, warm: bool, batch_size: int, size: int
) -> float:
    """Seconds of the distributed ingest with `workers` local worker processes."""
    from veilleur.pipeline import Options
    from veilleur.scale import connect, ingest_articles, warm_up

    if not warm:
        start = time.perf_counter()
        ingest_articles(
            articles, db=db, workers=workers, partition_size=size, batch_size=batch_size
        )
        return time.perf_counter() - start
    with connect(None, workers=workers) as client:
        warm_up(client, options=Options(batch_size=batch_size))
        address = client.scheduler.address if client.scheduler else None
        start = time.perf_counter()
        ingest_articles(
            articles, db=db, scheduler=address, partition_size=size, batch_size=batch_size
        )
        return time.perf_counter() - start


def main() -> None:
    """Run every configuration and print articles/s side by side."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=96)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partition-size", type=int, default=8)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--postgres", help="server URL with the right to CREATE DATABASE")
    args = parser.parse_args()
    articles = _articles(args.corpus, args.articles)
    folder = Path(tempfile.mkdtemp(prefix="veilleur-bench-"))
    backend = "postgresql" if args.postgres else "sqlite"
    rows: list[tuple[str, float, float]] = []
    for label, workers in [("sequential", 0), *((f"dask {w} worker(s)", w) for w in args.workers)]:
        figures: list[float] = []
        for warm in (False, True):
            with _database(args.postgres, folder) as db:
                if workers == 0:
                    seconds = _sequential(articles, db, warm=warm, batch_size=args.batch_size)
                else:
                    seconds = _distributed(
                        articles,
                        db,
                        workers=workers,
                        warm=warm,
                        batch_size=args.batch_size,
                        size=args.partition_size,
                    )
            figures.append(len(articles) / seconds)
        rows.append((label, figures[0], figures[1]))
    print(f"{len(articles)} articles into {backend}, partitions of {args.partition_size}")
    print(f"{'configuration':<20} {'cold art/s':>11} {'warm art/s':>11}")
    for label, cold, hot in rows:
        print(f"{label:<20} {cold:>11.1f} {hot:>11.1f}")


if __name__ == "__main__":
    main()
