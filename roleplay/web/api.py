"""Named API endpoints (for gradio_client and scripts), behind the same access rules as the UI.

Each returns plain JSON-able data.  A session the caller may not see is
"Session not found." whether it exists or not.
"""

from __future__ import annotations

import gradio as gr

from pydantic import ValidationError

from .. import agreement as agree
from .. import annotations
from ..fork import CannotFork
from ..library import PersonaError
from ..model import ModelError
from ..session import CustomerLine, ReplyOwed, SessionEnded
from . import exports
from .context import Context, Forbidden, Live, NotFound
from .errors import reported
from .filters import parse_since
from .i18n import language, words
from .practice_turn import grade_safely


def _fail(e: Exception) -> gr.Error:
    """The error an API client gets: always the English text, whatever its Accept-Language.

    The JSON API is for scripts and gradio_client, not for people reading a page: a client matches on
    these texts ("Session not found.", documented above) and logs them, so they must not change with the
    language of whatever HTTP library called.  The pages say the same refusals in the reader's language
    (errors.told); a Said's own text is its English one."""
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

        row = row_for(request, session_id)
        return json.loads(exports.session_json(row, annotations.of_session(ctx.store, row.id)))

    def export_session(session_id: str, format: str = "json", request: gr.Request = None) -> str:
        """The session as 'json' (interchange transcript), 'csv' (scores) or 'html' (printable report)."""
        row = row_for(request, session_id)
        if format == "json":
            return exports.session_json(row, annotations.of_session(ctx.store, row.id))
        if format == "csv":
            return exports.scores_csv([row])
        if format == "html":
            p = ctx.persona_of(row)
            lang = language(request)  # the report is a page for people: in the downloader's language
            return exports.report_html(row, p.name if p else (row.persona_id or words(lang)("practice.customer")),
                                       p.temperament.leave_at if p else None, p.temperament.satisfied_at if p else None,
                                       annotations.of_session(ctx.store, row.id), lang)
        raise gr.Error("format must be json, csv or html")

    def regrade(session_id: str, judge: bool = True, library_version: bool = False,
                request: gr.Request = None) -> dict:
        """Grade a finished session again (evaluators), with the model as judge by default; against the
        persona as practised, or (library_version) the library's current version, which the card shows."""
        u = user(request)
        row = row_for(request, session_id)
        if not u.can_grade:
            raise gr.Error(words()("error.regrading_role"))
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

    def fork(session_id: str, turn: int, request: gr.Request = None) -> dict:
        """Redo a moment: a new session of yours from just before trainee turn `turn` (0-based, as in the
        transcript) of a session you may see, with the customer exactly as they were then; answer with /say."""
        u = user(request)
        try:
            live = ctx.fork(u, session_id, int(turn))
        except (NotFound, CannotFork) as e:
            raise _fail(e) from None
        s = live.session
        return {"session_id": s.id, "parent": session_id, "fork_at": int(turn), "turns": len(s.turns),
                "customer": s.turns[-1].text, "frustration": None if ctx.exam_mode else s.state.frustration,
                "seed": s.state.seed}

    def compare(session_id: str, request: gr.Request = None) -> dict | None:
        """A fork and its parent side by side from the fork point (or a session and its latest fork)."""
        c = ctx.comparison(user(request), row_for(request, session_id))
        return c.model_dump() if c else None

    def human_grade(session_id: str, scores: dict, note: str = "", request: gr.Request = None) -> dict:
        """Evaluators: grade a session yourself (skill -> 0..100, and a note); kept beside the AI's grade."""
        u = user(request)
        try:
            gid = ctx.human_grade(u, session_id, scores, note)
        except (NotFound, Forbidden) as e:
            raise _fail(e) from None
        except ValidationError as e:
            raise gr.Error(f"not a grade: {e.errors()[0]['msg']}", print_exception=False) from None
        return {"id": gid, **annotations.of_session(ctx.store, session_id.strip())}

    def comment(session_id: str, turn: int, text: str, reply_to: int = 0, request: gr.Request = None) -> dict:
        """Evaluators comment on a turn (0-based); the session's trainee replies to a comment once (reply_to:
        its id). Returns the session's comments."""
        u = user(request)
        try:
            ctx.comment(u, session_id, int(turn), text, int(reply_to or 0))
        except (NotFound, Forbidden, annotations.AnnotationError) as e:
            raise _fail(e) from None
        return {"comments": annotations.of_session(ctx.store, session_id.strip())["comments"]}

    def agreement(request: gr.Request = None) -> dict:
        """Trainers and evaluators: per skill, human vs AI grades over sessions graded by both (mean
        difference human−AI, Spearman ρ, share within 10 points, flagged, sessions); also as CSV."""
        u = user(request)
        if not u.sees_all_sessions:
            raise gr.Error("the agreement view is for trainers and evaluators")
        rows = ctx.agreement(u)
        return {"skills": [r.model_dump() for r in rows], "csv": agree.to_csv(rows)}

    def hint(session_id: str, request: gr.Request = None) -> dict:
        """'What now?': one short hint for your running session (recorded; off in exam mode)."""
        live = own_live(session_id, request)
        if ctx.exam_mode:
            raise gr.Error("hints are off in exam mode")
        with live.lock:
            text = ctx.hint(live)
        return {"hint": text}

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
               save_persona, test_persona, set_exam_mode, start_session, say, end_session, fork, compare,
               human_grade, comment, agreement, hint):
        gr.api(fn, api_name=fn.__name__, concurrency_limit=None if fn in (whoami, personas) else "default")
