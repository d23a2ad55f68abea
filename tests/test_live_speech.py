"""Transcribing while the trainee speaks: real faster-whisper and Silero VAD on real synthesised speech, fed in real time."""

from __future__ import annotations

import re
import time

import numpy as np
import pytest

from roleplay.library import Library
from roleplay.session import PracticeSession
from roleplay.speech import stt, tts
from faster_whisper.vad import get_vad_model

from roleplay.speech.live import SPEECH, WINDOW, LiveTranscript, _Voiced
from roleplay.store import Store
from roleplay.voice import Heard, voice_turn
from tests.fakes import ScriptedModel

pytestmark = pytest.mark.speech

SAID = "When did you place the order for the train set?"
CHUNK_S = 0.25


@pytest.fixture(scope="module")
def speech(tmp_path_factory):
    stt.warm()
    path = tts.synthesize(SAID, tmp_path_factory.mktemp("live") / "said.wav", language="en")
    return stt.to_samples(str(path))


def _speak(live: LiveTranscript, samples: np.ndarray, pause_s: float, noise: float = 0.0) -> None:
    """Feed the recording as a microphone would: chunk by chunk, in real time, then `pause_s` of quiet
    (with `noise`: white noise of that RMS under everything, the quiet too)."""
    audio = np.concatenate([samples, np.zeros(int(pause_s * stt.SAMPLE_RATE), dtype=np.float32)])
    audio = audio + np.random.default_rng(7).normal(0, noise, len(audio)).astype(np.float32)
    n = int(CHUNK_S * stt.SAMPLE_RATE)
    for i in range(0, len(audio), n):
        live.feed(audio[i:i + n])
        time.sleep(CHUNK_S)


def test_a_pause_before_the_end_means_the_words_are_already_transcribed(speech):
    heard_so_far = []
    live = LiveTranscript("en", on_text=heard_so_far.append)
    _speak(live, speech, pause_s=1.5)
    passes = live.passes
    heard = live.finish()
    assert passes >= 1 and live.passes == passes  # finishing needed no pass of its own
    assert "train set" in heard.text.lower() and heard_so_far[-1] == heard.text
    assert heard.duration_s == pytest.approx(len(speech) / stt.SAMPLE_RATE + 1.5, abs=0.3)


def test_speech_up_to_the_end_gets_a_final_pass_over_the_whole_recording(speech):
    live = LiveTranscript("en")
    speech = speech[:np.flatnonzero(np.abs(speech) > 0.02)[-1]]  # no quiet at the end: speaking until stop
    half = len(speech) // 2
    _speak(live, speech[:half], pause_s=0.0)
    for i in range(half, len(speech), 4000):  # the rest arrives at once: no pass can have covered it
        live.feed(speech[i:i + 4000])
    passes = live.passes
    heard = live.finish()
    assert live.passes == passes + 1
    assert "train set" in heard.text.lower()


def test_a_pause_in_steady_noise_is_still_a_pause(speech):
    """A fan or line hiss as loud as a third of the speech: loudness never falls, the voice detector hears the pause."""
    live = LiveTranscript("en")
    _speak(live, speech / np.abs(speech).max() * 0.3, pause_s=1.5, noise=0.03)
    passes = live.passes
    heard = live.finish()
    assert passes >= 1 and live.passes == passes
    assert_whole(heard.text)


def assert_whole(text: str) -> None:
    """The whole question was heard, first word to last (under noise Whisper may mishear one in between)."""
    said = re.findall(r"\w+", text.lower())
    assert said[0] == "when" and said[-1] == "set" and len(said) >= len(SAID.split()) - 1, text


def test_one_loud_knock_does_not_turn_the_speech_into_a_pause(speech):
    """A knock on the microphone at full scale, then quiet speech: judged against the peak, the speech would
    all count as quiet and a pass in the middle of it would stand for the whole."""
    knock = np.zeros(int(0.3 * stt.SAMPLE_RATE), dtype=np.float32)
    knock[1600:2400] = np.sign(np.sin(np.arange(800) / 3))  # 50 ms at full scale
    live = LiveTranscript("en")
    _speak(live, np.concatenate([knock, speech / np.abs(speech).max() * 0.05]), pause_s=1.5)
    heard = live.finish()
    assert_whole(heard.text)
    # At the pauses Silero hears in the quiet speech and perhaps once more at the end, not at every one of the
    # recording's chunks (about fifty): on a loaded machine a pass may or may not still run at the next pause.
    assert live.passes <= 3


