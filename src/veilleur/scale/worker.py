"""What runs on a Dask worker: analyse one partition of articles and store each of them.

A worker process keeps one pipeline (a cache of size one), so spaCy is loaded once per process
and again only when a later run asks for other options. The Store is opened per partition and
closed after it: a long-lived worker serving runs on several databases holds no idle pools.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from spacy.language import Language

from ..errors import Errors
from ..pipeline import Options, analyse, build_nlp
from ..records import Article, ArticleRecord
from ..store import Added, Store
from .results import Failure, Job, KbFile, PartitionResult


@lru_cache(maxsize=1)
def _pipeline(options: Options) -> Language:
    """The worker's pipeline; a new run with other options replaces, not adds, one."""
    return build_nlp(options)


def kb_file_path(kb: KbFile) -> Path:
    """Write `kb` under the temporary folder, named by its content, and return its path."""
    digest = hashlib.sha256(kb.text.encode("utf-8")).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / "veilleur" / "kb" / digest / kb.name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # Workers on one machine may write it at once: each writes its own file, then renames.
        partial = path.with_name(f".{kb.name}.{os.getpid()}.tmp")
        partial.write_text(kb.text, encoding="utf-8")
        os.replace(partial, path)
    return path


def worker_options(
    options: Options, kb_files: Sequence[KbFile], calendar_files: Sequence[KbFile] = ()
) -> Options:
    """Pipeline options for this worker: one process, the KB and calendar files written
    locally."""
    paths = tuple(str(kb_file_path(kb)) for kb in kb_files)
    calendars = tuple(str(kb_file_path(c)) for c in calendar_files)
    return replace(options, n_process=1, kb_paths=paths, calendar_paths=calendars)


def load_pipeline(
    options: Options, kb_files: Sequence[KbFile] = (), calendar_files: Sequence[KbFile] = ()
) -> bool:
    """Load the pipeline a job with these options uses; True if it was not loaded yet."""
    misses = _pipeline.cache_info().misses
    _pipeline(worker_options(options, kb_files, calendar_files))
    return _pipeline.cache_info().misses > misses


def _worker_name() -> str:
    """This worker's address, or the process id outside a Dask worker."""
    from distributed import get_worker

    try:
        return str(get_worker().address)
    except ValueError:
        return f"pid {os.getpid()}"


def _reason(exc: BaseException) -> str:
    return " ".join(f"{type(exc).__name__}: {exc}".split())[:500]


def analysed(
    articles: Sequence[Article], *, nlp: Language, options: Options, worker: str
) -> Iterator[ArticleRecord | Failure]:
    """Records of `articles` in order; an article the pipeline fails on becomes a Failure."""
    try:
        yield from list(analyse(articles, options=options, nlp=nlp))
        return
    except Exception:  # one bad article must not sink its partition: find it
        pass
    for article in articles:
        try:
            yield next(analyse([article], options=options, nlp=nlp))
        except Exception as exc:  # reported with the article, the run goes on
            reason = _reason(exc)
            yield Failure(
                article.doc_name,
                Errors.E604.format(doc=article.doc_name, worker=worker, reason=reason),
            )


def _add(store: Store, record: ArticleRecord, *, run_id: int, worker: str) -> Added | Failure:
    """Store one article; a failure to store it is reported, not raised."""
    try:
        return store.add(record, run_id=run_id)
    except Exception as exc:  # the next run retries the article
        doc = record.article.doc_name
        return Failure(doc, Errors.E605.format(doc=doc, worker=worker, reason=_reason(exc)))


def ingest_partition(index: int, articles: Sequence[Article], job: Job) -> PartitionResult:
    """Analyse a partition and add each article to the job's database (one transaction each)."""
    worker = _worker_name()
    loaded = load_pipeline(job.options, job.kb_files, job.calendar_files)
    options = worker_options(job.options, job.kb_files, job.calendar_files)
    nlp = _pipeline(options)
    outcomes: list[Added | Failure] = []
    with Store.open(job.url) as store:
        for item in analysed(articles, nlp=nlp, options=options, worker=worker):
            if isinstance(item, Failure):
                outcomes.append(item)
            else:
                outcomes.append(_add(store, item, run_id=job.run_id, worker=worker))
    failed = tuple(o for o in outcomes if isinstance(o, Failure))
    new, stored = outcomes.count("new"), outcomes.count("stored")
    return PartitionResult(index, new, stored, failed, worker, os.getpid(), loaded)
