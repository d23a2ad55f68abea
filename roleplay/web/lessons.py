"""HTML for what the replay teaches: two attempts side by side, why the conversation ended and what
was never learned, human grades and comments.  Data comes from roleplay.attempts, roleplay.why and
roleplay.annotations (in the session's language); this only lays it out, its own words in the
interface's language `lang`."""

from __future__ import annotations

from .. import why
from ..attempts import Comparison
from ..persona import Persona
from ..state import CustomerState
from ..store import SessionRow
from .i18n import words
from .markup import templates
from .scorecard import skill_name

_lessons = templates.get_template("lessons.html").module


def compare(c: Comparison | None, lang: str = "en") -> str:
    if c is None:
        return ""
    skills = [(skill_name(name, lang), s) for name, s in sorted(c.skills.items())]
    return str(_lessons.compare(c, skills, words(lang)))


def why_by_turn(row: SessionRow, persona: Persona | None) -> dict[int, list[str]]:
    """What moved the customer, for each customer turn of a stored session."""
    return {i: r.lines() for i, r in why.reactions(row.turns, persona).items()}


def live_why(state: CustomerState, persona: Persona | None, lang: str = "en") -> str:
    """During practice: what moved the customer on their last line."""
    lines = why.reaction(state, persona).lines()
    return str(_lessons.live(lines, words(lang))) if lines else ""


def ending(row: SessionRow, persona: Persona | None, lang: str = "en") -> str:
    """Why the conversation ended and, once graded, the hidden facts never uncovered."""
    if not row.state:
        return ""
    state = CustomerState.model_validate(row.state)
    reason = why.ending(state, persona)
    missed = why.missed(state, persona) if row.scorecard else []
    return str(_lessons.ending(reason, missed, words(lang))) if reason or missed else ""


def human_grades(grades: list[dict], lang: str = "en") -> str:
    """Each human grade, marked as such (the AI's scorecard stays beside it)."""
    return str(_lessons.human_grades([{**g, "scores": [(skill_name(k, lang), v) for k, v in sorted(g["scores"].items())]}
                                      for g in grades], words(lang)))
