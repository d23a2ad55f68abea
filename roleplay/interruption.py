"""Interruptions both ways: the trainee speaking over the customer, the customer cutting in on a monologue.

The trainee spoke over the customer: which of the customer's words they never heard.

The browser stops the customer's audio the moment the trainee's voice is heard and reports where
(which sentence of the line, how far into it).  The words after that point are kept with the turn
as `unheard`: the transcript still holds what the customer said, and nobody — the customer's next
line included — takes those words as heard.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .persona import Persona
from .sentences import split_sentences

# A stretch of talk longer than this costs the trainee in the grade (evaluators.timing); a calm customer
# lets it run that long, an angry one cuts in sooner, at CUT_IN_ANGRY_S once three quarters of the way to
# walking out.
MONOLOGUE_OK_S = 40.0
CUT_IN_ANGRY_S = 20.0


class Cut(BaseModel):
    """Where the browser stopped a customer line (sent as JSON by the Practice tab's speech player)."""

    model_config = ConfigDict(extra="forbid")

    turn: int = Field(ge=0, description="index of the customer turn that was playing")
    part: int = Field(ge=0, description="the sentence playing, 0 for the line's first")
    at_s: float = Field(ge=0, description="seconds into that sentence")
    part_s: float = Field(gt=0, description="that sentence's length in seconds")
    heard_s: float = Field(ge=0, description="seconds of the whole line played")


def split_heard(text: str, cut: Cut) -> tuple[str, str]:
    """(heard, unheard) words of a customer line stopped at `cut`; the sentence playing is split by time."""
    sentences = split_sentences(text)
    if cut.part >= len(sentences):
        return text, ""
    words = sentences[cut.part].split()
    n = round(len(words) * min(cut.at_s / cut.part_s, 1.0))
    heard = " ".join([*sentences[:cut.part], *words[:n]])
    unheard = " ".join([*words[n:], *sentences[cut.part + 1:]])
    return heard, unheard


def as_heard(turn) -> str:
    """A turn as the trainee heard it: a customer line they spoke over ends, cut, where they came in."""
    unheard = (turn.model_extra or {}).get("unheard")
    if not unheard:
        return turn.text
    words = turn.text.split()
    return " ".join(words[:max(len(words) - len(unheard.split()), 0)]) + " —"


def cut_in_after_s(persona: Persona, frustration: int) -> float:
    """Seconds of the trainee talking before this customer, this upset, cuts in."""
    angry = min(1.0, frustration / (0.75 * persona.temperament.leave_at))
    return round(MONOLOGUE_OK_S - (MONOLOGUE_OK_S - CUT_IN_ANGRY_S) * angry, 1)
