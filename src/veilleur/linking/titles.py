"""Read office titles in running text: head + demonyms + complements, and the country they give.

"le ministre israélien de la Défense" -> role "ministre de la Défense", country ISR;
"le porte-parole de Milley" -> role "porte-parole de Milley", country from the person Milley;
"son homologue ukrainien" -> no role, country UKR.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc

from ..kb import KnowledgeBase
from .grammar import Gender, Grammar
from .kbmatch import KbHit
from .text import fold
from .tokens import is_capitalised, joined, morph_values, word, words

TitleKind = Literal["office", "counterpart", "press"]
_OPEN, _CLOSE = "(", ")"
_STATELESS_KINDS = frozenset({"intergovernmental", "armed_group"})  # KB organisation kinds


@dataclass(frozen=True, slots=True)
class Title:
    """A title phrase: tokens [start, end), its determiner start, and what it tells."""

    start: int
    end: int
    det_start: int
    head: str
    kind: TitleKind
    role: str | None
    country: str | None
    country_known: bool  # True when the complement settles the country (None for the Otan)
    organisation: str | None
    person_ref: tuple[int, int] | None  # "de Milley": a person whose country is inherited
    gender: Gender | None  # from the determiner: "la ministre", "le président"
    has_complement: bool
    plural: bool = False  # "les ministres des Affaires étrangères": several holders
    countries: tuple[str, ...] = ()  # "les présidents russe et chinois": each holder's state


@dataclass(frozen=True, slots=True)
class _Evidence:
    position: int
    country: str | None
    organisation: str | None


class TitleReader:
    """Find title phrases in a Doc; heads, ranks and honorifics are tokenised once."""

    def __init__(self, nlp: Language, kb: KnowledgeBase, grammar: Grammar) -> None:
        self.kb = kb
        self.g = grammar

        def phrases(items: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
            seqs = {tuple(word(t) for t in nlp.make_doc(p)) for p in items}
            return tuple(sorted(seqs, key=len, reverse=True))

        self.heads: dict[str, list[tuple[tuple[str, ...], TitleKind]]] = {}
        for kind, items in (
            ("press", grammar.press_heads),
            ("office", grammar.title_heads),
            ("counterpart", grammar.counterpart_heads),
        ):
            for seq in phrases(items):
                self.heads.setdefault(seq[0], []).append((seq, kind))  # type: ignore[arg-type]
        # plural heads read as offices; the role names the singular office of each holder
        self.plurals: dict[tuple[str, ...], str] = {}
        for plural, single in grammar.plural_heads.items():
            seq = tuple(word(t) for t in nlp.make_doc(plural))
            self.plurals[seq] = single
            self.heads.setdefault(seq[0], []).append((seq, "office"))
        for options in self.heads.values():
            options.sort(key=lambda o: len(o[0]), reverse=True)
        self.ranks = phrases(grammar.ranks)
        self.honorifics = phrases(grammar.honorifics)
        # Ranks and honorifics by their last word: prefix_before looks back from a position
        # and only the phrases ending with the word there can match.
        self._ending: tuple[dict[str, tuple[tuple[str, ...], ...]], ...] = tuple(
            _by_last(seqs) for seqs in (self.ranks, self.honorifics)
        )
        self.topics = phrases(grammar.topic_markers)
        self.head_words = frozenset(w for opts in self.heads.values() for s, _ in opts for w in s)

    # ------------------------------------------------------------------ phrases
    def _match_at(self, doc: Doc, i: int, seqs: tuple[tuple[str, ...], ...]) -> int:
        """Length of the longest phrase of `seqs` starting at token i (0 if none)."""
        folded = words(doc).folded
        for seq in seqs:
            if i + len(seq) <= len(folded) and all(folded[i + k] == w for k, w in enumerate(seq)):
                return len(seq)
        return 0

    def is_rank(self, text: str) -> bool:
        """A rank of roles.yaml or of the KB, or a hyphenated compound of ranks."""
        parts = [p for p in fold(text).replace("-", " ").split() if p]
        return bool(parts) and (self.kb.is_rank(text) or all(self.kb.is_rank(p) for p in parts))

    def prefix_before(self, doc: Doc, i: int) -> int:
        """Start of the ranks and honorifics just before token i ('le général de division')."""
        j = i
        moved = True
        while moved and j > 0:
            moved = False
            c = j - 1  # the start of a hyphen compound ending at j - 1 ("colonel - major")
            while c > 0 and not doc[c - 1].whitespace_ and "-" in (doc[c - 1].text, doc[c].text):
                c -= 1
            if doc[c].text[:1].islower() and self.is_rank(doc[c:j].text):
                j, moved = c, True  # "colonel-major", ranks only the KB lists
                continue
            last = word(doc[j - 1])
            for ending in self._ending:
                for seq in ending.get(last, ()):
                    a = j - len(seq)
                    if a >= 0 and self._match_at(doc, a, (seq,)):
                        j, moved = a, True
                        break
                if moved:
                    break
        return j

    def determiner_before(self, doc: Doc, i: int) -> int:
        """i - 1 when token i - 1 is a determiner, else i."""
        if i > 0 and words(doc).folded[i - 1] in self.g.openers:
            return i - 1
        return i

    def head_at(self, doc: Doc, i: int) -> tuple[int, TitleKind] | None:
        """Length and kind of the title head starting at token i ('ex-ministre' too)."""
        return self._head(words(doc).folded, i)

    def _head(self, folded: tuple[str, ...], i: int) -> tuple[int, TitleKind] | None:
        """`head_at` on the Doc's folded words."""
        first = folded[i]
        for prefix in self.g.head_prefixes:
            if first.startswith(prefix) and len(first) > len(prefix):
                first = first[len(prefix) :]
                break
        for seq, kind in self.heads.get(first, ()):
            fits = i + len(seq) <= len(folded)
            if fits and all(folded[i + k] == w for k, w in enumerate(seq[1:], 1)):
                return len(seq), kind
        return None

    # ------------------------------------------------------------------ reading
    def read_all(self, doc: Doc, hits: dict[int, KbHit]) -> list[Title]:
        """Every title phrase of the Doc, left to right, not overlapping."""
        table = words(doc)
        pos, folded = table.pos, table.folded
        titles: list[Title] = []
        i = 0
        while i < len(pos):
            found = self._head(folded, i)
            after_aux = i > 0 and pos[i - 1] == "AUX"
            if found is None or (pos[i] == "VERB" and after_aux):  # "a été élu"
                i += 1
                continue
            title = self.read(doc, i, found[0], found[1], hits)
            counted = i > 0 and pos[i - 1] == "NUM"
            if title.plural and (counted or not title.has_complement):
                i += 1  # "les deux ministres": a group of people named before, not a title
                continue
            titles.append(title)
            i = max(title.end, i + 1)
        return titles

    def read(self, doc: Doc, i: int, n: int, kind: TitleKind, hits: dict[int, KbHit]) -> Title:
        """Parse one title whose head (n tokens, of `kind`) starts at token i."""
        start = i
        role_start = i
        while start > 0 and word(doc[start - 1]) in self.g.modifiers:
            start -= 1
            if word(doc[start]) in self.g.kept_modifiers:
                role_start = start  # "l'ancien ministre": a former office stays one
        det_start = self.determiner_before(doc, start)
        gender = self.g.gender_words.get(word(doc[det_start])) if det_start < start else None
        if det_start < start and word(doc[det_start]) in self.g.press_determiners:
            kind = "press"  # "notre envoyé spécial": the outlet's own journalist
        evidence: list[_Evidence] = []
        dropped: set[int] = set()
        person_ref: tuple[int, int] | None = None
        topic = False
        single = self.plurals.get(tuple(word(doc[x]) for x in range(i, i + n)))
        k = i + n
        limit = min(len(doc), i + self.g.max_title_tokens)
        while k < limit:
            tok = doc[k]
            w = word(tok)
            t = self._match_at(doc, k, self.topics)
            if t:
                topic, k = True, k + t
                k = self._noun_group(doc, self._skip_articles(doc, k), hits, evidence, topic)[0]
                continue
            if single is not None and tok.pos_ == "CCONJ" and k + 1 < limit and evidence:
                states = self.kb.demonyms_in(doc[k + 1].text)
                if states and not is_capitalised(doc[k + 1]):  # "russe et chinois"
                    evidence.append(_Evidence(k + 1, states[0].country, None))
                    dropped.update((k, k + 1))
                    k += 2
                    continue
            participle = tok.pos_ == "VERB" and "Part" in morph_values(tok, "VerbForm")
            if participle and k > 0 and is_capitalised(doc[k - 1]) and not is_capitalised(tok):
                k += 1  # "des Nations unies": the tagger reads "unies" as a verb
                continue
            # a known demonym whatever its tag ("le vice-ministre kazakh": tagged a verb)
            demonym = not is_capitalised(tok) and not tok.is_punct and self.kb.demonyms_in(w)
            if (
                (not is_capitalised(tok) and tok.pos_ in {"ADJ", "NOUN", "X", "PROPN"})
                or tok.text == "-"
                or demonym
            ):
                states = self.kb.demonyms_in(tok.text) if not is_capitalised(tok) else ()
                if states:
                    if not topic:  # "en charge des affaires iraniennes" names a topic
                        evidence.append(_Evidence(k, states[0].country, None))
                        dropped.add(k)
                    k += 1
                    continue
                if tok.pos_ in {"ADJ", "PROPN"} or tok.text == "-":  # "élu démocrate"
                    k += 1
                    continue
                break
            if w in self.g.complement_preps and k + 1 < limit:
                m = self._skip_articles(doc, k + 1)
                if m >= len(doc):
                    break
                if word(doc[m]) in self.g.complement_stops:
                    break
                # no article: "à Bamako", "en Israël", "au Mali" are places; "à la Chambre
                # des représentants", "à la Défense" are domains of the office
                bare = m == k + 1
                place = w in self.g.place_preps and bare and is_capitalised(doc[m])
                end, ref = self._noun_group(doc, m, hits, evidence if not place else [], topic)
                if end == m:
                    break
                if ref is not None and person_ref is None and not place:
                    person_ref = ref
                k = end
                # a place the base knows whole ("aux Philippines") ends there: the capitalised
                # words after it are the holder's name ("... aux Philippines MaryKay Carlson")
                known = (hit := hits.get(m)) is not None and hit.end == end
                if place and known:
                    break
                if place:  # "ambassadeur en Israël", "à la sécurité nationale": the last part
                    while k < len(doc) and (doc[k].pos_ == "ADJ" or is_capitalised(doc[k])):
                        if (hit := hits.get(k)) is not None and hit.actor.kind == "person":
                            break
                        if is_capitalised(doc[k]) and not is_capitalised(doc[k - 1]):
                            break
                        k = joined(doc, k)
                    break
                continue
            if tok.text == _OPEN:
                close = next(
                    (j for j in range(k + 1, min(k + 6, len(doc))) if doc[j].text == _CLOSE), None
                )
                if close is None:
                    break
                k = close + 1
                continue
            hit = hits.get(k)
            if hit is not None and hit.actor.kind != "person" and k > i + n:
                if _settles(hit):
                    evidence.append(_Evidence(k, hit.actor.country, _org_id(hit)))
                k = hit.end
                continue
            break
        role_end: int | None = None
        counted = k + 2 < len(doc) and doc[k + 1].pos_ == "NUM" and doc[k + 2].pos_ == "NOUN"
        if single is not None and counted and word(doc[k]) in self.g.complement_preps:
            role_end, k = k, k + 3  # "des deux pays": whose offices, not part of them
        end = k
        while end > i + n and (
            word(doc[end - 1]) in self.g.complement_preps
            or (doc[end - 1].is_punct and doc[end - 1].text != _CLOSE)
        ):
            end -= 1
        dropped = {d for d in dropped if d < end}
        first = evidence[0] if evidence else None
        role = self._role_text(doc, role_start, end, dropped) if kind == "office" else None
        head = " ".join(word(doc[x]) for x in range(i, i + n))
        if single is not None:  # each holder holds the singular office
            last = role_end if role_end is not None else end
            rest = self._role_text(doc, i + n, last, dropped) if last > i + n else ""
            role = " ".join(f"{single} {rest}".split())
            head = fold(single)
        return Title(
            start=i,
            end=end,
            det_start=det_start,
            head=head,
            kind=kind,
            role=role,
            country=first.country if first else None,
            country_known=first is not None,
            organisation=first.organisation if first else None,
            person_ref=person_ref if first is None else None,
            gender=gender,
            has_complement=end > i + n,
            plural=single is not None,
            countries=tuple(e.country for e in evidence if e.country is not None),
        )

    def _skip_articles(self, doc: Doc, m: int) -> int:
        while m < len(doc) and word(doc[m]) in self.g.articles:
            m += 1
        return m

    def _noun_group(
        self,
        doc: Doc,
        m: int,
        hits: dict[int, KbHit],
        evidence: list[_Evidence],
        topic: bool,
    ) -> tuple[int, tuple[int, int] | None]:
        """End of the noun group at token m, and a capitalised non-KB word that may be a person."""
        if m >= len(doc):
            return m, None
        tok = doc[m]
        hit = hits.get(m)
        if hit is not None:
            if hit.actor.kind == "person":
                return hit.end, (m, hit.end)
            if not topic and _settles(hit):
                evidence.append(_Evidence(m, hit.actor.country, _org_id(hit)))
            return hit.end, None
        if is_capitalised(tok):
            end = joined(doc, m)
            if tok.pos_ == "PROPN" and not tok.text.isupper():
                return end, (m, end)
            return end, None
        if tok.pos_ in {"NOUN", "PROPN", "ADJ", "X"} and not tok.is_punct:
            return joined(doc, m), None
        return m, None

    def _role_text(self, doc: Doc, start: int, end: int, dropped: set[int]) -> str:
        parts: list[str] = []
        for x in range(start, end):
            if x in dropped:
                continue
            parts.append(doc[x].text + doc[x].whitespace_)
        text = " ".join("".join(parts).split())
        return text[:1].lower() + text[1:]


def _settles(hit: KbHit) -> bool:
    """A state, a national body or a stateless one (the UN, Hamas) settles the country."""
    # a generic "administration régionale" does not
    actor = hit.actor
    return actor.country is not None or actor.org_kind in _STATELESS_KINDS


def _org_id(hit: KbHit) -> str | None:
    return hit.actor.id if hit.actor.kind in {"organisation", "group"} else None


def _by_last(seqs: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases grouped by their last word, longest first (as `seqs` is ordered)."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for seq in seqs:
        grouped.setdefault(seq[-1], []).append(seq)
    return {last: tuple(group) for last, group in grouped.items()}
