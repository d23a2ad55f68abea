"""Details the customer has already given (their order number, an email): asking again is not listening."""

from __future__ import annotations

from functools import lru_cache

from .lexicon import generic_facts
from .matching import rx
from .persona import Fact, Persona
from .transcript import Turn


@lru_cache(maxsize=8192)
def _generic_in(text: str, language: str) -> tuple[tuple[str, str], ...]:
    """(fact id, value) for every generic detail (order number, email, …) this one customer turn gives."""
    out = []
    for fid, _, _, value_rx in generic_facts(language):
        m = rx(value_rx).search(text)
        if m:
            out.append((fid, next((g for g in m.groups() if g), m.group(0))))
    return tuple(out)


@lru_cache(maxsize=8192)
def _values_in(low: str, values: tuple[str, ...]) -> frozenset[int]:
    return frozenset(i for i, v in enumerate(values) if v and v.lower() in low)


def fact_label(fact: Fact, language: str) -> str:
    """What a known fact is called in the trainee's tips: the persona's label, the generic detail of that id
    in this language ("kundnumret"), else its id in (English) words."""
    generic = {fid: what for fid, what, _, _ in generic_facts(language)}
    return fact.label or generic.get(fact.id) or "the " + fact.id.replace("_", " ")


def given_values(before: list[Turn], persona: Persona | None, language: str) -> dict[str, tuple[str, str, list[str]]]:
    """fact id → (what, value, ask patterns) for details the customer has already given.

    Each customer turn is read once (cached), so a long conversation costs no more per turn than a short one."""
    customer = [t.text for t in before if t.speaker == "customer"]
    out: dict[str, tuple[str, str, list[str]]] = {}
    if persona is not None and persona.knows:
        values = tuple(f.value or "" for f in persona.knows)
        hit: set[int] = set()
        for text in customer:
            hit |= _values_in(text.lower(), values)
        for i in sorted(hit):
            f = persona.knows[i]
            out[f.id] = (fact_label(f, language), f.value, f.ask)
    generic = {fid: (what, asks) for fid, what, asks, _ in generic_facts(language)}
    for text in customer:
        for fid, value in _generic_in(text, language):
            if fid in out:
                continue
            if not any(value.lower() in v[1].lower() or v[1].lower() in value.lower() for v in out.values()):
                what, asks = generic[fid]
                out[fid] = (what, value, asks)
    return out


# ---------------------------------------------------------------- the turn
