"""Speaker phrases without a name: who a function ("le responsable de la Défense"), a
document's issuer, an inferred title or a quoted term stands for."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Doc, Span, Token

from .. import lang
from ..kb.normalise import fold
from ..records import ActorRef, Mention
from .actors import ActorIndex
from .clauses import case_of, feature

_OF = ("de", "du", "des", "d")
_SKIP = frozenset({"acl:relcl", "acl", "appos", "punct", "conj", "cc", "advcl", "parataxis"})
# mentions the linker inferred rather than read as a name
_INFERRED = frozenset({"coref", "title", "pronoun", "group"})
_CONTENT = ("NOUN", "PROPN")
_WORD = re.compile(r"\w+")
_NONE = ActorRef("", "", "none")


class SpeakerLexicon(BaseModel):
    """The whole quote_speakers.yaml file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    person_nouns: frozenset[str] = Field(min_length=1)
    body_nouns: frozenset[str] = Field(min_length=1)
    people_nouns: frozenset[str] = frozenset()
    ruling_nouns: dict[str, str] = {}
    power_nouns: frozenset[str] = frozenset()
    latter: frozenset[str]
    circumstance_preps: frozenset[str]
    max_term_words: int = Field(ge=1)


@cache
def load_speaker_lexicon(language: str = "fr") -> SpeakerLexicon:
    """The validated speaker lexicon of `language` (loaded once per process)."""
    return lang.load(language, "quote_speakers", SpeakerLexicon)


def inside_skipped(token: Token, head: Token) -> bool:
    """True when `token` lies in a clause, apposition or coordination of `head`'s phrase."""
    while token.i != head.i:
        if token.dep_ in _SKIP:
            return True
        token = token.head
    return False


def phrase_text(token: Token) -> str:
    """The words of the noun phrase `token` heads, as written, without its clauses; a
    hyphenated compound the tokenizer split ("état - major") is kept whole."""
    doc = token.doc
    words = [t for t in token.subtree if not inside_skipped(t, token)]
    while words and words[0].pos_ in ("DET", "ADP", "PUNCT"):
        words = words[1:]
    if not words:
        return ""
    kept = {w.i for w in words}
    end = words[-1].i + 1
    while end < len(doc):
        nxt, prev = doc[end], doc[end - 1]
        glued = not prev.whitespace_ and (nxt.text == "-" or prev.text == "-")
        if not glued and not (nxt.pos_ == "ADJ" and nxt.head.i in kept and nxt.i > token.i):
            break
        words.append(nxt)
        kept.add(nxt.i)
        end += 1
    while words and words[-1].pos_ == "PUNCT":
        words = words[:-1]
    return _render(words)


def _render(words: list[Token]) -> str:
    parts: list[str] = []
    for k, word in enumerate(words):
        parts.append(word.text)
        if k + 1 < len(words):
            contiguous = words[k + 1].i == word.i + 1
            parts.append(word.whitespace_ if contiguous else " ")
    return "".join(parts).strip()


def complements(token: Token) -> list[Token]:
    """The nouns of the "de" complements of `token`, nearest first ("de la Défense")."""
    found: list[Token] = []
    frontier = [c for c in token.children if c.dep_ == "nmod"]
    for word in token.children:
        if word.i == token.i + 1 and word.dep_ in ("acl", "amod"):
            # a compound noun the parse split ("compte rendu de ..."): its complements
            frontier.extend(c for c in word.children if c.dep_ in ("nmod", "obl:arg", "obl"))
    while frontier:
        child = frontier.pop(0)
        if child.pos_ in _CONTENT and case_of(child) in _OF:
            found.append(child)
        frontier.extend(c for c in child.children if c.dep_ == "nmod")
    return found


def _named(mentions: Iterable[Mention]) -> list[Mention]:
    return [m for m in mentions if m.kind == "person" and m.how not in _INFERRED]


def role_holder(token: Token, lexicon: SpeakerLexicon) -> ActorRef | None:
    """The person of the article a definite function phrase stands for ("le responsable en
    chef de la Défense israélienne" -> the minister of Defence named before): the one named
    person before it whose role holds the phrase's complement (or its bare function) and
    whose country fits."""
    if token.lemma_.casefold() not in lexicon.person_nouns or feature(token, "Number") == "Plur":
        return None
    if not any(feature(c, "Definite") == "Def" for c in token.children if c.dep_ == "det"):
        return None
    keys = {fold(c.lemma_) for c in complements(token)} - {fold(token.lemma_)}
    # a bare function ("le capitaine") is matched by the function itself
    keys = {w for key in keys or {fold(token.lemma_)} for w in _WORD.findall(key)}
    countries = _countries(token)
    found: dict[str, ActorRef] = {}
    for mention in _named(token.doc._.mentions or ()):
        if mention.start >= token.idx or not mention.role:
            continue
        role_words = set(_WORD.findall(fold(mention.role)))
        if not keys <= role_words:
            continue
        if countries and mention.country not in countries:
            continue
        found[mention.actor_id] = ActorRef(
            mention.actor_id, mention.name, mention.kind, mention.country
        )
    return next(iter(found.values())) if len(found) == 1 else None


