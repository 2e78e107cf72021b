"""The name index: folded key -> actors, with the rank of the name that matched."""

from __future__ import annotations

from dataclasses import dataclass, field

from .normalise import fold

# Look-up ranks: a full name beats an alias, which beats a family name alone.
RANK_NAME, RANK_ALIAS, RANK_FAMILY = 0, 1, 2
# All-capital aliases this short ("EI", "UE") match only all-capital text, not common words.
_ACRONYM_MAX = 4


@dataclass(frozen=True, slots=True)
class Hit:
    """One actor a key may name, with the rank of the matching name."""

    actor_id: str
    rank: int
    cased: str | None  # when set, the text must contain this form, capitals included


def is_acronym(name: str) -> bool:
    """A short all-capital name ("EI", "UE", "CIA")."""
    if len(name) > 2 * _ACRONYM_MAX or not name.isupper():
        return False
    return 0 < sum(c.isalpha() for c in name) <= _ACRONYM_MAX


@dataclass(slots=True)
class NameIndex:
    """Folded key -> hits; built once at load."""

    hits: dict[str, list[Hit]] = field(default_factory=dict)

    def add(
        self, key: str, actor_id: str, rank: int, *, original: str, cased: bool = False
    ) -> None:
        """Index `key` for the actor; an actor keeps its best rank under a key."""
        # Short acronyms ("EI", "UE") and names marked `cased` ("Grenade", "Bénin") match only
        # text written with the same capitals, not the common word.
        if not key:
            return
        form = fold(original, keep_case=True) if cased or is_acronym(original) else None
        bucket = self.hits.setdefault(key, [])
        for i, hit in enumerate(bucket):
            if hit.actor_id == actor_id:
                if rank < hit.rank:
                    bucket[i] = Hit(actor_id, rank, form and hit.cased)
                elif rank == hit.rank and hit.cased and form is None:
                    bucket[i] = Hit(actor_id, rank, None)
                return
        bucket.append(Hit(actor_id, rank, form))

    def find(self, key: str, text: str, *, cased: bool = True) -> list[Hit]:
        """Hits of a key; cased hits need their capitals in `text` unless `cased` is False."""
        hits = self.hits.get(key, ())
        if not cased:
            return list(hits)
        written = fold(text, keep_case=True)
        return [h for h in hits if h.cased is None or h.cased in written]

    def best(self, key: str, text: str, *, cased: bool = True) -> str | None:
        """The id of the best-ranked actor under a key, or None."""
        hits = self.find(key, text, cased=cased)
        return min(hits, key=lambda h: h.rank).actor_id if hits else None
