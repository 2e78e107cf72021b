"""The dates component: temporal expressions with calendar values, and the publication date."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from ..doctext import cache_key, text_of
from ..temporal import (
    ANCHOR_KEY,
    SCENE_KEY,
    Expression,
    Grammar,
    Tense,
    build_timexes,
    clause_tense,
    estimate_published,
    grammar_for,
    is_recalled,
    load_lexicon,
    narrow_anchor,
)

# Key of Doc.user_data where the other days the text's scene day may be wait for
# veilleur_anchor (ISO strings), which chooses among them by the events the article recalls.
ALTERNATIVES_KEY = cache_key("alternatives")
# Key of Doc.user_data where the expressions parsed here wait for veilleur_anchor, which
# re-reads them when it dates an undated article; it removes them (a cache, not a result).
PARSED_KEY = cache_key("parsed")


class DatesComponent:
    """Find temporal expressions, date the article, resolve every expression on that date."""

    def __init__(self, *, lang: str, today: dt.date | None = None) -> None:
        self.today = today
        self.grammar = grammar_for(lang)
        self.lexicon = load_lexicon(lang)
        self.future_lemmas = frozenset(w.lower() for w in self.lexicon.future_lemmas)

    def __call__(self, doc: Doc) -> Doc:
        """Set doc._.timexes, doc._.published and doc._.published_from."""
        article = doc._.article
        parsed = self._parse(doc)
        doc.user_data[PARSED_KEY] = parsed
        anchor = estimate_published(
            text_of(doc),
            parsed,
            published=article.published if article else None,
            published_from=article.published_from if article else None,
            lexicon=self.lexicon,
            # The clock only bounds the year a weekday-and-date can fall in; relative
            # expressions are never anchored on it.
            today=self.today or dt.date.today(),
            recalled=recalled_starts(doc, parsed),
        )
        doc._.published = anchor.published
        doc._.published_from = anchor.published_from
        # "ce mercredi" narrows a month-precise publication to the days it can be read on.
        interval = narrow_anchor(parsed, anchor.interval) if anchor.interval else None
        if interval is not None:
            doc.user_data[ANCHOR_KEY] = (interval.first.isoformat(), interval.last.isoformat())
        if anchor.alternatives:
            doc.user_data[ALTERNATIVES_KEY] = [d.isoformat() for d in anchor.alternatives]
        if anchor.scene is not None:
            doc.user_data[SCENE_KEY] = anchor.scene.isoformat()
        doc._.timexes = build_timexes(parsed, anchor=interval, scene=anchor.scene)
        return doc

    def _parse(self, doc: Doc) -> list[tuple[Expression, Tense]]:
        """The expressions of the text, each with the tense of the clause it sits in."""
        return parse_expressions(doc, self.grammar, future_lemmas=self.future_lemmas)


def parsed_expressions(
    doc: Doc, grammar: Grammar, *, future_lemmas: frozenset[str]
) -> list[tuple[Expression, Tense]]:
    """The expressions veilleur_dates parsed on this Doc, parsed again only when it did not."""
    cached = doc.user_data.get(PARSED_KEY)
    if isinstance(cached, list):
        return cached
    return parse_expressions(doc, grammar, future_lemmas=future_lemmas)


def recalled_starts(doc: Doc, parsed: list[tuple[Expression, Tense]]) -> frozenset[int]:
    """Start offsets of past expressions in a pluperfect clause: recalled background."""
    if not doc.has_annotation("DEP") or not doc.has_annotation("MORPH"):
        return frozenset()
    starts = set()
    for expr, tense in parsed:
        if tense != "past":
            continue
        span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
        if span is not None and is_recalled(span.root):
            starts.add(expr.start)
    return frozenset(starts)


def parse_expressions(
    doc: Doc, grammar: Grammar, *, future_lemmas: frozenset[str]
) -> list[tuple[Expression, Tense]]:
    """The expressions of the text, each with the tense of the clause it sits in."""
    parsed = doc.has_annotation("DEP") and doc.has_annotation("MORPH")
    result: list[tuple[Expression, Tense]] = []
    for expr in grammar.find(text_of(doc)):
        tense: Tense = "unknown"
        if parsed:
            span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
            if span is not None:
                tense = clause_tense(span.root, future_lemmas=future_lemmas)
        result.append((expr, tense))
    return result


@Language.factory(
    "veilleur_dates",
    requires=["doc._.article"],
    assigns=["doc._.timexes", "doc._.published", "doc._.published_from"],
    default_config={"lang": "fr", "today": None},
)
def make_dates(nlp: Language, name: str, lang: str, today: str | None) -> DatesComponent:
    """Build the dates component; `today` (ISO) bounds year estimates, default the clock."""
    return DatesComponent(lang=lang, today=dt.date.fromisoformat(today) if today else None)
