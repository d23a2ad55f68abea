"""Two attempts at one moment side by side: a session and its fork, from the turn the fork redoes."""

from __future__ import annotations

from pydantic import BaseModel

from . import why
from .persona import Persona
from .state import CustomerState
from .store import SessionRow


class Attempt(BaseModel):
    session: str
    reply: str | None  # the trainee's answer at the fork point (None: not given yet)
    reaction: str | None  # the customer's line to it
    frustration: int | None
    causes: list[str]
    overall: float | None


class SkillChange(BaseModel):
    before: float
    after: float
    change: float


class Comparison(BaseModel):
    at: int  # the index of the trainee turn redone
    first: Attempt  # the parent's
    redo: Attempt  # the fork's
    skills: dict[str, SkillChange]  # only when both are graded


def _attempt(row: SessionRow, at: int, persona: Persona | None) -> Attempt:
    turns = row.turns
    reply = turns[at].text if at < len(turns) and turns[at].speaker == "trainee" else None
    answer = turns[at + 1] if reply is not None and at + 1 < len(turns) else None
    stored = (answer.meta or {}).get("state") if answer is not None else None
    causes = why.reaction(CustomerState.model_validate(stored), persona).lines() if stored else []
    return Attempt(session=row.id, reply=reply, reaction=answer.text if answer else None,
                   frustration=answer.frustration if answer else None, causes=causes, overall=row.overall)


def _scores(row: SessionRow) -> dict[str, float]:
    return {k: float(v.get("score", 0)) for k, v in ((row.scorecard or {}).get("skills") or {}).items()}


def compare(parent: SessionRow, fork: SessionRow, persona: Persona | None) -> Comparison:
    at = fork.fork_at or 0
    before, after = _scores(parent), _scores(fork)
    skills = {k: SkillChange(before=before[k], after=after[k], change=round(after[k] - before[k], 1))
              for k in before if k in after}
    return Comparison(at=at, first=_attempt(parent, at, persona), redo=_attempt(fork, at, persona), skills=skills)
