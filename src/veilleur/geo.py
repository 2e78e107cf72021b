"""Place names against the knowledge base: which state a place lies in, and how fine it is.

States, their capitals and metonyms come from kb/data/states.yaml, seats of bodies from
organisations.yaml; other cities, regions and buildings news names from kb/data/places.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import DataError, Errors
from .records import ActorRef

if TYPE_CHECKING:
    from .kb import KnowledgeBase

Level = Literal["state", "region", "city", "site", "unknown"]
_PLACES = "veilleur/kb/data/places.yaml"


class PlaceModel(BaseModel):
    """A city, region or building, with the state it lies in (kb/data/places.yaml)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1)
    country: str = Field(pattern=r"^[A-Z]{3}$")
    level: Literal["region", "city", "site"]
    names: tuple[str, ...] = ()
    # a room or wing of a bigger site ("Bureau ovale" of the "Maison Blanche"): one place with
    # it when reports are compared
    part_of: str | None = None


class PlacesFile(BaseModel):
    """The whole places file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    places: tuple[PlaceModel, ...]


@cache
def load_places() -> tuple[PlaceModel, ...]:
    """The validated places of kb/data/places.yaml (read once per process)."""
    text = resources.files("veilleur.kb").joinpath("data", "places.yaml").read_text("utf-8")
    try:
        return PlacesFile.model_validate({"places": yaml.safe_load(text) or []}).places
    except (yaml.YAMLError, ValidationError) as exc:
        raise DataError(Errors.E103.format(path=_PLACES, reason=exc)) from exc


@cache
def _index(kb: KnowledgeBase) -> dict[str, PlaceModel]:
    """Places by the knowledge base's normalised key of each of their names."""
    return {kb.key(n): p for p in load_places() for n in (p.name, *p.names)}


def _kb() -> KnowledgeBase | None:
    try:
        from .kb import KnowledgeBase

        return KnowledgeBase.load()
    except (ImportError, OSError, ValueError):
        return None


def place_level(name: str, kb: KnowledgeBase | None = None) -> Level:
    """'state' for a country ("Israël", "l'État hébreu"), 'region', 'city' for a city or a
    capital standing for its state ("Tel-Aviv"), 'site' for a building or a seat of a body
    ("Pentagone"), 'unknown' for a place the knowledge base does not know."""
    kb = kb or _kb()
    if kb is None:
        return "unknown"
    if kb.state(name) is not None:
        return "state"
    known = _index(kb).get(kb.key(name))
    if known is not None:
        return known.level
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
    known = _index(kb).get(kb.key(name))
    if known is not None:
        return known.country
    org = kb.organisation(name)
    return org.country if org is not None else None


@dataclass(frozen=True, slots=True)
class Located:
    """Where a place lies: its state (ISO code), its level, and the id of the place itself
    (equal for two names of one place: "Pentagone", "ministère américain de la Défense")."""

    country: str | None = None
    level: Level = "unknown"
    key: str | None = None
    within: str | None = None  # the key of the city a seat of government stands in


def locate(name: str, kb: KnowledgeBase | None = None) -> Located:
    """The state a place lies in, its level and its identity, for cross-article merging."""
    kb = kb or _kb()
    if kb is None:
        return Located()
    known = _index(kb).get(kb.key(name))
    if known is not None and known.part_of is not None:
        return locate(known.part_of, kb)
    level = place_level(name, kb)
    key: str | None = None
    if level == "state":
        state = kb.state(name)
        key = state.id if state is not None else None
    elif level == "site" and (org := kb.organisation(name)) is not None:
        key = org.id
    elif level != "unknown":
        known = _index(kb).get(kb.key(name))
        key = f"place:{kb.key(known.name if known else name)}"
    city = seat_city(name, kb)
    within = f"place:{kb.key(city)}" if city else None
    return Located(place_country(name, kb), level, key, within)


@cache
def _capitals() -> dict[str, str]:
    """Each state's capital by ISO code (states.yaml, which the KB loader validates)."""
    text = resources.files("veilleur.kb").joinpath("data", "states.yaml").read_text("utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    states = yaml.load(text, Loader=loader) or []
    return {s["id"]: s["capital"] for s in states if isinstance(s, dict) and s.get("capital")}


def preload() -> None:
    """Read places.yaml (indexed under the KB's keys) and the states' capitals now."""
    place_level("")
    _capitals()


def is_seat(name: str, kb: KnowledgeBase | None = None) -> bool:
    """True for a seat of government or of a ministry ("Kremlin", "Élysée", "Pentagone"),
    a building as much as a body."""
    kb = kb or _kb()
    org = kb.organisation(name) if kb is not None else None
    return org is not None and org.org_kind in ("government", "ministry")


def seat_city(name: str, kb: KnowledgeBase | None = None) -> str | None:
    """The city a seat of a national body stands in: its state's capital ("Pentagone" ->
    Washington); None for other places."""
    kb = kb or _kb()
    if kb is None or place_level(name, kb) != "site" or _index(kb).get(kb.key(name)):
        return None
    country = place_country(name, kb)
    return _capitals().get(country) if country else None


def place_name(actor: ActorRef, surface: str) -> str:
    """The name a place is recorded under: as written, except a periphrasis of a state ("l'État
    juif"), which takes the state's name; a city standing for its state stays ("Kiev")."""
    if actor.kind != "state" or surface == actor.name:
        return surface
    return surface if place_level(surface) == "city" else actor.name
