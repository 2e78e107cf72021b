"""Place names against the knowledge base: which state a place lies in, and which is finer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from .records import ActorRef

if TYPE_CHECKING:
    from .kb import KnowledgeBase

Level = Literal["state", "city", "site", "unknown"]


def _kb() -> KnowledgeBase | None:
    try:
        from .kb import KnowledgeBase

        return KnowledgeBase.load()
    except (ImportError, OSError, ValueError):
        return None


def place_level(name: str, kb: KnowledgeBase | None = None) -> Level:
    """'state' for a country ("Israël", "l'État hébreu"), 'city' for a capital or a city
    standing for its state ("Tel-Aviv"), 'site' for a seat of a body ("Pentagone")."""
    kb = kb or _kb()
    if kb is None:
        return "unknown"
    if kb.state(name) is not None:
        return "state"
    if kb.metonym(name) is not None or kb.capital_of(name) is not None:
        return "city"
    if kb.organisation(name) is not None:
        return "site"
    return "unknown"


def place_country(name: str, kb: KnowledgeBase | None = None) -> str | None:
    """The ISO code of the state a place lies in, when the knowledge base knows it."""
    kb = kb or _kb()
    if kb is None:
        return None
    for actor in (kb.state(name), kb.metonym(name), kb.capital_of(name)):
        if actor is not None:
            return actor.country
    org = kb.organisation(name)
    return org.country if org is not None else None


def place_name(actor: ActorRef, surface: str) -> str:
    """The name a place is recorded under: as written, except a periphrasis of a state ("l'État
    juif"), which takes the state's name; a city standing for its state stays ("Kiev")."""
    if actor.kind != "state" or surface == actor.name:
        return surface
    return surface if place_level(surface) == "city" else actor.name


def locate(name: str, kb: KnowledgeBase | None = None) -> tuple[str | None, Level]:
    """The state a place lies in and its level, for cross-article merging."""
    kb = kb or _kb()
    return place_country(name, kb), place_level(name, kb)
