"""The Review tab: sessions listed and filtered, replay with evidence, audio, curves and timeline,
re-grading with the judge, exports, and a trainee's progress over time.

The tab is its layout (review_layout.py) and the replay's handlers (review_replay.py); here are the
sessions list, the agreement between human and AI grades, progress, and the wiring.
"""

from __future__ import annotations

from datetime import datetime, timezone

import gradio as gr

from .. import agreement as agree
from .. import xapi
from ..accounts import User
from ..skills import ORDER as SKILL_ORDER
from . import exports, render
from .charts import progress_chart
from .context import Context, Forbidden
from .errors import told
from .filters import ALL, parse_since
from .i18n import language, words
from .review_layout import agreement_headers, headers, progress_headers
from .review_replay import ReplayHandlers
from .scorecard import skill_name


def result_label(row, lang: str = "en") -> str:
    w = words(lang)
    if not row.ended:
        return w("state.in_progress")
    if not row.scorecard:
        return w("score.not_graded")
    return w("result.passed") if row.scorecard.get("passed") else w("result.not_passed")


class ReviewTab(ReplayHandlers):
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

    def on_load(self, user: User, lang: str = "en") -> dict:
        """Role-dependent state of the tab's controls, its tables in the page's language (the app's load event)."""
        trainees = self.ctx.trainees(user)
        if user.sees_all_sessions:
            f = gr.update(choices=[ALL, *trainees], value=ALL, interactive=True)
            p = gr.update(choices=trainees, value=trainees[0] if trainees else None, interactive=True)
        else:
            f = gr.update(choices=[user.name], value=user.name, interactive=False)
            p = gr.update(choices=[user.name], value=user.name, interactive=False)
        listed = self.search(None, None, None, 0, user=user, lang=lang)
        listed.pop(self.list_status)  # nothing to say before a search
        return {self.f_trainee: f, self.p_trainee: p, self.f_persona: gr.update(choices=self._persona_choices(), value=ALL),
                self.a_table: {"headers": agreement_headers(lang), "data": []},
                self.p_table: {"headers": progress_headers(lang), "data": []}, **listed}

    def _rows(self, user: User, trainee, persona, since, min_score, test_runs, lang: str = "en") -> list:
        """The sessions the filters pick among those the user may see (ValueError: a bad date)."""
        return self.ctx.sessions_for(user, trainee=None if trainee in (None, "", ALL) else trainee,
                                     persona_id=None if persona in (None, "", ALL) else persona,
                                     since=parse_since(since, lang), min_score=float(min_score) if min_score else None,
                                     test_runs=bool(test_runs))

    def search(self, trainee, persona, since, min_score, test_runs: bool = False, request: gr.Request = None,
               user: User | None = None, lang: str | None = None) -> dict:
        lang = lang or language(request)
        try:
            rows = self._rows(user or self._user(request), trainee, persona, since, min_score, test_runs, lang)
        except (Forbidden, ValueError) as e:
            return {self.list_status: gr.update(value=render.status(told(e, lang), "err"), visible=True)}
        w = words(lang)
        names = {p.id: p.name for p in self.ctx.personas()}
        counts = self.ctx.turn_counts([r.id for r in rows])
        table = [[r.created_at.strftime("%Y-%m-%d %H:%M") if r.created_at else "", r.trainee,
                  names.get(r.persona_id, r.persona_id or ""), w(f"channel.{r.channel}"), counts.get(r.id, 0),
                  "" if r.overall is None else f"{r.overall:.0f}", result_label(r, lang), r.id] for r in rows]
        note = gr.update(value=render.status(w("review.no_match"), "info"), visible=not rows)
        stamp = f"{datetime.now(timezone.utc):%Y%m%d-%H%M%S}"
        csv = self.downloads.write(f"scores-{stamp}.csv", exports.scores_csv(rows))
        return {self.table: {"headers": headers(lang), "data": table}, self.list_status: note,
                self.list_csv: gr.update(value=str(csv), visible=bool(rows)),
                self.list_xapi_make: gr.update(visible=bool(rows)), self.list_xapi: gr.update(visible=False)}

    def statements_for_list(self, trainee, persona, since, min_score, test_runs: bool = False,
                            request: gr.Request = None) -> dict:
        """The listed sessions' xAPI statements as a file, ready to download."""
        try:
            rows = self._rows(self._user(request), trainee, persona, since, min_score, test_runs, language(request))
        except (Forbidden, ValueError) as e:
            return {self.list_status: gr.update(value=render.status(told(e, language(request)), "err"), visible=True)}
        stamp = f"{datetime.now(timezone.utc):%Y%m%d-%H%M%S}"
        path = self.downloads.write(f"xapi-{stamp}.json", xapi.dumps(self.ctx.xapi_statements(rows)))
        return {self.list_xapi: gr.update(value=str(path), visible=True)}

    def pick_row(self, table, evt: gr.SelectData):
        value = getattr(evt, "row_value", None)
        if value:
            return value[-1]
        try:
            return table.iloc[evt.index[0], -1]
        except Exception:
            return gr.skip()

    def agreement(self, request: gr.Request) -> dict:
        lang = language(request)
        w = words(lang)
        try:
            user = self._user(request)
            if not user.sees_all_sessions:
                raise Forbidden("review.a_forbidden")
        except Forbidden as e:
            return {self.a_table: {"headers": agreement_headers(lang), "data": []},
                    self.a_status: gr.update(value=render.status(told(e, lang), "err"), visible=True),
                    self.a_csv: gr.update(visible=False)}
        rows = self.ctx.agreement(user)
        table = [[skill_name(r.skill, lang), r.n, f"{r.mean_difference:+.1f}",
                  "" if r.spearman is None else f"{r.spearman:.2f}", f"{r.within_10:.0%}",
                  w("review.a_yes") if r.flagged else "", r.sessions[0]] for r in rows]
        csv = self.downloads.write(f"agreement-{datetime.now(timezone.utc):%Y%m%d-%H%M%S}.csv", agree.to_csv(rows))
        note = gr.update(value=render.status(w("review.no_agreement"), "info"), visible=not rows)
        return {self.a_table: {"headers": agreement_headers(lang), "data": table}, self.a_status: note,
                self.a_csv: gr.update(value=str(csv), visible=bool(rows))}

    def progress(self, trainee, request: gr.Request) -> dict:
        try:
            user = self._user(request)
        except Forbidden as e:
            return {self.p_chart: render.status(told(e, language(request)), "err"), self.p_table: []}
        lang = language(request)
        chart, table = progress_view(self.ctx, user, trainee, lang)
        return {self.p_chart: chart, self.p_table: {"headers": progress_headers(lang), "data": table}}


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
                      *[f"{float(skills[s]['score']):.0f}" if s in skills else "" for s in SKILL_ORDER]])
    return progress_chart(series, words(lang)("chart.progress", name=name), lang), table
