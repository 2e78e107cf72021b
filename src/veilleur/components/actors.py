"""Actor linking: mentions of people, states and organisations, and the article's people.

Stages (veilleur.linking holds each piece):
    1. KB names       KbMatcher finds states, organisations and known people (accent-folded)
    2. titles         TitleReader reads office titles, demonyms and complements
    3. names          NameFinder repairs NER into person-name runs, with their titles
    4. people         runs grouped into one Person each (KB id or new:<slug>)
    5. references     unnamed titles resolved to the KB holder at the article's date
    6. records        doc._.mentions (people, states, organisations, places), doc._.people
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extraction.lexicon import load_lexicon
from ..extraction.placewords import load_place_words
from ..kb import KnowledgeBase, fold
from ..linking.grammar import grammar
from ..linking.kbmatch import KbHit, KbMatcher
from ..linking.mentions import mentions as build_mentions
from ..linking.names import NameFinder
from ..linking.people import (
    Period,
    counterpart_roles,
    country,
    group,
    keep,
    record,
    role,
    unsettled,
)
from ..linking.references import rank_references, resolve
from ..linking.titles import TitleReader
from ..linking.tokens import layout
from ..records import PartialDate


def period_of(doc: Doc) -> Period:
    """The article's publication period, from doc._.published or the Article."""
    published: PartialDate | None = doc._.published
    if published is None and doc._.article is not None:
        published = doc._.article.published
    if published is None:
        return Period()
    return Period(published.first_day(), published.last_day())


class ActorLinker:
    """Link mentions to knowledge-base or new actors and list the article's people."""

    def __init__(
        self, nlp: Language, name: str, kb_paths: list[str], *, role_from_kb: bool, lang: str
    ) -> None:
        self.name = name
        self.kb_paths = kb_paths
        self.role_from_kb = role_from_kb
        self.kb = KnowledgeBase.load(extra_paths=kb_paths)
        self.grammar = grammar(lang)
        self.matcher = KbMatcher(nlp, self.kb)
        self.titles = TitleReader(nlp, self.kb, self.grammar)
        self.names = NameFinder(self.kb, self.grammar, self.titles)
        self.genitive = self.grammar.genitive_preps
        # a name completing an act noun takes part in the act: the grammar's own list, and
        # every noun the event lexicon reads as an event ("l'assassinat de X")
        self.acts = self.grammar.act_nouns | frozenset(
            fold(w) for w in load_lexicon().lemma_set("noun")
        )
        self.stateless = _stateless_offices(self.kb)
        self.waters = load_place_words(lang)
        # first words of the generic bodies ("ministère", "gouvernement") a demonym may follow
        self.generic_heads = frozenset(
            fold(a.name).split()[0] for a in self.kb.actors() if a.generic and a.name
        )

    def __call__(self, doc: Doc) -> Doc:
        period = period_of(doc)
        lay = layout(doc)
        hits = self.matcher.hits(doc)
        hit_at = {h.start: h for h in hits}
        titles = self.titles.read_all(doc, hit_at)
        runs = self.names.find(doc, hits, titles, lay)
        people = [
            p for p in group(runs) if keep(p, doc, lay, genitive=self.genitive, acts=self.acts)
        ]
        # by position: a listed name holds its own copy of a plural title ("X pour Kinshasa")
        used = {(t.start, t.end) for r in runs for t in (r.left, r.right) if t is not None}
        # a plural title names no one unless names are listed after it ("les ministres des
        # Affaires étrangères du G7 ont condamné": the G7 acts, not a minister named before)
        titles = [t for t in titles if not t.plural or (t.start, t.end) in used]
        unnamed = [t for t in titles if (t.start, t.end) not in used]
        resolved = resolve(
            self.kb,
            doc,
            unnamed,
            people,
            period,
            lay,
            self.grammar.max_back_sentences,
            self.grammar.gender_words,
        )
        for item in resolved:
            if item.person is not None:
                item.person.references.append(item.title)
        named = {i for p in people for r in p.runs for i in range(r.start, r.end)}
        pointers = rank_references(
            doc, self.titles, people, lay, self.grammar.max_back_sentences, named
        )
        for start, end, person in pointers:
            person.pointers.append((start, end))
        refs: dict[tuple[int, int], str | None] = {}
        for person in people:
            for run in person.runs:
                refs[(run.start, run.end)] = person.actor.country if person.actor else None
        records = []
        states = _state_names(hits)
        ordered = sorted(people, key=lambda p: p.first)
        roles = {id(p): role(p, period, self.kb, kb_fallback=self.role_from_kb) for p in ordered}
        roles |= counterpart_roles(doc, ordered, roles)
        for person in ordered:
            place = country(person, period, resolve_ref=refs, stateless=self.stateless)
            written = roles[id(person)]
            if place is None and unsettled(person, refs) and written is not None:
                # an official whose title names no state ("le porte-parole de l'administration
                # régionale") most likely serves the state last named before them
                place = _nearest_state(states, person.first)
            records.append(record(person, doc, person_country=place, person_role=written))
        doc._.people = records
        doc._.mentions = build_mentions(
            doc,
            kb=self.kb,
            people=list(zip(ordered, records, strict=True)),
            resolved=resolved,
            hits=hits,
            titles=titles,
            period=period,
            location_preps=self.grammar.location_preps,
            generic_heads=self.generic_heads,
            recipient_verbs=self.grammar.recipient_verbs,
            water_words=self.waters.waters,
            water_qualifiers=self.waters.water_qualifiers,
        )
        return doc


def _state_names(hits: list[KbHit]) -> list[tuple[int, str]]:
    """Where the article names a state, in text order: (token, country)."""
    return [(h.start, h.actor.country) for h in hits if h.actor.kind == "state" and h.actor.country]


def _nearest_state(names: list[tuple[int, str]], at: int) -> str | None:
    """The state named last before token `at` (capitals mislead: host cities, datelines)."""
    before = [c for i, c in names if i < at]
    return before[-1] if before else None


def _stateless_offices(kb: KnowledgeBase) -> frozenset[str]:
    """Ids of international bodies and armed groups, and their office keys (no state)."""
    # FORMAT.md: their officials serve no state, their country is null
    orgs = {a.id for a in kb.actors() if a.org_kind in {"intergovernmental", "armed_group"}}
    keys = {o.role for a in kb.actors() if a.kind == "person" for o in a.offices}
    offices = set()
    for key in keys:
        spec = kb.office(key)
        if spec is None:
            continue
        in_group = bool(spec.org_kinds) and set(spec.org_kinds) <= {"armed_group"}
        if spec.kind == "international" or in_group or spec.organisation in orgs:
            offices.add(key)
    return frozenset(offices | orgs)


@Language.factory(
    "veilleur_actors",
    default_config={"kb_paths": [], "role_from_kb": False, "lang": "fr"},
    requires=["doc.ents"],
    assigns=["doc._.mentions", "doc._.people"],
)
def make_actor_linker(
    nlp: Language, name: str, kb_paths: list[str], role_from_kb: bool, lang: str
) -> ActorLinker:
    """Factory of the actor-linking component."""
    return ActorLinker(nlp, name, kb_paths, role_from_kb=role_from_kb, lang=lang)
