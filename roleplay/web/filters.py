"""The filters' fields as typed on Review and Team: a date, and scores per skill."""

from __future__ import annotations

from datetime import datetime

from .i18n import words

ALL = "All"  # the filters' choice for no filter


def parse_since(text: str | None, lang: str = "en") -> datetime | None:
    """A date typed as YYYY-MM-DD (ValueError, in `lang`, when it is not one)."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        raise ValueError(words(lang)("filters.date")) from None


def parse_scores(text: str | None, lang: str = "en") -> dict[str, float]:
    """'listening=70, empathy=55' as a dict (ValueError, in `lang`, when a part is not skill=number)."""
    out = {}
    for part in (text or "").replace(";", ",").split(","):
        if part.strip():
            skill, sep, score = part.partition("=")
            if not sep:
                raise ValueError(words(lang)("filters.score", part=repr(part.strip())))
            out[skill.strip().lower()] = float(score)
    return out

