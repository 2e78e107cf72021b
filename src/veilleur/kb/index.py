"""The name index: folded key -> actors, with the rank of the name that matched."""

from __future__ import annotations

from dataclasses import dataclass, field

# Look-up ranks: a full name beats an alias, which beats a family name alone.
RANK_NAME, RANK_ALIAS, RANK_FAMILY = 0, 1, 2
# All-capital aliases this short ("EI", "UE") match only all-capital text, not common words.
_ACRONYM_MAX = 4


@dataclass(frozen=True, slots=True)
class Hit:
    """One actor a key may name, with the rank of the matching name."""

    actor_id: str
    rank: int
    caps_only: bool


def is_acronym(name: str) -> bool:
    """A short all-capital name ("EI", "UE", "CIA")."""
    letters = [c for c in name if c.isalpha()]
    return 0 < len(letters) <= _ACRONYM_MAX and all(c.isupper() for c in letters)


@dataclass(slots=True)
class NameIndex:
    """Folded key -> hits; built once at load."""

    hits: dict[str, list[Hit]] = field(default_factory=dict)

    def add(self, key: str, actor_id: str, rank: int, *, original: str) -> None:
        """Index `key` for the actor; an actor keeps its best rank under a key."""
        if not key:
            return
        caps = is_acronym(original)
        bucket = self.hits.setdefault(key, [])
        for i, hit in enumerate(bucket):
            if hit.actor_id == actor_id:
                if rank < hit.rank or (rank == hit.rank and hit.caps_only and not caps):
                    bucket[i] = Hit(actor_id, rank, caps and hit.caps_only)
                return
        bucket.append(Hit(actor_id, rank, caps))

    def find(self, key: str, text: str, *, caps: bool = True) -> list[Hit]:
        """Hits of a key; acronym-only hits need `text` in capitals unless `caps` is False."""
        if not caps or text.isupper():
            return list(self.hits.get(key, ()))
        return [h for h in self.hits.get(key, ()) if not h.caps_only]

    def best(self, key: str, text: str, *, caps: bool = True) -> str | None:
        """The id of the best-ranked actor under a key, or None."""
        hits = self.find(key, text, caps=caps)
        return min(hits, key=lambda h: h.rank).actor_id if hits else None
