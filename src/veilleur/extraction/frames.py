"""Source and target actors of a trigger: verbal frames here, nominal ones in nominal.py."""

from __future__ import annotations

from spacy.tokens import Token

from ..records import ActorRef
from .actors import ActorIndex, is_place
from .clauses import (
    case_of,
    clause_end,
    descendants,
    feature,
    np_actors,
    sentence,
    zone_actors,
)
from .lexicon import Cues, Trigger, load_lexicon
from .nominal import event_noun_source, noun_frame
from .parties import (
    AGENT_PREPS,
    OBL,
    Frame,
    add_actors,
    dependents,
    objects_of,
    place_of,
    presence,
    seat_in,
)
from .subjects import incise_subject, subject_of

__all__ = ["Frame", "noun_frame", "seat_in", "subject_of", "verb_frame"]

# types whose "à X" names who receives the act (a delivery, thanks, a demand), not where
_RECIPIENT_TYPES = frozenset({"AID", "SUPPORT", "REQUEST", "AGREE", "ACCUSE", "SANCTION", "REJECT"})
# types a speaker performs by what they say, whose target may be in the words reported
_REPORTING_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN", "SUPPORT", "REJECT"})
# types whose target may be the subject of the words they report ("exiger que X parte")
_CLAIM_TYPES = frozenset({"ACCUSE", "REQUEST"})
# acts of force, which a critic blames on the state the story is about when none is named
_FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE"})
# types between persons, where a person named in the clause outranks a body
_PERSONAL_TYPES = frozenset({"CONSULT", "SUPPORT"})


def _passive(verb: Token) -> bool:
    # "est arrivé" carries aux:pass too: a passive needs a passive subject or an agent
    deps = {c.dep_ for c in verb.children}
    if "nsubj:pass" in deps or {"aux:pass", "obl:agent"} <= deps:
        return True
    if "aux:pass" in deps and _modal_subjects(verb):
        return True  # "X doit être tenu pour responsable": X, subject of the modal
    # a participle with an agent is passive, bare ("une incursion qualifiée par X de ...") or
    # with an auxiliary the parse took for a tense ("X était reçu par Y"); an "agent" without
    # its preposition is a misparsed object ("a rencontré le ministre Benjamin X")
    bare = not any(d.startswith("aux") for d in deps)
    marked = any(c.dep_ == "obl:agent" and case_of(c) is not None for c in verb.children)
    return (bare or marked) and "obl:agent" in deps and feature(verb, "VerbForm") == "Part"


def _modal_subjects(verb: Token) -> list[Token]:
    """The subjects of the modal verb a passive infinitive completes ("X doit être puni")."""
    if verb.dep_ != "xcomp" or any(c.dep_.startswith("nsubj") for c in verb.children):
        return []
    return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubj:pass")]


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
    subjects = [c for c in verb.children if c.dep_ == "nsubj:pass"] or _modal_subjects(verb)
    agent = any(c.dep_ == "obl:agent" and case_of(c) is not None for c in verb.children)
    if not subjects and (agent or not any(c.dep_.startswith("aux") for c in verb.children)):
        # "X reçu par Y", "X était reçu par Y": the subject is the one it happens to
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    found = [a for c in subjects for a in np_actors(c, index)]
    if found or any(c.dep_ == "nsubj:pass" for c in verb.children):
        return found
    noun = _modified_noun(verb)
    if noun is None:
        return []
    return event_noun_source(noun, index, cues) or np_actors(noun, index)


def _in_event_phrases(
    verb: Token, index: ActorIndex, stop: int, *, own: tuple[str, ...] = ()
) -> set[ActorRef]:
    """Actors after `verb` named inside another event's phrase ("en riposte à l'assassinat
    du général X"): parties of that event, not of this one; the noun a light verb needs
    (`own`: "rendre visite à X") is this event's own."""
    nouns = load_lexicon().lemma_set("noun") - set(own)
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


