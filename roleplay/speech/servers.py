"""The speech servers' settings: OpenAI-compatible endpoints named in the environment.

ROLEPLAY_STT_BASE_URL sends recordings to a server's /v1/audio/transcriptions; ROLEPLAY_TTS_BASE_URL
asks a server's /v1/audio/speech for the customer's voice.  Either may be set alone; set, it is the
default backend for its side (backends.py).  This module stays light (no openai import); the
backends remote_stt.py and remote_tts.py do the talking.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field

# The embedded model's own weights, by the name speaches / faster-whisper-server give them.
DEFAULT_STT_MODEL = "Systran/faster-whisper-base"
DEFAULT_TTS_MODEL = "tts-1"
DEFAULT_VOICE = "alloy"
DEFAULT_TIMEOUT = 60.0


class SpeechServer(BaseModel):
    """One OpenAI-compatible speech endpoint: where it is, which model it runs, how long to wait."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["STT", "TTS"]
    base_url: str
    model: str
    api_key: str | None = Field(None, repr=False)  # kept out of reprs, logs and messages
    timeout: float = DEFAULT_TIMEOUT

    @property
    def address(self) -> str:
        """host:port, for messages: the URL's user part may hold credentials and is left out."""
        url = urlsplit(self.base_url)
        return f"{url.hostname}:{url.port}" if url.port else str(url.hostname)

    def describe(self) -> str:
        role = "speech-to-text" if self.kind == "STT" else "text-to-speech"
        return f"the {role} server at {self.address}"


class VoiceServer(SpeechServer):
    """A text-to-speech server, with the voice to ask for per language and sex."""

    voice: str = DEFAULT_VOICE
    voices: dict[str, str] = Field(default_factory=dict, description='"sv-female", "sv" or "female" -> voice')

    def voice_for(self, language: str, sex: str | None = None) -> str:
        """The most specific voice configured: language-sex, then language, then sex, then the default."""
        lang = language.strip().lower().replace("_", "-").split("-")[0]  # "sv-SE" -> "sv"
        keys = (f"{lang}-{sex}", lang, sex) if sex else (lang,)
        return next((self.voices[k] for k in keys if k in self.voices), self.voice)


def stt_server(env: Mapping[str, str] = os.environ) -> SpeechServer | None:
    """The speech-to-text server to use, or None for the embedded faster-whisper."""
    base = _base_url(env, "ROLEPLAY_STT_BASE_URL")
    if base is None:
        return None
    return SpeechServer(kind="STT", base_url=base, model=env.get("ROLEPLAY_STT_MODEL") or DEFAULT_STT_MODEL,
                        **_access(env, base))


def tts_server(env: Mapping[str, str] = os.environ) -> VoiceServer | None:
    """The text-to-speech server to use, or None for the embedded espeak-ng."""
    base = _base_url(env, "ROLEPLAY_TTS_BASE_URL")
    if base is None:
        return None
    return VoiceServer(kind="TTS", base_url=base, model=env.get("ROLEPLAY_TTS_MODEL") or DEFAULT_TTS_MODEL,
                       voice=env.get("ROLEPLAY_TTS_VOICE") or DEFAULT_VOICE,
                       voices=parse_voices(env.get("ROLEPLAY_TTS_VOICES", ""), "ROLEPLAY_TTS_VOICES"),
                       **_access(env, base))


def _base_url(env: Mapping[str, str], name: str) -> str | None:
    base = env.get(name, "").strip()
    if not base:
        return None
    if not base.startswith(("http://", "https://")):  # the value is not echoed: it may hold credentials
        raise ValueError(f"{name} must be a URL starting with http:// or https://, like http://gpu-box:8000/v1")
    return base


def _access(env: Mapping[str, str], base: str) -> dict:
    timeout = env.get("ROLEPLAY_SPEECH_TIMEOUT", "").strip()
    try:
        seconds = float(timeout) if timeout else DEFAULT_TIMEOUT
    except ValueError:
        raise ValueError(f"ROLEPLAY_SPEECH_TIMEOUT must be a number of seconds, not {timeout!r}") from None
    key = env.get("ROLEPLAY_SPEECH_API_KEY")
    if not key and _host(base) == _host(env.get("OPENAI_BASE_URL") or "https://api.openai.com/v1"):
        key = env.get("OPENAI_API_KEY")  # the model's key, but only to the model's own host
    return {"api_key": key or None, "timeout": seconds}


def _host(url: str) -> str | None:
    return urlsplit(url).hostname


def parse_voices(spec: str, setting: str) -> dict[str, str]:
    """Parse a voices setting: comma-separated key=voice pairs, e.g. "en-female=af_heart,sv=sv_nst"."""
    voices = {}
    for item in filter(None, (part.strip() for part in spec.split(","))):
        key, sep, voice = item.partition("=")
        if not (sep and key.strip() and voice.strip()):
            raise ValueError(f"{setting}: {item!r} is not key=voice (like en-female=af_heart)")
        voices[key.strip().lower()] = voice.strip()
    return voices
