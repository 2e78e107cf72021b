"""Gold annotations and system output read into the same typed records (FORMAT.md shape)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..errors import Errors, VeilleurError
from ..records import PLOVER_TYPES, ArticleRecord, PartialDate

GOLD_FILE = "gold.jsonl"


class EvalError(VeilleurError):
    """Raised when a gold, system, clusters or floors file cannot be read for scoring."""


@dataclass(frozen=True, slots=True)
class GoldPerson:
    """A person of an article: fullest name, other spellings, country code, role as written."""

    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """An event: PLOVER type, actor names on each side, date, place and evidence."""

    type: str
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    mode: str | None = None
    date: PartialDate | None = None
    location: str | None = None
    location_aliases: tuple[str, ...] = ()
    status: str | None = None
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """A direct quotation and the name of its speaker (a person or an organisation)."""

    text: str
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """One article's annotation (or one article's system output), keyed by `doc`."""

    doc: str
    url: str | None = None
    published: PartialDate | None = None
    published_from: str | None = None
    people: tuple[GoldPerson, ...] = ()
    events: tuple[GoldEvent, ...] = ()
    quotes: tuple[GoldQuote, ...] = ()


class _Person(BaseModel):
    model_config = ConfigDict(extra="ignore")
    name: str
    aliases: list[str] = []
    country: str | None = None
    role: str | None = None


class _Event(BaseModel):
    model_config = ConfigDict(extra="ignore")
    type: str
    source: list[str] = []
    target: list[str] = []
    mode: str | None = None
    date: str | None = None
    location: str | None = None
    location_aliases: list[str] = []
    status: str | None = None
    evidence: str | None = None

    @field_validator("type")
    @classmethod
    def _plover(cls, value: str) -> str:
        """Only the PLOVER types of FORMAT.md are scored."""
        if value.upper() not in PLOVER_TYPES:
            raise ValueError(f"unknown event type {value!r}; expected one of {PLOVER_TYPES}")
        return value.upper()


class _Quote(BaseModel):
    model_config = ConfigDict(extra="ignore")
    text: str
    speaker: str | None = None


class _Record(BaseModel):
    model_config = ConfigDict(extra="ignore")
    doc: str
    url: str | None = None
    published: str | None = None
    published_from: str | None = None
    people: list[_Person] = []
    events: list[_Event] = []
    quotes: list[_Quote] = []

    @field_validator("doc")
    @classmethod
    def _named(cls, value: str) -> str:
        """Articles are paired by `doc`, so it cannot be blank."""
        if not value.strip():
            raise ValueError("'doc' is empty")
        return value


def _date(value: str | None) -> PartialDate | None:
    return PartialDate.parse(value) if value else None


def _record(model: _Record) -> GoldRecord:
    return GoldRecord(
        doc=model.doc,
        url=model.url,
        published=_date(model.published),
        published_from=model.published_from,
        people=tuple(
            GoldPerson(p.name, tuple(p.aliases), p.country or None, p.role or None)
            for p in model.people
        ),
        events=tuple(
            GoldEvent(
                type=e.type,
                source=tuple(e.source),
                target=tuple(e.target),
                mode=e.mode,
                date=_date(e.date),
                location=e.location or None,
                location_aliases=tuple(e.location_aliases),
                status=e.status,
                evidence=e.evidence or "",
            )
            for e in model.events
        ),
        quotes=tuple(GoldQuote(q.text, q.speaker or None) for q in model.quotes),
    )


def parse_record(obj: Mapping[str, Any], *, path: str = "-", line: int = 1) -> GoldRecord:
    """One FORMAT.md object (gold line or `ArticleRecord.as_dict()`) as a GoldRecord."""
    try:
        return _record(_Record.model_validate(obj))
    except (ValidationError, ValueError) as exc:
        reason = str(exc).replace("\n", "; ")
        raise EvalError(Errors.E304.format(path=path, line=line, reason=reason)) from exc


def from_dicts(objs: Iterable[Mapping[str, Any]], *, path: str = "-") -> list[GoldRecord]:
    """System output (the export format's dicts) as GoldRecords, in order."""
    return [parse_record(obj, path=path, line=i) for i, obj in enumerate(objs, start=1)]


def from_records(records: Iterable[ArticleRecord]) -> list[GoldRecord]:
    """The pipeline's ArticleRecords as GoldRecords, through their export format."""
    return from_dicts(record.as_dict() for record in records)


def load_jsonl(path: str | Path) -> list[GoldRecord]:
    """Every record of a JSON Lines file (blank lines skipped); errors name file and line."""
    return [record for _, record in _numbered(Path(path))]


def _numbered(file: Path) -> list[tuple[int, GoldRecord]]:
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvalError(Errors.E305.format(path=file, reason=exc.strerror or exc)) from exc
    records: list[tuple[int, GoldRecord]] = []
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise EvalError(Errors.E304.format(path=file, line=number, reason=exc)) from exc
        if not isinstance(obj, dict):
            reason = f"expected a JSON object, got {type(obj).__name__}"
            raise EvalError(Errors.E304.format(path=file, line=number, reason=reason))
        records.append((number, parse_record(obj, path=str(file), line=number)))
    return records


def load_gold(folder: str | Path, *, check_docs: bool = True) -> list[GoldRecord]:
    """The gold records of an annotated folder (its gold.jsonl), or of a gold file given as is.

    With `check_docs`, every record's `doc` must be a file of the folder (E302).
    """
    path = Path(folder)
    file = path / GOLD_FILE if path.is_dir() else path
    if not file.is_file():
        raise EvalError(Errors.E301.format(path=path))
    numbered = _numbered(file)
    if check_docs:
        for number, record in numbered:
            if not (file.parent / record.doc).is_file():
                raise EvalError(Errors.E302.format(path=file, line=number, doc=record.doc))
    return [record for _, record in numbered]
