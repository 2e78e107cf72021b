"""Let veilleur's records ride in `Doc.user_data` wherever spaCy packs a Doc to bytes.

`analyse()` forks its own workers (`veilleur.parallel`) and does not need this; but where
workers cannot be forked it falls back on `nlp.pipe(n_process>1)`, which sends Docs back with
`Doc.to_bytes`, and a user may `Doc.to_bytes` an analysed Doc. Both pack user data with
srsly's msgpack; srsly lets packages register encoders, so our frozen dataclasses travel
pickled inside a msgpack map instead of failing to serialise.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any

import srsly.msgpack as _msgpack

_KEY = "__veilleur_pickle__"
_PREFIX = "veilleur."


def _encode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    if type(obj).__module__.startswith(_PREFIX):
        return {_KEY: pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)}
    return chain(obj) if chain is not None else obj


def _decode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    if isinstance(obj, dict) and _KEY in obj:
        return pickle.loads(obj[_KEY])  # bytes we packed ourselves, in-process
    return chain(obj) if chain is not None else obj


def register() -> None:
    """Register the encoder and decoder once (idempotent)."""
    if "veilleur" not in _msgpack.msgpack_encoders.get_all():
        _msgpack.msgpack_encoders.register("veilleur", func=_encode)
        _msgpack.msgpack_decoders.register("veilleur", func=_decode)
