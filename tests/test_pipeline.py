"""The whole path: texts in, one FORMAT.md record per article out, same with 1 or 2 processes."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import veilleur
from veilleur.components import events as events_component
from veilleur.errors import InputError
from veilleur.pipeline import COMPONENTS, Options
from veilleur.readers import read
from veilleur.records import Article


def _dev_articles(dev_dir: Path) -> list[Article]:
    items = list(read([str(dev_dir)]))
    articles = [a for a in items if isinstance(a, Article)]
    assert len(articles) == len(items) == 20
    return articles


def test_components_declare_what_they_need_and_set(nlp: Language) -> None:
    analysis = nlp.analyze_pipes()
    summary = analysis["summary"]
    for name in COMPONENTS:
        assert name in summary
        assert summary[name]["assigns"], f"{name} declares nothing it sets"
    assert not analysis["problems"][COMPONENTS[-1]]


def test_analyse_yields_one_record_per_text_in_order(nlp: Language) -> None:
    texts = [
        "Le président Emmanuel Macron a reçu mardi à Paris le chancelier Olaf Scholz.",
        "Joe Biden a rencontré Xi Jinping.",
    ]
    records = list(veilleur.analyse(texts, nlp=nlp))
    assert [r.article.text for r in records] == texts
    keys = set(records[0].as_dict())
    assert {"doc", "url", "published", "people", "events", "quotes"} <= keys
    names = {p.name for p in records[1].people}
    assert any("Biden" in n for n in names)


def test_two_processes_give_identical_records(dev_dir: Path, nlp: Language) -> None:
    articles = _dev_articles(dev_dir)[:6]
    one = [r.as_dict() for r in veilleur.analyse(articles, nlp=nlp)]
    two = [
        r.as_dict()
        for r in veilleur.analyse(articles, nlp=nlp, options=Options(n_process=2, batch_size=2))
    ]
    assert one == two


def test_evidence_offsets_point_into_the_original_text(dev_dir: Path, nlp: Language) -> None:
    for record in veilleur.analyse(_dev_articles(dev_dir), nlp=nlp):
        text = record.article.text
        for event in record.events:
            assert text[event.evidence_start : event.evidence_end] == event.evidence
        for quote in record.quotes:
            assert text[quote.start : quote.end] == quote.text
        for person in record.people:
            for start, end in person.mentions:
                assert text[start:end].strip()


def test_people_never_named_are_exported_under_their_title(nlp: Language) -> None:
    text = (
        " date 2023-05 Visite au Brésil\n"
        "Le président brésilien a reçu mardi Emmanuel Macron à Brasilia. "
        "« Nous partageons les mêmes valeurs », a déclaré le président brésilien."
    )
    record = next(veilleur.analyse([text], nlp=nlp))
    titled = {m.actor_id: m.text for m in record.mentions if m.how == "title"}
    assert titled, "the title links to the office holder"
    exported = record.as_dict()
    consult = next(e for e in exported["events"] if e["type"] == "CONSULT")
    names = consult["source"] + consult["target"]
    ids = consult["source_ids"] + consult["target_ids"]
    assert "président brésilien" in names and "Emmanuel Macron" in names
    assert any(i in titled for i in ids), "the id still says who the president is"
    assert exported["quotes"][0]["speaker"] == "président brésilien"


def _failing_on(marker: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the events component raise on any article whose text holds `marker`."""
    real = events_component.extract_events

    def extract(doc: Doc, *args: object, **kwargs: object) -> object:
        if marker in doc.text:
            raise RuntimeError("boom on purpose")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(events_component, "extract_events", extract)


def test_an_article_the_pipeline_fails_on_is_reported_and_the_run_goes_on(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    _failing_on("PANNE", monkeypatch)
    texts = [
        "Joe Biden a rencontré Xi Jinping à Lima.",
        "PANNE : Emmanuel Macron a reçu Olaf Scholz.",
        "Narendra Modi a rencontré Vladimir Poutine à Moscou.",
    ]
    failures: list[InputError] = []
    records = list(veilleur.analyse(texts, nlp=nlp, on_error=failures.append))
    assert [r.article.text for r in records] == [texts[0], texts[2]]
    assert [f.code for f in failures] == ["E015"]
    assert "veilleur_events" in str(failures[0]) and "RuntimeError" in str(failures[0])
    assert {e.type for e in records[1].events} == {"CONSULT"}
    # without a handler, the error reaches the caller as before
    with pytest.raises(RuntimeError):
        list(veilleur.analyse(texts, nlp=nlp))
    # and the shared pipeline raises again for the next caller
    with pytest.raises(RuntimeError):
        list(veilleur.analyse(texts[1:2], nlp=nlp))
