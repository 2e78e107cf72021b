"""Token-level helpers: capitalisation, hyphen compounds, sentences and quoted stretches."""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, SPACY
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Token

from ..doctext import cache_key, text_of
from .text import fold

_SENTENCE_ENDS = frozenset({".", "!", "?", "…", "...", "?!"})
_OPENING = {"«": "»", "“": "”", "„": "“"}
_STRAIGHT = '"'
_HYPHENS = frozenset({"-", "‑", "–"})
# the characters _quote_spans acts on: quotation marks and line breaks
_MARKS = re.compile(
    "|".join(map(re.escape, sorted({*_OPENING, *_OPENING.values(), _STRAIGHT, "\n"})))
)


def is_capitalised(token: Token) -> bool:
    """Starts with an upper-case letter ("Gallant", "É", "KAN")."""
    return capitalised_text(token.text)


def capitalised_text(text: str) -> bool:
    """The test of `is_capitalised` on a token's text."""
    if not text or not text[0].isupper():
        return False
    # an upper-case first letter is the usual answer; "Ⅳe" and the like need the scan
    return text[0].isalpha() or any(c.isalpha() for c in text)


def word(token: Token) -> str:
    """The folded text of one token."""
    return fold(token.text)


def joined(doc: Doc, i: int) -> int:
    """End (exclusive) of the hyphen compound starting at token i: 'état - major' is one word."""
    table = words(doc)
    texts, spaced = table.text, table.spaced
    j = i + 1
    while j + 1 < len(texts) and texts[j] in _HYPHENS and not spaced[j - 1] and not spaced[j]:
        j += 2
    if j < len(texts) and texts[j - 1].endswith("-") and not spaced[j - 1]:
        j += 1  # tokens split as "état-" + "major"
    return j


@dataclass(frozen=True, slots=True)
class Words:
    """The token strings of one Doc, read once: each `doc[i].text` etc. builds a Token and
    crosses into Cython, which the linking loops did for every token many times over."""

    text: tuple[str, ...]
    folded: tuple[str, ...]  # word(doc[i])
    spaced: tuple[bool, ...]  # bool(doc[i].whitespace_)
    capitalised: tuple[bool, ...]  # is_capitalised(doc[i])
    pos: tuple[str, ...]  # doc[i].pos_
    lemma: tuple[str, ...]  # doc[i].lemma_
    dep: tuple[str, ...]  # doc[i].dep_


_WORDS_KEY = cache_key("words")


def words(doc: Doc) -> Words:
    """The Doc's token strings, built on first use and kept in its user data.

    Read after the parser, tagger and lemmatizer: their annotations must be final when this
    is first called.
    """
    cached = doc.user_data.get(_WORDS_KEY)
    if isinstance(cached, Words) and len(cached.text) == len(doc):
        return cached
    result = _read_words(doc) if len(doc) else Words((), (), (), (), (), (), ())
    doc.user_data[_WORDS_KEY] = result
    return result


def _read_words(doc: Doc) -> Words:
    """Two array passes; each distinct string is read from the vocabulary once."""
    # string keys are 64-bit hashes, slow to hash again in a dict: numpy numbers them instead
    keys, numbers = np.unique(doc.to_array([ORTH, LEMMA, DEP]), return_inverse=True)
    strings = doc.vocab.strings
    names = [strings[key] for key in keys.tolist()]
    orths, lemmas, deps = numbers.reshape(len(doc), 3).T.tolist()
    spaces, tags = doc.to_array([SPACY, POS]).T.tolist()
    texts = tuple([names[n] for n in orths])
    return Words(
        texts,
        tuple(map(fold, texts)),
        tuple([flag == 1 for flag in spaces]),
        tuple(map(capitalised_text, texts)),
        tuple([POS_NAMES[tag] for tag in tags]),
        tuple([names[n] for n in lemmas]),
        tuple([names[n] for n in deps]),
    )


_MORPHS_KEY = cache_key("morphs")
_ENTS_KEY = cache_key("ents")


def entities(doc: Doc) -> tuple[tuple[int, int, str], ...]:
    """(start, end, label) of the Doc's named entities, read once (`doc.ents` builds a Span
    per entity on every access)."""
    cached = doc.user_data.get(_ENTS_KEY)
    if isinstance(cached, tuple):
        return cached
    found = tuple((ent.start, ent.end, ent.label_) for ent in doc.ents)
    doc.user_data[_ENTS_KEY] = found
    return found


def morph_feature(token: Token, name: str) -> str | None:
    """`token.morph.get(name)[0]` or None, from the Doc's morph strings read once."""
    values = morph_values(token, name)
    return values[0] if values else None


