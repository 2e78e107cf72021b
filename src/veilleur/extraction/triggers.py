"""Find trigger words in one pass over the token attributes and check each entry's requirements."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.language import Language
from spacy.parts_of_speech import NOUN, VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc, MorphAnalysis, Token

from .clauses import case_of, descendants, feature, sentence
from .lexicon import Lexicon, Trigger, load_lexicon, spellings
from .status import future, negated

_POS = {"verb": ["VERB"], "noun": ["NOUN"]}
_REFLEXIVE_DEPS = frozenset({"expl:comp", "expl:pv", "expl", "obj", "iobj", "expl:pass"})


@dataclass(frozen=True, slots=True)
class Hit:
    """A trigger token and the lexicon entry it fulfils."""

    token: Token
    entry: Trigger


class TriggerIndex:
    """Trigger heads by lemma and part of speech, plus inflected verb forms the lemmatizer
    leaves as they are; found in one vectorised pass over the token attributes (a spaCy
    Matcher with long "IN" lists cost several milliseconds an article for the same matches)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.forms = lexicon.verb_forms()
        # heads written without ligatures too ("manoeuvre"), as `Lexicon.entries` finds them
        self._verbs = _ids(w for lemma in lexicon.lemma_set("verb") for w in spellings(lemma))
        self._nouns = _ids(w for lemma in lexicon.lemma_set("noun") for w in spellings(lemma))
        self._forms = _ids(self.forms)

    def __call__(self, doc: Doc) -> list[tuple[str, int]]:
        """(part of speech key, token index) of every candidate trigger, in text order."""
        if not len(doc):
            return []
        attrs = doc.to_array([POS, LEMMA, LOWER])
        pos, lemma, lower = attrs[:, 0], attrs[:, 1], attrs[:, 2]
        verb = (pos == VERB) & (_member(lemma, self._verbs) | _member(lower, self._forms))
        noun = (pos == NOUN) & _member(lemma, self._nouns)
        found = [("verb", int(i)) for i in np.flatnonzero(verb)]
        found += [("noun", int(i)) for i in np.flatnonzero(noun)]
        return sorted(found, key=lambda f: f[1])


def _member(
    values: np.ndarray[Any, Any], ids: np.ndarray[Any, np.dtype[np.uint64]]
) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """np.isin(values, ids) for sorted `ids`, by binary search (isin sorts both per call)."""
    if not len(ids):
        return np.zeros(len(values), dtype=np.bool_)
    at = np.minimum(np.searchsorted(ids, values), len(ids) - 1)
    return np.asarray(ids[at] == values, dtype=np.bool_)


def _ids(words: Iterable[str]) -> np.ndarray[Any, np.dtype[np.uint64]]:
    """The string-store hashes of `words` (what Doc.to_array gives for LEMMA and LOWER)."""
    return np.asarray(sorted(get_string_id(w) for w in words), dtype=np.uint64)


def build_matcher(nlp: Language, lexicon: Lexicon) -> TriggerIndex:
    """The trigger finder for this lexicon (`nlp` kept for the components' uniform call)."""
    return TriggerIndex(lexicon)


def _window(token: Token, size: int = 12) -> list[Token]:
    """The words right after a trigger, up to the next finite verb or the sentence end: its
    complement when the parse hung it elsewhere ("signer, avec X, l'accord")."""
    words: list[Token] = []
    for word in token.doc[token.i + 1 : min(token.i + 1 + size, sentence(token)[1])]:
        if word.pos_ in ("VERB", "AUX") and feature(word, "VerbForm") == "Fin":
            break
        words.append(word)
    return words


