"""Where roleplay keeps its files: one data folder, and each session's audio in it."""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    """ROLEPLAY_DATA, else ~/.local/share/roleplay (the SQLite database, the audio, the app's images)."""
    return Path(os.environ.get("ROLEPLAY_DATA") or Path.home() / ".local" / "share" / "roleplay")


def audio_dir(session_id: str, data: Path | None = None) -> Path:
    """The folder (made if need be) of one session's recordings and spoken lines, under `data` or data_dir()."""
    folder = Path(data or data_dir()) / "audio" / session_id
    folder.mkdir(parents=True, exist_ok=True)
    return folder
