"""Typed score records, their JSON-ready form and the dotted metric names the gate reads."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

Metric = float | int | None


def _ratio(part: float, whole: float, *, empty: float) -> float:
    return part / whole if whole else empty


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives, with precision, recall and F1.

    With nothing to find and nothing found, all three ratios are 1.0; a side with no items
    while the other has some gives 0.0 (nothing right).
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of system items that match a gold item."""
        return _ratio(self.tp, self.tp + self.fp, empty=0.0 if self.fn else 1.0)

    @property
    def recall(self) -> float:
        """Share of gold items that a system item matches."""
        return _ratio(self.tp, self.tp + self.fn, empty=0.0 if self.fp else 1.0)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return _ratio(2 * p * r, p + r, empty=0.0)

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, Metric]:
        """Counts and ratios (rounded to 4 places)."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True, slots=True)
class Accuracy:
    """A share over matched pairs: `right` out of `total`, or a sum of values over `total`.

    `value` is None when there is nothing to judge (no matched pair), so that an empty
    category is neither perfect nor failed.
    """

    right: float = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        """The share, or None with no pair to judge."""
        return self.right / self.total if self.total else None

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.right + other.right, self.total + other.total)

    def rounded(self) -> float | None:
        """`value` rounded to 4 places."""
        value = self.value
        return None if value is None else round(value, 4)


@dataclass(frozen=True, slots=True)
class EventScores:
    """Event detection overall and by PLOVER type, and accuracies on matched pairs."""

    counts: Counts
    by_type: tuple[tuple[str, Counts], ...]
    date: Accuracy
    location: Accuracy
    actors: Accuracy
    status: Accuracy
    mode: Accuracy

    def as_dict(self) -> dict[str, Any]:
        """`events.*` metrics."""
        return {
            **self.counts.as_dict(),
            "by_type": {name: counts.as_dict() for name, counts in self.by_type},
            **_accuracies(
                date=self.date, location=self.location, status=self.status, mode=self.mode
            ),
            "actor_accuracy": self.actors.rounded(),
            "actor_right": round(self.actors.right, 4),
        }


@dataclass(frozen=True, slots=True)
class QuoteScores:
    """Quote detection and speaker accuracy on matched quotes."""

    counts: Counts
    speaker: Accuracy

    def as_dict(self) -> dict[str, Any]:
        """`quotes.*` metrics."""
        return {**self.counts.as_dict(), **_accuracies(speaker=self.speaker)}


@dataclass(frozen=True, slots=True)
class PeopleScores:
    """People detection and country and role accuracy on matched people."""

    counts: Counts
    country: Accuracy
    role: Accuracy

    def as_dict(self) -> dict[str, Any]:
        """`people.*` metrics."""
        return {**self.counts.as_dict(), **_accuracies(country=self.country, role=self.role)}


@dataclass(frozen=True, slots=True)
class PublishedScores:
    """`published` accuracy overall, for stated (header, text) and for inferred gold dates.

    Articles whose gold `published` is null count in the overall accuracy only.
    """

    overall: Accuracy
    stated: Accuracy
    inferred: Accuracy

    def as_dict(self) -> dict[str, Metric]:
        """`published.*` metrics."""
        out: dict[str, Metric] = {}
        for suffix, acc in (
            ("", self.overall),
            ("_stated", self.stated),
            ("_inferred", self.inferred),
        ):
            out[f"accuracy{suffix}"] = acc.rounded()
            out[f"right{suffix}"] = int(acc.right)
            out[f"total{suffix}"] = acc.total
        return out


@dataclass(frozen=True, slots=True)
class Scores:
    """Every score of a system run against a gold set."""

    documents: int
    events: EventScores
    quotes: QuoteScores
    people: PeopleScores
    published: PublishedScores
    unpaired_system_docs: tuple[str, ...] = ()
    merge: Counts | None = None
    merge_gold_events: Counts | None = None  # merging run on the gold's own events

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready scores with stable key names (see `flatten` for the dotted names)."""
        return {
            "documents": self.documents,
            "events": self.events.as_dict(),
            "quotes": self.quotes.as_dict(),
            "people": self.people.as_dict(),
            "published": self.published.as_dict(),
            "unpaired_system_docs": list(self.unpaired_system_docs),
            **({"merge": self.merge.as_dict()} if self.merge is not None else {}),
            **(
                {"merge_gold_events": self.merge_gold_events.as_dict()}
                if self.merge_gold_events is not None
                else {}
            ),
        }

    def metrics(self) -> dict[str, Metric]:
        """Every numeric score by dotted name, e.g. 'events.by_type.CONSULT.f1'."""
        return flatten(self.as_dict())


def _accuracies(**accuracies: Accuracy) -> dict[str, Metric]:
    """`<name>_accuracy`, `<name>_right` and `<name>_total` for each accuracy."""
    out: dict[str, Metric] = {}
    for name, acc in accuracies.items():
        out[f"{name}_accuracy"] = acc.rounded()
        out[f"{name}_right"] = int(acc.right)
        out[f"{name}_total"] = acc.total
    return out


def flatten(tree: Mapping[str, Any], prefix: str = "") -> dict[str, Metric]:
    """Numeric leaves (and nulls) of a nested mapping by dotted path; lists are left out."""
    flat: dict[str, Metric] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, f"{name}."))
        elif value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
            flat[name] = value
    return flat
