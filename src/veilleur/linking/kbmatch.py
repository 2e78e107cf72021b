"""Find knowledge-base names in a Doc by matching token strings of an accent-folded copy."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from ..doctext import text_of
from ..kb import Actor, KnowledgeBase

_BLANK = frozenset('-‐‑‒–—―_/"«»“”„()[]{},;:!?')
_APOSTROPHES = frozenset("’‘`´ʼ′")
# the runs spaCy's tokenizer cuts a text into before its affix rules: `\s` is str.isspace
_RUNS = re.compile(r"\s+|\S+")
# distinct text pieces whose tokens are remembered; past this the memo starts afresh
_MEMO_LIMIT = 200_000


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


def tokenizer_pieces(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece) of the pieces spaCy's tokenizer reads one at a time, in order.

    The tokenizer splits at every change between spaces and other characters; one plain space
    after a word is that word's trailing space, any other run of spaces is a piece of its own.
    Each piece is then cut into tokens by the affix rules alone, whatever stands around it.
    """
    for found in _RUNS.finditer(text):
        start, piece = found.start(), found.group()
        if start and piece[0] == " ":
            start, piece = start + 1, piece[1:]
            if not piece:
                continue
        yield start, piece


@dataclass(frozen=True, slots=True)
class KbHit:
    """A stretch of the Doc (token range) that names a knowledge-base actor."""

    start: int
    end: int
    actor: Actor


class KbMatcher:
    """Locate every KB name (people, states, organisations) in a Doc; built once per KB.

    A name matches where the tokens of the folded text equal the tokens of the folded name,
    as a PhraseMatcher over `tokenizer(fold_same_length(text))` would find it. The tokens of
    each piece of text are remembered (words repeat from one article to the next), so that no
    article is tokenised a second time in full.
    """

    def __init__(self, nlp: Language, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._tokenizer: Tokenizer = nlp.tokenizer
        keys = sorted({fold_same_length(k) for k in kb.names() if k})
        patterns = {tuple(t.text for t in nlp.make_doc(k)) for k in keys}
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for pattern in sorted(p for p in patterns if p):
            by_first.setdefault(pattern[0], []).append(pattern)
        self._patterns = {first: tuple(found) for first, found in by_first.items()}
        self._memo: dict[str, tuple[str, ...]] = {}

    def hits(self, doc: Doc) -> list[KbHit]:
        """Longest non-overlapping KB names, each resolved to its best actor."""
        spans = []
        for a, b in self.folded_matches(text_of(doc)):
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

    def folded_matches(self, text: str) -> list[tuple[int, int]]:
        """Character ranges of `text` whose folded tokens are those of a KB name."""
        tokens, starts = self._folded_tokens(fold_same_length(text))
        patterns = self._patterns
        found = []
        for i, token in enumerate(tokens):
            for pattern in patterns.get(token, ()):
                end = i + len(pattern)
                if end <= len(tokens) and tuple(tokens[i:end]) == pattern:
                    found.append((starts[i], starts[end - 1] + len(tokens[end - 1])))
        return found

    def _folded_tokens(self, folded: str) -> tuple[list[str], list[int]]:
        """The token strings of the folded text and their character offsets."""
        pieces = list(tokenizer_pieces(folded))
        memo = self._memo
        if len(memo) > _MEMO_LIMIT:
            memo.clear()  # words seen long ago: the memo starts afresh, between two articles
        if not self._learn({piece for _, piece in pieces if piece not in memo}):
            return self._whole(folded)  # a piece the tokenizer rewrites: read the whole text
        tokens: list[str] = []
        starts: list[int] = []
        for offset, piece in pieces:
            for token in memo[piece]:
                tokens.append(token)
                starts.append(offset)
                offset += len(token)
        return tokens, starts

    def _learn(self, new: set[str]) -> bool:
        """Remember the tokens of these pieces: one tokenizer call for all the words among them.

        False when the tokens of a piece do not spell it out again (nothing then to trust).
        """
        spaces = {piece for piece in new if piece.isspace()}
        for piece in spaces:  # a run of spaces or line breaks, read on its own
            cut = self._cut(piece)
            if cut is None:
                return False
            self._memo[piece] = cut
        texts = sorted(new - spaces)
        if not texts:
            return True
        # words joined by single spaces are tokenised each on its own, as in the article
        doc = self._tokenizer(" ".join(texts))
        k, end = 0, len(texts[0])
        cut_tokens: list[str] = []
        for token in doc:
            while token.idx >= end + 1:
                if not self._keep(texts[k], cut_tokens):
                    return False
                k, cut_tokens = k + 1, []
                end += 1 + len(texts[k])
            cut_tokens.append(token.text)
        return self._keep(texts[k], cut_tokens) and k == len(texts) - 1

    def _keep(self, piece: str, cut: list[str]) -> bool:
        if "".join(cut) != piece:
            return False
        self._memo[piece] = tuple(cut)
        return True

    def _cut(self, piece: str) -> tuple[str, ...] | None:
        """The tokens of one piece, or None when they do not spell the piece out again."""
        cut = tuple(t.text for t in self._tokenizer(piece))
        return cut if "".join(cut) == piece else None

    def _whole(self, folded: str) -> tuple[list[str], list[int]]:
        doc = self._tokenizer(folded)
        return [t.text for t in doc], [t.idx for t in doc]

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
