"""The Practice tab: pick a customer, talk (chat or voice), get the scorecard.

The tab is its layout (practice_layout.py), a turn's handlers (practice_turn.py) and a spoken
turn's (practice_voice.py); here are choosing and starting a conversation, and the wiring.
"""

from __future__ import annotations

import gradio as gr

from ..fork import CannotFork
from ..speech.live import CHUNK_S
from . import render, team_view
from .chips import difficulty_choices
from .context import Forbidden, Live, NotFound
from .errors import Refused, told
from .events import CardClick
from .i18n import language, words
from .practice_layout import channel_choices
from .practice_turn import SPOKEN_WORDS_PER_S, chat_messages
from .practice_voice import PracticeVoice
from .speech_player import NEW_RECORDING_JS, STOP_RECORDING_JS, speech_queue


class PracticeTab(PracticeVoice):
    def refresh(self, request: gr.Request) -> dict:
        """New persona cards and choices (after a trainer saved one)."""
        return {self.cards: render.persona_cards(self.ctx.personas(), lang=language(request)),
                self.persona_dd: gr.update(choices=self._choices())}

    def on_load(self, user, request: gr.Request) -> dict:
        """The picker in the page's language (what Gradio's own translation does not reach), and the
        user's assignments."""
        lang = language(request)
        return {**self.refresh(request), self.brief: render.brief(None, lang=lang),
                self.channel: gr.update(choices=channel_choices(lang)),
                self.difficulty: gr.update(choices=difficulty_choices(lang)), **self.assignments(user, lang)}

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

    def start(self, persona_id, channel, difficulty, request: gr.Request):
        return self._begin(lambda user: self.ctx.start(user, persona_id or "", channel or "chat", difficulty or None),
                           request)

    def start_assignment(self, assignment_id, channel, request: gr.Request):
        def starting(user):
            if not assignment_id:
                raise Refused("practice.choose_assignment")
            return self.ctx.start_assignment(user, assignment_id, channel or "chat")

        return self._begin(starting, request)

    def _begin(self, starting, request: gr.Request) -> dict:
        try:
            live = starting(self.ctx.user(request))
        except (KeyError, ValueError, Forbidden) as e:
            return {self.sid: "", self.start_status: render.status(told(e, language(request)), "err")}
        voice = live.session.channel == "voice"
        live.touch(len(live.session.turns[0].text.split()) / SPOKEN_WORDS_PER_S if voice else 0.0)
        return self._shown(live, self._speak_opening(live) if voice else [], language(request))

    def resume(self, sid, request: gr.Request) -> dict:
        """Continue one's own unfinished session (after a restart, or from another process).

        NotFound or Forbidden: there is no such session of the user's to continue."""
        live = self._live(sid, request)
        if live.session.ended:
            raise NotFound("practice.ended_replay")
        return self._shown(live, [], language(request))

    def redo(self, sid, turn, request: gr.Request) -> dict:
        """Right after grading: fork the session just graded at turn # and practise from there."""
        try:
            live = self.ctx.fork(self.ctx.user(request), sid, int(turn or 0) - 1)
        except (NotFound, Forbidden, CannotFork) as e:
            raise gr.Error(told(e, language(request)), print_exception=False) from None
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
            self.policy: render.policy_sheet(p.policy.summary), self.speech: speech_queue(urls, 0, lang=lang),
            self.err: owed, self.retry_btn: gr.update(visible=s.awaiting_reply),
            self.msg: gr.update(value="", interactive=True), self.start_status: "",
            self.send_btn: gr.update(interactive=True), self.chat_head: render.chat_head(p, s.channel, lang),
            self.why_live: "", self.hint_text: "",
        }
