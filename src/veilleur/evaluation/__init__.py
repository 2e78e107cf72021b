"""Scoring veilleur's records against a gold file, by the rules of FORMAT.md.

Stages, all pure functions over typed records (no spaCy, no database):
    1. load      gold.jsonl or system output (ArticleRecord.as_dict()) -> GoldRecord (gold.py)
    2. align     per article, one-to-one optimal pairs of events, quotes, people (align.py)
    3. score     pairs added up into a Scores tree with as_dict() (score.py, scores.py)
    4. explain   what was missed, spurious or wrong, per article (explain.py)
    5. render    rich tables for the CLI (render.py)
    6. gate      scores against the floors pinned in eval_floors.json (gate.py)
Cross-article merging is scored pairwise by merge.py.
"""

from __future__ import annotations

from .align import Alignment, date_right
from .explain import Diff, explain, merge_diffs, missed_causes
from .gate import FLOORS_FILE, check_floors, gate_message, load_floors
from .gold import (
    EvalError,
    GoldEvent,
    GoldPerson,
    GoldQuote,
    GoldRecord,
    from_dicts,
    from_records,
    load_gold,
    load_jsonl,
    parse_record,
)
from .merge import event_mapping, load_clusters, pair_differences, score_merge
from .render import render_table
from .score import align_all, score
from .scores import Accuracy, Counts, Scores, flatten

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
    "check_floors",
    "date_right",
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
    "merge_diffs",
    "missed_causes",
    "pair_differences",
    "parse_record",
    "render_table",
    "score",
    "score_merge",
]
