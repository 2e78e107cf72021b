"""Typed rows returned by the store's queries."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Row

from ..records import Article, Origin, PartialDate, PublishedFrom, Region


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One stored article."""

    id: str
    doc: str
    url: str | None
    outlet: str | None
    byline: str | None
    title: str | None
    lead: str | None
    text: str
    regions: tuple[Region, ...]
    published: str | None
    published_precision: str | None
    published_from: str | None
    origin: str
    origin_line: int | None
    run_id: int | None
    ingested_at: str
    vector: bytes | None
    n_people: int
    n_events: int
    n_quotes: int

    @classmethod
    def of(cls, row: Row[Any]) -> ArticleRow:
        """Build from a row of `articles` with its counts (see `store.article_query`)."""
        values = dict(row._mapping)
        values["regions"] = tuple(Region(**r) for r in json.loads(values["regions"]))
        return cls(**values)

    def content(self) -> str:
        """The text with its removed regions blanked (offsets kept), as Article.content."""
        chars = list(self.text)
        for region in self.regions:
            for i in range(region.start, min(region.end, len(chars))):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)


@dataclass(frozen=True, slots=True)
class RunRow:
    """One recorded run of a command (an ingest, an import)."""

    id: int
    started_at: str
    finished_at: str | None
    command: str
    args: Any
    n_read: int
    n_new: int
    n_stored: int
    n_failed: int
    failures: tuple[str, ...]

    @classmethod
    def of(cls, row: Row[Any]) -> RunRow:
        """Build from a row of the `runs` table."""
        values = dict(row._mapping)
        values["args"] = json.loads(values["args"])
        values["failures"] = tuple(json.loads(values["failures"]))
        return cls(**values)


def article_of(row: ArticleRow) -> Article:
    """The Article rebuilt from its row (`published` is the date the analysis settled on)."""
    return Article(
        id=row.id,
        text=row.text,
        content=row.content(),
        origin=Origin(row.origin, row.origin_line),
        title=row.title,
        lead=row.lead,
        url=row.url,
        outlet=row.outlet,
        byline=row.byline,
        published=PartialDate.parse(row.published) if row.published else None,
        published_from=cast(PublishedFrom | None, row.published_from),
        regions=row.regions,
        name=row.doc,
    )
