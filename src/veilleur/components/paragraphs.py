"""Paragraph breaks as sentence starts, set before the parser runs.

Titles, leads and captions often end without a full stop; without this the parser joins them
to the next paragraph into one long sentence, and every later component reads a wrong parse.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("veilleur_paragraphs", assigns=["token.is_sent_start"])
def paragraphs_component(doc: Doc) -> Doc:
    """Start a sentence at the first token after a line break."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or previous.whitespace_ == "\n":
            token.is_sent_start = True
    return doc
