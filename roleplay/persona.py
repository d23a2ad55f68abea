"""The persona: a simulated customer, written by trainers as a YAML file.

The pydantic model below is the contract; `roleplay personas schema` prints its
JSON Schema so editors can check and complete persona files.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from .patterns import catastrophic

LANGUAGES = ("en", "sv", "fi")

def _compiles(p: str) -> str:
    try:
        re.compile(p)
    except re.error as e:
        raise ValueError(f"invalid pattern {p!r}: {e}") from None
    slow = catastrophic(p)  # it would run on every turn, stalling every session in the process
    if slow:
        raise ValueError(f"pattern {p!r} can take exponential time on some texts: it has {slow}; "
                         "match each word once instead") from None
    return p


Pattern = Annotated[
    str, Field(min_length=1, description="a case-insensitive regular expression"), AfterValidator(_compiles)
]


class Strict(BaseModel):
    # Unknown fields are typos in a trainer's file: reject them instead of ignoring them.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)



def _located(loc: tuple, message: str) -> ValidationError:
    """A validation error that points at a field, so the loader can name it and find its line."""
    return ValidationError.from_exception_data(
        "Persona", [{"type": "value_error", "loc": loc, "input": None, "ctx": {"error": ValueError(message)}}]
    )


class Channel(str, Enum):
    chat = "chat"
    voice = "voice"
    both = "both"


class Difficulty(str, Enum):
    easy = "easy"
    medium = "medium"
    hard = "hard"


class Fact(Strict):
    """Something the customer knows and gives freely when asked (an order number, a date)."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    text: str = Field(min_length=1, description="the fact in the customer's words")
    value: str | None = Field(None, description="literal value; once it appears in the conversation it counts as given")
    ask: list[Pattern] = Field(default_factory=list, description="patterns of the trainee asking for it")


