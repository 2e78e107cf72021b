"""Read and validate the shipped KB files and user files (--kb), merging by id (user wins)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from ..errors import DataError, Errors
from .schema import (
    KbFileModel,
    LanguageModel,
    OfficeKeyModel,
    OfficesFileModel,
    OrganisationModel,
    PersonModel,
    StateModel,
)

T = TypeVar("T", bound=BaseModel)

_SHIPPED = ("states", "organisations", "people", "offices")
_CACHE_VERSION = 1  # bump when the cached form changes


@dataclass(frozen=True, slots=True)
class KbData:
    """Every validated entry, after merging the shipped files with the user files."""

    states: tuple[StateModel, ...]
    organisations: tuple[OrganisationModel, ...]
    people: tuple[PersonModel, ...]
    offices: tuple[OfficeKeyModel, ...]
    ranks: tuple[str, ...]
    head_titles: tuple[str, ...]
    language: LanguageModel


def _cache_dir() -> Path:
    """Where parsed KB files are kept as JSON: $VEILLEUR_CACHE_DIR, else the user cache."""
    env = os.environ.get("VEILLEUR_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "veilleur"


def _json_default(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot cache {type(value).__name__}")


def _prune(folder: Path, *, keep: int = 64) -> None:
    """Drop the oldest cached files: each edit of a KB file leaves one behind."""
    files = sorted(folder.glob("kb-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        old.unlink(missing_ok=True)


def _read_yaml(path: str, text: str) -> Any:
    """Parse YAML, through a JSON cache keyed by the content: YAML parsing is the slow part."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    cached = _cache_dir() / f"kb-{_CACHE_VERSION}-{digest}.json"
    try:
        return json.loads(cached.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        raw = yaml.load(text, Loader=loader)  # a safe loader (C version when built)
    except yaml.YAMLError as exc:
        reason = "not valid YAML (" + " ".join(str(exc).split()) + ")"
        raise DataError(Errors.E103.format(path=path, reason=reason)) from exc
    try:
        encoded = json.dumps(raw, default=_json_default, ensure_ascii=False)
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(encoded, encoding="utf-8")
        os.replace(partial, cached)
        _prune(cached.parent)
    except (OSError, TypeError, ValueError):
        pass  # no cache (read-only home, odd YAML types): parse again next time
    return raw


def _entry_label(raw: Any, loc: tuple[int | str, ...]) -> str:
    """Name the entry an error is in: 'states[3] (id ISR) field demonyms'."""
    node: Any = raw
    where: list[str] = []
    label = ""
    for i, part in enumerate(loc):
        where.append(f"[{part}]" if isinstance(part, int) else ("." if where else "") + str(part))
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            if isinstance(node, dict) and not label:
                ident = node.get("id") or node.get("key") or node.get("name")
                rest = ".".join(str(p) for p in loc[i + 1 :])
                label = f"entry {''.join(where)} (id {ident!r})" + (
                    f" field {rest}" if rest else ""
                )
        else:
            break
    return label or "entry " + "".join(where)


def _validate(path: str, raw: Any, schema: type[T]) -> T:
    try:
        return schema.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _entry_label(raw, tuple(first["loc"]))
        more = f" (and {exc.error_count() - 1} more errors)" if exc.error_count() > 1 else ""
        reason = f"{where}: {first['msg']} (got {first.get('input')!r}){more}"
        raise DataError(Errors.E103.format(path=path, reason=reason)) from exc


def _shipped(name: str) -> tuple[str, str] | None:
    resource = resources.files(__package__).joinpath("data", f"{name}.yaml")
    if not resource.is_file():
        return None
    return f"veilleur/kb/data/{name}.yaml", resource.read_text(encoding="utf-8")


def _shipped_file(name: str) -> KbFileModel:
    found = _shipped(name)
    if found is None:
        return KbFileModel()
    path, text = found
    raw = _read_yaml(path, text)
    if raw is None:
        return KbFileModel()
    if name == "offices":
        if isinstance(raw, list):
            raw = {"offices": raw}
        offices = _validate(path, raw, OfficesFileModel)
        return KbFileModel(
            offices=offices.offices, ranks=offices.ranks, head_titles=offices.head_titles
        )
    return _validate(path, {name: raw}, KbFileModel)


def _user_file(path: str) -> KbFileModel:
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(Errors.E103.format(path=path, reason=f"cannot read it ({exc})")) from exc
    raw = _read_yaml(path, text)
    if raw is None:
        return KbFileModel()
    if not isinstance(raw, dict):
        reason = "expected a mapping with keys states, organisations, people, offices, ranks"
        raise DataError(Errors.E103.format(path=path, reason=reason))
    return _validate(path, raw, KbFileModel)


def _language() -> LanguageModel:
    found = _shipped("language")
    if found is None:
        return LanguageModel()
    path, text = found
    return _validate(path, _read_yaml(path, text), LanguageModel)


def _merge(files: Sequence[KbFileModel]) -> KbData:
    """Later files win on the same id; order of first appearance is kept."""
    states: dict[str, StateModel] = {}
    orgs: dict[str, OrganisationModel] = {}
    people: dict[str, PersonModel] = {}
    offices: dict[str, OfficeKeyModel] = {}
    ranks: dict[str, None] = {}
    heads: dict[str, None] = {}
    for f in files:
        states.update((s.id, s) for s in f.states)
        orgs.update((o.id, o) for o in f.organisations)
        people.update((p.id, p) for p in f.people)
        offices.update((o.key, o) for o in f.offices)
        ranks.update((r, None) for r in f.ranks)
        heads.update((h, None) for h in f.head_titles)
    return KbData(
        states=tuple(states.values()),
        organisations=tuple(orgs.values()),
        people=tuple(people.values()),
        offices=tuple(offices.values()),
        ranks=tuple(ranks),
        head_titles=tuple(heads),
        language=_language(),
    )


def _check_duplicates(path: str, file: KbFileModel) -> None:
    """Two entries with one id in the same file is a mistake, not an override."""
    for section, ids in (
        ("states", [s.id for s in file.states]),
        ("organisations", [o.id for o in file.organisations]),
        ("people", [p.id for p in file.people]),
        ("offices", [o.key for o in file.offices]),
    ):
        seen: set[str] = set()
        for ident in ids:
            if ident in seen:
                reason = f"{section}: id {ident!r} appears twice; keep one entry"
                raise DataError(Errors.E103.format(path=path, reason=reason))
            seen.add(ident)


def _check_references(data: KbData) -> None:
    """Every country code and office key an entry names must exist."""
    countries = {s.id for s in data.states}
    roles = {o.key for o in data.offices}

    def fail(ident: str, reason: str) -> None:
        raise DataError(Errors.E103.format(path="(merged KB)", reason=f"entry {ident!r}: {reason}"))

    org_ids = {o.id for o in data.organisations}
    for org in data.organisations:
        if org.country is not None and org.country not in countries:
            fail(org.id, f"unknown country code {org.country!r} (add it to states)")
        if org.parent is not None and org.parent not in org_ids:
            fail(org.id, f"unknown parent organisation {org.parent!r}")
    for key in data.offices:
        if key.organisation is not None and key.organisation not in org_ids:
            fail(key.key, f"unknown organisation {key.organisation!r}")
    for title in (t for o in data.offices for t in o.titles if not isinstance(t, str)):
        if title.country is not None and title.country not in countries:
            fail(title.title, f"unknown country code {title.country!r} (add it to states)")
    for person in data.people:
        if person.country is not None and person.country not in countries:
            fail(person.id, f"unknown country code {person.country!r} (add it to states)")
        for held in person.offices:
            if held.role not in roles:
                fail(person.id, f"unknown office key {held.role!r} (add it to offices.yaml)")
            if held.country is not None and held.country not in countries:
                fail(person.id, f"unknown country code {held.country!r} in its offices")


def load_data(extra_paths: Sequence[str] = ()) -> KbData:
    """Validate the shipped files, then the user files in order, and merge them."""
    files: list[KbFileModel] = []
    for name in _SHIPPED:
        shipped = _shipped_file(name)
        _check_duplicates(f"veilleur/kb/data/{name}.yaml", shipped)
        files.append(shipped)
    for path in extra_paths:
        user = _user_file(path)
        _check_duplicates(path, user)
        files.append(user)
    data = _merge(files)
    _check_references(data)
    return data
