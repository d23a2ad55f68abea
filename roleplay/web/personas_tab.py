"""The Personas tab (trainers): the library as cards, a YAML editor with live validation,
a preview of the brief, a scripted test run with the frustration curve, and saving."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import gradio as gr

from .. import drafting, persona_tests
from ..library import PersonaError, Problem, parse
from ..model import ModelError
from ..session import PracticeSession
from ..store import Store
from . import render
from .charts import frustration_curve
from .context import Context, Forbidden
from .errors import told
from .events import CardClick
from .i18n import language, t, words
from .transcript import expect_results, mini_conversation

log = logging.getLogger("roleplay.web")

MAX_TEST_LINES = 8

TEMPLATE = """\
# A new customer. Fields: `roleplay personas schema`; errors show below as you type.
id: new-customer
name: Alex Lee
language: en          # en, sv or fi
channel: both         # chat, voice or both
difficulty: medium    # easy, medium or hard
sex: female           # picks the voice
kind: service         # service or sales
situation: A one-line summary for the persona card.
brief: |
  What the trainee reads before starting: who is calling and why, and what a
  good conversation achieves.
background: |
  Who the customer is and what happened, in detail. Only the model reads this.
goal: What the customer wants, in plain words.
opening_line: Hi, I'm calling about my order. It still hasn't arrived.
knows:
  - id: order_number
    text: The order number is 10442.
    value: "10442"
    ask: ['order (number|no\\.?|#)']
hidden_facts:
  - id: travelling
    text: She is travelling on Friday and needs it before then.
    topics: ['when do you need', 'deadline', 'travel']
    unlock: either
policy:
  summary: |
    - You may offer express re-delivery at no cost.
    - You may not promise a delivery date.
  allowed:
    - id: express
      text: Express re-delivery at no cost
      examples: ["I'll send it again by express", "faster delivery at no cost"]
  forbidden:
    - id: promise_date
      text: Promising a delivery date
      examples: ["it will arrive by Friday", "I guarantee it arrives on Monday"]
goals:
  - id: get_it_sooner
    text: Get the parcel sooner
    met_by: [express]
temperament:
  start_frustration: 45
  leave_at: 90
  satisfied_at: 30
lines:
  upset:
    - This is the third time I've asked.
  calmer:
    - Okay, that helps. Thank you.
  leaving:
    - Forget it, I'll cancel the order.
  satisfied:
    - Great, thanks for sorting that out.
