"""Whether a graded session clears an assignment's pass marks, and where a trainee stands on one.

Plain functions over scorecards (the contract's JSON form) and session rows: the Practice tab, the team
overview, the xAPI statements and the tests all read the same verdict.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone


@dataclass(frozen=True)
class Verdict:
    passed: bool
    reasons: list[str] = field(default_factory=list)  # why it failed; empty when it passed

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons) if self.reasons else "passed"


def verdict(scorecard: dict, pass_overall: float, pass_skills: dict[str, float] | None = None) -> Verdict:
    """Blockers fail it whatever the score; then the overall mark, then each skill's own mark."""
    reasons = [f"blocker: {b}" for b in scorecard.get("blockers") or []]
    overall = float(scorecard.get("overall") or 0)
    if overall < pass_overall:
        reasons.append(f"overall {overall:.0f} below the pass mark {pass_overall:.0f}")
    skills = scorecard.get("skills") or {}
    for skill, mark in sorted((pass_skills or {}).items()):
        score = skills.get(skill, {}).get("score")
        if score is None:
            reasons.append(f"{skill} not graded (pass mark {mark:.0f})")
        elif float(score) < mark:
            reasons.append(f"{skill} {float(score):.0f} below its pass mark {mark:.0f}")
    return Verdict(not reasons, reasons)


@dataclass(frozen=True)
class Standing:
    """One trainee on one assignment."""

    state: str  # not started, in progress, open, passed, failed
    attempts: int
    attempts_left: int | None  # None: no limit
    best: float | None  # best overall of the graded attempts
    reason: str  # the latest graded attempt's verdict, or why it is closed
    sessions: list[str]  # the attempts' session ids, oldest first

    @property
    def can_start(self) -> bool:
        return self.state in ("not started", "open", "in progress") and self.attempts_left != 0


def standing(pass_overall: float, pass_skills: dict[str, float] | None, max_attempts: int | None,
             due_at: datetime | None, sessions, now: datetime | None = None) -> Standing:
    """Where a trainee stands, from their attempts (session rows, any order).

    Passed once any graded attempt passes; failed when no attempt is left or the due date passed
    without a pass; an attempt still running or ungraded keeps it in progress.
    """
    now = now or datetime.now(timezone.utc)
    sessions = sorted(sessions, key=lambda r: r.created_at)
    graded = [r for r in sessions if r.scorecard]
    verdicts = [verdict(r.scorecard, pass_overall, pass_skills) for r in graded]
    left = None if max_attempts is None else max(0, max_attempts - len(sessions))
    best = max((float(r.scorecard.get("overall") or 0) for r in graded), default=None)
    ids = [r.id for r in sessions]
    reason = verdicts[-1].reason if verdicts else ""
    if any(v.passed for v in verdicts):
        return Standing("passed", len(sessions), left, best, "passed", ids)
    running = [r for r in sessions if not r.scorecard]
    if due_at is not None and now > due_at and not running:
        return Standing("failed", len(sessions), left, best, reason or "the due date passed", ids)
    if running:
        return Standing("in progress", len(sessions), left, best, reason, ids)
    if left == 0:
        return Standing("failed", len(sessions), left, best, reason or "no attempts left", ids)
    return Standing("open" if sessions else "not started", len(sessions), left, best, reason, ids)
