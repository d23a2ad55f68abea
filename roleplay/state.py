"""The customer's state, kept outside the model, and the rules that move it.

Rules are plain arithmetic on a turn analysis, parametrised by the persona's
temperament at the session's difficulty, so a trainer can predict and test how a
customer reacts.  The state also decides the customer's next *act* (push for
the ask, take offence, soften, consider an offer, leave …): the model, or the
persona's authored lines, only voice it.
"""

from __future__ import annotations

import random
from typing import Literal

from pydantic import BaseModel, Field

from .findings import TurnAnalysis
from .difficulty import temperament
from .persona import Persona

EndReason = Literal["customer_left", "resolved", "trainee_ended"]

# How much more each earlier offence makes the next one cost (a second insult hurts more than the first).
ESCALATION = 0.5
MANAGER_AT = 75  # at or above this, after the ask was pushed and refused, the customer asks for a manager


class Change(BaseModel):
    """One reason the frustration moved, for the trainer's curve and the stage direction."""

    cause: str
    delta: int


class CustomerState(BaseModel):
    frustration: int = Field(ge=0, le=100)
    difficulty: str = "medium"
    seed: int | None = None  # varies the opening and the lines; stored so a session can be replayed exactly
    revealed: list[str] = Field(default_factory=list)  # hidden fact ids out in the open
    earned: list[str] = Field(default_factory=list)  # hidden facts earned, told one a line, in later lines
    objections: list[str] = Field(default_factory=list)  # this session's order of the buyer's doubts (by seed)
    raised: list[str] = Field(default_factory=list)  # doubts raised so far
    offered: list[str] = Field(default_factory=list)  # allowed policy items on the table
    promised: list[str] = Field(default_factory=list)  # forbidden items the trainee promised (the customer takes them)
    goals_met: list[str] = Field(default_factory=list)
    trainee_turns: int = 0
    acknowledged: int = 0  # turns in which the trainee acknowledged the feeling
    heard: bool = False  # the feeling acknowledged or the story said back, at least once
    reason_given: bool = False  # a no came with a why
    pushes: int = 0  # times the customer has pushed for the ask
    offences: int = 0  # turns with rudeness, belittling, sarcasm or blame so far
    silences: int = 0
    asked_manager: bool = False
    warned: bool = False  # had their last straw: one more brush-off and they hang up
    act: str | None = None  # what the customer's next line does (see persona.ACTS, plus accept/leave/reveal)
    ended: bool = False
    end_reason: EndReason | None = None
    end_cause: str | None = None  # why: frustration, patience, silence, goals
    last_changes: list[Change] = Field(default_factory=list)
    last_unlocked: list[str] = Field(default_factory=list)
    last_asked: list[str] = Field(default_factory=list)  # facts the trainee just asked for
    last_raised: str | None = None  # the doubt the next line raises

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


def initial(persona: Persona, difficulty: str | None = None, seed: int | None = None) -> CustomerState:
    t = temperament(persona, difficulty)
    doubts = [o.id for o in persona.objections]
    if seed is not None:
        doubts = random.Random(seed).sample(doubts, len(doubts))  # no two sessions raise them in one order
    return CustomerState(frustration=t.start_frustration, difficulty=str(getattr(difficulty, "value", difficulty)
                                                                         or "medium"), seed=seed, objections=doubts)


def _clamp(v: int) -> int:
    return max(0, min(100, v))


def _offence(a: TurnAnalysis) -> bool:
    return bool(a.hostile or a.blame)


