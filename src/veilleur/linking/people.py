"""Group name runs into one actor per person, and give each its name, aliases, country, role."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..kb import Actor, KnowledgeBase
from ..records import PersonRecord
from .grammar import Gender
from .names import NameRun
from .text import fold, name_key, same_spelling, slug
from .titles import Title
from .tokens import Layout


@dataclass(frozen=True, slots=True)
class Period:
    """The days an article may date from (a month, a day), or unknown."""

    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(slots=True)
class Person:
    """One person of the article while it is being assembled."""

    runs: list[NameRun]
    actor: Actor | None = None
    references: list[Title] = field(default_factory=list)  # unnamed titles designating them
    pointers: list[tuple[int, int]] = field(default_factory=list)  # "le général américain"

    @property
    def first(self) -> int:
        """Token index of the first mention."""
        return min(r.start for r in self.runs)

    def forms(self) -> list[str]:
        """The spellings used, in text order."""
        return [" ".join(r.text.split()) for r in sorted(self.runs, key=lambda r: r.start)]

    def family(self) -> str:
        """The folded last word of the fullest form."""
        return fold(self.name()).split()[-1]

    def name(self) -> str:
        """The KB name when the article uses it, else the fullest form written."""
        forms = self.forms()
        if self.actor is not None:
            key = name_key(self.actor.name)
            for form in forms:
                if name_key(form) == key:
                    return form  # the KB's name, spelt as the article spells it
        return max(forms, key=lambda f: (len(f.split()), forms.count(f), -forms.index(f)))

    def aliases(self) -> tuple[str, ...]:
        """Other spellings: longer forms, and short forms that are not part of the name."""
        name = self.name()
        words = {fold(w) for w in name.split()}
        seen = {name_key(name)}
        out: list[str] = []
        for form in self.forms():
            key = name_key(form)
            if key in seen:
                continue
            seen.add(key)
            if len(form.split()) == 1 and fold(form) in words:
                continue  # "Gallant" for "Yoav Gallant" is no other spelling
            out.append(form)
        return tuple(out)

    def titles(self) -> list[Title]:
        """Titles given to the person, in text order (names' own titles first)."""
        own = [t for r in self.runs for t in (r.left, r.right) if t is not None]
        own.sort(key=lambda t: t.start)
        return own + sorted(self.references, key=lambda t: t.start)


def gender(person: Person, doc: Doc, words: dict[str, Gender]) -> Gender | None:
    """The gender an honorific or a title's determiner gives the person, if any."""
    for run in person.runs:
        if run.honorific and (found := words.get(fold(run.honorific.split()[0]))) is not None:
            return found
    for title in person.titles():
        if title.gender is not None:
            return title.gender
    return None


def group(runs: list[NameRun]) -> list[Person]:
    """One Person per individual: same KB actor, same full name, or a family name used alone."""
    people: list[Person] = []
    by_actor: dict[str, Person] = {}
    singles = [r for r in runs if r.end - r.start == 1]
    fulls = [r for r in runs if r.end - r.start > 1]
    for run in fulls:
        person = _find_full(people, by_actor, run)
        if person is None:
            person = Person([run], run.actor)
            people.append(person)
            if run.actor is not None:
                by_actor[run.actor.id] = person
        else:
            person.runs.append(run)
    for run in singles:
        person = _find_single(people, by_actor, run)
        if person is None:
            person = Person([run], run.actor)
            people.append(person)
            if run.actor is not None:
                by_actor[run.actor.id] = person
        else:
            person.runs.append(run)
    return people


def _find_full(people: list[Person], by_actor: dict[str, Person], run: NameRun) -> Person | None:
    if run.actor is not None:
        return by_actor.get(run.actor.id)
    words = fold(run.text).split()
    for person in people:
        if person.actor is not None:
            continue
        other = fold(person.name()).split()
        if same_spelling(words[-1], other[-1]) and (
            same_spelling(words[0], other[0])
            or set(words) <= set(other)
            or set(other) <= set(words)
        ):
            return person
    return None


def _find_single(people: list[Person], by_actor: dict[str, Person], run: NameRun) -> Person | None:
    token = fold(run.text)
    matches = [
        p
        for p in people
        if any(len(f.split()) > 1 for f in p.forms())
        and any(same_spelling(token, w) for w in fold(p.name()).split()[1:])
    ]
    if len(matches) == 1:
        return matches[0]
    if run.actor is not None and run.actor.id in by_actor:
        return by_actor[run.actor.id]
    if matches:  # several people share the family name: the one named last before
        before = [p for p in matches if p.first < run.start]
        return max(
            before or matches,
            key=lambda p: max(r.start for r in p.runs if r.start < run.start) if before else 0,
        )
    for person in people:
        if same_spelling(token, person.family()) or any(
            same_spelling(token, fold(f)) for f in person.forms()
        ):
            return person
    if run.honorific:
        # "M. Gan" after "Gan Yu": an honorific comes before the family name, which East
        # Asian names give first; only when one two-word name begins so
        first = [
            p
            for p in people
            if p.actor is None
            and len(words := fold(p.name()).split()) == 2
            and same_spelling(token, words[0])
        ]
        if len(first) == 1:
            return first[0]
    return None


def keep(
    person: Person,
    doc: Doc,
    lay: Layout,
    *,
    genitive: frozenset[str],
    acts: frozenset[str] = frozenset(),
) -> bool:
    """False for the outlet's journalists and people who neither act nor speak."""
    # people only named inside someone's quotation, or as a noun's complement ("l'idée
    # d'Emmanuel Macron")
    if all(r.press for r in person.runs) or all(r.weak for r in person.runs):
        return False
    titled = any(r.left or r.right for r in person.runs)
    if not titled and all(lay.quoted(doc[r.start].idx) for r in person.runs):
        return False
    return titled or not all(_complement_only(doc, r, genitive, acts) for r in person.runs)


def _complement_only(
    doc: Doc, run: NameRun, genitive: frozenset[str], acts: frozenset[str]
) -> bool:
    """'l'Autorité palestinienne de Mahmoud Abbas': the name completes a noun (not an act
    whose author it names: "l'engagement de X" says X acted)."""
    i = run.start - 1
    if run.honorific:
        return False
    if i < 1 or fold(doc[i].text) not in genitive:
        return False
    noun = doc[i - 1]
    return noun.pos_ in {"NOUN", "PROPN", "ADJ"} and fold(noun.lemma_) not in acts


def actor_id(person: Person) -> str:
    """The KB id, or 'new:' + the slug of the normalised full name (stable across articles)."""
    if person.actor is not None:
        return person.actor.id
    return "new:" + slug(person.name())


def country(
    person: Person,
    period: Period,
    *,
    resolve_ref: dict[tuple[int, int], str | None],
    stateless: frozenset[str],
) -> str | None:
    """KB country for KB people; else the first title that settles it, else a referenced person."""
    if person.actor is not None:
        for title in person.titles():
            if title.country_known and title.organisation in stateless:
                return None  # "secrétaire général de l'Otan" serves no state
        office = person.actor.role_on(period.start, until=period.end)
        if office is not None:
            return None if office.role in stateless else office.country
        for title in person.titles():
            if title.country_known and title.country is not None:
                return title.country
        if person.actor.country is not None:
            return person.actor.country
        dated = [o for o in person.actor.offices if o.country and o.role not in stateless]
        return max(dated, key=lambda o: o.start or dt.date.min).country if dated else None
    for title in person.titles():
        if title.country_known:
            return title.country
    for title in person.titles():
        if title.person_ref is not None and title.person_ref in resolve_ref:
            return resolve_ref[title.person_ref]
    return None


def unsettled(person: Person, refs: dict[tuple[int, int], str | None]) -> bool:
    """A new person whose titles name no state, no body and no other person of the article."""
    if person.actor is not None:
        return False
    return not any(t.country_known or t.person_ref in refs for t in person.titles())


def kb_label(person: Person, period: Period) -> str | None:
    """The label of the KB office held during the article's period, if any."""
    if person.actor is None:
        return None
    office = person.actor.role_on(period.start, until=period.end)
    return office.label if office is not None else None


def role(person: Person, period: Period, kb: KnowledgeBase, *, kb_fallback: bool) -> str | None:
    """The role as written, preferring the one that agrees with the KB office at the date."""
    # the KB label first, then one of the office's titles; else the first title given
    written = [t.role for t in person.titles() if t.kind == "office" and t.role]
    label = kb_label(person, period)
    office = person.actor.role_on(period.start, until=period.end) if person.actor else None
    full = [r for r in written if len(r.split()) > 1]  # a bare head agrees with any label
    if label is not None:
        folded = fold(label)
        for r in full:
            if folded in fold(r) or fold(r) in folded:
                return r
    if office is not None:
        # the first title of the office the article gives, a bare head ("le président
        # sénégalais") as well as a longer one ("le chef de l'État sénégalais") after it
        parsed = [(r, kb.parse_title(r)) for r in written]
        agreeing = [(r, m) for r, m in parsed if m and m.role == office.role and not m.rest]
        if agreeing:
            return agreeing[0][0]
    if written:
        return written[0]
    return label if kb_fallback else None


def counterpart_roles(
    doc: Doc, people: list[Person], roles: dict[int, str | None]
) -> dict[int, str]:
    """'X a reçu son homologue vénézuélien Y': Y holds X's office (of another state).

    `roles` maps id(person) to the role already found. 'son homologue' refers to the subject
    of its clause: when a named person with a role is that subject, the counterpart takes the
    role; the country comes from the title's demonym, as for any title.
    """
    out: dict[int, str] = {}
    for person in people:
        if roles.get(id(person)):
            continue
        heads = [t for r in person.runs for t in (r.left, r.right) if t and t.kind == "counterpart"]
        subject = _clause_subject(doc, heads[0].start) if heads else None
        if subject is None or subject[0] <= heads[0].start < subject[1]:
            continue  # "X et son homologue Y se sont rencontrés": no office is said of Y
        for other in people:
            found = roles.get(id(other))
            inside = any(subject[0] <= r.start < subject[1] for r in other.runs)
            if other is not person and found and inside:
                out[id(person)] = found
                break
    return out


_CLAUSE_STEPS = 12  # how far up the parse a noun may sit below its verb


def _clause_subject(doc: Doc, i: int) -> tuple[int, int] | None:
    """Token span of the subject of the verb governing token i, if the parse gives one."""
    tok = doc[i]
    for _ in range(_CLAUSE_STEPS):
        if tok.pos_ in {"VERB", "AUX"} or tok.head.i == tok.i:
            break
        tok = tok.head
    for child in tok.children:
        if child.dep_.startswith("nsubj") and child.i != i:
            return child.left_edge.i, child.right_edge.i + 1
    return None


def record(
    person: Person,
    doc: Doc,
    *,
    person_country: str | None,
    person_role: str | None,
) -> PersonRecord:
    """The FORMAT.md people entry, with every mention's offsets."""
    spans = [(doc[r.start].idx, doc[r.end - 1].idx + len(doc[r.end - 1])) for r in person.runs]
    spans += [
        (doc[t.start].idx, doc[t.end - 1].idx + len(doc[t.end - 1])) for t in person.references
    ]
    spans += [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1])) for a, b in person.pointers]
    return PersonRecord(
        name=person.name(),
        actor_id=actor_id(person),
        aliases=person.aliases(),
        country=person_country,
        role=person_role,
        mentions=tuple(sorted(set(spans))),
    )
