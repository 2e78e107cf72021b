"""Places for events whose clause names none: where their people met, or what they struck."""

from __future__ import annotations

import re
from dataclasses import replace

from ..geo import place_country, place_level, seat_city
from ..records import Event

# Acts whose place, when the text gives none, is the territory of the state they strike.
_ON_TARGET = frozenset({"ASSAULT"})
# Acts that the same parties repeat, so that two tellings are not one act.
_MANY = frozenset({"ASSAULT", "CONSULT"})
# Acts concluded in person: where the sentence places them, their parties met.
_IN_PERSON = frozenset({"AGREE"})
# Acts done at a gathering of states: a meeting, an agreement.
_GATHERED = frozenset({"AGREE", "CONSULT"})
# Characters (about two short paragraphs) within which the states' next act is told as part of
# the same gathering.
_NEAR = 1200


def received_as_visits(events: list[Event], receptions: set[tuple[int, str]]) -> list[Event]:
    """Meetings at which a host received a foreign guest, by (evidence start, trigger), in
    mode visit (FORMAT.md: a foreigner received in the host's country visits it)."""
    return [
        replace(e, mode="visit")
        if e.type == "CONSULT" and e.mode == "meet" and (e.evidence_start, e.trigger) in receptions
        else e
        for e in events
    ]


def carry_locations(events: list[Event], *, preps: frozenset[str] = frozenset()) -> list[Event]:
    """Places for events whose clause gives none: where the meeting their people were at took
    place, and for an attack on a state, that state; `preps` are the words a place follows
    ("à Jérusalem"), to tell a place an act's own sentence declined."""
    return [_on_target(e) for e in _carry(events, preps)]


def _carry(events: list[Event], preps: frozenset[str]) -> list[Event]:
    """An event that gives no place happened where the last meeting of its people did
    ("Gallant a rencontré X à Tel-Aviv. Gallant a remercié X"), when its people (or two of
    them) were at that meeting, or, for another meeting, when one of its parties is at home
    there: thanking an absent minister, or meeting a foreign minister before one's trip,
    happened elsewhere."""
    ordered = sorted(events, key=lambda e: e.evidence_start)
    own = [e for e in ordered if e.location is not None and _meeting(e)]
    placed: list[Event] = []
    told_places: list[Event] = []
    result: list[Event] = []
    for event in ordered:
        told = event.location is not None  # the event's own sentence placed it
        guessed = False
        if event.location is None:
            same = [e for e in own if e.evidence_start == event.evidence_start and e is not event]
            source = next(
                (p for p in reversed([*placed, *same]) if _was_there(event, p)),
                None,
            )
            if source is not None and (
                _trip_told_alongside(event, source) or _declined(event, source, preps)
            ):
                source = None
            if source is not None:
                # a place inferred from the states alone is no ground for further carrying
                guessed = not _people(event) & _people(source)
                event = replace(event, location=_carried(event, source))
            else:
                again = next((p for p in reversed(told_places) if _same_act(event, p)), None)
                event = replace(event, location=again.location) if again else event
        if told:
            told_places.append(event)
        if (
            event.location is not None
            and not guessed
            and (_meeting(event) or (told and (_face_to_face(event) or _signed_there(event))))
        ):
            placed.append(event)
        result.append(event)
    return result


def _trip_told_alongside(event: Event, placed: Event) -> bool:
    """True for a trip of the acting person told in the act's own sentence ("avait suggéré X
    avant son arrivée à Jérusalem"): the sentence says when the act was against the trip, not
    that it was there. A host's act while receiving a guest ("a dénoncé X, recevant à Kiev Y")
    happened where the guest came."""
    if placed.mode != "visit" or placed.evidence_start != event.evidence_start:
        return False
    travellers = {a.actor_id for a in placed.source}
    return any(a.actor_id in travellers for a in event.source)


def _declined(event: Event, placed: Event, preps: frozenset[str]) -> bool:
    """True when the act's own sentence names, as a place, where a meeting told elsewhere was,
    yet its clause did not take it ("avait suggéré X avant son arrivée à Jérusalem"): the
    sentence itself says the act was not there."""
    if not preps or placed.location is None or placed.evidence_start == event.evidence_start:
        return False
    words = "|".join(re.escape(p) for p in sorted(preps, key=len, reverse=True))
    # the preposition, at most one determiner ("à l'Élysée", "dans la ville de"), the name
    pattern = rf"(?<!\w)(?:{words})\s*(?:\w+['’]\s*|\w+\s+)?{re.escape(placed.location)}(?!\w)"
    return re.search(pattern, event.evidence, re.IGNORECASE) is not None


