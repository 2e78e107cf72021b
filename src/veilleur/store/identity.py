"""One actor per person across articles: a new person of an article becomes the stored one.

Articles of one run are analysed apart, so "Dave Butler" in one and "Butler" in another get
two "new:" ids. Before an article's rows are inserted, each of its new people whose name is
compatible with exactly one stored person (same family name, compatible given name or
initial, same or unknown country) is unified with it. The surviving id is chosen by the names
alone (a KB id first, then the fuller name), so the result does not depend on the order the
articles arrive in; two knowledge-base ids are never merged. New bodies and states the
extraction named without the base ("Quai d'Orsay") get their knowledge-base id.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, delete, insert, or_, select, update

from ..kb import KnowledgeBase, fold
from . import schema as s
from .write import ActorInfo, ArticleRows, Values

_NEW = "new:"
# a given name this short is a familiar form of a longer one sharing its first letters
_SHORT_FORM = 4
_SHARED_LETTERS = 3
# a name of this many words may end with a part outlets drop (a second surname, a clan name)
_FULL_NAME = 3
_MAY_CARRY_ACCENTS = frozenset("aeiouycn")


def name_words(name: str) -> list[str]:
    """The folded words of a name, initials without their dot ("D. Butler" -> d, butler)."""
    return [w for w in fold(name).replace(".", " ").replace("-", " ").split() if w]


def _given_compatible(a: str, b: str) -> bool:
    """Two given names of one person: equal, an initial or a prefix of the other, or a short
    familiar form sharing its first letters ("Dave", "David")."""
    short, long = sorted((a, b), key=len)
    if long.startswith(short):
        return True
    return len(short) <= _SHORT_FORM and short[:_SHARED_LETTERS] == long[:_SHARED_LETTERS]


def _family_fits(short: list[str], long: list[str]) -> bool:
    """True when the family name of the shorter form is the longer one's: its last word, or,
    when the longer form adds a final part the other outlet drops ("Mahamat Déby" for
    "Mahamat Idriss Déby Itno", "Daniel Noboa" for "Daniel Noboa Azín"), the word before."""
    if short[-1] == long[-1]:
        return True
    return len(long) > len(short) and len(long) >= _FULL_NAME and short[-1] == long[-2]


def compatible(a: str, b: str) -> bool:
    """True when two spellings may name one person: same family name (`_family_fits`) and,
    when both give one, compatible first given names."""
    x, y = name_words(a), name_words(b)
    if not x or not y:
        return False
    short, long = sorted((x, y), key=len)
    if not _family_fits(short, long):
        return False
    if len(short) == 1 or long[-len(short) :] == short:
        return True  # a family name alone, or a compound one ("López Obrador")
    return _given_compatible(x[0], y[0])


def _forms(info: ActorInfo) -> tuple[str, ...]:
    return (info.name, *info.aliases)


def _fuller(info: ActorInfo) -> tuple[int, int, int, str]:
    """Sort key: a KB id first, then the most words, the longest name, the smallest id."""
    return (info.id.startswith(_NEW), -len(name_words(info.name)), -len(info.name), info.id)


def _same_person(a: ActorInfo, b: ActorInfo) -> bool:
    if a.country and b.country and a.country != b.country:
        return False
    return any(compatible(x, y) for x in _forms(a) for y in _forms(b))


def _families(name: str) -> list[str]:
    """The words of a name that may be its family name (`_family_fits`)."""
    words = name_words(name)
    return words[-2:] if len(words) >= _FULL_NAME else words[-1:]


def _pattern(family: str) -> str:
    """A LIKE pattern that finds a folded family name in stored names as written: the letters
    accents and ligatures may change ("perez" for "Pérez", "oe" for "œ") match anything."""
    return "%" + "".join("%" if c in _MAY_CARRY_ACCENTS else c for c in family) + "%"


def _stored_people(conn: Connection, info: ActorInfo) -> list[ActorInfo]:
    """Stored people sharing a family name with `info` (a superset the caller narrows)."""
    a = s.actors
    families = {_pattern(f) for form in _forms(info) for f in _families(form)}
    clauses = [c for f in families for c in (a.c.name.ilike(f), a.c.aliases.ilike(f))]
    if not clauses:
        return []
    query = select(a).where(a.c.kind == "person", a.c.id != info.id, or_(*clauses))
    return [
        ActorInfo(r.id, r.name, r.kind, r.country, r.role, tuple(json.loads(r.aliases)))
        for r in conn.execute(query.order_by(a.c.id))
    ]


def unify(conn: Connection, rows: ArticleRows, kb: KnowledgeBase | None = None) -> ArticleRows:
    """The article's rows with its actors given their stored or knowledge-base ids; stored
    people a fuller new name supersedes are renamed in the database (same transaction)."""
    base = kb if kb is not None else KnowledgeBase.load()
    bodies = kb_ids(rows.actors, base)
    mapping = {old: info.id for old, info in bodies.items()}
    a = s.actors
    known = set(conn.scalars(select(a.c.id).where(a.c.id.in_([i.id for i in rows.actors]))))
    for info in sorted(rows.actors, key=lambda i: i.id):
        if info.kind != "person" or info.id in known or info.id in mapping:
            continue
        matches = [p for p in _stored_people(conn, info) if _same_person(info, p)]
        if len(matches) != 1:
            continue  # nobody, or several people the name could be: keep it apart
        stored = matches[0]
        if not info.id.startswith(_NEW) and not stored.id.startswith(_NEW):
            continue  # two people of the knowledge base are two people
        one_known = info.id.startswith(_NEW) != stored.id.startswith(_NEW)
        new = info if info.id.startswith(_NEW) else stored
        if one_known and len(base.candidates(new.name, kinds=("person",))) > 1:
            continue  # a name the base gives several people may be another of them
        if min((info, stored), key=_fuller) is stored:
            mapping[info.id] = stored.id
        else:
            _rename(conn, stored, info.id)
    return rename_rows(rows, mapping, known=bodies) if mapping else rows


def kb_ids(infos: Iterable[ActorInfo], kb: KnowledgeBase | None = None) -> dict[str, ActorInfo]:
    """New bodies and states whose name the knowledge base knows -> the KB's actor."""
    base = kb if kb is not None else KnowledgeBase.load()
    found: dict[str, ActorInfo] = {}
    for info in infos:
        if info.id.startswith(_NEW) and info.kind != "person":
            match = base.named(info.name, info.kind)
            if match is not None:
                actor = match.actor
                found[info.id] = ActorInfo(actor.id, actor.name, actor.kind, match.country)
    return found


