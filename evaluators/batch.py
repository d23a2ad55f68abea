"""Grading many transcripts on every core: the deterministic grader is CPU-bound Python, one core each.

Workers start with a fresh interpreter (forkserver: forking the app, with its model server's
threads, is unsafe) and compile the grader's patterns once, then take transcripts in chunks.
Results come back in the order given.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from roleplay.persona import Persona
from roleplay.transcript import Transcript

from .grader import grade
from .scorecard import Scorecard

CHUNK = 16  # transcripts per hand-over: enough to hide the pickling, few enough to share the work evenly


def _grade(item: tuple[Transcript, Persona | None]) -> Scorecard:
    return grade(*item)


def _warm(items: list[tuple[Transcript, Persona | None]]) -> None:
    for item in items:  # compiles the patterns of these languages and personas, as the parent did
        _grade(item)


def _pid(_: int) -> int:
    time.sleep(0.05)  # long enough that the other workers get tasks of their own
    return os.getpid()


def jobs_default() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class Pool:
    """Worker processes that grade; `warm` items are graded once in each as it starts."""

    def __init__(self, jobs: int | None = None, warm: list[tuple[Transcript, Persona | None]] | None = None):
        self.jobs = jobs or jobs_default()
        self._pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("forkserver"),
                                         initializer=_warm, initargs=(warm or [],))

    def ready(self) -> None:
        """Wait until every worker has started and warmed up (a worker takes tasks only after that)."""
        seen: set[int] = set()
        while len(seen) < self.jobs:
            seen.update(self._pool.map(_pid, range(2 * self.jobs)))

    def grade(self, items: Iterable[tuple[Transcript, Persona | None]], how=_grade) -> Iterator[Scorecard]:
        """`how`: a module-level function of one item (the workers import it by name)."""
        yield from self._pool.map(how, items, chunksize=CHUNK)

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)

    def __enter__(self) -> "Pool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def grade_many(items: Iterable[tuple[Transcript, Persona | None]], jobs: int | None = None) -> Iterator[Scorecard]:
    """Scorecards for many (transcript, persona) pairs, in order, graded `jobs` at a time (default: every core)."""
    items = list(items)
    jobs = min(jobs or jobs_default(), max(1, len(items) // CHUNK))
    if jobs <= 1:
        yield from map(_grade, items)
        return
    with Pool(jobs) as pool:
        yield from pool.grade(items)
