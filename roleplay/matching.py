"""Patterns against a text: the one compiled-pattern cache, and finds that carry their verbatim quote.

Every finding of the analysis and the guard goes through here, so a pattern is compiled once
per process and the pre-filter (prefilter.py) decides which patterns run on a text at all.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .findings import Match
from .prefilter import FLAGS, candidates


@lru_cache(maxsize=8192)
def rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, FLAGS)


def find(patterns: list[str], text: str, item: str = "", note: str = "") -> list[Match]:
    """Every distinct quote any of `patterns` matches in `text`, in pattern order."""
    out, seen = [], set()
    for p in candidates(patterns, text):
        for m in rx(p).finditer(text):
            quote = m.group(0).strip(" ,")
            if quote and quote.lower() not in seen:
                seen.add(quote.lower())
                out.append(Match(quote=quote, item=item, note=note))
    return out


def has(patterns: list[str], text: str) -> bool:
    return any(rx(p).search(text) for p in candidates(patterns, text))
