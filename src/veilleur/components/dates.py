"""Temporal expressions (placeholder): the publication date becomes the anchor."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component(
    "veilleur_dates",
    requires=["doc._.article"],
    assigns=["doc._.timexes", "doc._.published", "doc._.published_from"],
)
def dates_component(doc: Doc) -> Doc:
    """Set the publication date from the article; no temporal expressions yet."""
    article = doc._.article
    doc._.published = article.published if article else None
    doc._.published_from = article.published_from if article else None
    doc._.timexes = []
    return doc
