"""Quoted spans of a text and the evidence sentence of a token."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..doctext import text_of
from .clauses import sentence
from .lexicon import QuoteLexicon

_WORD = re.compile(r"\w+(?:['’-]\w+)*")
# how many paragraphs a quotation may run on without an opening mark before its closing one
_CONTINUED_PARAGRAPHS = 3
# a full stop ends a sentence unless it closes an initial ("M. Zelensky")
_NEW_SENTENCE = re.compile(r"(?:(?<!\b[A-Z])[.!?]|\n)[^\w]*\w")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Quoted text: `start`/`end` bound the words, `open_at`/`close_at` the marks."""

    start: int
    end: int
    open_at: int
    close_at: int  # index just past the closing mark, or the paragraph end when it is missing
    closed: bool


def word_count(text: str) -> int:
    """Number of words in `text`."""
    return len(_WORD.findall(text))


def _is_opening_straight(text: str, i: int) -> bool:
    # a straight quote opens when it follows a space, a bracket or an elided article ("qu'")
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalnum() and not after.isspace()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quotes(text: str, lexicon: QuoteLexicon) -> list[QuoteSpan]:
    """Every outermost quotation in `text`, nested marks kept inside; unclosed ones end with
    their paragraph, and a paragraph that reopens an unclosed quote continues it."""
    closers = {m.open: m.close for m in lexicon.marks}
    spans: list[QuoteSpan] = []
    stack: list[str] = []  # expected closing marks, outermost first
    open_at = 0
    marks = _marks_pattern(tuple(sorted(closers.items())))
    i = 0
    while i < len(text):
        found = marks.search(text, i)  # only marks and line breaks change the state
        if found is None:
            break
        i = found.start()
        char = text[i]
        if not stack:
            if char in closers and (char != closers[char] or _is_opening_straight(text, i)):
                stack.append(closers[char])
                open_at = i
        elif char == stack[-1]:
            stack.pop()
            if not stack:
                spans.append(_span(text, open_at, i, i + 1, closed=True))
        elif char in closers and (char != closers[char] or _is_opening_straight(text, i)):
            stack.append(closers[char])
        elif char == "\n" and not _closed_later(text, i, stack, closers):
            stack.clear()
            spans.append(_span(text, open_at, i, i, closed=False))
        i += 1
    if stack:
        spans.append(_span(text, open_at, len(text), len(text), closed=False))
    return _join_continued(text, spans)


@lru_cache(maxsize=16)
def _marks_pattern(closers: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """Any opening or closing mark, or a line break: the characters find_quotes acts on."""
    chars = {"\n"} | {c for pair in closers for c in pair}
    return re.compile("|".join(re.escape(c) for c in sorted(chars)))


def _closed_later(text: str, i: int, stack: list[str], closers: dict[str, str]) -> bool:
    """True when the next paragraphs close the open quotation before opening another: words
    quoted over several paragraphs, the later ones without an opening mark."""
    close = stack[0]
    opening = next((o for o, c in closers.items() if c == close), close)
    if opening == close or len(stack) > 1:
        return False  # a straight mark cannot tell a closing from an opening one
    paragraphs = [p for p in text[i:].split("\n") if p.strip()][:_CONTINUED_PARAGRAPHS]
    following = "\n".join(paragraphs)
    closing = following.find(close)
    reopened = following.find(opening)
    return closing != -1 and (reopened == -1 or closing < reopened)


def _span(text: str, open_at: int, end: int, close_at: int, *, closed: bool) -> QuoteSpan:
    start, end = _trim(text, open_at + 1, end)
    return QuoteSpan(start, end, open_at, close_at, closed)


def _join_continued(text: str, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    joined: list[QuoteSpan] = []
    for span in spans:
        if (
            joined
            and not joined[-1].closed
            and not text[joined[-1].close_at : span.open_at].strip()
        ):
            prev = joined.pop()
            span = QuoteSpan(prev.start, span.end, prev.open_at, span.close_at, span.closed)
        joined.append(span)
    return joined


def adjacent(text: str, end: int, start: int) -> bool:
    """True when no new sentence of narration lies between offsets `end` and `start`."""
    return _NEW_SENTENCE.search(text[end:start]) is None


def inside(spans: list[QuoteSpan], offset: int) -> bool:
    """True when `offset` falls within one of `spans`."""
    return any(s.open_at <= offset < s.close_at for s in spans)


def evidence(doc: Doc, token: Token) -> tuple[int, int, str]:
    """The sentence of `token`, cut to its line: (start, end, text) in original offsets."""
    first, last = sentence(token)
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
    text = text_of(doc)
    line_start = text.rfind("\n", start, token.idx) + 1
    line_end = text.find("\n", token.idx, end)
    start = max(start, line_start)
    end = end if line_end == -1 else line_end
    start, end = _trim(text, start, end)
    return start, end, text[start:end]
