"""The one test double for the model: a scripted CustomerModel, for unit tests and fault injection only.

It subclasses the real interface (roleplay.model.CustomerModel), so a change there breaks it where it
breaks the real client.  The real model is exercised end to end in test_simulate.py.
"""

from __future__ import annotations

import itertools
import json
import threading

from roleplay.model import CustomerModel, ModelError

# What a customer says to anything, for tests where the words do not matter (the app's, the API's).
CANNED = ["I see. And what are you going to do about it?", "Okay. That would help, thank you."]


class ScriptedModel(CustomerModel):
    """Answers each request with the next scripted item: a line (streamed word by word), a dict (a JSON
    answer), or an exception, raised.  `repeat` goes round the script for as long as it is asked;
    otherwise a request past its end fails as a model would.  Records every prompt it was given."""

    style = "completion"

    def __init__(self, lines: list[str | dict | Exception], *, repeat: bool = False, model: str = "scripted",
                 description: str = "scripted lines"):
        self._script = itertools.cycle(lines) if repeat else iter(lines)
        self.model, self.description = model, description
        self.prompts: list = []  # prompts and message lists, in the order asked
        self.warmed: list = []  # prompts handed to warm(), which answers nothing
        self._lock = threading.Lock()  # the app's tests ask from several threads

    def _next(self, prompt) -> str | dict:
        with self._lock:
            self.prompts.append(prompt)
            item = next(self._script, None)
        if item is None:
            raise ModelError("script exhausted")
        if isinstance(item, Exception):
            raise item
        return item

    def _words(self, prompt) -> list[str]:
        words = str(self._next(prompt)).split(" ")
        return [w if i == 0 else " " + w for i, w in enumerate(words)]

    def stream_completion(self, prompt, **kw):
        yield from self._words(prompt)

    def stream_chat(self, messages, **kw):
        yield from self._words(messages)

    def json(self, messages, schema, **kw):
        item = self._next(messages)
        return item if isinstance(item, str) else json.dumps(item)

    def warm(self, prompt):
        self.warmed.append(prompt)

    def describe(self):
        return self.description


def canned(lines: list[str] | None = None) -> ScriptedModel:
    """A customer who answers anything, going round `lines` (default CANNED)."""
    return ScriptedModel(lines or CANNED, repeat=True, model="canned", description="canned lines")
