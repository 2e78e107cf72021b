"""Cross-article merging scored pairwise: which (doc, event index) pairs are one real event."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations
from pathlib import Path

from ..errors import Errors
from .align import Alignment
from .gold import EvalError
from .scores import Counts

EventKey = tuple[str, int]
Cluster = tuple[EventKey, ...]


def _pairs(clusters: Iterable[Iterable[EventKey]]) -> set[frozenset[EventKey]]:
    """Every unordered pair of distinct events put in one cluster."""
    pairs: set[frozenset[EventKey]] = set()
    for cluster in clusters:
        members = sorted(set(cluster))
        pairs.update(frozenset(p) for p in combinations(members, 2))
    return pairs


def score_merge(
    gold_clusters: Iterable[Iterable[EventKey]],
    system_clusters: Iterable[Iterable[EventKey]],
    *,
    mapping: Mapping[EventKey, EventKey] | None = None,
) -> Counts:
    """Pairwise precision, recall and F1 of system clusters against gold clusters.

    Keys are (doc, event index). Without `mapping`, both sides index the gold events (the
    merging stage run on gold events). With `mapping` (system key -> gold key, see
    `event_mapping`), system keys index the system's events: they are translated and events that
    match no gold event are left out, so that merging is judged apart from event detection.
    """
    system = [list(c) for c in system_clusters]
    if mapping is not None:
        system = [[mapping[k] for k in cluster if k in mapping] for cluster in system]
    gold_pairs, system_pairs = _pairs(gold_clusters), _pairs(system)
    shared = len(gold_pairs & system_pairs)
    return Counts(tp=shared, fp=len(system_pairs) - shared, fn=len(gold_pairs) - shared)


def pair_differences(
    gold_clusters: Iterable[Iterable[EventKey]],
    system_clusters: Iterable[Iterable[EventKey]],
    *,
    mapping: Mapping[EventKey, EventKey],
) -> tuple[list[tuple[EventKey, EventKey]], list[tuple[EventKey, EventKey]]]:
    """The gold pairs the system left apart and the system pairs the gold keeps apart.

    Both are in gold keys (see `score_merge`), sorted, each pair ordered, for reading.
    """
    system = [[mapping[k] for k in cluster if k in mapping] for cluster in system_clusters]
    gold_pairs, system_pairs = _pairs(gold_clusters), _pairs(system)

    def ordered(pairs: set[frozenset[EventKey]]) -> list[tuple[EventKey, EventKey]]:
        return sorted((min(p), max(p)) for p in pairs)

    return ordered(gold_pairs - system_pairs), ordered(system_pairs - gold_pairs)


def event_mapping(alignments: Sequence[Alignment]) -> dict[EventKey, EventKey]:
    """System event key -> gold event key, for every matched event pair."""
    return {(a.gold.doc, p.system): (a.gold.doc, p.gold) for a in alignments for p in a.events}


def load_clusters(path: str | Path) -> list[Cluster]:
    """A clusters file: a JSON list of clusters, each a list of [doc, event_index] pairs.

    An object with a "clusters" list is accepted too (room for metadata).
    """
    file = Path(path)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvalError(Errors.E305.format(path=file, reason=exc.strerror or exc)) from exc
    except json.JSONDecodeError as exc:
        raise EvalError(Errors.E306.format(path=file, reason=f"malformed JSON ({exc})")) from exc
    if isinstance(data, dict):
        data = data.get("clusters")
    if not isinstance(data, list):
        raise EvalError(Errors.E306.format(path=file, reason="no list of clusters"))
    return [_cluster(item, number, file) for number, item in enumerate(data, start=1)]


def _cluster(item: object, number: int, file: Path) -> Cluster:
    if not isinstance(item, list):
        raise EvalError(Errors.E306.format(path=file, reason=f"cluster {number} is not a list"))
    keys = []
    for member in item:
        if not _is_key(member):
            reason = f"cluster {number} has {member!r}, not a [doc, event_index] pair"
            raise EvalError(Errors.E306.format(path=file, reason=reason))
        keys.append((str(member[0]), int(member[1])))
    return tuple(keys)


def _is_key(member: object) -> bool:
    return (
        isinstance(member, Sequence)
        and not isinstance(member, str)
        and len(member) == 2
        and isinstance(member[0], str)
        and isinstance(member[1], int)
        and not isinstance(member[1], bool)
        and member[1] >= 0
    )
