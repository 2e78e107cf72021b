"""Run a batch function in forked worker processes that send back its results, in order.

`nlp.pipe(n_process=N)` packs every Doc to bytes twice each way (article in, annotations out,
each through srsly, whose encoder registry rescans the installed packages per call) and has
the parent tokenise. A veilleur worker needs none of it: it gets Articles, runs the whole
pipeline and builds the records itself, and only the records, a few kB, travel back.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection
from multiprocessing.context import ForkProcess
from multiprocessing.queues import Queue
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# batches waiting in each worker's queue beyond the one it is working on
_AHEAD = 2


def can_fork() -> bool:
    """True where worker processes can be forked (they inherit the loaded pipeline)."""
    return "fork" in mp.get_all_start_methods()


def in_workers(
    run: Callable[[list[Item]], list[Result]],
    items: Iterable[Item],
    *,
    n_process: int,
    batch_size: int,
) -> Iterator[Result]:
    """`run` over `items` in batches, in `n_process` forked processes; results in input order.

    `run` and what it holds (the pipeline) are inherited by the fork, never pickled; the
    items and results are. At most a few batches per worker are read ahead of the results.
    """
    pool = _Pool(run, n_process)
    batches = _batches(items, batch_size)
    try:
        for _ in range(_AHEAD):
            for worker in range(n_process):
                pool.send(worker, batches)
        while pool.pending:
            worker, results = pool.receive()
            pool.send(worker, batches)
            yield from results
    finally:
        pool.close()


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while batch := list(itertools.islice(it, max(size, 1))):
        yield batch


class _Pool(Generic[Item, Result]):
    """Forked workers, each with its own inbox queue and reply pipe, served in turn."""

    def __init__(self, run: Callable[[list[Item]], list[Result]], n_process: int) -> None:
        context = mp.get_context("fork")
        self.inboxes: list[Queue[list[Item] | None]] = [context.Queue() for _ in range(n_process)]
        pipes = [context.Pipe(duplex=False) for _ in range(n_process)]
        self.replies: list[Connection] = [receiving for receiving, _ in pipes]
        self.processes: list[ForkProcess] = [
            context.Process(target=_work, args=(run, inbox, sending), daemon=True)
            for inbox, (_, sending) in zip(self.inboxes, pipes, strict=True)
        ]
        for process in self.processes:
            process.start()
        for _, sending in pipes:
            sending.close()  # the parent's copy: a dead worker then reads as end of file
        # workers in the order their batches were sent: replies are read in that order
        self.pending: deque[int] = deque()
        self.done = False

    def send(self, worker: int, batches: Iterator[list[Item]]) -> None:
        """Give the next batch, if any, to `worker`."""
        batch = None if self.done else next(batches, None)
        if batch is None:
            self.done = True
            return
        self.inboxes[worker].put(batch)
        self.pending.append(worker)

    def receive(self) -> tuple[int, list[Result]]:
        """The results of the oldest batch sent, and the worker that ran it."""
        worker = self.pending.popleft()
        ok, payload, trace = self.replies[worker].recv()
        if not ok:
            assert isinstance(payload, BaseException)
            payload.add_note(f"raised in worker process {worker}:\n{trace}")
            raise payload
        return worker, payload

    def close(self) -> None:
        """Stop the workers: at once when results are left unread, else once they finish."""
        interrupted = bool(self.pending)
        for inbox in self.inboxes:
            inbox.put(None)
        for process in self.processes:
            if interrupted:
                process.terminate()
            process.join()
        for inbox in self.inboxes:
            inbox.close()
        for reply in self.replies:
            reply.close()


def _work(
    run: Callable[[list[Item]], list[Result]],
    inbox: Queue[list[Item] | None],
    reply: Connection,
) -> None:
    """A worker's loop: run each batch of its inbox and send the results back."""
    while (batch := inbox.get()) is not None:
        try:
            reply.send((True, run(batch), ""))
        except Exception as exc:  # sent to the parent, which raises it
            trace = traceback.format_exc()
            try:
                reply.send((False, exc, trace))
            except Exception:  # an exception that cannot be pickled
                reply.send((False, RuntimeError(str(exc)), trace))
    reply.close()
