"""Back-references for the events and quotes components: mentions at a token, pronouns, groups.

Everything is read from doc._.mentions, so these helpers work on any Doc the actors component
has processed (also after a Doc round-trip between processes).
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Token

from ..records import Mention
from .grammar import Gender, Grammar, grammar
from .text import fold
from .tokens import Layout, layout, word

_LOOKBACK = 16
_MAX_TITLE_SCAN = 14
_DEPTH = 3  # "Il ... Il ... Il": how many pronoun links a resolution may follow
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


@cache
def _title_words(lang: str) -> frozenset[str]:
    """First words of heads, ranks and modifiers: a determiner before one tells a gender."""
    g = grammar(lang)
    phrases = (*g.title_heads, *g.counterpart_heads, *g.press_heads, *g.ranks, *g.honorifics)
    return frozenset(fold(p).split()[0] for p in phrases) | g.drop_modifiers | g.kept_modifiers


def _gender_before(doc: Doc, start: int, g: Grammar, heads: frozenset[str]) -> Gender | None:
    """'Mme Colonna', 'le ministre Gallant', 'la nouvelle cheffe ..., Catherine Colonna'."""
    j = start - 1
    if j >= 0 and doc[j].text == ",":
        j -= 1
    for _ in range(_MAX_TITLE_SCAN):
        if j < 0 or doc[j].pos_ in {"VERB", "AUX"} or doc[j].text in {",", ".", ";", ":"}:
            return None
        found = g.gender_words.get(word(doc[j]))
        if found is not None and (j + 1 == start or word(doc[j + 1]) in heads):
            return found
        j -= 1
    return None


def _gender(doc: Doc, actor_id: str, g: Grammar, heads: frozenset[str]) -> Gender | None:
    """The gender any mention of the person shows, if any."""
    for m in doc._.mentions or []:
        if m.actor_id != actor_id or m.how in {"pronoun", "group"}:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and (found := _gender_before(doc, span.start, g, heads)) is not None:
            return found
    return None


def _impersonal(doc: Doc, token: Token, g: Grammar) -> bool:
    """'il y a', 'il s'agit', 'il ne faut pas': no one is designated."""
    if g.pronouns.get(word(token)) != "m":
        return False
    k = token.i + 1
    while k < len(doc) and word(doc[k]) in g.negations:
        k += 1
    after = fold(doc[k : k + 3].text) + " "
    return any(after.startswith(phrase + " ") for phrase in g.impersonal_next)


def _candidates(
    doc: Doc,
    lay: Layout,
    sentence: int,
    before: int | None,
    g: Grammar,
    depth: int,
    heads: frozenset[str],
) -> list[Mention]:
    """People of one sentence in text order, outside quotations; its pronouns resolved too."""
    s, e = lay.sentence_span(sentence, len(doc))
    hi = doc[e - 1].idx + len(doc[e - 1]) if before is None else before
    found: list[Mention] = [
        m
        for m in (doc._.mentions or [])
        if m.kind == "person" and doc[s].idx <= m.start < hi and not lay.quoted(m.start)
    ]
    if depth > 0:
        for tok in doc[s:e]:
            if tok.idx >= hi or (found and tok.idx > found[0].start):
                break  # only a pronoun before the first name can be the sentence's subject
            if word(tok) in g.pronouns and not lay.quoted(tok.idx):
                resolved = _resolve(doc, tok, g, lay, depth - 1, heads)
                if resolved is not None:
                    found.insert(0, resolved)
                break
    return found


def _resolve(
    doc: Doc, token: Token, g: Grammar, lay: Layout, depth: int, heads: frozenset[str]
) -> Mention | None:
    gender = g.pronouns.get(word(token))
    recency = (
        token.i > 0
        and word(doc[token.i - 1]) in g.recency_determiners
        and word(token) in g.recency_pronouns
    )
    if recency:
        gender = g.recency_pronouns[word(token)]
    if gender is None or lay.quoted(token.idx) or (not recency and _impersonal(doc, token, g)):
        return None
    here = lay.sentence_of(token.i)
    ahead = _main_subject_after(doc, token)
    if ahead is not None and not recency:
        # "Depuis Hanoï, où il a été reçu par X, Poutine a ...": a pronoun of a clause put
        # before the main one stands for the main clause's subject
        found = _gender(doc, ahead.actor_id, g, heads)
        if found is None or found == gender:
            return replace(ahead, start=token.idx, end=token.idx + len(token), text=token.text,
                           how="pronoun")  # fmt: skip
    own = _candidates(doc, lay, here, token.idx, g, 0, heads)
    # in its own sentence a subject pronoun stands for a subject named before it ("X, qui ...,
    # il"), not for a person named in a complement ("sa rencontre avec le maître du Kremlin :
    # il avait déjà ..."), who is rarely the topic
    pool = own if recency else [m for m in own if _subject_at(doc, m)]
    for back in range(1, g.max_back_sentences + 1):
        if pool or here - back < 0:
            break
        pool = _candidates(doc, lay, here - back, None, g, depth, heads)
    pool = pool or own
    if recency:  # "ce dernier": the last one named, not the subject
        pool = pool[::-1]
    for m in pool:
        found = _gender(doc, m.actor_id, g, heads)
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