def _in_topics(verb: Token, index: ActorIndex, cues: Cues, stop: int) -> set[ActorRef]:
    """Actors after `verb` named inside a topic phrase ("partager des informations sur les
    manœuvres chinoises"): what the act is about, not whom it is with."""
    found: set[ActorRef] = set()
    for i, actor in index.in_range(verb.i + 1, stop):
        head = index.doc[i]
        while head.head.i != head.i and head.i != verb.i:
            if case_of(head) in cues.topic_preps:
                found.add(actor)
                break
            head = head.head
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
        # a state named is a party here ("sa gratitude envers la France"), never where it
        # happened; a country adjective only qualifies the noun it follows
        state = actor is not None and actor.kind == "state" and word.pos_ != "ADJ"
        if actor is not None and (not is_place(actor) or state):
            if actor.name.islower():
                # "le gouvernement américain": a common noun; its country adjective names it
                states = [index.demonym(c) for c in word.children if c.dep_ == "amod"]
                actor = next((a for a in states if a is not None), actor)
            return [actor]
        if word.pos_ not in ("DET", "NOUN", "ADJ"):
            break
    return []


def _told_before(
    act: Token, index: ActorIndex, cues: Cues, *, reach: int = 80, pointed: bool = True
) -> list[ActorRef]:
    """The author of the act a demonstrative points back to ("Séoul a condamné ce tir"): the
    subject of the last verb of the same type before it, within `reach` words; with
    `pointed` False, any act named with no author ("a condamné une attaque contre des
    civils" after "le missile russe qui a frappé")."""
    if pointed and not any(
        feature(c, "PronType") == "Dem" for c in act.children if c.dep_ == "det"
    ):
        return []
    lexicon = load_lexicon()
    kinds = {e.type for e in lexicon.entries(act.lemma_.casefold(), "noun")}
    start = max(0, act.i - reach)
    for word in reversed(act.doc[start : act.i]):
        if word.pos_ != "VERB":
            continue
        if kinds & {e.type for e in lexicon.entries(word.lemma_.casefold(), "verb")}:
            found = subject_of(word, index, cues)
            if found or pointed:
                return found
    return []


def _in_timex(token: Token) -> bool:
    """True for a word of a time expression the parse took for an object ("ont convenu
    mardi de ..."): a day is nobody addressed."""
    return any(t.start <= token.idx < t.end for t in token.doc._.timexes or ())


def _object_clitic(verb: Token) -> bool:
    """True when the object of `verb` is a third-person singular clitic before it ("l'a
    accusé", "le remercie"), not a reflexive one."""
    return any(
        c.dep_ == "obj"
        and c.pos_ == "PRON"
        and c.i < verb.i
        and feature(c, "Reflex") != "Yes"
        and feature(c, "PronType") != "Rel"  # "X, qu'il accusait": the relative's antecedent
        and feature(c, "Person") in ("3", None)
        and feature(c, "Number") != "Plur"
        for c in verb.children
    )


def _clitic_antecedent(verb: Token, index: ActorIndex, cues: Cues) -> list[ActorRef]:
    """Whom an object clitic stands for: the person subject of the clause `verb` depends on
    ("X s'envolait pour Pékin, où Y l'a reçu"), else the last person named before."""
    head = verb
    while head.dep_ in ("advcl", "acl:relcl", "conj", "parataxis") and head.head.i != head.i:
        head = head.head
        people = [a for a in subject_of(head, index, cues) if a.kind == "person"]
        if people:
            return people
    return index.last_people(sentence(verb)[0], 1)


def _head_objects(head: Token, index: ActorIndex) -> list[ActorRef]:
    """The parties object of `head` (its direct object, or a name the parse left as an
    adjunct), places aside."""
    found: list[ActorRef] = []
    for child in head.children:
        if child.dep_ in ("obj", "obl:mod") and (child.dep_ == "obj" or child.pos_ == "PROPN"):
            add_actors(found, [a for a in np_actors(child, index) if not is_place(a)])
    return found


