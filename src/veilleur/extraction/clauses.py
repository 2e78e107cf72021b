"""Clause bounds and noun-phrase actors over spaCy's dependency parse."""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from ..doctext import cache_key
from ..linking.tokens import morph_feature, words
from ..records import ActorRef
from .actors import ActorIndex, is_place
from .groups import group_actor, possessive_ally, ruled_region, vessel_actor
from .lexicon import Cues, load_lexicon

_CLAUSE_DEPS = frozenset(
    {"conj", "advcl", "parataxis", "ccomp", "acl:relcl", "ROOT", "xcomp", "acl"}
)
_BOUNDARY_PUNCT = frozenset({";", ":", "«", "»", "“", "”", '"', "(", ")"})
_TO = frozenset({"à", "au", "aux"})
_QUOTE_MARKS = frozenset({"«", "»", "“", "”", '"'})
_OF = frozenset({"de", "du", "des", "d"})
_NAME_DEPS = frozenset({"appos", "flat:name", "flat", "nmod", "conj"})


SENTENCES_KEY = cache_key("sentences")


def sentence(token: Token) -> tuple[int, int]:
    """Token bounds [start, end) of the sentence of `token`; the starts are computed once
    per Doc (Token.sent walks the Doc on every call)."""
    doc = token.doc
    starts: list[int] | None = doc.user_data.get(SENTENCES_KEY)
    if starts is None:
        starts = [s.start for s in doc.sents]
        doc.user_data[SENTENCES_KEY] = starts
    k = bisect.bisect_right(starts, token.i) - 1
    end = starts[k + 1] if k + 1 < len(starts) else len(doc)
    return starts[k], end


def feature(token: Token, name: str) -> str | None:
    """One morphological feature of a token ("Fut" for Tense), or None."""
    return morph_feature(token, name)  # the Doc's morph strings, decoded once


def case_of(token: Token) -> str | None:
    """The preposition introducing `token` ("à" for "à Tel-Aviv"), lower-cased, or None."""
    for child in token.children:
        if child.dep_ == "case" or (child.dep_ == "mark" and child.pos_ == "ADP"):
            return child.lower_.rstrip("'’")
    return None


def clause_start(token: Token, cues: Cues, *, quotes: bool = True) -> int:
    """Index of the first token of the clause `token` stands in (within its sentence); with
    `quotes` False, a quotation mark does not open a clause ("Ils « ont signé »")."""
    sent_start, _ = sentence(token)
    table = words(token.doc)  # the Doc's token strings, read once
    for i in range(token.i - 1, sent_start - 1, -1):
        text = table.text[i]
        if not quotes and text in _QUOTE_MARKS:
            continue
        if text in _BOUNDARY_PUNCT or table.lemma[i].casefold() in cues.clause_marks:
            return i + 1
    return sent_start


def clause_end(token: Token, cues: Cues) -> int:
    """Index just past the clause that follows `token` (next verb clause, mark or stop)."""
    _, sent_end = sentence(token)
    table = words(token.doc)
    for i in range(token.i + 1, sent_end):
        if table.text[i] in _BOUNDARY_PUNCT or table.lemma[i].casefold() in cues.clause_marks:
            return i
        pos, dep = table.pos[i], table.dep[i]
        if pos == "VERB" and dep in _CLAUSE_DEPS and feature(token.doc[i], "VerbForm"):
            return i  # a verb form; a word mistagged as a verb has no verb form
        if pos == "AUX" and dep.startswith("aux") and token.doc[i].head.i > i:
            return i
    return sent_end


def under_place_prep(token: Token, index: ActorIndex, cues: Cues) -> bool:
    """True when `token` names a place introduced by a place preposition ("à Tel-Aviv",
    "dans la banlieue sud de Beyrouth")."""
    first = token.doc[index.start_of(token)]
    before = token.doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.pos_ == "DET" and before.i > 0:
        before = token.doc[before.i - 1]
    prep = before.lower_.rstrip("'’") if before is not None else None
    if prep in cues.place_preps:
        return True
    head = token
    for _ in range(3):
        if case_of(head) in cues.place_preps:
            return True
        if head.dep_ not in ("nmod", "flat:name", "appos") or head.head.i == head.i:
            break
        head = head.head
    return False


def prep_before(token: Token, index: ActorIndex) -> str | None:
    """The preposition right before the mention of `token` (skipping one determiner)."""
    first = token.doc[index.start_of(token)]
    before = token.doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.pos_ == "DET" and before.i > 0:
        before = token.doc[before.i - 1]
    return before.lower_.rstrip("'’") if before is not None and before.pos_ == "ADP" else None


