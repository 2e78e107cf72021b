"""Cross-article merging: same event once, different events apart, in any order."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import pytest
from spacy.language import Language

from tests.conftest import DEV as CONFTEST_DEV
from veilleur.evaluate import gold_article_records, merged_clusters
from veilleur.evaluation.gold import load_gold
from veilleur.evaluation.merge import load_clusters, score_merge
from veilleur.merge import (
    MergeRules,
    Report,
    cluster,
    dates_agree,
    merge,
    places_agree,
    same_event,
)
from veilleur.pipeline import analyse
from veilleur.readers import from_text
from veilleur.records import ActorRef, Article, ArticleRecord, Event, Origin, PartialDate
from veilleur.store import Store

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


@pytest.fixture(scope="module")
def gold_records() -> list[ArticleRecord]:
    return gold_article_records(load_gold(DEV))


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


# --- places and dates at different levels, with the knowledge base -----------------------------


@pytest.fixture(scope="module")
def kb_rules() -> MergeRules:
    from veilleur.store.merging import default_rules

    return default_rules()


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("Pentagone", "Washington", True),  # a capital holds its government's seats
        ("Pentagone", "États-Unis", True),
        ("Tel-Aviv", "Israël", True),
        ("Odessa", "région d'Odessa", True),
        ("Hébron", "Cisjordanie", True),  # a region and a town of its state
        ("Donbass", "Crimée", False),  # two regions
        ("New York", "Pentagone", False),  # a seat of government is in the capital
        ("ministère américain de la Défense", "Pentagone", True),  # one place, two names
        ("Pentagone", "Maison Blanche", False),  # two sites
        ("Tel-Aviv", "Jérusalem", False),  # two cities
        ("Beyrouth", "Israël", False),  # a city and another state
        ("Kharkiv", "Russie", False),
        # one landmark the KB does not know, named with other common nouns by two outlets
        ("hôpital pour enfants Saint-Exupéry", "hôpital pédiatrique Saint-Exupéry", True),
        ("golfe de Tarlac", "mer de Tarlac", True),
        ("banc Rouge", "récif Noir", False),
        ("pont de Tarlac", "pont de Vigan", False),
    ],
)
def test_places_agree_through_the_kb(a: str, b: str, agree: bool, kb_rules: MergeRules) -> None:
    assert places_agree(a, b, kb_rules) is agree
    assert places_agree(b, a, kb_rules) is agree


def test_dates_at_any_precision_agree_when_one_holds_the_other() -> None:
    year, month, day = PartialDate(2024), PartialDate(2024, 7), PartialDate(2024, 7, 30)
    assert dates_agree(year, month) and dates_agree(month, day) and dates_agree(day, year)
    assert dates_agree(None, day)
    assert not dates_agree(PartialDate(2024, 8), day)
    assert not dates_agree(PartialDate(2023), month)


def test_recurring_meetings_with_vague_dates_need_a_named_site(kb_rules: MergeRules) -> None:
    # The same two officials meet in the same city every few months: without dates to the
    # month, two such reports are not one meeting; at a named building they are.
    city_1 = _r("c1", "A", "CONSULT", {"zaluzhny", "cavoli"}, set(), location="Kiev",
                date=PartialDate(2023))  # fmt: skip
    city_2 = _r("c2", "B", "CONSULT", {"cavoli"}, {"zaluzhny"}, location="Kiev")
    site_1 = replace(city_1, key="s1", location="Pentagone")
    site_2 = replace(city_2, key="s2", location="ministère américain de la Défense")
    assert not same_event(city_1, city_2, kb_rules)
    assert same_event(site_1, site_2, kb_rules)
    # one more official on one side is still the same meeting; another official is not
    bigger = replace(site_2, target=frozenset({"zaluzhny", "austin"}))
    assert same_event(site_1, bigger, kb_rules)
    other = replace(site_1, key="s3", article_id="C", source=frozenset({"zaluzhny", "milley"}))
    assert not same_event(other, bigger, kb_rules)


def test_a_named_person_is_killed_once(kb_rules: MergeRules) -> None:
    one = _r("k1", "A", "ASSAULT", {"state:ISR"}, {"deif"}, date=PartialDate(2024),
             location="Khan Younès", people=frozenset({"deif"}))  # fmt: skip
    two = _r("k2", "B", "ASSAULT", {"state:ISR"}, {"deif"}, date=PartialDate(2024, 7),
             location="bande de Gaza", people=frozenset({"deif"}))  # fmt: skip
    elsewhere = replace(two, key="k3", article_id="C", location="Beyrouth")
    later = replace(two, key="k4", article_id="D", date=PartialDate(2025, 1))
    assert same_event(one, two, kb_rules)
    assert not same_event(one, elsewhere, kb_rules)
    assert not same_event(one, later, kb_rules)


def test_a_call_is_not_a_meeting(kb_rules: MergeRules) -> None:
    day = PartialDate(2024, 7, 31)
    call = _r("p1", "A", "CONSULT", {"gallant"}, {"austin"}, date=day, mode="phone")
    meeting = _r("p2", "B", "CONSULT", {"austin"}, {"gallant"}, date=day, mode="meet")
    assert not same_event(call, meeting, kb_rules)
    assert same_event(call, replace(meeting, mode="phone"), kb_rules)


def _record(doc: str, *events: Event) -> ArticleRecord:
    article = Article(id=f"id-{doc}", text=doc, content=doc, origin=Origin(doc), name=doc)
    return ArticleRecord(article=article, events=events)


def test_the_store_counts_a_state_s_army_as_the_state() -> None:
    israel = ActorRef("state:ISR", "Israël", "state", "ISR")
    army = ActorRef("org:IDF", "Tsahal", "organisation", "ISR")
    chief = ActorRef("person:x", "Ibrahim Aqil", "person", None)
    strike = Event("ASSAULT", (israel,), (chief,), "occurred", 0, 1, "", "frappe",
                   date=PartialDate(2024, 9), location="Beyrouth")  # fmt: skip
    by_army = replace(strike, source=(army,), date=PartialDate(2024, 9, 20))
    other = replace(strike, target=(ActorRef("person:y", "Hassan Nasrallah", "person"),))
    records = [_record("a.txt", strike), _record("b.txt", by_army), _record("c.txt", other)]
    clusters = sorted(sorted(c) for c in merged_clusters(records))
    assert clusters == [[("a.txt", 0), ("b.txt", 0)], [("c.txt", 0)]]


def test_vague_dates_in_articles_of_one_month_are_one_event(kb_rules: MergeRules) -> None:
    # "lundi" in two dispatches of August 2024: the week's meeting, not a past one
    aug = PartialDate(2024, 8)
    one = _r("m1", "A", "CONSULT", {"sall", "tinubu"}, set(), date=PartialDate(2024),
             location="Abuja", published=aug)  # fmt: skip
    two = _r("m2", "B", "CONSULT", {"tinubu"}, {"sall"}, location="Abuja",
             published=PartialDate(2024, 8, 20))  # fmt: skip
    next_month = replace(two, key="m3", article_id="C", published=PartialDate(2024, 9, 2))
    recalled = replace(one, key="m4", article_id="D", date=PartialDate(2023))
    assert same_event(one, two, kb_rules)
    assert not same_event(one, next_month, kb_rules)
    assert not same_event(recalled, two, kb_rules)


def test_fused_event_takes_the_finest_place(kb_rules: MergeRules) -> None:
    day = PartialDate(2022, 11, 21)
    reports = [
        _r("f1", "A", "CONSULT", {"kochavi", "milley"}, set(), date=day, location=place)
        for place in ("États-Unis", "Washington", "Pentagone")
    ]
    reports = [replace(r, key=f"f{i}", article_id=f"A{i}") for i, r in enumerate(reports)]
    (event,) = merge(reports, kb_rules)
    assert event.location == "Pentagone"


def test_a_person_stands_for_their_state_only_at_one_time_and_town(kb_rules: MergeRules) -> None:
    day, march = PartialDate(2024, 3, 12), PartialDate(2024, 3)
    kuleba = frozenset({("kuleba", "state:UKR")})
    named = _r("u1", "A", "CONSULT", {"kuleba"}, {"stoltenberg"}, date=day,
               location="Bruxelles", person_states=kuleba)  # fmt: skip
    by_state = _r("u2", "B", "CONSULT", {"state:UKR", "stoltenberg"}, set(),
                  date=PartialDate(2024), published=march, location="Bruxelles")  # fmt: skip
    assert same_event(named, by_state, kb_rules)
    assert not same_event(named, replace(by_state, location=None), kb_rules)
    assert not same_event(named, replace(by_state, published=PartialDate(2024, 5)), kb_rules)
    usa = frozenset({("kurilla", "state:USA")})
    thanks = _r("u3", "C", "SUPPORT", {"gallant"}, {"kurilla"}, location="Tel-Aviv",
                published=PartialDate(2023, 1), person_states=usa)  # fmt: skip
    to_state = replace(thanks, key="u4", article_id="D", target=frozenset({"state:USA"}),
                       location=None)  # fmt: skip
    assert not same_event(thanks, to_state, kb_rules)


def test_one_meeting_told_by_two_dispatches_merges_end_to_end(nlp: Language) -> None:
    texts = [
        " date 2024-03 Le ministre ukrainien des Affaires étrangères Dmytro Kuleba a rencontré "
        "mardi à Bruxelles le secrétaire général de l'Otan Jens Stoltenberg.\n",
        " date 2024-03 Dmytro Kuleba et Jens Stoltenberg se sont entretenus mardi 12 mars 2024 "
        "au siège de l'Otan à Bruxelles.\n",
        " date 2024-04 Dmytro Kuleba a rencontré Jens Stoltenberg à Kiev le 29 avril 2024.\n",
    ]
    articles = [from_text(t, name=f"{i}.txt") for i, t in enumerate(texts)]
    records = list(analyse(articles, nlp=nlp))
    assert [len(r.events) for r in records] == [1, 1, 1]
    clusters = sorted(sorted(c) for c in merged_clusters(records))
    assert clusters == [[("0.txt", 0), ("1.txt", 0)], [("2.txt", 0)]]
    with Store.open(":memory:") as store:
        for record in records:
            store.add(record)
        rows = {
            (r.n_sources, r.date, r.location, r.first_seen, r.last_seen) for r in store.timeline()
        }
    # the merged meeting keeps the day and the town; its articles span March 2024
    assert rows == {
        (2, "2024-03-12", "Bruxelles", "2024-03", "2024-03-12"),
        (1, "2024-04-29", "Kiev", "2024-04-29", "2024-04-29"),
    }
