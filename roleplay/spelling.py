"""Is this text in good Swedish or Finnish, word by word?  Real spell checkers, offline.

A language pack names its checker and dictionary (SPELLING in `<code>_lexicon.py`): Finnish
goes through Voikko (libvoikko with Debian's voikko-fi morphology: Finnish compounds and cases
need a morphological analyser), Swedish through Hunspell with Debian's hunspell-sv dictionary.
English names none: the model writes it well.  A language whose checker is not installed gives
no verdict (None), and says so once.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from .languages import found
from .languages.lexicon import lexicon

log = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
HUNSPELL_DIR = "/usr/share/hunspell"


@lru_cache(maxsize=None)
def _checker(language: str):
    """A function word -> known?, or None where this language has no checker here."""
    if language not in found.packs() or lexicon(language).spelling is None:
        return None
    checker, dictionary = lexicon(language).spelling
    try:
        if checker == "voikko":
            import libvoikko

            return libvoikko.Voikko(dictionary).spell
        if checker == "hunspell":
            from hunspell import Hunspell

            return Hunspell(dictionary, hunspell_data_dir=HUNSPELL_DIR).spell
    except Exception as e:  # a missing library or dictionary: no verdict rather than no customer
        log.warning("no spell checker for '%s' (%s): its lines are not checked word by word", language, e)
    return None


def available(language: str) -> bool:
    return _checker(language) is not None


@lru_cache(maxsize=65536)
def _known(language: str, word: str) -> bool:
    spell = _checker(language)
    return spell(word) or spell(word.lower())


def unknown_words(text: str, language: str, allowed: frozenset[str] = frozenset()) -> list[str] | None:
    """The words of `text` the language's checker does not know (None: no checker for it).

    `allowed` holds words known to be right here although no dictionary has them: names,
    brands and the persona's own material, lower-cased.
    """
    if _checker(language) is None:
        return None
    out = []
    for m in _WORD.finditer(text):
        w = m.group(0)
        starts = not text[:m.start()].strip() or text[:m.start()].rstrip()[-1] in ".!?:;\"'”–-"
        if w.lower() in allowed or (w[:1].isupper() and not starts):
            continue  # a capitalised word inside a sentence is a name
        if not _known(language, w):
            out.append(w)
    return out


def words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}
