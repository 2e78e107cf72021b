"""The knowledge base of actors: states, organisations, people and their offices over time."""

from __future__ import annotations

from .base import Actor, ActorKind, KnowledgeBase, Office, OrgMatch, TitleMatch
from .normalise import fold

__all__ = ["Actor", "ActorKind", "KnowledgeBase", "Office", "OrgMatch", "TitleMatch", "fold"]
