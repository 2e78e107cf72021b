"""What a run must analyse: the readable articles not stored yet; the others are counted."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import InputError
from ..records import Article

if TYPE_CHECKING:
    from .store import Store


@dataclass
class RunTally:
    """Running counts of one ingest run: articles read, newly stored, already stored."""

    read: int = 0
    new: int = 0
    stored: int = 0


def unstored(
    items: Iterable[Article | InputError],
    store: Store,
    tally: RunTally,
    *,
    on_failure: Callable[[InputError], None],
) -> Iterator[Article]:
    """Readable articles `store` does not hold yet; unreadable items go to `on_failure`.

    Both `veilleur ingest` and the Dask ingest skip through here, so a resumed run counts and
    skips what is stored the same way whichever ran before.
    """
    for item in items:
        if isinstance(item, InputError):
            on_failure(item)
            continue
        tally.read += 1
        if store.has(item.id):
            tally.stored += 1
            continue
        yield item
