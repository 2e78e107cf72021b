"""The date of an event: the temporal expression governing its trigger, else the publication."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Literal

from spacy.tokens import Doc, Span, Token

from ..doctext import text_of
from ..linking.tokens import morph_values
from ..records import PartialDate, Timex
from .grammar import Expression, grammar_for
from .interval import DayInterval
from .lexicon import load_lexicon
from .resolve import Tense, resolve
from .tense import clause_tense, governing_verb, verb_tense

DateFrom = Literal["text", "published", "none"]

# Key of Doc.user_data where the dates component leaves the anchor interval (ISO strings).
ANCHOR_KEY = "veilleur.anchor"
# Key of Doc.user_data where it leaves the story's day the text states (ISO), if any.
SCENE_KEY = "veilleur.scene"
# Arcs that open another clause: a date across one governs the trigger less.
_CLAUSE_DEPS = {"acl:relcl": 3.0, "acl": 2.0, "ccomp": 1.5, "advcl": 1.0, "parataxis": 2.0}
_QUOTED_PENALTY = 4.0
# Beyond this score the nearest date in the sentence is not the trigger's.
_MAX_SCORE = 9.0
# Dates a following sentence may inherit, and over how many sentences.
_SCENE_KINDS = ("weekday", "deictic", "relative")
_INHERIT_SENTENCES = 3
# A date within this many words of its sentence's start opens it ("Le 3 mars, ...").
_OPENING_TOKENS = 1
# Offsets back this far cannot date a verb in the present ("il y a cinq mois").
_FAR_UNITS = ("week", "month", "year")
# A vague window of days this wide at most still tells the days of the writing.
_RECENT_DAYS = 14
_OPENING = {"«": "»", "“": "”", '"': '"'}
_OPENING_MARK = re.compile("|".join(re.escape(mark) for mark in _OPENING))


def anchor_of(doc: Doc) -> DayInterval | None:
    """The days the publication may be, as the dates component left them."""
    stored = doc.user_data.get(ANCHOR_KEY)
    if stored:
        first, last = stored
        return DayInterval(dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    published: PartialDate | None = doc._.published
    return DayInterval.of(published) if published is not None else None


def scene_of(doc: Doc) -> dt.date | None:
    """The story's day the text states when the publication is known less finely, if any."""
    stored = doc.user_data.get(SCENE_KEY)
    return dt.date.fromisoformat(stored) if isinstance(stored, str) else None


def event_date(
    doc: Doc, trigger: Token | Span, *, future: bool, inherit: bool = True
) -> tuple[PartialDate | None, DateFrom]:
    """The date of the event `trigger` denotes, and where it comes from (text, published, none)."""
    # The sentence's timex closest by dependency path (then distance) is re-resolved in the
    # trigger's tense (future for planned events); failing that, the paragraph's scene date,
    # then the publication date at its own precision.
    token = trigger.root if isinstance(trigger, Span) else trigger
    timexes: list[Timex] = list(doc._.timexes or [])
    published: PartialDate | None = doc._.published
    chosen = _governing(doc, token, timexes)
    if chosen is not None and (
        _too_far_back(doc, token, chosen) or (not future and _ahead_of_past(doc, token, chosen))
    ):
        chosen = None
    if chosen is None and _background(token):
        return None, "none"
    if chosen is None and inherit:
        scene = _inherited(doc, token, timexes)
        if scene is not None and scene.value is not None and _finer(scene.value, published):
            # The scene's date as its own sentence resolved it, not re-read in this tense.
            return scene.value, "text"
        if scene is not None and _main_clause(doc, scene):
            # A scene day the publication cannot place ("a rencontré mardi" in a month's
            # first days) leaves the events that follow it as vague as itself; a date of a
            # side phrase ("Guterres, arrivé jeudi soir") does not set the story's day.
            return (scene.value, "text") if scene.value is not None else (None, "none")
    if chosen is None:
        return (published, "published") if published is not None else (None, "none")
    lang = doc.lang_ if doc.lang_ else "fr"
    grammar = grammar_for(lang)
    expr = grammar.parse(chosen.text)
    if expr is None:
        return (chosen.value, "text") if chosen.value else (None, "none")
    tense = _event_tense(token, chosen, lang, future=future)
    before = [t for t in timexes if t.end <= chosen.start and t.value and t.kind != "vague"]
    if chosen.kind == "anaphoric" and before and _apposed(doc, before[-1], chosen):
        # "lundi, la veille du vote": the apposition names the day before it again
        return before[-1].value, "text"
    reference = DayInterval.of(before[-1].value) if before and before[-1].value else None
    if chosen.kind == "anaphoric":
        named = _named_event_day(doc, chosen, timexes)
        reference = DayInterval.of(named) if named is not None else reference
    interval = resolve(
        expr, anchor=anchor_of(doc), reference=reference, tense=tense, scene=scene_of(doc)
    )
    value = interval.to_partial() if interval is not None else None
    monthly = published is not None and published.precision == "month"
    if _recent(expr) and monthly and published and not _finer(value or published, published):
        # "ces derniers jours" in an article of April: news tells the days around its writing
        # in the publication's own month, not in the one before.
        return published, "published"
    if expr.weekday is not None and (value is None or value.precision != "day"):
        # "Le lendemain du sommet, dimanche, ...": a weekday the publication cannot place is
        # the day another expression of its sentence gives, when that day is this weekday.
        same = _same_weekday(doc, token, chosen, timexes, expr.weekday)
        if same is not None:
            return same, "text"
    return (value, "text") if value is not None else (None, "none")


