"""The calendar of dated events, and publication dates inferred from the events recalled."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from veilleur.components.anchor import AnchorComponent
from veilleur.errors import DataError
from veilleur.kb import KnowledgeBase
from veilleur.pipeline import analyse
from veilleur.readers import from_text
from veilleur.records import PartialDate
from veilleur.store import Store
from veilleur.store.calendar import stored_calendar, stored_entries
from veilleur.temporal import DayInterval, grammar_for
from veilleur.temporal.calendar import (
    Calendar,
    CalendarEntry,
    approximate_days,
    handover_entries,
    load_calendar,
    parse_calendar,
)
from veilleur.temporal.inference import (
    Constraint,
    DaySet,
    expression_days,
    published_of,
    solve,
)
from veilleur.temporal.references import MAX_ALTERNATIVES, best_matches

TODAY = dt.date(2026, 11, 21)


# ---------------------------------------------------------------- the calendar file


def test_shipped_calendar_is_broad_and_every_actor_is_a_kb_id() -> None:
    calendar = load_calendar()
    kb = KnowledgeBase.load()
    assert len(calendar.entries) >= 200
    assert 1 <= calendar.recent_days <= 90
    unknown = sorted(
        f"{e.id}: {actor}" for e in calendar.entries for actor in e.actors if kb.get(actor) is None
    )
    assert unknown == []


def test_shipped_entries_are_dated_typed_and_findable() -> None:
    for entry in load_calendar().entries:
        assert entry.first <= entry.last, entry.id
        assert dt.date(1990, 1, 1) <= entry.first <= TODAY, entry.id
        assert entry.actors or entry.names, entry.id
        assert entry.type is not None or entry.names, entry.id


def test_a_bad_entry_names_the_file_and_the_entry() -> None:
    text = "events:\n  - {id: ok, date: 2020-01-03, type: ASSAULT, source: [state:USA]}\n"
    text += "  - {id: broken, date: 2020-01-08, type: BOMBING, source: [state:IRN]}\n"
    with pytest.raises(DataError) as info:
        parse_calendar("my-calendar.yaml", text)
    message = str(info.value)
    assert "my-calendar.yaml" in message
    assert "'broken'" in message and "BOMBING" in message


def test_an_entry_needs_one_day_or_first_and_last() -> None:
    text = "events:\n  - {id: undated, type: AGREE, source: [state:FRA]}\n"
    with pytest.raises(DataError, match="undated"):
        parse_calendar("c.yaml", text)
    text = "events:\n  - {id: reversed, first: 2020-05-03, last: 2020-05-01, names: [x]}\n"
    with pytest.raises(DataError, match="reversed"):
        parse_calendar("c.yaml", text)


def test_a_user_file_adds_entries_and_wins_on_the_same_id(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(
        "recent_days: 10\nevents:\n"
        "  - {id: invented-summit, first: 2019-06-03, last: 2019-06-04, type: CONSULT,"
        " source: [state:KEN, state:RWA], names: [sommet des Grands Lacs]}\n",
        encoding="utf-8",
    )
    calendar = load_calendar((str(user),))
    entry = next(e for e in calendar.entries if e.id == "invented-summit")
    assert (entry.first, entry.last) == (dt.date(2019, 6, 3), dt.date(2019, 6, 4))
    assert calendar.recent_days == 10
    assert len(calendar.entries) == len(load_calendar().entries) + 1


def test_a_missing_user_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"nowhere\.yaml"):
        load_calendar((str(tmp_path / "nowhere.yaml"),))


def test_handovers_are_derived_from_the_terms_of_the_kb() -> None:
    entries = handover_entries(KnowledgeBase.load())
    kb = KnowledgeBase.load()
    assert entries
    for entry in entries[:50]:
        before, after = kb.get(entry.source[0]), kb.get(entry.target[0])
        assert before is not None and after is not None
        role = (entry.office or "").split("@")[0]
        assert any(o.role == role and o.end == entry.first for o in before.offices)
        assert any(o.role == role and o.start == entry.first for o in after.offices)


# ---------------------------------------------------------------- constraints, solved


def _expr(text: str):  # type: ignore[no-untyped-def]
    expr = grammar_for("fr").parse(text)
    assert expr is not None
    return expr


def test_last_week_puts_the_writing_in_the_week_after_the_event() -> None:
    event = DayInterval.day(dt.date(2021, 6, 9))  # a Wednesday
    days = expression_days(_expr("la semaine dernière"), tense="past", target=event)
    assert days.hull() == DayInterval(dt.date(2021, 6, 14), dt.date(2021, 6, 20))


def test_a_past_weekday_puts_the_writing_within_the_week_after() -> None:
    event = DayInterval.day(dt.date(2021, 6, 8))  # a Tuesday
    days = expression_days(_expr("mardi"), tense="past", target=event)
    assert days.hull() == DayInterval(dt.date(2021, 6, 8), dt.date(2021, 6, 14))


def test_an_expression_that_cannot_date_the_entry_allows_no_day() -> None:
    event = DayInterval.day(dt.date(2021, 6, 8))
    assert expression_days(_expr("en 2019"), tense="past", target=event).empty
    assert not expression_days(_expr("en 2021"), tense="past", target=event).empty


def _set(first: str, last: str) -> DaySet:
    return DaySet((DayInterval(dt.date.fromisoformat(first), dt.date.fromisoformat(last)),))


def test_the_precision_is_that_of_the_whole_interval() -> None:
    assert published_of(_set("2021-06-14", "2021-06-20")) == PartialDate(2021, 6)
    assert published_of(_set("2021-06-28", "2021-07-04")) == PartialDate(2021)
    assert published_of(_set("2021-06-14", "2021-06-14")) == PartialDate(2021, 6, 14)
    assert published_of(_set("2021-12-28", "2022-01-04")) is None


def test_hard_constraints_intersect_and_a_contradiction_gives_nothing() -> None:
    a = Constraint(_set("2021-06-01", "2021-06-20"), "hard", "a")
    b = Constraint(_set("2021-06-15", "2021-07-20"), "hard", "b")
    assert published_of(solve([a, b])) == PartialDate(2021, 6)
    c = Constraint(_set("2022-01-01", "2022-01-31"), "hard", "c")
    assert solve([a, c]) is None


def test_soft_and_bound_constraints_narrow_only_when_they_fit() -> None:
    hard = Constraint(_set("2021-05-20", "2021-06-20"), "hard", "hard")
    recent = Constraint(_set("2021-06-02", "2021-06-23"), "soft", "recent")
    wrong = Constraint(_set("2020-01-01", "2020-01-21"), "soft", "elsewhere")
    term = Constraint(DaySet.since(dt.date(2018, 1, 1)), "bound", "term")
    assert published_of(solve([hard, wrong, recent, term])) == PartialDate(2021, 6)


def test_bounds_alone_date_nothing() -> None:
    term = Constraint(_set("2021-06-01", "2021-06-20"), "bound", "term")
    assert solve([term]) is None


# ---------------------------------------------------------------- invented articles


def _entry(ident: str, day: str, kind: str, **fields: object) -> CalendarEntry:
    date = dt.date.fromisoformat(day)
    return CalendarEntry(id=ident, first=date, last=date, type=kind, **fields)  # type: ignore[arg-type]


@dataclasses.dataclass(frozen=True)
class Pipeline:
    """The session's pipes up to the events, then an anchor component with given entries."""

    nlp: Language

    def run(self, text: str, *entries: CalendarEntry, published: str | None = None) -> Doc:
        article = from_text(text)
        if published is not None:
            article = dataclasses.replace(
                article, published=PartialDate.parse(published), published_from="metadata"
            )
        doc = self.nlp.make_doc(article.content)
        doc._.article = article
        for name, proc in self.nlp.pipeline:
            if name == "veilleur_anchor":
                return AnchorComponent(lang="fr", extra=entries, today=TODAY)(doc)
            doc = proc(doc)
        raise AssertionError("veilleur_anchor is not in the pipeline")


