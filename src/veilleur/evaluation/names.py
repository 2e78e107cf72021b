"""Whether a system name designates a gold actor, within one article (FORMAT.md name rule)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .assign import best_pairs
from .gold import GoldPerson
from .text import Folding

# How close a name match is, to prefer the closest pairing when several are possible.
EXACT, ALIAS, FAMILY = 1.0, 0.9, 0.6


@dataclass(frozen=True, slots=True)
class _Person:
    """A person's comparison keys: every spelling, every family name, and the country."""

    name: str
    keys: frozenset[str]
    families: frozenset[str]
    country: str | None


def _person(person: GoldPerson, folding: Folding) -> _Person:
    spellings = (person.name, *person.aliases)
    return _Person(
        name=folding.name(person.name),
        keys=frozenset(k for k in (folding.name(s) for s in spellings) if k),
        families=frozenset(f for f in (folding.family(s) for s in spellings) if f),
        country=person.country.upper() if person.country else None,
    )


@dataclass(frozen=True, slots=True)
class Match:
    """How many names two lists share (one-to-one) and the Jaccard index of the two sets."""

    shared: int
    jaccard: float


class ActorNames:
    """The name rule of one article: its gold people and the system's people give countries.

    A system name matches a gold actor when, folded, it equals the actor's name or one of its
    aliases, or has the same family name (last word) with the same country. The gold country is
    the gold person's; the system country is that of the system person bearing the name (by
    name or alias, else by a family name that only people of one country bear). A name the
    system lists nowhere among its people has no known country, so it matches a gold person
    only by name or alias. Organisations and states match by folded name only.
    """

    def __init__(
        self,
        gold_people: Sequence[GoldPerson],
        system_people: Sequence[GoldPerson],
        *,
        folding: Folding,
    ) -> None:
        self.folding = folding
        self._gold = tuple(_person(p, folding) for p in gold_people)
        self._system = tuple(_person(p, folding) for p in system_people)

    def gold_person(self, name: str) -> int | None:
        """Index of the gold person a gold name designates (by spelling, else unique family)."""
        found = _lookup(self._gold, name, self.folding)
        return found[0] if len(found) == 1 else None

    def system_country(self, name: str) -> tuple[bool, str | None]:
        """(known, country) of a system name, from the system's own people list."""
        found = _lookup(self._system, name, self.folding)
        if not found:
            return False, None
        countries = {self._system[i].country for i in found}
        return (True, countries.pop()) if len(countries) == 1 else (False, None)

    def strength(self, system: str, gold: str) -> float:
        """How well a system name designates a gold actor: EXACT, ALIAS, FAMILY or 0."""
        key = self.folding.name(system)
        if not key:
            return 0.0
        if key == self.folding.name(gold):
            return EXACT
        index = self.gold_person(gold)
        if index is None:
            return 0.0
        person = self._gold[index]
        if key in person.keys:
            return ALIAS
        if self.folding.family(system) in person.families:
            known, country = self.system_country(system)
            if known and country == person.country:
                return FAMILY
        return 0.0

    def person_strength(self, system: GoldPerson, gold_index: int) -> float:
        """How well a system person matches a gold person (name, aliases, family + country)."""
        person = self._gold[gold_index]
        mine = _person(system, self.folding)
        if mine.name == person.name:
            return EXACT
        if mine.keys & person.keys:
            return ALIAS
        if mine.families & person.families and mine.country == person.country:
            return FAMILY
        return 0.0

    def compare(self, system: Iterable[str], gold: Iterable[str]) -> Match:
        """Names shared one-to-one by two actor lists, and the Jaccard index of the sets."""
        gold_names = self.distinct_gold(gold)
        system_names = _distinct(system, self.folding)
        quality = {
            (g, s): q
            for g, gold_name in enumerate(gold_names)
            for s, system_name in enumerate(system_names)
            if (q := self.strength(system_name, gold_name)) > 0
        }
        shared = len(best_pairs(len(gold_names), len(system_names), quality))
        union = len(gold_names) + len(system_names) - shared
        return Match(shared=shared, jaccard=shared / union if union else 1.0)

    def distinct_gold(self, names: Iterable[str]) -> list[str]:
        """Gold names without repeats: two spellings of one gold person count once."""
        seen: set[object] = set()
        kept = []
        for name in names:
            index = self.gold_person(name)
            identity: object = ("person", index) if index is not None else self.folding.name(name)
            if identity and identity not in seen:
                seen.add(identity)
                kept.append(name)
        return kept


def _distinct(names: Iterable[str], folding: Folding) -> list[str]:
    seen: set[str] = set()
    kept = []
    for name in names:
        key = folding.name(name)
        if key and key not in seen:
            seen.add(key)
            kept.append(name)
    return kept


def _lookup(people: Sequence[_Person], name: str, folding: Folding) -> list[int]:
    """People bearing `name` as a spelling, else the people whose family name it is."""
    key = folding.name(name)
    if not key:
        return []
    exact = [i for i, p in enumerate(people) if key in p.keys]
    if exact:
        return exact[:1]
    family = folding.family(name)
    return [i for i, p in enumerate(people) if family in p.families]
