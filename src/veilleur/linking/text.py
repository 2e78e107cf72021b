"""Text normalisation shared by the linking modules: folding, slugs, spelling distance."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'", "–": "-", "‑": "-"})
_SPACES = re.compile(r"[\s\-]+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case, accents removed, apostrophes unified, spaces squeezed (cached: words repeat)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def name_key(text: str) -> str:
    """A key equal for 'Tel-Aviv' and 'Tel Aviv', 'Etats-Unis' and 'États-Unis'."""
    return _SPACES.sub(" ", fold(text)).strip()


def slug(text: str) -> str:
    """A stable id fragment from a name: 'Dave Butler' -> 'dave-butler'."""
    return _NON_SLUG.sub("-", fold(text)).strip("-")


def edit_distance(a: str, b: str, *, limit: int = 2) -> int:
    """Levenshtein distance, cut at `limit + 1` (enough to tell spellings apart)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def same_spelling(a: str, b: str) -> bool:
    """True for variant spellings of one name: 'Gallant'/'Galant', 'Kochavi'/'Kohavi'."""
    fa, fb = name_key(a), name_key(b)
    if fa == fb:
        return True
    if min(len(fa), len(fb)) < 5 or fa[0] != fb[0]:
        return False
    return edit_distance(fa, fb, limit=1) <= 1
