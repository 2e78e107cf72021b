"""Scoring against a gold folder (FORMAT.md rules): veilleur.evaluation's API plus the run.

The scoring itself (veilleur.evaluation) is pure; `evaluate_folder` is the one place that
runs the pipeline on an annotated folder's articles, for `veilleur eval` and the CI gate.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .evaluation import (
    FLOORS_FILE,
    Accuracy,
    Alignment,
    Counts,
    Diff,
    EvalError,
    GoldEvent,
    GoldPerson,
    GoldQuote,
    GoldRecord,
    Scores,
    align_all,
    check_floors,
    date_right,
    event_mapping,
    explain,
    flatten,
    from_dicts,
    from_records,
    gate_message,
    load_clusters,
    load_floors,
    load_gold,
    load_jsonl,
    parse_record,
    render_table,
    score,
    score_merge,
)
from .records import Origin

if TYPE_CHECKING:
    from spacy.language import Language

    from .pipeline import Options

__all__ = [
    "FLOORS_FILE",
    "Accuracy",
    "Alignment",
    "Counts",
    "Diff",
    "EvalError",
    "GoldEvent",
    "GoldPerson",
    "GoldQuote",
    "GoldRecord",
    "Scores",
    "align_all",
    "analyse_folder",
    "check_floors",
    "date_right",
    "evaluate_folder",
    "event_mapping",
    "explain",
    "flatten",
    "from_dicts",
    "from_records",
    "gate_message",
    "load_clusters",
    "load_floors",
    "load_gold",
    "load_jsonl",
    "parse_record",
    "render_table",
    "score",
    "score_merge",
]


def analyse_folder(
    folder: str | Path, *, options: Options | None = None, nlp: Language | None = None
) -> tuple[list[GoldRecord], list[GoldRecord]]:
    """The gold records of an annotated folder and the pipeline's records of its articles.

    Each article is read from its file alone, as `veilleur extract` would read it: the gold's
    `url` and other annotations are not given to the pipeline.
    """
    from .pipeline import analyse
    from .readers import from_text

    gold = load_gold(folder)
    root = Path(folder) if Path(folder).is_dir() else Path(folder).parent
    articles = [
        from_text(
            (root / g.doc).read_text(encoding="utf-8"), origin=Origin(str(root / g.doc)), name=g.doc
        )
        for g in gold
    ]
    return gold, from_records(analyse(articles, options=options, nlp=nlp))


def evaluate_folder(
    folder: str | Path, *, options: Options | None = None, nlp: Language | None = None
) -> Scores:
    """Run the pipeline on an annotated folder's articles and score it against its gold."""
    gold, system = analyse_folder(folder, options=options, nlp=nlp)
    return score(gold, system)
