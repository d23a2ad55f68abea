"""The fallback voice: espeak-ng through pyttsx3, for every language espeak knows.

espeak-ng is a C library with global state, and pyttsx3's driver on top of it has
several sharp edges on this machine; each guard below names the one it answers.
"""

from __future__ import annotations

import contextlib
import functools
import io
import tempfile
import threading
import time
from collections.abc import Mapping
from pathlib import Path

import pyttsx3
from pyttsx3.drivers import _espeak  # the driver's own ctypes binding to libespeak-ng (see below)

from .base import TTSError

# Language codes whose default espeak-ng voice is not the plain one: espeak's "en" is
# British, and the customers here speak American English.
_PREFERRED_VOICE = {"en": "en-us"}
# espeak variants that change the voice's sex; appended as "voice+variant", which
# espeak_SetVoiceByName understands (measured: +f3 raises the pitch from ~100 Hz to ~210 Hz).
_SEX_VARIANT = {"female": "f3", "male": "m3"}
DEFAULT_RATE = 175  # words per minute; espeak's own default, easier to follow than pyttsx3's 200 (ROLEPLAY_TTS_RATE)

# pyttsx3's engine and espeak-ng's global state are not thread-safe: every use holds this.
_LOCK = threading.Lock()


@functools.lru_cache(maxsize=1)
def _engine() -> pyttsx3.Engine:
    """The one pyttsx3 engine of this process (espeak-ng can only be initialised once); call under _LOCK."""
    engine = pyttsx3.init("espeak")
    # espeak-ng loads its data on the first utterance; pay that on a throwaway phrase.
    with tempfile.TemporaryDirectory() as tmp:
        _speak_to_file(engine, "Ready.", Path(tmp) / "warmup.wav")
    return engine


# How pyttsx3's espeak driver behaves here, which the functions below work around:
# - runAndWait returns as soon as the text is queued: the driver ends its loop before
#   espeak-ng's own thread has synthesised anything, and that thread writes the wav.
# - runAndWait also calls espeak_Cancel if espeak-ng is still busy (with the previous
#   utterance, or with a rate change, which espeak-ng queues); a cancel that close to
#   the next utterance can leave that utterance silent (measured under CPU load: 46 empty
#   wavs in 3000 short sentences).  So nothing starts until espeak is idle (then: none).


def _apply_voice(voice: str, rate: int) -> None:
    # Straight to espeak-ng: through pyttsx3's command queue they would run inside
    # runAndWait, just before its cancel check, leaving espeak busy with the rate.
    if _espeak.SetVoiceByName(voice.encode()) != 0:
        raise TTSError(f"espeak-ng could not load voice {voice}")
    _espeak.SetParameter(_espeak.RATE, rate, 0)


def _speak_to_file(engine: pyttsx3.Engine, text: str, path: Path) -> None:
    _wait_idle()
    # One save_to_file per runAndWait: with two queued, pyttsx3 writes only the last.
    engine.save_to_file(text, str(path))
    # The driver prints "Audio saved to ..." from espeak's thread; keep it off stdout (CLI
    # output). The lock is held, so only another thread's print in these milliseconds is lost.
    with contextlib.redirect_stdout(io.StringIO()):
        engine.runAndWait()
        _wait_for_wav(path)


def _wait_idle(timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while _espeak.IsPlaying():
        if time.monotonic() > deadline:
            raise TTSError(f"speech engine stayed busy for {timeout:.0f} s")
        time.sleep(0.005)


def _wait_for_wav(path: Path, timeout: float = 10.0) -> None:
    """Return once the wav exists, has stopped growing, and espeak-ng's thread is idle again."""
    deadline = time.monotonic() + timeout
    last = -1
    while True:
        size = path.stat().st_size if path.exists() else 0
        if size > 0 and size == last and not _espeak.IsPlaying():
            return
        if time.monotonic() > deadline:
            raise TTSError(f"speech engine did not write {path} within {timeout:.0f} s")
        last = size
        time.sleep(0.005)


def voice_id(language: str = "en", sex: str | None = None) -> str:
    """The espeak-ng voice for an ISO language code ("en", "sv", "fi", "sv-SE"...), with a sex variant."""
    if sex not in (None, *_SEX_VARIANT):
        raise ValueError(f"sex must be 'female' or 'male', not {sex!r}")
    base = language.strip().lower().replace("_", "-")
    wanted = _PREFERRED_VOICE.get(base, base)
    codes = _codes()
    # The exact code ("en-us"), else the bare language ("sv-se" -> "sv"), else any dialect of it.
    bare = base.split("-")[0]
    found = codes.get(wanted) or codes.get(bare)
    found = found or next((vid for code, vid in codes.items() if code.startswith(bare + "-")), None)
    if found is None:
        raise ValueError(f"no espeak-ng voice for language {language!r}")
    return f"{found}+{_SEX_VARIANT[sex]}" if sex else found


@functools.lru_cache(maxsize=1)  # the installed voices do not change while the app runs
def _codes() -> dict[str, str]:
    """Language code -> espeak voice id, the first listed winning."""
    with _LOCK:
        voices = _engine().getProperty("voices")
    codes: dict[str, str] = {}
    for voice in voices:
        if voice.languages:
            codes.setdefault(voice.languages[0].lower(), voice.id)
    return codes


class Espeak:
    def __init__(self, rate: int = DEFAULT_RATE):
        self.rate = rate

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Espeak:
        value = env.get("ROLEPLAY_TTS_RATE", "").strip()
        if value and not value.isdigit():
            raise ValueError(f"ROLEPLAY_TTS_RATE must be words per minute, like 175, not {value!r}")
        return cls(int(value) if value else DEFAULT_RATE)

    def has_voice(self, language: str, sex: str | None) -> bool:
        try:
            voice_id(language)
        except ValueError:
            return False
        return True

    def speak(self, text: str, out: Path, language: str, sex: str | None) -> None:
        voice = voice_id(language, sex)
        with _LOCK:
            engine = _engine()
            _apply_voice(voice, self.rate)  # every time: espeak keeps the last caller's voice and rate
            _speak_to_file(engine, text, out)
