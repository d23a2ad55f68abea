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

from .lexicon import signals
from .matching import has
from .sentences import sentence_spans
from .stemming import stems

# Words that carry no offer of their own: who makes it ("I", "we", "you'll"), helper verbs, articles
# and the verbs of handing over ("give", "get"), so "I can give you a gift card" and "you'll get a
# gift card" both come down to "gift card".  Negations are not here: the analysis reads them; nor "I'm"
# and "we're", which make "I'm sorry" an apology where "sorry for any inconvenience" is stock courtesy.
FILLERS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        i me my we us our you your he him his she her they them their it its a an the this that these those
        is are was were be been being am will would can could shall should may might must do does did have has had
        i'll we'll you'll it'll it's that's i've we've you've i'd we'd you'd let let's
        get gets got getting give gives giving given receive receives offer offers offering provide provides
        also really happy glad to of for in on at with by from as and or so then
        """.split()),
    "sv": frozenset("""
        jag mig min mitt mina vi oss vår vårt våra du dig din ditt dina ni er ert era han hon den det de dem
        en ett denna detta dessa är var vara varit blir bli ska skall kan kunde skulle vill har hade ha
        får fick få ge ger gav erbjuda erbjuder gärna bara också att och eller till för på i av med om som så då
        """.split()),
    "fi": frozenset("""
        minä minun minua minulle me meidän meille sinä sinun sinua sinulle te teidän teille hän se sen sitä
        ne niitä niille on ovat olen olemme olet oli ole olla voin voimme voit voi voisi voisimme
        saat saatte saa saada saamme annan annamme tarjoan tarjoamme mielellään vain myös ja tai että niin
        """.split()),
}

# Number words, so "three months" is a number of months.  Only before a unit ("one month"), since
# "a", "en" and "one" are often no number at all.
_NUMBER_WORDS: dict[str, dict[str, float]] = {
    "en": {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
    | {"fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90,
       "hundred": 100, "half": 0.5},
    "sv": {w: i for i, w in enumerate("noll en två tre fyra fem sex sju åtta nio tio elva tolv".split())}
    | {"ett": 1, "femton": 15, "tjugo": 20, "trettio": 30, "fyrtio": 40, "fyrtiofem": 45, "fyrtioåtta": 48,
       "femtio": 50, "sextio": 60, "nittio": 90, "halv": 0.5, "halvt": 0.5},
    "fi": {w: i for i, w in enumerate("nolla yksi kaksi kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän "
                                      "kymmenen".split())}
    | {"yhden": 1, "kahden": 2, "kolmen": 3, "neljän": 4, "viiden": 5, "kuuden": 6, "puoli": 0.5,
       "kaksikymmentä": 20, "kolmekymmentä": 30, "kahdenkymmenen": 20, "kolmenkymmenen": 30},
}
_TENS_UNITS = re.compile(r"^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)$")
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}

# "several months" and "a few days" are two or more.
_SEVERAL = {"en": {"several", "few", "couple"}, "sv": {"flera", "några", "par"}, "fi": {"useita", "useamman",
                                                                                     "muutama", "muutaman", "pari"}}

# A unit by the start of its word, per language (the currency signs are shared).
_UNITS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("%", "percent"), ("percent", "percent"), ("dollar", "money"), ("buck", "money"), ("euro", "money"),
           ("pound", "money"), ("hour", "hour"), ("day", "day"), ("week", "week"), ("month", "month"),
           ("year", "year")),
    "sv": (("%", "percent"), ("procent", "percent"), ("kr", "money"), ("kronor", "money"), ("sek", "money"),
           ("euro", "money"), ("dollar", "money"), ("timm", "hour"), ("dag", "day"), ("dygn", "day"),
           ("veck", "week"), ("månad", "month"), ("år", "year")),
    "fi": (("%", "percent"), ("prosent", "percent"), ("euro", "money"), ("e", "money"), ("tunti", "hour"),
           ("tunni", "hour"), ("päiv", "day"), ("vuorokau", "day"), ("viiko", "week"), ("viikk", "week"),
           ("kuukau", "month"), ("kk", "month"), ("vuo", "year")),
}
_CURRENCY = {"$", "€", "£"}
# Between a number and its unit: "five business days", "three free months" (still words of their own).
_BEFORE_UNIT = {"en": {"per", "business", "working", "free", "extra", "more", "full", "cent"},
            "sv": {"arbetsdagar", "gratis", "extra", "till", "fler"},
            "fi": {"arkipäivän", "arkipäivää", "ilmaista", "lisä"}}
# Words before an amount that make it a bound: (words, kind); kind "above", "at_least", "below", "at_most".
_BOUNDS: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {
    "en": ((("more", "than"), "above"), (("longer", "than"), "above"), (("over",), "above"), (("above",), "above"),
           (("at", "least"), "at_least"), (("up", "to"), "at_most"), (("within",), "at_most"),
           (("at", "most"), "at_most"), (("less", "than"), "below"), (("under",), "below"), (("fewer", "than"), "below")),
    "sv": ((("mer", "än"), "above"), (("längre", "än"), "above"), (("fler", "än"), "above"), (("över",), "above"),
           (("minst",), "at_least"), (("upp", "till"), "at_most"), (("inom",), "at_most"), (("högst",), "at_most"),
           (("mindre", "än"), "below"), (("under",), "below")),
    "fi": ((("yli",), "above"), (("enemmän", "kuin"), "above"), (("vähintään",), "at_least"),
           (("enintään",), "at_most"), (("korkeintaan",), "at_most"), (("alle",), "below")),
}
# Finnish puts "within" after the amount: "48 tunnin sisällä".
_AFTER_BOUNDS = {"fi": {"sisällä": "at_most", "kuluessa": "at_most", "aikana": "at_most"}}
_RANGE = {"-", "–", "—", "to", "till", "och", "and", "ja"}


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


def _number(word: str, language: str) -> float | None:
    if word[0].isdigit():
        try:
            return float(word.replace(",", "") if _THOUSANDS.fullmatch(word) else word.replace(",", "."))
        except ValueError:  # a date or a version ("1.5.2024"): a number, but no amount
            return None
    m = _TENS_UNITS.match(word)
    if m and language == "en":
        return _TENS[m.group(1)] + _NUMBER_WORDS["en"][m.group(2)]
    return _NUMBER_WORDS.get(language, {}).get(word)


def _unit(word: str, language: str) -> str | None:
    if word in _CURRENCY:
        return "money"
    for start, unit in _UNITS.get(language, ()):
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
    for a, b in sentence_spans(text) or [(0, len(text))]:
        for piece in _CLAUSE_MARK.split(text[a:b]):
            clause += 1
            raw += [(m.group(0).lower().replace("’", "'"), a + m.start(), clause) for m in _TOKEN.finditer(piece)]
            a += len(piece) + 1
    words = [w for w, _, _ in raw]
    stemmed = stems(words, language)
    out: list[Token] = []
    i = 0
    while i < len(raw):
        word, start, clause = raw[i]
        amount, used = _amount_at(words, i, language)
        if amount is not None:
            out.append(Token(word, word, start, clause, amount))
            out += [Token(words[k], stemmed[k], raw[k][1], raw[k][2]) for k in range(i + 1, i + used)
                    if words[k] in _BEFORE_UNIT.get(language, ())]
            i += used
            continue
        out.append(Token(word, stemmed[i], start, clause))
        i += 1
    return tuple(out)


@lru_cache(maxsize=None)
def _starters(language: str) -> frozenset[str]:
    """The words an amount can start with, besides a number written in digits."""
    return frozenset({b[0] for b, _ in _BOUNDS.get(language, ())} | _CURRENCY | _SEVERAL.get(language, set())
                     | set(_NUMBER_WORDS.get(language, {})) | (set(_TENS) if language == "en" else set()))


def _amount_at(words: list[str], i: int, language: str) -> tuple[Amount | None, int]:
    """The amount that starts at word i ((None, 0) if none), and how many words it takes."""
    w = words[i]
    if not w[0].isdigit() and w not in _starters(language) and not (language == "en" and _TENS_UNITS.match(w)):
        return None, 0  # most words: no amount starts here
    j, kind = i, None
    for bound, k in _BOUNDS.get(language, ()):
        if tuple(words[i:i + len(bound)]) == bound:
            j, kind = i + len(bound), k
            break
    unit = None
    if j < len(words) and words[j] in _CURRENCY:
        unit, j = "money", j + 1
    if j < len(words) and words[j] in _SEVERAL.get(language, ()):
        value, digit, j = (2.0, math.inf), False, j + 1
        if j < len(words) and words[j] == "of":
            j += 1
    else:
        if j >= len(words) or (n := _number(words[j], language)) is None:
            return None, 0
        value, digit, j = (n, n), words[j][0].isdigit(), j + 1
        if j + 1 < len(words) and words[j] in _RANGE and (m := _number(words[j + 1], language)) is not None:
            value, j = (min(n, m), max(n, m)), j + 2
    if unit is None:
        for k in range(j, min(j + 2, len(words))):  # the unit, maybe after one word ("five business days")
            unit = _unit(words[k], language)
            if unit is not None:
                j = k + 1
                break
            if words[k] not in _BEFORE_UNIT.get(language, ()) and words[k] not in ("-", "%"):
                break
    if unit is None and not digit:
        return None, 0  # "one" or "en" alone is a word, not an amount
    if j < len(words) and words[j] in _AFTER_BOUNDS.get(language, {}):
        kind, j = _AFTER_BOUNDS[language][words[j]], j + 1
    low, high = _bounded(value, kind)
    return Amount(low, high, unit), j - i


# Every way `_meets` accepts a word shares its first four letters of stem or of word with the example's word,
# so a text without them for one of an example's words cannot match it: most examples are ruled out by a
# few set lookups, and grading stays at hundreds of transcripts a second.
_KEY = 4


@dataclass(frozen=True)
class Phrase:
    """One example, compiled: the content words (stem, word) and amounts a matching clause must hold."""

    example: str
    words: tuple[tuple[str, str], ...]
    amounts: tuple[Amount, ...]
    negative: bool = False  # the example says "never" itself ("this will never happen again")
    keys: tuple[tuple[str, str], ...] = ()  # per word, the first letters of its stem and of itself (see `_KEY`)


def _possessive(word: str) -> bool:
    return word.endswith("'s")


# How long a stem must be to count as the start of a longer one: English hardly compounds ("free" is not
# "freeze"), Swedish and Finnish do.
_PREFIX_MIN = {"en": 5, "sv": 4, "fi": 4}


def _meets(token: Token, stem: str, word: str, language: str) -> bool:
    """Is this word of the trainee's a form of the example's word?  Snowball's stems are close but not
    exact across forms ("delivery" deliveri, "delivered" deliv; Swedish "månad" mån, "månader" månad), and
    Swedish and Finnish compound freely ("teknikerbesök"), so a stem that starts with the other counts."""
    if token.amount is not None or _possessive(token.word) != _possessive(word):
        return False  # "the technician's name" is not the technician doing anything
    if token.stem == stem:
        return True
    if len(stem) >= _PREFIX_MIN.get(language, 5) and token.stem.startswith(stem):
        return True  # a longer form or a compound of the example's word ("teknikerbesöket")
    if len(token.stem) >= 5 and stem.startswith(token.stem) and len(stem) - len(token.stem) <= 3:
        return True  # a shorter form ("deliv"), not the first half of the example's compound ("vika")
    # Finnish consonant gradation leaves stems apart ("alennusta" alenu, "alennus"): the words share more.
    return language == "fi" and len(word) >= 5 and token.word[:5] == word[:5]


@lru_cache(maxsize=8192)
def _negation(word: str, language: str) -> bool:
    return has(signals(language)["negation"], word)


@lru_cache(maxsize=4096)
def compile_example(example: str, language: str) -> Phrase:
    fillers = FILLERS.get(language, FILLERS["en"])
    toks = tokens(example, language)
    words = tuple(dict.fromkeys((t.stem, t.word) for t in toks
                                if t.amount is None and t.word not in fillers and t.word not in _SIGNS))
    return Phrase(example, words, tuple(t.amount for t in toks if t.amount is not None),
                  any(_negation(t.word, language) for t in toks),
                  tuple((stem[:_KEY], word[:_KEY]) for stem, word in words))


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
    """A text's word tokens by the first letters of their stem and of their word (see `_KEY`)."""
    by: dict[str, list[int]] = {}
    for n, t in enumerate(tokens(text, language)):
        if t.amount is None:
            for k in {t.stem[:_KEY], t.word[:_KEY]}:
                by.setdefault(k, []).append(n)
    return {k: tuple(v) for k, v in by.items()}


