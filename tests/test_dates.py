"""Dates component and veilleur.temporal: expressions in context, publication, event dates."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
import spacy
from pydantic import ValidationError
from spacy.language import Language
from spacy.tokens import Doc

from veilleur.components.dates import DatesComponent
from veilleur.extraction.merging import deduplicate, merge_visits
from veilleur.readers import from_text
from veilleur.records import ActorRef, Article, Event, PartialDate
from veilleur.temporal import (
    DayInterval,
    Expression,
    TimeData,
    anchor_of,
    estimate_published,
    event_date,
    grammar_for,
    load_lexicon,
    resolve,
)
from veilleur.temporal.published import is_dateline
from veilleur.temporal.resolve import Tense

TABLE = Path(__file__).parent / "data" / "timex_fr.tsv"
DEV = Path("/work/shared/corpus/dev")


@dataclasses.dataclass(frozen=True)
class Case:
    """One row of the table: an expression in its sentence, and its expected value."""

    published: str
    expression: str
    value: str
    granularity: str
    sentence: str


def _cases() -> list[Case]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(Case(*line.split("\t")))
    return rows


CASES = _cases()


@dataclasses.dataclass(frozen=True)
class Runner:
    """The shared model's pipes up to the dates component, with a fixed 'today'."""

    nlp: Language
    dates: DatesComponent

    def run(self, article: Article) -> Doc:
        """Analyse one article through the model and the dates component."""
        doc = self.nlp.make_doc(article.content)
        doc._.article = article
        for name, proc in self.nlp.pipeline:
            if name == "veilleur_dates":
                return self.dates(doc)
            doc = proc(doc)
        raise AssertionError("veilleur_dates is not in the pipeline")

    def doc(self, text: str, published: str) -> Doc:
        """Analyse a text published on `published` (ISO, or '-' when unknown)."""
        article = from_text(text)
        if published != "-":
            article = dataclasses.replace(
                article, published=PartialDate.parse(published), published_from="metadata"
            )
        return self.run(article)


@pytest.fixture(scope="session")
def dates(nlp: Language) -> Runner:
    """The session's pipeline; a fixed 'today' keeps weekday-and-date estimates reproducible."""
    return Runner(nlp, DatesComponent(lang="fr", today=dt.date(2026, 11, 21)))


@pytest.fixture(scope="session")
def table_docs(dates: Runner) -> dict[tuple[str, str], Doc]:
    """Each distinct (sentence, publication) of the table, analysed once."""
    keys = sorted({(c.sentence, c.published) for c in CASES})
    return {key: dates.doc(*key) for key in keys}


def test_table_is_large_and_well_formed() -> None:
    assert len(CASES) >= 150
    for case in CASES:
        assert case.expression in case.sentence, case
        assert case.granularity in ("day", "month", "year", "vague"), case


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.published}:{c.expression}")
def test_expression_in_context(case: Case, table_docs: dict[tuple[str, str], Doc]) -> None:
    doc = table_docs[(case.sentence, case.published)]
    found = {t.text: t for t in doc._.timexes}
    assert case.expression in found, f"not found in {case.sentence!r}: {list(found)}"
    timex = found[case.expression]
    got = timex.value.iso() if timex.value is not None else "-"
    assert (got, timex.granularity) == (case.value, case.granularity), case.sentence


