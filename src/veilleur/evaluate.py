"""Scoring against a gold folder (FORMAT.md rules): veilleur.evaluation's API plus the run.

The scoring itself (veilleur.evaluation) is pure; `evaluate_folder` is the one place that
runs the pipeline on an annotated folder's articles, for `veilleur eval` and the CI gate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from .errors import InputError
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
    merge_diffs,
    missed_causes,
    pair_differences,
    parse_record,
    render_table,
    score,
    score_merge,
)
from .evaluation.merge import Cluster
from .records import ActorRef, Article, ArticleRecord, Event, Origin

if TYPE_CHECKING:
    from spacy.language import Language

    from .kb import KnowledgeBase
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
    "analyse_folder_records",
    "check_floors",
    "date_right",
    "evaluate_and_explain",
    "evaluate_folder",
    "evaluate_records",
    "event_mapping",
    "explain",
    "flatten",
    "from_dicts",
    "from_records",
    "gate_message",
    "gold_article_records",
    "load_clusters",
    "load_floors",
    "load_gold",
    "load_jsonl",
    "merge_diffs",
    "merged_clusters",
    "missed_causes",
    "pair_differences",
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
    gold, records = analyse_folder_records(folder, options=options, nlp=nlp)
    return gold, from_records(records)


def analyse_folder_records(
    folder: str | Path, *, options: Options | None = None, nlp: Language | None = None
) -> tuple[list[GoldRecord], list[ArticleRecord]]:
    """The gold records of an annotated folder and the pipeline's ArticleRecords of its articles.

    Each article is read from its file alone, as `veilleur extract` would read it: the gold's
    `url` and other annotations are not given to the pipeline.
    """
    from .pipeline import analyse
    from .readers import read_file

    gold = load_gold(folder)
    root = Path(folder) if Path(folder).is_dir() else Path(folder).parent
    articles: list[Article] = []
    for g in gold:
        for item in read_file(str(root / g.doc), name=g.doc):
            if isinstance(item, InputError):
                raise item
            articles.append(item)
    return gold, list(analyse(articles, options=options, nlp=nlp))


def merged_clusters(records: Sequence[ArticleRecord]) -> list[list[tuple[str, int]]]:
    """Store the records in a throwaway database and read back which events it merged.

    Clusters are lists of (doc, index of the event in the record), as in the gold clusters file.
    """
    from .store import Store
    from .store import schema as s

    with Store.open(":memory:") as store:
        for record in records:
            store.add(record)
        query = (
            select(s.articles.c.doc, s.reports.c.ord, s.reports.c.event_id)
            .join(s.articles, s.articles.c.id == s.reports.c.article_id)
            .order_by(s.reports.c.event_id, s.articles.c.doc, s.reports.c.ord)
        )
        with store.engine.connect() as conn:
            groups: dict[str, list[tuple[str, int]]] = {}
            for doc, ord_, event_id in conn.execute(query):
                groups.setdefault(event_id, []).append((doc, ord_))
    return list(groups.values())


def _gold_ref(name: str, people: dict[str, GoldPerson], kb: KnowledgeBase) -> ActorRef:
    """The KB-linked actor a gold name stands for (a person, a state, a body, or a new one)."""
    from .merge import norm

    person = people.get(name)
    if person is not None:
        known = kb.candidates(person.name, kinds=("person",))
        actor_id = known[0].id if known else f"new:{norm(person.name)}"
        return ActorRef(actor_id, person.name, "person", person.country)
    # as the linker does: a state's body named by its demonym ("marine iranienne") has that
    # state's country, a state's generic government is the state
    match = kb.named(name, "organisation")
    if match is not None:
        actor = match.actor
        return ActorRef(actor.id, actor.name, actor.kind, match.country)
    return ActorRef(f"new:{norm(name)}", name, "group")


def gold_article_records(
    gold: Sequence[GoldRecord], kb: KnowledgeBase | None = None
) -> list[ArticleRecord]:
    """The gold articles as the pipeline would record them: their events, KB-linked actors.

    Merging run on these is judged apart from event detection (see `evaluate_records`).
    """
    from .kb import KnowledgeBase

    kb = kb or KnowledgeBase.load()
    records = []
    for record in gold:
        people = {n: p for p in record.people for n in (p.name, *p.aliases)}
        events = tuple(
            Event(
                type=e.type,
                source=tuple(_gold_ref(n, people, kb) for n in e.source),
                target=tuple(_gold_ref(n, people, kb) for n in e.target),
                status=e.status or "occurred",  # type: ignore[arg-type]
                evidence_start=0,
                evidence_end=len(e.evidence),
                evidence=e.evidence,
                trigger=e.type,
                mode=e.mode,
                date=e.date,
                location=e.location,
            )
            for e in record.events
        )
        article = Article(
            id=f"gold-{record.doc}", text=record.doc, content=record.doc,
            origin=Origin(record.doc), name=record.doc, published=record.published,
        )  # fmt: skip
        records.append(ArticleRecord(article=article, events=events, published=record.published))
    return records


ClustersSource = str | Path | Sequence[Cluster]


def _gold_clusters(clusters: ClustersSource) -> list[Cluster]:
    """Clusters given as a file's path, or already read."""
    return load_clusters(clusters) if isinstance(clusters, str | Path) else list(clusters)


def evaluate_records(
    gold: Sequence[GoldRecord],
    records: Sequence[ArticleRecord],
    *,
    clusters: ClustersSource | None = None,
) -> Scores:
    """Score the pipeline's records against their gold; with `clusters`, merging too."""
    scores, _ = _evaluate(gold, records, clusters=clusters, diffs=False)
    return scores


def evaluate_and_explain(
    gold: Sequence[GoldRecord],
    records: Sequence[ArticleRecord],
    *,
    clusters: ClustersSource | None = None,
) -> tuple[Scores, list[Diff]]:
    """The scores and every missed, spurious or wrong item, merging's pairs included."""
    return _evaluate(gold, records, clusters=clusters, diffs=True)


def _evaluate(
    gold: Sequence[GoldRecord],
    records: Sequence[ArticleRecord],
    *,
    clusters: ClustersSource | None,
    diffs: bool,
) -> tuple[Scores, list[Diff]]:
    """Scores and, when asked, differences; the records are stored and merged once."""
    system = from_records(records)
    scores = score(gold, system)
    found = explain(gold, system) if diffs else []
    if clusters is None:
        return scores, found
    mapping = event_mapping(align_all(gold, system))
    gold_clusters = _gold_clusters(clusters)
    merged = merged_clusters(records)
    merge = score_merge(gold_clusters, merged, mapping=mapping)
    # the merging stage alone: the gold's own events, so detection misses do not count
    alone = score_merge(gold_clusters, merged_clusters(gold_article_records(gold)))
    if diffs:
        missed, spurious = pair_differences(gold_clusters, merged, mapping=mapping)
        found += merge_diffs(gold, missed, spurious, detected=set(mapping.values()))
    return replace(scores, merge=merge, merge_gold_events=alone), found


def evaluate_folder(
    folder: str | Path,
    *,
    options: Options | None = None,
    nlp: Language | None = None,
    clusters: str | Path | None = None,
) -> Scores:
    """Run the pipeline on an annotated folder's articles and score it against its gold.

    With `clusters` (a file of gold same-event clusters), merging is scored pairwise too, on
    the events that match gold events.
    """
    gold, records = analyse_folder_records(folder, options=options, nlp=nlp)
    return evaluate_records(gold, records, clusters=clusters)
