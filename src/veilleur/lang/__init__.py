"""Per-language data files (YAML), each validated against a pydantic schema when loaded."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from ..errors import DataError, Errors

T = TypeVar("T", bound=BaseModel)


def available() -> list[str]:
    """Language codes that ship data."""
    root = resources.files(__package__)
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_"))


def data_path(lang: str, name: str) -> str:
    """The path of one data file, for error messages."""
    return f"veilleur/lang/{lang}/{name}.yaml"


@cache
def _raw(lang: str, name: str) -> object:
    if lang not in available():
        raise DataError(Errors.E102.format(lang=lang, available=", ".join(available())))
    resource = resources.files(__package__).joinpath(lang, f"{name}.yaml")
    try:
        return yaml.safe_load(resource.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(Errors.E101.format(path=data_path(lang, name), reason=exc)) from exc


def load(lang: str, name: str, schema: type[T]) -> T:
    """Load `lang/<lang>/<name>.yaml` and validate it against `schema`."""
    try:
        return schema.model_validate(_raw(lang, name))
    except ValidationError as exc:
        raise DataError(Errors.E101.format(path=data_path(lang, name), reason=exc)) from exc
