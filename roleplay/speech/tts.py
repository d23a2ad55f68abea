"""Text to speech: the customer's line into a checked wav, by the voice the settings choose (backends.py).

Piper where a neural voice speaks the persona's language, espeak-ng for the rest, or an
OpenAI-compatible server.  Splitting a streamed reply into sentences is roleplay.sentences' job.
"""

from __future__ import annotations

import os
import tempfile
import wave
from pathlib import Path

from . import backends
from .base import TTSError

__all__ = ["TTSError", "synthesize", "wav_duration"]

SEXES = ("female", "male")


def synthesize(text: str, out_path: str | Path, language: str = "en", sex: str | None = None, *,
               embedded: bool = False) -> Path:
    """Speak text into a PCM wav at out_path and return that path.

    The first configured voice for the language speaks (embedded=True: never a server's); an
    unknown language or sex is a ValueError, a voice that fails a TTSError.
    """
    if not text or not text.strip():
        raise ValueError("nothing to say: the text is empty")
    if sex not in (None, *SEXES):
        raise ValueError(f"sex must be 'female' or 'male', not {sex!r}")
    out = Path(out_path)
    voice = backends.voice_for(language, sex, embedded=embedded)
    # Writing into a fresh temporary name in the target directory proves the directory is
    # writable (the driver fails silently otherwise), keeps a stale file from passing the
    # existence check, and lets the rename publish a complete wav only.
    tmp = _temporary_beside(out)
    try:
        voice.speak(text.strip(), tmp, backends.language_code(language), sex)
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