def _main_subject_after(doc: Doc, token: Token) -> Mention | None:
    """The person subject of the main verb, named after `token` when `token` stands in a
    clause put before the main one ("Depuis Hanoï, où il a été reçu, X a ...")."""
    root = token.sent.root
    if token.head.i == root.i or root.i < token.i:
        return None
    clause = token.head
    while clause.head.i != root.i and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ not in ("advcl", "acl:relcl", "acl", "obl:mod", "nmod") or clause.i > root.i:
        return None
    for child in root.children:
        if child.dep_.startswith("nsubj") and child.i > token.i:
            mention = mention_at(doc, child)
            if mention is not None and mention.kind == "person":
                return mention
    return None


def _subject_at(doc: Doc, mention: Mention) -> bool:
    """True for a mention whose phrase is a subject (or in apposition to one)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return True  # no parse to tell: keep it
    head = span.root
    while head.dep_ in ("appos", "flat:name", "nmod") and head.head.i != head.i:
        head = head.head
    return head.dep_.startswith("nsubj")


def resolve_pronoun(doc: Doc, token: Token, *, lang: str = "fr") -> Mention | None:
    """The person a subject pronoun ('il', '-t-il', 'ce dernier') stands for, or None."""
    # None too for an impersonal "il y a", a pronoun inside a quotation, or no clear antecedent
    g = grammar(lang)
    w = word(token)
    if w not in g.pronouns and w not in g.recency_pronouns:
        return None  # cheap exit: callers may ask about every subject token
    return _resolve(doc, token, g, layout(doc), _DEPTH, _title_words(lang))


def resolve_group(doc: Doc, token: Token, *, lang: str = "fr") -> tuple[Mention, ...]:
    """The persons named just before that 'les deux hommes' or 'ils' designate."""
    g = grammar(lang)
    w = word(token)
    if w in g.group_nouns:
        number = word(doc[token.i - 1]) if token.i > 0 else ""
        opener = word(doc[token.i - 2]) if token.i > 1 else ""
        if number not in g.number_words or opener not in g.group_determiners:
            return ()  # "deux généraux iraniens" introduces new people
        wanted: int | None = g.number_words[number]
    elif w in g.plural_pronouns:
        wanted = None
    else:
        return ()
    lay = layout(doc)
    here = lay.sentence_of(token.i)
    found: dict[str, Mention] = {}
    for back in range(0, g.max_back_sentences + 1):
        if here - back < 0:
            break
        before = token.idx if back == 0 else None
        for m in reversed(
            _candidates(doc, lay, here - back, before, g, _DEPTH, _title_words(lang))
        ):
            if m.actor_id not in found:
                found[m.actor_id] = m
        if len(found) >= (wanted or 2) and wanted is None:
            break
    people = list(found.values())
    counts = Counter(
        m.actor_id for m in doc._.mentions or [] if m.start < token.idx and m.kind == "person"
    )
    if wanted is not None:
        # "les deux dirigeants": the two the story is about, named most often so far, over
        # the officials named last beside them (the nearer first on a tie), also when the
        # story's people were named before the sentences just read
        named = {m.actor_id for m in people}
        earlier = [
            m
            for m in reversed(doc._.mentions or [])
            if m.start < token.idx and m.kind == "person" and counts[m.actor_id] > 1
        ]
        for m in earlier:
            if m.actor_id not in named:
                named.add(m.actor_id)
                people.append(m)
    if wanted is not None and len(people) > wanted:
        people = sorted(people, key=lambda m: -counts[m.actor_id])
    people = people[: wanted or len(people)]
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
