"""Temporal expressions: find them, resolve them to calendar days, date events and articles.

Stages, all pure functions over text except where the grammar needs the parse:
    grammar     text -> Expression (patterns compiled from lang/<lang>/time.yaml)
    tense       Token -> the tense of its clause (morphology of the governing verb)
    published   Expressions -> the publication date and the anchor interval
    narrowing   'ce mercredi' -> the anchor days it can be written on
    resolve     Expression + anchor interval -> DayInterval (joined over the anchor's days)
    timexes     Expressions -> Timex records (value at the finest agreed precision)
    governing   event_date(doc, trigger, future=...) for the events component
"""

from __future__ import annotations

from .governing import ANCHOR_KEY, SCENE_KEY, anchor_of, event_date, scene_of
from .grammar import Expression, Grammar, grammar_for
from .interval import DayInterval
from .lexicon import TimeData, load_lexicon
from .narrowing import narrow_anchor
from .published import Anchor, estimate_published, stated_day
from .resolve import Tense, resolve
from .tense import clause_tense, is_recalled
from .timexes import build_timexes

__all__ = [
    "ANCHOR_KEY",
    "SCENE_KEY",
    "Anchor",
    "DayInterval",
    "Expression",
    "Grammar",
    "Tense",
    "TimeData",
    "anchor_of",
    "build_timexes",
    "clause_tense",
    "estimate_published",
    "event_date",
    "grammar_for",
    "is_recalled",
    "load_lexicon",
    "narrow_anchor",
    "resolve",
    "scene_of",
    "stated_day",
]
