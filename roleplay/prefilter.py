"""The pattern pre-filter: which of a group of patterns can possibly match a text, from one scan.

A pattern only runs on a text that holds one of the literal strings every match of it needs
("refund" for r"\brefund(ed|s)?\b"), worked out once from the parsed pattern.  Every such
anchor of every registered group sits in one Aho-Corasick automaton (pyahocorasick), so one
pass over a text, in C, tells which patterns to run.  Grading hundreds of transcripts a second rests on this: most of the
lexicon's thousands of patterns never run on a given turn.

The parse uses Python's private `re._parser` (3.11+): tests/test_prefilter.py fails loudly if it
goes away, and compares this filter with running every pattern over the calibration turns.
Without it (`_P is None`) every pattern simply runs on every text.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import ahocorasick

try:  # the parsed form of a pattern tells which literal words it needs (Python 3.11+)
    import re._constants as _C
    import re._parser as _P
except ImportError:  # pragma: no cover - then every pattern simply runs on every text
    _C = _P = None

# The flags every pattern is parsed here and compiled with (matching.rx).
FLAGS = re.IGNORECASE | re.UNICODE

def _requirements(seq) -> list[set[str]]:
    """Sets of strings, one string of each of which every match of the parsed pattern `seq` must contain."""
    out: list[set[str]] = []
    run = ""
    for op, av in seq:
        if op is _C.LITERAL:
            run += chr(av).lower()
            continue
        if op is _C.AT:
            continue  # zero-width (\b, ^): the literal run goes on
        if run:
            out.append({run})
        run = ""
        if op is _C.SUBPATTERN:
            out += _requirements(av[-1])
        elif op is _C.BRANCH:
            parts = [_required(b) for b in av[1]]
            if all(parts):
                out.append(set().union(*parts))
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and av[0] >= 1:
            out += _requirements(av[2])
    if run:
        out.append({run})
    return out


def _required(seq) -> set[str] | None:
    """The requirement of `seq` whose shortest string is longest (the first such): the fewest texts hold it."""
    best: set[str] | None = None
    for cand in _requirements(seq):
        if best is None or min(map(len, cand)) > min(map(len, best)):
            best = cand
    return best


@lru_cache(maxsize=8192)
def _parsed(pattern: str) -> tuple[tuple[str, ...], ...] | None:
    """A pattern's requirements, its anchors first (None: an exotic pattern, or no parser: always run it)."""
    if _P is None:
        return None
    try:
        seq = _P.parse(pattern, FLAGS)
    except Exception:
        return None
    best = _required(seq)
    if not best or min(map(len, best)) < 2:
        return None
    rest = dict.fromkeys(tuple(sorted(r)) for r in _requirements(seq) if r != best and min(map(len, r)) >= 2)
    return (tuple(sorted(best)), *rest)


def anchors_of(pattern: str) -> tuple[str, ...] | None:
    """The strings one of which any text a pattern matches holds (None: it runs on every text)."""
    req = _parsed(pattern)
    return req[0] if req else None


def also_needed(pattern: str) -> tuple[tuple[str, ...], ...]:
    """The pattern's other requirements: a text that holds an anchor but no string of one of these is not tried
    either (a text with " the wait" but no "sorry " is not tried on r"sorry (for|about) the wait")."""
    req = _parsed(pattern)
    return req[1:] if req else ()


# Every anchor string of every pattern group seen so far, in one automaton: one pass over a text
# tells which anchors it holds (overlapping ones too), and so which patterns can possibly match it.
_ANCHORS: set[str] = set()
# patterns -> (group id, unanchored pattern indexes, pattern index -> its `also_needed`)
_GROUPS: dict[tuple[str, ...], tuple[int, list[int], dict[int, tuple[tuple[str, ...], ...]]]] = {}
# The current scanner's generation (None when anchors were added since), the registry's epoch, and its
# version (one more for every group registered: a text's cached hits predate groups of a later version,
# even when those groups brought no new anchor).
_state: dict = {"gen": None, "epoch": 0, "version": 0}
_SCANNERS: dict[int, ahocorasick.Automaton | None] = {}  # generation -> scanner (a few kept: a caller may hold an older one)
_LOCK = threading.RLock()  # registering patterns and building the scanner (the web app grades in threads)


def _add_anchor(anchor: str) -> None:
    if anchor not in _ANCHORS:
        _ANCHORS.add(anchor)
        _state["gen"] = None


# anchor -> ((group id, its pattern indexes in order), ...); replaced, never changed in place (a thread may be reading it)
_ANCHOR_GROUPS: dict[str, tuple[tuple[int, tuple[int, ...]], ...]] = {}


# Pattern groups remembered at once.  Every persona edit brings new ones; past this many the
# registry starts again (groups register again on their next use), so a long-running server
# that sees many edits keeps a bounded scanner.
MAX_GROUPS = 4000


