"""Why the customer reacted, in the trainee's words: what moved the frustration on each customer turn,
what came out, why the conversation ended, and (after grading) what the trainee never uncovered.

Read from the customer's state stored with each turn (roleplay.state); nothing here changes it.
The words are the session language's (roleplay.languages: `why`), keyed by the state's rules.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, Field

from .difficulty import temperament
from .languages import pack
from .persona import Persona
from .state import CustomerState

class Reaction(BaseModel):
    """One customer turn, explained (only the causes and revelations make a turn worth explaining)."""

    causes: list[str] = Field(default_factory=list)  # "+12: you made light of the loss"
    revealed: list[str] = Field(default_factory=list)  # hidden facts that came out, in the customer's words
    wants: list[str] = Field(default_factory=list)  # the persona's goals not met yet
    language: str = "en"

    def lines(self) -> list[str]:
        words = pack(self.language).why
        return [*self.causes, *(words["told"].format(text=text) for text in self.revealed),
                *(words["wants"].format(text=text) for text in self.wants)]


def cause_text(cause: str, language: str = "en") -> str:
    words = pack(language).why
    if cause.startswith("trigger:"):
        return words["trigger"].format(quote=cause.split(":", 1)[1].strip())
    return words.get(cause, cause.replace("_", " "))


def reaction(state: CustomerState, persona: Persona | None) -> Reaction:
    facts = {f.id: f.text for f in persona.hidden_facts} if persona else {}
    lang = persona.language if persona else "en"
    return Reaction(causes=[f"{'+' if c.delta > 0 else '−'}{abs(c.delta)}: {cause_text(c.cause, lang)}"
                            for c in state.last_changes if c.delta],
                    revealed=[facts.get(f, f) for f in state.last_unlocked],
                    wants=[g.text for g in persona.goals if g.id not in state.goals_met] if persona else [],
                    language=lang)


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
    leave_at = temperament(persona, state.difficulty).leave_at if persona else "?"
    text = pack(persona.language if persona else "en").why.get(f"end_{cause}", "")
    return text.format(leave_at=leave_at, turns=state.trainee_turns) or None


def missed(state: CustomerState, persona: Persona | None) -> list[str]:
    """The hidden facts never uncovered, as the customer would have said them."""
    if persona is None:
        return []
    never = pack(persona.language).why["never"]
    return [never.format(text=f.text) for f in persona.hidden_facts if f.id not in state.revealed]
