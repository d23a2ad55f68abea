"""Which listener and which voices speak here, chosen once from the settings.

A backend is a class in its own module with a `from_env(env)` constructor, implementing
base.Listener or base.Voice; adding one is that file and a line below.  They are named by
import path so that choosing one loads only its own libraries (Piper, pyttsx3, openai).

ROLEPLAY_STT names the listener: `whisper` (embedded faster-whisper) or `remote`; the default is
`remote` when ROLEPLAY_STT_BASE_URL is set, else `whisper`.  ROLEPLAY_TTS names the voices to try
in order, comma-separated: the first that has a voice for the persona's language speaks; the
default is `remote` when ROLEPLAY_TTS_BASE_URL is set, else `piper,espeak` (a neural voice where
one is installed, espeak-ng for every other language).
"""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Mapping

from .base import Listener, Voice

LISTENERS = {
    "whisper": "roleplay.speech.whisper:Whisper",
    "remote": "roleplay.speech.remote_stt:RemoteListener",
}
VOICES = {
    "piper": "roleplay.speech.piper_voice:Piper",
    "espeak": "roleplay.speech.espeak:Espeak",
    "remote": "roleplay.speech.remote_tts:RemoteVoice",
}
EMBEDDED_VOICES = ("piper", "espeak")
# The settings backends read; a change to any of them (tests, mostly) chooses afresh.
_PREFIXES = ("ROLEPLAY_STT", "ROLEPLAY_TTS", "ROLEPLAY_SPEECH", "ROLEPLAY_PIPER", "OPENAI_")


def _load(registry: dict[str, str], name: str, setting: str, env: Mapping[str, str]):
    if name not in registry:
        raise ValueError(f"{setting}: unknown speech backend {name!r}; known: {', '.join(registry)}")
    module, _, cls = registry[name].partition(":")
    return getattr(importlib.import_module(module), cls).from_env(env)


def _settings(env: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, v) for k, v in env.items() if k.startswith(_PREFIXES)))


@functools.lru_cache(maxsize=4)
def _listener(settings: tuple[tuple[str, str], ...], embedded: bool) -> Listener:
    env = dict(settings)
    default = "remote" if env.get("ROLEPLAY_STT_BASE_URL", "").strip() else "whisper"
    name = "whisper" if embedded else (env.get("ROLEPLAY_STT", "").strip().lower() or default)
    return _load(LISTENERS, name, "ROLEPLAY_STT", env)


def _names(env: Mapping[str, str], embedded: bool) -> list[str]:
    default = "remote" if env.get("ROLEPLAY_TTS_BASE_URL", "").strip() else ",".join(EMBEDDED_VOICES)
    names = [n.strip().lower() for n in (env.get("ROLEPLAY_TTS", "") or default).split(",") if n.strip()]
    if embedded:  # e.g. the test stand-in, which may itself be this process's server
        names = [n for n in names if n != "remote"] or list(EMBEDDED_VOICES)
    return names


@functools.lru_cache(maxsize=4)
def _voices(settings: tuple[tuple[str, str], ...], embedded: bool) -> tuple[Voice, ...]:
    env = dict(settings)
    return tuple(_load(VOICES, n, "ROLEPLAY_TTS", env) for n in _names(env, embedded))


def language_code(language: str) -> str:
    """The bare ISO code backends are asked for: "sv-SE" -> "sv"."""
    return language.strip().lower().replace("_", "-").split("-")[0]


def listener(env: Mapping[str, str] = os.environ, *, embedded: bool = False) -> Listener:
    """The listener the settings name (embedded: faster-whisper here, whatever they say)."""
    return _listener(_settings(env), embedded)


def voice_for(language: str, sex: str | None = None, env: Mapping[str, str] = os.environ, *,
              embedded: bool = False) -> Voice:
    """The first configured voice that speaks this language."""
    lang = language_code(language)
    voices = _voices(_settings(env), embedded)
    found = next((v for v in voices if v.has_voice(lang, sex)), None)
    if found is None:
        tried = ", ".join(n for n, v in zip(_names(env, embedded), voices))
        raise ValueError(f"no voice for language {language!r} (tried {tried}; ROLEPLAY_TTS names them)")
    return found
