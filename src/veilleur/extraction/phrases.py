"""Who a speaker phrase designates: a name, a pronoun, a function, a body, a document's
issuer or a group, with the memory of the speakers quoted so far."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..doctext import text_of
from ..kb.normalise import fold
from ..records import ActorRef
from .actors import ActorIndex, _kb_demonym, _new_id
from .clauses import case_of, feature, np_actor, sentence
from .lexicon import QuoteLexicon, load_lexicon
from .spans import QuoteSpan
from .speakers import (
    SpeakerLexicon,
    bare_function,
    complements,
    inside_skipped,
    is_generic,
    is_rank,
    latter,
    named_for_title,
    phrase_text,
    role_holder,
    roles_of,
    specific_body,
    state_body,
)


@dataclass(frozen=True, slots=True)
class Said:
    """A speaker and how strongly the text ties them to the words."""

    speaker: ActorRef
    gender: str | None
    strength: int
    cue: str


@dataclass(slots=True)
class Memory:
    """The quotations of a Doc and the speakers met so far, in reading order."""

    spans: list[QuoteSpan] = field(default_factory=list)
    history: list[Said] = field(default_factory=list)

    def quoted(self, offset: int) -> bool:
        """True when `offset` lies inside one of the Doc's quotations."""
        return any(s.open_at <= offset < s.close_at for s in self.spans)