def _carried(event: Event, placed: Event) -> str | None:
    """The place carried from a meeting: its site for what its people did there, the city
    of that site for another meeting ("Il a rencontré X au Pentagone. Il a aussi rencontré Y"
    happened in Washington, not necessarily at the Pentagon)."""
    if placed.location is None or _people(event) <= _people(placed) or not _meeting(event):
        return placed.location
    return seat_city(placed.location) or placed.location


def _same_act(event: Event, told: Event) -> bool:
    """True when an earlier sentence told the same act with its place ("À Istanbul, Moscou
    signe un accord avec Kiev" in the title, then "L'Ukraine et la Russie ont fini par signer
    l'accord"): same type and status, two parties in common, and no dates the text gives
    apart. Meetings and attacks are left out: one war's strikes, one trip's meetings between
    the same parties are many acts in many places."""
    if event.type != told.type or event.status != told.status or event.type in _MANY:
        return False
    if event.date_from == told.date_from == "text" and event.date != told.date:
        return False
    ours = {a.actor_id for a in (*event.source, *event.target)}
    theirs = {a.actor_id for a in (*told.source, *told.target)}
    return len(ours & theirs) > 1


def _face_to_face(event: Event) -> bool:
    """True for an act between two people its sentence places ("X a salué à l'Élysée ses
    relations avec Y"): both were there, and what they do next happens there too. A person
    acts on a person: the victims of a strike were not together with its author."""
    if event.type == "CONSULT" or len(_people(event)) < 2:
        return False
    return any(a.kind == "person" for a in event.source) and any(
        a.kind == "person" for a in event.target
    )


def _meeting(event: Event) -> bool:
    """True for an event its parties attend in person (not a call)."""
    return event.type == "CONSULT" and event.mode != "phone"


def _signed_there(event: Event) -> bool:
    """An agreement its sentence places: its parties met there to conclude it."""
    return event.type in _IN_PERSON and len(_states(event)) > 1


def _same_states(event: Event, placed: Event) -> bool:
    """Two states at the placed gathering, and the act between the same two, told by their
    people or by the states ("Tiani a reçu Evkourov à Niamey. La Russie et le Niger ont signé
    des documents"); a date the text gives apart makes it another occasion."""
    if event.type not in _GATHERED or event.mode == "phone":
        return False  # a statement or a strike later on is not made at the talks
    if event.date_from == placed.date_from == "text" and event.date != placed.date:
        return False
    if placed.location is None or place_level(placed.location) == "state":
        return False  # a trip to a country is no venue two states' acts are sure to share
    if abs(event.evidence_start - placed.evidence_start) > _NEAR:
        return False  # told paragraphs apart, most likely of another occasion
    return len(_states(event) & _states(placed)) > 1


def _was_there(event: Event, placed: Event) -> bool:
    people, there = _people(event), _people(placed)
    if placed.status == "planned" and event.status != "planned":
        return False
    if not people & there:
        return event.status == placed.status and _same_states(event, placed)
    if people <= there or len(people & there) > 1:
        return True  # the meeting's people, or two of them, act together where they met
    if not _meeting(event) or placed.location is None:
        return False
    country = place_country(placed.location)
    return country is not None and any(
        a.country == country for a in (*event.source, *event.target) if a.kind == "person"
    )


def _on_target(event: Event) -> Event:
    """An attack the text places nowhere happened on the ground of whom it strikes."""
    if event.location is not None or event.type not in _ON_TARGET:
        return event
    sources = {a.actor_id for a in event.source}
    # the town struck ("a bombardé la ville de Kharkiv"), else the one state struck
    for kind in ("place", "state"):
        struck = [a for a in event.target if a.kind == kind]
        if len(struck) == 1 and struck[0].actor_id not in sources:
            return replace(event, location=struck[0].name)
    return event  # a mutual war ("Israël et le Hezbollah se sont livrés à une guerre")


def _states(event: Event) -> frozenset[str]:
    """The states of an event's parties: states named, and the states people serve."""
    return frozenset(
        a.country
        for a in (*event.source, *event.target)
        if a.kind in {"state", "person"} and a.country is not None
    )


def _people(event: Event) -> frozenset[str]:
    return frozenset(a.actor_id for a in (*event.source, *event.target) if a.kind == "person")
