"""The language data of the readers (`lang/<lang>/article.yaml`), validated and compiled."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..lang import load


class DatePrefixes(BaseModel):
    """Words opening a line that holds only a date."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    published: list[str]
    updated: list[str]


class Limits(BaseModel):
    """Sizes that keep the line rules from reaching into real content."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    signature_max_words: int = Field(ge=2)
    byline_max_words: int = Field(ge=2)
    caption_max_chars: int = Field(ge=20)
    bio_top_lines: int = Field(ge=0)
    bio_bottom_lines: int = Field(ge=0)
    dateline_top_lines: int = Field(ge=0)


class ArticleData(BaseModel):
    """Schema of `article.yaml`: the words that mark non-content lines in one language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    header: str
    months: dict[str, int]
    weekdays: list[str] = Field(min_length=7, max_length=7)
    ordinal_suffixes: list[str]
    date_prefixes: DatePrefixes
    time_joiners: list[str]
    hour_marks: list[str] = Field(min_length=1)
    agencies: list[str] = Field(min_length=1)
    credit_prefixes: list[str]
    source_prefixes: list[str]
    credit_joiners: list[str]
    byline_prefixes: list[str]
    agency_prefixes: list[str]
    agency_articles: list[str]
    contribution_phrases: list[str]
    copulas: list[str] = Field(min_length=1)
    determiners: list[str] = Field(min_length=1)
    journalist_nouns: list[str] = Field(min_length=1)
    boilerplate_prefixes: list[str]
    boilerplate_lines: list[str]
    name_particles: list[str]
    name_joiners: list[str]
    limits: Limits
    legacy_encodings: list[str] = Field(min_length=1)

    @field_validator("legacy_encodings")
    @classmethod
    def _known_codecs(cls, value: list[str]) -> list[str]:
        try:
            return [codecs.lookup(name).name for name in value]
        except LookupError as exc:
            raise ValueError(str(exc)) from exc

    @field_validator("header")
    @classmethod
    def _header_has_date(cls, value: str) -> str:
        if "date" not in re.compile(value).groupindex:
            raise ValueError("the header pattern needs a (?P<date>...) group")
        return value

    @field_validator("months")
    @classmethod
    def _months_in_range(cls, value: dict[str, int]) -> dict[str, int]:
        bad = {k: v for k, v in value.items() if not 1 <= v <= 12}
        if bad:
            raise ValueError(f"month numbers out of 1..12: {bad}")
        if set(value.values()) != set(range(1, 13)):
            raise ValueError("every month 1..12 needs at least one name")
        return value


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first so that it matches greedily."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _upper_letters() -> str:
    """Upper-case letters of the Latin scripts, for a character class."""
    return "A-Z" + "".join(
        ch for ch in map(chr, range(0xC0, 0x250)) if ch.isupper() and ch.isalpha()
    )


@dataclass(frozen=True, slots=True, eq=False)
class Patterns:
    """The compiled patterns of one language, built once from its data (hashed by identity)."""

    data: ArticleData
    header: re.Pattern[str]
    upper: str
    name: str
    agency: str
    month: str
    weekday: str
    particles: frozenset[str]
    joiners: frozenset[str]


def build_patterns(data: ArticleData) -> Patterns:
    """Compile the data's word lists into the fragments the line rules use."""
    upper = _upper_letters()
    # A name word: capitalised ("Gallant", "Al-Sissi", "O'Brien"), all capitals ("MANGA") or an
    # initial ("J.-P."); particles are handled by the callers.
    name = rf"(?:[{upper}][\w’'.-]*)"
    return Patterns(
        data=data,
        header=re.compile(data.header),
        upper=upper,
        name=name,
        agency=rf"(?:{alternation(data.agencies)})",
        month=rf"(?:{alternation(list(data.months))})\.?",
        weekday=rf"(?:{alternation(data.weekdays)})",
        particles=frozenset(p.casefold() for p in data.name_particles),
        joiners=frozenset(j.casefold() for j in data.name_joiners),
    )


@cache
def patterns(lang: str = "fr") -> Patterns:
    """The validated, compiled reader data of `lang` (loaded once per process)."""
    return build_patterns(load(lang, "article", ArticleData))
