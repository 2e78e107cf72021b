"""Person names in a Doc: capitalised runs, repaired from spaCy's NER and the knowledge base.

NER often misses or mislabels names ("Kochavi" as MISC, "ministre de la Défense Yoav Gallant" as
ORG, "Hezbollah Fuad Shukr" as MISC). Names are read here as runs of capitalised tokens outside
title phrases and outside the names of states and organisations; a run becomes a person when the
knowledge base knows it, or when NER, a title, an honorific or an apposition says so.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..doctext import text_of
from ..kb import Actor, KnowledgeBase
from .grammar import Grammar
from .kbmatch import KbHit
from .text import fold, same_spelling
from .titles import Title, TitleReader
from .tokens import Layout, is_capitalised, joined, word, words

_MAX_LIST_GAP = 5  # tokens between two listed names: ", pour la France et"
_SENTENCE_PUNCT = frozenset({".", ";", ":", "!", "?"})
_CLOSED_POS = frozenset({"DET", "ADP", "PRON", "AUX", "CCONJ", "SCONJ", "PUNCT", "NUM", "SYM"})
_ACRONYM_MAX = 5
_NAME_POS = frozenset({"PROPN", "NOUN", "X"})  # parts of a name inside a PER entity
_MAX_PLACE_WORDS = 4  # "en Ukraine", "à New York", "en République centrafricaine"
_MAX_APPOSITION = 4  # "leur plus vaste exercice": determiner and modifiers before the noun
_BEFORE_NOUN = frozenset({"DET", "ADV", "ADJ", "NUM"})
# timexes made of calendar words (weekdays, months, "hier"), never of a person's name
_CALENDAR_KINDS = frozenset({"absolute", "relative", "weekday", "deictic"})


@dataclass(frozen=True, slots=True)
class NameRun:
    """A person's name as written at one place: tokens [start, end) and how it was recognised."""

    start: int
    end: int
    text: str
    actor: Actor | None  # the KB person, when known
    left: Title | None  # a title just before the name ("le ministre de la Défense Yoav Gallant")
    right: Title | None  # an apposition after it ("Steve Cohen, élu démocrate à ...")
    honorific: str | None  # "M.", "Mme", a rank
    ner: bool  # spaCy labelled it PER
    press: bool  # a journalist of the outlet, not an actor
    weak: bool = False  # a lone KB family name with no other sign ("Store", "Power", "May")
    # a second title before the first ("l'émissaire de l'UA, l'ancien président X")
    stacked: Title | None = None


