"""Schemas and loaders of the trigger and quote-verb lexicons (lang/<lang>/*.yaml)."""

from __future__ import annotations

from functools import cache, cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .. import lang
from ..records import PLOVER_TYPES


def spellings(word: str) -> tuple[str, ...]:
    """A word and its spelling without ligatures: news sites often write "manoeuvre"."""
    plain = word.replace("œ", "oe").replace("æ", "ae")
    return (word,) if plain == word else (word, plain)


class Trigger(BaseModel):
    """One trigger entry: head lemmas, PLOVER type and the frame of its arguments."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    lemmas: tuple[str, ...] = Field(min_length=1)
    pos: Literal["verb", "noun"]
    type: str
    mode: str | None = None
    requires_child: tuple[str, ...] = ()
    # every one of these lemmas must be there too ("mettre fin à l'accord": fin and accord)
    requires_all: tuple[str, ...] = ()
    # none of these lemmas may be there ("mettre en garde" a warning, "en garde à vue" custody)
    excludes_child: tuple[str, ...] = ()
    # the verb must govern an infinitive ("inviter X à se retirer"), not a place or a time
    requires_infinitive: bool = False
    # "ont renforcé leur coopération" is an act; "pour renforcer la coopération" an aim
    finite: bool = False
    requires_prep: tuple[str, ...] = ()
    reflexive: bool = False
    of: Literal["source", "target"] = "source"
    target: Literal["object", "place", "none"] = "object"
    mutual: bool = False
    host: bool = False
    plural_subject: bool = False
    # "ne reconnaît pas X" is a rejection: the entry holds only for a negated verb
    negated: bool = False
    # "répondra avec force" is a threat: the entry holds only for a verb in the future
    future: bool = False
    # "X a démenti toute frappe", "des milliers ont manifesté": an act with no target named
    untargeted: bool = False

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        if value not in PLOVER_TYPES:
            raise ValueError(f"unknown PLOVER type {value!r}; expected one of {PLOVER_TYPES}")
        return value


class Cues(BaseModel):
    """Words around a trigger that set its status or anchor it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    planned_verbs: frozenset[str]
    planned_modifiers: frozenset[str]
    reported_markers: frozenset[str]
    negators: frozenset[str]
    hypothetical_marks: frozenset[str]
    hedges: frozenset[str]
    support_verbs: frozenset[str]
    participant_verbs: frozenset[str]
    member_verbs: frozenset[str]
    presence_nouns: frozenset[str]
    numbers: dict[str, int]
    phone_words: frozenset[str]
    recipient_preps: frozenset[str]
    place_preps: frozenset[str]
    place_relatives: frozenset[str] = frozenset()
    party_nouns: frozenset[str] = frozenset()
    separate_marks: frozenset[str] = frozenset()
    counterpart_nouns: frozenset[str] = frozenset()
    leader_nouns: frozenset[str] = frozenset()
    authority_nouns: frozenset[str] = frozenset()
    non_state_nouns: frozenset[str] = frozenset()
    around_words: frozenset[str] = frozenset()
    venue_preps: frozenset[str] = frozenset()
    state_nouns: frozenset[str] = frozenset()
    bilateral_words: frozenset[str] = frozenset()
    quantity_nouns: frozenset[str] = frozenset()
    partner_preps: frozenset[str] = frozenset()
    topic_preps: frozenset[str] = frozenset()
    test_weapons: frozenset[str] = frozenset()
    aim_preps: frozenset[str] = frozenset()
    decision_nouns: frozenset[str] = frozenset()
    object_relatives: frozenset[str] = frozenset()
    iterative_modifiers: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    crowd_nouns: frozenset[str] = frozenset()
    vessel_nouns: frozenset[str] = frozenset()
    envoy_nouns: frozenset[str] = frozenset()
    sides_nouns: frozenset[str] = frozenset()
    ally_nouns: frozenset[str] = frozenset()
    mission_nouns: frozenset[str] = frozenset()
    decision_verbs: frozenset[str] = frozenset()
    aim_verbs: frozenset[str] = frozenset()
    measure_nouns: frozenset[str] = frozenset()
    feelings: frozenset[str] = frozenset()
    own_possessives: frozenset[str] = frozenset()
    time_words: frozenset[str]
    clause_marks: frozenset[str]


