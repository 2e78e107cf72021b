"""Publication date sources (header, metadata, text, URL) and how they are reconciled."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ..records import PartialDate, PublishedFrom
from .data import Patterns, alternation

# Authority of each source when they disagree: what the publisher states beats what we read.
_AUTHORITY: tuple[PublishedFrom, ...] = ("metadata", "header", "text", "url", "inferred")

_URL_DATES: tuple[tuple[re.Pattern[str], bool], ...] = (
    (re.compile(r"/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})(?=/|$|[-_.])"), True),
    (re.compile(r"(?<![\d])((?:19|20)\d\d)-(\d\d)-(\d\d)(?![\d])"), True),
    (re.compile(r"(?<=[/_-])((?:19|20)\d\d)(\d\d)(\d\d)(?=[/_.-]|$)"), True),
    (re.compile(r"/((?:19|20)\d\d)/(\d{1,2})(?=/)"), False),
)
_ISO_PREFIX = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.+Z-]*)?\s*$")


@dataclass(frozen=True, slots=True)
class DateCandidate:
    """A publication date found by one source."""

    value: PartialDate
    source: PublishedFrom


def make_date(year: int, month: int | None = None, day: int | None = None) -> PartialDate | None:
    """A PartialDate, or None when the numbers are not a real calendar date."""
    if not 1900 <= year <= 2100:
        return None
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None


def parse_metadata_date(value: str) -> PartialDate | None:
    """'2022', '2022-05', '2022-05-31' or an ISO timestamp, as a PartialDate."""
    match = _ISO_PREFIX.match(value)
    if not match:
        return None
    year, month, day = match.groups()
    return make_date(int(year), int(month) if month else None, int(day) if day else None)


def url_date(url: str | None) -> PartialDate | None:
    """A date written in a URL path (/2022/05/31/, -20221201-), if any."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    for pattern, has_day in _URL_DATES:
        for match in pattern.finditer(path):
            year, month = int(match.group(1)), int(match.group(2))
            day = int(match.group(3)) if has_day else None
            found = make_date(year, month, day)
            if found is not None:
                return found
    return None


@dataclass(frozen=True, slots=True)
class DateShapes:
    """The compiled shapes of a written date in one language."""

    date: re.Pattern[str]
    line: re.Pattern[str]
    months: dict[str, int]


def _date_regex(p: Patterns) -> str:
    data = p.data
    ordinal = alternation(data.ordinal_suffixes)
    numeric = r"(?P<nd>\d{1,2})[/.-](?P<nm>\d{1,2})[/.-](?P<ny>\d{4}|\d{2})(?![\d/])"
    iso = r"(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?!\d)"
    written = (
        rf"(?:{p.weekday}\s*,?\s*)?(?P<wd>\d{{1,2}})(?:{ordinal})?\s+(?P<wm>{p.month})"
        rf"\s+(?P<wy>\d{{4}})(?!\d)"
    )
    month_year = rf"(?P<mm>{p.month})\s+(?P<my>\d{{4}})(?!\d)"
    return rf"(?:{numeric}|{iso}|{written}|{month_year})"


@cache
def _shapes(p: Patterns) -> DateShapes:
    data = p.data
    published = alternation(data.date_prefixes.published)
    updated = alternation(data.date_prefixes.updated)
    joiners = alternation(data.time_joiners)
    marks = alternation(data.hour_marks)
    clock = rf"(?:\s*[,|–—-]?\s*(?:(?:{joiners})\s+)?\d{{1,2}}\s*(?:{marks})\s*\d{{0,2}})?"
    date = _date_regex(p)
    # A whole line that is a date: an optional place ('Kiev, le 31 mai 2022') or prefix, the
    # date, an optional time, and optionally a later 'updated on ...' note; nothing else.
    place = rf"[{p.upper}][\w’'.-]*(?:[ -][{p.upper}][\w’'.-]*){{0,3}}\s*,\s*"
    line = (
        rf"^\s*(?:{place})?(?:(?P<prefix>{published}|{updated})\s*:?\s*)?{date}{clock}\s*\.?"
        rf"(?:\s*[,|–—-]?\s*(?:{updated})\b.{{0,60}})?\s*$"
    )
    return DateShapes(
        date=re.compile(date, re.IGNORECASE),
        line=re.compile(line, re.IGNORECASE),
        months={k.casefold(): v for k, v in data.months.items()},
    )


def _from_match(match: re.Match[str], shapes: DateShapes) -> PartialDate | None:
    groups = match.groupdict()
    if groups.get("nd"):
        year = int(groups["ny"])
        year = year + 2000 if year < 100 else year
        return make_date(year, int(groups["nm"]), int(groups["nd"]))
    if groups.get("iy"):
        return make_date(int(groups["iy"]), int(groups["im"]), int(groups["id"]))
    if groups.get("wd"):
        month = shapes.months.get(groups["wm"].rstrip(".").casefold())
        return make_date(int(groups["wy"]), month, int(groups["wd"])) if month else None
    if groups.get("mm"):
        month = shapes.months.get(groups["mm"].rstrip(".").casefold())
        return make_date(int(groups["my"]), month) if month else None
    return None


@dataclass(frozen=True, slots=True)
class DateLine:
    """A line that holds only a date, with whether it states a revision rather than publication."""

    value: PartialDate
    updated: bool


def parse_date_line(line: str, p: Patterns) -> DateLine | None:
    """The date of a line that is only a date ('31/05/2022', 'Publié le 31 mai 2022 à 10h')."""
    shapes = _shapes(p)
    match = shapes.line.match(line)
    if not match:
        return None
    value = _from_match(match, shapes)
    if value is None:
        return None
    prefix = (match.group("prefix") or "").casefold()
    updated = prefix in {u.casefold() for u in p.data.date_prefixes.updated}
    return DateLine(value, updated)


def search_date(fragment: str, p: Patterns) -> tuple[int, PartialDate] | None:
    """Where the first full date of a fragment starts, and its value."""
    shapes = _shapes(p)
    for match in shapes.date.finditer(fragment):
        value = _from_match(match, shapes)
        if value is not None:
            return match.start(), value
    return None


def find_date(fragment: str, p: Patterns) -> PartialDate | None:
    """The first full date written in a short fragment (a dateline), if any."""
    found = search_date(fragment, p)
    return found[1] if found else None


def choose(candidates: Iterable[DateCandidate]) -> DateCandidate | None:
    """The publication date: the most authoritative source, made more precise by agreeing ones.

    A header of 2022-05 and a date line 31/05/2022 give 2022-05-31 (from the text); a URL date
    that contradicts the header is ignored.
    """
    ordered = sorted(candidates, key=lambda c: _AUTHORITY.index(c.source))
    if not ordered:
        return None
    best = ordered[0]
    for other in ordered[1:]:
        finer = _rank(other.value) > _rank(best.value)
        if finer and best.value.contains(other.value):
            best = other
    return best


def _rank(value: PartialDate) -> int:
    return {"year": 0, "month": 1, "day": 2}[value.precision]
