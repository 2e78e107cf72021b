"""Event rules that carry across regions and outlets, on invented sentences."""

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


def test_opposite_strikes_are_two_events(nlp: Language) -> None:
    text = (
        "L'Éthiopie a bombardé mardi des positions en Érythrée. "
        "Le lendemain, l'Érythrée a bombardé l'Éthiopie en représailles."
    )
    pairs = {(frozenset(names(e.source)), frozenset(names(e.target))) for e in events(nlp, text)}
    assert (frozenset({"Éthiopie"}), frozenset({"Érythrée"})) in pairs
    assert (frozenset({"Érythrée"}), frozenset({"Éthiopie"})) in pairs
