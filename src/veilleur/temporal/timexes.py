"""From parsed expressions and their clause tenses to Timex records with calendar values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from ..records import Timex
from .grammar import Expression
from .interval import DayInterval
from .resolve import Tense, resolve

TimexKind = Literal["absolute", "relative", "weekday", "deictic", "anaphoric", "vague"]


def kind_of(expr: Expression) -> TimexKind:
    """How an expression is anchored, as Timex.kind says."""
    if expr.form == "date" and expr.base == "anaphoric":
        return "anaphoric"  # "le 22 au soir": in the month of the date before it
    if expr.form in ("date", "month", "season", "year"):
        return "absolute"
    if expr.form == "weekday":
        return "weekday"
    if expr.form == "offset":
        return "anaphoric" if expr.base == "anaphoric" else "relative"
    if expr.fixed is not None and expr.fixed.anchor == "vague":
        return "vague"
    return "anaphoric" if expr.base == "anaphoric" else "deictic"


def is_reference(expr: Expression) -> bool:
    """Whether a resolved expression may be what a later 'la veille' refers to."""
    return kind_of(expr) not in ("vague", "anaphoric") or expr.form in ("offset", "date")


def to_timex(expr: Expression, interval: DayInterval | None, tense: Tense) -> Timex:
    """A Timex record: the value is the finest date the whole interval agrees on."""
    value = interval.to_partial() if interval is not None else None
    return Timex(
        start=expr.start,
        end=expr.end,
        text=expr.text,
        value=value,
        granularity=value.precision if value is not None else "vague",
        kind=kind_of(expr),
        tense=tense,
    )


def build_timexes(
    parsed: Sequence[tuple[Expression, Tense]],
    *,
    anchor: DayInterval | None,
    scene: dt.date | None = None,
) -> list[Timex]:
    """Resolve each expression in text order; anaphoric ones refer to the last date before;
    bare weekdays near the `scene` day the text states, when there is one."""
    timexes: list[Timex] = []
    reference: DayInterval | None = None
    for expr, tense in parsed:
        interval = resolve(expr, anchor=anchor, reference=reference, tense=tense, scene=scene)
        timexes.append(to_timex(expr, interval, tense))
        if interval is not None and is_reference(expr):
            reference = interval
    return timexes
