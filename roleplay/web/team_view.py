"""HTML for assignments and the team overview (templates/team.html, autoescaped)."""

from __future__ import annotations

from ..overview import OVERALL, Overview
from .i18n import words
from .markup import score_colour, templates

_team = templates.get_template("team.html").module


def _marks(a) -> str:
    skills = ", ".join(f"{k} {v:.0f}" for k, v in sorted(a.pass_skills.items()))
    return f"{a.pass_overall:.0f}" + (f" ({skills})" if skills else "")


def my_assignments(items, persona_names: dict[str, str], lang: str = "en") -> str:
    """items: (assignment row, standing) pairs; the table's words in the interface's language `lang`."""
    w = words(lang)
    shown = [{"id": a.id, "customer": persona_names.get(a.persona_id, a.persona_id),
              "difficulty": w(f"difficulty.{a.difficulty}") if a.difficulty else w("mine.as_written"),
              "marks": _marks(a), "due": a.due_at.strftime("%Y-%m-%d") if a.due_at else "—",
              "left": w("mine.no_limit") if s.attempts_left is None else s.attempts_left,
              "best": "—" if s.best is None else f"{s.best:.0f}", "state": s.state,
              "state_name": w(f"mine.state.{s.state.replace(' ', '_')}"), "reason": s.reason}
             for a, s in items]
    return str(_team.my_assignments(shown, w))


def heatmap(ov: Overview) -> str:
    columns = [*ov.skills, OVERALL]
    rows = []
    for r in ov.rows:
        cells = []
        for c in columns:
            cell = r.cells[c]
            colour = "transparent" if cell.score is None else score_colour(cell.score) + "55"
            text = "" if cell.score is None else f"{cell.score:.0f} {cell.trend}".strip()
            cells.append({"skill": c, "colour": colour, "text": text, "sessions": len(cell.sessions)})
        rows.append({"trainee": r.trainee, "cells": cells, "assignments": r.assignment_summary})
    return str(_team.heatmap(columns, rows, ov.leavers))

