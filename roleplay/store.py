"""The session store: every turn is committed before it is shown.

SQLAlchemy over an embedded SQLite file (WAL mode) by default, or PostgreSQL: another database is
only another URL (ROLEPLAY_DB_URL; see database.py).  The schema comes from migrations/, brought up
to date when the store opens.
"""

from __future__ import annotations

import copy
import json
import uuid
from datetime import datetime, timezone

from sqlalchemy import (JSON, Boolean, Float, ForeignKey, Integer, String, Text, UniqueConstraint, false, func,
                        select)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, sessionmaker

from .database import UTCDateTime, default_url, for_writing
from .migrations import open_database
from .transcript import Transcript, Turn


def _now() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


class SessionRow(Base):
    __tablename__ = "sessions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    trainee: Mapped[str] = mapped_column(String(120), index=True)
    persona_id: Mapped[str | None] = mapped_column(String(64), index=True)
    channel: Mapped[str] = mapped_column(String(8))
    language: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now, onupdate=_now)
    ended: Mapped[bool] = mapped_column(Boolean, default=False)
    end_reason: Mapped[str | None] = mapped_column(String(20))
    state: Mapped[dict | None] = mapped_column(JSON)  # the customer's state after the last turn
    scorecard: Mapped[dict | None] = mapped_column(JSON)
    overall: Mapped[float | None] = mapped_column(Float, index=True)
    # A simulation or a persona's test run, not practice: never in a trainee's list or progress.
    test_run: Mapped[bool] = mapped_column(Boolean, server_default=false())  # filled in by the database
    # The persona as practised (its JSON dump) and the rubric of the day: a later edit or deletion of the
    # persona leaves the session replayable and gradable as it was (migration 0004).
    persona: Mapped[dict | None] = mapped_column(JSON)
    rubric_version: Mapped[str | None] = mapped_column(String(40))
    parent_id: Mapped[str | None] = mapped_column(String(36), index=True)  # a fork: the session it redoes
    fork_at: Mapped[int | None] = mapped_column(Integer)  # the parent's trainee turn it redoes
    turns: Mapped[list["TurnRow"]] = relationship(back_populates="session", order_by="TurnRow.idx",
                                                  cascade="all, delete-orphan")


