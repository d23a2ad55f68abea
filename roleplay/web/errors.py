"""What a user is told about a failure: one nobody foresaw as a short id that names it in the log, never the
exception's own text (it may hold a database URL, a path, or just confuse); a foreseen refusal (`Said`) in
the reader's language."""

from __future__ import annotations

import logging
import secrets

from .i18n import words

log = logging.getLogger("roleplay.web")


def reported(what: str, error: BaseException) -> str:
    """Log `error` (with its traceback) under a new short id; the message to show for it."""
    ref = secrets.token_hex(4)
    log.error("%s [error %s]", what, ref, exc_info=error)
    return f"Something went wrong while {what}; it was logged as error {ref}."


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


def told(error: BaseException, lang: str) -> str:
    """What to show for `error` in `lang`: a Said in that language, anything else as its own text."""
    if isinstance(error, Said):
        return error.said(lang)
    return str(error.args[0] if error.args else error)
