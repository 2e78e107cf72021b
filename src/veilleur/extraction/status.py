"""Whether a trigger states a fact, a plan, a claim, a negation or a hypothesis."""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Token

from .clauses import case_of, feature
from .lexicon import Cues
from .parties import OF_PREPS

Verdict = Literal["occurred", "planned", "reported", "negated", "hypothetical"]
_CHAIN_DEPS = frozenset({"xcomp", "ccomp", "obj", "nmod", "obl", "obl:arg", "obl:mod", "nsubj"})


def future(token: Token) -> bool:
    """True for a verb in the future or the conditional (itself or its auxiliary)."""
    return _future(token)


def negated(token: Token, cues: Cues) -> bool:
    """True for a verb its own negation denies ("ne reconnaît pas")."""
    return _negated(token, cues)


def _future(token: Token) -> bool:
    words = [token, *(c for c in token.children if c.dep_.startswith("aux"))]
    return any(feature(w, "Tense") == "Fut" or feature(w, "Mood") == "Cnd" for w in words)


def _chain(token: Token, limit: int = 3) -> list[Token]:
    """The trigger and the words governing it, up to a clause boundary."""
    chain = [token]
    head = token
    for _ in range(limit):
        # "invité X à se rendre": the parse may hang the infinitive on the object
        infinitive = head.dep_ in ("advcl", "acl") and feature(head, "VerbForm") == "Inf"
        if (head.dep_ not in _CHAIN_DEPS and not infinitive) or head.head.i == head.i:
            break
        if head.dep_ == "nmod" and head.head.pos_ == "NOUN" and case_of(head) not in OF_PREPS:
            break  # "une riposte pour l'assassinat": the noun's cause, not what it governs
        head = head.head
        chain.append(head)
    return chain


def _negated(token: Token, cues: Cues) -> bool:
    return any(
        c.dep_ == "advmod"
        and feature(c, "Polarity") == "Neg"
        and c.lemma_.casefold() in cues.negators
        for c in token.children
    )


def _lemmas(tokens: list[Token]) -> set[str]:
    return {t.lemma_.casefold() for t in tokens}


def verdict(token: Token, cues: Cues) -> Verdict:
    """The status of the event `token` triggers, or why it is not an event of the record."""
    chain = _chain(token)
    verbs = [t for t in chain if t.pos_ in ("VERB", "AUX")]
    if any(_negated(t, cues) for t in verbs[:2] or chain[:1]):
        return "negated"
    predicate = token.head.lemma_.casefold()
    if (
        token.pos_ == "NOUN"
        and token.dep_.startswith("nsubj")
        and token.head.pos_ == "ADJ"
        and predicate in cues.hedges | cues.planned_modifiers
    ):
        return "planned"  # "un entretien entre eux est probable": expected, not denied
    if _lemmas(chain[1:]) & cues.hedges:
        return "hypothetical"  # "susceptible d'accueillir", "pourrait rencontrer"
    if feature(token, "VerbForm") == "Inf" and token.head.lemma_.casefold() in cues.aim_verbs:
        return "hypothetical"  # "des documents visant à renforcer la coopération": an aim
    for t in chain:
        if any(
            c.dep_ == "mark" and c.lemma_.casefold() in cues.hypothetical_marks for c in t.children
        ):
            return "hypothetical"
    modifiers = [c for c in token.children if c.dep_ in ("amod", "acl", "nmod", "advmod")]
    if token.pos_ == "NOUN":
        # "la crainte d'une attaque" is feared; "une riposte pour l'assassinat" is a cause
        feared = case_of(token) in OF_PREPS and token.head.pos_ == "NOUN"
        if _lemmas(modifiers) & cues.hedges or (
            feared and token.head.lemma_.casefold() in cues.hedges
        ):
            return "hypothetical"
        if _lemmas(modifiers) & cues.reported_markers:
            return "reported"
        if _lemmas(modifiers) & cues.planned_modifiers:
            return "planned"
    for child in token.children:
        # "une frappe attribuée à Israël a tué X": the act is as claimed as its subject
        if child.dep_.startswith("nsubj") and child.pos_ == "NOUN":
            acts = [c for c in child.children if c.dep_ in ("acl", "amod")]
            if _lemmas(acts) & cues.reported_markers:
                return "reported"
    if token.pos_ == "VERB" and token.lemma_.casefold() in cues.planned_modifiers:
        return "planned"  # "X est attendu lundi à Paris": expected, not yet there
    if any(_future(t) for t in chain[:2]):
        return "planned"
    if _lemmas(chain[1:]) & cues.planned_verbs:
        return "planned"
    if _lemmas(chain[1:]) & cues.reported_markers:
        return "reported"
    return "occurred"


def anchored(token: Token, cues: Cues, timex_tokens: set[int]) -> bool:
    """True when a nominal event is tied to a time ("le 7 octobre", "en 2006", "mardi")."""
    scope = token.head if token.dep_ != "ROOT" else token
    for word in (*token.subtree, *(c for c in scope.children if c.i != token.i)):
        if word.i in timex_tokens or word.lemma_.casefold() in cues.time_words:
            return True
        if word.like_num and len(word.text) == 4 and word.text.startswith(("19", "20")):
            return True
    return False