def subject_like(token: Token) -> bool:
    """False for a phrase that is the object or complement of a verb (not a subject)."""
    head = token
    for _ in range(4):
        if head.dep_.startswith("nsubj") or head.dep_ == "expl:subj":
            return True
        if head.dep_ in ("obj", "iobj") or head.dep_.startswith("obl"):
            return False
        if head.head.i == head.i:
            return True
        head = head.head
    return True


def np_actor(token: Token, index: ActorIndex, *, depth: int = 0) -> ActorRef | None:
    """The actor a noun phrase headed by `token` designates: its mention, a named person in
    apposition or complement ("le colonel X", "le bureau de X"), or a country adjective."""
    actor = index.at(token)
    leader = _leader_named_before(token, index)
    if leader is not None and (actor is None or index.inferred(token) or actor.kind != "person"):
        return leader  # "le dirigeant hongrois", after Viktor Orbán was named: him
    if actor is not None and index.inferred(token) and token.pos_ == "NOUN":
        # "le général de division Tomer Bar": the name written after the title wins
        for word in token.doc[token.i + 1 : min(token.i + 5, len(token.doc))]:
            written = index.at(word)
            if written is not None and written.kind == "person" and not index.inferred(word):
                return written
            if word.pos_ not in ("NOUN", "ADJ", "ADP", "DET", "PROPN"):
                break
    if actor is not None:
        return actor
    if token.pos_ == "PRON":
        if feature(token, "PronType") == "Rel":
            # the antecedent: the phrase right before "qui", else the clause's head noun
            before = token.doc[token.i - 1] if token.i > 0 else None
            actor = index.at(before) if before is not None else None
            if actor is not None and actor.kind == "place":
                actor = None  # "à Beyrouth qui a permis ...": the place is rarely the doer
            if actor is None and token.head.dep_ == "acl:relcl":
                actor = np_actor(token.head.head, index, depth=depth + 1)
            return actor
        personal = feature(token, "PronType") in ("Prs", None)
        if (
            personal
            and feature(token, "Person") in ("3", None)
            and feature(token, "Number") != "Plur"
        ):
            resolved = index.resolve(token)
            # a person's clitic stands before the verb and its auxiliaries ("il lui a
            # demandé"; not "a lui aussi salué") and tells its number ("y" does not)
            verb = token.head
            clitic = token.dep_ in ("obj", "iobj") and feature(token, "Number") == "Sing"
            clitic = clitic and all(
                token.i < w.i
                for w in (verb, *verb.children)
                if w is verb or w.dep_.startswith("aux")
            )
            if resolved is None and clitic and feature(token, "Reflex") != "Yes" and depth == 0:
                # "il lui a demandé": the person told of before, other than the subject
                return _other_than_subject(token, index)
            return resolved
        return None  # "un de ses commandants" names nobody
    cues = load_lexicon().cues
    if possessive_ally(token, cues):
        return None  # "son allié": left to the caller, who knows whose ally
    vessel = vessel_actor(token, cues)
    if vessel is not None:
        return vessel  # "l'Advantage Sweet, un pétrolier": the ship, not its flag
    group = group_actor(token, index, cues)
    if group is not None:
        return group  # "les partenaires occidentaux", "les alliés de X": the group itself
    # "le porte-parole de X, le colonel Y": the apposition names the head, not the complement
    named = sorted(
        (c for c in token.children if c.dep_ in _NAME_DEPS), key=lambda c: c.dep_ == "nmod"
    )
    for child in named:
        person = index.at(child)
        guessed = person is not None and index.inferred(child) and child.pos_ == "NOUN"
        if (person is None or guessed) and depth < 2 and child.dep_ != "nmod":
            # "..., le général de division X": the name written after the title wins
            person = np_actor(child, index, depth=depth + 1) or person
        if person is not None and person.kind == "person":
            return person
    if token.pos_ == "NOUN" and depth == 0:
        person = _apposed(token, index)
        if person is not None:
            return person
    if any(t.pos_ == "PROPN" for c in named for t in c.subtree):
        if token.pos_ == "NOUN" and depth == 0:
            # "le conseiller à la sécurité nationale Jake Sullivan": the name hangs lower,
            # but not inside another event ("des officiels ... après l'assassinat de X")
            events = load_lexicon().lemma_set("noun")
            for word in _phrase(token, stop=events):
                person = index.at(word)
                if person is not None and person.kind == "person":
                    return person
        # "l'ambassadeur de Suède": an envoy the linker did not name stands for the state
        # of its complement; otherwise a named phrase unresolved is not its adjective's state
        # ("la ville ukrainienne de Kharkiv" says its state otherwise: left to the zone)
        if any(c.dep_ == "amod" and index.at(c) is not None for c in token.children):
            return None
        if any(c.dep_ == "det" and feature(c, "Poss") == "Yes" for c in token.children):
            return None  # "ses soldats du Niger": the possessor's, sent from the place named
        complements = [c for c in named if c.dep_ == "nmod" and case_of(c) in _OF]
        states = [_complement(c, index) for c in complements]
        return next((a for a in states if a is not None and a.kind in ("state", "place")), None)
    if token.lemma_.casefold() in cues.authority_nouns and not any(
        c.dep_ in ("amod", "nmod", "appos", "acl") for c in token.children
    ):
        # "aux autorités", with no country said: those of the state the story is about
        return next(iter(index.main_state()), None)
    if token.lemma_.casefold() in cues.non_state_nouns or token.lower_ in cues.non_state_nouns:
        return None  # "les séparatistes arméniens": people of a country, not its state
    counterpart = token.lemma_.casefold() in cues.counterpart_nouns
    for child in token.children:
        person = index.at(child) if child.dep_ == "amod" else None
        if person is not None and person.kind == "person":
            return person  # "le ministre polonais X" with X tagged an adjective: X, not Poland
    for child in token.children:
        if child.dep_ == "amod":
            actor = index.at(child)
            if actor is not None and counterpart:
                # "son homologue chinois": the person of that state named before, else the
                # one who holds there the office the subject holds on the article's date
                actor = (
                    index.last_person_of(token.i, child) or _peer_by_office(token, actor, index)
                ) or actor
            if actor is not None:
                return actor
    if counterpart and depth == 0:
        return _peer(token, index)
    return None


