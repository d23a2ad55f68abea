"""HTML for what the replay teaches: two attempts side by side, why the conversation ended and what
was never learned, human grades and comments.  Data comes from roleplay.attempts, roleplay.why and
roleplay.annotations; this only lays it out."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader

from ..attempts import Comparison

_lessons = Environment(loader=PackageLoader("roleplay.web", "templates"), autoescape=True).get_template(
    "lessons.html").module


def compare(c: Comparison | None) -> str:
    if c is None:
        return ""
    return str(_lessons.compare(c, sorted(c.skills.items())))


def ending(reason: str | None, missed: list[str]) -> str:
    return str(_lessons.ending(reason, missed)) if reason or missed else ""


def human_grades(grades: list[dict]) -> str:
    """Each human grade, marked as such (the AI's scorecard stays beside it)."""
    return str(_lessons.human_grades([{**g, "scores": sorted(g["scores"].items())} for g in grades]))
