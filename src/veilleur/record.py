"""Turn an analysed Doc into its ArticleRecord."""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc

from .records import Article, ArticleRecord


def content_vector(doc: Doc) -> tuple[float, ...]:
    """Unit mean vector of the content words: what stories compare articles by.

    Stop words and punctuation are left out: they make every French article look alike.
    """
    words = [t for t in doc if t.has_vector and t.is_alpha and not t.is_stop]
    if not words:
        return ()
    mean = np.asarray([t.vector for t in words], dtype=np.float32).mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return tuple(round(float(x), 5) for x in mean / norm) if norm else ()


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
        vector=content_vector(doc),
    )
