"""A scripted stand-in for the model client, for unit tests and fault injection only.

The real model is exercised end to end in test_simulate.py.
"""

from __future__ import annotations

from roleplay.llm import ModelError


class ScriptedClient:
    """Answers each request with the next scripted line (streamed word by word), or raises a scripted error."""

    style = "completion"
    model = "scripted"

    def __init__(self, lines: list[str | Exception]):
        self.lines = list(lines)
        self.prompts: list[str] = []
        self.warmed: list = []  # prompts handed to warm(), which answers nothing

    def _next(self, prompt) -> list[str]:
        self.prompts.append(prompt)
        if not self.lines:
            raise ModelError("script exhausted")
        line = self.lines.pop(0)
        if isinstance(line, Exception):
            raise line
        words = line.split(" ")
        return [w if i == 0 else " " + w for i, w in enumerate(words)]

    def stream_completion(self, prompt, **kw):
        yield from self._next(prompt)

    def stream_chat(self, messages, **kw):
        yield from self._next(messages)

    def warm(self, prompt):
        self.warmed.append(prompt)
