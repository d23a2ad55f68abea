"""What every tab shares: the store, the library, the one model client, accounts, and the access rules.

Every handler that touches a session goes through `Context.session_for(user, id)`
(or `live_for`), which answers "not found" for a session the user may not see,
so the rule holds for the browser and the API alike.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from ..accounts import LOCAL, Accounts, User
from ..library import Library
from ..overview import Filters, Overview, overview
from ..passmark import Standing
from ..paths import audio_dir, data_dir
from ..persona import Persona
from .. import agreement as agree
from .. import annotations, assignments, hints, lrs, snapshot, xapi
from ..lrs import LrsSettings
from ..agreement import SkillAgreement
from ..attempts import Comparison, compare
from ..fork import fork
from ..session import PracticeSession
from ..skills import ORDER
from ..speech.live import LiveTranscript
from ..store import SessionRow, Store, TurnRow, to_transcript
from .errors import Missing, Refused, Said
from .recordings import Recordings

log = logging.getLogger("roleplay.web")

# Sessions kept running in memory.  Beyond these (the least recently used first), or idle this long, one
# is dropped unless a turn holds it; its next request resumes it from the store, as after a restart.
LIVE_MAX = 500
LIVE_IDLE_S = 30 * 60.0


class NotFound(Said, LookupError):
    """The session does not exist, or this user may not see it (the two look the same).

    Like every refusal here it is a `ui` key of the packs (errors.Said): a page says it in the reader's
    language (errors.told), the log and the API in English."""

    def __init__(self, key: str = "error.not_found", /, **values):
        super().__init__(key, **values)


class Forbidden(Said, PermissionError):
    """The user may not do this (not signed in, or without the role)."""


@dataclass
class Live:
    """A practice session running in this process."""

    session: PracticeSession
    owner: str
    t0: float = field(default_factory=time.monotonic)  # for voice timings: seconds since the session started
    used: float = field(default_factory=time.monotonic)  # last asked for (the live map drops idle sessions)
    lock: threading.Lock = field(default_factory=threading.Lock)
    recordings: Recordings = field(init=False)  # the trainee's microphone recordings (voice)
    quiet_since: float = field(default_factory=time.monotonic)  # since when nobody has said or done anything
    cut_ins: dict[str, float] = field(default_factory=dict)  # recording id -> seconds when the customer cut in

    def __post_init__(self) -> None:
        # The transcript hands each pause's words to the session of the moment (a catch-up replaces it).
        self.recordings = Recordings(lambda: LiveTranscript(self.session.persona.language,
                                                            on_text=lambda text: self.session.anticipate(text)))

    def clock(self) -> float:
        return round(time.monotonic() - self.t0, 2)

    def touch(self, busy_for: float = 0.0) -> None:
        """Someone is active now (or speaks for `busy_for` seconds more): the silence starts after."""
        self.quiet_since = time.monotonic() + busy_for


class Context:
    def __init__(self, store: Store, library: Library, client, accounts: Accounts | None = None,
                 single_user: bool = False, data: Path | None = None, speech: bool = True):
        self.store = store
        self.library = library
        self.client = client
        self.accounts = accounts
        self.single_user = single_user
        self.data = Path(data) if data else data_dir()
        self.speech = speech
        self._live: OrderedDict[str, Live] = OrderedDict()  # least recently used first
        self._lock = threading.Lock()
        # One attempt at an assignment at a time per trainee (striped: a fixed number of locks however many
        # trainees), so two starts in the same instant cannot both pass the attempts check in this process.
        self._attempt_locks = tuple(threading.Lock() for _ in range(64))
        self.live_max, self.live_idle_s = LIVE_MAX, LIVE_IDLE_S

    # who is asking -----------------------------------------------------------------------------

    def user(self, request) -> User:
        """The signed-in user of this request (single-user mode: 'local' with every role)."""
        if self.single_user:
            return LOCAL
        name = getattr(request, "username", None) if request is not None else None
        if not name or self.accounts is None:
            raise Forbidden("error.sign_in")
        user = self.accounts.get(name)
        if user is None:  # removed while signed in
            raise Forbidden("error.no_account")
        return user

    def require(self, request, role: str) -> User:
        user = self.user(request)
        if not user.has(role):
            raise Forbidden(f"error.needs.{role}")
        return user

    # settings --------------------------------------------------------------------------------

    @property
    def exam_mode(self) -> bool:
        if self.accounts is None:
            return os.environ.get("ROLEPLAY_EXAM_MODE", "") == "1"
        return self.accounts.setting("exam_mode", os.environ.get("ROLEPLAY_EXAM_MODE", "0")) == "1"

    def set_exam_mode(self, on: bool) -> None:
        if self.accounts is None:
            os.environ["ROLEPLAY_EXAM_MODE"] = "1" if on else "0"
        else:
            self.accounts.set_setting("exam_mode", "1" if on else "0")

    # personas ----------------------------------------------------------------------------------

    def persona(self, persona_id: str | None) -> Persona | None:
        return self.library.personas.get(persona_id) if persona_id else None

    def persona_of(self, row: SessionRow, use_library: bool = False) -> Persona | None:
        """The persona the session was practised with (see roleplay.snapshot)."""
        return snapshot.persona_of(row, self.library, use_library)

    def personas(self) -> list[Persona]:
        return list(self.library)

    # sessions ----------------------------------------------------------------------------------

    def may_see(self, user: User, row: SessionRow) -> bool:
        return user.sees_all_sessions or row.trainee == user.name

    def session_for(self, user: User, session_id: str | None) -> SessionRow:
        row = self.store.get((session_id or "").strip()) if session_id and session_id.strip() else None
        if row is None or not self.may_see(user, row):
            raise NotFound()
        return row

    def sessions_for(self, user: User, trainee: str | None = None, persona_id: str | None = None,
                     since: datetime | None = None, min_score: float | None = None,
                     test_runs: bool = False) -> list[SessionRow]:
        """Practice sessions the user may see; test_runs=True: the test runs instead (trainers only)."""
        if test_runs and not user.has("trainer"):
            return []
        if not user.sees_all_sessions:
            trainee = user.name  # a trainee's filter is always themselves, whatever was asked
        return self.store.list_sessions(trainee=trainee or None, persona_id=persona_id or None, since=since,
                                        min_score=min_score, test_runs=test_runs)

    def turn_counts(self, session_ids: list[str]) -> dict[str, int]:
        if not session_ids:
            return {}
        with DbSession(self.store.engine) as db:
            q = (select(TurnRow.session_id, func.count()).where(TurnRow.session_id.in_(session_ids))
                 .group_by(TurnRow.session_id))
            return {sid: n for sid, n in db.execute(q)}

    def trainees(self, user: User) -> list[str]:
        if not user.sees_all_sessions:
            return [user.name]
        names = {r.trainee for r in self.store.list_sessions(limit=5000)}
        if self.accounts is not None:
            names |= {u.name for u in self.accounts.list() if u.has("trainee")}
        return sorted(names)

    def start(self, user: User, persona_id: str, channel: str, difficulty: str | None = None) -> Live:
        persona = self.persona(persona_id)
        if persona is None:
            raise Missing("error.no_persona", id=persona_id)
        if channel not in ("chat", "voice"):
            raise Refused("error.channel")
        if persona.channel.value not in ("both", channel):
            raise Refused(f"error.only.{persona.channel.value}", name=persona.name)
        if difficulty and difficulty not in ("easy", "medium", "hard"):
            raise Refused("error.difficulty")
        return self._run(PracticeSession.start(self.store, persona, self.client, trainee=user.name,
                                               channel=channel, difficulty=difficulty or None), user)

    # assignments -------------------------------------------------------------------------------

    def groups(self) -> dict[str, list[str]]:
        return self.accounts.groups() if self.accounts is not None else {}

    def assignments_for(self, user: User) -> list[tuple[assignments.AssignmentRow, Standing]]:
        """The user's assignments with where they stand on each, oldest first."""
        mine = assignments.assigned_to(self.store, user.name, self.groups())
        tries = assignments.attempts(self.store)
        return [(a, assignments.standing_of(a, user.name, tries.get(a.id, []))) for a in mine]

    def start_assignment(self, user: User, assignment_id: int, channel: str) -> Live:
        """An attempt at an assignment: its persona and difficulty, linked so it counts toward it.

        The check and the link happen under one lock per (assignment, trainee), so a double click or a
        second tab cannot win an extra attempt.  (Two app processes on one database are not locked
        against each other.)"""
        row = assignments.get(self.store, int(assignment_id))
        if row is None:
            raise Missing("team.no_assignment")
        with self._attempt_locks[hash((row.id, user.name)) % len(self._attempt_locks)]:
            assignments.check_start(row, user.name, assignments.attempts(self.store, row.id).get(row.id, []),
                                    self.groups())
            live = self.start(user, row.persona_id, channel, row.difficulty)
            assignments.link(self.store, live.session.id, row.id)
        return live

    def overview(self, user: User, filters: Filters) -> Overview:
        """The team overview (trainers): a group's members, or every trainee, over the filters' dates."""
        if not user.has("trainer"):
            raise Forbidden("team.locked")
        groups = self.groups()
        if filters.group and filters.group not in groups:
            raise Refused("error.no_group", group=filters.group)
        trainees = groups[filters.group] if filters.group else self.trainees(user)
        since, _ = filters.window()
        sessions = self.store.list_sessions(since=since, limit=100_000)
        tries = assignments.attempts(self.store)
        standings: dict[str, list[Standing]] = {}
        for a in assignments.all_assignments(self.store):
            for name in set(assignments.assignees(a, groups)) & set(trainees):
                standings.setdefault(name, []).append(assignments.standing_of(a, name, tries.get(a.id, [])))
        return overview(sessions, trainees, list(ORDER), filters, standings)

    def lrs_settings(self) -> LrsSettings:
        return lrs.settings(self.accounts)

    def xapi_statements(self, rows: list[SessionRow]) -> list[dict]:
        """xAPI statements for sessions the caller has already checked the user may see."""
        homepage = self.lrs_settings().homepage or xapi.DEFAULT_HOMEPAGE
        return xapi.for_sessions(self.store, rows, homepage, {p.id: p.name for p in self.personas()})

    def _run(self, session: PracticeSession, user: User) -> Live:
        """A new session of the user's, running here."""
        session.warm_up()  # while the trainee reads the customer's last line
        live = Live(session=session, owner=user.name)
        with self._lock:
            self._keep(session.id, live)
        return live

    def fork(self, user: User, session_id: str, at: int) -> Live:
        """Redo trainee turn `at` of a session the user may see, in a new session of their own (running)."""
        row = self.session_for(user, session_id)
        persona = self.persona_of(row)
        if persona is None:
            raise NotFound("error.persona_gone", id=row.persona_id)
        sid = fork(self.store, row, at, user.name, persona)
        return self._run(PracticeSession.resume(self.store, sid, persona, self.client), user)

    def comparison(self, user: User, row: SessionRow) -> Comparison | None:
        """A fork beside its parent, or a session beside its latest fork (those the user may see)."""
        if row.parent_id:
            parent = self.store.get(row.parent_id)
            return compare(parent, row, self.persona_of(row)) if parent and self.may_see(user, parent) else None
        forks = [f for f in self.store.forks(row.id) if self.may_see(user, f)]
        return compare(row, self.store.get(forks[-1].id), self.persona_of(row)) if forks else None

    def human_grade(self, user: User, session_id: str, scores: dict, note: str = "") -> int:
        """An evaluator's own grade of a session, kept beside the AI's (ValidationError: not a grade)."""
        row = self.session_for(user, session_id)
        if not user.can_grade:
            raise Forbidden("error.grading_role")
        return annotations.add_grade(self.store, row.id, user.name,
                                     annotations.HumanGrade(scores=scores, note=note or ""))

    def comment(self, user: User, session_id: str, turn: int, text: str, reply_to: int | None = None) -> int:
        """An evaluator's comment on a turn, or (reply_to) the session's trainee's one reply to a comment."""
        row = self.session_for(user, session_id)
        if reply_to:
            if row.trainee != user.name:
                raise Forbidden("error.reply_own")
            return annotations.add_reply(self.store, row.id, user.name, int(reply_to), text)
        if not user.can_grade:
            raise Forbidden("error.commenting_role")
        return annotations.add_comment(self.store, row.id, user.name, int(turn), text)

    def agreement(self, user: User) -> list[SkillAgreement]:
        """Human vs AI per skill over the sessions the user may see that both graded (latest human grade)."""
        human: dict[str, dict[str, float]] = {}
        for g in self.store.annotations(kind="grade"):
            human[g.session_id] = g.body["scores"]  # oldest first: the latest grade wins
        rows = [self.store.get(sid) for sid in human]
        ai = {r.id: {k: float(v.get("score", 0)) for k, v in (r.scorecard.get("skills") or {}).items()}
              for r in rows if r is not None and r.scorecard and self.may_see(user, r)}
        return agree.agreement(agree.pairs_from(human, ai))

    def hint(self, live: Live) -> str:
        """A 'What now?' hint for the running session, recorded with it."""
        s = live.session
        last_customer = next((t.text for t in reversed(s.turns) if t.speaker == "customer"), "")
        text = hints.hint(s.persona, s.state, s.analyses[-1] if s.analyses else None, last_customer)
        annotations.add_hint(self.store, s.id, len(s.turns), text)
        return text

    def live_for(self, user: User, session_id: str | None, catch_up: bool = True) -> Live:
        """The running session (resumed from the store after a restart) if it is this user's own.

        catch_up=False skips checking the store for turns another process took: for the
        microphone's chunks and keystrokes, which arrive several times a second and take no turn.
        """
        sid = (session_id or "").strip()
        with self._lock:
            live = self._live.get(sid)
            if live is not None:
                self._keep(sid, live)
        if live is not None:
            if live.owner != user.name:
                raise NotFound()
            if catch_up:
                self._catch_up(live)
            return live
        row = self.store.get(sid) if sid else None
        if row is None or row.trainee != user.name:  # only the trainee practises in their own session
            raise NotFound()
        persona = self.persona_of(row)
        if persona is None:
            raise NotFound("error.persona_gone", id=row.persona_id)
        session = PracticeSession.resume(self.store, sid, persona, self.client)
        session.warm_up()
        live = Live(session=session, owner=user.name)
        with self._lock:
            self._keep(sid, self._live.get(sid) or live)
            return self._live[sid]

    def _keep(self, sid: str, live: Live) -> None:
        """Mark `live` as just used, and drop sessions over the limits (self._lock held)."""
        live.used = time.monotonic()
        self._live[sid] = live
        self._live.move_to_end(sid)
        for old_id, old in list(self._live.items()):
            if len(self._live) <= self.live_max and live.used - old.used < self.live_idle_s:
                break  # the rest were used more recently
            if not old.lock.locked():  # a turn under way keeps its session
                del self._live[old_id]

    def _catch_up(self, live: Live) -> None:
        """Reload a session another app process has moved on (a load balancer without stickiness).

        Only between turns: a turn under way here holds the lock, and its own writes are not news.
        """
        if not live.lock.acquire(blocking=False):
            return
        try:
            s = live.session
            if self.store.progress(s.id) != (len(s.turns), s.ended):
                live.session = PracticeSession.resume(self.store, s.id, s.persona, self.client)
                live.session.warm_up()
        finally:
            live.lock.release()

    def forget(self, session_id: str) -> None:
        with self._lock:
            self._live.pop(session_id, None)

    # grading -----------------------------------------------------------------------------------

    def grade(self, session_id: str, judge: bool = False, use_library: bool = False) -> dict:
        """Grade a stored session (deterministic, or with the model as judge) and store the scorecard.

        Against the persona as practised; use_library=True grades against the library's current version
        instead, and the scorecard says so."""
        from evaluators import grade

        row = self.store.get(session_id)
        if row is None:
            raise NotFound()
        t = to_transcript(row)
        card = grade(t, self.persona_of(row, use_library), judge=self.client if judge else None)
        data = card.to_json()
        data["persona_version"] = "library" if use_library and row.persona else "as practised"
        if row.rubric_version:
            data["practised_rubric_version"] = row.rubric_version
        self.store.save_scorecard(session_id, data)
        return data

    # audio -------------------------------------------------------------------------------------

    def audio_dir(self, session_id: str) -> Path:
        return audio_dir(session_id, self.data)
