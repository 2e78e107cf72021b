"""Article readers: plain text, JSON Lines, HTML, folders and standard input -> Article."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from ..records import Article, Origin, PartialDate, Region

_HEADER = re.compile(r"^ date (\d{4}-\d{2}) ")


def article_id(text: str) -> str:
    """Content hash of the normalised text: the same article read twice gets the same id."""
    normal = " ".join(unicodedata.normalize("NFC", text).split()).casefold()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def from_text(text: str, *, origin: Origin | None = None, name: str | None = None) -> Article:
    """Build an Article from raw text in the seed format (optional ' date YYYY-MM' header)."""
    regions: list[Region] = []
    content = text
    published = None
    published_from = None
    match = _HEADER.match(text)
    if match:
        published = PartialDate.parse(match.group(1))
        published_from = "header"
        regions.append(Region(0, match.end(), "header"))
        content = " " * match.end() + text[match.end() :]
    return Article(
        id=article_id(text),
        text=text,
        content=content,
        origin=origin or Origin("-"),
        published=published,
        published_from=published_from,
        regions=tuple(regions),
        name=name,
    )
