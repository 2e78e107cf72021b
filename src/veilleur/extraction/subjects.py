"""Who does what a verb says: its subject, an inverted subject after a quotation, a subject
shared along a chain of verbs, or the people named before it."""

from __future__ import annotations

from spacy.tokens import Token

from ..records import ActorRef
from .actors import ActorIndex
from .clauses import (
    case_of,
    clause_start,
    feature,
    np_actors,
    prep_before,
    sentence,
    zone_actors,
)
from .lexicon import Cues
from .parties import SUBJ, add_actors

_INSIDE_PHRASE = frozenset({"nmod", "amod", "flat:name", "appos", "fixed"})
_SHARED_DEPS = frozenset({"conj", "xcomp", "advcl", "acl"})


def _across_clause(verb: Token, subject: Token, cues: Cues) -> bool:
    """True for a subject after its verb beyond a relative word ("doit se rendre en X où
    siège l'Autorité"): the parse took the relative clause's subject for the verb's."""
    if subject.i < verb.i:
        return False
    return any(w.lemma_.casefold() in cues.clause_marks for w in verb.doc[verb.i + 1 : subject.i])


def incise_subject(verb: Token, index: ActorIndex) -> list[ActorRef]:
    """The inverted subject of a verb closing its sentence after a comma ("..., a dénoncé
    Manille."), as in reported speech."""
    doc = verb.doc
    if any(c.dep_.startswith("nsubj") and c.i < verb.i for c in verb.children):
        return []  # "X, Y, ont rencontré Z": the subject comes first, no incise
    bare = not any(c.dep_.startswith("aux") for c in verb.children)
    if bare and verb.dep_ in ("advcl", "acl", "conj") and feature(verb, "VerbForm") == "Part":
        return []  # "..., qualifiant X de ...": a participle's object follows, not its subject
    first = verb.i
    while first > 0 and doc[first - 1].pos_ == "AUX":
        first -= 1
    if first == 0 or doc[first - 1].text != ",":
        return []
    end = sentence(verb)[1]
    stop = next((t.i for t in doc[verb.i + 1 : end] if t.text in (",", ";")), end)
    tail = [t for t in doc[verb.i + 1 : stop] if not t.is_punct]
    if tail and tail[0].pos_ == "ADP":
        return []  # "..., Y, avaient signé à Pékin": a place or a complement, no subject
    actors = [index.at(t) for t in tail]
    named = [a for a in actors if a is not None]
    if named and named[0].kind != "person" and stop < end and doc[stop].text == ",":
        # "..., a dénoncé le ministre malien de la Défense, X, en ...": the title's
        # apposition names who speaks, not the state of its adjective
        after = next((t.i for t in doc[stop + 1 : end] if t.text in (",", ";")), end)
        apposed = [index.at(t) for t in doc[stop + 1 : after] if not t.is_punct]
        people = [a for a in apposed if a is not None and a.kind == "person"]
        if people and after - stop <= 7 and tail[0].pos_ == "DET":
            return people[:1]
    return named[:1] if named and len(tail) <= 8 else []


def _preverbal(verb: Token) -> Token | None:
    """The head of the noun phrase standing right before a verb (and its auxiliaries): the
    subject a parse without one most likely missed ("les dirigeants de l'Otan ont convenu")."""
    doc = verb.doc
    j = verb.i - 1
    while j >= 0 and (doc[j].pos_ in ("AUX", "ADV") or doc[j].dep_ in ("advmod", "fixed")):
        j -= 1
    if j > 0 and doc[j].text == ",":
        # "Pékin, de son côté, a exigé": the subject stands before an incise between commas
        start = sentence(verb)[0]
        k = next((w.i for w in reversed(doc[start:j]) if w.text == ","), None)
        if k is not None and any(w.pos_ == "PROPN" for w in doc[k:j]):
            j -= 1  # "le conseiller X, Moussa Y, a signé": the apposed name is the subject
        elif k is not None and not any(w.pos_ in ("VERB", "AUX") for w in doc[k:j]):
            j = k - 1
    if j < 0 or doc[j].pos_ not in ("NOUN", "PROPN"):
        return None
    head = doc[j]
    for _ in range(6):
        if head.dep_ not in _INSIDE_PHRASE or head.head.i >= verb.i:
            break
        head = head.head
    return None if case_of(head) is not None else head


