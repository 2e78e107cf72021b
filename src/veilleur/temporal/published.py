"""The publication date: given with the article, or estimated from dates the text states."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from ..records import PartialDate, PublishedFrom
from .grammar import Expression, normalise
from .interval import DayInterval, safe_date
from .lexicon import TimeData
from .resolve import Tense

# How many years back a weekday with a day and a month ("jeudi 14 décembre") is looked for.
MAX_YEARS_BACK = 15
# An article dated from an event it reports is published that day or within the next week.
REPORTING_DAYS = 6
# Months apart beyond which dates without their year may straddle a new year.
_YEARLESS_SPREAD = 6
_CLOCK = re.compile(r"\b\d{1,2}\s*[h:]\s*\d{0,2}\b", re.IGNORECASE)
_PUNCT = re.compile(r"[^\w'’\s]+")
_BRACKETS = re.compile(r"\([^()\n]{1,40}\)")
_WIRE_DASH = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?[-–—]\s")


@dataclass(frozen=True, slots=True)
class Anchor:
    """The publication date, where it comes from, and the days it may be (for resolution)."""

    published: PartialDate | None
    published_from: PublishedFrom | None
    interval: DayInterval | None
    # The latest day the text states for what it reports, when the publication is known less
    # finely: the day bare weekdays are read near (veilleur.temporal.resolve).
    scene: dt.date | None = None
    # With no header, a weekday and a date fix the year only among years some days apart
    # ("dimanche 5 janvier" is 2025 and 2020): the scene's other possible days, latest first,
    # for the references the article makes to choose from (veilleur_anchor).
    alternatives: tuple[dt.date, ...] = ()


def stated_day(
    expr: Expression,
    *,
    within: DayInterval | None,
    today: dt.date,
    max_years: int = MAX_YEARS_BACK,
) -> dt.date | None:
    """The day of a date written with its year, or with a weekday that fixes the year."""
    if expr.form != "date" or expr.day is None or expr.month is None:
        return None
    if expr.year is not None:
        return safe_date(expr.year, expr.month, expr.day)
    if expr.weekday is None:
        return None
    if within is not None:
        years = range(within.last.year, within.first.year - 1, -1)
    else:
        years = range(today.year, today.year - max_years - 1, -1)
    for year in years:
        day = safe_date(year, expr.month, expr.day)
        if day is None or day.weekday() != expr.weekday or day > today:
            continue
        if within is None or within.first <= day <= within.last:
            return day
    return None


def _day_in(expr: Expression, given: DayInterval) -> dt.date | None:
    """A dateline's day and month ("31 mai") in the one year the known span allows."""
    if expr.form != "date" or expr.day is None or expr.month is None:
        return None
    days = {
        safe_date(y, expr.month, expr.day) for y in range(given.first.year, given.last.year + 1)
    }
    inside = [d for d in days if d is not None and given.first <= d <= given.last]
    return inside[0] if len(inside) == 1 else None


def is_dateline(text: str, expr: Expression, *, lexicon: TimeData) -> bool:
    """True when the date stands alone on its line ("31/05/2022", "Publié le 3 mai 2023")."""
    line_start = text.rfind("\n", 0, expr.start) + 1
    line_end = text.find("\n", expr.end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start : expr.start], text[expr.end : line_end]
    # A wire dateline: the city in capitals, the date, the agency in brackets
    # ("DUBAÏ, 27 avril 2023 (AFP)", "KYIV, 3 March (Reuters) -"); the dispatch may go on
    # on the same line after a dash ("KINSHASA, 28 janvier - Des manifestants ...").
    lead = _WIRE_DASH.match(after)
    if lead is not None and any(len(w) > 1 and w.isupper() for w in before.split()):
        after = after[: lead.end()]
    rest = before + " " + after
    rest = _PUNCT.sub(" ", _CLOCK.sub(" ", _BRACKETS.sub(" ", rest)))
    allowed = {w for prefix in lexicon.dateline_prefixes for w in normalise(prefix).split()}
    allowed |= {normalise(w) for w in lexicon.night_joiners}
    return all(
        normalise(word) in allowed or (len(word) > 1 and word.isupper()) for word in rest.split()
    )


