"""The knowledge base: typed actors (states, organisations, people) and normalised look-ups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from .loader import KbData, load_data
from .normalise import Normaliser, fold
from .schema import OfficeKeyModel, OrganisationModel, PersonModel, StateModel

ActorKind = Literal["person", "state", "organisation", "group"]

# Look-up ranks: a full name beats an alias, which beats a family name alone.
RANK_NAME, RANK_ALIAS, RANK_FAMILY = 0, 1, 2
# All-capital aliases this short ("EI", "UE") match only all-capital text, not common words.
_ACRONYM_MAX = 4


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
    generic: bool = False  # a generic body ("ministère de la Défense") whose country is contextual

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


@dataclass(frozen=True, slots=True)
class OrgMatch:
    """An organisation named in text, with the country a demonym or complement gave it."""

    actor: Actor
    country: str | None


@dataclass(frozen=True, slots=True)
class _Hit:
    actor_id: str
    rank: int
    caps_only: bool


@dataclass(frozen=True, slots=True)
class _Title:
    role: str
    title: str
    country: str | None


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return 0 < len(letters) <= _ACRONYM_MAX and all(c.isupper() for c in letters)


@dataclass(slots=True)
class _Index:
    """Folded key -> hits; built once at load."""

    hits: dict[str, list[_Hit]] = field(default_factory=dict)

    def add(self, key: str, actor_id: str, rank: int, *, original: str) -> None:
        if not key:
            return
        bucket = self.hits.setdefault(key, [])
        for i, hit in enumerate(bucket):
            if hit.actor_id == actor_id:
                if rank < hit.rank:
                    bucket[i] = _Hit(actor_id, rank, _is_acronym(original))
                return
        bucket.append(_Hit(actor_id, rank, _is_acronym(original)))

    def find(self, key: str, text: str) -> list[_Hit]:
        upper = text.isupper()
        return [h for h in self.hits.get(key, ()) if upper or not h.caps_only]


class KnowledgeBase:
    """States, organisations and people with their offices; every look-up is a dict access."""

    def __init__(self, data: KbData) -> None:
        self._norm = Normaliser.build(
            articles=data.language.leading_articles, connectors=data.language.connectors
        )
        self._priority = {o.key: i for i, o in enumerate(data.offices)}
        self._offices = {o.key: o for o in data.offices}
        self._actors: dict[str, Actor] = {}
        self._names = _Index()  # people, states and organisations, by name/alias/family name
        self._states = _Index()
        self._orgs = _Index()
        self._places: dict[str, str] = {}  # capital -> state id
        self._metonyms: dict[str, str] = {}  # "washington" -> state:USA
        self._demonyms: dict[str, str] = {}  # "americaines" -> state:USA
        self._prefixes: dict[str, str] = {}  # "americano" -> state:USA
        self._titles: dict[str, list[_Title]] = {}
        self._max_title = 1
        self._ranks: dict[str, str] = {}
        self._holders: dict[str, list[str]] = {}  # role -> person ids
        for state in data.states:
            self._add_state(state)
        for org in data.organisations:
            self._add_org(org)
        for person in data.people:
            self._add_person(person)
        for office in data.offices:
            self._add_office(office)
        for rank in data.ranks:
            self._ranks[fold(rank)] = rank
        self._max_rank = max((len(r.split()) for r in self._ranks), default=1)

    # ---------------------------------------------------------------- building
    def _add_state(self, s: StateModel) -> None:
        aid = f"state:{s.id}"
        self._actors[aid] = Actor(aid, s.name, "state", s.id, tuple(s.names), (), s.wikidata)
        for rank, names in ((RANK_NAME, [s.name]), (RANK_ALIAS, s.names)):
            for name in names:
                key = self._norm.key(name)
                self._states.add(key, aid, rank, original=name)
                self._names.add(key, aid, rank, original=name)
        for form in s.demonyms:
            self._demonyms.setdefault(fold(form), aid)
        for form in s.prefix_forms:
            self._prefixes.setdefault(fold(form), aid)
        for place in [s.capital or "", *s.capital_names]:
            if place:
                self._places.setdefault(self._norm.key(place), aid)
        for place in s.metonyms:
            self._metonyms.setdefault(self._norm.key(place), aid)

    def _add_org(self, o: OrganisationModel) -> None:
        kind: ActorKind = "group" if o.kind == "armed_group" else "organisation"
        self._actors[o.id] = Actor(
            o.id, o.name, kind, o.country, tuple(o.names), (), o.wikidata, o.kind, o.generic
        )
        for rank, names in ((RANK_NAME, [o.name]), (RANK_ALIAS, o.names)):
            for name in names:
                key = self._norm.key(name)
                self._orgs.add(key, o.id, rank, original=name)
                self._names.add(key, o.id, rank, original=name)

    def _add_person(self, p: PersonModel) -> None:
        offices = sorted(
            (Office(o.role, o.label, o.country or p.country, o.start, o.end) for o in p.offices),
            key=lambda o: (
                self._priority.get(o.role, len(self._priority)),
                -(o.start or dt.date.min).toordinal(),
            ),
        )
        self._actors[p.id] = Actor(
            p.id, p.name, "person", p.country, tuple(p.aliases), tuple(offices), p.wikidata
        )
        for office in offices:
            holders = self._holders.setdefault(office.role, [])
            if p.id not in holders:
                holders.append(p.id)
        self._names.add(self._norm.key(p.name), p.id, RANK_NAME, original=p.name)
        for alias in p.aliases:
            self._names.add(self._norm.key(alias), p.id, RANK_ALIAS, original=alias)
        if p.family_name:
            self._names.add(fold(p.family_name), p.id, RANK_FAMILY, original=p.family_name)
            return
        # Without an explicit family name, every proper tail of a full name can stand for it
        # ("al sissi", "sissi"); tails under 3 letters ("un" of Kim Jong Un) are too ambiguous.
        for full in [p.name, *p.aliases]:
            words = fold(full).split()
            for i in range(1, len(words)):
                tail = " ".join(words[i:])
                if len(tail) >= 3:
                    self._names.add(tail, p.id, RANK_FAMILY, original=tail)

    def _add_office(self, o: OfficeKeyModel) -> None:
        for title in o.titles:
            text, country = (
                (title, None) if isinstance(title, str) else (title.title, title.country)
            )
            key = fold(text)
            self._titles.setdefault(key, []).append(_Title(o.key, text, country))
            self._max_title = max(self._max_title, len(key.split()))

    # ---------------------------------------------------------------- loading
    @classmethod
    def load(cls, *, extra_paths: Sequence[str] = ()) -> KnowledgeBase:
        """The shipped KB merged with user files (later files win on the same id); cached."""
        return _load_cached(tuple(str(p) for p in extra_paths))

    # ---------------------------------------------------------------- look-ups
    def get(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""
        return self._actors.get(actor_id)

    def actors(self) -> Iterable[Actor]:
        """Every actor, states first, then organisations, then people."""
        return self._actors.values()

    def key(self, text: str) -> str:
        """The normalised form the indexes use (folded, leading article stripped)."""
        return self._norm.key(text)

    def names(self) -> dict[str, list[str]]:
        """Every indexed name key (full names, aliases, family names) -> actor ids."""
        return {k: [h.actor_id for h in hits] for k, hits in self._names.hits.items()}

    def candidates(
        self,
        mention: str,
        on: dt.date | None = None,
        *,
        until: dt.date | None = None,
        kinds: Sequence[ActorKind] = (),
    ) -> list[Actor]:
        """Actors a mention may name: full name > alias > family name, then in office first."""
        key = self._norm.key(mention)
        hits = self._names.find(key, mention)
        if not hits:
            stripped = self.strip_ranks(key)
            if stripped != key:
                hits = self._names.find(stripped, mention)
        best: dict[str, int] = {}
        for hit in hits:
            best[hit.actor_id] = min(hit.rank, best.get(hit.actor_id, hit.rank))
        found = [(self._actors[a], r) for a, r in best.items()]
        if kinds:
            found = [(a, r) for a, r in found if a.kind in kinds]

        def order(item: tuple[Actor, int]) -> tuple[int, int, int, str]:
            actor, rank = item
            office = actor.role_on(on, until=until)
            start = office.start.toordinal() if office and office.start else 0
            return (rank, 0 if office else 1, -start, actor.name)

        return [a for a, _ in sorted(found, key=order)]

    def holders(
        self, role: str, country: str | None, on: dt.date | None, *, until: dt.date | None = None
    ) -> list[Actor]:
        """People holding `role` (for `country`, any if None) on the date; latest start first."""
        found: list[tuple[int, Actor]] = []
        for pid in self._holders.get(role, ()):
            actor = self._actors[pid]
            for office in actor.offices:
                if office.role != role or (country is not None and office.country != country):
                    continue
                if office.overlaps(on, until) if until is not None else office.active(on):
                    found.append((office.start.toordinal() if office.start else 0, actor))
                    break
        return [a for _, a in sorted(found, key=lambda x: -x[0])]

    def state(self, text: str) -> Actor | None:
        """The state a name designates ("Etats-Unis", "l'Iran", "d'Israël"), or None."""
        return self._best(self._states, text)

    def metonym(self, text: str) -> Actor | None:
        """The state a place name stands for in news ("Washington", "Moscou"), or None."""
        aid = self._metonyms.get(self._norm.key(text))
        return self._actors[aid] if aid else None

    def capital_of(self, text: str) -> Actor | None:
        """The state whose capital this is ("Kyiv", "Pékin"), or None."""
        aid = self._places.get(self._norm.key(text))
        return self._actors[aid] if aid else None

    def demonym(self, word: str) -> Actor | None:
        """The state of a demonym, any gender or number ("iranienne" -> Iran), or None."""
        aid = self._demonyms.get(fold(word))
        return self._actors[aid] if aid else None

    def demonyms_in(self, word: str) -> tuple[Actor, ...]:
        """The states of a demonym or a compound ("israélo-américain" -> Israel, USA)."""
        whole = self.demonym(word)
        if whole is not None:
            return (whole,)
        parts = fold(word).split()
        found: list[Actor] = []
        i = 0
        while i < len(parts):
            for j in range(len(parts), i, -1):
                piece = " ".join(parts[i:j])
                aid = self._demonyms.get(piece) or self._prefixes.get(piece)
                if aid:
                    found.append(self._actors[aid])
                    i = j
                    break
            else:
                return ()
        return tuple(found)

    def prefix_form(self, word: str) -> Actor | None:
        """The state of a compound prefix form ("sino" -> China), or None."""
        aid = self._prefixes.get(fold(word))
        return self._actors[aid] if aid else None

    def organisation(self, text: str) -> Actor | None:
        """The organisation a name designates ("Tsahal", "l'Otan"), or None."""
        match = self.organisation_match(text)
        return match.actor if match else None

    def organisation_match(self, text: str) -> OrgMatch | None:
        """An organisation, with the country a demonym gives ("ministère russe de la Défense")."""
        actor = self._best(self._orgs, text)
        if actor is not None:
            return OrgMatch(actor, actor.country)
        words, countries = self._take_demonyms(self._norm.key(text).split())
        if not countries:
            return None
        hits = self._orgs.find(" ".join(words), text)
        if not hits:
            return None
        actor = self._actors[min(hits, key=lambda h: h.rank).actor_id]
        return OrgMatch(actor, actor.country or countries[0])

    def office(self, role: str) -> OfficeKeyModel | None:
        """The definition of an office key, or None."""
        return self._offices.get(role)

    def office_for_title(self, title: str) -> str | None:
        """The office key a title denotes ("ministre des Armées" -> defence_minister)."""
        match = self.parse_title(title)
        return match.role if match is not None and not match.rest else None

    def parse_title(self, title: str) -> TitleMatch | None:
        """Read a title: ranks dropped, demonyms and complements give the country."""
        words = self.strip_ranks(self._norm.key(title)).split()
        words, countries = self._take_demonyms(words)
        for n in range(min(len(words), self._max_title), 0, -1):
            options = self._titles.get(" ".join(words[:n]))
            if options:
                return self._title_match(options, countries, " ".join(words[n:]))
        return None

    def _title_match(
        self, options: list[_Title], countries: list[str], rest: str
    ) -> TitleMatch | None:
        country = countries[0] if countries else None
        org: Actor | None = None
        if rest:
            rest = self._norm.strip_connector(rest)
            state = self._best(self._states, rest)
            if state is not None:
                country, rest = state.country, ""
            else:
                org = self._best(self._orgs, rest)
        for option in options:
            if option.country and country and option.country != country:
                continue  # "secrétaire d'État" is the US foreign minister, not a French one
            spec = self._offices[option.role]
            tail = rest
            org_id: str | None = None
            own_country = country or option.country
            if org is not None and ("*" in spec.org_kinds or org.org_kind in spec.org_kinds):
                tail, org_id = "", org.id
                own_country = own_country or org.country
            return TitleMatch(option.role, own_country, option.title, org_id, tail)
        return None

    def strip_ranks(self, folded: str) -> str:
        """Drop leading military ranks from folded text ("general herzi halevi")."""
        words = folded.split()
        changed = True
        while changed and len(words) > 1:
            changed = False
            for n in range(min(self._max_rank, len(words) - 1), 0, -1):
                if " ".join(words[:n]) in self._ranks:
                    words, changed = words[n:], True
                    break
        return " ".join(words)

    def is_rank(self, text: str) -> bool:
        """True for a military rank ("général", "lieutenant-colonel"), which is not an office."""
        return fold(text) in self._ranks

    # ---------------------------------------------------------------- helpers
    def _best(self, index: _Index, text: str) -> Actor | None:
        key = self._norm.key(text)
        hits = index.find(key, text)
        if not hits:
            stripped = self._norm.strip_connector(key)
            hits = index.find(stripped, text) if stripped != key else []
        if not hits:
            return None
        return self._actors[min(hits, key=lambda h: h.rank).actor_id]

    def _take_demonyms(self, words: list[str]) -> tuple[list[str], list[str]]:
        """Remove demonym words (one or two tokens: "sud coreen"); return the rest, countries."""
        kept: list[str] = []
        countries: list[str] = []
        i = 0
        while i < len(words):
            pair = " ".join(words[i : i + 2]) if i + 1 < len(words) else ""
            aid = self._demonyms.get(pair) if pair else None
            if aid:
                countries.append(aid.removeprefix("state:"))
                i += 2
                continue
            aid = self._demonyms.get(words[i])
            if aid and i > 0:  # a title never starts with its demonym
                countries.append(aid.removeprefix("state:"))
            else:
                kept.append(words[i])
            i += 1
        return kept, countries


@cache
def _load_cached(extra_paths: tuple[str, ...]) -> KnowledgeBase:
    return KnowledgeBase(load_data(extra_paths))
