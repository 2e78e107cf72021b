"""Resolve a parsed expression to the interval of days it may denote, given its anchor.

A relative expression is resolved for every day the anchor may be (a publication date known
to the month is any of its days), and the results are joined: the value reported is then the
finest date true of the whole interval (FORMAT.md: a date is only as precise as the text and
the publication date allow).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from functools import lru_cache
from typing import Literal

from .grammar import Expression
from .interval import (
    MAX_ANCHOR_DAYS,
    DayInterval,
    add_months,
    month_interval,
    safe_date,
    week_interval,
    year_interval,
)

Tense = Literal["past", "future", "present", "unknown"]

# A weekday said without "dernier"/"prochain" is within a week of the anchor.
_WEEK = 7
# A weekday in a present-tense clause: from two days before the anchor to four days after.
_PRESENT_WINDOW = range(-2, 5)
# "il y a deux semaines" is approximate: the day +/- this many days.
_WEEK_SLACK = 3
# A bare weekday of an article whose story day is stated ("reçu jeudi 21 septembre") is the
# one of the story's own days: within this many days of it, on either side.
_SCENE_REACH = 3


def resolve(
    expr: Expression,
    *,
    anchor: DayInterval | None,
    reference: DayInterval | None = None,
    tense: Tense = "unknown",
    scene: dt.date | None = None,
) -> DayInterval | None:
    """The days `expr` may denote; None when the text and anchor leave it unknown.

    `scene` is the story's day the text states when the publication is known less finely
    ("date 2023-09" and "reçu jeudi 21 septembre"): a bare weekday is a day of that story.
    """
    return _resolve(expr, anchor, reference, tense, scene)


@lru_cache(maxsize=4096)
def _resolve(
    expr: Expression,
    anchor: DayInterval | None,
    reference: DayInterval | None,
    tense: Tense,
    scene: dt.date | None = None,
) -> DayInterval | None:
    """`resolve`, remembered: a pure function of frozen values, asked again for each event a
    timex dates and for each candidate day of an undated article (each a loop over days)."""
    if _is_absolute(expr):
        return _absolute(expr)
    if scene is not None and anchor is not None and anchor.first != anchor.last:
        near = _weekday_of_scene(expr, scene, anchor, future=tense == "future")
        if near is not None:
            return near
    base = reference if expr.base == "anaphoric" else anchor
    if base is None:
        return None
    strict = _over(base, _rule(expr, tense))
    if strict is None and expr.form == "weekday" and expr.relation == "this":
        # No anchor day fits "ce mercredi" in this tense: read it as a plain weekday.
        return _over(base, _rule(dataclasses.replace(expr, relation="none"), tense))
    return strict


def fits(expr: Expression, day: dt.date, tense: Tense) -> bool:
    """True when `expr`, written on `day` in `tense`, denotes some day ("ce mercredi" in a
    past clause cannot be written on the Monday before)."""
    if _is_absolute(expr) or expr.base == "anaphoric":
        return True
    return _rule(expr, tense)(day) is not None


def _is_absolute(expr: Expression) -> bool:
    return expr.year is not None and expr.form in ("date", "month", "season", "year")


def _absolute(expr: Expression) -> DayInterval | None:
    """Dates that carry their year: no anchor needed."""
    if expr.year is None:
        return None
    if expr.form == "date" and expr.month is not None and expr.day is not None:
        day = safe_date(expr.year, expr.month, expr.day)
        return DayInterval.day(day) if day else None
    if expr.form == "month" and expr.month is not None:
        return month_interval(expr.year, expr.month)
    if expr.form == "season" and expr.season is not None:
        return _season(expr.year, expr.season)
    if expr.form == "year":
        return year_interval(expr.year)
    return None


def _over(base: DayInterval, rule: Callable[[dt.date], DayInterval | None]) -> DayInterval | None:
    """Join the rule's result over every day of the base interval."""
    # A rule returns None for an anchor day the expression rules out ("ce mercredi", past,
    # cannot be written on the Monday before): those days are left out of the join.
    if (base.last - base.first).days > MAX_ANCHOR_DAYS:
        return None
    joined: DayInterval | None = None
    for day in base.days():
        result = rule(day)
        if result is not None:
            joined = result if joined is None else joined.union(result)
    return joined


