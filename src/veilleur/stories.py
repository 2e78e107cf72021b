"""Stories: articles about the same story, grouped by shared events, actors and wording.

Two articles belong to one story when they report a common real event (merged across
articles), or when their content-word vectors are close and they share named people, within a
few weeks of each other; articles that name several of the same people need less close
wording, over a longer span (a summit and the return visit two months later). Stories are the
connected components of that relation.

Vectors are compared after removing the collection's mean: averaged word vectors of news on
one topic are all alike (cosine ~0.95), and what tells stories apart is what is left.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """What grouping needs of one stored article."""

    article_id: str
    doc: str
    title: str | None
    published: dt.date | None
    vector: tuple[float, ...]
    people: frozenset[str]
    events: frozenset[str]
    names: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class StoryRules:
    """Thresholds of the wording link: how similar, how many shared people, how far apart."""

    min_similarity: float = 0.65
    min_shared_people: int = 1
    max_days_apart: int = 45
    min_for_centering: int = 10
    min_raw_similarity: float = 0.97
    # several people in common: the same protagonists, so looser wording over a longer span
    several_people: int = 2
    min_similarity_several: float = 0.45
    max_days_apart_several: int = 90


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles about one story, with its main actors and time span."""

    key: str
    articles: tuple[ArticleFacts, ...]
    people: tuple[str, ...]
    first: dt.date | None
    last: dt.date | None


def similarities(articles: Sequence[ArticleFacts], rules: StoryRules) -> np.ndarray:
    """Pairwise cosine similarities, centred on the collection when it is large enough.

    A small collection has no meaningful mean, so raw vectors are compared against a stricter
    threshold (rescaled so that `min_similarity` applies to both).
    """
    n, dims = len(articles), max((len(a.vector) for a in articles), default=0)
    matrix = np.zeros((n, dims), dtype=np.float32)
    for i, a in enumerate(articles):
        if a.vector:
            matrix[i] = a.vector
    present = np.linalg.norm(matrix, axis=1) > 0
    if n >= rules.min_for_centering and present.sum() >= rules.min_for_centering:
        matrix[present] -= matrix[present].mean(axis=0)
        scale = 1.0
    else:
        scale = rules.min_similarity / rules.min_raw_similarity
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    unit = np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)
    result: np.ndarray = (unit @ unit.T) * scale
    return result


def linked(
    a: ArticleFacts, b: ArticleFacts, similarity: float, rules: StoryRules, *, nearest: bool = True
) -> bool:
    """True when two articles tell the same story; `nearest` says whether one is the other's
    most similar article, which the looser link of several shared people requires (so that
    a much-covered pair of leaders does not chain months of articles into one story)."""
    if a.events & b.events:
        return True
    shared = len(a.people & b.people)
    apart = abs((a.published - b.published).days) if a.published and b.published else 0
    if (
        nearest
        and shared >= rules.several_people
        and apart <= rules.max_days_apart_several
        and similarity >= rules.min_similarity_several
    ):
        return True
    if shared < rules.min_shared_people or apart > rules.max_days_apart:
        return False
    return similarity >= rules.min_similarity


def group(articles: Sequence[ArticleFacts], rules: StoryRules | None = None) -> list[Story]:
    """Stories of these articles, largest first; every article is in exactly one."""
    rules = rules or StoryRules()
    ordered = sorted(articles, key=lambda a: a.article_id)
    parent = list(range(len(ordered)))
    sims = similarities(ordered, rules)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    nearest = _nearest_alike(ordered, sims, rules)
    for i, a in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            close = nearest[i] == j or nearest[j] == i
            if linked(a, ordered[j], float(sims[i, j]), rules, nearest=close):
                ri, rj = find(i), find(j)
                parent[max(ri, rj)] = min(ri, rj)
    members: dict[int, list[ArticleFacts]] = {}
    for i, a in enumerate(ordered):
        members.setdefault(find(i), []).append(a)
    stories = [_story(m) for m in members.values()]
    return sorted(stories, key=lambda s: (-len(s.articles), s.first or dt.date.max, s.key))


def _nearest_alike(
    articles: Sequence[ArticleFacts], sims: np.ndarray, rules: StoryRules
) -> list[int | None]:
    """For each article, the most similar of those naming several of its people within the
    longer span (None if there is none)."""
    found: list[int | None] = []
    for i, a in enumerate(articles):
        best: tuple[float, int] | None = None
        for j, b in enumerate(articles):
            apart = abs((a.published - b.published).days) if a.published and b.published else 0
            if (
                i == j
                or len(a.people & b.people) < rules.several_people
                or apart > rules.max_days_apart_several
            ):
                continue
            if best is None or float(sims[i, j]) > best[0]:
                best = (float(sims[i, j]), j)
        found.append(best[1] if best else None)
    return found


def _story(articles: list[ArticleFacts]) -> Story:
    names = dict(n for a in articles for n in a.names)
    counts = Counter(p for a in articles for p in a.people)
    top = [names.get(p, p) for p, _n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    dates = sorted(a.published for a in articles if a.published)
    by_date = sorted(articles, key=lambda a: (a.published or dt.date.max, a.article_id))
    return Story(
        key=min(a.article_id for a in articles),
        articles=tuple(by_date),
        people=tuple(top[:5]),
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
    )
