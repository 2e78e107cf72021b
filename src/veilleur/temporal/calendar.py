"""A calendar of well-known dated events (kb/data/calendar.yaml plus user files), validated.

Each entry says what happened (PLOVER type, actors by KB id, place) on which day or days, and
how the news names it. Articles that state no publication date are dated from the entries they
recall (veilleur.temporal.inference). Office handovers are derived from the KB's dated terms
rather than typed twice (`handover_entries`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..errors import DataError, Errors
from ..kb import KnowledgeBase
from ..records import PLOVER_TYPES

EntryKind = Literal["event", "landmark", "handover"]
SHIPPED = "veilleur/kb/data/calendar.yaml"


class CalendarEntryModel(BaseModel):
    """One dated event as the calendar file writes it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1)
    date: dt.date | None = None
    first: dt.date | None = None
    last: dt.date | None = None
    type: str | None = None
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    place: str | None = None
    names: tuple[str, ...] = ()
    # A landmark is recalled for years ("depuis l'invasion de l'Ukraine"): a mention of it
    # says the article is later, not that it is recent.
    landmark: bool = False

    @field_validator("type")
    @classmethod
    def _plover(cls, value: str | None) -> str | None:
        if value is not None and value not in PLOVER_TYPES:
            raise ValueError(f"unknown PLOVER type {value!r}; expected one of {PLOVER_TYPES}")
        return value

    @model_validator(mode="after")
    def _dated(self) -> CalendarEntryModel:
        if (self.date is None) == (self.first is None):
            raise ValueError("give either date (one day) or first and last (several days)")
        if self.first is not None and (self.last is None or self.last < self.first):
            raise ValueError("last must be given and not before first")
        if not (self.source or self.target or self.names):
            raise ValueError("an entry needs actors (source/target) or names to be found by")
        return self


class CalendarFileModel(BaseModel):
    """A calendar file: how long news keeps recalling an event as recent, and the entries."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    recent_days: int | None = Field(default=None, ge=1, le=90)
    matched_types: tuple[str, ...] | None = None
    events: tuple[CalendarEntryModel, ...] = ()

    @field_validator("matched_types")
    @classmethod
    def _plover_types(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        for item in value or ():
            if item not in PLOVER_TYPES:
                raise ValueError(f"unknown PLOVER type {item!r}; expected one of {PLOVER_TYPES}")
        return value


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """A dated happening: its days, type, actors by side, place and French names."""

    id: str
    first: dt.date
    last: dt.date
    type: str | None = None
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    place: str | None = None
    names: tuple[str, ...] = ()
    kind: EntryKind = "event"
    office: str | None = None  # for a handover: the office key, '<role>@<country>'

    @property
    def actors(self) -> frozenset[str]:
        """Every actor id of the entry, whatever the side."""
        return frozenset((*self.source, *self.target))


@dataclass(frozen=True, slots=True)
class Calendar:
    """The entries of the shipped and user calendar files, with lookups by actor and office."""

    entries: tuple[CalendarEntry, ...]
    recent_days: int
    # Types whose events are found by their actors; the others only by their names.
    matched_types: frozenset[str] = frozenset({"ASSAULT", "COERCE"})

    # Filled on first use; a frozen record's dict may still be filled (hashing the calendar
    # on every look-up, as functools.cache would, costs more than the look-up).
    _index: dict[str, tuple[CalendarEntry, ...]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    def by_actor(self, actor_id: str) -> tuple[CalendarEntry, ...]:
        """Entries that name `actor_id` on either side."""
        if not self._index:
            self._index.update(_actor_index(self.entries))
        return self._index.get(actor_id, ())

    def named(self) -> tuple[CalendarEntry, ...]:
        """Entries that have French names to be found in text."""
        return tuple(e for e in self.entries if e.names)

    def with_entries(self, extra: Iterable[CalendarEntry]) -> Calendar:
        """This calendar with more entries (later ids win)."""
        merged = {e.id: e for e in (*self.entries, *extra)}
        return Calendar(tuple(merged.values()), self.recent_days, self.matched_types)


def _actor_index(entries: tuple[CalendarEntry, ...]) -> dict[str, tuple[CalendarEntry, ...]]:
    index: dict[str, list[CalendarEntry]] = {}
    for entry in entries:
        for actor in entry.actors:
            index.setdefault(actor, []).append(entry)
    return {k: tuple(v) for k, v in index.items()}


def to_entry(model: CalendarEntryModel) -> CalendarEntry:
    """The record of one validated entry."""
    first = model.date or model.first
    last = model.date or model.last
    assert first is not None and last is not None  # the validator guarantees both
    return CalendarEntry(
        id=model.id,
        first=first,
        last=last,
        type=model.type,
        source=model.source,
        target=model.target,
        place=model.place,
        names=model.names,
        kind="landmark" if model.landmark else "event",
    )


def _label(raw: Any, loc: Sequence[int | str]) -> str:
    """Name the entry an error is in: 'events[3] (id 'x') field date'."""
    if len(loc) >= 2 and loc[0] == "events" and isinstance(loc[1], int) and isinstance(raw, dict):
        items = raw.get("events") or []
        ident = (
            items[loc[1]].get("id")
            if loc[1] < len(items) and isinstance(items[loc[1]], dict)
            else None
        )
        rest = ".".join(str(p) for p in loc[2:])
        return f"entry events[{loc[1]}] (id {ident!r})" + (f" field {rest}" if rest else "")
    return "entry " + ".".join(str(p) for p in loc)


def parse_calendar(path: str, text: str) -> CalendarFileModel:
    """Validate the text of one calendar file; errors name the file and the entry."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        reason = "not valid YAML (" + " ".join(str(exc).split()) + ")"
        raise DataError(Errors.E103.format(path=path, reason=reason)) from exc
    if raw is None:
        return CalendarFileModel()
    if not isinstance(raw, dict):
        reason = "expected a mapping with keys recent_days and events"
        raise DataError(Errors.E103.format(path=path, reason=reason))
    try:
        return CalendarFileModel.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        more = f" (and {exc.error_count() - 1} more errors)" if exc.error_count() > 1 else ""
        reason = f"{_label(raw, first['loc'])}: {first['msg']} (got {first.get('input')!r}){more}"
        raise DataError(Errors.E103.format(path=path, reason=reason)) from exc


