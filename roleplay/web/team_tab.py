"""The Team tab, for trainers: the team overview (heat map, table, the sessions behind a cell, CSV),
assignments with pass marks, and groups of trainees.  Handlers only drive the core (Context,
roleplay.assignments, roleplay.overview)."""

from __future__ import annotations

from datetime import datetime, timezone

import gradio as gr
from pydantic import ValidationError

from .. import assignments, lrs, overview
from ..accounts import AccountError, User
from . import chips, render, team_view
from .context import Context, Forbidden
from .errors import told
from .filters import ALL, parse_scores, parse_since
from .i18n import language, t, words

# Tables' headings and choices by their ui words: written for each page when it loads, in its language.
CELL_COLUMNS = ("review.col.date", "review.col.customer", "review.col.score", "review.col.result",
                "review.col.session")
ASSIGNMENT_COLUMNS = ("review.col.customer", "practice.difficulty", "team.col.for", "mine.pass", "team.col.attempts",
                      "mine.due", "team.col.passed", "team.col.failed", "team.col.open", "team.col.not_started")
GROUP_COLUMNS = ("team.group", "team.col.members")
MEASURES = ("latest", "best")


def headers(keys, lang: str) -> list[str]:
    w = words(lang)
    return [w(k) for k in keys]


def assignment_headers(lang: str) -> list[str]:
    return ["#", *headers(ASSIGNMENT_COLUMNS, lang)]


def difficulty_choices(lang: str) -> list[tuple[str, str]]:
    """An assignment's difficulty: the persona's own ("as written") or one of the three."""
    return [(words(lang)("team.as_written"), ""), *chips.difficulty_choices(lang)]


def measure_choices(lang: str) -> list[tuple[str, str]]:
    w = words(lang)
    return [(w(f"team.measure.{m}"), m) for m in MEASURES]


def _message(e: Exception, lang: str) -> str:
    if isinstance(e, ValidationError):
        return "; ".join(f"{'.'.join(map(str, err['loc'])) or 'assignment'}: {err['msg']}" for err in e.errors())
    return told(e, lang)


