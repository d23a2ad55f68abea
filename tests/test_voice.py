"""The voice loop with real faster-whisper, Piper and espeak-ng (the model is scripted: not the subject here)."""

import re
import time
import wave

import pytest

from roleplay.customer import Delta
from roleplay.library import Library
from roleplay.session import CustomerLine, PracticeSession
from roleplay.speech import backends, stt, tts
from roleplay.speech.piper_voice import Piper
from roleplay.store import Store
from roleplay.voice import Heard, Spoken, speak_reply, voice_turn
from tests.fakes import ScriptedModel

pytestmark = pytest.mark.speech


@pytest.fixture
def session(tmp_path, monkeypatch):
    monkeypatch.setenv("ROLEPLAY_DATA", str(tmp_path))
    persona = Library().get("late-delivery")
    client = ScriptedModel(["That is what I said. I want my money back."])
    return PracticeSession.start(Store(f"sqlite:///{tmp_path / 'rp.db'}"), persona, client)


def test_spoken_turn_is_transcribed_answered_and_spoken_back(session, tmp_path):
    recording = tts.synthesize("What happened to the train set?", tmp_path / "in.wav", language="en")
    events = list(voice_turn(session, str(recording), at=12.0))
    heard = events[0]
    assert isinstance(heard, Heard) and "train" in heard.text.lower()
    spoken = [e for e in events if isinstance(e, Spoken)]
    deltas = [e for e in events if isinstance(e, Delta)]
    assert len(spoken) == len(deltas) == 2  # one wav per checked sentence, as soon as it is complete
    assert spoken[0].ready_s <= spoken[1].ready_s
    line = events[-1]
    assert isinstance(line, CustomerLine)
    row = session.store.get(session.id)
    trainee, customer = row.turns[1], row.turns[2]
    assert trainee.audio and wave.open(trainee.audio).getnframes() > 0
    assert trainee.end == 12.0 and 0 < trainee.start < 12.0
    with wave.open(customer.audio) as w:
        assert w.getnframes() > 0
    assert customer.start >= 12.0 and customer.end > customer.start


def test_silence_is_refused_and_nothing_is_stored(session, tmp_path):
    silent = tmp_path / "silence.wav"
    with wave.open(str(silent), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(16000)
        w.writeframes(b"\0\0" * 16000 * 2)
    with pytest.raises(stt.AudioError, match="no speech"):
        list(voice_turn(session, str(silent)))
    assert len(session.store.get(session.id).turns) == 1


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def test_piper_voiced_reply_is_heard_back_by_whisper_as_the_same_words(session, tmp_path):
    """late-delivery is an English man: Joe (Piper) speaks him, and Whisper hears exactly his words."""
    assert isinstance(backends.voice_for(session.persona.language, session.persona.sex), Piper)
    recording = tts.synthesize("Where is my parcel?", tmp_path / "in.wav", language="en")
    events = list(voice_turn(session, str(recording), at=3.0))
    line = events[-1]
    customer = session.store.get(session.id).turns[line.index]
    with wave.open(customer.audio) as w:
        assert w.getframerate() == 22050  # Joe's own rate
    heard = stt.transcribe(customer.audio, language="en")
    assert words(heard.text) == words(line.text) == words("That is what I said. I want my money back.")


def test_a_reply_without_a_recording_is_spoken_the_same_way(session, tmp_path):
    """The silence nudge (and a retried reply) go through speak_reply as a spoken turn's reply does."""
    folder = tmp_path / "audio"
    folder.mkdir()
    events = list(speak_reply(session, session.silence(), folder, at=20.0, t0=time.perf_counter()))
    assert [type(e) for e in events[-2:]] == [Spoken, CustomerLine]
    line = events[-1]
    turn = session.store.get(session.id).turns[line.index]
    assert turn.audio == str(folder / f"{line.index:03d}-customer.wav")
    assert turn.start >= 20.0 and turn.end == pytest.approx(turn.start + tts.wav_duration(turn.audio), abs=0.01)
    assert session.turns[line.index].start == turn.start  # the running session knows when it played


def test_in_a_call_the_filler_is_spoken_first_and_the_turns_audio_holds_the_whole_line(tmp_path, monkeypatch):
    """The filler is its own clip, played while the model writes on; the stored turn is filler and line."""
    monkeypatch.setenv("ROLEPLAY_DATA", str(tmp_path))
    persona = Library().get("late-delivery")
    client = ScriptedModel(["I want my money back."])
    s = PracticeSession.start(Store(f"sqlite:///{tmp_path / 'rp.db'}"), persona, client, channel="voice")
    recording = tts.synthesize("Where is my parcel?", tmp_path / "in.wav", language="en")
    events = list(voice_turn(s, str(recording), at=3.0))
    spoken = [e for e in events if isinstance(e, Spoken)]
    assert [e.filler for e in spoken] == [True, False] and spoken[0].ready_s <= spoken[1].ready_s
    line = events[-1]
    assert line.text == f"{spoken[0].text} I want my money back."
    heard = stt.transcribe(s.store.get(s.id).turns[line.index].audio, language="en")
    assert words(heard.text)[-5:] == words("I want my money back.")
