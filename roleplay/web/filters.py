"""The filters' fields as typed on Review and Team: a date, and scores per skill."""

from __future__ import annotations

from datetime import datetime

ALL = "All"  # the filters' choice for no filter


def parse_since(text: str | None) -> datetime | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        raise ValueError("write the date as YYYY-MM-DD, e.g. 2025-01-31") from None


def parse_scores(text: str | None) -> dict[str, float]:
    """'listening=70, empathy=55' as a dict (ValueError when a part is not skill=number)."""
    out = {}
    for part in (text or "").replace(";", ",").split(","):
        if part.strip():
            skill, sep, score = part.partition("=")
            if not sep:
                raise ValueError(f"write each score as skill=number, not {part.strip()!r}")
            out[skill.strip().lower()] = float(score)
    return out

