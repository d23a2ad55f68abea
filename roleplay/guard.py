"""The line guard: a customer line is checked before anyone sees or hears it.

Small models drift out of role.  The guard judges what a line *does* (offers
help, asks the agent's questions, apologises for the company, talks about the
reply or the task, speaks another language) rather than matching a handful of
phrases, and says why it failed so the caller can regenerate or fall back.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from pydantic import BaseModel

from . import spelling
from .language_id import identify
from .languages import found
from .languages.lexicon import lexicon
from .lexicon import capitals, of, signals
from .matching import rx
from .prefilter import FLAGS


def role_breaks(language: str) -> dict[str, list[str]]:
    """What leaves the customer's role, by kind: the pack's own and English's, and the role-play talk of every pack."""
    return _role_breaks(language, found.setting())


@lru_cache(maxsize=None)
def _role_breaks(language: str, setting: str) -> dict[str, list[str]]:
    own, english = of(language).role_breaks, lexicon("en").role_breaks
    kinds = {kind: [*own.get(kind, []), *(english[kind] if language != "en" else [])] for kind in english}
    # A model that leaves the scene often leaves the language too: the role-play talk of any language counts.
    kinds["talks_about_the_task"] = [p for code in found.codes() for p in lexicon(code).task_talk]
    return kinds


@lru_cache(maxsize=None)
def _self_intro(setting: str) -> re.Pattern:
    """What comes before one's own name, in any language ("my name is", "jag heter")."""
    words = "|".join(w for code in found.codes() for w in lexicon(code).self_intro)
    return re.compile(rf"({words})\s*$", FLAGS)


# The transcript's label used as a name ("Thank you, Agent."): the model has seen the script, not a person.
_LABEL = re.compile(r"(,\s*Agent\b|\bAgent\s*[,.!?])")
_PREFIX = r"^\s*[\"'“]?\s*[CAPITALS][\w .'-]{0,30}?\s*(\([^)]{0,30}\))?\s*:\s"
_STAGE = re.compile(r"[\[\]{}]|\((?:angr|calm|annoy|furious|upset|sigh|pause|laugh)\w*\)|^\s*\*|\*\w[^*]{0,40}\*", FLAGS)


class Verdict(BaseModel):
    ok: bool
    reasons: list[str]


def wrong_language(text: str, expected: str) -> str | None:
    """The language the line is in, if it clearly is not the expected one (short lines give no verdict)."""
    letters = re.sub(r"[^\w]", "", text)
    if len(letters) < 15:
        return None
    lang, prob = identify(text)
    if lang == expected:
        return None
    # Norwegian and Danish read like Swedish to the identifier (the pack's LOOKALIKES): only call it when confident.
    if lang in of(expected).lookalikes:
        return None
    return lang if prob >= 0.9 else None


def _said_before(text: str, earlier: list[str]) -> bool:
    """A short sentence of three words or more said again word for word ("Can we get out?" twice)."""
    words = re.findall(r"\w+", text.lower())
    return len(words) >= 3 and any(re.findall(r"\w+", e.lower()) == words for e in earlier)


def _repeats(text: str, earlier: list[str], above: float = 0.8) -> bool:
    """Whether `text` is nearly one of the earlier lines.

    The matcher indexes `text` once, and the cheap upper bounds rule most lines out
    before the full comparison: this runs on every sentence of every reply.
    """
    m = difflib.SequenceMatcher(None, b=text.lower())
    for e in earlier:
        m.set_seq1(e.lower())
        if m.real_quick_ratio() > above and m.quick_ratio() > above and m.ratio() > above:
            return True
    return False


def _ngrams(text: str, n: int = 6) -> set[tuple[str, ...]]:
    ws = re.findall(r"\w+", text.lower())
    return {tuple(ws[i:i + n]) for i in range(len(ws) - n + 1)}


def copies(text: str, sources: list[str], n: int = 6) -> bool:
    """Whether `text` takes a run of `n` words verbatim from one of `sources` (a sheet read aloud)."""
    mine = _ngrams(text, n)
    return bool(mine) and any(mine & _ngrams(src, n) for src in sources)


