"""The bench's figures: distributions (p50, p95) and the machine they were measured on."""

from __future__ import annotations

import os
import platform
import statistics

from ..llm import ModelConfig


def pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    s = sorted(values)
    return round(s[min(len(s) - 1, int(round(q * (len(s) - 1))))], 4)


def dist(values: list[float]) -> dict:
    return {"p50": pct(values, 0.5), "p95": pct(values, 0.95), "n": len(values),
            "mean": round(statistics.fmean(values), 4) if values else None}


def machine(config: ModelConfig) -> dict:
    cpu = "unknown"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {"cores": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "llm": config.model, "llm_threads": config.threads,
            "stt": "whisper-base int8 (faster-whisper)", "stt_threads": int(os.environ.get("ROLEPLAY_STT_THREADS") or 2),
            "tts": os.environ.get("ROLEPLAY_TTS") or "piper (Joe, English men), espeak-ng for the rest"}
