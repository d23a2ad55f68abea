"""Where the files a page may download are written (exports, score lists, xAPI statements)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

KEEP_EXPORTS = 32  # pages' export folders kept at once: a few per user looking at Review right now


class Downloads:
    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="roleplay-exports-"))

    def folder(self) -> Path:
        """A new folder for one page's export files; the oldest beyond KEEP_EXPORTS go (Gradio has
        copied each into its own cache by the time the page shows the button)."""
        folder = Path(tempfile.mkdtemp(dir=self.root))
        for old in sorted(self.root.iterdir(), key=lambda p: p.stat().st_mtime_ns)[:-KEEP_EXPORTS]:
            shutil.rmtree(old, ignore_errors=True)
        return folder

    def write(self, name: str, text: str) -> Path:
        path = self.folder() / name
        path.write_text(text, encoding="utf-8")
        return path
