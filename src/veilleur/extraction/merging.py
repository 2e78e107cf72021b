"""One event per happening: repeats merged, a trip and its stops or purpose told once."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Token

from ..records import ActorRef, Event
from .clauses import feature


def purposes(triggered: list[tuple[Token, Event]], events: list[Event]) -> list[Event]:
    """A trip and the meeting it is for ("se rendre à X pour rencontrer Y") are one visit:
    to the people met, at the place of the trip."""
    visits = {t.i: e for t, e in triggered if e.type == "CONSULT" and e.mode == "visit"}
    merged: dict[int, Event] = {}
    dropped: set[int] = set()
    for token, event in triggered:
        if event.type != "CONSULT" or event.mode == "visit" or token.pos_ != "VERB":
            continue
        purpose = token.dep_ in ("advcl", "xcomp") and feature(token, "VerbForm") == "Inf"
        head = token.head if purpose else None
        trip = visits.get(head.i) if head is not None else None
        if trip is None or not {a.name.casefold() for a in trip.source} <= _names(event):
            continue
        persons = [a for a in event.target if a.kind == "person"]
        target = tuple(persons) if persons else trip.target
        merged[id(trip)] = replace(merged.get(id(trip), trip), target=target)
        dropped.add(id(event))
    return [merged.get(id(e), e) for e in events if id(e) not in dropped]


def hosts_met(events: list[Event]) -> list[Event]:
    """A visit to a state whose sentence tells what the traveller did with a person of that
    state ("s'est rendu à Kiev, où il a appelé X à ...", "en visite à Varsovie, X a signé
    avec Y") is a visit to that person."""
    result: list[Event] = []
    for visit in events:
        states = {a.country for a in visit.target if a.kind == "state" and a.country}
        travellers = _side(visit.source)
        if visit.type != "CONSULT" or visit.mode != "visit" or not states or not travellers:
            result.append(visit)
            continue
        hosts: list[ActorRef] = []
        for other in events:
            if other is visit or other.evidence_start != visit.evidence_start:
                continue
            if not travellers & _names(other) or other.type == "CONSULT":
                continue  # another's act; a meeting told beside the visit is its own event
            for actor in (*other.source, *other.target):
                person = actor.kind == "person" and actor.country in states
                if person and actor.name.casefold() not in travellers and actor not in hosts:
                    hosts.append(actor)
        result.append(replace(visit, target=tuple(hosts)) if hosts else visit)
    return result


def _names(event: Event) -> frozenset[str]:
    return frozenset(a.name.casefold() for a in (*event.source, *event.target))


def _visit_key(event: Event) -> tuple[str, frozenset[str]] | None:
    if event.type != "CONSULT" or event.mode != "visit":
        return None
    return event.status, frozenset(a.name.casefold() for a in event.source)


def _same_time(a: Event, b: Event) -> bool:
    """True when two dates may be the same day (one unknown, or one within the other)."""
    if a.date is None or b.date is None or "text" not in (a.date_from, b.date_from):
        return True  # a date taken from the publication says nothing of the day
    if a.date.precision == b.date.precision == "day":
        # a dateline a day after the event ("31/05" over "lundi 30") is the same story
        return abs((a.date.first_day() - b.date.first_day()).days) <= 1
    return a.date.contains(b.date) or b.date.contains(a.date)


def _without_stops(events: list[Event]) -> list[Event]:
    """Visits to a place of no known state ("se rendra aussi à Boutcha", "sa visite au
    Proche-Orient") by a traveller who also visits a state are stops of that trip."""
    states: set[frozenset[str]] = set()
    for event in events:
        key = _visit_key(event)
        if key is not None and any(a.kind == "state" for a in event.target):
            states.add(key[1])

    def stop(event: Event) -> bool:
        key = _visit_key(event)
        places = bool(event.target) and all(a.kind == "place" for a in event.target)
        return key is not None and places and key[1] in states

    return [e for e in events if not stop(e)]


def merge_visits(events: list[Event]) -> list[Event]:
    """One traveller's visits of the same status are one trip ("Visite à Kiev" in the title,
    "son premier voyage en Ukraine" in the body): keep the state as target, the city as place."""
    kept: dict[tuple[str, frozenset[str]], Event] = {}
    others: list[Event] = []
    for event in _without_stops(events):
        key = _visit_key(event)
        if key is None:
            others.append(event)
            continue
        if key not in kept or not _same_time(kept[key], event):
            if key in kept:
                others.append(kept[key])  # another trip ("mardi dernier à l'Allemagne")
            kept[key] = event
            continue
        pair = (kept[key], event)
        states = [e for e in pair if any(a.kind == "state" for a in e.target)]
        best = states[0] if states else pair[0]
        state_names = {a.name for e in pair for a in e.target if a.kind == "state"}
        places = [e.location for e in pair if e.location is not None]
        specific = [p for p in places if p not in state_names]  # the city, not the country
        chosen = specific or places
        # The day a sentence states ("effectuait lundi") over a dateline or the publication.
        dated = [e for e in pair if e.date_from != "published"] or [best]
        kept[key] = replace(
            best,
            location=chosen[0] if chosen else None,
            date=dated[0].date,
            date_from=dated[0].date_from,
        )
    return sorted([*others, *kept.values()], key=lambda e: e.evidence_start)


def fold_visits(
    events: list[Event],
    *,
    title: int,
    nouns: set[tuple[int, str]],
    hosted: set[tuple[int, str]],
) -> list[Event]:
    """A visit to a state named with a noun (`nouns`: evidence start and trigger) in the title
    ("X reçu à l'Élysée pour sa visite en France" / "X s'est entretenu avec Y"), or beside a
    reception (`hosted`) in its sentence ("X a été reçu par Y, une visite ..."), is that
    meeting told as a visit: one event; in the sentence of an act of another kind with a
    person of that state ("En visite à Varsovie, X a signé avec Y ..."), it is a visit to that
    person. A trip told by a verb ("X est arrivé en Israël") stays a trip, and so does a
    visit during which a meeting is told ("Y a rencontré X, qui était en visite")."""
    result = list(events)
    for visit in events:
        if visit.type != "CONSULT" or visit.mode != "visit":
            continue
        if (visit.evidence_start, visit.trigger) not in nouns:
            continue
        states = {a.country for a in visit.target if a.kind == "state" and a.country is not None}
        travellers = _side(visit.source)
        here = [
            e
            for e in result
            if visit.evidence_start < title
            or (_same_sentence(e, visit) and (e.evidence_start, e.trigger) in hosted)
        ]
        meeting = next((m for m in here if _met_there(m, visit, states, travellers)), None)
        if not states:
            continue
        names = {a.name for a in visit.target}
        place = visit.location if visit.location not in names else None
        if meeting is not None:
            folded = replace(meeting, mode="visit", location=place or meeting.location)
            result = [folded if e is meeting else e for e in result if e is not visit]
            continue
        beside = [e for e in result if e is not visit and _same_sentence(e, visit)]
        if any(e.type == "CONSULT" for e in beside):
            continue  # "Y a rencontré X, qui était en visite": the trip and its meeting
        hosts = [
            a
            for e in beside
            if travellers & _names(e)
            for a in (*e.source, *e.target)
            if a.kind == "person" and a.country in states and a.name.casefold() not in travellers
        ]
        if hosts:
            # "En visite à Varsovie, X a signé avec Y": X visits Y
            result = [replace(e, target=(hosts[0],)) if e is visit else e for e in result]
    return result


def _same_sentence(one: Event, other: Event) -> bool:
    return one.evidence_start == other.evidence_start


def _met_there(meeting: Event, visit: Event, states: set[str], travellers: frozenset[str]) -> bool:
    """True when `meeting` is one of the travellers with a person of a visited state."""
    if meeting is visit or meeting.type != "CONSULT" or meeting.status != visit.status:
        return False
    if not travellers & _names(meeting) or not _same_time(meeting, visit):
        return False
    others = [a for a in (*meeting.source, *meeting.target) if a.name.casefold() not in travellers]
    return any(a.kind == "person" and a.country in states for a in others)


def _told_again(small: Event, big: Event, lead_end: int) -> bool:
    """True when a smaller event repeats a bigger one rather than being another: the same
    sentence, or the title or lead announcing what the body tells."""
    if small.evidence_start == big.evidence_start:
        return True
    return small.evidence_start < lead_end <= big.evidence_start and _same_time(small, big)


def title_end(text: str) -> int:
    """Offset just past the article's title (its first non-empty line), 0 for one line."""
    lines = [m.end() for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    return lines[0] if len(lines) > 1 else 0


def lead_end(text: str) -> int:
    """Offset just past the article's title and lead (its first two non-empty lines)."""
    lines = [m.end() for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    return lines[1] if len(lines) > 1 else len(text)


def deduplicate(events: list[Event], *, lead: int = 0, title: int = 0) -> list[Event]:
    """One event per happening: the same type whose parties are the same or a subset merge,
    keeping the one with more parties, then the higher confidence, then the body sentence."""
    kept: list[Event] = []
    for event in sorted(events, key=lambda e: (-len(_names(e)), -e.confidence, e.evidence_start)):
        names = _names(event)
        same = next(
            (
                i
                for i, k in enumerate(kept)
                if k.type == event.type
                and (k.mode == event.mode or _one_meeting(event, k))
                and not _opposed(event, k)
                and _same_time(event, k)  # "en décembre dernier, ils s'étaient vus": another
                and (
                    # a meeting done and the next one agreed on ("ont convenu de se
                    # retrouver"): two, unless a title or the same sentence tells both
                    (
                        names == _names(k)
                        and (
                            k.status == event.status
                            # a title's present ("X arrive en Israël") tells what the text
                            # announces or reports in another tense
                            or min(event.evidence_start, k.evidence_start) < title
                            or _told_again(event, k, lead)
                            or _told_again(k, event, lead)
                        )
                    )
                    or (
                        names < _names(k)
                        and k.status == event.status
                        and (_told_again(event, k, lead) or _title_and_lead(event, k, title, lead))
                    )
                )
            ),
            None,
        )
        if same is None:
            same = next(
                (i for i, k in enumerate(kept) if _state_and_body(event, k, lead)),
                None,
            )
            if same is not None:
                # "Pékin lance des manœuvres" / "l'armée chinoise a lancé des exercices"
                extra = tuple(
                    a for a in event.source if a.name.casefold() not in _names(kept[same])
                )
                both = (*kept[same].source, *extra)
                mutual = bool(_side(kept[same].source) & _side(kept[same].target))
                kept[same] = replace(
                    kept[same],
                    source=both,
                    target=tuple(_unique_refs([*kept[same].target, *extra]))
                    if mutual
                    else kept[same].target,
                )
        if same is None:
            same = next((i for i, k in enumerate(kept) if _group_told(event, k, lead)), None)
        told = next((i for i, k in enumerate(kept) if _group_told(k, event, lead)), None)
        if same is None and told is not None:
            kept[told] = event  # the body's named parties over the title's common noun
            continue
        if same is None:
            kept.append(event)
            continue
        if _vaguer_place(kept[same], event):
            kept[same] = replace(kept[same], location=event.location)  # "Kiev" over "Ukraine"
        if kept[same].date_from == "published" and event.date_from != "published":
            # The day the body states ("effectuait lundi") over the title's publication date,
            # even a day the publication cannot place ("mardi" early in a month): unknown.
            kept[same] = replace(kept[same], date=event.date, date_from=event.date_from)
    return sorted(kept, key=lambda e: e.evidence_start)


def _title_and_lead(a: Event, b: Event, title: int, lead: int) -> bool:
    """True when one event is told in the title and the other in the lead under it."""
    first, second = sorted((a.evidence_start, b.evidence_start))
    return first < title <= second < lead


def _one_meeting(a: Event, b: Event) -> bool:
    """A meeting and a visit between the same two people ("X a accueilli Y" / "X et Y se sont
    rencontrés") on one day are one meeting; a visit to a state is a trip of its own."""
    if a.type != "CONSULT" or {a.mode, b.mode} != {"meet", "visit"}:
        return False
    people = [_people(e) for e in (a, b)]
    return people[0] == people[1] and len(people[0]) == 2


def _people(event: Event) -> frozenset[str]:
    return frozenset(
        a.name.casefold() for a in (*event.source, *event.target) if a.kind == "person"
    )


def _state_and_body(small: Event, big: Event, lead_end: int) -> bool:
    """True when the title or lead tells with a state what the text tells with its army or
    ministry (or the reverse): one act, its parties on the same sides; or when an agreement
    of states is told again with the people who signed for them."""
    if small.type != big.type or small.mode != big.mode or small.status != big.status:
        return False
    if _side(small.source) & _side(small.target) and _side(big.source) & _side(big.target):
        # "X et Y ont signé un accord" / "leurs ministres ont paraphé le texte"
        return _same_time(small, big) and _signed_for(small.source, big.source)
    if _side(small.source) & _side(small.target) or small.evidence_start >= lead_end:
        return False
    return (
        _same_time(small, big)
        and _covered(small.source, big.source)
        and _covered(small.target, big.target)
    )


def _group_told(small: Event, big: Event, lead_end: int) -> bool:
    """True when the title or lead tells with a common noun ("les séparatistes acceptent un
    cessez-le-feu") what the body tells with named parties, one of them shared."""
    if small.type != big.type or small.mode != big.mode or small.status != big.status:
        return False
    if not small.evidence_start < lead_end <= big.evidence_start or not _same_time(small, big):
        return False
    actors = (*small.source, *small.target)
    # a group named by a common noun ("les séparatistes"), not a named one ("Hezbollah")
    named = {a.name.casefold() for a in actors if a.kind != "group" or a.name[:1].isupper()}
    return len(named) < len(_names(small)) and bool(named) and named <= _names(big)


def _signed_for(one: tuple[ActorRef, ...], other: tuple[ActorRef, ...]) -> bool:
    """True when the people of one group serve two or more states, all named in the other
    group ("X et Y ont signé" / "leurs ministres ont paraphé"), either way round."""

    def serve(people: tuple[ActorRef, ...], states: tuple[ActorRef, ...]) -> bool:
        served = {a.country for a in people if a.kind == "person" and a.country is not None}
        named = {a.country for a in states if a.kind == "state" and a.country is not None}
        return len(served) >= 2 and served <= named

    return serve(one, other) or serve(other, one)


def _covered(few: tuple[ActorRef, ...], many: tuple[ActorRef, ...]) -> bool:
    """True when every actor of `few` is in `many`, or is the state of a body in `many`, or a
    body of a state in `many`."""
    names = _side(many)
    bodies = {a.country for a in many if a.kind == "organisation" and a.country is not None}
    states = {a.country for a in many if a.kind == "state" and a.country is not None}
    for actor in few:
        if actor.name.casefold() in names:
            continue
        if actor.kind == "state" and actor.country in bodies:
            continue
        if actor.kind == "organisation" and actor.country in states:
            continue
        return False
    return True


def _opposed(a: Event, b: Event) -> bool:
    """True for two one-way acts in opposite directions ("X a frappé Y", "Y a frappé X"):
    two happenings, whatever parties they share."""
    a_from, a_to = _side(a.source), _side(a.target)
    b_from, b_to = _side(b.source), _side(b.target)
    if a_from & a_to or b_from & b_to:
        return False  # a mutual act has no direction
    return bool(a_from & b_to) and not a_from & b_from


def _unique_refs(actors: list[ActorRef]) -> list[ActorRef]:
    """`actors` without repeated names, in order."""
    kept: dict[str, ActorRef] = {}
    for actor in actors:
        kept.setdefault(actor.name, actor)
    return list(kept.values())


def _side(actors: tuple[ActorRef, ...]) -> frozenset[str]:
    return frozenset(a.name.casefold() for a in actors)


def _vaguer_place(kept: Event, other: Event) -> bool:
    """True when the duplicate names a finer place than the event kept (a city, not the
    state it visits, or any place rather than none)."""
    if other.location is None or other.location == kept.location:
        return False
    states = {a.name for a in (*kept.target, *other.target) if a.kind == "state"}
    return kept.location is None or (kept.location in states and other.location not in states)
