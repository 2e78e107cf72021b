"""Shared fixtures: the dev corpus location and one spaCy pipeline per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev"
EXAMPLES = ROOT / "examples" / "articles"

pytest_plugins = ["tests.pg"]


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    """The annotated dev corpus (../shared/corpus/dev beside the checkout)."""
    assert (DEV / "gold.jsonl").exists(), f"dev corpus missing at {DEV}"
    return DEV


@pytest.fixture(scope="session")
def nlp() -> Iterator[Language]:
    """The full veilleur pipeline, loaded once."""
    from veilleur.pipeline import get_nlp

    yield get_nlp()
