"""Transcribe a recording while it is still being made, so little is left to do when it ends.

The microphone's chunks are fed in as they arrive.  Whenever the trainee pauses
(end-pointing: Silero VAD, which ships with faster-whisper, hears no speech in the
newest audio after it heard some), the recording so far is
transcribed in the background.  (Not on a timer as well: on two cores a pass
still running when the trainee stops only delays the one that counts.)  When the
recording ends, a pass that already covers every word is the answer at once;
only speech after the last pass costs a final one.  Each pass hands its text on
(`on_text`): the voice loop starts the customer's reply to it, which the turn
takes over if it ends with the same words (roleplay/anticipation.py).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import numpy as np
from faster_whisper.vad import get_vad_model

from . import stt

CHUNK_S = 0.5  # how often the browser hands over the microphone's audio (the bench feeds it the same way)
# Silero VAD judges 32 ms windows.  Speech starts at a probability of 0.5 and ends below 0.35, its own
# defaults: a model, unlike loudness against the recording's peak, is not fooled by a fan, a hiss or
# one loud knock on the microphone.
WINDOW = 512
_CONTEXT = 64  # samples of the window before that the model reads with each window
SPEECH = 0.5
SILENCE = 0.35


class _Voiced:
    """Per-window speech probabilities of a recording fed piece by piece.

    Silero reads windows as a sequence (an LSTM, its state carried from window to window, and each
    window with the last 64 samples of the one before), as faster_whisper.vad.SileroVADModel feeds
    it; here state and context are kept between pieces, so the probabilities are exactly those of
    the recording read whole, at the cost of the new windows only.
    """

    def __init__(self) -> None:
        self._pending = np.zeros(0, dtype=np.float32)  # the samples of a window not yet complete
        self._context = np.zeros(_CONTEXT, dtype=np.float32)
        self._state = (np.zeros((1, 1, 128), dtype=np.float32), np.zeros((1, 1, 128), dtype=np.float32))
        self.probs = np.zeros(0, dtype=np.float32)

    def feed(self, samples: np.ndarray) -> None:
        audio = np.concatenate([self._pending, samples.astype(np.float32)])
        whole = len(audio) // WINDOW * WINDOW
        self._pending = audio[whole:]
        if not whole:
            return
        windows = audio[:whole].reshape(-1, WINDOW)
        context = np.concatenate([self._context[None, :], windows[:-1, -_CONTEXT:]])
        found, h, c = get_vad_model().session.run(
            None, {"input": np.concatenate([context, windows], axis=1), "h": self._state[0], "c": self._state[1]})
        self._state, self._context = (h, c), windows[-1, -_CONTEXT:]
        self.probs = np.concatenate([self.probs, found.reshape(-1)])

    def speech_after(self, sample: int) -> bool:
        """Whether any window from this sample on holds speech."""
        return bool((self.probs[sample // WINDOW:] >= SPEECH).any())


def _key(chunk) -> int | None:
    return hash((chunk[0], chunk[1].tobytes())) if isinstance(chunk, tuple) else None


class LiveTranscript:
    """A recording in progress and what has been heard in it so far.

    feed() takes chunks (Gradio's (rate, array) or arrays at 16 kHz) from one thread;
    finish() waits for any pass under way and returns the transcription of the whole.
    """

    def __init__(self, language: str, *, on_text: Callable[[str], None] | None = None,
                 pause_s: float = 0.3):
        self.language = language
        self.on_text = on_text
        self.pause_s = pause_s  # this much quiet after speech is a pause worth transcribing at
        self._chunks: list[np.ndarray] = []
        self._length = 0
        self._voiced = _Voiced()
        self._lock = threading.Lock()
        self._fed = threading.Condition(self._lock)  # signalled whenever a chunk is fed
        self._worker: threading.Thread | None = None
        self._heard: tuple[int, stt.Transcription] | None = None  # (samples covered, what they said)
        self._passed_at = 0  # samples covered by the latest pass started
        self._error: Exception | None = None
        self._last: int | None = None  # the latest chunk fed, by content
        self._closed = False  # feed_last() has ended the recording
        self.passes = 0  # transcriptions started, finish()'s own included

    @property
    def seconds(self) -> float:
        return self._length / stt.SAMPLE_RATE

    def samples(self) -> np.ndarray:
        with self._lock:
            if len(self._chunks) > 1:
                self._chunks = [np.concatenate(self._chunks)]
            return self._chunks[0] if self._chunks else np.zeros(0, dtype=np.float32)

    @property
    def closed(self) -> bool:
        return self._closed

    def feed_last(self, chunk: tuple[int, np.ndarray] | None, wait_s: float = 5.0) -> None:
        """End the recording with the last chunk the browser hands over at stop (None: none).

        The stop event can overtake the stream's own events on a busy server, so wait (up to
        `wait_s`) for the chunks still on their way; the last one is fed here only if its own
        event never delivers it.  Fed and closed under one lock: its own event, arriving later
        still, finds the recording closed rather than feeding it twice.
        """
        key = _key(chunk) if chunk is not None else None
        with self._fed:
            if key is not None and not self._fed.wait_for(lambda: self._last == key, timeout=wait_s):
                self._append(stt.to_samples(chunk), key)
            self._closed = True

    def feed(self, chunk: stt.Audio) -> None:
        samples = stt.to_samples(chunk)
        with self._lock:
            if self._closed:
                return
            self._append(samples, _key(chunk))
        if self._worker is None or not self._worker.is_alive():
            new_s = (self._length - self._passed_at) / stt.SAMPLE_RATE
            if new_s >= self.pause_s and self._paused():
                self._start_pass()

    def _append(self, samples: np.ndarray, key: int | None) -> None:
        """Add samples (the lock held)."""
        self._last = key
        self._fed.notify_all()
        if not len(samples):
            return
        self._chunks.append(samples)
        self._length += len(samples)
        self._voiced.feed(samples)

    def _paused(self) -> bool:
        """The newest pause_s of audio holds no speech, and there was speech before it."""
        probs = self._voiced.probs
        tail = int(np.ceil(self.pause_s * stt.SAMPLE_RATE / WINDOW))
        return len(probs) > tail and bool((probs[-tail:] < SILENCE).all()) and bool((probs[:-tail] >= SPEECH).any())

    def _start_pass(self) -> None:
        audio = self.samples()
        self._passed_at = len(audio)
        self.passes += 1
        self._worker = threading.Thread(target=self._pass, args=(audio,), daemon=True, name="live-transcript")
        self._worker.start()

    def _pass(self, audio: np.ndarray) -> None:
        try:
            heard = stt.transcribe(audio, self.language)
        except stt.AudioError:
            return  # too short so far, or nothing usable yet: the final pass will say what is wrong
        except Exception as e:  # e.g. a speech server that is down: kept for finish() to raise
            self._error = e
            return
        self._heard = (len(audio), heard)
        if self.on_text and heard.text.strip():
            self.on_text(heard.text)

    def _covered(self) -> bool:
        """Every word is in the latest pass: no speech came after it."""
        return self._heard is not None and not self._voiced.speech_after(self._heard[0])

    def finish(self) -> stt.Transcription:
        """What was said in the whole recording; `elapsed_s` is the time spent here, after it ended."""
        started = time.perf_counter()
        if self._worker is not None:
            self._worker.join()
        if self._covered() and self._heard[1].text.strip():
            heard = self._heard[1]
            return heard.model_copy(update={"duration_s": round(self.seconds, 3),
                                            "elapsed_s": round(time.perf_counter() - started, 3)})
        if self._error is not None and self._heard is None:
            raise self._error
        heard = stt.transcribe(self.samples(), self.language)
        self.passes += 1
        return heard.model_copy(update={"elapsed_s": round(time.perf_counter() - started, 3)})
