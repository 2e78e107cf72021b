"""Places an event's clause does not give but the text does elsewhere: the place the sentence
before named ("Elle y remettra"), an earlier mention of the same event, the operation it was
done through, an expelled envoy's post."""

from __future__ import annotations

from spacy.tokens import Token

from ..geo import place_country, place_level, place_name
from .actors import ActorIndex, is_place
from .clauses import case_of, feature, under_place_prep
from .frames import Frame
from .lexicon import Cues, load_lexicon
from .placewords import PlaceWords, act_types, load_place_words, prep_before

__all__ = ["told_elsewhere"]


def told_elsewhere(token: Token, index: ActorIndex, cues: Cues, frame: Frame) -> str | None:
    """The place the text gives the event of `token` outside its clause, if any."""
    words = load_place_words()
    return (
        _there(token, index, cues, words)
        or _told_before(token, index, cues, words)
        or _means_place(token, index, cues, frame)
        or _post(token, index, frame, words)
    )


def _means_place(token: Token, index: ActorIndex, cues: Cues, frame: Frame) -> str | None:
    """The place of the act of the same kind the sentence names as the means of this one: the
    antecedent of a relative clause holding it ("l'opération de X à Beyrouth qui a permis
    l'élimination de Y") or a noun of means ("l'assassinat de Y, par une frappe ... ayant visé
    son consulat à Damas")."""
    words, kinds = load_place_words(), act_types(token)
    if not kinds:
        return None
    relatives = {a.head.i for a in token.ancestors if a.dep_ == "acl:relcl"}
    parties = {a.actor_id for a in (*frame.source, *frame.target)}
    for noun in token.sent:
        if noun.i == token.i or noun.pos_ != "NOUN" or not act_types(noun) & kinds:
            continue
        means = any(c.dep_ == "case" and c.lower_ in words.means for c in noun.children)
        if noun.i not in relatives and not (means and noun.i > token.i):
            continue
        start, end = noun.left_edge.i, noun.right_edge.i + 1
        for i, actor in index.in_range(start, end):
            word = index.doc[i]
            if actor.kind == "person" or actor.actor_id in parties:
                continue
            if not under_place_prep(word, index, cues):
                continue
            if is_place(actor) or prep_before(word, index, words) in words.at:
                return place_name(actor, index.surface(word))
    return None


def _there(token: Token, index: ActorIndex, cues: Cues, words: PlaceWords) -> str | None:
    """For a verb with the pronoun of place ("Elle y remettra du matériel"), the place the
    sentence before named ("La ministre se rendra aussi à Boutcha")."""
    if token.pos_ != "VERB" or not any(
        c.pos_ == "PRON" and c.lower_ in words.there for c in token.children
    ):
        return None
    start = token.sent.start
    before = [s for s in token.doc.sents if s.end <= start]
    if not before:
        return None
    sent = before[-1]
    ranked: list[tuple[int, int, str]] = []
    for i, actor in index.in_range(sent.start, sent.end):
        word = index.doc[i]
        if actor.kind == "person" or not under_place_prep(word, index, cues):
            continue
        prep = prep_before(word, index, words)
        if is_place(actor) or prep in words.at:
            ranked.append((words.ranks.get(prep, 1), i, place_name(actor, index.surface(word))))
    return min(ranked)[2] if ranked else None


# Place levels, finest first: a city post before the state ("à Bamako" before "au Mali").
_FINEST = ("site", "city", "unknown", "region", "state")


def _post(token: Token, index: ActorIndex, frame: Frame, words: PlaceWords) -> str | None:
    """For an act done to an envoy where they serve (an expulsion), their post in the acting
    state as the article gives it anywhere ("l'ambassadeur de France à Bamako"), the finest
    first."""
    pos = "verb" if token.pos_ in ("VERB", "AUX") else "noun"
    lemma = token.lemma_.casefold()
    modes = {e.mode for e in load_lexicon().entries(lemma, pos)}
    if lemma not in words.envoy_acts and not modes & words.envoy_acts:
        return None
    envoys = [c for c in token.children if c.lemma_.casefold() in words.envoys]
    if not envoys:
        return None
    sender = _envoy_state(envoys[0], index)
    hosts = {a.country if a.kind == "person" else place_country(a.name) for a in frame.source}
    hosts.discard(None)
    posts: list[tuple[int, int, str]] = []
    for other in token.doc:
        if other.lemma_.casefold() not in words.envoys:
            continue
        state = _envoy_state(other, index)
        if sender is not None and state is not None and state != sender:
            continue  # another state's envoy
        for child in other.children:
            actor = index.at(child)
            if actor is None or not is_place(actor):
                continue
            country = place_country(actor.name)
            if country == sender or (country is not None and hosts and country not in hosts):
                continue  # the envoy's home, or a post in another state than the acting one
            if case_of(child) in words.ranks:
                name = place_name(actor, index.surface(child))
                posts.append((_FINEST.index(place_level(name)), child.i, name))
    return min(posts)[2] if posts else None


def _envoy_state(envoy: Token, index: ActorIndex) -> str | None:
    """The ISO code of the state an envoy serves: the person the linker read the title as,
    or the state a "de X" complement names ("l'ambassadeur de France")."""
    own = index.at(envoy)
    if own is not None and own.kind == "person" and own.country is not None:
        return own.country
    words = load_place_words()
    for child in envoy.children:
        actor = index.at(child)
        if actor is None or case_of(child) is None or case_of(child) in words.ranks:
            continue  # "en France" is a post, "de France" the sender
        country = actor.country if actor.kind == "person" else place_country(actor.name)
        if country is not None:
            return country
    return None


def _told_before(token: Token, index: ActorIndex, cues: Cues, words: PlaceWords) -> str | None:
    """For "la réunion" or "cette rencontre", the place an earlier mention of the same event
    noun gave ("Lors d'une réunion cruciale au Pentagone")."""
    if token.pos_ != "NOUN":
        return None
    determiners = [c for c in token.children if c.dep_ == "det"]
    if not any(
        feature(d, "Definite") == "Def" or feature(d, "PronType") == "Dem" for d in determiners
    ):
        return None
    lemma = token.lemma_.casefold()
    for earlier in reversed(token.doc[: token.i]):
        if earlier.lemma_.casefold() != lemma or earlier.pos_ != "NOUN":
            continue
        for child in earlier.children:
            actor = index.at(child)
            if actor is None or actor.kind == "person" or case_of(child) not in cues.place_preps:
                continue
            if is_place(actor) or case_of(child) in words.at:
                return place_name(actor, index.surface(child))
    return None