@pytest.mark.parametrize(
    ("sentence", "not_a_date"),
    [
        ("Depuis deux ans, la guerre a fait des dizaines de milliers de morts.", "deux ans"),
        ("Le dialogue est resté en souffrance pendant un an.", "un an"),
        ("Le ministre est en visite pour quatre jours en Chine.", "quatre jours"),
        ("L'inflation a atteint 10% au cours de l'année écoulée.", "l'année écoulée"),
        ("La ville de Bakhmout est assiégée depuis cinq mois.", "cinq mois"),
        ("La réunion a commencé à 16 heures au siège de l'ONU.", "16 heures"),
        ("Plus de 300 drones ont été lancés contre Israël.", "300"),
        ("On compte 1.200 morts depuis le début des combats au Soudan.", "1.200"),
        ("Plus de 2000 soldats ont été déployés au Niger.", "2000"),
        ("L'ambassadeur doit quitter le pays sous soixante-douze heures.", "soixante-douze"),
        ("Les combats pour la ville ont duré trois semaines.", "trois semaines"),
        ("Le contingent de 2022 hommes a quitté Gao.", "2022"),
        ("L'attaque a eu lieu vers 06h52 selon l'armée.", "06h52"),
        ("Le bilan s'élève à 31 morts et 12 blessés à Odessa.", "31"),
        ("Une trêve de quatre jours a été conclue entre Israël et le Hamas.", "quatre jours"),
        ("L'opposant a passé deux ans en prison avant d'être libéré.", "deux ans"),
        ("La résolution a été adoptée par 141 voix contre 5.", "141"),
        ("Washington a livré 31 chars Abrams à l'Ukraine en 2023.", "31"),
    ],
)
def test_durations_counts_and_clock_times_are_not_dates(
    sentence: str, not_a_date: str, dates: Runner
) -> None:
    doc = dates.doc(sentence, "2024-08-08")
    at = sentence.index(not_a_date)
    overlapping = [t for t in doc._.timexes if t.start < at + len(not_a_date) and at < t.end]
    assert overlapping == []


def test_a_year_with_a_count_after_it_stays_a_year(dates: Runner) -> None:
    doc = dates.doc("Washington a livré 31 chars Abrams à l'Ukraine en 2023.", "2024-08-08")
    assert [(t.text, t.value) for t in doc._.timexes] == [("en 2023", PartialDate(2023))]


def test_kinds_and_tenses_are_recorded(dates: Runner) -> None:
    doc = dates.doc(
        "Le ministre a rencontré lundi son homologue et le reverra demain.", "2024-08-08"
    )
    by_text = {t.text: t for t in doc._.timexes}
    assert by_text["lundi"].kind == "weekday"
    assert by_text["lundi"].tense == "past"
    assert by_text["demain"].kind == "deictic"
    assert by_text["demain"].value == PartialDate(2024, 8, 9)


# Publication date -------------------------------------------------------------------------


def _parsed(text: str, tense: Tense = "past") -> list[tuple[Expression, Tense]]:
    return [(e, tense) for e in grammar_for("fr").find(text)]


def test_weekday_and_date_fix_the_latest_year_before_today() -> None:
    text = "Jake Sullivan a rencontré Benjamin Netanyahou jeudi 14 décembre."
    anchor = estimate_published(
        text, _parsed(text), published=None, published_from=None,
        lexicon=load_lexicon(), today=dt.date(2026, 11, 21),
    )  # fmt: skip
    assert (anchor.published, anchor.published_from) == (PartialDate(2023, 12, 14), "text")
    assert anchor.interval == DayInterval(dt.date(2023, 12, 14), dt.date(2023, 12, 20))


def test_weekday_date_year_depends_on_today_bound() -> None:
    text = "Le communiqué a été lu lundi 31 janvier à la télévision."
    lexicon = load_lexicon()
    late = estimate_published(
        text, _parsed(text), published=None, published_from=None, lexicon=lexicon,
        today=dt.date(2026, 6, 1),
    )  # fmt: skip
    early = estimate_published(
        text, _parsed(text), published=None, published_from=None, lexicon=lexicon,
        today=dt.date(2021, 6, 1),
    )  # fmt: skip
    assert late.published == PartialDate(2022, 1, 31)
    assert early.published == PartialDate(2011, 1, 31)


def test_future_dates_do_not_date_the_article() -> None:
    text = "Le sommet aura lieu jeudi 14 décembre à Bruxelles."
    anchor = estimate_published(
        text, _parsed(text, "future"), published=None, published_from=None,
        lexicon=load_lexicon(), today=dt.date(2026, 11, 21),
    )  # fmt: skip
    assert anchor.published is None and anchor.interval is None


def test_dateline_gives_the_exact_day_within_the_header_month() -> None:
    text = "Visite à Kiev\n\n31/05/2022\n\nLa ministre effectuait lundi son premier voyage."
    anchor = estimate_published(
        text, _parsed(text), published=PartialDate(2022, 5), published_from="header",
        lexicon=load_lexicon(), today=dt.date(2026, 11, 21),
    )  # fmt: skip
    assert (anchor.published, anchor.published_from) == (PartialDate(2022, 5, 31), "text")
    assert anchor.interval == DayInterval.day(dt.date(2022, 5, 31))


