"""Assignments: a trainer sets a persona (at a difficulty) for trainees or groups, with pass marks, a
maximum number of attempts and a due date.  A session started from one is linked to it and counts as
an attempt (roleplay.passmark says where each trainee stands).

Stored beside the sessions (same metadata, migration 0005); `AssignmentSpec` is what a front end hands in.
"""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator
from sqlalchemy import JSON, Float, ForeignKey, Integer, String, select
from sqlalchemy.orm import Mapped, mapped_column

from .accounts import check_group
from .database import UTCDateTime
from .passmark import Standing, standing
from .skills import ORDER
from .store import Base, SessionRow, Store, _now


class AssignmentError(ValueError):
    """An assignment cannot be made or started; the message says why."""


class AssignmentRow(Base):
    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    persona_id: Mapped[str] = mapped_column(String(64))
    difficulty: Mapped[str | None] = mapped_column(String(8))  # None: the persona's own
    trainees: Mapped[list] = mapped_column(JSON)  # user names
    groups: Mapped[list] = mapped_column(JSON)  # group names, resolved to members when read
    pass_overall: Mapped[float] = mapped_column(Float)
    pass_skills: Mapped[dict] = mapped_column(JSON)  # skill -> mark
    max_attempts: Mapped[int | None] = mapped_column(Integer)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)


class AssignmentSessionRow(Base):
    """A session started from an assignment: one attempt at it."""

    __tablename__ = "assignment_sessions"

    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"), index=True)


class AssignmentSpec(BaseModel):
    persona_id: str = Field(min_length=1)
    difficulty: Literal["easy", "medium", "hard"] | None = None
    trainees: list[str] = Field(default_factory=list)
    groups: list[str] = Field(default_factory=list)
    pass_overall: float = Field(60.0, ge=0, le=100)
    pass_skills: dict[str, float] = Field(default_factory=dict)
    max_attempts: int | None = Field(None, ge=1)
    due: date | None = None  # due at the end of that day (UTC)

    @field_validator("trainees", "groups")
    @classmethod
    def _names(cls, names: list[str]) -> list[str]:
        return sorted({n.strip() for n in names if n and n.strip()})

    @field_validator("pass_skills")
    @classmethod
    def _skills(cls, marks: dict[str, float]) -> dict[str, float]:
        unknown = sorted(set(marks) - set(ORDER))
        if unknown:
            raise ValueError(f"unknown skill {', '.join(unknown)}; skills are {', '.join(ORDER)}")
        bad = [k for k, v in marks.items() if not 0 <= v <= 100]
        if bad:
            raise ValueError(f"a pass mark is 0-100 ({', '.join(bad)})")
        return marks

    @model_validator(mode="after")
    def _someone(self) -> "AssignmentSpec":
        if not self.trainees and not self.groups:
            raise ValueError("assign it to at least one trainee or group")
        for g in self.groups:
            check_group(g)
        return self

    @property
    def due_at(self) -> datetime | None:
        return None if self.due is None else datetime.combine(self.due, time.max, tzinfo=timezone.utc)


def create(store: Store, spec: AssignmentSpec, created_by: str, persona_ids, known_users) -> int:
    """Store a new assignment; the persona and the trainees must exist (AssignmentError says which not)."""
    if spec.persona_id not in set(persona_ids):
        raise AssignmentError(f"no persona '{spec.persona_id}' in the library")
    unknown = sorted(set(spec.trainees) - set(known_users))
    if unknown:
        raise AssignmentError(f"no user {', '.join(unknown)}")
    with store._writes.begin() as db:
        row = AssignmentRow(persona_id=spec.persona_id, difficulty=spec.difficulty, trainees=spec.trainees,
                            groups=spec.groups, pass_overall=spec.pass_overall, pass_skills=spec.pass_skills,
                            max_attempts=spec.max_attempts, due_at=spec.due_at, created_by=created_by)
        db.add(row)
        db.flush()
        return row.id


def remove(store: Store, assignment_id: int) -> bool:
    """Delete an assignment; its sessions stay, no longer counted toward it."""
    with store._writes.begin() as db:
        row = db.get(AssignmentRow, assignment_id)
        if row is None:
            return False
        db.delete(row)
        return True


def get(store: Store, assignment_id: int) -> AssignmentRow | None:
    with store._sessions() as db:
        return db.get(AssignmentRow, assignment_id)


def all_assignments(store: Store) -> list[AssignmentRow]:
    with store._sessions() as db:
        return list(db.scalars(select(AssignmentRow).order_by(AssignmentRow.id)))


def assignees(row: AssignmentRow, groups: dict[str, list[str]]) -> list[str]:
    """The trainees it is for: those named, and the members of its groups now."""
    names = set(row.trainees)
    for g in row.groups:
        names.update(groups.get(g, []))
    return sorted(names)


def assigned_to(store: Store, trainee: str, groups: dict[str, list[str]]) -> list[AssignmentRow]:
    return [a for a in all_assignments(store) if trainee in assignees(a, groups)]


def link(store: Store, session_id: str, assignment_id: int) -> None:
    with store._writes.begin() as db:
        db.add(AssignmentSessionRow(session_id=session_id, assignment_id=assignment_id))


def attempts(store: Store, assignment_id: int | None = None) -> dict[int, list[SessionRow]]:
    """Each assignment's attempts (session rows), or one assignment's."""
    q = select(AssignmentSessionRow.assignment_id, SessionRow).join(
        SessionRow, SessionRow.id == AssignmentSessionRow.session_id)
    if assignment_id is not None:
        q = q.where(AssignmentSessionRow.assignment_id == assignment_id)
    out: dict[int, list[SessionRow]] = {}
    with store._sessions() as db:
        for aid, row in db.execute(q):
            out.setdefault(aid, []).append(row)
    return out


def assignment_of(store: Store, session_id: str) -> AssignmentRow | None:
    with store._sessions() as db:
        aid = db.scalar(select(AssignmentSessionRow.assignment_id).where(
            AssignmentSessionRow.session_id == session_id))
        return None if aid is None else db.get(AssignmentRow, aid)


def standing_of(row: AssignmentRow, trainee: str, sessions: list[SessionRow], now: datetime | None = None) -> Standing:
    """Where `trainee` stands on the assignment, from its attempts (anyone's: theirs are picked here)."""
    mine = [s for s in sessions if s.trainee == trainee]
    return standing(row.pass_overall, row.pass_skills, row.max_attempts, row.due_at, mine, now)


def check_start(row: AssignmentRow, trainee: str, sessions: list[SessionRow], groups: dict[str, list[str]]) -> None:
    """AssignmentError unless `trainee` may start another attempt now."""
    if trainee not in assignees(row, groups):
        raise AssignmentError("this assignment is not yours")
    s = standing_of(row, trainee, sessions)
    if s.state == "passed":
        raise AssignmentError("you have passed this assignment already")
    if not s.can_start:
        raise AssignmentError(f"this assignment is closed: {s.reason}")
