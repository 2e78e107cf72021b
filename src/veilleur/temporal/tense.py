"""The tense of the clause a token belongs to, read from the parser's morphology."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from ..linking.tokens import morph_values
from .resolve import Tense

_VERBS = ("VERB", "AUX")
_AUX_DEPS = ("aux", "aux:tense", "aux:pass", "aux:caus", "cop")
# How far up the tree a date may sit from the verb it qualifies ("lors de la visite de lundi").
_MAX_CLIMB = 6


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above (or at) `token`, within a few arcs."""
    current = token
    for _ in range(_MAX_CLIMB):
        if current.pos_ in _VERBS and current.dep_ not in _AUX_DEPS:
            return current
        if current.head is current:
            return None
        current = current.head
    return None


def clause_tense(token: Token, *, future_lemmas: Collection[str]) -> Tense:
    """Past, future or present: the tense of the clause whose verb governs `token`."""
    verb = governing_verb(token)
    return verb_tense(verb, future_lemmas=future_lemmas) if verb is not None else "unknown"


def is_recalled(token: Token) -> bool:
    """True when `token`'s clause is in the pluperfect ("avait dénoncé", "s'était abattu"): a
    past told from a later past, which news uses to recall background, not to report news."""
    verb = governing_verb(token)
    if verb is None or "Part" not in _feature(verb, "VerbForm"):
        return False
    tense_aux = [c for c in verb.children if c.dep_ in ("aux", "aux:tense")]
    return any("Imp" in _feature(a, "Tense") for a in tense_aux)


def verb_tense(verb: Token, *, future_lemmas: Collection[str], depth: int = 0) -> Tense:
    """The tense of one verb with its auxiliaries ('a rencontré', 'doit rencontrer', 'ira')."""
    auxiliaries = [c for c in verb.children if c.dep_ in _AUX_DEPS]
    if "Fut" in _feature(verb, "Tense") or any("Fut" in _feature(a, "Tense") for a in auxiliaries):
        return "future"
    modals = [a for a in auxiliaries if a.lemma_.lower() in future_lemmas]
    if modals:
        return _modal_tense(modals[0])
    forms = _feature(verb, "VerbForm")
    if "Inf" in forms:
        head = verb.head
        if head is not verb and head.lemma_.lower() in future_lemmas:
            return _modal_tense(head)
        if head is not verb and head.pos_ in _VERBS and depth < 2:
            return verb_tense(head, future_lemmas=future_lemmas, depth=depth + 1)
        return "unknown"
    tenses = _feature(verb, "Tense")
    if "Part" in forms:
        return "present" if "Pres" in tenses else "past"
    if "Past" in tenses or "Imp" in tenses:
        return "past"
    if "Cnd" in _feature(verb, "Mood"):
        return "future" if verb.lemma_.lower() in future_lemmas else "unknown"
    if "Pres" in tenses:
        return "present"
    return "unknown"


def _modal_tense(modal: Token) -> Tense:
    """'doit/devra/devrait signer' is future; 'devait signer' was due in the past."""
    tenses = _feature(modal, "Tense")
    return "past" if ("Imp" in tenses or "Past" in tenses) else "future"


def _feature(token: Token, name: str) -> list[str]:
    """The values of one morphological feature ('Tense', 'VerbForm', 'Mood')."""
    return list(morph_values(token, name))