def roles_of(doc: Doc, actor: ActorRef) -> set[str]:
    """The roles the article's mentions give a person, folded."""
    return {fold(m.role) for m in doc._.mentions or () if m.actor_id == actor.actor_id and m.role}


def is_generic(actor: ActorRef) -> bool:
    """True for a body the knowledge base knows only generically ("présidence"), whose name
    as written ("présidence nigérienne") says more."""
    try:
        from ..kb import KnowledgeBase

        known = KnowledgeBase.load().get(actor.actor_id)
    except (ImportError, OSError, ValueError):
        return False
    return known is not None and known.generic


def is_rank(word: str) -> bool:
    """True for a military rank ("capitaine"): the knowledge base's roles do not give it."""
    try:
        from ..kb import KnowledgeBase

        return KnowledgeBase.load().is_rank(word)
    except (ImportError, OSError, ValueError):
        return False


def bare_function(token: Token, lexicon: SpeakerLexicon) -> bool:
    """True for a definite function noun without name or complement ("le capitaine")."""
    return (
        token.pos_ == "NOUN"
        and token.lemma_.casefold() in lexicon.person_nouns
        and feature(token, "Number") != "Plur"
        and any(feature(c, "Definite") == "Def" for c in token.children if c.dep_ == "det")
        and not any(c.dep_ in ("nmod", "appos", "flat:name", "amod") for c in token.children)
    )


def _countries(token: Token) -> set[str]:
    """Countries of the demonyms and states inside a phrase ("de la Défense israélienne")."""
    doc = token.doc
    start, end = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    return {
        m.country
        for m in doc._.mentions or ()
        if m.kind == "state" and m.country and start <= m.start < end
    }


def named_for_title(doc: Doc, actor: ActorRef, words: str) -> ActorRef:
    """The person the article itself names with the title `words` ("le président élu des
    États-Unis, Donald Trump") rather than the office holder the title was linked to."""
    if actor.kind != "person":
        return actor
    title = fold(words)
    for mention in _named(doc._.mentions or ()):
        if mention.role and fold(mention.role) == title and mention.actor_id != actor.actor_id:
            return ActorRef(mention.actor_id, mention.name, mention.kind, mention.country)
    return actor


def fullest(doc: Doc, actor: ActorRef) -> ActorRef:
    """A person known by one word ("M. Gan") as the one person of the article whose full
    name holds that word ("Gan Yu"), when the linker kept them apart."""
    if actor.kind != "person" or " " in actor.name.strip():
        return actor
    word = fold(actor.name)
    found = {
        m.actor_id: ActorRef(m.actor_id, m.name, m.kind, m.country)
        for m in _named(doc._.mentions or ())
        if m.actor_id != actor.actor_id and word in fold(m.name).split()
    }
    return next(iter(found.values())) if len(found) == 1 else actor


def latter(doc: Doc, offset: int) -> ActorRef | None:
    """The person or body mentioned last before character `offset` ("ce dernier"), among
    those the linker recognised, as the article names them; places and states, often only
    where things happen, are passed over."""
    found = [
        m
        for m in doc._.mentions or ()
        if m.kind in ("person", "organisation", "group") and m.end <= offset
    ]
    if not found:
        return None
    last = max(found, key=lambda m: m.end)
    actor = ActorRef(last.actor_id, last.name, last.kind, last.country)
    return named_for_title(doc, actor, last.text) if last.how in _INFERRED else actor


def ruling_body(token: Token, lexicon: SpeakerLexicon) -> str | None:
    """ "Les militaires au pouvoir à Niamey": the state's ruling body under the name the
    knowledge base gives it ("junte nigérienne"), if it knows one."""
    body = lexicon.ruling_nouns.get(token.lemma_.casefold())
    if body is None or feature(token, "Number") != "Plur":
        return None
    if not any(t.lemma_.casefold() in lexicon.power_nouns for t in token.subtree):
        return None
    start, end = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    places = {
        m.country
        for m in token.doc._.mentions or ()
        if m.kind in ("place", "state") and m.country and start <= m.start < end
    }
    if len(places) != 1:
        return None
    try:
        from ..kb import KnowledgeBase

        kb = KnowledgeBase.load()
    except (ImportError, OSError, ValueError):
        return None
    country = places.pop()
    prefix = fold(body) + " "
    for actor in kb.actors():
        if actor.kind != "organisation" or actor.country != country:
            continue
        for name in (actor.name, *actor.aliases):
            if fold(name).startswith(prefix):
                return name
    return None


