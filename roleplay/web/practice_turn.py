"""A turn in Practice: the trainee's words shown at once, the customer's reply streamed (and spoken),
failures said with a way on (Retry), silence answered, and the scorecard when the conversation ends.

Typed turns come in here; spoken ones (practice_voice.py) end up in the same `_turn`.  Handlers only
drive the core: PracticeSession for the conversation, the evaluators (through Context) for the card.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import gradio as gr

from .. import assignments, passmark
from ..customer import Delta
from ..model import ModelError
from ..session import CustomerLine, NothingToRetry, ReplyOwed, SessionEnded
from . import lessons, render
from .context import Context, Forbidden, Live, NotFound
from .errors import reported, told
from .i18n import language, words
from .markup import esc
from .media import public_url
from .practice_layout import PracticeLayout
from .scorecard import scorecard
from .speech_player import speech_queue
from .transcript import transcript

SPOKEN_WORDS_PER_S = 2.5  # how long a customer line takes to hear out, roughly


def _as_text(text: str) -> str:
    """Chat text for gr.Chatbot, which inserts it as HTML (without Markdown): escaped, lines kept."""
    return esc(text).replace("\n", "<br>")


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
        return None, words(lang)("practice.grading_failed") + " " + reported(f"grading session {session_id}", e, lang)


class PracticeTurns(PracticeLayout):
    """The turn's handlers, on the layout's components."""

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
            yield self._failure(told(e, lang))
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

    def warm_typed(self, text, sid, request: gr.Request) -> None:
        """While the trainee types, let the model read the turn so far (see PracticeSession.warm)."""
        live = self._own(sid, request)
        if live is not None and len((text or "").strip()) >= 12 and not live.lock.locked():
            live.session.warm(text)

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
                    yield {self.speech: speech_queue(urls, len(s.turns), done=False, lang=lang)}
                elif isinstance(ev, CustomerLine):
                    line = ev
        except (ValueError, SessionEnded) as e:  # empty text, unusable audio (AudioError), session over
            yield {**self._view(live, lang), **self._failure(told(e, lang))}
            return
        except ModelError as e:
            yield {**self._view(live, lang), **self._failure(words(lang)("practice.model_failed", error=e),
                                                             retry=True)}
            return
        except (ReplyOwed, NothingToRetry) as e:
            yield {**self._view(live, lang), **self._failure(told(e, lang), retry=s.awaiting_reply)}
            return
        except Exception as e:  # anything else (the database, speech): keep the page usable, log it with an id
            yield {**self._view(live, lang), **self._failure(reported(f"taking a turn in session {s.id}", e, lang),
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
            out[self.speech] = speech_queue(urls, line.index, done=True, lang=lang)
        if s.ended:
            out.update(self._result(live, lang))
        yield out

    def end(self, sid, request: gr.Request) -> dict:
        try:
            live = self._live(sid, request)
        except (NotFound, Forbidden) as e:
            return self._failure(told(e, language(request)))
        with live.lock:
            live.session.end()
        return self._result(live, language(request))

    def hint(self, sid, request: gr.Request) -> str:
        """One short pointer from where the conversation stands (recorded with the session)."""
        try:
            live = self._live(sid, request)
        except (NotFound, Forbidden) as e:
            return render.status(told(e, language(request)), "err")
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
            self.scorecard: scorecard(card, prefix="sc-turn", title=w("chat.with", name=name),
                                             end_reason=s.state.end_reason, lang=lang)
            + (lessons.ending(row, s.persona, lang) if shown else ""),
            self.result_transcript: transcript(s.turns, name, card, prefix="sc-turn",
                                                      why=lessons.why_by_turn(row, s.persona) if shown else None,
                                                      lang=lang),
            self.result_status: gr.update(value=render.status(problem, "err") + verdict,
                                          visible=bool(problem or verdict)),
            self.retry_btn: gr.update(visible=False),
        }
