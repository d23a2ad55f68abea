"""The Practice tab: pick a customer, talk (chat or voice), get the scorecard.

Handlers only drive the core: PracticeSession for the conversation, the speech
modules for voice, the evaluators for the scorecard.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator

import gradio as gr

from .. import assignments, passmark
from ..customer import Delta
from ..fork import CannotFork
from ..interruption import cut_in_after_s
from ..model import ModelError
from ..session import CustomerLine, NothingToRetry, ReplyOwed, SessionEnded
from ..speech.live import CHUNK_S, LiveTranscript
from . import lessons, render, team_view
from .context import Context, Forbidden, Live, NotFound
from .errors import reported
from .events import CardClick, SpeechCut
from .i18n import language, t, words
from .media import public_url

log = logging.getLogger("roleplay.web")

# A recording's name, made in the browser; its start and stop also switch barge-in on and off (render.SPEECH_JS).
NEW_RECORDING_JS = ("() => { window.rpSpeech && window.rpSpeech.listen(); "
                    "return Date.now().toString(36) + Math.random().toString(36).slice(2); }")
STOP_RECORDING_JS = "(...inputs) => { window.rpSpeech && window.rpSpeech.deaf(); return inputs; }"
# The customer cuts in on a long monologue: the server names the recording, the page stops it as the
# trainee's Stop button would (the turn is then taken as usual, with what was said so far).
CUT_IN_JS = """
watch('value', () => {
  if (!element.querySelector('[data-cut-in]')) return;
  const stop = document.querySelector('#rp-mic button.stop-button');  // by class: its text is translated
  if (stop) stop.click();
});
"""

def silence_limits() -> dict[str, float]:
    """Seconds of silence before the customer asks if anyone is there (ROLEPLAY_SILENCE_S=voice:12,chat:90)."""
    limits = {"voice": 12.0, "chat": 90.0}
    for part in os.environ.get("ROLEPLAY_SILENCE_S", "").split(","):
        channel, _, seconds = part.partition(":")
        if channel.strip() in limits and seconds.strip():
            limits[channel.strip()] = float(seconds)
    return limits


SPOKEN_WORDS_PER_S = 2.5  # how long a customer line takes to hear out, roughly

CHANNELS = ("chat", "voice")
DIFFICULTIES = ("easy", "medium", "hard")


def channel_choices(lang: str, only: str = "both") -> list[tuple[str, str]]:
    w = words(lang)
    return [(w(f"practice.channel.{c}"), c) for c in CHANNELS if only in ("both", c)]


def difficulty_choices(lang: str) -> list[tuple[str, str]]:
    w = words(lang)
    return [(w(f"difficulty.{d}"), d) for d in DIFFICULTIES]


def _as_text(text: str) -> str:
    """Chat text for gr.Chatbot, which inserts it as HTML (without Markdown): escaped, lines kept."""
    return render.esc(text).replace("\n", "<br>")


def chat_messages(turns, partial: str | None = None, pending_user: str | None = None) -> list[dict]:
    """The conversation for gr.Chatbot, every text shown as typed.

    pending_user: the trainee's words before the core has stored them (shown at once);
    partial: the customer's reply so far ("" shows a typing mark).
    """
    out = [{"role": "assistant" if t.speaker == "customer" else "user", "content": _as_text(t.text)}
           for t in turns]
    if pending_user is not None and not (turns and turns[-1].speaker == "trainee"):
        out.append({"role": "user", "content": _as_text(pending_user)})
    if partial is not None:
        out.append({"role": "assistant", "content": _as_text(partial) if partial else "…"})
    return out


def grade_safely(ctx: Context, session_id: str, lang: str = "en") -> tuple[dict | None, str]:
    try:
        return ctx.grade(session_id), ""
    except Exception as e:  # grading must never lose the session; say what happened
        return None, words(lang)("practice.grading_failed") + " " + reported(f"grading session {session_id}", e)


class PracticeTab:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    # layout ------------------------------------------------------------------------------------

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
                    self.speech = gr.HTML(render.speech_queue([]), js_on_load=render.SPEECH_JS, elem_id="rp-speech")
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

    def refresh(self, request: gr.Request) -> dict:
        """New persona cards and choices (after a trainer saved one)."""
        return {self.cards: render.persona_cards(self.ctx.personas(), lang=language(request)),
                self.persona_dd: gr.update(choices=self._choices())}

    def loaded(self) -> list:
        """What the app's load event fills in (on_load)."""
        return [self.cards, self.persona_dd, self.brief, self.channel, self.difficulty, *self._assignment_views()]

    def on_load(self, user, request: gr.Request) -> dict:
        """The picker in the page's language (what Gradio's own translation does not reach), and the
        user's assignments."""
        lang = language(request)
        return {**self.refresh(request), self.brief: render.brief(None, lang=lang),
                self.channel: gr.update(choices=channel_choices(lang)),
                self.difficulty: gr.update(choices=difficulty_choices(lang)), **self.assignments(user, lang)}

    def _assignment_views(self) -> list:
        return [self.my_box, self.my_table, self.assignment_dd]

    def assignments(self, user, lang: str) -> dict:
        """'My assignments' for the user: the box (shown when they have any), the table, the choices."""
        items = self.ctx.assignments_for(user)
        names = {p.id: p.name for p in self.ctx.personas()}
        w = words(lang)
        choices = [(f"#{a.id} {names.get(a.persona_id, a.persona_id)} — {w('mine.state.' + s.state.replace(' ', '_'))}",
                    a.id) for a, s in items if s.can_start]
        return {self.my_box: gr.update(visible=bool(items)),
                self.my_table: team_view.my_assignments(items, names, lang),
                self.assignment_dd: gr.update(choices=choices, value=None)}

    def refresh_assignments(self, request: gr.Request) -> dict:
        try:
            return self.assignments(self.ctx.user(request), language(request))
        except Forbidden:
            return {self.my_box: gr.skip()}

    def pick_assignment(self, assignment_id, request: gr.Request):
        """Show the assignment's customer (brief, channels) before it is started."""
        for a, _ in self.ctx.assignments_for(self.ctx.user(request)) if assignment_id else []:
            if a.id == assignment_id:
                return gr.update(value=a.persona_id)
        return gr.skip()

    # events ------------------------------------------------------------------------------------

    def wire(self) -> None:
        conv_out = [self.chat, self.msg, self.meter, self.speech, self.err, self.retry_btn, self.convo, self.result,
                    self.scorecard, self.result_transcript, self.result_status, self.mic, self.send_btn, self.upload,
                    self.why_live, self.hint_text]
        self.cards.click(self.pick_card, None, self.persona_dd, api_visibility="private")
        self.persona_dd.change(self.show_brief, self.persona_dd, [self.brief, self.channel, self.start_btn,
                                                                  self.difficulty],
                               api_visibility="private")
        self.start_btn.click(self.start, [self.persona_dd, self.channel, self.difficulty], self.shown_outputs(),
                             api_visibility="private")
        self.assignment_dd.change(self.pick_assignment, self.assignment_dd, self.persona_dd, api_visibility="private")
        self.assignment_btn.click(self.start_assignment, [self.assignment_dd, self.channel], self.shown_outputs(),
                                  api_visibility="private")
        for ev in (self.msg.submit, self.send_btn.click):
            ev(self.send, [self.msg, self.sid], conv_out, api_visibility="private")
        self.retry_btn.click(self.retry, self.sid, conv_out, api_visibility="private")
        # The browser names each recording first; the chunks and the stop then carry that name.
        self.mic.start_recording(None, None, self.rec, js=NEW_RECORDING_JS, api_visibility="private").then(
            self.listen, [self.rec, self.sid], None, api_visibility="private")
        self.mic.stream(self.hear, [self.mic, self.rec, self.sid], self.cut_in, stream_every=CHUNK_S, time_limit=180,
                        show_progress="hidden",
                        api_visibility="private")
        self.mic.stop_recording(self.voice_live, [self.mic, self.rec, self.sid], conv_out, js=STOP_RECORDING_JS,
                                api_visibility="private")
        self.speech.click(self.spoken_over, self.sid, None, api_visibility="private")  # barge-in
        self.upload.upload(self.voice, [self.upload, self.sid], conv_out, api_visibility="private")
        self.msg.input(self.warm_typed, [self.msg, self.sid], None, trigger_mode="always_last",
                       api_visibility="private", queue=False)
        self.end_btn.click(self.end, self.sid, conv_out, api_visibility="private")
        self.hint_btn.click(self.hint, self.sid, self.hint_text, api_visibility="private")
        self.redo_btn.click(self.redo, [self.sid, self.redo_turn], self.shown_outputs(), api_visibility="private")
        self.silence_timer.tick(self.silence, self.sid, conv_out, api_visibility="private", show_progress="hidden")
        self.again_btn.click(self.again, None, [self.picker, self.convo, self.result, self.sid],
                             api_visibility="private").then(
            self.refresh_assignments, None, self._assignment_views(), api_visibility="private")

    def again(self) -> dict:
        """Back to the picker after a result."""
        return {self.picker: gr.update(visible=True), self.convo: gr.update(visible=False),
                self.result: gr.update(visible=False), self.sid: ""}

    def pick_card(self, evt: CardClick):
        if evt.persona and self.ctx.persona(evt.persona):
            return gr.update(value=evt.persona)
        return gr.skip()

    def show_brief(self, persona_id, request: gr.Request) -> dict:
        lang = language(request)
        p = self.ctx.persona(persona_id)
        if p is None:
            return {self.brief: render.brief(None, lang=lang), self.start_btn: gr.update(interactive=False)}
        ch = p.channel.value
        choices = channel_choices(lang, ch)
        note = "" if ch == "both" else words(lang)(f"brief.only.{ch}")
        return {self.brief: render.brief(p, note, lang), self.channel: gr.update(choices=choices, value=choices[0][1]),
                self.start_btn: gr.update(interactive=True), self.difficulty: gr.update(value=p.difficulty.value)}

    def shown_outputs(self) -> list:
        """What showing a running session updates (start, or continue from Review)."""
        return [self.sid, self.picker, self.convo, self.result, self.chat, self.chat_row, self.voice_col, self.side,
                self.meter, self.policy, self.speech, self.err, self.retry_btn, self.msg, self.start_status,
                self.send_btn, self.chat_head, self.why_live, self.hint_text]

    def start(self, persona_id, channel, difficulty, request: gr.Request):
        return self._begin(lambda user: self.ctx.start(user, persona_id or "", channel or "chat", difficulty or None),
                           request)

    def start_assignment(self, assignment_id, channel, request: gr.Request):
        def starting(user):
            if not assignment_id:
                raise ValueError("Choose an assignment first.")
            return self.ctx.start_assignment(user, assignment_id, channel or "chat")

        return self._begin(starting, request)

    def _begin(self, starting, request: gr.Request) -> dict:
        try:
            live = starting(self.ctx.user(request))
        except (KeyError, ValueError, Forbidden) as e:
            msg = e.args[0] if e.args else str(e)
            return {self.sid: "", self.start_status: render.status(str(msg), "err")}
        voice = live.session.channel == "voice"
        live.touch(len(live.session.turns[0].text.split()) / SPOKEN_WORDS_PER_S if voice else 0.0)
        return self._shown(live, self._speak_opening(live) if voice else [], language(request))

    def resume(self, sid, request: gr.Request) -> dict:
        """Continue one's own unfinished session (after a restart, or from another process).

        NotFound or Forbidden: there is no such session of the user's to continue."""
        live = self._live(sid, request)
        if live.session.ended:
            raise NotFound("This conversation has ended; it can be replayed, not continued.")
        return self._shown(live, [], language(request))

    def redo(self, sid, turn, request: gr.Request) -> dict:
        """Right after grading: fork the session just graded at turn # and practise from there."""
        try:
            live = self.ctx.fork(self.ctx.user(request), sid, int(turn or 0) - 1)
        except (NotFound, Forbidden, CannotFork) as e:
            raise gr.Error(str(e), print_exception=False) from None
        return self._shown(live, [], language(request))

    def _shown(self, live: Live, urls: list[str], lang: str) -> dict:
        s = live.session
        p = s.persona
        voice = s.channel == "voice"
        # A reply the model never gave (the app stopped, or the model failed) is one Retry away.
        owed = render.status(words(lang)("practice.owed"), "info") if s.awaiting_reply else ""
        return {
            self.sid: s.id, self.picker: gr.update(visible=False), self.convo: gr.update(visible=True),
            self.result: gr.update(visible=False), self.chat: chat_messages(s.turns),
            self.chat_row: gr.update(visible=not voice), self.voice_col: gr.update(visible=voice),
            self.side: render.side_panel(p, s.channel, lang),
            self.meter: render.meter(s.state.frustration, p.temperament.leave_at, self.ctx.exam_mode, lang),
            self.policy: render.policy_sheet(p.policy.summary), self.speech: render.speech_queue(urls, 0),
            self.err: owed, self.retry_btn: gr.update(visible=s.awaiting_reply),
            self.msg: gr.update(value="", interactive=True), self.start_status: "",
            self.send_btn: gr.update(interactive=True), self.chat_head: render.chat_head(p, s.channel, lang),
            self.why_live: "", self.hint_text: "",
        }

    def _speak_opening(self, live: Live) -> list[str]:
        s = live.session
        try:
            from ..speech import tts

            path = self.ctx.audio_dir(s.id) / "000-customer.wav"
            tts.synthesize(s.turns[0].text, path, language=s.persona.language, sex=s.persona.sex)
            end = round(tts.wav_duration(path), 2)
            s.set_audio(0, str(path), 0.0, end)
            url = public_url(path)
            return [url] if url else []
        except Exception:
            log.exception("could not speak the opening line")
            return []

    # a turn ------------------------------------------------------------------------------------

    def _view(self, live: Live, lang: str, partial: str | None = None, extra: dict | None = None,
              pending_user: str | None = None) -> dict:
        s = live.session
        out = {self.chat: chat_messages(s.turns, partial, pending_user),
               self.meter: render.meter(s.state.frustration, s.persona.temperament.leave_at, self.ctx.exam_mode, lang)}
        out.update(extra or {})
        return out

    def _failure(self, message: str, retry: bool = False) -> dict:
        return {self.err: render.status(message, "err"), self.retry_btn: gr.update(visible=retry),
                self.msg: gr.update(interactive=True), self.send_btn: gr.update(interactive=True)}

    def _live(self, sid, request) -> Live:
        return self.ctx.live_for(self.ctx.user(request), sid)

    def _one_turn(self, sid, request, body) -> Iterator[dict]:
        """Run `body(live, lang)` on the user's own running session, one turn at a time per session."""
        lang = language(request)
        try:
            live = self._live(sid, request)
        except (NotFound, Forbidden) as e:
            yield self._failure(str(e))
            return
        if not live.lock.acquire(blocking=False):
            yield self._failure(words(lang)("practice.busy"))
            return
        try:
            yield from body(live, lang)
        finally:
            live.lock.release()

    def send(self, text, sid, request: gr.Request) -> Iterator[dict]:
        if not (text or "").strip():
            yield self._failure(words(language(request))("practice.empty"))
            return
        yield from self._one_turn(sid, request,
                                  lambda live, lang: self._turn(live, lang, lambda: live.session.say(text), said=text))

    def retry(self, sid, request: gr.Request) -> Iterator[dict]:
        def body(live: Live, lang: str) -> Iterator[dict]:
            if not live.session.awaiting_reply:
                yield {self.retry_btn: gr.update(visible=False), self.err: ""}
                return
            yield from self._turn(live, lang, live.session.retry, speak_here=live.session.channel == "voice")

        yield from self._one_turn(sid, request, body)

    def voice(self, audio, sid, request: gr.Request) -> Iterator[dict]:
        """An uploaded recording: transcribed whole."""
        if audio:
            yield from self._one_turn(sid, request, lambda live, lang: self._voice_turn(live, lang, str(audio)))

    # The microphone streams: start_recording opens a live transcript, each chunk is fed to it (and
    # what it hears at a pause starts the customer's reply), stop_recording finishes it and takes the turn.
    # Each event names its recording by the id the browser gave it (web/recordings.py).

    def silence(self, sid, request: gr.Request) -> Iterator[dict]:
        """The trainee has been silent too long: the customer asks if anyone is there (then hangs up).

        A tick with nothing to say yields a no-change: a generator that yields nothing would blank every
        output (the scorecard and transcript a few seconds after grading), and Gradio takes an empty dict
        for one value."""
        live = self._own(sid, request, touch=False) if sid else None
        quiet = (live is not None and not (live.session.ended or live.session.awaiting_reply or live.recordings.recording)
                 and time.monotonic() - live.quiet_since >= self.silence_limits[live.session.channel])
        if not quiet or not live.lock.acquire(blocking=False):  # a turn under way is not silence
            yield {self.err: gr.skip()}
            return
        try:
            yield from self._turn(live, language(request), live.session.silence,
                                  speak_here=live.session.channel == "voice")
        finally:
            live.lock.release()

    def _own(self, sid, request, touch: bool = True) -> Live | None:
        """The user's running session for events that take no turn (chunks, keystrokes), or None.

        Such an event is the trainee doing something (touch): the silence clock starts again."""
        try:
            live = self.ctx.live_for(self.ctx.user(request), sid, catch_up=False)
        except (NotFound, Forbidden):
            return None
        if touch:
            live.touch()
        return live

    def listen(self, rec, sid, request: gr.Request) -> None:
        live = self._own(sid, request)
        if live is not None:
            live.recordings.start(rec)

    def hear(self, chunk, rec, sid, request: gr.Request):
        """A chunk of the recording; past the customer's patience for a monologue, they cut in (roleplay.interruption)."""
        live = self._own(sid, request)
        if live is None or chunk is None:
            return gr.skip()
        seconds = live.recordings.chunk(rec, chunk)
        s = live.session
        if (rec in live.cut_ins or s.ended or s.awaiting_reply
                or seconds < cut_in_after_s(s.persona, s.state.frustration)):
            return gr.skip()
        live.cut_ins[rec] = round(seconds, 1)
        return f'<span data-cut-in="{render.esc(rec)}"></span>'  # the page stops the recording

    def voice_live(self, last_chunk, rec, sid, request: gr.Request) -> Iterator[dict]:
        live = self._own(sid, request)
        listening = live.recordings.stop(rec, last_chunk) if live else None
        if listening is None:
            yield self._failure(words(language(request))("practice.nothing_recorded"))
            return
        cut_in_s = live.cut_ins.pop(rec, None)
        yield from self._one_turn(sid, request, lambda live, lang: self._voice_turn(live, lang, listening, cut_in_s))

    def spoken_over(self, sid, evt: SpeechCut, request: gr.Request) -> None:
        """The trainee spoke over the customer: the browser stopped the line; mark what they never heard."""
        live = self._own(sid, request)
        if live is not None and evt.cut is not None:
            live.session.cut_off(evt.cut)

    def warm_typed(self, text, sid, request: gr.Request) -> None:
        """While the trainee types, let the model read the turn so far (see PracticeSession.warm)."""
        live = self._own(sid, request)
        if live is not None and len((text or "").strip()) >= 12 and not live.lock.locked():
            live.session.warm(text)

    def _voice_turn(self, live: Live, lang: str, audio: str | LiveTranscript,
                    cut_in_s: float | None = None) -> Iterator[dict]:
        from ..voice import voice_turn

        w = words(lang)
        s = live.session
        if s.ended:
            yield self._failure(w("practice.ended"))
            return
        if s.awaiting_reply:
            yield self._failure(w("practice.retry_first"), retry=True)
            return
        arrived = live.clock()  # when the recording ended, for the talk-time timeline
        yield {self.err: render.status(w("practice.listening"), "info"), self.mic: None, self.upload: None}

        def events():
            if isinstance(audio, LiveTranscript):
                heard = audio.finish()
                yield from voice_turn(s, audio.samples(), heard=heard, at=arrived, data=self.ctx.data, cut_in_s=cut_in_s)
            else:
                yield from voice_turn(s, audio, at=arrived, data=self.ctx.data)

        yield from self._turn(live, lang, events)

    def _turn(self, live: Live, lang: str, events_fn, said: str | None = None,
              speak_here: bool = False) -> Iterator[dict]:
        """Run one turn: show the trainee's words, stream the customer's reply (and its speech), grade at the end.

        events_fn gives the core's events: Heard (voice: the transcription), Delta (a checked piece of the
        reply), Spoken (voice: a sentence's wav), CustomerLine (the stored reply).  With speak_here the UI
        speaks the deltas itself (a retried reply in a voice session).
        """
        from ..voice import Heard, Spoken, speak_reply

        s = live.session
        busy = {self.msg: gr.update(value="", interactive=False), self.send_btn: gr.update(interactive=False),
                self.err: "", self.retry_btn: gr.update(visible=False)}
        yield self._view(live, lang, "", busy, pending_user=said)  # an earlier error (and its Retry) goes away
        if speak_here:  # the same sentence-by-sentence speech as a spoken turn (voice.speak_reply)
            core, at = events_fn, live.clock()

            def events_fn():
                return speak_reply(s, core(), self.ctx.audio_dir(s.id), at=at, t0=time.perf_counter())
        urls: list[str] = []
        partial = ""
        line = None
        stored = False  # the trainee's turn is in the store once the reply starts
        try:
            for ev in events_fn():
                if isinstance(ev, Heard):
                    yield self._view(live, lang, "", busy, pending_user=ev.text)
                    continue
                stored = True
                if isinstance(ev, Delta):
                    partial += ev.text
                    yield self._view(live, lang, partial)
                elif isinstance(ev, Spoken):
                    url = public_url(ev.path)
                    if url:
                        urls.append(url)
                    yield {self.speech: render.speech_queue(urls, len(s.turns), done=False)}
                elif isinstance(ev, CustomerLine):
                    line = ev
        except (ValueError, SessionEnded) as e:  # empty text, unusable audio (AudioError), session over
            yield {**self._view(live, lang), **self._failure(str(e))}
            return
        except ModelError as e:
            yield {**self._view(live, lang), **self._failure(words(lang)("practice.model_failed", error=e),
                                                             retry=True)}
            return
        except (ReplyOwed, NothingToRetry) as e:
            yield {**self._view(live, lang), **self._failure(str(e), retry=s.awaiting_reply)}
            return
        except Exception as e:  # anything else (the database, speech): keep the page usable, log it with an id
            yield {**self._view(live, lang), **self._failure(reported(f"taking a turn in session {s.id}", e),
                                                       retry=stored and s.awaiting_reply)}
            return
        ready = {self.msg: gr.update(interactive=True), self.send_btn: gr.update(interactive=True)}
        if line is not None:
            live.touch(len(line.text.split()) / SPOKEN_WORDS_PER_S if s.channel == "voice" else 0.0)
        out = self._view(live, lang, None, ready)
        if line is not None:  # the last reaction explained (not in exam mode); a hint was for the turn before
            out[self.why_live] = "" if self.ctx.exam_mode else lessons.live_why(s.state, s.persona, lang)
            out[self.hint_text] = ""
        if line is not None and s.channel == "voice":
            out[self.speech] = render.speech_queue(urls, line.index, done=True)
        if s.ended:
            out.update(self._result(live, lang))
        yield out

    def end(self, sid, request: gr.Request) -> dict:
        try:
            live = self._live(sid, request)
        except (NotFound, Forbidden) as e:
            return self._failure(str(e))
        with live.lock:
            live.session.end()
        return self._result(live, language(request))

    def hint(self, sid, request: gr.Request) -> str:
        """One short pointer from where the conversation stands (recorded with the session)."""
        try:
            live = self._live(sid, request)
        except (NotFound, Forbidden) as e:
            return render.status(str(e), "err")
        if self.ctx.exam_mode:
            return render.status(words(language(request))("practice.no_hints"), "info")
        with live.lock:
            return render.status(self.ctx.hint(live), "info")

    def _result(self, live: Live, lang: str) -> dict:
        """The scorecard: its words in the interface's language, the grader's in the session's."""
        w = words(lang)
        s = live.session
        card, problem = grade_safely(self.ctx, s.id, lang)
        self.ctx.forget(s.id)
        name = s.persona.name
        row = self.ctx.store.get(s.id)
        shown = row is not None and not self.ctx.exam_mode  # exam mode keeps the why to Review
        assignment = assignments.assignment_of(self.ctx.store, s.id)
        verdict = ""
        if assignment is not None and card is not None:
            v = passmark.verdict(card, assignment.pass_overall, assignment.pass_skills)
            verdict = render.status(w("assignment.passed", id=assignment.id) if v.passed else
                                    w("assignment.not_passed", id=assignment.id, reason=v.reason),
                                    "ok" if v.passed else "err")
        return {
            self.convo: gr.update(visible=False), self.result: gr.update(visible=True),
            self.scorecard: render.scorecard(card, prefix="sc-turn", title=w("chat.with", name=name),
                                             end_reason=s.state.end_reason, lang=lang)
            + (lessons.ending(row, s.persona, lang) if shown else ""),
            self.result_transcript: render.transcript(s.turns, name, card, prefix="sc-turn",
                                                      why=lessons.why_by_turn(row, s.persona) if shown else None,
                                                      lang=lang),
            self.result_status: gr.update(value=render.status(problem, "err") + verdict,
                                          visible=bool(problem or verdict)),
            self.retry_btn: gr.update(visible=False),
        }
