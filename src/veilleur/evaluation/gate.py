"""The accuracy gate: scores must stay at or above floors pinned in eval_floors.json."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from ..errors import Errors
from .gold import EvalError
from .scores import Scores

FLOORS_FILE = "eval_floors.json"


def load_floors(path: str | Path) -> dict[str, float]:
    """Floors by dotted metric name (keys starting with '_' are comments and are skipped)."""
    file = Path(path)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvalError(Errors.E305.format(path=file, reason=exc.strerror or exc)) from exc
    except json.JSONDecodeError as exc:
        raise EvalError(Errors.E307.format(path=file, reason=f"malformed JSON ({exc})")) from exc
    if not isinstance(data, dict):
        raise EvalError(Errors.E307.format(path=file, reason="not a JSON object"))
    floors = {}
    for name, value in data.items():
        if name.startswith("_"):
            continue
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            reason = f"floor of {name!r} is {value!r}, not a number between 0 and 1"
            raise EvalError(Errors.E307.format(path=file, reason=reason))
        floors[name] = float(value)
    return floors


def check_floors(scores: Scores, floors: Mapping[str, float]) -> list[str]:
    """One E303 message per metric below its floor, unknown, or unmeasured with a floor > 0."""
    metrics = scores.metrics()
    failures = []
    for name, floor in sorted(floors.items()):
        value = metrics.get(name)
        if name not in metrics:
            detail = f"{name}: no such metric (see Scores.metrics())"
        elif value is None:
            if floor <= 0:
                continue
            detail = f"{name}: nothing to measure, floor {floor:.4f}"
        elif value < floor:
            detail = f"{name} = {value:.4f} < floor {floor:.4f}"
        else:
            continue
        failures.append(Errors.E303.format(failures=detail))
    return failures


def gate_message(failures: list[str]) -> str:
    """All failures found by `check_floors` as one message, one line each."""
    return "\n".join(failures)
