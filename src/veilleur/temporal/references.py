"""Find what an article says of dated events: references to calendar entries, and their dates.

A reference is a passage that denotes one of a few calendar entries (alternatives), with the
temporal expression that dates it in the text, if any:
    events      events the pipeline extracted whose type, actors and place agree with an entry
    nominal     'l'assassinat du général X': a noun trigger with the actors of its phrase
    names       an entry's French name ('accords d'Abraham') written in the text
    handovers   'la passation de pouvoir du chef de l'armée': the office's change of holder
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from spacy.tokens import Doc, Span, Token

from ..doctext import text_of
from ..kb import KnowledgeBase, fold
from ..linking.tokens import morph_values
from ..linking.tokens import words as token_words
from ..records import Event, Mention
from .calendar import Calendar, CalendarEntry
from .governing import governing_timex
from .grammar import Expression, Grammar
from .resolve import Tense
from .tense import clause_tense
from .timexes import kind_of

How = Literal["event", "nominal", "name", "handover"]

# Beyond this many equally matching entries a reference is too ambiguous to date anything.
MAX_ALTERNATIVES = 6
# Arcs from a verb to the phrases whose actors take part in a noun trigger's event.
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "obl", "obl:arg", "obl:mod", "iobj"})
# How many tokens after a handover word its office or person may start.
_HANDOVER_REACH = 5
# Characters after a handover word read as the title of the office.
_TITLE_CHARS = 80
# How far after a landmark's name a date is still that landmark's ('... il y a deux ans').
_LANDMARK_DATE_CHARS = 30
# How many words before a reference a 'depuis' may stand ('depuis la mort de X').
_SINCE_REACH = 3
# How many words after a noun trigger may still name its actors.
_COMPLEMENT_TOKENS = 8
_KEY = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True, slots=True)
class Reference:
    """A passage denoting one of `entries`, and the expression dating it in the text."""

    entries: tuple[CalendarEntry, ...]
    start: int
    end: int
    how: How
    tense: Tense
    expression: Expression | None = None
    recalled: bool = False  # 'depuis l'assassinat de X': later, not necessarily recent


@dataclass(frozen=True, slots=True)
class NounTrigger:
    """A noun that names an event of a PLOVER type ('assassinat' ASSAULT)."""

    lemma: str
    type: str


@lru_cache(maxsize=1 << 16)
def _key(text: str) -> str:
    """Letters and digits only, accent-free and lower case: compares names across spellings.

    Cached: every token of an undated article is keyed, and words repeat.
    """
    decomposed = unicodedata.normalize("NFKD", fold(text))
    return _KEY.sub("", "".join(c for c in decomposed if not unicodedata.combining(c)))


def best_matches(
    calendar: Calendar, *, type: str, actors: Iterable[str], place: str | None
) -> tuple[CalendarEntry, ...]:
    """The entries of `type` sharing the most actors (and the place) with a happening."""
    ids = frozenset(actors)
    if type not in calendar.matched_types:
        return ()
    candidates = {e.id: e for a in ids for e in calendar.by_actor(a) if e.type == type}
    scored: list[tuple[tuple[int, int], CalendarEntry]] = []
    for entry in candidates.values():
        shared = entry.actors & ids
        same_place = _same_place(entry.place, place)
        if same_place is False:
            continue
        if not _enough(entry, shared, same_place=bool(same_place)):
            continue
        scored.append(((len(shared), int(bool(same_place))), entry))
    if not scored:
        return ()
    best = max(score for score, _ in scored)
    chosen = tuple(e for score, e in scored if score == best)
    # Many equally good entries (a store full of strikes on one city) say nothing; without a
    # person in common, only an entry alone of its kind in its place is the one meant.
    named = any(a.startswith("person:") for e in chosen for a in e.actors & ids)
    return chosen if len(chosen) <= (MAX_ALTERNATIVES if named else 1) else ()


def _enough(entry: CalendarEntry, shared: frozenset[str], *, same_place: bool) -> bool:
    """Whether the shared actors single the entry out among the events of its type."""
    # What happens to a person as target (a killing, an arrest) happens once; a meeting of
    # two leaders or a strike of one state on another recurs, and is the entry only in its
    # place. A landmark is recalled for years: only its name refers to it.
    if entry.kind == "landmark":
        return False
    if any(a in entry.target and a.startswith("person:") for a in shared):
        return True
    if not same_place:
        return False
    people = any(a.startswith("person:") for a in shared)
    return people or len(shared) >= 2 or (len(entry.actors) == 1 and len(shared) == 1)


def _same_place(a: str | None, b: str | None) -> bool | None:
    """True/False when both places are known (one name inside the other), else None."""
    if not a or not b:
        return None
    ka, kb = _key(a), _key(b)
    return ka in kb or kb in ka


def trigger_token(doc: Doc, event: Event) -> Token | None:
    """The token of an event's trigger, found in its evidence."""
    text = text_of(doc)
    at = text.find(event.trigger, event.evidence_start, event.evidence_end)
    if at < 0:
        return None
    span = doc.char_span(at, at + len(event.trigger), alignment_mode="expand")
    return span.root if span is not None else None


