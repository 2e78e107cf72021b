"""Where an event happened: the place its clause names, else one the text gives elsewhere
(`elsewhere`); `carry_locations` fills the events still placed nowhere (`carry`)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..geo import is_seat, place_name
from ..records import ActorRef, Event
from .actors import ActorIndex, is_place
from .carry import carry_locations as carry_events
from .carry import received_as_visits
from .clauses import case_of, clause_end, clause_start, feature, np_actor, under_place_prep
from .elsewhere import told_elsewhere
from .frames import Frame
from .lexicon import Cues, load_lexicon
from .placewords import PlaceWords, act_types, load_place_words, prep_before

__all__ = [
    "PlaceWords",
    "carry_locations",
    "clause_location",
    "clause_locations",
    "load_place_words",
    "received_as_visits",
]

# Dependencies of the phrases that name what an event is about (its subject or object).
_ARGUMENTS = frozenset({"obj", "nsubj", "nsubj:pass", "obl:arg"})


def carry_locations(events: list[Event]) -> list[Event]:
    """Places for events whose clause gives none (see `carry.carry_locations`)."""
    return carry_events(events, preps=frozenset(load_place_words().ranks))


def clause_location(token: Token, index: ActorIndex, cues: Cues, frame: Frame) -> str | None:
    """The most specific place the clause gives: "à X" before "en X"; else the visit's place,
    else the place an earlier mention of the same event gave ("Lors d'une réunion au
    Pentagone, ... La réunion a inclus X et Y")."""
    places = clause_locations(token, index, cues, frame)
    if places:
        return places[0]
    if frame.place is not None:
        return place_name(frame.place, frame.place.name)
    return told_elsewhere(token, index, cues, frame)


def clause_locations(token: Token, index: ActorIndex, cues: Cues, frame: Frame) -> list[str]:
    """The places of the clause of `token`, best first; coordinated places ("au Pentagone et
    à la Maison Blanche") follow the first in text order, so that a caller may pair them with
    coordinated parties ("pour discuter avec Milley et Sullivan")."""
    words = load_place_words()
    parties = {a.actor_id for a in (*frame.source, *frame.target)}
    ranked: list[tuple[tuple[int, int, int], Token, str]] = []
    meeting = "CONSULT" in act_types(token)
    for word, actor, surface in _candidates(token, index, cues, words, parties):
        prep = prep_before(word, index, words)
        # a state may be a party; a city under a preposition is where, and so is a seat of
        # government for a meeting ("a reçu jeudi au Kremlin X")
        seat = meeting and prep in words.at and is_seat(actor.name)
        party = actor.actor_id in parties and actor != frame.place and actor.kind != "place"
        if party and not seat:
            continue
        if not is_place(actor) and prep not in words.at:
            continue  # a body is a place only "at" it ("au Pentagone", "à l'Élysée")
        if _describes_other(word, token, index, cues):
            continue
        # the first of coordinated places leads
        rank = (words.ranks.get(prep, 1), word.dep_ == "conj", abs(word.i - token.i))
        ranked.append((rank, word, place_name(actor, surface)))
    if not ranked:
        return []
    ranked.sort(key=lambda r: r[0])
    first = ranked[0][1]
    root = _root(first, index)
    joined = {c.i for c in root.conjuncts}
    coordinated = [r for r in ranked[1:] if _root(r[1], index).i in joined]
    rest = [r for r in ranked[1:] if r not in coordinated]
    ordered = [ranked[0], *sorted(coordinated, key=lambda r: r[1].i), *rest]
    return list(dict.fromkeys(name for _, _, name in ordered))


def _candidates(
    token: Token, index: ActorIndex, cues: Cues, words: PlaceWords, parties: set[str]
) -> Iterator[tuple[Token, ActorRef, str]]:
    """Place mentions (token, actor, words as written) under a place preposition in the
    clause of `token` and of the verb that places an event noun ("la réunion a eu lieu à X")."""
    spans = [_clause(token, cues, index, parties)]
    antecedent = _where_antecedent(spans[0][0], index, words)
    if antecedent is not None:
        spans.append(antecedent)  # "s'est rendue à Kiev, où elle a rencontré X"
    venue = _venue_verb(token, words)
    if venue is not None:
        spans.append((venue.i, venue.right_edge.i + 1))
    spans.extend(_landing(token, words))
    seen: set[int] = set()
    for start, end in spans:
        for i, actor in index.in_range(start, end):
            word = index.doc[i]
            if i in seen or actor.kind == "person" or not under_place_prep(word, index, cues):
                continue
            seen.add(i)
            yield word, actor, index.surface(word)
        yield from _swallowed(index, cues, start, end, seen)


def _swallowed(
    index: ActorIndex, cues: Cues, start: int, end: int, seen: set[int]
) -> Iterator[tuple[Token, ActorRef, str]]:
    """Named places the linker folded into a person's title ("le ministre de la Défense à Tel
    Aviv"): the named-entity tagger still marks them as places."""
    for ent in index.doc.ents:
        if ent.label_ != "LOC" or not start <= ent.start < end or ent.start in seen:
            continue
        actor = index.at(ent[0])
        if actor is None or actor.kind != "person":
            continue
        prep = ent.doc[ent.start - 1].lower_.rstrip("'’") if ent.start > 0 else ""
        if prep in cues.place_preps:
            seen.add(ent.start)
            name = _ent_text(ent)
            yield ent[0], ActorRef(f"place:{name}", name, "place"), name


def _ent_text(ent: Span) -> str:
    return ent.text.strip(" ,.;:")


def _where_antecedent(start: int, index: ActorIndex, words: PlaceWords) -> tuple[int, int] | None:
    """The tokens of the place a relative "où" opening the clause at `start` stands for."""
    doc = index.doc
    if start < 2 or doc[start - 1].lower_ not in words.where:
        return None
    last = start - 3 if doc[start - 2].is_punct else start - 2
    actor = index.at(doc[last]) if last >= 0 else None
    if actor is None or not is_place(actor):
        return None
    return index.start_of(doc[last]), last + 1


def _clause(token: Token, cues: Cues, index: ActorIndex, parties: set[str]) -> tuple[int, int]:
    """Token bounds of the clause of `token`, with a participle that qualifies one of its
    parties ("aux dirigeants européens réunis à Bruxelles")."""
    start, end = clause_start(token, cues), clause_end(token, cues)
    if token.pos_ == "NOUN":
        start, end = min(start, token.left_edge.i), max(end, token.right_edge.i + 1)
    doc = token.doc
    while end < len(doc) and _qualifying_participle(doc[end], start, end):
        party = np_actor(doc[end].head, index)
        if party is None or party.actor_id not in parties:
            break
        end = max(end + 1, doc[end].right_edge.i + 1)
    return start, end


def _qualifying_participle(word: Token, start: int, end: int) -> bool:
    return (
        word.pos_ == "VERB"
        and word.dep_ == "acl"
        and feature(word, "VerbForm") == "Part"
        and feature(word, "Tense") == "Past"
        and start <= word.head.i < end
    )


def _landing(token: Token, words: PlaceWords) -> Iterator[tuple[int, int]]:
    """The relative clause saying where the act's object came down ("un missile qui s'est
    abîmé en mer du Japon")."""
    for obj in token.children:
        if obj.dep_ != "obj":
            continue
        for clause in obj.children:
            if clause.dep_ == "acl:relcl" and clause.lemma_.casefold() in words.landings:
                yield clause.i, clause.right_edge.i + 1


def _venue_verb(token: Token, words: PlaceWords) -> Token | None:
    """The verb that says where the event noun `token` took place, if it is its subject."""
    if token.pos_ != "NOUN" or not token.dep_.startswith("nsubj"):
        return None
    verb = token.head
    lemma = verb.lemma_.casefold()
    # "a eu lieu": the parser makes "lieu" an object or an adjunct of "avoir"
    objects = [c.lemma_.casefold() for c in verb.children if c.pos_ == "NOUN"]
    if lemma in words.venue_verbs or any(f"{lemma} {o}" in words.venue_verbs for o in objects):
        return verb
    return None


def _root(word: Token, index: ActorIndex) -> Token:
    """The token of a mention whose head lies outside it."""
    start = index.start_of(word)
    end = start
    while end + 1 < len(word.doc) and index.start_of(word.doc[end + 1]) == start:
        end += 1
    for token in word.doc[start : end + 1]:
        if not start <= token.head.i <= end or token.head.i == token.i:
            return token
    return word


def _describes_other(word: Token, trigger: Token, index: ActorIndex, cues: Cues) -> bool:
    """True when the place qualifies something else than the event: a party's post
    ("l'ambassadeur de France à Bamako"), another kind of event ("sa visite au Proche-Orient"
    for an attack), or a thing the clause names ("l'accord sur l'exportation des céréales en
    mer Noire"); a place within an adjunct or another place stays the event's."""
    lexicon, words = load_lexicon(), load_place_words()
    event_nouns = lexicon.lemma_set("noun")
    head = _root(word, index)
    for depth in range(1, 7):
        parent = head.head
        if head.i == trigger.i or parent.i == head.i:
            return False
        if parent.i == trigger.i:
            return depth > 2  # "l'accord sur l'exportation des céréales en mer Noire"
        if _sibling_participle(parent, trigger):
            return True  # "une incursion prévue à Rafah, et qualifiée par X d'erreur"
        if not head.dep_.startswith("nmod") or parent.pos_ != "NOUN":
            return False  # on a verb, or on a name the parser hung it on ("Lloyd Austin au")
        lemma = parent.lemma_.casefold()
        if lemma in event_nouns:
            if depth == 1 and _occasion(parent, trigger, words):
                return False  # "Lors d'un sommet à Abuja, ils ont menacé ...": its place
            kinds = {e.type for e in lexicon.entries(lemma, "noun")}
            return depth > 1 or not kinds & act_types(trigger)
        if case_of(parent) in words.at or lemma in words.occasions:
            # a place within a place ("au centre de commandement ... à Tel-Aviv"), or the
            # occasion the event is part of ("en marge de la réouverture de Notre-Dame")
            return False
        if lemma in cues.time_words:
            return False  # "lundi à Paris": the time and place of the event
        if _titled(parent, index):
            return True
        if parent.dep_ in _ARGUMENTS:
            return True
        head = parent
    return False


def _sibling_participle(verb: Token, trigger: Token) -> bool:
    """True when the place's verb and the trigger are coordinated bare participles that
    qualify one noun ("une incursion prévue à Rafah, et qualifiée par X de grande erreur"):
    each says its own thing of the noun, so a judgment is not where the thing judged is. A
    meeting is left out ("arrivé à Kiev et reçu par X" was there)."""
    if verb.i == trigger.i or trigger.i not in {c.i for c in verb.conjuncts}:
        return False
    if "CONSULT" in act_types(trigger):
        return False
    return all(
        v.pos_ == "VERB"
        and feature(v, "VerbForm") == "Part"
        and not any(c.dep_.startswith("aux") for c in v.children)
        for v in (verb, trigger)
    )


def _occasion(noun: Token, trigger: Token, words: PlaceWords) -> bool:
    """True when an event noun is the occasion the trigger's act took place at ("lors d'un
    sommet", "pendant la réunion", "en marge de la rencontre"): the trigger governs it
    through a word of occasion; "avant son arrivée à X" is no occasion."""
    if trigger not in noun.ancestors:
        return False
    marks = [noun.head, *(c for c in noun.children if c.dep_ == "case")]
    return any(m.lemma_.casefold() in words.occasions for m in marks)


def _titled(noun: Token, index: ActorIndex) -> bool:
    """True when a noun is a person's title: it is their mention, or their name stands in
    apposition to it ("l'ambassadeur américain en Israël, Tom Nides")."""
    actor = index.at(noun)
    if actor is not None:
        return actor.kind == "person"
    named = [c for c in noun.children if c.dep_ in ("appos", "flat:name")]
    doc = noun.doc
    comma = noun.right_edge.i + (0 if noun.right_edge.text == "," else 1)
    if comma + 1 < len(doc) and doc[comma].text == ",":
        named.append(doc[comma + 1])
    return any((a := index.at(n)) is not None and a.kind == "person" for n in named)
