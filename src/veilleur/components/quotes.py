"""Quotations and their speakers (see veilleur.extraction.attribution)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extraction.attribution import extract_quotes
from ..extraction.lexicon import load_quote_lexicon
from ..extraction.speakers import load_speaker_lexicon


class QuoteExtractor:
    """Set doc._.quotes: quoted words of three or more, each with the speaker the text gives."""

    def __init__(self, nlp: Language, name: str, lang: str) -> None:
        self.name = name
        self.lexicon = load_quote_lexicon(lang)
        self.speakers = load_speaker_lexicon(lang)

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = extract_quotes(doc, self.lexicon, speakers=self.speakers)
        return doc


@Language.factory(
    "veilleur_quotes",
    default_config={"lang": "fr"},
    requires=["doc._.mentions"],
    assigns=["doc._.quotes"],
)
def make_quote_extractor(nlp: Language, name: str, lang: str) -> QuoteExtractor:
    """Factory of the quotation component."""
    return QuoteExtractor(nlp, name, lang)
