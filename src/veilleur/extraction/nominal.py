"""Parties of nominal events: "la visite de X", "l'assassinat de X par Y", "l'attaque
russe", "un appel entre X et Y", "sa rencontre avec X"."""

from __future__ import annotations

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
    zone_actors,
)
from .lexicon import Cues, Trigger, load_lexicon
from .parties import (
    AGENT_PREPS,
    OBJ,
    OBL,
    OF_PREPS,
    SUBJ,
    TARGET_PREPS,
    Frame,
    add_actors,
    dependents,
    objects_of,
    place_of,
    presence,
)
from .subjects import subject_of

_GOVERNED = frozenset({"obj", "obl", "obl:arg", "obl:mod", "nmod", "nsubj"})


def event_noun_source(noun: Token, index: ActorIndex, cues: Cues) -> list[ActorRef]:
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
        if word.pos_ != "CCONJ" or after is None or after.lower_.rstrip("'’") not in OF_PREPS:
            continue
        for later in doc[after.i + 1 : min(after.i + 9, end)]:
            actor = index.at(later)
            if actor is not None and actor.kind == "person":
                add_actors(found, [actor])
                break
            if later.pos_ in ("VERB", "CCONJ") or later.text == ";":
                break
    return found


def _possessor(noun: Token, index: ActorIndex, cues: Cues) -> list[ActorRef]:
    for child in noun.children:
        if child.dep_ == "det" and feature(child, "Poss") == "Yes":
            governor = _governing_verb(noun)
            # "sa visite a permis ...": the noun is its governor's subject, so the possessive
            # is read itself (asking the governor's subject would ask this noun again)
            if governor is not None and not (
                noun.head.i == governor.i and noun.dep_.startswith("nsubj")
            ):
                return subject_of(governor, index, cues, depth=1)
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
    heads = dependents(noun, OBL, AGENT_PREPS)
    if not heads:
        for word in noun.doc[noun.i + 1 : clause_end(noun, cues)]:
            if word.lower_ in AGENT_PREPS and word.head.pos_ in ("NOUN", "PROPN"):
                heads = [word.head]
                break
    for head in heads:
        actors = np_actors(head, index)
        if not actors and head.pos_ == "NOUN":
            actors = event_noun_source(head, index, cues)
        add_actors(found, actors)
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
                add_actors(source, [actor])
        if child.dep_ in ("acl", "acl:relcl"):
            heads = dependents(child, OBL | OBJ, frozenset({"à", "au", "aux", "par"}))
            actors = [a for h in heads for a in np_actors(h, index)]
            claimed = child.lemma_.casefold() in cues.reported_markers
            add_actors(source if claimed else target, actors)
            if child.lemma_.casefold() in cues.member_verbs:
                # "une coalition composée d'Israël, des États-Unis, ...": its members
                members = index.in_range(child.i + 1, clause_end(child, cues))
                add_actors(source, [a for _, a in members])
    return source, target


def _noun_targets(noun: Token, entry: Trigger, index: ActorIndex, cues: Cues) -> list[ActorRef]:
    found: list[ActorRef] = []
    preps = TARGET_PREPS - {"entre"}
    if entry.type == "CONSULT":
        preps -= {"à", "au", "aux"}  # "des réunions au Pentagone": where, not with whom
    for head in dependents(noun, OBL, preps):
        prep = case_of(head)
        located = prep in cues.place_preps and prep not in ("sur", "contre", "vers")
        add_actors(found, [a for a in np_actors(head, index) if not (is_place(a) and located)])
    return found