class NameFinder:
    """Read the person names of a Doc."""

    def __init__(
        self,
        kb: KnowledgeBase,
        grammar: Grammar,
        titles: TitleReader,
        *,
        acts: frozenset[str] = frozenset(),
    ) -> None:
        self.kb = kb
        self.g = grammar
        self.titles = titles
        self.acts = acts  # folded nouns of acts and events ("exercice", "sommet")
        self._stop = (
            grammar.determiners
            | grammar.complement_preps
            | grammar.location_preps
            | frozenset(grammar.pronouns)
            | titles.head_words
            | {fold(h) for h in grammar.honorifics}
            | {fold(r) for r in grammar.ranks}
        )
        # given names of the KB's people: a capitalised word opening a sentence may be one
        self._given = (
            frozenset(
                words[0]
                for a in kb.actors()
                if a.kind == "person"
                for n in (a.name, *a.aliases)
                if len(words := fold(n).split()) > 1 and len(words[0]) > 2
            )
            - self._stop
        )

    def find(self, doc: Doc, hits: list[KbHit], titles: list[Title], lay: Layout) -> list[NameRun]:
        """Every person-name run of the Doc, left to right."""
        blocked = self._blocked(doc, hits, titles)
        ends = {t.end for t in titles}
        person_hits = {
            i: h for h in hits if h.actor.kind == "person" for i in range(h.start, h.end)
        }
        per = self._per_tokens(doc)
        by_end = {t.end: t for t in titles}
        by_start = {t.det_start: t for t in titles} | {t.start: t for t in titles}
        runs: list[NameRun] = []
        unsure: list[tuple[int, int]] = []
        i = 0
        while i < len(doc):
            if i in blocked or not self._name_token(doc, i, lay, per, person_hits):
                i += 1
                continue
            end = self._run_end(doc, i, blocked | ends, lay, per, person_hits)
            run = self._classify(doc, i, end, person_hits, per, by_end, by_start, lay)
            if run is not None:
                runs.append(run)
            elif end - i > 1:
                unsure.append((i, end))
            i = end
        runs = self._enumerated(doc, runs)
        return self._family_names(doc, runs + _repeats(doc, runs, unsure), blocked)

    def _enumerated(self, doc: Doc, runs: list[NameRun]) -> list[NameRun]:
        """'les ministres des Affaires étrangères, X pour Kinshasa et Y pour Kigali': each name
        listed after a plural title holds its office, for the state 'pour' names after it or,
        when the title gives as many demonyms as names, the one in the same rank."""
        out = list(runs)
        k = 0
        while k < len(out):
            title = out[k].left
            if title is None or not title.plural:
                k += 1
                continue
            last = k
            while last + 1 < len(out) and self._listed(doc, out[last].end, out[last + 1].start):
                last += 1
            listed = out[k : last + 1]
            ranked = len(title.countries) == len(listed) > 1
            for n, run in enumerate(listed):
                end = out[k + n + 1].start if k + n + 1 < len(out) else len(doc)
                state = self._for_state(doc, run.end, end)
                country = state or (title.countries[n] if ranked else None)
                own = replace(title, country=country, country_known=country is not None)
                out[k + n] = replace(run, left=own)
            k = last + 1
        return out

    def _listed(self, doc: Doc, end: int, start: int) -> bool:
        """Only a 'pour' place, commas and a conjunction lie between two listed names."""
        gap = doc[end:start]
        if not 0 < len(gap) <= _MAX_LIST_GAP:
            return False
        return any(t.pos_ == "CCONJ" or t.text == "," for t in gap) and not any(
            t.pos_ in {"VERB", "AUX"} or t.text in _SENTENCE_PUNCT for t in gap
        )

    def _for_state(self, doc: Doc, end: int, limit: int) -> str | None:
        """'X pour Kinshasa': the state a 'pour' place right after a name stands for."""
        if end + 1 >= min(limit, len(doc)) or word(doc[end]) not in self.g.on_behalf_preps:
            return None
        k = end + 1
        while k < limit and word(doc[k]) in self.g.articles:
            k += 1
        stop = k
        while stop < limit and is_capitalised(doc[stop]):
            stop = joined(doc, stop)
        name = doc[k:stop].text
        if not name:
            return None
        state = self.kb.state(name) or self.kb.metonym(name) or self.kb.capital_of(name)
        return state.country if state is not None else None

    def _family_names(self, doc: Doc, runs: list[NameRun], blocked: set[int]) -> list[NameRun]:
        """A family name used alone that NER missed ('Ignat a ajouté' after 'Iouri Ignat')."""
        families: dict[str, NameRun] = {}
        for run in runs:
            if run.end - run.start > 1:
                families.setdefault(fold(doc[run.end - 1].text), run)
        taken = {i for r in runs for i in range(r.start, r.end)} | blocked
        extra: list[NameRun] = []
        table = words(doc)
        texts, capitalised = table.text, table.capitalised
        for i, text in enumerate(texts):
            if i in taken or not capitalised[i]:
                continue
            full = families.get(table.folded[i])
            if full is None or (i + 1 < len(texts) and capitalised[i + 1]):
                continue
            honorific = self.titles.prefix_before(doc, i)
            extra.append(
                NameRun(
                    i,
                    i + 1,
                    text,
                    full.actor,
                    None,
                    None,
                    doc[honorific:i].text if honorific < i else None,
                    False,
                    full.press,
                )
            )
        return sorted(runs + extra, key=lambda r: r.start)

    # ------------------------------------------------------------------ tokens
    def _blocked(self, doc: Doc, hits: list[KbHit], titles: list[Title]) -> set[int]:
        """Tokens that belong to titles or to states and organisations, never to names."""
        blocked: set[int] = set()
        per = [ent for ent in doc.ents if ent.label_ == "PER"]
        starts = {ent.start: ent for ent in per}
        # the last token of each multi-word PER entity, and where that entity starts
        tails = {ent.end: ent.start for ent in per if ent.end - ent.start > 1}
        hit_starts = {h.start for h in hits}
        for hit in hits:
            ent = starts.get(hit.start)
            if hit.actor.kind == "state" and (
                (ent is not None and ent.end > hit.end)
                or self._state_as_given_name(doc, hit, hit_starts)
            ):
                continue  # "Dominique de Villepin", "Maurice Lévy": a given name, not a state
            if hit.actor.kind != "person" and self._name_tail(doc, hit, tails):
                continue  # "Thérèse Kayikwamba Wagner": a surname that is also a body's name
            if hit.actor.kind != "person":
                blocked.update(range(hit.start, hit.end))
        for t in titles:
            keep = set(range(*t.person_ref)) if t.person_ref else set()
            blocked.update(x for x in range(t.det_start, t.end) if x not in keep)
        blocked.update(_time_words(doc))
        return blocked

    def _name_tail(self, doc: Doc, hit: KbHit, tails: dict[int, int]) -> bool:
        """A one-word KB name closing a PER entity after capitalised names: part of the name."""
        begin = tails.get(hit.end)
        if hit.end - hit.start != 1 or begin is None or begin >= hit.start:
            return False
        # the tagger may read an unknown name inside the entity as a common noun
        return all(
            is_capitalised(doc[x]) and doc[x].pos_ in _NAME_POS for x in range(begin, hit.end)
        )

    def _state_as_given_name(self, doc: Doc, hit: KbHit, hit_starts: set[int]) -> bool:
        """A one-word state name with no article, followed by a surname ('Dominique de V.')."""
        if hit.end - hit.start != 1 or hit.end + 1 >= len(doc):
            return False
        before = word(doc[hit.start - 1]) if hit.start > 0 else ""
        if before in self.g.determiners | self.g.complement_preps | self.g.location_preps:
            return False
        k = hit.end + (1 if word(doc[hit.end]) in self.g.name_particles else 0)
        nxt = doc[k]
        return is_capitalised(nxt) and nxt.pos_ == "PROPN" and k not in hit_starts

    def _per_tokens(self, doc: Doc) -> set[int]:
        return {i for ent in doc.ents if ent.label_ == "PER" for i in range(ent.start, ent.end)}

    def _name_token(
        self, doc: Doc, i: int, lay: Layout, per: set[int], person_hits: dict[int, KbHit]
    ) -> bool:
        if i in person_hits:
            return True
        table = words(doc)  # the token's strings, read once per Doc
        pos, text, folded = table.pos[i], table.text[i], table.folded[i]
        if pos in _CLOSED_POS and _mistagged_given_name(doc, i, lay):
            return True
        if not table.capitalised[i] or pos in _CLOSED_POS or folded in self._stop:
            return False
        if text.isupper() and len(text) <= _ACRONYM_MAX:
            return False  # acronyms ("GPO", "KAN") name bodies, not people
        if self.kb.demonyms_in(text) or not any(c.isalpha() for c in text):
            return False
        sentence_start = lay.sentence_starts[lay.sentence_of(i)] == i
        if not sentence_start or i in per or pos == "PROPN" or folded in self._given:
            return True
        # "Oleh Synehoubov, gouverneur...": the tagger reads an unknown first name as a verb
        return pos in {"VERB", "X"} and i + 1 < len(table.text) and i + 1 in per

    def _run_end(
        self,
        doc: Doc,
        i: int,
        blocked: set[int],
        lay: Layout,
        per: set[int],
        person_hits: dict[int, KbHit],
    ) -> int:
        end = joined(doc, i)
        while end < len(doc) and end not in blocked:
            if self._name_token(doc, end, lay, per, person_hits) and doc[end - 1].text != ",":
                end = joined(doc, end)
                continue
            particle = word(doc[end]) in self.g.name_particles and end + 1 < len(doc)
            glued = joined(doc, end) if particle else end
            if glued > end + 1 and is_capitalised(doc[glued - 1]):
                end = glued  # "al-Assad", "el-Tayeb": a particle glued to the surname
                continue
            if particle and (
                (end in per and end + 1 in per)
                or (
                    end + 1 not in blocked
                    and bool(doc[end].whitespace_)
                    and is_capitalised(doc[end + 1])
                    and doc[end + 1].pos_ == "PROPN"
                )
            ):
                end += 1  # "Charles de Gaulle", "Ursula von der Leyen"
                continue
            break
        return end

    # ------------------------------------------------------------------ runs
    def _classify(
        self,
        doc: Doc,
        start: int,
        end: int,
        person_hits: dict[int, KbHit],
        per: set[int],
        by_end: dict[int, Title],
        by_start: dict[int, Title],
        lay: Layout,
    ) -> NameRun | None:
        text = doc[start:end].text
        if any(word(doc[x]) in self.g.organisation_words for x in range(start, end)):
            return None
        prefix = self.titles.prefix_before(doc, start)
        if prefix == start > 0 and word(doc[start - 1]) in self.g.named_thing_nouns:
            return None  # "l'aéroport Ben Gourion": a thing named after someone
        actor = self._kb_person(doc, start, end, person_hits)
        honorific = doc[prefix:start].text if prefix < start else None
        left = self._left_title(doc, prefix, by_end)
        right = self._right_title(doc, end, by_start)
        ner = sum(1 for x in range(start, end) if x in per) * 2 >= end - start
        press = any(t is not None and t.kind == "press" for t in (left, right)) or self._is_press(
            doc, end, by_start
        )
        titled = left is not None or right is not None or honorific is not None
        entity = doc[start].ent_type_ in {"PER", "MISC"}
        weak = actor is not None and end - start == 1 and not (titled or entity)
        stacked = _stacked(doc, left, by_end, self.g)
        run = NameRun(start, end, text, actor, left, right, honorific, ner, press, weak, stacked)
        if actor is not None:
            return run
        if self._not_a_person(doc, start, end, text):
            return None
        if end - start == 1 and not ner and doc[start].ent_type_ in {"ORG", "LOC"}:
            return None  # "Hamas" after "chef du groupe terroriste": a body, not its chief
        if not (titled or ner):
            return None
        if not titled and (
            _given_name_of_a_thing(doc, start, self.g) or self._names_an_act(doc, end)
        ):
            return None
        if not titled and _mostly_a_place(doc, text):
            return None  # "Haut-Karabakh": tagged PER once, LOC everywhere else
        if not titled and not self._plausible_untitled(doc, start, end, lay):
            return None
        return run

    def _names_an_act(self, doc: Doc, end: int) -> bool:
        """'X, leur plus vaste exercice conjoint': a name set in apposition to an act or an
        event names that act (an exercise, an operation, a summit), not a person."""
        if end + 1 >= len(doc) or doc[end].text != ",":
            return False
        k = end + 1
        while k < len(doc) and k - end <= _MAX_APPOSITION and doc[k].pos_ in _BEFORE_NOUN:
            k += 1
        return k < len(doc) and doc[k].pos_ == "NOUN" and fold(doc[k].lemma_) in self.acts

    def _kb_person(
        self, doc: Doc, start: int, end: int, person_hits: dict[int, KbHit]
    ) -> Actor | None:
        """The KB person a run names; a full name must agree with the KB on the given name."""
        text = doc[start:end].text
        for actor in self.kb.candidates(text, kinds=("person",)):
            if end - start == 1 or _given_name_agrees(text, actor):
                return actor
        inner = {
            person_hits[x].actor.id: person_hits[x].actor
            for x in range(start, end)
            if x in person_hits
        }
        for actor in inner.values():
            if end - start == 1 or _given_name_agrees(text, actor):
                return actor
        return None

    def _not_a_person(self, doc: Doc, start: int, end: int, text: str) -> bool:
        """A place or body: a KB state, capital, metonym or organisation."""
        kb = self.kb
        return bool(
            kb.state(text) or kb.metonym(text) or kb.capital_of(text) or kb.organisation(text)
        )

    def _plausible_untitled(self, doc: Doc, start: int, end: int, lay: Layout) -> bool:
        """A name without title or honorific: rule out places, captions and credit lines."""
        before = word(doc[start - 1]) if start > 0 else ""
        if before in self.g.location_preps:
            return False  # "à Majdal Shams": a place the tagger took for a person
        if end - start == 1 and before in self.g.genitive_preps:
            return False  # "la réouverture de Notre-Dame"
        if any(doc[x].ent_type_ in {"LOC", "ORG"} for x in range(start, end)) and end - start == 1:
            return False
        n = lay.sentence_of(start)
        s, e = lay.sentence_span(n, len(doc))
        if not any(doc[x].pos_ in {"VERB", "AUX"} for x in range(s, e)):
            return False  # a caption or a byline: no verb in its sentence
        after = doc[end - 1].idx + len(doc[end - 1])
        # photo credits "Name/Agency"
        return text_of(doc)[start - 1 : start] != "/" and text_of(doc)[after : after + 1] != "/"

    def _left_title(self, doc: Doc, prefix: int, by_end: dict[int, Title]) -> Title | None:
        """A title ending right before the name (after its rank), or before a comma there."""
        j = self.titles.determiner_before(doc, prefix) if prefix > 0 else prefix
        for k in (prefix, j):
            title = by_end.get(k)
            if title is not None and _adjacent_ok(doc, title):
                return title
            if k > 0 and doc[k - 1].text == ",":
                title = _before_comma(doc, k - 1, by_end, self.g)
                if title is not None:
                    return title
        return None

    def _right_title(self, doc: Doc, end: int, by_start: dict[int, Title]) -> Title | None:
        """An apposition: 'Steve Cohen, élu démocrate à la Chambre des représentants'."""
        if end < len(doc) and doc[end].text == ",":
            k = end + 1
            modifiers = self.g.drop_modifiers | self.g.kept_modifiers
            while k < len(doc) and word(doc[k]) in modifiers:
                k += 1
            title = by_start.get(k)
            # "Vladimir Poutine, les dirigeants de l'UE dénoncent": no apposition to one name
            if title is not None and title.kind != "counterpart" and not title.plural:
                return title
        return None

    def _is_press(self, doc: Doc, end: int, by_start: dict[int, Title]) -> bool:
        """'Emanuel Fabian est le correspondant militaire du Times of Israël'."""
        if end + 1 < len(doc) and fold(doc[end].lemma_) in self.g.copula_lemmas:
            title = by_start.get(end + 1) or by_start.get(end + 2)
            return title is not None and title.kind == "press"
        return False


