"""The persona: a simulated customer, written by trainers as a YAML file.

The pydantic model below is the contract; `roleplay personas schema` prints its
JSON Schema so editors can check and complete persona files.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from . import policy_phrases
from .languages import found
from .lexicon import any_language
from .patterns import catastrophic



def _language(code: str) -> str:
    if code not in found.codes():  # the packs found, so a new pack's language is a persona's at once
        known = [f"'{c}'" for c in found.codes()]
        raise ValueError(f"no language pack '{code}': should be {', '.join(known[:-1])} or {known[-1]}")
    return code


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
    text: str = Field(min_length=1, description="the fact in the customer's own words (first person)")
    label: str | None = Field(None, description="what it is called in the trainee's tips, in the persona's language "
                                               "('routermodellen'); default: the generic detail of that id, else the id")
    value: str | None = Field(None, description="literal value; once it appears in the conversation it counts as given")
    ask: list[Pattern] = Field(default_factory=list, description="patterns of the trainee asking for it")


class HiddenFact(Strict):
    """Something the customer reveals only when the trainee earns it."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    text: str = Field(min_length=1, description="what the customer says when it comes out, in their own words")
    topics: list[Pattern] = Field(default_factory=list, description="an open question on one of these earns it")
    unlock: Literal["open_question", "empathy", "either"] = Field(
        "either", description="an open question on a topic, real empathy, or either"
    )


