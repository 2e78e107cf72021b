"""Unnamed titles ("le ministre israélien de la Défense") resolved to a person.

A title designates the knowledge-base holder of its office at the article's date, or, when the
knowledge base cannot tell, the person of the article last given the same title.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc

from ..kb import Actor, KnowledgeBase
from .grammar import Gender
from .people import Period, Person, gender
from .text import fold
from .titles import Title, TitleReader
from .tokens import Layout, words


@dataclass(frozen=True, slots=True)
class Resolved:
    """An unnamed title and what it designates: a person of the article, or a KB holder."""

    title: Title
    person: Person | None
    holder: Actor | None


@dataclass(frozen=True, slots=True)
class Office:
    """What a title says of its office: role, state, and whether a past or next holder."""

    role: str
    country: str | None
    former: bool
    future: bool


def read_office(kb: KnowledgeBase, doc: Doc, title: Title) -> Office | None:
    """The office a title names, read once; None when the KB cannot read all of it."""
    match = kb.parse_title(doc[title.start : title.end].text)
    if match is None or match.rest:
        return None
    # the role keeps the words before the head ("ancien", "futur") the title text starts after
    written = kb.parse_title(title.role) if title.role else None
    return Office(
        match.role,
        match.country or title.country,
        match.former or (written is not None and written.former),
        match.future or (written is not None and written.future),
    )


def kb_holders(kb: KnowledgeBase, office: Office | None, period: Period) -> list[Actor]:
    """KB people holding the office during the article's period.

    For a former holder ("l'ancien président"), everyone who held it: the article may name
    one of them, but the title alone designates none (see `resolve`).
    """
    if office is None:
        return []
    role, place = office.role, office.country
    if period.start is not None and not (office.former or office.future):
        return kb.holders(role, place, period.start, until=period.end)  # the usual case
    if office.future and period.start is not None:  # "le président élu": the next holder
        if place is None:
            return []  # of which state, the title alone does not say
        holder = kb.next_holder(role, place, period.start)
        return [holder] if holder is not None else []
    ever = kb.holders(role, place, dt.date.min, until=dt.date.max)
    if office.former or office.future:
        return ever
    # undated: anyone who held it, the current holder first
    now = kb.holders(role, place, None)
    return now + [a for a in ever if a not in now]


def resolve(
    kb: KnowledgeBase,
    doc: Doc,
    titles: list[Title],
    people: list[Person],
    period: Period,
    lay: Layout,
    max_back: int,
    words: dict[str, Gender],
    *,
    leader_titles: frozenset[str] = frozenset(),
) -> list[Resolved]:
    """Resolve every unnamed office title of the Doc (those not attached to a name)."""
    by_actor = {p.actor.id: p for p in people if p.actor is not None}
    found: list[Resolved] = []
    offices: list[Office | None] = []  # of the titles in `found`, in order
    for title in titles:
        if title.kind != "office" or not title.role:
            continue
        office = read_office(kb, doc, title)
        holders = kb_holders(kb, office, period)
        named = [by_actor[h.id] for h in holders if h.id in by_actor]
        vague = office is not None and fold(title.head) in leader_titles
        if vague and office is not None and office.country and not named:
            named = _state_leaders(kb, people, office.country, period)
        resolved: Resolved | None = None
        if vague and office is not None and office.country is None and not title.organisation:
            # "le dirigeant nationaliste": of no stated state, the leader the article is
            # about (named most often before it), not merely the last leader named; "le chef
            # de Wagner" names what it leads, so it is no state's leader
            leaders = _state_leaders(kb, people, None, period)
            if leaders:
                resolved = Resolved(title, _most_named_before(leaders, title.start), None)
        if resolved is None and named:
            resolved = Resolved(title, _nearest_before(named, title.start), None)
        elif (
            holders
            and period.start is not None
            and not (office is not None and office.former)
            and (title.country is not None or len(holders) == 1)
        ):
            resolved = Resolved(title, None, holders[0])
        elif (earlier := _same_office_before(office, found, offices)) is not None:
            resolved = Resolved(title, None, earlier)
        elif (person := _back_reference(doc, title, people, lay, max_back, words)) is not None:
            resolved = Resolved(title, person, None)
        if resolved is not None:
            found.append(resolved)
            offices.append(office)
    return found


def _most_named_before(people: list[Person], at: int) -> Person:
    """The person named most often before token `at` (the nearest of those, on a tie)."""

    def weight(person: Person) -> tuple[int, int]:
        before = [r.start for r in person.runs if r.start < at]
        before += [t.start for t in person.references if t.start < at]
        return (len(before), max(before, default=-1))

    return max(people, key=weight)


def _state_leaders(
    kb: KnowledgeBase, people: list[Person], country: str | None, period: Period
) -> list[Person]:
    """The article's people who lead `country` (any state if None) at its date, head of state
    or of government."""
    found = []
    for person in people:
        if person.actor is None:
            continue
        office = person.actor.role_on(period.start, until=period.end)
        spec = kb.office(office.role) if office is not None else None
        if (
            office is not None
            and spec is not None
            and spec.kind == "leader"
            and (country is None or office.country == country)
        ):
            found.append(person)
    return found


def _same_office_before(
    office: Office | None, found: list[Resolved], offices: list[Office | None]
) -> Actor | None:
    """A bare title repeating an earlier one that named its state ("le président élu des
    États-Unis ... a déclaré le président élu") designates the same holder."""
    if office is None or office.country is not None:
        return None
    for resolved, before in zip(reversed(found), reversed(offices), strict=True):
        if (
            resolved.holder is not None
            and before is not None
            and (
                before.role,
                before.former,
                before.future,
            )
            == (office.role, office.former, office.future)
        ):
            return resolved.holder
    return None


def rank_references(
    doc: Doc,
    reader: TitleReader,
    people: list[Person],
    lay: Layout,
    max_back: int,
    named: set[int],
) -> list[tuple[int, int, Person]]:
    """'le général américain': a rank without a name designates the last person so ranked."""
    # and of that country, when a demonym follows the rank
    found: list[tuple[int, int, Person]] = []
    table = words(doc)
    texts, spaced = table.text, table.spaced
    for i in range(1, len(texts)):
        if table.folded[i - 1] not in reader.g.openers or i in named:
            continue
        end = i + 1
        while end < len(texts) and not spaced[end - 1] and "-" in (texts[end - 1], texts[end]):
            end += 1
        written = "".join(texts[i:end])  # doc[i:end].text: no space inside a compound
        if not reader.is_rank(written):
            continue
        states = reader.kb.demonyms_in(texts[end]) if end < len(texts) else ()
        place = states[0].country if states else None
        stop = end + 1 if states else end
        if stop < len(texts) and (stop in named or table.capitalised[stop]):
            continue  # "le général Mark Milley": a name follows, no back-reference
        rank = fold(written)
        candidates = [
            p
            for p in people
            if any(r.honorific and rank in fold(r.honorific) for r in p.runs)
            and (place is None or _country_of(p) in {None, place})
        ]
        if not candidates and place is not None:
            candidates = [p for p in people if _country_of(p) == place and _military(p)]
        person = _back_within(candidates, i, lay, max_back)
        if person is not None:
            found.append((i, stop, person))
    return found


def _country_of(person: Person) -> str | None:
    if person.actor is not None:
        return person.actor.country
    return next((t.country for t in person.titles() if t.country_known), None)


def _military(person: Person) -> bool:
    """Named with a rank somewhere in the article."""
    return any(r.honorific for r in person.runs)


def _back_within(people: list[Person], at: int, lay: Layout, max_back: int) -> Person | None:
    here = lay.sentence_of(at)
    best: tuple[int, Person] | None = None
    for person in people:
        before = [r.start for r in person.runs if r.start < at]
        if not before or here - lay.sentence_of(max(before)) > max_back:
            continue
        if best is None or max(before) > best[0]:
            best = (max(before), person)
    return best[1] if best else None


def _nearest_before(people: list[Person], at: int) -> Person:
    """The person named last before token `at` (the first named after it if none is)."""

    def distance(person: Person) -> tuple[int, int]:
        before = [r.start for r in person.runs if r.start < at]
        return (0, at - max(before)) if before else (1, person.first)

    return min(people, key=distance)


def _back_reference(
    doc: Doc,
    title: Title,
    people: list[Person],
    lay: Layout,
    max_back: int,
    words: dict[str, Gender],
) -> Person | None:
    """The person last named before the title with the same head (and country when given)."""
    here = lay.sentence_of(title.start)
    best: tuple[int, int, Person] | None = None
    for person in people:
        known = gender(person, doc, words)
        if title.gender is not None and known is not None and known != title.gender:
            continue  # "la ministre" is not the man named just before
        agree = int(title.gender is not None and known == title.gender)
        heads = {fold(t.head) for t in person.titles() if t.kind == "office"}
        if person.actor is not None:
            heads |= {fold(o.label).split()[0] for o in person.actor.offices if o.label}
        if fold(title.head) not in heads:
            continue
        state = _country_of(person)  # a new person's titles may tell it ("pour Kinshasa")
        if title.country is not None and state not in {None, title.country}:
            continue
        before = [r.start for r in person.runs if r.start < title.start]
        # the same full title ("le patron de Wagner") designates its holder at any distance
        same = title.has_complement and any(
            t.role and title.role and fold(title.role) in fold(t.role) for t in person.titles()
        )
        if not before or (here - lay.sentence_of(max(before)) > max_back and not same):
            continue
        if best is None or (agree, max(before)) > best[:2]:
            best = (agree, max(before), person)
    return best[2] if best else None
