"""Grading throughput of the default (deterministic) grader, for `roleplay bench`.

grade_throughput(n, jobs) grades n transcripts (the calibration set, repeated)
and returns transcripts per second, wall clock: in this process (jobs=1), or in
`jobs` worker processes as a batch run grades (evaluators.batch).  Loading and
one warm-up pass are not timed (they compile the patterns once per process, as a
batch run would); the per-text caches are emptied before every transcript, so
repeats of the same file are not cache hits and the number stands for fresh
transcripts.
"""

from __future__ import annotations

import time
from pathlib import Path

from roleplay import cues, given, policy_phrases, prefilter, sentences, words
from roleplay.library import Library

from . import batch
from .calibration import load_set
from .grader import grade


def _clear_text_caches() -> None:
    for fn in (prefilter._hits, words.content, sentences._spans, given._generic_in, given._values_in,
               policy_phrases.tokens, policy_phrases._index, policy_phrases._clauses, cues.customer_questions):
        fn.cache_clear()


def fresh(item) -> object:
    """Grade one (transcript, persona) as if never seen: no text cached from an earlier one."""
    _clear_text_caches()
    return grade(*item)


def grade_throughput(n: int = 500, folder: Path | None = None, library: Library | None = None,
                     jobs: int = 1) -> float:
    """Transcripts graded per second (deterministic grader) over the calibration set repeated to n."""
    lib = library or Library()
    items = [(t, lib.personas.get(t.persona) if t.persona else None) for _, t, _ in load_set(folder)]
    if not items or n <= 0:
        return 0.0
    work = [items[i % len(items)] for i in range(n)]
    if jobs <= 1:
        for item in items:  # warm-up: compiles the patterns, as the first transcripts of any batch would
            grade(*item)
        start = time.perf_counter()
        for item in work:
            fresh(item)
        return n / (time.perf_counter() - start)
    with batch.Pool(jobs, warm=items) as pool:
        pool.ready()
        start = time.perf_counter()
        list(pool.grade(work, how=fresh))
        return n / (time.perf_counter() - start)


if __name__ == "__main__":
    print(f"{grade_throughput():.0f} transcripts/s in one process, "
          f"{grade_throughput(jobs=batch.jobs_default()):.0f} on {batch.jobs_default()} cores")
