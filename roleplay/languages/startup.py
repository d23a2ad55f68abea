"""Every pack found, loaded and checked at once: a broken pack stops the start, not a session later."""

from __future__ import annotations

from . import found, pack
from .lexicon import lexicon


def check_all() -> tuple[str, ...]:
    """The languages found, each pack's words and lexicon checked against English (cached: cheap again)."""
    for code in found.codes():
        pack(code)
        lexicon(code)
    return found.codes()