class TeamTab:
    def __init__(self, ctx: Context, write):
        self.ctx = ctx
        self.write = write  # (file name, text) -> path of an export the page may download

    def build(self) -> None:
        self.locked = gr.HTML(t("team.locked"), html_template='<div class="rp-empty">${value}</div>',
                              elem_id="rp-team-locked")
        with gr.Column(visible=False, elem_id="rp-team") as self.body:
            with gr.Tabs(elem_id="rp-team-tabs"):
                with gr.Tab(t("team.overview"), id="overview"):
                    with gr.Row(equal_height=False):
                        self.o_group = gr.Dropdown([ALL], value=ALL, label=t("team.group"), elem_id="rp-o-group", scale=2)
                        self.o_since = gr.Textbox(label=t("review.since"), placeholder="YYYY-MM-DD", elem_id="rp-o-since",
                                                  scale=1)
                        self.o_until = gr.Textbox(label=t("team.until"), placeholder="YYYY-MM-DD", elem_id="rp-o-until",
                                                  scale=1)
                        self.o_measure = gr.Radio(measure_choices("en"),
                                                  value="latest", label=t("team.measure"), elem_id="rp-o-measure",
                                                  scale=2)
                        self.o_show = gr.Button(t("team.show"), variant="primary", elem_id="rp-o-show", scale=1)
                    self.o_status = gr.HTML(visible=False, elem_id="rp-o-status")
                    self.o_heat = gr.HTML(elem_id="rp-heatmap")
                    gr.HTML(t("team.click_score"), html_template='<p class="rp-sub">${value}</p>')
                    self.o_table = gr.Dataframe(value=[], interactive=False, elem_id="rp-overview", wrap=True)
                    self.o_csv = gr.DownloadButton(t("team.o_csv"), visible=False, elem_id="rp-o-csv")
                    self.o_cell = gr.HTML(elem_id="rp-cell-head")
                    self.o_sessions = gr.Dataframe(headers=headers(CELL_COLUMNS, "en"), value=[], interactive=False,
                                                   elem_id="rp-cell-sessions")
                with gr.Tab(t("team.assignments"), id="assignments"):
                    with gr.Row(equal_height=False):
                        self.a_persona = gr.Dropdown([], label=t("practice.customer"), elem_id="rp-as-persona", scale=2)
                        self.a_difficulty = gr.Radio(difficulty_choices("en"), value="", label=t("practice.difficulty"),
                                                     elem_id="rp-as-difficulty", scale=2)
                    with gr.Row(equal_height=False):
                        self.a_trainees = gr.Dropdown([], multiselect=True, label=t("team.trainees"),
                                                      elem_id="rp-as-trainees", scale=2)
                        self.a_groups = gr.Dropdown([], multiselect=True, label=t("team.groups"), elem_id="rp-as-groups",
                                                    scale=2)
                    with gr.Row(equal_height=False):
                        self.a_pass = gr.Number(value=60, label=t("team.pass"),
                                                elem_id="rp-as-pass")
                        self.a_skills = gr.Textbox(label=t("team.pass_skills"),
                                                   placeholder="empathy=60, honesty=70", elem_id="rp-as-skills")
                        self.a_attempts = gr.Number(value=None, precision=0, minimum=1, label=t("team.attempts"),
                                                    elem_id="rp-as-attempts")
                        self.a_due = gr.Textbox(label=t("team.due"), placeholder="YYYY-MM-DD", elem_id="rp-as-due")
                    self.a_btn = gr.Button(t("team.assign"), variant="primary", elem_id="rp-as-assign")
                    self.a_status = gr.HTML(elem_id="rp-as-status")
                    self.a_table = gr.Dataframe(headers=assignment_headers("en"), value=[], interactive=False,
                                                elem_id="rp-as-table", wrap=True)
                    with gr.Row():
                        self.a_remove_id = gr.Number(label=t("team.remove_id"), precision=0, minimum=1,
                                                     elem_id="rp-as-remove-id")
                        self.a_remove = gr.Button(t("team.remove"), elem_id="rp-as-remove")
                with gr.Tab(t("team.groups"), id="groups"):
                    with gr.Row(equal_height=False):
                        self.g_user = gr.Dropdown([], label=t("transcript.trainee"), elem_id="rp-gr-user", scale=2)
                        self.g_name = gr.Dropdown([], label=t("team.group"), allow_custom_value=True, elem_id="rp-gr-name",
                                                  scale=2, info=t("team.group_info"))
                        self.g_add = gr.Button(t("team.join"), variant="primary", elem_id="rp-gr-add", scale=1)
                        self.g_leave = gr.Button(t("team.leave"), elem_id="rp-gr-leave", scale=1)
                    self.g_status = gr.HTML(elem_id="rp-gr-status")
                    self.g_table = gr.Dataframe(headers=headers(GROUP_COLUMNS, "en"), value=[], interactive=False,
                                                elem_id="rp-gr-table")
                with gr.Tab(t("tab.lms"), id="lms"):
                    gr.HTML(t("team.lms_sub"), html_template='<p class="rp-sub">${value}</p>')
                    with gr.Row(equal_height=False):
                        self.l_endpoint = gr.Textbox(label=t("team.lrs_endpoint"), placeholder="https://lrs.example.com/xapi/",
                                                     elem_id="rp-lrs-endpoint", scale=3)
                        self.l_user = gr.Textbox(label=t("team.lrs_user"), elem_id="rp-lrs-user", scale=2)
                        self.l_password = gr.Textbox(label=t("team.lrs_password"), type="password",
                                                     elem_id="rp-lrs-password", scale=2,
                                                     placeholder=t("team.lrs_password_hint"))
                        self.l_home = gr.Textbox(label=t("team.lrs_home"), elem_id="rp-lrs-home", scale=2,
                                                 placeholder="https://training.example.com")
                    self.l_save = gr.Button(t("team.lrs_save"), elem_id="rp-lrs-save")
                    with gr.Row():
                        self.l_since = gr.Textbox(label=t("team.lrs_since"), placeholder="YYYY-MM-DD",
                                                  elem_id="rp-lrs-since")
                        self.l_send = gr.Button(t("team.lrs_send"), variant="primary", elem_id="rp-lrs-send")
                    self.l_status = gr.HTML(elem_id="rp-lrs-status")

    # events ------------------------------------------------------------------------------------

    def wire(self) -> None:
        filters = [self.o_group, self.o_since, self.o_until, self.o_measure]
        self.o_show.click(self.show, filters, [self.o_heat, self.o_table, self.o_csv, self.o_status],
                          api_visibility="private")
        self.o_table.select(self.cell, filters, [self.o_cell, self.o_sessions], api_visibility="private")
        self.a_btn.click(self.assign, [self.a_persona, self.a_difficulty, self.a_trainees, self.a_groups, self.a_pass,
                                       self.a_skills, self.a_attempts, self.a_due],
                         [self.a_status, self.a_table], api_visibility="private")
        self.a_remove.click(self.remove, self.a_remove_id, [self.a_status, self.a_table], api_visibility="private")
        self.l_save.click(self.save_lrs, [self.l_endpoint, self.l_user, self.l_password, self.l_home],
                          [self.l_status, self.l_password], api_visibility="private")
        self.l_send.click(self.send_lrs, self.l_since, self.l_status, api_visibility="private")
        group_out = [self.g_status, self.g_table, self.g_name, self.a_groups, self.o_group]
        self.g_add.click(self.join, [self.g_user, self.g_name], group_out, api_visibility="private")
        self.g_leave.click(self.leave, [self.g_user, self.g_name], group_out, api_visibility="private")

    def outputs(self) -> list:
        """What the app's load event fills in (see on_load)."""
        return [self.locked, self.body, self.a_persona, self.a_trainees, self.g_user, self.a_table, self.l_endpoint,
                self.l_user, self.l_home, self.o_measure, self.a_difficulty, self.o_sessions, *self._groups_out()]

    def _groups_out(self) -> list:
        return [self.g_table, self.g_name, self.a_groups, self.o_group]

    def on_load(self, user: User, lang: str = "en") -> dict:
        """The tab for a trainer, its tables and choices in the page's language `lang`."""
        if not user.has("trainer"):
            return {self.locked: gr.update(visible=True), self.body: gr.update(visible=False)}
        trainees = self.ctx.trainees(user)
        personas = [(p.name, p.id) for p in self.ctx.personas()]
        saved = self.ctx.lrs_settings()
        return {self.locked: gr.update(visible=False), self.body: gr.update(visible=True),
                self.a_persona: gr.update(choices=personas), self.a_trainees: gr.update(choices=trainees),
                self.g_user: gr.update(choices=trainees), self.a_table: self._assignment_rows(lang),
                self.l_endpoint: saved.endpoint, self.l_user: saved.username, self.l_home: saved.homepage,
                self.o_measure: gr.update(choices=measure_choices(lang)),
                self.a_difficulty: gr.update(choices=difficulty_choices(lang)),
                self.o_sessions: {"headers": headers(CELL_COLUMNS, lang), "data": []}, **self._group_views(lang)}

    def _trainer(self, request) -> User:
        user = self.ctx.user(request)
        if not user.has("trainer"):
            raise Forbidden("team.trainer_only")
        return user

    # overview ----------------------------------------------------------------------------------

    def _overview(self, group, since, until, measure, request) -> overview.Overview:
        user = self._trainer(request)
        lang = language(request)
        f = overview.Filters(group=None if group in (None, "", ALL) else group, measure=measure or "latest",
                             since=parse_since(since, lang), until=parse_since(until, lang))
        return self.ctx.overview(user, f)

    def show(self, group, since, until, measure, request: gr.Request):
        try:
            ov = self._overview(group, since, until, measure, request)
        except (Forbidden, ValueError) as e:
            return "", [], gr.update(visible=False), gr.update(value=render.status(_message(e, language(request)), "err"), visible=True)
        lang = language(request)
        csv = self.write(f"team-{datetime.now(timezone.utc):%Y%m%d-%H%M%S}.csv", overview.to_csv(ov))
        return (team_view.heatmap(ov, lang), team_view.overview_table(ov, lang),
                gr.update(value=str(csv), visible=bool(ov.rows)), gr.update(visible=False))

    def cell(self, group, since, until, measure, evt: gr.SelectData, request: gr.Request):
        """The sessions behind a clicked cell (its trainee's graded sessions for that skill)."""
        w = words(language(request))
        try:
            ov = self._overview(group, since, until, measure, request)
            row, col = evt.index
            trainee = ov.rows[row].trainee
            column = overview.header(ov)[col]
            ids = ov.cell(trainee, column).sessions if column in (*ov.skills, overview.OVERALL) else \
                ov.cell(trainee, overview.OVERALL).sessions
        except (Forbidden, ValueError, IndexError, StopIteration) as e:
            return render.status(_message(e, language(request)), "err"), {"headers": headers(CELL_COLUMNS, w.lang), "data": []}
        names = {p.id: p.name for p in self.ctx.personas()}
        rows = [self.ctx.store.get(i) for i in ids]
        table = [[r.created_at.strftime("%Y-%m-%d %H:%M"), names.get(r.persona_id, r.persona_id or ""),
                  f"{r.overall:.0f}" if r.overall is not None else "",
                  w("result.passed" if r.scorecard.get("passed") else "result.not_passed"), r.id]
                 for r in rows if r is not None]
        head = render.status(w("team.cell", trainee=trainee, column=team_view.column_name(column, w.lang),
                               n=len(table)), "info")
        return head, {"headers": headers(CELL_COLUMNS, w.lang), "data": table}

    # assignments -------------------------------------------------------------------------------

    def _assignment_rows(self, lang: str = "en") -> dict:
        """The assignments table, with its headings, in `lang`."""
        w = words(lang)
        groups = self.ctx.groups()
        tries = assignments.attempts(self.ctx.store)
        names = {p.id: p.name for p in self.ctx.personas()}
        out = []
        for a in assignments.all_assignments(self.ctx.store):
            states = [assignments.standing_of(a, t, tries.get(a.id, [])).state
                      for t in assignments.assignees(a, groups)]
            marks = f"{a.pass_overall:.0f}" + "".join(f", {k} {v:.0f}" for k, v in sorted(a.pass_skills.items()))
            out.append([a.id, names.get(a.persona_id, a.persona_id),
                        w(f"difficulty.{a.difficulty}") if a.difficulty else w("mine.as_written"),
                        ", ".join([*a.trainees, *(w("team.for_group", group=g) for g in a.groups)]), marks,
                        a.max_attempts or w("team.any"), a.due_at.strftime("%Y-%m-%d") if a.due_at else "",
                        states.count("passed"), states.count("failed"),
                        states.count("open") + states.count("in progress"), states.count("not started")])
        return {"headers": assignment_headers(lang), "data": out}

    def assign(self, persona, difficulty, trainees, groups, pass_overall, skills, attempts, due,
               request: gr.Request):
        lang = language(request)
        try:
            user = self._trainer(request)
            spec = assignments.AssignmentSpec(
                persona_id=persona or "", difficulty=difficulty or None, trainees=trainees or [],
                groups=groups or [], pass_overall=60 if pass_overall is None else pass_overall,
                pass_skills=parse_scores(skills, lang), max_attempts=int(attempts) if attempts else None,
                due=parse_since(due, lang).date() if (due or "").strip() else None)
            aid = assignments.create(self.ctx.store, spec, user.name, [p.id for p in self.ctx.personas()],
                                     [u.name for u in self.ctx.accounts.list()] if self.ctx.accounts else [])
        except (Forbidden, ValueError, ValidationError) as e:
            return render.status(_message(e, language(request)), "err"), gr.skip()
        w = words(language(request))
        return render.status(w("team.assigned", id=aid), "ok"), self._assignment_rows(w.lang)

    def remove(self, assignment_id, request: gr.Request):
        try:
            self._trainer(request)
        except Forbidden as e:
            return render.status(told(e, language(request)), "err"), gr.skip()
        w = words(language(request))
        if not assignment_id or not assignments.remove(self.ctx.store, int(assignment_id)):
            return render.status(w("team.no_assignment"), "err"), gr.skip()
        return render.status(w("team.removed", id=int(assignment_id)), "ok"), self._assignment_rows(w.lang)

    # groups ------------------------------------------------------------------------------------

    def _group_views(self, lang: str = "en") -> dict:
        groups = self.ctx.groups()
        names = sorted(groups)
        return {self.g_table: {"headers": headers(GROUP_COLUMNS, lang),
                               "data": [[g, ", ".join(m)] for g, m in sorted(groups.items())]},
                self.g_name: gr.update(choices=names), self.a_groups: gr.update(choices=names),
                self.o_group: gr.update(choices=[ALL, *names])}

    def _change_group(self, change, done: str, user, group, request) -> dict:
        """Make a change to groups; `done` is what to say (a ui word) once it is made."""
        w = words(language(request))
        try:
            self._trainer(request)
            if self.ctx.accounts is None:
                raise AccountError(w("team.groups_need_accounts"))
            change(w)
        except (Forbidden, AccountError) as e:
            return {self.g_status: render.status(told(e, language(request)), "err")}
        return {self.g_status: render.status(w(done, user=user, group=group), "ok"), **self._group_views(w.lang)}

    def join(self, user, group, request: gr.Request):
        return self._change_group(lambda w: self.ctx.accounts.join(user or "", group or ""),
                                  "team.joined", user, group, request)

    def leave(self, user, group, request: gr.Request):
        def change(w):
            if not self.ctx.accounts.leave(user or "", group or ""):
                raise AccountError(w("team.not_in", user=user, group=group))

        return self._change_group(change, "team.left", user, group, request)

    # LMS ---------------------------------------------------------------------------------------

    def save_lrs(self, endpoint, username, password, homepage, request: gr.Request):
        """Save the LRS settings (the secret is never shown again; empty keeps the saved one)."""
        try:
            self._trainer(request)
            if self.ctx.accounts is None:
                raise Forbidden("team.settings_need_accounts")
            new = lrs.LrsSettings(endpoint=endpoint or "", username=username or "",
                                  password=password or self.ctx.lrs_settings().password, homepage=homepage or "")
        except (Forbidden, ValidationError) as e:
            return render.status(_message(e, language(request)), "err"), ""
        lrs.save(self.ctx.accounts, new)
        return render.status(words(language(request))("team.saved"), "ok"), ""

    def send_lrs(self, since, request: gr.Request):
        try:
            user = self._trainer(request)
            rows = self.ctx.sessions_for(user, since=parse_since(since, language(request)))
            sent = lrs.send(self.ctx.xapi_statements(rows), self.ctx.lrs_settings())
        except (Forbidden, ValueError, lrs.LrsError) as e:
            return render.status(_message(e, language(request)), "err")
        return render.status(words(language(request))("team.sent", sent=sent, sessions=len(rows)), "ok")