def _peer_by_office(token: Token, state: ActorRef, index: ActorIndex) -> ActorRef | None:
    """The holder, in `state`, of the office the subject of `token`'s verb holds when the
    article was written ("le président turc ... avec son homologue russe": Russia's
    president), from the knowledge base; None when it cannot tell."""
    if state.kind != "state" or state.country is None:
        return None
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    owners = [
        np_actor(c, index, depth=1)
        for c in verb.children
        if c.dep_.startswith("nsubj") and c.i != token.i
    ]
    owner = next((a for a in owners if a is not None and a.kind == "person"), None)
    published = token.doc._.published
    if owner is None or published is None:
        return None
    try:
        from ..kb import KnowledgeBase

        kb = KnowledgeBase.load()
    except (ImportError, OSError, ValueError):
        return None
    person = kb.get(owner.actor_id)
    on = published.first_day()
    if person is None:
        return None
    for office in person.offices:
        if not office.active(on) or office.country == state.country:
            continue
        holders = kb.holders(office.role, state.country, on)
        if len(holders) == 1:
            peer = holders[0]
            return ActorRef(peer.id, peer.name, "person", peer.country)
    return None


def _peer(token: Token, index: ActorIndex) -> ActorRef | None:
    """The person a bare possessed peer noun stands for ("il a remercié son homologue"): the
    last person named before it other than the subject whose peer he is."""
    if not any(c.dep_ == "det" and feature(c, "Poss") == "Yes" for c in token.children):
        return None
    return _other_than_subject(token, index)