def _object_relative(verb: Token, cues: Cues) -> Token | None:
    """The antecedent of the object relative opening the clause of `verb` ("X, que Y
    accuse"), whatever part of speech and attachment the parse gave them; None if none."""
    if verb.dep_ not in ("acl:relcl", "acl", "advcl"):
        return None
    if any(c.dep_ == "obj" for c in verb.children):
        return None
    opener = next(
        (
            c
            for c in verb.children
            if c.i < verb.i and c.dep_ in ("mark", "obj") and c.lower_ in cues.object_relatives
        ),
        None,
    )
    if opener is None:
        return None
    if verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    before = opener.i - 1
    while before >= 0 and verb.doc[before].is_punct:
        before -= 1
    word = verb.doc[before] if before >= 0 else None
    return word if word is not None and word.pos_ in ("NOUN", "PROPN") else None


def _last_author(
    act: Token, critics: list[ActorRef], index: ActorIndex, cues: Cues
) -> list[ActorRef]:
    """Who took the decision a critic condemns ("X a expulsé Y. Paris a condamné une décision
    « inacceptable »"): the subject of the last event verb before it, other than the critic."""
    lexicon = load_lexicon()
    own = {a.country for a in critics if a.country is not None}
    start = max(0, act.i - 80)
    for word in reversed(act.doc[start : sentence(act)[0]]):
        lemma = word.lemma_.casefold()
        kinds = {e.type for e in lexicon.entries(lemma, "verb")}
        # "X a annoncé que ...": X decided; not an incise ("..., a annoncé X")
        decided = lemma in cues.decision_verbs and not _inverted(word)
        if word.pos_ != "VERB" or not (decided or (kinds and not kinds <= _REPORTING_TYPES)):
            continue  # words said are not the decision condemned
        authors = [
            a for a in subject_of(word, index, cues) if a not in critics and a.country not in own
        ]
        if authors:
            return authors
    return []


def _said_before(verb: Token, source: list[ActorRef], index: ActorIndex) -> list[ActorRef]:
    """The author of words a demonstrative object points back to ("a rejeté cette
    analyse", "dénonce ces propos"): the last person named before the sentence who is not
    of the critic's side; none when the object is an act or names a party itself."""
    nouns = load_lexicon().lemma_set("noun")
    pointed = [
        c
        for c in verb.children
        if c.dep_ == "obj"
        and c.pos_ == "NOUN"
        and c.lemma_.casefold() not in nouns
        and any(feature(d, "PronType") == "Dem" for d in c.children if d.dep_ == "det")
    ]
    if not pointed or np_actors(pointed[0], index):
        return []
    own = {a.country for a in source if a.country is not None}
    person = index.last_person_before(sentence(verb)[0])
    if person is None or person in source or (person.country is not None and person.country in own):
        return []
    return [person]


def _inverted(verb: Token) -> bool:
    """True for a verb of saying set after what it reports, its subject after it ("...,
    a annoncé le commandement"): an incise, not a decision."""
    if any(c.dep_.startswith("nsubj") and c.i < verb.i for c in verb.children):
        return False
    first = verb.i
    while first > 0 and verb.doc[first - 1].pos_ == "AUX":
        first -= 1
    return first > 0 and verb.doc[first - 1].text == ","