class Inflection(BaseModel):
    """An ending and the infinitive ending it stands for."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    ending: str = Field(min_length=1)
    infinitive: str = Field(min_length=1)


class Lexicon(BaseModel):
    """The whole triggers.yaml file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    triggers: tuple[Trigger, ...] = Field(min_length=1)
    cues: Cues
    demonyms: dict[str, str]
    inflections: tuple[Inflection, ...] = ()

    def verb_forms(self) -> dict[str, str]:
        """Inflected forms of the trigger verbs, each with its lemma, for the forms the
        lemmatizer leaves as they are ("signe" for "signer")."""
        forms: dict[str, str] = {}
        for lemma in self.lemma_set("verb"):
            for i in self.inflections:
                if lemma.endswith(i.infinitive):
                    forms.setdefault(lemma[: -len(i.infinitive)] + i.ending, lemma)
        return forms

    def entries(self, lemma: str, pos: str) -> list[Trigger]:
        """Trigger entries whose head is `lemma` with part of speech `pos`."""
        return list(self._by_head.get((lemma, pos), ()))

    @cached_property
    def _by_head(self) -> dict[tuple[str, str], tuple[Trigger, ...]]:
        """Entries by (head lemma, part of speech), in file order: `entries` is called for
        many tokens of every article, and scanning every trigger each time added up."""
        found: dict[tuple[str, str], list[Trigger]] = {}
        for t in self.triggers:
            for head in dict.fromkeys(w for lemma in t.lemmas for w in spellings(lemma)):
                found.setdefault((head, t.pos), []).append(t)
        return {key: tuple(ts) for key, ts in found.items()}

    def lemma_set(self, pos: str) -> frozenset[str]:
        """Every head lemma of part of speech `pos`."""
        found = self._lemma_sets.get(pos)
        if found is None:  # a part of speech no trigger has
            return frozenset()
        return found

    @cached_property
    def _lemma_sets(self) -> dict[str, frozenset[str]]:
        """Head lemmas by part of speech, built once: several stages ask per word."""
        return {
            pos: frozenset(lemma for t in self.triggers if t.pos == pos for lemma in t.lemmas)
            for pos in dict.fromkeys(t.pos for t in self.triggers)
        }


class Mark(BaseModel):
    """A pair of quotation marks."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    open: str = Field(min_length=1, max_length=1)
    close: str = Field(min_length=1, max_length=1)


class Pronouns(BaseModel):
    """Pronouns that stand for an earlier speaker, by gender."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    masc: frozenset[str]
    fem: frozenset[str]
    plur: frozenset[str]

    def gender(self, word: str) -> str | None:
        """'masc', 'fem' or 'plur' for a pronoun, None for other words."""
        low = word.casefold().lstrip("-")
        for name in ("masc", "fem", "plur"):
            if low in getattr(self, name):
                return name
        return None


class QuoteLexicon(BaseModel):
    """The whole quote_verbs.yaml file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    marks: tuple[Mark, ...] = Field(min_length=1)
    min_words: int = Field(ge=1)
    verbs: frozenset[str]
    inflections: tuple[Inflection, ...] = ()
    according_to: frozenset[str]
    according_to_initial: frozenset[str]
    documents: frozenset[str]
    # the body that issues a document a state's adjective names ("le communiqué indien")
    state_document_issuer: str = ""
    bodies: dict[str, str] = Field(default_factory=dict)
    pronouns: Pronouns


def is_speech_verb(lexicon: QuoteLexicon, lemma: str, form: str) -> bool:
    """True when a verb's lemma, or its form with an infinitive ending restored, is a speech
    verb (the lemmatizer sometimes leaves a form as it is)."""
    if lemma in lexicon.verbs:
        return True
    return any(
        form.endswith(i.ending) and form[: -len(i.ending)] + i.infinitive in lexicon.verbs
        for i in lexicon.inflections
    )


@cache
def load_lexicon(language: str = "fr") -> Lexicon:
    """The validated trigger lexicon of `language` (loaded once per process)."""
    return lang.load(language, "triggers", Lexicon)


@cache
def load_quote_lexicon(language: str = "fr") -> QuoteLexicon:
    """The validated quotation lexicon of `language` (loaded once per process)."""
    return lang.load(language, "quote_verbs", QuoteLexicon)
