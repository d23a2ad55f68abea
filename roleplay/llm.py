"""The shipped model backend (roleplay.model): the `openai` package, to any OpenAI-compatible server.

OPENAI_BASE_URL / OPENAI_API_KEY / ROLEPLAY_MODEL point it at OpenAI, Ollama,
vLLM, llama.cpp or LM Studio.  With no base URL, roleplay starts its own
llama.cpp server in-process (xllamacpp) on 127.0.0.1 over the embedded weights.

Two prompt styles: "completion" continues a written transcript (small local
models stay in role far better this way), "chat" sends messages (for chat-only
servers such as OpenAI's chat models).  "auto" picks per server and model.
"""

from __future__ import annotations

import copy
import itertools
import json
import os
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from typing import Literal
from urllib.parse import unquote, urlsplit, urlunsplit

import httpx2  # the openai client's transport: its errors can surface mid-stream
import openai
from pydantic import BaseModel, Field

from . import weights
from .model import CustomerModel, ModelError

Style = Literal["auto", "completion", "chat"]


def _redact(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, "***")
    return text


def shown_url(url: str) -> str:
    """A URL as messages, logs and scorecards show it: without a user:password@ part or a query
    (either may hold credentials)."""
    u = urlsplit(url)
    return urlunsplit((u.scheme, u.netloc.rpartition("@")[2], u.path, "", ""))


def _url_secrets(url: str) -> list[str]:
    """The credential parts of a URL, as given and as quoted, longest first (redacted wherever they turn up)."""
    u = urlsplit(url)
    parts = [u.netloc.rpartition("@")[0], u.password, u.username, u.query]
    parts += [unquote(p) for p in parts if p]
    return sorted({p for p in parts if p and len(p) >= 3}, key=len, reverse=True)


