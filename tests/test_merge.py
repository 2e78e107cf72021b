"""Cross-article merging: same event once, different events apart, in any order."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from tests.conftest import DEV as CONFTEST_DEV
from veilleur.evaluate import merged_clusters
from veilleur.evaluation.gold import GoldPerson, GoldRecord, load_gold
from veilleur.evaluation.merge import load_clusters, score_merge
from veilleur.kb import KnowledgeBase
from veilleur.merge import MergeRules, Report, cluster, merge, norm, same_event
from veilleur.records import ActorRef, Article, ArticleRecord, Event, Origin, PartialDate

COUNTRIES = {"israel", "ukraine", "liban"}
RULES = MergeRules(is_country=lambda p: p.casefold().replace("ë", "e") in COUNTRIES)


def _r(key: str, art: str, typ: str, src: set[str], tgt: set[str], **kw: object) -> Report:
    return Report(key, art, typ, frozenset(src), frozenset(tgt), **kw)  # type: ignore[arg-type]


MEETING_A = _r("a0", "A", "CONSULT", {"kochavi"}, {"milley"}, date=PartialDate(2022, 11, 21),
               location="Pentagone")  # fmt: skip
MEETING_B = _r("b0", "B", "CONSULT", {"milley"}, {"kochavi"}, location="au Pentagone")
MEETING_C = _r("c3", "C", "CONSULT", {"milley", "kochavi"}, set(), date=PartialDate(2022, 11),
               status="planned")  # fmt: skip


def test_undated_report_joins_when_a_specific_place_and_two_actors_agree() -> None:
    assert same_event(MEETING_A, MEETING_B, RULES)


def test_country_level_place_is_not_enough_without_dates() -> None:
    visit_1 = _r("x", "X", "CONSULT", {"kurilla"}, {"israel"}, location="Israël")
    visit_2 = _r("y", "Y", "CONSULT", {"kurilla"}, {"israel"}, location="Israël",
                 date=PartialDate(2024, 4))  # fmt: skip
    assert not same_event(visit_1, visit_2, RULES)


def test_dates_to_the_month_must_agree() -> None:
    assert same_event(MEETING_A, MEETING_C, RULES)
    later = _r("d", "D", "CONSULT", {"kochavi"}, {"milley"}, date=PartialDate(2023, 1))
    assert not same_event(MEETING_A, later, RULES)


def test_same_article_and_other_types_never_merge() -> None:
    twin = _r("a1", "A", "CONSULT", {"kochavi"}, {"milley"}, date=PartialDate(2022, 11, 21))
    assert not same_event(MEETING_A, twin, RULES)
    praise = _r("e", "E", "SUPPORT", {"kochavi"}, {"milley"}, date=PartialDate(2022, 11, 21))
    assert not same_event(MEETING_A, praise, RULES)


def test_directed_events_need_both_sides() -> None:
    strike = _r("s1", "S", "ASSAULT", {"israel"}, {"shukr"}, date=PartialDate(2024, 7, 30),
                location="Beyrouth")  # fmt: skip
    other = _r("s2", "T", "ASSAULT", {"israel"}, {"hamas"}, date=PartialDate(2024, 7, 30),
               location="Beyrouth")  # fmt: skip
    reverse = _r("s3", "U", "ASSAULT", {"shukr"}, {"israel"}, date=PartialDate(2024, 7, 30))
    assert not same_event(strike, other, RULES)
    assert not same_event(strike, reverse, RULES)


def test_actor_equivalence_is_pluggable() -> None:
    by_state = _r("s1", "S", "ASSAULT", {"state:ISR"}, {"shukr"}, location="Beyrouth")
    by_army = _r("s2", "T", "ASSAULT", {"org:IDF"}, {"shukr"}, date=PartialDate(2024, 7),
                 location="Beyrouth")  # fmt: skip
    assert not same_event(by_state, by_army, RULES)
    armies = {"org:IDF": "state:ISR"}
    rules = MergeRules(same_actor=lambda a, b: armies.get(a, a) == armies.get(b, b))
    assert same_event(by_state, by_army, rules)


def test_fused_event_takes_the_most_precise_fields() -> None:
    (event,) = merge([MEETING_B, MEETING_C, MEETING_A], RULES)
    assert event.date == PartialDate(2022, 11, 21)
    assert event.location == "au Pentagone"
    assert event.status == "occurred"
    assert event.articles == ("A", "B", "C")
    assert event.key == "a0"


def test_clusters_do_not_depend_on_order() -> None:
    extra = _r("z9", "Z", "CONSULT", {"biden"}, {"xi"}, date=PartialDate(2023, 11, 15))
    reports = [MEETING_A, MEETING_B, MEETING_C, extra]
    expected = [[r.key for r in g] for g in cluster(reports, RULES)]
    assert expected == [["a0", "b0", "c3"], ["z9"]]
    for perm in itertools.permutations(reports):
        assert [[r.key for r in g] for g in cluster(list(perm), RULES)] == expected


# --- the rules on the dev gold: exactly the gold clusters merge ---------------------------------

DEV = CONFTEST_DEV if (CONFTEST_DEV / "gold.jsonl").is_file() else Path("/work/shared/corpus/dev")
CLUSTERS = Path(__file__).resolve().parent.parent / "eval_merge_clusters.json"


def _gold_ref(name: str, people: dict[str, GoldPerson], kb: KnowledgeBase) -> ActorRef:
    """The KB-linked actor a gold name stands for (a person, a state, a body, or a new one)."""
    person = people.get(name)
    if person is not None:
        known = kb.candidates(person.name, kinds=("person",))
        actor_id = known[0].id if known else f"new:{norm(person.name)}"
        return ActorRef(actor_id, person.name, "person", person.country)
    for actor in (kb.state(name), kb.organisation(name)):
        if actor is not None:
            return ActorRef(actor.id, actor.name, actor.kind, actor.country)
    return ActorRef(f"new:{norm(name)}", name, "group")


def _gold_record(gold: GoldRecord, kb: KnowledgeBase) -> ArticleRecord:
    """A gold article as the pipeline would record it: its events with KB-linked actors."""
    people = {n: p for p in gold.people for n in (p.name, *p.aliases)}
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
        for e in gold.events
    )
    article = Article(
        id=f"gold-{gold.doc}", text=gold.doc, content=gold.doc, origin=Origin(gold.doc),
        name=gold.doc, published=gold.published,
    )  # fmt: skip
    return ArticleRecord(article=article, events=events, published=gold.published)


@pytest.fixture(scope="module")
def gold_records() -> list[ArticleRecord]:
    kb = KnowledgeBase.load()
    return [_gold_record(g, kb) for g in load_gold(DEV)]


def test_gold_events_merge_into_exactly_the_gold_clusters_through_the_store(
    gold_records: list[ArticleRecord],
) -> None:
    clusters = load_clusters(CLUSTERS)
    found = merged_clusters(gold_records)
    counts = score_merge(clusters, found)
    assert (counts.tp, counts.fp, counts.fn) == (3, 0, 0), [c for c in found if len(c) > 1]


def test_gold_clusters_do_not_depend_on_the_order_articles_arrive_in(
    gold_records: list[ArticleRecord],
) -> None:
    expected = sorted(sorted(c) for c in merged_clusters(gold_records))
    for order in (gold_records[::-1], gold_records[1::2] + gold_records[::2]):
        assert sorted(sorted(c) for c in merged_clusters(order)) == expected
