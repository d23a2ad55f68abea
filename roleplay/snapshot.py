"""The persona a session was practised with, kept with the session.

A trainer may edit or delete a persona after someone practised with it; replay, re-grading and
forks use the copy stored with the session, so an old conversation is judged by the sheet the
trainee had.  The library's current version is used only when asked for (`library=True`).
"""

from __future__ import annotations

import json
from functools import lru_cache

from pydantic import ValidationError

from .persona import Persona


def dump(persona: Persona) -> dict:
    return persona.model_dump(mode="json")


def persona_of(row, library, use_library: bool = False) -> Persona | None:
    """The session's persona: as practised (its snapshot), else the library's (older sessions, or asked for)."""
    if row.persona and not use_library:
        try:
            return _parsed(json.dumps(row.persona, sort_keys=True, ensure_ascii=False))
        except ValidationError:
            pass  # a snapshot an older persona schema wrote: the library's version is the best left
    return library.personas.get(row.persona_id) if row.persona_id else None


@lru_cache(maxsize=64)
def _parsed(text: str) -> Persona:
    """One Persona object per snapshot: the analysis keeps its patterns registered by object, so a
    new object at every replay would grow its registries (and cost a parse) for the same persona."""
    return Persona.model_validate_json(text)
