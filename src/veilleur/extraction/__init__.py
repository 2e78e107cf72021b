"""Event and quotation extraction over spaCy's parse.

Modules, in the order the components use them:
    lexicon      triggers.yaml / quote_verbs.yaml schemas and loaders
    actors       actor_for(doc, token_or_span): linked mentions, then entities and demonyms
    clauses      sentence and clause bounds, noun-phrase actors, zones of a clause
    triggers     precompiled Matcher over trigger lemmas, entry requirements
    parties      the Frame record, dependents by relation and preposition
    subjects     who does what a verb says (subject, inverted subject, incise)
    nominal      parties of nominal events ("la visite de X", "l'assassinat de X par Y")
    frames       source / target / place of verb and noun triggers
    status       occurred / planned / reported, negated and hypothetical triggers dropped
    gates        which trigger hits make events (quotations, licensing, receptions)
    places       the place that qualifies an event in its clause
    carry        places for events whose clause names none (where their people met)
    merging      one event per happening (repeats, a trip and its stops told once)
    builder      extract_events: hits -> frames -> Event records
    spans        quoted spans (all marks, nesting, unclosed, continued paragraphs)
    phrases      who a speaker phrase designates (name, pronoun, function, body, document)
    speakers     speaker phrases without a name, with the words of quote_speakers.yaml
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
