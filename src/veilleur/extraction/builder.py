"""Events of one Doc: triggers -> frames -> status, date, place, evidence -> de-duplicated."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from importlib import import_module
from itertools import pairwise
from typing import Any

from spacy.tokens import Doc, Token

from ..doctext import text_of
from ..geo import is_seat
from ..records import ActorRef, Event, PartialDate
from .actors import ActorIndex, is_place, state_of
from .clauses import (
    case_of,
    clause_end,
    clause_start,
    descendants,
    feature,
    np_actors,
    sentence,
    under_place_prep,
)
from .frames import Frame, noun_frame, seat_in, verb_frame
from .gates import (
    agentless_blame,
    by_phone,
    first_person_speaker,
    framed,
    guest,
    licensed,
    means,
    one_act,
    quote_speaker,
    quoted_ok,
    untargeted,
)
from .groups import possessive_ally
from .lexicon import Cues, Lexicon, Trigger, load_quote_lexicon
from .merging import (
    deduplicate,
    fold_visits,
    hosts_met,
    lead_end,
    merge_visits,
    purposes,
    title_end,
)
from .naming import acting_state, as_written, state_served
from .places import carry_locations, clause_location, received_as_visits
from .spans import evidence, find_quotes, inside
from .status import verdict
from .triggers import TriggerIndex, find_triggers

__all__ = ["deduplicate", "extract_events", "lead_end", "merge_visits"]


def _event_date_function() -> Callable[..., Any] | None:
    try:
        module = import_module("veilleur.temporal")
    except ImportError:
        return None
    func = getattr(module, "event_date", None)
    return func if callable(func) else None


def _date(doc: Doc, token: Token, *, future: bool) -> tuple[PartialDate | None, str]:
    """The event's date, from the time component when there is one; a date that belongs to
    a participle phrase of another act ("les restrictions, imposées en 2019") is not it."""
    timexes = list(doc._.timexes or [])
    own = [t for t in timexes if not _side_date(doc, token, t)]
    if len(own) == len(timexes):
        return _dated(doc, token, future=future)
    doc._.timexes = own
    try:
        return _dated(doc, token, future=future)
    finally:
        doc._.timexes = timexes


def _side_date(doc: Doc, token: Token, timex: Any) -> bool:
    """True for a time expression of the trigger's sentence that dates a bare participle
    ("imposées en 2019") neither the trigger nor one of the words governing it."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or sentence(span.root) != sentence(token):
        return False
    verb = span.root
    while verb.pos_ != "VERB" and verb.head.i != verb.i:
        verb = verb.head
    phrase = verb.dep_ in ("acl", "advcl")  # "les restrictions, imposées en 2019"
    if verb.pos_ != "VERB" or feature(verb, "VerbForm") != "Part" or not phrase:
        return False
    if any(c.dep_.startswith(("aux", "nsubj")) for c in verb.children):
        return False  # "a été imposé", "X, qui a imposé": a clause of its own verb
    governing = {token.i, *(a.i for a in token.ancestors)}
    return verb.i not in governing and token.i not in {t.i for t in verb.subtree}


def _dated(doc: Doc, token: Token, *, future: bool) -> tuple[PartialDate | None, str]:
    event_date = _event_date_function()
    if event_date is not None:
        value, source = event_date(doc, token, future=future)
        return value, str(source)
    published: PartialDate | None = doc._.published
    if published is None:
        return None, "none"
    # without the time component, the publication year is all that is safe
    return published.truncate("year"), "published"


def _apart(
    token: Token, target: tuple[ActorRef, ...], index: ActorIndex, cues: Cues
) -> list[tuple[ActorRef, ...]]:
    """The partners of a meeting in groups met apart ("rencontrer X et Y, ainsi que Z": one
    meeting with X and Y, one with Z)."""
    doc = token.doc
    end = sentence(token)[1]
    where = {a: i for i, a in reversed(index.in_range(token.i + 1, end)) if a in target}
    if len(where) != len(target):
        return [target]
    ordered = sorted(target, key=lambda a: where[a])
    groups: list[list[ActorRef]] = [[ordered[0]]]
    for before, actor in pairwise(ordered):
        between = " " + doc[where[before] + 1 : where[actor]].text.casefold() + " "
        if any(f" {mark} " in between for mark in cues.separate_marks):
            groups.append([])
        groups[-1].append(actor)
    return [tuple(g) for g in groups]


def _victim_places(
    token: Token, parts: list[tuple[ActorRef, ...]], index: ActorIndex, cues: Cues
) -> dict[tuple[ActorRef, ...], str]:
    """The place written right after each victim of a split act ("de X, à Beyrouth, ... et de
    Y, à Téhéran"), up to the next victim."""
    end = sentence(token)[1]
    found = index.in_range(token.i + 1, end)
    starts = [next((i for i, a in found if a == part[0]), None) for part in parts]
    places: dict[tuple[ActorRef, ...], str] = {}
    for k, part in enumerate(parts):
        first = starts[k]
        if first is None:
            continue
        later = [s for s in starts[k + 1 :] if s is not None and s > first]
        stop = min(later) if later else end
        for i, actor in found:
            if first < i < stop and is_place(actor) and under_place_prep(index.doc[i], index, cues):
                places[part] = actor.name
                break
    return places