def _preps(token: Token) -> set[str]:
    preps = {p for c in token.children if (p := case_of(c)) is not None}
    # "appeler X à livrer", "exhorter X de": the mark of the infinitive asked of the object,
    # wherever the parse hung it (on the verb, or on the object noun)
    for child in token.children:
        asked = [child] if child.dep_ in ("xcomp", "ccomp") else []
        if child.dep_ == "obj":
            asked = [c for c in child.children if c.dep_ in ("acl", "xcomp")]
        for verb in asked:
            if verb.pos_ == "VERB" and feature(verb, "VerbForm") == "Inf":
                preps |= {m.lower_.rstrip("'’") for m in verb.children if m.dep_ == "mark"}
    cues = load_lexicon().cues
    if any(c.lower_ in cues.place_relatives for c in token.children):
        preps |= cues.place_preps  # "à Nairobi, où il est arrivé": "où" stands for "à Nairobi"
    # a misattached complement ("arrivé vendredi en Israël"): the prepositions right after it
    for word in token.doc[token.i + 1 : min(token.i + 6, sentence(token)[1])]:
        if word.pos_ in ("VERB", "PUNCT") and word.text != "-":
            break
        if word.pos_ == "ADP":
            preps.add(word.lower_.rstrip("'’"))
        elif word.i > token.i + 1 and (glued := re.match(r"(\w+)['’]\W*\w", word.lower_)):
            preps.add(glued.group(1))  # a preposition the tokenizer glued to its word
    return preps


def _reflexive(token: Token) -> bool:
    return any(
        c.dep_ in _REFLEXIVE_DEPS and c.lower_.rstrip("'’") in ("se", "s", "me", "m", "nous")
        for c in token.children
    )


def _words(word: Token) -> set[str]:
    """The lemma of a word and its written form, singular too: the lemmatizer leaves some
    plurals as they are ("condoléances") and mislemmatises rarer nouns."""
    forms = {word.lemma_.casefold(), word.lower_}
    forms |= {f[:-1] for f in forms if len(f) > 3 and f.endswith(("s", "x"))}
    return forms | {f.replace("oe", "œ") for f in forms if "oe" in f}


def _around(token: Token) -> set[str]:
    """The words a requirement on children is checked against: the trigger's dependents,
    the words right after it, and the noun a relative or a modal verb hangs it on."""
    found = {w for d in descendants(token) for w in _words(d)}
    found |= {w for d in _window(token) for w in _words(d)}
    if token.dep_ == "acl:relcl":
        found |= _words(token.head)  # "les accords qu'Israël a signés"
    if token.dep_ == "xcomp":
        # "les soldats doivent quitter le pays": the subject hangs on the modal verb
        found |= {w for c in token.head.children if c.dep_.startswith("nsubj") for w in _words(c)}
    return found


def _governs_infinitive(token: Token) -> bool:
    """True when the verb asks for an act told by an infinitive ("inviter X à se retirer",
    "prier Y de cesser"), hung on the verb or on its object."""
    for child in token.children:
        asked = [child] if child.dep_ in ("xcomp", "ccomp", "advcl") else []
        if child.dep_ in ("obj", "iobj", "obl:arg"):
            asked = [c for c in child.children if c.dep_ in ("acl", "xcomp")]
        for verb in asked:
            marked = any(m.dep_ == "mark" for m in verb.children)
            if verb.pos_ == "VERB" and feature(verb, "VerbForm") == "Inf" and marked:
                return True
    return False


def fulfils(token: Token, entry: Trigger) -> bool:
    """True when `token` meets the entry's requirements (child lemma, preposition, reflexive)."""
    if entry.requires_child or entry.requires_all or entry.excludes_child:
        around = _around(token)
        if entry.requires_child and not around & set(entry.requires_child):
            return False
        if not around >= set(entry.requires_all) or around & set(entry.excludes_child):
            return False
    if entry.requires_infinitive and not _governs_infinitive(token):
        return False
    if entry.finite and feature(token, "VerbForm") == "Inf":
        return False
    if entry.requires_prep and not _preps(token) & set(entry.requires_prep):
        return False
    if entry.plural_subject and not _plural_subject(token):
        return False
    if entry.negated and not negated(token, load_lexicon().cues):
        return False
    if entry.future and not future(token):
        return False
    return not (entry.reflexive and not _reflexive(token))


