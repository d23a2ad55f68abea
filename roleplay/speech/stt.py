"""Speech to text from files or arrays: read and check the audio here, transcribe with the chosen listener.

The listener is faster-whisper in this process, or an OpenAI-compatible server (backends.py).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from pathlib import Path

import av
import numpy as np
from pydantic import BaseModel, Field

from . import backends
from .base import SAMPLE_RATE, AudioError, Segment

__all__ = ["SAMPLE_RATE", "AudioError", "Segment", "Transcription", "transcribe", "to_samples", "read_file", "warm"]

MIN_SECONDS = 0.3  # shorter than this is a slip of the button, not an answer
MAX_SECONDS = 120.0

Audio = str | Path | np.ndarray | tuple[int, np.ndarray]  # tuple: Gradio's (sample_rate, array)


class Transcription(BaseModel):
    text: str = Field(description="all segments joined and stripped; may be empty when nobody spoke")
    language: str
    duration_s: float = Field(description="length of the audio received, before any truncation")
    segments: list[Segment]
    elapsed_s: float = Field(description="wall time spent decoding and transcribing")
    truncated: bool = Field(False, description="the audio was longer than max_seconds and was cut")


def warm() -> None:
    """Load the listener now (Whisper's model, when it listens here), so the first turn does not wait."""
    backends.listener().warm()


def transcribe(
    audio: Audio,
    language: str = "en",
    *,
    sample_rate: int = SAMPLE_RATE,
    beam_size: int | None = None,
    max_seconds: float = MAX_SECONDS,
    embedded: bool = False,
) -> Transcription:
    """Transcribe a file path, a numpy array (at sample_rate) or Gradio's (sample_rate, array) tuple.

    Raises AudioError for audio that cannot be read or is shorter than MIN_SECONDS.
    Audio longer than max_seconds is cut there (truncated=True) rather than refused.
    embedded=True transcribes here whatever the settings say (beam_size is a server's own).
    A server that fails raises AudioError too.
    """
    listener = backends.listener(embedded=embedded)
    listener.warm()  # before the clock starts: elapsed_s is the cost of this audio alone
    started = time.perf_counter()
    if isinstance(audio, (str, Path)):  # an upload: decoded no further than the cap
        samples, duration = read_file(Path(audio), max_seconds)
    else:
        samples = to_samples(audio, sample_rate)
        duration = len(samples) / SAMPLE_RATE
    if duration < MIN_SECONDS:
        raise AudioError(
            f"recording too short ({duration:.2f} s, need at least {MIN_SECONDS} s); record a little longer"
        )
    limit = int(max_seconds * SAMPLE_RATE)
    truncated = len(samples) > limit
    code = backends.language_code(language)  # Whisper knows "sv", not "sv-SE"
    found = listener.transcribe(samples[:limit], code, beam_size)
    return Transcription(
        text=" ".join(s.text for s in found if s.text).strip(),
        language=code,
        duration_s=round(duration, 3),
        segments=found,
        elapsed_s=round(time.perf_counter() - started, 3),
        truncated=truncated,
    )


def to_samples(audio: Audio, sample_rate: int = SAMPLE_RATE) -> np.ndarray:
    """Mono float32 samples at 16 kHz from a path, an array or a (sample_rate, array) tuple."""
    if isinstance(audio, tuple):
        sample_rate, audio = audio
    if isinstance(audio, (str, Path)):
        return read_file(Path(audio))[0]
    if isinstance(audio, np.ndarray):
        return _resample(_mono_float(audio), sample_rate)
    raise AudioError(f"cannot use {type(audio).__name__} as audio; give a file path or a numpy array")


def read_file(path: Path, max_seconds: float | None = None) -> tuple[np.ndarray, float]:
    """A file's first `max_seconds` as mono float32 at 16 kHz, and the file's whole length in seconds.

    The length comes from the container when it says (and from what was decoded when it does not),
    and decoding stops at the cap: a 50 MB upload of hours of low-bitrate Opus is never expanded
    into gigabytes of samples.  One sample past the cap is kept, so that a cut shows.
    """
    def fail(reason: str) -> AudioError:
        return AudioError(f"could not read audio from {path}: {reason}")

    if not path.exists():
        raise fail("no such file")
    if not path.is_file():
        raise fail("not a file")
    if path.stat().st_size == 0:
        raise fail("the file is empty; record again")
    limit = None if max_seconds is None else int(max_seconds * SAMPLE_RATE) + 1
    parts: list[np.ndarray] = []
    decoded = 0
    try:
        with av.open(str(path), mode="r", metadata_errors="ignore") as container:
            declared = container.duration / av.time_base if container.duration else 0.0
            stream = container.streams.audio[0]
            resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
            for frame in itertools.chain(_valid_frames(container.decode(stream)), [None]):
                if frame is not None:
                    frame.pts = None  # damaged timestamps are no reason to refuse the sound
                for out in resampler.resample(frame):
                    parts.append(out.to_ndarray().reshape(-1))
                    decoded += parts[-1].size
                if limit is not None and decoded >= limit:
                    break
    except IndexError as exc:  # PyAV opened it (an image, say) but found no audio stream
        raise fail("the file has no sound in it (wav, webm, ogg, mp3 are fine)") from exc
    except av.error.FFmpegError as exc:
        raise fail("not an audio file, or it is damaged (wav, webm, ogg, mp3 are fine)") from exc
    samples = (np.concatenate(parts)[:limit] if parts else np.zeros(0, np.int16)).astype(np.float32) / 32768.0
    return samples, max(declared, len(samples) / SAMPLE_RATE)


def _valid_frames(frames: Iterator) -> Iterator:
    """The frames that decode; a damaged one is skipped, as faster-whisper's decoder does."""
    while True:
        try:
            yield next(frames)
        except StopIteration:
            return
        except av.error.InvalidDataError:
            continue


def _mono_float(audio: np.ndarray) -> np.ndarray:
    if np.issubdtype(audio.dtype, np.signedinteger):
        audio = audio / float(np.iinfo(audio.dtype).max + 1)  # int16 -> [-1, 1)
    elif not np.issubdtype(audio.dtype, np.floating):
        raise AudioError(f"audio samples must be signed integers or floats, not {audio.dtype}")
    if audio.ndim == 2:
        # Channels are the short axis: Gradio gives (samples, channels), some tools (channels, samples).
        audio = audio.mean(axis=int(np.argmin(audio.shape)))
    elif audio.ndim != 1:
        raise AudioError(f"audio array must be 1-D or 2-D, not {audio.ndim}-D")
    return audio.astype(np.float32)


def _resample(samples: np.ndarray, sample_rate: int) -> np.ndarray:
    if sample_rate <= 0:
        raise AudioError(f"sample rate must be positive, not {sample_rate}")
    if sample_rate == SAMPLE_RATE or len(samples) == 0:
        return samples
    # FFmpeg's resampler filters before it decimates, so a 48 kHz microphone's highs do not fold
    # back into the speech band as linear interpolation lets them.
    frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="flt", layout="mono")
    frame.sample_rate = sample_rate
    resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
    out = [f.to_ndarray().reshape(-1) for f in [*resampler.resample(frame), *resampler.resample(None)]]
    return np.concatenate(out).astype(np.float32) if out else np.zeros(0, np.float32)