@pytest.mark.parametrize(
    "line",
    [
        "OUAGADOUGOU, 14 mars 2024 (AFP)",
        "LOMÉ, 14 mars 2024 (Reuters) -",
        "14 mars 2024 (APS)",
        "LOMÉ, 14 mars 2024 (AFP) - Les ministres de la région se sont réunis jeudi.",
        "N'DJAMENA, 14 mars 2024 – Le gouvernement a annoncé jeudi sa décision.",
    ],
)
def test_a_wire_dateline_gives_the_exact_day(line: str) -> None:
    text = f"Sommet à Lomé\n\n{line}\n\nLes ministres se sont réunis dimanche."
    anchor = estimate_published(
        text, _parsed(text), published=None, published_from=None,
        lexicon=load_lexicon(), today=dt.date(2026, 11, 21),
    )  # fmt: skip
    assert anchor.interval == DayInterval.day(dt.date(2024, 3, 14))
    # a sentence that merely starts with a place and a date is no dateline
    body = "LOMÉ a accueilli le 14 mars 2024 le sommet des ministres de la région."
    assert not is_dateline(body, _parsed(body)[0][0], lexicon=load_lexicon())
    lead = "Le 14 mars 2024 - les ministres se sont réunis à Lomé."  # no city in capitals
    assert not is_dateline(lead, _parsed(lead)[0][0], lexicon=load_lexicon())


def test_dates_outside_the_header_month_are_ignored() -> None:
    text = "Le 24 février 2022, la Russie a envahi l'Ukraine."
    anchor = estimate_published(
        text, _parsed(text), published=PartialDate(2022, 7), published_from="header",
        lexicon=load_lexicon(), today=dt.date(2026, 11, 21),
    )  # fmt: skip
    assert (anchor.published, anchor.published_from) == (PartialDate(2022, 7), "header")


def test_a_publication_day_is_kept(dates: Runner) -> None:
    doc = dates.doc("Le 3 mars 2022, Kherson est tombée. Mardi, Kiev a été frappée.", "2022-03-09")
    assert (doc._.published, doc._.published_from) == (PartialDate(2022, 3, 9), "metadata")


def test_component_refines_a_header_month_from_a_weekday_date(dates: Runner) -> None:
    text = (
        " date 2023-11 Biden et Xi ont rétabli mercredi 15 novembre un dialogue."
        " Jeudi, ils ont parlé."
    )
    article = from_text(text)
    doc = dates.run(article)
    assert (doc._.published, doc._.published_from) == (PartialDate(2023, 11, 15), "text")
    # The story's day is Wednesday 15: "jeudi" is the day of that story nearest it, the 16th.
    assert [t.value for t in doc._.timexes] == [
        PartialDate(2023, 11, 15),
        PartialDate(2023, 11, 16),
    ]


@pytest.mark.parametrize(
    "recalled",
    [
        "Le 4 juin 2019, la junte avait dénoncé l'accord de défense.",
        "Le 4 juin 2019, un obus s'était abattu sur le marché de la ville.",
        "Le 4 juin 2019, le ministre avait été reçu par le roi.",
    ],
)
def test_a_pluperfect_recall_does_not_date_the_article(dates: Runner, recalled: str) -> None:
    # Background recalled in the pluperfect says the article came later, not when.
    doc = dates.doc(f"La tension est retombée samedi. {recalled}", "-")
    assert (doc._.published, doc._.published_from) == (None, None)
    # Told in the passé composé, the same day is the news and dates the article.
    told = recalled.replace("avait été", "a été").replace("s'était", "s'est")
    told = told.replace("avait", "a")
    doc = dates.doc(f"La tension est retombée samedi. {told}", "-")
    assert (doc._.published, doc._.published_from) == (PartialDate(2019, 6, 4), "text")


