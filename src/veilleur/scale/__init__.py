"""The scale path: the same analysis mapped over partitions by Dask, written by the workers.

Stages of `ingest_distributed` (client side, veilleur.scale.ingest):
    1. read       paths -> Article | InputError (veilleur.readers); errors are tallied
    2. skip       articles the database already has (Store.has)
    3. partition  consecutive runs of `partition_size` articles, in input order
    4. map        each partition to a Dask worker (a running scheduler, or a local cluster)
and on each worker (veilleur.scale.worker):
    5. analyse    veilleur.pipeline.analyse with the worker's pipeline, loaded once
    6. store      Store.add per article, one transaction each, into the same database URL
The records stored are those a sequential `veilleur ingest` stores.
"""

from __future__ import annotations

from .ingest import (
    calendar_files,
    connect,
    ingest_articles,
    ingest_distributed,
    kb_files,
    map_partitions,
    partitions,
    warm_up,
    worker_url,
)
from .results import Failure, IngestCounts, Job, KbFile, PartitionResult
from .worker import ingest_partition, load_pipeline

__all__ = [
    "Failure",
    "IngestCounts",
    "Job",
    "KbFile",
    "PartitionResult",
    "calendar_files",
    "connect",
    "ingest_articles",
    "ingest_distributed",
    "ingest_partition",
    "kb_files",
    "load_pipeline",
    "map_partitions",
    "partitions",
    "warm_up",
    "worker_url",
]
