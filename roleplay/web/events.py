"""Gradio event data the app's own scripts send, read through gr.EventData's public constructor."""

from __future__ import annotations

import gradio as gr


class CardClick(gr.EventData):
    """A click on a persona card: render.CARDS_JS triggers it with the card's persona id."""

    def __init__(self, target, data):
        super().__init__(target, data)
        self.persona = data.get("persona") if isinstance(data, dict) else None
