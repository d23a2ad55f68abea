"""Speech through OpenAI-compatible servers: the app -> openai client -> HTTP -> the stand-in's real engines.

The stand-in serves /v1/audio/* with the embedded faster-whisper and espeak-ng, so what comes back
is real speech and real transcription; its fault injection stands for a misbehaving server.
"""

from __future__ import annotations

import argparse
import io
import re
import socket
import wave

import numpy as np
import pytest

import app
from roleplay.customer import Delta
from roleplay.library import Library
from roleplay.session import CustomerLine, PracticeSession
from roleplay.speech import cli, remote_tts, servers, stt, tts, whisper
from roleplay.store import Store
from roleplay.voice import Heard, Spoken, voice_turn
from tests.fakes import ScriptedModel
from tests.standin import Faults, StandIn

SECRET = "sk-speech-DO-NOT-LEAK-0123456789"
# The stand-in's voices are espeak's, named language[-sex].
VOICES = "en=en,en-male=en-male,sv=sv,sv-female=sv-female"
speech = pytest.mark.speech


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


@pytest.fixture(scope="module")
def standin():
    server = StandIn(delay_s=0.0)
    server.url = server.start()
    yield server
    server.stop()


@pytest.fixture
def remote_env(standin, monkeypatch):
    """Both speech directions on the stand-in; it starts healthy and is healthy again afterwards."""
    for name, value in {"ROLEPLAY_STT_BASE_URL": standin.url, "ROLEPLAY_TTS_BASE_URL": standin.url,
                        "ROLEPLAY_TTS_VOICES": VOICES, "ROLEPLAY_SPEECH_API_KEY": SECRET,
                        "ROLEPLAY_SPEECH_TIMEOUT": "20"}.items():
        monkeypatch.setenv(name, value)
    standin.faults, standin.verbose = Faults(), True
    yield standin
    standin.faults, standin.verbose = Faults(), True


@pytest.fixture(scope="module")
def spoken(tmp_path_factory):
    """Recordings made by the embedded espeak-ng (no server involved)."""
    folder = tmp_path_factory.mktemp("spoken")
    return {
        "en": tts.synthesize("Hello, I would like to return my order.", folder / "en.wav", language="en"),
        # A sentence whisper base gets back from espeak every time (see test_speech.py).
        "sv": tts.synthesize("Tack så mycket för hjälpen.", folder / "sv.wav", language="sv"),
    }


# --- settings ----------------------------------------------------------------------------------


def test_embedded_is_the_default():
    assert servers.stt_server({}) is None and servers.tts_server({}) is None


def test_settings_from_the_environment():
    env = {"ROLEPLAY_STT_BASE_URL": "http://gpu-box:8000/v1", "ROLEPLAY_TTS_BASE_URL": "https://u:pw@tts.example/v1",
           "ROLEPLAY_TTS_VOICE": "af_heart", "ROLEPLAY_TTS_VOICES": "sv-female = sv_f, sv=sv_any, male=am_adam",
           "OPENAI_API_KEY": "sk-model", "ROLEPLAY_SPEECH_TIMEOUT": "5"}
    listen, say = servers.stt_server(env), servers.tts_server(env)
    assert (listen.model, listen.api_key, listen.timeout) == (servers.DEFAULT_STT_MODEL, None, 5.0)
    # The model's key goes to a speech server only on the model server's own host.
    assert servers.stt_server({**env, "OPENAI_BASE_URL": "http://gpu-box:9000/v1"}).api_key == "sk-model"
    assert servers.stt_server({**env, "ROLEPLAY_STT_BASE_URL": "https://api.openai.com/v1"}).api_key == "sk-model"
    assert listen.describe() == "the speech-to-text server at gpu-box:8000"
    assert say.describe() == "the text-to-speech server at tts.example"  # the URL's credentials stay out
    assert "sk-model" not in repr(say)
    assert servers.stt_server({**env, "ROLEPLAY_SPEECH_API_KEY": "sk-speech"}).api_key == "sk-speech"
    assert say.voice_for("sv-SE", "female") == "sv_f"
    assert say.voice_for("sv", "male") == "sv_any"
    assert say.voice_for("en", "male") == "am_adam"
    assert say.voice_for("fi", None) == "af_heart"


