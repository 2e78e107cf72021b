"""Dates on unseen text: general rules of how French news states time, on invented sentences."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from veilleur.components.anchor import AnchorComponent
from veilleur.components.dates import DatesComponent
from veilleur.kb import KnowledgeBase
from veilleur.readers import from_text
from veilleur.records import Mention, PartialDate
from veilleur.temporal import event_date
from veilleur.temporal.anchoring import term_constraints


@dataclasses.dataclass(frozen=True)
class Runner:
    """The shared model's pipes up to the dates component, with a fixed 'today'."""

    nlp: Language
    dates: DatesComponent

    def doc(self, text: str) -> Doc:
        """Analyse one article (its header line included) up to the dates component."""
        article = from_text(text)
        doc = self.nlp.make_doc(article.content)
        doc._.article = article
        for name, proc in self.nlp.pipeline:
            if name == "veilleur_dates":
                return self.dates(doc)
            doc = proc(doc)
        raise AssertionError("veilleur_dates is not in the pipeline")


@pytest.fixture(scope="session")
def dates(nlp: Language) -> Runner:
    """The session's pipeline with a fixed 'today', so that year estimates are reproducible."""
    return Runner(nlp, DatesComponent(lang="fr", today=dt.date(2026, 11, 21)))


def _token(doc: Doc, word: str) -> spacy.tokens.Token:
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # The story's day is Friday 14 March 2025: "mercredi" is the 12th, not the 19th.
        (
            " date 2025-03 Le président chilien a été reçu vendredi 14 mars à Brasilia."
            " Mercredi, il avait signé un accord minier avec la Bolivie.",
            "signé",
            PartialDate(2025, 3, 12),
        ),
        # The story's day is Monday 3 November 2025: "mardi" is the day after, the 4th.
        (
            " date 2025-11 Les ministres se sont réunis lundi 3 novembre à Accra."
            " Le chef de la junte a dénoncé mardi une ingérence étrangère.",
            "dénoncé",
            PartialDate(2025, 11, 4),
        ),
        # "dans la nuit de samedi à dimanche" is the Sunday of the story's week.
        (
            " date 2024-10 Le Premier ministre thaïlandais a rencontré lundi 7 octobre son"
            " homologue. L'armée a frappé dans la nuit de samedi à dimanche un dépôt.",
            "frappé",
            PartialDate(2024, 10, 6),
        ),
    ],
)
def test_a_bare_weekday_is_the_stated_story_day_nearest_it(
    dates: Runner, text: str, trigger: str, expected: PartialDate
) -> None:
    doc = dates.doc(text)
    assert event_date(doc, _token(doc, trigger), future=False) == (expected, "text")


def test_a_planned_weekday_is_the_first_after_the_story_day(dates: Runner) -> None:
    doc = dates.doc(
        " date 2025-03 Le ministre letton a rencontré jeudi 6 mars son homologue estonien."
        " Il doit se rendre mardi à Vilnius."
    )
    assert event_date(doc, _token(doc, "rendre"), future=True) == (
        PartialDate(2025, 3, 11),
        "text",
    )


def test_a_header_day_keeps_weekdays_before_it(dates: Runner) -> None:
    doc = dates.doc(
        " date 2025-03-14 Le président chilien a été reçu jeudi 13 mars à Brasilia."
        " Mercredi, il avait signé un accord minier avec la Bolivie."
    )
    assert event_date(doc, _token(doc, "signé"), future=False) == (
        PartialDate(2025, 3, 12),
        "text",
    )


@dataclasses.dataclass(frozen=True)
class FullRunner:
    """The whole pipeline, its dates and anchor components with a fixed 'today'."""

    nlp: Language
    dates: DatesComponent
    anchor: AnchorComponent

    def doc(self, text: str) -> Doc:
        """Analyse one article through every component."""
        article = from_text(text)
        doc = self.nlp.make_doc(article.content)
        doc._.article = article
        for name, proc in self.nlp.pipeline:
            if name == "veilleur_dates":
                doc = self.dates(doc)
            elif name == "veilleur_anchor":
                doc = self.anchor(doc)
            else:
                doc = proc(doc)
        return doc


