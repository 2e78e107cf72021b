"""Turn an analysed Doc into its ArticleRecord."""

from __future__ import annotations

from spacy.tokens import Doc

from .records import Article, ArticleRecord


def build_record(doc: Doc) -> ArticleRecord:
    """Collect what the components set on `doc` into one typed record."""
    article: Article = doc._.article
    return ArticleRecord(
        article=article,
        people=tuple(doc._.people or ()),
        events=tuple(doc._.events or ()),
        quotes=tuple(doc._.quotes or ()),
        timexes=tuple(doc._.timexes or ()),
        mentions=tuple(doc._.mentions or ()),
        published=doc._.published,
        published_from=doc._.published_from,
    )
