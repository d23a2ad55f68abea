"""Why the customer reacted, in the trainee's words: what moved the frustration on each customer turn,
what came out, why the conversation ended, and (after grading) what the trainee never uncovered.

Read from the customer's state stored with each turn (roleplay.state); nothing here changes it.
English for every session for now: the causes are keyed by rule, so another language is one more table.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, Field

from .difficulty import temperament
from .persona import Persona
from .state import CustomerState

CAUSES = {
    "rudeness": "you were rude, or told them to calm down",
    "belittling": "you made light of the loss",
    "sarcasm": "you were sarcastic",
    "dismissal": "you brushed them off",
    "blame": "you blamed them",
    "ignored_question": "you did not answer their question",
    "repeated_request": "you asked for something they had already told you",
    "empathy": "you acknowledged the feeling",
    "apology": "you apologised",
    "open_question": "you asked an open question",
    "reflection": "you said their story back to them",
    "ownership": "you took ownership",
    "offer": "you put an offer on the table",
    "promise": "you promised something the policy does not allow",
    "stalling": "you did not move things forward",
}
ENDINGS = {
    "frustration": "They left: their frustration passed {leave_at}.",
    "patience": "They left: they ran out of patience after {turns} of your turns.",
    "silence": "They hung up after hearing nothing from you twice.",
    "goals": "They were satisfied: what they needed was met.",
    "trainee_ended": "You ended the conversation.",
}


class Reaction(BaseModel):
    """One customer turn, explained (only the causes and revelations make a turn worth explaining)."""

    causes: list[str] = Field(default_factory=list)  # "+12: you made light of the loss"
    revealed: list[str] = Field(default_factory=list)  # hidden facts that came out, in the customer's words
    wants: list[str] = Field(default_factory=list)  # the persona's goals not met yet

    def lines(self) -> list[str]:
        return [*self.causes, *(f"They told you: “{text}”" for text in self.revealed),
                *(f"They still want: {text}" for text in self.wants)]


def cause_text(cause: str) -> str:
    if cause.startswith("trigger:"):
        return f"you said “{cause.split(':', 1)[1].strip()}”"
    return CAUSES.get(cause, cause.replace("_", " "))


def reaction(state: CustomerState, persona: Persona | None) -> Reaction:
    facts = {f.id: f.text for f in persona.hidden_facts} if persona else {}
    return Reaction(causes=[f"{'+' if c.delta > 0 else '−'}{abs(c.delta)}: {cause_text(c.cause)}"
                            for c in state.last_changes if c.delta],
                    revealed=[facts.get(f, f) for f in state.last_unlocked],
                    wants=[g.text for g in persona.goals if g.id not in state.goals_met] if persona else [])


def reactions(turns: Sequence, persona: Persona | None) -> dict[int, Reaction]:
    """Each customer turn answering a trainee turn, by index (stored turns carry their state in meta)."""
    out = {}
    for i, t in enumerate(turns):
        stored = (getattr(t, "meta", None) or {}).get("state")
        if t.speaker == "customer" and i > 0 and turns[i - 1].speaker == "trainee" and stored:
            r = reaction(CustomerState.model_validate(stored), persona)
            if r.causes or r.revealed:
                out[i] = r
    return out


def ending(state: CustomerState, persona: Persona | None) -> str | None:
    """Why the conversation ended, or None while it goes on."""
    if not state.ended:
        return None
    cause = state.end_cause or ("trainee_ended" if state.end_reason == "trainee_ended" else "")
    leave_at = temperament(persona, state.difficulty).leave_at if persona else "their limit"
    return ENDINGS.get(cause, "").format(leave_at=leave_at, turns=state.trainee_turns) or None


def missed(state: CustomerState, persona: Persona | None) -> list[str]:
    """The hidden facts never uncovered, as the customer would have said them."""
    if persona is None:
        return []
    return [f"You never learned: “{f.text}”" for f in persona.hidden_facts if f.id not in state.revealed]
