"""Event and quotation extraction over spaCy's parse.

Modules, in the order the components use them:
    lexicon      triggers.yaml / quote_verbs.yaml schemas and loaders
    actors       actor_for(doc, token_or_span): linked mentions, then entities and demonyms
    clauses      sentence and clause bounds, noun-phrase actors, zones of a clause
    triggers     precompiled Matcher over trigger lemmas, entry requirements
    frames       source / target / place of verb and noun triggers
    status       occurred / planned / reported, negated and hypothetical triggers dropped
    places       the place an event's clause names, carried to later events of its parties
    builder      extract_events: frames -> Event records, de-duplicated
    spans        quoted spans (all marks, nesting, unclosed, continued paragraphs)
    attribution  extract_quotes: speakers from cues after / before, selon, continuation
"""

from __future__ import annotations

from .actors import actor_for
from .attribution import extract_quotes
from .builder import extract_events
from .lexicon import Lexicon, QuoteLexicon, load_lexicon, load_quote_lexicon

__all__ = [
    "Lexicon",
    "QuoteLexicon",
    "actor_for",
    "extract_events",
    "extract_quotes",
    "load_lexicon",
    "load_quote_lexicon",
]
