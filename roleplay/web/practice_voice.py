"""A spoken turn in Practice: the microphone streams, the upload, the customer cutting in on a
monologue, the trainee speaking over the customer (barge-in), and the customer's spoken opening.

The microphone streams: start_recording opens a live transcript, each chunk is fed to it (and what it
hears at a pause starts the customer's reply), stop_recording finishes it and takes the turn.  Each
event names its recording by the id the browser gave it (web/recordings.py).  The turn itself is
PracticeTurns._turn, as for a typed one.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import gradio as gr

from ..interruption import cut_in_after_s
from ..speech.live import LiveTranscript
from . import render
from .context import Live
from .events import SpeechCut
from .i18n import language, words
from .markup import esc
from .media import public_url
from .practice_turn import PracticeTurns

log = logging.getLogger("roleplay.web")


class PracticeVoice(PracticeTurns):
    """The voice handlers, on the turn's."""

    def voice(self, audio, sid, request: gr.Request) -> Iterator[dict]:
        """An uploaded recording: transcribed whole."""
        if audio:
            yield from self._one_turn(sid, request, lambda live, lang: self._voice_turn(live, lang, str(audio)))

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
        return f'<span data-cut-in="{esc(rec)}"></span>'  # the page stops the recording

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

    def _speak_opening(self, live: Live) -> list[str]:
        """The customer's first line spoken (a voice session starts with it), as the page's audio URLs."""
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
