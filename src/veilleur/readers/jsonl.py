"""JSON Lines (and .json) articles: one object a line, read with bounded memory."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any, AnyStr, Protocol, TypeVar

from ..errors import Errors, InputError
from ..records import Article, Origin
from .data import patterns
from .decoding import decode
from .published import parse_date_line, parse_metadata_date
from .text import checked, from_text, input_error

_SKIP_CHUNK = 1 << 16
# 'date' and 'author' are read as 'published' and 'byline' when those are absent.
_FIELDS = ("id", "url", "title", "published", "date", "outlet", "byline", "author")
S_co = TypeVar("S_co", str, bytes, covariant=True)


class LineSource(Protocol[S_co]):
    """Anything with `readline(size)`: a file, standard input, a replayed stream."""

    def readline(self, size: int = -1, /) -> S_co:
        """At most `size` characters (or bytes) up to and including the next newline."""
        ...


def bounded_lines(stream: LineSource[AnyStr], *, limit: int) -> Iterator[tuple[int, AnyStr | None]]:
    """(line number, line) for each line; None for a line over `limit`, skipped unread."""
    number = 0
    while True:
        chunk = stream.readline(limit + 1)
        if not chunk:
            return
        number += 1
        if len(chunk) > limit and chunk[-1:] not in ("\n", b"\n"):
            # Skip the rest of the line in small pieces: memory stays at `limit`.
            while chunk and chunk[-1:] not in ("\n", b"\n"):
                chunk = stream.readline(_SKIP_CHUNK)
            yield number, None
            continue
        yield number, chunk


def _text_field(value: Any) -> str | None:
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    return text.strip() or None


def from_object(
    obj: Any, *, path: str, line: int, base: str, lang: str = "fr"
) -> Article | InputError:
    """One JSON record -> Article (or the InputError that says what is wrong with it)."""
    if not isinstance(obj, dict):
        reason = f"expected an object, got {type(obj).__name__}"
        return input_error(Errors.E004, path=path, line=line, reason=reason)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return input_error(Errors.E005, path=path, line=line)
    fields = {key: _text_field(obj.get(key)) for key in _FIELDS}
    published = None
    stated = fields["published"] or fields["date"]
    if stated is not None:
        written = parse_date_line(stated, patterns(lang))
        published = parse_metadata_date(stated) or (written.value if written else None)
        if published is None:
            return input_error(Errors.E010, path=path, line=line, value=stated)
    article = from_text(
        text,
        origin=Origin(path, line),
        name=fields["id"] or f"{base}:{line}",
        url=fields["url"],
        title=fields["title"],
        outlet=fields["outlet"],
        byline=fields["byline"] or fields["author"],
        published=published,
        published_from="metadata" if published else None,
        lang=lang,
    )
    return checked(article)


def _record(raw: AnyStr, *, path: str, line: int, base: str, lang: str) -> Article | InputError:
    if isinstance(raw, bytes):
        try:
            raw_text = raw.decode("utf-8-sig" if line == 1 else "utf-8")
        except UnicodeDecodeError:
            try:
                raw_text = decode(raw, path=f"{path}:{line}", lang=lang)
            except InputError as exc:
                return InputError(str(exc), path=path, line=line)
    else:
        raw_text = raw
    try:
        obj = json.loads(raw_text)
    except json.JSONDecodeError as exc:
        reason = f"{exc.msg} at column {exc.colno}"
        return input_error(Errors.E004, path=path, line=line, reason=reason)
    return from_object(obj, path=path, line=line, base=base, lang=lang)


def _not_articles(raw: str | bytes) -> bool:
    """True when a line is a JSON object without any 'text' key (not an article record)."""
    try:
        obj = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False
    return isinstance(obj, dict) and "text" not in obj


def read_lines(
    stream: LineSource[AnyStr],
    *,
    path: str,
    base: str,
    limit: int,
    lang: str = "fr",
    skip_foreign: bool = False,
) -> Iterator[Article | InputError]:
    """Articles of a JSON Lines stream, one per non-blank line; errors name path and line.

    A stream whose first record has no 'text' key holds something else (annotations): it is
    reported once (E014), or passed over in silence with `skip_foreign` (files met in a folder).
    """
    records = 0
    for number, raw in bounded_lines(stream, limit=limit):
        if raw is None:
            records += 1
            yield input_error(Errors.E009, path=path, line=number, limit=limit)
            continue
        if not raw.strip():
            continue
        records += 1
        result = _record(raw, path=path, line=number, base=base, lang=lang)
        if records == 1 and isinstance(result, InputError) and _not_articles(raw):
            if not skip_foreign:
                yield input_error(Errors.E014, path=path)
            return
        yield result
    if not records:
        yield InputError(Errors.E001.format(path=path), path=path)


def _document(
    data: bytes, *, path: str, base: str, lang: str, skip_foreign: bool
) -> list[Article | InputError] | None:
    """A whole .json document (an object or a list of objects); None if it is JSON Lines."""
    try:
        whole = json.loads(decode(data, path=path, lang=lang))
    except InputError as exc:
        return [exc]
    except json.JSONDecodeError:
        return None
    items = whole if isinstance(whole, list) else [whole]
    if items and isinstance(items[0], dict) and "text" not in items[0]:
        return [] if skip_foreign else [input_error(Errors.E014, path=path)]
    return [
        from_object(item, path=path, line=i, base=base, lang=lang)
        for i, item in enumerate(items, start=1)
    ]


def read_jsonl(
    path: str, *, base: str, limit: int, lang: str = "fr", skip_foreign: bool = False
) -> Iterator[Article | InputError]:
    """Articles of a .jsonl or .json file, streamed line by line.

    A small .json file holding one pretty-printed object or a list of objects is read whole.
    """
    with open(path, "rb") as stream:
        head = stream.read(8192)
        if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            yield InputError(Errors.E002.format(path=path, n=8192), path=path)
            return
        stream.seek(0)
        if path.lower().endswith(".json") and os.path.getsize(path) <= limit and head.strip():
            document = _document(
                stream.read(), path=path, base=base, lang=lang, skip_foreign=skip_foreign
            )
            if document is not None:
                yield from document
                return
            stream.seek(0)
        yield from read_lines(
            stream, path=path, base=base, limit=limit, lang=lang, skip_foreign=skip_foreign
        )
