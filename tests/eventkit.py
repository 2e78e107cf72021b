"""Helpers the event tests share: run the pipeline on a text and read its events."""

from __future__ import annotations

from spacy.language import Language

from veilleur.pipeline import analyse
from veilleur.records import ActorRef, Event


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