class HiddenFact(Strict):
    """Something the customer reveals only when the trainee earns it."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    text: str = Field(min_length=1, description="what the customer says when it comes out")
    topics: list[Pattern] = Field(default_factory=list, description="an open question on one of these earns it")
    unlock: Literal["open_question", "empathy", "either"] = Field(
        "either", description="an open question on a topic, real empathy, or either"
    )


class PolicyItem(Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    text: str = Field(min_length=1, description="plain words, shown on the trainee's policy sheet")
    patterns: list[Pattern] = Field(min_length=1, description="how an offer or claim of it reads in the conversation")


class Policy(Strict):
    """The company policy sheet: what the trainee may offer and what not. Evaluators check claims against it."""

    summary: str = Field(min_length=1, description="the sheet the trainee may read")
    allowed: list[PolicyItem] = Field(default_factory=list, description="offers the trainee may make")
    forbidden: list[PolicyItem] = Field(
        default_factory=list, description="promises or claims outside the policy; making one is a blocker"
    )


class Goal(Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    text: str = Field(min_length=1)
    met_by: list[str] = Field(min_length=1, description="ids of allowed policy items, any of which meets this goal")


class Trigger(Strict):
    """A persona-specific reaction: words that raise (positive delta) or lower (negative) frustration."""

    patterns: list[Pattern] = Field(min_length=1)
    delta: int = Field(ge=-50, le=50)
    note: str = ""


class Raises(Strict):
    """Frustration points added when the trainee does this."""

    rudeness: int = Field(25, ge=0, le=100, description="insults, mockery, swearing, 'calm down', shouting")
    dismissal: int = Field(15, ge=0, le=100, description="'not my problem', 'nothing I can do', hiding behind policy")
    blame: int = Field(15, ge=0, le=100, description="blaming the customer or colleagues")
    ignored_question: int = Field(8, ge=0, le=100, description="a question of the customer left unanswered")
    repeated_request: int = Field(8, ge=0, le=100, description="asking again for something already given")
    stalling: int = Field(4, ge=0, le=100, description="a turn with nothing in it for the customer")


class Lowers(Strict):
    """Frustration points taken away when the trainee does this."""

    empathy: int = Field(10, ge=0, le=100, description="names and acknowledges the feeling (first time counts most)")
    apology: int = Field(4, ge=0, le=100)
    open_question: int = Field(4, ge=0, le=100)
    reflection: int = Field(6, ge=0, le=100, description="says back what the customer said, in substance")
    ownership: int = Field(6, ge=0, le=100, description="takes responsibility, commits to a next step")
    offer: int = Field(15, ge=0, le=100, description="an offer inside the policy")


class Temperament(Strict):
    start_frustration: int = Field(ge=0, le=100, description="0 calm … 100 furious")
    leave_at: int = Field(90, ge=1, le=100, description="at or above this the customer gives up and leaves")
    satisfied_at: int = Field(35, ge=0, le=100, description="at or below this, with the goals met, the customer is satisfied")
    patience_turns: int = Field(14, ge=1, le=100, description="trainee turns before the customer gives up unresolved")
    raises: Raises = Field(default_factory=Raises)
    lowers: Lowers = Field(default_factory=Lowers)
    triggers: list[Trigger] = Field(default_factory=list)

    @model_validator(mode="after")
    def _order(self) -> "Temperament":
        if self.satisfied_at >= self.leave_at:
            raise ValueError(f"satisfied_at ({self.satisfied_at}) must be below leave_at ({self.leave_at})")
        if self.start_frustration >= self.leave_at:
            raise ValueError(f"start_frustration ({self.start_frustration}) must be below leave_at ({self.leave_at})")
        return self


class Lines(Strict):
    """Example lines in the customer's voice; also the fallback when the model's line fails the guard."""

    upset: list[str] = Field(min_length=1, description="said while frustrated")
    calmer: list[str] = Field(min_length=1, description="said once the trainee has helped")
    leaving: list[str] = Field(min_length=1, description="said when giving up")
    satisfied: list[str] = Field(min_length=1, description="said when the problem is solved")


class Persona(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)
    name: str = Field(min_length=1, max_length=80, description="the customer's name")
    language: Literal["en", "sv", "fi"]
    channel: Channel = Channel.both
    difficulty: Difficulty = Difficulty.medium
    sex: Literal["female", "male"] | None = Field(None, description="picks the voice")
    kind: Literal["service", "sales"] = "service"
    situation: str = Field(min_length=1, max_length=200, description="one line for the persona card")
    brief: str = Field(min_length=1, description="what the trainee reads before starting")
    background: str = Field(min_length=1, description="who the customer is and what happened (the model reads this)")
    goal: str = Field(min_length=1, description="what the customer wants, in plain words")
    opening_line: str = Field(min_length=1)
    knows: list[Fact] = Field(default_factory=list)
    hidden_facts: list[HiddenFact] = Field(default_factory=list)
    policy: Policy
    goals: list[Goal] = Field(default_factory=list, description="all met (with low frustration) means resolved")
    temperament: Temperament
    lines: Lines

    @model_validator(mode="after")
    def _references(self) -> "Persona":
        allowed = {p.id for p in self.policy.allowed}
        for i, g in enumerate(self.goals):
            unknown = [x for x in g.met_by if x not in allowed]
            if unknown:
                raise _located(("goals", i, "met_by"), f"goal '{g.id}' is met by unknown policy items: {', '.join(unknown)}"
                               f" (allowed: {', '.join(sorted(allowed)) or 'none'})")
        for loc, items in ((("knows",), self.knows), (("hidden_facts",), self.hidden_facts),
                           (("policy", "allowed"), self.policy.allowed), (("policy", "forbidden"), self.policy.forbidden),
                           (("goals",), self.goals)):
            ids = [i.id for i in items]
            for n, i in enumerate(ids):
                if i in ids[:n]:
                    raise _located(loc + (n, "id"), f"duplicate ids in {'.'.join(loc)}: '{i}'")
        return self

    def speaks_voice(self) -> bool:
        return self.channel in (Channel.voice, Channel.both)


def json_schema() -> dict:
    return Persona.model_json_schema()
