"""Build the spaCy pipeline and stream articles through it: `analyse(articles) -> records`.

Stages, in order:
    1. read       str / Article -> Article (veilleur.readers)
    2. make_doc   Article.content (regions blanked, offsets kept) -> Doc with doc._.article
    3. nlp.pipe   fr_core_news_md, then the veilleur components (see veilleur.components)
    4. record     Doc -> ArticleRecord (veilleur.record)
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, partial

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .components import register_extensions
from .parallel import can_fork, in_workers
from .readers import from_text
from .record import build_record
from .records import Article, ArticleRecord

MODEL = "fr_core_news_md"
COMPONENTS: tuple[str, ...] = (
    "veilleur_dates",
    "veilleur_actors",
    "veilleur_quotes",
    "veilleur_events",
    "veilleur_anchor",
)


@dataclass(frozen=True, slots=True)
class Options:
    """How to run the analysis; one object travels through the API, the CLI and benchmarks."""

    model: str = MODEL
    batch_size: int = 16
    n_process: int = 1
    kb_paths: tuple[str, ...] = ()
    calendar_paths: tuple[str, ...] = ()


def _import_components() -> None:
    """Import component modules so that their factories are registered with spaCy."""
    from .components import actors, anchor, dates, events, paragraphs, quotes  # noqa: F401


def build_nlp(options: Options | None = None) -> Language:
    """Load the spaCy model and add veilleur's components after it."""
    options = options or Options()
    register_extensions()
    _import_components()
    nlp = spacy.load(options.model)
    nlp.add_pipe("veilleur_paragraphs", before="parser")
    for name in COMPONENTS:
        config: dict[str, object] = {}
        if name in ("veilleur_actors", "veilleur_anchor"):
            config["kb_paths"] = list(options.kb_paths)
        if name == "veilleur_anchor":
            config["calendar_paths"] = list(options.calendar_paths)
        nlp.add_pipe(name, config=config)
    _preload()
    # Half a million long-lived objects (vocabulary, KB, lexicons) that every full garbage
    # collection would walk again, each few hundred articles: out of its sight from now on.
    gc.collect()
    gc.freeze()
    return nlp


def _preload() -> None:
    """Read now the data files the stages would otherwise open on their first article.

    The cost then falls on loading the pipeline, once, and not on the first articles of each
    `nlp.pipe` worker (forked after the pipeline is built) or of a throughput measure.
    """
    from . import geo
    from .extraction.placewords import load_place_words

    load_place_words()
    geo.place_level("")  # reads kb/data/places.yaml and indexes it under the KB's keys


@cache
def _shared_nlp(options: Options) -> Language:
    return build_nlp(options)


def get_nlp(options: Options | None = None) -> Language:
    """The pipeline for `options`, loaded once per process."""
    return _shared_nlp(options or Options())


def _as_article(item: str | Article) -> Article:
    return item if isinstance(item, Article) else from_text(item)


def _docs(nlp: Language, articles: Iterable[Article]) -> Iterator[Doc]:
    for article in articles:
        doc = nlp.make_doc(article.content)
        doc._.article = article
        yield doc


def analyse(
    items: Iterable[str | Article],
    *,
    options: Options | None = None,
    nlp: Language | None = None,
) -> Iterator[ArticleRecord]:
    """Analyse texts or Articles and yield one ArticleRecord each, in input order."""
    options = options or Options()
    nlp = nlp or get_nlp(options)
    articles = (_as_article(item) for item in items)
    if options.n_process > 1 and can_fork():
        # the workers send back records, not Docs packed to bytes (see veilleur.parallel)
        run = partial(_records, nlp, replace(options, n_process=1))
        yield from in_workers(
            run, articles, n_process=options.n_process, batch_size=options.batch_size
        )
        return
    for doc in nlp.pipe(
        _docs(nlp, articles), batch_size=options.batch_size, n_process=options.n_process
    ):
        yield build_record(doc)


def _records(nlp: Language, options: Options, articles: list[Article]) -> list[ArticleRecord]:
    """The records of one batch, analysed in this process."""
    return list(analyse(articles, options=options, nlp=nlp))