@pytest.fixture(scope="session")
def full(nlp: Language) -> FullRunner:
    """The session's pipeline with fixed-'today' dates and anchor components."""
    today = dt.date(2026, 11, 21)
    return FullRunner(
        nlp, DatesComponent(lang="fr", today=today), AnchorComponent(lang="fr", today=today)
    )


def test_the_year_of_a_weekday_and_date_is_the_one_the_office_holders_allow(
    full: FullRunner,
) -> None:
    # "mercredi 3 juin" is 2026, 2020 or 2015; Mike Pompeo was secretary of state in 2020 only.
    doc = full.doc(
        "Pompeo à Varsovie\n\nLe secrétaire d'État américain Mike Pompeo a rencontré mercredi"
        " 3 juin à Varsovie le ministre polonais des Affaires étrangères. Jeudi, il a visité"
        " une base militaire."
    )
    assert doc._.published == PartialDate(2020, 6, 3)
    assert [t.value for t in doc._.timexes] == [PartialDate(2020, 6, 3), PartialDate(2020, 6, 4)]


def test_with_nothing_to_choose_the_year_stays_the_latest(full: FullRunner) -> None:
    doc = full.doc(
        "Visite à Varsovie\n\nUn émissaire a rencontré mercredi 3 juin à Varsovie des"
        " responsables polonais."
    )
    assert doc._.published == PartialDate(2026, 6, 3)


def test_a_bare_title_does_not_bound_the_publication() -> None:
    # The linker gives "le ministre irakien des Affaires étrangères" its holder of today: the
    # text names nobody, so that holder's term says nothing of when the article was written.
    kb = KnowledgeBase.load()
    holder = next(
        p for p in kb.actors() if any(o.role == "foreign_minister" and o.start for o in p.offices)
    )
    bare = Mention(0, 10, "ministre", holder.id, holder.name, "person", None,
                   "ministre des Affaires étrangères", "title")  # fmt: skip
    named = dataclasses.replace(bare, text=holder.name, how="kb")
    assert term_constraints(kb, [bare]) == []
    assert len(term_constraints(kb, [named, bare])) == 1


def test_an_undated_article_takes_the_one_year_its_office_holders_allow(full: FullRunner) -> None:
    # "le 3 juin" of any year; Pompeo (2018-2021) and Esper (2019-2020) together: 2020 only.
    doc = full.doc(
        "Varsovie et Washington\n\nLe secrétaire d'État américain Mike Pompeo et le"
        " secrétaire à la Défense Mark Esper ont reçu le 3 juin à Washington le ministre"
        " polonais de la Défense."
    )
    assert (doc._.published, doc._.published_from) == (PartialDate(2020, 6), "inferred")
    assert [t.value for t in doc._.timexes] == [PartialDate(2020, 6, 3)]