def _before_comma(doc: Doc, comma: int, by_end: dict[int, Title], grammar: Grammar) -> Title | None:
    """The title ending at a comma, or before the place complement that ends there ("la
    cheffe de la mission de l'ONU en Ukraine, X", "l'émissaire de l'ONU pour les Grands
    Lacs, X"): the title reader may stop at the place's name."""
    title = by_end.get(comma)
    if title is not None:
        return title
    j = comma
    while j > 0 and comma - j < _MAX_PLACE_WORDS and is_capitalised(doc[j - 1]):
        j -= 1
    if j == comma:
        return None
    while j > 0 and word(doc[j - 1]) in grammar.determiners:
        j -= 1
    if j == 0 or word(doc[j - 1]) not in grammar.complement_preps:
        return None
    return next((by_end[k] for k in range(comma - 1, j - 2, -1) if k in by_end), None)


def _stacked(
    doc: Doc, left: Title | None, by_end: dict[int, Title], grammar: Grammar
) -> Title | None:
    """An office title set before the title next to the name, a comma between them."""
    if left is None or left.det_start == 0 or doc[left.det_start - 1].text != ",":
        return None
    title = _before_comma(doc, left.det_start - 1, by_end, grammar)
    return title if title is not None and title.kind == "office" else None


def _given_name_of_a_thing(doc: Doc, start: int, grammar: Grammar) -> bool:
    """'le banc, que les pêcheurs appellent X': the object of a naming verb in a relative
    clause is the name of its antecedent ("a appelé X" alone may be a phone call)."""
    tok = doc[start]
    verb = tok.head
    if tok.dep_ not in {"obj", "xcomp"} or fold(verb.lemma_) not in grammar.naming_verbs:
        return False
    opening = grammar.object_relatives
    return any(c.i < verb.i and fold(c.text) in opening for c in verb.children)


