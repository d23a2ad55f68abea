"""The embedded listener: faster-whisper (Whisper base, int8 on the CPU), weights pinned by hash."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Mapping

import numpy as np
from faster_whisper import WhisperModel

from roleplay import weights

from .base import Segment

# Beam 5 over greedy (beam 1), measured on 2 cores: the same CPU for a 3 s clip (the
# encoder dominates), about a third more for an 11 s one (1.6 -> 2.2 CPU-seconds), and it
# fixes words greedy decoding gets wrong, most of all in Swedish and Finnish.
# ROLEPLAY_STT_BEAM overrides it.
DEFAULT_BEAM = 5


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


_load_lock = threading.Lock()


def load_model() -> WhisperModel:
    """The Whisper model, loaded once per process; the lock keeps two first callers from loading it twice."""
    with _load_lock:
        return _cached_model(_env_int("ROLEPLAY_STT_THREADS", 2))


@functools.lru_cache(maxsize=1)
def _cached_model(cpu_threads: int) -> WhisperModel:
    path = weights.ensure("whisper-base")  # local, hash-checked; never downloads
    return WhisperModel(str(path), device="cpu", compute_type="int8", cpu_threads=cpu_threads)


class Whisper:
    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Whisper:
        return cls()

    def warm(self) -> None:
        load_model()

    def transcribe(self, samples: np.ndarray, language: str, beam_size: int | None) -> list[Segment]:
        segments, _ = load_model().transcribe(
            samples,
            language=language,  # always given: detection on short clips guesses wrong and costs a pass
            beam_size=beam_size or _env_int("ROLEPLAY_STT_BEAM", DEFAULT_BEAM),
            vad_filter=True,  # skips silence fast and stops Whisper inventing words in it
            # Unsure decodes are retried at rising temperature; six retries cost up to 12 s on unclear
            # Swedish/Finnish audio. Three keep the rescue (0.0 alone loops on "1, 2, 1, 2…") and cap the wait.
            temperature=(0.0, 0.4, 0.8),
        )
        return [Segment(start=s.start, end=s.end, text=s.text.strip()) for s in segments]  # decoding happens here
