"""veilleur's spaCy components and the Doc extension attributes they read and set.

The flow, in pipeline order (see ARCHITECTURE.md):
    fr_core_news_md (tok2vec, morphologizer, parser, ner, lemmatizer, ...)
    veilleur_dates   requires doc._.article          assigns doc._.timexes, doc._.published
    veilleur_actors  requires doc.ents               assigns doc._.mentions, doc._.people
    veilleur_quotes  requires doc._.mentions         assigns doc._.quotes
    veilleur_events  requires doc._.mentions/timexes assigns doc._.events
    veilleur_anchor  requires doc._.events           assigns doc._.published (inferred from
                     recalled dated events when the article states none), re-dates the rest
"""

from __future__ import annotations

from spacy.tokens import Doc

from .. import serialize

# Every extension veilleur sets on a Doc, with its default. A factory is registered on import
# of its module; `veilleur.pipeline` imports them all.
DOC_EXTENSIONS: dict[str, object] = {
    "article": None,  # veilleur.records.Article, set before the pipeline runs
    "published": None,  # PartialDate | None, the anchor of relative dates
    "published_from": None,  # PublishedFrom | None
    "timexes": None,  # list[Timex]
    "mentions": None,  # list[Mention]
    "people": None,  # list[PersonRecord]
    "quotes": None,  # list[Quote]
    "events": None,  # list[Event]
}


def register_extensions() -> None:
    """Declare the Doc extensions (idempotent) and let records cross process boundaries."""
    serialize.register()
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
