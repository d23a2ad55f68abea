"""Review's replay: a stored session with its evidence, audio, curve and timeline, its lessons and
comments; re-grading with the judge, comments and human grades on it, and a redo from a turn.

Its own words are in the interface's language, the session's (why, tips) in the session's.
"""

from __future__ import annotations

import gradio as gr
from pydantic import ValidationError

from .. import annotations, xapi
from ..accounts import User
from ..fork import CannotFork
from . import exports, lessons, render
from .charts import frustration_curve, timeline
from .context import Forbidden, NotFound
from .errors import reported, told
from .filters import parse_scores
from .i18n import language, words
from .media import turn_audio
from .review_layout import ReviewLayout
from .scorecard import scorecard
from .transcript import replay_header, transcript


def _message(e: Exception, lang: str) -> str:
    if isinstance(e, ValidationError):
        return "; ".join(err["msg"] for err in e.errors())
    return told(e, lang)


class ReplayHandlers(ReviewLayout):
    def _user(self, request) -> User:
        return self.ctx.user(request)

    def open(self, sid, request: gr.Request, note: str = "") -> dict:
        """The replay: its own words in the interface's language, the session's (why, tips) in the session's."""
        lang = language(request)
        hidden = gr.update(visible=False)
        try:
            user = self._user(request)
            row = self.ctx.session_for(user, sid)
        except (Forbidden, NotFound) as e:
            out = {c: hidden for c in self._replay_outputs()}
            return {**out, self.tabs: gr.update(selected="replay"), self.transcript: "", self.card: "",
                    self.curve: "", self.human: "", self.head: render.empty(f"{told(e, lang)} {words(lang)('review.pick')}")}
        persona = self.ctx.persona_of(row)
        name = persona.name if persona else (row.persona_id or words(lang)("practice.customer"))
        leave = persona.temperament.leave_at if persona else None
        sat = persona.temperament.satisfied_at if persona else None
        audio = turn_audio(row.turns)
        pts = [(t.idx, t.frustration) for t in row.turns if t.speaker == "customer" and t.frustration is not None]
        notes = annotations.of_session(self.ctx.store, row.id)
        files = exports.write_exports(row, name, self.downloads.folder(), leave, sat, notes, lang)
        talk = timeline(row.turns, name, lang) if row.channel == "voice" else ""
        compared = lessons.compare(self.ctx.comparison(user, row), lang)
        return {
            self.tabs: gr.update(selected="replay"), self.head: replay_header(row, name, lang),
            self.transcript: transcript(row.turns, name, row.scorecard, audio=audio, prefix="rv-turn",
                                               trainee_name=row.trainee, why=lessons.why_by_turn(row, persona),
                                               comments=annotations.by_turn(notes, len(row.turns)), lang=lang),
            self.card: scorecard(row.scorecard, prefix="rv-turn", title=words(lang)("review.scorecard"),
                                        end_reason=row.end_reason, lang=lang)
            + lessons.ending(row, persona, lang),
            self.curve: frustration_curve(pts, leave, sat, lang),
            self.timeline: gr.update(value=talk, visible=bool(talk)),
            self.replay_status: gr.update(value=note, visible=bool(note)),
            self.regrade_btn: gr.update(visible=user.can_grade and row.ended),
            self.regrade_library: gr.update(visible=user.can_grade and row.ended and bool(row.persona)),
            self.dl_json: gr.update(value=str(files["json"]), visible=True),
            self.dl_csv: gr.update(value=str(files["csv"]), visible=True),
            self.dl_html: gr.update(value=str(files["html"]), visible=True),
            self.dl_xapi: gr.update(value=str(self.downloads.write(f"xapi-{row.id}.json",
                                                         xapi.dumps(self.ctx.xapi_statements([row])))), visible=True),
            self.continue_btn: gr.update(visible=not row.ended and row.trainee == user.name),  # own, unfinished
            self.redo_row: gr.update(visible=any(t.speaker == "trainee" for t in row.turns)),
            self.compare: gr.update(value=compared, visible=bool(compared)),
            self.human: lessons.human_grades(notes["human_grades"], lang),
            self.comment_box: gr.update(visible=user.can_grade or row.trainee == user.name),
            self.grade_box: gr.update(visible=user.can_grade),
        }

    def _failed(self, message: str) -> dict:
        return {self.replay_status: gr.update(value=render.status(message, "err"), visible=True)}

    def regrade(self, sid, use_library, request: gr.Request):
        try:
            user = self._user(request)
            row = self.ctx.session_for(user, sid)
            if not user.can_grade:
                raise Forbidden("error.regrading_role")
        except (Forbidden, NotFound) as e:
            return self._failed(told(e, language(request)))
        try:
            self.ctx.grade(row.id, judge=True, use_library=bool(use_library))
            note = render.status(words(language(request))("review.regraded"), "ok")
        except Exception as e:  # the judge or the store: logged under an id, the card stays as it was
            note = render.status(reported(f"re-grading session {row.id}", e, language(request)), "err")
        return self.open(sid, request, note=note)

    def add_comment(self, sid, turn, text, reply_to, request: gr.Request):
        """An evaluator's comment on turn # (as shown), or the trainee's one reply to comment `reply_to`."""
        try:
            self.ctx.comment(self._user(request), sid, int(turn or 1) - 1, text or "", int(reply_to or 0))
        except (Forbidden, NotFound, annotations.AnnotationError) as e:
            return self._failed(told(e, language(request)))
        return self.open(sid, request, note=render.status(words(language(request))("review.comment_saved"), "ok"))

    def add_grade(self, sid, scores, note, request: gr.Request):
        try:
            self.ctx.human_grade(self._user(request), sid, parse_scores(scores, language(request)), note or "")
        except (Forbidden, NotFound, ValueError) as e:  # ValidationError is a ValueError
            return self._failed(_message(e, language(request)))
        return self.open(sid, request, note=render.status(words(language(request))("review.grade_saved"), "ok"))

    def redo(self, sid, turn, request: gr.Request):
        """Fork at the trainee's turn # (as shown): the new session's id, which Practice then shows."""
        try:
            return self.ctx.fork(self._user(request), sid, int(turn or 0) - 1).session.id
        except (Forbidden, NotFound, CannotFork) as e:
            raise gr.Error(told(e, language(request)), print_exception=False) from None  # stops the chain: Practice stays as it is
