"""Narrow the days the publication may be by what the text's own expressions allow.

An article known only to the month ("date 2024-07") that writes "ce mercredi" in a past
clause was written between that Wednesday and the Sunday after it: the anchor days on which
the expression cannot be read at all are left out before any other expression is resolved on
them ("mardi soir" is then the Tuesday before a Wednesday of July, within July).
"""

from __future__ import annotations

from collections.abc import Sequence

from .grammar import Expression
from .interval import MAX_ANCHOR_DAYS, DayInterval
from .resolve import Tense, fits


def narrow_anchor(parsed: Sequence[tuple[Expression, Tense]], anchor: DayInterval) -> DayInterval:
    """The smallest interval of the anchor's days on which every expression can be read."""
    if anchor.first == anchor.last:
        return anchor
    if (anchor.last - anchor.first).days > MAX_ANCHOR_DAYS:
        return anchor
    days = anchor.days()
    for expr, tense in parsed:
        kept = [d for d in days if fits(expr, d, tense)]
        if kept:  # an expression no day fits dates something else: it narrows nothing
            days = kept
    return DayInterval(days[0], days[-1])
