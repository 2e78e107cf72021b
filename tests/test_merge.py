"""Cross-article merging: same event once, different events apart, in any order."""

from __future__ import annotations

import itertools

from veilleur.merge import MergeRules, Report, cluster, merge, same_event
from veilleur.records import PartialDate

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
