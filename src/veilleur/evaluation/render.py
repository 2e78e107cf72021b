"""Scores as rich tables, for the command line."""

from __future__ import annotations

from rich.table import Table

from .scores import Accuracy, Counts, Scores


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def _detection_row(table: Table, name: str, counts: Counts) -> None:
    table.add_row(
        name,
        _pct(counts.precision),
        _pct(counts.recall),
        _pct(counts.f1),
        str(counts.tp),
        str(counts.fp),
        str(counts.fn),
    )


def detection_table(scores: Scores) -> Table:
    """Precision, recall and F1 of events (overall and by type), quotes and people."""
    table = Table(title=f"Detection ({scores.documents} articles)")
    table.add_column("items")
    for column in ("P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="right")
    _detection_row(table, "events", scores.events.counts)
    for kind, counts in scores.events.by_type:
        _detection_row(table, f"  {kind}", counts)
    _detection_row(table, "quotes", scores.quotes.counts)
    _detection_row(table, "people", scores.people.counts)
    if scores.merge is not None:
        _detection_row(table, "merge (event pairs)", scores.merge)
    if scores.merge_gold_events is not None:
        _detection_row(table, "merge (gold events)", scores.merge_gold_events)
    return table


def accuracy_table(scores: Scores) -> Table:
    """Accuracies on matched items and of `published`."""
    table = Table(title="Accuracy on matches")
    table.add_column("metric")
    for column in ("%", "right", "of"):
        table.add_column(column, justify="right")
    rows: tuple[tuple[str, Accuracy], ...] = (
        ("events.date", scores.events.date),
        ("events.location", scores.events.location),
        ("events.actors (Jaccard)", scores.events.actors),
        ("events.status", scores.events.status),
        ("events.mode", scores.events.mode),
        ("quotes.speaker", scores.quotes.speaker),
        ("people.country", scores.people.country),
        ("people.role", scores.people.role),
        ("published", scores.published.overall),
        ("published (stated)", scores.published.stated),
        ("published (inferred)", scores.published.inferred),
    )
    for name, acc in rows:
        right = f"{acc.right:.2f}" if isinstance(acc.right, float) else str(acc.right)
        table.add_row(name, _pct(acc.value), right, str(acc.total))
    return table


def render_table(scores: Scores) -> Table:
    """What `veilleur eval` prints: the detection table above the accuracy table."""
    grid = Table.grid(padding=(1, 0))
    grid.add_column()
    grid.add_row(detection_table(scores))
    grid.add_row(accuracy_table(scores))
    return grid