"""

DEFAULT_SCRIPT = """\
I'm sorry to hear that. Can you tell me what happened?
That sounds really frustrating, I understand.
Let me see what I can do for you today."""


def check(text: str) -> tuple[object | None, list[Problem]]:
    try:
        return parse(text or "", "<editor>"), []
    except PersonaError as e:
        return None, e.problems


class PersonasTab:
    def __init__(self, ctx: Context, on_saved=None):
        self.ctx = ctx

    def build(self) -> None:
        ctx = self.ctx
        with gr.Row(equal_height=False):
            with gr.Column(scale=1, min_width=300, elem_id="rp-lib-col"):
                gr.HTML(t("personas.title"), html_template='<div class="rp-title">${value}</div>')
                gr.HTML(t("personas.sub"), html_template='<p class="rp-sub">${value}</p>')
                self.cards = gr.HTML(render.persona_cards(ctx.personas()), js_on_load=render.CARDS_JS,
                                     elem_id="rp-lib-cards", elem_classes=["rp-lib"])
                self.lib_errors = gr.HTML(self._library_errors())
                with gr.Column(visible=True) as self.tools:
                    self.new_btn = gr.Button(t("personas.new"), size="sm", elem_id="rp-new")
                    with gr.Accordion(t("personas.draft_box"), open=False, elem_id="rp-draft-box"):
                        self.draft_text = gr.Textbox(
                            lines=4, show_label=False, elem_id="rp-draft-text",
                            placeholder=t("personas.draft_hint"))
                        self.draft_btn = gr.Button(t("personas.draft"), size="sm", elem_id="rp-draft")
                        self.draft_status = gr.HTML(elem_id="rp-draft-status")
                    with gr.Accordion(t("personas.settings"), open=False):
                        self.exam = gr.Checkbox(value=ctx.exam_mode, label=t("personas.exam"),
                                        elem_id="rp-exam")
            with gr.Column(scale=2, visible=False) as self.locked:
                gr.HTML(t("personas.locked"), html_template='<div class="rp-empty" id="rp-personas-locked">${value}</div>')
            with gr.Column(scale=2) as self.editor_col:
                with gr.Tabs():
                    with gr.Tab(t("personas.editor")):
                        self.editor = gr.Code(value=TEMPLATE, language="yaml", lines=26, max_lines=40,
                                              show_label=False, elem_id="rp-yaml", interactive=True)
                        self.problems = gr.HTML(self._problems(TEMPLATE, "en"), elem_id="rp-problems")
                        with gr.Row():
                            self.save_btn = gr.Button(t("personas.save"), variant="primary", elem_id="rp-save")
                        self.save_status = gr.HTML(elem_id="rp-save-status")
                    with gr.Tab(t("personas.preview")):
                        self.preview = gr.HTML(self._preview(TEMPLATE, "en"), elem_id="rp-preview")
                    with gr.Tab(t("personas.test_run")):
                        gr.HTML(t("personas.test_sub"), html_template='<p class="rp-sub">${value}</p>')
                        self.script = gr.Textbox(value=DEFAULT_SCRIPT, lines=4, label=t("personas.script"),
                                                 elem_id="rp-script")
                        self.test_btn = gr.Button(t("personas.run_test"), variant="primary", elem_id="rp-test")
                        with gr.Row(equal_height=False):
                            with gr.Column(scale=3):
                                self.test_convo = gr.HTML(elem_id="rp-test-convo")
                            with gr.Column(scale=2):
                                self.test_curve = gr.HTML()
                        # The words may hold markup (<code>): the packs are ours, as this file is.
                        gr.HTML(t("personas.expect_sub"), html_template='<p class="rp-sub">${value}</p>')
                        self.expect_btn = gr.Button(t("personas.run_expect"), elem_id="rp-expect-run")
                        self.expect_out = gr.HTML(elem_id="rp-expect")

    def loaded(self) -> list:
        """What the app's load event fills in (on_load)."""
        return [self.editor_col, self.locked, self.tools, self.exam, self.lib_errors]

    def on_load(self, user, lang: str = "en") -> dict:
        """Trainers get the editor; everyone else sees the library only (the handlers check too)."""
        can = user.can_edit_personas
        return {self.editor_col: gr.update(visible=can), self.locked: gr.update(visible=not can),
                self.tools: gr.update(visible=can), self.exam: gr.update(value=self.ctx.exam_mode),
                self.lib_errors: self._library_errors(lang)}

    def _library_errors(self, lang: str = "en") -> str:
        return render.library_errors(self.ctx.library.errors, lang)

    def _problems(self, text: str, lang: str) -> str:
        persona, problems = check(text)
        return render.problems(problems, words(lang)("personas.valid", name=persona.name, id=persona.id)
                               if persona else "", lang)

    def _preview(self, text: str, lang: str) -> str:
        persona, problems = check(text)
        if persona is None:
            return render.problems(problems, lang=lang)
        return render.brief(persona, lang=lang)

    def wire(self, practice) -> None:
        self.editor.change(self.validate, self.editor, [self.problems, self.preview], api_visibility="private",
                           show_progress="hidden", trigger_mode="always_last")
        self.cards.click(self.open_card, None, [self.editor, self.save_status], api_visibility="private")
        self.new_btn.click(lambda: (TEMPLATE, ""), None, [self.editor, self.save_status], api_visibility="private")
        self.draft_btn.click(self.draft, self.draft_text, [self.editor, self.draft_status, self.save_status,
                                                           self.problems, self.preview], api_visibility="private")
        self.save_btn.click(self.save, self.editor, [self.save_status, self.problems, self.cards, self.lib_errors],
                            api_visibility="private").then(
            practice.refresh, None, [practice.cards, practice.persona_dd], api_visibility="private")
        self.expect_btn.click(self.expect_run, self.editor, self.expect_out, api_visibility="private")
        self.test_btn.click(self.test_run, [self.editor, self.script], [self.test_convo, self.test_curve],
                            api_visibility="private")
        self.exam.change(self.set_exam, self.exam, self.save_status, api_visibility="private")

    # handlers ----------------------------------------------------------------------------------

    def validate(self, text, request: gr.Request):
        try:
            self.ctx.require(request, "trainer")
        except Forbidden as e:
            return render.status(told(e, language(request)), "err"), ""
        lang = language(request)
        return self._problems(text, lang), self._preview(text, lang)

    def draft(self, description, request: gr.Request):
        """A persona drafted by the model into the editor (never saved here)."""
        try:
            self.ctx.require(request, "trainer")
            text, problems = drafting.draft(self.ctx.client, description, taken_ids=set(self.ctx.library.files))
        except (Forbidden, drafting.DraftError, ModelError) as e:
            return gr.skip(), render.status(told(e, language(request)), "err"), gr.skip(), gr.skip(), gr.skip()
        lang = language(request)
        note = words(lang)("personas.drafted" if not problems else "personas.drafted_problems")
        return (text, render.status(note, "ok" if not problems else "err"), "", self._problems(text, lang),
                self._preview(text, lang))

    def open_card(self, evt: CardClick, request: gr.Request):
        try:
            self.ctx.require(request, "trainer")
        except Forbidden:
            return gr.skip(), gr.skip()
        path = self.ctx.library.files.get(evt.persona or "")
        if path is None:
            return gr.skip(), gr.skip()
        return path.read_text(encoding="utf-8"), ""

    def save(self, text, request: gr.Request):
        try:
            self.ctx.require(request, "trainer")
        except Forbidden as e:
            return render.status(told(e, language(request)), "err"), gr.skip(), gr.skip(), gr.skip()
        lang = language(request)
        w = words(lang)
        try:
            path = self.ctx.library.save(text or "")
        except PersonaError as e:
            return (render.status(w("personas.not_saved_problems"), "err"), render.problems(e.problems, lang=lang),
                    gr.skip(), gr.skip())
        except OSError as e:
            return render.status(w("personas.not_saved", error=e.strerror or e), "err"), gr.skip(), gr.skip(), gr.skip()
        persona, _ = check(text)
        return (render.status(w("personas.saved", name=persona.name, file=path.name), "ok"),
                self._problems(text, lang), render.persona_cards(self.ctx.personas(), lang=lang),
                self._library_errors(lang))

    def set_exam(self, on, request: gr.Request):
        try:
            self.ctx.require(request, "trainer")
        except Forbidden as e:
            return render.status(told(e, language(request)), "err")
        self.ctx.set_exam_mode(bool(on))
        return render.status(words(language(request))("personas.exam_on" if on else "personas.exam_off"), "ok")

    def expect_run(self, text, request: gr.Request) -> str:
        """The editor's persona's expect cases, played as test runs (kept out of trainees' lists)."""
        try:
            self.ctx.require(request, "trainer")
        except Forbidden as e:
            return render.status(told(e, language(request)), "err")
        lang = language(request)
        persona, problems = check(text)
        if persona is None:
            return render.problems(problems, lang=lang)
        try:
            results = persona_tests.run(persona, self.ctx.client, store=self.ctx.store.for_test_runs())
        except ModelError as e:
            return render.status(words(lang)("personas.model_failed", error=e), "err")
        passed = sum(r.ok for r in results)
        summary = render.status(words(lang)("personas.expect_summary", passed=passed, total=len(results)),
                                "ok" if passed == len(results) else "err") if results else ""
        return summary + expect_results(results)

    def test_run(self, text, script, request: gr.Request) -> Iterator[tuple[str, str]]:
        try:
            trainer = self.ctx.require(request, "trainer")
        except Forbidden as e:
            yield render.status(told(e, language(request)), "err"), ""
            return
        lang = language(request)
        persona, problems = check(text)
        if persona is None:
            yield render.problems(problems, lang=lang), ""
            return
        lines = [ln.strip() for ln in (script or "").splitlines() if ln.strip()][:MAX_TEST_LINES]
        if not lines:
            yield render.status(words(lang)("personas.no_lines"), "err"), ""
            return
        yield from run_test(persona, lines, self.ctx.client, self.ctx.store, trainer.name)


