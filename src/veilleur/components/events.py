"""PLOVER events (placeholder): none yet."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component(
    "veilleur_events",
    requires=["doc._.mentions", "doc._.timexes"],
    assigns=["doc._.events"],
)
def events_component(doc: Doc) -> Doc:
    """No events are extracted yet."""
    doc._.events = []
    return doc
