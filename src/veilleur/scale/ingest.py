"""The client side: read, skip what is stored, partition, map over Dask workers, tally."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from sqlalchemy.engine import make_url

from ..errors import Errors, InputError, StoreError, VeilleurError
from ..kb import KnowledgeBase
from ..pipeline import Options
from ..readers import DEFAULT_MAX_RECORD_BYTES, read
from ..records import Article
from ..store import RunTally, Store, resolve_url, unstored
from ..store.calendar import stored_calendar
from ..temporal.calendar import load_calendar
from .results import Failure, IngestCounts, Job, KbFile, PartitionResult
from .worker import ingest_partition, load_pipeline

if TYPE_CHECKING:
    from distributed import Client, Future

Progress = Callable[[PartitionResult | Failure], None]


@dataclass
class _Tally(RunTally):
    """Running counts of one run (local to it, filled as partitions come back)."""

    failed: list[Failure] = field(default_factory=list)
    partitions: int = 0
    workers: set[str] = field(default_factory=set)

    def counts(self, run_id: int, url: str) -> IngestCounts:
        """The final, frozen tallies."""
        failed, workers = tuple(self.failed), len(self.workers)
        return IngestCounts(
            self.read, self.new, self.stored, failed, self.partitions, workers, run_id, url
        )

    def add(self, result: PartitionResult) -> None:
        self.new += result.new
        self.stored += result.stored
        self.failed.extend(result.failed)
        self.partitions += 1
        if result.pid:
            self.workers.add(result.worker)


def worker_url(db: str | os.PathLike[str] | None) -> str:
    """The database URL as every worker must see it (SQLite paths made absolute)."""
    url = make_url(resolve_url(db))
    if url.get_backend_name() == "sqlite":
        if url.database in (None, "", ":memory:"):
            raise StoreError(Errors.E602.format(url=url.render_as_string()))
        url = url.set(database=os.path.abspath(url.database))
    return url.render_as_string(hide_password=False)


def partitions(articles: Iterable[Article], size: int) -> Iterator[tuple[Article, ...]]:
    """Consecutive runs of `size` articles in input order (the last may be shorter)."""
    if size < 1:
        raise ValueError(f"partition size must be at least 1, got {size}")
    items = iter(articles)
    while chunk := tuple(islice(items, size)):
        yield chunk


def kb_files(store: Store, kb_paths: Sequence[str]) -> tuple[KbFile, ...]:
    """The user's KB files, then the store's learnt people (as `veilleur ingest` passes them)."""
    KnowledgeBase.load(extra_paths=tuple(kb_paths))  # a broken file fails here, named, at once
    return _travelling(kb_paths, "learned.yaml", store.learned_kb())


def calendar_files(store: Store, calendar_paths: Sequence[str]) -> tuple[KbFile, ...]:
    """The user's calendar files, then the store's events dated to the day (as `veilleur
    ingest` passes them), to date undated articles by the events they recall."""
    load_calendar(tuple(calendar_paths))  # a broken file fails here, named, at once
    return _travelling(calendar_paths, "stored-calendar.yaml", stored_calendar(store.engine))


def _travelling(paths: Sequence[str], stored_name: str, stored: str | None) -> tuple[KbFile, ...]:
    """The user's files by content, then what the store derived (if anything) under its name."""
    files = [KbFile(Path(p).name, Path(p).read_text(encoding="utf-8")) for p in paths]
    if stored is not None:
        files.append(KbFile(stored_name, stored))
    return tuple(files)


def _input_failure(error: InputError) -> Failure:
    source = f"{error.path}:{error.line}" if error.line is not None else error.path
    return Failure(source, str(error))


@contextmanager
def connect(scheduler: str | None, *, workers: int, timeout: float = 10) -> Iterator[Client]:
    """A client of the scheduler at `scheduler`, or of a local cluster started for the run."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise VeilleurError(Errors.E601) from exc
    if scheduler:
        try:
            client = Client(scheduler, timeout=timeout)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError) as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise VeilleurError(Errors.E603.format(address=scheduler, reason=reason)) from exc
        with client:
            yield client
        return
    # Loopback only (scheduler, workers, the HTTP server on a free port): nothing is exposed.
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        yield client


def _outcome(future: Future[PartitionResult], index: int, docs: Sequence[str]) -> PartitionResult:
    """The partition's result; a lost partition (worker killed, ...) fails its articles."""
    try:
        return future.result()
    except Exception as exc:  # the run goes on; the next run retries these articles
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())[:500]
        failed = tuple(Failure(d, Errors.E606.format(doc=d, reason=reason)) for d in docs)
        return PartitionResult(index, 0, 0, failed, "", 0, False)


