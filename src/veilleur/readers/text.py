"""Plain-text articles (the corpus format) -> Article, and the id every reader gives."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from ..errors import Errors, InputError
from ..records import Article, Origin, PartialDate, PublishedFrom
from .cleaning import Scan, blank, byline_names, scan, split_lines
from .data import patterns
from .published import DateCandidate, choose, url_date


def _squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def article_id(text: str) -> str:
    """Content hash of the normalised text: the same article read twice gets the same id."""
    return hashlib.sha256(_squash(text).encode("utf-8")).hexdigest()[:16]


def input_error(
    template: str, *, path: str, line: int | None = None, **fields: object
) -> InputError:
    """An InputError from an Errors template, carrying its path and line."""
    return InputError(template.format(path=path, line=line, **fields), path=path, line=line)


def checked(article: Article) -> Article | InputError:
    """The article, or E007 when nothing is left once credits, captions and bylines are blanked."""
    if article.content.strip():
        return article
    origin = article.origin
    message = Errors.E007.format(path=str(origin))
    return InputError(message, path=origin.path, line=origin.line)


def with_title(text: str, title: str | None, *, lang: str = "fr") -> str:
    """`text` opened by `title` (FORMAT.md: the title is analysed), unless it already is.

    A corpus header stays the first line; the title goes right after it.
    """
    if not title or not title.strip():
        return text
    top = " ".join(line for line in text.lstrip().split("\n")[:3])
    if _squash(title) in _squash(top):
        return text
    if patterns(lang).header.match(text):
        first, newline, rest = text.partition("\n")
        return f"{first}\n{title.strip()}\n{newline}{rest}"
    return f"{title.strip()}\n\n{text}"


# A title is one sentence of at most this many words; a longer first line is the lead itself.
TITLE_MAX_WORDS = 60
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[^\W\d_]")


def looks_like_title(line: str) -> bool:
    """One short sentence: no full stop followed by another sentence inside the line."""
    return len(line.split()) <= TITLE_MAX_WORDS and not _SENTENCE_BREAK.search(line.rstrip(".!? "))


def _title_and_lead(content: str, found: Scan) -> tuple[str | None, str | None]:
    """The first content line is the title (no header) and the next one the lead."""
    lines = [line.text.strip() for line in split_lines(content) if line.text.strip()]
    if found.header is not None:
        # The header line carries the lead; the title is not given in this format.
        return None, found.lead
    if not lines:
        return None, None
    if not looks_like_title(lines[0]):
        return None, lines[0]
    return lines[0], lines[1] if len(lines) > 1 else None


def _published(
    found: Scan,
    *,
    url: str | None,
    published: PartialDate | None,
    published_from: PublishedFrom | None,
) -> DateCandidate | None:
    candidates = []
    if published is not None:
        candidates.append(DateCandidate(published, published_from or "metadata"))
    if found.header is not None:
        candidates.append(DateCandidate(found.header, "header"))
    stated = [d for d in found.dates if not d.updated] or list(found.dates)
    if stated:
        candidates.append(DateCandidate(stated[0].value, "text"))
    from_url = url_date(url)
    if from_url is not None:
        candidates.append(DateCandidate(from_url, "url"))
    return choose(candidates)


def from_text(
    text: str,
    *,
    origin: Origin | None = None,
    name: str | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    byline: str | None = None,
    published: PartialDate | None = None,
    published_from: PublishedFrom | None = None,
    lang: str = "fr",
) -> Article:
    """Build an Article from raw text in the corpus format (optional ' date YYYY-MM' header).

    Non-content lines (header prefix, credits, captions, bylines, date lines) are blanked in
    `content`; `published` is the best agreeing date among the given one, the header, a date
    line of the text and the URL. An empty `content` is the caller's to report (E007).
    """
    text = with_title(text, title, lang=lang)
    found = scan(text, patterns(lang))
    content = blank(text, found.regions)
    found_title, lead = _title_and_lead(content, found)
    date = _published(found, url=url, published=published, published_from=published_from)
    given = byline_names(byline, patterns(lang)) if byline and byline.strip() else None
    bylines = ([given] if given else []) + [b for b in found.bylines if b != given]
    return Article(
        id=article_id(text),
        text=text,
        content=content,
        origin=origin or Origin("-"),
        title=title.strip() if title and title.strip() else found_title,
        lead=lead,
        url=url,
        outlet=outlet,
        byline="; ".join(bylines) or None,
        published=date.value if date else None,
        published_from=date.source if date else None,
        regions=found.regions,
        name=name,
    )
