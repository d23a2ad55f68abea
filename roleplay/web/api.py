"""Named API endpoints (for gradio_client and scripts), behind the same access rules as the UI.

Each returns plain JSON-able data.  A session the caller may not see is
"Session not found." whether it exists or not.
"""

from __future__ import annotations

import gradio as gr

from ..library import PersonaError
from ..llm import ModelError
from ..session import CustomerLine, ReplyOwed, SessionEnded
from . import exports
from .context import Context, Forbidden, Live, NotFound
from .errors import reported
from .practice import grade_safely
from .review import parse_since


def _fail(e: Exception) -> gr.Error:
    return gr.Error(str(e.args[0]) if e.args else str(e), print_exception=False)


def register(ctx: Context) -> None:
    """Declare the endpoints inside the Blocks context."""

    def user(request):
        try:
            return ctx.user(request)
        except Forbidden as e:
            raise _fail(e) from None

    def row_for(request, session_id):
        try:
            return ctx.session_for(user(request), session_id)
        except NotFound as e:
            raise _fail(e) from None

    def whoami(request: gr.Request) -> dict:
        """The signed-in user and their roles."""
        u = user(request)
        return {"user": u.name, "roles": sorted(u.roles), "single_user": ctx.single_user}

    def personas(request: gr.Request) -> list:
        """The persona library: id, name, language, channel, difficulty, situation."""
        user(request)
        return [{"id": p.id, "name": p.name, "language": p.language, "channel": p.channel.value,
                 "difficulty": p.difficulty.value, "kind": p.kind, "situation": p.situation}
                for p in ctx.personas()]

    def list_sessions(trainee: str = "", persona: str = "", since: str = "", min_score: float = 0,
                      test_runs: bool = False, request: gr.Request = None) -> list:
        """Sessions the caller may see, newest first (a trainee only ever gets their own); test_runs:
        trainers get the simulations and persona test runs instead, which practice lists leave out."""
        u = user(request)
        try:
            since_dt = parse_since(since)
        except ValueError as e:
            raise _fail(e) from None
        rows = ctx.sessions_for(u, trainee=trainee or None, persona_id=persona or None, since=since_dt,
                                min_score=min_score or None, test_runs=bool(test_runs))
        return [{"id": r.id, "trainee": r.trainee, "persona": r.persona_id, "channel": r.channel,
                 "language": r.language, "created_at": r.created_at.isoformat() if r.created_at else None,
                 "ended": r.ended, "end_reason": r.end_reason, "overall": r.overall} for r in rows]

    def get_session(session_id: str, request: gr.Request = None) -> dict:
        """One session: the interchange transcript with its scorecard."""
        import json

        return json.loads(exports.session_json(row_for(request, session_id)))

    def export_session(session_id: str, format: str = "json", request: gr.Request = None) -> str:
        """The session as 'json' (interchange transcript), 'csv' (scores) or 'html' (printable report)."""
        row = row_for(request, session_id)
        if format == "json":
            return exports.session_json(row)
        if format == "csv":
            return exports.scores_csv([row])
        if format == "html":
            p = ctx.persona_of(row)
            return exports.report_html(row, p.name if p else (row.persona_id or "Customer"),
                                       p.temperament.leave_at if p else None, p.temperament.satisfied_at if p else None)
        raise gr.Error("format must be json, csv or html")

    def regrade(session_id: str, judge: bool = True, library_version: bool = False,
                request: gr.Request = None) -> dict:
        """Grade a finished session again (evaluators), with the model as judge by default; against the
        persona as practised, or (library_version) the library's current version, which the card shows."""
        u = user(request)
        row = row_for(request, session_id)
        if not u.can_grade:
            raise gr.Error("re-grading needs the evaluator role")
        if not row.ended:
            raise gr.Error("the session is still in progress")
        return ctx.grade(row.id, judge=judge, use_library=bool(library_version))

    def progress(trainee: str = "", request: gr.Request = None) -> list:
        """A trainee's graded sessions over time (a trainee gets their own)."""
        u = user(request)
        name = trainee if u.sees_all_sessions and trainee else u.name
        rows = sorted((r for r in ctx.sessions_for(u, trainee=name) if r.scorecard), key=lambda r: r.created_at)
        return [{"session": r.id, "created_at": r.created_at.isoformat(), "overall": r.overall,
                 "skills": {k: v.get("score") for k, v in r.scorecard.get("skills", {}).items()}} for r in rows]

    def validate_persona(yaml_text: str, request: gr.Request = None) -> dict:
        """Check persona YAML: {valid, id, problems: [{field, line, message}]}."""
        _trainer(request)
        from .personas_tab import check

        persona, problems = check(yaml_text)
        return {"valid": persona is not None, "id": persona.id if persona else None,
                "problems": [{"field": p.field, "line": p.line, "message": p.message} for p in problems]}

    def save_persona(yaml_text: str, request: gr.Request = None) -> dict:
        """Save valid persona YAML into the library (never outside it)."""
        _trainer(request)
        try:
            path = ctx.library.save(yaml_text)
        except PersonaError as e:
            return {"saved": False, "problems": [{"field": p.field, "line": p.line, "message": p.message}
                                                 for p in e.problems]}
        return {"saved": True, "file": path.name}

    def _trainer(request):
        try:
            return ctx.require(request, "trainer")
        except Forbidden as e:
            raise _fail(e) from None

    def test_persona(yaml_text: str, trainee_lines: list[str], request: gr.Request = None) -> dict:
        """Trainers: play the persona against scripted trainee lines (stored as a test run, not practice)."""
        u = _trainer(request)
        from .personas_tab import MAX_TEST_LINES, check, play_script

        persona, problems = check(yaml_text)
        if persona is None:
            return {"valid": False, "problems": [{"field": p.field, "line": p.line, "message": p.message}
                                                 for p in problems]}
        lines = [ln.strip() for ln in trainee_lines if ln and ln.strip()][:MAX_TEST_LINES]
        try:
            turns, state = play_script(persona, lines, ctx.client, ctx.store, u.name)
        except ModelError as e:
            raise _fail(e) from None
        return {"valid": True, "turns": [{"speaker": t.speaker, "text": t.text, "frustration": t.frustration}
                                         for t in turns], "ended": state.ended, "end_reason": state.end_reason}

    def set_exam_mode(on: bool, request: gr.Request = None) -> dict:
        """Trainers: hide (True) or show the frustration meter during practice."""
        _trainer(request)
        ctx.set_exam_mode(bool(on))
        return {"exam_mode": ctx.exam_mode}

    def start_session(persona_id: str, channel: str = "chat", difficulty: str = "",
                      request: gr.Request = None) -> dict:
        """Start practising with a persona (chat) at a difficulty (easy, medium, hard; "" for the persona's
        own); the customer's opening line, the difficulty and the session's seed come back."""
        u = user(request)
        try:
            live = ctx.start(u, persona_id, channel, difficulty or None)
        except (KeyError, ValueError) as e:
            raise _fail(e) from None
        s = live.session
        return {"session_id": s.id, "customer": s.turns[0].text, "frustration": None if ctx.exam_mode
                else s.state.frustration, "difficulty": s.state.difficulty, "seed": s.state.seed}

    def own_live(session_id: str, request) -> Live:
        """The caller's own running session; anyone else's reads as not found."""
        try:
            return ctx.live_for(user(request), session_id)
        except NotFound as e:
            raise _fail(e) from None

    def say(session_id: str, text: str, request: gr.Request = None) -> dict:
        """Say something in your own running session; the customer's reply (and scorecard if it ended).

        While the customer still owes a reply (the model failed), empty text asks for it again;
        other text is refused rather than dropped."""
        live = own_live(session_id, request)
        with live.lock:
            s = live.session
            retry = s.awaiting_reply and not (text or "").strip()
            try:
                line = None
                for ev in (s.retry() if retry else s.say(text)):
                    if isinstance(ev, CustomerLine):
                        line = ev
            except ReplyOwed as e:
                raise gr.Error(f"{e}: call /say with empty text to retry it; your text was not sent",
                               print_exception=False) from None
            except (ValueError, SessionEnded, ModelError) as e:
                raise _fail(e) from None
            except Exception as e:
                raise gr.Error(reported(f"taking a turn in session {s.id}", e), print_exception=False) from None
        s = live.session
        out = {"customer": line.text if line else None, "ended": s.ended, "end_reason": s.state.end_reason,
               "frustration": None if ctx.exam_mode else s.state.frustration}
        if s.ended:
            card, problem = grade_safely(ctx, s.id)
            ctx.forget(s.id)
            out["scorecard"] = card
            if problem:
                out["error"] = problem
        return out

    def end_session(session_id: str, request: gr.Request = None) -> dict:
        """End your running session; returns its scorecard."""
        live = own_live(session_id, request)
        with live.lock:
            live.session.end()
        card, problem = grade_safely(ctx, live.session.id)
        ctx.forget(live.session.id)
        if card is None:
            raise gr.Error(problem)
        return card

    for fn in (whoami, personas, list_sessions, get_session, export_session, regrade, progress, validate_persona,
               save_persona, test_persona, set_exam_mode, start_session, say, end_session):
        gr.api(fn, api_name=fn.__name__, concurrency_limit=None if fn in (whoami, personas) else "default")