def noun_frame(
    noun: Token, entry: Trigger, index: ActorIndex, cues: Cues, *, nested: bool = False
) -> Frame:
    """Parties of a nominal trigger: "la visite de X", "l'assassinat de X par Y",
    "l'attaque russe", "un appel entre X et Y", "sa rencontre avec X"."""
    source: list[ActorRef] = []
    target: list[ActorRef] = []
    of_heads = dependents(noun, OBL, OF_PREPS)
    for child in noun.children:
        if child.pos_ == "VERB" and feature(child, "VerbForm") == "Part":
            # "l'opération ciblée de X": the parse may hang "de X" on the participle
            of_heads += [
                c
                for c in child.children
                if c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and case_of(c) in OF_PREPS)
            ]
    of_actors = [a for h in of_heads for a in np_actors(h, index)]
    left: ActorRef | None = None
    if entry.of == "source" and not of_actors and not nested:
        for head in of_heads:
            if any(c.dep_ == "det" and feature(c, "Poss") == "Yes" for c in head.children):
                # "le retrait de ses soldats du Niger": the possessor's soldiers leave Niger
                of_actors = _possessor(head, index, cues)
                whence = dependents(head, OBL, OF_PREPS)
                places = [a for h in whence for a in np_actors(h, index) if is_place(a)]
                left = places[0] if places and entry.target == "place" else None
                break
    if not of_actors and entry.type == "CONSULT":
        # "une réunion d'urgence du Conseil de sécurité": the body hangs one phrase lower
        lower = [d for h in of_heads for d in dependents(h, OBL, OF_PREPS)]
        of_actors = [a for h in lower for a in np_actors(h, index) if a.kind == "organisation"]
    # "l'assassinat du chef du Hezbollah, Fuad Shukr": the name may hang on the event noun
    named = [index.at(c) for c in noun.children if c.dep_ == "appos"]
    of_actors += [a for a in named if a is not None and a.kind == "person"]
    if entry.of == "target" and of_actors:
        of_actors += _more_victims(noun, index, cues)
    add_actors(source if entry.of == "source" else target, of_actors)
    agents = _agents(noun, index, cues)
    add_actors(source, agents)
    by_modifier, to_modifier = _modifier_parties(noun, index, cues)
    add_actors(source, by_modifier)
    among = dependents(noun, OBL, frozenset({"entre"}))
    between = [a for h in among for a in np_actors(h, index)]
    if among and len(between) == 1 and between[0].kind == "person":
        # "une réunion entre X, Y, le chancelier Z et W": "entre" needs two; a list the parse
        # broke up after its first name goes on to the end of the clause
        end = clause_end(noun, cues)
        listed = zone_actors(index, cues, min(h.left_edge.i for h in among), end)
        between += [a for a in listed if a.kind == "person" and a not in between]
    add_actors(source, between)
    # "l'assassinat de X par Y" names its author: as specific as "une rencontre avec X"
    partnered = bool(between) or (bool(agents) and bool(target))
    if entry.target == "object":
        explicit = _noun_targets(noun, entry, index, cues)
        partnered = partnered or bool(explicit)
        add_actors(target, explicit + to_modifier)
    if not source:
        add_actors(source, _possessor(noun, index, cues))
    if not source and any(c.dep_ == "cop" for c in noun.children):
        # "X, qui était en visite": the subject of the noun as predicate
        for child in noun.children:
            if child.dep_ in SUBJ:
                add_actors(source, np_actors(child, index))
    governor = _governing_verb(noun)
    if governor is not None and not nested:
        lemma = governor.lemma_.casefold()
        if noun.dep_.startswith("nsubj") and lemma in cues.participant_verbs:
            # "la réunion a inclus X et Y", "la rencontre a réuni X et Y"
            met = objects_of(governor, index, cues)
            add_actors(source, met)
            if any(a.kind == "person" for a in met):
                # "réunissaient le conseiller X, Y, et le porte-parole Z, W": every person
                # the list names, wherever the parse hung the names apposed to titles
                listed = zone_actors(index, cues, governor.i + 1, clause_end(governor, cues))
                add_actors(source, [a for a in listed if a.kind == "person"])
            partnered = True
        elif (
            # "X et Y ont tenu un sommet entre les deux pays": the leaders take part too
            (not source or entry.mutual or (bool(between) and not noun.dep_.startswith("nsubj")))
            and noun.dep_ in _GOVERNED
            and (lemma in cues.support_verbs or not noun.dep_.startswith(("obj", "nsubj")))
        ):
            # "envisagent d'organiser un exercice conjoint", "est aux États-Unis pour une
            # visite": the subject takes part; not so "Pékin a condamné la visite de X"
            add_actors(source, subject_of(governor, index, cues))
        if lemma in cues.support_verbs and entry.target == "object":
            # "tenir une réunion mardi avec X": the partner hangs on the verb
            for head in dependents(governor, OBL, frozenset({"avec", "entre", "contre"})):
                add_actors(target, np_actors(head, index))
    if not source and not nested:
        # a parse that lost the clause's subject: the people named before the noun
        zone = zone_actors(index, cues, clause_start(noun, cues), noun.i, subjects=True)
        add_actors(source, [a for a in zone if a.kind == "person"])
    place = left
    if entry.target == "place" and place is None:
        for head in dependents(noun, OBL, frozenset(cues.place_preps)):
            actor = np_actor(head, index)
            if actor is not None and is_place(actor):
                place = actor
                break
        if place is None and governor is not None and not nested:
            # "réserver à l'Allemagne sa première visite", "est aux États-Unis pour une visite"
            place = place_of(governor, index, cues)
    if entry.type == "CONSULT" and not nested:
        add_actors(target, presence(noun, index, cues))
    if entry.requires_child and entry.target == "object" and not target and not entry.mutual:
        # "la levée des restrictions à l'exportation vers la Corée du Sud": a specific act
        # names whom it concerns inside its own phrase, however deep the parse hangs it
        inner = index.in_range(noun.i + 1, noun.right_edge.i + 1)
        add_actors(target, [a for _, a in inner if a.kind == "state" and a not in source])
    if entry.of == "target" and not entry.mutual:
        source = [a for a in source if a not in target]  # the victim named outranks the author
    elif not entry.mutual:
        target = [a for a in target if a not in source]
    return Frame(tuple(source), tuple(target), place, partnered)
