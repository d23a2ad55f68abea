"""Where sentences end: one rule for the guard, the analysis and speech.

A sentence ends at . ! ? … (with any closing quotes or brackets) followed by whitespace or the end
of the text, or at a line break.  A full stop after a known abbreviation ("Mr.", "t.ex.", "esim.")
ends nothing, and one inside a number ("$6.90") is not followed by a space.  The customer's checks,
the grader's quotes and the spoken sentences must all cut "Mr. Jensen" the same way.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .languages import found
from .languages.lexicon import lexicon



def abbreviations() -> frozenset[str]:
    """Words that end in a full stop without ending the sentence, in any language (lower case).

    Every pack's (ABBREVIATIONS in `<code>_lexicon.py`): a text is cut before its language is known.
    "no." and "etc." are left out on purpose: they end sentences far more often than not.
    """
    return _abbreviations(found.setting())


@lru_cache(maxsize=None)
def _abbreviations(setting: str) -> frozenset[str]:
    return frozenset(a for code in found.codes() for a in lexicon(code).abbreviations)
# One or more terminators, optionally followed by closing quotes or brackets; or a line break.
_END = re.compile(r"[.!?…]+[\"'”’)\]]*|\n")


def _ends(text: str, at_end_counts: bool) -> list[int]:
    """Offsets just past each sentence end."""
    ends = []
    for m in _END.finditer(text):
        after = m.end()
        if m.group() != "\n":
            followed_by_space = after < len(text) and text[after].isspace()
            if not (followed_by_space or (at_end_counts and after == len(text))):
                continue  # "6.90", "$6.90", or a stream that may still continue
            if m.group().rstrip("\"'”’)]") == "." and _word_before(text, m.start()) in abbreviations():
                continue
        ends.append(after)
    return ends


def _word_before(text: str, pos: int) -> str:
    """The word just before `pos`, walked back from it (splitting everything before it made long texts quadratic)."""
    end = pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end].lstrip("(\"'“‘").lower()


def _trimmed(text: str, ends: list[int]) -> tuple[tuple[int, int], ...]:
    out, start = [], 0
    for end in ends:
        piece = text[start:end]
        if piece.strip():
            a = start + len(piece) - len(piece.lstrip())
            out.append((a, end - (len(piece) - len(piece.rstrip()))))
        start = end
    return tuple(out)


@lru_cache(maxsize=8192)  # the analysis asks for the same trainee line's sentences many times
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    ends = _ends(text, at_end_counts=True)
    if not ends or ends[-1] < len(text.rstrip()):
        ends.append(len(text))  # trailing words without a terminator are a sentence too
    return _trimmed(text, ends)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, without the whitespace around it."""
    return list(_spans(text))


def split_sentences(text: str) -> list[str]:
    """The sentences of a text, verbatim."""
    return [text[a:b] for a, b in _spans(text)]


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    """The span of the sentence holding character `pos` (the whole text if none does)."""
    for a, b in _spans(text):
        if pos < b:
            return a, b
    return 0, len(text)


class SentenceBuffer:
    """Collect streamed text and hand out each sentence once it is surely complete.

    A terminator at the very end of what has arrived so far is not trusted yet: the
    next delta may turn "6." into "6.90" or "Mr" + "." into "Mr. Smith".
    """

    def __init__(self) -> None:
        self._text = ""

    def feed(self, delta: str) -> list[str]:
        """Add a piece of streamed text; return the sentences it completed (maybe none)."""
        self._text += delta
        ends = _ends(self._text, at_end_counts=False)
        if not ends:
            return []
        done = [self._text[a:b] for a, b in _trimmed(self._text, ends)]
        self._text = self._text[ends[-1]:]
        return done

    def flush(self) -> str | None:
        """End of stream: return whatever is left as a last sentence, or None."""
        rest, self._text = self._text.strip(), ""
        return rest or None


def sentence_of(text: str, pos: int) -> str:
    """The sentence (verbatim) that holds character `pos`."""
    a, b = sentence_at(text, pos)
    return text[a:b]