def _other_than_subject(token: Token, index: ActorIndex) -> ActorRef | None:
    """The last person named before `token` other than the person subject of its verb (the
    one "son homologue" or "lui" is said of), preferring another state's; None when the
    subject is no person."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    owners = [
        np_actor(c, index, depth=1)
        for c in verb.children
        if c.dep_.startswith("nsubj") and c.i != token.i
    ]
    owner = next((a for a in owners if a is not None and a.kind == "person"), None)
    if owner is None:
        return None  # whose peer, the text does not say: no guess
    others: list[ActorRef] = []
    for count in (2, 1):
        others = others or [p for p in index.last_people(token.i, count)[::-1] if p != owner]
    foreign = [p for p in others if owner.country is None or p.country != owner.country]
    return next(iter(foreign or others), None)


def _leader_named_before(token: Token, index: ActorIndex) -> ActorRef | None:
    """The person of a state named before a leader noun with that state's adjective and no
    name ("le dirigeant hongrois" -> the Hungarian leader the article named)."""
    cues = load_lexicon().cues
    if token.pos_ != "NOUN" or token.lemma_.casefold() not in cues.leader_nouns:
        return None
    if any(c.dep_ in ("appos", "flat:name", "nmod") for c in token.children):
        return None  # "le dirigeant hongrois Viktor Orbán": named here
    adjectives = [c for c in token.children if c.dep_ == "amod" and index.demonym(c) is not None]
    return index.last_person_of(token.i, adjectives[0]) if adjectives else None


def _complement(token: Token, index: ActorIndex) -> ActorRef | None:
    """The actor of a "de X" complement; a common noun the tagger took for a place ("chefs
    d'État de la CEDEAO") gives way to the body named after it."""
    actor = index.at(token)
    if actor is None or actor.kind != "place" or token.pos_ != "NOUN":
        return actor
    for child in token.children:
        if child.dep_ == "nmod" and case_of(child) in _OF and index.at(child) is not None:
            return index.at(child)
    return actor


def _apposed(token: Token, index: ActorIndex) -> ActorRef | None:
    """A person named right after the phrase between commas, whatever the parse made of it
    ("au secrétaire américain à la défense, Lloyd Austin, pour ...")."""
    doc = token.doc
    right = _phrase(token)[-1].i + 1  # the phrase, not its clauses ("la foule, rapporte X, Y")
    if right >= len(doc):
        return None
    if doc[right].text != ",":
        # "le Premier ministre israélien Benjamin Netanyahou": the name right after the title
        actor = index.at(doc[right])
        return actor if actor is not None and actor.kind == "person" else None
    guess: ActorRef | None = None
    for word in doc[right + 1 : min(right + 7, len(doc))]:
        actor = index.at(word)
        if actor is not None and actor.kind == "person" and index.inferred(word):
            guess = guess or actor  # "le général ...": the linker's guess; a name may follow
            continue
        if actor is not None:
            return actor if actor.kind == "person" else guess
        if word.pos_ not in ("DET", "NOUN", "ADJ", "ADP"):
            return guess
    return guess


def _phrase(token: Token, *, stop: frozenset[str] = frozenset()) -> list[Token]:
    """The words of a noun phrase, without its clauses and coordinated phrases, nor the
    phrases of nouns whose lemma is in `stop`."""
    words: list[Token] = []
    frontier = [token]
    while frontier:
        word = frontier.pop()
        words.append(word)
        frontier.extend(
            c
            for c in word.children
            if c.dep_ not in _CLAUSE_DEPS | {"cc"}
            and not (c.pos_ == "NOUN" and c.lemma_.casefold() in stop)
        )
    return sorted(words, key=lambda w: w.i)


def np_actors(token: Token, index: ActorIndex) -> list[ActorRef]:
    """Actors of a noun phrase and of the phrases coordinated with it ("X et Y"); a group
    ("les deux hommes", "ils") stands for the people named just before."""
    found: list[ActorRef] = []
    # "le président X et le premier ministre Y": the parse may join Y to the name X
    named = [c for c in token.children if c.dep_ in ("appos", "flat:name")]
    heads = [token, *token.conjuncts, *(j for c in named for j in c.conjuncts)]
    heads = [h for h in heads if h is token or not _subject_of_next(h)]
    for head in dict.fromkeys(heads):
        actor = np_actor(head, index)
        if actor is not None and actor.kind == "state":
            # "des responsables égyptiens et saoudiens": each coordinated adjective's state
            for adjective in (c for c in head.children if c.dep_ == "amod"):
                for other in adjective.conjuncts:
                    state = index.at(other)
                    if state is not None and state not in found:
                        found.append(state)
        numbers = [index.number(c) for c in head.children if c.pos_ == "NUM"]
        if head.lemma_.casefold() in load_lexicon().cues.quantity_nouns:
            numbers = []  # "2 milliards d'euros", "40 drones": amounts, not people
        counted = head.pos_ == "PRON" or bool(numbers)
        actors = [actor] if actor is not None else (index.group(head) if counted else [])
        if not actors and numbers and numbers[0] and head.pos_ == "NOUN":
            # "les deux généraux": the last two people named; "les deux pays": two states
            party_nouns = load_lexicon().cues.party_nouns
            state_nouns = load_lexicon().cues.state_nouns
            if head.lemma_.casefold() in state_nouns or head.lower_ in state_nouns:
                actors = _last_states(index, head.i, numbers[0])  # "les deux pays": no ONU
            elif head.lemma_.casefold() in party_nouns or head.lower_ in party_nouns:
                actors = index.last_parties(head.i, numbers[0])
            else:
                actors = index.last_people(head.i, numbers[0])
        if not actors and head.lower_ in load_lexicon().cues.sides_nouns:
            # "appelle les parties à": the two sides named before its sentence
            actors = index.last_parties(sentence(head)[0], 2)
        possessed = any(c.dep_ == "det" and feature(c, "Poss") == "Yes" for c in head.children)
        if not actors and feature(head, "Number") == "Plur" and head.pos_ == "NOUN":
            # not "ses soldats du Niger": the possessor's, the place they leave or serve in
            actors = [] if possessed else _collective(head, index)
        region = ruled_region(head, index, load_lexicon().cues)
        if region is not None and actors:
            actors = [*actors, region]  # "les autorités du Tigré": the region's rulers, it
        for one in actors:
            if one not in found:
                found.append(one)
    return found


def _subject_of_next(conjunct: Token) -> bool:
    """True for a phrase the parse joined to another though a finite verb with no subject
    follows it ("reçu par X, les dirigeants de Y dénoncent"): that verb's subject."""
    doc = conjunct.doc
    after = conjunct.right_edge.i + 1
    if after >= len(doc) or any(c.dep_ == "cc" for c in conjunct.children):
        return False
    verb = doc[after]
    finite = feature(verb, "VerbForm") == "Fin" and verb.pos_ in ("VERB", "AUX")
    # a subject the parse gave it from before the phrase is no better ("X reçu par Y, Z
    # dénoncent" with X as subject of both)
    return finite and not any(
        c.dep_.startswith("nsubj") and c.i > conjunct.i for c in verb.children
    )


def _last_states(index: ActorIndex, i: int, count: int) -> list[ActorRef]:
    """The last `count` different states named before token `i` ("les deux pays"), or none
    if fewer were named; states named as where ("à Saint-Vincent") only when the parties
    alone are too few."""
    cues = load_lexicon().cues
    named = list(reversed(index.in_range(0, i)))
    parties = [a for j, a in named if not under_place_prep(index.doc[j], index, cues)]
    for candidates in (parties, [a for _, a in named]):
        found: list[ActorRef] = []
        for actor in candidates:
            if actor.kind == "state" and actor not in found:
                found.append(actor)
                if len(found) == count:
                    return found[::-1]
    return []


def _collective(token: Token, index: ActorIndex, depth: int = 0) -> list[ActorRef]:
    """The body a plural noun belongs to ("les dirigeants des pays membres de l'Otan")."""
    for child in token.children:
        if child.dep_ == "nmod" and case_of(child) in ("de", "du", "des", "d"):
            actor = index.at(child)
            if actor is not None and actor.kind != "person":
                # "les chefs d'État de la CEDEAO": a common noun read as a body yields to
                # the body named after it
                deeper = _collective(child, index, depth + 1) if child.pos_ == "NOUN" else []
                return deeper or [actor]
            if actor is None and depth < 3:
                return _collective(child, index, depth + 1)
    return []


def zone_actors(
    index: ActorIndex,
    cues: Cues,
    start: int,
    end: int,
    *,
    places: bool = False,
    subjects: bool = False,
    people_first: bool = True,
    recipients: bool = False,
) -> list[ActorRef]:
    """Actors mentioned in tokens [start, end): people if any, else others; places under a
    place preposition are left out unless `places`, non-subjects when `subjects`."""
    found: list[ActorRef] = []
    for i, actor in index.in_range(start, end):
        token = index.doc[i]
        if token.pos_ == "PRON" or feature(token, "Poss") == "Yes":
            continue  # "ses commandants", "il": a zone gives named parties only
        # "à Berlin" is where; for a delivery "à l'Ukraine" is to whom
        received = recipients and prep_before(token, index) in _TO
        if not places and is_place(actor) and under_place_prep(token, index, cues) and not received:
            continue
        if subjects and not subject_like(token):
            continue
        head = token.head
        if token.dep_ == "amod" and head.lemma_.casefold() in cues.counterpart_nouns:
            # "son homologue russe": the peer the phrase designates, not his state
            actor = np_actor(head, index) or actor
        if actor not in found:
            found.append(actor)
    people = [a for a in found if a.kind == "person"]
    return (people or found) if people_first else found


def descendants(token: Token, depth: int = 2) -> list[Token]:
    """The token's dependents down to `depth` levels, nearest level first."""
    found: list[Token] = []
    frontier = [token]
    for _ in range(depth):
        frontier = [c for t in frontier for c in t.children]
        found.extend(frontier)
    return found
