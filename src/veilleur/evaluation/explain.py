"""Per-article differences between system and gold, for error analysis."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal

from ..records import PartialDate
from .align import Alignment
from .gold import GoldEvent, GoldPerson, GoldQuote, GoldRecord
from .score import align_all

Item = Literal["event", "quote", "person", "published", "merge"]
Kind = Literal["missed", "spurious", "wrong"]


@dataclass(frozen=True, slots=True)
class Diff:
    """One difference: a gold item missed, a system item spurious, or a matched field wrong."""

    doc: str
    item: Item
    kind: Kind
    field: str | None = None
    gold: str | None = None
    system: str | None = None
    gold_index: int | None = None
    system_index: int | None = None
    context: str | None = None  # the gold item a wrong field belongs to

    def as_dict(self) -> dict[str, str | int | None]:
        """The diff as JSON-ready values."""
        return {
            "doc": self.doc,
            "item": self.item,
            "kind": self.kind,
            "field": self.field,
            "gold": self.gold,
            "system": self.system,
            "gold_index": self.gold_index,
            "system_index": self.system_index,
            "context": self.context,
        }

    def __str__(self) -> str:
        what = f"{self.item} {self.kind}" + (f" {self.field}" if self.field else "")
        if self.kind == "missed" and self.field:
            what = f"{self.item} missed ({self.field})"
        sides = []
        if self.gold is not None or self.kind != "spurious":
            sides.append(f"gold{_index(self.gold_index)}={self.gold}")
        if self.system is not None or self.kind != "missed":
            sides.append(f"system{_index(self.system_index)}={self.system}")
        line = f"{self.doc}: {what}: " + " | ".join(sides)
        return f"{line} (in {self.context})" if self.context else line


def _index(index: int | None) -> str:
    return "" if index is None else f"[{index}]"


def _date(date: PartialDate | None) -> str:
    return date.iso() if date else "null"


def describe_event(event: GoldEvent) -> str:
    """'TYPE source -> target @date in place', for reading diffs."""
    source, target = ", ".join(event.source), ", ".join(event.target)
    return f"{event.type} {source} -> {target} @{_date(event.date)} in {event.location}"


def _actors(event: GoldEvent) -> str:
    return f"{', '.join(event.source)} -> {', '.join(event.target)}"


def _quote(quote: GoldQuote) -> str:
    text = quote.text if len(quote.text) <= 60 else quote.text[:57] + "..."
    return f"{quote.speaker}: «{text}»"


def _person(person: GoldPerson) -> str:
    return f"{person.name} ({person.country}, {person.role})"


# Why a gold event was missed, read from the system's events of its evidence sentence.
NOT_FOUND, WRONG_ACTORS, OTHER_TYPE = "not found", "wrong actors", "other type"
_SAME_SENTENCE = 50  # characters of one evidence that must occur in the other


def _same_sentence(a: str, b: str) -> bool:
    a, b = a.strip(), b.strip()
    return bool(a and b) and (a[:_SAME_SENTENCE] in b or b[:_SAME_SENTENCE] in a)


def _missed(doc: str, g: int, gold: GoldEvent, system: Sequence[GoldEvent]) -> Diff:
    """A missed gold event with its cause: nothing found in its sentence, an event of its
    type there with other actors, or only events of other types (shown as `system`)."""
    there = [
        (i, e) for i, e in enumerate(system) if _same_sentence(gold.evidence, e.evidence or "")
    ]
    same = [(i, e) for i, e in there if e.type == gold.type]
    cause = WRONG_ACTORS if same else OTHER_TYPE if there else NOT_FOUND
    shown = (same or there)[:1]
    return Diff(
        doc,
        "event",
        "missed",
        field=cause,
        gold=describe_event(gold),
        system=describe_event(shown[0][1]) if shown else None,
        gold_index=g,
        system_index=shown[0][0] if shown else None,
    )


def _event_diffs(a: Alignment) -> list[Diff]:
    doc, gold, system = a.gold.doc, a.gold.events, a.system.events
    diffs = [_missed(doc, g, gold[g], system) for g in a.missed_events]
    diffs += [
        Diff(doc, "event", "spurious", system=describe_event(system[s]), system_index=s)
        for s in a.spurious_events
    ]
    for p in a.events:
        ge, se = gold[p.gold], system[p.system]
        checks = (
            ("date", p.date_right, _date(ge.date), _date(se.date)),
            ("location", p.location_right, str(ge.location), str(se.location)),
            ("actors", p.actors == 1.0, _actors(ge), _actors(se)),
            ("status", p.status_right, str(ge.status), str(se.status)),
            ("mode", p.mode_right is not False, str(ge.mode), str(se.mode)),
        )
        context = describe_event(ge)
        diffs += [
            Diff(doc, "event", "wrong", name, g_text, s_text, p.gold, p.system, context)
            for name, right, g_text, s_text in checks
            if not right
        ]
    return diffs


def _quote_diffs(a: Alignment) -> list[Diff]:
    doc, gold, system = a.gold.doc, a.gold.quotes, a.system.quotes
    diffs = [
        Diff(doc, "quote", "missed", gold=_quote(gold[g]), gold_index=g) for g in a.missed_quotes
    ]
    diffs += [
        Diff(doc, "quote", "spurious", system=_quote(system[s]), system_index=s)
        for s in a.spurious_quotes
    ]
    diffs += [
        Diff(
            doc,
            "quote",
            "wrong",
            "speaker",
            _quote(gold[p.gold]),
            _quote(system[p.system]),
            p.gold,
            p.system,
        )
        for p in a.quotes
        if not p.speaker_right
    ]
    return diffs


def _people_diffs(a: Alignment) -> list[Diff]:
    doc, gold, system = a.gold.doc, a.gold.people, a.system.people
    diffs = [
        Diff(doc, "person", "missed", gold=_person(gold[g]), gold_index=g) for g in a.missed_people
    ]
    diffs += [
        Diff(doc, "person", "spurious", system=_person(system[s]), system_index=s)
        for s in a.spurious_people
    ]
    for p in a.people:
        gp, sp = gold[p.gold], system[p.system]
        if not p.country_right:
            diffs.append(
                Diff(doc, "person", "wrong", "country", _person(gp), _person(sp), p.gold, p.system)
            )
        if not p.role_right:
            diffs.append(
                Diff(doc, "person", "wrong", "role", _person(gp), _person(sp), p.gold, p.system)
            )
    return diffs


def article_diffs(a: Alignment) -> list[Diff]:
    """Every difference in one aligned article: published, people, events, quotes."""
    diffs = []
    if not a.published_right:
        gold = f"{_date(a.gold.published)} ({a.gold.published_from})"
        system = f"{_date(a.system.published)} ({a.system.published_from})"
        diffs.append(Diff(a.gold.doc, "published", "wrong", a.published_group, gold, system))
    return diffs + _people_diffs(a) + _event_diffs(a) + _quote_diffs(a)


def merge_diffs(
    gold: Sequence[GoldRecord],
    missed: Sequence[tuple[tuple[str, int], tuple[str, int]]],
    spurious: Sequence[tuple[tuple[str, int], tuple[str, int]]],
    *,
    detected: Collection[tuple[str, int]],
) -> list[Diff]:
    """Gold event pairs left apart (missed) and wrongly joined (spurious), each side described.

    `detected` holds the gold events some system event matched: a missed pair with another
    event is marked "undetected".
    """
    events = {(g.doc, i): e for g in gold for i, e in enumerate(g.events)}

    def pair(a: tuple[str, int], b: tuple[str, int]) -> tuple[str, str]:
        where = f"{a[0]}#{a[1]} + {b[0]}#{b[1]}"
        return where, f"{describe_event(events[a])} == {describe_event(events[b])}"

    diffs = []
    for a, b in missed:
        where, text = pair(a, b)
        # A pair whose event was never extracted is a detection miss, not a merging one.
        field = None if a in detected and b in detected else "undetected"
        diffs.append(Diff(where, "merge", "missed", field, gold=text))
    for a, b in spurious:
        where, text = pair(a, b)
        diffs.append(Diff(where, "merge", "spurious", system=text))
    return diffs


def missed_causes(diffs: Sequence[Diff]) -> dict[str, int]:
    """How many gold events were missed for each cause, in a fixed order."""
    causes = [d.field for d in diffs if d.item == "event" and d.kind == "missed"]
    return {cause: causes.count(cause) for cause in (NOT_FOUND, WRONG_ACTORS, OTHER_TYPE)}


def explain(
    gold: Sequence[GoldRecord], system: Sequence[GoldRecord], *, lang: str = "fr"
) -> list[Diff]:
    """What the system missed, added or got wrong, article by article (in gold order)."""
    return [d for a in align_all(gold, system, lang=lang) for d in article_diffs(a)]
