"""What a user is told about a failure nobody foresaw: a short id that names it in the log, never the
exception's own text (it may hold a database URL, a path, or just confuse)."""

from __future__ import annotations

import logging
import secrets

log = logging.getLogger("roleplay.web")


def reported(what: str, error: BaseException) -> str:
    """Log `error` (with its traceback) under a new short id; the message to show for it."""
    ref = secrets.token_hex(4)
    log.error("%s [error %s]", what, ref, exc_info=error)
    return f"Something went wrong while {what}; it was logged as error {ref}."