def _plural_subject(token: Token) -> bool:
    """True when the subject of `token` is a group ("les deux hommes", "X et Y")."""
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubj:pass")]
    return any("Plur" in s.morph.get("Number", []) or list(s.conjuncts) for s in subjects)


def _repair_participles(doc: Doc, forms: dict[str, str]) -> None:
    """Make a verb again of a trigger participle the tagger took for a noun because it did
    not know the word ("a déjeuné", "a dégelé"): a noun never takes a tense auxiliary. The
    later stages read its part of speech, lemma and form from the token, so it is fixed there."""
    for token in doc:
        lemma = forms.get(token.lower_)
        if token.pos_ != "NOUN" or lemma is None or not token.lower_.endswith(_PARTICIPLE):
            continue
        if any(c.dep_ in ("aux:tense", "aux:pass") for c in token.children):
            token.pos_ = "VERB"
            token.lemma_ = lemma
            token.morph = MorphAnalysis(doc.vocab, {"Tense": "Past", "VerbForm": "Part"})


_PARTICIPLE = ("é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues")


def _aim_of_measure(token: Token, lexicon: Lexicon) -> bool:
    """True for a present participle that says whom a measure or a word is aimed at ("les
    sanctions visant X", "des accusations ciblant Y"): no strike."""
    if token.pos_ != "VERB" or token.dep_ != "acl" or feature(token, "Tense") != "Pres":
        return False
    return token.head.lemma_.casefold() in lexicon.cues.measure_nouns


_SPEECH_TYPES = frozenset({"ACCUSE", "SUPPORT", "REQUEST", "REJECT", "THREATEN"})


def _bare_participle(token: Token) -> bool:
    """True for a past participle that only describes a noun, with no auxiliary and no agent
    ("un habitant soupçonné d'avoir guidé la frappe"): a standing label, not a speech act."""
    if token.pos_ != "VERB" or token.dep_ not in ("acl", "amod"):
        return False
    if feature(token, "VerbForm") != "Part" or feature(token, "Tense") != "Past":
        return False
    return not any(c.dep_.startswith(("aux", "obl:agent", "nsubj")) for c in token.children)


def _specificity(entry: Trigger) -> int:
    """How many requirements an entry sets: the more, the likelier its sense."""
    return (
        len(entry.requires_child)
        + len(entry.requires_all)
        + len(entry.requires_prep)
        + entry.requires_infinitive
        + entry.finite
        + entry.reflexive
        + entry.negated
        + entry.future
    )


def find_triggers(doc: Doc, matcher: TriggerIndex, lexicon: Lexicon) -> list[Hit]:
    """Each trigger token with the most specific entry it fulfils (entries with requirements
    first); one token may start events of different types."""
    hits: list[Hit] = []
    forms = matcher.forms
    _repair_participles(doc, forms)
    for pos, start in matcher(doc):
        token = doc[start]
        lemma = token.lemma_.casefold()
        entries = lexicon.entries(lemma, pos) or lexicon.entries(forms.get(token.lower_, ""), pos)
        if pos == "verb" and any(c.dep_ == "det" for c in token.children):
            continue  # "l'opposant", "les manifestants": a participle used as a noun
        speech = _bare_participle(token)
        ranked = sorted(entries, key=lambda e: -_specificity(e))
        types: set[str] = set()
        specific = False
        for entry in ranked:
            is_specific = _specificity(entry) > 0
            if entry.type in types or (specific and not is_specific):
                continue
            if entry.type == "ASSAULT" and _aim_of_measure(token, lexicon):
                continue  # "les restrictions visant X": a measure's aim, no strike
            if speech and entry.type in _SPEECH_TYPES:
                continue  # "un homme soupçonné d'espionnage": whoever suspects him is unsaid
            if not fulfils(token, entry):
                continue
            # "promettre de riposter" is a threat, not also a bare promise
            specific = specific or is_specific
            types.add(entry.type)
            hits.append(Hit(token, entry))
    return hits
