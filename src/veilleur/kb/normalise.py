"""Name normalisation shared by every knowledge-base index: case, accents, apostrophes, hyphens."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

# Letters NFKD leaves whole (ligatures, barred and slashed letters).
_LIGATURES = str.maketrans(
    {
        "œ": "oe",
        "Œ": "OE",
        "æ": "ae",
        "Æ": "AE",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "ß": "ss",
    }
)
_APOSTROPHES = re.compile(r"[’‘`´ʼ′]")
_HYPHENS = re.compile(r"[-‐‑‒–—―_/]")
_DROP = re.compile(r"[\"«»“”„()\[\]{},;:!?]")
_SPACES = re.compile(r"\s+")
_ELISION_SPACE = re.compile(r"'\s+")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@lru_cache(maxsize=1 << 16)
def fold(text: str, *, keep_case: bool = False) -> str:
    """Lower-case, accent-free, one apostrophe, hyphens as spaces, single spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    text = _COMBINING.sub("", text)
    text = _APOSTROPHES.sub("'", text if keep_case else text.casefold())
    text = _HYPHENS.sub(" ", _DROP.sub(" ", text))
    text = _ELISION_SPACE.sub("'", text)
    return _SPACES.sub(" ", text).strip(" .'")


@dataclass(frozen=True, slots=True)
class Normaliser:
    """Folds names and strips the leading articles listed in the KB's language data."""

    elided: tuple[str, ...]
    articles: frozenset[str]
    connectors_elided: tuple[str, ...]
    connectors: frozenset[str]

    @classmethod
    def build(cls, *, articles: Sequence[str], connectors: Sequence[str]) -> Normaliser:
        """Split each word list into elided forms ("l'") and whole words ("le")."""
        arts = [fold(a) + ("'" if a.rstrip().endswith(("'", "’")) else "") for a in articles]
        cons = [fold(c) + ("'" if c.rstrip().endswith(("'", "’")) else "") for c in connectors]
        return cls(
            elided=tuple(a for a in arts if a.endswith("'")),
            articles=frozenset(a for a in arts if not a.endswith("'")),
            connectors_elided=tuple(c for c in cons if c.endswith("'")),
            connectors=frozenset(c for c in cons if not c.endswith("'")),
        )

    def key(self, text: str) -> str:
        """The index key of a name: folded, without a leading article."""
        return self.strip_article(fold(text))

    def strip_article(self, folded: str) -> str:
        """Remove one leading article from folded text ("l'iran" -> "iran")."""
        for prefix in self.elided:
            if folded.startswith(prefix) and len(folded) > len(prefix):
                return folded[len(prefix) :]
        head, _, rest = folded.partition(" ")
        if rest and head in self.articles:
            return rest
        return folded

    def strip_connector(self, folded: str) -> str:
        """Remove leading connectors and articles ("de la france" -> "france", "d'israel")."""
        words = sorted(self.connectors | self.articles, key=len, reverse=True)
        changed = True
        while changed and folded:
            changed = False
            for prefix in self.connectors_elided + self.elided:
                if folded.startswith(prefix) and len(folded) > len(prefix):
                    folded, changed = folded[len(prefix) :], True
                    break
            else:
                for word in words:
                    if folded.startswith(word + " "):
                        folded, changed = folded[len(word) + 1 :], True
                        break
        return folded
