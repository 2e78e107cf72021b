"""Events of one Doc: triggers -> frames -> status, date, place, evidence -> de-duplicated."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from importlib import import_module
from itertools import pairwise
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from ..doctext import text_of
from ..records import ActorRef, Event, PartialDate, Quote
from .actors import ActorIndex, is_place, state_of
from .clauses import case_of, feature, np_actor, sentence, under_place_prep
from .frames import Frame, noun_frame, seat_in, verb_frame
from .lexicon import Cues, Lexicon, Trigger, load_lexicon, load_quote_lexicon
from .parties import AGENT_PREPS, OF_PREPS
from .places import carry_locations, clause_location
from .spans import QuoteSpan, evidence, find_quotes, inside
from .status import anchored, verdict
from .triggers import Hit, find_triggers


def _event_date_function() -> Callable[..., Any] | None:
    try:
        module = import_module("veilleur.temporal")
    except ImportError:
        return None
    func = getattr(module, "event_date", None)
    return func if callable(func) else None


def _date(doc: Doc, token: Token, *, future: bool) -> tuple[PartialDate | None, str]:
    event_date = _event_date_function()
    if event_date is not None:
        value, source = event_date(doc, token, future=future)
        return value, str(source)
    published: PartialDate | None = doc._.published
    if published is None:
        return None, "none"
    # without the time component, the publication year is all that is safe
    return published.truncate("year"), "published"


def _quoted_ok(token: Token, quotes: list[QuoteSpan], index: ActorIndex) -> bool:
    """A trigger inside quotation marks counts when the quotation is part of a sentence that
    names its actor outside it ("Ils « ont signé un accord »"), or when its subject is named
    ("« Gallant a remercié Kurilla »"); first-person speech is left to the quotation."""
    span = next(q for q in quotes if q.open_at <= token.idx < q.close_at)
    subjects = [c for c in token.children if c.dep_.startswith("nsubj")]
    if any(index.at(s) is not None and s.pos_ != "PRON" for s in subjects):
        return True
    head = token
    for _ in range(5):
        subjects = [c for c in head.children if c.dep_.startswith("nsubj")]
        if subjects:
            # a quotation completing a sentence of the narration: its subject is outside
            return token.pos_ == "VERB" and not span.open_at <= subjects[0].idx < span.close_at
        if head.head.i == head.i or not (
            head.dep_ in ("conj", "xcomp", "acl", "advcl") or head.pos_ == "NOUN"
        ):
            return False
        if head.dep_ == "advcl" and _evaluative(head.head):
            return False  # "remercier X pour avoir « soutenu Y »": X's act, not the subject's
        head = head.head
    return False


def _first_person_speaker(token: Token, doc: Doc) -> ActorRef | None:
    """The speaker of the quotation a first-person verb stands in ("« Je condamne ... », a
    déclaré X"), when the quotes stage found one; None otherwise."""
    if token.pos_ != "VERB":
        return None
    subjects = [c for c in token.children if c.dep_.startswith("nsubj")]
    if not subjects or feature(subjects[0], "Person") != "1" or subjects[0].pos_ != "PRON":
        return None
    quotes: list[Quote] = doc._.quotes or []
    said = next((q for q in quotes if q.start <= token.idx < q.end), None)
    return said.speaker if said is not None else None


def _evaluative(verb: Token) -> bool:
    """True for a verb that judges someone's act (thanks, praise, blame)."""
    kinds = {e.type for e in load_lexicon().entries(verb.lemma_.casefold(), "verb")}
    return bool(kinds & {"SUPPORT", "ACCUSE"})


def _untargeted(token: Token, entry: Trigger, quotes: list[QuoteSpan], cues: Cues) -> bool:
    """True for acts that need no target: an expressed feeling ("a réitéré sa sympathie") or
    a plea whose words are quoted ("« ... », a-t-il plaidé")."""
    if entry.type == "SUPPORT" and entry.requires_child:
        # no recipient named at all, not one we failed to read ("envers le gouvernement")
        window = token.doc[token.i + 1 : min(token.i + 8, len(token.doc))]
        return not any(w.lower_ in cues.recipient_preps for w in window)
    if entry.type != "REQUEST":
        return False
    before = text_of(token.doc)[max(0, token.idx - 12) : token.idx]
    return any(before.rfind(q_end) >= 0 for q_end in ("»", "”", '"')) and "," in before


def _by_phone(token: Token, cues: Cues) -> bool:
    """True when the trigger or its noun says the talk was remote ("par téléphone")."""
    words = [*token.children, *(g for c in token.children for g in c.children)]
    return any(w.lemma_.casefold() in cues.phone_words for w in words)


def _framed(hit: Hit, index: ActorIndex, cues: Cues) -> bool:
    """A nominal event whose phrase names its parties ("un appel entre X et Y") or, for a
    visit, who goes where ("X est aux États-Unis pour une visite d'État") counts too."""
    if hit.token.pos_ != "NOUN":
        return False
    frame = noun_frame(hit.token, hit.entry, index, cues)
    return frame.syntactic or (frame.place is not None and bool(frame.source))


def _licensed(hit: Hit, cues: Cues, timex_tokens: set[int]) -> bool:
    """A nominal event counts when something ties it to an occasion: a support verb ("tenir
    une réunion"), a time, a plan or an attribution; a bare mention ("la guerre") does not."""
    token = hit.token
    if token.pos_ != "NOUN":
        return True
    head = token.head
    if head.pos_ == "NOUN" and token.dep_ == "nmod" and head.head.pos_ == "VERB":
        head = head.head  # "tenir une série de consultations"
    lemma = head.lemma_.casefold()
    if head.pos_ == "VERB" and lemma in cues.support_verbs | cues.participant_verbs:
        return True
    if any(c.dep_ in ("acl", "acl:relcl") for c in token.children):
        return True
    return anchored(token, cues, timex_tokens)


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


def _means(token: Token, entry: Trigger, typed: set[tuple[int, str]]) -> bool:
    """True for an event noun that is how a verb of its type happened ("une frappe a tué X",
    "tué par une frappe"), or a bare participle describing an event noun of its type ("une
    opération ciblée"): one event, told by the other word."""
    if token.pos_ == "VERB":
        bare = not any(c.dep_.startswith(("aux", "obj")) for c in token.children)
        modifier = token.dep_ in ("acl", "amod", "nmod") and feature(token, "VerbForm") == "Part"
        if bare and modifier and (token.head.i, entry.type) in typed:
            return True
        # "une frappe que X a imputée à Y, ayant visé son consulat": the strike's own act
        head = token.head if token.dep_ == "advcl" else None
        subject = any(c.dep_.startswith("nsubj") for c in token.children)
        return (
            head is not None
            and not subject
            and head.dep_ in ("acl", "acl:relcl")
            and (head.head.i, entry.type) in typed
        )
    if token.pos_ != "NOUN":
        return False
    if case_of(token) in AGENT_PREPS:
        # "l'assassinat de X, à Beyrouth, par une frappe": the killing told by its means
        start = max(sentence(token)[0], token.i - 20)
        for i in range(token.i - 1, start - 1, -1):
            if token.doc[i].pos_ == "VERB":
                return False  # "la guerre déclenchée par l'attaque": the attack's own event
            if (i, entry.type) in typed:
                return True
        return False
    return token.dep_.startswith(("nsubj", "obl:agent")) and (token.head.i, entry.type) in typed


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


def _foreign(visitors: tuple[ActorRef, ...], index: ActorIndex) -> bool:
    """True when every visitor is a person serving another state than the story's own."""
    home = index.main_state()
    if not visitors or not home or home[0].country is None:
        return False
    return all(a.kind == "person" and a.country not in (None, home[0].country) for a in visitors)


def _one_act(hit: Hit) -> bool:
    """True for one attack whose victim the text leaves implicit: a singular noun ("l'invasion
    russe"), or a verb with no object but its weapons; not a wave of attacks ("des attentats")
    nor an attack on a thing the text names ("ayant visé son consulat")."""
    token = hit.token
    if token.pos_ == "NOUN":
        return feature(token, "Number") != "Plur"
    objects = [c for c in token.children if c.dep_ == "obj"]
    means = set(hit.entry.requires_child)  # the weapons, the envoy recalled
    return all(o.lemma_.casefold() in means for o in objects)


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


def _guest(verb: Token, index: ActorIndex, cues: Cues) -> bool:
    """True when what a host receives is a party (a person, a state, a delegation named), or
    a call: not a thing ("des chars allemands") nor a thing from someone ("une lettre de X")."""
    objects = [
        c for c in verb.children if c.dep_ == "obj" and c.lemma_.casefold() not in cues.time_words
    ]
    return not objects or any(_receivable(o, index, cues) for o in objects)


def _receivable(head: Token, index: ActorIndex, cues: Cues) -> bool:
    """True when a received object is a party or a call (see `_guest`)."""
    if head.lemma_.casefold() in cues.phone_words:
        return True
    if index.at(head) is not None and head.pos_ != "ADJ":
        return True
    actor = np_actor(head, index)
    if actor is None or actor.kind != "person":
        return False  # "des chars allemands": a thing, whatever its adjective
    for word in head.subtree:
        if index.at(word) != actor:
            continue
        step = word
        while step.i != head.i:
            if step.dep_ == "nmod" and case_of(step) in OF_PREPS:
                return False  # "une lettre du roi X": the thing of a person
            step = step.head
    return True


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
        source, target = _named_first(source), _named_first(target)
    if mutual and len(_unique([*source, *target])) > 1:
        both = tuple(_unique([*source, *target]))
        return both, both
    names = {a.name.casefold() for a in source}
    return tuple(source), tuple(a for a in target if a.name.casefold() not in names)


def extract_events(doc: Doc, matcher: Matcher, lexicon: Lexicon) -> list[Event]:
    """Every event the Doc states, de-duplicated."""
    cues = lexicon.cues
    index = ActorIndex(doc)
    quotes = find_quotes(text_of(doc), load_quote_lexicon())
    timex_tokens: set[int] = set()
    for timex in doc._.timexes or ():
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is not None:
            timex_tokens.update(t.i for t in span)
    events: list[Event] = []
    triggered: list[tuple[Token, Event]] = []
    hits = find_triggers(doc, matcher, lexicon)
    typed = {(h.token.i, h.entry.type) for h in hits}
    for hit in hits:
        token, entry = hit.token, hit.entry
        if _means(token, entry, typed):
            continue
        speaker = None
        if inside(quotes, token.idx) and not _quoted_ok(token, quotes, index):
            speaker = _first_person_speaker(token, doc)
            if speaker is None:
                continue
        if not _licensed(hit, cues, timex_tokens) and not _framed(hit, index, cues):
            continue
        status = verdict(token, cues)
        if status == "negated" or status == "hypothetical":
            # decided: what did not happen, or might, is no event of the record
            continue
        maker = verb_frame if token.pos_ == "VERB" else noun_frame
        frame = maker(token, entry, index, cues)
        source, target = _parties(frame, entry.mutual)
        if speaker is not None:
            # "« Je condamne cette attaque », a déclaré X": X does what the words say
            source = (speaker,)
            target = tuple(a for a in target if a != speaker)
        if entry.host and not _guest(token, index, cues):
            continue  # "a reçu des chars", "a reçu une lettre de X": no visit
        if entry.host and target:
            # "X reçoit Y (à Kiev)": Y is the visitor, the city where
            source, target = tuple(a for a in target if a.kind != "place"), source
        implicit_target = False
        if entry.target == "place" and not target and frame.place is not None:
            target = (state_of(frame.place),)  # a visit to Tel-Aviv is a visit to Israël
            seat = seat_in(token, frame.place, index, cues) if target[0].kind == "place" else None
            target = (seat,) if seat is not None else target
        elif entry.target == "place" and not target and _foreign(source, index):
            target = index.main_state()  # "X, qui était en visite": in the story's state
            implicit_target = True
        if entry.type != "CONSULT":
            # "rappeler son ambassadeur à Abidjan": a city stands for its state
            target = tuple(state_of(a) if a.kind == "place" else a for a in target)
            target = _not_own_state(source, target)
        if entry.type == "CONSULT" and entry.mode != "visit":
            # a meeting is between parties, not with the building it is held in
            target = tuple(a for a in target if a.kind != "place")
        if not source and entry.type == "CONSULT" and len(target) > 1:
            source, target = target, ()  # "les délégations se sont retrouvées en présence de X, Y"
        # "depuis l'invasion russe", "la France rappelle son ambassadeur": the state the
        # article is about is the one attacked or left; a verb of attack with no victim is
        # more often a test or a show of force ("a tiré deux missiles"), so nouns only
        implicit = (entry.type == "ASSAULT" and token.pos_ == "NOUN") or entry.mode == "withdraw"
        if implicit and not target and _states_only(source) and _one_act(hit):
            implicit_target = entry.type == "ASSAULT"
            target = index.main_state(exclude=source)
        if not source or (entry.type == "CONSULT" and len(_unique([*source, *target])) < 2):
            continue
        needs_target = entry.target != "none" and entry.type != "CONSULT"
        if not target and needs_target and not _untargeted(token, entry, quotes, cues):
            continue
        mode = entry.mode
        if entry.type == "CONSULT" and _by_phone(token, cues):
            mode = "phone"  # "s'est entretenu par téléphone avec X"
        # an implicit target ("l'invasion russe", "X était en visite") is where it happened
        implied = target[0].name if implicit_target and len(target) == 1 else None
        start, end, text = evidence(doc, token)
        parts = [target]
        if entry.type == "CONSULT" and len(target) > 1 and all(a.kind == "state" for a in target):
            parts = [(a,) for a in target]  # a tour of several states: one meeting each
        elif entry.type == "CONSULT" and len(target) > 1:
            parts = _apart(token, target, index, cues)
        elif entry.of == "target" and token.pos_ == "NOUN" and len(target) > 1:
            parts = [(a,) for a in target]  # "la libération de X et de Y": one act each
        places = _victim_places(token, parts, index, cues) if len(parts) > 1 else {}
        date, date_from = _date(doc, token, future=status == "planned")
        confidence = 0.5 + 0.2 * frame.syntactic + 0.1 * (token.pos_ == "VERB")
        made = [
            Event(
                type=entry.type,
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
                location=places.get(part) or clause_location(token, index, cues, frame) or implied,
                confidence=min(confidence, 1.0),
            )
            for part in parts
        ]
        events.extend(made)
        triggered.extend((token, e) for e in made)
    events = _purposes(triggered, events)
    lead = lead_end(text_of(doc))
    return carry_locations(merge_visits(deduplicate(events, lead=lead)))


def _purposes(triggered: list[tuple[Token, Event]], events: list[Event]) -> list[Event]:
    """A trip and the meeting it is for ("se rendre à X pour rencontrer Y") are one visit:
    to the people met, at the place of the trip."""
    visits = {t.i: e for t, e in triggered if e.type == "CONSULT" and e.mode == "visit"}
    merged: dict[int, Event] = {}
    dropped: set[int] = set()
    for token, event in triggered:
        if event.type != "CONSULT" or event.mode == "visit" or token.pos_ != "VERB":
            continue
        purpose = token.dep_ in ("advcl", "xcomp") and feature(token, "VerbForm") == "Inf"
        head = token.head if purpose else None
        trip = visits.get(head.i) if head is not None else None
        if trip is None or not {a.name.casefold() for a in trip.source} <= _names(event):
            continue
        persons = [a for a in event.target if a.kind == "person"]
        target = tuple(persons) if persons else trip.target
        merged[id(trip)] = replace(merged.get(id(trip), trip), target=target)
        dropped.add(id(event))
    return [merged.get(id(e), e) for e in events if id(e) not in dropped]


def _names(event: Event) -> frozenset[str]:
    return frozenset(a.name.casefold() for a in (*event.source, *event.target))


def _visit_key(event: Event) -> tuple[str, frozenset[str]] | None:
    if event.type != "CONSULT" or event.mode != "visit":
        return None
    return event.status, frozenset(a.name.casefold() for a in event.source)


def _same_time(a: Event, b: Event) -> bool:
    """True when two dates may be the same day (one unknown, or one within the other)."""
    if a.date is None or b.date is None or "text" not in (a.date_from, b.date_from):
        return True  # a date taken from the publication says nothing of the day
    if a.date.precision == b.date.precision == "day":
        # a dateline a day after the event ("31/05" over "lundi 30") is the same story
        return abs((a.date.first_day() - b.date.first_day()).days) <= 1
    return a.date.contains(b.date) or b.date.contains(a.date)


def _without_stops(events: list[Event]) -> list[Event]:
    """Visits to a place of no known state ("se rendra aussi à Boutcha", "sa visite au
    Proche-Orient") by a traveller who also visits a state are stops of that trip."""
    states: set[frozenset[str]] = set()
    for event in events:
        key = _visit_key(event)
        if key is not None and any(a.kind == "state" for a in event.target):
            states.add(key[1])

    def stop(event: Event) -> bool:
        key = _visit_key(event)
        places = bool(event.target) and all(a.kind == "place" for a in event.target)
        return key is not None and places and key[1] in states

    return [e for e in events if not stop(e)]


def merge_visits(events: list[Event]) -> list[Event]:
    """One traveller's visits of the same status are one trip ("Visite à Kiev" in the title,
    "son premier voyage en Ukraine" in the body): keep the state as target, the city as place."""
    kept: dict[tuple[str, frozenset[str]], Event] = {}
    others: list[Event] = []
    for event in _without_stops(events):
        key = _visit_key(event)
        if key is None:
            others.append(event)
            continue
        if key not in kept or not _same_time(kept[key], event):
            if key in kept:
                others.append(kept[key])  # another trip ("mardi dernier à l'Allemagne")
            kept[key] = event
            continue
        pair = (kept[key], event)
        states = [e for e in pair if any(a.kind == "state" for a in e.target)]
        best = states[0] if states else pair[0]
        state_names = {a.name for e in pair for a in e.target if a.kind == "state"}
        places = [e.location for e in pair if e.location is not None]
        specific = [p for p in places if p not in state_names]  # the city, not the country
        chosen = specific or places
        kept[key] = replace(best, location=chosen[0] if chosen else None)
    return sorted([*others, *kept.values()], key=lambda e: e.evidence_start)


def _told_again(small: Event, big: Event, lead_end: int) -> bool:
    """True when a smaller event repeats a bigger one rather than being another: the same
    sentence, or the title or lead announcing what the body tells."""
    if small.evidence_start == big.evidence_start:
        return True
    return small.evidence_start < lead_end <= big.evidence_start and _same_time(small, big)


def lead_end(text: str) -> int:
    """Offset just past the article's title and lead (its first two non-empty lines)."""
    lines = [m.end() for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    return lines[1] if len(lines) > 1 else len(text)


def deduplicate(events: list[Event], *, lead: int = 0) -> list[Event]:
    """One event per happening: the same type whose parties are the same or a subset merge,
    keeping the one with more parties, then the higher confidence, then the body sentence."""
    kept: list[Event] = []
    for event in sorted(events, key=lambda e: (-len(_names(e)), -e.confidence, e.evidence_start)):
        names = _names(event)
        same = next(
            (
                i
                for i, k in enumerate(kept)
                if k.type == event.type
                and k.mode == event.mode
                and (
                    names == _names(k)
                    or (
                        names < _names(k)
                        and k.status == event.status
                        and _told_again(event, k, lead)
                    )
                )
            ),
            None,
        )
        if same is None:
            kept.append(event)
        elif _vaguer_place(kept[same], event):
            kept[same] = replace(kept[same], location=event.location)  # "Kiev" over "Ukraine"
    return sorted(kept, key=lambda e: e.evidence_start)


def _vaguer_place(kept: Event, other: Event) -> bool:
    """True when the duplicate names a finer place than the event kept (a city, not the
    state it visits, or any place rather than none)."""
    if other.location is None or other.location == kept.location:
        return False
    states = {a.name for a in (*kept.target, *other.target) if a.kind == "state"}
    return kept.location is None or (kept.location in states and other.location not in states)
