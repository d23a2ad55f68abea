"""Text to speech with pyttsx3 over espeak-ng, plus sentence splitting for streamed replies.

espeak-ng is a C library with global state, and pyttsx3's driver on top of it has
several sharp edges on this machine; each guard below names the one it answers.
With ROLEPLAY_TTS_BASE_URL set, an OpenAI-compatible server speaks instead (servers.py, remote.py).
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import re
import tempfile
import threading
import time
import wave
from pathlib import Path

import pyttsx3
from pyttsx3.drivers import _espeak  # the driver's own ctypes binding to libespeak-ng (see below)

from roleplay.speech import servers

# Language codes whose default espeak-ng voice is not the plain one: espeak's "en" is
# British, and the customers here speak American English.
_PREFERRED_VOICE = {"en": "en-us"}
# espeak variants that change the voice's sex; appended as "voice+variant", which
# espeak_SetVoiceByName understands (measured: +f3 raises the pitch from ~100 Hz to ~210 Hz).
_SEX_VARIANT = {"female": "f3", "male": "m3"}
DEFAULT_RATE = 175  # words per minute; espeak's own default, easier to follow than pyttsx3's 200

# pyttsx3's engine and espeak-ng's global state are not thread-safe: every use holds this.
_LOCK = threading.Lock()


class TTSError(RuntimeError):
    """Speech could not be written (unwritable place, or the engine produced no sound)."""


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
    with _LOCK:
        voices = _engine().getProperty("voices")
    codes: dict[str, str] = {}  # language code -> voice id, first listed wins
    for voice in voices:
        if voice.languages:
            codes.setdefault(voice.languages[0].lower(), voice.id)
    # The exact code ("en-us"), else the bare language ("sv-se" -> "sv"), else any dialect of it.
    bare = base.split("-")[0]
    found = codes.get(wanted) or codes.get(bare)
    found = found or next((vid for code, vid in codes.items() if code.startswith(bare + "-")), None)
    if found is None:
        raise ValueError(f"no espeak-ng voice for language {language!r}")
    return f"{found}+{_SEX_VARIANT[sex]}" if sex else found


def synthesize(
    text: str, out_path: str | Path, language: str = "en", sex: str | None = None, rate: int | None = None,
    *, embedded: bool = False,
) -> Path:
    """Speak text into a 16-bit mono wav at out_path and return that path.

    With ROLEPLAY_TTS_BASE_URL set the server speaks (its wav format, its voice for the language
    and sex; rate is espeak's only), unless embedded=True; a server that fails raises TTSError.
    """
    if not text or not text.strip():
        raise ValueError("nothing to say: the text is empty")
    out = Path(out_path)
    server = None if embedded else servers.tts_server()
    if server is None:
        voice = voice_id(language, sex)
        rate = rate or int(os.environ.get("ROLEPLAY_TTS_RATE", DEFAULT_RATE))
    # Writing into a fresh temporary name in the target directory proves the directory is
    # writable (the driver fails silently otherwise), keeps a stale file from passing the
    # existence check, and lets the rename publish a complete wav only.
    tmp = _temporary_beside(out)
    try:
        if server is None:
            with _LOCK:
                engine = _engine()
                _apply_voice(voice, rate)  # every time: espeak keeps the last caller's voice and rate
                _speak_to_file(engine, text.strip(), tmp)
        else:
            from . import remote  # imported here: it builds on this module, and embedded use never needs it

            remote.speak(server, text.strip(), tmp, language=language, sex=sex)
        _check_wav(tmp)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


def _temporary_beside(out: Path) -> Path:
    directory = out.parent
    if not directory.is_dir():
        raise TTSError(f"cannot write {out}: {directory} is not an existing directory")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=".wav", dir=directory)
    except OSError as exc:
        raise TTSError(f"cannot write {out}: directory {directory} is not writable ({exc.strerror})") from exc
    os.close(fd)
    os.unlink(name)  # let the driver create it, with normal permissions rather than mkstemp's 0600
    return Path(name)


def _check_wav(path: Path) -> None:
    try:
        with wave.open(str(path)) as w:
            frames = w.getnframes()
    except (OSError, wave.Error, EOFError) as exc:
        raise TTSError(f"speech engine wrote an unreadable wav ({exc})") from exc
    if frames == 0:
        raise TTSError("speech engine wrote an empty wav")


def wav_duration(path: str | Path) -> float:
    """Length of a PCM wav file in seconds."""
    with wave.open(str(path)) as w:
        return w.getnframes() / w.getframerate()


# Words that end in a full stop without ending the sentence (compared in lower case).
# "no." and "etc." are left out on purpose: they end sentences far more often than not.
_ABBREVIATIONS = frozenset(
    # English
    "mr mrs ms dr prof st jr sr vs e.g i.e approx inc ltd "
    # Swedish
    "t.ex bl.a d.v.s dvs ca kl nr s.k p.g.a resp "
    # Finnish
    "esim ns mm n klo ks puh nro".split()
)
# One or more terminators, optionally followed by closing quotes or brackets.
_END = re.compile(r"[.!?…]+[\"'”’)\]]*")


def _sentence_ends(text: str, at_end_counts: bool) -> list[int]:
    """Offsets just past each sentence end: a terminator followed by whitespace (or the end of text)."""
    ends = []
    for m in _END.finditer(text):
        after = m.end()
        followed_by_space = after < len(text) and text[after].isspace()
        if not (followed_by_space or (at_end_counts and after == len(text))):
            continue  # "6.90", "$6.90", or a stream that may still continue
        if m.group().rstrip("\"'”’)]") == "." and _word_before(text, m.start()) in _ABBREVIATIONS:
            continue
        ends.append(after)
    return ends


def _word_before(text: str, pos: int) -> str:
    words = text[:pos].rsplit(maxsplit=1)
    return words[-1].lstrip("(\"'“‘").lower() if words else ""


def _cut(text: str, ends: list[int]) -> list[str]:
    pieces, start = [], 0
    for end in ends:
        pieces.append(text[start:end].strip())
        start = end
    return [p for p in pieces if p]


def split_sentences(text: str) -> list[str]:
    """Split text into sentences on . ! ? … followed by a space or the end, sparing abbreviations and decimals."""
    ends = _sentence_ends(text, at_end_counts=True)
    if not ends or ends[-1] < len(text.rstrip()):
        ends.append(len(text))  # trailing words without a terminator are a sentence too
    return _cut(text, ends)


class SentenceBuffer:
    """Collect streamed text and hand out each sentence once it is surely complete.

    A terminator at the very end of what has arrived so far is not trusted yet: the
    next delta may turn "6." into "6.90" or "Mr" + "." into "Mr. Smith".
    """

    def __init__(self) -> None:
        self._text = ""

    def feed(self, delta: str) -> list[str]:
        """Add a piece of streamed text; return the sentences it completed (maybe none)."""
        self._text += delta
        ends = _sentence_ends(self._text, at_end_counts=False)
        if not ends:
            return []
        done = _cut(self._text, ends)
        self._text = self._text[ends[-1] :]
        return done

    def flush(self) -> str | None:
        """End of stream: return whatever is left as a last sentence, or None."""
        rest, self._text = self._text.strip(), ""
        return rest or None