def dated(
    doc: Doc,
    token: Token,
    grammar: Grammar,
    *,
    future: bool,
    future_lemmas: frozenset[str],
    verbal: bool = True,
    within: tuple[int, int] | None = None,
) -> tuple[Expression | None, Tense]:
    """The expression dating `token` (none when relative to another date), and its tense."""
    # A noun's clause says nothing of when its event was ('il devrait riposter à
    # l'assassinat de X'): a nominal reference takes the tense of its date, if any.
    if future:
        tense: Tense = "future"
    elif verbal:
        tense = clause_tense(token, future_lemmas=future_lemmas)
    else:
        tense = "unknown"
    timex = governing_timex(doc, token)
    if timex is None or (within is not None and not within[0] <= timex.start <= within[1]):
        return None, tense
    expr = grammar.parse(timex.text)
    if expr is None or kind_of(expr) in ("anaphoric", "vague"):
        return None, tense
    return expr, (timex.tense if tense == "unknown" else tense)


class ReferenceFinder:
    """Find an article's references to the entries of one calendar."""

    def __init__(
        self,
        *,
        calendar: Calendar,
        kb: KnowledgeBase,
        grammar: Grammar,
        nouns: Sequence[NounTrigger],
        handover_words: Sequence[str],
        future_lemmas: frozenset[str],
        since_words: Sequence[str] = (),
    ) -> None:
        self.calendar = calendar
        self.kb = kb
        self.grammar = grammar
        self.nouns: dict[str, tuple[str, ...]] = {}
        for noun in nouns:
            self.nouns[noun.lemma] = (*self.nouns.get(noun.lemma, ()), noun.type)
        self.handover_keys = tuple(k for k in (_key(w) for w in handover_words) if k)
        self.names = tuple(
            (k, e) for e in calendar.named() for k in {_key(n) for n in e.names} if k
        )
        self.future_lemmas = future_lemmas
        self.since_words = frozenset(w.lower() for w in since_words)
        offices: dict[str, list[CalendarEntry]] = {}
        people: dict[str, list[CalendarEntry]] = {}
        for entry in calendar.entries:
            if entry.kind != "handover":
                continue
            if entry.office is not None:
                offices.setdefault(entry.office, []).append(entry)
            for who in entry.target:
                people.setdefault(who, []).append(entry)
        self.offices = {k: tuple(v) for k, v in offices.items()}
        self.incoming = {k: tuple(v) for k, v in people.items()}
        # Names of the people who took office on a known day, when the linker left them out.
        self.incoming_names: dict[str, str] = {}
        for who in self.incoming:
            actor = kb.get(who)
            for name in (actor.name, *actor.aliases) if actor is not None else ():
                if len(name.split()) > 1:
                    self.incoming_names[_key(name)] = who

    def find(self, doc: Doc) -> list[Reference]:
        """Every reference of the article, in text order."""
        mentions: list[Mention] = list(doc._.mentions or [])
        compact = _Compact.of(doc)
        found = [
            *self._events(doc),
            *self._nominal(doc, mentions),
            *self._names(doc, compact),
            *self._handovers(doc, mentions, compact),
        ]
        return sorted(found, key=lambda r: (r.start, r.how))

    def _reference(
        self,
        doc: Doc,
        token: Token,
        entries: tuple[CalendarEntry, ...],
        how: How,
        *,
        future: bool,
        end: int | None = None,
    ) -> Reference:
        end = end if end is not None else token.idx + len(token.text)
        # A noun's event is dated in its own phrase ('la frappe de mardi'); a date elsewhere
        # in the sentence is the clause's ('mardi, le Hezbollah a promis de venger la mort de
        # X'). A ceremony or a summit is dated by the clause that attends it ('a assisté
        # lundi à la passation'). A landmark takes only a date written right after its name
        # ('l'invasion de l'Ukraine il y a deux ans').
        within = None
        landmark = all(e.kind == "landmark" for e in entries)
        if how == "nominal" or landmark:
            sub = list(token.subtree)
            last = max(sub[-1].idx + len(sub[-1].text), end, _phrase_end(token))
            within = (sub[0].idx, last + (_LANDMARK_DATE_CHARS if landmark else 0))
        expr, tense = dated(
            doc,
            token,
            self.grammar,
            future=future,
            future_lemmas=self.future_lemmas,
            verbal=how == "event",
            within=within,
        )
        recalled = self._recalled(doc, token)
        return Reference(entries, token.idx, end, how, tense, expr, recalled=recalled)

    def _recalled(self, doc: Doc, token: Token) -> bool:
        """True after 'depuis': the article is later than the event, not necessarily soon."""
        before = doc[max(token.sent.start, token.i - _SINCE_REACH) : token.i]
        return any(t.lower_ in self.since_words for t in before)

    def _events(self, doc: Doc) -> Iterable[Reference]:
        for event in doc._.events or []:
            ids = [a.actor_id for a in (*event.source, *event.target)]
            entries = best_matches(self.calendar, type=event.type, actors=ids, place=event.location)
            token = trigger_token(doc, event) if entries else None
            if token is not None:
                future = event.status == "planned"
                yield self._reference(doc, token, entries, "event", future=future)

    def _nominal(self, doc: Doc, mentions: list[Mention]) -> Iterable[Reference]:
        for i, pos in enumerate(token_words(doc).pos):
            if pos != "NOUN":
                continue
            token = doc[i]
            types = self.nouns.get(token.lemma_.lower())
            if not types:
                continue
            actors = _phrase_actors(doc, token, mentions)
            places = (m.text for m in mentions if m.kind == "place" and _within(m, token))
            written = next(places, None)
            for type_ in types:
                # The place of an event of this type told in the same sentence is the noun's.
                told = (
                    e.location
                    for e in doc._.events or []
                    if e.type == type_ and e.evidence_start <= token.idx < e.evidence_end
                )
                place = written or next((p for p in told if p), None)
                entries = best_matches(self.calendar, type=type_, actors=actors, place=place)
                if entries:
                    yield self._reference(doc, token, entries, "nominal", future=False)
                    break

    def _names(self, doc: Doc, compact: _Compact) -> Iterable[Reference]:
        for key, entry in self.names:
            for first, last in compact.find(key):
                end = doc[last].idx + len(doc[last].text)
                yield self._reference(doc, doc[first], (entry,), "name", future=False, end=end)
                break

    def _handovers(
        self, doc: Doc, mentions: list[Mention], compact: _Compact
    ) -> Iterable[Reference]:
        for key in self.handover_keys:
            for first, last in compact.find(key):
                entries = self._handed_over(doc, doc[first : last + 1], mentions)
                if entries:
                    yield self._reference(doc, doc[first], entries, "handover", future=False)

    def _handed_over(
        self, doc: Doc, words: Span, mentions: list[Mention]
    ) -> tuple[CalendarEntry, ...]:
        """The handovers of the office or person named right after the handover words."""
        reach = doc[words.end : min(words.end + _HANDOVER_REACH, words.sent.end)]
        if not len(reach):
            return ()
        for mention in mentions:
            if mention.kind == "person" and reach.start_char <= mention.start < reach.end_char:
                return self.incoming.get(mention.actor_id, ())
        written = _key(text_of(doc)[reach.start_char : reach.end_char])
        for name, who in self.incoming_names.items():
            if name in written:
                return self.incoming.get(who, ())
        # The title starts at the first noun: 'du nouveau chef de l'armée'.
        head = next((t for t in reach if t.pos_ in ("NOUN", "PROPN")), None)
        if head is None:
            return ()
        tail = text_of(doc)[head.idx : min(words.sent.end_char, head.idx + _TITLE_CHARS)]
        title = self.kb.parse_title(tail)
        if title is None or title.former or title.future:
            return ()
        return self.offices.get(f"{title.role}@{title.country}", ())


