"""Sentence starts set before the parser runs: at line breaks, and only after a full stop.

Titles, leads and captions often end without a full stop: without a preset start the parser
joins them to the next paragraph. And the statistical parser sometimes starts a sentence in
the middle of a phrase ("état - major"); a sentence may only start after final punctuation.
"""

from __future__ import annotations

from functools import lru_cache
from typing import cast

import numpy as np
from spacy.attrs import ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

_FINAL = frozenset({".", "!", "?", "…", "»", "”", '"', ":", ";"})


@Language.component("veilleur_paragraphs", assigns=["token.is_sent_start"])
def paragraphs_component(doc: Doc) -> Doc:
    """Start a sentence after each line break; forbid starts not preceded by final punctuation."""
    if len(doc) < 2:
        return doc
    # One array in, one array out: setting token.is_sent_start token by token costs ten times
    # more (a Token object per access). 1 is a start, -1 no start, 0 left to the parser.
    rows = doc.to_array([SENT_START, ORTH, SPACY])
    # each distinct word is read and classified once; numpy spreads the answers to the tokens
    keys, numbers = np.unique(rows[:, 1], return_inverse=True)
    strings = doc.vocab.strings
    kinds = np.asarray([_kind(strings[key]) for key in keys.tolist()], dtype=np.int64)
    kind = kinds[numbers.reshape(-1)]
    spaced = rows[:, 2] == 1
    before, after = kind[:-1], kind[1:]
    breaks = (before & _BREAK) != 0
    # a closing quotation mark right after a full stop belongs to the sentence it ends
    closing = ((after & _CLOSING) != 0) | (((after & _STRAIGHT) != 0) & ~spaced[:-1])
    forbidden = ((before & _FINAL_MARK) == 0) | closing
    starts = rows[:, 0].astype(np.int64)
    starts[1:] = np.where(breaks, 1, np.where(forbidden, -1, starts[1:]))
    doc.from_array([SENT_START], cast(Ints2d, starts.astype(np.uint64).reshape(-1, 1)))
    return doc


# the bits of `_kind`
_BREAK, _FINAL_MARK, _CLOSING, _STRAIGHT = 1, 2, 4, 8


@lru_cache(maxsize=1 << 16)
def _kind(text: str) -> int:
    """What a word tells of a sentence start: a line break, final punctuation, a closing mark."""
    kind = _BREAK if "\n" in text or text.isspace() else 0
    kind |= _FINAL_MARK if text[-1:] in _FINAL else 0
    kind |= _CLOSING if text in ("»", "”") else _STRAIGHT if text == '"' else 0
    return kind