@pytest.fixture(scope="module")
def pipeline(nlp: Language) -> Pipeline:
    return Pipeline(nlp)


NANGAA = ("person:corneille-nangaa",)


def test_a_killing_recalled_last_week_dates_the_article_and_its_events(
    pipeline: Pipeline,
) -> None:
    killing = _entry("invented-killing", "2023-03-08", "ASSAULT", target=NANGAA)
    doc = pipeline.run(
        "Le président kényan William Ruto a reçu jeudi à Nairobi le président rwandais Paul "
        "Kagame. Les deux dirigeants ont condamné l'assassinat du chef rebelle Corneille "
        "Nangaa, survenu la semaine dernière.",
        killing,
    )
    assert doc._.published == PartialDate(2023, 3)
    assert doc._.published_from == "inferred"
    # 'jeudi' in an article known to the month may be the end of February: the year only.
    meeting = next(e for e in doc._.events if e.type == "CONSULT")
    assert meeting.date == PartialDate(2023)
    assert meeting.date_from == "text"
    assert all(t.value is None or t.value.year == 2023 for t in doc._.timexes)


def test_days_after_a_dated_event_give_the_day_of_writing(pipeline: Pipeline) -> None:
    killing = _entry("invented-strike", "2023-03-07", "ASSAULT", target=NANGAA, place="Goma")
    doc = pipeline.run(
        "L'émissaire de l'Union africaine arrive à Kinshasa deux jours après qu'une frappe a "
        "tué le chef rebelle Corneille Nangaa à Goma mardi.",
        killing,
    )
    assert doc._.published == PartialDate(2023, 3, 9)
    assert doc._.published_from == "inferred"


