"""Stories across a longer span: articles that name several of the same people and read
somewhat alike are one story (a summit and the return visit two months later)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import numpy as np

from veilleur.stories import ArticleFacts, StoryRules, group, similarities

START = dt.date(2024, 3, 1)


def _facts(story_weight: float) -> list[ArticleFacts]:
    """Twelve articles on one topic; the first two share a story component and two people."""
    rng = np.random.default_rng(11)
    topic, story = rng.normal(size=60) * 4, rng.normal(size=60)
    facts = []
    for i in range(12):
        vec = topic + rng.normal(size=60) + (story * story_weight if i < 2 else 0)
        people = {"p:ramaphosa", "p:lula"} if i < 2 else {f"p:other{i}"}
        facts.append(
            ArticleFacts(
                article_id=f"a{i:02d}", doc=f"{i}.txt", title=None,
                published=START + dt.timedelta(days=3 * i), vector=tuple(vec / np.linalg.norm(vec)),
                people=frozenset(people), events=frozenset(),
            )
        )  # fmt: skip
    return facts


def _with_second(facts: list[ArticleFacts], **changes: object) -> list[ArticleFacts]:
    return [facts[0], replace(facts[1], **changes), *facts[2:]]  # type: ignore[arg-type]


def _pairs(stories: list[list[str]]) -> list[list[str]]:
    return [s for s in stories if len(s) > 1]


def test_two_shared_people_and_related_wording_link_articles_two_months_apart() -> None:
    facts = _with_second(_facts(1.3), published=START + dt.timedelta(days=60))
    rules = StoryRules()
    similarity = float(similarities(facts, rules)[0, 1])
    # related, but below the wording-only threshold for one shared person
    assert rules.min_similarity_several <= similarity < rules.min_similarity
    stories = [[a.article_id for a in s.articles] for s in group(facts, rules)]
    assert _pairs(stories) == [["a00", "a01"]]


def test_one_shared_person_or_a_long_gap_keeps_them_apart() -> None:
    facts = _facts(1.3)
    one_person = _with_second(facts, people=frozenset({"p:lula", "p:milei"}))
    too_late = _with_second(facts, published=START + dt.timedelta(days=150))
    for case in (one_person, too_late):
        assert _pairs([[a.article_id for a in s.articles] for s in group(case)]) == []


def test_unrelated_wording_keeps_people_in_common_apart() -> None:
    facts = _facts(0.0)
    rules = StoryRules()
    assert float(similarities(facts, rules)[0, 1]) < rules.min_similarity_several
    assert _pairs([[a.article_id for a in s.articles] for s in group(facts, rules)]) == []


def test_the_looser_link_goes_to_the_nearest_article_only() -> None:
    # four articles on the same two leaders: two on one summit, two on another; each pair
    # reads alike, and the pairs somewhat alike (the same protagonists, the same topic)
    rng = np.random.default_rng(5)
    topic, leaders = rng.normal(size=60) * 4, rng.normal(size=60)
    summits = rng.normal(size=60), rng.normal(size=60)
    facts = []
    for i in range(12):
        vec = topic + rng.normal(size=60) * 0.6
        if i < 4:
            vec = vec + leaders * 3 + summits[i // 2] * 1.2
        people = {"p:ruto", "p:tinubu"} if i < 4 else {f"p:other{i}"}
        facts.append(
            ArticleFacts(
                article_id=f"a{i:02d}", doc=f"{i}.txt", title=None,
                published=START + dt.timedelta(days=2 * i), vector=tuple(vec / np.linalg.norm(vec)),
                people=frozenset(people), events=frozenset(),
            )
        )  # fmt: skip
    rules = StoryRules()
    sims = similarities(facts, rules)
    across = max(float(sims[i, j]) for i in (0, 1) for j in (2, 3))
    assert rules.min_similarity_several <= across < min(float(sims[0, 1]), float(sims[2, 3]))
    stories = sorted(_pairs([[a.article_id for a in s.articles] for s in group(facts, rules)]))
    assert stories == [["a00", "a01"], ["a02", "a03"]]
