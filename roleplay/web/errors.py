"""What a user is told about a failure: one nobody foresaw as a short id that names it in the log, never the
exception's own text (it may hold a database URL, a path, or just confuse); a foreseen refusal (`Said`) in
the reader's language."""

from __future__ import annotations

import logging
import secrets

from ..fork import CannotFork
from ..session import NothingToRetry, ReplyOwed, SessionEnded
from ..speech.base import AudioError
from .i18n import words

log = logging.getLogger("roleplay.web")


def reported(what: str, error: BaseException, lang: str = "en") -> str:
    """Log `error` (with its traceback) and what was being done under a new short id; the message to show for it."""
    ref = secrets.token_hex(4)
    log.error("%s [error %s]", what, ref, exc_info=error)
    return words(lang)("error.logged", ref=ref)


class Said(Exception):
    """A refusal the app shows in the reader's language: a `ui` key of the packs, and its values.

    Its own text (str(e), e.args[0]) is the English one, for the log and the JSON API; a page shows
    `told(e, lang)`."""

    def __init__(self, key: str, /, **values):
        self.key, self.values = key, values
        super().__init__(words()(key, **values))

    def said(self, lang: str) -> str:
        return words(lang)(self.key, **self.values)


class Refused(Said, ValueError):
    """A request the app will not do as asked (a channel the customer does not take, a bad difficulty)."""


class Missing(Said, KeyError):
    """Something asked for by id that is not there (a persona, an assignment)."""

    def __str__(self) -> str:  # a KeyError quotes its text
        return str(self.args[0])


# The core's refusals carry English for the log and the command line; a page says them by their type.
_CORE = ((SessionEnded, "practice.ended"), (ReplyOwed, "practice.retry_first"),
         (NothingToRetry, "practice.nothing_to_retry"), (CannotFork, "practice.cannot_fork"))


def told(error: BaseException, lang: str) -> str:
    """What to show for `error` in `lang`: a Said or a refusal of the core in that language, anything else
    as its own text.  Unusable audio keeps the core's detail (what is wrong with it) after the page's words."""
    if isinstance(error, Said):
        return error.said(lang)
    key = next((k for kind, k in _CORE if isinstance(error, kind)), None)
    if key is not None:
        return words(lang)(key)
    text = str(error.args[0] if error.args else error)
    return words(lang)("practice.audio_unusable", detail=text) if isinstance(error, AudioError) else text
