"""HTML for what the replay teaches: two attempts side by side, why the conversation ended and what
was never learned, human grades and comments.  Data comes from roleplay.attempts, roleplay.why and
roleplay.annotations; this only lays it out."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader

from .. import why
from ..attempts import Comparison
from ..persona import Persona
from ..state import CustomerState
from ..store import SessionRow

_lessons = Environment(loader=PackageLoader("roleplay.web", "templates"), autoescape=True).get_template(
    "lessons.html").module


def compare(c: Comparison | None) -> str:
    if c is None:
        return ""
    return str(_lessons.compare(c, sorted(c.skills.items())))


def why_by_turn(row: SessionRow, persona: Persona | None) -> dict[int, list[str]]:
    """What moved the customer, for each customer turn of a stored session."""
    return {i: r.lines() for i, r in why.reactions(row.turns, persona).items()}


def live_why(state: CustomerState, persona: Persona | None) -> str:
    """During practice: what moved the customer on their last line."""
    lines = why.reaction(state, persona).lines()
    return str(_lessons.live(lines)) if lines else ""


def ending(row: SessionRow, persona: Persona | None) -> str:
    """Why the conversation ended and, once graded, the hidden facts never uncovered."""
    if not row.state:
        return ""
    state = CustomerState.model_validate(row.state)
    reason = why.ending(state, persona)
    missed = why.missed(state, persona) if row.scorecard else []
    return str(_lessons.ending(reason, missed)) if reason or missed else ""


def human_grades(grades: list[dict]) -> str:
    """Each human grade, marked as such (the AI's scorecard stays beside it)."""
    return str(_lessons.human_grades([{**g, "scores": sorted(g["scores"].items())} for g in grades]))
