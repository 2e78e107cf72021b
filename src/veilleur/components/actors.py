"""Actor mentions (placeholder): PER entities become people."""

from __future__ import annotations

import hashlib

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Mention, PersonRecord


def _actor_id(name: str) -> str:
    return "new:" + hashlib.sha1(name.casefold().encode()).hexdigest()[:10]


class ActorLinker:
    """Link entity mentions to actors."""

    def __init__(self, nlp: Language, name: str, kb_paths: list[str]) -> None:
        self.name = name
        self.kb_paths = kb_paths

    def __call__(self, doc: Doc) -> Doc:
        mentions = [
            Mention(ent.start_char, ent.end_char, ent.text, _actor_id(ent.text), ent.text, "person")
            for ent in doc.ents
            if ent.label_ == "PER"
        ]
        people: dict[str, PersonRecord] = {}
        for m in mentions:
            if m.name not in people:
                people[m.name] = PersonRecord(name=m.name, actor_id=m.actor_id)
        doc._.mentions = mentions
        doc._.people = list(people.values())
        return doc


@Language.factory(
    "veilleur_actors",
    default_config={"kb_paths": []},
    requires=["doc.ents"],
    assigns=["doc._.mentions", "doc._.people"],
)
def make_actor_linker(nlp: Language, name: str, kb_paths: list[str]) -> ActorLinker:
    """Factory of the actor-linking component."""
    return ActorLinker(nlp, name, kb_paths)
