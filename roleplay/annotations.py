"""What people attach to a session: an evaluator's grade (a score per skill and a note), comments on
single turns, the trainee's one reply to a comment, and the hints the trainee used.

The AI's scorecard is never touched: a human grade sits beside it.  Who may write what is checked by
the caller (the web app's Context); the rules on the data (a reply only to a comment, and once) here.
"""

from __future__ import annotations

from pydantic import BaseModel, Field, field_validator

from .store import AnnotationRow, Store

MAX_TEXT = 2000


class AnnotationError(ValueError):
    pass


class HumanGrade(BaseModel):
    scores: dict[str, float] = Field(min_length=1)  # skill -> 0..100
    note: str = Field("", max_length=MAX_TEXT)

    @field_validator("scores")
    @classmethod
    def _in_range(cls, v: dict[str, float]) -> dict[str, float]:
        bad = [k for k, s in v.items() if not 0 <= s <= 100]
        if bad:
            raise ValueError(f"scores are 0 to 100 (not: {', '.join(bad)})")
        return v


def _text(text: str | None) -> dict:
    text = (text or "").strip()
    if not 0 < len(text) <= MAX_TEXT:
        raise AnnotationError(f"write the comment first (1 to {MAX_TEXT} characters)")
    return {"text": text}


def add_grade(store: Store, session_id: str, author: str, grade: HumanGrade) -> int:
    return store.annotate(session_id, "grade", author, grade.model_dump())


def add_comment(store: Store, session_id: str, author: str, turn: int, text: str) -> int:
    row = store.get(session_id)
    if row is None or not 0 <= turn < len(row.turns):
        raise AnnotationError(f"there is no turn {turn} in this session")
    return store.annotate(session_id, "comment", author, _text(text), turn=turn)


def add_reply(store: Store, session_id: str, author: str, comment_id: int, text: str) -> int:
    """The trainee's answer to a comment (a dispute): one per comment."""
    notes = store.annotations(session_id)
    target = next((a for a in notes if a.id == comment_id and a.kind == "comment"), None)
    if target is None:
        raise AnnotationError(f"there is no comment {comment_id} on this session")
    if any(a.kind == "reply" and a.reply_to == comment_id for a in notes):
        raise AnnotationError("this comment has been replied to already (one reply per comment)")
    return store.annotate(session_id, "reply", author, _text(text), turn=target.turn,
                          reply_to=comment_id)


def add_hint(store: Store, session_id: str, turn: int, text: str) -> int:
    return store.annotate(session_id, "hint", "", {"text": text}, turn=turn)


def _plain(a: AnnotationRow) -> dict:
    return {"id": a.id, "author": a.author, "turn": a.turn, "reply_to": a.reply_to,
            "created_at": a.created_at.isoformat() if a.created_at else None, **a.body}


def of_session(store: Store, session_id: str) -> dict[str, list[dict]]:
    """The session's human grades, comments (with replies) and hints, as the JSON export gives them."""
    out: dict[str, list[dict]] = {"human_grades": [], "comments": [], "hints": []}
    key = {"grade": "human_grades", "comment": "comments", "reply": "comments", "hint": "hints"}
    for a in store.annotations(session_id):
        out[key[a.kind]].append(_plain(a))
    return out


def by_turn(notes: dict[str, list[dict]], turns: int) -> dict[int, list[dict]]:
    """Comments, replies and hints under the turn they belong to, each with a label for the transcript.

    A hint is asked for before the turn it helps with: it sits under that turn (or the last one, when
    the session ended first)."""
    by: dict[int, list[dict]] = {}
    for c in notes["comments"]:
        by.setdefault(c["turn"], []).append({**c, "label": "reply" if c["reply_to"] else "evaluator comment"})
    for h in notes["hints"]:
        by.setdefault(min(h["turn"], turns - 1), []).append({**h, "author": "You", "label": "hint used"})
    return by