class ModelConfig(BaseModel):
    base_url: str | None = Field(None, description="OpenAI-compatible server; None starts the embedded one")
    api_key: str | None = None
    model: str = weights.DEFAULT_LLM
    prompt_style: Style = "auto"
    timeout: float = 60.0
    threads: int = 2
    context: int = 4096
    parallel: int = 2

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ, **overrides) -> "ModelConfig":
        values = {
            "base_url": env.get("OPENAI_BASE_URL") or None,
            "api_key": env.get("OPENAI_API_KEY") or None,
            "model": env.get("ROLEPLAY_MODEL") or weights.DEFAULT_LLM,
            "prompt_style": env.get("ROLEPLAY_PROMPT_STYLE") or "auto",
            "timeout": float(env.get("ROLEPLAY_MODEL_TIMEOUT") or 60),
            "threads": int(env.get("ROLEPLAY_THREADS") or min(4, os.cpu_count() or 2)),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @property
    def embedded(self) -> bool:
        return not self.base_url


_lock = threading.Lock()


@lru_cache(maxsize=4)
def _embedded_server(model: str, threads: int, context: int, parallel: int):
    """Start (once per process and settings) the in-process llama.cpp server on 127.0.0.1."""
    import xllamacpp as xlc

    p = xlc.CommonParams()
    p.model.path = str(weights.ensure(model))
    p.n_ctx = context * parallel  # llama.cpp splits the context between the parallel slots
    p.n_parallel = parallel
    p.cpuparams.n_threads = threads
    p.cpuparams_batch.n_threads = threads
    p.hostnames = ["127.0.0.1"]
    p.port = 0
    p.verbosity = -1
    p.cache_prompt = True  # the persona's scene stays the same: keep its prefix warm
    return xlc.Server(p)


def embedded_base_url(config: ModelConfig) -> str:
    with _lock:
        server = _embedded_server(config.model, config.threads, config.context, config.parallel)
    return server.listening_address + "/v1"


_CHAT_ONLY = re.compile(r"^(gpt-|o\d|chatgpt|claude)", re.I)


class ModelClient(CustomerModel):
    """The `openai` client to any OpenAI-compatible server, or to the embedded one (the default backend)."""

    def __init__(self, config: ModelConfig):
        self.config = config  # from the settings: build_model(), through from_settings below
        base_url = self.config.base_url or embedded_base_url(self.config)
        self._secrets = [s for s in (self.config.api_key,) if s] + _url_secrets(base_url)
        self.client = openai.OpenAI(
            base_url=base_url, api_key=self.config.api_key or "not-needed",
            timeout=self.config.timeout, max_retries=0,
        )
        self.base_url = base_url
        self._style: Literal["completion", "chat"] | None = (
            None if self.config.prompt_style == "auto" else self.config.prompt_style
        )
        self.slot: int | None = None  # the embedded server's slot this client's requests keep to (conversation())
        self._slots = itertools.count()  # hands the slots out in turn, shared with the conversations' views

    @classmethod
    def from_settings(cls, env: Mapping[str, str], **overrides) -> "ModelClient":
        return cls(ModelConfig.from_env(env, **overrides))

    @property
    def model(self) -> str:
        return self.config.model

    @property
    def embedded(self) -> bool:
        return self.config.embedded

    def conversation(self) -> "ModelClient":
        """A view of this client for one conversation: on the embedded server its requests keep to one slot.

        The server has `parallel` slots, each caching the prompt it read last, and sends a request to
        an idle one.  A conversation's next request often comes while its previous one is still
        winding down (a stream closed after enough sentences, a guard retry, a reply started at a
        pause and called off), so it went to the other slot and read the whole scene and dialogue
        again: some 400 tokens, seconds on a small CPU.  Pinned (llama.cpp's `id_slot`), it waits the
        moment its slot needs instead.  Conversations take the slots in turn.  A remote server gets
        no such field: only the embedded one is known to be llama.cpp.
        """
        if not self.config.embedded or self.config.parallel < 2:
            return self
        view = copy.copy(self)  # the same HTTP client, settings and slot counter
        view.slot = next(self._slots) % self.config.parallel
        return view

    @property
    def style(self) -> Literal["completion", "chat"]:
        if self._style is None:
            chat_only = "api.openai.com" in self.base_url or _CHAT_ONLY.match(self.model)
            self._style = "chat" if chat_only else "completion"
        return self._style

    def _where(self) -> str:
        return "the embedded model" if self.config.embedded else f"the model server at {shown_url(self.base_url)}"

    def _error(self, e: Exception) -> ModelError:
        msg = _redact(f"{type(e).__name__}: {e}", self._secrets)
        where = self._where()
        if isinstance(e, openai.APITimeoutError):
            return ModelError(f"{where} did not answer within {self.config.timeout:g} s")
        if isinstance(e, openai.APIConnectionError):
            return ModelError(f"cannot reach {where}; is it running? ({msg})")
        return ModelError(f"{where} failed: {msg}")

    def stream_completion(self, prompt: str, *, stop: list[str], max_tokens: int = 80,
                          temperature: float = 0.8, seed: int | None = None,
                          on_timings: Callable[[dict], None] | None = None) -> Iterator[str]:
        """Continue a text; yields text deltas as the server streams them.

        `on_timings` receives the server's own timings when it sends them (llama.cpp does:
        prompt tokens evaluated and generated, with their milliseconds).
        """
        try:
            yield from self._deltas(lambda: self.client.completions.with_streaming_response.create(
                model=self.model, prompt=prompt, stop=stop, max_tokens=max_tokens,
                temperature=temperature, stream=True, seed=seed, extra_body=self._extra_body(on_timings),
            ), lambda choice: choice.get("text"), on_timings)
        except openai.NotFoundError as e:
            if self.config.prompt_style == "auto":
                self._style = "chat"  # chat-only server: remember, the caller retries in chat style
            raise self._error(e) from None
        except openai.OpenAIError as e:
            raise self._error(e) from None

    def stream_chat(self, messages: list[dict], *, max_tokens: int = 80, temperature: float = 0.8,
                    seed: int | None = None, stop: list[str] | None = None,
                    on_timings: Callable[[dict], None] | None = None) -> Iterator[str]:
        try:
            yield from self._deltas(lambda: self.client.chat.completions.with_streaming_response.create(
                model=self.model, messages=messages, max_tokens=max_tokens,
                temperature=temperature, stream=True, seed=seed, stop=stop, extra_body=self._extra_body(on_timings),
            ), lambda choice: (choice.get("delta") or {}).get("content"), on_timings)
        except openai.OpenAIError as e:
            raise self._error(e) from None

    def _extra_body(self, on_timings=None) -> dict | None:
        """llama.cpp's own request fields, for the embedded server only (a remote one may refuse them)."""
        if not self.config.embedded:
            return None
        # llama.cpp sends its timings only at the end unless asked; a reply is often cut short before
        # that (enough sentences), so the embedded server is asked for them with every token.
        body = {"timings_per_token": True} if on_timings else {}
        if self.slot is not None:
            body["id_slot"] = self.slot  # this conversation's slot (conversation())
        return body or None

    def _deltas(self, request, text_of, on_timings=None) -> Iterator[str]:
        """Text deltas from a streamed answer, read from its server-sent events.

        The client still sends the request and maps HTTP errors, but the events are parsed
        here: building the client's typed object for every token was the largest part of the
        app's own time per turn under load (bench: load).
        """
        with request() as response:
            if "text/event-stream" not in response.headers.get("content-type", ""):
                raise ModelError(f"{self._where()} did not answer with a stream "
                                 f"(content type {response.headers.get('content-type')!r})")
            finished = False
            for line in self._lines(response):
                if not line.startswith("data:"):
                    continue  # blank separators, comments, event names
                data = line[5:].strip()
                if data == "[DONE]":
                    break
                try:
                    event = json.loads(data)
                except ValueError:
                    raise ModelError(f"{self._where()} sent an event that is not JSON: {data[:80]!r}") from None
                if on_timings and isinstance(event.get("timings"), dict):
                    on_timings(event["timings"])
                if event.get("error"):
                    raise ModelError(f"{self._where()} failed mid-stream: {_redact(str(event['error']), self._secrets)}")
                for choice in event.get("choices") or []:
                    if choice.get("index", 0) != 0:
                        continue
                    finished = finished or choice.get("finish_reason") is not None
                    text = text_of(choice)
                    if text:
                        yield text
            if not finished:
                raise ModelError(self._where() + " cut the reply off mid-stream")

    def _lines(self, response) -> Iterator[str]:
        """The answer's lines; a connection that stalls or drops mid-answer is a ModelError like any other."""
        try:
            yield from response.iter_lines()
        except httpx2.TimeoutException:
            raise ModelError(f"{self._where()} stopped answering for {self.config.timeout:g} s mid-reply") from None
        except httpx2.TransportError as e:
            raise ModelError(f"{self._where()} dropped the connection mid-reply "
                             f"({_redact(type(e).__name__ + ': ' + str(e), self._secrets)})") from None

    def warm(self, prompt: str | list[dict]) -> None:
        """Have the server evaluate a prompt into its cache now (one token, thrown away).

        Best effort: a request that fails here fails again, with its message, when the line
        is really asked for.
        """
        try:
            if isinstance(prompt, str):
                self.client.completions.create(model=self.model, prompt=prompt, max_tokens=1, temperature=0,
                                               extra_body=self._extra_body())
            else:
                self.client.chat.completions.create(model=self.model, messages=prompt, max_tokens=1, temperature=0,
                                                    extra_body=self._extra_body())
        except openai.OpenAIError:
            pass

    def json(self, messages: list[dict], schema: dict, *, name: str = "answer", max_tokens: int = 600,
             timeout: float | None = None) -> str:
        """A chat completion constrained to a JSON schema; returns the raw JSON text.

        timeout: seconds for this request when it may run longer than a reply (a drafted persona)."""
        try:
            r = self.client.chat.completions.create(
                model=self.model, messages=messages, max_tokens=max_tokens, temperature=0,
                response_format={"type": "json_schema", "json_schema": {"name": name, "schema": schema}},
                **({"timeout": max(timeout, self.config.timeout)} if timeout else {}),
            )
        except openai.OpenAIError as e:
            raise self._error(e) from None
        return r.choices[0].message.content or ""

    def describe(self) -> str:
        where = "embedded llama.cpp" if self.config.embedded else shown_url(self.base_url)
        return f"{self.model} via {where} ({self.style} prompts)"
