"""Forked workers give back the batch function's results in input order, and its errors."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_pipeline import _failing_on
from veilleur.errors import InputError
from veilleur.parallel import in_workers
from veilleur.pipeline import Options, analyse


def _squares(batch: list[int]) -> list[int]:
    return [n * n for n in batch]


def test_results_come_back_in_input_order_whatever_the_batches() -> None:
    for n_process, batch_size in [(2, 1), (2, 3), (3, 4), (2, 50)]:
        found = list(
            in_workers(_squares, iter(range(23)), n_process=n_process, batch_size=batch_size)
        )
        assert found == [n * n for n in range(23)]


def test_no_items_give_no_results() -> None:
    assert list(in_workers(_squares, [], n_process=2, batch_size=4)) == []


def _fails_on_seven(batch: list[int]) -> list[int]:
    if 7 in batch:
        raise ValueError("seven is not allowed")
    return batch


def test_an_error_in_a_worker_is_raised_in_the_parent() -> None:
    with pytest.raises(ValueError, match="seven") as caught:
        list(in_workers(_fails_on_seven, range(12), n_process=2, batch_size=2))
    assert any("worker process" in note for note in caught.value.__notes__)


def test_a_consumer_that_stops_early_stops_the_workers() -> None:
    results = in_workers(_squares, range(10_000), n_process=2, batch_size=5)
    assert [next(results) for _ in range(7)] == [n * n for n in range(7)]
    results.close()  # the workers are terminated and joined, nothing hangs


def test_an_article_failing_in_a_worker_is_reported_and_the_run_goes_on(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    _failing_on("PANNE", monkeypatch)  # patched before the fork: the workers inherit it
    texts = [
        "Le président sénégalais a rencontré son homologue gambien à Banjul.",
        "PANNE : le Premier ministre thaïlandais a reçu son homologue laotien.",
        "Le chancelier autrichien a rencontré le président slovène à Ljubljana.",
        "La ministre chilienne a reçu son homologue péruvien à Santiago.",
    ]
    options = Options(n_process=2, batch_size=1)
    failures: list[InputError] = []
    records = list(analyse(texts, nlp=nlp, options=options, on_error=failures.append))
    assert [r.article.text for r in records] == [texts[0], texts[2], texts[3]]
    assert [f.code for f in failures] == ["E015"]
    assert "RuntimeError" in str(failures[0])
    with pytest.raises(RuntimeError):
        list(analyse(texts, nlp=nlp, options=options))
