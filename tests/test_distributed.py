"""The distributed ingest: Dask worker processes writing to PostgreSQL store the records a
sequential ingest stores, skip what is stored, and report bad inputs without stopping."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from distributed import LocalCluster
from veilleur.cli import _learned_kb
from veilleur.errors import StoreError, VeilleurError
from veilleur.pipeline import analyse
from veilleur.readers import read
from veilleur.records import Article
from veilleur.scale import (
    Failure,
    PartitionResult,
    connect,
    ingest_distributed,
    kb_files,
    partitions,
    worker_url,
)
from veilleur.store import Store

from .test_store import make_record

N_ARTICLES = 12

pytestmark = [pytest.mark.slow]


@pytest.fixture(scope="module")
def paths(dev_dir: Path) -> list[str]:
    """A dozen dev article files, in a fixed order."""
    return [str(p) for p in sorted(dev_dir.glob("*.txt"))[:N_ARTICLES]]


@pytest.fixture(scope="module")
def sequential(
    paths: list[str], nlp: Language, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """The same articles ingested the plain way: one process, nlp.pipe, SQLite."""
    store = Store.open(tmp_path_factory.mktemp("sequential") / "veilleur.db")
    articles = [a for a in read(paths) if isinstance(a, Article)]
    assert len(articles) == N_ARTICLES
    for record in analyse(articles, nlp=nlp):
        assert store.add(record) == "new"
    yield store
    store.close()


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a local cluster of two worker processes, one thread each."""
    with LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
    ) as cluster:
        yield cluster.scheduler_address


def _records(store: Store) -> dict[str, dict[str, Any]]:
    return {row.id: store.record(row.id) for row in store.articles(limit=1000)}


def _tables(store: Store) -> dict[str, int]:
    return {name: n for name, n in store.counts().items() if name != "runs"}


def test_distributed_ingest_stores_the_sequential_records(
    paths: list[str], sequential: Store, scheduler: str, pg_database: str
) -> None:
    results: list[PartitionResult | Failure] = []
    counts = ingest_distributed(
        paths, db=pg_database, scheduler=scheduler, partition_size=2, progress=results.append
    )
    assert (counts.read, counts.new, counts.stored, counts.failed) == (N_ARTICLES, 12, 0, ())
    assert counts.partitions == 6
    parts = [r for r in results if isinstance(r, PartitionResult)]
    assert sorted(r.index for r in parts) == list(range(6))
    # Two worker processes did the work, each loading its pipeline once for all its partitions.
    assert counts.workers == 2
    assert len({r.pid for r in parts}) == 2
    assert sum(r.loaded_pipeline for r in parts) == 2

    with Store.open(pg_database) as store:
        assert store.engine.dialect.name == "postgresql"
        stored = _records(store)
        assert stored == _records(sequential)
        assert all(r["people"] for r in stored.values())
        assert sum(len(r["quotes"]) for r in stored.values()) > 0
        # Cross-article merging gives the same events whichever order the workers wrote in.
        assert _tables(store) == _tables(sequential)
        assert store.timeline(limit=1000) == sequential.timeline(limit=1000)
        run = store.run(counts.run_id)
        assert run is not None and run.n_new == 12
        # The next run's workers get the people learnt so far, as `veilleur ingest` passes them.
        (learned,) = kb_files(store, ())
        cli_file = _learned_kb(store)
        assert cli_file is not None and learned.text == cli_file.read_text(encoding="utf-8")

    again = ingest_distributed(paths, db=pg_database, scheduler=scheduler, partition_size=2)
    assert (again.read, again.new, again.stored, again.partitions) == (N_ARTICLES, 0, 12, 0)
    with Store.open(pg_database) as store:
        assert _records(store) == stored


def test_bad_inputs_are_reported_and_the_rest_stored(
    paths: list[str], sequential: Store, scheduler: str, pg_database: str, tmp_path: Path
) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    missing = tmp_path / "missing.txt"
    inputs = [str(tmp_path / "empty.txt"), paths[0], str(tmp_path / "binary.txt"), str(missing)]
    counts = ingest_distributed(inputs, db=pg_database, scheduler=scheduler, partition_size=4)
    assert (counts.read, counts.new, counts.stored) == (1, 1, 0)
    assert sorted(f.code for f in counts.failed) == ["E001", "E002", "E008"]
    assert {Path(f.source).name for f in counts.failed} == {
        "empty.txt",
        "binary.txt",
        "missing.txt",
    }
    with Store.open(pg_database) as store:
        (row,) = store.articles()
        assert store.record(row.id) == sequential.record(row.id)
        run = store.run(counts.run_id)
        assert run is not None and (run.n_new, run.n_failed) == (1, 3)


def test_without_a_scheduler_a_local_cluster_runs_and_writes_to_sqlite(
    paths: list[str], sequential: Store, tmp_path: Path
) -> None:
    db = tmp_path / "local.db"
    counts = ingest_distributed(paths[:3], db=db, workers=1, partition_size=2)
    assert (counts.read, counts.new, counts.partitions, counts.workers) == (3, 3, 2, 1)
    with Store.open(db) as store:
        stored = _records(store)
        assert len(stored) == 3
        assert stored == {i: sequential.record(i) for i in stored}


def test_in_memory_database_is_refused() -> None:
    with pytest.raises(StoreError, match="E602"):
        ingest_distributed(["unused.txt"], db=":memory:")


def test_an_unreachable_scheduler_is_reported() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{sock.getsockname()[1]}"
    with pytest.raises(VeilleurError, match="E603"), connect(address, workers=1, timeout=1):
        pass


def test_sqlite_paths_are_made_absolute_for_the_workers() -> None:
    url = worker_url("relative/veilleur.db")
    assert url.startswith("sqlite:////") and url.endswith("/relative/veilleur.db")
    assert worker_url("postgresql://u:secret@h/db") == "postgresql+psycopg://u:secret@h/db"


def test_partitions_are_consecutive_runs_in_input_order(paths: list[str]) -> None:
    articles = [a for a in read(paths[:5]) if isinstance(a, Article)]
    parts = list(partitions(articles, 2))
    assert [len(p) for p in parts] == [2, 2, 1]
    assert [a.id for p in parts for a in p] == [a.id for a in articles]
    with pytest.raises(ValueError):
        list(partitions(articles, 0))


def test_concurrent_writers_merge_events_as_one_writer_does(pg_database: str) -> None:
    # Eight articles reporting the same two events, added at the same instant by eight
    # threads (as Dask workers do): each event must end with eight sources, as sequentially.
    records = [make_record(n) for n in range(8)]
    with Store.open("sqlite://") as one_writer, Store.open(pg_database) as shared:
        for record in records:
            one_writer.add(record)
        start = threading.Barrier(len(records))

        def add(n: int) -> None:
            start.wait()
            shared.add(records[n])

        threads = [threading.Thread(target=add, args=(n,)) for n in range(len(records))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert [(row.type, row.n_sources) for row in shared.timeline()] == [
            ("CONSULT", 8),
            ("ACCUSE", 8),
        ]
        assert shared.timeline() == one_writer.timeline()
        assert _tables(shared) == _tables(one_writer)
