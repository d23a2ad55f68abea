"""Plain-language policy items: a trainer's example phrasings, turned into matchers.

A trainer writes what an offer or a claim sounds like ("I can refund the shipping", "we'll waive
this month's fee") in the persona's language.  Each example becomes its content words as stems
(roleplay/stemming.py) and its amounts as numbers.  A clause of the trainee's (a sentence, or its
part between commas) matches when it holds every content word, in any order, with at most two other
words between (so "I can refund", "we'll refund" and "you'll get a refund" meet: pronouns and helper
verbs are not content), and an amount for every amount of the example that lies inside it ("$50" is
not "$45"; "4 days" is inside "3-5 days"; "three months" is inside "more than one month").

Negation ("I can't refund the shipping") is the analysis's business, as for regular
expressions: a match gives a position, and the words before it in the clause, negation included,
are read the same way as before a pattern's match (see `match` for where a match is placed).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .languages import found
from .languages.lexicon import Lexicon, lexicon
from .lexicon import of, signals
from .matching import has
from .sentences import sentence_spans
from .stemming import stems

# The words of amounts and of offers are each pack's (FILLERS, NUMBER_WORDS, UNITS, BOUNDS… in
# `<code>_lexicon.py`); only the signs are shared.
_CURRENCY = {"$", "€", "£"}
_RANGE_SIGNS = {"-", "–", "—"}


def _range_words() -> frozenset[str]:
    """What joins a range ("3-5", "3 to 5", "3 till 5"): every pack's words, read in every language."""
    return _range_words_in(found.setting())


@lru_cache(maxsize=None)
def _range_words_in(setting: str) -> frozenset[str]:
    return frozenset(_RANGE_SIGNS).union(*(lexicon(code).range_words for code in found.codes()))


@dataclass(frozen=True)
class Amount:
    """A number or a range of them, with its unit (None: a bare number), as the closed interval it allows."""

    low: float
    high: float
    unit: str | None

    def inside(self, other: "Amount") -> bool:
        """Does this (said) amount lie inside `other` (the example's)?"""
        return (other.unit is None or other.unit == self.unit) and other.low <= self.low and self.high <= other.high


class Token(NamedTuple):  # a tuple: every word of every graded line becomes one
    word: str
    stem: str
    start: int
    clause: int  # a sentence, or its part between commas: one offer is said within one
    amount: Amount | None = None


_CLAUSE_MARK = re.compile(r"[,;:](?=\s|$)")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?(?:-[^\W\d_]+)*|[$€£%–—-]", re.UNICODE)
_SIGNS = frozenset("$€£%–—-")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_EPS = 1e-6


def _number(word: str, lex: Lexicon) -> float | None:
    if word[0].isdigit():
        try:
            return float(word.replace(",", "") if _THOUSANDS.fullmatch(word) else word.replace(",", "."))
        except ValueError:  # a date or a version ("1.5.2024"): a number, but no amount
            return None
    return lex.number_words.get(word)


def _unit(word: str, lex: Lexicon) -> str | None:
    if word in _CURRENCY:
        return "money"
    for start, unit in lex.units:
        if word == start or (len(start) > 2 and word.startswith(start)):
            return unit
    return None


def _bounded(value: tuple[float, float], kind: str | None) -> tuple[float, float]:
    low, high = value
    return {"above": (high + _EPS, math.inf), "at_least": (low, math.inf), "at_most": (0.0, high),
            "below": (0.0, low - _EPS)}.get(kind, value)


@lru_cache(maxsize=8192)
def tokens(text: str, language: str) -> tuple[Token, ...]:
    """The words of a text with their stems, clauses and positions; a number with its unit, range and bound
    becomes one amount token (its words are not content words)."""
    raw, clause = [], 0
    src = text.lower().replace("’", "'")  # once per text, not once per word
    exact = len(src) == len(text)
    if not exact:  # a letter that lower-cases to two ("İ"): positions are the original text's, words lowered one by one
        src = text
    for a, b in sentence_spans(text) or [(0, len(text))]:
        for piece in _CLAUSE_MARK.split(src[a:b]):
            clause += 1
            raw += [(m.group(0) if exact else m.group(0).lower().replace("’", "'"), a + m.start(), clause)
                    for m in _TOKEN.finditer(piece)]
            a += len(piece) + 1
    words = [w for w, _, _ in raw]
    stemmed, lex = stems(words, language), of(language)
    starts = lex.amount_starts
    make = Token._make  # from a tuple: the class's own constructor, with its keyword handling, costs more
    out: list[Token] = []
    i = 0
    while i < len(raw):
        word, start, clause = raw[i]
        if word[0].isdigit() or word in starts or word in _CURRENCY:  # `_amount_at`'s first test, without its call
            amount, used = _amount_at(words, i, lex)
            if amount is not None:
                out.append(make((word, word, start, clause, amount)))
                out += [make((words[k], stemmed[k], raw[k][1], raw[k][2], None)) for k in range(i + 1, i + used)
                        if words[k] in lex.before_unit]
                i += used
                continue
        out.append(make((word, stemmed[i], start, clause, None)))
        i += 1
    return tuple(out)


