"""Grading throughput of the default (deterministic) grader, for `roleplay bench`.

grade_throughput(n) grades n transcripts (the calibration set, repeated) and
returns transcripts per second, wall clock.  Loading and one warm-up pass are
not timed (they compile the patterns once per process, as a batch run would);
the per-text caches are emptied before every pass over the set, so repeats of
the same file are not cache hits and the number stands for fresh transcripts.
"""

from __future__ import annotations

import time
from pathlib import Path

from roleplay import analysis, sentences
from roleplay.library import Library

from .calibration import load_set
from .grader import grade


def _clear_text_caches() -> None:
    for fn in (analysis._hits, analysis._content, sentences._spans, analysis._generic_in, analysis._values_in):
        fn.cache_clear()


def grade_throughput(n: int = 500, folder: Path | None = None, library: Library | None = None) -> float:
    """Transcripts graded per second (deterministic grader) over the calibration set repeated to n."""
    lib = library or Library()
    items = [(t, lib.personas.get(t.persona) if t.persona else None) for _, t, _ in load_set(folder)]
    if not items or n <= 0:
        return 0.0
    for t, p in items:  # warm-up: compiles the patterns, as the first transcripts of any batch would
        grade(t, p)
    done = 0
    start = time.perf_counter()
    while done < n:
        _clear_text_caches()
        for t, p in items:
            if done >= n:
                break
            grade(t, p)
            done += 1
    return done / (time.perf_counter() - start)


if __name__ == "__main__":
    print(f"{grade_throughput():.0f} transcripts/s")