def map_partitions(
    client: Client, parts: Iterable[tuple[Article, ...]], job: Job
) -> Iterator[PartitionResult]:
    """Run `ingest_partition` on each partition; results in completion order.

    At most two partitions per worker thread are in flight, so the client holds a bounded
    number of articles however long the input is.
    """
    from distributed import as_completed

    threads: dict[str, int] = client.nthreads()  # type: ignore[no-untyped-call]
    window = max(2, 2 * sum(threads.values()))
    running = as_completed()  # type: ignore[no-untyped-call]
    owners: dict[str, tuple[int, tuple[str, ...]]] = {}

    def done(future: Future[PartitionResult]) -> PartitionResult:
        index, docs = owners.pop(str(future.key))
        return _outcome(future, index, docs)

    for index, part in enumerate(parts):
        key = f"veilleur-partition-{index}-{uuid.uuid4().hex}"
        future = client.submit(ingest_partition, index, part, job, key=key, pure=False)
        owners[key] = (index, tuple(a.doc_name for a in part))
        running.add(future)  # type: ignore[no-untyped-call]
        if running.count() >= window:  # type: ignore[no-untyped-call]
            yield done(next(running))
    for future in running:
        yield done(future)


def warm_up(client: Client, *, options: Options, kb_files: Sequence[KbFile] = ()) -> int:
    """Load the pipeline on every worker now; how many workers had to load it."""
    loaded: dict[str, bool] = client.run(load_pipeline, options, tuple(kb_files))
    return sum(loaded.values())


def ingest_distributed(
    paths: Sequence[str | os.PathLike[str]],
    *,
    db: str | os.PathLike[str] | None = None,
    scheduler: str | None = None,
    workers: int = 2,
    partition_size: int = 16,
    kb_paths: Sequence[str] = (),
    calendar_paths: Sequence[str] = (),
    batch_size: int = 16,
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
    stdin: TextIO | None = None,
    progress: Progress | None = None,
) -> IngestCounts:
    """Ingest `paths` into `db`, analysing partitions on Dask workers that write to `db`.

    `scheduler` is the address of a running Dask scheduler; None starts a local cluster of
    `workers` processes (one thread each) for the run, and only if something is left to do.
    """
    return ingest_articles(
        read(paths, stdin=stdin, max_record_bytes=max_record_bytes),
        db=db,
        scheduler=scheduler,
        workers=workers,
        partition_size=partition_size,
        kb_paths=kb_paths,
        calendar_paths=calendar_paths,
        batch_size=batch_size,
        progress=progress,
        run_args={"paths": [os.fspath(p) for p in paths]},
    )


def ingest_articles(
    items: Iterable[Article | InputError],
    *,
    db: str | os.PathLike[str] | None = None,
    scheduler: str | None = None,
    workers: int = 2,
    partition_size: int = 16,
    kb_paths: Sequence[str] = (),
    calendar_paths: Sequence[str] = (),
    batch_size: int = 16,
    progress: Progress | None = None,
    run_args: Mapping[str, Any] | None = None,
) -> IngestCounts:
    """`ingest_distributed` for articles already read (InputErrors among them are tallied)."""
    url = worker_url(db)
    store = Store.open(url)  # created and migrated once, before the workers race to it
    try:
        files = kb_files(store, kb_paths)
        calendars = calendar_files(store, calendar_paths)
        args = {
            **(run_args or {}),
            "db": store.url,
            "kb": list(kb_paths),
            "calendar": list(calendar_paths),
            "scheduler": scheduler,
            "workers": workers,
            "partition_size": partition_size,
        }
        run_id = store.start_run("ingest-distributed", args)
        # KB and calendar travel as file contents: workers need no shared filesystem
        job = Job(url, Options(batch_size=batch_size), run_id, files, calendars)
        tally = _Tally()
        try:

            def skip(error: InputError) -> None:
                failure = _input_failure(error)
                tally.failed.append(failure)
                if progress:
                    progress(failure)

            fresh = unstored(items, store, tally, on_failure=skip)
            parts = partitions(fresh, partition_size)
            first = next(parts, None)
            if first is not None:
                with connect(scheduler, workers=workers) as client:
                    for result in map_partitions(client, chain([first], parts), job):
                        tally.add(result)
                        if progress:
                            progress(result)
        finally:
            store.finish_run(
                run_id,
                n_read=tally.read,
                n_new=tally.new,
                n_stored=tally.stored,
                n_failed=len(tally.failed),
                failures=[f.reason for f in tally.failed],
            )
        return tally.counts(run_id, store.url)
    finally:
        store.close()
