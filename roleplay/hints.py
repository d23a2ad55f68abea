"""'What now?': one short hint from where the conversation stands, never the words to say.

In order: a question of the customer's left unanswered, a feeling not yet named, an offer the
policy allows that has not been made, more of the story not yet heard.  In the persona's
language (roleplay.languages, `tips`: hint.*).
"""

from __future__ import annotations

from .findings import TurnAnalysis
from .languages import say
from .persona import Persona
from .state import CustomerState


def hint(persona: Persona, state: CustomerState, last: TurnAnalysis | None, customer_line: str) -> str:
    lang = persona.language
    if last is not None and last.unanswered:
        return say(lang, "hint.unanswered", question=last.unanswered[0])
    if last is None and "?" in customer_line:
        return say(lang, "hint.first_question")
    if not state.heard:
        return say(lang, "hint.feeling")
    if any(item.id not in state.offered for item in persona.policy.allowed):
        return say(lang, "hint.offer")
    if any(f.id not in state.revealed for f in persona.hidden_facts):
        return say(lang, "hint.story")
    return say(lang, "hint.next")
