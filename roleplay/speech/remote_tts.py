"""Speaking on an OpenAI-compatible server (/v1/audio/speech, asked for wav), e.g. Kokoro-FastAPI or OpenAI."""

from __future__ import annotations

import io
import wave
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import openai

from . import remote, servers
from .base import TTSError

# A wav's data size when the server streamed it and could not know the length up front.
_STREAMED = 0xFFFFFFFF


@dataclass(frozen=True)
class RemoteVoice:
    server: servers.VoiceServer

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> RemoteVoice:
        return cls(remote.required(servers.tts_server(env), "TTS"))

    def has_voice(self, language: str, sex: str | None) -> bool:
        return True  # the server's default voice stands in for any language not configured

    def speak(self, text: str, out: Path, language: str, sex: str | None) -> None:
        server = self.server
        try:
            reply = remote.client(server).audio.speech.create(
                model=server.model, voice=server.voice_for(language, sex), input=text, response_format="wav")
            body = reply.content
        except openai.OpenAIError as e:
            raise TTSError(f"could not speak the customer's line: {remote.problem(server, e)}") from None
        out.write_bytes(checked_wav(server, body))


def checked_wav(server: servers.SpeechServer, body: bytes) -> bytes:
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
