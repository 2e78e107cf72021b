"""Build the spaCy pipeline and stream articles through it: `analyse(articles) -> records`.

Stages, in order:
    1. read       str / Article -> Article (veilleur.readers)
    2. make_doc   Article.content (regions blanked, offsets kept) -> Doc with doc._.article
    3. nlp.pipe   fr_core_news_md, then the veilleur components (see veilleur.components)
    4. record     Doc -> ArticleRecord (veilleur.record)
"""

from __future__ import annotations

import gc
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, partial

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import raise_error

from .components import register_extensions
from .errors import Errors, InputError
from .parallel import can_fork, in_workers
from .readers import from_text
from .record import build_record
from .records import Article, ArticleRecord

_log = logging.getLogger("veilleur")
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
    # collection would walk again (when records pile up, as in evaluation): out of its sight.
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
    geo.preload()


@cache
def _shared_nlp(options: Options) -> Language:
    return build_nlp(options)


def get_nlp(options: Options | None = None) -> Language:
    """The pipeline for `options`, loaded once per process."""
    return _shared_nlp(options or Options())


def _as_article(item: str | Article) -> Article:
    return item if isinstance(item, Article) else from_text(item)


def _docs(nlp: Language, articles: Iterable[Article], sent: deque[Article]) -> Iterator[Doc]:
    for article in articles:
        doc = nlp.make_doc(article.content)
        doc._.article = article
        sent.append(article)
        yield doc


def _reason(exc: BaseException) -> str:
    return " ".join(f"{type(exc).__name__}: {exc}".split())[:300]


@dataclass
class _DropFailed:
    """spaCy's error handler for a run that goes on: a Doc a component raises on is dropped
    (spaCy then yields the others) and its reason kept by article; a worker process, whose
    reasons the parent cannot read, logs them instead."""

    reasons: dict[str, str] = field(default_factory=dict)
    pid: int = field(default_factory=os.getpid)

    def __call__(self, name: str | None, proc: object, docs: list[Doc], e: Exception) -> None:
        worker = os.getpid() != self.pid
        for doc in docs or ():
            article = doc._.article
            reason = f"in {name or 'a worker process'}: {_reason(e)}"
            if isinstance(article, Article):
                self.reasons[article.id] = reason
                if worker:
                    _log.error("%s: analysis failed %s", article.origin, reason)
        if not docs:  # a worker process lost its batch: spaCy gives only the traceback
            _log.error("analysis failed in a worker process: %s", _reason(e))


def analyse(
    items: Iterable[str | Article],
    *,
    options: Options | None = None,
    nlp: Language | None = None,
    on_error: Callable[[InputError], None] | None = None,
) -> Iterator[ArticleRecord]:
    """Analyse texts or Articles and yield one ArticleRecord each, in input order.

    An article the pipeline fails on raises, or, with `on_error`, is reported to it as an
    E015 InputError naming the article, and the run goes on with the others.
    """
    options = options or Options()
    nlp = nlp or get_nlp(options)
    articles = (_as_article(item) for item in items)
    if options.n_process > 1 and can_fork():
        # the workers send back records, not Docs packed to bytes (see veilleur.parallel)
        run = partial(_records, nlp, replace(options, n_process=1), on_error is not None)
        for result in in_workers(
            run, articles, n_process=options.n_process, batch_size=options.batch_size
        ):
            if isinstance(result, ArticleRecord):
                yield result
            elif on_error is not None:
                on_error(InputError(result[0], path=result[1]))
        return
    sent: deque[Article] = deque()  # articles given to spaCy and not yet yielded back
    handler = _DropFailed() if on_error is not None else None
    # The handler spaCy gives components without a .pipe (veilleur's own, the likely place
    # for an article to trip on); nlp.set_error_handler would also reach the trained pipes,
    # but fails on the parser in spaCy 3.8.
    nlp.default_error_handler = handler or raise_error
    for doc in nlp.pipe(
        _docs(nlp, articles, sent), batch_size=options.batch_size, n_process=options.n_process
    ):
        done: Article = doc._.article
        while sent and sent[0].id != done.id:
            _failed(sent.popleft(), handler, on_error)
        if sent:
            sent.popleft()
        yield build_record(doc)
    while sent:
        _failed(sent.popleft(), handler, on_error)


def _failed(
    article: Article, handler: _DropFailed | None, on_error: Callable[[InputError], None] | None
) -> None:
    """Report an article spaCy dropped because a component raised on it."""
    if handler is None or on_error is None:
        return
    reason = handler.reasons.pop(article.id, "in a worker process; see the log above")
    path = str(article.origin)
    on_error(InputError(Errors.E015.format(path=path, reason=reason), path=path))


def _records(
    nlp: Language, options: Options, go_on: bool, articles: list[Article]
) -> list[ArticleRecord | tuple[str, str]]:
    """The records of one batch analysed in this process, and (message, path) of each failure
    when the run goes on past them (the parent reports them)."""
    failures: list[InputError] = []
    records = list(
        analyse(articles, options=options, nlp=nlp, on_error=failures.append if go_on else None)
    )
    done: list[ArticleRecord | tuple[str, str]] = list(records)
    done += [(str(f), f.path) for f in failures]
    return done
