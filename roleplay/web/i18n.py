"""The app's own words in the interface's language: English, Swedish, Finnish (issue 17).

The words live in the language packs (`ui` in roleplay.languages), English the reference, so a new
pack is a new interface language.  They reach the page two ways, chosen alike:

- labels, placeholders and button texts are keys (`t("practice.start")`) that Gradio's frontend
  translates by the browser's language (`translations()`, a gr.I18n built from the packs);
- HTML made here (cards, brief, scorecard, messages) is written in `language(request)`, the first
  language of the request's Accept-Language, as the frontend takes the browser's first.

ROLEPLAY_UI_LANGUAGE=sv is the setting: every browser gets that language.  The persona's language
is separate: a Swedish customer can be practised in an English interface, and the reverse.
"""

from __future__ import annotations

import os

import gradio as gr
from gradio.i18n import I18nData

from ..languages import REFERENCE, codes, pack

SETTING = "ROLEPLAY_UI_LANGUAGE"


def setting() -> str | None:
    """The interface language set for everyone, or None to follow each browser."""
    value = os.environ.get(SETTING, "").strip().lower()
    if value and value not in codes():
        raise ValueError(f"{SETTING} must be one of {', '.join(codes())}, not {value!r}")
    return value or None


def translations() -> gr.I18n:
    """The packs' `ui` words for Gradio's frontend.  With the setting, every browser gets that language:
    the frontend falls back to English's table for a key its own language lacks."""
    fixed = setting()
    if fixed:
        return gr.I18n(en=dict(pack(fixed).ui))
    return gr.I18n(**{code: dict(pack(code).ui) for code in codes()})


def t(key: str) -> I18nData:
    """A label the browser shows in its language (a key English lacks fails when the app is built)."""
    if key not in pack(REFERENCE).ui:
        raise KeyError(f"no interface text '{key}' in the English pack")
    return I18nData(key)


def language(request: gr.Request | None) -> str:
    """The interface language for this request: the setting, else the browser's first language."""
    fixed = setting()
    if fixed:
        return fixed
    header = request.headers.get("accept-language", "") if request is not None else ""
    code = header.split(",")[0].split(";")[0].strip().lower().split("-")[0]
    return code if code in codes() else REFERENCE


class Words:
    """The interface's words in one language, filled in: `w("chat.with", name="Sam")`."""

    __slots__ = ("lang", "_ui")

    def __init__(self, lang: str):
        self.lang, self._ui = lang, pack(lang).ui

    def __call__(self, key: str, /, **values) -> str:
        return self._ui[key].format(**values)

    def get(self, key: str, default: str) -> str:
        """A word for an open-ended id (a skill, a band) with a fallback when the pack has none."""
        return self._ui.get(key, default)


def words(lang: str = REFERENCE) -> Words:
    return Words(lang)
