"""Event rules of plain news sentences that gave no event before, on invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from veilleur.pipeline import analyse, get_nlp
from veilleur.records import ActorRef, Event


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full pipeline, loaded once."""
    return get_nlp()


def events(nlp: Language, text: str) -> list[Event]:
    """Events veilleur finds in `text`."""
    return list(next(analyse([text], nlp=nlp)).events)


def names(actors: tuple[ActorRef, ...]) -> set[str]:
    """Actor names, as a set."""
    return {a.name for a in actors}


def of_type(found: list[Event], type_: str) -> list[Event]:
    """The events of `type_` in `found`."""
    return [e for e in found if e.type == type_]


def pairs(found: list[Event], type_: str) -> set[tuple[frozenset[str], frozenset[str]]]:
    """(source names, target names) of the events of `type_`."""
    return {(frozenset(names(e.source)), frozenset(names(e.target))) for e in of_type(found, type_)}


def test_a_group_named_by_a_common_noun_is_the_party_asked(nlp: Language) -> None:
    text = (
        "La ministre allemande Annalena Baerbock a appelé mercredi les partenaires européens "
        "à livrer davantage d'obus."
    )
    assert pairs(events(nlp, text), "REQUEST") == {
        (frozenset({"Annalena Baerbock"}), frozenset({"partenaires européens"}))
    }


def test_the_allies_of_a_state_are_a_group_not_the_state(nlp: Language) -> None:
    text = "Le président Gitanas Nausėda a appelé les alliés de la Moldavie à livrer des radars."
    targets = [names(e.target) for e in of_type(events(nlp, text), "REQUEST")]
    assert targets == [{"alliés de la Moldavie"}]


def test_protesters_in_front_of_an_embassy_protest_against_its_state(nlp: Language) -> None:
    text = (
        "Des centaines de manifestants ont protesté samedi devant l'ambassade de France à Gao."
    )
    assert pairs(events(nlp, text), "PROTEST") == {
        (frozenset({"manifestants"}), frozenset({"France"}))
    }


@pytest.mark.parametrize(
    "text",
    [
        "Les garde-côtes chinois ont aspergé au canon à eau un navire vietnamien.",
        "Les garde-côtes chinois ont arrosé mardi un chalutier vietnamien.",
        "Un navire des garde-côtes chinois a braqué son canon à eau sur un chalutier vietnamien.",
    ],
)
def test_water_cannon_is_an_assault_on_the_state_of_the_boat(nlp: Language, text: str) -> None:
    found = of_type(events(nlp, text), "ASSAULT")
    assert found and all("Viêt Nam" in names(e.target) for e in found)


def test_a_ship_intercepted_is_seized_and_named_as_target(nlp: Language) -> None:
    text = (
        "La marine indienne a intercepté lundi le Galaxy Star, un pétrolier battant pavillon "
        "libérien, au large de Bombay."
    )
    targets = [names(e.target) for e in of_type(events(nlp, text), "COERCE")]
    assert targets == [{"Galaxy Star"}]


def test_missiles_intercepted_are_no_seizure(nlp: Language) -> None:
    text = "La défense antiaérienne ukrainienne a intercepté lundi 40 missiles russes."
    assert not of_type(events(nlp, text), "COERCE")


def test_a_title_telling_with_a_common_noun_what_the_body_names_is_one_event(
    nlp: Language,
) -> None:
    text = (
        "Les séparatistes sahraouis acceptent une trêve avec le Maroc\n\n"
        "Les combats avaient repris en novembre près de Guerguerat.\n\n"
        "Le Front Polisario et le Maroc ont accepté mardi une trêve de trois mois, a annoncé "
        "l'envoyé de l'ONU."
    )
    agreements = of_type(events(nlp, text), "AGREE")
    assert len(agreements) == 1
    assert "séparatistes" not in names(agreements[0].source)
