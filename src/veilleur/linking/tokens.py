"""Token-level helpers: capitalisation, hyphen compounds, sentences and quoted stretches."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..doctext import text_of
from .text import fold

_SENTENCE_ENDS = frozenset({".", "!", "?", "…", "...", "?!"})
_OPENING = {"«": "»", "“": "”", "„": "“"}
_STRAIGHT = '"'


def is_capitalised(token: Token) -> bool:
    """Starts with an upper-case letter ("Gallant", "É", "KAN")."""
    text = token.text
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text)


def word(token: Token) -> str:
    """The folded text of one token."""
    return fold(token.text)


def joined(doc: Doc, i: int) -> int:
    """End (exclusive) of the hyphen compound starting at token i: 'état - major' is one word."""
    j = i + 1
    while (
        j + 1 < len(doc)
        and doc[j].text in {"-", "‑", "–"}
        and not doc[j - 1].whitespace_
        and not doc[j].whitespace_
    ):
        j += 2
    if j < len(doc) and doc[j - 1].text.endswith("-") and not doc[j - 1].whitespace_:
        j += 1  # tokens split as "état-" + "major"
    return j


@dataclass(frozen=True, slots=True)
class Layout:
    """Sentence starts (token indices) and quoted character stretches of one Doc."""

    sentence_starts: tuple[int, ...]
    quotes: tuple[tuple[int, int], ...]
    line_starts: tuple[int, ...]

    def sentence_of(self, i: int) -> int:
        """Index of the sentence holding token i."""
        return bisect.bisect_right(self.sentence_starts, i) - 1

    def sentence_span(self, n: int, doc_len: int) -> tuple[int, int]:
        """Token range [start, end) of sentence n."""
        start = self.sentence_starts[n]
        end = self.sentence_starts[n + 1] if n + 1 < len(self.sentence_starts) else doc_len
        return start, end

    def quoted(self, char: int) -> bool:
        """True when this character offset lies inside quotation marks."""
        k = bisect.bisect_right(self.quotes, (char, 1 << 62)) - 1
        return k >= 0 and self.quotes[k][0] <= char < self.quotes[k][1]


_LAYOUT_KEY = "veilleur.layout"


def layout(doc: Doc) -> Layout:
    """Split on sentence punctuation and line breaks (the parser's sentences are unreliable).

    Computed once per Doc and kept in its user data: pronoun resolution asks for it per call.
    """
    cached = doc.user_data.get(_LAYOUT_KEY)
    if isinstance(cached, Layout):
        return cached
    result = _layout(doc)
    doc.user_data[_LAYOUT_KEY] = result
    return result


def _layout(doc: Doc) -> Layout:
    starts = [0]
    lines = [0]
    quotes = _quote_spans(text_of(doc))
    inside = Layout((0,), quotes, (0,))
    for tok in doc:
        nxt = tok.i + 1
        if nxt >= len(doc):
            break
        if "\n" in tok.text or "\n" in tok.whitespace_:
            lines.append(nxt)
            if starts[-1] != nxt:
                starts.append(nxt)
        elif (
            tok.text in _SENTENCE_ENDS
            and is_capitalised_or_quote(doc[nxt])
            and starts[-1] != nxt
            and not inside.quoted(tok.idx)  # a quotation is part of its sentence
        ):
            starts.append(nxt)
    return Layout(tuple(starts), quotes, tuple(lines))


def is_capitalised_or_quote(token: Token) -> bool:
    """A token that may open a sentence."""
    return is_capitalised(token) or token.text in _OPENING or token.text == _STRAIGHT


def _quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans between quotation marks (« », “ ”, and paired straight quotes)."""
    spans: list[tuple[int, int]] = []
    closing: str | None = None
    start = 0
    for k, ch in enumerate(text):
        if closing is None:
            if ch in _OPENING:
                closing, start = _OPENING[ch], k
            elif ch == _STRAIGHT:
                closing, start = _STRAIGHT, k
        elif ch == closing:
            spans.append((start, k + 1))
            closing = None
        elif ch == "\n" and (closing == _STRAIGHT or text[k - 1 : k] == "\n"):
            closing = None  # an unbalanced mark: do not let it swallow the article
    return tuple(spans)
