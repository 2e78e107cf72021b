"""Who said a quotation: speech verbs after or before it, "selon X", the clause's subject,
or the speaker of the quotation it continues."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..doctext import text_of
from ..linking.tokens import words
from ..records import ActorRef, Quote
from .actors import ActorIndex, _new_id, state_of
from .clauses import case_of, feature, sentence, zone_actors
from .frames import subject_of
from .lexicon import QuoteLexicon, is_speech_verb, load_lexicon
from .phrases import Memory, PhraseSpeakers, Said
from .spans import QuoteSpan, adjacent, find_quotes, word_count
from .speakers import (
    SpeakerLexicon,
    fullest,
    is_term,
    load_speaker_lexicon,
    phrase_text,
)

_WORDS = re.compile(r"\w+")
_SUBJ = ("nsubj", "expl:subj", "nsubj:pass")
_INVERTED = ("nsubj", "expl:subj", "obj", "appos", "nmod", "flat:name", "obl:arg", "dep")
_STOP = frozenset({".", "!", "?", "«", "“", '"', ";"})
_MARKS = frozenset({"«", "»", "“", "”"})


class Attributor:
    """Attributes the quotations of one Doc in reading order, remembering earlier speakers."""

    def __init__(
        self, doc: Doc, lexicon: QuoteLexicon, index: ActorIndex, words: SpeakerLexicon
    ) -> None:
        self.doc = doc
        self.lex = lexicon
        self.words = words
        self.index = index
        self.cues = load_lexicon().cues
        self.memory = Memory()
        self.phrases = PhraseSpeakers(
            doc, lexicon=lexicon, words=words, index=index, memory=self.memory
        )

    def quoted(self, offset: int) -> bool:
        """True when `offset` lies inside one of the Doc's quotations."""
        return self.memory.quoted(offset)

    def speaker_of(self, token: Token) -> tuple[ActorRef, str | None] | None:
        """The speaker a noun phrase or pronoun designates."""
        return self.phrases.speaker_of(token)

    # --- speakers of verbs ---------------------------------------------------------------
    def _verb_speaker(
        self,
        verb: Token,
        *,
        after: bool,
        outside: tuple[int, int] = (0, 0),
        incise: bool = False,
        linked: bool = True,
    ) -> tuple[ActorRef, str | None] | None:
        if after:
            # "a-t-il ajouté", "ajoute-t-elle": the inverted pronoun, whatever its parse
            doc = verb.doc
            for word in doc[max(verb.i - 3, 0) : min(verb.i + 3, len(doc))]:
                if word.text.startswith("-") and self.lex.pronouns.gender(word.text):
                    return self.speaker_of(word)
        deps = _INVERTED if after else _SUBJ
        # "X a, de son côté, évoqué": the parse may hang the subject on the auxiliary
        auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
        candidates = [
            c
            for c in itertools.chain(verb.children, *(a.children for a in auxiliaries))
            if c.dep_ in deps
            and (c.dep_ in _SUBJ or (c.i > verb.i and case_of(c) is None))
            and not outside[0] <= c.idx < outside[1]
            and (incise or not self.quoted(c.idx))
            and not _swallows_marks(c)
        ]
        candidates.sort(key=lambda c: (c.dep_ not in _SUBJ, c.i))
        for child in candidates:
            found = self.speaker_of(child)
            if found is not None and found[0].kind == "place":
                # "Manille a dénoncé": a capital speaking stands for its state
                state = state_of(found[0])
                found = (state, None) if state.kind == "state" else None
            if found is not None:
                return found
        if not linked:
            return None
        if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
            return self._verb_speaker(verb.head, after=False)
        if not after:
            people = [a for a in subject_of(verb, self.index, self.cues) if a.kind == "person"]
            if people:
                return people[0], None
            # "X ont qualifié ... et ont demandé ...": the parse may hang the first verb
            # on the second; its subject, a known actor, is the second's too
            for first in verb.children:
                if first.dep_ in ("advcl", "conj") and first.i < verb.i and first.pos_ == "VERB":
                    found = self._verb_speaker(first, after=False, linked=False)
                    if found is not None and not found[0].actor_id.startswith("new:"):
                        return found
        return None

    # --- cues ---------------------------------------------------------------------------
    def _after(self, span: QuoteSpan) -> Said | None:
        doc = self.doc
        first = doc.char_span(span.close_at, len(text_of(doc)), alignment_mode="expand")
        if first is None or span.close_at >= len(text_of(doc)):
            return None
        if _ends_sentence(text_of(doc)[span.start : span.end]) and first[0].text[:1].isupper():
            return None  # '« ... . » Le président chilien a critiqué': the next sentence's
        for token in doc[first.start : min(first.start + 14, len(doc))]:
            if token.text in _STOP or "\n" in token.text:
                break
            if self.speech(token) and not _coordinated_before(token, span):
                found = self._cue_speaker(token, span.close_at)
                if found is not None:
                    return Said(found[0], found[1], 3, token.text)
            if token.pos_ == "ADP" and self._according(token):
                found = self.speaker_of(token.head)
                if found is not None:
                    return Said(found[0], found[1], 3, token.text)
            if token.pos_ == "NOUN" and token.lemma_.casefold() in self.lex.documents:
                # "», peut-on lire dans le communiqué de l'Élysée": the document's issuer
                issuer = self.phrases.issuer(token)
                if issuer is not None:
                    return Said(issuer, None, 3, token.text)
        return None

    def speech(self, token: Token) -> bool:
        """True for a speech verb."""
        return token.pos_ == "VERB" and is_speech_verb(
            self.lex, token.lemma_.casefold(), token.lower_
        )

    def _according(self, token: Token) -> bool:
        """True for "selon X", and for "pour X," opening a sentence or following a colon."""
        lemma = token.lemma_.casefold()
        if token.head.i <= token.i:
            return False
        if lemma in self.lex.according_to:
            return True
        if lemma not in self.lex.according_to_initial:
            return False
        start = sentence(token)[0]
        # a headline's colon opens a new clause ("Guerre en Ukraine : pour X, « ... »")
        texts = words(token.doc).text
        colons = [i for i in range(start, token.i) if texts[i] == ":"]
        start = colons[-1] + 1 if colons else start
        if token.i - start > 1:
            return False
        edge = token.head.right_edge
        after = edge.i if edge.text == "," else edge.i + 1  # the parse may keep the comma
        return after < len(token.doc) and token.doc[after].text == ","

    def _cue_speaker(self, verb: Token, after: int) -> tuple[ActorRef, str | None] | None:
        """The speaker of a speech verb that follows the words ("», a déclaré X")."""
        found = self._verb_speaker(verb, after=True, outside=(0, after))
        if found is not None:
            return found
        for token in self.doc[verb.i + 1 : min(verb.i + 12, len(self.doc))]:
            if token.text in _STOP or self.quoted(token.idx):
                break
            actor = self.index.at(token)
            if actor is not None and actor.kind == "person":
                return actor, None
        for token in self.doc[verb.i + 1 : min(verb.i + 12, len(self.doc))]:
            if token.text in _STOP or self.quoted(token.idx):
                break
            if token.pos_ == "NOUN" and token.lemma_.casefold() in self.words.person_nouns:
                # "a confié au Monde un haut responsable": a function the parse hung elsewhere
                return self.speaker_of(token)
        return None

    def _before(self, span: QuoteSpan, tokens: Span) -> Said | None:
        # a speech verb governing the words, or a colon after one ("X a déclaré : « ... »")
        roots = [t for t in tokens if not (tokens.start <= t.head.i < tokens.end) or t.head == t]
        sent_start = sentence(tokens[0])[0]
        sentence_initial = all(t.is_punct for t in self.doc[sent_start : tokens.start])
        governors: list[Token] = []
        for root in roots:
            governors.extend(a for a in root.ancestors if not tokens.start <= a.i < tokens.end)
        for verb in governors:
            if self.speech(verb):
                found = self._verb_speaker(verb, after=False)
                if found is not None:
                    return Said(found[0], found[1], 3, verb.text)
        document = self._document_of(governors)
        if document is not None:
            return document
        for token in self.doc[sent_start : tokens.start]:
            if token.pos_ == "ADP" and self._according(token) and token.head.i < tokens.start:
                found = self.speaker_of(token.head)
                if found is not None:
                    return Said(found[0], found[1], 3, token.text)
        before = text_of(self.doc)[: span.open_at].rstrip()
        colon = self.doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
        if before.endswith(":") and colon is not None and len(colon) > 0:
            # the sentence the colon ends, which may be a paragraph before the words
            prev_start, _ = sentence(colon[0])
            for token in reversed(self.doc[prev_start : colon[0].i]):
                if self.speech(token):
                    found = self._verb_speaker(token, after=False)
                    if found is not None:
                        return Said(found[0], found[1], 3, token.text)
        if not sentence_initial:
            for verb in governors:
                if verb.pos_ in ("VERB", "AUX", "ADJ", "NOUN") and any(
                    c.dep_ in _SUBJ for c in verb.children
                ):
                    found = self._verb_speaker(verb, after=False)
                    if found is not None and self._can_speak(found[0], verb):
                        return Said(found[0], found[1], 1, verb.text)
            # "X, y lit « une lueur d'espoir »" (a parse without a verb): the person named
            # as subject before the words
            zone = zone_actors(self.index, self.cues, sent_start, tokens.start, subjects=True)
            people = [a for a in zone if a.kind == "person"]
            if people:
                return Said(people[0], None, 1, "subject")
        return None

    def _document_of(self, governors: list[Token]) -> Said | None:
        """Words inside a relative clause of a document ("une déclaration commune dans
        laquelle ils s'engagent à ... « ... »") are the document's."""
        for verb in governors:
            noun = verb.head
            if verb.dep_ != "acl:relcl" or noun.lemma_.casefold() not in self.lex.documents:
                continue
            relative = [c for c in verb.children if c.pos_ == "PRON" and c.i < verb.i]
            if not any(g.dep_ == "case" for c in relative for g in c.children):
                return None  # "le texte qui dit ...": the document is the subject, read above
            name = phrase_text(noun)
            return Said(ActorRef(_new_id(name), name, "organisation"), None, 3, noun.text)
        return None

    def _can_speak(self, actor: ActorRef, verb: Token) -> bool:
        """True for a person, or a subject that is a name, a pronoun, or a phrase naming a
        body or a function: not for a thing ("la ville a connu « ... »")."""
        if actor.kind == "person" or not actor.actor_id.startswith("new:"):
            return True
        nouns = self.words.person_nouns | self.words.body_nouns | self.words.people_nouns
        for subject in (c for v in (verb, verb.head) for c in v.children if c.dep_ in _SUBJ):
            named = self.index.at(subject)
            if subject.pos_ in ("PROPN", "PRON") or subject.lemma_.casefold() in nouns:
                return True
            if named is not None and named.kind != "place":
                return True
        return False

    def _narration(self, start: int, end: int) -> None:
        """Remember who speaks in the narration between two quotations ("affirme X", "selon
        X"): a later "il" or "celui" may stand for them."""
        span = self.doc.char_span(start, end, alignment_mode="contract")
        if span is None:
            return
        for token in span:
            found = None
            if self.speech(token) and not _negated(token) and not self._reported(token):
                found = self._cue_speaker(token, 0)
            elif token.pos_ == "ADP" and self._according(token):
                found = self.speaker_of(token.head)
            if found is not None:
                self.memory.history.append(Said(found[0], found[1], 0, token.text))

    def _reported(self, verb: Token) -> bool:
        """True for a speech verb inside what another one reports ("X a rappelé que le
        Guyana considérait ..."): its subject is spoken about, not speaking."""
        while verb.dep_ == "ccomp" and verb.head.i != verb.i:
            verb = verb.head
            if self.speech(verb):
                return True
        return False

    def _self_named(self, tokens: Span) -> Said | None:
        """A statement that opens by naming its author as the subject of a speech verb in
        the present ("« Le gouvernement de la République du Mali informe ... »")."""
        for token in tokens[: min(len(tokens), 12)]:
            verb = token.head
            if (
                token.dep_ not in ("nsubj", "expl:subj")
                or token.pos_ not in ("NOUN", "PROPN")
                or not tokens.start <= verb.i < tokens.end
                or verb.i < token.i
                or not self.speech(verb)
                or feature(verb, "Tense") != "Pres"
                or feature(verb, "Person") != "3"
            ):
                continue
            if any(not t.is_punct for t in self.doc[tokens.start : token.left_edge.i]):
                return None  # the statement does not open with its author
            found = self.speaker_of(token)
            return Said(found[0], found[1], 3, verb.text) if found is not None else None
        return None

    def _incise(self, tokens: Span) -> Said | None:
        """A cue set between commas inside the marks ("« Nous sommes prêts, a déclaré X, à
        négocier »"): its speech verb's inverted subject."""
        for verb in tokens:
            if not self.speech(verb) or verb.i - tokens.start < 2:
                continue
            before = self.doc[max(verb.i - 4, tokens.start) : verb.i]
            after = self.doc[verb.i + 1 : min(verb.i + 8, tokens.end)]
            if not any(t.text == "," for t in before) or not any(t.text == "," for t in after):
                continue
            if any(t.pos_ in ("VERB", "NOUN", "PROPN") for t in before):
                continue  # a comma, then only the auxiliary: an incise, not a clause
            found = self._verb_speaker(verb, after=True, outside=(0, verb.idx), incise=True)
            if found is not None:
                return Said(found[0], found[1], 3, verb.text)
        return None

    def _cued(self, tokens: Span | None) -> bool:
        """True when a speech verb governs the words: its speaker, even unresolved, is the
        one the text gives."""
        if tokens is None:
            return False
        return any(
            self.speech(a)
            for t in tokens
            for a in t.ancestors
            if not tokens.start <= a.i < tokens.end
        )

    def _paragraph_speaker(
        self, span: QuoteSpan, found: list[tuple[QuoteSpan, Said]]
    ) -> Said | None:
        """Words quoted without a cue, in a paragraph that relays someone's statement, are
        part of that statement: the last speaker a cue names in the same paragraph."""
        text = text_of(self.doc)
        for earlier, said in reversed(found):
            if "\n" in text[earlier.close_at : span.open_at]:
                return None
            if said.strength >= 2:
                return Said(said.speaker, said.gender, 1, "paragraph")
        return None

    def attribute(self, spans: list[QuoteSpan]) -> list[tuple[QuoteSpan, Said]]:
        """Each quotation with its speaker; quotations with none are left out."""
        found: list[tuple[QuoteSpan, Said]] = []
        self.memory.spans = spans
        previous: QuoteSpan | None = None
        previous_said: Said | None = None
        for span in spans:
            self._narration(previous.close_at if previous else 0, span.open_at)
            tokens = self.doc.char_span(span.start, span.end, alignment_mode="expand")
            if tokens is not None and is_term(tokens, self.words):
                continue  # a name or term set in quotation marks, not words anyone said
            said = self._after(span)
            if said is None and tokens is not None and len(tokens) > 0:
                said = (
                    self._incise(tokens) or self._self_named(tokens) or self._before(span, tokens)
                )
            if (
                (said is None or said.strength < 2)
                and previous is not None
                and previous_said is not None
                and adjacent(text_of(self.doc), previous.close_at, span.open_at)
            ):
                said = Said(previous_said.speaker, previous_said.gender, 2, "continued")
            if said is None and not self._cued(tokens):
                said = self._paragraph_speaker(span, found)
            if said is not None:
                said = replace(said, speaker=fullest(self.doc, said.speaker))
                self.memory.history.append(said)
                if word_count(text_of(self.doc)[span.start : span.end]) >= self.lex.min_words:
                    found.append((span, said))
            previous, previous_said = span, said
        return found


