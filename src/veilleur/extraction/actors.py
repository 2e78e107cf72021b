"""The one place where events and quotes get their actors: `actor_for(doc, token_or_span)`.

Actors come from the actors component (doc._.mentions, through veilleur.linking when it is
installed); tokens no mention covers fall back to spaCy's entities, and country adjectives to
the state they name (lexicon `demonyms`).
"""

from __future__ import annotations

import bisect
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from importlib import import_module
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..doctext import cache_key
from ..linking.tokens import words
from ..records import ActorRef, Mention
from .lexicon import load_lexicon, load_quote_lexicon

_ENT_KIND = {"PER": "person", "ORG": "organisation", "LOC": "place", "MISC": "organisation"}
_PLACE_KINDS = frozenset({"place", "state"})
# mentions the linker inferred (a title or pronoun it resolved), not names written out
_INFERRED = frozenset({"coref", "title", "pronoun", "group"})
_KIND_ORDER = {"person": 0, "group": 1, "organisation": 2, "state": 3, "place": 4}


def _linking(name: str) -> Callable[..., Any] | None:
    """A function of veilleur.linking (the actors component's helpers), if that module exists."""
    try:
        module = import_module("veilleur.linking")
    except ImportError:
        return None
    func = getattr(module, name, None)
    return func if callable(func) else None


def _new_id(name: str) -> str:
    return "new:" + hashlib.sha1(name.casefold().encode()).hexdigest()[:10]


def named_actor(name: str, kind: str, country: str | None = None) -> ActorRef:
    """The actor a bare name designates: the knowledge base's state, body or person of that
    name when it has exactly one, else a new actor ("new:" id) of that name and kind."""
    known = kb_actor(name, kind)
    return known if known is not None else ActorRef(_new_id(name), name, kind, country)


def kb_actor(name: str, kind: str) -> ActorRef | None:
    """The knowledge-base actor a name designates ("France", "Quai d'Orsay", "armée
    israélienne"), a person only when one alone bears that name; None when unknown."""
    try:
        from ..kb import KnowledgeBase

        match = KnowledgeBase.load().named(name, kind)
    except (ImportError, OSError, ValueError):
        return None
    if match is None:
        return None
    return ActorRef(match.actor.id, match.actor.name, match.actor.kind, match.country)


def from_mention(mention: Mention) -> ActorRef:
    """The ActorRef of a linked mention."""
    return ActorRef(mention.actor_id, mention.name, mention.kind, mention.country)


def is_place(actor: ActorRef) -> bool:
    """True for places and states (which may be a location rather than a party)."""
    return actor.kind in _PLACE_KINDS


def _ent_name(ent: Span) -> str:
    tokens = list(ent)
    if ent.label_ == "PER":
        # "M. Blinken", "le général Kurilla": the name is the proper nouns
        while len(tokens) > 1 and (tokens[0].pos_ != "PROPN" or tokens[0].text.endswith(".")):
            tokens = tokens[1:]
    while len(tokens) > 1 and tokens[0].pos_ in ("DET", "ADP", "PUNCT"):
        tokens = tokens[1:]
    text = ent.doc[tokens[0].i : tokens[-1].i + 1].text
    return text.strip(" ,.;:'’\"«»“”")


# Key of Doc.user_data where the quotes stage leaves its ActorIndex for the events stage;
# the events component drops it (it holds the Doc: never a result to serialise).
INDEX_KEY = cache_key("actor_index")


