"""HTML and tables for assignments and the team overview (templates/team.html, autoescaped), their
words in the interface's language `lang`; skills and states stay ids in the page's attributes."""

from __future__ import annotations

from .. import overview
from ..overview import OVERALL, Overview
from .i18n import words
from .markup import score_colour, templates
from .scorecard import skill_name

_team = templates.get_template("team.html").module
STATES = ("passed", "failed", "in progress", "open", "not started")  # the summary's order (overview's)


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


def column_name(column: str, lang: str = "en") -> str:
    """An overview column's heading: a skill's name, overall, trainee or assignments."""
    w = words(lang)
    fixed = {"trainee": w("transcript.trainee"), OVERALL: w("score.overall"), "assignments": w("team.assignments")}
    return fixed.get(column) or skill_name(column, lang)


def assignment_summary(row: overview.TraineeRow, lang: str = "en") -> str:
    """"2 passed, 1 open" in the interface's language (overview's own summary is English, for the CSV)."""
    w = words(lang)
    return ", ".join(f"{row.assignments[s]} {w('mine.state.' + s.replace(' ', '_'))}" for s in STATES
                     if row.assignments[s])


def overview_table(ov: Overview, lang: str = "en") -> dict:
    """The overview for a gr.Dataframe: headings and rows (the scores as overview.table writes them)."""
    rows = [[*cells[:-1], assignment_summary(r, lang)] for cells, r in zip(overview.table(ov), ov.rows)]
    return {"headers": [column_name(c, lang) for c in overview.header(ov)], "data": rows}


def heatmap(ov: Overview, lang: str = "en") -> str:
    columns = [*ov.skills, OVERALL]
    rows = []
    for r in ov.rows:
        cells = []
        for c in columns:
            cell = r.cells[c]
            colour = "transparent" if cell.score is None else score_colour(cell.score) + "55"
            text = "" if cell.score is None else f"{cell.score:.0f} {cell.trend}".strip()
            cells.append({"skill": c, "colour": colour, "text": text, "sessions": len(cell.sessions)})
        rows.append({"trainee": r.trainee, "cells": cells, "assignments": assignment_summary(r, lang)})
    return str(_team.heatmap([(c, column_name(c, lang)) for c in columns], rows, ov.leavers, words(lang)))
