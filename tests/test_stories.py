"""Stories: shared events link articles; wording links them only with shared people, in time."""

from __future__ import annotations

import datetime as dt

import numpy as np

from veilleur.stories import ArticleFacts, StoryRules, group


def _unit(v: np.ndarray) -> tuple[float, ...]:
    return tuple(float(x) for x in v / np.linalg.norm(v))


def _collection() -> list[ArticleFacts]:
    """Twelve articles on one topic (a shared component), two of them on one story."""
    rng = np.random.default_rng(3)
    topic = rng.normal(size=50) * 4
    story = rng.normal(size=50)
    facts = []
    for i in range(12):
        own = rng.normal(size=50)
        vec = topic + (story * 1.5 + own * 0.3 if i < 2 else own)
        facts.append(
            ArticleFacts(
                article_id=f"a{i:02d}", doc=f"{i}.txt", title=None,
                published=dt.date(2024, 5, 1) + dt.timedelta(days=i),
                vector=_unit(vec), people=frozenset({"p:milley", f"p:other{i}"}),
                events=frozenset(),
            )
        )  # fmt: skip
    return facts


def test_wording_and_a_shared_person_make_a_story() -> None:
    stories = group(_collection())
    assert [a.article_id for a in stories[0].articles] == ["a00", "a01"]
    assert len(stories) == 11
    assert stories[0].people[0] == "p:milley"


def test_no_shared_person_or_too_far_apart_breaks_the_link() -> None:
    facts = _collection()
    strangers = [
        ArticleFacts(f.article_id, f.doc, None, f.published, f.vector,
                     frozenset({f"p:only{i}"}), frozenset())
        for i, f in enumerate(facts)
    ]  # fmt: skip
    assert all(len(s.articles) == 1 for s in group(strangers))
    far = list(facts)
    far[1] = ArticleFacts("a01", "1.txt", None, dt.date(2025, 5, 1), facts[1].vector,
                          facts[1].people, frozenset())  # fmt: skip
    assert all(len(s.articles) == 1 for s in group(far, StoryRules(max_days_apart=45)))


def test_a_shared_event_links_whatever_the_wording() -> None:
    facts = _collection()
    facts[5] = ArticleFacts("a05", "5.txt", None, None, facts[5].vector, frozenset(),
                            frozenset({"event:1"}))  # fmt: skip
    facts[9] = ArticleFacts("a09", "9.txt", None, None, facts[9].vector, frozenset(),
                            frozenset({"event:1"}))  # fmt: skip
    keys = [[a.article_id for a in s.articles] for s in group(facts)]
    assert ["a05", "a09"] in keys


def test_every_article_is_in_exactly_one_story_in_any_order() -> None:
    facts = _collection()
    one = [[a.article_id for a in s.articles] for s in group(facts)]
    two = [[a.article_id for a in s.articles] for s in group(list(reversed(facts)))]
    assert one == two
    assert sorted(x for s in one for x in s) == sorted(f.article_id for f in facts)
