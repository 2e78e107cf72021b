"""Source and target actors of a trigger, from its dependents, then from its clause."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..records import ActorRef
from .actors import ActorIndex, is_place
from .clauses import (
    case_of,
    clause_end,
    clause_start,
    feature,
    np_actor,
    np_actors,
    sentence,
    under_place_prep,
    zone_actors,
)
from .lexicon import Cues, Trigger, load_lexicon

_SUBJ = frozenset({"nsubj", "nsubj:pass", "expl:subj"})
_OBJ = frozenset({"obj", "iobj"})
_OBL = frozenset({"obl", "obl:arg", "obl:mod", "obl:agent", "nmod", "iobj"})
_TARGET_PREPS = frozenset({"à", "au", "aux", "avec", "contre", "envers", "entre", "sur", "vers"})
_AGENT_PREPS = frozenset({"par"})
_OF_PREPS = frozenset({"de", "du", "des", "d"})
# types whose "à X" names who receives the act (a delivery, thanks, a demand), not where
_RECIPIENT_TYPES = frozenset({"AID", "SUPPORT", "REQUEST", "AGREE", "ACCUSE", "SANCTION", "REJECT"})
# types a speaker performs by what they say, whose target may be in the words reported
_REPORTING_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN", "SUPPORT", "REJECT"})
# types between persons, where a person named in the clause outranks a body
_PERSONAL_TYPES = frozenset({"CONSULT", "SUPPORT"})
_INSIDE_PHRASE = frozenset({"nmod", "amod", "flat:name", "appos", "fixed"})
_GOVERNED = frozenset({"obj", "obl", "obl:arg", "obl:mod", "nmod", "nsubj"})
_SHARED_DEPS = frozenset({"conj", "xcomp", "advcl", "acl"})


@dataclass(frozen=True, slots=True)
class Frame:
    """The parties of one event, the place a visit goes to, and how they were found."""

    source: tuple[ActorRef, ...]
    target: tuple[ActorRef, ...]
    place: ActorRef | None
    syntactic: bool


def _descendants(token: Token, depth: int = 2) -> list[Token]:
    found: list[Token] = []
    frontier = [token]
    for _ in range(depth):
        frontier = [c for t in frontier for c in t.children]
        found.extend(frontier)
    return found


def _add(found: list[ActorRef], actors: list[ActorRef]) -> None:
    for actor in actors:
        if actor not in found:
            found.append(actor)


def _passive(verb: Token) -> bool:
    # "est arrivé" carries aux:pass too: a passive needs a passive subject or an agent
    deps = {c.dep_ for c in verb.children}
    if "nsubj:pass" in deps or {"aux:pass", "obl:agent"} <= deps:
        return True
    # a bare participle with an agent ("une incursion qualifiée par X de ...") is passive too
    bare = not any(d.startswith("aux") for d in deps)
    return bare and "obl:agent" in deps and feature(verb, "VerbForm") == "Part"


def _agrees(noun: Token, verb: Token) -> bool:
    return all(
        feature(noun, name) in (None, feature(verb, name)) or feature(verb, name) is None
        for name in ("Gender", "Number")
    )


def _modified_noun(verb: Token) -> Token | None:
    """The noun a bare participle qualifies ("l'incursion prévue à X, et qualifiée par Y"):
    its head when the parse says so, else the agreeing noun right before the participles."""
    first = verb
    while first.dep_ == "conj" and feature(first.head, "VerbForm") == "Part":
        first = first.head
    if first.dep_ == "acl" and first.head.pos_ == "NOUN":
        return first.head
    start = sentence(verb)[0]
    if any(c.dep_ == "cc" for c in first.children):
        # "prévue à X, et qualifiée par Y": the first participle of the pair, wherever it hangs
        for word in reversed(verb.doc[max(start, first.i - 8) : first.i]):
            if word.pos_ == "VERB" and feature(word, "VerbForm") == "Part" and _agrees(word, first):
                first = word
                break
    for word in reversed(verb.doc[max(start, first.i - 4) : first.i]):
        if word.pos_ == "NOUN":
            return word if _agrees(word, first) else None
        if word.pos_ not in ("ADJ", "ADV") and word.text != ",":
            return None
    return None


def _passive_target(verb: Token, index: ActorIndex, cues: Cues) -> list[ActorRef]:
    """Who undergoes a passive verb: its passive subject, or for a bare participle the noun it
    qualifies; an event noun stands for its author ("l'offensive russe, condamnée par X")."""
    found = [a for c in verb.children if c.dep_ == "nsubj:pass" for a in np_actors(c, index)]
    if found or any(c.dep_ == "nsubj:pass" for c in verb.children):
        return found
    noun = _modified_noun(verb)
    if noun is None:
        return []
    return _event_noun_source(noun, index, cues) or np_actors(noun, index)


def _event_noun_source(noun: Token, index: ActorIndex, cues: Cues) -> list[ActorRef]:
    """The source of an event noun standing as subject ("une frappe attribuée à Israël a tué")."""
    entries = load_lexicon().entries(noun.lemma_.casefold(), "noun")
    for entry in entries:
        frame = noun_frame(noun, entry, index, cues, nested=True)
        if frame.source:
            return list(frame.source)
    if any(feature(c, "Definite") == "Def" for c in noun.children if c.dep_ == "det"):
        # "la trêve a permis ...": the truce named with its parties earlier in the article
        lemma = noun.lemma_.casefold()
        for word in reversed(noun.doc[: noun.i]):
            if word.pos_ == "NOUN" and word.lemma_.casefold() == lemma:
                for entry in entries:
                    frame = noun_frame(word, entry, index, cues, nested=True)
                    if frame.source:
                        return list(frame.source)
    return []


def _more_victims(noun: Token, index: ActorIndex, cues: Cues) -> list[ActorRef]:
    """People added after a victim by "et" and the repeated preposition ("l'assassinat de X,
    à Beyrouth, et de Y, à Téhéran"), wherever the parse hung them."""
    doc = noun.doc
    end = sentence(noun)[1]
    found: list[ActorRef] = []
    for word in doc[noun.i + 1 : end]:
        if word.lemma_.casefold() in cues.clause_marks or word.text in (";", ":"):
            break
        if word.pos_ in ("VERB", "AUX") and feature(word, "VerbForm") == "Fin":
            break
        after = doc[word.i + 1] if word.i + 1 < end else None
        if word.pos_ != "CCONJ" or after is None or after.lower_.rstrip("'’") not in _OF_PREPS:
            continue
        for later in doc[after.i + 1 : min(after.i + 9, end)]:
            actor = index.at(later)
            if actor is not None and actor.kind == "person":
                _add(found, [actor])
                break
            if later.pos_ in ("VERB", "CCONJ") or later.text == ";":
                break
    return found


def _across_clause(verb: Token, subject: Token, cues: Cues) -> bool:
    """True for a subject after its verb beyond a relative word ("doit se rendre en X où
    siège l'Autorité"): the parse took the relative clause's subject for the verb's."""
    if subject.i < verb.i:
        return False
    return any(w.lemma_.casefold() in cues.clause_marks for w in verb.doc[verb.i + 1 : subject.i])


def _incise(verb: Token, index: ActorIndex) -> list[ActorRef]:
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
    actors = [index.at(t) for t in tail]
    named = [a for a in actors if a is not None]
    return named[:1] if named and len(tail) <= 8 else []


def _preverbal(verb: Token) -> Token | None:
    """The head of the noun phrase standing right before a verb (and its auxiliaries): the
    subject a parse without one most likely missed ("les dirigeants de l'Otan ont convenu")."""
    doc = verb.doc
    j = verb.i - 1
    while j >= 0 and doc[j].pos_ in ("AUX", "ADV"):
        j -= 1
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
    found: list[ActorRef] = _incise(verb, index)
    if found:
        return found
    subjects = [
        c
        for c in verb.children
        if c.dep_ in _SUBJ and c.dep_ != "nsubj:pass" and not _across_clause(verb, c, cues)
    ]
    for child in subjects:
        _add(found, np_actors(child, index))
        if not found and child.pos_ == "NOUN" and depth == 0:
            _add(found, _event_noun_source(child, index, cues))
        relative = feature(child, "PronType") == "Rel" and verb.dep_ == "acl:relcl"
        if not found and relative and verb.head.pos_ == "NOUN" and depth == 0:
            # "l'opération de X qui a permis l'élimination de Y": the antecedent's author
            _add(found, _event_noun_source(verb.head, index, cues))
    finite = feature(verb, "VerbForm") == "Fin" or any(
        c.dep_.startswith("aux") for c in verb.children
    )
    shares = verb.dep_ in ("conj", "xcomp") or (verb.dep_ in _SHARED_DEPS and not finite)
    if not subjects and shares and depth < 3 and verb.head.i != verb.i:
        if verb.head.pos_ in ("VERB", "AUX"):
            found = subject_of(verb.head, index, cues, depth=depth + 1)
        elif verb.dep_ in ("acl", "acl:relcl"):
            _add(found, np_actors(verb.head, index))
    start = clause_start(verb, cues, quotes=False)
    if not found:
        # a parse that lost the link: the first subject of the clause before the verb
        for word in verb.doc[start : verb.i]:
            if word.dep_ in _SUBJ and word.dep_ != "nsubj:pass":
                _add(found, np_actors(word, index))
                if found:
                    break
    if not found:
        head = _preverbal(verb)
        if head is not None:
            _add(found, np_actors(head, index))
    zone = zone_actors(index, cues, start, verb.i, subjects=True)
    people = [a for a in zone if a.kind == "person"]
    if found and any(a.kind == "person" for a in found):
        _add(found, [p for p in people if _coordinated(verb, index, p, found)])
    elif not found:
        _add(found, zone)
    return found


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


def _dependents(token: Token, deps: frozenset[str], preps: frozenset[str] | None) -> list[Token]:
    picked: list[Token] = []
    for child in token.children:
        if child.dep_ not in deps:
            continue
        prep = case_of(child)
        if (preps is None and prep is None) or (preps is not None and prep in preps):
            picked.append(child)
    return picked


def _objects(
    verb: Token, index: ActorIndex, cues: Cues, *, recipients: bool = False
) -> list[ActorRef]:
    found: list[ActorRef] = []
    heads = _dependents(verb, _OBJ, None) + _dependents(verb, _OBL, _TARGET_PREPS)
    for head in heads:
        actors = np_actors(head, index)
        prep = case_of(head)
        located = head.dep_ in ("obl:mod", "nmod", "obl") and prep in cues.place_preps
        if located and not (recipients and prep in ("à", "au", "aux")):
            # an adjunct "à Berlin" is where it happened; an argument "à la France" is a party
            actors = [a for a in actors if not is_place(a)]
        _add(found, actors)
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


def _place(token: Token, index: ActorIndex, cues: Cues) -> ActorRef | None:
    relative = _relative_place(token, index, cues)
    if relative is not None:
        return relative
    heads = _dependents(token, _OBL | {"obl:arg"}, frozenset(cues.place_preps))
    if token.dep_ in ("xcomp", "advcl") and not heads:
        heads = _dependents(token.head, _OBL, frozenset(cues.place_preps))
    for head in heads:
        actor = np_actor(head, index)
        if actor is not None and is_place(actor):
            return actor
    # a misattached place ("arrivé jeudi en Égypte" hangs "en Égypte" on "jeudi")
    for i, actor in index.in_range(token.i + 1, clause_end(token, cues)):
        if is_place(actor) and under_place_prep(index.doc[i], index, cues):
            return actor
    return None


def _in_event_phrases(verb: Token, index: ActorIndex, stop: int) -> set[ActorRef]:
    """Actors after `verb` named inside another event's phrase ("en riposte à l'assassinat
    du général X"): parties of that event, not of this one."""
    nouns = load_lexicon().lemma_set("noun")
    found: set[ActorRef] = set()
    for i, actor in index.in_range(verb.i + 1, stop):
        head = index.doc[i]
        for _ in range(4):
            if head.head.i == head.i or head.head.i == verb.i:
                break
            head = head.head
            if head.pos_ == "NOUN" and head.lemma_.casefold() in nouns:
                found.add(actor)
                break
    return found


def _recipient(verb: Token, index: ActorIndex, cues: Cues) -> list[ActorRef]:
    """Whom an expressed feeling goes to ("exprimé sa reconnaissance envers le gouvernement
    américain"), read off the words when the parse lost the preposition."""
    doc = verb.doc
    end = sentence(verb)[1]
    words = doc[verb.i + 1 : min(verb.i + 8, end)]
    prep = next((w for w in words if w.lower_ in cues.recipient_preps), None)
    if prep is None or any(w.text in (",", ";") for w in doc[verb.i + 1 : prep.i]):
        return []
    for word in doc[prep.i + 1 : min(prep.i + 5, end)]:
        actor = index.at(word)
        if actor is not None and not is_place(actor):
            if actor.name.islower():
                # "le gouvernement américain": a common noun; its country adjective names it
                states = [index.demonym(c) for c in word.children if c.dep_ == "amod"]
                actor = next((a for a in states if a is not None), actor)
            return [actor]
        if word.pos_ not in ("DET", "NOUN", "ADJ"):
            break
    return []


def verb_frame(verb: Token, entry: Trigger, index: ActorIndex, cues: Cues) -> Frame:
    """Parties of a verb trigger."""
    source = subject_of(verb, index, cues)
    incise = bool(source) and source == _incise(verb, index)
    syntactic = bool(source)
    target: list[ActorRef] = []
    agent = any(c.dep_ == "obl:agent" for c in verb.children)
    if entry.target == "place" and not agent:
        # "X est arrivé à Y" is no passive, whatever the parse says of "est"
        source = source or [
            a for c in verb.children if c.dep_ == "nsubj:pass" for a in np_actors(c, index)
        ]
    elif _passive(verb):
        target = _passive_target(verb, index, cues)
        agents = _dependents(verb, _OBL, _AGENT_PREPS)
        source = [a for h in agents for a in np_actors(h, index)]
    place = _place(verb, index, cues) if entry.target == "place" else None
    if entry.type == "CONSULT":
        _add(target, _presence(verb, index, cues))
    recipients = entry.type in _RECIPIENT_TYPES
    if entry.target == "object" and not target and entry.type == "SUPPORT" and entry.requires_child:
        target = _recipient(verb, index, cues)
    if entry.target == "object" and not target:
        for word in _descendants(verb):
            # "promettre de punir X", "s'engager à répondre à X": the act promised has the target
            if word.pos_ == "VERB" and word.lemma_.casefold() in entry.requires_child:
                _add(target, _objects(word, index, cues))
    if entry.target == "object" and not target and incise and entry.type in _REPORTING_TYPES:
        # "« C'est une frappe de la Russie », a dénoncé X": the target is in what X says
        start = sentence(verb)[0]
        words = [t for t in verb.doc[start : verb.i] if t.text == ","]
        stop = words[-1].i if words else verb.i
        zone = zone_actors(index, cues, start, stop, people_first=False)
        target = [a for a in zone if a not in source]
    if entry.target == "object" and not target:
        target = _objects(verb, index, cues, recipients=recipients)
        for child in verb.children:
            # "refuser de parapher un document avec X": the complement verb's partner
            if not target and child.dep_ == "xcomp" and child.pos_ == "VERB":
                target = _objects(child, index, cues) or [
                    a
                    for a in zone_actors(index, cues, child.i + 1, clause_end(child, cues))
                    if a not in source
                ]
        if not target:
            people_first = entry.type in _PERSONAL_TYPES
            end = clause_end(verb, cues)
            # the object and one apposition between commas; not the rest of the sentence
            commas = [t.i for t in verb.doc[verb.i + 1 : end] if t.text == ","]
            stop = commas[1] if len(commas) > 1 else end
            zone = zone_actors(
                index,
                cues,
                verb.i + 1,
                stop,
                people_first=people_first,
                recipients=recipients,
            )
            others = _in_event_phrases(verb, index, stop)
            target = [a for a in zone if a not in source and a not in others]
            syntactic = False
    return Frame(tuple(source), tuple(target), place, syntactic)


def _possessor(noun: Token, index: ActorIndex, cues: Cues) -> list[ActorRef]:
    for child in noun.children:
        if child.dep_ == "det" and feature(child, "Poss") == "Yes":
            governor = _governing_verb(noun)
            if governor is not None:
                return subject_of(governor, index, cues)
            actor = index.resolve(child)
            return [actor] if actor is not None else []
    return []


def _governing_verb(noun: Token) -> Token | None:
    head = noun
    for _ in range(3):
        if head.dep_ == "ROOT" or head.head.i == head.i:
            return head if head.pos_ in ("VERB", "AUX") else None
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return head
    return None


def _agents(noun: Token, index: ActorIndex, cues: Cues) -> list[ActorRef]:
    """Who carried out a nominal event: "par X", or "par une frappe israélienne" (the source
    of the event noun given as agent), also when the parse hung "par X" elsewhere."""
    found: list[ActorRef] = []
    heads = _dependents(noun, _OBL, _AGENT_PREPS)
    if not heads:
        for word in noun.doc[noun.i + 1 : clause_end(noun, cues)]:
            if word.lower_ in _AGENT_PREPS and word.head.pos_ in ("NOUN", "PROPN"):
                heads = [word.head]
                break
    for head in heads:
        actors = np_actors(head, index)
        if not actors and head.pos_ == "NOUN":
            actors = _event_noun_source(head, index, cues)
        _add(found, actors)
    return found


def _modifier_parties(noun: Token, index: ActorIndex, cues: Cues) -> tuple[list[ActorRef], ...]:
    """Parties given by modifiers: a country adjective ("l'attaque russe") is the source; a
    participle with "à X" is the source when it attributes ("attribuée à Israël", "que
    Téhéran a imputé à Israël") and the target otherwise ("adressée à M. Gallant")."""
    source: list[ActorRef] = []
    target: list[ActorRef] = []
    for child in noun.children:
        if child.dep_ == "amod":
            actor = index.at(child)
            if actor is not None:
                _add(source, [actor])
        if child.dep_ in ("acl", "acl:relcl"):
            heads = _dependents(child, _OBL | _OBJ, frozenset({"à", "au", "aux", "par"}))
            actors = [a for h in heads for a in np_actors(h, index)]
            claimed = child.lemma_.casefold() in cues.reported_markers
            _add(source if claimed else target, actors)
            if child.lemma_.casefold() in cues.member_verbs:
                # "une coalition composée d'Israël, des États-Unis, ...": its members
                members = index.in_range(child.i + 1, clause_end(child, cues))
                _add(source, [a for _, a in members])
    return source, target


def _presence(token: Token, index: ActorIndex, cues: Cues) -> list[ActorRef]:
    """Participants named "en présence de X" in the clause of `token`."""
    found: list[ActorRef] = []
    start, end = sentence(token)
    for word in token.doc[start:end]:
        if word.lemma_.casefold() in cues.presence_nouns and case_of(word) in cues.place_preps:
            for head in _dependents(word, _OBL, _OF_PREPS):
                span = index.in_range(head.left_edge.i, head.right_edge.i + 1)
                _add(found, [a for _, a in span if not is_place(a)])
    return found


def _noun_targets(noun: Token, entry: Trigger, index: ActorIndex, cues: Cues) -> list[ActorRef]:
    found: list[ActorRef] = []
    preps = _TARGET_PREPS - {"entre"}
    if entry.type == "CONSULT":
        preps -= {"à", "au", "aux"}  # "des réunions au Pentagone": where, not with whom
    for head in _dependents(noun, _OBL, preps):
        prep = case_of(head)
        located = prep in cues.place_preps and prep not in ("sur", "contre", "vers")
        _add(found, [a for a in np_actors(head, index) if not (is_place(a) and located)])
    return found


def noun_frame(
    noun: Token, entry: Trigger, index: ActorIndex, cues: Cues, *, nested: bool = False
) -> Frame:
    """Parties of a nominal trigger: "la visite de X", "l'assassinat de X par Y",
    "l'attaque russe", "un appel entre X et Y", "sa rencontre avec X"."""
    source: list[ActorRef] = []
    target: list[ActorRef] = []
    of_heads = _dependents(noun, _OBL, _OF_PREPS)
    for child in noun.children:
        if child.pos_ == "VERB" and feature(child, "VerbForm") == "Part":
            # "l'opération ciblée de X": the parse may hang "de X" on the participle
            of_heads += [
                c
                for c in child.children
                if c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and case_of(c) in _OF_PREPS)
            ]
    of_actors = [a for h in of_heads for a in np_actors(h, index)]
    # "l'assassinat du chef du Hezbollah, Fuad Shukr": the name may hang on the event noun
    named = [index.at(c) for c in noun.children if c.dep_ == "appos"]
    of_actors += [a for a in named if a is not None and a.kind == "person"]
    if entry.of == "target" and of_actors:
        of_actors += _more_victims(noun, index, cues)
    _add(source if entry.of == "source" else target, of_actors)
    agents = _agents(noun, index, cues)
    _add(source, agents)
    by_modifier, to_modifier = _modifier_parties(noun, index, cues)
    _add(source, by_modifier)
    between = [
        a for h in _dependents(noun, _OBL, frozenset({"entre"})) for a in np_actors(h, index)
    ]
    _add(source, between)
    # "l'assassinat de X par Y" names its author: as specific as "une rencontre avec X"
    partnered = bool(between) or (bool(agents) and bool(target))
    if entry.target == "object":
        explicit = _noun_targets(noun, entry, index, cues)
        partnered = partnered or bool(explicit)
        _add(target, explicit + to_modifier)
    if not source:
        _add(source, _possessor(noun, index, cues))
    if not source and any(c.dep_ == "cop" for c in noun.children):
        # "X, qui était en visite": the subject of the noun as predicate
        for child in noun.children:
            if child.dep_ in _SUBJ:
                _add(source, np_actors(child, index))
    governor = _governing_verb(noun)
    if governor is not None and not nested:
        lemma = governor.lemma_.casefold()
        if noun.dep_.startswith("nsubj") and lemma in cues.participant_verbs:
            # "la réunion a inclus X et Y", "la rencontre a réuni X et Y"
            _add(source, _objects(governor, index, cues))
            partnered = True
        elif (
            (not source or entry.mutual)
            and noun.dep_ in _GOVERNED
            and (lemma in cues.support_verbs or not noun.dep_.startswith(("obj", "nsubj")))
        ):
            # "envisagent d'organiser un exercice conjoint", "est aux États-Unis pour une
            # visite": the subject takes part; not so "Pékin a condamné la visite de X"
            _add(source, subject_of(governor, index, cues))
        if lemma in cues.support_verbs and entry.target == "object":
            # "tenir une réunion mardi avec X": the partner hangs on the verb
            for head in _dependents(governor, _OBL, frozenset({"avec", "entre", "contre"})):
                _add(target, np_actors(head, index))
    if not source and not nested:
        # a parse that lost the clause's subject: the people named before the noun
        zone = zone_actors(index, cues, clause_start(noun, cues), noun.i, subjects=True)
        _add(source, [a for a in zone if a.kind == "person"])
    place = None
    if entry.target == "place":
        for head in _dependents(noun, _OBL, frozenset(cues.place_preps)):
            actor = np_actor(head, index)
            if actor is not None and is_place(actor):
                place = actor
                break
        if place is None and governor is not None and not nested:
            # "réserver à l'Allemagne sa première visite", "est aux États-Unis pour une visite"
            place = _place(governor, index, cues)
    if entry.type == "CONSULT" and not nested:
        _add(target, _presence(noun, index, cues))
    if entry.of == "target" and not entry.mutual:
        source = [a for a in source if a not in target]  # the victim named outranks the author
    elif not entry.mutual:
        target = [a for a in target if a not in source]
    return Frame(tuple(source), tuple(target), place, partnered)
