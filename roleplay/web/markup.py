"""What every piece of the app's HTML shares: the Jinja2 templates (autoescaped), escaping, the icons
and the colours for moods and scores.

The panels (render.py), the scorecard, the transcript, the charts, the chips and the team's tables
each build on this, so none of them needs another's module for the basics (and none imports back).
"""

from __future__ import annotations

import html

from jinja2 import Environment, PackageLoader

from ..state import mood_of
from . import theme

# Autoescaped, so no markup from a user, a persona file or the model ever reaches the page.
templates = Environment(loader=PackageLoader("roleplay.web", "templates"), autoescape=True)
parts = templates.get_template("parts.html").module  # one macro per panel
chart_parts = templates.get_template("charts.html").module  # one macro per chart

try:
    from evaluators import PASS_MARK  # where the bars draw their line; the grader decides pass/fail
except ImportError:  # pragma: no cover
    PASS_MARK = 60


def page(template: str, **values) -> str:
    """A whole page from templates/ (values autoescaped; pass Markup for HTML built here)."""
    return templates.get_template(template).render(**values)


def esc(text: object) -> str:
    """Text escaped for HTML outside the templates (the chat's messages)."""
    return html.escape("" if text is None else str(text), quote=True)


ICON = {
    "chat": '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" '
            'stroke-linejoin="round"><path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1.1-4.4A8 8 0 1 1 21 12z"/></svg>',
    "voice": '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" '
             'stroke-linejoin="round"><rect x="9" y="3" width="6" height="11" rx="3"/><path d="M5 11a7 7 0 0 0 14 0'
             '"/><path d="M12 18v3"/></svg>',
    "logo": '<svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="#fff" stroke-width="2" '
            'stroke-linecap="round" stroke-linejoin="round"><path d="M4 5h11a3 3 0 0 1 3 3v5a3 3 0 0 1-3 3H9l-4 3v-3'
            'H4z"/><path d="M18 9h1a2 2 0 0 1 2 2v4a2 2 0 0 1-2 2h-1v2l-3-2"/></svg>',
    "lock": '<svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2">'
            '<rect x="5" y="11" width="14" height="9" rx="2"/><path d="M8 11V8a4 4 0 0 1 8 0v3"/></svg>',
}

# One colour per mood, so the meter's bands are the customer state's own (roleplay.state.mood_of).
MOOD_COLOURS = {"furious": "#c0392b", "angry": "#e0662f", "annoyed": "#d9a021", "uneasy": "#8dbb3e",
                "calm": "#2e9b63"}


def mood_colour(frustration: int) -> str:
    return MOOD_COLOURS[mood_of(frustration)]


def score_colour(score: float) -> str:
    if score >= 70:
        return theme.GOOD
    if score >= 50:
        return theme.WARN
    return theme.BAD
