"""Turn an analysed Doc into its ArticleRecord."""

from __future__ import annotations

from typing import Any

import numpy as np
from spacy.attrs import IS_ALPHA, IS_STOP
from spacy.tokens import Doc

from .records import Article, ArticleRecord


def content_vector(doc: Doc) -> tuple[float, ...]:
    """Unit mean vector of the content words: what stories compare articles by.

    Stop words and punctuation are left out: they make every French article look alike.
    """
    rows = _content_rows(doc)
    if rows is None:  # vectors this fast path does not read (hooks, floret, none)
        words = [t for t in doc if t.has_vector and t.is_alpha and not t.is_stop]
        if not words:
            return ()
        matrix = np.asarray([t.vector for t in words], dtype=np.float32)
    else:
        if not len(rows):
            return ()
        matrix = np.asarray(doc.vocab.vectors.data[rows], dtype=np.float32)
    mean = matrix.mean(axis=0)
    norm = float(np.linalg.norm(mean))
    # tolist: the same Python floats as float(x) per numpy scalar, read in one call
    return tuple([round(x, 5) for x in (mean / norm).tolist()]) if norm else ()


def _content_rows(doc: Doc) -> np.ndarray[Any, np.dtype[np.int64]] | None:
    """Vector-table rows of the content words, in text order, read in one array pass.

    Token.vector and Token.has_vector cross into Cython once per token and attribute; the
    same rows come from the key-to-row table of a plain (non-floret) vector table.
    """
    vectors = doc.vocab.vectors
    hooks = doc.user_token_hooks
    if "vector" in hooks or "has_vector" in hooks or vectors.mode != "default":
        return None
    if vectors.size == 0 or not len(doc):
        return None
    attrs = doc.to_array([vectors.attr, IS_ALPHA, IS_STOP])
    key2row = vectors.key2row  # what Vectors.find reads, without its per-key conversions
    rows = np.asarray([key2row.get(key, -1) for key in attrs[:, 0].tolist()], dtype=np.int64)
    keep = (rows >= 0) & (attrs[:, 1] != 0) & (attrs[:, 2] == 0)
    return np.asarray(rows[keep], dtype=np.int64)


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