def test_an_undated_article_with_several_possible_years_stays_undated(full: FullRunner) -> None:
    doc = full.doc(
        "Varsovie et Washington\n\nLe secrétaire d'État américain Mike Pompeo a reçu le 3 juin"
        " à Washington le ministre polonais de la Défense."
    )
    assert doc._.published is None


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # A night across two days dates the second one.
        (
            " date 2025-02-12 Les rebelles ont attaqué dans la nuit du lundi 10 au mardi 11"
            " février un poste militaire près de Goma.",
            "attaqué",
            PartialDate(2025, 2, 11),
        ),
        (
            " date 2025-02-12 Les rebelles ont attaqué dans la nuit du 10 au 11 février un"
            " poste militaire près de Goma.",
            "attaqué",
            PartialDate(2025, 2, 11),
        ),
        # A day without its month is in the month of the date told before it.
        (
            " date 2025-04-25 Le président kényan est arrivé le 20 avril à Addis-Abeba."
            " Le 22 au soir, il a signé un accord avec son homologue.",
            "signé",
            PartialDate(2025, 4, 22),
        ),
        (
            " date 2025-05-06 Les délégués se sont réunis le 29 avril à Doha. Le 2, au matin,"
            " les médiateurs ont annoncé une trêve.",
            "annoncé",
            PartialDate(2025, 5, 2),
        ),
        # "ce soir-là", "le soir même": the day told before.
        (
            " date 2025-03-20 Le 14 mars, la ministre a rencontré son homologue à Lima."
            " Ce soir-là, elle a dîné avec le président péruvien.",
            "dîné",
            PartialDate(2025, 3, 14),
        ),
    ],
)
def test_relative_days_of_news_narratives(
    dates: Runner, text: str, trigger: str, expected: PartialDate
) -> None:
    doc = dates.doc(text)
    assert event_date(doc, _token(doc, trigger), future=False) == (expected, "text")


def test_an_ordinal_is_not_a_day(dates: Runner) -> None:
    doc = dates.doc(" date 2025-03-20 Le 22e régiment a quitté la ville, le 3e bataillon aussi.")
    assert doc._.timexes == []


def test_a_date_of_the_main_clause_sets_the_day_of_the_next_sentence(dates: Runner) -> None:
    doc = dates.doc(
        " date 2025-03-20 Tout a basculé le 2 mars, à Kinshasa. Des miliciens ont attaqué une"
        " caserne de l'armée."
    )
    assert event_date(doc, _token(doc, "attaqué"), future=False) == (
        PartialDate(2025, 3, 2),
        "text",
    )


def test_the_start_of_a_state_does_not_set_the_next_sentence_day(dates: Runner) -> None:
    doc = dates.doc(
        " date 2025-03-20 Les combats durent depuis le 2 mars, à Kinshasa. Des miliciens ont"
        " attaqué une caserne de l'armée."
    )
    assert event_date(doc, _token(doc, "attaqué"), future=False) == (
        PartialDate(2025, 3, 20),
        "published",
    )


def test_recent_days_are_the_publication_month(dates: Runner) -> None:
    # Published in May 2025, perhaps on the 3rd: "ces derniers jours" may reach into April,
    # but news tells the days around its writing in the publication's month.
    doc = dates.doc(
        " date 2025-05 Les diplomates chiliens et argentins se sont rencontrés à plusieurs"
        " reprises ces derniers jours."
    )
    assert event_date(doc, _token(doc, "rencontrés"), future=False) == (
        PartialDate(2025, 5),
        "published",
    )


@pytest.mark.parametrize(
    ("text", "trigger", "future", "expected"),
    [
        # From mid-December to three months later: across two years, so no date at all.
        (
            " date 2025-12-14 Les présidents ghanéen et togolais ont convenu de se revoir à Lomé"
            " dans les trois prochains mois.",
            "revoir",
            True,
            None,
        ),
        (
            " date 2025-06-20 Les garde-côtes ont arraisonné trois navires de pêche au cours"
            " des deux dernières semaines.",
            "arraisonné",
            False,
            PartialDate(2025, 6),
        ),
    ],
)
def test_a_window_of_units_runs_from_the_writing(
    dates: Runner, text: str, trigger: str, future: bool, expected: PartialDate | None
) -> None:
    doc = dates.doc(text)
    value, _ = event_date(doc, _token(doc, trigger), future=future)
    assert value == expected


def test_a_stretch_ahead_does_not_date_a_past_act(dates: Runner) -> None:
    doc = dates.doc(
        " date 2025-12-14 Les présidents ghanéen et togolais ont convenu de se revoir à Lomé"
        " dans les trois prochains mois."
    )
    assert event_date(doc, _token(doc, "convenu"), future=False) == (
        PartialDate(2025, 12, 14),
        "published",
    )
