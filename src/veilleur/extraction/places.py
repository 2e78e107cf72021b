"""Where an event happened: the place its clause names, else where its parties last were."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..records import Event
from .actors import ActorIndex, is_place
from .clauses import clause_end, clause_start, prep_before, under_place_prep
from .frames import Frame
from .lexicon import Cues

_IN = frozenset({"à", "au", "dans"})
_PREP_RANK = {"à": 0, "au": 0, "aux": 0, "dans": 0, "sur": 1, "en": 2, "vers": 3}


def clause_location(token: Token, index: ActorIndex, cues: Cues, frame: Frame) -> str | None:
    """The most specific place the clause gives: "à X" before "en X"; else the visit's place."""
    start = clause_start(token, cues)
    end = clause_end(token, cues)
    if token.pos_ == "NOUN":
        start, end = min(start, token.left_edge.i), max(end, token.right_edge.i + 1)
    best: tuple[int, int, str] | None = None
    parties = {a.actor_id for a in (*frame.source, *frame.target)}
    for i, actor in index.in_range(start, end):
        word = index.doc[i]
        if actor.actor_id in parties and actor != frame.place:
            continue
        if actor.kind == "person" or not under_place_prep(word, index, cues):
            continue
        if not is_place(actor) and prep_before(word, index) not in _IN:
            continue  # a body is a place only "at" it ("au Pentagone", "à l'Élysée")
        first = index.doc[index.start_of(word)]
        prep = index.doc[first.i - 1].lower_ if first.i > 0 else ""
        if prep not in _PREP_RANK and first.i > 1:
            prep = index.doc[first.i - 2].lower_
        rank = (_PREP_RANK.get(prep.rstrip("'’"), 1), abs(i - token.i))
        if best is None or rank < best[:2]:
            best = (*rank, index.surface(word))
    if best is not None:
        return best[2]
    return frame.place.name if frame.place is not None else None


def carry_locations(events: list[Event]) -> list[Event]:
    """An event that gives no place happened where the last placed event with one of its
    parties did ("Gallant a rencontré X à Tel-Aviv. Gallant a remercié X"); plans excepted."""
    placed: list[Event] = []
    result: list[Event] = []
    for event in sorted(events, key=lambda e: e.evidence_start):
        if event.location is None and event.status != "planned":
            people = _people(event)
            source = next((p for p in reversed(placed) if people & _people(p)), None)
            if source is not None:
                event = replace(event, location=source.location)
        if event.location is not None and event.status != "planned":
            placed.append(event)
        result.append(event)
    return result


def _people(event: Event) -> frozenset[str]:
    return frozenset(a.actor_id for a in (*event.source, *event.target) if a.kind == "person")