class ActorIndex:
    """Actors by token for one Doc: linked mentions first, then entities and demonyms."""

    @classmethod
    def of(cls, doc: Doc) -> ActorIndex:
        """The Doc's index, built once for as long as its mentions stay the same list."""
        cached = doc.user_data.get(INDEX_KEY)
        mentions = doc._.mentions
        if isinstance(cached, ActorIndex) and cached.doc is doc and cached._source is mentions:
            return cached
        index = cls(doc)
        doc.user_data[INDEX_KEY] = index
        return index

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._source: object = doc._.mentions  # what the index was built from
        self._demonyms = load_lexicon().demonyms
        self._by_token: dict[int, ActorRef] = {}
        self._starts: dict[int, int] = {}
        self._ends: dict[int, int] = {}
        self._inferred: set[int] = set()
        self._state_counts: Counter[ActorRef] | None = None
        # the country adjective at each token index, asked for over and over by in_range
        self._demonym_at: dict[int, ActorRef | None] = {}
        # (token, actor, first token of its mention) for every token that has an actor
        self._positions: tuple[list[int], list[tuple[int, ActorRef, int]]] | None = None
        self._resolve = _linking("resolve_pronoun")
        self._group = _linking("resolve_group")
        mentions: Iterable[Mention] = doc._.mentions or ()
        self._linked = doc._.mentions is not None and _linking("mentions") is not None
        # where mentions overlap, a person before a body, the narrowest first (as the linker)
        ordered = sorted(mentions, key=lambda m: (_KIND_ORDER.get(m.kind, 9), m.end - m.start))
        for mention in ordered:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                self._add(span, from_mention(mention))
                if mention.how in _INFERRED:
                    self._inferred.update(t.i for t in span)
        self._add_entities(doc)

    def _add(self, span: Span, actor: ActorRef) -> None:
        for token in span:
            if token.i not in self._by_token:
                self._by_token[token.i] = actor
                self._starts[token.i] = span.start
                self._ends[token.i] = span.end

    def inferred(self, token: Token) -> bool:
        """True when the actor at `token` was inferred (a title, a pronoun), not named."""
        return token.i in self._inferred

    def surface(self, token: Token) -> str:
        """The words of the mention `token` belongs to, as written ("Kiev" for Ukraine)."""
        start = self._starts.get(token.i, token.i)
        end = self._ends.get(token.i, token.i + 1)
        words = list(self.doc[start:end])
        while len(words) > 1 and words[0].pos_ in ("DET", "ADP"):
            words = words[1:]
        return self.doc[words[0].i : words[-1].i + 1].text

    def _add_entities(self, doc: Doc) -> None:
        full_names: dict[str, ActorRef] = {}
        for ent in doc.ents:
            if any(t.i in self._by_token for t in ent) or ent.label_ not in _ENT_KIND:
                continue
            if not any(t.pos_ == "PROPN" for t in ent) and not (
                ent.label_ == "LOC" and ent.text[:1].isupper()
            ):
                continue  # "Premier ministre israélien" is a title, not a name
            name = _ent_name(ent)
            if len(name) < 2:
                continue
            kind = _ENT_KIND[ent.label_]
            if kind == "person" and self._linked and len(name.split()) == 1:
                # a lone word the linker did not take for a person ("Notre-Dame", the "Aviv"
                # of "Tel Aviv"); a full name it missed (a caption-like sentence) still counts
                continue
            words = name.split()
            if len(words) == 1 and words[0].casefold() in full_names:
                actor = full_names[words[0].casefold()]
            else:
                actor = named_actor(name, kind)
                if len(words) > 1:
                    full_names[words[-1].casefold()] = actor
            self._add(ent, actor)

    def at(self, token: Token) -> ActorRef | None:
        """The actor a token belongs to (a mention, an entity, or a country adjective)."""
        return self._at(token.i)

    def _at(self, i: int) -> ActorRef | None:
        actor = self._by_token.get(i)
        return actor if actor is not None else self._demonym_index(i)

    def demonym(self, token: Token) -> ActorRef | None:
        """The state a country adjective names ("américain" -> États-Unis), whatever mention
        covers it."""
        return self._demonym_index(token.i)

    def _demonym_index(self, i: int) -> ActorRef | None:
        if i in self._demonym_at:
            return self._demonym_at[i]
        table = words(self.doc)
        found: ActorRef | None = None
        if table.pos[i] == "ADJ":
            state = self._demonyms.get(table.lemma[i].casefold())
            found = named_actor(state, "state") if state is not None else _kb_demonym(table.text[i])
        self._demonym_at[i] = found
        return found

    def main_state(self, *, exclude: Iterable[ActorRef] = ()) -> tuple[ActorRef, ...]:
        """The state the article names most often (by name, not adjective), if one clearly
        leads: the implicit party of an act whose text names none."""
        if self._state_counts is None:
            self._state_counts = Counter(
                actor
                for i, actor in self.in_range(0, len(self.doc))
                if actor.kind == "state" and self.doc[i].pos_ != "ADJ"
            )
        names = {a.name for a in exclude}
        counts = Counter({a: n for a, n in self._state_counts.items() if a.name not in names})
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return ()
        return (ranked[0][0],)

    def start_of(self, token: Token) -> int:
        """The first token of the mention `token` belongs to (itself if none)."""
        return self._starts.get(token.i, token.i)

    def resolve(self, token: Token) -> ActorRef | None:
        """The actor a pronoun stands for: the linker's answer, else the last person before it."""
        if self._resolve is not None:
            mention = self._resolve(self.doc, token)
            return from_mention(mention) if isinstance(mention, Mention) else None
        if load_quote_lexicon().pronouns.gender(token.text) is None:
            return None  # "un de ses commandants": not a pronoun standing for a person
        return self.last_person_before(token.i)

    def number(self, token: Token) -> int | None:
        """The value of a number word or figure ("deux" -> 2), if small enough to count people."""
        if token.text.isdigit():
            return int(token.text)
        return load_lexicon().cues.numbers.get(token.lower_)

    def group(self, token: Token) -> list[ActorRef]:
        """The people a group word stands for ("les deux hommes", "ils"), from the linker."""
        if self._group is None:
            return []
        found = self._group(self.doc, token)
        return [from_mention(m) for m in found if isinstance(m, Mention)]

    def last_people(self, i: int, count: int) -> list[ActorRef]:
        """The last `count` different people mentioned before token `i` ("les deux hommes")."""
        found: list[ActorRef] = []
        for j in range(i - 1, -1, -1):
            actor = self._by_token.get(j)
            if actor is not None and actor.kind == "person" and actor not in found:
                found.append(actor)
                if len(found) == count:
                    return found[::-1]
        return []

    def last_parties(self, i: int, count: int) -> list[ActorRef]:
        """The last `count` different states or bodies named before token `i` ("les deux
        parties"), or none if fewer were named."""
        found: list[ActorRef] = []
        for j in range(i - 1, -1, -1):
            actor = self.at(self.doc[j])
            if actor is not None and actor.kind in ("state", "organisation", "group"):
                if actor not in found:
                    found.append(actor)
                if len(found) == count:
                    return found[::-1]
        return []

    def last_person_of(self, i: int, adjective: Token) -> ActorRef | None:
        """The last person named before token `i` who serves the state of a country
        adjective ("chinois" -> the last Chinese official named)."""
        state = _kb_demonym(adjective.text)
        if state is None or state.country is None:
            return None
        for j in range(i - 1, -1, -1):
            actor = self._by_token.get(j)
            if actor is not None and actor.kind == "person" and actor.country == state.country:
                return actor
        return None

    def last_person_before(self, i: int) -> ActorRef | None:
        """The last person mentioned before token `i`."""
        for j in range(i - 1, -1, -1):
            actor = self._by_token.get(j)
            if actor is not None and actor.kind == "person":
                return actor
        return None

    def in_range(self, start: int, end: int) -> list[tuple[int, ActorRef]]:
        """Each actor mention starting in tokens [start, end), with its first token index."""
        keys, rows = self._actor_positions()
        lo = bisect.bisect_left(keys, max(start, 0))
        hi = bisect.bisect_left(keys, min(end, len(self.doc)))
        found: list[tuple[int, ActorRef]] = []
        seen_starts: set[int] = set()
        for i, actor, first in rows[lo:hi]:
            if first not in seen_starts:
                seen_starts.add(first)
                found.append((i, actor))
        return found

    def _actor_positions(self) -> tuple[list[int], list[tuple[int, ActorRef, int]]]:
        """The tokens that have an actor, in order, listed once per Doc: in_range is asked
        for many stretches of every sentence, and most tokens have none."""
        if self._positions is None:
            adjectives = words(self.doc).pos
            rows: list[tuple[int, ActorRef, int]] = []
            for i in range(len(self.doc)):
                actor = self._by_token.get(i)
                if actor is None and adjectives[i] == "ADJ":
                    actor = self._demonym_index(i)  # only adjectives name a state
                if actor is not None:
                    rows.append((i, actor, self._starts.get(i, i)))
            self._positions = ([row[0] for row in rows], rows)
        return self._positions


def _kb_demonym(word: str) -> ActorRef | None:
    """The state the knowledge base gives for a country adjective, if the base is there."""
    try:
        from ..kb import KnowledgeBase

        state = KnowledgeBase.load().demonym(word)
    except (ImportError, OSError, ValueError):
        return None
    if state is None:
        return None
    return ActorRef(state.id, state.name, "state", state.country)


def state_of(actor: ActorRef) -> ActorRef:
    """The state a place lies in, from the knowledge base (the place itself when unknown)."""
    if actor.kind != "place" or actor.country is None:
        return actor
    try:
        from ..kb import KnowledgeBase

        state = KnowledgeBase.load().get(f"state:{actor.country}")
    except (ImportError, OSError, ValueError):
        return actor
    if state is None:
        return actor
    return ActorRef(state.id, state.name, "state", actor.country)


def actor_for(doc: Doc, token_or_span: Token | Span) -> ActorRef | None:
    """The actor a token or span designates, or None; the adapter every stage goes through."""
    index = ActorIndex(doc)
    tokens = [token_or_span] if isinstance(token_or_span, Token) else list(token_or_span)
    for token in tokens:
        actor = index.at(token)
        if actor is not None:
            return actor
    return None
