"""Speech through OpenAI-compatible servers, with the same `openai` client as the language model.

stt.transcribe and tts.synthesize call here when servers.py names a server.  Recordings arrive
already read and checked (stt's own length checks run first, so bad audio never costs a request)
and go out as 16 kHz mono wav.  Every failure is an AudioError (listening) or a TTSError (speaking)
whose message names the server by host:port and says what to do, and never holds the API key.
"""

from __future__ import annotations

import functools
import io
import wave
from pathlib import Path

import numpy as np
import openai
from pydantic import BaseModel

from .servers import SpeechServer, VoiceServer
from .stt import SAMPLE_RATE, AudioError, Segment
from .tts import TTSError

# A wav's data size when the server streamed it and could not know the length up front.
_STREAMED = 0xFFFFFFFF


@functools.lru_cache(maxsize=8)
def _client(base_url: str, api_key: str | None, timeout: float) -> openai.OpenAI:
    """One client per server, so requests share its connection pool."""
    # No retries, as for the language model: a failed request is reported, and the trainee retries.
    return openai.OpenAI(base_url=base_url, api_key=api_key or "not-needed", timeout=timeout, max_retries=0)


def _open(server: SpeechServer) -> openai.OpenAI:
    return _client(server.base_url, server.api_key, server.timeout)


def _problem(server: SpeechServer, e: openai.OpenAIError) -> str:
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


# listening ---------------------------------------------------------------------------------------


class _Heard(BaseModel):
    """A server's transcription: the text always; segments only from servers that send them."""

    text: str
    segments: list[Segment] | None = None


def transcribe(server: SpeechServer, samples: np.ndarray, language: str) -> list[Segment]:
    """Transcribe checked 16 kHz mono samples on the server; one segment for the whole text if it sends none."""
    try:
        reply = _open(server).audio.transcriptions.create(
            model=server.model, file=("recording.wav", _wav_bytes(samples), "audio/wav"),
            language=language, response_format="verbose_json")
        heard = _Heard.model_validate(reply, from_attributes=True)
    except openai.OpenAIError as e:
        raise AudioError(f"could not transcribe the recording: {_problem(server, e)}") from None
    except ValueError:  # not JSON (the client raises JSONDecodeError), or JSON that is not a transcription
        raise AudioError(f"could not transcribe the recording: {server.describe()} did not send a transcription; "
                         "is it a speech-to-text server?") from None
    if heard.segments:
        return [s.model_copy(update={"text": s.text.strip()}) for s in heard.segments]
    text = heard.text.strip()
    return [Segment(start=0.0, end=round(len(samples) / SAMPLE_RATE, 3), text=text)] if text else []


def _wav_bytes(samples: np.ndarray) -> bytes:
    """16-bit mono wav at 16 kHz: every Whisper server reads it, at half the size of float samples."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    return buffer.getvalue()


# speaking ----------------------------------------------------------------------------------------


def speak(server: VoiceServer, text: str, out: Path, *, language: str, sex: str | None) -> None:
    """Ask the server to say text and write its wav to out (a fresh path; the caller publishes it)."""
    voice = server.voice_for(language, sex)
    try:
        reply = _open(server).audio.speech.create(model=server.model, voice=voice, input=text, response_format="wav")
        body = reply.content
    except openai.OpenAIError as e:
        raise TTSError(f"could not speak the customer's line: {_problem(server, e)}") from None
    out.write_bytes(_checked_wav(server, body))


def _checked_wav(server: SpeechServer, body: bytes) -> bytes:
    """The server's wav with an exact header (streamed wavs leave the length open), or a TTSError."""
    def refuse(why: str) -> TTSError:
        return TTSError(f"could not speak the customer's line: {server.describe()} {why}")

    if not (body[:4] == b"RIFF" and body[8:12] == b"WAVE"):
        what = "nothing" if not body else "something else (mp3? JSON?)"
        raise refuse(f"sent {what} instead of a wav; it must support response_format=wav")
    try:
        with wave.open(io.BytesIO(body)) as w:
            params, declared = w.getparams(), w.getnframes()
            frames = w.readframes(declared)
    except (wave.Error, EOFError) as e:  # e.g. float or compressed samples, which the players here refuse
        raise refuse(f"sent a wav this app cannot use ({e}); it needs PCM samples") from None
    size = params.sampwidth * params.nchannels
    count = len(frames) // size
    if count == 0:
        raise refuse("sent a wav with no sound in it")
    # A streamed wav leaves its length at the maximum (0xFFFFFFFF); any other shortfall is a cut-off file.
    if count < declared and declared * size < _STREAMED - size:
        raise refuse(f"sent an incomplete wav ({count} of {declared} frames); try again")
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setparams(params._replace(nframes=count))  # the header counts the frames that came
        w.writeframes(frames[: count * size])
    return out.getvalue()