def forget() -> None:
    """Drop every registered group and anchor (the lock held); a new epoch tells callers mid-way."""
    _GROUPS.clear()
    _ANCHOR_GROUPS.clear()
    _ANCHORS.clear()
    _BY_ID.clear()
    _PREPARED.clear()
    _state["gen"] = None
    _state["epoch"] += 1


def _group(patterns: tuple[str, ...]) -> tuple[int, list[int], dict[int, tuple[tuple[str, ...], ...]]]:
    """(group id, unanchored pattern indexes, other requirements by pattern index) for a pattern group, registering
    its anchors."""
    g = _GROUPS.get(patterns)
    if g is not None:
        return g
    with _LOCK:
        g = _GROUPS.get(patterns)
        if g is not None:
            return g
        if len(_GROUPS) >= MAX_GROUPS:
            forget()
        gid = len(_GROUPS)
        unanchored: list[int] = []
        mine: dict[str, list[int]] = {}
        extra: dict[int, tuple[tuple[str, ...], ...]] = {}
        for i, p in enumerate(patterns):
            anchors = anchors_of(p)
            if anchors is None:
                unanchored.append(i)
                continue
            for a in anchors:
                mine.setdefault(a, []).append(i)
                _add_anchor(a)
            if also := also_needed(p):
                extra[i] = also
        for a, idx in mine.items():
            _ANCHOR_GROUPS[a] = (*_ANCHOR_GROUPS.get(a, ()), (gid, tuple(idx)))
        g = _GROUPS[patterns] = (gid, unanchored, extra)
        _state["version"] += 1
    return g


def _scanner() -> int:
    """The generation of the one automaton over every registered anchor."""
    gen = _state["gen"]
    if gen is None:
        with _LOCK:
            gen = _state["gen"]
            if gen is None:
                gen = max(_SCANNERS, default=0) + 1
                scanner = ahocorasick.Automaton()
                for a in _ANCHORS:
                    scanner.add_word(a, a)
                scanner.make_automaton()
                _SCANNERS[gen] = scanner if _ANCHORS else None  # an empty automaton refuses to scan
                for old in [g for g in _SCANNERS if g < gen - 3]:
                    del _SCANNERS[old]
                _state["gen"] = gen
    return gen


@lru_cache(maxsize=4096)
def _hits(text: str, gen: int, version: int) -> dict[int, tuple[int, ...]]:
    """For one text: group id -> indexes, in order, of the patterns whose anchors it holds.  Keyed by the text
    as given (not lower-cased here first): one line is asked about hundreds of times, and a string keeps its hash."""
    scanner = _SCANNERS[gen]
    found = {a for _, a in scanner.iter(text.lower())} if scanner is not None else ()
    out: dict[int, tuple[int, ...]] = {}
    for a in found:
        for gid, idx in _ANCHOR_GROUPS.get(a, ()):
            had = out.get(gid)
            # most groups are hit by one anchor of a text: its indexes stand as they are
            out[gid] = idx if had is None else tuple(sorted({*had, *idx}))
    return out


def _holds(low: str, requirements: tuple[tuple[str, ...], ...]) -> bool:
    """Does the (lower-cased) text hold a string of every requirement?"""
    for strings in requirements:
        for s in strings:
            if s in low:
                break
        else:
            return False
    return True


_BY_ID: dict[int, tuple] = {}


def register(patterns) -> tuple:
    g = _BY_ID.get(id(patterns))
    if g is None or g[0] is not patterns:
        with _LOCK:
            if len(_BY_ID) > 20000:
                _BY_ID.clear()
            pt = tuple(patterns)
            g = _BY_ID[id(patterns)] = (patterns, pt, *_group(pt))  # holds the list, so its id stays unique
    return g


def candidates(patterns, text: str) -> list[str]:
    """The patterns that can match `text`: those whose anchor words it holds (in any case)."""
    while True:  # again if the registry started over meanwhile: group ids then mean other groups
        epoch = _state["epoch"]
        _, pt, gid, unanchored, extra = register(patterns)
        chosen = _hits(text, _state["gen"] or _scanner(), _state["version"]).get(gid)
        if _state["epoch"] == epoch:
            break
    if chosen and extra:  # a pattern whose other requirements the text lacks is not tried: a substring test costs less than a regex
        low = text.lower()
        chosen = [i for i in chosen if i not in extra or _holds(low, extra[i])]
    if not chosen:
        return [pt[i] for i in unanchored]
    if unanchored:
        chosen = sorted({*chosen, *unanchored})
    return [pt[i] for i in chosen]



_PREPARED: dict[int, object] = {}


def prepare(key: int, owner: object, groups) -> None:
    """Register every pattern group of `owner` (a language, a persona) at once, so the scan is built once,
    not once per newly seen group mid-grade; again only when `owner` is another object under `key` (`groups`, an
    iterable, is read only then)."""
    if _PREPARED.get(key) is owner:
        return
    for patterns in groups:
        register(patterns)
    if len(_PREPARED) > 1000:
        _PREPARED.clear()
    _PREPARED[key] = owner
