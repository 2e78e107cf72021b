"""Judgements in quoted words: a quotation that blames or praises an actor it names is its
speaker's ACCUSE or SUPPORT of that actor ("« La Serbie fuit ses responsabilités », a
déclaré X"), when no trigger of the sentence has already told that act."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Doc, Span, Token

from .. import lang as lang_data
from ..records import ActorRef, Event, PartialDate, Quote
from ..temporal.governing import DateFrom, event_date
from .actors import ActorIndex
from .clauses import sentence
from .spans import evidence

BLAME, PRAISE = "ACCUSE", "SUPPORT"
# Below a trigger's: a judgement read from words, not from a verb that names the act.
CONFIDENCE = 0.4
_SUBJECTS = ("nsubj", "nsubj:pass")


class _StanceFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    blame: list[str]
    praise: list[str]
    negators: list[str]


@dataclass(frozen=True, slots=True)
class StanceWords:
    """The judgement words of one language (lang/<lang>/stance.yaml)."""

    blame: frozenset[str]
    praise: frozenset[str]
    negators: frozenset[str]


@cache
def load_stance_words(lang: str = "fr") -> StanceWords:
    """The judgement words of `lang`, validated, loaded once."""
    data = lang_data.load(lang, "stance", _StanceFile)

    def folded(words: list[str]) -> frozenset[str]:
        return frozenset(w.casefold() for w in words)

    return StanceWords(folded(data.blame), folded(data.praise), folded(data.negators))


def stance_events(
    doc: Doc, quotes: Sequence[Quote], told: Sequence[Event], words: StanceWords
) -> list[Event]:
    """ACCUSE and SUPPORT events of the quotations that judge an actor they name."""
    index = ActorIndex.of(doc)
    found: list[Event] = []
    for quote in quotes:
        speaker = quote.speaker
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if speaker is None or span is None or len(span) == 0:
            continue
        kind, judging = _judgement(span, words)
        if kind is None:
            continue
        cue = _cue(doc, span, quote.cue)
        anchor = cue if cue is not None else span[0]
        start, end, text = evidence(doc, anchor)
        if any(_same_act(e, kind, speaker, start, end) for e in (*told, *found)):
            continue
        judged = _judged(span, judging, speaker, index)
        target, word = judged if judged else (_addressee(cue, span, speaker, index), judging[0])
        if target is None:
            continue
        date, date_from = _date(doc, anchor)
        found.append(
            Event(
                type=kind,
                source=(speaker,),
                target=(target,),
                status="occurred",
                evidence_start=start,
                evidence_end=end,
                evidence=text,
                trigger=word.text,
                date=date,
                date_from=date_from,
                confidence=CONFIDENCE,
            )
        )
    return found


def _judgement(span: Span, words: StanceWords) -> tuple[str | None, list[Token]]:
    """ACCUSE when the words only blame, SUPPORT when they only praise, with those words."""
    blame = [t for t in span if _counts(t, words.blame, words)]
    praise = [t for t in span if _counts(t, words.praise, words)]
    if blame and not praise:
        return BLAME, blame
    if praise and not blame:
        return PRAISE, praise
    return None, []


def _counts(token: Token, lemmas: frozenset[str], words: StanceWords) -> bool:
    """True for a judgement word its clause does not negate ("ce n'est pas un crime")."""
    if token.lemma_.casefold() not in lemmas and token.lower_ not in lemmas:
        return False
    near = [*token.children, *token.head.children]
    return not any(w.lower_ in words.negators for w in near)


def _cue(doc: Doc, span: Span, cue: str | None) -> Token | None:
    """The speech word that gave the quotation its speaker, nearest the quotation."""
    if not cue:
        return None
    first, last = sentence(span[0])[0], sentence(span[-1])[1]
    near = [t for t in doc[first:last] if t.text == cue and not span.start <= t.i < span.end]
    return min(near, key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end)), default=None)


def _own_side(actor: ActorRef, speaker: ActorRef) -> bool:
    """The speaker, or the state the speaker serves: never what the speaker judges."""
    if actor.actor_id == speaker.actor_id:
        return True
    return actor.kind == "state" and actor.country in {speaker.country} - {None}


def _judged(
    span: Span, judging: list[Token], speaker: ActorRef, index: ActorIndex
) -> tuple[ActorRef, Token] | None:
    """The actor a judgement is said of, and the judging word: the subject (or the subject's
    owner, "les actions de l'Iran sont contraires au droit") of the clause the word is in.
    The clause is one the quotation says, not one it subordinates to another of its verbs."""
    doc = span.doc
    for i, actor in index.in_range(span.start, span.end):
        token = doc[i]
        subject = token.head if token.dep_ == "nmod" else token
        if subject.dep_ not in _SUBJECTS or _own_side(actor, speaker):
            continue
        if subject.conjuncts or _after_a_coordinated_actor(token, index):
            continue  # "X et Y sont des partenaires": a pair described, not one judged
        head = subject.head
        if head.head.i != head.i and span.start <= head.head.i < span.end:
            continue  # "nous exigeons que X cesse ses actions illégales": a demand's content
        word = next((w for w in judging if _clause_head(w).i == head.i), None)
        if word is not None:
            return actor, word
    return None


def _after_a_coordinated_actor(token: Token, index: ActorIndex) -> bool:
    """True for "X et <token>", even where the parser missed the coordination."""
    doc = token.doc
    i = token.i - 1
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    return i > 0 and doc[i].pos_ == "CCONJ" and index.at(doc[i - 1]) is not None


def _clause_head(token: Token) -> Token:
    """The head of the clause `token` is in: the first word up the tree with a subject."""
    current = token
    for _ in range(8):
        if any(c.dep_ in _SUBJECTS for c in current.children) or current.head.i == current.i:
            return current
        current = current.head
    return current


def _addressee(
    cue: Token | None, span: Span, speaker: ActorRef, index: ActorIndex
) -> ActorRef | None:
    """Who words spoken to someone ("« ... de vous recevoir », a lancé X à Y") judge: Y."""
    if cue is None or not any("2" in t.morph.get("Person", []) for t in span if t.pos_ == "PRON"):
        return None
    for child in cue.children:
        if child.dep_ in ("iobj", "obl:arg", "obl") and any(
            c.dep_ == "case" and c.lower_ == "à" for c in child.children
        ):
            actor = index.at(child)
            if actor is not None and not _own_side(actor, speaker):
                return actor
    return None


def _same_act(event: Event, kind: str, speaker: ActorRef, start: int, end: int) -> bool:
    """An event of the sentence that already tells this speaker's judgement."""
    overlaps = event.evidence_start < end and start < event.evidence_end
    by_speaker = any(a.actor_id == speaker.actor_id for a in event.source)
    return overlaps and by_speaker and event.type in (kind, BLAME, PRAISE)


def _date(doc: Doc, token: Token) -> tuple[PartialDate | None, DateFrom]:
    """The date of the saying, from the time component."""
    return event_date(doc, token, future=False)
