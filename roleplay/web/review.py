"""The Review tab: sessions listed and filtered, replay with evidence, audio, curves and timeline,
re-grading with the judge, exports, and a trainee's progress over time."""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import gradio as gr

from pydantic import ValidationError

from .. import agreement as agree
from .. import annotations, xapi
from ..accounts import User
from ..fork import CannotFork
from . import exports, lessons, render
from .context import Context, Forbidden, NotFound
from .errors import reported
from .i18n import language, t, words
from .media import turn_audio

AGREEMENT_COLUMNS = ["Skill", "Sessions", "Human − AI", "Spearman ρ", "Within 10", "Flagged", "Session"]
COLUMNS = ("date", "trainee", "customer", "channel", "turns", "score", "result", "session")  # ui words review.col.*
ALL = "All"
KEEP_EXPORTS = 32  # pages' export folders kept at once: a few per user looking at Review right now


def parse_since(text: str | None) -> datetime | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        raise ValueError("write the date as YYYY-MM-DD, e.g. 2025-01-31") from None


def parse_scores(text: str | None) -> dict[str, float]:
    """'listening=70, empathy=55' as a dict (ValueError when a part is not skill=number)."""
    out = {}
    for part in (text or "").replace(";", ",").split(","):
        if part.strip():
            skill, sep, score = part.partition("=")
            if not sep:
                raise ValueError(f"write each score as skill=number, not {part.strip()!r}")
            out[skill.strip().lower()] = float(score)
    return out


def _message(e: Exception) -> str:
    if isinstance(e, ValidationError):
        return "; ".join(err["msg"] for err in e.errors())
    return str(e)


def result_label(row, lang: str = "en") -> str:
    w = words(lang)
    if not row.ended:
        return w("state.in_progress")
    if not row.scorecard:
        return w("score.not_graded")
    return w("result.passed") if row.scorecard.get("passed") else w("result.not_passed")


def headers(lang: str) -> list[str]:
    w = words(lang)
    return [w(f"review.col.{c}") for c in COLUMNS]


