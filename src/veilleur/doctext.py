"""The text of a Doc without rebuilding it: spaCy's `Doc.text` joins every token per call."""

from __future__ import annotations

from spacy.tokens import Doc


def text_of(doc: Doc) -> str:
    """`doc.text`, read from the Article it was made from when there is one (O(1))."""
    article = doc._.article if Doc.has_extension("article") else None
    if article is not None and len(doc):
        last = doc[-1]
        # The pipeline makes each Doc from article.content; check the length all the same.
        if len(article.content) == last.idx + len(last.text_with_ws):
            return str(article.content)
    return doc.text