@pytest.mark.parametrize("env, message", [
    ({"ROLEPLAY_STT_BASE_URL": "gpu-box:8000"}, "ROLEPLAY_STT_BASE_URL must be a URL starting with http://"),
    ({"ROLEPLAY_STT_BASE_URL": "http://x/v1", "ROLEPLAY_SPEECH_TIMEOUT": "soon"}, "ROLEPLAY_SPEECH_TIMEOUT must"),
    ({"ROLEPLAY_TTS_BASE_URL": "http://x/v1", "ROLEPLAY_TTS_VOICES": "en-female"}, "'en-female' is not key=voice"),
])
def test_bad_settings_say_which_and_how(env, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        servers.stt_server(env) or servers.tts_server(env)


# --- the real engines behind HTTP ----------------------------------------------------------------


@speech
@pytest.mark.parametrize("language, expected", [("en", {"return", "order"}), ("sv", {"tack", "mycket", "hjälpen"})])
def test_remote_transcription_hears_what_was_said(remote_env, spoken, language, expected):
    before = remote_env.requests
    heard = stt.transcribe(spoken[language], language)
    assert remote_env.requests == before + 1  # it went over HTTP
    assert expected <= words(heard.text), heard.text
    assert heard.language == language
    assert heard.duration_s == pytest.approx(tts.wav_duration(spoken[language]), abs=0.01)
    assert heard.segments and heard.segments[0].text and heard.segments[-1].end <= heard.duration_s + 0.5


@speech
def test_a_server_that_sends_only_text_still_gives_a_transcription(remote_env, spoken):
    remote_env.verbose = False
    heard = stt.transcribe(spoken["en"], "en")
    assert {"return", "order"} <= words(heard.text)
    assert [(s.start, s.end) for s in heard.segments] == [(0.0, heard.duration_s)]


@speech
def test_unusable_audio_is_refused_before_any_request(remote_env, tmp_path):
    before = remote_env.requests
    with pytest.raises(stt.AudioError, match="too short"):
        stt.transcribe((16000, np.full(1600, 0.1, dtype=np.float32)), "en")
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    with pytest.raises(stt.AudioError, match="empty"):
        stt.transcribe(empty, "en")
    assert remote_env.requests == before


@speech
def test_remote_synthesis_gives_a_playable_wav(remote_env, tmp_path):
    before = remote_env.requests
    out = tts.synthesize("Jag vill ha pengarna tillbaka.", tmp_path / "reply.wav", language="sv", sex="female")
    assert remote_env.requests == before + 1
    with wave.open(str(out)) as w:
        assert (w.getnchannels(), w.getsampwidth()) == (1, 2) and w.getframerate() >= 16000
    assert 1.0 < tts.wav_duration(out) < 5.0
    assert list(tmp_path.iterdir()) == [out]  # no temporary left behind


@speech
def test_a_streamed_wav_header_is_made_exact(remote_env, spoken):
    body = bytearray(spoken["en"].read_bytes())
    body[4:8] = body[40:44] = b"\xff\xff\xff\xff"  # what a server streaming a wav of unknown length writes
    fixed = remote_tts.checked_wav(servers.tts_server(), bytes(body))
    with wave.open(io.BytesIO(fixed)) as w:
        assert w.getnframes() / w.getframerate() == pytest.approx(tts.wav_duration(spoken["en"]))


# --- the voice loop and the app --------------------------------------------------------------------


@pytest.fixture
def session(tmp_path, monkeypatch):
    monkeypatch.setenv("ROLEPLAY_DATA", str(tmp_path))
    client = ScriptedModel(["That is what I said. I want my money back.", "Fine. Thank you."])
    return PracticeSession.start(Store(f"sqlite:///{tmp_path / 'rp.db'}"), Library().get("late-delivery"), client)


@speech
def test_voice_turn_through_remote_speech(remote_env, session, spoken):
    before = remote_env.requests
    events = list(voice_turn(session, str(spoken["en"]), at=9.0))
    assert remote_env.requests == before + 3  # one transcription, one wav per sentence
    assert isinstance(events[0], Heard) and {"return", "order"} <= words(events[0].text)
    assert [type(e) for e in events[1:]] == [Delta, Spoken, Delta, Spoken, CustomerLine]
    trainee, customer = session.store.get(session.id).turns[1:]
    assert wave.open(trainee.audio).getnframes() > 0
    assert customer.text == "That is what I said. I want my money back."
    assert tts.wav_duration(customer.audio) > 1.0 and customer.start >= 9.0


@speech
def test_start_up_does_not_load_whisper_when_a_server_listens(remote_env, monkeypatch):
    loaded = []
    monkeypatch.setattr(whisper, "load_model", lambda: loaded.append("whisper"))
    before = remote_env.requests
    app.warm_up(ScriptedModel(["Hello."]))
    assert loaded == []
    assert remote_env.requests == before + 1  # the speech warm-up asked the server instead


@speech
def test_command_line_uses_the_server(remote_env, spoken, tmp_path, capsys):
    args = argparse.Namespace(audio=str(spoken["en"]), language="en", json=False)
    assert cli.transcribe_command(args) == 0
    assert {"return", "order"} <= words(capsys.readouterr().out)


# --- faults ----------------------------------------------------------------------------------------


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


BOTH = {  # fault -> what the message must say, for either direction
    "down": "is it running? Start it, or check ROLEPLAY_{kind}_BASE_URL",
    "fail": "failed with HTTP 500 (stand-in failure); try again",
    "stall": "did not answer within 1 s",
}
STT_FAULTS = {**BOTH, "garbage": "did not send a transcription"}  # a cut JSON answer is garbage too
TTS_FAULTS = {**BOTH, "garbage": "sent something else (mp3? JSON?) instead of a wav",
              "truncate": "sent an incomplete wav"}


def inject(standin, monkeypatch, fault: str) -> str:
    """Make the server misbehave; returns the host:port the message must name."""
    if fault == "stall":
        monkeypatch.setenv("ROLEPLAY_SPEECH_TIMEOUT", "1")
    if fault == "down":
        url = f"http://127.0.0.1:{closed_port()}/v1"
        monkeypatch.setenv("ROLEPLAY_STT_BASE_URL", url)
        monkeypatch.setenv("ROLEPLAY_TTS_BASE_URL", url)
        return url.split("/")[2]
    standin.faults = Faults(**{fault: 1.0}, stall_s=3.0)
    return standin.url.split("/")[2]


@speech
@pytest.mark.parametrize("fault", list(STT_FAULTS))
def test_a_failing_transcription_server_is_named_and_explained(remote_env, monkeypatch, spoken, fault):
    where = inject(remote_env, monkeypatch, fault)
    with pytest.raises(stt.AudioError) as err:
        stt.transcribe(spoken["en"], "en")
    message = str(err.value)
    assert f"the speech-to-text server at {where}" in message and STT_FAULTS[fault].format(kind="STT") in message
    assert SECRET not in message


@speech
@pytest.mark.parametrize("fault", list(TTS_FAULTS))
def test_a_failing_speech_server_is_named_and_explained(remote_env, monkeypatch, tmp_path, fault):
    where = inject(remote_env, monkeypatch, fault)
    with pytest.raises(tts.TTSError) as err:
        tts.synthesize("Where is my parcel?", tmp_path / "reply.wav")
    message = str(err.value)
    assert f"the text-to-speech server at {where}" in message and TTS_FAULTS[fault].format(kind="TTS") in message
    assert SECRET not in message
    assert list(tmp_path.iterdir()) == []  # nothing half-written is left to play


@speech
def test_an_unknown_voice_gets_the_servers_reason(remote_env, monkeypatch, tmp_path):
    monkeypatch.delenv("ROLEPLAY_TTS_VOICES")  # so the default voice, "alloy", which espeak does not have
    with pytest.raises(tts.TTSError) as err:
        tts.synthesize("Hello.", tmp_path / "reply.wav")
    assert "HTTP 400 (no voice for language 'alloy' (tried piper, espeak; ROLEPLAY_TTS names them)); check ROLEPLAY_TTS_MODEL ('tts-1') " \
           "and ROLEPLAY_TTS_VOICE / ROLEPLAY_TTS_VOICES" in str(err.value)


@speech
def test_listening_server_down_leaves_the_session_as_it_was(remote_env, monkeypatch, session, spoken):
    inject(remote_env, monkeypatch, "down")
    with pytest.raises(stt.AudioError, match="cannot reach"):
        list(voice_turn(session, str(spoken["en"]), at=5.0))
    assert [t.speaker for t in session.store.get(session.id).turns] == ["customer"]


@speech
def test_speaking_server_failure_keeps_the_trainees_turn_and_recording(remote_env, monkeypatch, session, spoken):
    remote_env.faults = Faults(fail=1.0)
    monkeypatch.setenv("ROLEPLAY_STT_BASE_URL", "")  # listen here: only the speaking server is failing
    with pytest.raises(tts.TTSError, match="HTTP 500"):
        list(voice_turn(session, str(spoken["en"]), at=5.0))
    stored = session.store.get(session.id).turns
    assert [t.speaker for t in stored] == ["customer", "trainee"]
    assert {"return", "order"} <= words(stored[-1].text)
    assert wave.open(stored[-1].audio).getnframes() > 0
    assert session.awaiting_reply  # the app offers Retry