def test_a_handover_on_a_weekday_and_a_minister_in_office_date_the_article(
    pipeline: Pipeline,
) -> None:
    doc = pipeline.run(
        "Le chef du CENTCOM a assisté lundi à la cérémonie de passation de pouvoir du chef "
        "d'état-major de Tsahal, aux côtés du ministre de la Défense Yoav Gallant."
    )
    assert doc._.published == PartialDate(2023, 1)
    assert doc._.published_from == "inferred"


def test_a_stated_date_is_never_replaced(pipeline: Pipeline) -> None:
    killing = _entry("invented-killing", "2023-03-08", "ASSAULT", target=NANGAA)
    doc = pipeline.run(
        "Les deux dirigeants ont évoqué l'assassinat du chef rebelle Corneille Nangaa la semaine "
        "dernière.",
        killing,
        published="2023-05-02",
    )
    assert doc._.published == PartialDate(2023, 5, 2)
    assert doc._.published_from == "metadata"


def test_no_reference_no_date(pipeline: Pipeline) -> None:
    doc = pipeline.run("Le ministre a rencontré son homologue mardi pour parler de coopération.")
    assert doc._.published is None
    assert doc._.published_from is None


def test_an_event_of_another_place_is_not_the_entry(pipeline: Pipeline) -> None:
    killing = _entry("invented-strike", "2023-03-07", "ASSAULT", target=NANGAA, place="Bunia")
    killing_b = dataclasses.replace(killing, id="other", source=("state:RWA",))
    doc = pipeline.run(
        "Une frappe du Rwanda a visé le chef rebelle Corneille Nangaa à Goma mardi.",
        killing_b,
    )
    assert doc._.published is None


# ---------------------------------------------------------------- the store


def test_events_stored_with_a_day_stated_in_text_become_entries(tmp_path: Path) -> None:
    article = dataclasses.replace(
        from_text(
            "Le président kényan William Ruto a rencontré le président rwandais Paul Kagame "
            "le 14 mars 2023 à Nairobi."
        ),
        published=PartialDate(2023, 3, 20),
        published_from="metadata",
    )
    with Store.open(str(tmp_path / "v.db")) as store:
        for record in analyse([article]):
            store.add(record)
        entries = stored_entries(store.engine)
        text = stored_calendar(store.engine)
    assert entries, "the meeting dated in the text should be an entry"
    meeting = entries[0]
    assert meeting["date"] == "2023-03-14" and meeting["type"] == "CONSULT"
    assert {"person:william-ruto", "person:paul-kagame"} <= {*meeting["source"], *meeting["target"]}
    assert text is not None
    parsed = parse_calendar("store", text)
    assert [e.id for e in parsed.events] == [e["id"] for e in entries]


def test_recency_alone_dates_nothing() -> None:
    recent = Constraint(_set("2021-06-02", "2021-06-23"), "soft", "recent")
    assert solve([recent]) is None


def test_an_event_recalled_since_gives_no_recent_window(pipeline: Pipeline) -> None:
    killing = _entry("invented-killing", "2023-03-08", "ASSAULT", target=NANGAA)
    doc = pipeline.run(
        "Depuis l'assassinat du chef rebelle Corneille Nangaa, la tension ne retombe pas dans "
        "l'est du pays, où l'armée a lancé mardi une nouvelle offensive.",
        killing,
    )
    assert doc._.published is None


def _landmark() -> CalendarEntry:
    day = dt.date(2019, 5, 14)
    return CalendarEntry(
        id="invented-landmark",
        first=day,
        last=day,
        names=("crise des otages de Tombouctou",),
        kind="landmark",
    )


