"""Forked workers give back the batch function's results in input order, and its errors."""

from __future__ import annotations

import pytest

from veilleur.parallel import in_workers


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
