"""Many independent studies, their simulations run together: :func:`run_together`.

The laboratory's callers (a sweep's grid points, a calibration's prior draws, the K studies
of a replication) each run an ordinary Python function that makes a few small
:func:`~nabij.simulate` calls. One at a time, every such call pays for a whole kernel
call and uses one core. :func:`run_together` calls the functions in threads instead;
a simulation asked for inside one of them waits until every other function is waiting
too (or done), and then all waiting simulations run as one batch of the fused kernel
(:func:`~nabij.engine.tiles.run_tiles`): their dyads share tiles, tiles run on every core.
Between simulations the functions take turns: one runs its Python code at a time.

**The same numbers.** Each simulation keeps its own people, pairing, context, parameters
and seed; batching only changes which tile its dyads sit in, and a dyad's numbers never
depend on that (:mod:`.tiles`). So every function returns exactly what it returns when
called on its own (``tests/engine/test_gather.py``). The functions' own Python code runs
one at a time, as before (the GIL); only the kernel work is shared.

Simulations are batched when they run the fused kernel without a progress bar, with equal
protocols and the same kind of recording (per turn or final only); the others run at once
in their own thread, as they would without :func:`run_together`.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from nabij.engine.runs import Run, turns_key

R = TypeVar("R")

__all__ = ["gathering", "run_together"]

#: Functions running at once, at most: bounds threads and memory, never the numbers.
MAX_WORKERS = 64

_local = threading.local()


def gathering() -> _Gatherer | None:
    """The gatherer this thread's simulations join (None outside :func:`run_together`)."""
    return getattr(_local, "gatherer", None)


def run_together(functions: Sequence[Callable[[], R]], threads: int | None = None,
                 workers: int = MAX_WORKERS) -> list[R]:
    """``[f() for f in functions]``, with the simulations they make run together.

    ``threads``: the kernel's worker threads (default: every core). ``workers``: how many
    functions run at once. The results, and any exception (the first, in the order of
    ``functions``), are those of calling the functions one by one.
    """
    if workers < 1:
        raise ValueError(f"workers: expected at least 1, got {workers}")
    if gathering() is not None or len(functions) < 2:  # already inside a batch: join it
        return [f() for f in functions]
    gatherer = _Gatherer(threads)
    results: list[Any] = [None] * len(functions)
    errors: list[BaseException | None] = [None] * len(functions)
    order = iter(range(len(functions)))
    order_lock = threading.Lock()

    def work() -> None:
        _local.gatherer = gatherer
        gatherer.baton.acquire()
        try:
            while True:
                with order_lock:
                    i = next(order, None)
                if i is None:
                    return
                try:
                    results[i] = functions[i]()
                except BaseException as err:  # handed to the caller below
                    errors[i] = err
        finally:
            _local.gatherer = None
            gatherer.baton.release()
            gatherer.leave()

    n_workers = min(workers, len(functions))
    gatherer.enter(n_workers)
    pool = [threading.Thread(target=work, name=f"nabij-study-{k}", daemon=True) for k in range(n_workers)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    for err in errors:
        if err is not None:
            raise err
    return results


@dataclass
class _Request:
    runs: list[Run]
    done: bool = False
    error: BaseException | None = None
    key: tuple[Any, ...] = field(default=())


class _Gatherer:
    """Collects the simulations of waiting functions; runs them when every function waits."""

    def __init__(self, threads: int | None) -> None:
        self._threads = threads
        #: Held by the one function whose Python code runs now: the functions take turns
        #: between simulations instead of contending for the GIL (which thrashes the caches).
        self.baton = threading.Lock()
        self._cond = threading.Condition()
        self._running = 0
        self._pending: list[_Request] = []

    def enter(self, n: int) -> None:
        with self._cond:
            self._running += n

    def leave(self) -> None:
        """A worker is done: the others may all be waiting now."""
        with self._cond:
            self._running -= 1
            batch = self._take()
        self._run(batch)

    def submit(self, runs: list[Run]) -> None:
        """Run ``runs`` (one simulate call) with the others; returns when they are done."""
        protocol, record = runs[0].protocol, runs[0].record
        request = _Request(runs, key=(turns_key(protocol), bool(record.turn_reporters)))
        with self._cond:
            self._pending.append(request)
            batch = self._take()
        self.baton.release()
        try:
            self._run(batch)
            with self._cond:
                while not request.done:
                    self._cond.wait()
        finally:
            self.baton.acquire()
        if request.error is not None:
            raise request.error

    def _take(self) -> list[_Request]:
        """The pending requests, when every running function waits (call with the lock held)."""
        if not self._pending or len(self._pending) < self._running:
            return []
        batch, self._pending = self._pending, []
        return batch

    def _run(self, batch: list[_Request]) -> None:
        if not batch:
            return
        from nabij.engine.tiles import run_tiles

        groups: dict[tuple[Any, ...], list[_Request]] = {}
        for request in batch:
            groups.setdefault(request.key, []).append(request)
        def run(runs: list[Run]) -> None:  # in one thread, whose tile buffers are then reused
            _runner().submit(run_tiles, runs, self._threads, _ignore).result()

        for requests in groups.values():
            try:
                run([run for r in requests for run in r.runs])
            except Exception:  # find whose call fails: each runs alone, as it would have
                for r in requests:
                    for one in r.runs:
                        one.per_turn.clear()
                        one.final.clear()
                    try:
                        run(r.runs)
                    except Exception as err:
                        r.error = err
        with self._cond:
            for request in batch:
                request.done = True
            self._cond.notify_all()


def _ignore(_: int) -> None:
    pass


@functools.cache
def _runner() -> ThreadPoolExecutor:
    """The thread that runs every batch (studies' threads come and go; its buffers stay)."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="nabij-batch")
