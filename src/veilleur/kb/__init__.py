"""The knowledge base of actors: states, organisations, people and their offices over time."""

from __future__ import annotations

from .base import KnowledgeBase
from .normalise import fold
from .types import Actor, ActorKind, Office, OrgMatch, TitleMatch

__all__ = ["Actor", "ActorKind", "KnowledgeBase", "Office", "OrgMatch", "TitleMatch", "fold"]