def estimate_published(
    text: str,
    expressions: Sequence[tuple[Expression, Tense]],
    *,
    published: PartialDate | None,
    published_from: PublishedFrom | None,
    lexicon: TimeData,
    today: dt.date,
    recalled: Collection[int] = (),
) -> Anchor:
    """The article's date if it is known to the day; else the best the text states.

    `recalled` holds the start offsets of expressions in pluperfect clauses: background the
    article recalls ("le 8 avril 2022, un missile s'était abattu"), which says only that the
    article came later, not when.
    """
    # A dateline gives the day exactly. Otherwise the latest day stated with its year, or with
    # a weekday that fixes the year, in a clause that is not future, within the known
    # publication span, is the first day the article can be from: the publication is set to it
    # and relative expressions are anchored on the week that follows.
    given = DayInterval.of(published) if published is not None else None
    if published is not None and published.precision == "day":
        return Anchor(published, published_from, given)
    stated: list[tuple[dt.date, Expression]] = []
    for expr, tense in expressions:
        dateline = is_dateline(text, expr, lexicon=lexicon)
        day = stated_day(expr, within=given, today=today)
        if day is None and dateline and given is not None:
            day = _day_in(expr, given)
        if day is None or (given is not None and not given.first <= day <= given.last):
            continue
        if dateline:
            return Anchor(PartialDate.of(day), "text", DayInterval.day(day))
        if tense != "future" and expr.start not in recalled:
            stated.append((day, expr))
    if not stated:
        others = () if given is not None else _yearless(expressions, recalled, today=today)
        return Anchor(published, published_from, given, alternatives=others)
    day, expr = max(stated, key=lambda s: s[0])
    last = day + dt.timedelta(days=REPORTING_DAYS)
    if given is not None:
        last = min(last, given.last)
    # A date written with its year settles the years of the others.
    written = given is not None or any(e.year is not None for _, e in stated)
    others = () if written else weekday_years(expr, today=today)
    return Anchor(
        PartialDate.of(day),
        "text",
        DayInterval(day, last),
        scene=day,
        alternatives=tuple(d for d in others if d != day),
    )


def _yearless(
    expressions: Sequence[tuple[Expression, Tense]], recalled: Collection[int], *, today: dt.date
) -> tuple[dt.date, ...]:
    """The days an undated article's latest reported day and month ("le 16 mars") may be,
    one a year, latest first: veilleur_anchor keeps the one its office holders allow."""
    told = [
        (expr.month, expr.day)
        for expr, tense in expressions
        if expr.form == "date" and expr.year is None and expr.weekday is None
        and expr.month is not None and expr.day is not None
        and tense != "future" and expr.start not in recalled
    ]  # fmt: skip
    if not told:
        return ()
    month, day = max(told)
    if any(month - m > _YEARLESS_SPREAD for m, _ in told):
        return ()  # "le 28 décembre ... le 3 janvier": which is the later one is unknown
    years = range(today.year, today.year - MAX_YEARS_BACK - 1, -1)
    days = (safe_date(y, month, day) for y in years)
    return tuple(d for d in days if d is not None and d <= today)


def weekday_years(
    expr: Expression, *, today: dt.date, max_years: int = MAX_YEARS_BACK
) -> tuple[dt.date, ...]:
    """Every day up to `today` a weekday-and-date without its year may be, latest first."""
    if expr.form != "date" or expr.year is not None or expr.weekday is None:
        return ()
    if expr.day is None or expr.month is None:
        return ()
    years = range(today.year, today.year - max_years - 1, -1)
    days = (safe_date(y, expr.month, expr.day) for y in years)
    return tuple(d for d in days if d is not None and d <= today and d.weekday() == expr.weekday)