def _placed_state(actor: ActorRef, token: Token, index: ActorIndex, cues: Cues) -> ActorRef:
    """The state a place lies in: known to the knowledge base, else told by what follows it
    between commas ("Kherson, dans le sud de l'Ukraine", "Abéché, dans l'est du pays")."""
    state = state_of(actor)
    if actor.kind != "place" or state.kind == "state":
        return state
    doc = token.doc
    start, end = sentence(token)
    for i, found in index.in_range(start, end):
        if found != actor:
            continue
        k = i
        while k < end and index.at(doc[k]) == actor:
            k += 1
        if k >= end or doc[k].text not in (",", "("):
            continue
        for word in doc[k + 1 : min(k + 9, end)]:
            # "dans l'est du pays": a tagger may take "est" for the verb; a verb's own
            # auxiliary or copula ends the phrase
            if word.text in (",", ")", ";") or word.pos_ == "VERB":
                break
            if word.dep_.startswith(("aux", "cop")):
                break
            told = index.at(word)
            if told is not None and told.kind == "state":
                return told
            definite = any(feature(c, "Definite") == "Def" for c in word.children)
            if word.lemma_.casefold() in cues.state_nouns and definite:
                # "dans l'est du pays": the state the article is about
                return next(iter(index.main_state()), actor)
    return actor


def _foreign(visitors: tuple[ActorRef, ...], index: ActorIndex) -> bool:
    """True when every visitor is a person serving another state than the story's own."""
    home = index.main_state()
    if not visitors or not home or home[0].country is None:
        return False
    return all(a.kind == "person" and a.country not in (None, home[0].country) for a in visitors)


def _seat_at(actor: ActorRef, token: Token, index: ActorIndex, cues: Cues) -> bool:
    """True when the clause names `actor`, a seat of government, after a place preposition
    ("reçu à l'Élysée"): the building, not the body ("où siège l'Autorité" stays a party)."""
    if actor.kind != "organisation" or not is_seat(actor.name):
        return False
    start, end = clause_start(token, cues), clause_end(token, cues)
    return any(
        found == actor and under_place_prep(index.doc[i], index, cues)
        for i, found in index.in_range(start, end)
    )


def _from_abroad(guests: tuple[ActorRef, ...], hosts: tuple[ActorRef, ...]) -> bool:
    """True when every guest serves another state than every host (FORMAT.md: a foreigner
    received in the host's country is on a visit); unknown allegiances make no visit."""
    # a seat the parser took for a guest ("a reçu au Kremlin X") is where, not who
    theirs = {a.country for a in guests if a.kind in ("person", "state")}
    ours = {a.country for a in hosts if a.kind in ("person", "state")}
    return bool(theirs and ours) and None not in theirs | ours and not theirs & ours


def _aimed_words(token: Token, entry: Trigger, typed: set[tuple[int, str]]) -> bool:
    """True for an attack participle that qualifies an event noun of another kind ("les
    accusations visant X", "une demande visant Y"): what is aimed there is no strike."""
    if entry.type != "ASSAULT" or token.pos_ != "VERB" or token.dep_ not in ("acl", "acl:relcl"):
        return False
    head = token.head.i
    return any(i == head and kind != "ASSAULT" for i, kind in typed)


def _struck_states(
    verb: Token, source: tuple[ActorRef, ...], index: ActorIndex, cues: Cues
) -> tuple[ActorRef, ...]:
    """The states of the places named after an attack verb in its clause, other than the
    attacker's own ("a frappé neuf sites au Pakistan" -> Pakistan)."""
    own = {a.country for a in source if a.country is not None} | {a.name for a in source}
    found: list[ActorRef] = []
    for i, actor in index.in_range(verb.i + 1, clause_end(verb, cues)):
        if not (is_place(actor) and under_place_prep(index.doc[i], index, cues)):
            continue
        state = state_of(actor)
        if state.kind == "state" and state.country not in own and state.name not in own:
            found.append(state)
    return tuple(_unique(found))


def _aimed_at(
    token: Token, source: tuple[ActorRef, ...], index: ActorIndex, cues: Cues
) -> tuple[ActorRef, ...]:
    """The state a show of force is aimed at, named after a word of direction in its clause
    ("des manœuvres autour de X", "des navires au large de X"), and the place so named."""
    doc = token.doc
    own = {a.country for a in source if a.country is not None} | {a.name for a in source}
    for i, actor in index.in_range(token.i + 1, clause_end(token, cues)):
        j = index.start_of(doc[i]) - 1
        skipped = 0
        while j > 0 and skipped < 2 and doc[j].pos_ in ("DET", "ADP"):
            j, skipped = j - 1, skipped + 1  # "autour de l'île": the preposition, the article
        if not skipped or doc[j].lower_ not in cues.around_words:
            continue
        state = state_of(actor)
        if state.kind == "state" and state.name not in own and state.country not in own:
            return (state, actor)
    return ()


