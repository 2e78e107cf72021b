"""Bytes -> text: empty and binary input refused, UTF-8 first, then a detected encoding."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..errors import Errors, InputError
from .data import patterns

SNIFF_BYTES = 8192
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _codec(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def _detect(data: bytes, *, lang: str) -> str | None:
    """Decode with the detector's pick, preferring the language's usual legacy encodings."""
    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    preferred = patterns(lang).data.legacy_encodings
    for encoding in preferred:
        for match in matches:
            family = {_codec(c) for c in [match.encoding, *match.could_be_from_charset]}
            # A look-alike code page as plausible as the best pick: take the usual one.
            if encoding in family and match.chaos <= best.chaos + 0.05:
                try:
                    return data.decode(encoding)
                except UnicodeDecodeError:
                    break
    return str(best)


def decode(data: bytes, *, path: str, lang: str = "fr") -> str:
    """The text of a file's bytes; raises InputError E001 (empty), E002 (binary), E003."""
    if not data.strip():
        raise InputError(Errors.E001.format(path=path), path=path)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(Errors.E003.format(path=path), path=path) from exc
    if b"\x00" in data[:SNIFF_BYTES]:
        raise InputError(Errors.E002.format(path=path, n=SNIFF_BYTES), path=path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _detect(data, lang=lang)
    if text is None:
        raise InputError(Errors.E003.format(path=path), path=path)
    return text
