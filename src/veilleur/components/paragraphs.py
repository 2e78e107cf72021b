"""Sentence starts set before the parser runs: at line breaks, and only after a full stop.

Titles, leads and captions often end without a full stop: without a preset start the parser
joins them to the next paragraph. And the statistical parser sometimes starts a sentence in
the middle of a phrase ("état - major"); a sentence may only start after final punctuation.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_FINAL = frozenset({".", "!", "?", "…", "»", "”", '"', ":", ";"})


def _closing(text: str, space_before: str) -> bool:
    """A closing quotation mark right after a full stop belongs to the sentence it ends."""
    return text in ("»", "”") or (text == '"' and not space_before)


@Language.component("veilleur_paragraphs", assigns=["token.is_sent_start"])
def paragraphs_component(doc: Doc) -> Doc:
    """Start a sentence after each line break; forbid starts not preceded by final punctuation."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or previous.whitespace_ == "\n" or previous.is_space:
            token.is_sent_start = True
        elif previous.text[-1:] not in _FINAL or _closing(token.text, previous.whitespace_):
            token.is_sent_start = False
    return doc
