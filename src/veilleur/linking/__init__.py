"""Actor linking pieces: titles, names, people, references, mentions and back-references.

The events and quotes components call `mention_at`, `resolve_pronoun` and `resolve_group` to
find who a subject designates.
"""

from __future__ import annotations

from .coref import mention_at, resolve_group, resolve_pronoun
from .mentions import mentions

__all__ = ["mention_at", "mentions", "resolve_group", "resolve_pronoun"]
