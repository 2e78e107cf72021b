"""Build doc._.mentions: people (names and designating titles), states, organisations, places."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..kb import Actor, KnowledgeBase, OrgMatch
from ..records import Mention, PersonRecord
from .kbmatch import KbHit
from .people import Period, Person, kb_label
from .references import Resolved
from .text import fold, slug
from .titles import Title
from .tokens import is_capitalised, joined, word, words

_MAX_BODY = 7  # tokens in "ministère israélien des Affaires étrangères"


def _mention(span: Span, actor: Actor, how: str, *, country: str | None = None) -> Mention:
    kind = actor.kind
    return Mention(
        span.start_char,
        span.end_char,
        span.text,
        actor.id,
        actor.name,
        kind,
        country if country is not None else actor.country,
        None,
        how,
    )


def mentions(
    doc: Doc,
    *,
    kb: KnowledgeBase,
    people: list[tuple[Person, PersonRecord]],
    resolved: list[Resolved],
    hits: list[KbHit],
    titles: list[Title],
    period: Period,
    location_preps: frozenset[str],
    generic_heads: frozenset[str] = frozenset(),
    recipient_verbs: frozenset[str] = frozenset(),
    water_words: frozenset[str] = frozenset(),
    water_qualifiers: frozenset[str] = frozenset(),
) -> list[Mention]:
    """Every actor mention of the Doc, sorted by offset."""
    out: list[Mention] = []
    inside_titles: set[int] = set()
    for t in titles:
        inside_titles.update(range(t.det_start, t.end))
    person_tokens: set[int] = set()
    for person, rec in people:
        label = rec.role or kb_label(person, period)
        for run in person.runs:
            span = doc[run.start : run.end]
            person_tokens.update(range(run.start, run.end))
            titled = run.left or run.right or run.honorific
            how = "kb" if person.actor else "ner" if run.ner else "title" if titled else "name"
            out.append(_person_mention(span, rec, label, how))
        for a, b in person.pointers:
            out.append(_person_mention(doc[a:b], rec, label, "coref"))
    by_person = {id(p): rec for p, rec in people}
    for item in resolved:
        span = doc[item.title.start : item.title.end]
        if item.person is not None:
            found = by_person.get(id(item.person))
            if found is None:
                continue
            rec = found
            out.append(
                Mention(
                    span.start_char,
                    span.end_char,
                    span.text,
                    rec.actor_id,
                    rec.name,
                    "person",
                    rec.country,
                    item.title.role,
                    "title",
                )
            )
        elif item.holder is not None:
            office = item.holder.role_on(period.start, until=period.end)
            out.append(
                Mention(
                    span.start_char,
                    span.end_char,
                    span.text,
                    item.holder.id,
                    item.holder.name,
                    "person",
                    item.holder.country,
                    item.title.role or (office.label if office else None),
                    "title",
                )
            )
    waters = _waters(doc, water_words, water_qualifiers, person_tokens | inside_titles)
    water_tokens = {i for w in waters for i in range(w.start, w.end)}
    out.extend(_place_mention(w, "name") for w in waters)
    taken = {i for h in hits for i in range(h.start, h.end)} | person_tokens | inside_titles
    taken |= water_tokens
    bodies = _generic_bodies(doc, kb, taken, generic_heads)
    taken |= {i for start, end, _ in bodies for i in range(start, end)}
    hit_at = {h.start: h for h in hits}
    owned: set[int] = set()  # a state named inside a body's name ("forces armées des Philippines")
    for hit in hits:
        if hit.actor.kind == "person" or hit.start in inside_titles | person_tokens:
            continue
        if hit.start in water_tokens or hit.start in owned:
            continue  # "en mer du Japon": a sea, not the state it is named after
        span = doc[hit.start : hit.end]
        place = hit.actor.country
        if hit.actor.generic and place is None:
            place, end = _country_after(doc, kb, hit.end, hit_at)
            if place is not None:
                owned.update(range(hit.end, end))
                out.append(_state_body(doc[hit.start : end], hit.actor, place, kb))
                continue
        out.append(_mention(span, hit.actor, "kb", country=place))
    for start, end, match in bodies:
        if match.actor.generic and match.country is not None:
            out.append(_state_body(doc[start:end], match.actor, match.country, kb))
        else:
            out.append(_mention(doc[start:end], match.actor, "kb", country=match.country))
    taken |= owned
    out.extend(_demonyms(doc, kb, taken))
    out.extend(_places(doc, kb, taken, location_preps, recipient_verbs))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _generic_bodies(
    doc: Doc, kb: KnowledgeBase, taken: set[int], heads: frozenset[str]
) -> list[tuple[int, int, OrgMatch]]:
    """Generic bodies with a demonym inside: 'le ministère israélien de la Défense'."""
    found: list[tuple[int, int, OrgMatch]] = []
    table = words(doc)
    i = 0
    while i < len(doc):
        if i in taken or table.folded[i] not in heads:
            i += 1
            continue
        best: tuple[int, OrgMatch] | None = None
        for j in range(min(len(doc), i + _MAX_BODY), i + 1, -1):
            if any(x in taken for x in range(i, j)) or doc[j - 1].is_punct:
                continue
            if not any(kb.demonyms_in(table.text[x]) for x in range(i + 1, j)):
                continue
            match = kb.organisation_match(doc[i:j].text)
            if match is not None and match.country is not None:
                best = (j, match)
                break
        if best is None:
            i += 1
            continue
        found.append((i, best[0], best[1]))
        i = best[0]
    return found


def _country_after(
    doc: Doc, kb: KnowledgeBase, end: int, hit_at: dict[int, KbHit]
) -> tuple[str | None, int]:
    """'le ministère de la Défense israélien', '... d'Israël': the country right after a body,
    and where the words naming it end."""
    if end >= len(doc):
        return None, end
    states = kb.demonyms_in(doc[end].text) if not is_capitalised(doc[end]) else ()
    if states:
        return states[0].country, end + 1
    nxt = hit_at.get(end + 1)
    if nxt is not None and nxt.actor.kind == "state" and doc[end].pos_ == "ADP":
        return nxt.actor.country, nxt.end
    if doc[end].pos_ == "ADP" and end + 1 < len(doc) and is_capitalised(doc[end + 1]):
        # "le gouvernement d'Addis-Abeba": a capital standing for its state
        stop = joined(doc, end + 1)
        state = kb.metonym(doc[end + 1 : stop].text)
        if state is not None and state.country is not None:
            return state.country, stop
    return None, end


def _state_body(span: Span, actor: Actor, country: str, kb: KnowledgeBase) -> Mention:
    """A generic body of one state, named as the article writes it with its state
    ("marine iranienne", "ministère philippin des Affaires étrangères", "forces armées des
    Philippines"): the bare name would lose whose body it is; one id per state's body. A
    state's generic government is the state itself ("le gouvernement éthiopien a signé")."""
    governing = kb.governing(OrgMatch(actor, country)).actor
    if governing is not actor:
        return _mention(span, governing, "kb")
    words = list(span)
    while len(words) > 1 and words[0].pos_ in {"DET", "ADP"}:
        words = words[1:]
    named = span.doc[words[0].i : span.end]
    text = named.text
    if is_capitalised(named[0]) and not _capitalised_name(actor.name):
        text = text[:1].lower() + text[1:]  # "La marine iranienne" opening a sentence
    return Mention(
        span.start_char, span.end_char, span.text, f"{actor.id}:{country}", text,
        actor.kind, country, None, "kb",
    )  # fmt: skip


def _capitalised_name(name: str) -> bool:
    """True when a body's usual name starts with a capital ("Parlement", "Sénat")."""
    return name[:1].isupper()


def _demonyms(doc: Doc, kb: KnowledgeBase, taken: set[int]) -> list[Mention]:
    """'une frappe israélienne': the state as an actor, outside titles and names."""
    out: list[Mention] = []
    table = words(doc)
    texts = table.text
    for i, text in enumerate(texts):
        if i in taken or table.capitalised[i]:
            continue
        glued = i + 1 < len(texts) and texts[i + 1] == "-" and not table.spaced[i]
        prefix = kb.prefix_form(text) if glued else None
        if prefix is not None:  # "israélo-américaines": both states
            out.append(_mention(doc[i : i + 1], prefix, "demonym"))
            continue
        if table.pos[i] not in {"ADJ", "NOUN"}:
            continue
        for state in kb.demonyms_in(text):
            out.append(_mention(doc[i : i + 1], state, "demonym"))
    return out


def _places(
    doc: Doc,
    kb: KnowledgeBase,
    taken: set[int],
    location_preps: frozenset[str],
    recipient_verbs: frozenset[str],
) -> list[Mention]:
    """Place names: a metonym stands for its state unless a preposition makes it a place."""
    out: list[Mention] = []
    for found in doc.ents:
        if found.label_ != "LOC" or any(i in taken for i in range(found.start, found.end)):
            continue
        end = found.end
        while end - 1 > found.start and not doc[end - 1].text[:1].isupper():
            end -= 1  # "Tel Aviv jeudi", "Cisjordanie occupée": a name ends on a capital
        ent = doc[found.start : end]
        state = kb.metonym(ent.text)
        if len(ent) == 1 and ent[0].pos_ != "PROPN" and state is None:
            continue  # "une visite d'Etat": a common noun the tagger took for a place
        before = word(doc[ent.start - 1]) if ent.start > 0 else ""
        if state is not None and (
            before not in location_preps or _addressee(doc, ent, before, recipient_verbs)
        ):
            out.append(_mention(ent, state, "metonym"))
            continue
        capital_of = kb.capital_of(ent.text) or state
        out.append(
            Mention(
                ent.start_char,
                ent.end_char,
                ent.text,
                "place:" + slug(ent.text),
                ent.text,
                "place",
                capital_of.country if capital_of else None,
                None,
                "ner",
            )
        )
    return out


def _waters(
    doc: Doc, heads: frozenset[str], qualifiers: frozenset[str], taken: set[int]
) -> list[Span]:
    """Seas, straits and gulfs with their name: 'mer du Japon', 'golfe Persique', 'détroit de
    Taïwan', 'mer de Chine méridionale'."""
    found: list[Span] = []
    if not heads:
        return found
    table = words(doc)  # a Token only where a sea word stands (`lower_` is `text.lower()`)
    for i, text in enumerate(table.text):
        if text.lower() not in heads or i in taken or table.capitalised[i]:
            continue
        tok = doc[i]
        k = tok.i + 1
        if k < len(doc) and doc[k].lower_ in _OF:
            k += 1
            while k < len(doc) and doc[k].lower_ in _ARTICLES:
                k += 1
        end = k
        while end < len(doc) and is_capitalised(doc[end]) and end not in taken:
            end = joined(doc, end)
        if end == k:
            continue
        while end < len(doc) and doc[end].lower_ in qualifiers:
            end += 1
        found.append(doc[tok.i : end])
    return found


_OF = frozenset({"de", "du", "des", "d'", "d’"})  # closed-class words of the place's name
_ARTICLES = frozenset({"la", "l'", "l’", "les"})


def _place_mention(span: Span, how: str) -> Mention:
    """A place of its own (no state's actor): its words are its name."""
    return Mention(
        span.start_char, span.end_char, span.text, "place:" + slug(span.text), span.text,
        "place", None, None, how,
    )  # fmt: skip


def _addressee(doc: Doc, ent: Span, before: str, verbs: frozenset[str]) -> bool:
    """'reprocher à Belgrade': the 'à' complement of a verb of saying or giving is a party."""
    # only a name the parser hangs on the verb itself: "une réunion à Genève" is a place
    if before not in {"a", "au"}:
        return False
    head = ent.root.head
    return head.pos_ == "VERB" and fold(head.lemma_) in verbs


def _person_mention(span: Span, rec: PersonRecord, role: str | None, how: str) -> Mention:
    """A mention of a person of the article, as its record names it."""
    return Mention(
        span.start_char, span.end_char, span.text, rec.actor_id, rec.name, "person",
        rec.country, role, how,
    )  # fmt: skip
