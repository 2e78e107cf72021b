"""Pair one article's system items with its gold items and judge each pair (FORMAT.md rules).

Decisions where FORMAT.md is silent (kept in one place so that scores stay comparable):
- Events of different types never match; the type is compared upper-cased.
- Non-CONSULT events: every side the gold fills must share an actor with the same side of the
  system event. A gold event with an empty target (a SUPPORT, a REQUEST nobody receives) is
  matched by a shared source alone, whatever target the system adds; one with an empty source
  (an unattributed strike) by a shared target alone; one with both sides empty by type alone.
  Mutual gold events list every party on both sides, so either system direction matches.
- CONSULT events: source and target pooled as participants; they must share two participants,
  or as many as the gold event has when it has fewer (one, or none: type alone).
- Dates (events and `published`): a null gold date is right only when the system gives null
  (a date the text does not support is an invention); a system date coarser than the gold is
  wrong; otherwise the system date cut to the gold precision must equal the gold date.
- Places: a null gold location is right only when the system gives null; otherwise the system
  place must match the gold location or one of its `location_aliases`.
- Status is compared as is; mode (CONSULT's meet, visit, phone...) only where the gold gives one.
- Actor accuracy is the Jaccard index of the participant sets (source and target pooled, names
  matched one-to-one by the name rule), whatever the event type.
- Quotes match on word overlap (with repeats, after folding) of at least half the gold quote's
  words; a null gold speaker wants a null system speaker.
- People: country codes compared upper-cased, null equal to null; roles by `Folding.role_match`.
- Among matchings with the most pairs, the one whose pairs resemble each other most is kept
  (actor Jaccard plus overlap of the evidence sentences for events; Dice of the words for
  quotes; exact name over alias over family name for people).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..records import PartialDate
from .assign import Pair, best_pairs
from .gold import GoldEvent, GoldRecord
from .names import ActorNames
from .text import Folding, fold, overlap, words

PublishedGroup = Literal["stated", "inferred", "none"]
CONSULT = "CONSULT"
_RANK = {"year": 0, "month": 1, "day": 2}


@dataclass(frozen=True, slots=True)
class EventPair:
    """A gold event and the system event matched to it, with the judgements on the pair."""

    gold: int
    system: int
    date_right: bool
    location_right: bool
    status_right: bool
    actors: float
    mode_right: bool | None = None  # None when the gold event gives no mode


@dataclass(frozen=True, slots=True)
class QuotePair:
    """A gold quote and the system quote matched to it."""

    gold: int
    system: int
    speaker_right: bool


@dataclass(frozen=True, slots=True)
class PersonPair:
    """A gold person and the system person matched to them."""

    gold: int
    system: int
    country_right: bool
    role_right: bool


@dataclass(frozen=True, slots=True)
class Alignment:
    """One article: its gold and system records and the pairs found between them."""

    gold: GoldRecord
    system: GoldRecord
    events: tuple[EventPair, ...]
    quotes: tuple[QuotePair, ...]
    people: tuple[PersonPair, ...]
    published_right: bool
    published_group: PublishedGroup

    @property
    def missed_events(self) -> tuple[int, ...]:
        """Indexes of gold events no system event matched."""
        return _unpaired(len(self.gold.events), {p.gold for p in self.events})

    @property
    def spurious_events(self) -> tuple[int, ...]:
        """Indexes of system events that matched no gold event."""
        return _unpaired(len(self.system.events), {p.system for p in self.events})

    @property
    def missed_quotes(self) -> tuple[int, ...]:
        """Indexes of gold quotes no system quote matched."""
        return _unpaired(len(self.gold.quotes), {p.gold for p in self.quotes})

    @property
    def spurious_quotes(self) -> tuple[int, ...]:
        """Indexes of system quotes that matched no gold quote."""
        return _unpaired(len(self.system.quotes), {p.system for p in self.quotes})

    @property
    def missed_people(self) -> tuple[int, ...]:
        """Indexes of gold people no system person matched."""
        return _unpaired(len(self.gold.people), {p.gold for p in self.people})

    @property
    def spurious_people(self) -> tuple[int, ...]:
        """Indexes of system people that matched no gold person."""
        return _unpaired(len(self.system.people), {p.system for p in self.people})


def _unpaired(size: int, paired: set[int]) -> tuple[int, ...]:
    return tuple(i for i in range(size) if i not in paired)


def date_right(system: PartialDate | None, gold: PartialDate | None) -> bool:
    """True when the system date, cut to the gold precision, is the gold date."""
    if gold is None or system is None:
        return gold is None and system is None
    if _RANK[system.precision] < _RANK[gold.precision]:
        return False
    return system.truncate(gold.precision) == gold


def published_group(record: GoldRecord) -> PublishedGroup:
    """Which `published` accuracy a gold record counts in: stated, inferred, or none (null)."""
    if record.published is None:
        return "none"
    return "inferred" if record.published_from == "inferred" else "stated"


def _dice(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    return 2 * overlap(a, b) / (len(a) + len(b)) if a and b else 0.0


def _event_quality(system: GoldEvent, gold: GoldEvent, names: ActorNames) -> float | None:
    """How alike a matching pair of events is, or None when they do not match."""
    if system.type.upper() != gold.type.upper():
        return None
    everyone = names.compare((*system.source, *system.target), (*gold.source, *gold.target))
    if gold.type.upper() == CONSULT:
        needed = min(2, len(names.distinct_gold((*gold.source, *gold.target))))
        if everyone.shared < needed:
            return None
    else:
        for mine, theirs in ((system.source, gold.source), (system.target, gold.target)):
            if theirs and not names.compare(mine, theirs).shared:
                return None
    return everyone.jaccard + _dice(words(gold.evidence), words(system.evidence))


def _place_right(system: GoldEvent, gold: GoldEvent, folding: Folding) -> bool:
    if gold.location is None or system.location is None:
        return gold.location is None and system.location is None
    places = (gold.location, *gold.location_aliases)
    return any(folding.place_match(system.location, place) for place in places)


def _events(gold: GoldRecord, system: GoldRecord, names: ActorNames) -> tuple[EventPair, ...]:
    quality: dict[Pair, float] = {}
    for g, gold_event in enumerate(gold.events):
        for s, system_event in enumerate(system.events):
            q = _event_quality(system_event, gold_event, names)
            if q is not None:
                quality[(g, s)] = q
    pairs = []
    for g, s in best_pairs(len(gold.events), len(system.events), quality):
        ge, se = gold.events[g], system.events[s]
        actors = names.compare((*se.source, *se.target), (*ge.source, *ge.target))
        pairs.append(
            EventPair(
                gold=g,
                system=s,
                date_right=date_right(se.date, ge.date),
                location_right=_place_right(se, ge, names.folding),
                status_right=(ge.status or None) == (se.status or None),
                actors=actors.jaccard,
                mode_right=None if not ge.mode else fold(ge.mode) == fold(se.mode or ""),
            )
        )
    return tuple(pairs)


def _quotes(gold: GoldRecord, system: GoldRecord, names: ActorNames) -> tuple[QuotePair, ...]:
    gold_words = [words(q.text) for q in gold.quotes]
    system_words = [words(q.text) for q in system.quotes]
    quality = {
        (g, s): _dice(gw, sw)
        for g, gw in enumerate(gold_words)
        for s, sw in enumerate(system_words)
        if gw and 2 * overlap(gw, sw) >= len(gw)
    }
    pairs = []
    for g, s in best_pairs(len(gold_words), len(system_words), quality):
        said, heard = gold.quotes[g].speaker, system.quotes[s].speaker
        if said is None or heard is None:
            right = said is None and heard is None
        else:
            right = names.strength(heard, said) > 0
        pairs.append(QuotePair(gold=g, system=s, speaker_right=right))
    return tuple(pairs)


def _people(gold: GoldRecord, system: GoldRecord, names: ActorNames) -> tuple[PersonPair, ...]:
    quality = {
        (g, s): q
        for g in range(len(gold.people))
        for s, person in enumerate(system.people)
        if (q := names.person_strength(person, g)) > 0
    }
    pairs = []
    for g, s in best_pairs(len(gold.people), len(system.people), quality):
        gp, sp = gold.people[g], system.people[s]
        country = (gp.country or "").upper() == (sp.country or "").upper()
        role = names.folding.role_match(sp.role, gp.role)
        pairs.append(PersonPair(gold=g, system=s, country_right=country, role_right=role))
    return tuple(pairs)


def align(gold: GoldRecord, system: GoldRecord, *, folding: Folding) -> Alignment:
    """Match one article's system items to its gold items and judge the matches."""
    names = ActorNames(gold.people, system.people, folding=folding)
    return Alignment(
        gold=gold,
        system=system,
        events=_events(gold, system, names),
        quotes=_quotes(gold, system, names),
        people=_people(gold, system, names),
        published_right=date_right(system.published, gold.published),
        published_group=published_group(gold),
    )
