"""Parties named by a common noun: groups ("les partenaires occidentaux", "des manifestants")
and a possessive ally ("son allié"), which the actor linker leaves without a mention."""

from __future__ import annotations

from spacy.tokens import Token

from ..records import ActorRef
from .actors import ActorIndex, named_actor
from .lexicon import Cues

_OF = frozenset({"de", "du", "des", "d"})


def _lemma_in(token: Token, words: frozenset[str]) -> bool:
    return token.lemma_.casefold() in words or token.lower_ in words


def _prep(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ == "case":
            return child.lower_.rstrip("'’")
    return None


def possessive_ally(token: Token, cues: Cues) -> bool:
    """True for "son allié", "leur partenaire": one party the text leaves unnamed."""
    if token.pos_ != "NOUN" or not _lemma_in(token, cues.ally_nouns):
        return False
    if "Plur" in token.morph.get("Number", []):
        return False
    return any(c.dep_ == "det" and "Yes" in c.morph.get("Poss", []) for c in token.children)


def group_actor(token: Token, index: ActorIndex, cues: Cues) -> ActorRef | None:
    """The group a common noun names as one party ("les partenaires occidentaux", "les alliés
    de l'Ukraine", "des dizaines de manifestants"), named by its words as written."""
    if token.pos_ != "NOUN":
        return None
    if _lemma_in(token, cues.authority_nouns):
        return _regional_authority(token, index)
    if not _lemma_in(token, cues.group_nouns):
        # "plusieurs dizaines de manifestants": the crowd is its members
        if not _lemma_in(token, cues.crowd_nouns):
            return None
        members = [
            c
            for c in token.children
            if c.dep_ == "nmod" and _prep(c) in _OF and _lemma_in(c, cues.group_nouns)
        ]
        return group_actor(members[0], index, cues) if members else None
    if possessive_ally(token, cues):
        return None  # "son allié": the state of the story, told by the caller
    words = {token.i}
    for child in token.children:
        if child.dep_ == "amod" and child.i > token.i:
            words.update(w.i for w in child.subtree)
        elif child.dep_ == "nmod" and _prep(child) in _OF and index.at(child) is not None:
            # "les alliés de l'Ukraine": the group, not the state it stands by
            words.update(w.i for w in child.subtree)
    end = max(words) + 1
    if set(range(token.i, end)) - words:
        end = token.i + 1  # words out of order: the noun alone
    name = token.doc[token.i : end].text.strip(" ,.;:«»\"'’")
    return named_actor(name, "group")


def _regional_authority(token: Token, index: ActorIndex) -> ActorRef | None:
    """The rulers of a region of no state of its own ("les autorités du Tigré"): a group;
    those of a state ("les autorités du Mali") are left to the state."""
    for child in token.children:
        place = index.at(child) if child.dep_ == "nmod" and _prep(child) in _OF else None
        if place is not None and place.kind in ("place", "organisation"):
            end = child.right_edge.i + 1
            name = token.doc[token.i : end].text.strip(" ,.;:«»\"'’")
            return named_actor(name, "group")
    return None