def _amount_at(words: list[str], i: int, lex: Lexicon) -> tuple[Amount | None, int]:
    """The amount that starts at word i ((None, 0) if none), and how many words it takes."""
    w = words[i]
    if not w[0].isdigit() and w not in lex.amount_starts and w not in _CURRENCY:
        return None, 0  # most words: no amount starts here
    j, kind = i, None
    for bound, k in lex.bounds:
        if tuple(words[i:i + len(bound)]) == bound:
            j, kind = i + len(bound), k
            break
    unit = None
    if j < len(words) and words[j] in _CURRENCY:
        unit, j = "money", j + 1
    if j < len(words) and words[j] in lex.several:
        value, digit, j = (2.0, math.inf), False, j + 1
        if j < len(words) and words[j] == "of":
            j += 1
    else:
        if j >= len(words) or (n := _number(words[j], lex)) is None:
            return None, 0
        value, digit, j = (n, n), words[j][0].isdigit(), j + 1
        if j + 1 < len(words) and words[j] in _range_words() and (m := _number(words[j + 1], lex)) is not None:
            value, j = (min(n, m), max(n, m)), j + 2
    if unit is None:
        for k in range(j, min(j + 2, len(words))):  # the unit, maybe after one word ("five business days")
            unit = _unit(words[k], lex)
            if unit is not None:
                j = k + 1
                break
            if words[k] not in lex.before_unit and words[k] not in ("-", "%"):
                break
    if unit is None and not digit:
        return None, 0  # "one" or "en" alone is a word, not an amount
    if j < len(words) and words[j] in lex.after_bounds:
        kind, j = lex.after_bounds[words[j]], j + 1
    low, high = _bounded(value, kind)
    return Amount(low, high, unit), j - i


# Every way `_meets` accepts a word shares its first few letters of stem or of word with the example's
# word (Lexicon.key_letters), so a text without them for one of an example's words cannot match it: most
# examples are ruled out by a dictionary lookup, and grading stays at hundreds of transcripts a second.
@dataclass(frozen=True)
class Phrase:
    """One example, compiled: the content words (stem, word) and amounts a matching clause must hold."""

    example: str
    words: tuple[tuple[str, str], ...]
    amounts: tuple[Amount, ...]
    negative: bool = False  # the example says "never" itself ("this will never happen again")
    keys: tuple[tuple[str, str], ...] = ()  # per word, the first letters of its stem and of itself (see `Lexicon.key_letters`)


def _meets(token: Token, stem: str, word: str, lex: Lexicon) -> bool:
    """Is this word of the trainee's a form of the example's word?  Snowball's stems are close but not
    exact across forms ("delivery" deliveri, "delivered" deliv; Swedish "månad" mån, "månader" månad), and
    Swedish and Finnish compound freely ("teknikerbesök"), so a stem that starts with the other counts."""
    if token.amount is not None or token.word.endswith("'s") != word.endswith("'s"):
        return False  # "the technician's name" is not the technician doing anything
    if token.stem == stem:
        return True
    # PREFIX_MIN: English hardly compounds ("free" is not "freeze"), Swedish and Finnish do.
    if len(stem) >= lex.prefix_min and token.stem.startswith(stem):
        return True  # a longer form or a compound of the example's word ("teknikerbesöket")
    if len(token.stem) >= 5 and stem.startswith(token.stem) and len(stem) - len(token.stem) <= 3:
        return True  # a shorter form ("deliv"), not the first half of the example's compound ("vika")
    # Finnish consonant gradation leaves stems apart ("alennusta" alenu, "alennus"): the words share more.
    n = lex.shared_start
    return bool(n) and len(word) >= n and token.word[:n] == word[:n]


@lru_cache(maxsize=8192)
def _negation(word: str, language: str) -> bool:
    return has(signals(language)["negation"], word)