def _ends_sentence(quoted: str) -> bool:
    """The quoted words close their sentence ('... au Venezuela.'): what follows is another."""
    return quoted.rstrip().endswith((".", "!", "?", "…"))


def _swallows_marks(phrase: Token) -> bool:
    """True for a phrase the parse stretched over a quotation mark ("les manœuvres d'«
    excessives »"): a broken parse, never who speaks."""
    return any(t.text in _MARKS for t in phrase.subtree)


def _coordinated_before(verb: Token, span: QuoteSpan) -> bool:
    """True for a verb that cannot cue the words before it: one coordinated with a verb
    before them ("a salué « ... » et appelé les parties à ..."), a second act of the same
    subject whose object is not the speaker, or an infinitive."""
    if feature(verb, "VerbForm") == "Inf":
        return True  # "appelé les parties à garantir ...": an infinitive names no speaker
    if any(c.dep_ == "cc" and span.close_at <= c.idx and c.i < verb.i for c in verb.children):
        # "« ... » et appelé les parties": a cue never opens with "et" (a word of the
        # quotation the parse took for a conjunction is no such "et")
        return True
    return verb.dep_ == "conj" and verb.head.idx < span.open_at


def _negated(verb: Token) -> bool:
    """True for a verb with a negative adverb ("n'a pas commenté")."""
    return any(feature(c, "Polarity") == "Neg" for c in verb.children)


