"""Article readers: plain text, JSON Lines, HTML, folders and standard input -> Article."""

from __future__ import annotations

from .text import article_id, from_text

__all__ = ["article_id", "from_text"]
