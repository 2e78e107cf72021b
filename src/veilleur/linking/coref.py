"""Back-references for the events and quotes components: mentions at a token, pronouns, groups.

Everything is read from doc._.mentions, so these helpers work on any Doc the actors component
has processed (also after a Doc round-trip between processes).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from ..records import Mention
from .grammar import Gender, grammar
from .tokens import Layout, layout, word

_LOOKBACK = 16
_KIND_ORDER = {"person": 0, "group": 1, "organisation": 2, "state": 3, "place": 4}


def mention_at(doc: Doc, token: Token) -> Mention | None:
    """The mention covering this token (a person before a body, the narrowest first)."""
    mentions: list[Mention] = doc._.mentions or []
    k = bisect.bisect_right(mentions, token.idx, key=lambda m: m.start)
    # mentions are short and sorted by start: a covering one is among the last few before
    covering = [m for m in mentions[max(0, k - _LOOKBACK) : k] if token.idx < m.end]
    if not covering:
        return None
    return min(covering, key=lambda m: (_KIND_ORDER.get(m.kind, 9), m.end - m.start))


def _people_before(
    doc: Doc, lay: Layout, sentence: int, *, before: int | None = None
) -> list[Mention]:
    """Person mentions of one sentence, outside quotations, in text order."""
    s, e = lay.sentence_span(sentence, len(doc))
    lo = doc[s].idx
    hi = doc[e - 1].idx + len(doc[e - 1]) if before is None else before
    return [
        m
        for m in (doc._.mentions or [])
        if m.kind == "person" and lo <= m.start < hi and not lay.quoted(m.start)
    ]


def _gender(doc: Doc, mention: Mention, words: dict[str, Gender]) -> Gender | None:
    """The gender the words before any of the person's mentions give ("Mme", "la ministre")."""
    for m in doc._.mentions or []:
        if m.actor_id != mention.actor_id:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.start == 0:
            continue
        if (found := words.get(word(doc[span.start - 1]))) is not None:
            return found
    return None


def resolve_pronoun(doc: Doc, token: Token, *, lang: str = "fr") -> Mention | None:
    """The person a subject pronoun ('il', 'elle', '-t-il', 'ce dernier') stands for, or None."""
    g = grammar(lang)
    gender = g.pronouns.get(word(token))
    recency = (
        token.i > 0
        and word(doc[token.i - 1]) in g.recency_determiners
        and word(token) in g.recency_pronouns
    )
    if recency:
        gender = g.recency_pronouns[word(token)]
    if gender is None:
        return None
    lay = layout(doc)
    here = lay.sentence_of(token.i)
    pool = _people_before(doc, lay, here, before=token.idx)
    for back in range(1, g.max_back_sentences + 1):
        if pool:
            break
        if here - back < 0:
            break
        pool = _people_before(doc, lay, here - back)
    if recency:  # "ce dernier": the last one named, not the subject
        pool = pool[::-1]
    for m in pool:
        found = _gender(doc, m, g.gender_words)
        if found is None or found == gender:
            return Mention(
                token.idx,
                token.idx + len(token),
                token.text,
                m.actor_id,
                m.name,
                "person",
                m.country,
                m.role,
                "pronoun",
            )
    return None


def resolve_group(doc: Doc, token: Token, *, lang: str = "fr") -> tuple[Mention, ...]:
    """The persons 'les deux hommes' or 'ils' designate: those named just before."""
    g = grammar(lang)
    w = word(token)
    if w not in g.group_nouns and w not in g.plural_pronouns:
        return ()
    wanted = g.number_words.get(word(doc[token.i - 1])) if token.i > 0 else None
    lay = layout(doc)
    here = lay.sentence_of(token.i)
    found: dict[str, Mention] = {}
    for back in range(0, g.max_back_sentences + 1):
        if here - back < 0:
            break
        before = token.idx if back == 0 else None
        for m in reversed(_people_before(doc, lay, here - back, before=before)):
            if m.actor_id not in found:
                found[m.actor_id] = m
        if wanted is not None and len(found) >= wanted:
            break
        if wanted is None and len(found) >= 2:
            break
    people = list(found.values())[: wanted or len(found)]
    return tuple(
        Mention(
            token.idx,
            token.idx + len(token),
            token.text,
            m.actor_id,
            m.name,
            "person",
            m.country,
            m.role,
            "group",
        )
        for m in sorted(people, key=lambda m: m.start)
    )
