"""The team overview for trainers: trainees × skills (latest or best score, with a trend), where each
trainee stands on their assignments, and the personas whose customers most often leave.

Plain functions over stored rows, so the app's table, heat map and CSV show the same numbers.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from typing import Literal

from pydantic import BaseModel

from .passmark import Standing

TREND_STEP = 5.0  # points between the last two graded sessions that count as a move, not noise
OVERALL = "overall"


class Filters(BaseModel):
    group: str | None = None
    since: date | None = None
    until: date | None = None  # inclusive
    measure: Literal["latest", "best"] = "latest"

    def window(self) -> tuple[datetime | None, datetime | None]:
        lo = datetime.combine(self.since, time.min, tzinfo=timezone.utc) if self.since else None
        hi = datetime.combine(self.until, time.max, tzinfo=timezone.utc) if self.until else None
        return lo, hi


@dataclass
class Cell:
    score: float | None = None
    trend: str = ""  # ↑ ↓ → once there are two graded sessions; "" before
    sessions: list[str] = field(default_factory=list)  # the graded sessions behind it, newest first


@dataclass
class TraineeRow:
    trainee: str
    cells: dict[str, Cell]  # by skill, and "overall"
    assignments: Counter  # state -> how many of their assignments are in it

    @property
    def assignment_summary(self) -> str:
        order = ("passed", "failed", "in progress", "open", "not started")
        return ", ".join(f"{self.assignments[s]} {s}" for s in order if self.assignments[s])


@dataclass
class Overview:
    skills: list[str]
    rows: list[TraineeRow]
    leavers: list[tuple[str, int, int]]  # persona, sessions where the customer left, sessions

    def cell(self, trainee: str, column: str) -> Cell:
        row = next(r for r in self.rows if r.trainee == trainee)
        return row.cells[column]


def _trend(scores: list[float]) -> str:
    """From the last two scores, oldest first."""
    if len(scores) < 2:
        return ""
    move = scores[-1] - scores[-2]
    return "↑" if move >= TREND_STEP else "↓" if move <= -TREND_STEP else "→"


def _cell(graded: list, skill: str, measure: str) -> Cell:
    """graded: the trainee's graded sessions, oldest first."""
    points = []
    for r in graded:
        score = r.scorecard.get(OVERALL) if skill == OVERALL else (r.scorecard.get("skills") or {}).get(skill, {}).get("score")
        if score is not None:
            points.append((float(score), r.id))
    if not points:
        return Cell()
    scores = [p[0] for p in points]
    value = scores[-1] if measure == "latest" else max(scores)
    return Cell(round(value, 1), _trend(scores), [p[1] for p in reversed(points)])


def in_window(rows, filters: Filters) -> list:
    lo, hi = filters.window()
    return [r for r in rows if (lo is None or r.created_at >= lo) and (hi is None or r.created_at <= hi)]


def overview(sessions, trainees: list[str], skills: list[str], filters: Filters,
             standings: dict[str, list[Standing]] | None = None) -> Overview:
    """sessions: practice session rows (any order); trainees: who to show (a group's members, or all);
    standings: each trainee's standings on their assignments."""
    sessions = sorted(in_window(sessions, filters), key=lambda r: r.created_at)
    names = set(trainees)
    rows = []
    for name in sorted(names):
        graded = [r for r in sessions if r.trainee == name and r.scorecard]
        cells = {s: _cell(graded, s, filters.measure) for s in [*skills, OVERALL]}
        states = Counter(st.state for st in (standings or {}).get(name, []))
        rows.append(TraineeRow(name, cells, states))
    mine = [r for r in sessions if r.trainee in names and r.ended]
    left = Counter(r.persona_id for r in mine if r.end_reason == "customer_left")
    total = Counter(r.persona_id for r in mine)
    leavers = sorted(((p or "?", n, total[p]) for p, n in left.items()), key=lambda x: (-x[1], -x[1] / x[2], x[0]))
    return Overview(list(skills), rows, leavers)


def header(ov: Overview) -> list[str]:
    return ["trainee", *ov.skills, OVERALL, "assignments"]


def table(ov: Overview) -> list[list[str]]:
    """The rows as text: a score with its trend arrow, blank when never graded."""
    def text(c: Cell) -> str:
        return "" if c.score is None else f"{c.score:.0f} {c.trend}".strip()

    return [[r.trainee, *(text(r.cells[s]) for s in [*ov.skills, OVERALL]), r.assignment_summary] for r in ov.rows]


def to_csv(ov: Overview) -> str:
    """One row per trainee: each skill's score and trend, overall, assignments (numbers, not arrows' text)."""
    out = io.StringIO()
    w = csv.writer(out)
    cols = [*ov.skills, OVERALL]
    w.writerow(["trainee", *[x for s in cols for x in (s, f"{s}_trend")], "sessions", "assignments"])
    for r in ov.rows:
        cells = [x for s in cols for x in ("" if r.cells[s].score is None else f"{r.cells[s].score:.1f}",
                                          {"↑": "up", "↓": "down", "→": "flat"}.get(r.cells[s].trend, ""))]
        w.writerow([r.trainee, *cells, len(r.cells[OVERALL].sessions), r.assignment_summary])
    return out.getvalue()
