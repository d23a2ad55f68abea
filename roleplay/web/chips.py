"""The small labels beside a customer: their language, channels and difficulty (and its choices)."""

from __future__ import annotations

from markupsafe import Markup

from ..languages import codes, pack
from ..persona import Difficulty
from .i18n import words
from .markup import ICON, parts
from .theme import FLAGS


def language_name(code: str) -> str:
    """A language's own name, from its pack ("Svenska"), so a new pack names itself; the code if it has none.

    The pack writes it as in a sentence ("svenska", for the prompt); a label starts with a capital."""
    if code not in codes():
        return code
    name = pack(code).name
    return name[:1].upper() + name[1:]


def language_chip(language: str) -> str:
    """The language's flag and name; a language without a flag picture (a new pack) shows its code instead."""
    return str(parts.language_chip(language, language_name(language), language in FLAGS))


def channel_chips(channel: str, lang: str = "en") -> str:
    return str(parts.channel_chips(channel, {k: Markup(ICON[k]) for k in ("chat", "voice")}, words(lang)))


def difficulty_badge(difficulty: str, lang: str = "en") -> str:
    return str(parts.difficulty_badge(difficulty, words(lang)(f"difficulty.{difficulty}")))


def difficulty_choices(lang: str) -> list[tuple[str, str]]:
    """(name, id) of each difficulty for a radio, easy to hard, in the interface's language."""
    w = words(lang)
    return [(w(f"difficulty.{d.value}"), d.value) for d in Difficulty]
