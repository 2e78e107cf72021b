"""Find knowledge-base names in a Doc with one PhraseMatcher over an accent-folded copy."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..doctext import text_of
from ..kb import Actor, KnowledgeBase

_BLANK = frozenset('-‐‑‒–—―_/"«»“”„()[]{},;:!?')
_APOSTROPHES = frozenset("’‘`´ʼ′")


@cache
def _fold_char(ch: str) -> str:
    if ch in _BLANK:
        return " "
    if ch in _APOSTROPHES:
        return "'"
    bare = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    low = bare.lower()
    return low if len(low) == 1 else ch.lower() if len(ch.lower()) == 1 else ch


def fold_same_length(text: str) -> str:
    """Lower-case, accent-free text of exactly the same length (offsets stay valid)."""
    return "".join(_fold_char(c) for c in text)


@dataclass(frozen=True, slots=True)
class KbHit:
    """A stretch of the Doc (token range) that names a knowledge-base actor."""

    start: int
    end: int
    actor: Actor


class KbMatcher:
    """Locate every KB name (people, states, organisations) in a Doc; built once per KB."""

    def __init__(self, nlp: Language, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._tokenizer = nlp.tokenizer
        self._matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        keys = sorted({fold_same_length(k) for k in kb.names() if k})
        patterns = [nlp.make_doc(k) for k in keys]
        self._matcher.add("KB", patterns)

    def hits(self, doc: Doc) -> list[KbHit]:
        """Longest non-overlapping KB names, each resolved to its best actor."""
        folded = self._tokenizer(fold_same_length(text_of(doc)))
        spans = []
        for _, start, end in self._matcher(folded):
            a, b = folded[start].idx, folded[end - 1].idx + len(folded[end - 1])
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is not None:
                spans.append((span.start, span.end))
        spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
        taken: set[int] = set()
        found: list[KbHit] = []
        for start, end in spans:
            if any(i in taken for i in range(start, end)):
                continue
            actor = self._resolve(doc, start, end)
            if actor is None:
                continue
            taken.update(range(start, end))
            found.append(KbHit(start, end, actor))
        found.sort(key=lambda h: h.start)
        return found

    def _resolve(self, doc: Doc, start: int, end: int) -> Actor | None:
        text = doc[start:end].text
        first = doc[start].text
        lowercase = not first[:1].isupper()
        if lowercase and (end - start < 2 or doc[start].pos_ == "PROPN"):
            return None  # a single lower-case word ("bar", "burns") is no name
        for actor in self.kb.candidates(text):
            if actor.kind == "person" and lowercase:
                continue
            return actor
        return None
