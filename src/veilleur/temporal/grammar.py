"""Find temporal expressions in text with patterns compiled once from the language's words.

The grammar is generic: it combines word categories (months, weekdays, cues, numbers, units)
read from the language's time.yaml. Each pattern yields an `Expression`, a typed parse that
`veilleur.temporal.resolve` turns into calendar days.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal, NamedTuple

from .lexicon import FixedExpression, TimeData, Unit, load_lexicon

Form = Literal["date", "weekday", "month", "season", "year", "offset", "fixed"]
Relation = Literal["last", "next", "this", "none"]
Base = Literal["deictic", "anaphoric"]

_APOSTROPHES = "'’"


@dataclass(frozen=True, slots=True)
class Expression:
    """One temporal expression as written: its place in the text and its parsed parts."""

    start: int
    end: int
    text: str
    form: Form
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    season: tuple[int, int] | None = None
    relation: Relation = "none"
    number: tuple[int, int] | None = None
    unit: Unit | None = None
    direction: int = -1
    base: Base = "deictic"
    fixed: FixedExpression | None = None
    numeric: bool = False


def normalise(text: str) -> str:
    """Lower case, one kind of apostrophe, single spaces: the key of word lookups."""
    return " ".join(text.lower().replace("’", "'").split())


def _word(word: str) -> str:
    """A regex for one word or phrase: any apostrophe, any run of spaces."""
    parts = []
    for char in " ".join(word.lower().split()):
        if char in _APOSTROPHES:
            parts.append("['’]")
        elif char == " ":
            parts.append(r"\s+")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def _alt(words: Iterable[str]) -> str:
    """An alternation of words, longest first so that the longest one wins."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(_word(w) for w in unique) + ")"


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of words or phrases, longest first (for other modules' patterns)."""
    return _alt(words)


def _cues(words: Iterable[str]) -> str:
    """Cue words each followed by its separator (none after an apostrophe or a hyphen)."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(_word(w) + (r"\s*" if w[-1] in "'’-" else r"\s+") for w in unique) + ")"


class _At(NamedTuple):
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Rule:
    form: Form
    pattern: re.Pattern[str]  # case-insensitive, for any text
    lower: re.Pattern[str]  # the same words, case-sensitive: for lower-cased text


class Grammar:
    """Compiled patterns of one language; `find` lists the expressions of a text."""

    def __init__(self, data: TimeData) -> None:
        self.data = data
        self.months = {normalise(k): v for k, v in data.months.items()}
        self.weekdays = {normalise(k): v for k, v in data.weekdays.items()}
        self.seasons = {normalise(k): v for k, v in data.seasons.items()}
        self.numbers = {normalise(k): v for k, v in data.numbers.items()}
        self.units = {normalise(k): v for k, v in data.units.items()}
        self.first_day = {normalise(w) for w in data.first_day}
        self.last_words = {normalise(w) for w in data.last_words}
        self.next_words = {normalise(w) for w in data.next_words}
        self.after_words = {normalise(w) for w in data.after_words}
        self.in_words = {normalise(w) for w in data.in_words}
        self.window_next = {normalise(w) for w in data.window_next}
        self.fixed = {normalise(f.text): f for f in data.fixed}
        self.year_followers = {normalise(w) for w in data.year_followers}
        self.rules = self._compile(data)

    def _compile(self, data: TimeData) -> tuple[_Rule, ...]:
        start, end = r"(?<![\w])", r"(?![\w])"
        month = f"(?P<month>{_alt(data.months)})"
        weekday = _alt(data.weekdays)
        day = f"(?:{_alt(data.first_day)}|[12][0-9]|3[01]|0?[1-9])"
        year = r"(?P<year>(?:1[89]|20)[0-9]{2})(?![0-9])"
        rel = f"(?P<rel>{_alt(data.last_words + data.next_words)})"
        part = f"(?:\\s*,?\\s*{_alt(data.parts_of_day)})"
        number = f"(?P<number>{_alt(data.numbers)}|[0-9]{{1,3}})"
        unit = f"(?P<unit>{_alt(data.units)})"
        joiner = _alt(data.day_range_joiners)
        patterns: list[tuple[Form, str]] = [
            ("date", r"(?<![\w/.])(?P<day>[0-9]{1,2})([/.])(?P<nmonth>[0-9]{1,2})\2"
             r"(?P<year>(?:1[89]|20)[0-9]{2})(?![\w/])"),
            ("date", r"(?<![\w/.-])(?P<year>(?:1[89]|20)[0-9]{2})-(?P<nmonth>[0-9]{2})-"
             r"(?P<day>[0-9]{2})(?![\w/-])"),
            ("date", f"{start}{_cues(data.date_openers)}?(?:(?P<weekday>{weekday})\\s+)?"
             f"(?P<day>{day})(?:\\s*{joiner}\\s*{day})?\\s+{month}(?:\\s+{year}|\\s+{rel})?"
             f"{part}?{end}"),
            # "dans la nuit du lundi 5 au mardi 6 juin": the night dates the second day.
            ("date", f"{start}{_cues(data.night_of)}(?:{weekday}\\s+)?{day}\\s+"
             f"{_alt(data.night_joiners)}\\s+(?:(?P<weekday>{weekday})\\s+)?(?P<day>{day})"
             f"\\s+{month}(?:\\s+{year})?{part}?{end}"),
            ("weekday", f"{start}(?:{_cues(data.night_of)}{weekday}\\s+{_alt(data.night_joiners)}"
             f"\\s+)?(?:(?P<this>{_alt(data.this_words)})\\s+)?(?P<weekday>{weekday})"
             f"{part}?(?:\\s+{rel})?{end}"),
            ("month", f"{start}(?P<cue>{_cues(data.month_cues)})?{month}"
             f"(?:\\s+{year}|\\s+{rel})?{end}"),
            ("season", f"{start}{_cues(data.season_cues)}(?P<season>{_alt(data.seasons)})"
             f"(?:\\s+{year}|\\s+{rel})?{end}"),
            ("year", f"{start}{_cues(data.year_cues)}{year}{end}"),
            ("offset", f"{start}(?P<lead>{_alt(data.ago_words + data.in_words)})\\s+{number}"
             f"\\s+{unit}{end}"),
            ("offset", f"{start}{number}\\s+{unit}\\s+"
             f"(?P<trail>{_alt(data.before_words + data.after_words)}){end}"),
            ("fixed", f"{start}(?P<fixed>{_alt(f.text for f in data.fixed)}){end}"),
        ]  # fmt: skip
        if data.window_openers and data.window_next and data.window_last:
            # "dans les trois prochains mois": from the anchor to three months after it.
            patterns.append(
                ("offset", f"{start}{_cues(data.window_openers)}{number}\\s+"
                 f"(?P<window>{_alt(data.window_next + data.window_last)})\\s+{unit}{end}")
            )  # fmt: skip
        if data.bare_day_openers:
            # "le 22 au soir", "le 23, ...": a day in the month of the date told before it.
            patterns.append(
                ("date", f"{start}{_cues(data.bare_day_openers)}(?P<day>{day})"
                 f"(?:{part}|(?=\\s*,)){end}")
            )  # fmt: skip
        # The words of the patterns are lower case: on a lower-cased copy of the text a
        # case-sensitive scan finds the same matches about twice as fast.
        return tuple(
            _Rule(form, re.compile(p, re.IGNORECASE), re.compile(p)) for form, p in patterns
        )

    def find(self, text: str) -> list[Expression]:
        """The expressions of `text`, longest first where they overlap, in text order."""
        low = text.lower()
        same = len(low) == len(text)  # offsets hold unless a letter lower-cases to two
        found = [e for rule in self.rules for e in self._matches(rule, text, low if same else None)]
        found.sort(key=lambda e: (-(e.end - e.start), e.start))
        taken: list[Expression] = []
        for expr in found:
            if all(expr.end <= t.start or expr.start >= t.end for t in taken):
                taken.append(expr)
        return sorted(taken, key=lambda e: e.start)

    def parse(self, text: str) -> Expression | None:
        """The expression covering the longest stretch of `text` (a timex re-read alone)."""
        return _parse(self, text)

    def _longest(self, text: str) -> Expression | None:
        found = self.find(text)
        return max(found, key=lambda e: e.end - e.start) if found else None

    def _matches(self, rule: _Rule, text: str, low: str | None) -> Iterator[Expression]:
        """Matches of one rule: on the lower-cased copy `low` when there is one."""
        scan = rule.pattern.finditer(text) if low is None else rule.lower.finditer(low)
        for match in scan:
            expr = self._build(rule.form, match, text)
            if expr is not None:
                yield expr

    def _build(self, form: Form, match: re.Match[str], text: str) -> Expression | None:
        groups = {k: v for k, v in match.groupdict().items() if v is not None}
        start, end = match.span()
        at = _At(start, end, text[start:end])  # the text as written, whatever was scanned
        year = int(groups["year"]) if "year" in groups else None
        relation = self._relation(groups.get("rel"))
        if form == "date":
            if "nmonth" in groups:
                month = int(groups["nmonth"])
                if not 1 <= month <= 12:
                    return None
                return Expression(
                    *at, form="date", day=int(groups["day"]), month=month, year=year,
                    numeric=True,
                )  # fmt: skip
            if "month" not in groups:
                return Expression(*at, form="date", day=self._day(groups["day"]), base="anaphoric")
            return Expression(
                *at, form="date", day=self._day(groups["day"]),
                month=self.months[normalise(groups["month"])], year=year,
                weekday=self.weekdays.get(normalise(groups.get("weekday", ""))),
                relation=relation,
            )  # fmt: skip
        if form == "weekday":
            if "this" in groups and relation == "none":
                relation = "this"
            return Expression(
                *at, form="weekday", weekday=self.weekdays[normalise(groups["weekday"])],
                relation=relation,
            )  # fmt: skip
        if form == "month":
            if "cue" not in groups and year is None and relation == "none":
                return None  # a bare month name ("Mars") is too ambiguous to be a date
            return Expression(
                *at, form="month", month=self.months[normalise(groups["month"])], year=year,
                relation=relation,
            )  # fmt: skip
        if form == "season":
            return Expression(
                *at, form="season", season=self.seasons[normalise(groups["season"])],
                year=year, relation=relation,
            )  # fmt: skip
        if form == "year":
            return (
                None if self._count_follows(text, end) else Expression(*at, form="year", year=year)
            )
        if form == "offset":
            return self._offset(at, groups)
        fixed = self.fixed[normalise(groups["fixed"])]
        return Expression(*at, form="fixed", fixed=fixed, base=_base(fixed))

    def _offset(self, at: _At, groups: dict[str, str]) -> Expression:
        raw = normalise(groups["number"])
        number = (int(raw), int(raw)) if raw.isdigit() else self.numbers[raw]
        unit = self.units[normalise(groups["unit"])]
        if "window" in groups:
            ahead = normalise(groups["window"]) in self.window_next
            return Expression(
                *at, form="offset", number=(0, number[1]), unit=unit,
                direction=1 if ahead else -1,
            )  # fmt: skip
        if "lead" in groups:
            direction = 1 if normalise(groups["lead"]) in self.in_words else -1
            anchor: Base = "deictic"
        else:
            direction = 1 if normalise(groups["trail"]) in self.after_words else -1
            anchor = "anaphoric"
        return Expression(
            *at, form="offset", number=number, unit=unit, direction=direction, base=anchor,
        )  # fmt: skip

    def _day(self, raw: str) -> int:
        return 1 if normalise(raw) in self.first_day else int(raw)

    def _relation(self, raw: str | None) -> Relation:
        if raw is None:
            return "none"
        word = normalise(raw)
        return "last" if word in self.last_words else "next" if word in self.next_words else "none"

    def _count_follows(self, text: str, end: int) -> bool:
        """True when a year-like number is followed by a noun: a count ("2000 soldats")."""
        follow = re.match(r"\s*([^\W\d_][\w'’-]*)", text[end : end + 40])
        if follow is None:
            return False
        word = normalise(follow.group(1))
        if not word.islower():
            return False
        if word in self.year_followers:
            return False
        return word.split("'")[0] + "'" not in self.year_followers


@lru_cache(maxsize=4096)
def _parse(grammar: Grammar, text: str) -> Expression | None:
    """Grammar.parse, remembered: each event's date re-reads its timex's text, and the same
    few timex texts come back for every event of an article (a pure function of the text)."""
    return grammar._longest(text)


def _base(fixed: FixedExpression) -> Base:
    return "anaphoric" if fixed.anchor == "anaphoric" else "deictic"


@cache
def grammar_for(lang_code: str = "fr") -> Grammar:
    """The compiled grammar of a language (built once per process)."""
    return Grammar(load_lexicon(lang_code))
