"""The knowledge base: typed actors (states, organisations, people) and normalised look-ups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import cache

from .index import RANK_ALIAS, RANK_FAMILY, RANK_NAME, NameIndex
from .loader import KbData, load_data
from .normalise import Normaliser, fold
from .schema import OfficeHeldModel, OfficeKeyModel, OrganisationModel, PersonModel, StateModel
from .titles import Lookups, TitleReader
from .types import Actor, ActorKind, Office, OrgMatch, TitleMatch

__all__ = ["Actor", "ActorKind", "KnowledgeBase", "Office", "OrgMatch", "TitleMatch"]

# Family-name keys shorter than this are too ambiguous ("un" of Kim Jong Un).
_MIN_FAMILY = 3


class KnowledgeBase:
    """States, organisations and people with their offices; every look-up is a dict access."""

    def __init__(self, data: KbData) -> None:
        lang = data.language
        self._norm = Normaliser.build(articles=lang.leading_articles, connectors=lang.connectors)
        self._leader_bodies = frozenset(fold(w) for w in lang.leader_bodies)
        self._priority = {o.key: i for i, o in enumerate(data.offices)}
        self._offices = {o.key: o for o in data.offices}
        self._actors: dict[str, Actor] = {}
        self._names = NameIndex()  # people, states and organisations: name, alias, family name
        self._states = NameIndex()
        self._orgs = NameIndex()
        self._places: dict[str, str] = {}  # capital -> state id
        self._metonyms: dict[str, str] = {}  # "washington" -> state:USA
        self._demonyms: dict[str, str] = {}  # "americaines" -> state:USA
        self._prefixes: dict[str, str] = {}  # "americano" -> state:USA
        self._holders: dict[str, list[str]] = {}  # role -> person ids
        # (role, country or None for any) -> (office, person id): what `holders` scans.
        self._terms: dict[tuple[str, str | None], list[tuple[Office, str]]] = {}
        for state in data.states:
            self._add_state(state)
        for org in data.organisations:
            self._add_org(org)
        for person in data.people:
            self._add_person(person)
        self._titles = TitleReader(
            offices=data.offices,
            ranks=data.ranks,
            head_titles=data.head_titles,
            qualifiers=lang.title_qualifiers,
            markers=(lang.former_markers, lang.future_markers, lang.future_after),
            scope_words=lang.scope_connectors,
            descriptors=lang.descriptors,
            norm=self._norm,
            lookups=Lookups(
                state=lambda key: self._by_key(self._states, key),
                organisation=self._org_by_key,
                place=lambda key: self._place_by_key(key),
                demonym=lambda key: self._code(self._demonyms.get(key)),
            ),
        )

    # ---------------------------------------------------------------- building
    def _add_state(self, s: StateModel) -> None:
        aid = f"state:{s.id}"
        self._actors[aid] = Actor(aid, s.name, "state", s.id, tuple(s.names), (), s.wikidata)
        exact = set(s.exact_case)
        for rank, names in ((RANK_NAME, [s.name]), (RANK_ALIAS, s.names)):
            for name in names:
                key, cased = self._norm.key(name), name in exact
                self._states.add(key, aid, rank, original=name, cased=cased)
                self._names.add(key, aid, rank, original=name, cased=cased)
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
        exact = set(o.exact_case)
        for rank, names in ((RANK_NAME, [o.name]), (RANK_ALIAS, o.names)):
            for name in names:
                key, cased = self._norm.key(name), name in exact
                self._orgs.add(key, o.id, rank, original=name, cased=cased)
                self._names.add(key, o.id, rank, original=name, cased=cased)

    def _add_person(self, p: PersonModel) -> None:
        last = len(self._priority)
        offices = sorted(
            # An office written with `country: null` (UN, NATO, EU) has none; one that leaves
            # the field out serves the person's country.
            (Office(o.role, o.label, _office_country(o, p), o.start, o.end) for o in p.offices),
            key=lambda o: (
                self._priority.get(o.role, last),
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
            for key in {(office.role, office.country), (office.role, None)}:
                self._terms.setdefault(key, []).append((office, p.id))
        self._names.add(self._norm.key(p.name), p.id, RANK_NAME, original=p.name)
        for alias in p.aliases:
            self._names.add(self._norm.key(alias), p.id, RANK_ALIAS, original=alias)
        if p.family_name:
            self._names.add(fold(p.family_name), p.id, RANK_FAMILY, original=p.family_name)
            return
        # Without an explicit family name, every proper tail of a full name can stand for it
        # ("al sissi", "sissi").
        for full in [p.name, *p.aliases]:
            words = fold(full).split()
            for i in range(1, len(words)):
                tail = " ".join(words[i:])
                if len(tail) >= _MIN_FAMILY:
                    self._names.add(tail, p.id, RANK_FAMILY, original=tail)

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
            stripped = self._titles.strip_ranks(key)
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
        found: dict[str, int] = {}
        for office, pid in self._terms.get((role, country), ()):
            if pid in found:
                continue
            if office.overlaps(on, until) if until is not None else office.active(on):
                # A person's offices are sorted by priority then latest start, as before.
                found[pid] = office.start.toordinal() if office.start else 0
        ranked = sorted(found.items(), key=lambda x: -x[1])
        return [self._actors[pid] for pid, _ in ranked]

    def next_holder(self, role: str, country: str | None, after: dt.date) -> Actor | None:
        """Who takes up `role` (for `country`) first after the date: the one "élu" designates."""
        starts = [
            (office.start, pid)
            for office, pid in self._terms.get((role, country), ())
            if office.start is not None and office.start > after
        ]
        return self._actors[min(starts)[1]] if starts else None

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
        return tuple(found) if len(found) > 1 else ()

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
        aid = self._orgs.best(self._norm.key(text), text)
        if aid is None:
            stripped = self._norm.strip_connector(self._norm.key(text))
            aid = self._orgs.best(stripped, text)
        if aid is not None:
            actor = self._actors[aid]
            return OrgMatch(actor, actor.country)
        return self._org_with_demonym(self._norm.key(text), text)

    def named(self, name: str, kind: str) -> OrgMatch | None:
        """The actor a bare name of that kind designates, with its country: a state, a body
        (a state's generic government is the state), or the one person of that name."""
        if kind == "person":
            people = self.candidates(name, kinds=("person",))
            return OrgMatch(people[0], people[0].country) if len(people) == 1 else None
        state = self.state(name)
        if state is not None:
            return OrgMatch(state, state.country)
        match = self.organisation_match(name)
        if match is None:
            return self._led_by(name)
        if match.actor.generic and match.country is None:
            return None  # "le ministère" alone: whose, only the context tells
        return self.governing(match)

    def _led_by(self, name: str) -> OrgMatch | None:
        """ "l'administration X", "le régime X": the state of the one leader named X."""
        words = self._norm.key(name).split()
        if len(words) < 2 or words[0] not in self._leader_bodies:
            return None
        people = self.candidates(" ".join(words[1:]), kinds=("person",))
        if len(people) != 1 or people[0].country is None:
            return None
        home = self.get(f"state:{people[0].country}")
        return OrgMatch(home, home.country) if home is not None else None

    def governing(self, match: OrgMatch) -> OrgMatch:
        """A state's generic government ("le gouvernement américain") as the state itself,
        which the base has no separate body for; any other match unchanged."""
        if not (match.actor.generic and match.actor.org_kind == "government"):
            return match
        home = self.get(f"state:{match.country}") if match.country else None
        return OrgMatch(home, match.country) if home is not None else match

    def office(self, role: str) -> OfficeKeyModel | None:
        """The definition of an office key, or None."""
        return self._offices.get(role)

    def office_for_title(self, title: str) -> str | None:
        """The office key a title denotes ("ministre des Armées" -> defence_minister)."""
        match = self.parse_title(title)
        return match.role if match is not None and not match.rest else None

    def parse_title(self, title: str) -> TitleMatch | None:
        """Read a title: role, country, organisation; `rest` holds what could not be read."""
        return self._titles.read(title)

    def strip_ranks(self, text: str) -> str:
        """Text folded, without its article and leading ranks ("le général Herzi Halevi")."""
        return self._titles.strip_ranks(self._norm.key(text))

    def is_rank(self, text: str) -> bool:
        """True for a military rank ("général", "lieutenant-colonel"), which is not an office."""
        return self._titles.is_rank(fold(text))

    # ---------------------------------------------------------------- helpers
    def _best(self, index: NameIndex, text: str) -> Actor | None:
        key = self._norm.key(text)
        aid = index.best(key, text)
        if aid is None:
            stripped = self._norm.strip_connector(key)
            aid = index.best(stripped, text) if stripped != key else None
        return self._actors[aid] if aid else None

    def _by_key(self, index: NameIndex, key: str) -> Actor | None:
        aid = index.best(key, key, cased=False)
        return self._actors[aid] if aid else None

    def _org_by_key(self, key: str) -> OrgMatch | None:
        actor = self._by_key(self._orgs, key)
        if actor is not None:
            return OrgMatch(actor, actor.country)
        return self._org_with_demonym(key, key, cased=False)

    def _org_with_demonym(self, key: str, text: str, *, cased: bool = True) -> OrgMatch | None:
        """'armée soudanaise' -> the generic army, with Sudan as its country."""
        words = key.split()
        for i in range(1, len(words)):
            for n in (2, 1):
                code = self._code(self._demonyms.get(" ".join(words[i : i + n])))
                if code is None or i + n > len(words):
                    continue
                rest = " ".join(words[:i] + words[i + n :])
                aid = self._orgs.best(rest, text, cased=cased)
                if aid is not None:
                    actor = self._actors[aid]
                    return OrgMatch(actor, actor.country or code)
        return None

    def _place_by_key(self, key: str) -> Actor | None:
        aid = self._places.get(key) or self._metonyms.get(key)
        return self._actors[aid] if aid else None

    @staticmethod
    def _code(actor_id: str | None) -> str | None:
        return actor_id.removeprefix("state:") if actor_id else None


@cache
def _load_cached(extra_paths: tuple[str, ...]) -> KnowledgeBase:
    return KnowledgeBase(load_data(extra_paths))


def _office_country(office: OfficeHeldModel, person: PersonModel) -> str | None:
    """The office's own country when written, else the person's."""
    return office.country if "country" in office.model_fields_set else person.country
