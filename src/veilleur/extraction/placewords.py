"""The words a language reads an event's place with, and two readings every place stage
shares: the preposition before a place mention and the event types of a trigger word."""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Token

from .. import lang
from .actors import ActorIndex
from .lexicon import load_lexicon

__all__ = ["PlaceWords", "act_types", "load_place_words", "prep_before"]


class PlaceWords(BaseModel):
    """The words a language reads an event's place with (lang/<lang>/places.yaml)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    ranks: dict[str, int] = Field(min_length=1)
    at: frozenset[str] = Field(min_length=1)
    venue_verbs: frozenset[str]
    occasions: frozenset[str]
    where: frozenset[str]
    means: frozenset[str] = frozenset()
    envoys: frozenset[str] = frozenset()
    envoy_acts: frozenset[str] = frozenset()
    there: frozenset[str] = frozenset()
    waters: frozenset[str] = frozenset()
    water_qualifiers: frozenset[str] = frozenset()
    landings: frozenset[str] = frozenset()


@cache
def load_place_words(language: str = "fr") -> PlaceWords:
    """The validated place words of `language` (loaded once per process)."""
    return lang.load(language, "places", PlaceWords)


def prep_before(word: Token, index: ActorIndex, words: PlaceWords) -> str:
    """The preposition before the place mention (skipping one determiner)."""
    first = index.doc[index.start_of(word)]
    prep = index.doc[first.i - 1].lower_ if first.i > 0 else ""
    if prep not in words.ranks and first.i > 1:
        prep = index.doc[first.i - 2].lower_
    return prep.rstrip("'’")


def act_types(token: Token) -> set[str]:
    """The event types the lexicon gives the word `token` as a trigger."""
    pos = "verb" if token.pos_ in ("VERB", "AUX") else "noun"
    return {e.type for e in load_lexicon().entries(token.lemma_.casefold(), pos)}