def changes_for(a: TurnAnalysis, persona: Persona, state: CustomerState) -> list[Change]:
    """Why frustration moves after this trainee turn (positive: angrier)."""
    t = temperament(persona, state.difficulty)
    up, down = t.raises, t.lowers
    # A repeated offence costs more: people forgive one slip, not a pattern.
    worse = 1 + ESCALATION * state.offences
    ch: list[Change] = []
    if a.rudeness or a.threat or a.shouting or a.calm_down:
        ch.append(Change(cause="rudeness", delta=round(up.rudeness * worse)))
    if a.belittling:
        ch.append(Change(cause="belittling", delta=round(up.belittling * worse)))
    if a.sarcasm and not (a.rudeness or a.belittling):
        ch.append(Change(cause="sarcasm", delta=round(up.sarcasm * worse)))
    if a.dismissal:
        ch.append(Change(cause="dismissal", delta=up.dismissal))
    if a.blame:
        ch.append(Change(cause="blame", delta=round(up.blame * worse)))
    if a.answered is False:
        ch.append(Change(cause="ignored_question", delta=up.ignored_question))
    if a.asked_again:
        ch.append(Change(cause="repeated_request", delta=up.repeated_request))
    if a.withdrawn:
        # Taking back what was offered feels like being lied to: as bad as a brush-off.
        ch.append(Change(cause="contradiction", delta=up.dismissal))
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
        if a.breaches and not a.pressure:
            # The customer happily takes a promise the policy does not allow; the grader blocks it.
            # Pushing them ("decide now, the price goes up tomorrow") is nothing they take happily.
            ch.append(Change(cause="promise", delta=-down.offer))
    for trig in a.triggers:
        ch.append(Change(cause=f"trigger: {trig.quote}", delta=int(trig.note)))
    if not ch and not a.substantive:
        ch.append(Change(cause="stalling", delta=up.stalling))
    return ch


def ask_granted(persona: Persona, state: CustomerState) -> bool:
    return bool(persona.ask and persona.ask.item and persona.ask.item in state.promised)


def settled(persona: Persona, state: CustomerState) -> bool:
    """Whether the customer would now settle for an allowed offer instead of the ask."""
    need = persona.ask.settle_when if persona.ask else ["heard"]
    resistance = temperament(persona, state.difficulty).resistance if persona.ask else 0
    return (("heard" not in need or state.heard) and ("reason" not in need or state.reason_given)
            and ("pushed" not in need or state.pushes >= resistance))


def _answered(persona: Persona, state: CustomerState, objection: str) -> bool:
    o = next((o for o in persona.objections if o.id == objection), None)
    return o is None or any(i in state.offered for i in o.answered_by)  # one the persona no longer has: done


def open_objection(persona: Persona, state: CustomerState) -> str | None:
    """The doubt raised and not answered yet (one at a time: the next waits for it)."""
    last = state.raised[-1] if state.raised else None
    return last if last and not _answered(persona, state, last) else None


def next_objection(persona: Persona, state: CustomerState) -> str | None:
    """The doubt the customer raises next: the first in this session's order not raised nor answered already."""
    if open_objection(persona, state):
        return None
    return next((o for o in state.objections if o not in state.raised and not _answered(persona, state, o)), None)


def _goals_met(persona: Persona, state: CustomerState) -> list[str]:
    if ask_granted(persona, state):
        return [g.id for g in persona.goals]  # they got what they asked for (a blocker for the trainee)
    if not settled(persona, state):
        return []
    return [g.id for g in persona.goals if any(i in state.offered for i in g.met_by)]


def _declines(a: TurnAnalysis, persona: Persona) -> bool:
    """The turn says no to the ask, or puts something lesser on the table (an offer toward a goal).

    An answer beside the point ("it works with Outlook") is no reason to push for a free migration.
    """
    settles = {i for g in persona.goals for i in g.met_by}
    return bool(a.refusals or a.dismissal or a.reason or any(o.item in settles for o in a.offers))


# What the customer answers an offence with, and (later, when nothing weightier happened) other causes.
_OFFENCES = (("rudeness", "insulted"), ("belittling", "belittled"), ("sarcasm", "belittled"), ("blame", "blamed"),
             ("contradiction", "contradiction"))
_RESPONSES = (("ignored_question", "repeat_question"), ("empathy", "heard"), ("reflection", "heard"),
              ("stalling", "impatient"))


def _act(a: TurnAnalysis, persona: Persona, before: CustomerState, s: CustomerState) -> str:
    """What the customer's next line does, from what this turn did and where the state now stands."""
    if s.ended:
        return "leave" if s.end_reason == "customer_left" else "accept"
    causes = {c.cause.split(":")[0] for c in s.last_changes}
    offended = next((act for cause, act in _OFFENCES if cause in causes), None)
    if offended:
        return offended
    wants_more = persona.ask is not None and not ask_granted(persona, s)
    if (wants_more and not s.asked_manager and s.frustration >= MANAGER_AT and before.pushes >= 1
            and ("dismissal" in causes or a.refusals)):
        return "manager"
    if "dismissal" in causes and not (wants_more and s.pushes > before.pushes):
        return "brushed_off"
    if s.earned:
        return "reveal"
    if s.pushes > before.pushes:
        return "push"
    if a.asked_for:
        return "answer"
    if "repeated_request" in causes:
        return "already_said"
    if next_objection(persona, s) and s.frustration <= before.frustration:
        return "objection"  # the next doubt, once this turn helped or at least did no harm
    if a.offers and not s.goals_met and not s.heard:
        # This turn's offer, not an earlier one: "What would make this right for you?" after an offer
        # was answered "You're just reading me the rules".
        return "bare_policy"
    if s.goals_met or (a.offers and settled(persona, s)):
        return "considering"
    return next((act for cause, act in _RESPONSES if cause in causes), "upset" if s.frustration >= 40 else "calmer")


