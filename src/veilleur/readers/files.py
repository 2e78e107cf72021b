"""Paths, folders and standard input -> Articles, each input by its kind; errors are yielded."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import Literal, TextIO

from ..errors import Errors, InputError
from ..records import Article, Origin
from .decoding import decode
from .html import from_html
from .jsonl import read_jsonl, read_lines
from .text import checked, from_text

InputKind = Literal["text", "jsonl", "html"]

# A plain-text or HTML file above this size, or a JSON Lines line above it, is refused: news
# articles are a few kilobytes and the bound keeps memory flat on any input.
DEFAULT_MAX_RECORD_BYTES = 8 * 1024 * 1024
SUFFIXES: dict[str, InputKind] = {
    "": "text",
    ".txt": "text",
    ".jsonl": "jsonl",
    ".json": "jsonl",
    ".html": "html",
    ".htm": "html",
}


def kind_of(path: str) -> InputKind | None:
    """The input kind a file's extension says, or None when veilleur does not read it."""
    return SUFFIXES.get(os.path.splitext(path)[1].lower())


def _read_bytes(path: str, *, limit: int) -> bytes | InputError:
    try:
        if os.path.getsize(path) > limit:
            return InputError(Errors.E012.format(path=path, limit=limit), path=path)
        with open(path, "rb") as stream:
            return stream.read()
    except OSError as exc:
        return InputError(Errors.E013.format(path=path, reason=exc.strerror or exc), path=path)


def read_file(
    path: str,
    *,
    name: str | None = None,
    limit: int = DEFAULT_MAX_RECORD_BYTES,
    lang: str = "fr",
    in_folder: bool = False,
) -> Iterator[Article | InputError]:
    """The articles of one file, read by its extension (.txt or none, .jsonl/.json, .html).

    `in_folder`: the file was met in a folder, so JSON that holds no articles (annotations
    beside the articles) is passed over instead of reported.
    """
    name = name or os.path.basename(path)
    kind = kind_of(path)
    if kind is None:
        suffix = os.path.splitext(path)[1]
        yield InputError(Errors.E011.format(path=path, suffix=suffix), path=path)
        return
    if kind == "jsonl":
        try:
            yield from read_jsonl(path, base=name, limit=limit, lang=lang, skip_foreign=in_folder)
        except OSError as exc:
            reason = exc.strerror or exc
            yield InputError(Errors.E013.format(path=path, reason=reason), path=path)
        return
    data = _read_bytes(path, limit=limit)
    if isinstance(data, InputError):
        yield data
        return
    try:
        text = decode(data, path=path, lang=lang)
    except InputError as exc:
        yield exc
        return
    origin = Origin(path)
    if kind == "html":
        yield from_html(text, origin=origin, name=name, lang=lang)
    else:
        yield checked(from_text(text, origin=origin, name=name, lang=lang))


def walk(folder: str) -> list[str]:
    """Readable files under `folder`, recursively, hidden ones left out, sorted."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for file in files:
            if not file.startswith(".") and kind_of(file) is not None:
                found.append(os.path.relpath(os.path.join(root, file), folder))
    return sorted(found, key=lambda p: p.split(os.sep))


class _Replay:
    """A text stream whose first lines were already read to sniff it; serves them again."""

    def __init__(self, head: list[str], rest: TextIO) -> None:
        self._head = head
        self._rest = rest

    def readline(self, size: int = -1, /) -> str:
        """The next line, from the sniffed head first (at most `size` characters)."""
        if not self._head:
            return self._rest.readline(size)
        line = self._head[0]
        if 0 <= size < len(line):
            self._head[0] = line[size:]
            return line[:size]
        self._head.pop(0)
        return line


def read_stdin(
    stdin: TextIO, *, limit: int = DEFAULT_MAX_RECORD_BYTES, lang: str = "fr"
) -> Iterator[Article | InputError]:
    """Articles from standard input: JSON Lines if it opens with '{', HTML with '<', else text."""
    head: list[str] = []
    first = ""
    size = 0
    while not first:
        line = stdin.readline(limit + 1)
        if not line:
            yield InputError(Errors.E001.format(path="-"), path="-")
            return
        size += len(line)
        if size > limit:  # a flood of blank lines: keep memory bounded all the same
            yield InputError(Errors.E012.format(path="-", limit=limit), path="-")
            return
        head.append(line)
        first = line.lstrip("\ufeff \t\r\n")[:1]
    if first == "{":
        yield from read_lines(_Replay(head, stdin), path="-", base="-", limit=limit, lang=lang)
        return
    text = "".join(head) + stdin.read(limit + 1)
    if len(text.encode("utf-8", "replace")) > limit:
        yield InputError(Errors.E012.format(path="-", limit=limit), path="-")
        return
    text = text.lstrip("\ufeff")
    if first == "<":
        yield from_html(text, origin=Origin("-"), name="-", lang=lang)
    else:
        yield checked(from_text(text, origin=Origin("-"), name="-", lang=lang))


def read(
    paths: Iterable[str | os.PathLike[str]],
    *,
    stdin: TextIO | None = None,
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
    lang: str = "fr",
) -> Iterator[Article | InputError]:
    """Articles from files, folders (recursively) and '-' (standard input), in order.

    Bad input is yielded as an InputError naming the file (and line), never raised, so that
    the caller reports it and goes on with the rest.
    """
    for item in paths:
        path = os.fspath(item)
        if path == "-":
            yield from read_stdin(stdin or sys.stdin, limit=max_record_bytes, lang=lang)
        elif os.path.isdir(path):
            for relative in walk(path):
                name = relative.replace(os.sep, "/")
                full = os.path.join(path, relative)
                yield from read_file(
                    full, name=name, limit=max_record_bytes, lang=lang, in_folder=True
                )
        elif os.path.exists(path):
            yield from read_file(path, limit=max_record_bytes, lang=lang)
        else:
            yield InputError(Errors.E008.format(path=path), path=path)