class TurnRow(Base):
    __tablename__ = "turns"
    # Also the index for every lookup by session (migration 0002).
    __table_args__ = (UniqueConstraint("session_id", "idx", name="uq_turns_session_id_idx"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    idx: Mapped[int] = mapped_column(Integer)
    speaker: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[float | None] = mapped_column(Float)
    end: Mapped[float | None] = mapped_column(Float)
    frustration: Mapped[int | None] = mapped_column(Integer)
    audio: Mapped[str | None] = mapped_column(String(500))  # path of the turn's recording or speech
    meta: Mapped[dict | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    session: Mapped[SessionRow] = relationship(back_populates="turns")


class AnnotationRow(Base):
    """What people (and hints) attach to a session: a human grade, a turn comment or its reply, a hint used."""

    __tablename__ = "annotations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # grade, comment, reply, hint
    turn: Mapped[int | None] = mapped_column(Integer)
    author: Mapped[str] = mapped_column(String(120))
    body: Mapped[dict] = mapped_column(JSON)
    reply_to: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)


class Store:
    def __init__(self, url: str | None = None):
        self.url = url or default_url()
        self.engine = open_database(self.url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._writes = sessionmaker(for_writing(self.engine), expire_on_commit=False)
        self.test_runs = False  # the sessions this store creates are test runs (see for_test_runs)

    def for_test_runs(self) -> "Store":
        """The same database, where every session created is a test run (a simulation, a persona's
        test run): kept apart from practice, listed only when asked for."""
        other = copy.copy(self)
        other.test_runs = True
        return other

    def create_session(self, trainee: str, persona_id: str | None, channel: str, language: str,
                       persona: dict | None = None, rubric_version: str | None = None,
                       parent_id: str | None = None, fork_at: int | None = None) -> str:
        sid = str(uuid.uuid4())
        with self._writes.begin() as db:
            db.add(SessionRow(id=sid, trainee=trainee, persona_id=persona_id, channel=channel, language=language,
                              test_run=self.test_runs, persona=persona, rubric_version=rubric_version,
                              parent_id=parent_id, fork_at=fork_at))
        return sid

    def add_turn(self, session_id: str, turn: Turn, audio: str | None = None, meta: dict | None = None,
                 state: dict | None = None) -> int:
        """Append a turn (and the state it led to) in one transaction; returns its index."""
        with self._writes.begin() as db:
            # The row lock serialises appends to one session across threads and processes on PostgreSQL
            # (on SQLite the writer transaction already holds the database's write lock).
            row = _existing(db, session_id, with_for_update=True)
            idx = db.scalar(select(TurnRow.idx).where(TurnRow.session_id == session_id)
                            .order_by(TurnRow.idx.desc()).limit(1))
            idx = 0 if idx is None else idx + 1
            # PostgreSQL refuses NUL in text, SQLite keeps it: dropped on both, so both store the same.
            text = turn.text.replace("\x00", "")
            if state is not None:  # the state after each turn, so a fork can restore it exactly
                meta = {**(meta or {}), "state": state}
            db.add(TurnRow(session_id=session_id, idx=idx, speaker=turn.speaker, text=text, start=turn.start,
                           end=turn.end, frustration=turn.frustration, audio=audio, meta=meta))
            if state is not None:
                row.state = state
                row.ended = bool(state.get("ended"))
                row.end_reason = state.get("end_reason")
            row.updated_at = _now()
        return idx

    def set_audio(self, session_id: str, idx: int, audio: str, start: float | None = None,
                  end: float | None = None) -> None:
        """Attach a recording (and when it played) to a stored turn."""
        with self._writes.begin() as db:
            row = db.scalar(select(TurnRow).where(TurnRow.session_id == session_id, TurnRow.idx == idx))
            if row is None:
                raise KeyError(f"no turn {idx} in session {session_id}")
            row.audio = audio
            if start is not None:
                row.start, row.end = start, end

    def mark_unheard(self, session_id: str, idx: int, unheard: str, end: float | None) -> None:
        """The trainee spoke over this customer turn: the words they missed, and when its audio stopped."""
        with self._writes.begin() as db:
            row = db.scalar(select(TurnRow).where(TurnRow.session_id == session_id, TurnRow.idx == idx))
            if row is None:
                raise KeyError(f"no turn {idx} in session {session_id}")
            row.meta = {**(row.meta or {}), "unheard": unheard}
            if end is not None:
                row.end = end

    def finish(self, session_id: str, end_reason: str, state: dict | None = None) -> None:
        with self._writes.begin() as db:
            row = _existing(db, session_id)
            row.ended, row.end_reason = True, end_reason
            if state is not None:
                row.state = state

    def save_scorecard(self, session_id: str, scorecard: dict) -> None:
        with self._writes.begin() as db:
            row = _existing(db, session_id)
            row.scorecard = scorecard
            row.overall = scorecard.get("overall")

    def annotate(self, session_id: str, kind: str, author: str, body: dict, turn: int | None = None,
                 reply_to: int | None = None) -> int:
        with self._writes.begin() as db:
            _existing(db, session_id)
            row = AnnotationRow(session_id=session_id, kind=kind, author=author, body=body, turn=turn,
                                reply_to=reply_to)
            db.add(row)
            db.flush()
            return row.id

    def annotations(self, session_id: str | None = None, kind: str | None = None) -> list[AnnotationRow]:
        """A session's annotations (all sessions' when None), oldest first."""
        q = select(AnnotationRow).order_by(AnnotationRow.id)
        if session_id is not None:
            q = q.where(AnnotationRow.session_id == session_id)
        if kind is not None:
            q = q.where(AnnotationRow.kind == kind)
        with self._sessions() as db:
            return list(db.scalars(q))

    def forks(self, session_id: str) -> list[SessionRow]:
        with self._sessions() as db:
            return list(db.scalars(select(SessionRow).where(SessionRow.parent_id == session_id)
                                   .order_by(SessionRow.created_at)))

    def get(self, session_id: str) -> SessionRow | None:
        with self._sessions() as db:
            row = db.get(SessionRow, session_id)
            if row is not None:
                _ = row.turns  # load while the connection is open
            return row

    def progress(self, session_id: str) -> tuple[int, bool] | None:
        """How many turns the session has and whether it has ended, without loading them."""
        with self._sessions() as db:
            ended = db.scalar(select(SessionRow.ended).where(SessionRow.id == session_id))
            if ended is None:
                return None
            return db.scalar(select(func.count()).where(TurnRow.session_id == session_id)), bool(ended)

    def transcript(self, session_id: str) -> Transcript:
        row = self.get(session_id)
        if row is None:
            raise KeyError(f"no session {session_id}")
        return to_transcript(row)

    def list_sessions(self, trainee: str | None = None, persona_id: str | None = None,
                      since: datetime | None = None, min_score: float | None = None, limit: int = 500,
                      test_runs: bool = False) -> list[SessionRow]:
        """Practice sessions, newest first (test_runs=True: the test runs instead)."""
        q = select(SessionRow).where(SessionRow.test_run == test_runs).order_by(SessionRow.created_at.desc()).limit(limit)
        if trainee:
            q = q.where(SessionRow.trainee == trainee)
        if persona_id:
            q = q.where(SessionRow.persona_id == persona_id)
        if since:
            q = q.where(SessionRow.created_at >= since)
        if min_score is not None:
            q = q.where(SessionRow.overall >= min_score)
        with self._sessions() as db:
            return list(db.scalars(q))


def _existing(db, session_id: str, **kw) -> SessionRow:
    row = db.get(SessionRow, session_id, **kw)
    if row is None:
        raise KeyError(f"no session {session_id}")
    return row


def to_turn(t: TurnRow) -> Turn:
    """A stored turn in the interchange shape; a customer line the trainee spoke over keeps what they missed."""
    unheard = (t.meta or {}).get("unheard")
    return Turn(speaker=t.speaker, text=t.text, start=t.start, end=t.end, frustration=t.frustration,
                **({"unheard": unheard} if unheard else {}))


def to_transcript(row: SessionRow) -> Transcript:
    turns = [to_turn(t) for t in row.turns]
    data = {"persona": row.persona_id, "channel": row.channel, "language": row.language, "turns": turns,
            "ended": row.ended, "end_reason": row.end_reason if row.ended else None}
    if not turns:
        data["turns"] = [Turn(speaker="customer", text="")]
    return Transcript(**{k: v for k, v in data.items() if v is not None or k == "end_reason"})


def dumps(t: Transcript) -> str:
    return json.dumps(t.to_json(), ensure_ascii=False, indent=1)