def _before_mention(index: ActorIndex, i: int) -> str:
    """The word before the mention at token `i`, past its article ("devant l'OMC": devant)."""
    doc = index.doc
    j = index.start_of(doc[i]) - 1
    if j > 0 and doc[j].pos_ == "DET":
        j -= 1
    return doc[j].lower_ if j >= 0 else ""


def _at_venues(token: Token, index: ActorIndex, cues: Cues) -> set[ActorRef]:
    """Actors named as the venue of the act in its clause ("devant l'OMC"): no party."""
    found = index.in_range(clause_start(token, cues), clause_end(token, cues))
    return {a for i, a in found if _before_mention(index, i) in cues.venue_preps}


def _counterpart(
    token: Token,
    source: tuple[ActorRef, ...],
    index: ActorIndex,
    cues: Cues,
    *,
    sentence_wide: bool,
) -> tuple[ActorRef, ...]:
    """The other state of a concession or sanction whose phrase names none: the first state
    after it in its clause ("la levée des restrictions à l'exportation vers X"), or, for a
    concession, the other state of its sentence ("X lève ..., tandis que Y retire sa plainte")."""
    own = {a.country for a in source if a.country is not None} | {a.name for a in source}
    venues = _at_venues(token, index, cues)
    start, end = sentence(token)
    spans = [(token.i + 1, clause_end(token, cues))]
    # "a dénoncé l'accord qui encadre la présence des forces américaines": the relative
    # clause that says what the object is names the other side
    spans += [
        (rel.left_edge.i, rel.right_edge.i + 1)
        for obj in token.children
        if obj.dep_ == "obj"
        for rel in obj.children
        if rel.dep_ == "acl:relcl"
    ]
    if sentence_wide:
        spans.append((start, end))
    for n, (lo, hi) in enumerate(spans):
        for _, actor in index.in_range(lo, hi):
            state = state_of(actor)
            if n > 0 and actor.kind == "organisation":
                state = state_served(actor)  # "les forces armées américaines": their state
            if actor in venues or state.kind != "state":
                continue
            if state.name not in own and state.country not in own:
                return (state,)
    return ()


def _ally(
    token: Token,
    source: tuple[ActorRef, ...],
    index: ActorIndex,
    cues: Cues,
    before: list[Event],
) -> tuple[ActorRef, ...]:
    """The state an unnamed ally is ("a apporté son soutien à son allié"): the state others
    struck, seized or threatened before, else the state told of most, adjectives counted."""
    doc = token.doc
    if not any(possessive_ally(w, cues) for w in doc[token.i + 1 : clause_end(token, cues)]):
        return ()
    own = {a.name for a in source} | {state_served(a).name for a in source}
    victims = Counter(
        state
        for event in before
        if event.type in _HOSTILE and not {a.name for a in event.source} & own
        for state in {state_served(a) for a in event.target}
        if state.kind == "state" and state.name not in own
    )
    # only run when an unnamed ally is there: the whole article's states, adjectives too
    named = Counter(
        actor
        for _, actor in index.in_range(0, len(doc))
        if actor.kind == "state" and actor.name not in own
    )
    for counts in (victims, named):
        ranked = counts.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
            return (ranked[0][0],)
    return ()


_HOSTILE = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION"})


def _purpose_of_act(token: Token, entry: Trigger, typed: set[tuple[int, str]]) -> bool:
    """True for a protest or blame told as the purpose of another act ("a convoqué
    l'ambassadeur pour protester contre X"): one act, told by the other verb."""
    if entry.type not in ("PROTEST", "ACCUSE") or token.pos_ != "VERB":
        return False
    if token.dep_ not in ("advcl", "xcomp", "acl") or feature(token, "VerbForm") != "Inf":
        return False
    head = token.head
    if head.pos_ == "NOUN" and head.dep_ == "obj":
        head = head.head  # "convoqué l'ambassadeur pour protester": the parse hangs it on him
    return any(i == head.i and kind in ("ACCUSE", "SANCTION", "PROTEST") for i, kind in typed)


def _with_envoys_states(
    token: Token, target: tuple[ActorRef, ...], cues: Cues
) -> tuple[ActorRef, ...]:
    """The target and, when an envoy noun follows the trigger in its clause ("a convoqué
    l'ambassadeur chinois, X"), the states its people serve."""
    words = token.doc[token.i + 1 : clause_end(token, cues)]
    if not any(w.lemma_.casefold() in cues.envoy_nouns for w in words):
        return target
    states = [state_served(a) for a in target if a.kind == "person"]
    return tuple(_unique([*target, *(s for s in states if s.kind == "state")]))