def _author_blamed(
    verb: Token, source: list[ActorRef], index: ActorIndex, cues: Cues
) -> list[ActorRef]:
    """Who is blamed for the act a critic names ("a critiqué les bombardements aveugles"):
    its author, else the state the story is about (not the critic's own)."""
    # "a condamné une décision « inacceptable »": a decision is an act whose author is blamed
    nouns = load_lexicon().lemma_set("noun") | cues.decision_nouns
    acts = [
        c
        for c in verb.children
        if c.dep_ == "obj" and c.pos_ == "NOUN" and c.lemma_.casefold() in nouns
    ]
    if not acts or np_actors(acts[0], index):
        return []
    author = event_noun_source(acts[0], index, cues) or _told_before(acts[0], index, cues)
    if not author and acts[0].lemma_.casefold() in cues.decision_nouns:
        author = _last_author(acts[0], source, index, cues)
    kinds = {e.type for e in load_lexicon().entries(acts[0].lemma_.casefold(), "noun")}
    if not author and kinds & _FORCE_TYPES:
        # "a condamné une attaque contre des civils": the attack the article told before
        told = _told_before(acts[0], index, cues, reach=400, pointed=False)
        own = {a.country for a in source if a.country is not None}
        author = [a for a in told if a not in source and a.country not in own]
    if author:
        return author
    if kinds and not kinds & _FORCE_TYPES:
        return []  # "dénoncent une visite": whose visit, the story's state does not say
    own = {a.country for a in source if a.country is not None}
    return [a for a in index.main_state(exclude=source) if a.country not in own]


def _said_subjects(verb: Token, index: ActorIndex) -> list[ActorRef]:
    """The actors subject of the clause a verb of saying governs ("exiger que X parte")."""
    if any(c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children):
        return []  # "exhorter X à": the addressee is the object
    found: list[ActorRef] = []
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass")):
            add_actors(found, np_actors(subject, index))
    return found


