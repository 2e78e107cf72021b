"""Typed records the knowledge base hands out: actors, their offices, and read titles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

ActorKind = Literal["person", "state", "organisation", "group"]


@dataclass(frozen=True, slots=True)
class Office:
    """An office held by a person over a period (end None while in office)."""

    role: str
    label: str
    country: str | None
    start: dt.date | None
    end: dt.date | None

    def active(self, on: dt.date | None) -> bool:
        """Held on that day; with no date, held now (no end date)."""
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)

    def overlaps(self, start: dt.date | None, end: dt.date | None) -> bool:
        """Held at some point of the period [start, end] (a month, a year...)."""
        if start is None or end is None:
            return self.active(start or end)
        return (self.start is None or self.start <= end) and (self.end is None or start <= self.end)


@dataclass(frozen=True, slots=True)
class Actor:
    """A knowledge-base actor; `offices` are sorted by importance, then most recent first."""

    id: str
    name: str
    kind: ActorKind
    country: str | None
    aliases: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()
    wikidata: str | None = None
    org_kind: str | None = None  # for organisations: armed_forces, media, ministry...
    generic: bool = False  # a generic body ("ministère de la Défense"); its country is contextual

    def role_on(self, on: dt.date | None, *, until: dt.date | None = None) -> Office | None:
        """The main office held on `on` (or during [on, until]), None if none."""
        for office in self.offices:
            if office.overlaps(on, until) if until is not None else office.active(on):
                return office
        return None


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """A title read as an office: role key, country (from a demonym, a complement or the title)."""

    role: str
    country: str | None
    title: str  # the matched title as the KB writes it
    organisation: str | None = None  # org id named in the complement ("de Tsahal")
    rest: str = ""  # folded words left unexplained after the title; "" if all were read
    scope: str = ""  # folded words saying where or for what ("pour la Syrie", "à Gaza")
    former: bool = False  # "l'ancien chef d'état-major": not the holder at the date
    future: bool = False  # "le président élu", "le futur chancelier": not yet in office


@dataclass(frozen=True, slots=True)
class OrgMatch:
    """An organisation named in text, with the country a demonym or complement gave it."""

    actor: Actor
    country: str | None