class ReviewTab:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.exports_dir = Path(tempfile.mkdtemp(prefix="roleplay-exports-"))

    def build(self) -> None:
        with gr.Tabs(elem_id="rp-review-tabs") as self.tabs:
            with gr.Tab(t("review.sessions"), id="list"):
                with gr.Row(equal_height=False, elem_id="rp-filters"):
                    self.f_trainee = gr.Dropdown(choices=[ALL], value=ALL, label=t("transcript.trainee"), allow_custom_value=True,
                                                 elem_id="rp-f-trainee", scale=2)
                    self.f_persona = gr.Dropdown(choices=self._persona_choices(), value=ALL, label=t("practice.customer"),
                                                 elem_id="rp-f-persona", scale=2)
                    self.f_since = gr.Textbox(label=t("review.since"), placeholder="YYYY-MM-DD", elem_id="rp-f-since",
                                              scale=1)
                    self.f_score = gr.Slider(0, 100, value=0, step=5, label=t("review.min_score"), elem_id="rp-f-score",
                                             scale=2)
                    with gr.Column(scale=1, min_width=110):
                        # Simulations and persona test runs are kept out of the practice list (trainers see them here).
                        self.f_tests = gr.Checkbox(value=False, label=t("review.test_runs"), elem_id="rp-f-tests")
                        self.search_btn = gr.Button(t("review.search"), variant="primary", elem_id="rp-search")
                self.table = gr.Dataframe(headers=headers("en"), value=[], interactive=False, elem_id="rp-sessions",
                                          wrap=True, max_height=520, column_widths=["13%", "11%", "17%", "8%", "7%",
                                                                                   "7%", "11%", "26%"])
                self.list_status = gr.HTML(visible=False)
                with gr.Row():
                    self.sid = gr.Textbox(label=t("review.session_id"), placeholder=t("review.session_id_hint"),
                                          elem_id="rp-sid", scale=4)
                    self.open_btn = gr.Button(t("review.open"), elem_id="rp-open", scale=1)
                    self.list_csv = gr.DownloadButton(t("review.list_csv"), elem_id="rp-list-csv",
                                                      visible=False, scale=2)
                    # Statements are built when asked for: for every listed session on every search, a
                    # trainer with a thousand sessions waited seconds per search (each one is schema-checked).
                    self.list_xapi_make = gr.Button(t("review.list_xapi_make"), elem_id="rp-list-xapi-make",
                                                    visible=False, scale=2)
                    self.list_xapi = gr.DownloadButton(t("review.list_xapi"), elem_id="rp-list-xapi",
                                                       visible=False, scale=2)
            with gr.Tab(t("review.replay"), id="replay"):
                self.head = gr.HTML(t("review.empty"), elem_id="rp-replay-head")
                with gr.Row(elem_id="rp-actions"):
                    self.continue_btn = gr.Button(t("review.continue"), visible=False, variant="primary",
                                                  elem_id="rp-continue", size="sm")
                    self.regrade_btn = gr.Button(t("review.regrade"), visible=False, elem_id="rp-regrade",
                                                 size="sm")
                    # Off: the persona as practised; on, the library's newer version (the card says so).
                    self.regrade_library = gr.Checkbox(False, label=t("review.regrade_library"),
                                                       visible=False, elem_id="rp-regrade-library")
                    self.dl_json = gr.DownloadButton(t("review.dl_json"), visible=False, elem_id="rp-dl-json",
                                                     size="sm")
                    self.dl_csv = gr.DownloadButton(t("review.dl_csv"), visible=False, elem_id="rp-dl-csv", size="sm")
                    self.dl_html = gr.DownloadButton(t("review.dl_html"), visible=False, elem_id="rp-dl-html",
                                                     size="sm")
                    self.dl_xapi = gr.DownloadButton(t("review.dl_xapi"), visible=False, elem_id="rp-dl-xapi",
                                                     size="sm")
                self.replay_status = gr.HTML(elem_id="rp-replay-status", visible=False)
                with gr.Row(visible=False, elem_id="rp-redo-row") as self.redo_row:
                    # Turn numbers as the transcript shows them (#1 is the customer's opening).
                    self.redo_turn = gr.Number(label=t("result.redo_turn"), precision=0, minimum=2, elem_id="rp-redo-turn",
                                               scale=1)
                    self.redo_btn = gr.Button(t("result.redo"), elem_id="rp-redo", scale=2)
                self.fork_sid = gr.State("")
                self.compare = gr.HTML(elem_id="rp-compare", visible=False)
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3):
                        self.transcript = gr.HTML(elem_id="rp-replay-transcript")
                        with gr.Accordion(t("review.comment_box"), open=False, visible=False,
                                          elem_id="rp-comment-box") as self.comment_box:
                            with gr.Row():
                                self.c_turn = gr.Number(label=t("review.c_turn"), precision=0, minimum=1, elem_id="rp-c-turn")
                                self.c_reply = gr.Number(label=t("review.c_reply"), precision=0,
                                                         value=0, elem_id="rp-c-reply")
                            self.c_text = gr.Textbox(label=t("review.c_text"), lines=2, elem_id="rp-c-text")
                            self.c_btn = gr.Button(t("review.c_add"), size="sm", elem_id="rp-c-add")
                    with gr.Column(scale=2):
                        self.curve = gr.HTML(elem_id="rp-replay-curve")
                        self.timeline = gr.HTML(elem_id="rp-replay-timeline", visible=False)
                        self.card = gr.HTML(elem_id="rp-replay-card")
                        self.human = gr.HTML(elem_id="rp-human-grades")
                        with gr.Accordion(t("review.grade_box"), open=False, visible=False,
                                          elem_id="rp-grade-box") as self.grade_box:
                            self.g_scores = gr.Textbox(label=t("review.g_scores"), placeholder="listening=70, empathy=55",
                                                       elem_id="rp-g-scores")
                            self.g_note = gr.Textbox(label=t("review.g_note"), lines=2, elem_id="rp-g-note")
                            self.g_btn = gr.Button(t("review.g_save"), size="sm", elem_id="rp-g-save")
            with gr.Tab(t("review.agreement"), id="agreement"):
                gr.HTML(t("review.agreement_sub"), html_template='<p class="rp-sub">${value}</p>')
                with gr.Row():
                    self.a_btn = gr.Button(t("review.a_show"), variant="primary", elem_id="rp-a-show", scale=1)
                    self.a_csv = gr.DownloadButton(t("review.a_csv"), visible=False, elem_id="rp-a-csv", scale=1)
                self.a_status = gr.HTML(visible=False)
                self.a_table = gr.Dataframe(headers=AGREEMENT_COLUMNS, value=[], interactive=False,
                                            elem_id="rp-agreement")
            with gr.Tab(t("review.progress"), id="progress"):
                with gr.Row(equal_height=False):
                    self.p_trainee = gr.Dropdown(choices=[], label=t("transcript.trainee"), allow_custom_value=True,
                                                 elem_id="rp-p-trainee", scale=3)
                    with gr.Column(scale=1, min_width=150):
                        self.p_btn = gr.Button(t("review.p_show"), variant="primary", elem_id="rp-p-show")
                self.p_chart = gr.HTML(elem_id="rp-p-chart")
                self.p_table = gr.Dataframe(headers=["Date (UTC)", "Customer", "Overall", *[s.capitalize() for s in
                                            render.SKILL_ORDER]], value=[], interactive=False, elem_id="rp-p-table")

    def _persona_choices(self):
        return [ALL] + [(p.name, p.id) for p in self.ctx.personas()]

    # events ------------------------------------------------------------------------------------

    def wire(self) -> None:
        filters = [self.f_trainee, self.f_persona, self.f_since, self.f_score, self.f_tests]
        self.search_btn.click(self.search, filters, [self.table, *self._listed()], api_visibility="private")
        self.list_xapi_make.click(self.statements_for_list, filters, [self.list_xapi, self.list_status],
                                  api_visibility="private")
        self.table.select(self.pick_row, self.table, self.sid, api_visibility="private").then(
            self.open, self.sid, self._replay_outputs(), api_visibility="private")
        self.open_btn.click(self.open, self.sid, self._replay_outputs(), api_visibility="private")
        self.sid.submit(self.open, self.sid, self._replay_outputs(), api_visibility="private")
        self.regrade_btn.click(self.regrade, [self.sid, self.regrade_library], self._replay_outputs(),
                               api_visibility="private")
        self.c_btn.click(self.add_comment, [self.sid, self.c_turn, self.c_text, self.c_reply], self._replay_outputs(),
                         api_visibility="private")
        self.g_btn.click(self.add_grade, [self.sid, self.g_scores, self.g_note], self._replay_outputs(),
                         api_visibility="private")
        self.p_btn.click(self.progress, self.p_trainee, [self.p_chart, self.p_table], api_visibility="private")
        self.a_btn.click(self.agreement, None, [self.a_table, self.a_status, self.a_csv], api_visibility="private")
        self.a_table.select(self.pick_row, self.a_table, self.sid, api_visibility="private").then(
            self.open, self.sid, self._replay_outputs(), api_visibility="private")

    def _replay_outputs(self):
        return [self.tabs, self.head, self.transcript, self.card, self.curve, self.timeline, self.replay_status,
                self.regrade_btn, self.dl_json, self.dl_csv, self.dl_html, self.dl_xapi, self.continue_btn, self.redo_row,
                self.compare, self.human, self.comment_box, self.grade_box, self.regrade_library]

    def loaded(self) -> list:
        """What the app's load event fills in (on_load)."""
        return [self.f_trainee, self.p_trainee, self.f_persona, self.table, self.list_csv, self.list_xapi_make,
                self.list_xapi]

    def on_load(self, user: User) -> dict:
        """Role-dependent state of the tab's controls (called from the app's load event)."""
        trainees = self.ctx.trainees(user)
        if user.sees_all_sessions:
            f = gr.update(choices=[ALL, *trainees], value=ALL, interactive=True)
            p = gr.update(choices=trainees, value=trainees[0] if trainees else None, interactive=True)
        else:
            f = gr.update(choices=[user.name], value=user.name, interactive=False)
            p = gr.update(choices=[user.name], value=user.name, interactive=False)
        listed = self.search(None, None, None, 0, user=user)
        listed.pop(self.list_status)  # nothing to say before a search
        return {self.f_trainee: f, self.p_trainee: p, self.f_persona: gr.update(choices=self._persona_choices(), value=ALL),
                **listed}

    def _user(self, request) -> User:
        return self.ctx.user(request)

    def _rows(self, user: User, trainee, persona, since, min_score, test_runs) -> list:
        """The sessions the filters pick among those the user may see (ValueError: a bad date)."""
        return self.ctx.sessions_for(user, trainee=None if trainee in (None, "", ALL) else trainee,
                                     persona_id=None if persona in (None, "", ALL) else persona,
                                     since=parse_since(since), min_score=float(min_score) if min_score else None,
                                     test_runs=bool(test_runs))

    def _listed(self) -> list:
        """What a search updates besides the table."""
        return [self.list_status, self.list_csv, self.list_xapi_make, self.list_xapi]

    def search(self, trainee, persona, since, min_score, test_runs: bool = False, request: gr.Request = None,
               user: User | None = None) -> dict:
        try:
            rows = self._rows(user or self._user(request), trainee, persona, since, min_score, test_runs)
        except (Forbidden, ValueError) as e:
            return {self.list_status: gr.update(value=render.status(str(e), "err"), visible=True)}
        lang = language(request)
        w = words(lang)
        names = {p.id: p.name for p in self.ctx.personas()}
        counts = self.ctx.turn_counts([r.id for r in rows])
        table = [[r.created_at.strftime("%Y-%m-%d %H:%M") if r.created_at else "", r.trainee,
                  names.get(r.persona_id, r.persona_id or ""), w(f"channel.{r.channel}"), counts.get(r.id, 0),
                  "" if r.overall is None else f"{r.overall:.0f}", result_label(r, lang), r.id] for r in rows]
        note = gr.update(value=render.status(w("review.no_match"), "info"), visible=not rows)
        stamp = f"{datetime.now(timezone.utc):%Y%m%d-%H%M%S}"
        csv = self.write(f"scores-{stamp}.csv", exports.scores_csv(rows))
        return {self.table: {"headers": headers(lang), "data": table}, self.list_status: note, self.list_csv: gr.update(value=str(csv), visible=bool(rows)),
                self.list_xapi_make: gr.update(visible=bool(rows)), self.list_xapi: gr.update(visible=False)}

    def statements_for_list(self, trainee, persona, since, min_score, test_runs: bool = False,
                            request: gr.Request = None) -> dict:
        """The listed sessions' xAPI statements as a file, ready to download."""
        try:
            rows = self._rows(self._user(request), trainee, persona, since, min_score, test_runs)
        except (Forbidden, ValueError) as e:
            return {self.list_status: gr.update(value=render.status(str(e), "err"), visible=True)}
        stamp = f"{datetime.now(timezone.utc):%Y%m%d-%H%M%S}"
        path = self.write(f"xapi-{stamp}.json", xapi.dumps(self.ctx.xapi_statements(rows)))
        return {self.list_xapi: gr.update(value=str(path), visible=True)}

    def _folder(self) -> Path:
        """A new folder for one page's export files; the oldest beyond KEEP_EXPORTS go (Gradio has
        copied each into its own cache by the time the page shows the button)."""
        folder = Path(tempfile.mkdtemp(dir=self.exports_dir))
        for old in sorted(self.exports_dir.iterdir(), key=lambda p: p.stat().st_mtime_ns)[:-KEEP_EXPORTS]:
            shutil.rmtree(old, ignore_errors=True)
        return folder

    def write(self, name: str, text: str) -> Path:
        folder = self._folder()
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return path

    def pick_row(self, table, evt: gr.SelectData):
        value = getattr(evt, "row_value", None)
        if value:
            return value[-1]
        try:
            return table.iloc[evt.index[0], -1]
        except Exception:
            return gr.skip()

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
                    self.curve: "", self.human: "", self.head: render.empty(f"{e} {words(lang)('review.pick')}")}
        persona = self.ctx.persona_of(row)
        name = persona.name if persona else (row.persona_id or "Customer")
        leave = persona.temperament.leave_at if persona else None
        sat = persona.temperament.satisfied_at if persona else None
        audio = turn_audio(row.turns)
        pts = [(t.idx, t.frustration) for t in row.turns if t.speaker == "customer" and t.frustration is not None]
        notes = annotations.of_session(self.ctx.store, row.id)
        files = exports.write_exports(row, name, self._folder(), leave, sat, notes)
        timeline = render.timeline(row.turns, name, lang) if row.channel == "voice" else ""
        compared = lessons.compare(self.ctx.comparison(user, row), lang)
        return {
            self.tabs: gr.update(selected="replay"), self.head: render.replay_header(row, name, lang),
            self.transcript: render.transcript(row.turns, name, row.scorecard, audio=audio, prefix="rv-turn",
                                               trainee_name=row.trainee, why=lessons.why_by_turn(row, persona),
                                               comments=annotations.by_turn(notes, len(row.turns)), lang=lang),
            self.card: render.scorecard(row.scorecard, prefix="rv-turn", title=words(lang)("review.scorecard"),
                                        end_reason=row.end_reason, lang=lang)
            + lessons.ending(row, persona, lang),
            self.curve: render.frustration_curve(pts, leave, sat, lang),
            self.timeline: gr.update(value=timeline, visible=bool(timeline)),
            self.replay_status: gr.update(value=note, visible=bool(note)),
            self.regrade_btn: gr.update(visible=user.can_grade and row.ended),
            self.regrade_library: gr.update(visible=user.can_grade and row.ended and bool(row.persona)),
            self.dl_json: gr.update(value=str(files["json"]), visible=True),
            self.dl_csv: gr.update(value=str(files["csv"]), visible=True),
            self.dl_html: gr.update(value=str(files["html"]), visible=True),
            self.dl_xapi: gr.update(value=str(self.write(f"xapi-{row.id}.json",
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
                raise Forbidden("re-grading needs the evaluator role")
        except (Forbidden, NotFound) as e:
            return self._failed(str(e))
        try:
            self.ctx.grade(row.id, judge=True, use_library=bool(use_library))
            note = render.status(words(language(request))("review.regraded"), "ok")
        except Exception as e:  # the judge or the store: logged under an id, the card stays as it was
            note = render.status(reported(f"re-grading session {row.id}", e), "err")
        return self.open(sid, request, note=note)

    def add_comment(self, sid, turn, text, reply_to, request: gr.Request):
        """An evaluator's comment on turn # (as shown), or the trainee's one reply to comment `reply_to`."""
        try:
            self.ctx.comment(self._user(request), sid, int(turn or 1) - 1, text or "", int(reply_to or 0))
        except (Forbidden, NotFound, annotations.AnnotationError) as e:
            return self._failed(str(e))
        return self.open(sid, request, note=render.status(words(language(request))("review.comment_saved"), "ok"))

    def add_grade(self, sid, scores, note, request: gr.Request):
        try:
            self.ctx.human_grade(self._user(request), sid, parse_scores(scores), note or "")
        except (Forbidden, NotFound, ValueError) as e:  # ValidationError is a ValueError
            return self._failed(_message(e))
        return self.open(sid, request, note=render.status(words(language(request))("review.grade_saved"), "ok"))

    def redo(self, sid, turn, request: gr.Request):
        """Fork at the trainee's turn # (as shown): the new session's id, which Practice then shows."""
        try:
            return self.ctx.fork(self._user(request), sid, int(turn or 0) - 1).session.id
        except (Forbidden, NotFound, CannotFork) as e:
            raise gr.Error(str(e), print_exception=False) from None  # stops the chain: Practice stays as it is

    def agreement(self, request: gr.Request) -> dict:
        try:
            user = self._user(request)
            if not user.sees_all_sessions:
                raise Forbidden("the agreement view is for trainers and evaluators")
        except Forbidden as e:
            return {self.a_table: [], self.a_status: gr.update(value=render.status(str(e), "err"), visible=True),
                    self.a_csv: gr.update(visible=False)}
        rows = self.ctx.agreement(user)
        table = [[r.skill, r.n, f"{r.mean_difference:+.1f}", "" if r.spearman is None else f"{r.spearman:.2f}",
                  f"{r.within_10:.0%}", "yes" if r.flagged else "", r.sessions[0]] for r in rows]
        csv = self.write(f"agreement-{datetime.now(timezone.utc):%Y%m%d-%H%M%S}.csv", agree.to_csv(rows))
        note = gr.update(value=render.status(words(language(request))("review.no_agreement"), "info"),
                         visible=not rows)
        return {self.a_table: table, self.a_status: note, self.a_csv: gr.update(value=str(csv), visible=bool(rows))}

    def progress(self, trainee, request: gr.Request) -> dict:
        try:
            user = self._user(request)
        except Forbidden as e:
            return {self.p_chart: render.status(str(e), "err"), self.p_table: []}
        chart, table = progress_view(self.ctx, user, trainee, language(request))
        return {self.p_chart: chart, self.p_table: table}


def progress_view(ctx: Context, user: User, trainee: str | None, lang: str = "en"):
    name = trainee if user.sees_all_sessions and trainee else user.name
    rows = [r for r in ctx.sessions_for(user, trainee=name) if r.scorecard]
    rows.sort(key=lambda r: r.created_at)
    series: dict[str, list] = {}
    table = []
    names = {p.id: p.name for p in ctx.personas()}
    for r in rows:
        skills = r.scorecard.get("skills", {})
        series.setdefault("overall", []).append((r.created_at, float(r.overall or 0)))
        for s, v in skills.items():
            series.setdefault(s, []).append((r.created_at, float(v.get("score", 0))))
        table.append([r.created_at.strftime("%Y-%m-%d %H:%M"), names.get(r.persona_id, r.persona_id or ""),
                      f"{r.overall:.0f}" if r.overall is not None else "",
                      *[f"{float(skills[s]['score']):.0f}" if s in skills else "" for s in render.SKILL_ORDER]])
    return render.progress_chart(series, words(lang)("chart.progress", name=name), lang), table
