"""What every frame shares: the Frame record, dependents by relation and preposition, the
objects and the place of a trigger."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..linking.tokens import words
from ..records import ActorRef
from .actors import ActorIndex, is_place
from .clauses import (
    case_of,
    clause_end,
    np_actor,
    np_actors,
    sentence,
    under_place_prep,
)
from .lexicon import Cues, load_lexicon

SUBJ = frozenset({"nsubj", "nsubj:pass", "expl:subj"})
OBJ = frozenset({"obj", "iobj"})
OBL = frozenset({"obl", "obl:arg", "obl:mod", "obl:agent", "nmod", "iobj"})
TARGET_PREPS = frozenset({"à", "au", "aux", "avec", "contre", "envers", "entre", "sur", "vers"})
AGENT_PREPS = frozenset({"par"})
OF_PREPS = frozenset({"de", "du", "des", "d"})


@dataclass(frozen=True, slots=True)
class Frame:
    """The parties of one event, the place a visit goes to, and how they were found."""

    source: tuple[ActorRef, ...]
    target: tuple[ActorRef, ...]
    place: ActorRef | None
    syntactic: bool


def add_actors(found: list[ActorRef], actors: list[ActorRef]) -> None:
    for actor in actors:
        if actor not in found:
            found.append(actor)


def dependents(token: Token, deps: frozenset[str], preps: frozenset[str] | None) -> list[Token]:
    picked: list[Token] = []
    for child in token.children:
        if child.dep_ not in deps:
            continue
        prep = case_of(child)
        if (preps is None and prep is None) or (preps is not None and prep in preps):
            picked.append(child)
    return picked


def objects_of(
    verb: Token, index: ActorIndex, cues: Cues, *, recipients: bool = False
) -> list[ActorRef]:
    # nominal frames build on this module: imported at call time to break the cycle
    from .nominal import event_noun_source

    found: list[ActorRef] = []
    events = load_lexicon().lemma_set("noun")
    heads = dependents(verb, OBJ, None) + dependents(verb, OBL, TARGET_PREPS)
    for head in heads:
        if head.pos_ == "NOUN" and head.lemma_.casefold() in events:
            if case_of(head) in cues.topic_preps:
                continue  # "partager des renseignements sur les tirs de X": a topic
            # "riposter à la mort de X", "soutenir l'offensive de Y": the act's author
            add_actors(found, event_noun_source(head, index, cues))
            continue
        actors = np_actors(head, index)
        prep = case_of(head)
        located = head.dep_ in ("obl:mod", "nmod", "obl") and prep in cues.place_preps
        fronted = head.i < verb.i  # "À Istanbul, X signe ...": where, never to whom
        if located and (fronted or not (recipients and prep in ("à", "au", "aux"))):
            # an adjunct "à Berlin" is where it happened; an argument "à la France" is a party
            actors = [a for a in actors if not is_place(a)]
        add_actors(found, actors)
    return found


def _relative_place(token: Token, index: ActorIndex, cues: Cues) -> ActorRef | None:
    """The antecedent of a place relative opening the clause of `token` ("à Tel-Aviv, où il
    est arrivé")."""
    doc = token.doc
    start = sentence(token)[0]
    for j in range(token.i - 1, max(start, token.i - 5) - 1, -1):
        if doc[j].pos_ in ("VERB", "NOUN", "PROPN") or doc[j].text in (";", ":"):
            return None
        if doc[j].lower_ in cues.place_relatives:
            before = j - 1
            while before >= start and doc[before].is_punct:
                before -= 1
            actor = index.at(doc[before]) if before >= start else None
            return actor if actor is not None and is_place(actor) else None
    return None


def seat_in(token: Token, place: ActorRef, index: ActorIndex, cues: Cues) -> ActorRef | None:
    """The body a place relative names after the place a visit goes to ("en Cisjordanie où
    siège l'Autorité palestinienne"): whom a visit to a place of no known state is for."""
    doc = token.doc
    end = sentence(token)[1]
    at = next((i for i, a in index.in_range(token.i + 1, end) if a == place), None)
    if at is None:
        return None
    j = at + 1
    while j < end and (doc[j].is_punct or index.at(doc[j]) == place):
        j += 1
    if j >= end or doc[j].lower_ not in cues.place_relatives:
        return None
    for _, actor in index.in_range(j + 1, clause_end(doc[j], cues)):
        if actor.kind in ("organisation", "group"):
            return actor
    return None


def place_of(token: Token, index: ActorIndex, cues: Cues) -> ActorRef | None:
    relative = _relative_place(token, index, cues)
    if relative is not None:
        return relative
    heads = dependents(token, OBL | {"obl:arg"}, frozenset(cues.place_preps))
    if token.dep_ in ("xcomp", "advcl") and not heads:
        heads = dependents(token.head, OBL, frozenset(cues.place_preps))
    for head in heads:
        actor = np_actor(head, index)
        if actor is not None and is_place(actor):
            return actor
    # a misattached place ("arrivé jeudi en Égypte" hangs "en Égypte" on "jeudi")
    for i, actor in index.in_range(token.i + 1, clause_end(token, cues)):
        if is_place(actor) and under_place_prep(index.doc[i], index, cues):
            return actor
    return None


def presence(token: Token, index: ActorIndex, cues: Cues) -> list[ActorRef]:
    """Participants named "en présence de X" in the clause of `token`."""
    found: list[ActorRef] = []
    start, end = sentence(token)
    lemmas = words(token.doc).lemma  # one Token only for the presence nouns
    for i in range(start, end):
        if lemmas[i].casefold() not in cues.presence_nouns:
            continue
        word = token.doc[i]
        if case_of(word) in cues.place_preps:
            for head in dependents(word, OBL, OF_PREPS):
                span = index.in_range(head.left_edge.i, head.right_edge.i + 1)
                add_actors(found, [a for _, a in span if not is_place(a)])
    return found
