"""veilleur: French news articles into a structured record of political events."""

from __future__ import annotations

from .pipeline import Options, analyse, build_nlp
from .records import Article, ArticleRecord, Event, PartialDate, PersonRecord, Quote

__all__ = [
    "Article",
    "ArticleRecord",
    "Event",
    "Options",
    "PartialDate",
    "PersonRecord",
    "Quote",
    "analyse",
    "build_nlp",
]
__version__ = "0.1.0"
