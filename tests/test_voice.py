"""The voice loop with real faster-whisper and real espeak-ng (the model is scripted: not the subject here)."""

import wave

import pytest

from roleplay.customer import Delta
from roleplay.library import Library
from roleplay.session import CustomerLine, PracticeSession
from roleplay.speech import stt, tts
from roleplay.store import Store
from roleplay.voice import Heard, Spoken, voice_turn
from tests.fakes import ScriptedClient

pytestmark = pytest.mark.speech


@pytest.fixture
def session(tmp_path, monkeypatch):
    monkeypatch.setenv("ROLEPLAY_DATA", str(tmp_path))
    persona = Library().get("late-delivery")
    client = ScriptedClient(["That is what I said. I want my money back."])
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
