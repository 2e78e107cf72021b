"""Merging rules that carry to unseen outlets: one article's events stay apart, the texts
settle places the knowledge base does not know, a person stands for their state on one day,
and two recalls of one past act worded alike are one act (invented events throughout)."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

from veilleur.evaluate import merged_clusters
from veilleur.merge import MergeRules, Report, cluster, places_agree, same_event
from veilleur.records import ActorRef, Article, ArticleRecord, Event, Origin, PartialDate

DAY = PartialDate(2024, 9, 10)


@pytest.fixture(scope="module")
def kb_rules() -> MergeRules:
    from veilleur.store.merging import default_rules

    return default_rules()


def _r(key: str, art: str, typ: str, src: set[str], tgt: set[str], **kw: object) -> Report:
    return Report(key, art, typ, frozenset(src), frozenset(tgt), **kw)  # type: ignore[arg-type]


def _keys(groups: list[list[Report]]) -> list[list[str]]:
    return [[r.key for r in g] for g in groups]


# --- an article that tells a visit and the meeting held during it tells two events -------------

LULA_STATES = frozenset({("lula", "state:BRA"), ("modi", "state:IND")})
VISIT = _r("a0", "A", "CONSULT", {"lula"}, {"state:IND"}, date=DAY, location="Inde",
           mode="visit", people=frozenset({"lula"}), person_states=LULA_STATES)  # fmt: skip
TALKS = _r("a1", "A", "CONSULT", {"lula"}, {"modi"}, date=DAY, location="New Delhi",
           mode="meet", people=frozenset({"lula", "modi"}), person_states=LULA_STATES)  # fmt: skip
OTHER_OUTLET = _r("b0", "B", "CONSULT", {"modi", "lula"}, set(), date=DAY,
                  location="New Delhi", mode="meet", people=frozenset({"lula", "modi"}),
                  person_states=LULA_STATES)  # fmt: skip


def test_one_article_s_visit_and_meeting_stay_two_events(kb_rules: MergeRules) -> None:
    # the other outlet's meeting could be either (Lula and Modi stand for their states), but
    # the article that tells both keeps them apart: it joins the meeting, the closer link
    assert same_event(VISIT, OTHER_OUTLET, kb_rules) and same_event(TALKS, OTHER_OUTLET, kb_rules)
    expected = [["a0"], ["a1", "b0"]]
    for order in itertools.permutations([VISIT, TALKS, OTHER_OUTLET]):
        assert _keys(cluster(list(order), kb_rules)) == expected


def test_a_visit_told_by_one_outlet_is_the_meeting_another_tells(kb_rules: MergeRules) -> None:
    states = frozenset({("baerbock", "state:DEU"), ("ruto", "state:KEN")})
    meeting = _r("m0", "M", "CONSULT", {"baerbock"}, {"ruto"}, date=PartialDate(2024, 9),
                 location="Nairobi", mode="meet", person_states=states)  # fmt: skip
    visit = _r("v0", "V", "CONSULT", {"baerbock"}, {"state:KEN"}, date=DAY, location="Nairobi",
               mode="visit", person_states=states)  # fmt: skip
    assert _keys(cluster([visit, meeting], kb_rules)) == [["m0", "v0"]]


def test_a_report_joins_the_one_that_names_the_same_persons(kb_rules: MergeRules) -> None:
    # one article's lead read as two events (the host state, the two leaders); the other
    # outlet names the states and the leaders: it is the leaders' meeting
    host = _r("a0", "A", "CONSULT", {"state:IND"}, {"lula"}, date=DAY, location="Inde",
              mode="visit", people=frozenset({"lula"}))  # fmt: skip
    leaders = _r("a1", "A", "CONSULT", {"lula", "modi"}, set(), date=DAY, location="Inde",
                 mode="visit", people=frozenset({"lula", "modi"}))  # fmt: skip
    summit = _r("b0", "B", "CONSULT", {"state:BRA", "state:IND", "lula", "modi"}, set(),
                date=DAY, location="New Delhi", mode="meet",
                people=frozenset({"lula", "modi"}))  # fmt: skip
    assert same_event(host, summit, kb_rules) and same_event(leaders, summit, kb_rules)
    for order in itertools.permutations([host, leaders, summit]):
        assert _keys(cluster(list(order), kb_rules)) == [["a0"], ["a1", "b0"]]


def test_the_store_keeps_one_article_s_two_events_apart_in_any_order() -> None:
    lula = ActorRef("person:lula", "Lula", "person", "BRA")
    modi = ActorRef("person:modi", "Narendra Modi", "person", "IND")
    india = ActorRef("state:IND", "Inde", "state", "IND")

    def event(source: ActorRef, target: ActorRef, mode: str, place: str) -> Event:
        return Event("CONSULT", (source,), (target,), "occurred", 0, 1, "", "rencontre",
                     mode=mode, date=DAY, location=place)  # fmt: skip

    records = [
        _record(
            "a.txt", event(lula, india, "visit", "Inde"), event(lula, modi, "meet", "New Delhi")
        ),
        _record("b.txt", event(modi, lula, "meet", "New Delhi")),
    ]
    expected = [[("a.txt", 0)], [("a.txt", 1), ("b.txt", 0)]]
    for order in (records, records[::-1]):
        assert sorted(sorted(c) for c in merged_clusters(order)) == expected


def _record(doc: str, *events: Event) -> ArticleRecord:
    article = Article(id=f"id-{doc}", text=doc, content=doc, origin=Origin(doc), name=doc)
    return ArticleRecord(article=article, events=events)


# --- places the knowledge base does not know ----------------------------------------------------

STRIKE = _r("s0", "S", "ASSAULT", {"state:RUS"}, {"state:UKR"}, date=DAY, location="Pokrovsk",
            evidence="Un missile russe a frappé mardi le centre de Pokrovsk.")  # fmt: skip
AT_THE_BUILDING = _r("s1", "T", "ASSAULT", {"state:RUS"}, {"state:UKR"}, date=DAY,
                     location="immeuble Nova",
                     evidence="Le missile a détruit l'immeuble Nova de Pokrovsk le 10 septembre.",
                     )  # fmt: skip


def test_a_sentence_that_puts_a_building_in_a_town_makes_them_one_place(
    kb_rules: MergeRules,
) -> None:
    assert same_event(STRIKE, AT_THE_BUILDING, kb_rules)
    assert same_event(AT_THE_BUILDING, STRIKE, kb_rules)


def test_two_towns_the_kb_does_not_know_stay_two_places(kb_rules: MergeRules) -> None:
    market = "Un drone russe a frappé mardi un marché de Kostiantynivka."
    elsewhere = replace(AT_THE_BUILDING, location="Kostiantynivka", evidence=market)
    assert not same_event(STRIKE, elsewhere, kb_rules)
    # a town the KB knows is not merged with another just because a sentence names both
    known = replace(STRIKE, location="Dakar", evidence="Des tirs ont visé Dakar et Manille.")
    assert not same_event(known, replace(AT_THE_BUILDING, location="Manille"), kb_rules)


def test_the_same_two_leaders_on_the_same_day_met_once(kb_rules: MergeRules) -> None:
    people = frozenset({"montenegro", "sanchez"})
    in_town = _r("l0", "L", "CONSULT", {"montenegro"}, {"sanchez"}, date=DAY,
                 location="Lisbonne", people=people)  # fmt: skip
    at_palace = _r("l1", "P", "CONSULT", {"sanchez", "montenegro"}, set(), date=DAY,
                   location="palais de Belém", people=people)  # fmt: skip
    assert same_event(in_town, at_palace, kb_rules)
    # another day, or at a town the KB knows elsewhere, is another meeting
    assert not same_event(in_town, replace(at_palace, date=PartialDate(2024, 9, 11)), kb_rules)
    assert not same_event(
        replace(in_town, location="Dakar"), replace(at_palace, location="Manille"), kb_rules
    )


# --- a person for the state they serve, on one day ----------------------------------------------


def test_a_minister_stands_for_their_state_on_the_same_day_against_the_same_target(
    kb_rules: MergeRules,
) -> None:
    diouf = frozenset({("diouf", "state:SEN")})
    by_state = _r("g0", "G", "AGREE", {"state:SEN"}, {"new:pecheurs"}, date=DAY)
    by_minister = _r("g1", "H", "AGREE", {"diouf"}, {"new:pecheurs"}, date=DAY,
                     person_states=diouf, people=frozenset({"diouf"}))  # fmt: skip
    assert same_event(by_state, by_minister, kb_rules)
    assert not same_event(by_state, replace(by_minister, date=PartialDate(2024, 9, 12)), kb_rules)
    assert not same_event(
        by_state, replace(by_minister, target=frozenset({"new:eleveurs"})), kb_rules
    )
    # meetings between one state's officials and another are too frequent for that
    talks = replace(by_state, type="CONSULT", target=frozenset({"new:fmi"}))
    assert not same_event(
        talks, replace(by_minister, type="CONSULT", target=frozenset({"new:fmi"})), kb_rules
    )


# --- two recalls of one past act ----------------------------------------------------------------


def test_two_recalls_of_a_past_act_worded_alike_are_one_act(kb_rules: MergeRules) -> None:
    year = PartialDate(2020)
    coal = "Pékin avait bloqué en 2020 les importations de charbon australien."
    one = _r("c0", "C", "SANCTION", {"state:CHN"}, {"state:AUS"}, date=year, evidence=coal)
    two = _r("c1", "D", "SANCTION", {"state:CHN"}, {"state:AUS"}, date=year,
             evidence="La Chine lève l'embargo imposé en 2020 sur les importations d'orge et de "
             "charbon australiens.")  # fmt: skip
    other_act = replace(
        two, evidence="La Chine avait expulsé en 2020 deux journalistes australiens."
    )
    assert same_event(one, two, kb_rules)
    assert not same_event(one, other_act, kb_rules)
    # meetings between the same two states recur within a year, whatever the words
    talks = replace(one, type="CONSULT"), replace(two, type="CONSULT")
    assert not same_event(*talks, kb_rules)


def test_a_region_may_hold_a_town_the_kb_does_not_know(kb_rules: MergeRules) -> None:
    # as a country does: the KB knows no region's towns, only the country of some
    assert places_agree("Pokrovsk", "Donbass", kb_rules)
    assert places_agree("Donbass", "Pokrovsk", kb_rules)
    assert not places_agree("Donbass", "Crimée", kb_rules)  # two regions
    assert not places_agree("Kharkiv", "Cisjordanie", kb_rules)  # a town of another state


# --- one act, its other side described in words the knowledge base does not know ----------------


def test_one_ultimatum_to_a_group_described_two_ways_is_one_act(kb_rules: MergeRules) -> None:
    ultimatum = _r("u0", "U", "REQUEST", {"org:SADC"}, {"new:junte"}, date=DAY,
                   location="Gaborone")  # fmt: skip
    retold = _r("w0", "W", "REQUEST", {"org:SADC"}, {"new:militaires-malgaches"}, date=DAY,
                location="Gaborone")  # fmt: skip
    assert same_event(ultimatum, retold, kb_rules)
    # another day, or another town, or a known party on both sides: another act
    assert not same_event(ultimatum, replace(retold, date=PartialDate(2024, 9, 12)), kb_rules)
    assert not same_event(ultimatum, replace(retold, location="Lusaka"), kb_rules)
    known = replace(retold, target=frozenset({"state:MDG"}))
    assert not same_event(replace(ultimatum, target=frozenset({"state:ZWE"})), known, kb_rules)


def test_aid_from_a_leader_to_a_leader_is_their_states_aid_that_day(kb_rules: MergeRules) -> None:
    states = frozenset({("scholz", "state:DEU"), ("sandu", "state:MDA")})
    states_aid = _r("s0", "S", "AID", {"state:DEU"}, {"state:MDA"}, date=DAY)
    leaders_aid = _r("l0", "L", "AID", {"scholz"}, {"sandu"}, date=DAY, location="Chancellerie",
                     people=frozenset({"scholz", "sandu"}), person_states=states)  # fmt: skip
    assert same_event(states_aid, leaders_aid, kb_rules)
    # thanks recur between the same people: the same day is not enough for them
    thanks = replace(states_aid, type="SUPPORT")
    assert not same_event(thanks, replace(leaders_aid, type="SUPPORT"), kb_rules)
    later = replace(leaders_aid, date=PartialDate(2024, 9, 11))
    assert not same_event(states_aid, later, kb_rules)
