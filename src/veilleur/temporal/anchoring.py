"""From an article's references to the constraints on its publication day, and the inferred date.

Stages:
    references  ReferenceFinder.find(doc) -> Reference (veilleur.temporal.references)
    reference   each Reference -> one Constraint (its alternatives joined)
    links       'deux jours après <event>' in a present clause: P is that event's day + 2
    terms       a titled office holder: P within the holder's terms of that office
    solve       intersect (veilleur.temporal.inference) -> published at its precision
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from ..doctext import text_of
from ..kb import KnowledgeBase
from ..records import Mention, PartialDate
from .grammar import Grammar, alternation
from .inference import (
    Constraint,
    DaySet,
    expression_days,
    published_of,
    recent_days,
    solve,
)
from .interval import DayInterval
from .lexicon import TimeData
from .references import Reference
from .tense import clause_tense

# 'deux semaines après': a week is seven days, give or take this many.
_WEEK_SLACK = 3


@dataclass(frozen=True, slots=True)
class Inferred:
    """The inferred publication date, the days it may be, and the constraints behind it."""

    published: PartialDate | None
    days: DaySet | None
    constraints: tuple[Constraint, ...]


def _entry_interval(ref: Reference) -> list[DayInterval]:
    return [DayInterval(e.first, e.last) for e in ref.entries]


def reference_constraint(
    ref: Reference, *, recent: int, today: dt.date | None = None
) -> Constraint | None:
    """The days P may be for one reference (any of its alternatives)."""
    targets = _entry_interval(ref)
    why = f"{ref.how} {'|'.join(e.id for e in ref.entries)}"
    if ref.expression is not None:
        sets = [
            expression_days(ref.expression, tense=ref.tense, target=t, today=today) for t in targets
        ]
        days = DaySet.of(i for s in sets for i in s.intervals)
        if days.empty:
            return None  # no day fits: the expression dates something else than the entry
        return Constraint(days, "hard", f"{why} '{ref.expression.text}'")
    if ref.tense == "future":
        return Constraint(DaySet.until(max(t.last for t in targets)), "bound", why)
    landmark = any(e.kind == "landmark" for e in ref.entries)
    if ref.how == "name" or landmark or ref.recalled:
        return Constraint(DaySet.since(min(t.first for t in targets)), "bound", why)
    days = DaySet.of(i for t in targets for i in recent_days(t, days=recent).intervals)
    return Constraint(days, "soft", why)


@cache
def _link_pattern(
    numbers: tuple[str, ...], units: tuple[str, ...], links: tuple[str, ...]
) -> re.Pattern[str]:
    """'N jours après': compiled once per language's words, not per article."""
    number = f"(?P<number>{alternation(numbers)}|[0-9]{{1,3}})"
    unit = f"(?P<unit>{alternation(units)})"
    link = f"(?P<link>{alternation(links)})"
    return re.compile(rf"(?<!\w){number}\s+{unit}\s+{link}(?!\w)", re.IGNORECASE)


def link_constraints(
    doc: Doc,
    refs: Sequence[Reference],
    *,
    grammar: Grammar,
    lexicon: TimeData,
    future_lemmas: frozenset[str],
) -> list[Constraint]:
    """'N jours après <event>' in a present-tense clause: P is the event's day moved by N."""
    if not lexicon.event_links:
        return []
    pattern = _link_pattern(
        tuple(lexicon.numbers), tuple(lexicon.units), tuple(lexicon.event_links)
    )
    numbers = grammar.numbers
    units = grammar.units
    links = {k.lower(): v for k, v in lexicon.event_links.items()}
    out: list[Constraint] = []
    for match in pattern.finditer(text_of(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        if clause_tense(span.root, future_lemmas=future_lemmas) != "present":
            continue  # a past clause dates its own event, not the writing
        sent = span.sent
        later = [
            r for r in refs
            if match.end() <= r.start < sent.end_char and r.how in ("event", "nominal")
        ]  # fmt: skip
        raw = match.group("number").lower()
        count = numbers.get(" ".join(raw.split()), (0, 0))[0] if not raw.isdigit() else int(raw)
        unit_name = units.get(" ".join(match.group("unit").lower().split()))
        if not later or count <= 0 or unit_name not in ("day", "week"):
            continue
        direction = links.get(match.group("link").lower(), 1)
        days = count * (7 if unit_name == "week" else 1) * direction
        slack = _WEEK_SLACK if unit_name == "week" else 0
        shifted = [
            DayInterval(
                e.first + dt.timedelta(days=days - slack), e.last + dt.timedelta(days=days + slack)
            )
            for e in later[0].entries
        ]
        out.append(Constraint(DaySet.of(shifted), "hard", f"link '{match.group(0)}'"))
    return out


def term_constraints(kb: KnowledgeBase, mentions: Sequence[Mention]) -> list[Constraint]:
    """A person written with a title holds that office on the day of writing."""
    out: list[Constraint] = []
    seen: set[tuple[str, str]] = set()
    named = {m.actor_id for m in mentions if m.how not in ("title", "coref")}
    for m in mentions:
        if m.kind != "person" or not m.role or m.actor_id.startswith("new:"):
            continue
        if m.how == "title" and m.actor_id not in named:
            continue  # a bare title's holder was chosen by the linker, not told by the text
        if (m.actor_id, m.role) in seen:
            continue
        seen.add((m.actor_id, m.role))
        actor = kb.get(m.actor_id)
        title = kb.parse_title(m.role)
        if actor is None or title is None or title.former or title.future:
            continue
        terms = [
            DayInterval(o.start, o.end or dt.date(2999, 12, 31))
            for o in actor.offices
            if o.role == title.role
            and o.start is not None
            and (title.country is None or o.country in (None, title.country))
        ]
        if terms:
            out.append(Constraint(DaySet.of(terms), "bound", f"term {m.actor_id} {title.role}"))
    return out


def infer(
    refs: Sequence[Reference],
    extra: Sequence[Constraint] = (),
    *,
    recent: int,
    today: dt.date | None = None,
) -> Inferred:
    """The publication date the references and extra constraints allow."""
    constraints = [
        c
        for c in (reference_constraint(r, recent=recent, today=today) for r in refs)
        if c is not None
    ]
    constraints.extend(extra)
    days = solve(constraints)
    return Inferred(published_of(days), days, tuple(constraints))
