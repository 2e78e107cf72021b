"""Unnamed titles ("le ministre israélien de la Défense") resolved to a person.

A title designates the knowledge-base holder of its office at the article's date, or, when the
knowledge base cannot tell, the person of the article last given the same title.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc

from ..kb import Actor, KnowledgeBase
from .people import Period, Person
from .text import fold
from .titles import Title
from .tokens import Layout


@dataclass(frozen=True, slots=True)
class Resolved:
    """An unnamed title and what it designates: a person of the article, or a KB holder."""

    title: Title
    person: Person | None
    holder: Actor | None


def kb_holders(kb: KnowledgeBase, doc: Doc, title: Title, period: Period) -> list[Actor]:
    """KB people holding the office this title names during the article's period."""
    text = doc[title.start : title.end].text
    match = kb.parse_title(text)
    if match is None or match.rest:
        return []
    place = match.country or title.country
    if period.start is None:  # undated: anyone who held it, the current holder first
        now = kb.holders(match.role, place, None)
        ever = kb.holders(match.role, place, dt.date.min, until=dt.date.max)
        return now + [a for a in ever if a not in now]
    return kb.holders(match.role, place, period.start, until=period.end)


def resolve(
    kb: KnowledgeBase,
    doc: Doc,
    titles: list[Title],
    people: list[Person],
    period: Period,
    lay: Layout,
    max_back: int,
) -> list[Resolved]:
    """Resolve every unnamed office title of the Doc (those not attached to a name)."""
    by_actor = {p.actor.id: p for p in people if p.actor is not None}
    found: list[Resolved] = []
    for title in titles:
        if title.kind != "office" or not title.role:
            continue
        holders = kb_holders(kb, doc, title, period)
        named = [by_actor[h.id] for h in holders if h.id in by_actor]
        if named:
            found.append(Resolved(title, _nearest_before(named, title.start), None))
            continue
        dated = period.start is not None
        if holders and dated and (title.country is not None or len(holders) == 1):
            found.append(Resolved(title, None, holders[0]))
            continue
        person = _back_reference(doc, title, people, lay, max_back)
        if person is not None:
            found.append(Resolved(title, person, None))
    return found


def _nearest_before(people: list[Person], at: int) -> Person:
    """The person named last before token `at` (the first named after it if none is)."""

    def distance(person: Person) -> tuple[int, int]:
        before = [r.start for r in person.runs if r.start < at]
        return (0, at - max(before)) if before else (1, person.first)

    return min(people, key=distance)


def _back_reference(
    doc: Doc, title: Title, people: list[Person], lay: Layout, max_back: int
) -> Person | None:
    """The person last named before the title with the same head (and country when given)."""
    here = lay.sentence_of(title.start)
    best: tuple[int, Person] | None = None
    for person in people:
        heads = {fold(t.head) for t in person.titles() if t.kind == "office"}
        if fold(title.head) not in heads:
            continue
        known = person.actor.country if person.actor is not None else None
        if title.country is not None and known not in {None, title.country}:
            continue
        before = [r.start for r in person.runs if r.start < title.start]
        if not before or here - lay.sentence_of(max(before)) > max_back:
            continue
        if best is None or max(before) > best[0]:
            best = (max(before), person)
    return best[1] if best else None
