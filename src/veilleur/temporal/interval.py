"""Intervals of calendar days, and the finest date that holds for every day of one."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from ..records import PartialDate

# Anchors coarser than this (a year is 366 days) are not enumerated day by day.
MAX_ANCHOR_DAYS = 400


@dataclass(frozen=True, slots=True)
class DayInterval:
    """The days from `first` to `last`, both included: where a date may fall."""

    first: dt.date
    last: dt.date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"empty interval {self.first}..{self.last}")

    @classmethod
    def day(cls, day: dt.date) -> DayInterval:
        """One single day."""
        return cls(day, day)

    @classmethod
    def of(cls, date: PartialDate) -> DayInterval:
        """Every day a partial date may be."""
        return cls(date.first_day(), date.last_day())

    def days(self) -> list[dt.date]:
        """Each day of the interval, in order."""
        count = (self.last - self.first).days + 1
        return [self.first + dt.timedelta(days=i) for i in range(count)]

    def union(self, other: DayInterval) -> DayInterval:
        """The smallest interval holding both."""
        return DayInterval(min(self.first, other.first), max(self.last, other.last))

    def shift(self, days: int) -> DayInterval:
        """The interval moved by `days`."""
        delta = dt.timedelta(days=days)
        return DayInterval(self.first + delta, self.last + delta)

    def to_partial(self) -> PartialDate | None:
        """The finest date (day, month, year) equal for every day; None across years."""
        first, last = self.first, self.last
        if first.year != last.year:
            return None
        if first.month != last.month:
            return PartialDate(first.year)
        if first != last:
            return PartialDate(first.year, first.month)
        return PartialDate(first.year, first.month, first.day)


def month_interval(year: int, month: int) -> DayInterval:
    """All days of one month."""
    return DayInterval(dt.date(year, month, 1), dt.date(year, month, month_length(year, month)))


def year_interval(year: int) -> DayInterval:
    """All days of one year."""
    return DayInterval(dt.date(year, 1, 1), dt.date(year, 12, 31))


def week_interval(day: dt.date) -> DayInterval:
    """Monday to Sunday of the week holding `day`."""
    monday = day - dt.timedelta(days=day.weekday())
    return DayInterval(monday, monday + dt.timedelta(days=6))


def month_length(year: int, month: int) -> int:
    """Number of days in a month."""
    return calendar.monthrange(year, month)[1]


def add_months(year: int, month: int, count: int) -> tuple[int, int]:
    """(year, month) moved by `count` months."""
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (30 February) or is out of range."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
