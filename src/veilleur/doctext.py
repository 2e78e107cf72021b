"""The text of a Doc without rebuilding it: spaCy's `Doc.text` joins every token per call."""

from __future__ import annotations

from spacy.tokens import Doc

# Every per-Doc cache keeps its value in Doc.user_data under a key made by `cache_key`: the
# last component then drops them all (`drop_caches`) without a list of them to keep up to date.
CACHE_PREFIX = "veilleur.cache."


def cache_key(name: str) -> str:
    """The Doc.user_data key of the per-Doc cache `name`, one that `drop_caches` removes."""
    return CACHE_PREFIX + name


def drop_caches(doc: Doc) -> None:
    """Remove every per-Doc cache from the Doc's user data (values to reuse, not results)."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith(CACHE_PREFIX)]:
        del doc.user_data[key]


# the text once read
TEXT_KEY = cache_key("text")


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