def test_no_date_anywhere_leaves_publication_unknown(dates: Runner) -> None:
    doc = dates.doc("Hier, le ministre a rencontré son homologue.", "-")
    assert (doc._.published, doc._.published_from) == (None, None)
    assert [t.value for t in doc._.timexes] == [None]


def _dev_gold() -> list[dict[str, object]]:
    lines = (DEV / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_dev_corpus_published_accuracy_header_and_text(dates: Runner) -> None:
    """Every dev article whose gold date comes from the header or the text is dated right."""
    right = total = 0
    for gold in _dev_gold():
        if gold.get("published_from") not in ("header", "text", None):
            continue
        article = from_text((DEV / str(gold["doc"])).read_text(encoding="utf-8"))
        doc = dates.run(article)
        expected = gold["published"]
        got = doc._.published.iso()[: len(str(expected))] if doc._.published else None
        total += 1
        right += got == expected
    assert total >= 10
    assert right == total


# Event dates ------------------------------------------------------------------------------


def _token(doc: Doc, word: str) -> spacy.tokens.Token:
    return next(t for t in doc if t.text == word)


def test_event_date_takes_the_date_of_its_own_clause(dates: Runner) -> None:
    doc = dates.doc("Le ministre, qui avait rencontré mardi le général, a signé jeudi un accord.",
        "2024-08-08",
    )  # fmt: skip
    assert event_date(doc, _token(doc, "signé"), future=False) == (PartialDate(2024, 8, 8), "text")
    met = event_date(doc, _token(doc, "rencontré"), future=False)
    assert met == (PartialDate(2024, 8, 6), "text")


def test_event_date_future_for_planned_events(dates: Runner) -> None:
    doc = dates.doc("Le ministre doit rencontrer lundi son homologue à Rabat.", "2024-08-08")
    assert event_date(doc, _token(doc, "rencontrer"), future=True) == (
        PartialDate(2024, 8, 12),
        "text",
    )


def test_event_date_ignores_dates_inside_a_quotation(dates: Runner) -> None:
    doc = dates.doc("Le président a déclaré lundi : « Nous signerons l'accord demain avec Kiev ».",
        "2024-08-08",
    )  # fmt: skip
    assert event_date(doc, _token(doc, "déclaré"), future=False) == (
        PartialDate(2024, 8, 5),
        "text",
    )


def test_event_date_falls_back_on_the_publication_date(dates: Runner) -> None:
    doc = dates.doc("Le ministre a rencontré son homologue à Rabat.", "2024-08")
    assert event_date(doc, _token(doc, "rencontré"), future=False) == (
        PartialDate(2024, 8),
        "published",
    )
    bare = dates.doc("Le ministre a rencontré son homologue à Rabat.", "-")
    assert event_date(bare, _token(bare, "rencontré"), future=False) == (None, "none")


def test_event_date_of_a_span_trigger_and_a_vague_date(dates: Runner) -> None:
    doc = dates.doc("Les deux armées organiseront un exercice conjoint dans les semaines à venir.",
        "2022-11",
    )  # fmt: skip
    span = doc[_token(doc, "exercice").i : _token(doc, "conjoint").i + 1]
    assert event_date(doc, span, future=True) == (None, "none")


# Language data and pure resolution --------------------------------------------------------


def test_time_yaml_validates_and_has_no_gaps() -> None:
    data = load_lexicon("fr")
    assert sorted(set(data.months.values())) == list(range(1, 13))
    assert sorted(set(data.weekdays.values())) == list(range(7))
    assert all(f.unit or f.days for f in data.fixed)


def test_schema_rejects_a_missing_month() -> None:
    raw = load_lexicon("fr").model_dump()
    raw["months"] = {k: v for k, v in raw["months"].items() if v != 12}
    with pytest.raises(ValidationError):
        TimeData.model_validate(raw)


def test_schema_rejects_a_vague_phrase_without_window() -> None:
    raw = load_lexicon("fr").model_dump()
    raw["fixed"] = [*raw["fixed"], {"text": "bientôt", "anchor": "vague"}]
    with pytest.raises(ValidationError):
        TimeData.model_validate(raw)


def test_resolution_joins_over_the_anchor_month() -> None:
    monday = grammar_for("fr").parse("lundi")
    assert monday is not None
    august = DayInterval.of(PartialDate(2024, 8))
    joined = resolve(monday, anchor=august, tense="past")
    assert joined == DayInterval(dt.date(2024, 7, 29), dt.date(2024, 8, 26))
    assert joined is not None and joined.to_partial() == PartialDate(2024)
    day = resolve(monday, anchor=DayInterval.day(dt.date(2024, 8, 8)), tense="past")
    assert day is not None and day.to_partial() == PartialDate(2024, 8, 5)
    assert resolve(monday, anchor=None, tense="past") is None


def test_grammar_is_case_and_apostrophe_insensitive() -> None:
    grammar = grammar_for("fr")
    for text in ("AUJOURD'HUI", "aujourd’hui", "L’an   dernier"):
        expr = grammar.parse(text)
        assert expr is not None and expr.form == "fixed", text


def test_event_date_inherits_the_scene_of_the_previous_sentence(dates: Runner) -> None:
    text = "La ministre est arrivée lundi à Kiev. Elle s'entretiendra avec le président ukrainien."
    doc = dates.doc(text, "2024-08-08")
    talk = _token(doc, "entretiendra")
    assert event_date(doc, talk, future=True) == (PartialDate(2024, 8, 5), "text")
    assert event_date(doc, talk, future=True, inherit=False) == (
        PartialDate(2024, 8, 8),
        "published",
    )


def test_a_date_opening_its_sentence_sets_the_scene_of_the_next(dates: Runner) -> None:
    text = (
        "En mars, le Kenya a déployé des policiers en Haïti. La mission a été saluée par les "
        "Nations unies."
    )
    doc = dates.doc(text, "2024-06")
    assert event_date(doc, _token(doc, "saluée"), future=False) == (PartialDate(2024, 3), "text")


def test_a_date_closing_a_clause_does_not_set_the_scene(dates: Runner) -> None:
    text = (
        "Le ministre a atterri à Nairobi, sa première visite depuis le coup de force du 3 "
        "mars. Il a salué les autorités kényanes."
    )
    doc = dates.doc(text, "2024-06")
    assert event_date(doc, _token(doc, "salué"), future=False) == (
        PartialDate(2024, 6),
        "published",
    )


def test_event_date_planned_in_a_past_modal_stays_past(dates: Runner) -> None:
    doc = dates.doc("Le président devait s'adresser lundi aux dirigeants européens.", "2022-05-31")
    assert event_date(doc, _token(doc, "adresser"), future=True) == (
        PartialDate(2022, 5, 30),
        "text",
    )


def test_a_relative_day_in_apposition_names_the_same_day(dates: Runner) -> None:
    text = "Le parlement a voté mardi. Lundi, la veille du vote, le ministre avait démissionné."
    doc = dates.doc(text, "2023-03-16")  # a Thursday
    assert event_date(doc, _token(doc, "démissionné"), future=False) == (
        PartialDate(2023, 3, 13),
        "text",
    )
    # without the apposition, "la veille" is the day before the last date told
    doc = dates.doc(
        "Le parlement a voté mardi. La veille, le ministre avait démissionné.", "2023-03-16"
    )
    assert event_date(doc, _token(doc, "démissionné"), future=False)[0] == PartialDate(2023, 3, 13)


def test_a_weekday_takes_the_day_its_sentence_gives_on_that_weekday(dates: Runner) -> None:
    text = (
        "Les chefs d'État ont signé samedi 6 juillet le traité. Le lendemain du sommet, "
        "dimanche, les ministres ont adopté une déclaration."
    )
    doc = dates.doc(text, "2024-07")  # a month: "dimanche" alone cannot be placed
    assert event_date(doc, _token(doc, "adopté"), future=False) == (PartialDate(2024, 7, 7), "text")
    # a day of the sentence that is another weekday is no help
    other = text.replace("Le lendemain", "Le surlendemain")
    doc = dates.doc(other, "2024-07")
    assert event_date(doc, _token(doc, "adopté"), future=False)[0] != PartialDate(2024, 7, 8)


def test_a_relative_day_of_a_named_event_counts_from_that_event(dates: Runner) -> None:
    text = (
        "Les députés ont voté jeudi 14 mars la loi lors d'un vote serré. Le 2 février, le "
        "gouvernement avait présenté le texte. Le lendemain du vote, le ministre a démissionné."
    )
    doc = dates.doc(text, "2024-03")
    # from the vote (14 March), not from the last date told (2 February)
    assert event_date(doc, _token(doc, "démissionné"), future=False) == (
        PartialDate(2024, 3, 15),
        "text",
    )


def test_a_dateline_without_year_takes_the_header_year() -> None:
    text = "Sommet de Vilnius\n\n11 juillet\n\nL'Otan a convenu mardi d'inviter Kiev."
    anchor = estimate_published(
        text, _parsed(text), published=PartialDate(2023, 7), published_from="header",
        lexicon=load_lexicon(), today=dt.date(2026, 11, 21),
    )  # fmt: skip
    assert (anchor.published, anchor.published_from) == (PartialDate(2023, 7, 11), "text")
    # Without a dateline, a day and month alone do not date the article.
    plain = "Les dirigeants de l'Otan se sont réunis le 11 juillet à Vilnius."
    kept = estimate_published(
        plain, _parsed(plain), published=PartialDate(2023, 7), published_from="header",
        lexicon=load_lexicon(), today=dt.date(2026, 11, 21),
    )  # fmt: skip
    assert (kept.published, kept.published_from) == (PartialDate(2023, 7), "header")


def _visit(start: int, date: PartialDate, date_from: str) -> Event:
    return Event(
        type="CONSULT", mode="visit", status="occurred",
        source=(ActorRef("x:minister", "Ana Ruiz"),),
        target=(ActorRef("x:chile", "Chili", "state"),),
        evidence_start=start, evidence_end=start + 10, evidence="...", trigger="visite",
        date=date, date_from=date_from,  # type: ignore[arg-type]
    )  # fmt: skip


def test_a_repeated_event_keeps_the_day_its_body_states() -> None:
    title = _visit(0, PartialDate(2023, 3, 9), "published")
    body = _visit(80, PartialDate(2023, 3, 8), "text")
    (kept,) = deduplicate([title, body], lead=60)
    assert (kept.evidence_start, kept.date, kept.date_from) == (0, PartialDate(2023, 3, 8), "text")
    (trip,) = merge_visits([title, body])
    assert (trip.date, trip.date_from) == (PartialDate(2023, 3, 8), "text")
    # Two days the text states that cannot be one are two events: nothing is overwritten.
    other = _visit(80, PartialDate(2023, 1, 4), "text")
    first = _visit(0, PartialDate(2023, 3, 9), "text")
    kept_two = deduplicate([first, other], lead=60)
    assert [e.date for e in kept_two] == [PartialDate(2023, 3, 9), PartialDate(2023, 1, 4)]


def test_this_weekday_narrows_a_month_publication(dates: Runner) -> None:
    # April 2024 begins on a Monday: "ce jeudi", past, is written from Thursday 4 to Sunday 28:
    # "mardi" is then a Tuesday of April, never one of the last days of March.
    text = "Le ministre malien a reçu ce jeudi l'ambassadeur, qui avait été convoqué mardi."
    doc = dates.doc(text, "2024-04")
    assert doc._.published == PartialDate(2024, 4)
    assert event_date(doc, _token(doc, "convoqué"), future=False) == (PartialDate(2024, 4), "text")
    assert anchor_of(doc) == DayInterval(dt.date(2024, 4, 4), dt.date(2024, 4, 28))
    # Without a "ce <weekday>", the Tuesday may be in March: only the year is known.
    plain = dates.doc("L'ambassadeur a été convoqué mardi par le ministre malien.", "2024-04")
    assert event_date(plain, _token(plain, "convoqué"), future=False) == (
        PartialDate(2024),
        "text",
    )


def test_a_present_news_verb_is_not_dated_months_back(dates: Runner) -> None:
    text = (
        "À Dakar, le Sénégal conclut un accord sur la pêche, suspendue par la crise il y a six "
        "mois."
    )
    doc = dates.doc(text, "2023-10")
    assert event_date(doc, _token(doc, "conclut"), future=False) == (
        PartialDate(2023, 10),
        "published",
    )
    # A past verb keeps the date, and so does a historic present the date opens.
    past = dates.doc("Le Sénégal a signé un accord sur la pêche il y a six mois.", "2023-10")
    assert event_date(past, _token(past, "signé"), future=False) == (PartialDate(2023, 4), "text")
    opening = dates.doc("Il y a six mois, le Sénégal conclut un accord sur la pêche.", "2023-10")
    assert event_date(opening, _token(opening, "conclut"), future=False) == (
        PartialDate(2023, 4),
        "text",
    )


def test_a_scene_day_the_month_cannot_place_leaves_what_follows_undated(dates: Runner) -> None:
    # January 2023 begins on a Sunday: "mardi" may be 27 December 2022, so the meeting's
    # date is unknown, and so is that of the thanks told in the next sentence.
    text = "Le ministre kényan a reçu mardi son homologue somalien. Il a également salué son rôle."
    doc = dates.doc(text, "2023-01")
    assert event_date(doc, _token(doc, "reçu"), future=False) == (None, "none")
    assert event_date(doc, _token(doc, "salué"), future=False) == (None, "none")
    # A day of a side phrase ("le médiateur, arrivé jeudi soir") does not set the scene.
    side = (
        "Les délégations se sont retrouvées à Nairobi avec le médiateur, arrivé jeudi soir. "
        "Le médiateur a salué les deux parties."
    )
    doc = dates.doc(side, "2022-07")
    assert event_date(doc, _token(doc, "salué"), future=False) == (
        PartialDate(2022, 7),
        "published",
    )


def test_a_paragraph_keeps_its_scene_over_three_sentences(dates: Runner) -> None:
    # Three sentences stand between the day and the handover: the scene holds.
    text = (
        "La ministre est arrivée lundi à Bamako. Elle s'entretiendra avec le président de la "
        "transition. Le pays est frappé par la sécheresse. La ministre se rendra aussi à Mopti. "
        "Elle y remettra des vivres aux autorités. Elle signera enfin un accord avec le "
        "gouvernement."
    )
    doc = dates.doc(text, "2024-08-08")
    assert event_date(doc, _token(doc, "remettra"), future=True) == (
        PartialDate(2024, 8, 5),
        "text",
    )
    # Four sentences on, the scene is no longer the paragraph's day.
    assert event_date(doc, _token(doc, "signera"), future=True) == (
        PartialDate(2024, 8, 8),
        "published",
    )


def test_a_repeat_the_publication_dates_takes_the_body_s_unknown_day() -> None:
    title = _visit(0, PartialDate(2023, 1), "published")
    body = dataclasses.replace(_visit(80, PartialDate(2023, 1), "none"), date=None)
    (kept,) = deduplicate([title, body], lead=60)
    assert (kept.evidence_start, kept.date, kept.date_from) == (0, None, "none")


def test_a_bare_passive_participle_is_a_fact_of_no_time(dates: Runner) -> None:
    text = "Les casques bleus ont quitté la base de Tessalit, attaquée par les rebelles."
    doc = dates.doc(text, "2024-05")
    assert event_date(doc, _token(doc, "attaquée"), future=False) == (None, "none")
    # With its auxiliary it is news of the day; with its own day, it has that day.
    told = dates.doc("La base de Tessalit a été attaquée par les rebelles.", "2024-05")
    assert event_date(told, _token(told, "attaquée"), future=False) == (
        PartialDate(2024, 5),
        "published",
    )
    dated = dates.doc(
        "Les casques bleus ont quitté la base, attaquée le 3 mai par les rebelles.", "2024-05"
    )
    assert event_date(dated, _token(dated, "attaquée"), future=False) == (
        PartialDate(2024, 5, 3),
        "text",
    )


def test_a_state_since_a_year_does_not_date_the_event(dates: Runner) -> None:
    doc = dates.doc(
        "Les deux pays ont convenu de rouvrir leurs frontières, fermées depuis 2015.", "2021-09-14"
    )
    assert event_date(doc, _token(doc, "convenu"), future=False) == (
        PartialDate(2021, 9, 14),
        "published",
    )
