"""The customer's state, kept outside the model, and the rules that move it.

Rules are plain arithmetic on a turn analysis, parametrised by the persona's
temperament, so a trainer can predict and test how a customer reacts.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from .analysis import TurnAnalysis
from .persona import Persona

EndReason = Literal["customer_left", "resolved", "trainee_ended"]


class Change(BaseModel):
    """One reason the frustration moved, for the trainer's curve and the stage direction."""

    cause: str
    delta: int


class CustomerState(BaseModel):
    frustration: int = Field(ge=0, le=100)
    revealed: list[str] = Field(default_factory=list)  # hidden fact ids out in the open
    offered: list[str] = Field(default_factory=list)  # allowed policy items on the table
    promised: list[str] = Field(default_factory=list)  # forbidden items the trainee promised (the customer takes them)
    goals_met: list[str] = Field(default_factory=list)
    trainee_turns: int = 0
    acknowledged: int = 0  # turns in which the trainee acknowledged the feeling
    ended: bool = False
    end_reason: EndReason | None = None
    last_changes: list[Change] = Field(default_factory=list)
    last_unlocked: list[str] = Field(default_factory=list)

    @property
    def mood(self) -> str:
        return mood_of(self.frustration)


def mood_of(frustration: int) -> str:
    if frustration >= 80:
        return "furious"
    if frustration >= 60:
        return "angry"
    if frustration >= 40:
        return "annoyed"
    if frustration >= 20:
        return "uneasy"
    return "calm"


def initial(persona: Persona) -> CustomerState:
    return CustomerState(frustration=persona.temperament.start_frustration)


def _clamp(v: int) -> int:
    return max(0, min(100, v))


def changes_for(a: TurnAnalysis, persona: Persona, state: CustomerState) -> list[Change]:
    """Why frustration moves after this trainee turn (positive: angrier)."""
    up, down = persona.temperament.raises, persona.temperament.lowers
    ch: list[Change] = []
    if a.rudeness or a.threat or a.shouting or a.calm_down:
        ch.append(Change(cause="rudeness", delta=up.rudeness))
    if a.dismissal:
        ch.append(Change(cause="dismissal", delta=up.dismissal))
    if a.blame:
        ch.append(Change(cause="blame", delta=up.blame))
    if a.answered is False:
        ch.append(Change(cause="ignored_question", delta=up.ignored_question))
    if a.asked_again:
        ch.append(Change(cause="repeated_request", delta=up.repeated_request))
    hostile = a.hostile or a.dismissal or a.blame
    # Kind words only land when the turn is not hostile at the same time.
    if not hostile:
        if a.empathy:
            # A first acknowledgement counts fully; later ones need substance behind them.
            full = state.acknowledged == 0 or a.substantive
            ch.append(Change(cause="empathy", delta=-(down.empathy if full else down.empathy // 2)))
        if a.apology and not a.empathy:
            ch.append(Change(cause="apology", delta=-down.apology))
        if a.open_questions:
            ch.append(Change(cause="open_question", delta=-down.open_question))
        if a.reflection:
            ch.append(Change(cause="reflection", delta=-down.reflection))
        if a.ownership or a.dont_know:
            ch.append(Change(cause="ownership", delta=-down.ownership))
        new_offers = [o.item for o in a.offers if o.item not in state.offered]
        if new_offers:
            ch.append(Change(cause="offer", delta=-down.offer))
        if a.breaches:
            # The customer happily takes a promise the policy does not allow; the grader blocks it.
            ch.append(Change(cause="promise", delta=-down.offer))
    for t in a.triggers:
        ch.append(Change(cause=f"trigger: {t.quote}", delta=int(t.note)))
    if not ch and not a.substantive:
        ch.append(Change(cause="stalling", delta=up.stalling))
    return ch


def advance(state: CustomerState, a: TurnAnalysis, persona: Persona) -> CustomerState:
    """The state after the customer hears this trainee turn."""
    ch = changes_for(a, persona, state)
    s = state.model_copy(deep=True)
    s.last_changes = ch
    s.frustration = _clamp(state.frustration + sum(c.delta for c in ch))
    s.trainee_turns += 1
    s.acknowledged += bool(a.empathy)
    s.last_unlocked = [f for f in a.unlocked if f not in s.revealed]
    s.revealed += s.last_unlocked
    s.offered += [o.item for o in a.offers if o.item not in s.offered]
    s.promised += [b.item for b in a.breaches if b.item not in s.promised]
    s.goals_met = [g.id for g in persona.goals if any(i in s.offered for i in g.met_by)]
    t = persona.temperament
    if s.frustration >= t.leave_at:
        s.ended, s.end_reason = True, "customer_left"
    elif persona.goals and len(s.goals_met) == len(persona.goals) and s.frustration <= t.satisfied_at:
        s.ended, s.end_reason = True, "resolved"
    elif s.trainee_turns >= t.patience_turns:
        s.ended, s.end_reason = True, "customer_left"
    return s
