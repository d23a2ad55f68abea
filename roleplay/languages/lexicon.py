"""A pack's `<code>_lexicon.py`, checked: how the language is read, beside the words people read.

Its public upper-case names are the fields below (SIGNALS -> signals; "_EN" stays the file's own).
English is the reference: every pack has each of its SIGNALS groups (an empty list says the language
has no way to spot that yet), and every pattern compiles, so a broken pack fails at start with the
pack, the key and what English has.
"""

from __future__ import annotations

from functools import cached_property

import re
from functools import lru_cache
from typing import Literal

import Stemmer
from pydantic import BaseModel, ConfigDict, ValidationInfo, model_validator

from . import REFERENCE, found

Unit = Literal["percent", "money", "hour", "day", "week", "month", "year"]
Bound = Literal["above", "at_least", "at_most", "below"]
CHECKERS = ("hunspell", "voikko")  # roleplay.spelling's back ends


class Lexicon(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str
    signals: dict[str, list[str]]  # finding -> patterns (roleplay.lexicon.signals)
    generic_facts: list[tuple[str, str, list[str], str]]  # (id, what, ask patterns, value pattern)
    stopwords: frozenset[str]
    solving: dict[str, list[str]] = {}  # solving and outcome cues; a language without them finds none
    stemmer: str  # Snowball's algorithm name, as PyStemmer spells it
    spelling: tuple[str, str] | None = None  # (checker, dictionary), or no word-by-word check
    abbreviations: list[str] = []  # end in a full stop without ending the sentence
    authored_on_embedded: bool = False  # the embedded model writes it too poorly to show its lines
    # The guard's: role breaks by kind (English's are checked in every language too), talk about the
    # role-play (every pack's checked in every language), strong acceptance, giving up on what one wants,
    # what comes before one's own name (every pack's), and languages the identifier confuses with this one.
    role_breaks: dict[str, list[str]] = {}
    task_talk: list[str] = []
    accept: list[str] = []
    give_in: list[str] = []
    self_intro: list[str] = []
    lookalikes: tuple[str, ...] = ()
    # Amounts and plain-language policy examples (roleplay.policy_phrases): words that carry no offer,
    # numbers in words, "several", units by the start of their word, words between a number and its
    # unit, bounds before (and after) an amount, words joining a range, how long a stem must be to
    # start a longer one, and how many first letters make two words one (0: never).
    fillers: frozenset[str] = frozenset()
    number_words: dict[str, float] = {}
    several: frozenset[str] = frozenset()
    units: tuple[tuple[str, Unit], ...] = ()
    before_unit: frozenset[str] = frozenset()
    bounds: tuple[tuple[tuple[str, ...], Bound], ...] = ()
    after_bounds: dict[str, Bound] = {}
    range_words: frozenset[str] = frozenset()
    prefix_min: int = 5
    shared_start: int = 0
    words: dict[str, list[str]] = {}  # small word lists read in every language's text (roleplay.lexicon.any_language)
    capitals: str = ""  # capital letters beyond A-Z, read in every language's text (roleplay.lexicon.capitals)

    @cached_property
    def amount_starts(self) -> frozenset[str]:
        """The words an amount can start with, besides a number in digits (a bound, "several", a number word)."""
        return frozenset({b[0] for b, _ in self.bounds} | set(self.several) | set(self.number_words))

    @cached_property
    def key_letters(self) -> int:
        """How many first letters of stem or word two forms of one word always share (policy_phrases._meets):
        four, or fewer where PREFIX_MIN or SHARED_START lets a shorter stem start a longer one."""
        return min(4, self.prefix_min, self.shared_start or 4)

    @model_validator(mode="after")
    def _complete(self, info: ValidationInfo) -> "Lexicon":
        where = f"language pack '{self.code}' ({self.code}_lexicon.py)"
        reference = (info.context or {}).get("reference")
        if reference is not None:
            for key, mine, theirs in (("SIGNALS", self.signals, reference.signals),
                                      ("SOLVING", self.solving, reference.solving),
                                      ("ROLE_BREAKS", self.role_breaks, reference.role_breaks),
                                      ("WORDS", self.words, reference.words)):
                extra = sorted(set(mine) - set(theirs))
                if extra:
                    raise ValueError(f"{where} has {key} groups that English lacks: {', '.join(extra)} "
                                     f"(English has: {', '.join(theirs)})")
            missing = [g for g in reference.signals if g not in self.signals]
            if missing:
                raise ValueError(f"{where} lacks SIGNALS groups: {', '.join(missing)} "
                                 f"(English has: {', '.join(reference.signals)})")
        if self.stemmer not in Stemmer.algorithms():
            raise ValueError(f"{where}: STEMMER '{self.stemmer}' is not one of {', '.join(Stemmer.algorithms())}")
        if self.spelling is not None and self.spelling[0] not in CHECKERS:
            raise ValueError(f"{where}: SPELLING checker '{self.spelling[0]}' is not one of {', '.join(CHECKERS)}")
        patterns = [(f"{k}.{g}", p) for k, groups in (("SIGNALS", self.signals), ("SOLVING", self.solving),
                                                      ("ROLE_BREAKS", self.role_breaks), ("WORDS", self.words))
                    for g, ps in groups.items() for p in ps]
        patterns += [(k.upper(), p) for k in ("task_talk", "accept", "give_in", "self_intro") for p in getattr(self, k)]
        patterns += [(f"GENERIC_FACTS.{f[0]}", p) for f in self.generic_facts for p in (*f[2], f[3])]
        for key, p in patterns:
            try:
                re.compile(p)
            except re.error as e:
                raise ValueError(f"{where}: {key} has a broken pattern {p!r}: {e}") from None
        return self


def lexicon(code: str) -> Lexicon:
    return _lexicon(code, found.setting())


@lru_cache(maxsize=None)
def _lexicon(code: str, setting: str) -> Lexicon:  # per setting: a test's folder does not outlive it
    reference = None if code == REFERENCE else lexicon(REFERENCE)
    module = found.module(code, "lexicon")
    fields = {name.lower(): value for name, value in vars(module).items() if name.isupper() and name[0] != "_"}
    return Lexicon.model_validate({"code": code, **fields}, context={"reference": reference})
