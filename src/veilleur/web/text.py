"""Article text cut into paragraphs and segments, with evidence and quotes marked by offsets."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

MarkKind = Literal["evidence", "quote"]


@dataclass(frozen=True, slots=True)
class Mark:
    """A stretch of the text to highlight: an event's evidence or a quotation."""

    start: int
    end: int
    kind: MarkKind
    ref: str
    label: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text under the same marks (none for plain text)."""

    start: int
    text: str
    marks: tuple[Mark, ...] = ()

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds of the marks over this run, each once, for CSS classes."""
        return tuple(sorted({m.kind for m in self.marks}))


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of the article, at its offsets, cut at every mark boundary."""

    start: int
    end: int
    segments: tuple[Segment, ...]

    @property
    def marked(self) -> bool:
        """True when some run of the paragraph is highlighted."""
        return any(s.marks for s in self.segments)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line of `text`, trimmed of surrounding spaces."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        stripped = line.strip()
        if stripped:
            left = start + (len(line) - len(line.lstrip()))
            spans.append((left, left + len(stripped)))
        start = end + 1
    return spans


def segments(text: str, start: int, end: int, marks: Iterable[Mark]) -> tuple[Segment, ...]:
    """`text[start:end]` cut at every boundary of the marks that overlap it."""
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted(
        {start, end, *(max(start, min(end, x)) for m in inside for x in (m.start, m.end))}
    )
    out: list[Segment] = []
    for left, right in itertools.pairwise(cuts):
        over = tuple(m for m in inside if m.start <= left and m.end >= right)
        out.append(Segment(left, text[left:right], over))
    return tuple(out)


def paragraphs(text: str, marks: Sequence[Mark] = ()) -> tuple[Paragraph, ...]:
    """Every non-blank paragraph of `text`, with the marks that fall in it."""
    return tuple(
        Paragraph(start, end, segments(text, start, end, marks))
        for start, end in paragraph_spans(text)
    )


def paragraph_around(text: str, mark: Mark) -> Paragraph:
    """The paragraph(s) holding `mark`, so a sentence is read in its context."""
    spans = [s for s in paragraph_spans(text) if s[0] < mark.end and s[1] > mark.start]
    if not spans:  # offsets past the text (a changed article): show the mark's bounds only
        start, end = max(0, min(mark.start, len(text))), max(0, min(mark.end, len(text)))
    else:
        start, end = spans[0][0], spans[-1][1]
    return Paragraph(start, end, segments(text, start, end, [mark]))