class PhraseSpeakers:
    """Resolves the phrase a speech cue names to a speaker, for one Doc."""

    def __init__(
        self,
        doc: Doc,
        *,
        lexicon: QuoteLexicon,
        words: SpeakerLexicon,
        index: ActorIndex,
        memory: Memory,
    ) -> None:
        self.doc = doc
        self.lex = lexicon
        self.words = words
        self.index = index
        self.memory = memory
        self.demonyms = load_lexicon().demonyms

    def _gender(self, token: Token) -> str | None:
        """The grammatical gender a phrase gives its speaker, for later pronouns."""
        if feature(token, "Number") == "Plur":
            return "plur"
        # an epicene noun ("la ministre", "le porte-parole") takes its determiner's gender
        marked = [c for c in token.children if c.dep_ == "det" and feature(c, "Gender")]
        gender = feature(marked[0] if marked else token, "Gender")
        return {"Masc": "masc", "Fem": "fem"}.get(gender or "")

    def _last(self, gender: str | None, *, quoted: bool = False) -> Said | None:
        """The last speaker a pronoun of `gender` may stand for."""
        for said in reversed(self.memory.history):
            if quoted and said.strength == 0:
                continue
            if gender is None or said.gender in (None, gender):
                return said
        return None

    def _np_text(self, token: Token) -> str:
        """The words of a speaker phrase, without its clauses and circumstances."""
        # "l'administration Biden": a name joined without a comma is part of the phrase
        words = [
            t
            for t in token.subtree
            if (
                not inside_skipped(t, token)
                or (t.head == token and t.dep_ == "appos" and token.doc[t.i - 1].text != ",")
            )
            and not self._circumstance(t, token)
        ]
        while words and words[0].pos_ in ("DET", "ADP", "PUNCT"):
            words = words[1:]
        while words and words[-1].pos_ == "PUNCT":
            words = words[:-1]
        return " ".join(w.text for w in words).replace("’ ", "’").replace("' ", "'")

    def _circumstance(self, word: Token, head: Token) -> bool:
        """True for a word of a circumstance in a phrase ("un diplomate sous couvert
        d'anonymat", "un soldat près du front"): where or how, not who."""
        while word.i != head.i:
            preps = self.words.circumstance_preps
            if word.dep_ not in ("case", "fixed") and (
                case_of(word) in preps or word.lower_ in preps
            ):
                return True
            if word.head.i == head.i and case_of(word) is not None and self._place(word):
                return True  # "un diplomate à Kampala": where they are
            word = word.head
        return False

    def _place(self, word: Token) -> bool:
        """True for a place name (not a state or a body)."""
        actor = self.index.at(word)
        return actor is not None and actor.kind == "place"

    def speaker_of(self, token: Token) -> tuple[ActorRef, str | None] | None:
        """The speaker a noun phrase or pronoun designates."""
        if _glued(token) in self.words.latter and token.pos_ in ("PRON", "ADJ", "NOUN", "PROPN"):
            # "ce dernier": the person mentioned last, whoever the sentence is about
            last = latter(self.doc, token.left_edge.idx)
            if last is not None:
                return last, None
        pronoun = self.lex.pronouns.gender(token.text)
        if pronoun is not None and token.pos_ in ("PRON", "ADJ", "NOUN", "DET"):
            return self._pronoun_speaker(token, pronoun)
        if feature(token, "PronType") == "Rel":
            antecedent = _antecedent(token)  # "Manille, qui parle de « ... »"
            return self.speaker_of(antecedent) if antecedent is not None else None
        if token.pos_ == "PRON":
            return None  # "nous", "on", the euphonic "-t-": no speaker of its own
        if token.lemma_.casefold() in self.lex.documents:
            return self._document_speaker(token)
        return self._noun_speaker(token)

    def _pronoun_speaker(self, token: Token, gender: str) -> tuple[ActorRef, str | None] | None:
        """Who "il", "elle" or "celui" stands for: the subject of its own or of the previous
        sentence, else the last speaker of its gender, else the linker's answer."""
        own = self._sentence_subject(token, gender)
        if own is not None:
            return own
        narrated = self._narrated_subject(token, gender)
        if narrated is not None:
            return narrated, None
        said = self._last(gender)
        if said is not None:
            return said.speaker, said.gender
        actor = self.index.resolve(token)
        return (actor, None) if actor is not None else None

    def _document_speaker(self, token: Token) -> tuple[ActorRef, str | None] | None:
        """Who speaks through a document: its author, its issuer, else the last speaker."""
        actor = np_actor(token, self.index)
        if actor is not None and actor.kind == "person":
            return self._as_named(actor, token), None
        issuer = self.issuer(token)
        if issuer is not None:
            return issuer, None
        said = self._last(None, quoted=True)  # the speaker whose statement it is
        # else the last one the narration says spoke ("X a affirmé que ... « ... », selon
        # un communiqué")
        said = said or self._last(None)
        return (said.speaker, said.gender) if said is not None else None

    def _noun_speaker(self, token: Token) -> tuple[ActorRef, str | None] | None:
        """Who a noun phrase designates: a named actor, a member of a body, a body, the
        holder of a function, or the phrase itself as the name of a body."""
        document = self._told_in_document(token)
        if document is not None:
            return document, None
        for child in token.children:
            named = self.index.at(child) if child.dep_ == "appos" else None
            if named is not None and named.kind == "person":
                # "la ministre sud-africaine des Affaires étrangères, X, a dit": X
                return self._as_named(named, child), self._gender(token)
        unnamed = self._unnamed_member(token)
        if unnamed is not None:
            return unnamed
        actor = np_actor(token, self.index)
        if actor is not None and (actor.kind == "person" or token.pos_ == "PROPN"):
            return self._as_named(actor, token), None
        if token.pos_ == "NOUN":
            body = specific_body(token, self.index)
            if body is not None:
                return body, self._gender(token)
        group = self._group_source(token)
        if group is not None:
            return group
        holder = role_holder(token, self.words)
        if holder is not None:
            return holder, None
        quoted = self._function_holder(token)
        if quoted is not None:
            return quoted
        if token.pos_ in ("NOUN", "PROPN"):
            name = state_body(token, self.words, self.demonyms) or self._np_text(token)
            if name.casefold() == token.lower_:
                name = self._body_named_before(token) or name
            if name:
                return ActorRef(_new_id(name), name, "organisation"), self._gender(token)
        return (actor, None) if actor is not None else None

    def _told_in_document(self, token: Token) -> ActorRef | None:
        """Words a group counted by a number says in a document the sentence names ("Dans
        une déclaration commune, les deux dirigeants se sont engagés à « ... »", "Selon le
        communiqué indien, les deux dirigeants ont évoqué « ... »") come from the document:
        its issuer, the body of the state its adjective names, or the document itself."""
        if token.pos_ != "NOUN" or feature(token, "Number") != "Plur":
            return None
        if not any(c.dep_ == "nummod" for c in token.children):
            return None  # "les militaires au pouvoir ... dans un communiqué": its issuers
        found = [
            c
            for c in token.head.children
            if c.dep_.startswith("obl") and c.lemma_.casefold() in self.lex.documents
        ]
        if not found:
            return None
        document = found[0]
        issuer = self.issuer(document)
        if issuer is not None:
            return issuer
        adjectives = [c for c in document.children if c.dep_ == "amod" and c.i > document.i]
        demonym = next(
            (a for a in adjectives if a.lower_ in self.demonyms or _kb_demonym(a.lower_)), None
        )
        body = self.lex.state_document_issuer
        if demonym is not None and body and feature(demonym, "Gender") == "Masc":
            name = f"{body} {demonym.lower_}"
            return ActorRef(_new_id(name), name, "organisation")
        name = " ".join([document.lower_, *(a.lower_ for a in adjectives)])
        return ActorRef(_new_id(name), name, "organisation")

    def _function_holder(self, token: Token) -> tuple[ActorRef, str | None] | None:
        """ "Le capitaine a aussi fustigé « ... »": a bare function stands for the person
        quoted last, unless the article gives them another function."""
        if not bare_function(token, self.words):
            return None
        function = fold(token.lemma_)
        for said in reversed(self.memory.history):
            if said.speaker.kind != "person":
                continue
            roles = roles_of(self.doc, said.speaker)
            if not roles or is_rank(token.text) or any(function in r.split() for r in roles):
                return said.speaker, said.gender
            return None
        # no one quoted yet: the person named last, in this sentence or the one before
        # ("... le général X. « ... », a déclaré l'officier")
        named = self.index.last_person_before(token.i)
        if named is None or self.index.inferred(token):
            return None
        first = [m for m in self.doc._.mentions or () if m.actor_id == named.actor_id]
        last = max((m.start for m in first if m.start < token.idx), default=-1)
        start = sentence(token)[0]
        previous = sentence(self.doc[start - 1])[0] if start > 0 else start
        return (named, None) if last >= self.doc[previous].idx else None

    def _as_named(self, actor: ActorRef, token: Token) -> ActorRef:
        """A person the linker inferred from a title, replaced by the person the article
        names with that very title, when there is one."""
        if not self.index.inferred(token):
            return actor
        return named_for_title(self.doc, actor, self.index.surface(token))

    def issuer(self, token: Token) -> ActorRef | None:
        """Who issued a document: the agent of its participle ("publié par X"), else the first
        person or body among its "de" complements ("une lecture de la réunion de lundi des
        chefs d'état-major")."""
        agents = [
            a
            for c in token.children
            if c.dep_ == "acl"
            for a in c.children
            if a.dep_ == "obl:agent"
        ]
        for child in [*agents, *complements(token)]:
            actor = np_actor(child, self.index)
            # a state's body named by a common noun ("la présidence nigérienne") speaks under
            # that name, as a generic body does
            standing = actor is not None and actor.kind == "state" and child.pos_ == "NOUN"
            if actor is not None and (is_generic(actor) or standing):
                name = phrase_text(child)
                return ActorRef(_new_id(name), name, actor.kind, actor.country)
            if actor is not None and actor.kind != "place":
                return self._as_named(actor, child)
            lemma = child.lemma_.casefold()
            if lemma in self.words.person_nouns or lemma in self.words.body_nouns:
                holder = role_holder(child, self.words)
                if holder is not None:
                    return holder
                name = phrase_text(child)
                if name:
                    return ActorRef(_new_id(name), name, "organisation")
        return None

    def _group_source(self, token: Token) -> tuple[ActorRef, str | None] | None:
        """Words a group of people says together ("les deux ministres ont évoqué « ... »")
        come from the body whose account the article relays: the last one quoted."""
        if token.pos_ != "NOUN" or feature(token, "Number") != "Plur":
            return None
        if len([a for a in self.index.group(token) if a.kind == "person"]) < 2:
            return None
        for said in reversed(self.memory.history):
            if said.strength >= 2 and said.speaker.kind not in ("person", "place"):
                return said.speaker, said.gender
        return None

    def _unnamed_member(self, token: Token) -> tuple[ActorRef, str | None] | None:
        """ "Un haut responsable de l'administration Biden": an unnamed member speaks for
        the body named after them (not for a person the body is named after)."""
        if feature(token, "Definite") != "Ind" and not any(
            feature(c, "Definite") == "Ind" for c in token.children if c.dep_ == "det"
        ):
            return None
        if any(c.dep_ in ("appos", "flat:name") for c in token.children):
            return None
        for child in token.children:
            if child.dep_ == "nmod" and case_of(child) in ("de", "du", "des", "d"):
                actor = self.index.at(child)
                if actor is not None and actor.kind == "place":
                    # "un porte-parole du Kremlin": the seat stands for the body
                    actor = ActorRef(actor.actor_id, actor.name, "organisation", actor.country)
                if actor is not None and actor.kind != "person":
                    return actor, None
                if (
                    child.lemma_.casefold() not in self.words.body_nouns
                    and not child.text[:1].isupper()
                ):
                    # "un haut responsable de la sécurité": a field, not a body; the
                    # description is who speaks
                    name = self._np_text(token)
                    return ActorRef(_new_id(name), name, "organisation"), self._gender(token)
                name = self._np_text(child)
                after = child.right_edge.i + 1
                # a capitalised name the parse hung elsewhere ("l'administration Biden")
                while after < len(self.doc) and self.doc[after].text[:1].isupper():
                    name = f"{name} {self.doc[after].text}"
                    after += 1
                if name:
                    return ActorRef(_new_id(name), name, "organisation"), self._gender(child)
        return None

    def _body_named_before(self, token: Token) -> str | None:
        """The full name of a body given bare ("le ministère"), from the office of someone
        named before ("le ministre de la Défense" -> "ministère de la Défense")."""
        office = self.lex.bodies.get(token.lemma_.casefold())
        if office is None:
            return None
        for word in reversed(self.doc[: token.i]):
            if word.lemma_.casefold() != office:
                continue
            for child in word.children:
                if child.dep_ == "nmod" and case_of(child) in ("de", "du", "des", "d"):
                    words = [w for w in child.subtree if not inside_skipped(w, child)]
                    rest = " ".join(w.text for w in words)
                    return f"{token.text} {rest}".replace("’ ", "’").replace("' ", "'")
        return None

    def _sentence_subject(self, token: Token, gender: str) -> tuple[ActorRef, str | None] | None:
        """The subject of the pronoun's own sentence, named before it and of its gender
        ("L'armée a frappé, visant selon elle « ... »")."""
        if token.text.startswith("-") or token.dep_.startswith("nsubj"):
            return None  # "a-t-il plaidé": the pronoun is the speaker, someone else
        start, _ = sentence(token)
        nouns = self.words.person_nouns | self.words.body_nouns
        for word in self.doc[start : token.i]:
            if word.dep_ not in ("nsubj", "nsubj:pass") or word.head.dep_ != "ROOT":
                continue
            if word.pos_ not in ("NOUN", "PROPN") or self.memory.quoted(word.idx):
                return None
            if self.index.at(word) is None and word.lemma_.casefold() not in nouns:
                return None  # a thing ("l'accord") is not who speaks
            if self._gender(word) not in (None, gender):
                return None
            found = self.speaker_of(word)
            return found if found is not None and found[0].kind != "place" else None
        root = self.doc[token.i].sent.root
        if start <= root.i < token.i and not any(c.dep_.startswith("nsubj") for c in root.children):
            # the parse lost the root's subject ("la ministre X, avait réclamé ..., selon elle")
            named = self._named_before_verb(self.doc[start : root.i + 1])
            if named is not None:
                return named, None
        return None

    def _narrated_subject(self, token: Token, gender: str) -> ActorRef | None:
        """The person the sentence before a pronoun's sentence is about, when that sentence is
        plain narration of the same paragraph ("X est attendu à Riyad. « ... », a-t-il dit")."""
        start = sentence(token)[0]
        if gender == "plur":
            return None
        while start > 0 and self.memory.quoted(self.doc[start].idx):
            start = sentence(self.doc[start - 1])[0]  # a quotation of several sentences
        # the parser may glue the narration to the quote after it ("X a mis en garde Séoul.
        # « ... », a-t-il déclaré"): the narration ends at its own full stop
        stops = [
            w.i
            for w in self.doc[start : token.i]
            if w.text in _FULL_STOPS and not self.memory.quoted(w.idx)
        ]
        if stops:
            words = self.doc[start : stops[-1] + 1]
        elif start == 0:
            return None
        else:
            prev_start, prev_end = sentence(self.doc[start - 1])
            words = self.doc[prev_start:prev_end]
            if "\n" in text_of(self.doc)[words.start_char : self.doc[start].idx].strip(" "):
                return None  # another paragraph
        if self.memory.quoted(words.start_char) or any(self.memory.quoted(t.idx) for t in words):
            return None
        # the subject, else the agent of a passive ("L'annonce a été faite par X.")
        for deps in (("nsubj", "nsubj:pass"), ("obl:agent",)):
            for word in words:
                if word.dep_ == "obl:agent" and not _passive_clause(word.head):
                    continue  # "Reçu par Y, X a dit": a participle phrase's agent, not the topic
                if word.dep_ in deps and _main_verb(word.head, words):
                    actor = np_actor(word, self.index)
                    if actor is not None and actor.kind == "person":
                        return actor
        return self._named_before_verb(words)

    def _named_before_verb(self, words: Span) -> ActorRef | None:
        """The person named right before a finite verb group of the sentence ("Reçu par Y,
        M. X a évoqué ...", "Depuis Z, où il a été reçu, X a ..."), where the parse lost the
        subject: the first verb so preceded, past those of relative clauses."""
        for word in words:
            finite = feature(word, "VerbForm") == "Fin" and word.pos_ in ("VERB", "AUX")
            if not finite or word.i == words.start:
                continue
            before = word.i - 1
            if self.doc[before].text == "," and before > words.start:
                before -= 1  # "X, ministre de ..., Y, a dit": the apposition's comma
            actor = self.index.at(self.doc[before])
            if actor is not None and actor.kind == "person":
                return actor
        return None


