"""Sentence starts set before the parser runs: at line breaks, and only after a full stop.

Titles, leads and captions often end without a full stop: without a preset start the parser
joins them to the next paragraph. And the statistical parser sometimes starts a sentence in
the middle of a phrase ("état - major"); a sentence may only start after final punctuation.
"""

from __future__ import annotations

from typing import cast

import numpy as np
from spacy.attrs import ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

_FINAL = frozenset({".", "!", "?", "…", "»", "”", '"', ":", ";"})


def _closing(text: str, space_before: str) -> bool:
    """A closing quotation mark right after a full stop belongs to the sentence it ends."""
    return text in ("»", "”") or (text == '"' and not space_before)


@Language.component("veilleur_paragraphs", assigns=["token.is_sent_start"])
def paragraphs_component(doc: Doc) -> Doc:
    """Start a sentence after each line break; forbid starts not preceded by final punctuation."""
    if len(doc) < 2:
        return doc
    # One array in, one array out: setting token.is_sent_start token by token costs ten times
    # more (a Token object per access). 1 is a start, -1 no start, 0 left to the parser.
    rows = doc.to_array([SENT_START, ORTH, SPACY])
    starts = rows[:, 0].astype(np.int64)
    strings = doc.vocab.strings
    orths = rows[:, 1].tolist()
    known = {orth: strings[orth] for orth in set(orths)}  # each distinct word looked up once
    texts = [known[orth] for orth in orths]
    spaces = [" " if flag else "" for flag in rows[:, 2].tolist()]  # Token.whitespace_
    for i in range(1, len(doc)):
        previous, space = texts[i - 1], spaces[i - 1]
        if "\n" in previous or space == "\n" or previous.isspace():
            starts[i] = 1
        elif previous[-1:] not in _FINAL or _closing(texts[i], space):
            starts[i] = -1
    doc.from_array([SENT_START], cast(Ints2d, starts.astype(np.uint64).reshape(-1, 1)))
    return doc
