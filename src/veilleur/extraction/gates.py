"""Which trigger hits make events: quotations, licensing, acts told twice, receptions."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..doctext import text_of
from ..records import ActorRef, Quote
from .actors import ActorIndex
from .clauses import case_of, feature, np_actor, sentence
from .frames import noun_frame
from .lexicon import Cues, Trigger, load_lexicon
from .parties import AGENT_PREPS, OF_PREPS
from .spans import QuoteSpan
from .status import anchored
from .triggers import Hit


def quoted_ok(token: Token, quotes: list[QuoteSpan], index: ActorIndex) -> bool:
    """A trigger inside quotation marks counts when the quotation is part of a sentence that
    names its actor outside it ("Ils « ont signé un accord »"), or when its subject is named
    ("« Gallant a remercié Kurilla »"); first-person speech is left to the quotation."""
    span = next(q for q in quotes if q.open_at <= token.idx < q.close_at)
    subjects = [c for c in token.children if c.dep_.startswith("nsubj")]
    if any(index.at(s) is not None and s.pos_ != "PRON" for s in subjects):
        return True
    head = token
    for _ in range(5):
        subjects = [c for c in head.children if c.dep_.startswith("nsubj")]
        if subjects:
            # a quotation completing a sentence of the narration: its subject is outside
            return token.pos_ == "VERB" and not span.open_at <= subjects[0].idx < span.close_at
        if head.head.i == head.i or not (
            head.dep_ in ("conj", "xcomp", "acl", "advcl") or head.pos_ == "NOUN"
        ):
            return False
        if head.dep_ == "advcl" and _evaluative(head.head):
            return False  # "remercier X pour avoir « soutenu Y »": X's act, not the subject's
        head = head.head
    return False


def first_person_speaker(token: Token, doc: Doc) -> ActorRef | None:
    """The speaker of the quotation a first-person verb stands in ("« Je condamne ... », a
    déclaré X"), when the quotes stage found one; None otherwise."""
    if token.pos_ == "NOUN" and token.dep_ == "obj" and token.head.pos_ == "VERB":
        token = token.head  # "« Nous avons fait des concessions »": the support verb's subject
    if token.pos_ != "VERB":
        return None
    subjects = [c for c in token.children if c.dep_.startswith("nsubj")]
    if not subjects or not _first_person(subjects[0]):
        return None
    quotes: list[Quote] = doc._.quotes or []
    said = next((q for q in quotes if q.start <= token.idx < q.end), None)
    return said.speaker if said is not None else None


def _first_person(subject: Token) -> bool:
    """True for "je", "nous", or a noun the speaker calls his own ("nos peuples", "notre
    pays"): the speaker acts through it."""
    if subject.pos_ == "PRON":
        return feature(subject, "Person") == "1"
    owners = load_lexicon().cues.own_possessives
    return any(c.dep_ == "det" and c.lemma_.casefold() in owners for c in subject.children)


def quote_speaker(token: Token, doc: Doc) -> ActorRef | None:
    """The speaker the quotes stage gave the quotation `token` stands in, if any."""
    quotes: list[Quote] = doc._.quotes or []
    said = next((q for q in quotes if q.start <= token.idx < q.end), None)
    return said.speaker if said is not None else None


def agentless_blame(token: Token, entry: Trigger) -> bool:
    """True for a passive blame with no agent ("X doit être tenu pour responsable"): in a
    quotation, the speaker is the one who blames."""
    deps = {c.dep_ for c in token.children}
    return entry.type == "ACCUSE" and "aux:pass" in deps and "obl:agent" not in deps


def _evaluative(verb: Token) -> bool:
    """True for a verb that judges someone's act (thanks, praise, blame)."""
    kinds = {e.type for e in load_lexicon().entries(verb.lemma_.casefold(), "verb")}
    return bool(kinds & {"SUPPORT", "ACCUSE"})


def untargeted(token: Token, entry: Trigger, quotes: list[QuoteSpan], cues: Cues) -> bool:
    """True for acts that need no target: an expressed feeling ("a réitéré sa sympathie") or
    a plea whose words are quoted ("« ... », a-t-il plaidé")."""
    if entry.untargeted:
        return True  # FORMAT.md: no target where the text names none; the act still counts
    if entry.type == "SUPPORT" and entry.requires_child and _feeling(token, cues):
        # no recipient named at all, not one we failed to read ("envers le gouvernement")
        window = token.doc[token.i + 1 : min(token.i + 8, len(token.doc))]
        return not any(w.lower_ in cues.recipient_preps for w in window)
    if entry.type != "REQUEST":
        return False
    before = text_of(token.doc)[max(0, token.idx - 12) : token.idx]
    return any(before.rfind(q_end) >= 0 for q_end in ("»", "”", '"')) and "," in before


def _feeling(verb: Token, cues: Cues) -> bool:
    """True when what the verb expresses is a feeling ("a réitéré sa sympathie", "a rendu
    hommage"): not an endorsement of a thing ("a reconnu l'indépendance"), which needs whose."""
    said = [c for c in verb.children if c.dep_ in ("obj", "obl:arg")]
    forms = {f for c in said for f in (c.lemma_.casefold(), c.lower_)}
    forms |= {f.removesuffix("s") for f in forms}  # "ses condoléances", left plural
    return bool(forms & cues.feelings)


def by_phone(token: Token, cues: Cues) -> bool:
    """True when the trigger or its noun says the talk was remote ("par téléphone")."""
    words = [*token.children, *(g for c in token.children for g in c.children)]
    return any(w.lemma_.casefold() in cues.phone_words for w in words)


def framed(hit: Hit, index: ActorIndex, cues: Cues) -> bool:
    """A nominal event whose phrase names its parties ("un appel entre X et Y") or, for a
    visit, who goes where ("X est aux États-Unis pour une visite d'État") counts too."""
    if hit.token.pos_ != "NOUN":
        return False
    frame = noun_frame(hit.token, hit.entry, index, cues)
    return frame.syntactic or (frame.place is not None and bool(frame.source))


def licensed(hit: Hit, cues: Cues, timex_tokens: set[int]) -> bool:
    """A nominal event counts when something ties it to an occasion: a support verb ("tenir
    une réunion"), a time, a plan or an attribution; a bare mention ("la guerre") does not."""
    token = hit.token
    if token.pos_ != "NOUN":
        return True
    if any(c.lemma_.casefold() in cues.iterative_modifiers for c in token.children):
        return False  # "reprendre les visites régulières": a practice, not one event
    head = token.head
    if head.pos_ == "NOUN" and token.dep_ == "nmod" and head.head.pos_ == "VERB":
        head = head.head  # "tenir une série de consultations"
    lemma = head.lemma_.casefold()
    if head.pos_ == "VERB" and lemma in cues.support_verbs | cues.participant_verbs:
        return True
    if any(c.dep_ in ("acl", "acl:relcl") for c in token.children):
        return True
    return anchored(token, cues, timex_tokens)


def means(token: Token, entry: Trigger, typed: set[tuple[int, str]]) -> bool:
    """True for an event noun that is how a verb of its type happened ("une frappe a tué X",
    "tué par une frappe"), or a bare participle describing an event noun of its type ("une
    opération ciblée"): one event, told by the other word."""
    if token.pos_ == "VERB":
        events = {i for i, _ in typed}
        relative = token.dep_ == "acl:relcl" and token.head.i in events
        if entry.target == "none" and any(
            c.dep_.startswith("nsubj")
            and (c.i in events or (relative and feature(c, "PronType") == "Rel"))
            for c in token.children
        ):
            # "les manœuvres mobilisent des navires": the exercise is no party, and it is
            # the event its own noun tells (elsewhere, with its author)
            return True
        bare = not any(c.dep_.startswith(("aux", "obj")) for c in token.children)
        modifier = token.dep_ in ("acl", "amod", "nmod") and feature(token, "VerbForm") == "Part"
        if bare and modifier and (token.head.i, entry.type) in typed:
            return True
        purpose = token.dep_ in ("advcl", "acl") and feature(token, "VerbForm") == "Inf"
        heads = {token.head.i, token.head.head.i}  # the parse may hang it on the object
        blamed = any((i, "ACCUSE") in typed for i in heads if i != token.i)
        if purpose and entry.type in ("PROTEST", "ACCUSE") and blamed:
            return True  # "a convoqué l'ambassadeur pour protester": one act, the summons
        # "une frappe que X a imputée à Y, ayant visé son consulat": the strike's own act
        head = token.head if token.dep_ == "advcl" else None
        subject = any(c.dep_.startswith("nsubj") for c in token.children)
        return (
            head is not None
            and not subject
            and head.dep_ in ("acl", "acl:relcl")
            and (head.head.i, entry.type) in typed
        )
    if token.pos_ != "NOUN":
        return False
    if _undone(token, entry, typed):
        return True
    if case_of(token) in AGENT_PREPS:
        # "l'assassinat de X, à Beyrouth, par une frappe": the killing told by its means
        start = max(sentence(token)[0], token.i - 20)
        for i in range(token.i - 1, start - 1, -1):
            if token.doc[i].pos_ == "VERB":
                return False  # "la guerre déclenchée par l'attaque": the attack's own event
            if (i, entry.type) in typed:
                return True
        return False
    # "la réunion a réuni X et Y": the verb lists the noun's parties, the noun is the event
    listing = token.head.lemma_.casefold() in load_lexicon().cues.participant_verbs
    subject = token.dep_.startswith(("nsubj", "obl:agent"))
    return subject and not listing and (token.head.i, entry.type) in typed


_UNDOING = ("SANCTION", "REJECT", "CONCEDE")


def _undone(token: Token, entry: Trigger, typed: set[tuple[int, str]]) -> bool:
    """True for an event noun that a verb ending, refusing or giving it up governs ("a mis
    fin à l'accord", "a rejeté l'accusation", "a refusé la visite"): what is ended or
    refused is no new act; the verb is the event."""
    head = token.head
    if head.pos_ == "NOUN" and token.dep_ == "nmod" and head.i != token.i:
        head = head.head  # "mettre fin à l'accord": through the noun of the phrase
    if head.pos_ != "VERB" or head.i == token.i or token.dep_.startswith("nsubj"):
        return False
    return any((head.i, kind) in typed for kind in _UNDOING if kind != entry.type)


def one_act(hit: Hit) -> bool:
    """True for one attack whose victim the text leaves implicit: a singular noun ("l'invasion
    russe"), or a verb with no object but its weapons; not a wave of attacks ("des attentats")
    nor an attack on a thing the text names ("ayant visé son consulat")."""
    token = hit.token
    if token.pos_ == "NOUN":
        return feature(token, "Number") != "Plur"
    objects = [c for c in token.children if c.dep_ == "obj"]
    means = set(hit.entry.requires_child)  # the weapons, the envoy recalled
    # "quitter le pays": with no name, the country is the one the story is about
    means |= load_lexicon().cues.state_nouns
    return all(o.lemma_.casefold() in means for o in objects)


def guest(verb: Token, index: ActorIndex, cues: Cues) -> bool:
    """True when what a host receives is a party (a person, a state, a delegation named), or
    a call: not a thing ("des chars allemands") nor a thing from someone ("une lettre de X")."""
    objects = [
        c for c in verb.children if c.dep_ == "obj" and c.lemma_.casefold() not in cues.time_words
    ]
    return not objects or any(_receivable(o, index, cues) for o in objects)


def _receivable(head: Token, index: ActorIndex, cues: Cues) -> bool:
    """True when a received object is a party or a call (see `guest`)."""
    if head.pos_ == "PRON" and head.i < head.head.i and feature(head, "Reflex") != "Yes":
        return True  # "où X l'a reçu": a person told of before
    if head.lemma_.casefold() in cues.phone_words:
        return True
    if index.at(head) is not None and head.pos_ != "ADJ":
        return True
    actor = np_actor(head, index)
    party = head.lemma_.casefold() in cues.party_nouns or head.lower_ in cues.party_nouns
    counted = any(c.pos_ == "NUM" for c in head.children)
    if party and (counted or (actor is not None and actor.kind == "state")):
        return True  # "la délégation russe", "les deux délégations": states' envoys
    if actor is None or actor.kind != "person":
        return False  # "des chars allemands": a thing, whatever its adjective
    for word in head.subtree:
        if index.at(word) != actor:
            continue
        step = word
        while step.i != head.i:
            if step.dep_ == "nmod" and case_of(step) in OF_PREPS:
                return False  # "une lettre du roi X": the thing of a person
            step = step.head
    return True