def _rule(expr: Expression, tense: Tense) -> Callable[[dt.date], DayInterval | None]:
    """The function from one anchor day to the days `expr` denotes."""
    future = tense == "future"
    if expr.form == "weekday" and tense == "present":
        return lambda d: _weekday_present(expr, d)
    if expr.form == "date" and expr.month is None:
        return lambda d: _day_of_month(expr, d)
    if expr.form == "date":
        return lambda d: _day_month(expr, d, future=future)
    if expr.form == "weekday":
        return lambda d: _weekday(expr, d, future=future)
    if expr.form == "month":
        return lambda d: _month(expr, d, future=future)
    if expr.form == "season":
        return lambda d: _season_near(expr, d, future=future)
    if expr.form == "offset":
        return lambda d: _offset(expr, d)
    if expr.form == "fixed":
        return lambda d: _fixed(expr, d)
    return lambda d: None


def _pick_year(
    candidates: list[tuple[int, int, DayInterval]],
    anchor: dt.date,
    *,
    relation: str,
    future: bool,
) -> DayInterval | None:
    """Choose among (year, month, days) candidates by the relation or tense, at month level."""
    here = (anchor.year, anchor.month)
    if relation == "last":
        kept = [c for c in candidates if (c[0], c[1]) < here]
        return kept[-1][2] if kept else None
    if relation == "next":
        kept = [c for c in candidates if (c[0], c[1]) > here]
        return kept[0][2] if kept else None
    if future:
        kept = [c for c in candidates if (c[0], c[1]) >= here]
        return kept[0][2] if kept else None
    kept = [c for c in candidates if (c[0], c[1]) <= here]
    return kept[-1][2] if kept else None


def _day_month(expr: Expression, anchor: dt.date, *, future: bool) -> DayInterval | None:
    """'le 24 février', 'mercredi 15 novembre': the year from the weekday, else the tense."""
    if expr.month is None or expr.day is None:
        return None
    candidates: list[tuple[int, int, DayInterval]] = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        day = safe_date(year, expr.month, expr.day)
        if day is not None:
            candidates.append((year, expr.month, DayInterval.day(day)))
    if expr.weekday is not None:
        agreeing = [c for c in candidates if c[2].first.weekday() == expr.weekday]
        if len(agreeing) == 1:
            return agreeing[0][2]
    if expr.relation == "last":  # "le 24 février dernier": the latest one before the anchor
        before = [c[2] for c in candidates if c[2].first < anchor]
        return before[-1] if before else None
    if expr.relation == "next":
        after = [c[2] for c in candidates if c[2].first > anchor]
        return after[0] if after else None
    return _pick_year(candidates, anchor, relation=expr.relation, future=future)


def _day_of_month(expr: Expression, reference: dt.date) -> DayInterval | None:
    """'le 22 au soir' after 'le 20 mai': that day of the reference's month, or of the next
    month when the day is already past ('le 30 avril ... le 2 au matin')."""
    if expr.day is None:
        return None
    day = safe_date(reference.year, reference.month, expr.day)
    if day is not None and day < reference:
        year, month = add_months(reference.year, reference.month, 1)
        day = safe_date(year, month, expr.day)
    return DayInterval.day(day) if day is not None else None


def _month(expr: Expression, anchor: dt.date, *, future: bool) -> DayInterval | None:
    """'en avril', 'avril dernier': the nearest April on the side the tense says."""
    if expr.month is None:
        return None
    candidates = [
        (year, expr.month, month_interval(year, expr.month))
        for year in (anchor.year - 1, anchor.year, anchor.year + 1)
    ]
    return _pick_year(candidates, anchor, relation=expr.relation, future=future)


def _season(year: int, months: tuple[int, int]) -> DayInterval:
    first, last = months
    end_year = year + 1 if last < first else year
    return month_interval(year, first).union(month_interval(end_year, last))


def _season_near(expr: Expression, anchor: dt.date, *, future: bool) -> DayInterval | None:
    """'cet été', 'l'hiver dernier': the season nearest the anchor on the tense's side."""
    if expr.season is None:
        return None
    candidates = [
        (year, expr.season[0], _season(year, expr.season))
        for year in (anchor.year - 1, anchor.year, anchor.year + 1)
    ]
    return _pick_year(candidates, anchor, relation=expr.relation, future=future)


