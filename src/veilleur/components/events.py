"""PLOVER events: triggers from the lexicon, parties from the parse, status, date and place."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extraction.actors import INDEX_KEY
from ..extraction.builder import extract_events
from ..extraction.clauses import SENTENCES_KEY
from ..extraction.lexicon import load_lexicon
from ..extraction.stances import load_stance_words, stance_events
from ..extraction.triggers import build_matcher


class EventExtractor:
    """Set doc._.events: one Event per happening the article states (see veilleur.extraction)."""

    def __init__(self, nlp: Language, name: str, lang: str) -> None:
        self.name = name
        self.lexicon = load_lexicon(lang)
        self.matcher = build_matcher(nlp, self.lexicon)
        self.stances = load_stance_words(lang)

    def __call__(self, doc: Doc) -> Doc:
        events = extract_events(doc, self.matcher, self.lexicon)
        # quoted judgements no trigger told ("« X a trahi », a dit Y"): Y blames X
        events += stance_events(doc, doc._.quotes or [], events, self.stances)
        doc._.events = events
        for key in (SENTENCES_KEY, INDEX_KEY):  # caches the quotes stage shares, not results
            doc.user_data.pop(key, None)
        return doc


@Language.factory(
    "veilleur_events",
    default_config={"lang": "fr"},
    requires=["doc._.mentions", "doc._.timexes", "doc._.quotes"],
    assigns=["doc._.events"],
)
def make_event_extractor(nlp: Language, name: str, lang: str) -> EventExtractor:
    """Factory of the event component."""
    return EventExtractor(nlp, name, lang)