def test_speech_probabilities_fed_in_pieces_equal_those_of_the_whole(speech):
    voiced = _Voiced()
    for i in range(0, len(speech), 3001):  # pieces that never line up with the model's windows
        voiced.feed(speech[i:i + 3001])
    whole = len(speech) // WINDOW * WINDOW
    # (faster-whisper's own reading zeroes the end of the last window: compare the others)
    assert np.allclose(voiced.probs[:-1], get_vad_model()(speech[:whole].copy())[:-1], atol=1e-4)
    assert voiced.speech_after(0) and not voiced.speech_after(whole)
    silent = _Voiced()
    silent.feed(np.random.default_rng(1).normal(0, 0.03, stt.SAMPLE_RATE).astype(np.float32))
    assert not (silent.probs >= SPEECH).any()  # hiss alone is not speech


def test_a_recording_with_no_speech_is_the_usual_clear_error():
    live = LiveTranscript("en")
    live.feed(np.zeros(stt.SAMPLE_RATE // 10, dtype=np.float32))
    with pytest.raises(stt.AudioError, match="too short"):
        live.finish()


def test_what_was_heard_starts_the_reply_the_turn_then_takes_over(speech, tmp_path, monkeypatch):
    monkeypatch.setenv("ROLEPLAY_DATA", str(tmp_path))
    client = ScriptedModel(["Two weeks ago. It was for my son."] * 4)  # a reply per pause heard
    session = PracticeSession.start(Store(f"sqlite:///{tmp_path / 'rp.db'}"), Library().get("late-delivery"), client)
    live = LiveTranscript("en", on_text=session.anticipate)
    _speak(live, speech, pause_s=1.0)
    heard = live.finish()
    asked = len(client.prompts)
    events = list(voice_turn(session, live.samples(), heard=heard))
    assert isinstance(events[0], Heard) and events[0].text == heard.text
    assert len(client.prompts) == asked >= 1  # asked while the trainee paused, not once the recording ended
    assert heard.text in client.prompts[-1]
    assert session.store.transcript(session.id).turns[1].text == heard.text


def test_the_browsers_repeated_last_chunk_is_not_fed_twice():
    live = LiveTranscript("en")
    a = (48000, (np.sin(np.arange(24000) / 9) * 9000).astype(np.int16))
    b = (48000, (np.sin(np.arange(24000) / 5) * 9000).astype(np.int16))
    live.feed(a)
    live.feed_last(a)  # stop_recording hands over the chunk its streaming event already fed
    assert live.seconds == pytest.approx(0.5)
    live.feed(b)  # …and a straggler after the end is ignored
    assert live.seconds == pytest.approx(0.5)
    other = LiveTranscript("en")
    other.feed(a)
    other.feed_last(b, wait_s=0.2)  # a last chunk its event never delivers is fed at stop
    assert other.seconds == pytest.approx(1.0)


def test_the_end_waits_for_chunks_still_on_their_way():
    """On a busy server the stop event can overtake the stream's last events: none may be lost."""
    import threading

    live = LiveTranscript("en")
    chunks = [(48000, np.full(24000, 1000 * (i + 1), dtype=np.int16)) for i in range(4)]
    live.feed(chunks[0])

    def late():
        for c in chunks[1:]:
            time.sleep(0.2)
            live.feed(c)

    threading.Thread(target=late).start()
    live.feed_last(chunks[-1])  # handed over at stop, before chunks 1-3 have been fed
    assert live.seconds == pytest.approx(2.0)
    levels = [round(float(x), 3) for x in live.samples()[::8000]]
    assert levels == sorted(levels)  # in the order they were recorded
