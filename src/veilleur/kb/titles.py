"""Titles read as offices: "le ministre israélien de la Défense" -> defence_minister of ISR.

A title is the longest known title at the start of the text, with demonyms anywhere inside
it giving the country; what follows is a complement: "de/du/des" + a state or an
organisation (which gives the country, or the organisation for offices that accept it), or a
scope ("à Gaza", "pour la Syrie") that qualifies the office without changing it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .normalise import Normaliser, fold
from .schema import OfficeKeyModel
from .types import Actor, OrgMatch, TitleMatch

_PARENS = re.compile(r"\([^)]*\)")
_SEGMENTS = re.compile(r"[,;]")


@dataclass(frozen=True, slots=True)
class _Title:
    role: str
    title: str
    country: str | None


@dataclass(frozen=True, slots=True)
class _Complement:
    country: str | None = None
    org: Actor | None = None
    scope: str = ""
    rest: str = ""


@dataclass(frozen=True, slots=True)
class Lookups:
    """The KB look-ups a title complement needs, on folded text (no capitals check)."""

    state: Callable[[str], Actor | None]
    organisation: Callable[[str], OrgMatch | None]
    place: Callable[[str], Actor | None]
    demonym: Callable[[str], str | None]  # folded word(s) -> ISO code


class TitleReader:
    """Reads titles against the office titles of the KB."""

    def __init__(
        self,
        *,
        offices: Sequence[OfficeKeyModel],
        ranks: Sequence[str],
        qualifiers: Sequence[str],
        scope_words: Sequence[str],
        norm: Normaliser,
        lookups: Lookups,
    ) -> None:
        self._norm = norm
        self._look = lookups
        self._offices = {o.key: o for o in offices}
        self._titles: dict[str, list[_Title]] = {}
        for office in offices:
            for title in office.titles:
                if isinstance(title, str):
                    text, country = title, None
                else:
                    text, country = title.title, title.country
                self._titles.setdefault(fold(text), []).append(_Title(office.key, text, country))
        self._max_title = max((len(k.split()) for k in self._titles), default=1)
        self._ranks = {fold(r) for r in ranks}
        self._max_rank = max((len(r.split()) for r in self._ranks), default=1)
        self._qualifiers = sorted({fold(q) for q in qualifiers}, key=len, reverse=True)
        self._scope = sorted({fold(s) for s in scope_words}, key=len, reverse=True)
        self._resolving: set[str] = set()  # complements being read as titles (no loops)

    def is_title(self, folded: str) -> bool:
        """True if the folded text is exactly a known title."""
        return folded in self._titles

    def is_rank(self, folded: str) -> bool:
        """True for a military rank."""
        return folded in self._ranks

    def strip_ranks(self, folded: str) -> str:
        """Drop leading military ranks from folded text ("general herzi halevi")."""
        words = folded.split()
        changed = True
        while changed and len(words) > 1:
            changed = False
            for n in range(min(self._max_rank, len(words) - 1), 0, -1):
                if " ".join(words[:n]) in self._ranks:
                    words, changed = words[n:], True
                    break
        return " ".join(words)

    def read(self, title: str) -> TitleMatch | None:
        """The office a title names; a first complete reading of its segments wins."""
        fallback: TitleMatch | None = None
        for segment in _SEGMENTS.split(_PARENS.sub(" ", title)):
            folded = f" {self._norm.key(segment)} "
            for qualifier in self._qualifiers:
                folded = folded.replace(f" {qualifier} ", " ")
            folded = folded.strip()
            if not folded:
                continue
            # A rank is stripped only when no title starts with it ("commandant du CENTCOM").
            for text in dict.fromkeys((folded, self.strip_ranks(folded))):
                match = self._read_words(text.split())
                if match is not None and not match.rest:
                    return match
                fallback = fallback or match
        return fallback

    def _demonym_spans(self, words: list[str]) -> list[tuple[int, int, str]]:
        """Demonyms of one or two words ("sud coreen"), never the first word of a title."""
        spans: list[tuple[int, int, str]] = []
        i = 1
        while i < len(words):
            pair = " ".join(words[i : i + 2]) if i + 1 < len(words) else ""
            code = self._look.demonym(pair) if pair else None
            if code:
                spans.append((i, i + 2, code))
                i += 2
                continue
            code = self._look.demonym(words[i])
            if code:
                spans.append((i, i + 1, code))
            i += 1
        return spans

    def _read_words(self, words: list[str]) -> TitleMatch | None:
        """Try the longest title first; shorter ones when the complement does not read."""
        spans = self._demonym_spans(words)
        fallback: TitleMatch | None = None
        for end in range(len(words), 0, -1):
            if any(s < end < e for s, e, _ in spans):
                continue  # the title would cut a demonym in two
            inside = [(s, e, c) for s, e, c in spans if e <= end]
            skip = {i for s, e, _ in inside for i in range(s, e)}
            core = [w for i, w in enumerate(words[:end]) if i not in skip]
            if not core or len(core) > self._max_title:
                continue
            options = self._titles.get(" ".join(core))
            if not options:
                continue
            countries = [c for _, _, c in inside]
            match = self._choose(core, options, countries, words[end:])
            if match is not None and not match.rest:
                return match
            fallback = fallback or match
        return fallback

    def _choose(
        self, core: list[str], options: list[_Title], countries: list[str], rest: list[str]
    ) -> TitleMatch | None:
        """Choose among the offices a title may denote, using the complement after it."""
        comp = self._complement(rest)
        if comp.scope:
            # "ambassadeur" + "à l'ONU" is the title "ambassadeur à l'ONU".
            longer = self._titles.get(" ".join([*core, *comp.scope.split()]))
            if longer:
                options, comp = longer, _Complement(comp.country, comp.org)
        country = countries[0] if countries else comp.country
        fallback: TitleMatch | None = None
        for option in options:
            if option.country and country and option.country != country:
                continue  # "secrétaire d'État" is the US foreign minister, not a French one
            own = country or option.country
            if comp.org is None:
                if comp.rest:
                    fallback = fallback or TitleMatch(
                        option.role, own, option.title, None, comp.rest, comp.scope
                    )
                    continue
                return TitleMatch(option.role, own, option.title, None, "", comp.scope)
            kinds = self._offices[option.role].org_kinds
            if "*" in kinds or comp.org.org_kind in kinds:
                if option.country and comp.org.country and option.country != comp.org.country:
                    continue
                own = own or comp.org.country
                return TitleMatch(
                    option.role, own, option.title, comp.org.id, comp.rest, comp.scope
                )
            fallback = fallback or TitleMatch(
                option.role, own, option.title, None, " ".join(rest), comp.scope
            )
        return fallback

    def _scope_start(self, text: str) -> bool:
        """True if the text opens with a scope word ("à", "pour", "en")."""
        return any(
            text == s or text.startswith(s + " ") or (s.endswith("'") and text.startswith(s))
            for s in self._scope
        )

    def _complement(self, words: list[str]) -> _Complement:
        """Read what follows a title: 'de' + state/organisation/place, a demonym, a scope."""
        text = " ".join(words)
        if not text:
            return _Complement()
        if self._scope_start(text):
            return _Complement(scope=text)
        tokens = self._norm.strip_connector(text).split()
        for n in range(len(tokens), 0, -1):
            head = " ".join(tokens[:n])
            tail = " ".join(tokens[n:])
            found = self._resolve(head)
            if found is None:
                continue
            country, org = found
            if not tail:
                return _Complement(country, org)
            if self._scope_start(tail) or self._resolve(self._norm.strip_connector(tail)):
                return _Complement(country, org, scope=tail)
            return _Complement(country, org, rest=tail)
        return _Complement(rest=text)

    def _resolve(self, head: str) -> tuple[str | None, Actor | None] | None:
        """A state, organisation, place or demonym: (country, organisation), or None."""
        state = self._look.state(head)
        if state is not None:
            return state.country, None
        match = self._look.organisation(head)
        if match is not None:
            return match.country, match.actor
        place = self._look.place(head)
        if place is not None:
            return place.country, None
        code = self._look.demonym(head)
        if code is not None:
            return code, None
        # "porte-parole du ministre israélien de la Défense": a title gives its country.
        if head not in self._resolving:
            self._resolving.add(head)
            try:
                title = self._read_words(head.split())
            finally:
                self._resolving.discard(head)
            if title is not None and not title.rest:
                return title.country, None
        return None
