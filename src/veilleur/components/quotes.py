"""Quotations (placeholder): text between quotation marks, no speaker yet."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Quote

_QUOTED = re.compile(r"[«“\"]\s*([^«»“”\"]{3,}?)\s*[»”\"]")


@Language.component("veilleur_quotes", requires=["doc._.mentions"], assigns=["doc._.quotes"])
def quotes_component(doc: Doc) -> Doc:
    """Find quoted spans of three words or more."""
    doc._.quotes = [
        Quote(m.start(1), m.end(1), m.group(1), None)
        for m in _QUOTED.finditer(doc.text)
        if len(m.group(1).split()) >= 3
    ]
    return doc