def state_body(token: Token, lexicon: SpeakerLexicon, demonyms: dict[str, str]) -> str | None:
    """A body of a state under its usual name, the state's adjective after the body ("le
    gouvernement de la République du Mali" -> "gouvernement malien"), for masculine bodies
    whose adjective needs no agreement; a ruling group under its body's name (`ruling_body`)."""
    ruling = ruling_body(token, lexicon)
    if ruling is not None:
        return ruling
    if token.lemma_.casefold() not in lexicon.body_nouns or feature(token, "Gender") != "Masc":
        return None
    if feature(token, "Number") == "Plur":
        return None
    of = [c for c in token.children if c.dep_ == "nmod" and case_of(c) in _OF]
    if len(of) != 1 or any(c.dep_ in ("amod", "appos") for c in token.children):
        return None
    words = [t for t in of[0].subtree if t.pos_ not in ("DET", "ADP", "PUNCT")]
    if not words:
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    states = [
        m
        for m in token.doc._.mentions or ()
        if m.kind == "state" and m.start <= start and end <= m.end
    ]
    if len(states) != 1:
        return None
    adjectives = sorted(a for a, state in demonyms.items() if state == states[0].name)
    if not adjectives:
        return None
    return f"{token.text} {min(adjectives, key=len)}"


def specific_body(token: Token, index: ActorIndex) -> ActorRef | None:
    """The body the knowledge base knows under a state's own name, for a generic body whose
    state adjective comes last ("le ministère des affaires étrangères français" -> Quai
    d'Orsay): French also writes the adjective right after the head. A body the knowledge
    base knows by name keeps that name ("le département d'État américain" -> département
    d'État)."""
    own = index.at(token) or _NONE
    if own.kind == "organisation" and own.actor_id.startswith("org:") and not is_generic(own):
        return _without_demonym(own, index.surface(token))
    words = [t for t in token.subtree if not inside_skipped(t, token) and t.i >= token.i]
    states = [
        w
        for w in words
        if w.dep_ == "amod" and w.i > token.i + 1 and (index.at(w) or _NONE).kind == "state"
    ]
    if len(states) != 1:
        return None
    rest = [w for w in words if w.i not in (token.i, states[0].i)]
    text = " ".join([token.text, states[0].text, _render(rest)])
    try:
        from ..kb import KnowledgeBase

        match = KnowledgeBase.load().organisation_match(text)
    except (ImportError, OSError, ValueError):
        return None
    if match is None or match.actor.generic:
        return None
    return ActorRef(match.actor.id, match.actor.name, "organisation", match.country)


def _without_demonym(actor: ActorRef, written: str) -> ActorRef:
    """A known body under the words the article uses, less a state adjective the name does
    not need ("département d'État américain" -> "département d'État"; "armée israélienne"
    keeps its adjective, without which it names no body)."""
    try:
        from ..kb import KnowledgeBase

        kb = KnowledgeBase.load()
    except (ImportError, OSError, ValueError):
        return actor
    words = written.split()
    kept = [w for w in words if w[:1].isupper() or not kb.demonyms_in(w)]
    name = " ".join(kept)
    if len(kept) < len(words):
        match = kb.organisation_match(name)
        if match is None or match.actor.id != actor.actor_id:
            name = written
    return ActorRef(actor.actor_id, name, actor.kind, actor.country)


def is_term(words: Span, lexicon: SpeakerLexicon) -> bool:
    """True for quoted words that name a thing rather than report speech: a few nouns and
    adjectives, without verb, pronoun or determiner, that complement a noun after a
    determiner ("l'idée d'une « communauté politique européenne »") or name it right after
    it ("l'opération « Bouclier du Nord »")."""
    tokens = [t for t in words if not t.is_punct and not t.is_space]
    if not tokens or len(tokens) > lexicon.max_term_words:
        return False
    if any(t.pos_ not in ("NOUN", "PROPN", "ADJ", "ADP") for t in tokens):
        return False
    before = [t for t in words.doc[max(words.start - 3, 0) : words.start] if not t.is_punct]
    if not before:
        return False
    roots = [t for t in tokens if not words.start <= t.head.i < words.end or t.head == t]
    if before[-1].pos_ in _CONTENT:
        # a name set right after the noun it names: capitalised, or hung on that noun
        return tokens[0].text[:1].isupper() or all(r.head == before[-1] for r in roots)
    if before[-1].pos_ != "DET":
        return False
    # the complement of a noun ("l'idée d'une « ... »"), not the words a verb reports
    return all(
        (r.head.pos_ in _CONTENT and r.head != r)
        or any(c.dep_ == "case" and c.i < words.start for c in r.children)
        for r in roots
    )
