"""Gradio event data the app's own scripts send, read through gr.EventData's public constructor."""

from __future__ import annotations

import logging

import gradio as gr
from pydantic import ValidationError

from ..interruption import Cut

log = logging.getLogger("roleplay.web")


class CardClick(gr.EventData):
    """A click on a persona card: render.CARDS_JS triggers it with the card's persona id."""

    def __init__(self, target, data):
        super().__init__(target, data)
        self.persona = data.get("persona") if isinstance(data, dict) else None


class SpeechCut(gr.EventData):
    """The trainee spoke over the customer: speech_player.SPEECH_JS triggers it with where the audio stopped."""

    def __init__(self, target, data):
        super().__init__(target, data)
        try:
            self.cut = Cut.model_validate(data.get("cut")) if isinstance(data, dict) else None
        except ValidationError as e:  # a page of another version, or a hand-made request: ignored, logged
            log.warning("ignored a barge-in report that is not one: %s", e)
            self.cut = None
