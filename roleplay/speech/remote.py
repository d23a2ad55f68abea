"""What the two server backends share: one `openai` client per server, and failures put in words.

The backends (remote_stt.py, remote_tts.py) talk to OpenAI-compatible servers with the same client
as the language model.  Every failure becomes a message that names the server by host:port and
says what to do, and never holds the API key.
"""

from __future__ import annotations

import functools

import openai

from .servers import SpeechServer


@functools.lru_cache(maxsize=8)
def _client(base_url: str, api_key: str | None, timeout: float) -> openai.OpenAI:
    """One client per server, so requests share its connection pool."""
    # No retries, as for the language model: a failed request is reported, and the trainee retries.
    return openai.OpenAI(base_url=base_url, api_key=api_key or "not-needed", timeout=timeout, max_retries=0)


def required(server: SpeechServer | None, kind: str) -> SpeechServer:
    """The server a remote backend was chosen for; ROLEPLAY_STT/TTS=remote without a URL says what is missing."""
    if server is None:
        raise ValueError(f"ROLEPLAY_{kind}=remote needs ROLEPLAY_{kind}_BASE_URL, like http://gpu-box:8000/v1")
    return server


def client(server: SpeechServer) -> openai.OpenAI:
    return _client(server.base_url, server.api_key, server.timeout)


def problem(server: SpeechServer, e: openai.OpenAIError) -> str:
    """What went wrong with the server and what to do about it, safe to show."""
    where = server.describe()
    if isinstance(e, openai.APITimeoutError):
        return (f"{where} did not answer within {server.timeout:g} s; it may be overloaded. "
                "Try again, or allow longer with ROLEPLAY_SPEECH_TIMEOUT")
    if isinstance(e, openai.APIConnectionError):
        return f"cannot reach {where}; is it running? Start it, or check ROLEPLAY_{server.kind}_BASE_URL"
    if isinstance(e, openai.APIStatusError):
        said = _reason(e)
        if server.api_key:
            said = said.replace(server.api_key, "***")
        return f"{where} failed with HTTP {e.status_code} ({said}); {_hint(server, e.status_code)}"
    return f"{where} sent an answer that could not be read ({type(e).__name__}); is it an OpenAI-compatible server?"


def _reason(e: openai.APIStatusError) -> str:
    body = e.body  # the "error" object of OpenAI-style answers; FastAPI servers say "detail"
    if isinstance(body, dict):
        body = body.get("message") or body.get("detail") or body
    return str(body or "no reason given")[:300]


def _hint(server: SpeechServer, status: int) -> str:
    if status in (401, 403):
        return "check ROLEPLAY_SPEECH_API_KEY"
    if status == 404:
        return f"check ROLEPLAY_{server.kind}_BASE_URL (it usually ends in /v1) and the model name {server.model!r}"
    if 400 <= status < 500:
        voices = " and ROLEPLAY_TTS_VOICE / ROLEPLAY_TTS_VOICES" if server.kind == "TTS" else ""
        return f"check ROLEPLAY_{server.kind}_MODEL ({server.model!r}){voices}"
    return "try again; if it keeps failing, look at the server's log"
