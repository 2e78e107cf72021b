"""Infer the publication date from references to dated events: constraints, intersected.

Each reference the article makes to a calendar entry constrains the publication day P:
    expression  'la semaine dernière', 'mardi': the days P for which resolving the expression
                on P gives the entry's date (hard)
    recent      a past event recalled with no date: P within the calendar's recent_days after
                it (soft: news recalls recent events, but not always)
    after       a landmark or a named event: P is not before it (bound)
    term        a titled office holder: P within the holder's terms (bound)
Hard constraints are intersected (contradiction: nothing inferred); bounds, then soft ones, are
added when they leave some day. P is reported at the precision of the whole set of days left.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..records import PartialDate
from .grammar import Expression
from .interval import DayInterval
from .resolve import Tense, resolve

Strength = Literal["hard", "bound", "soft"]

# The days before and after an entry over which P is looked for, for expressions resolved
# on P: a year and a month covers 'en avril' said of last April and 'il y a un an'.
SEARCH_DAYS = 400
# ... and for expressions that never reach further than a few weeks ('lundi', 'hier').
_NEAR_DAYS = 40
_UNIT_DAYS = {"hour": 0, "day": 1, "week": 7, "month": 31, "year": 366}
_EARLIEST = dt.date(1900, 1, 1)
_LATEST = dt.date(2999, 12, 31)


@dataclass(frozen=True, slots=True)
class DaySet:
    """A union of disjoint day intervals, in order: the days P may still be."""

    intervals: tuple[DayInterval, ...]

    @classmethod
    def of(cls, intervals: Iterable[DayInterval]) -> DaySet:
        """The union of any intervals, merged where they touch."""
        merged: list[DayInterval] = []
        for item in sorted(intervals, key=lambda i: i.first):
            if merged and item.first <= merged[-1].last + dt.timedelta(days=1):
                merged[-1] = merged[-1].union(item)
            else:
                merged.append(item)
        return cls(tuple(merged))

    @classmethod
    def since(cls, day: dt.date) -> DaySet:
        """Every day from `day` on."""
        return cls((DayInterval(day, _LATEST),))

    @classmethod
    def until(cls, day: dt.date) -> DaySet:
        """Every day up to `day`."""
        return cls((DayInterval(_EARLIEST, day),))

    @property
    def empty(self) -> bool:
        """True when no day is left."""
        return not self.intervals

    def intersect(self, other: DaySet) -> DaySet:
        """The days in both sets."""
        out: list[DayInterval] = []
        for a in self.intervals:
            for b in other.intervals:
                first, last = max(a.first, b.first), min(a.last, b.last)
                if first <= last:
                    out.append(DayInterval(first, last))
        return DaySet.of(out)

    def hull(self) -> DayInterval | None:
        """The smallest interval holding every day; None when empty."""
        if not self.intervals:
            return None
        return DayInterval(self.intervals[0].first, self.intervals[-1].last)


@dataclass(frozen=True, slots=True)
class Constraint:
    """The days P may be according to one reference, and how much it is trusted."""

    days: DaySet
    strength: Strength
    why: str


def expression_days(
    expr: Expression, *, tense: Tense, target: DayInterval, today: dt.date | None = None
) -> DaySet:
    """The days P on which `expr`, read in `tense`, denotes a day of `target`."""
    # An expression that carries its year does not depend on P: it only says that the
    # event is past (or, in the future tense, to come) on the day of writing.
    fixed = resolve(expr, anchor=None, tense=tense)
    if fixed is not None:
        if not _meets(fixed, target):
            return DaySet(())  # the expression dates something else
        return DaySet.until(target.last) if tense == "future" else DaySet.since(target.first)
    # 'il y a trois ans' looks that much further.
    reach = _reach(expr)
    if expr.number is not None and expr.unit is not None:
        reach += expr.number[1] * _UNIT_DAYS[expr.unit]
    start = target.first - dt.timedelta(days=reach)
    end = target.last + dt.timedelta(days=reach)
    if today is not None:
        end = min(end, today)
    found: list[DayInterval] = []
    day = start
    while day <= end:
        got = resolve(expr, anchor=DayInterval.day(day), tense=tense)
        if got is not None and _meets(got, target):
            found.append(DayInterval.day(day))
        day += dt.timedelta(days=1)
    return DaySet.of(found)


def _reach(expr: Expression) -> int:
    """How far from its day an expression can be written: a weekday within two weeks ("jeudi
    dernier"), a relative unit within two of its units ("le mois dernier"), a month or a
    date without its year within SEARCH_DAYS. Each day looked at costs one resolution."""
    if expr.form in ("weekday", "fixed"):
        return _NEAR_DAYS
    if expr.form == "offset" and expr.unit is not None:
        return _NEAR_DAYS + 2 * _UNIT_DAYS[expr.unit]
    return SEARCH_DAYS


def _meets(a: DayInterval, b: DayInterval) -> bool:
    """True when the expression's days fall within the entry's (or hold all of them)."""
    inside = b.first <= a.first and a.last <= b.last
    holds = a.first <= b.first and b.last <= a.last
    return inside or holds


def recent_days(target: DayInterval, *, days: int) -> DaySet:
    """P from the entry's first day to `days` after its last."""
    return DaySet((DayInterval(target.first, target.last + dt.timedelta(days=days)),))


def solve(constraints: Sequence[Constraint]) -> DaySet | None:
    """The days every hard constraint allows, narrowed by the bounds and soft ones that fit."""
    if not any(c.strength == "hard" for c in constraints):
        # Only a date the text writes ('la semaine dernière', 'lundi') dates an article;
        # terms, 'later than' and recency alone would guess.
        return None
    days = DaySet((DayInterval(_EARLIEST, _LATEST),))
    for c in constraints:
        if c.strength == "hard":
            days = days.intersect(c.days)
            if days.empty:
                return None
    for strength in ("bound", "soft"):
        for c in constraints:
            if c.strength == strength:
                narrowed = days.intersect(c.days)
                if not narrowed.empty:
                    days = narrowed
    return days


def published_of(days: DaySet | None) -> PartialDate | None:
    """The finest date true of every day left (a month, a year), None if unbounded or empty."""
    hull = days.hull() if days is not None else None
    if hull is None or hull.first == _EARLIEST or hull.last == _LATEST:
        return None
    return hull.to_partial()
