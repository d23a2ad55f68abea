"""Word stems per language (Snowball, through PyStemmer's C build: about 0.3 µs a word).

Used wherever two texts are compared word by word ("did the trainee say back what the
customer said?") and where a trainer's plain-language phrasing becomes a matcher, so that
"refunds", "refunded" and "refunding" meet, and Finnish "hyvityksen" meets "hyvitys".
"""

from __future__ import annotations

from functools import lru_cache

import Stemmer

from .lexicon import of


def _stemmer(language: str) -> Stemmer.Stemmer:
    # The pack names its Snowball algorithm; an unknown language is stemmed as English (lexicon.of).
    return _by_algorithm(of(language).stemmer)


@lru_cache(maxsize=None)
def _by_algorithm(algorithm: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(algorithm)


@lru_cache(maxsize=65536)  # the same words come back in every line (cheaper than the call into C)
def stem(word: str, language: str) -> str:
    """The stem of one lower-case word; numbers stay whole."""
    return word if word.isdigit() else _stemmer(language).stemWord(word)


def stems(words, language: str) -> list[str]:
    return [w if w.isdigit() else s for w, s in zip(words, _stemmer(language).stemWords(list(words)))]
