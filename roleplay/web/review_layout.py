"""The Review tab's layout: the sessions list, the replay, agreement and progress, as Gradio components.

Only the components and the lists of them that events update; the replay's handlers are in
review_replay.py, the list's, agreement's and progress's in review.py.
"""

from __future__ import annotations

import gradio as gr

from ..skills import ORDER as SKILL_ORDER
from .context import Context
from .downloads import Downloads
from .filters import ALL
from .i18n import t, words
from .scorecard import skill_name

# The tables' headings by ui word (review.col.*, review.a_col.*), written in the page's language.
COLUMNS = ("date", "trainee", "customer", "channel", "turns", "score", "result", "session")
AGREEMENT_COLUMNS = ("skill", "sessions", "difference", "spearman", "within", "flagged", "session")


def headers(lang: str) -> list[str]:
    w = words(lang)
    return [w(f"review.col.{c}") for c in COLUMNS]


def agreement_headers(lang: str) -> list[str]:
    w = words(lang)
    return [w(f"review.a_col.{c}") for c in AGREEMENT_COLUMNS]


def progress_headers(lang: str) -> list[str]:
    w = words(lang)
    skills = [skill_name(s, lang) for s in SKILL_ORDER]
    return [w("review.col.date"), w("review.col.customer"), w("review.p_overall"),
            *(s[:1].upper() + s[1:] for s in skills)]  # headings start with a capital, as English's did


class ReviewLayout:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.downloads = Downloads()  # the exports and lists this tab (and Team) hands to pages

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
                self.a_table = gr.Dataframe(headers=agreement_headers("en"), value=[], interactive=False,
                                            elem_id="rp-agreement")
            with gr.Tab(t("review.progress"), id="progress"):
                with gr.Row(equal_height=False):
                    self.p_trainee = gr.Dropdown(choices=[], label=t("transcript.trainee"), allow_custom_value=True,
                                                 elem_id="rp-p-trainee", scale=3)
                    with gr.Column(scale=1, min_width=150):
                        self.p_btn = gr.Button(t("review.p_show"), variant="primary", elem_id="rp-p-show")
                self.p_chart = gr.HTML(elem_id="rp-p-chart")
                self.p_table = gr.Dataframe(headers=progress_headers("en"), value=[], interactive=False,
                                            elem_id="rp-p-table")

    def _persona_choices(self):
        return [ALL] + [(p.name, p.id) for p in self.ctx.personas()]

    # events ------------------------------------------------------------------------------------
    def _replay_outputs(self):
        return [self.tabs, self.head, self.transcript, self.card, self.curve, self.timeline, self.replay_status,
                self.regrade_btn, self.dl_json, self.dl_csv, self.dl_html, self.dl_xapi, self.continue_btn, self.redo_row,
                self.compare, self.human, self.comment_box, self.grade_box, self.regrade_library]

    def loaded(self) -> list:
        """What the app's load event fills in (on_load)."""
        return [self.f_trainee, self.p_trainee, self.f_persona, self.table, self.list_csv, self.list_xapi_make,
                self.list_xapi, self.a_table, self.p_table]

    def _listed(self) -> list:
        """What a search updates besides the table."""
        return [self.list_status, self.list_csv, self.list_xapi_make, self.list_xapi]
