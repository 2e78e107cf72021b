"""Article readers: plain text, JSON Lines, HTML, folders and standard input -> Article.

Stages for one input:
    1. files     path, folder or '-' -> the input kind (by extension, or sniffed on stdin)
    2. decoding  bytes -> text (UTF-8, else a detected encoding; empty and binary refused)
    3. kind      text (corpus format), jsonl (one object a line) or html (trafilatura)
    4. cleaning  non-content regions (header, credits, captions, bylines, date lines) blanked
    5. published the publication date from header, metadata, text or URL, with its precision
"""

from __future__ import annotations

from .cleaning import blank, scan
from .data import ArticleData, patterns
from .decoding import decode
from .files import DEFAULT_MAX_RECORD_BYTES, kind_of, read, read_file, read_stdin, walk
from .html import from_html
from .jsonl import from_object, read_jsonl, read_lines
from .published import choose, parse_date_line, parse_metadata_date, url_date
from .text import article_id, checked, from_text, with_title

__all__ = [
    "DEFAULT_MAX_RECORD_BYTES",
    "ArticleData",
    "article_id",
    "blank",
    "checked",
    "choose",
    "decode",
    "from_html",
    "from_object",
    "from_text",
    "kind_of",
    "parse_date_line",
    "parse_metadata_date",
    "patterns",
    "read",
    "read_file",
    "read_jsonl",
    "read_lines",
    "read_stdin",
    "scan",
    "url_date",
    "walk",
    "with_title",
]
