"""What every speech backend shares: the sample rate, the errors, and the two interfaces.

A listener (speech to text) turns checked 16 kHz mono samples into segments; a voice (text to
speech) writes a wav.  stt.py and tts.py do the checking and pick the backend (backends.py); a
backend never imports those two, so shared types live here and nothing imports in a circle.
"""

from __future__ import annotations

import io
import wave
from pathlib import Path
from typing import Protocol

import numpy as np
from pydantic import BaseModel

SAMPLE_RATE = 16000  # what Whisper was trained on; every listener gets this


class AudioError(ValueError):
    """The audio cannot be used; the message says what is wrong and what to do."""


class TTSError(RuntimeError):
    """Speech could not be written (unwritable place, or the engine produced no sound)."""


class Segment(BaseModel):
    start: float
    end: float
    text: str


class Listener(Protocol):
    """Speech to text.  Raises AudioError with a message fit to show when it cannot."""

    def warm(self) -> None:
        """Load what the first transcription would otherwise wait for."""

    def transcribe(self, samples: np.ndarray, language: str, beam_size: int | None) -> list[Segment]:
        """Segments of 16 kHz mono float32 samples (already checked) in an ISO language ("en")."""


class Voice(Protocol):
    """Text to speech.  Raises TTSError with a message fit to show when it cannot."""

    def has_voice(self, language: str, sex: str | None) -> bool:
        """Whether it can speak this language (a bare ISO code) at all; sex is a preference."""

    def speak(self, text: str, out: Path, language: str, sex: str | None) -> None:
        """Write text spoken as a PCM wav at out (a fresh path; the caller checks and publishes it)."""


def pcm16_wav(samples: np.ndarray, rate: int = SAMPLE_RATE) -> bytes:
    """16-bit mono wav: what every player and Whisper server reads, at half the size of float samples."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    return buffer.getvalue()