@lru_cache(maxsize=8192)
def _clauses(text: str, language: str) -> dict[int, tuple[int, ...]]:
    """Per clause, the positions of the tokens that say something (an amount, or a word that is no filler)."""
    fillers = FILLERS.get(language, FILLERS["en"])
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
    index, toks = _index(text, language), tokens(text, language)
    hits: list[set[int]] = []  # per word and amount of the example, the tokens that say it
    for (stem, word), (s, w) in zip(phrase.words, phrase.keys):
        found = {n for n in (*index.get(s, ()), *index.get(w, ())) if _meets(toks[n], stem, word, language)}
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


def _find(examples, text: str, language: str) -> list[PhraseMatch]:
    index, out = _index(text, language), []
    for e in examples:
        phrase = compile_example(e, language)
        if all(s in index or w in index for s, w in phrase.keys):  # `match` would say no, a hundred times slower
            out += match(phrase, text, language)
    return out


def find(item, text: str, language: str) -> list[PhraseMatch]:
    """Every match of a policy item's examples in `text`, in order, leaving out a clause that also says one of
    its `unless` phrasings ("a 20 % discount on a new machine" is no free machine)."""
    found = _find(item.examples, text, language)
    if found and item.unless:  # read only where an example matched: most texts match none
        unless = {m.clause for m in _find(item.unless, text, language)}
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
