"""The scorecard: what a grader hands back (pydantic), and its JSON form.

The JSON form follows ../shared/contracts/scorecard.schema.json: `overall`,
`skills` (listening, honesty, calm required; empathy and resolution added when
graded; the registry in roleplay.skills lists them), `blockers`, plus extra keys the contract allows (passed, rubric_version,
grader, model, language, persona, notes, weights, judge).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from roleplay.skills import CORE as CORE_SKILLS
from roleplay.skills import ORDER as SKILLS

__all__ = ["CORE_SKILLS", "SKILLS", "Evidence", "SkillScore", "Scorecard", "turn_no", "turn_index"]


class Evidence(BaseModel):
    turn: int = Field(ge=0, description="index into transcript.turns")
    quote: str = Field(description="verbatim text from that turn")
    note: str
    effect: Literal["+", "-"]


# Evidence keeps the contract's 0-based index; text for people numbers turns from 1, as the app's transcript does.
def turn_no(index: int) -> int:
    """The number a person sees for turns[index]."""
    return index + 1


def turn_index(no: int) -> int:
    """The index into turns for a turn number given as a person sees it (the judge answers in those)."""
    return no - 1


class SkillScore(BaseModel):
    score: float = Field(ge=0, le=100)
    evidence: list[Evidence] = Field(default_factory=list)
    tips: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="how this score was reached, caveats")
    metrics: dict[str, Any] | None = Field(None, description="measured numbers, e.g. voice timing for listening")
    judge: dict[str, Any] | None = Field(None, description="the model judge's view and what was kept of it")


class Scorecard(BaseModel):
    overall: float = Field(ge=0, le=100)
    skills: dict[str, SkillScore]
    blockers: list[str] = Field(default_factory=list)
    blocker_evidence: list[Evidence] = Field(default_factory=list)
    passed: bool
    rubric_version: str
    grader: str = Field(description="'deterministic' or 'deterministic+judge'")
    model: str | None = Field(None, description="the judge model, when one was used")
    language: str = "en"
    persona: str | None = None
    band: str = ""
    notes: list[str] = Field(default_factory=list)
    weights: dict[str, float] = Field(default_factory=dict)
    judge: dict[str, Any] | None = Field(None, description="the model judge: model, ok/error, quotes kept and dropped")

    def to_json(self) -> dict:
        """The contract's JSON form (plain types only)."""
        data = self.model_dump(mode="json")
        if data.get("judge") is None:
            data.pop("judge", None)
        for skill in data["skills"].values():
            for key in ("metrics", "judge"):
                if skill.get(key) is None:
                    skill.pop(key, None)
        return data

    @property
    def core(self) -> dict[str, float]:
        return {k: self.skills[k].score for k in CORE_SKILLS if k in self.skills}
