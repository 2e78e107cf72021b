"""Knowledge base: shipped files validate and hang together; look-ups; user files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from veilleur.errors import DataError
from veilleur.kb import KnowledgeBase
from veilleur.kb.loader import load_data


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def test_lookups(kb: KnowledgeBase) -> None:
    usa = kb.state("Etats-Unis")
    assert usa is not None and usa.id == "state:USA"
    assert kb.state("États-Unis") == usa
    iran = kb.demonym("iranienne")
    assert iran is not None and iran.id == "state:IRN"
    assert kb.organisation("Tsahal") is not None
    assert kb.organisation("Tsahal") == kb.organisation("armée israélienne")
    assert kb.office_for_title("ministre des Armées") == "defence_minister"


def test_user_file_adds_actor(tmp_path: Path) -> None:
    path = tmp_path / "my.yaml"
    path.write_text(
        "people:\n"
        "  - id: person:test-one\n"
        "    name: Jean Essai\n"
        "    country: FRA\n"
        "    offices:\n"
        "      - {role: defence_minister, label: ministre des Armées, country: FRA,"
        " start: 2030-01-02, end: null}\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase.load(extra_paths=[str(path)])
    found = kb.candidates("Essai", dt.date(2031, 1, 1))
    assert [a.id for a in found] == ["person:test-one"]
    holders = kb.holders("defence_minister", "FRA", dt.date(2031, 1, 1))
    assert [a.name for a in holders] == ["Jean Essai"]


def test_bad_user_file_names_entry(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("states:\n  - id: XX\n    name: Nowhere\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"E103 .*bad\.yaml.*states\[0\].*'XX'"):
        load_data([str(path)])