def _bigrams(text: str) -> set[tuple[str, str]]:
    words = [w.casefold() for w in _WORDS.findall(text)]
    return set(itertools.pairwise(words))


def _overlap(a: str, b: str) -> float:
    """Share of the shorter text's word pairs found in the other (a repeated quotation)."""
    ba, bb = _bigrams(a), _bigrams(b)
    return len(ba & bb) / max(1, min(len(ba), len(bb)))


def extract_quotes(
    doc: Doc, lexicon: QuoteLexicon, *, speakers: SpeakerLexicon | None = None
) -> list[Quote]:
    """The attributed quotations of a Doc; a quotation repeated (title and body) is kept once,
    with its best-attributed occurrence."""
    index = ActorIndex.of(doc)
    spans = find_quotes(text_of(doc), lexicon)
    words = speakers if speakers is not None else load_speaker_lexicon()
    pairs = Attributor(doc, lexicon, index, words).attribute(spans)
    kept: list[tuple[QuoteSpan, Said]] = []
    for span, said in sorted(pairs, key=lambda p: (-p[1].strength, -(p[0].end - p[0].start))):
        text = text_of(doc)[span.start : span.end]
        if said.strength <= 1 and any(
            _overlap(text, text_of(doc)[k.start : k.end]) >= 0.5 and ks.strength > said.strength
            for k, ks in kept
        ):
            continue  # a title's paraphrase of words the body attributes properly
        kept.append((span, said))
    kept.sort(key=lambda p: p[0].start)
    return [
        Quote(span.start, span.end, text_of(doc)[span.start : span.end], said.speaker, said.cue)
        for span, said in kept
    ]
