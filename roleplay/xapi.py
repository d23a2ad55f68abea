"""xAPI 1.0.3 statements for practice sessions, for a learning management system.

Per session: `attempted` when it started, `completed` once it ended, and `passed` or `failed` once
graded, with the scaled score, every skill's score, the blockers and the reason as result extensions
(not just the overall score).  A session started from an assignment is judged by that assignment's
pass marks and names it as the parent activity; any other by the scorecard's own pass rule.

Statement ids are derived from the session and the verb, so sending the same session twice gives an
LRS the same statements (it keeps one), not duplicates.  Every statement is checked against
schemas/xapi-statement-1.0.3.schema.json before it leaves.
"""

from __future__ import annotations

import functools
import json
import uuid
from datetime import datetime, timezone
from importlib import resources

from jsonschema import Draft202012Validator

from .passmark import Verdict, verdict
from .skills import CORE, PASS_MARK, SKILL_FLOOR
from .store import SessionRow

VERSION = "1.0.3"
DEFAULT_HOMEPAGE = "https://roleplay.invalid"  # a deployment sets its own (xapi_homepage / ROLEPLAY_XAPI_HOMEPAGE)
VERBS = {v: f"http://adlnet.gov/expapi/verbs/{v}" for v in ("attempted", "completed", "passed", "failed")}
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
ASSESSMENT = "http://adlnet.gov/expapi/activities/assessment"
_NAMESPACE = uuid.UUID("6f1f5a8e-8f1b-4c55-9b7e-2f0a0c6d7e21")  # statement ids: uuid5 of this and session/verb


class InvalidStatement(ValueError):
    """A statement that does not meet xAPI 1.0.3; the message names the statement and the field."""


@functools.cache
def schema() -> dict:
    return json.loads(resources.files("roleplay").joinpath("schemas/xapi-statement-1.0.3.schema.json")
                      .read_text(encoding="utf-8"))


def validate(statement: dict) -> None:
    """InvalidStatement unless the statement is valid xAPI 1.0.3 (the schema, and what it cannot say)."""
    errors = sorted(Draft202012Validator(schema()).iter_errors(statement), key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        where = "/".join(map(str, e.absolute_path)) or "statement"
        raise InvalidStatement(f"statement {statement.get('id', '?')}: {where}: {e.message}")
    score = (statement.get("result") or {}).get("score") or {}
    lo, hi = score.get("min"), score.get("max")
    if "raw" in score and ((lo is not None and score["raw"] < lo) or (hi is not None and score["raw"] > hi)):
        raise InvalidStatement(f"statement {statement.get('id', '?')}: result/score/raw outside min and max")


def _iso(t: datetime) -> str:
    return t.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _duration(start: datetime, end: datetime) -> str:
    return f"PT{max(0.0, (end - start).total_seconds()):.2f}S"


def session_verdict(row: SessionRow, assignment=None) -> Verdict:
    """The assignment's pass marks when the session is an attempt at one; else the scorecard's own rule."""
    card = row.scorecard or {}
    if assignment is not None:
        return verdict(card, assignment.pass_overall, assignment.pass_skills)
    v = verdict(card, PASS_MARK, {k: SKILL_FLOOR for k in CORE if k in (card.get("skills") or {})})
    return Verdict(bool(card.get("passed")), v.reasons)


def statements(row: SessionRow, homepage: str = DEFAULT_HOMEPAGE, assignment=None,
               persona_name: str | None = None) -> list[dict]:
    """The session's statements, oldest first (attempted; completed once ended; passed/failed once graded)."""
    base = homepage.rstrip("/")
    ext = f"{base}/xapi/extensions"
    actor = {"objectType": "Agent", "name": row.trainee, "account": {"homePage": base, "name": row.trainee}}
    activity = {"objectType": "Activity", "id": f"{base}/personas/{row.persona_id or 'none'}",
                "definition": {"type": SIMULATION,
                               "name": {"en": persona_name or row.persona_id or "practice without a persona"}}}
    context = {"registration": row.id if _is_uuid(row.id) else str(uuid.uuid5(_NAMESPACE, row.id)),
               "platform": "roleplay", "language": row.language,
               "extensions": {f"{ext}/session": row.id, f"{ext}/channel": row.channel,
                              f"{ext}/difficulty": (row.state or {}).get("difficulty")}}
    if assignment is not None:
        context["contextActivities"] = {"parent": [{
            "objectType": "Activity", "id": f"{base}/assignments/{assignment.id}",
            "definition": {"type": ASSESSMENT, "name": {"en": f"assignment #{assignment.id}"}}}]}

    def statement(verb: str, when: datetime, result: dict | None = None) -> dict:
        s = {"id": str(uuid.uuid5(_NAMESPACE, f"{row.id}/{verb}")), "actor": actor,
             "verb": {"id": VERBS[verb], "display": {"en-US": verb}}, "object": activity, "context": context,
             "timestamp": _iso(when)}
        if result is not None:
            s["result"] = result
        return s

    out = [statement("attempted", row.created_at)]
    if row.ended:
        out.append(statement("completed", row.updated_at,
                             {"completion": True, "duration": _duration(row.created_at, row.updated_at),
                              "extensions": {f"{ext}/end-reason": row.end_reason}}))
    card = row.scorecard
    if card:
        v = session_verdict(row, assignment)
        overall = float(card.get("overall") or 0)
        out.append(statement("passed" if v.passed else "failed", row.updated_at, {
            "score": {"scaled": round(overall / 100, 4), "raw": overall, "min": 0, "max": 100},
            "success": v.passed, "completion": bool(row.ended),
            "extensions": {f"{ext}/skills": {k: float(s.get("score", 0)) for k, s in (card.get("skills") or {}).items()},
                           f"{ext}/blockers": list(card.get("blockers") or []),
                           f"{ext}/reason": v.reason,
                           f"{ext}/rubric-version": card.get("rubric_version")}}))
    for s in out:
        validate(s)
    return out


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text.lower()
    except ValueError:
        return False


def dumps(statements_: list[dict]) -> str:
    return json.dumps(statements_, ensure_ascii=False, indent=1)


def for_sessions(store, rows, homepage: str = DEFAULT_HOMEPAGE, persona_names: dict[str, str] | None = None) -> list[dict]:
    """Statements for many sessions, each judged by its assignment's pass marks when it has one."""
    from .assignments import assignment_of

    out = []
    for row in rows:
        if row.test_run:
            continue  # simulations and persona test runs are not learning
        out.extend(statements(row, homepage, assignment_of(store, row.id),
                              (persona_names or {}).get(row.persona_id or "")))
    return out