def test_a_landmark_takes_only_the_date_written_beside_its_name(pipeline: Pipeline) -> None:
    beside = pipeline.run(
        "La crise des otages de Tombouctou, il y a deux ans, a laissé des traces dans la "
        "diplomatie régionale.",
        _landmark(),
    )
    assert beside._.published == PartialDate(2021)
    assert beside._.published_from == "inferred"
    clause = pipeline.run(
        "Mardi, le ministre malien a longuement évoqué devant les députés la crise des otages "
        "de Tombouctou.",
        _landmark(),
    )
    assert clause._.published is None


def _calendar(*entries: CalendarEntry) -> Calendar:
    return Calendar(tuple(entries), 21)


def test_a_person_struck_once_is_the_entry_but_states_need_the_place() -> None:
    killing = _entry("k", "2023-03-08", "ASSAULT", source=("state:RWA",), target=NANGAA)
    strike = _entry("s", "2023-03-09", "ASSAULT", source=("state:RWA",), target=("state:COD",),
                    place="Goma")  # fmt: skip
    calendar = _calendar(killing, strike)
    found = best_matches(calendar, type="ASSAULT", actors=[*NANGAA], place=None)
    assert [e.id for e in found] == ["k"]
    pair = ["state:RWA", "state:COD"]
    assert best_matches(calendar, type="ASSAULT", actors=pair, place=None) == ()
    assert [e.id for e in best_matches(calendar, type="ASSAULT", actors=pair, place="Goma")] == [
        "s"
    ]
    assert best_matches(calendar, type="CONSULT", actors=[*NANGAA], place=None) == ()


def test_a_landmark_is_never_matched_by_its_actors() -> None:
    invasion = dataclasses.replace(
        _entry("i", "2022-02-24", "ASSAULT", source=("state:RUS",), target=("state:UKR",)),
        kind="landmark",
        place="Kiev",
    )
    actors = ["state:RUS", "state:UKR"]
    assert best_matches(_calendar(invasion), type="ASSAULT", actors=actors, place="Kiev") == ()


def test_too_many_equal_entries_say_nothing() -> None:
    attempts = [
        _entry(f"a{n}", f"2023-03-{n + 1:02d}", "ASSAULT", target=NANGAA)
        for n in range(MAX_ALTERNATIVES + 1)
    ]
    assert best_matches(_calendar(*attempts), type="ASSAULT", actors=NANGAA, place=None) == ()
    assert (
        len(best_matches(_calendar(*attempts[:2]), type="ASSAULT", actors=NANGAA, place=None)) == 2
    )


def test_without_a_person_only_an_entry_alone_in_its_place_is_meant() -> None:
    strikes = [
        _entry(f"s{n}", f"2023-03-{n + 1:02d}", "ASSAULT", source=("state:RWA",),
               target=("state:COD",), place="Goma")
        for n in range(2)
    ]  # fmt: skip
    pair = ["state:RWA", "state:COD"]
    assert best_matches(_calendar(*strikes), type="ASSAULT", actors=pair, place="Goma") == ()
    assert len(best_matches(_calendar(strikes[0]), type="ASSAULT", actors=pair, place="Goma")) == 1


def test_meetings_recur_and_are_found_by_name_only() -> None:
    meeting = _entry("m", "2023-03-08", "CONSULT", source=("person:william-ruto",),
                     target=("person:paul-kagame",), place="Nairobi")  # fmt: skip
    actors = ["person:william-ruto", "person:paul-kagame"]
    assert best_matches(_calendar(meeting), type="CONSULT", actors=actors, place="Nairobi") == ()
    assert load_calendar().matched_types == {"ASSAULT", "COERCE"}


def test_an_investiture_on_a_weekday_dates_the_article(pipeline: Pipeline) -> None:
    # The KB's terms say Donald Trump took office on 2017-01-20 (a Friday) and 2025-01-20
    # (a Monday): only the second is a Monday.
    doc = pipeline.run(
        "Plusieurs dirigeants étrangers ont assisté lundi à l'investiture de Donald Trump, "
        "sous la coupole du Capitole."
    )
    assert doc._.published == PartialDate(2025, 1)
    assert doc._.published_from == "inferred"


def test_a_handover_day_marked_approximate_is_left_out() -> None:
    kb = KnowledgeBase.load()
    day = dt.date(2023, 1, 16)
    kept = {e.id for e in handover_entries(kb)}
    assert "handover:chief_of_staff:ISR:2023-01-16" in kept
    without = {e.id for e in handover_entries(kb, approximate=frozenset({("chief_of_staff", day)}))}
    assert "handover:chief_of_staff:ISR:2023-01-16" not in without
    assert ("defence_minister", dt.date(2018, 11, 18)) in approximate_days()