def morph_values(token: Token, name: str) -> tuple[str, ...]:
    """`token.morph.get(name, [])` as a tuple, from the Doc's morph strings read once.

    Each `token.morph` builds a MorphAnalysis and `get` decodes its features per call; the
    events stage asks for a verb form or tense thousands of times an article.
    """
    doc = token.doc
    morphs = doc.user_data.get(_MORPHS_KEY)
    if not isinstance(morphs, tuple) or len(morphs) != len(doc):
        strings = doc.vocab.strings
        morphs = tuple([strings[h] for h in doc.to_array([MORPH]).tolist()]) if len(doc) else ()
        doc.user_data[_MORPHS_KEY] = morphs
    return features(morphs[token.i]).get(name, ())


@lru_cache(maxsize=4096)
def features(morph: str) -> Mapping[str, tuple[str, ...]]:
    """The values of each feature of a morph string ("Mood=Ind|Tense=Fut,Pres")."""
    found: dict[str, tuple[str, ...]] = {}
    for part in morph.split("|") if morph else ():
        field, _, values = part.partition("=")
        if values:
            found[field] = tuple(values.split(","))
    return found


@dataclass(frozen=True, slots=True)
class Layout:
    """Sentence starts (token indices) and quoted character stretches of one Doc."""

    sentence_starts: tuple[int, ...]
    quotes: tuple[tuple[int, int], ...]
    line_starts: tuple[int, ...]

    def sentence_of(self, i: int) -> int:
        """Index of the sentence holding token i."""
        return bisect.bisect_right(self.sentence_starts, i) - 1

    def sentence_span(self, n: int, doc_len: int) -> tuple[int, int]:
        """Token range [start, end) of sentence n."""
        start = self.sentence_starts[n]
        end = self.sentence_starts[n + 1] if n + 1 < len(self.sentence_starts) else doc_len
        return start, end

    def quoted(self, char: int) -> bool:
        """True when this character offset lies inside quotation marks."""
        k = bisect.bisect_right(self.quotes, (char, 1 << 62)) - 1
        return k >= 0 and self.quotes[k][0] <= char < self.quotes[k][1]


_LAYOUT_KEY = cache_key("layout")


def layout(doc: Doc) -> Layout:
    """Split on sentence punctuation and line breaks (the parser's sentences are unreliable).

    Computed once per Doc and kept in its user data: pronoun resolution asks for it per call.
    """
    cached = doc.user_data.get(_LAYOUT_KEY)
    if isinstance(cached, Layout):
        return cached
    result = _layout(doc)
    doc.user_data[_LAYOUT_KEY] = result
    return result


def _layout(doc: Doc) -> Layout:
    starts = [0]
    lines = [0]
    quotes = _quote_spans(text_of(doc))
    inside = Layout((0,), quotes, (0,))
    table = words(doc)
    texts = table.text
    for i in range(len(texts) - 1):
        nxt = i + 1
        text = texts[i]
        if "\n" in text:  # a Token's trailing whitespace is one space at most
            lines.append(nxt)
            if starts[-1] != nxt:
                starts.append(nxt)
        elif (
            text in _SENTENCE_ENDS
            and _may_open(texts[nxt], capitalised=table.capitalised[nxt])
            and starts[-1] != nxt
            and not inside.quoted(doc[i].idx)  # a quotation is part of its sentence
        ):
            starts.append(nxt)
    return Layout(tuple(starts), quotes, tuple(lines))


def is_capitalised_or_quote(token: Token) -> bool:
    """A token that may open a sentence."""
    return _may_open(token.text, capitalised=is_capitalised(token))


def _may_open(text: str, *, capitalised: bool) -> bool:
    return capitalised or text in _OPENING or text == _STRAIGHT


def _quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans between quotation marks (« », “ ”, and paired straight quotes)."""
    spans: list[tuple[int, int]] = []
    closing: str | None = None
    start = 0
    for found in _MARKS.finditer(text):  # only marks and line breaks change the state
        k, ch = found.start(), found.group()
        if closing is None:
            if ch in _OPENING:
                closing, start = _OPENING[ch], k
            elif ch == _STRAIGHT:
                closing, start = _STRAIGHT, k
        elif ch == closing:
            spans.append((start, k + 1))
            closing = None
        elif ch == "\n" and (closing == _STRAIGHT or text[k - 1 : k] == "\n"):
            closing = None  # an unbalanced mark: do not let it swallow the article
    return tuple(spans)