def _time_words(doc: Doc) -> set[int]:
    """Tokens of the dates the dates component read: "Lundi, le président ..." opens with a
    weekday, not with a person the apposition would title."""
    found: set[int] = set()
    for timex in doc._.timexes or ():
        if timex.kind not in _CALENDAR_KINDS:
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="contract")
        if span is not None:
            found.update(t.i for t in span)
    return found


def _repeats(doc: Doc, runs: list[NameRun], unsure: list[tuple[int, int]]) -> list[NameRun]:
    """A full name written again without the title that first made it a person's."""
    known = {fold(r.text): r for r in runs if r.end - r.start > 1}
    out: list[NameRun] = []
    for start, end in unsure:
        first = known.get(fold(doc[start:end].text))
        if first is not None:
            out.append(
                NameRun(start, end, doc[start:end].text, first.actor, None, None, None,
                        first.ner, first.press)
            )  # fmt: skip
    return out


def _mostly_a_place(doc: Doc, text: str) -> bool:
    """NER labels this text a place or a body more often than a person in the article."""
    key = fold(text)
    labels = [e.label_ for e in doc.ents if fold(e.text) == key]
    places = sum(1 for label in labels if label in {"LOC", "ORG"})
    return places > labels.count("PER")


def _mistagged_given_name(doc: Doc, i: int, lay: Layout) -> bool:
    """ "l'ambassadrice MaryKay Carlson": an unknown capitalised word inside a sentence, read
    by the tagger as a determiner or the like, right before a proper noun is a given name
    (closed-class words are all in the vocabulary)."""
    tok = doc[i]
    if not is_capitalised(tok) or not tok.is_oov or i + 1 >= len(doc):
        return False
    if lay.sentence_starts[lay.sentence_of(i)] == i:
        return False
    after = doc[i + 1]
    return after.pos_ == "PROPN" and is_capitalised(after)