def verb_frame(verb: Token, entry: Trigger, index: ActorIndex, cues: Cues) -> Frame:
    """Parties of a verb trigger."""
    source = subject_of(verb, index, cues)
    incise = bool(source) and source == incise_subject(verb, index)
    syntactic = bool(source)
    target: list[ActorRef] = []
    agent = any(c.dep_ == "obl:agent" and case_of(c) is not None for c in verb.children)
    if entry.target == "place" and not agent:
        # "X est arrivé à Y" is no passive, whatever the parse says of "est"
        source = source or [
            a for c in verb.children if c.dep_ == "nsubj:pass" for a in np_actors(c, index)
        ]
    elif _passive(verb):
        target = _passive_target(verb, index, cues)
        agents = dependents(verb, OBL, AGENT_PREPS)
        source = [a for h in agents for a in np_actors(h, index)]
    place = place_of(verb, index, cues) if entry.target == "place" else None
    if entry.type == "CONSULT":
        add_actors(target, presence(verb, index, cues))
    # a mutual act has partners ("avec X"), never recipients: "signé à Washington" is where
    recipients = entry.type in _RECIPIENT_TYPES and not entry.mutual
    if entry.target == "object" and not target and entry.type == "SUPPORT" and entry.requires_child:
        target = _recipient(verb, index, cues)
    if entry.target == "object" and not target:
        for word in descendants(verb):
            # "promettre de punir X", "s'engager à répondre à X": the act promised has the
            # target; not an act in a condition ("si Téhéran venait à attaquer Israël")
            conditional = any(
                c.dep_ == "mark" and c.lemma_.casefold() in cues.hypothetical_marks
                for w in (word, word.head)
                for c in w.children
            )
            promised = word.pos_ == "VERB" and word.lemma_.casefold() in entry.requires_child
            if promised and not conditional:
                add_actors(target, objects_of(word, index, cues))
    if entry.target == "object" and not target and incise and entry.type in _REPORTING_TYPES:
        # "« C'est une frappe de la Russie », a dénoncé X": the target is in what X says
        start = sentence(verb)[0]
        words = [t for t in verb.doc[start : verb.i] if t.text == ","]
        stop = words[-1].i if words else verb.i
        zone = zone_actors(index, cues, start, stop, people_first=False)
        # "« ... la souveraineté du Mexique », a dénoncé le président mexicain": his own
        # state is what he defends, not whom he blames
        own = {a.country for a in source if a.kind == "person" and a.country is not None}
        target = [
            a for a in zone if a not in source and not (a.kind == "state" and a.country in own)
        ]
    if entry.target == "object" and not target and entry.requires_child:
        # "signer un accord avec X": the partner hangs on the agreement; "lancer une
        # offensive contre X": the one aimed at hangs on the attack
        preps = cues.partner_preps if entry.mutual else cues.partner_preps | cues.aim_preps
        for child in verb.children:
            if child.dep_ == "obj" and child.lemma_.casefold() in entry.requires_child:
                heads = dependents(child, OBL, preps)
                add_actors(target, [a for h in heads for a in np_actors(h, index)])
    if entry.target == "object" and not target and entry.requires_all:
        # "a mis en garde Kampala": the parse may hang the one addressed on the noun of the
        # locution rather than on its verb
        for child in verb.children:
            if child.lemma_.casefold() in entry.requires_all:
                heads = [c for c in child.children if c.dep_ in ("nmod", "appos") and c.i > child.i]
                add_actors(target, [a for h in heads for a in np_actors(h, index)])
    if entry.type in _REPORTING_TYPES and not target and _object_clitic(verb):
        # "X l'a accusé": the clitic is not the subject; the person told of before
        earlier = index.last_people(sentence(verb)[0], 1)
        target = [a for a in earlier if a not in source]
    if entry.host and not target and _object_clitic(verb):
        # "il s'envolait pour Pékin, où X l'a reçu": the one received is the traveller
        target = [a for a in _clitic_antecedent(verb, index, cues) if a not in source]
    if not target and _object_clitic(verb) and verb.dep_ in ("advcl", "xcomp", "conj"):
        # "ont encerclé le Niovi avant de le dérouter": the clitic is the object before
        target = [a for a in _head_objects(verb.head, index) if a not in source]
    antecedent = _object_relative(verb, cues)
    if entry.target == "object" and not target and antecedent is not None:
        # "l'ambassadeur, que les autorités accusent d'ingérence": the antecedent is the object
        target = [a for a in np_actors(antecedent, index) if a not in source]
    if entry.target == "object" and not target and entry.type == "ACCUSE":
        # "reprocher à X son refus": the critic's own act names X, not the critic
        target = [a for a in _author_blamed(verb, source, index, cues) if a not in source]
    if entry.target == "object" and not target and entry.type in _CLAIM_TYPES:
        # "exige que X retire ...", "a affirmé que les bateaux de X étaient entrés
        # « illégalement »": whom the words ask or blame is the subject of what they say
        target = [a for a in _said_subjects(verb, index) if a not in source]
    if entry.target == "object" and not target:
        target = objects_of(verb, index, cues, recipients=recipients)
        # "appeler nos partenaires à fournir à X": the addressee is named, if unresolved
        addressed = any(
            c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN") and not _in_timex(c)
            for c in verb.children
        )
        for child in verb.children:
            # "refuser de parapher un document avec X": the complement verb's partner
            if not target and not addressed and child.dep_ == "xcomp" and child.pos_ == "VERB":
                end = clause_end(child, cues)
                # "convenir de partager des informations sur les manœuvres chinoises": the
                # author of an act the complement talks about is no partner
                topics = _in_topics(child, index, cues, end)
                target = objects_of(child, index, cues) or [
                    a
                    for a in zone_actors(index, cues, child.i + 1, end)
                    if a not in source and a not in topics
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
            others = _in_event_phrases(verb, index, stop, own=entry.requires_child)
            target = [a for a in zone if a not in source and a not in others]
            syntactic = False
    if entry.target == "object" and not target and entry.type in ("REJECT", "ACCUSE"):
        # "X a rejeté cette analyse": the words pointed back to are those of the last
        # person named before, on another side than X
        target = _said_before(verb, source, index)
    return Frame(tuple(source), tuple(target), place, syntactic)