def _recent(expr: Expression) -> bool:
    """True for a vague window of days around the writing ("ces derniers jours")."""
    fixed = expr.fixed
    if fixed is None or fixed.anchor != "vague" or fixed.days is None:
        return False
    low, high = fixed.days
    return low <= 0 <= high and high - low <= _RECENT_DAYS


def _same_weekday(
    doc: Doc, token: Token, chosen: Timex, timexes: list[Timex], weekday: int
) -> PartialDate | None:
    """A day-precise date of the token's sentence, other than `chosen`, on `weekday`."""
    sent = token.sent
    start, end = sent.start_char, sent.end_char
    for timex in timexes:
        if timex is chosen or not start <= timex.start < end:
            continue
        value = _anaphor_value(doc, timex, timexes) if timex.kind == "anaphoric" else timex.value
        if value is None:
            continue
        if value.precision == "day" and value.first_day().weekday() == weekday:
            return value
    return None


def _named_event_day(doc: Doc, timex: Timex, timexes: list[Timex]) -> PartialDate | None:
    """The day of the event a relative day names ("le lendemain du sommet"): the first dated
    day of the latest earlier sentence that names the same noun ("le sommet de samedi")."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return None
    nouns = [c for c in span.root.children if c.dep_ == "nmod" and c.i >= span.end]
    if not nouns or nouns[0].pos_ != "NOUN":
        return None
    noun = nouns[0]
    for tok in reversed(doc[: span.start]):
        if tok.lemma_ != noun.lemma_ or tok.pos_ != "NOUN":
            continue
        sent = tok.sent
        for other in timexes:
            value = other.value
            inside = sent.start_char <= other.start < sent.end_char
            if inside and other.kind != "anaphoric" and value and value.precision == "day":
                return value
    return None


def _anaphor_value(doc: Doc, timex: Timex, timexes: list[Timex]) -> PartialDate | None:
    """A relative day's value, resolved against the event it names when it names one."""
    named = _named_event_day(doc, timex, timexes)
    expr = grammar_for(doc.lang_ or "fr").parse(timex.text) if named is not None else None
    if named is None or expr is None:
        return timex.value
    interval = resolve(expr, anchor=anchor_of(doc), reference=DayInterval.of(named), tense="past")
    return interval.to_partial() if interval is not None else timex.value


def _apposed(doc: Doc, first: Timex, second: Timex) -> bool:
    """True when only a comma separates two expressions ("lundi, la veille du vote")."""
    between = text_of(doc)[first.end : second.start]
    return between.strip() == "," and len(between) <= _APPOSITION_GAP


