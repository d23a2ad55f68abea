"""Which trainer-written regular expressions can take exponential time (catastrophic backtracking).

Every trainee turn runs a persona's patterns while holding the GIL, so one such pattern stalls
every session in the process.  Python's `re` cannot be interrupted, so they are refused when the
persona is validated (saved, or test-run unsaved), with the reason.  Two shapes cause nearly all
of it: a repetition inside a repetition, `(\\w+\\s*)+`, and a repeated choice whose branches can
match the same text, `(a|ab)+`; both give the engine exponentially many ways to fail.
"""

from __future__ import annotations

import re

try:
    import re._constants as _C
    import re._parser as _P
except ImportError:  # pragma: no cover - Python before 3.11 (the project needs 3.11)
    import sre_constants as _C
    import sre_parse as _P

_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT}
_ANY = object()  # a branch that can start with many characters (a class, a category, ".")


def _first(items) -> set:
    """Characters a sequence can start with (_ANY: too many to list); empty if it can match nothing."""
    for op, av in items:
        if op is _C.LITERAL:
            return {chr(av).lower()}
        if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue  # takes no character
        if op is _C.SUBPATTERN:
            return _first(av[3])
        if op is _C.BRANCH:
            return set().union(*(_first(b) for b in av[1]))
        if op in _REPEATS and av[0] == 0:
            return {_ANY}  # optional: what follows may start it too
        if op in _REPEATS:
            return _first(av[2])
        return {_ANY}
    return set()


def _literal(items) -> str | None:
    """The text a sequence of plain characters matches (None: it is not one)."""
    if all(op is _C.LITERAL for op, _ in items):
        return "".join(chr(av).lower() for _, av in items)
    return None


def _overlap(branches) -> bool:
    """Two branches can match the same start of a text: an empty one, one word the start of
    another (`a|ab`, which the parser has made `a(?:|b)`), or one starting with a class or "."."""
    for i, a in enumerate(branches):
        for b in branches[i + 1:]:
            la, lb = _literal(a), _literal(b)
            if la is not None and lb is not None:
                if la.startswith(lb) or lb.startswith(la):
                    return True
            elif _ANY in _first(a) | _first(b) and _first(a) and _first(b):
                return True
    return False


def _problem(items, repeated: bool) -> str | None:
    """The first shape in `items` that can backtrack exponentially; `repeated`: inside an unbounded repeat."""
    for op, av in items:
        if op in _REPEATS:
            unbounded = av[1] == _C.MAXREPEAT
            if repeated and unbounded:
                return "a repetition inside a repetition, such as (\\w+\\s*)+"
            found = _problem(av[2], repeated or unbounded)
        elif op is _C.SUBPATTERN:
            found = _problem(av[3], repeated)
        elif op is _C.BRANCH:
            if repeated and _overlap(av[1]):
                return "a repeated choice whose branches can match the same text, such as (a|ab)+"
            found = next((p for b in av[1] if (p := _problem(b, repeated))), None)
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            found = _problem(av[1], repeated)
        else:
            found = None  # an atomic group or possessive repeat cannot backtrack into itself
        if found:
            return found
    return None


def catastrophic(pattern: str) -> str | None:
    """Why `pattern` (which compiles) can take exponential time on some text, or None."""
    return _problem(_P.parse(pattern, re.IGNORECASE), repeated=False)
