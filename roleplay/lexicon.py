"""What trainee behaviours (and a few customer cues) look like in words, per language.

The patterns are data in each language pack's `<code>_lexicon.py` (roleplay/languages), for
`analysis.py`, which decides what a turn does.  Patterns describe acts, not politeness tokens:
"I understand" alone is not empathy, "I understand how frustrating" is.

Trainee acts: empathy … goodbye.  Customer cues (used to read the conversation around the
trainee): tension, rhetorical, not_heard, action_question, yes_no_question, leaving, accepting.
A language with no pack is read as English rather than failing a grade.  `any_language` and
`capitals` build the few patterns read in every language's text from all packs' lists.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .languages import found
from .languages.lexicon import Lexicon, lexicon
from .prefilter import FLAGS


def of(language: str) -> Lexicon:
    """A language's lexicon (English's for a language with no pack)."""
    return _of(language, found.setting())


@lru_cache(maxsize=None)
def _of(language: str, setting: str) -> Lexicon:  # asked a hundred times a transcript: the setting read once
    return lexicon(language if language in found.packs() else "en")


def signals(language: str) -> dict[str, list[str]]:
    """The analysis's patterns of a language, by finding."""
    return of(language).signals


def solving(language: str) -> dict[str, list[str]]:
    """The solving and outcome cues of a language; a language without them finds none."""
    return of(language).solving


def stopwords(language: str) -> frozenset[str]:
    """Words too common to count as listening when echoed back."""
    return of(language).stopwords


def generic_facts(language: str) -> list[tuple[str, str, list[str], str]]:
    """Details a customer gives that an agent should not ask for again (id, what, ask patterns, value pattern)."""
    return of(language).generic_facts


def any_language(key: str, template: str) -> re.Pattern:
    """`template` with WORDS standing for every pack's WORDS[key] as one alternation.

    These few lists are read in any language's text, whatever the transcript's language (some of
    their readers are not told it): "because" counts in a Swedish transcript and "eftersom" in an
    English one.
    """
    return _any_language(key, template, found.setting())


@lru_cache(maxsize=None)
def _any_language(key: str, template: str, setting: str) -> re.Pattern:
    words = "|".join(w for code in found.codes() for w in lexicon(code).words.get(key, []))
    return re.compile(template.replace("WORDS", words), FLAGS)


def capitals(template: str) -> re.Pattern:
    """`template` (case-sensitive) with CAPITALS standing for A-Z and every pack's other capital letters (ÅÄÖ…)."""
    return _capitals(template, found.setting())


@lru_cache(maxsize=None)
def _capitals(template: str, setting: str) -> re.Pattern:
    extra = dict.fromkeys(c for code in found.codes() for c in lexicon(code).capitals)
    return re.compile(template.replace("CAPITALS", "A-Z" + "".join(extra)))