def _read(path: str) -> CalendarFileModel:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(Errors.E103.format(path=path, reason=f"cannot read it ({exc})")) from exc
    return parse_calendar(path, text)


def _check_ids(path: str, file: CalendarFileModel) -> None:
    """Two entries with one id in one file is a mistake, not an override."""
    seen: set[str] = set()
    for entry in file.events:
        if entry.id in seen:
            reason = f"events: id {entry.id!r} appears twice; keep one entry"
            raise DataError(Errors.E103.format(path=path, reason=reason))
        seen.add(entry.id)


@cache
def load_calendar(extra_paths: tuple[str, ...] = ()) -> Calendar:
    """The shipped calendar merged with user files in order (later ids win); read once."""
    text = resources.files("veilleur.kb").joinpath("data", "calendar.yaml").read_text("utf-8")
    shipped = parse_calendar(SHIPPED, text)
    _check_ids(SHIPPED, shipped)
    if shipped.recent_days is None:
        raise DataError(Errors.E103.format(path=SHIPPED, reason="recent_days is required"))
    recent = shipped.recent_days
    matched = shipped.matched_types or ()
    merged: dict[str, CalendarEntry] = {e.id: to_entry(e) for e in shipped.events}
    for path in extra_paths:
        user = _read(path)
        _check_ids(path, user)
        recent = user.recent_days or recent
        matched = user.matched_types if user.matched_types is not None else matched
        merged.update((e.id, to_entry(e)) for e in user.events)
    return Calendar(tuple(merged.values()), recent, frozenset(matched))


_APPROX_LINE = re.compile(r"role:\s*(?P<role>[\w-]+).*#\s*approx(?P<which>\s+start|\s+end)?")
_TERM_DAY = re.compile(r"(?P<side>start|end):\s*(?P<day>\d{4}-\d{2}-\d{2})")


def approximate_days() -> frozenset[tuple[str, dt.date]]:
    """(office key, day) of the shipped KB terms marked '# approx' in people.yaml."""
    text = resources.files("veilleur.kb").joinpath("data", "people.yaml").read_text("utf-8")
    found: set[tuple[str, dt.date]] = set()
    for line in text.splitlines():
        match = _APPROX_LINE.search(line)
        if match is None:
            continue
        which = (match.group("which") or "").strip()
        for term in _TERM_DAY.finditer(line):
            if not which or which == term.group("side"):
                found.add((match.group("role"), dt.date.fromisoformat(term.group("day"))))
    return frozenset(found)


def handover_entries(
    kb: KnowledgeBase, *, approximate: frozenset[tuple[str, dt.date]] = frozenset()
) -> tuple[CalendarEntry, ...]:
    """Days an office changed hands, from KB terms: one holder's end is the next one's start."""
    # Only a day both terms agree on, and neither marks as approximate, is taken.
    terms: dict[tuple[str, str | None], list[tuple[str, dt.date, dt.date | None]]] = {}
    for actor in kb.actors():
        for office in actor.offices:
            if office.start is not None:
                key = (office.role, office.country)
                terms.setdefault(key, []).append((actor.id, office.start, office.end))
    entries: list[CalendarEntry] = []
    for (role, country), held in terms.items():
        ends = {end: who for who, _, end in held if end is not None}
        for who, start, _ in held:
            before = ends.get(start)
            if before is None or before == who or (role, start) in approximate:
                continue
            entries.append(
                CalendarEntry(
                    id=f"handover:{role}:{country}:{start.isoformat()}",
                    first=start,
                    last=start,
                    source=(before,),
                    target=(who,),
                    kind="handover",
                    office=f"{role}@{country}",
                )
            )
    return tuple(entries)