_FULL_STOPS = frozenset({".", "!", "?"})


def _main_verb(verb: Token, words: Span) -> bool:
    """True for the root of a sentence, or of narration the parse hung on a quote after it."""
    return verb.dep_ == "ROOT" or not words.start <= verb.head.i < words.end


def _passive_clause(verb: Token) -> bool:
    """True for a passive with its auxiliary ("a été reçu"), not a bare participle ("Reçu")."""
    return any(c.dep_ == "aux:pass" for c in verb.children)


def _glued(token: Token) -> str:
    """A word with the pieces the tokenizer split off it ("celui" "-" "ci"), lower-cased."""
    doc = token.doc
    word, i = token.lower_, token.i
    while (
        i + 1 < len(doc)
        and not doc[i].whitespace_
        and (doc[i + 1].text.startswith("-") or doc[i].text == "-")
    ):
        i += 1
        word += doc[i].lower_
    return word


def _antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun stands for: the head of its clause, else the noun right
    before it (the parse may not hang the clause on it)."""
    if token.head.dep_ == "acl:relcl" and token.head.head.pos_ in ("NOUN", "PROPN"):
        return token.head.head
    for word in reversed(token.doc[max(token.i - 3, 0) : token.i]):
        if word.pos_ in ("NOUN", "PROPN"):
            return word
        if not word.is_punct:
            return None
    return None
