"""Event and quotation extraction over spaCy's parse: triggers, arguments, status, quotes."""

from __future__ import annotations

from .lexicon import Lexicon, QuoteLexicon, load_lexicon, load_quote_lexicon

__all__ = ["Lexicon", "QuoteLexicon", "load_lexicon", "load_quote_lexicon"]