def _around_places(
    token: Token, target: tuple[ActorRef, ...], index: ActorIndex, cues: Cues
) -> list[ActorRef]:
    """The places of `target` named after a word of direction in the sentence of `token`
    ("au large de Bombay", "près des îles Paracels")."""
    doc = token.doc
    found: list[ActorRef] = []
    for i, actor in index.in_range(token.i + 1, sentence(token)[1]):
        if actor.kind != "place" or actor not in target:
            continue
        j = index.start_of(doc[i]) - 1
        skipped = 0
        while j > 0 and skipped < 2 and doc[j].pos_ in ("DET", "ADP"):
            j, skipped = j - 1, skipped + 1
        if skipped and doc[j].lower_ in cues.around_words:
            found.append(actor)
    return found


def _common_group(actor: ActorRef) -> bool:
    """True for a group named by a common noun ("les autorités du Tigré"), not "Hezbollah"."""
    return actor.kind == "group" and actor.name[:1].islower()


def _finest(location: str | None, struck_at: str | None, part: tuple[ActorRef, ...]) -> str | None:
    """The place an act names among its parties ("a bombardé la ville de Kharkiv") over no
    place or the state of its target."""
    states = {a.name for a in part if a.kind == "state"}
    return struck_at if struck_at and (location is None or location in states) else location


def _agreed_content(token: Token, typed: set[tuple[int, str]]) -> bool:
    """True for a verb that says what an agreement or promise is about ("ont convenu de
    partager leurs renseignements"): the AGREE is the event, the act is not done yet."""
    head = token
    for _ in range(3):
        if head.dep_ not in ("xcomp", "conj", "ccomp") or head.head.i == head.i:
            return False
        head = head.head
        if head.pos_ == "VERB" and (head.i, "AGREE") in typed:
            return True
    return False


def _requested_meeting(
    token: Token, entry: Trigger, typed: set[tuple[int, str]], timex_tokens: set[int]
) -> bool:
    """True for a meeting noun a party asks for whose sentence says when it is to be held
    ("a demandé une réunion du Conseil, qui doit se tenir jeudi"): a meeting planned."""
    if entry.type != "CONSULT" or token.pos_ != "NOUN" or not token.dep_.startswith("obj"):
        return False
    dated = any(i in timex_tokens for i in range(token.i + 1, sentence(token)[1]))
    return dated and (token.head.i, "REQUEST") in typed


def _asked_body(
    verb: Token, typed: set[tuple[int, str]], index: ActorIndex
) -> tuple[ActorRef, ...]:
    """The body whose meeting a request asks for ("demander une réunion du Conseil de
    sécurité"): the addressee of the request."""
    found: list[ActorRef] = []
    for noun in verb.children:
        if noun.dep_.startswith("obj") and (noun.i, "CONSULT") in typed:
            inside = index.in_range(noun.i + 1, noun.right_edge.i + 1)
            found += [a for _, a in inside if a.kind == "organisation"]
    return tuple(_unique(found))


def _body_meeting(source: tuple[ActorRef, ...], target: tuple[ActorRef, ...]) -> bool:
    """True for a meeting of one body and no other party ("la réunion du Conseil de
    sécurité", "l'Assemblée générale s'est réunie")."""
    parties = _unique([*source, *target])
    if len(parties) != 1 or parties[0].kind != "organisation":
        return False
    # a named body, not a common noun ("des chefs d'état-major") nor a building
    return not parties[0].name[:1].islower() and not is_seat(parties[0].name)


def _placed(token: Token, index: ActorIndex, cues: Cues) -> set[ActorRef]:
    """Bodies the clause names after the act and a place preposition ("ont paraphé le texte
    au département d'État"); before it, "à X" is rather what is joined or aimed at."""
    found = index.in_range(token.i + 1, clause_end(token, cues))
    return {
        a
        for i, a in found
        if a.kind == "organisation" and under_place_prep(index.doc[i], index, cues)
    }


def _standing(verb: Token) -> bool:
    """True for a verb in the present in a relative clause of a sentence told in the past
    ("X avait expulsé l'ambassadeur, qu'il accuse d'ingérence"): a standing claim with no
    date of its own, not an act of the day the sentence tells."""
    relative = verb.dep_ in ("acl", "acl:relcl")
    # the present, or a participle the tagger made of it; not "ce qu'il demandait" (a past)
    present = feature(verb, "Tense") == "Pres" or feature(verb, "VerbForm") == "Part"
    if verb.pos_ != "VERB" or not relative or not present:
        return False
    # a relative with its own subject and no auxiliary is finite, whatever the tagger says
    # of its form ("que les autorités accusent" tagged as a participle)
    subject = any(c.dep_.startswith("nsubj") for c in verb.children)
    if not subject or any(c.dep_.startswith("aux") for c in verb.children):
        return False
    root = verb
    while root.head.i != root.i:
        root = root.head
    past = feature(root, "Tense") in ("Past", "Imp")
    return past or any(c.dep_ == "aux:tense" for c in root.children)