class Objection(Strict):
    """A buyer's doubt, raised unprompted, one at a time: the next comes once the last was answered."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    text: str = Field(min_length=1, description="the doubt in the customer's own words (first person)")
    answered_by: list[str] = Field(min_length=1, description="ids of allowed policy items; an offer or mention "
                                                             "of any of them answers it")


class PolicyItem(Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    text: str = Field(min_length=1, description="plain words, shown on the trainee's policy sheet")
    examples: list[str] = Field(default_factory=list, description=(
        "how a trainee would say it, in the persona's language, one phrasing each ('I can refund the shipping', "
        "'we'll waive this month's fee'): matched by word stems in any order, with amounts ('$45', '3-5 days', "
        "'more than one month') checked as numbers"))
    unless: list[str] = Field(default_factory=list, description=(
        "phrasings that, said in the same clause, mean it is not this item ('a 20 % discount on a new machine' "
        "is no free machine)"))
    patterns: list[Pattern] = Field(default_factory=list, description="advanced, never needed: regular "
                                    "expressions matched as well as the examples")


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
    """Frustration points added when the trainee does this (a repeated offence costs more each time)."""

    rudeness: int = Field(25, ge=0, le=100, description="insults, mockery, swearing, 'calm down', shouting")
    dismissal: int = Field(15, ge=0, le=100, description="'not my problem', 'nothing I can do', hiding behind policy")
    blame: int = Field(15, ge=0, le=100, description="blaming the customer or colleagues")
    belittling: int = Field(15, ge=0, le=100, description="'it's only a toy', 'you'll survive': making light of the loss")
    sarcasm: int = Field(12, ge=0, le=100, description="'oh, great', 'congratulations': mocking in a friendly tone")
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
    resistance: int = Field(1, ge=1, le=5, description="times the customer pushes for the ask before settling (medium)")
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


class Ask(Strict):
    """What the customer asks for (often outside the policy), as opposed to what they would settle for."""

    text: str = Field(min_length=1, description="the ask in the customer's own words (first person)")
    item: str | None = Field(None, description="the forbidden policy item that grants the ask, if any")
    settle_when: list[Literal["heard", "reason", "pushed"]] = Field(
        default_factory=lambda: ["heard", "pushed"],
        description="what must have happened before an allowed offer meets a goal: the feeling acknowledged "
                    "(heard), a reason given for the no (reason), the ask pushed for `resistance` times (pushed)",
    )


# The acts a customer line can perform; `lines` holds authored variants per act.
ACTS = ("push", "insulted", "belittled", "blamed", "brushed_off", "bare_policy", "heard", "considering",
        "already_said", "repeat_question", "impatient", "still_there", "manager", "contradiction")


class Lines(Strict):
    """Authored lines in the customer's voice, per act and mood, with variants.

    They are what the customer says when the model's line fails the checks (or, for a language
    the model writes poorly, always), so a bank that covers every act carries a whole conversation.
    """

    upset: list[str] = Field(min_length=1, description="said while frustrated, when no act fits better")
    calmer: list[str] = Field(min_length=1, description="said once the trainee has helped")
    leaving: list[str] = Field(min_length=1, description="said when giving up")
    satisfied: list[str] = Field(min_length=1, description="said when the problem is solved")
    push: list[str] = Field(default_factory=list, description="pushing for the ask again after a no or a lesser offer")
    push_after: dict[str, list[str]] = Field(default_factory=dict, description="pushing for the ask again after one "
                                             "lesser offer, by its policy.allowed id (\"Forty-five dollars? I lost a "
                                             "day's fee.\"): said only once that offer was made")
    insulted: list[str] = Field(default_factory=list, description="reacting to rudeness or an insult")
    belittled: list[str] = Field(default_factory=list, description="reacting to the loss being made light of")
    blamed: list[str] = Field(default_factory=list, description="rejecting the blame")
    brushed_off: list[str] = Field(default_factory=list, description="refusing to be brushed off")
    bare_policy: list[str] = Field(default_factory=list, description="reacting to a bare policy answer, not heard")
    heard: list[str] = Field(default_factory=list, description="softening a little at real empathy")
    considering: list[str] = Field(default_factory=list, description="weighing a fair offer")
    already_said: list[str] = Field(default_factory=list, description="asked again for something already given")
    repeat_question: list[str] = Field(default_factory=list, description="the question the agent skipped, again")
    impatient: list[str] = Field(default_factory=list, description="a turn with nothing in it")
    still_there: list[str] = Field(default_factory=list, description="after a silence: is anyone there?")
    manager: list[str] = Field(default_factory=list, description="asking for a manager")
    contradiction: list[str] = Field(default_factory=list, description="calling out an offer taken back")
    fillers: list[str] = Field(default_factory=list, description="said at once in a call while thinking of the "
                               "rest (\"Oh dear...\"); without them, the language's for the mood")

    def for_act(self, act: str, offered: list[str] | tuple[str, ...] = ()) -> list[str]:
        """The variants for an act, or the mood lines that stand in for it.  A push also names the lesser offer last
        made (of those `offered`, in order) where there are lines for it; never an offer that was not made."""
        if act in ("upset", "calmer", "leaving", "satisfied"):
            return list(getattr(self, act))
        if act == "push":
            named = next((self.push_after[i] for i in reversed(offered) if i in self.push_after), [])
            if named or self.push:
                return [*named, *self.push]
        mood = {"accept": "satisfied", "leave": "leaving", "heard": "calmer", "considering": "calmer"}
        own = getattr(self, act, None) if act in ACTS else None
        return list(own or getattr(self, mood.get(act, "upset")))


class Expect(Strict):
    """A behaviour test: scripted trainee lines and what must happen (`roleplay personas test`)."""

    name: str = Field(min_length=1, pattern=r"^[a-z0-9_-]+$")
    script: list[str] = Field(min_length=1, description="the trainee's lines, in order")
    difficulty: Difficulty | None = None
    leaves: bool | None = Field(None, description="the customer leaves (true) or does not (false)")
    resolves: bool | None = Field(None, description="the conversation ends resolved (true) or not (false)")
    calms_by: int | None = Field(None, ge=1, le=100, description="frustration ends at least this far below the start")
    rises_by: int | None = Field(None, ge=1, le=100, description="frustration ends at least this far above the start")
    jump_at: dict[int, int] = Field(default_factory=dict, description="trainee line number (1-based) -> at least this rise at once")
    not_resolved_before: int | None = Field(None, ge=1, description="no resolution before this trainee line (1-based)")
    reveals: list[str] = Field(default_factory=list, description="hidden fact ids that must come out")
    pushes: int | None = Field(None, ge=0, description="the customer pushes for the ask at least this often")
    raises: list[str] = Field(default_factory=list, description="objection ids the customer must bring up")


class Persona(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)
    name: str = Field(min_length=1, max_length=80, description="the customer's name")
    language: Annotated[str, AfterValidator(_language)] = Field(description="a language pack's code")
    channel: Channel = Channel.both
    difficulty: Difficulty = Difficulty.medium
    sex: Literal["female", "male"] | None = Field(None, description="picks the voice")
    kind: Literal["service", "sales"] = "service"
    situation: str = Field(min_length=1, max_length=200, description="one line for the persona card")
    brief: str = Field(min_length=1, description="what the trainee reads before starting")
    background: str = Field(min_length=1, description="who I am and what happened, in the customer's own words "
                                                      "(first person: the model reads this as its own story)")
    goal: str = Field(min_length=1, description="what I want, in the customer's own words (first person)")
    opening_line: str = Field(min_length=1)
    openings: list[str] = Field(default_factory=list, description="other ways to open; the session's seed picks one")
    ask: Ask | None = Field(None, description="what the customer asks for, beyond what they would settle for")
    knows: list[Fact] = Field(default_factory=list)
    hidden_facts: list[HiddenFact] = Field(default_factory=list)
    objections: list[Objection] = Field(default_factory=list, description="doubts raised one at a time, in an "
                                        "order the session's seed varies; the customer settles only once all are answered")
    policy: Policy
    goals: list[Goal] = Field(default_factory=list, description="all met (with low frustration) means resolved")
    temperament: Temperament
    lines: Lines
    expect: list[Expect] = Field(default_factory=list, description="behaviour tests, run by `roleplay personas test`")

    @model_validator(mode="after")
    def _references(self) -> "Persona":
        allowed = {p.id for p in self.policy.allowed}
        if self.ask and self.ask.item and self.ask.item not in {p.id for p in self.policy.forbidden}:
            raise _located(("ask", "item"), f"ask.item '{self.ask.item}' is not a forbidden policy item")
        for field, ids, what in (("goals", "met_by", "goal '{}' is met by"),
                                 ("objections", "answered_by", "objection '{}' is answered by")):
            for i, x in enumerate(getattr(self, field)):
                unknown = [y for y in getattr(x, ids) if y not in allowed]
                if unknown:
                    raise _located((field, i, ids), f"{what.format(x.id)} unknown policy items: {', '.join(unknown)}"
                                   f" (allowed: {', '.join(sorted(allowed)) or 'none'})")
        unknown = [k for k in self.lines.push_after if k not in allowed]
        if unknown:
            raise _located(("lines", "push_after"), f"lines.push_after names unknown policy items: {', '.join(unknown)}"
                           f" (allowed: {', '.join(sorted(allowed)) or 'none'})")
        for kind in ("allowed", "forbidden"):
            for i, item in enumerate(getattr(self.policy, kind)):
                if not item.examples and not item.patterns:
                    raise _located(("policy", kind, i, "examples"), f"policy item '{item.id}' needs examples: "
                                   "how a trainee would say it")
                for field in ("examples", "unless"):
                    for j, example in enumerate(getattr(item, field)):
                        if not policy_phrases.says_something(example, self.language):
                            raise _located(("policy", kind, i, field, j), f"{example!r} of '{item.id}' has only "
                                           "words like 'I', 'can', 'the': say what is offered or claimed")
        for i, case in enumerate(self.expect):
            for field, pool in (("reveals", self.hidden_facts), ("raises", self.objections)):
                unknown = [x for x in getattr(case, field) if x not in {f.id for f in pool}]
                if unknown:
                    raise _located(("expect", i, field), f"case '{case.name}' {field} unknown ids: {', '.join(unknown)}")
        for loc, items in ((("knows",), self.knows), (("hidden_facts",), self.hidden_facts),
                           (("policy", "allowed"), self.policy.allowed), (("policy", "forbidden"), self.policy.forbidden),
                           (("goals",), self.goals), (("objections",), self.objections)):
            ids = [i.id for i in items]
            for n, i in enumerate(ids):
                if i in ids[:n]:
                    raise _located(loc + (n, "id"), f"duplicate ids in {'.'.join(loc)}: '{i}'")
        return self

    def opening(self, seed: int | None) -> str:
        """The opening line for a session: one of the variants, picked by the session's seed."""
        options = [self.opening_line, *self.openings]
        return options[seed % len(options)] if seed is not None else self.opening_line

    def warnings(self) -> list[str]:
        """What a valid persona still lacks for a customer who feels real (shown by `personas validate`)."""
        out = []
        missing = [a for a in ACTS if not getattr(self.lines, a)]
        if missing:
            out.append(f"lines: no authored lines for {', '.join(missing)}: the customer falls back on mood "
                       f"lines for these acts (add 2-3 variants each)")
        thin = [a for a in ACTS if len(getattr(self.lines, a)) == 1]
        if thin:
            out.append(f"lines: only one variant for {', '.join(thin)}: a second time it repeats")
        names = [n for n in self.name.split() if len(n) > 1]
        # "I'm Sam Carter" names the customer in their own voice: not the third person.
        own_name = any_language("own_name", r"(WORDS)\s*(\w+\s*)?$")
        for field, text in (("background", self.background), ("goal", self.goal),
                            *((f"hidden_facts.{f.id}", f.text) for f in self.hidden_facts),
                            *((f"objections.{o.id}", o.text) for o in self.objections)):
            if any(not own_name.search(text[:m.start()])
                   for n in names for m in re.finditer(rf"\b{re.escape(n)}\b", text)):
                out.append(f"{field}: names the customer in the third person; write it in their own words "
                           f"(first person), as the model continues it")
        if self.kind == "sales" and not self.objections:
            out.append("objections: a buyer with no doubts to raise; add the objections they bring up one at a time")
        out += policy_phrases.overlaps(self.policy.allowed, self.policy.forbidden, self.language)
        if self.ask is None:
            out.append("ask: the customer asks for nothing beyond what they would settle for")
        if not self.expect:
            out.append("expect: no behaviour tests (see `roleplay personas test`)")
        return out

    def speaks_voice(self) -> bool:
        return self.channel in (Channel.voice, Channel.both)


def json_schema() -> dict:
    schema = Persona.model_json_schema()
    schema["properties"]["language"]["enum"] = list(found.codes())  # known only once the packs are found
    return schema