def _phrase_end(token: Token) -> int:
    """Where the words that may still qualify a noun end: before the next finite verb."""
    # 'l'assassinat de X, survenu la semaine dernière': the parser often hangs the participle
    # on the main verb; a finite verb after the noun opens another clause.
    last = token
    for nxt in token.doc[token.i + 1 : token.sent.end]:
        if nxt.pos_ in ("VERB", "AUX") and "Fin" in morph_values(nxt, "VerbForm"):
            break
        last = nxt
    return last.idx + len(last.text)


def _within(mention: Mention, token: Token) -> bool:
    """True when the mention lies in the token's phrase."""
    sub = list(token.subtree)
    return sub[0].idx <= mention.start < sub[-1].idx + len(sub[-1].text)


def _phrase_actors(doc: Doc, token: Token, mentions: list[Mention]) -> list[str]:
    """Actors of a noun trigger: in its phrase, and the arguments of the verb it hangs on."""
    spans = [token]
    head = token.head
    if head is not token and head.pos_ in ("VERB", "AUX", "PROPN", "NOUN"):
        spans.extend(c for c in head.children if c.dep_ in _ARGUMENT_DEPS and c is not token)
    ranges = []
    for item in spans:
        sub = list(item.subtree)
        ranges.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    # The parser often hangs a name apart from its noun ('l'assassinat du chef rebelle X'):
    # the words that follow the noun, up to the next verb, are its complement too.
    last = token
    for nxt in token.doc[token.i + 1 : min(token.i + 1 + _COMPLEMENT_TOKENS, token.sent.end)]:
        if nxt.pos_ in ("VERB", "AUX") or nxt.is_punct:
            break
        last = nxt
    ranges.append((token.idx, last.idx + len(last.text)))
    return [
        m.actor_id
        for m in mentions
        if m.kind != "place" and any(a <= m.start < b for a, b in ranges)
    ]


@dataclass(frozen=True, slots=True)
class _Compact:
    """The doc's tokens as keys run together, to find names whatever their spelling."""

    text: str
    starts: dict[int, int]  # offset in text -> index of the token starting there
    ends: dict[int, int]  # offset in text -> index of the token ending there

    @classmethod
    def of(cls, doc: Doc) -> _Compact:
        parts: list[str] = []
        starts: dict[int, int] = {}
        ends: dict[int, int] = {}
        at = 0
        for i, text in enumerate(token_words(doc).text):
            key = _key(text)
            if not key:
                continue
            starts[at] = i
            parts.append(key)
            at += len(key)
            ends[at] = i
        return cls("".join(parts), starts, ends)

    def find(self, key: str) -> Iterable[tuple[int, int]]:
        """(first, last) token indexes of each place `key` covers whole tokens."""
        at = self.text.find(key)
        while at >= 0:
            first, last = self.starts.get(at), self.ends.get(at + len(key))
            if first is not None and last is not None:
                yield first, last
            at = self.text.find(key, at + 1)