def _adjacent_ok(doc: Doc, title: Title) -> bool:
    """A title glued to a name qualifies it unless it ends on a common noun."""
    # "l'administration Biden", "le gouvernement Netanyahou" name a body after its leader
    last: Token = doc[title.end - 1]
    return not (title.has_complement and last.pos_ == "NOUN" and not is_capitalised(last))


def _given_name_agrees(text: str, actor: Actor) -> bool:
    """Every word of the shorter form stands in the longer one (variants, initials allowed)."""
    # "Steve Cohen" is not the KB's "Eli Cohen", nor "Zhang Wei" its "Zhang Jun"
    mine = fold(text).replace("-", " ").split()
    for name in (actor.name, *actor.aliases):
        theirs = fold(name).replace("-", " ").split()
        if len(theirs) < 2:
            continue
        short, long = (mine, theirs) if len(mine) <= len(theirs) else (theirs, mine)
        if all(any(_same_word(a, b) for b in long) for a in short):
            return True
    return False


def _same_word(a: str, b: str) -> bool:
    """Equal up to a spelling variant, or an initial ('j.' for 'james')."""
    if a.endswith(".") and len(a) <= 3:
        return b.startswith(a[:-1])
    if b.endswith(".") and len(b) <= 3:
        return a.startswith(b[:-1])
    return same_spelling(a, b)