def _cue(kind: str, language: str, text: str) -> bool:
    return any(rx(p).search(text) for p in signals(language).get(kind, []))


# Acts in which the customer still wants something: taking a deal or giving up is the state's to decide, not the
# line's ("I guess I'll just have to wait" after "That's our policy" is a customer who stopped wanting anything).
PRESSING = frozenset({"push", "insulted", "belittled", "blamed", "brushed_off", "bare_policy", "manager",
                      "contradiction", "already_said", "repeat_question", "impatient", "upset", "cut_in"})


def stance(line: str, language: str, act: str | None) -> str | None:
    """A line that says two things at once, ends a conversation the state has not ended, or settles while the
    customer still presses."""
    leaving = _cue("leaving", language, line) or _cue("goodbye", language, line)
    accepting = any(rx(p).search(line) for p in of(language).accept)  # a deal taken, not a polite "thanks"
    if act == "accept":
        return "contradicts_itself" if _cue("leaving", language, line) and not _cue("goodbye", language, line) else None
    if leaving and accepting:
        return "contradicts_itself"
    if act == "leave":
        return "contradicts_itself" if accepting else None
    if leaving:
        return "leaves_early"  # only the state ends a conversation
    if act in PRESSING and (accepting or any(rx(p).search(line) for p in of(language).give_in)):
        return "gives_in_early"
    return None


def check(line: str, language: str = "en", name: str | None = None, trainee_said: str | None = None,
          earlier: list[str] | None = None, *, act: str | None = None, sheet: list[str] | None = None,
          allowed_words: frozenset[str] = frozenset()) -> Verdict:
    """Judge a candidate customer line; `ok` only if no reason was found.

    `earlier` holds the customer's previous sentences (of this line too): saying one again is a
    drift, not a reply.  `act` is what the line should do (a line that leaves when the act is
    not to leave fails); `sheet` holds the texts the customer must never read aloud (the brief,
    the policy, the stage direction); `allowed_words` the names and words of the persona's own
    material that a spell checker may not know.
    """
    reasons: list[str] = []
    text = line.strip()
    if not re.search(r"\w", text):
        return Verdict(ok=False, reasons=["empty"])
    if capitals(_PREFIX).match(text) or (name and re.match(rf"^\s*{re.escape(name.split()[0])}\b[^:]{{0,30}}:", text)):
        reasons.append("speaker_prefix")
    if _STAGE.search(text):
        reasons.append("stage_direction")
    if _LABEL.search(text):
        reasons.append("speaker_label")
    for kind, patterns in role_breaks(language).items():
        if any(rx(p).search(text) for p in patterns):
            reasons.append(kind)
    other = wrong_language(text, language)
    if other:
        reasons.append(f"language:{other}")
    # The agent's line said back, whole or a run of six words of it ("I'm sorry about this, it sounds like a
    # very frustrating week. Let me check the order…" answered with the same words but the first).
    if trainee_said and len(trainee_said) > 20 and (trainee_said.strip().lower() in text.lower()
                                                    or copies(text, [trainee_said])):
        reasons.append("echoes_agent")
    if name:
        # "Sam is upset because…" is the model narrating the scene instead of speaking in it.
        # The first name or the whole name; a surname alone is often also a firm's name ("Ortega Print").
        names = "|".join(re.escape(n) for n in (name, name.split()[0]))
        for m in re.finditer(rf"\b({names})\b", text):
            if not _self_intro(found.setting()).search(text[:m.start()]):
                reasons.append("narrates_self")
                break
    if (len(text) > 25 and _repeats(text, earlier or [])) or _said_before(text, earlier or []):
        reasons.append("repeats_itself")
    if sheet and copies(text, sheet):
        reasons.append("reads_sheet")
    contradiction = stance(text, language, act)
    if contradiction:
        reasons.append(contradiction)
    bad = spelling.unknown_words(text, language, allowed_words)  # None where the pack names no checker
    if bad:
        reasons.append("misspelt:" + ",".join(bad[:3]))
    return Verdict(ok=not reasons, reasons=reasons)
