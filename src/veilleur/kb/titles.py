"""Titles read as offices: "le ministre israélien de la Défense" -> defence_minister of ISR."""

# A title is the longest known title at the start of the text, with demonyms anywhere inside
# it giving the country; what follows is a complement: "de/du/des" + a state or an
# organisation (which gives the country, or the organisation for offices that accept it), or a
# scope ("à Gaza", "pour la Syrie") that qualifies the office without changing it. Shorter
# titles are tried when a longer one leaves words unread ("chef de l'État islamique").

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

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
    is_title: bool = False  # the complement is another title ("du ministre de la Défense")
    scope_org: Actor | None = None  # the organisation a scope names ("à la Knesset")


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
        head_titles: Sequence[str],
        qualifiers: Sequence[str],
        markers: tuple[Sequence[str], Sequence[str], Sequence[str]],
        scope_words: Sequence[str],
        descriptors: Sequence[str],
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
        # Portfolios: what follows the head word of a minister's title when it opens with a
        # connector ("des affaires etrangeres"); a deputy minister's title takes one.
        self._portfolios = {
            rest
            for key, options in self._titles.items()
            for rest in [key.partition(" ")[2]]
            if self._offices[options[0].role].kind == "minister"
            and rest
            and norm.strip_connector(rest) != rest
        }
        # Offices of one organisation ("directeur de l'AIEA" is its director general).
        self._dedicated = {o.organisation: o.key for o in offices if o.organisation}
        self._heads = {fold(h) for h in head_titles}
        self._ranks = {fold(r) for r in ranks}
        self._max_rank = max((len(r.split()) for r in self._ranks), default=1)
        self._qualifiers = sorted({fold(q) for q in qualifiers}, key=len, reverse=True)
        former, future, future_after = markers
        self._former = {fold(m) for m in former}
        self._future = {fold(m) for m in future}
        self._future_after = sorted({fold(m) for m in future_after}, key=len, reverse=True)
        self._scope = sorted({fold(s) for s in scope_words}, key=len, reverse=True)
        self._descriptors = sorted({fold(d) for d in descriptors}, key=len, reverse=True)

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
            folded, former, future = self._unqualified(self._norm.key(segment))
            if not folded:
                continue
            # A rank is stripped only when no title starts with it ("commandant du CENTCOM").
            for text in dict.fromkeys((folded, self.strip_ranks(folded))):
                match = self._read_words(text.split(), nested=False)
                if match is not None and (former or future):
                    match = replace(match, former=former, future=future)
                if match is not None and not match.rest:
                    return match
                fallback = fallback or match
        return fallback

    def _unqualified(self, folded: str) -> tuple[str, bool, bool]:
        """Drop qualifiers and markers of time; say whether the holder is former or future."""
        words = folded.split()
        former = future = False
        while len(words) > 1 and words[0] in self._former | self._future:
            former = former or words[0] in self._former
            future = future or words[0] in self._future
            words = words[1:]
        if not words:
            return "", former, future
        # Qualifiers follow the title's head: "élu" is a title, "président élu" a qualifier.
        tail = f" {' '.join(words[1:])} "
        for marker in self._future_after:
            if f" {marker} " in tail:
                tail, future = tail.replace(f" {marker} ", " "), True
        for qualifier in self._qualifiers:
            tail = tail.replace(f" {qualifier} ", " ")
        return f"{words[0]} {tail.strip()}".strip(), former, future

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

    def _read_words(self, words: list[str], *, nested: bool) -> TitleMatch | None:
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
            match = self._choose(core, options, countries, words[end:], nested=nested)
            if match is not None and not match.rest:
                return match
            fallback = fallback or match
        return fallback

    def _choose(
        self,
        core: list[str],
        options: list[_Title],
        countries: list[str],
        rest: list[str],
        *,
        nested: bool,
    ) -> TitleMatch | None:
        """Choose among the offices a title may denote, using the complement after it."""
        comp = self._complement(rest, nested=nested)
        if comp.scope:
            # "ambassadeur" + "à l'ONU" is the title "ambassadeur à l'ONU".
            longer = self._titles.get(" ".join([*core, *comp.scope.split()]))
            if longer:
                options, comp = longer, _Complement(comp.country, comp.org, is_title=comp.is_title)
        country = countries[0] if countries else comp.country
        fallback: TitleMatch | None = None
        for option in options:
            if option.country and country and option.country != country:
                continue  # "secrétaire d'État" is the US foreign minister, not a French one
            match = self._fit(option, comp, country, " ".join(rest))
            if match is not None and not match.rest:
                return match
            fallback = fallback or match
        return fallback

    def _fit(
        self, option: _Title, comp: _Complement, country: str | None, words: str
    ) -> TitleMatch | None:
        """How one office reads with the complement; `rest` is set when it does not fit."""
        match = self._fit_office(option, comp, country, words)
        if match is None or match.organisation is None:
            return match
        dedicated = self._dedicated.get(match.organisation)
        if dedicated and dedicated != match.role and fold(option.title) in self._heads:
            # The head of an organisation that has its own office holds that office.
            return replace(match, role=dedicated)
        return match

    def _fit_office(
        self, option: _Title, comp: _Complement, country: str | None, words: str
    ) -> TitleMatch | None:
        """How one office reads with the complement, before dedicated offices."""
        kinds = self._offices[option.role].org_kinds
        accepts_any = "*" in kinds
        own = country or option.country
        scope = comp.scope
        if comp.scope_org is not None and (accepts_any or comp.scope_org.org_kind in kinds):
            # "élu à la Chambre des représentants": the body the office sits in.
            org = comp.scope_org
            if option.country and org.country and option.country != org.country:
                return None
            return TitleMatch(option.role, own or org.country, option.title, org.id, "", scope)
        if comp.org is None and comp.rest and self._offices[option.role].place_complement:
            return TitleMatch(option.role, own, option.title, None, "", comp.rest)
        if comp.org is None:
            if comp.rest or (comp.is_title and not accepts_any):
                rest = comp.rest or words
                return TitleMatch(option.role, own, option.title, None, rest, scope)
            return TitleMatch(option.role, own, option.title, None, "", scope)
        if accepts_any or comp.org.org_kind in kinds:
            if option.country and comp.org.country and option.country != comp.org.country:
                return None
            own = own or comp.org.country
            return TitleMatch(option.role, own, option.title, comp.org.id, comp.rest, scope)
        return TitleMatch(option.role, own, option.title, None, words, scope)

    def _scope_start(self, text: str) -> str | None:
        """The scope word opening the text ("à", "pour", "en"), or None."""
        for word in self._scope:
            if text == word or text.startswith(word + " "):
                return word
            if word.endswith("'") and text.startswith(word):
                return word
        return None

    def _scoped(self, text: str) -> _Complement:
        """A scope, with the organisation it names when there is one ("à la Knesset")."""
        word = self._scope_start(text) or ""
        inner = self._norm.strip_article(text[len(word) :].strip())
        match = self._look.organisation(inner) if inner else None
        return _Complement(scope=text, scope_org=match.actor if match else None)

    def _complement(self, words: list[str], *, nested: bool) -> _Complement:
        """Read what follows a title: 'de' + state/organisation/place, a demonym, a scope."""
        text = self._skip_descriptors(" ".join(words))
        if not text:
            return _Complement()
        if self._scope_start(text):
            return self._scoped(text)
        bare = self._norm.strip_connector(text)
        # The name as written first ("Groupe de soutien à l'islam"), then without descriptors.
        for variant in dict.fromkeys((bare, self._skip_descriptors(bare))):
            found = self._read_complement(variant.split(), nested=nested)
            if found is not None:
                return found
        if text in self._portfolios:
            return _Complement(scope=text)  # "vice-ministre des affaires etrangeres"
        return _Complement(rest=text)

    def _read_complement(self, tokens: list[str], *, nested: bool) -> _Complement | None:
        """The longest start of the tokens that names something, and what follows it."""
        for n in range(len(tokens), 0, -1):
            head = " ".join(tokens[:n])
            tail = self._skip_descriptors(" ".join(tokens[n:]))
            found = self._resolve(head, nested=nested)
            if found is None:
                continue
            country, org, is_title = found
            if not tail:
                return _Complement(country, org, is_title=is_title)
            if self._scope_start(tail):
                scoped = self._scoped(tail)
                return _Complement(country, org, scope=tail, scope_org=scoped.scope_org)
            if self._resolve(self._norm.strip_connector(tail), nested=True):
                return _Complement(country, org, scope=tail, is_title=is_title)
            return _Complement(country, org, rest=tail, is_title=is_title)
        return None

    def _skip_descriptors(self, text: str) -> str:
        """Drop words describing the organisation named next ("groupe terroriste hamas")."""
        changed = True
        while changed:
            changed = False
            for words in self._descriptors:
                if text == words:
                    return ""
                if text.startswith(words + " "):
                    text, changed = text[len(words) + 1 :], True
                    break
        return text

    def _resolve(self, head: str, *, nested: bool) -> tuple[str | None, Actor | None, bool] | None:
        """A state, organisation, place, demonym or title: (country, organisation, is_title)."""
        state = self._look.state(head)
        if state is not None:
            return state.country, None, False
        match = self._look.organisation(head)
        if match is not None:
            return match.country, match.actor, False
        place = self._look.place(head)
        if place is not None:
            return place.country, None, False
        code = self._look.demonym(head)
        if code is not None:
            return code, None, False
        # "porte-parole du ministre israélien de la Défense": a title gives its country (one
        # level deep: a title inside a title's complement is not read further).
        if not nested:
            title = self._read_words(head.split(), nested=True)
            if title is not None and not title.rest:
                return title.country, None, True
        return None
