"""Name normalisation shared by every knowledge-base index: case, accents, apostrophes, hyphens."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

# Ligatures that NFKD leaves whole.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})
_APOSTROPHES = re.compile(r"[’‘`´ʼ′]")
_HYPHENS = re.compile(r"[-‐‑‒–—―_/]")
_DROP = re.compile(r"[\"«»“”„()\[\]{},;:!?]")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case, accent-free, one apostrophe, hyphens as spaces, single spaces."""
    text = text.translate(_LIGATURES)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOSTROPHES.sub("'", text.casefold())
    text = _HYPHENS.sub(" ", _DROP.sub(" ", text))
    text = re.sub(r"'\s+", "'", text)
    text = _SPACES.sub(" ", text).strip(" .'")
    return text


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
