"""HTML pages -> Article, with trafilatura (text and metadata; never fetches anything)."""

from __future__ import annotations

import trafilatura

from ..errors import Errors, InputError
from ..records import Article, Origin
from .published import parse_metadata_date
from .text import checked, from_text

# A page whose longest extracted line has fewer words is navigation, not an article.
MIN_SENTENCE_WORDS = 5
# htmldate's extensive search reads dates out of the page text, which would pass event dates
# off as metadata; only the page's own date markup counts here.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def _is_article(text: str) -> bool:
    return any(len(line.split()) >= MIN_SENTENCE_WORDS for line in text.splitlines())


def _field(page: dict[str, object], key: str) -> str | None:
    value = page.get(key)
    return value.strip() or None if isinstance(value, str) else None


def extract(html: str, *, url: str | None = None) -> dict[str, object] | None:
    """trafilatura's text and metadata of a page, as a dict (None when it finds nothing)."""
    page = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_PARAMS,
    )
    if page is None:
        return None
    return page if isinstance(page, dict) else page.as_dict()


def from_html(
    html: str, *, origin: Origin, name: str | None = None, url: str | None = None, lang: str = "fr"
) -> Article | InputError:
    """The article of an HTML page: its main text, title, date, URL, site name and author."""
    try:
        page = extract(html, url=url)
    except (ValueError, TypeError):  # markup so broken that lxml cannot build a tree
        page = None
    text = _field(page, "text") if page else None
    if page is None or text is None or not _is_article(text):
        return InputError(Errors.E006.format(path=origin), path=origin.path, line=origin.line)
    stated = _field(page, "date")
    date = parse_metadata_date(stated) if stated else None
    article = from_text(
        text,
        origin=origin,
        name=name,
        url=_field(page, "url") or url,
        title=_field(page, "title"),
        outlet=_field(page, "sitename"),
        byline=_field(page, "author"),
        published=date,
        published_from="metadata" if date else None,
        lang=lang,
    )
    return checked(article)