@lru_cache(maxsize=4096)
def compile_example(example: str, language: str) -> Phrase:
    lex = of(language)
    toks = tokens(example, language)
    words = tuple(dict.fromkeys((t.stem, t.word) for t in toks
                                if t.amount is None and t.word not in lex.fillers and t.word not in _SIGNS))
    return Phrase(example, words, tuple(t.amount for t in toks if t.amount is not None),
                  any(_negation(t.word, language) for t in toks),
                  tuple((stem[:lex.key_letters], word[:lex.key_letters]) for stem, word in words))


class PhraseMatch(NamedTuple):
    """Where an example matched; `start()` as for a regular expression's match (the analysis reads it)."""

    pos: int
    example: str
    clause: int

    def start(self) -> int:
        return self.pos


# Other words that may come between an example's words in a clause ("refund the $6.90 you paid for shipping");
# more, and the words are too far apart to say one thing ("maksuttoman vikadiagnoosin ja 30 % alennuksen
# korjauksesta" is no free repair).
_BETWEEN_MAX = 2


def _window(needs: list[list[int]], slack: int) -> tuple[int, int] | None:
    """The shortest run of positions holding one position of every list, if it is short enough."""
    events = sorted((i, k) for k, idx in enumerate(needs) for i in set(idx))
    best, count, have, left = None, 0, [0] * len(needs), 0
    for i, k in events:
        have[k] += 1
        count += have[k] == 1
        while count == len(needs):
            lo = events[left][0]
            if best is None or i - lo < best[1] - best[0]:
                best = (lo, i)
            lk = events[left][1]
            have[lk] -= 1
            count -= have[lk] == 0
            left += 1
    if best is None or best[1] - best[0] + 1 > len(needs) + slack:
        return None
    return best


@lru_cache(maxsize=8192)
def _index(text: str, language: str) -> dict[str, tuple[int, ...]]:
    """A text's word tokens by the first letters of their stem and of their word (see `Lexicon.key_letters`)."""
    by: dict[str, list[int]] = {}
    size = of(language).key_letters
    for n, t in enumerate(tokens(text, language)):
        if t.amount is None:
            for k in {t.stem[:size], t.word[:size]}:
                by.setdefault(k, []).append(n)
    return {k: tuple(v) for k, v in by.items()}


@lru_cache(maxsize=8192)
def _clauses(text: str, language: str) -> dict[int, tuple[int, ...]]:
    """Per clause, the positions of the tokens that say something (an amount, or a word that is no filler)."""
    fillers = of(language).fillers
    by: dict[int, list[int]] = {}
    for n, t in enumerate(tokens(text, language)):
        if t.amount is not None or (t.word not in fillers and t.word not in _SIGNS):
            by.setdefault(t.clause, []).append(n)
    return {c: tuple(idx) for c, idx in by.items()}


def match(phrase: Phrase, text: str, language: str) -> list[PhraseMatch]:
    """The clauses of `text` that say what the example says, one match each, at its first word; or, when a
    negation falls inside it ("the shipping can't be refunded"), just after that negation, so the analysis
    reads it as it reads one before the match.  An example that says "never" itself ("this will never happen
    again") keeps its own."""
    if not phrase.words and not phrase.amounts:
        return []
    index, toks, lex = _index(text, language), tokens(text, language), of(language)
    hits: list[set[int]] = []  # per word and amount of the example, the tokens that say it
    for (stem, word), (s, w) in zip(phrase.words, phrase.keys):
        found = {n for n in (*index.get(s, ()), *index.get(w, ())) if _meets(toks[n], stem, word, lex)}
        if not found:
            return []  # most examples end here, after a dictionary lookup or two
        hits.append(found)
    for a in phrase.amounts:
        found = {n for n, t in enumerate(toks) if t.amount is not None and t.amount.inside(a)}
        if not found:
            return []
        hits.append(found)
    clauses = _clauses(text, language)
    out = []
    for clause in sorted(set.intersection(*({toks[n].clause for n in h} for h in hits))):
        # Only words that say something count as "between": "refund the $6.90 you paid for shipping" has two.
        idx = clauses[clause]
        rank = {n: r for r, n in enumerate(idx)}
        needs = [[rank[n] for n in idx if n in h] for h in hits]
        span = _window(needs, slack=_BETWEEN_MAX)
        if span is not None:
            lo, hi = idx[span[0]], idx[span[1]]
            at = toks[lo].start
            if not phrase.negative:
                at = max((toks[n].start + len(toks[n].word) for n in range(lo, hi) if _negation(toks[n].word, language)),
                         default=at)
            out.append(PhraseMatch(at, phrase.example, clause))
    return out