# ", " or " , " between two expressions in apposition.
_APPOSITION_GAP = 3


def _too_far_back(doc: Doc, token: Token, timex: Timex) -> bool:
    """True when a news verb in the present ("Moscou signe un accord") is given a date weeks
    or more back ("bloquées par la guerre, il y a cinq mois"): that date belongs to another
    phrase of the sentence; only a date opening the sentence sets a historic present."""
    if token.pos_ != "VERB" or _opens_sentence(doc, timex):
        return False
    lang = doc.lang_ if doc.lang_ else "fr"
    if verb_tense(token, future_lemmas=_future_lemmas(lang)) != "present":
        return False
    expr = grammar_for(lang).parse(timex.text)
    return (
        expr is not None
        and expr.form == "offset"
        and expr.base == "deictic"
        and expr.direction < 0
        and expr.unit in _FAR_UNITS
    )


def _ahead_of_past(doc: Doc, token: Token, timex: Timex) -> bool:
    """True when a verb in the past ("ont convenu de se revoir dans les trois prochains mois")
    is given a stretch ahead of the writing: that date is the plan's, not the past act's."""
    lang = doc.lang_ if doc.lang_ else "fr"
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if verb_tense(token, future_lemmas=_future_lemmas(lang)) != "past":
        return False
    expr = grammar_for(lang).parse(timex.text)
    return (
        expr is not None and expr.form == "offset" and expr.base == "deictic" and expr.direction > 0
    )


def governing_timex(doc: Doc, token: Token) -> Timex | None:
    """The temporal expression of the token's sentence that dates it, if one is close enough."""
    return _governing(doc, token, list(doc._.timexes or []))


def _event_tense(token: Token, timex: Timex, lang: str, *, future: bool) -> Tense:
    """The trigger's own tense when it has one; else the tense the timex was read with."""
    # A planned event is dated in the future unless its own verb is past ('devait se rendre
    # lundi', 'avait prévu de'): a plan already due by publication.
    tense = clause_tense(token, future_lemmas=_future_lemmas(lang))
    if future:
        return "past" if tense == "past" and token.pos_ in ("VERB", "AUX") else "future"
    return tense if tense in ("past", "future") else timex.tense


def _governing(doc: Doc, token: Token, timexes: list[Timex]) -> Timex | None:
    """The timex of the sentence that best governs `token`, if any is close enough."""
    sent = token.sent
    quoted = _quoted_ranges(text_of(doc), sent.start_char, sent.end_char)
    best: tuple[float, int, Timex] | None = None
    for timex in timexes:
        if not sent.start_char <= timex.start < sent.end_char:
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or _since(doc, span):
            continue
        score = _path_score(token, span.root)
        if _inside(timex.start, quoted) != _inside(token.idx, quoted):
            score += _QUOTED_PENALTY
        distance = abs(span.start - token.i)
        if score <= _MAX_SCORE and (best is None or (score, distance) < best[:2]):
            best = (score, distance, timex)
    return best[2] if best is not None else None


def _since(doc: Doc, span: Span) -> bool:
    """True for the start of a state ("interrompues depuis 2011"): it dates no event."""
    since = _since_words(doc.lang_ if doc.lang_ else "fr")
    first = span[0].lower_ in since  # the grammar may keep "depuis" in the expression
    return first or (span.start > 0 and doc[span.start - 1].lower_ in since)


@cache
def _future_lemmas(lang: str) -> frozenset[str]:
    """The language's future-marking lemmas, as a set built once (asked for per event)."""
    return frozenset(load_lexicon(lang).future_lemmas)


@cache
def _since_words(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_lexicon(lang).since_words)


def _finer(value: PartialDate, than: PartialDate | None) -> bool:
    """True when `value` is at least as precise as `than` (always, when `than` is None)."""
    order = {"year": 0, "month": 1, "day": 2}
    return than is None or order[value.precision] >= order[than.precision]


