"""The text of a Doc without rebuilding it: spaCy's `Doc.text` joins every token per call."""

from __future__ import annotations

from spacy.tokens import Doc

# Key of Doc.user_data holding the text once read; the last component drops it (a cache).
TEXT_KEY = "veilleur.text"


def text_of(doc: Doc) -> str:
    """`doc.text`, read from the Article it was made from when there is one (O(1)).

    Kept in the Doc's user data after the first call: the stages ask for it thousands of
    times an article, and reading `doc._.article` builds an extension accessor each time.
    """
    cached = doc.user_data.get(TEXT_KEY)
    if isinstance(cached, str):
        return cached
    text = _read(doc)
    doc.user_data[TEXT_KEY] = text
    return text


def _read(doc: Doc) -> str:
    article = doc._.article if Doc.has_extension("article") else None
    if article is not None and len(doc):
        last = doc[-1]
        # The pipeline makes each Doc from article.content; check the length all the same.
        if len(article.content) == last.idx + len(last.text_with_ws):
            return str(article.content)
    return doc.text
