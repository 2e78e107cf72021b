"""The temporal vocabulary of one language, loaded from lang/<lang>/time.yaml and validated."""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .. import lang

Unit = Literal["day", "week", "month", "year", "hour"]
CalendarUnit = Literal["day", "week", "month", "year"]


class FixedExpression(BaseModel):
    """A set phrase ("hier", "la semaine dernière", "la veille") and what it means."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = Field(min_length=1)
    anchor: Literal["deictic", "anaphoric", "vague"]
    unit: CalendarUnit | None = None
    offset: int = 0
    days: tuple[int, int] | None = None

    @model_validator(mode="after")
    def _complete(self) -> FixedExpression:
        if self.anchor == "vague":
            if self.days is None or self.days[0] > self.days[1]:
                raise ValueError(
                    f"{self.text!r}: a vague expression needs days: [lo, hi], lo <= hi"
                )
        elif self.unit is None:
            raise ValueError(f"{self.text!r}: a {self.anchor} expression needs a unit")
        return self


def _non_empty(words: list[str]) -> list[str]:
    if not words or any(not w.strip() for w in words):
        raise ValueError("needs at least one word, none blank")
    return words


class TimeData(BaseModel):
    """Schema of time.yaml: the words the temporal grammar combines."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, tuple[int, int]]
    first_day: list[str]
    numbers: dict[str, tuple[int, int]]
    units: dict[str, Unit]
    parts_of_day: list[str]
    date_openers: list[str]
    day_range_joiners: list[str]
    this_words: list[str]
    last_words: list[str]
    next_words: list[str]
    month_cues: list[str]
    season_cues: list[str]
    year_cues: list[str]
    year_followers: list[str]
    ago_words: list[str]
    in_words: list[str]
    before_words: list[str]
    after_words: list[str]
    night_of: list[str]
    night_joiners: list[str]
    fixed: list[FixedExpression]
    dateline_prefixes: list[str]
    future_lemmas: list[str]
    event_links: dict[str, Literal[-1, 1]] = Field(default_factory=dict)
    handover_words: list[str] = Field(default_factory=list)
    since_words: list[str] = Field(default_factory=list)
    bare_day_openers: list[str] = Field(default_factory=list)
    window_openers: list[str] = Field(default_factory=list)
    window_next: list[str] = Field(default_factory=list)
    window_last: list[str] = Field(default_factory=list)

    _check_lists = field_validator(
        "first_day", "parts_of_day", "date_openers", "day_range_joiners", "this_words",
        "last_words", "next_words", "month_cues", "season_cues", "year_cues", "year_followers",
        "ago_words", "in_words", "before_words", "after_words", "night_of", "night_joiners",
        "dateline_prefixes", "future_lemmas",
    )(_non_empty)  # fmt: skip

    @field_validator("months")
    @classmethod
    def _months(cls, value: dict[str, int]) -> dict[str, int]:
        if set(value.values()) != set(range(1, 13)):
            raise ValueError("months must name each of the twelve months (values 1..12)")
        return value

    @field_validator("weekdays")
    @classmethod
    def _weekdays(cls, value: dict[str, int]) -> dict[str, int]:
        if set(value.values()) != set(range(7)):
            raise ValueError("weekdays must name each day, 0 (Monday) to 6 (Sunday)")
        return value

    @field_validator("seasons")
    @classmethod
    def _seasons(cls, value: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
        for name, (first, last) in value.items():
            if not (1 <= first <= 12 and 1 <= last <= 12):
                raise ValueError(f"season {name!r}: months must be within 1..12")
        return value

    @field_validator("numbers")
    @classmethod
    def _numbers(cls, value: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
        for name, (low, high) in value.items():
            if not 0 < low <= high:
                raise ValueError(f"number {name!r}: need 0 < lo <= hi")
        return value


@cache
def load_lexicon(lang_code: str = "fr") -> TimeData:
    """The validated temporal vocabulary of `lang_code` (read once per process)."""
    return lang.load(lang_code, "time", TimeData)
