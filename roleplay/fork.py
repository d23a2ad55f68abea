"""Redo a moment: a new session that starts again just before one of the trainee's turns.

The fork holds the turns before that turn and the customer exactly as they were then (frustration,
facts out, offers on the table, the same seed), linked to its parent; the trainee answers
differently and the conversation goes on from there like any other session.
"""

from __future__ import annotations

from . import snapshot
from . import state as st
from .findings import TurnAnalysis
from .persona import Persona
from .skills import RUBRIC_VERSION
from .store import SessionRow, Store
from .transcript import Turn


class CannotFork(ValueError):
    pass


def state_before(row: SessionRow, at: int, persona: Persona) -> st.CustomerState:
    """The customer's state just before turn `at` (the state stored with the turn before it).

    Sessions stored before turns kept their state have it rebuilt from the stored analyses, with
    the session's seed and difficulty: the rules are plain arithmetic, so it comes out the same.
    """
    stored = (row.turns[at - 1].meta or {}).get("state") if at > 0 else None
    if stored:
        return st.CustomerState.model_validate(stored)
    last = st.CustomerState.model_validate(row.state) if row.state else st.initial(persona)
    state = st.initial(persona, last.difficulty, last.seed)
    for t in row.turns[:at]:
        if t.speaker == "trainee" and (t.meta or {}).get("analysis"):
            state = st.advance(state, TurnAnalysis.model_validate(t.meta["analysis"]), persona)
    return state


def fork(store: Store, row: SessionRow, at: int, trainee: str, persona: Persona) -> str:
    """A new session of `trainee`'s redoing turn `at` of the session `row`; returns its id."""
    if not 0 < at < len(row.turns) or row.turns[at].speaker != "trainee":
        raise CannotFork(f"turn {at} is not one of the trainee's turns in this session")
    state = state_before(row, at, persona)
    sid = store.create_session(trainee, row.persona_id, row.channel, row.language,
                               persona=row.persona or snapshot.dump(persona),
                               rubric_version=row.rubric_version or RUBRIC_VERSION,
                               parent_id=row.id, fork_at=at)
    for t in row.turns[:at]:
        meta = {k: v for k, v in (t.meta or {}).items() if k != "state"}
        kept = (t.meta or {}).get("state")
        store.add_turn(sid, Turn(speaker=t.speaker, text=t.text, start=t.start, end=t.end, frustration=t.frustration),
                       audio=t.audio, meta=meta, state=state.model_dump() if t.idx == at - 1 else kept)
    return sid
