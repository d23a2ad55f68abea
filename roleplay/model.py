"""The customer's model: one interface for every backend and test double, built once from the settings.

A backend is a subclass of `CustomerModel` (`stream_chat` at least, and a `from_settings(env,
**overrides)` constructor).  The shipped one is `llm.ModelClient` (any OpenAI-compatible server, or
the embedded llama.cpp); adding another is one file with one class, named by ROLEPLAY_MODEL_BACKEND
as `module:Class` (or by a short name in BACKENDS).  Backends are named by import path, so choosing one loads only
its own libraries.  Test doubles subclass `CustomerModel` too (tests/fakes.py), so a change to the
interface breaks them where it breaks the real client.
"""

from __future__ import annotations

import importlib
import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Mapping
from typing import Literal

Style = Literal["completion", "chat"]

BACKENDS = {
    "openai": "roleplay.llm:ModelClient",
}
DEFAULT_BACKEND = "openai"


class ModelError(RuntimeError):
    """The model failed; the message is safe to show (no secrets)."""


class CustomerModel(ABC):
    """What the customer, the judge and the persona drafter ask of a model.

    Every method streams or returns text and raises ModelError with a message fit to show.
    """

    model: str = "unknown"  # the model's name, recorded on scorecards and drafts
    # "completion" continues a written transcript (small models stay in role far better);
    # "chat" sends messages.  The customer asks in this style.
    style: Style = "chat"
    # Runs on the embedded weights: the customer then speaks authored lines in the languages
    # the embedded model writes poorly (customer.lines_mode).
    embedded: bool = False

    @classmethod
    def from_settings(cls, env: Mapping[str, str], **overrides) -> CustomerModel:
        """The backend as the settings (and command-line overrides, None for unset) describe it;
        needed only by a backend that ROLEPLAY_MODEL_BACKEND may name."""
        raise ValueError(f"{cls.__module__}:{cls.__name__} is not built from the settings")

    @abstractmethod
    def stream_chat(self, messages: list[dict], *, max_tokens: int = 80, temperature: float = 0.8,
                    seed: int | None = None, stop: list[str] | None = None,
                    on_timings: Callable[[dict], None] | None = None) -> Iterator[str]:
        """Text deltas of the answer to chat messages."""

    def stream_completion(self, prompt: str, *, stop: list[str], max_tokens: int = 80, temperature: float = 0.8,
                          seed: int | None = None, on_timings: Callable[[dict], None] | None = None) -> Iterator[str]:
        """Text deltas continuing a text; asked only of a model whose style is "completion".

        `on_timings` receives the server's own timings when it reports them (the bench reads them).
        """
        raise ModelError(f"{self.describe()} does not continue texts; its style is {self.style!r}")

    def json(self, messages: list[dict], schema: dict, *, name: str = "answer", max_tokens: int = 600,
             timeout: float | None = None) -> str:
        """A chat answer constrained to a JSON schema, as raw JSON text (the judge, persona drafts).

        timeout: seconds for this request when it may run longer than a reply (a drafted persona)."""
        raise ModelError(f"{self.describe()} cannot answer in JSON")

    def warm(self, prompt: str | list[dict]) -> None:
        """Read a prompt ahead of time (a cache); best effort, and nothing for a model without one."""

    def conversation(self) -> CustomerModel:
        """This model as one conversation asks it (a customer in a session): the same model, whose
        requests may keep to one place on the server where its prompt stays cached.  By default itself."""
        return self

    def describe(self) -> str:
        """The model and where it runs, for logs and the judge's note (never a secret)."""
        return self.model


def build_model(env: Mapping[str, str] = os.environ, **overrides) -> CustomerModel:
    """The model the settings name (ROLEPLAY_MODEL_BACKEND, default "openai"); overrides left None are unset."""
    name = (env.get("ROLEPLAY_MODEL_BACKEND") or "").strip() or DEFAULT_BACKEND
    path = BACKENDS.get(name, name)
    module, _, cls = path.partition(":")
    if not cls:
        raise ValueError(f"ROLEPLAY_MODEL_BACKEND: unknown model backend {name!r}; "
                         f"known: {', '.join(BACKENDS)}, or module:Class")
    backend = getattr(importlib.import_module(module), cls)
    if not (isinstance(backend, type) and issubclass(backend, CustomerModel)):
        raise ValueError(f"ROLEPLAY_MODEL_BACKEND: {path} is not a roleplay.model.CustomerModel")
    return backend.from_settings(env, **overrides)
