"""Where the per-document jobs run: in this process, in a pool of processes, or on Dask.

``-j 1`` runs :func:`publish.jobs.run` here, one document after another; ``-j N`` (default:
the number of cores) in a :class:`~concurrent.futures.ProcessPoolExecutor` of N processes;
``--executor dask`` submits the same function through a ``distributed.Client`` to the
scheduler named by ``--scheduler`` (or to a local cluster of N processes). Results come back
in the order of the jobs, whatever order they finish in, so outputs never depend on it.
Ctrl-C in a pool stops every worker (they ignore SIGINT themselves: the build decides).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from publish.beside import Beside
from publish.buildsettings import EXECUTORS
from publish.errors import ConfigError
from publish.jobs import Done, Job, run

Tick = Callable[..., None]


@dataclass(frozen=True)
class Plan:
    """How to run the jobs: ``executor`` (local or dask), ``jobs`` processes (0: one per
    core), and the Dask ``scheduler`` address (``tcp://host:port``; "" starts a local one)."""

    executor: str = "local"
    jobs: int = 0
    scheduler: str = ""

    @property
    def workers(self) -> int:
        return self.jobs or os.cpu_count() or 1


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Executor:
    """Runs lists of jobs (:meth:`map`) until closed; use it as a context manager."""

    def __init__(self, plan: Plan, ahead: Beside | None = None) -> None:
        if plan.executor not in EXECUTORS:
            raise ConfigError(
                f"unknown executor {plan.executor!r}; executors are: {', '.join(EXECUTORS)}"
            )
        self.plan = plan
        self._pool: ProcessPoolExecutor | None = None
        self._ahead = ahead  # (a worker for one PDF, started with the build: publish.beside)
        self._client: Any = None

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: TracebackType | None) -> None:
        self.close(interrupted=kind is not None)
        if kind is not None and self._ahead is not None:  # (before the staging folder goes)
            self._ahead.close()

    def here(self, count: int) -> bool:
        """Whether :meth:`map` runs ``count`` jobs in this process, one after another."""
        return self.plan.executor != "dask" and (self.plan.workers == 1 or count < 2)

    def map(self, jobs: Sequence[Job], tick: Tick) -> Iterator[Done]:
        """Run ``jobs``; their results in the jobs' order, each as soon as it and those before
        it are done (so a caller writes and lets go of one while others run), ``tick`` called
        as each one finishes."""
        if self.plan.executor == "dask":
            return self._dask(jobs, tick)
        if self.here(len(jobs)):
            return _one_by_one(jobs, tick)
        if self._pool is None:
            # fork: the workers inherit what is imported; but never from a process running
            # threads (publish serve), where a lock held by another thread would stay held
            alone = threading.active_count() == 1
            context = multiprocessing.get_context("fork" if alone else "forkserver")
            self._pool = ProcessPoolExecutor(
                self.plan.workers, context, initializer=_ignore_interrupts
            )
        futures = [self._pool.submit(run, job) for job in jobs]
        return _in_order(futures, as_completed(futures), tick)

    def beside(self, job: Job) -> Beside | None:
        """Run ``job`` (a document's PDF) in the worker started with the build, while this
        process goes on; None where there is none (:func:`ahead`)."""
        return self._ahead.submit(job) if self._ahead is not None else None

    def let_go(self) -> None:
        """End the worker started with the build, unused (the jobs run in a pool)."""
        if self._ahead is not None and not self._ahead.used:
            self._ahead.close()
            self._ahead = None

    def _dask(self, jobs: Sequence[Job], tick: Tick) -> Iterator[Done]:
        from publish.daskrun import client, completed

        if self._client is None:
            self._client = client(self.plan.scheduler, self.plan.workers)
        futures = self._client.map(run, list(jobs), pure=False)
        return _in_order(futures, completed(futures), tick)

    def close(self, interrupted: bool = False) -> None:
        """Let the workers of :meth:`map` go (not the one :meth:`beside` runs: the build
        that started it ends it, and this executor only when it stops on an error)."""
        _shut(self._pool, interrupted)
        self._pool = None
        if self._client is not None:
            from publish.daskrun import close

            close(self._client)
            self._client = None


def ahead(plan: Plan, pdf: bool) -> Beside | None:
    """The worker for one PDF (:mod:`publish.beside`), started now when the build makes PDFs
    with two or more workers on this machine."""
    return Beside.start(pdf and plan.executor != "dask" and plan.workers > 1)


def _shut(pool: ProcessPoolExecutor | None, interrupted: bool) -> None:
    if pool is not None:
        if interrupted:  # stop every worker now, not after its document
            for process in list(pool._processes.values()):
                process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)


def _one_by_one(jobs: Sequence[Job], tick: Tick) -> Iterator[Done]:
    for job in jobs:
        done = run(job)
        tick(done)
        yield done


def _in_order(futures: list[Any], finished: Iterable[Any], tick: Tick) -> Iterator[Done]:
    """The results of ``futures`` in their order, ``tick`` called as each one finishes; a
    result is let go of once given (a thousand documents' outputs are never held at once)."""
    place = {id(future): n for n, future in enumerate(futures)}
    ready: dict[int, Done] = {}
    given = 0
    for future in finished:
        ready[place[id(future)]] = done = future.result()
        tick(done)
        while given in ready:
            futures[given] = None
            yield ready.pop(given)
            given += 1


__all__ = ["EXECUTORS", "Executor", "Future", "Plan"]
