"""Offers and claims against the persona's policy sheet: items offered or declined, and figures it does not give.

A negation only covers its own clause, a request said back is not an offer, and the evidence
quoted is the trainee's whole sentence.
"""

from __future__ import annotations

import re
from itertools import chain

from . import policy_phrases
from .findings import Match
from .lexicon import any_language, signals
from .matching import has, rx
from .persona import Persona
from .prefilter import candidates
from .sentences import sentence_at


# A negation only covers its own clause: "for the months you can't use, and switch off auto-renewal"
# offers the switch-off; "I can't refund the full order" declines the refund.


def _negated(text: str, start: int, language: str) -> bool:
    """Is the match at `start` negated within its clause ("I can't give you a gift card")?"""
    a, _ = sentence_at(text, start)
    clause = any_language("clause", r"[,;:]\s*|\b(?:WORDS)\b").split(text[a:start])[-1]
    before = " ".join(clause.split()[-8:])
    # "not only … but", "no problem" are not refusals.
    before = any_language("not_negation", r"\b(WORDS)\b").sub("", before)
    return bool(before) and has(signals(language)["negation"], before)


def _hypothetical(text: str, start: int) -> bool:
    """"So you're asking whether I can refund the shipping": the customer's request said back, not an offer;
    nor is "What did the technician tell you?", a question about what already happened."""
    a, b = sentence_at(text, start)
    if any_language("asking", r"\b(WORDS)\b").search(text[a:start]):
        return True
    return text[a:b].rstrip().endswith("?") and bool(
        any_language("past_question", r"^\W*(?:WORDS)\b").search(text[a:start]))


def policy_hits(items, text: str, language: str) -> tuple[list[Match], list[Match]]:
    """(asserted, declined): items whose examples or patterns match, split on whether the sentence negates them."""
    asserted, declined = [], []
    live = policy_phrases.live(items, text, language)
    for n, item in enumerate(items):
        hit = neg = None
        regex = (m for p in candidates(item.patterns, text) for m in rx(p).finditer(text)) if item.patterns else ()
        for m in chain(regex, policy_phrases.find(item, text, language, live[n]) if n in live else ()):
            if _hypothetical(text, m.start()):
                continue
            if _negated(text, m.start(), language):
                neg = neg or m
            else:
                hit = m
                break
        if hit:
            asserted.append(Match(quote=_clause_quote(text, hit), item=item.id, note=item.text))
        elif neg:
            declined.append(Match(quote=_clause_quote(text, neg), item=item.id, note=item.text))
    return asserted, declined


def find_policy(items, text: str, language: str) -> list[Match]:
    return policy_hits(items, text, language)[0]


def _clause_quote(text: str, m: re.Match) -> str:
    """The sentence around a match, so evidence reads as the trainee's words, not a fragment."""
    a, b = sentence_at(text, m.start())
    return text[a:b].strip()


# ---------------------------------------------------------------- figures against the policy sheet

# A figure: a currency sign and a number, or a number and a unit of money or percent
# (every pack's WORDS["figure_units"]).
_FIGURE = r"(?:[$€£]\s?(\d+(?:[.,]\d+)?))|(?:\b(\d+(?:[.,]\d+)?)\s?(?:%|WORDS|€))"
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def _norm_number(s: str) -> str:
    s = s.replace(",", ".")
    if "." in s:
        s = s.rstrip("0").rstrip(".") if re.search(r"\.\d+$", s) else s
    return s


_SHEETS: dict[int, tuple[Persona, frozenset[str]]] = {}


def _sheet_numbers(persona: Persona) -> frozenset[str]:
    """Every figure the trainee could have from the persona card and policy sheet."""
    hit = _SHEETS.get(id(persona))
    if hit is not None and hit[0] is persona:
        return hit[1]
    texts = [persona.policy.summary, persona.brief, persona.background, persona.goal]
    texts += [i.text for i in persona.policy.allowed]
    numbers = frozenset(_norm_number(n) for t in texts for n in _NUMBER.findall(t))
    if len(_SHEETS) > 256:
        _SHEETS.clear()
    _SHEETS[id(persona)] = (persona, numbers)
    return numbers


def unlisted_figures(text: str, persona: Persona, customer_text: str, language: str, skip: set[str]) -> list[Match]:
    known = _sheet_numbers(persona) | {_norm_number(n) for n in _NUMBER.findall(customer_text)}
    sig = signals(language)
    out = []
    for m in any_language("figure_units", _FIGURE).finditer(text):
        value = _norm_number(m.group(1) or m.group(2))
        if value in known:
            continue
        quote = _clause_quote(text, m)
        if quote in skip or _negated(text, m.start(), language):
            continue
        offer = has(sig["offer_verb"], quote)
        out.append(Match(quote=quote, item="offer" if offer else "claim", note=m.group(0).strip()))
    return out


# ---------------------------------------------------------------- facts already given
