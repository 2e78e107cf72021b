"""How the actors of an event are named: a city acting for its state, a person's state, and a
generic body named as the article writes it ("la marine iranienne", not "marine")."""

from __future__ import annotations

from dataclasses import replace

from ..records import ActorRef, Event
from .actors import ActorIndex, state_of


def _kb_state(key: str, *, metonym: bool) -> ActorRef | None:
    try:
        from ..kb import KnowledgeBase

        kb = KnowledgeBase.load()
        state = kb.metonym(key) if metonym else kb.get(key)
    except (ImportError, OSError, ValueError):
        return None
    if state is None or state.kind != "state":
        return None
    return ActorRef(state.id, state.name, "state", state.country)


def acting_state(actor: ActorRef) -> ActorRef:
    """The state a city stands for when it acts ("Manille accuse", "Kiev a demandé"); other
    actors as they are."""
    if actor.kind != "place":
        return actor
    if actor.country is not None:
        return state_of(actor)
    return _kb_state(actor.name, metonym=True) or actor


def state_served(actor: ActorRef) -> ActorRef:
    """The state a person or body serves (itself when unknown or already a state)."""
    if actor.kind == "state" or actor.country is None:
        return actor
    return _kb_state(f"state:{actor.country}", metonym=False) or actor


def _government(actor: ActorRef) -> bool:
    """True for a state's government as a whole ("le gouvernement éthiopien")."""
    if actor.kind != "organisation" or actor.country is None:
        return False
    try:
        from ..kb import KnowledgeBase

        known = KnowledgeBase.load().get(actor.actor_id)
    except (ImportError, OSError, ValueError):
        return False
    return known is not None and known.org_kind == "government"


def as_written(events: list[Event], index: ActorIndex) -> list[Event]:
    """Events whose generic bodies ("marine", "ministère des Affaires étrangères", a common
    noun the knowledge base has for every state) carry the words the sentence names them
    with ("la marine iranienne", "le ministère philippin des Affaires étrangères"); a
    state's government as a whole is the state."""
    doc = index.doc
    result: list[Event] = []
    for event in events:
        span = doc.char_span(event.evidence_start, event.evidence_end, alignment_mode="expand")
        written: dict[ActorRef, ActorRef] = {}
        for i, actor in index.in_range(span.start, span.end) if span is not None else ():
            generic = actor.kind == "organisation" and actor.name[:1].islower()
            if not generic or actor.country is None or actor in written:
                continue
            if _government(actor):
                # "le gouvernement éthiopien et le TPLF ont signé": the state signs
                written[actor] = state_served(actor)
                continue
            surface = index.surface(doc[i])
            longer = len(surface.split()) > len(actor.name.split())
            if longer and surface[:1].islower() and actor.name.casefold() != surface.casefold():
                written[actor] = replace(actor, name=surface)
        for actor in (*event.source, *event.target):
            generic = actor.name[:1].islower()  # not "Autorité palestinienne"
            if actor not in written and generic and _government(actor):
                written[actor] = state_served(actor)  # named in another sentence
        if written:
            event = replace(
                event,
                source=tuple(written.get(a, a) for a in event.source),
                target=tuple(written.get(a, a) for a in event.target),
            )
        result.append(event)
    return result