def _may_match(phrase: Phrase, index: dict[str, tuple[int, ...]]) -> bool:
    """Does the text (its `_index`) hold a key of every word of the example?  Else `match` would say no, a hundred
    times slower."""
    return all(s in index or w in index for s, w in phrase.keys)


def _find(phrases, text: str, language: str) -> list[PhraseMatch]:
    """The matches of examples already screened (`_may_match`)."""
    return [m for phrase in phrases for m in match(phrase, text, language)]


def _screened(examples, text: str, language: str) -> list[Phrase]:
    index = _index(text, language)
    return [p for p in (compile_example(e, language) for e in examples) if _may_match(p, index)]


def live(items, text: str, language: str) -> dict[int, list[Phrase]]:
    """Per item (by position) of a policy list, its examples that `text` may match, in order: `find` finds nothing
    for any other.  One look-up per key of the text's words, instead of a test of every example of every item."""
    phrases, by_key, always = _screen(tuple(tuple(item.examples) for item in items), language)
    index = _index(text, language)
    tried = set(always)
    for key in index:
        tried.update(by_key.get(key, ()))
    out: dict[int, list[Phrase]] = {}
    for n, k in sorted(tried):
        if _may_match(phrases[n][k], index):
            out.setdefault(n, []).append(phrases[n][k])
    return out


@lru_cache(maxsize=1024)
def _screen(examples: tuple[tuple[str, ...], ...], language: str):
    """The examples compiled; per key, the examples (item position, example position) whose first word has that key
    (no other example can match a text without it); and the examples of no words, tried on every text."""
    phrases = tuple(tuple(compile_example(e, language) for e in exs) for exs in examples)
    by_key: dict[str, set[tuple[int, int]]] = {}
    always: set[tuple[int, int]] = set()
    for n, exs in enumerate(phrases):
        for k, phrase in enumerate(exs):
            if not phrase.keys:
                always.add((n, k))
                continue
            for key in phrase.keys[0]:
                by_key.setdefault(key, set()).add((n, k))
    return phrases, {key: frozenset(v) for key, v in by_key.items()}, frozenset(always)


def find(item, text: str, language: str, phrases: list[Phrase] | None = None) -> list[PhraseMatch]:
    """Every match of a policy item's examples (or of those of them `live` kept) in `text`, in order, leaving out a
    clause that also says one of its `unless` phrasings ("a 20 % discount on a new machine" is no free machine)."""
    found = _find(_screened(item.examples, text, language) if phrases is None else phrases, text, language)
    if found and item.unless:  # read only where an example matched: most texts match none
        unless = {m.clause for m in _find(_screened(item.unless, text, language), text, language)}
        found = [m for m in found if m.clause not in unless]
    return sorted(found, key=lambda m: m.pos)


def says_something(example: str, language: str) -> bool:
    """Does the example hold a content word or an amount (not only "I can do that")?"""
    phrase = compile_example(example, language)
    return bool(phrase.words or phrase.amounts)


def matches(item, text: str, language: str) -> bool:
    """Does a policy item (its examples, or its advanced patterns) match anywhere in `text`?  Negation aside."""
    return bool(find(item, text, language)) or any(re.search(p, text, re.I) for p in item.patterns)


def overlaps(allowed, forbidden, language: str) -> list[str]:
    """Examples another item also matches: an allowed one a forbidden item catches (the offer would fail the
    session), or any other two items the analysis cannot tell apart on that phrasing.  One line per pair."""
    items = [("allowed", i) for i in allowed] + [("forbidden", i) for i in forbidden]
    out = []
    for kind, item in items:
        for other_kind, other in items:
            if other is item:
                continue
            caught = [e for e in item.examples if matches(other, e, language)]
            if not caught:
                continue
            quoted = ", ".join(repr(e) for e in caught[:3]) + (f" and {len(caught) - 3} more" if len(caught) > 3 else "")
            if kind == "allowed" and other_kind == "forbidden":
                out.append(f"policy.allowed.{item.id}: the forbidden item '{other.id}' catches {quoted}: a trainee "
                           "who offers it that way would fail the session")
            else:
                out.append(f"policy.{kind}.{item.id}: {other_kind} item '{other.id}' also matches {quoted}: "
                           "the two cannot be told apart there")
    return out
