"""Text folding for scoring: case, accents, apostrophes, hyphens and (per language) articles."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict, field_validator

from .. import lang as lang_data

# Typographic apostrophes and quote-like marks that stand for an apostrophe in names.
_APOSTROPHES = str.maketrans(dict.fromkeys("’‘ʼ`´′", "'"))
# Anything that is neither a letter nor a digit separates words: hyphens ("Tel-Aviv"),
# apostrophes ("l'Élysée"), dots ("J.D."), quotes and brackets.
_SEPARATORS = re.compile(r"[^\w]+|_")


class ScoringData(BaseModel):
    """Schema of `lang/<lang>/scoring.yaml`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ignored_words: tuple[str, ...]
    leading_articles: tuple[str, ...]

    @field_validator("ignored_words", "leading_articles")
    @classmethod
    def _folded(cls, words: tuple[str, ...]) -> tuple[str, ...]:
        """Words must be single lower-case tokens, as `fold` produces them."""
        for word in words:
            if not word or fold(word) != word or " " in word:
                raise ValueError(f"{word!r} must be one lower-case, unaccented word")
        return words


def fold(text: str) -> str:
    """Lower-case, strip accents, and turn every non-alphanumeric run into one space."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", bare.casefold()).strip()


def words(text: str) -> tuple[str, ...]:
    """The folded words of `text`."""
    return tuple(fold(text).split())


def overlap(gold: tuple[str, ...], system: tuple[str, ...]) -> int:
    """Words the two sequences share, counted with multiplicity."""
    return sum((Counter(gold) & Counter(system)).values())


def within(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    """True when every word of `inner` occurs in `outer` in the same order (gaps allowed)."""
    if not inner:
        return False
    rest = iter(outer)
    return all(word in rest for word in inner)


def contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    """True when `inner` occurs as a contiguous run of words in `outer` (and is not empty)."""
    size = len(inner)
    if not size or size > len(outer):
        return False
    return any(outer[i : i + size] == inner for i in range(len(outer) - size + 1))


@dataclass(frozen=True, slots=True)
class Folding:
    """The comparison keys of one language: names, places and roles."""

    ignored: frozenset[str]
    leading: frozenset[str]

    def name(self, text: str) -> str:
        """Key of an actor name: folded, without a leading article."""
        tokens = list(words(text))
        while len(tokens) > 1 and tokens[0] in self.leading:
            tokens.pop(0)
        return " ".join(tokens)

    def family(self, text: str) -> str:
        """The family name of a person's name: its last word."""
        key = self.name(text)
        return key.rsplit(" ", 1)[-1] if key else ""

    def place_match(self, system: str, gold: str) -> bool:
        """Places match when equal or when one contains the other, word for word."""
        a, b = tuple(self.name(system).split()), tuple(self.name(gold).split())
        return bool(a) and (a == b or contains(a, b) or contains(b, a))

    def role(self, text: str) -> tuple[str, ...]:
        """Key of a role as written: folded words without articles."""
        return tuple(w for w in words(text) if w not in self.ignored)

    def role_match(self, system: str | None, gold: str | None) -> bool:
        """Roles match when equal or when one contains the other's words in order.

        Gaps are allowed because written roles add qualifiers inside the title ("ministre
        israélien de la Défense" holds "ministre de la Défense"). A null gold wants null.
        """
        if gold is None or system is None:
            return gold is None and system is None
        a, b = self.role(system), self.role(gold)
        return a == b or within(a, b) or within(b, a)


@cache
def folding(lang: str = "fr") -> Folding:
    """The folding rules of `lang`, from `lang/<lang>/scoring.yaml` (loaded once)."""
    data = lang_data.load(lang, "scoring", ScoringData)
    return Folding(ignored=frozenset(data.ignored_words), leading=frozenset(data.leading_articles))
