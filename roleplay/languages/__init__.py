"""Language packs: the customer-side words of each language, one module per language.

A pack holds what the prompt says to the model (the scene, mood words, what each act
asks for) in the persona's language, written in the customer's first person so that
the model continues the customer's own voice, and what the trainee is told about it
(`why`, and the grader's tips, notes and hints in `tips`), and the web app's own words (`ui`).
`pack(lang)` loads one, checked: the English pack is the reference for `tips` and `ui`, so every
pack has each of their ids with the same placeholders.  A new language is one new module here.
"""

from __future__ import annotations

from string import Formatter

from pydantic import BaseModel, ConfigDict, ValidationInfo, model_validator

from . import found

# Everything a customer line can be asked to do: the persona's authored acts plus the ends.
DIRECTED = ("push", "insulted", "belittled", "blamed", "brushed_off", "bare_policy", "heard", "considering",
            "already_said", "repeat_question", "impatient", "still_there", "manager", "contradiction", "reveal", "answer",
            "objection", "accept", "leave", "upset", "calmer", "cut_in")
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
    acts: dict[str, str]  # act -> what the customer does next, first person ({fact} for reveal/answer/objection)
    moods: dict[str, str]
    thinking: str  # the label of a first-person stage direction
    # What a caller says at once while they think of the rest ("Hmm...", "Look..."), by mood ("upset",
    # "calmer"): a call's model line starts with one, so the trainee hears the customer at once instead
    # of seconds of silence.  A pack without them: the customer is silent until the line is ready.
    fillers: dict[str, list[str]] = {}
    decimal: str  # the decimal mark in the trainee's texts ("1.4 s", "1,4 s")
    why: dict[str, str]  # roleplay.why's words: a cause per rule, end_<cause>, told, wants, never
    tips: dict[str, str]  # the grader's and the hints' words for the trainee, by id, str.format placeholders
    ui: dict[str, str]  # the web app's own words (labels, headings, messages), by id, str.format placeholders

    @model_validator(mode="after")
    def _complete(self, info: ValidationInfo) -> "Pack":
        missing = ([a for a in DIRECTED if a not in self.acts] + [m for m in MOODS if m not in self.moods]
                   + [f"why.{w}" for w in WHY if w not in self.why])
        reference = (info.context or {}).get("reference")
        for section in ("tips", "ui") if reference is not None else ():
            ours, theirs = getattr(self, section), getattr(reference, section)
            missing += [f"{section}.{k}" for k in theirs if k not in ours]
            extra = [k for k in ours if k not in theirs]
            if extra:
                raise ValueError(f"language pack '{self.code}' has {section} that English lacks: {', '.join(extra)}")
            wrong = [k for k, text in theirs.items() if k in ours and placeholders(ours[k]) != placeholders(text)]
            if wrong:
                raise ValueError(f"language pack '{self.code}' has other placeholders than English in: "
                                 f"{', '.join(f'{section}.{k}' for k in wrong)}")
        if missing:
            raise ValueError(f"language pack '{self.code}' lacks: {', '.join(missing)}")
        return self


def placeholders(text: str) -> set[str]:
    """The str.format fields a text fills in ("{turn}", "{ratio:.0%}" -> turn, ratio)."""
    return {field for _, field, _, _ in Formatter().parse(text) if field is not None}


REFERENCE = "en"  # the pack whose tips and ui every other pack translates
_CACHE: dict[tuple, Pack] = {}


def codes() -> tuple[str, ...]:
    """Every language with a pack, English first."""
    return (REFERENCE, *(c for c in found.codes() if c != REFERENCE))


def pack(lang: str) -> Pack:
    key = (lang, found.packs().get(lang))  # by folder: a test's pack does not outlive its folder
    if key not in _CACHE:
        reference = None if lang == REFERENCE else pack(REFERENCE)
        _CACHE[key] = Pack.model_validate(found.module(lang).PACK, context={"reference": reference})
    return _CACHE[key]


class _Marked:
    """A fraction that formats with the language's decimal mark ("1,4 s")."""

    __slots__ = ("value", "mark")

    def __init__(self, value: float, mark: str):
        self.value, self.mark = value, mark

    def __format__(self, spec: str) -> str:
        return format(self.value, spec).replace(".", self.mark)


def say(lang: str, key: str, /, **values) -> str:
    """One of the trainee's texts (`tips`) in `lang`, filled in.

    Plain str.format: the grader fills in thousands of these a second (string.Formatter is pure Python).
    """
    p = pack(lang)
    if p.decimal != ".":
        values = {k: _Marked(v, p.decimal) if isinstance(v, float) else v for k, v in values.items()}
    return p.tips[key].format(**values)
