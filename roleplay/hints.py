"""'What now?': one short hint from where the conversation stands, never the words to say.

In order: a question of the customer's left unanswered, a feeling not yet named, an offer the
policy allows that has not been made, more of the story not yet heard.
"""

from __future__ import annotations

from .analysis import TurnAnalysis
from .persona import Persona
from .state import CustomerState


def hint(persona: Persona, state: CustomerState, last: TurnAnalysis | None, customer_line: str) -> str:
    if last is not None and last.unanswered:
        return f"They asked “{last.unanswered[0]}” and have not had an answer yet."
    if last is None and "?" in customer_line:
        return "They asked you something in their first line: answer that before anything else."
    if not state.heard:
        return "They have not heard you name how they feel yet."
    if any(item.id not in state.offered for item in persona.policy.allowed):
        return "Your policy sheet allows something you have not offered yet."
    if any(f.id not in state.revealed for f in persona.hidden_facts):
        return "There is more to their story: an open question could bring it out."
    return "Check what they still need, and tell them what happens next."
