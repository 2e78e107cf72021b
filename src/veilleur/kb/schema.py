"""Pydantic schemas of the knowledge-base YAML files (states, organisations, people, offices)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

OrgKind = Literal[
    "intergovernmental",
    "armed_forces",
    "ministry",
    "agency",
    "government",
    "armed_group",
    "party",
    "media",
    "court",
    "military_command",
    "legislature",
    "other",
]
OfficeKind = Literal[
    "leader",
    "minister",
    "military",
    "intelligence",
    "diplomat",
    "international",
    "legislature",
    "official",
    "other",
]

_ISO3 = r"^[A-Z]{3}$"
_QID = r"^Q[0-9]+$"
_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class _Named(_Strict):
    """An entry with a name, variants, and variants matched only as written."""

    name: str = Field(min_length=1)
    names: list[str] = Field(default_factory=list)
    # Names that are also common words ("Grenade", "Bénin"): matched only as written.
    exact_case: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _exact_among_names(self) -> _Named:
        unknown = set(self.exact_case) - {self.name, *self.names}
        if unknown:
            raise ValueError(f"exact_case names {sorted(unknown)} are not in name/names")
        return self


def _partial_date(value: object, *, last: bool) -> object:
    """Read 2024, '2024-08' or '2024-08-05' as a date: the period's first day (or last)."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return value
    match = _PARTIAL.match(value.strip())
    if match is None:
        return value
    year = int(match.group(1))
    if match.group(3):
        return dt.date(year, int(match.group(2)), int(match.group(3)))
    month = int(match.group(2)) if match.group(2) else (12 if last else 1)
    day = calendar.monthrange(year, month)[1] if last else 1
    return dt.date(year, month, day)


class OfficeHeldModel(_Strict):
    """One office held by a person, with its dates (end null while in office)."""

    role: str = Field(min_length=1)
    label: str = Field(min_length=1)
    country: str | None = Field(default=None, pattern=_ISO3)
    start: dt.date | None = None
    end: dt.date | None = None

    @field_validator("start", mode="before")
    @classmethod
    def _start(cls, value: object) -> object:
        return _partial_date(value, last=False)

    @field_validator("end", mode="before")
    @classmethod
    def _end(cls, value: object) -> object:
        return _partial_date(value, last=True)


class StateModel(_Named):
    """A state: ISO alpha-3 code, French names, demonym forms, capital and metonyms."""

    id: str = Field(pattern=_ISO3)
    demonyms: list[str] = Field(default_factory=list)
    prefix_forms: list[str] = Field(default_factory=list)
    capital: str | None = None
    capital_names: list[str] = Field(default_factory=list)
    metonyms: list[str] = Field(default_factory=list)
    wikidata: str | None = Field(default=None, pattern=_QID)


class OrganisationModel(_Named):
    """An organisation, armed force, ministry, agency, armed group, parliament or outlet."""

    id: str = Field(pattern=r"^org:[A-Za-z0-9_.-]+$")
    kind: OrgKind
    country: str | None = Field(default=None, pattern=_ISO3)
    generic: bool = False
    parent: str | None = None
    wikidata: str | None = Field(default=None, pattern=_QID)


class PersonModel(_Strict):
    """A person, chiefly an office holder."""

    # "new:" ids are people a store learnt from articles (veilleur ingest feeds them back).
    id: str = Field(pattern=r"^(person|new):[A-Za-z0-9_.-]+$")
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    family_name: str | None = None
    country: str | None = Field(default=None, pattern=_ISO3)
    wikidata: str | None = Field(default=None, pattern=_QID)
    offices: list[OfficeHeldModel] = Field(default_factory=list)


class TitleModel(_Strict):
    """A French title of an office, restricted to one country when `country` is given."""

    title: str = Field(min_length=1)
    country: str | None = Field(default=None, pattern=_ISO3)


class OfficeKeyModel(_Strict):
    """An office key with the titles that denote it."""

    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    titles: list[str | TitleModel] = Field(min_length=1)
    kind: OfficeKind
    # Organisation kinds whose name after the title gives the country ("chef d'état-major de
    # Tsahal"); "*" accepts any kind. A state name always does.
    org_kinds: list[str] = Field(default_factory=list)
    organisation: str | None = None
    # The complement names a place ("maire d'Istanbul", "gouverneur de la région de Kherson").
    place_complement: bool = False


class OfficesFileModel(_Strict):
    """offices.yaml: office keys, and the military ranks (not offices) the linker strips."""

    offices: list[OfficeKeyModel] = Field(default_factory=list)
    ranks: list[str] = Field(default_factory=list)
    # Generic titles of the head of a body ("chef", "directeur"): with a body that has its own
    # office ("directeur de l'AIEA"), they name that office.
    head_titles: list[str] = Field(default_factory=list)


class LanguageModel(_Strict):
    """Function words the normaliser needs: leading articles and the 'de/du/des' connectors."""

    leading_articles: list[str] = Field(default_factory=list)
    connectors: list[str] = Field(default_factory=list)
    # Words that qualify a title without changing the office ("par intérim").
    title_qualifiers: list[str] = Field(default_factory=list)
    # Words marking a past holder before the title ("ancien"), a future one before ("futur")
    # or after its head ("élu").
    former_markers: list[str] = Field(default_factory=list)
    future_markers: list[str] = Field(default_factory=list)
    future_after: list[str] = Field(default_factory=list)
    # Words opening a scope after a title ("envoyé spécial pour la Syrie", "chef du Hamas à Gaza").
    scope_connectors: list[str] = Field(default_factory=list)
    # Words describing an organisation before its name ("du groupe terroriste Hamas").
    descriptors: list[str] = Field(default_factory=list)
    # Words that, before a leader's name, stand for the state they lead ("l'administration X").
    leader_bodies: list[str] = Field(default_factory=list)


class KbFileModel(_Strict):
    """A user knowledge-base file: any of the four lists (and ranks, head titles)."""

    states: list[StateModel] = Field(default_factory=list)
    organisations: list[OrganisationModel] = Field(default_factory=list)
    people: list[PersonModel] = Field(default_factory=list)
    offices: list[OfficeKeyModel] = Field(default_factory=list)
    ranks: list[str] = Field(default_factory=list)
    head_titles: list[str] = Field(default_factory=list)
