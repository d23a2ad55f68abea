"""Difficulty: how one persona plays easy, medium or hard.

A persona is written at medium; the session's difficulty scales its temperament:
how upset the customer starts, how often they push for what they asked before
settling, how long their patience lasts, how much empathy counts and how much
an offence costs.  Pure arithmetic, so a trainer can predict it.
"""

from __future__ import annotations

from .persona import Difficulty, Persona, Temperament

# start: points on the starting frustration; push: extra pushes for the ask; patience: turns;
# kind / harsh: factors on what lowers and what raises frustration.
SCALE = {
    Difficulty.easy: {"start": -10, "push": -1, "patience": 4, "kind": 1.3, "harsh": 0.8},
    Difficulty.medium: {"start": 0, "push": 0, "patience": 0, "kind": 1.0, "harsh": 1.0},
    Difficulty.hard: {"start": 10, "push": 1, "patience": -3, "kind": 0.7, "harsh": 1.25},
}


def temperament(persona: Persona, difficulty: Difficulty | str | None) -> Temperament:
    """The persona's temperament at this difficulty (medium: as written)."""
    t = persona.temperament
    d = SCALE[Difficulty(difficulty or Difficulty.medium)]
    if d is SCALE[Difficulty.medium]:
        return t
    start = max(0, min(t.leave_at - 5, t.start_frustration + d["start"]))
    raises = {k: round(v * d["harsh"]) for k, v in t.raises.model_dump().items()}
    lowers = {k: round(v * d["kind"]) for k, v in t.lowers.model_dump().items()}
    return t.model_copy(update={
        "start_frustration": start,
        "resistance": max(1, t.resistance + d["push"]),
        "patience_turns": max(3, t.patience_turns + d["patience"]),
        "raises": t.raises.model_validate(raises),
        "lowers": t.lowers.model_validate(lowers),
    })