def subject_of(verb: Token, index: ActorIndex, cues: Cues, *, depth: int = 0) -> list[ActorRef]:
    """Who does what `verb` says: its subject, a shared subject up the chain ("doit
    rencontrer", "a rencontré X et exprimé"), or the people named before it in its clause."""
    # nominal frames need subject_of: imported at call time to break the cycle
    from .nominal import event_noun_source

    found: list[ActorRef] = incise_subject(verb, index)
    if found:
        return found
    subjects = [
        c
        for c in verb.children
        if c.dep_ in SUBJ and c.dep_ != "nsubj:pass" and not _across_clause(verb, c, cues)
    ]
    earlier, joint = _joined_verb(verb) if depth < 3 else (None, verb.i)
    if earlier is not None and all(c.i < joint for c in subjects):
        # "X ont qualifié les manœuvres de Y ... et ont demandé à Z": a verb right after "et"
        # has no subject of its own; it shares that of the verb before, whatever the parse
        # made of the words between
        shared = subject_of(earlier, index, cues, depth=depth + 1)
        if shared:
            return shared
    # "devant le Conseil, le président X a accusé": a phrase with a preposition is no
    # subject, whatever the parse says; the phrase coordinated with it is
    subjects = [
        j
        for c in subjects
        for j in ([c] if case_of(c) is None else [k for k in c.conjuncts if case_of(k) is None])
    ]
    before = [c for c in subjects if c.i < verb.i]
    if len(before) > 1 and feature(verb, "VerbForm") == "Fin":
        # "X reçu par Y, les dirigeants de Z critiquent W": a finite verb has one subject
        # (coordinated ones hang on the first); two are a parse error, the nearer one wins
        subjects = [before[-1], *(c for c in subjects if c.i > verb.i)]
    for child in subjects:
        add_actors(found, np_actors(child, index))
        if not found and child.pos_ == "NOUN" and depth == 0:
            add_actors(found, event_noun_source(child, index, cues))
        relative = feature(child, "PronType") == "Rel" and verb.dep_ == "acl:relcl"
        if not found and relative and verb.head.pos_ == "NOUN" and depth == 0:
            # "l'opération de X qui a permis l'élimination de Y": the antecedent's author
            add_actors(found, event_noun_source(verb.head, index, cues))
    finite = feature(verb, "VerbForm") == "Fin" or any(
        c.dep_.startswith("aux") for c in verb.children
    )
    shares = verb.dep_ in ("conj", "xcomp") or (verb.dep_ in _SHARED_DEPS and not finite)
    if not subjects and shares and depth < 3 and verb.head.i != verb.i:
        if verb.head.pos_ in ("VERB", "AUX"):
            found = subject_of(verb.head, index, cues, depth=depth + 1)
        elif verb.dep_ in ("acl", "acl:relcl"):
            add_actors(found, np_actors(verb.head, index))
    if not found and any(c.lemma_.casefold() in cues.non_state_nouns for c in subjects):
        return []  # "les séparatistes arméniens acceptent": no state acts, none nearby either
    start = clause_start(verb, cues, quotes=False)
    if not found and not subjects and feature(verb, "VerbForm") == "Fin":
        # "X reçu par Y, les dirigeants de Z dénoncent ...": a finite verb with no subject
        # parsed has the noun phrase right before it as subject, before any earlier one
        head = _preverbal(verb)
        if head is not None and head.i >= start:
            add_actors(found, np_actors(head, index))
    if not found:
        # a parse that lost the link: the first subject of the clause before the verb
        for word in verb.doc[start : verb.i]:
            if word.dep_ in SUBJ and word.dep_ != "nsubj:pass":
                add_actors(found, np_actors(word, index))
                if found:
                    break
    if not found:
        head = _preverbal(verb)
        if head is not None:
            add_actors(found, np_actors(head, index))
    zone = zone_actors(index, cues, start, verb.i, subjects=True)
    people = [a for a in zone if a.kind == "person"]
    if not found:
        add_actors(found, zone)
    if any(a.kind == "person" for a in found):
        # "le chef de l'armée X, le général Y, et le commandant Z, W, ont signé": a parse
        # that lost the coordination may hang Y anywhere; no preposition introduces him
        people += [
            a
            for i, a in index.in_range(start, verb.i)
            if a.kind == "person" and prep_before(index.doc[i], index) is None
        ]
        add_actors(found, [p for p in people if _coordinated(verb, index, p, found)])
    return found


def _joined_verb(verb: Token) -> tuple[Token | None, int]:
    """The verb with a subject before "et" + `verb` (its auxiliaries and adverbs between) in
    the sentence, if any, and the position of that "et"."""
    doc = verb.doc
    j = verb.i - 1
    while j >= 0 and (doc[j].pos_ in ("AUX", "ADV") or doc[j].dep_.startswith("aux")):
        j -= 1
    if j < 0 or doc[j].pos_ != "CCONJ":
        return None, verb.i
    for word in reversed(doc[sentence(verb)[0] : j]):
        if word.pos_ in ("VERB", "AUX") and any(
            c.dep_ in SUBJ and c.i < word.i for c in word.children
        ):
            return word, j
    return None, j


def _coordinated(verb: Token, index: ActorIndex, person: ActorRef, found: list[ActorRef]) -> bool:
    """True when `person` is joined to a subject already found by "et" with no verb between
    ("X, ..., et le général Y, ont rencontré"): a parse may keep only the last conjunct."""
    doc = verb.doc
    places = {a: i for i, a in index.in_range(sentence(verb)[0], verb.i)}
    if person not in places:
        return False
    others = [places[a] for a in found if a in places and a != person]
    if not others:
        return False
    lo, hi = sorted((places[person], min(others)))
    between = doc[lo + 1 : hi]
    joined = any(t.pos_ == "CCONJ" for t in between)
    return joined and not any(t.pos_ in ("VERB", "AUX") for t in between)
