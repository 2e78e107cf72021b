"""The anchor component: date an undated article from the dated events it recalls, re-date.

Runs after veilleur_events. When the article gives no publication date, its references to the
calendar (veilleur.temporal.references) and the titles of its office holders constrain the day
of writing; the date inferred (published_from 'inferred', at the precision of the days left) is
then the anchor of every timex and event date, exactly as a header date of that precision.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from ..doctext import drop_caches
from ..extraction.lexicon import load_lexicon as load_triggers
from ..kb import KnowledgeBase
from ..records import Event, PartialDate
from ..temporal import (
    ANCHOR_KEY,
    SCENE_KEY,
    DayInterval,
    build_timexes,
    event_date,
    grammar_for,
    load_lexicon,
    narrow_anchor,
    scene_of,
)
from ..temporal.anchoring import Inferred, infer, link_constraints, term_constraints
from ..temporal.calendar import (
    Calendar,
    CalendarEntry,
    approximate_days,
    handover_entries,
    load_calendar,
)
from ..temporal.inference import Constraint, DaySet
from ..temporal.published import REPORTING_DAYS
from ..temporal.references import NounTrigger, ReferenceFinder, trigger_token
from .dates import ALTERNATIVES_KEY, parsed_expressions


class AnchorComponent:
    """Infer doc._.published when the article states none, and re-date timexes and events."""

    def __init__(
        self,
        *,
        lang: str,
        kb_paths: tuple[str, ...] = (),
        calendar_paths: tuple[str, ...] = (),
        extra: tuple[CalendarEntry, ...] = (),
        today: dt.date | None = None,
    ) -> None:
        self.today = today
        self.grammar = grammar_for(lang)
        self.lexicon = load_lexicon(lang)
        self.future_lemmas = frozenset(w.lower() for w in self.lexicon.future_lemmas)
        kb = KnowledgeBase.load(extra_paths=kb_paths)
        handovers = handover_entries(kb, approximate=approximate_days())
        calendar = load_calendar(calendar_paths).with_entries((*handovers, *extra))
        self.calendar: Calendar = calendar
        self.kb = kb
        nouns = [
            NounTrigger(lemma, t.type)
            for t in load_triggers(lang).triggers
            if t.pos == "noun"
            for lemma in t.lemmas
        ]
        self.finder = ReferenceFinder(
            calendar=calendar,
            kb=kb,
            grammar=self.grammar,
            nouns=nouns,
            handover_words=self.lexicon.handover_words,
            future_lemmas=self.future_lemmas,
            since_words=self.lexicon.since_words,
        )

    def __call__(self, doc: Doc) -> Doc:
        """Set doc._.published (inferred) and re-date doc._.timexes and doc._.events."""
        try:
            return self._anchor(doc)
        finally:
            drop_caches(doc)  # the caches of every stage: nothing downstream reads them

    def _anchor(self, doc: Doc) -> Doc:
        if doc._.published is not None:
            # A stated date is never second-guessed, but a year a weekday chose is a guess.
            return self._choose_year(doc)
        inferred = self._infer(doc)
        if inferred.published is None:
            return self._choose_year(doc)
        parsed = parsed_expressions(doc, self.grammar, future_lemmas=self.future_lemmas)
        interval = narrow_anchor(parsed, DayInterval.of(inferred.published))
        doc._.published = inferred.published
        doc._.published_from = "inferred"
        doc.user_data[ANCHOR_KEY] = (interval.first.isoformat(), interval.last.isoformat())
        doc._.timexes = build_timexes(parsed, anchor=interval)
        doc._.events = [self._redate(doc, e) for e in doc._.events or []]
        return doc

    def _infer(self, doc: Doc, *extra: Constraint) -> Inferred:
        """The publication the article's references to dated events and office holders allow."""
        refs = self.finder.find(doc)
        constraints = [
            *extra,
            *link_constraints(
                doc,
                refs,
                grammar=self.grammar,
                lexicon=self.lexicon,
                future_lemmas=self.future_lemmas,
            ),
            *term_constraints(self.kb, list(doc._.mentions or [])),
        ]
        return infer(
            refs, constraints, recent=self.calendar.recent_days, today=self.today or dt.date.today()
        )

    def _choose_year(self, doc: Doc) -> Doc:
        """Re-date an article whose scene day's year only a weekday fixed ("dimanche 5
        janvier": 2025 or 2020) when what it recalls rules the chosen year out; date an
        undated one from its latest day and month ("le 16 mars") in the one year it allows."""
        others = doc.user_data.get(ALTERNATIVES_KEY)
        scene = scene_of(doc)
        if not others:
            return doc
        days = [*([scene] if scene is not None else []), *map(dt.date.fromisoformat, others)]
        windows = {d: DayInterval(d, d + dt.timedelta(days=REPORTING_DAYS)) for d in days}
        stated = Constraint(DaySet.of(windows.values()), "hard", "weekday and date")
        solved = self._infer(doc, stated).days
        hull = solved.hull() if solved is not None else None
        if hull is None:
            return doc
        fitting = [d for d, w in windows.items() if w.first <= hull.first and hull.last <= w.last]
        if len(fitting) != 1 or fitting[0] == scene:
            return doc
        day = fitting[0]
        parsed = parsed_expressions(doc, self.grammar, future_lemmas=self.future_lemmas)
        interval = narrow_anchor(parsed, windows[day])
        if scene is None:
            # Only a day and a month were written ("le 16 mars"): the writing is known to the
            # days after it, the year from what the article recalls.
            doc._.published = windows[day].to_partial()
            doc._.published_from = "inferred"
        else:
            doc._.published = PartialDate.of(day)
        doc.user_data[ANCHOR_KEY] = (interval.first.isoformat(), interval.last.isoformat())
        doc.user_data[SCENE_KEY] = day.isoformat()
        doc._.timexes = build_timexes(parsed, anchor=interval, scene=day)
        doc._.events = [self._redate(doc, e) for e in doc._.events or []]
        return doc

    def _redate(self, doc: Doc, event: Event) -> Event:
        """The event dated again against the inferred publication date."""
        token = trigger_token(doc, event)
        if token is None:
            return event
        value, source = event_date(doc, token, future=event.status == "planned")
        if value is None and event.date is not None:
            return event  # a date the text stated on its own stands
        return dataclasses.replace(event, date=value, date_from=source)


@Language.factory(
    "veilleur_anchor",
    requires=["doc._.events", "doc._.mentions", "doc._.timexes"],
    assigns=["doc._.published", "doc._.published_from", "doc._.timexes", "doc._.events"],
    default_config={"lang": "fr", "kb_paths": [], "calendar_paths": [], "today": None},
)
def make_anchor(
    nlp: Language,
    name: str,
    lang: str,
    kb_paths: list[str],
    calendar_paths: list[str],
    today: str | None,
) -> AnchorComponent:
    """Build the anchor component; `calendar_paths` are user calendar files (YAML)."""
    return AnchorComponent(
        lang=lang,
        kb_paths=tuple(kb_paths),
        calendar_paths=tuple(calendar_paths),
        today=dt.date.fromisoformat(today) if today else None,
    )
