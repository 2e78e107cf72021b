"""Typed records of the distributed ingest: the job sent to workers and what comes back."""

from __future__ import annotations

from dataclasses import dataclass

from ..pipeline import Options


@dataclass(frozen=True, slots=True)
class KbFile:
    """A knowledge-base or calendar file travelling by content, so workers need no shared
    filesystem."""

    name: str
    text: str


@dataclass(frozen=True, slots=True)
class Job:
    """What every partition of one run shares: where to write and how to analyse."""

    url: str
    options: Options
    run_id: int
    kb_files: tuple[KbFile, ...] = ()
    calendar_files: tuple[KbFile, ...] = ()


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that was not stored, and why (the reason starts with its error code)."""

    source: str
    reason: str

    @property
    def code(self) -> str:
        """The error code, e.g. 'E004'."""
        return self.reason.split(" ", 1)[0]


@dataclass(frozen=True, slots=True)
class PartitionResult:
    """What one worker did with one partition of articles."""

    index: int
    new: int
    stored: int
    failed: tuple[Failure, ...]
    worker: str
    pid: int
    loaded_pipeline: bool


@dataclass(frozen=True, slots=True)
class IngestCounts:
    """Tallies of one distributed ingest run."""

    read: int
    new: int
    stored: int
    failed: tuple[Failure, ...]
    partitions: int
    workers: int
    run_id: int
    url: str
