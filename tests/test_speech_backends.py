"""Speech backends: chosen once from the settings, one file and one registry line each; audio in at any rate."""

from __future__ import annotations

import wave

import numpy as np
import pytest

from roleplay import weights
from roleplay.speech import backends, stt, tts
from roleplay.speech.base import pcm16_wav
from roleplay.speech.espeak import Espeak
from roleplay.speech.piper_voice import Piper
from roleplay.speech.remote_stt import RemoteListener
from roleplay.speech.remote_tts import RemoteVoice
from roleplay.speech.whisper import Whisper

SERVER = "http://127.0.0.1:9/v1"


def test_defaults_are_embedded_and_servers_take_over_when_named():
    assert isinstance(backends.listener({}), Whisper)
    assert isinstance(backends.listener({"ROLEPLAY_STT_BASE_URL": SERVER}), RemoteListener)
    assert isinstance(backends.listener({"ROLEPLAY_STT_BASE_URL": SERVER}, embedded=True), Whisper)
    assert isinstance(backends.voice_for("en", "male", {}), Piper)  # Joe comes with set-up
    assert isinstance(backends.voice_for("en", "female", {}), Espeak)  # no female English Piper voice here
    assert isinstance(backends.voice_for("fi", None, {}), Espeak)
    assert isinstance(backends.voice_for("sv-SE", "male", {"ROLEPLAY_TTS_BASE_URL": SERVER}), RemoteVoice)
    assert isinstance(backends.voice_for("en", "male", {"ROLEPLAY_TTS": "espeak"}), Espeak)


def test_chosen_once_per_settings():
    assert backends.listener({}) is backends.listener({})
    assert backends.voice_for("en", "male", {}) is backends.voice_for("en", None, {})


def test_bad_settings_say_what_to_set():
    with pytest.raises(ValueError, match=r"ROLEPLAY_TTS: unknown speech backend 'festival'; known: piper, espeak, remote"):
        backends.voice_for("en", None, {"ROLEPLAY_TTS": "piper,festival"})
    with pytest.raises(ValueError, match="ROLEPLAY_STT=remote needs ROLEPLAY_STT_BASE_URL"):
        backends.listener({"ROLEPLAY_STT": "remote"})
    with pytest.raises(ValueError, match=r"no voice for language 'zz' \(tried piper, espeak"):
        backends.voice_for("zz", None, {})
    with pytest.raises(ValueError, match="sex must be 'female' or 'male'"):
        tts.synthesize("Hello.", "/tmp/never.wav", sex="robot")


class Beeper:
    """A voice in a few lines: what a new backend has to implement."""

    @classmethod
    def from_env(cls, env):
        return cls()

    def has_voice(self, language, sex):
        return language == "xx"

    def speak(self, text, out, language, sex):
        out.write_bytes(pcm16_wav(np.full(1600, 0.1)))


def test_a_new_backend_is_one_class_and_a_line_of_registration(monkeypatch, tmp_path):
    monkeypatch.setitem(backends.VOICES, "beeper", f"{__name__}:Beeper")
    monkeypatch.setenv("ROLEPLAY_TTS", "beeper,espeak")
    out = tts.synthesize("Beep.", tmp_path / "beep.wav", language="xx")
    assert tts.wav_duration(out) == pytest.approx(0.1)
    assert isinstance(backends.voice_for("sv"), Espeak)  # the next in line speaks the rest


def operator_voice(tmp_path):
    """Joe's model under another name, standing for a voice an operator downloaded elsewhere."""
    joe = weights.ensure("piper-joe")
    model = tmp_path / "sv_SE-someone-medium.onnx"
    model.symlink_to(joe / "en_US-joe-medium.onnx")
    (tmp_path / "sv_SE-someone-medium.onnx.json").symlink_to(joe / "en_US-joe-medium.onnx.json")
    return model


def test_operator_adds_a_piper_voice_by_path(tmp_path):
    env = {"ROLEPLAY_PIPER_VOICES": f"sv-female={operator_voice(tmp_path)}"}
    voice = backends.voice_for("sv", "female", env)
    assert isinstance(voice, Piper) and voice.model("sv", "female").name == "sv_SE-someone-medium.onnx"
    assert isinstance(backends.voice_for("sv", "male", env), Espeak)  # never a voice of the other sex
    voice.speak("Hej.", tmp_path / "hej.wav", "sv", "female")
    with wave.open(str(tmp_path / "hej.wav")) as w:
        assert w.getframerate() == 22050 and w.getnframes() > 2000


def test_a_piper_voice_setting_that_is_not_a_voice_is_refused(tmp_path):
    with pytest.raises(ValueError, match=r"is not a Piper voice file \(.onnx\)"):
        Piper.from_env({"ROLEPLAY_PIPER_VOICES": f"sv={tmp_path / 'missing.onnx'}"})
    lonely = tmp_path / "lonely.onnx"
    lonely.write_bytes(b"x")
    with pytest.raises(ValueError, match="needs its config beside it, lonely.onnx.json"):
        Piper.from_env({"ROLEPLAY_PIPER_VOICES": f"sv={lonely}"})
    with pytest.raises(ValueError, match="ROLEPLAY_PIPER_VOICES: 'sv' is not key=voice"):
        Piper.from_env({"ROLEPLAY_PIPER_VOICES": "sv"})


def test_resampling_filters_what_16_khz_cannot_hold():
    """A 12 kHz whistle in 48 kHz audio is above what 16 kHz keeps: filtered out, not folded to 4 kHz."""
    t = np.arange(48000) / 48000
    whistle = (0.5 * np.sin(2 * np.pi * 12000 * t)).astype(np.float32)
    voice = (0.5 * np.sin(2 * np.pi * 300 * t)).astype(np.float32)
    assert np.sqrt(np.mean(stt.to_samples((48000, whistle)) ** 2)) < 0.01
    kept = stt.to_samples((48000, voice))
    assert len(kept) == 16000 and np.sqrt(np.mean(kept[200:-200] ** 2)) == pytest.approx(0.5 / np.sqrt(2), rel=0.02)
