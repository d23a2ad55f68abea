"""Words of a text: content words (no stop words), stems shared between two texts, names, questions."""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import stopwords
from .sentences import sentence_spans
from .sentences import split_sentences as sentences
from .stemming import stem

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)


@lru_cache(maxsize=8192)
def content(text: str, language: str) -> frozenset[str]:
    """The lower-cased words of a text that carry meaning (three letters or more, or a number)."""
    stop = stopwords(language)
    return frozenset(w for w in WORD.findall(text.lower().replace("’", "'"))
                     if (len(w) >= 3 or w.isdigit()) and w not in stop)


def content_words(text: str, language: str) -> set[str]:
    return set(content(text, language))


def shared_words(a: set[str], b: set[str], language: str) -> list[str]:
    """The words of `a` whose stem is also one of `b`'s ("refunded" meets "refund")."""
    stems_b = {stem(w, language) for w in b}
    return sorted(w for w in a if stem(w, language) in stems_b)


def proper_nouns(text: str) -> set[str]:
    """Capitalised words that do not start a sentence (names, brands): weak evidence of listening."""
    out = set()
    for a, b in sentence_spans(text):
        ws = WORD.findall(text[a:b])
        out.update(w.lower() for w in ws[1:] if w[:1].isupper() and not w.isupper())
    return out


def questions(text: str) -> list[str]:
    return [s for s in sentences(text) if s.endswith("?")]