def _rename(conn: Connection, stored: ActorInfo, new_id: str) -> None:
    """Give a stored person a new id in every table that refers to it."""
    conn.execute(insert(s.actors).values(replace(stored, id=new_id).values()))
    for table, column in (
        (s.mentions, "actor_id"),
        (s.people, "actor_id"),
        (s.report_actors, "actor_id"),
        (s.event_actors, "actor_id"),
        (s.quotes, "speaker_actor_id"),
    ):
        col = table.c[column]
        conn.execute(update(table).where(col == stored.id).values({column: new_id}))
    conn.execute(delete(s.actors).where(s.actors.c.id == stored.id))


def rename_rows(
    rows: ArticleRows, mapping: Mapping[str, str], *, known: Mapping[str, ActorInfo] | None = None
) -> ArticleRows:
    """The rows with actor ids replaced through `mapping` (actors met twice merged); an
    actor in `known` takes that description (the KB's name, not the article's words)."""
    merged: dict[str, ActorInfo] = {}
    for info in rows.actors:
        moved = (known or {}).get(info.id) or replace(info, id=mapping.get(info.id, info.id))
        seen = merged.get(moved.id)
        merged[moved.id] = seen.merged(moved) if seen else moved

    def swap(values: list[Values], key: str) -> list[Values]:
        return [_with(v, key, mapping) for v in values]

    return replace(
        rows,
        actors=tuple(merged.values()),
        mentions=swap(rows.mentions, "actor_id"),
        people=swap(rows.people, "actor_id"),
        report_actors=swap(rows.report_actors, "actor_id"),
        quotes=swap(rows.quotes, "speaker_actor_id"),
    )


def _with(values: Values, key: str, mapping: Mapping[str, str]) -> dict[str, Any]:
    old = values.get(key)
    return {**values, key: mapping.get(old, old)} if isinstance(old, str) else values
