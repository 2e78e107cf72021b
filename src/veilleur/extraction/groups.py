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


def ruled_region(token: Token, index: ActorIndex, cues: Cues) -> ActorRef | None:
    """The region "les autorités du Tigré" rule, which they stand for as a party too."""
    if token.pos_ != "NOUN" or not _lemma_in(token, cues.authority_nouns):
        return None
    for child in token.children:
        place = index.at(child) if child.dep_ == "nmod" and _prep(child) in _OF else None
        if place is not None and place.kind in ("place", "organisation"):
            return place
    return None


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


def _name_run(token: Token, step: int) -> list[Token]:
    """The capitalised words from `token` on, in direction `step` ("Advantage Sweet")."""
    doc = token.doc
    words: list[Token] = []
    i = token.i
    while 0 <= i < len(doc):
        word = doc[i]
        capital = word.text[:1].isupper() and word.pos_ not in ("DET", "ADP", "PUNCT", "PRON")
        if not (capital or (words and word.text.isdigit())):
            break
        words.append(word)
        i += step
    return words if step > 0 else words[::-1]


def _named(words: list[Token]) -> ActorRef | None:
    if not words:
        return None
    name = words[0].doc[words[0].i : words[-1].i + 1].text
    return named_actor(name, "organisation")


def _vessel_after_comma(after: int, token: Token, cues: Cues) -> bool:
    """True when ", un (vieux) pétrolier" follows the word before index `after`."""
    doc = token.doc
    if after + 1 >= len(doc) or doc[after].text != "," or doc[after + 1].pos_ != "DET":
        return False
    for word in doc[after + 2 : min(after + 5, len(doc))]:
        if _lemma_in(word, cues.vessel_nouns):
            return True
        if word.pos_ != "ADJ":
            return False
    return False


def vessel_actor(token: Token, cues: Cues) -> ActorRef | None:
    """The ship a phrase names ("le pétrolier Galaxy Star", "l'Advantage Sweet, un
    pétrolier"), as a party of its own; None when no ship is named there."""
    doc = token.doc
    if _lemma_in(token, cues.vessel_nouns):
        if token.i + 1 < len(doc):
            after = _named(_name_run(doc[token.i + 1], 1))
            if after is not None:
                return after  # "le pétrolier Galaxy Star"
        j = token.i - 1
        while j > 0 and doc[j].pos_ == "ADJ":
            j -= 1
        if j >= 2 and doc[j].pos_ == "DET" and doc[j - 1].text == ",":
            return _named(_name_run(doc[j - 2], -1))  # "l'Advantage Sweet, un pétrolier"
        return None
    if not token.text[:1].isupper() or token.is_sent_start:
        return None
    run = _name_run(token, -1)[:-1] + _name_run(token, 1)
    return _named(run) if run and _vessel_after_comma(run[-1].i + 1, token, cues) else None
