"""The web app: Practice, Personas and Review tabs over the roleplay core.

    demo = build(store=..., library=..., client=..., single_user=True)
    demo.launch(**launch_options(demo), server_name="127.0.0.1", server_port=7860)

`app.py` at the repository root wires this to the command line (`roleplay serve`).
"""

from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr  # noqa: E402

from ..accounts import Accounts  # noqa: E402
from ..library import Library  # noqa: E402
from ..model import CustomerModel, build_model  # noqa: E402
from ..store import Store  # noqa: E402
from . import api, i18n, render, theme  # noqa: E402
from .auth import auth_callable, login_message  # noqa: E402
from .context import Context, Forbidden, NotFound  # noqa: E402
from .errors import told  # noqa: E402
from .personas_tab import PersonasTab  # noqa: E402
from .practice import PracticeTab  # noqa: E402
from .review import ReviewTab  # noqa: E402
from .team_tab import TeamTab  # noqa: E402

__all__ = ["build", "launch_options", "Context"]


def build(store: Store | None = None, library: Library | None = None, client: CustomerModel | None = None,
          single_user: bool = False, accounts: Accounts | None = None, data=None) -> gr.Blocks:
    """The app as a gr.Blocks; `demo.rp_context` holds its services."""
    store = store or Store()
    library = library or Library()
    client = client or build_model()
    if accounts is None:
        accounts = Accounts(store.url)
    ctx = Context(store, library, client, accounts=accounts, single_user=single_user, data=data)

    # Gradio's cache holds a copy of every audio file and export handed to a page: each hour, copies
    # older than a day go (a page that old fetches them anew when reloaded).
    with gr.Blocks(title="Roleplay Practice Room", analytics_enabled=False, delete_cache=(3600, 24 * 3600)) as demo:
        header = gr.HTML(render.header("", "", single_user), elem_id="rp-header")
        practice, personas, review = PracticeTab(ctx), PersonasTab(ctx), ReviewTab(ctx)
        team = TeamTab(ctx, review.downloads.write)
        with gr.Tabs(elem_id="rp-tabs") as tabs:
            with gr.Tab(i18n.t("tab.practice"), id="practice", elem_id="rp-tab-practice"):
                practice.build()
            with gr.Tab(i18n.t("tab.personas"), id="personas", elem_id="rp-tab-personas"):
                personas.build()
            with gr.Tab(i18n.t("tab.review"), id="review", elem_id="rp-tab-review"):
                review.build()
            with gr.Tab(i18n.t("tab.team"), id="team", elem_id="rp-tab-team"):
                team.build()
        api.register(ctx)  # first, so the API endpoints get their plain names
        practice.wire()
        personas.wire(practice)
        review.wire()
        team.wire()
        # A session behind an overview cell opens in Review's replay.
        team.o_sessions.select(review.pick_row, team.o_sessions, review.sid, api_visibility="private").then(
            lambda: gr.update(selected="review"), None, tabs, api_visibility="private").then(
            review.open, review.sid, review._replay_outputs(), api_visibility="private")
        def resume(sid, request: gr.Request) -> dict:
            """Continue a session from Review in Practice; a problem is said in Review."""
            try:
                shown = practice.resume(sid, request)
            except (NotFound, Forbidden) as e:
                return {review.replay_status: gr.update(value=render.status(told(e, i18n.language(request)), "err"),
                                                      visible=True)}
            return {**shown, tabs: gr.update(selected="practice"), review.replay_status: gr.update(visible=False)}

        resumed = [*practice.shown_outputs(), tabs, review.replay_status]
        review.continue_btn.click(resume, review.sid, resumed, api_visibility="private")
        review.redo_btn.click(review.redo, [review.sid, review.redo_turn], review.fork_sid,
                              api_visibility="private").success(resume, review.fork_sid, resumed,
                                                                api_visibility="private")

        def on_load(request: gr.Request) -> dict:
            lang = i18n.language(request)
            try:
                user = ctx.user(request)
            except Forbidden:
                return {header: render.header("?", i18n.words(lang)("app.not_signed_in"), single_user, lang)}
            return {header: render.header(user.name, user.label, single_user, lang), **personas.on_load(user, lang),
                    **review.on_load(user, lang), **practice.on_load(user, request), **team.on_load(user, lang)}

        loaded = [header, *personas.loaded(), *review.loaded(), *practice.loaded(), *team.outputs()]
        demo.load(on_load, None, loaded, api_visibility="private")
    # Replies at once per event in this process. With the embedded model 8 is plenty (they share two
    # cores); in front of a batching model server a process mostly waits, and can take more.
    demo.queue(default_concurrency_limit=concurrency())
    demo.rp_context = ctx
    return demo


def concurrency() -> int:
    value = os.environ.get("ROLEPLAY_CONCURRENCY", "").strip() or "8"
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"ROLEPLAY_CONCURRENCY must be a whole number of at least 1, not {value!r}")
    return int(value)


def launch_options(demo: gr.Blocks) -> dict:
    """theme, css, the interface's words and sign-in for demo.launch() (in Gradio 6 these belong to launch)."""
    ctx: Context = demo.rp_context
    opts = {"theme": theme.theme(), "css": theme.CSS, "i18n": i18n.translations(), "footer_links": [],
            "show_error": False, "allowed_paths": [], "ssr_mode": False, "max_file_size": "50mb"}
    if not ctx.single_user:
        opts["auth"] = auth_callable(ctx.accounts)
        opts["auth_message"] = login_message()
    return opts
