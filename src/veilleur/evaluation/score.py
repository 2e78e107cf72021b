"""Score system records against gold records, article by article (paired by `doc`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..errors import Errors
from .align import Alignment, align
from .gold import EvalError, GoldRecord
from .scores import (
    Accuracy,
    Counts,
    EventScores,
    PeopleScores,
    PublishedScores,
    QuoteScores,
    Scores,
)
from .text import folding


def _by_doc(records: Sequence[GoldRecord], side: str) -> dict[str, GoldRecord]:
    counts = Counter(r.doc for r in records)
    for doc, n in counts.items():
        if n > 1:
            raise EvalError(Errors.E308.format(doc=doc, n=n, side=side))
    return {r.doc: r for r in records}


def align_all(
    gold: Sequence[GoldRecord], system: Sequence[GoldRecord], *, lang: str = "fr"
) -> list[Alignment]:
    """One alignment per gold article, in gold order; a missing system article counts as empty."""
    rules = folding(lang)
    found = _by_doc(system, "system")
    _by_doc(gold, "gold")
    return [align(g, found.get(g.doc, GoldRecord(doc=g.doc)), folding=rules) for g in gold]


def _events(alignments: Sequence[Alignment]) -> EventScores:
    by_type: dict[str, Counts] = {}

    def add(kind: str, counts: Counts) -> None:
        by_type[kind] = by_type.get(kind, Counts()) + counts

    date = location = actors = status = mode = Accuracy()
    for a in alignments:
        for pair in a.events:
            add(a.gold.events[pair.gold].type.upper(), Counts(tp=1))
            date += Accuracy(int(pair.date_right), 1)
            location += Accuracy(int(pair.location_right), 1)
            status += Accuracy(int(pair.status_right), 1)
            if pair.mode_right is not None:
                mode += Accuracy(int(pair.mode_right), 1)
            actors += Accuracy(pair.actors, 1)
        for g in a.missed_events:
            add(a.gold.events[g].type.upper(), Counts(fn=1))
        for s in a.spurious_events:
            add(a.system.events[s].type.upper(), Counts(fp=1))
    total = sum(by_type.values(), Counts())
    return EventScores(
        counts=total,
        by_type=tuple(sorted(by_type.items())),
        date=date,
        location=location,
        actors=actors,
        status=status,
        mode=mode,
    )


def _quotes(alignments: Sequence[Alignment]) -> QuoteScores:
    counts, speaker = Counts(), Accuracy()
    for a in alignments:
        counts += Counts(len(a.quotes), len(a.spurious_quotes), len(a.missed_quotes))
        speaker += Accuracy(sum(p.speaker_right for p in a.quotes), len(a.quotes))
    return QuoteScores(counts=counts, speaker=speaker)


def _people(alignments: Sequence[Alignment]) -> PeopleScores:
    counts, country, role = Counts(), Accuracy(), Accuracy()
    for a in alignments:
        counts += Counts(len(a.people), len(a.spurious_people), len(a.missed_people))
        country += Accuracy(sum(p.country_right for p in a.people), len(a.people))
        role += Accuracy(sum(p.role_right for p in a.people), len(a.people))
    return PeopleScores(counts=counts, country=country, role=role)


def _published(alignments: Sequence[Alignment]) -> PublishedScores:
    groups = {"stated": Accuracy(), "inferred": Accuracy(), "none": Accuracy()}
    for a in alignments:
        groups[a.published_group] += Accuracy(int(a.published_right), 1)
    overall = sum(groups.values(), Accuracy())
    return PublishedScores(overall=overall, stated=groups["stated"], inferred=groups["inferred"])


def summarise(
    alignments: Sequence[Alignment], *, unpaired_system_docs: Sequence[str] = ()
) -> Scores:
    """Add up the alignments of every article into one Scores tree."""
    return Scores(
        documents=len(alignments),
        events=_events(alignments),
        quotes=_quotes(alignments),
        people=_people(alignments),
        published=_published(alignments),
        unpaired_system_docs=tuple(unpaired_system_docs),
    )


def score(gold: Sequence[GoldRecord], system: Sequence[GoldRecord], *, lang: str = "fr") -> Scores:
    """Score system records against gold records by FORMAT.md's rules.

    Articles are paired by `doc`. A gold article the system lacks counts as an empty system
    record (everything missed); a system article absent from the gold is not scored (it has no
    annotation) and is listed in `unpaired_system_docs`.
    """
    gold_docs = {g.doc for g in gold}
    unpaired = sorted({s.doc for s in system} - gold_docs)
    return summarise(align_all(gold, system, lang=lang), unpaired_system_docs=unpaired)
