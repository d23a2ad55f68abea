"""Language packs: the customer-side words of each language, one module per language.

A pack holds what the prompt says to the model (the scene, mood words, what each act
asks for) in the persona's language, written in the customer's first person so that
the model continues the customer's own voice.  `pack(lang)` loads one, checked.
"""

from __future__ import annotations

from importlib import import_module

from pydantic import BaseModel, ConfigDict, model_validator

# Everything a customer line can be asked to do: the persona's authored acts plus the ends.
DIRECTED = ("push", "insulted", "belittled", "blamed", "brushed_off", "bare_policy", "heard", "considering",
            "already_said", "repeat_question", "impatient", "still_there", "manager", "contradiction", "reveal", "answer",
            "accept", "leave", "upset", "calmer", "cut_in")
MOODS = ("calm", "uneasy", "annoyed", "angry", "furious")
WHY = ("rudeness", "belittling", "sarcasm", "dismissal", "blame", "contradiction", "ignored_question",
       "repeated_request", "empathy", "apology", "open_question", "reflection", "ownership", "offer", "promise",
       "stalling", "trigger", "end_frustration", "end_patience", "end_silence", "end_goals", "end_trainee_ended",
       "told", "wants", "never")


class Pack(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str
    name: str  # the language's own name, for the prompt
    scene: str  # {channel} {name} {full_name}
    call: str
    chat: str
    wants: str  # {goal}
    knows: str  # {facts}
    acts: dict[str, str]  # act -> what the customer does next, first person ({fact} for reveal/answer)
    moods: dict[str, str]
    thinking: str  # the label of a first-person stage direction
    why: dict[str, str]  # roleplay.why's words: a cause per rule, end_<cause>, told, wants, never

    @model_validator(mode="after")
    def _complete(self) -> "Pack":
        missing = ([a for a in DIRECTED if a not in self.acts] + [m for m in MOODS if m not in self.moods]
                   + [f"why.{w}" for w in WHY if w not in self.why])
        if missing:
            raise ValueError(f"language pack '{self.code}' lacks: {', '.join(missing)}")
        return self


_CACHE: dict[str, Pack] = {}


def pack(lang: str) -> Pack:
    if lang not in _CACHE:
        _CACHE[lang] = Pack.model_validate(import_module(f"{__name__}.{lang}").PACK)
    return _CACHE[lang]