def _weekday(expr: Expression, anchor: dt.date, *, future: bool) -> DayInterval | None:
    """'lundi' in a past clause is the Monday on or before the anchor; in a future one, after."""
    if expr.weekday is None:
        return None
    if expr.relation == "last":
        window = range(-_WEEK, 0)
    elif expr.relation == "next":
        window = range(1, _WEEK + 1)
    elif expr.relation == "this":
        # The weekday of the anchor's own week, on the side the tense says.
        day = anchor + dt.timedelta(days=expr.weekday - anchor.weekday())
        fits = day >= anchor if future else day <= anchor
        return DayInterval.day(day) if fits else None
    else:
        window = range(1, _WEEK + 1) if future else range(-_WEEK + 1, 1)
    for offset in window:
        day = anchor + dt.timedelta(days=offset)
        if day.weekday() == expr.weekday:
            return DayInterval.day(day)
    return None


def _weekday_of_scene(
    expr: Expression, scene: dt.date, anchor: DayInterval, *, future: bool
) -> DayInterval | None:
    """A bare weekday told about a story whose day the text states: the nearest such day to
    it (a report of Thursday 21 that says "mercredi" means the 20th, not the 27th); a plan,
    the first one after it."""
    if expr.form != "weekday" or expr.weekday is None or expr.relation not in ("none", "this"):
        return None
    window = range(1, _WEEK + 1) if future else range(-_SCENE_REACH, _SCENE_REACH + 1)
    for offset in sorted(window, key=abs):
        day = scene + dt.timedelta(days=offset)
        if day.weekday() == expr.weekday and (future or day <= anchor.last):
            return DayInterval.day(day)
    return None


def _weekday_present(expr: Expression, anchor: dt.date) -> DayInterval | None:
    """'reçoit vendredi': news present is the day itself, a day or two ago, or the days ahead."""
    if expr.relation != "none" or expr.weekday is None:
        return _weekday(expr, anchor, future=False)
    for offset in _PRESENT_WINDOW:
        day = anchor + dt.timedelta(days=offset)
        if day.weekday() == expr.weekday:
            return DayInterval.day(day)
    return None


def _offset(expr: Expression, anchor: dt.date) -> DayInterval | None:
    """'il y a deux semaines', 'dans trois jours', 'deux semaines auparavant'."""
    if expr.number is None or expr.unit is None:
        return None
    low, high = (expr.direction * n for n in expr.number)
    low, high = min(low, high), max(low, high)
    if expr.unit == "hour":
        return DayInterval(
            anchor + dt.timedelta(days=round(low / 24)),
            anchor + dt.timedelta(days=round(high / 24)),
        )
    if expr.unit == "day":
        return DayInterval(anchor + dt.timedelta(days=low), anchor + dt.timedelta(days=high))
    if expr.unit == "week":
        return DayInterval(
            anchor + dt.timedelta(days=7 * low - _WEEK_SLACK),
            anchor + dt.timedelta(days=7 * high + _WEEK_SLACK),
        )
    if expr.unit == "month":
        return month_interval(*add_months(anchor.year, anchor.month, low)).union(
            month_interval(*add_months(anchor.year, anchor.month, high))
        )
    return year_interval(anchor.year + low).union(year_interval(anchor.year + high))


def _fixed(expr: Expression, anchor: dt.date) -> DayInterval | None:
    """Set phrases: a unit and an offset, or a window of days."""
    fixed = expr.fixed
    if fixed is None:
        return None
    if fixed.days is not None:
        low, high = fixed.days
        return DayInterval(anchor + dt.timedelta(days=low), anchor + dt.timedelta(days=high))
    if fixed.unit == "day":
        return DayInterval.day(anchor + dt.timedelta(days=fixed.offset))
    if fixed.unit == "week":
        return week_interval(anchor + dt.timedelta(days=7 * fixed.offset))
    if fixed.unit == "month":
        return month_interval(*add_months(anchor.year, anchor.month, fixed.offset))
    return year_interval(anchor.year + fixed.offset)
