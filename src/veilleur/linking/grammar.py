"""The title grammar of a language (roles.yaml), validated and indexed for fast lookups."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .. import lang
from .text import fold

Gender = Literal["m", "f"]


class RolesSchema(BaseModel):
    """Schema of lang/<lang>/roles.yaml."""

    model_config = ConfigDict(extra="forbid")

    title_heads: list[str] = Field(min_length=1)
    counterpart_heads: list[str] = []
    plural_heads: dict[str, str] = {}
    press_heads: list[str] = []
    press_determiners: list[str] = []
    drop_modifiers: list[str] = []
    kept_modifiers: list[str] = []
    head_prefixes: list[str] = []
    ranks: list[str] = []
    honorifics: list[str] = []
    gender_words: dict[Gender, list[str]] = {}
    articles: list[str] = []
    contracted_articles: list[str] = []
    copula_lemmas: list[str] = []
    complement_preps: list[str] = Field(min_length=1)
    place_preps: list[str] = []
    genitive_preps: list[str] = []
    act_nouns: list[str] = []
    complement_stops: list[str] = []
    topic_markers: list[str] = []
    determiners: list[str] = []
    name_particles: list[str] = []
    organisation_words: list[str] = []
    named_thing_nouns: list[str] = []
    pronouns: dict[str, Gender] = {}
    recency_pronouns: dict[str, Gender] = {}
    recency_determiners: list[str] = []
    plural_pronouns: list[str] = []
    impersonal_next: list[str] = []
    negations: list[str] = []
    group_determiners: list[str] = []
    group_nouns: list[str] = []
    number_words: dict[str, int] = {}
    location_preps: list[str] = []
    on_behalf_preps: list[str] = []
    recipient_verbs: list[str] = []
    max_title_tokens: int = Field(default=14, ge=2, le=40)
    max_back_sentences: int = Field(default=3, ge=1, le=10)


def _folded(words: list[str]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


@dataclass(frozen=True, slots=True)
class Grammar:
    """roles.yaml as folded (lower-case, accent-free) lookup sets; phrases keep their words."""

    title_heads: tuple[str, ...]
    counterpart_heads: tuple[str, ...]
    plural_heads: dict[str, str]
    press_heads: tuple[str, ...]
    press_determiners: frozenset[str]
    ranks: tuple[str, ...]
    honorifics: tuple[str, ...]
    drop_modifiers: frozenset[str]
    kept_modifiers: frozenset[str]
    head_prefixes: tuple[str, ...]
    gender_words: dict[str, Gender]
    articles: frozenset[str]
    contracted_articles: frozenset[str]
    copula_lemmas: frozenset[str]
    complement_preps: frozenset[str]
    place_preps: frozenset[str]
    genitive_preps: frozenset[str]
    act_nouns: frozenset[str]
    complement_stops: frozenset[str]
    topic_markers: tuple[str, ...]
    determiners: frozenset[str]
    name_particles: frozenset[str]
    organisation_words: frozenset[str]
    named_thing_nouns: frozenset[str]
    pronouns: dict[str, Gender]
    recency_pronouns: dict[str, Gender]
    recency_determiners: frozenset[str]
    plural_pronouns: frozenset[str]
    impersonal_next: frozenset[str]
    negations: frozenset[str]
    group_determiners: frozenset[str]
    group_nouns: frozenset[str]
    number_words: dict[str, int]
    location_preps: frozenset[str]
    on_behalf_preps: frozenset[str]
    recipient_verbs: frozenset[str]
    max_title_tokens: int
    max_back_sentences: int


@cache
def grammar(code: str = "fr") -> Grammar:
    """The validated title grammar of language `code`, loaded once."""
    data = lang.load(code, "roles", RolesSchema)
    return Grammar(
        title_heads=tuple(data.title_heads),
        counterpart_heads=tuple(data.counterpart_heads),
        plural_heads=dict(data.plural_heads),
        press_heads=tuple(data.press_heads),
        press_determiners=_folded(data.press_determiners),
        ranks=tuple(data.ranks),
        honorifics=tuple(data.honorifics),
        drop_modifiers=_folded(data.drop_modifiers),
        kept_modifiers=_folded(data.kept_modifiers),
        head_prefixes=tuple(fold(p) for p in data.head_prefixes),
        gender_words={fold(w): g for g, words in data.gender_words.items() for w in words},
        articles=_folded(data.articles),
        contracted_articles=_folded(data.contracted_articles),
        copula_lemmas=_folded(data.copula_lemmas),
        complement_preps=_folded(data.complement_preps),
        place_preps=_folded(data.place_preps),
        genitive_preps=_folded(data.genitive_preps),
        act_nouns=_folded(data.act_nouns),
        complement_stops=_folded(data.complement_stops),
        topic_markers=tuple(data.topic_markers),
        determiners=_folded(data.determiners),
        name_particles=_folded(data.name_particles),
        organisation_words=_folded(data.organisation_words),
        named_thing_nouns=_folded(data.named_thing_nouns),
        pronouns={fold(k): v for k, v in data.pronouns.items()},
        recency_pronouns={fold(k): v for k, v in data.recency_pronouns.items()},
        recency_determiners=_folded(data.recency_determiners),
        plural_pronouns=_folded(data.plural_pronouns),
        impersonal_next=_folded(data.impersonal_next),
        negations=_folded(data.negations),
        group_determiners=_folded(data.group_determiners),
        group_nouns=_folded(data.group_nouns),
        number_words={fold(k): v for k, v in data.number_words.items()},
        location_preps=_folded(data.location_preps),
        on_behalf_preps=_folded(data.on_behalf_preps),
        recipient_verbs=_folded(data.recipient_verbs),
        max_title_tokens=data.max_title_tokens,
        max_back_sentences=data.max_back_sentences,
    )