def run_test(persona, lines: list[str], client, store: Store, trainer: str) -> Iterator[tuple[str, str]]:
    """Play the persona against scripted lines; yields (conversation, curve) HTML as it goes."""
    t = persona.temperament

    def view(turns, note: str = "", kind: str = "info"):
        convo = mini_conversation(turns, persona.name) + (render.status(note, kind) if note else "")
        pts = [(i, x.frustration) for i, x in enumerate(turns) if x.speaker == "customer" and x.frustration is not None]
        return convo, frustration_curve(pts, t.leave_at, t.satisfied_at)

    steps = play_steps(persona, lines, client, store, trainer)
    turns, state = [], None
    try:
        for turns, state in steps:
            yield view(turns, "Running…")
    except ModelError as e:
        yield view(turns, f"The model failed: {e}", "err")
        return
    end = {"customer_left": "The customer left.", "resolved": "The customer was satisfied."}.get(
        getattr(state, "end_reason", None) or "", "Script finished.")
    yield view(turns, end, "ok")


def play_steps(persona, lines: list[str], client, store: Store, trainer: str):
    """Run a scripted conversation, stored as the trainer's test run; yields (turns, state) after each step."""
    session = PracticeSession.start(store.for_test_runs(), persona, client, trainee=trainer, channel="chat")
    yield list(session.turns), session.state
    for line in lines:
        if session.ended:
            break
        session.reply_text(line)
        yield list(session.turns), session.state


def play_script(persona, lines: list[str], client, store: Store, trainer: str):
    """The whole scripted conversation: (turns, final state)."""
    turns, state = [], None
    for turns, state in play_steps(persona, lines, client, store, trainer):
        pass
    return turns, state