def _at_home(
    where: str | None, token: Token, source: tuple[ActorRef, ...], index: ActorIndex
) -> bool:
    """True when the place named is in the state of the source ("le retour à Paris" of a
    French withdrawal): not the place left."""
    if where is None:
        return False
    own = {a.country for a in source if a.country is not None}
    start, end = sentence(token)
    return any(
        a.name == where and state_of(a).country in own for _, a in index.in_range(start, end)
    )


def _named_in(actor: ActorRef, token: Token, index: ActorIndex) -> bool:
    """True when the sentence names `actor` by a noun or name, not by an adjective
    ("les chefs d'État de la CEDEAO", not "les dirigeants européens")."""
    start, end = sentence(token)
    return any(a == actor and index.doc[i].pos_ != "ADJ" for i, a in index.in_range(start, end))


def _sides(actors: tuple[ActorRef, ...]) -> set[str]:
    """Names and states of `actors`, to tell whether two groups are on the same side."""
    return {a.name for a in actors} | {a.country for a in actors if a.country is not None}


def _warned(
    verb: Token, source: tuple[ActorRef, ...], index: ActorIndex, cues: Cues
) -> tuple[ActorRef, ...]:
    """The parties named in what a warning says ("a averti que toute attaque de X aurait des
    conséquences", "... sur l'adhésion des deux pays")."""
    if verb.pos_ != "VERB":
        return ()
    said = [c for c in verb.children if c.dep_ == "ccomp"]
    own = _sides(source)
    found: list[ActorRef] = []
    for clause in said:
        for word in clause.subtree:
            if word.pos_ not in ("NOUN", "PROPN") or index.start_of(word) != word.i:
                continue
            for actor in np_actors(word, index):
                if actor.kind != "place" and not ({actor.name, actor.country} & own):
                    found.append(actor)
    return tuple(_unique(found))


def _provoker(source: tuple[ActorRef, ...], before: list[Event]) -> tuple[ActorRef, ...]:
    """Who last struck, sanctioned, accused or pressed the source ("X a frappé Y ... Y promet
    de riposter"): the party a retaliation or a refusal answers."""
    own = _sides(source)
    for event in reversed(before):
        if event.type not in _PROVOCATIONS or _sides(event.source) & own:
            continue
        if _sides(event.target) & own:
            return event.source
    return ()


_PROVOCATIONS = frozenset({"ASSAULT", "SANCTION", "ACCUSE", "REQUEST", "THREATEN", "COERCE"})