def _inherited(doc: Doc, token: Token, timexes: list[Timex]) -> Timex | None:
    """The last date of the paragraph's previous sentences, when they set the scene."""
    # A sentence that goes on about the same occasion ("La ministre s'entretiendra avec...")
    # keeps the date of the sentence before it, within the paragraph and a few sentences.
    sent = token.sent
    para_start = text_of(doc).rfind("\n", 0, sent.start_char) + 1
    earlier = [
        t for t in timexes
        if para_start <= t.start < sent.start_char
        and (t.kind in _SCENE_KINDS or (t.kind == "absolute" and _sets_scene(doc, t)))
    ]  # fmt: skip
    if not earlier:
        return None
    last = earlier[-1]
    sentences_between = sum(1 for s in doc.sents if last.end <= s.start_char < sent.start_char)
    if sentences_between > _INHERIT_SENTENCES:
        return None
    quoted = _quoted_ranges(text_of(doc), para_start, sent.start_char)
    return None if _inside(last.start, quoted) else last


def _background(token: Token) -> bool:
    """True for a bare passive participle with its agent ("l'offensive, qualifiée par le
    président d'erreur"): a fact recalled about a thing, told at no time of its own, so
    neither the scene's day nor the publication's is its date."""
    first = token
    while first.dep_ == "conj" and first.head is not first:
        first = first.head  # "attaquée et reprise par": the auxiliaries sit on the first
    return (
        token.pos_ == "VERB"
        and token.dep_ != "ROOT"
        and "Part" in morph_values(token, "VerbForm")
        and "Past" in morph_values(token, "Tense")
        and any(c.dep_ == "obl:agent" for c in token.children)
        and not any(c.dep_.startswith(("aux", "cop")) for c in (*token.children, *first.children))
    )


def _sets_scene(doc: Doc, timex: Timex) -> bool:
    """True for a calendar date that opens its sentence or dates its main verb ("Tout
    commence le 3 janvier, à Bagdad."): the day of what the next sentences tell."""
    if _opens_sentence(doc, timex):
        return True
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or _since(doc, span):
        return False
    # The date hangs on the main verb itself, not inside one of its phrases ("sa visite
    # depuis le coup de force du 3 mars").
    head, root = span.root.head, span.sent.root
    verb = head == root or (head.dep_ == "conj" and head.head == root)
    return verb and span.root.dep_.startswith(("obl", "advmod")) and head.pos_ in ("VERB", "AUX")


def _main_clause(doc: Doc, timex: Timex) -> bool:
    """True for a date of its sentence's main verb ("Le ministre a rencontré mardi ...")."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False
    verb = governing_verb(span.root)
    root = span.sent.root
    return verb is not None and (verb == root or (verb.dep_ == "conj" and verb.head == root))


def _opens_sentence(doc: Doc, timex: Timex) -> bool:
    """True for a date that opens its sentence ("En avril, l'Iran a lancé..."): it sets the
    scene of what follows, unlike a date at the end of a clause ("depuis le 24 février")."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    return span is not None and span.start - span.sent.start <= _OPENING_TOKENS


def _path_score(a: Token, b: Token) -> float:
    """Arcs between two tokens through their lowest common ancestor, plus clause crossings."""
    chain_a = [a, *a.ancestors]
    chain_b = [b, *b.ancestors]
    ids_b = {t.i: n for n, t in enumerate(chain_b)}
    for n, t in enumerate(chain_a):
        if t.i in ids_b:
            m = ids_b[t.i]
            crossings = chain_a[:n] + chain_b[:m]
            return n + m + sum(_CLAUSE_DEPS.get(c.dep_, 0.0) for c in crossings)
    return float(len(chain_a) + len(chain_b) + 5)


def _quoted_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches of [start, end) between quotation marks."""
    ranges: list[tuple[int, int]] = []
    i = start
    while i < end:
        found = _OPENING_MARK.search(text, i, end)  # the next opening mark, not char by char
        if found is None:
            break
        i = found.start()
        j = text.find(_OPENING[text[i]], i + 1, end)
        if j < 0:
            break
        ranges.append((i, j))
        i = j + 1
    return ranges


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= pos <= b for a, b in ranges)
