"""The Practice tab's layout: the picker, the conversation and the result, as Gradio components.

Only the components and the lists of them that events update; what the events do is in
practice_turn.py (a typed turn), practice_voice.py (a spoken one) and practice.py (choosing, starting).
"""

from __future__ import annotations

import os

import gradio as gr

from . import render
from .chips import difficulty_choices
from .context import Context
from .i18n import t, words
from .speech_player import CUT_IN_JS, SPEECH_JS, speech_queue


def silence_limits() -> dict[str, float]:
    """Seconds of silence before the customer asks if anyone is there (ROLEPLAY_SILENCE_S=voice:12,chat:90)."""
    limits = {"voice": 12.0, "chat": 90.0}
    for part in os.environ.get("ROLEPLAY_SILENCE_S", "").split(","):
        channel, _, seconds = part.partition(":")
        if channel.strip() in limits and seconds.strip():
            limits[channel.strip()] = float(seconds)
    return limits


CHANNELS = ("chat", "voice")


def channel_choices(lang: str, only: str = "both") -> list[tuple[str, str]]:
    w = words(lang)
    return [(w(f"practice.channel.{c}"), c) for c in CHANNELS if only in ("both", c)]


class PracticeLayout:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def build(self) -> None:
        ctx = self.ctx
        self.sid = gr.State("")
        with gr.Column(visible=True, elem_id="rp-picker") as self.picker:
            with gr.Accordion(t("practice.my_assignments"), open=True, visible=False, elem_id="rp-my-box") as self.my_box:
                self.my_table = gr.HTML(elem_id="rp-my-assignments")
                with gr.Row():
                    self.assignment_dd = gr.Dropdown(choices=[], value=None, label=t("practice.assignment"), scale=3,
                                                     elem_id="rp-assignment", interactive=True)
                    self.assignment_btn = gr.Button(t("practice.start_assignment"), variant="primary", scale=1,
                                                    elem_id="rp-assignment-start")
            with gr.Row(equal_height=False):
                with gr.Column(scale=3):
                    gr.HTML(t("practice.choose"), html_template='<div class="rp-title">${value}</div>')
                    gr.HTML(t("practice.choose_sub"), html_template='<p class="rp-sub">${value}</p>')
                    self.cards = gr.HTML(render.persona_cards(ctx.personas()), js_on_load=render.CARDS_JS,
                                         elem_id="rp-cards")
                with gr.Column(scale=2, min_width=340):
                    self.persona_dd = gr.Dropdown(choices=self._choices(), value=None, label=t("practice.customer"),
                                                  elem_id="rp-persona", interactive=True)
                    self.brief = gr.HTML(render.brief(None), elem_id="rp-brief")
                    # Choices are written for each page when it loads (localize), in its language.
                    self.channel = gr.Radio(channel_choices("en"), value="chat", label=t("practice.channel"),
                                            elem_id="rp-channel")
                    self.difficulty = gr.Radio(difficulty_choices("en"), value="medium", label=t("practice.difficulty"),
                                               elem_id="rp-difficulty", info=t("practice.difficulty_info"))
                    self.start_btn = gr.Button(t("practice.start"), variant="primary", size="lg",
                                               interactive=False, elem_id="rp-start")
                    self.start_status = gr.HTML()
        with gr.Column(visible=False, elem_id="rp-convo") as self.convo:
            with gr.Row(equal_height=False):
                with gr.Column(scale=3):
                    self.chat_head = gr.HTML()
                    # Text, not Markdown: a trainee's [link](…) or ![image](…) shows as typed.
                    self.chat = gr.Chatbot(elem_id="rp-chat", height=480, show_label=False, layout="bubble",
                                           render_markdown=False,
                                           buttons=[], feedback_options=None, placeholder="",
                                           avatar_images=render.avatar_files(ctx.data / "ui"))
                    with gr.Row(visible=True, elem_id="rp-chat-input") as self.chat_row:
                        self.msg = gr.Textbox(placeholder=t("practice.type_here"), show_label=False,
                                              scale=6, lines=1, max_lines=6, elem_id="rp-msg", container=False)
                        self.send_btn = gr.Button(t("practice.send"), variant="primary", scale=1, min_width=90,
                                                  elem_id="rp-send")
                    with gr.Column(visible=False, elem_id="rp-voice") as self.voice_col:
                        # Streamed: the recording is transcribed while the trainee speaks (speech.live).
                        self.mic = gr.Audio(sources=["microphone"], type="numpy", streaming=True,
                                            label=t("practice.mic"), elem_id="rp-mic")
                        self.rec = gr.Textbox(visible="hidden", elem_id="rp-rec")  # the recording's id
                        with gr.Accordion(t("practice.upload"), open=False):
                            self.upload = gr.Audio(sources=["upload"], type="filepath", elem_id="rp-upload",
                                                   show_label=False)
                    self.speech = gr.HTML(speech_queue([]), js_on_load=SPEECH_JS, elem_id="rp-speech")
                    self.cut_in = gr.HTML("", js_on_load=CUT_IN_JS, elem_id="rp-cut-in")
                    self.err = gr.HTML(elem_id="rp-error")
                    self.retry_btn = gr.Button(t("practice.retry"), visible=False, elem_id="rp-retry")
                with gr.Column(scale=1, min_width=300):
                    self.side = gr.HTML()
                    self.meter = gr.HTML(elem_id="rp-meter")
                    with gr.Accordion(t("policy"), open=True):
                        self.policy = gr.HTML()
                    self.why_live = gr.HTML(elem_id="rp-why-live")  # what moved the customer just now
                    self.hint_btn = gr.Button(t("practice.hint"), size="sm", elem_id="rp-hint")
                    self.hint_text = gr.HTML(elem_id="rp-hint-text")
                    self.end_btn = gr.Button(t("practice.end"), variant="secondary",
                                             elem_id="rp-end")
        with gr.Column(visible=False, elem_id="rp-result") as self.result:
            self.result_status = gr.HTML(visible=False)
            with gr.Row(equal_height=False):
                with gr.Column(scale=3):
                    self.scorecard = gr.HTML(elem_id="rp-scorecard")
                with gr.Column(scale=2):
                    gr.HTML(t("result.transcript"), html_template='<div class="rp-title">${value}</div>')
                    gr.HTML(t("result.transcript_sub"), html_template='<p class="rp-sub">${value}</p>')
                    self.result_transcript = gr.HTML(elem_id="rp-result-transcript")
            with gr.Row():
                self.again_btn = gr.Button(t("result.again"), variant="primary", elem_id="rp-again", scale=2)
                # Turn numbers as the transcript shows them (#1 is the customer's opening).
                self.redo_turn = gr.Number(label=t("result.redo_turn"), precision=0, minimum=2, elem_id="rp-result-redo-turn",
                                           scale=1)
                self.redo_btn = gr.Button(t("result.redo"), elem_id="rp-result-redo", scale=2)
        self.silence_limits = silence_limits()
        self.silence_timer = gr.Timer(min(self.silence_limits.values()) / 4)

    def _choices(self):
        return [(f"{p.name} — {p.situation}", p.id) for p in self.ctx.personas()]

    def loaded(self) -> list:
        """What the app's load event fills in (on_load)."""
        return [self.cards, self.persona_dd, self.brief, self.channel, self.difficulty, *self._assignment_views()]

    def _assignment_views(self) -> list:
        return [self.my_box, self.my_table, self.assignment_dd]

    def shown_outputs(self) -> list:
        """What showing a running session updates (start, or continue from Review)."""
        return [self.sid, self.picker, self.convo, self.result, self.chat, self.chat_row, self.voice_col, self.side,
                self.meter, self.policy, self.speech, self.err, self.retry_btn, self.msg, self.start_status,
                self.send_btn, self.chat_head, self.why_live, self.hint_text]