def advance(state: CustomerState, a: TurnAnalysis, persona: Persona) -> CustomerState:
    """The state after the customer hears this trainee turn."""
    ch = changes_for(a, persona, state)
    s = state.model_copy(deep=True)
    s.last_changes = ch
    s.frustration = _clamp(state.frustration + sum(c.delta for c in ch))
    s.trainee_turns += 1
    s.silences = 0
    s.acknowledged += bool(a.empathy and not a.hostile)
    s.heard = s.heard or bool((a.empathy or a.reflection) and not (a.hostile or a.blame))
    s.reason_given = s.reason_given or bool(a.reason or a.refusals)
    s.offences += _offence(a)
    s.last_asked = list(a.asked_for)
    s.earned += [f for f in a.unlocked if f not in s.revealed and f not in s.earned]
    s.last_unlocked, s.last_raised = [], None
    s.offered = [i for i in s.offered if i not in {w.item for w in a.withdrawn}]
    s.offered += [o.item for o in a.offers if o.item not in s.offered]
    s.promised += [b.item for b in a.breaches if b.item not in s.promised]
    t = temperament(persona, state.difficulty)
    # Judged before this turn's push: the customer's answer to a first offer is to push, never to settle.
    s.goals_met = _goals_met(persona, s)
    # Pushing for the ask: after a no or a lesser offer, as often as the customer's resistance says.
    if (persona.ask and not ask_granted(persona, s) and not s.goals_met and _declines(a, persona) and not a.hostile
            and s.pushes < t.resistance):
        s.pushes += 1
    if s.frustration >= t.leave_at and not (_offence(a) or state.warned):
        # A brush-off is no insult: before hanging up over one, the customer says so once ("So that's it?
        # Nothing?") and gives the trainee a last chance, as callers do; an insult ends it at once.
        s.frustration, s.warned = t.leave_at - 1, True
    if s.frustration >= t.leave_at:
        s.ended, s.end_reason, s.end_cause = True, "customer_left", "frustration"
    elif (persona.goals and len(s.goals_met) == len(persona.goals) and s.frustration <= t.satisfied_at
          and not (open_objection(persona, s) or next_objection(persona, s))):
        s.ended, s.end_reason, s.end_cause = True, "resolved", "goals"
    elif s.trainee_turns >= t.patience_turns:
        s.ended, s.end_reason, s.end_cause = True, "customer_left", "patience"
    s.act = _act(a, persona, state, s)
    # One thing at a time: a second fact earned now comes out in a later line.
    if s.act == "reveal":
        s.last_unlocked = [s.earned.pop(0)]
        s.revealed += s.last_unlocked
    elif s.act == "objection":
        s.last_raised = next_objection(persona, s)
        s.raised.append(s.last_raised)
    s.asked_manager = s.asked_manager or s.act == "manager"
    return s


def silence(state: CustomerState) -> CustomerState:
    """The trainee said nothing for a while: the customer asks if anyone is there, then hangs up."""
    s = state.model_copy(deep=True)
    s.silences += 1
    s.last_changes, s.last_unlocked, s.last_asked, s.last_raised = [], [], [], None
    if s.silences >= 2:
        s.ended, s.end_reason, s.end_cause, s.act = True, "customer_left", "silence", "leave"
    else:
        s.act = "still_there"
    return s


# Acts that only carry the mood: a customer who cuts in says that instead.  Anything more
# pressing (an offence taken, a fact, the ask pushed, leaving) is still said, cut in or not.
_GENERIC_ACTS = ("upset", "calmer", "impatient")


def cut_in(state: CustomerState) -> CustomerState:
    """The customer cut in on the trainee's long monologue (roleplay.interruption): the next line says so."""
    if state.ended or state.act not in _GENERIC_ACTS:
        return state
    return state.model_copy(update={"act": "cut_in"})