def _with_states(actors: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    """`actors` and the states of the armed bodies among them ("l'armée française": France)."""
    states = [
        state_of(ActorRef(a.actor_id, a.name, "place", a.country))
        for a in actors
        if a.kind == "organisation" and a.country is not None
    ]
    return tuple(_unique([*actors, *(s for s in states if s.kind == "state")]))


def _requested_content(token: Token, typed: set[tuple[int, str]]) -> bool:
    """True for an act a request asks for through an infinitive ("a chargé X de renouer le
    dialogue", "a exhorté X à retirer ses troupes"): the request is the event."""
    word = token
    for _ in range(3):
        if word.dep_ not in ("xcomp", "obj", "conj", "ccomp") or word.head.i == word.i:
            return False
        asked = word.dep_ == "obj" and word is token and token.pos_ == "NOUN"
        if asked and (word.head.i, "REQUEST") in typed:
            return False  # "demander une réunion du Conseil": the meeting asked for
        word = word.head
        infinitive = feature(word, "VerbForm") == "Inf"
        if word.pos_ == "VERB" and (word.i, "REQUEST") in typed and word.i != token.i:
            return True
        if word.pos_ == "VERB" and not infinitive:
            return False
    return False


def _test_launch(verb: Token, cues: Cues) -> bool:
    """True for a verb that launches a test weapon as its object ("tirer un missile
    balistique"), whatever else the sentence says."""
    if verb.pos_ != "VERB":
        return False
    # "tirer des missiles sur X": the parse hangs "sur X" on the verb or on the weapon
    aimed = any(case_of(w) in cues.aim_preps for w in descendants(verb))
    launched = any(
        c.dep_ == "obj" and c.lemma_.casefold() in cues.test_weapons for c in verb.children
    )
    return launched and not aimed  # "tirer des missiles sur X" aims at X, test or not


def _states_only(actors: tuple[ActorRef, ...]) -> bool:
    return bool(actors) and all(a.kind == "state" for a in actors)


def _unique(actors: list[ActorRef]) -> list[ActorRef]:
    seen: set[str] = set()
    kept: list[ActorRef] = []
    for actor in actors:
        if actor.name.casefold() not in seen:
            seen.add(actor.name.casefold())
            kept.append(actor)
    return kept


def _not_own_state(
    source: tuple[ActorRef, ...], target: tuple[ActorRef, ...]
) -> tuple[ActorRef, ...]:
    """The target without the state its own people serve ("X témoigne de la solidarité de la
    France au peuple ukrainien": X, French, supports Ukraine), if another target remains."""
    own = {a.country for a in source if a.kind == "person" and a.country is not None}
    kept = tuple(a for a in target if not (a.kind == "state" and a.country in own))
    return kept or target


def _named_first(actors: list[ActorRef]) -> list[ActorRef]:
    """Parties without the generic bodies ("armée de l'air": a common noun, no name) when at
    least two named parties remain ("un exercice de l'armée de l'air entre X et Y")."""
    named = [a for a in actors if not (a.kind == "organisation" and a.name[:1].islower())]
    return named if len(named) >= 2 else actors


def _parties(frame: Frame, mutual: bool) -> tuple[tuple[ActorRef, ...], tuple[ActorRef, ...]]:
    source, target = _unique(list(frame.source)), _unique(list(frame.target))
    if mutual:
        # "se sont entendus à Ohrid": a mutual act is between parties, never with a place
        target = [a for a in target if a.kind != "place"]
        source, target = _named_first(source), _named_first(target)
    if mutual and len(_unique([*source, *target])) > 1:
        both = tuple(_unique([*source, *target]))
        return both, both
    names = {a.name.casefold() for a in source}
    return tuple(source), tuple(a for a in target if a.name.casefold() not in names)


def extract_events(doc: Doc, matcher: TriggerIndex, lexicon: Lexicon) -> list[Event]:
    """Every event the Doc states, de-duplicated."""
    cues = lexicon.cues
    index = ActorIndex.of(doc)
    quotes = find_quotes(text_of(doc), load_quote_lexicon())
    timex_tokens: set[int] = set()
    for timex in doc._.timexes or ():
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is not None:
            timex_tokens.update(t.i for t in span)
    events: list[Event] = []
    triggered: list[tuple[Token, Event]] = []
    receptions: set[tuple[int, str]] = set()
    noun_visits: set[tuple[int, str]] = set()
    hosted: set[tuple[int, str]] = set()
    hits = find_triggers(doc, matcher, lexicon)
    typed = {(h.token.i, h.entry.type) for h in hits}
    for hit in hits:
        token, entry = hit.token, hit.entry
        if means(token, entry, typed):
            continue
        if token.pos_ == "NOUN" and (token.head.i, "CONCEDE") in typed:
            continue  # "la levée des sanctions": what is given up is not done anew
        if entry.type not in ("CONSULT", "AGREE") and _agreed_content(token, typed):
            # "ont convenu de partager des renseignements", "d'inviter X à": the agreement
            # only; a meeting agreed on is told as planned
            continue
        if _purpose_of_act(token, entry, typed):
            continue  # "a convoqué l'ambassadeur pour protester": the summons is the protest
        if _requested_content(token, typed):
            continue  # "ont chargé X de renouer le dialogue": asked for, not done
        if _aimed_words(token, entry, typed):
            continue  # "les accusations visant Caracas": words aimed at X, no attack
        speaker = None
        if inside(quotes, token.idx) and not quoted_ok(token, quotes, index):
            speaker = first_person_speaker(token, doc)
            if speaker is None and agentless_blame(token, entry):
                # "« X doit être tenu pour responsable », a dit Y": the blame is Y's
                speaker = quote_speaker(token, doc)
            if speaker is None:
                continue
        requested = _requested_meeting(token, entry, typed, timex_tokens)
        if not (licensed(hit, cues, timex_tokens) or requested) and not framed(hit, index, cues):
            continue
        status = "planned" if requested else verdict(token, cues)
        if entry.negated or entry.future or agentless_blame(token, entry):
            # "ne reconnaîtra pas", "répondra", "doit être tenu pour responsable": said now,
            # the saying is the act itself
            status = "occurred"
        if status == "negated" or status == "hypothetical":
            # decided: what did not happen, or might, is no event of the record
            continue
        maker = verb_frame if token.pos_ == "VERB" else noun_frame
        frame = maker(token, entry, index, cues)
        source, target = _parties(frame, entry.mutual)
        if entry.mutual:
            # "ont paraphé le texte au département d'État": where it was signed, not who
            signed_at = _placed(token, index, cues)
            source = tuple(a for a in source if a not in signed_at) or source
            target = tuple(a for a in target if a not in signed_at) or target
        if entry.type != "CONSULT":
            # "Manille accuse", "Kiev a demandé": a city acting is its state's government
            source = tuple(acting_state(a) for a in source)
        if not source and inside(quotes, token.idx):
            # "« X doit être tenu pour responsable », a déclaré Y": Y says what the words do
            said = quote_speaker(token, doc)
            source = (said,) if said is not None else ()
        if entry.type == "CONSULT":
            # "le président américain X a reçu les deux délégations": not his own state
            target = _not_own_state(source, target)
        # a group and the region it rules are one side ("les autorités du Tigré")
        sides = _unique([a for a in (*source, *target) if not _common_group(a)])
        if entry.mutual and entry.requires_child and (source or target) and len(sides) <= 1:
            # "les séparatistes ont accepté un cessez-le-feu": with the state the story is about
            other = index.main_state(exclude=source)
            if other and all(a.kind != "person" for a in source):
                source = target = tuple(_unique([*source, *other]))
        if speaker is not None:
            # "« Je condamne cette attaque », a déclaré X": X does what the words say
            source = (speaker,)
            target = tuple(a for a in target if a != speaker)
        if entry.host and not guest(token, index, cues):
            continue  # "a reçu des chars", "a reçu une lettre de X": no visit
        abroad = False
        if entry.host and target:
            # "X reçoit Y (à Kiev)": Y is the visitor, the city where
            source, target = tuple(a for a in target if a.kind != "place"), source
            abroad = _from_abroad(source, target)
        implicit_target = False
        struck_at: str | None = None  # a place named as a party, kept as where
        if entry.target == "place" and not target and frame.place is not None:
            # a visit to Tel-Aviv is a visit to Israël; a town of no known state stays the
            # place (a stop of the trip told before, not another visit to the state)
            target = (state_of(frame.place),)
            seat = seat_in(token, frame.place, index, cues) if target[0].kind == "place" else None
            target = (seat,) if seat is not None else target
        elif entry.target == "place" and not target and _foreign(source, index):
            target = index.main_state()  # "X, qui était en visite": in the story's state
            implicit_target = True
        if entry.type != "CONSULT" and target:
            venues = _at_venues(token, index, cues)
            target = tuple(a for a in target if a not in venues)  # "devant l'OMC": where
        if entry.type in ("CONCEDE", "SANCTION") and not target:
            wide = entry.type == "CONCEDE"
            target = _counterpart(token, source, index, cues, sentence_wide=wide)
        if entry.type != "CONSULT":
            # "rappeler son ambassadeur à Abidjan": a city stands for its state
            target = tuple(_placed_state(a, token, index, cues) for a in target)
            target = target if entry.mutual else _not_own_state(source, target)
            directed = _around_places(token, target, index, cues)
            if directed and any(a.kind != "place" for a in target):
                # "un pétrolier au large de Bombay": a place of no known state named by a
                # word of direction beside a party is where, not whom the act was aimed at
                struck_at = directed[0].name
                target = tuple(a for a in target if a not in directed)
        if entry.mode == "withdraw" and token.pos_ == "NOUN":
            # "le retrait des soldats français ... le retour à Paris": one leaves a foreign place
            own = {a.country for a in source if a.country is not None}
            target = tuple(a for a in target if not (a.kind == "state" and a.country in own))
        if entry.type == "CONSULT" and entry.mode != "visit":
            # a meeting is between parties, not with the building it is held in
            target = tuple(a for a in target if a.kind != "place")
        if entry.type == "CONSULT":
            # "reçu à l'Élysée": a seat of government is where a meeting is held, not who meets
            source = tuple(a for a in source if not _seat_at(a, token, index, cues))
            target = tuple(a for a in target if not _seat_at(a, token, index, cues))
        if not source and entry.type == "CONSULT" and len(target) > 1:
            source, target = target, ()  # "les délégations se sont retrouvées en présence de X, Y"
        # "depuis l'invasion russe", "la France rappelle son ambassadeur": the state the
        # article is about is the one attacked or left; a verb of attack with no victim is
        # more often a test or a show of force ("a tiré deux missiles"), so nouns only
        implicit = (entry.type == "ASSAULT" and token.pos_ == "NOUN") or entry.mode == "withdraw"
        # "le retrait des militaires français": an army leaves, as its state would
        leavers = entry.mode == "withdraw" and all(
            a.kind in ("state", "organisation") and a.country is not None for a in source
        )
        if leavers and entry.type == "RETREAT":
            source = _with_states(source)  # the troops' state withdraws them
        if implicit and not target and (_states_only(source) or leavers) and one_act(hit):
            # where it happened: the state attacked, or left by its troops
            implicit_target = entry.type == "ASSAULT" or (leavers and entry.type == "RETREAT")
            target = index.main_state(exclude=source)
        if entry.type == "CONSULT" and entry.mode == "visit":
            # "X a accueilli Y pour sa première visite au Brésil": X, Brazilian, is the host;
            # a person's own country is never where he visits
            home = {a.country for a in source if a.kind == "person" and a.country is not None}
            target = tuple(a for a in target if not (a.kind == "state" and a.country in home))
        mode = entry.mode
        gathering = entry.type == "CONSULT" and entry.target == "none"
        if entry.type == "CONSULT" and _body_meeting(source, target):
            if gathering and not _named_in(source[0], token, index):
                continue  # "les dirigeants européens réunis": leaders, not the body's meeting
            mode = "multilateral"  # "le Conseil de sécurité s'est réuni": a body meets
        elif gathering and entry.mode == "multilateral":
            continue  # "les dirigeants de X et Y se sont réunis": told by its meeting noun
        elif not source or (entry.type == "CONSULT" and len(_unique([*source, *target])) < 2):
            continue
        if entry.plural_subject and any(a.kind != "person" for a in source):
            continue  # "les deux hommes ont discuté": people who met, not states in talks
        kind = entry.type
        if kind == "ASSAULT" and not target and _test_launch(token, cues):
            kind = "MOBILIZE"  # "a tiré un missile qui s'est abîmé en mer": a test, no victim
        elif kind == "ASSAULT" and not target and token.pos_ == "VERB":
            # "X a frappé des sites au Pakistan": the state struck is where the strikes fell
            target = _struck_states(token, source, index, cues)
        around: str | None = None
        if kind == "MOBILIZE" and not target and (aimed := _aimed_at(token, source, index, cues)):
            target, around = aimed[:1], aimed[1].name  # "des manœuvres autour de X": at X
        if kind == "REQUEST" and not target:
            target = _asked_body(token, typed, index)  # "demander une réunion du Conseil"
        if not target and kind not in ("CONSULT", "MOBILIZE"):
            # "a apporté son soutien à son allié"
            target = _ally(token, source, index, cues, events)
        if kind == "REJECT" and entry.untargeted:
            # "a démenti avoir bombardé le marché": what is denied is no party; the denial
            # answers whoever made the charge, if the text told it
            target = ()
        if kind in ("THREATEN", "REJECT") and not target:
            # "a averti que toute attaque de X aurait des conséquences": X is warned; "promet
            # de riposter", "refuse d'obtempérer": to whoever struck or demanded before
            target = _warned(token, source, index, cues) or _provoker(source, events)
            if _states_only(source):
                # "Pékin a rejeté ces accusations" (of a Philippine officer): the Philippines
                target = tuple(_unique([state_served(a) for a in target]))
        needs_target = entry.target != "none" and kind not in ("CONSULT", "MOBILIZE")
        if not target and needs_target and not untargeted(token, entry, quotes, cues):
            continue
        if mode == "multilateral" and any(
            c.lemma_.casefold() in cues.bilateral_words or c.lower_ in cues.bilateral_words
            for c in token.children
        ):
            mode = "meet"  # "un sommet bilatéral": two parties meet
        if entry.type == "CONSULT" and by_phone(token, cues):
            mode = "phone"  # "s'est entretenu par téléphone avec X"
        # an implicit target ("l'invasion russe", "X était en visite") is where it happened
        implied = target[0].name if implicit_target and len(target) == 1 else around
        start, end, text = evidence(doc, token)
        if abroad and mode == "meet":
            receptions.add((start, token.text))  # a foreign guest visits the host's country
        if token.pos_ == "NOUN" and mode == "visit":
            noun_visits.add((start, token.text))
        if entry.host:
            hosted.add((start, token.text))
        parts = [target]
        if entry.type == "CONSULT" and len(target) > 1 and all(a.kind == "state" for a in target):
            parts = [(a,) for a in target]  # a tour of several states: one meeting each
        elif entry.type == "CONSULT" and len(target) > 1:
            parts = _apart(token, target, index, cues)
        elif entry.of == "target" and token.pos_ == "NOUN" and len(target) > 1:
            parts = [(a,) for a in target]  # "la libération de X et de Y": one act each
        places = _victim_places(token, parts, index, cues) if len(parts) > 1 else {}
        if kind != "CONSULT":
            # "a convoqué l'ambassadeur chinois, X": X and the state he serves
            parts = [_with_envoys_states(token, part, cues) if part else part for part in parts]
        spot = clause_location(token, index, cues, frame)
        if entry.type == "RETREAT" and _at_home(spot, token, source, index):
            # "le retour à Paris ... et le retrait des militaires": one withdraws from abroad
            spot, implied = None, target[0].name if len(target) == 1 else None
        date, date_from = _date(doc, token, future=status == "planned")
        if _standing(token):
            date, date_from = None, "none"  # "l'ambassadeur, que Niamey accuse d'ingérence"
        confidence = 0.5 + 0.2 * frame.syntactic + 0.1 * (token.pos_ == "VERB")
        made = [
            Event(
                type=kind,
                source=source,
                target=part,
                status=status,
                evidence_start=start,
                evidence_end=end,
                evidence=text,
                trigger=token.text,
                mode=mode,
                date=date,
                date_from=date_from if date_from in ("text", "published") else "none",  # type: ignore[arg-type]
                location=_finest(places.get(part) or spot or implied, struck_at, part),
                confidence=min(confidence, 1.0),
            )
            for part in parts
        ]
        events.extend(made)
        triggered.extend((token, e) for e in made)
    events = hosts_met(purposes(triggered, events))
    lead, title = lead_end(text_of(doc)), title_end(text_of(doc))
    # receptions become visits once the guest's trips are merged: the reception stays an
    # event of its own beside the trip ("X est arrivé à Kiev, où il a été reçu par Y")
    trips = fold_visits(
        merge_visits(deduplicate(events, lead=lead, title=title)),
        title=title,
        nouns=noun_visits,
        hosted=hosted,
    )
    visits = received_as_visits(trips, receptions)
    return as_written(carry_locations(visits), index)
